/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "Import .pfx…" on the Certificates page, and a .pfx or .p12 dropped on
 * it: the file, its password, and dojang_certificate_import_pfx() to
 * write the NPKI folder under the home folder. The application's list then
 * shows the certificate. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dojang-certificate-error.h"
#include "dojang-certificate-pfx.h"
#include "dojang-password-step.h"
#include "dojang-pfx-import-dialog.h"

struct _DojangPfxImportDialog
{
  AdwWindow              parent_instance;

  DojangCertificateList *certificates;
  DojangPasswordStep    *password;
  char                  *file;

  AdwActionRow          *file_row;
  GtkButton             *choose_button;
  AdwPasswordEntryRow   *password_entry;
  GtkSpinner            *spinner;
  GtkLabel              *result_label;
  GtkButton             *import_button;
};

G_DEFINE_FINAL_TYPE (DojangPfxImportDialog, dojang_pfx_import_dialog, ADW_TYPE_WINDOW)

/**
 * dojang_pfx_is_pkcs12_name:
 *
 * Returns: whether @name ends in .pfx or .p12, in any letter case
 */
gboolean
dojang_pfx_is_pkcs12_name (const char *name)
{
  gsize length = name != NULL ? strlen (name) : 0;

  return length > 4 && (g_ascii_strcasecmp (name + length - 4, ".pfx") == 0
                        || g_ascii_strcasecmp (name + length - 4, ".p12") == 0);
}

static void
update_button (DojangPfxImportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            self->password != NULL && self->file != NULL
                            && !dojang_password_step_get_busy (self->password)
                            && !dojang_password_step_get_empty (self->password));
}

static void
show_result (DojangPfxImportDialog *self,
             const char            *text,
             gboolean               failed)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), TRUE);
  dojang_password_step_show_result (self->password, text, failed);
  update_button (self);
}

/* The list looks in the new folder, also when ~/NPKI was not one of its
 * places yet. */
static void
show_in_list (DojangPfxImportDialog *self,
              DojangCertificate     *certificate)
{
  if (self->certificates == NULL)
    return;

  if (dojang_certificate_list_find_by_path (self->certificates, dojang_certificate_get_path (certificate)) != NULL)
    dojang_certificate_list_reload (self->certificates);
  else
    dojang_certificate_list_add_path (self->certificates, dojang_certificate_get_folder (certificate));
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DojangPfxImportDialog) self = user_data;
  g_autoptr(DojangCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *text = NULL;
  gboolean already_there = FALSE;

  certificate = dojang_certificate_import_pfx_finish (result, &already_there, &error);
  if (!dojang_password_step_end (self->password, error,
                                 DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_WRONG_PASSWORD))
    return;

  if (certificate == NULL)
    {
      /* TRANSLATORS: %s says why */
      text = g_error_matches (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_EXISTS)
        ? g_strdup_printf (_("Refused: %s"), error->message)
        : g_strdup_printf (_("Not imported: %s"), error->message);
      show_result (self, text, TRUE);
      return;
    }

  folder = g_filename_display_name (dojang_certificate_get_folder (certificate));
  if (already_there)
    /* TRANSLATORS: %s is a folder */
    text = g_strdup_printf (_("Already there: this certificate is in “%s”. Nothing was written."), folder);
  else
    /* TRANSLATORS: the first %s is the holder's name, the second a folder */
    text = g_strdup_printf (_("Imported: %s’s certificate is now in “%s” and in the list of certificates."),
                            dojang_certificate_get_name (certificate), folder);
  show_result (self, text, FALSE);
  show_in_list (self, certificate);
}

static void
on_import_clicked (DojangPfxImportDialog *self)
{
  const char *password;
  gsize length = 0;
  GCancellable *cancellable;

  if (dojang_password_step_get_busy (self->password) || self->file == NULL
      || dojang_password_step_get_empty (self->password))
    return;

  cancellable = dojang_password_step_begin (self->password);
  update_button (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), FALSE);

  /* The password is copied into secure memory at once. */
  password = dojang_password_step_peek (self->password, &length);
  dojang_certificate_import_pfx_async (self->file, NULL, password, length,
                                       cancellable, on_imported, g_object_ref (self));
}

/**
 * dojang_pfx_import_dialog_set_file:
 * @path: a .pfx or .p12 file
 */
void
dojang_pfx_import_dialog_set_file (DojangPfxImportDialog *self,
                                   const char            *path)
{
  g_autofree char *display = NULL;

  g_return_if_fail (DOJANG_IS_PFX_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_free (self->file);
  self->file = g_strdup (path);
  display = g_filename_display_name (path);
  adw_action_row_set_subtitle (self->file_row, display);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
  update_button (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
}

static void
on_file_chosen (GtkNativeDialog       *chooser,
                int                    response,
                DojangPfxImportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file != NULL && g_file_peek_path (file) != NULL)
    dojang_pfx_import_dialog_set_file (self, g_file_peek_path (file));
}

/**
 * dojang_pfx_import_dialog_choose_file:
 *
 * A file chooser for the .pfx or .p12 file.
 */
void
dojang_pfx_import_dialog_choose_file (DojangPfxImportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();

  g_return_if_fail (DOJANG_IS_PFX_IMPORT_DIALOG (self));

  chooser = gtk_file_chooser_native_new (_("Choose a .pfx File to Import"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PKCS#12 files (.pfx, .p12)"));
  gtk_file_filter_add_suffix (filter, "pfx");
  gtk_file_filter_add_suffix (filter, "p12");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (everything, _("All Files"));
  gtk_file_filter_add_pattern (everything, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), everything);

  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
dojang_pfx_import_dialog_dispose (GObject *object)
{
  DojangPfxImportDialog *self = DOJANG_PFX_IMPORT_DIALOG (object);

  g_clear_pointer (&self->password, dojang_password_step_free);
  g_clear_object (&self->certificates);
  g_clear_pointer (&self->file, g_free);

  G_OBJECT_CLASS (dojang_pfx_import_dialog_parent_class)->dispose (object);
}

static void
dojang_pfx_import_dialog_class_init (DojangPfxImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_pfx_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/certificates/dojang-pfx-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangPfxImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, DojangPfxImportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, DojangPfxImportDialog, password_entry);
  gtk_widget_class_bind_template_child (widget_class, DojangPfxImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DojangPfxImportDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, DojangPfxImportDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, update_button);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, dojang_pfx_import_dialog_choose_file);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dojang_pfx_import_dialog_init (DojangPfxImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->password = dojang_password_step_new (GTK_EDITABLE (self->password_entry), _("Password of the .pfx file"),
                                             self->spinner, self->result_label);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
}

/**
 * dojang_pfx_import_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @certificates: (nullable): the list that should show the new certificate
 */
DojangPfxImportDialog *
dojang_pfx_import_dialog_new (GtkWindow             *parent,
                              DojangCertificateList *certificates)
{
  DojangPfxImportDialog *self = g_object_new (DOJANG_TYPE_PFX_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->certificates = certificates != NULL ? g_object_ref (certificates) : NULL;
  gtk_widget_grab_focus (GTK_WIDGET (self->choose_button));

  return self;
}
