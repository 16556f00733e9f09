/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "Copy…" from a certificate's details: the writable mounted volumes (USB
 * sticks, as the volume monitor sees them) and any folder as targets; the
 * copy itself, verified file by file, is dojang_certificate_copy(). */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificate-copy.h"
#include "dojang-certificate-copy-dialog.h"
#include "dojang-certificate-error.h"

struct _DojangCertificateCopyDialog
{
  AdwWindow              parent_instance;

  DojangCertificate     *certificate;
  DojangCertificateList *certificates;
  GVolumeMonitor        *monitor;
  GCancellable          *cancellable;
  GtkWidget             *choose_row;
  GtkWidget             *chosen_row;

  GtkLabel              *holder_label;
  GtkListBox            *targets_list;
  GtkSpinner            *spinner;
  GtkLabel              *result_label;
};

G_DEFINE_FINAL_TYPE (DojangCertificateCopyDialog, dojang_certificate_copy_dialog, ADW_TYPE_WINDOW)

static gboolean
is_writable (GFile *root)
{
  g_autoptr(GFileInfo) info = g_file_query_info (root, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL && g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);
}

static GtkWidget *
target_row (const char *title,
            const char *subtitle,
            const char *icon_name,
            const char *path)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", icon_name,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (row), "dojang-target", g_strdup (path), g_free);

  return row;
}

/* One row per writable mounted volume, then "Choose a Folder…". */
static void
fill_targets (DojangCertificateCopyDialog *self)
{
  g_autolist(GMount) mounts = g_volume_monitor_get_mounts (self->monitor);
  GtkWidget *child;

  self->chosen_row = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->targets_list))) != NULL)
    gtk_list_box_remove (self->targets_list, child);

  for (GList *l = mounts; l != NULL; l = l->next)
    {
      g_autoptr(GFile) root = g_mount_get_root (l->data);
      g_autofree char *path = g_file_get_path (root);
      g_autofree char *name = g_mount_get_name (l->data);
      g_autofree char *display = NULL;

      if (path == NULL || g_mount_is_shadowed (l->data) || !is_writable (root))
        continue;

      display = g_filename_display_name (path);
      gtk_list_box_append (self->targets_list, target_row (name, display, "drive-removable-media-symbolic", path));
    }

  self->choose_row = target_row (_("Choose a Folder…"), _("Any folder, for example on a stick Dojang does not list"),
                                 "folder-open-symbolic", NULL);
  gtk_list_box_append (self->targets_list, self->choose_row);
}

static void
show_result (DojangCertificateCopyDialog *self,
             const char                  *text,
             gboolean                     failed)
{
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->targets_list), TRUE);
  gtk_label_set_text (self->result_label, text);
  gtk_widget_set_css_classes (GTK_WIDGET (self->result_label),
                              (const char *[]) { failed ? "error" : "success", NULL });
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), TRUE);
  /* The list was insensitive meanwhile: the focus goes back where it was. */
  if (self->chosen_row != NULL && gtk_widget_get_parent (self->chosen_row) != NULL)
    gtk_widget_grab_focus (self->chosen_row);
}

static void
on_copied (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DojangCertificateCopyDialog) self = user_data;
  g_autoptr(DojangCertificate) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folder = NULL;
  gboolean already_there = FALSE;

  copy = dojang_certificate_copy_finish (result, &already_there, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (copy == NULL)
    {
      /* TRANSLATORS: %s says why, e.g. "“…” already holds a different certificate. Nothing was changed." */
      text = g_error_matches (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_EXISTS)
        ? g_strdup_printf (_("Refused: %s"), error->message)
        : g_strdup_printf (_("Not copied: %s"), error->message);
      show_result (self, text, TRUE);
      return;
    }

  folder = g_filename_display_name (dojang_certificate_get_folder (copy));
  if (already_there)
    /* TRANSLATORS: %s is a folder */
    text = g_strdup_printf (_("Already there: “%s” holds this certificate with the same files. Nothing was copied."), folder);
  else
    /* TRANSLATORS: %s is a folder */
    text = g_strdup_printf (_("Copied and verified: every file in “%s” matches the original."), folder);
  show_result (self, text, FALSE);

  if (self->certificates != NULL)
    dojang_certificate_list_reload (self->certificates);
}

static void
copy_to (DojangCertificateCopyDialog *self,
         const char                  *root)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->targets_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);

  dojang_certificate_copy_async (self->certificate, root, self->cancellable, on_copied, g_object_ref (self));
}

static void
on_folder_chosen (GtkNativeDialog             *chooser,
                  int                          response,
                  DojangCertificateCopyDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        copy_to (self, path);
    }

  g_object_unref (chooser);
}

static void
on_target_activated (DojangCertificateCopyDialog *self,
                     GtkListBoxRow               *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "dojang-target");
  GtkFileChooserNative *chooser;

  self->chosen_row = GTK_WIDGET (row);

  if (path != NULL)
    {
      copy_to (self, path);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Choose Where to Copy the Certificate"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Copy Here"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
dojang_certificate_copy_dialog_dispose (GObject *object)
{
  DojangCertificateCopyDialog *self = DOJANG_CERTIFICATE_COPY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->certificate);
  g_clear_object (&self->certificates);

  G_OBJECT_CLASS (dojang_certificate_copy_dialog_parent_class)->dispose (object);
}

static void
dojang_certificate_copy_dialog_class_init (DojangCertificateCopyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_certificate_copy_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/certificates/dojang-certificate-copy-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateCopyDialog, holder_label);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateCopyDialog, targets_list);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateCopyDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateCopyDialog, result_label);
  gtk_widget_class_bind_template_callback (widget_class, on_target_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dojang_certificate_copy_dialog_init (DojangCertificateCopyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->monitor = g_volume_monitor_get ();
  g_signal_connect_swapped (self->monitor, "mount-added", G_CALLBACK (fill_targets), self);
  g_signal_connect_swapped (self->monitor, "mount-removed", G_CALLBACK (fill_targets), self);
  g_signal_connect_swapped (self->monitor, "mount-changed", G_CALLBACK (fill_targets), self);
}

/**
 * dojang_certificate_copy_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @certificate: what to copy
 * @certificates: (nullable): the list to look again in once a copy is made
 */
DojangCertificateCopyDialog *
dojang_certificate_copy_dialog_new (GtkWindow             *parent,
                                    DojangCertificate     *certificate,
                                    DojangCertificateList *certificates)
{
  DojangCertificateCopyDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (certificate), NULL);

  self = g_object_new (DOJANG_TYPE_CERTIFICATE_COPY_DIALOG, "transient-for", parent, NULL);
  self->certificate = g_object_ref (certificate);
  self->certificates = certificates != NULL ? g_object_ref (certificates) : NULL;

  /* TRANSLATORS: %s is the certificate holder's name */
  heading = g_strdup_printf (_("%s’s certificate"), dojang_certificate_get_name (certificate));
  gtk_label_set_text (self->holder_label, heading);
  fill_targets (self);
  gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (self->targets_list)));

  return self;
}
