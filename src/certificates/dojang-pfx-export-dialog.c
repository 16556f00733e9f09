/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "Export .pfx…" from a certificate's details: the certificate's password,
 * a file to save to and, when that file exists, an explicit "Replace". The
 * file itself is written by dojang_certificate_export_pfx(), which never
 * replaces anything; a confirmed replacement is written under a hidden name
 * beside the old file and renamed over it, so the old file stays whole
 * until the new one is complete. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dojang-certificate-error.h"
#include "dojang-certificate-pfx.h"
#include "dojang-password-step.h"
#include "dojang-pfx-export-dialog.h"
#include "dojang-safe-file.h"

struct _DojangPfxExportDialog
{
  AdwWindow            parent_instance;

  DojangCertificate   *certificate;
  DojangPasswordStep  *password;
  char                *target;
  char                *partial;

  GtkLabel            *holder_label;
  AdwPasswordEntryRow *password_entry;
  GtkSpinner          *spinner;
  GtkLabel            *result_label;
  GtkButton           *export_button;
};

G_DEFINE_FINAL_TYPE (DojangPfxExportDialog, dojang_pfx_export_dialog, ADW_TYPE_WINDOW)

static void
show_result (DojangPfxExportDialog *self,
             const char            *text,
             gboolean               failed)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !dojang_password_step_get_empty (self->password));
  dojang_password_step_show_result (self->password, text, failed);
}

static void
on_password_changed (DojangPfxExportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            self->password != NULL && !dojang_password_step_get_empty (self->password));
}

/* The confirmed replacement: the complete new file takes the old one's
 * name in one rename. */
static gboolean
replace_target (DojangPfxExportDialog  *self,
                GError                **error)
{
  g_autofree char *folder = g_path_get_dirname (self->target);
  g_autofree char *display = g_filename_display_name (self->target);
  int saved_errno;

  if (g_rename (self->partial, self->target) == 0)
    return dojang_safe_file_sync_folder (folder, error);

  saved_errno = errno;
  g_unlink (self->partial);
  g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_WRITE,
               _("Could not move “%s” into place: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DojangPfxExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *text = NULL;

  if (dojang_certificate_export_pfx_finish (result, &error) && self->partial != NULL)
    replace_target (self, &error);
  /* A wrong password is typed again from scratch. */
  if (!dojang_password_step_end (self->password, error,
                                 DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_WRONG_PASSWORD))
    return;

  if (error != NULL)
    {
      /* TRANSLATORS: %s says why */
      text = g_strdup_printf (_("Not exported: %s"), error->message);
      show_result (self, text, TRUE);
      return;
    }

  display = g_filename_display_name (self->target);
  /* TRANSLATORS: %s is a file */
  text = g_strdup_printf (_("Exported to “%s”. The file is protected by the certificate’s password."), display);
  show_result (self, text, FALSE);
}

static void
start_export (DojangPfxExportDialog *self,
              gboolean               replace)
{
  g_autofree char *folder = g_path_get_dirname (self->target);
  const char *password;
  gsize length = 0;
  GCancellable *cancellable;

  g_clear_pointer (&self->partial, g_free);
  if (replace)
    self->partial = dojang_safe_file_partial_path (folder);

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  cancellable = dojang_password_step_begin (self->password);

  /* The password is copied into secure memory at once; the entry keeps it
   * only until the export is done. */
  password = dojang_password_step_peek (self->password, &length);
  dojang_certificate_export_pfx_async (self->certificate, replace ? self->partial : self->target,
                                       password, length, cancellable, on_exported, g_object_ref (self));
}

static void
on_replace_response (AdwMessageDialog      *dialog,
                     const char            *response,
                     DojangPfxExportDialog *self)
{
  if (g_strcmp0 (response, "replace") == 0)
    start_export (self, TRUE);
}

static void
on_file_chosen (GtkNativeDialog       *chooser,
                int                    response,
                DojangPfxExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *display = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || g_file_peek_path (file) == NULL)
    return;

  g_free (self->target);
  self->target = g_file_get_path (file);
  if (!g_file_test (self->target, G_FILE_TEST_EXISTS))
    {
      start_export (self, FALSE);
      return;
    }

  display = g_filename_display_name (self->target);
  /* TRANSLATORS: %s is a file */
  body = g_strdup_printf (_("“%s” already exists. If you replace it, its contents are lost; "
                            "the old file stays as it is until the new one is complete."), display);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Existing File?"), body);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Replace File"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_clicked (DojangPfxExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (dojang_password_step_get_empty (self->password) || dojang_password_step_get_busy (self->password))
    return;

  chooser = gtk_file_chooser_native_new (_("Save the .pfx File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PKCS#12 files (.pfx, .p12)"));
  gtk_file_filter_add_suffix (filter, "pfx");
  gtk_file_filter_add_suffix (filter, "p12");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strdelimit (g_strdup_printf ("%s.pfx", dojang_certificate_get_name (self->certificate)), "/", '_');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
dojang_pfx_export_dialog_dispose (GObject *object)
{
  DojangPfxExportDialog *self = DOJANG_PFX_EXPORT_DIALOG (object);

  g_clear_pointer (&self->password, dojang_password_step_free);
  g_clear_object (&self->certificate);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->partial, g_free);

  G_OBJECT_CLASS (dojang_pfx_export_dialog_parent_class)->dispose (object);
}

static void
dojang_pfx_export_dialog_class_init (DojangPfxExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_pfx_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/certificates/dojang-pfx-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangPfxExportDialog, holder_label);
  gtk_widget_class_bind_template_child (widget_class, DojangPfxExportDialog, password_entry);
  gtk_widget_class_bind_template_child (widget_class, DojangPfxExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DojangPfxExportDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, DojangPfxExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_password_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dojang_pfx_export_dialog_init (DojangPfxExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->password = dojang_password_step_new (GTK_EDITABLE (self->password_entry), _("Certificate password"),
                                             self->spinner, self->result_label);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
}

DojangPfxExportDialog *
dojang_pfx_export_dialog_new (GtkWindow         *parent,
                              DojangCertificate *certificate)
{
  DojangPfxExportDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (certificate), NULL);

  self = g_object_new (DOJANG_TYPE_PFX_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->certificate = g_object_ref (certificate);
  /* TRANSLATORS: %s is the certificate holder's name */
  heading = g_strdup_printf (_("%s’s certificate"), dojang_certificate_get_name (certificate));
  gtk_label_set_text (self->holder_label, heading);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));

  return self;
}
