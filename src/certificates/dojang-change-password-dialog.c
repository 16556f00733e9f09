/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "Change password…" from a certificate's details: the current password,
 * a new one checked live against the CAs' rule (DojangNewPassword), and
 * dojang_certificate_change_password() to re-encrypt the key. Both
 * passwords live in wiped secure buffers and are cleared once used. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificate-error.h"
#include "dojang-certificate-password.h"
#include "dojang-change-password-dialog.h"
#include "dojang-new-password.h"
#include "dojang-secret-buffer.h"

struct _DojangChangePasswordDialog
{
  AdwWindow            parent_instance;

  DojangCertificate   *certificate;
  GCancellable        *cancellable;
  GtkEntryBuffer      *old_password;
  gboolean             busy;

  GtkLabel            *holder_label;
  AdwPasswordEntryRow *old_entry;
  DojangNewPassword   *new_password;
  GtkSpinner          *spinner;
  GtkLabel            *result_label;
  GtkButton           *change_button;
};

G_DEFINE_FINAL_TYPE (DojangChangePasswordDialog, dojang_change_password_dialog, ADW_TYPE_WINDOW)

static void
update_button (DojangChangePasswordDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->change_button),
                            !self->busy
                            && gtk_entry_buffer_get_length (self->old_password) > 0
                            && dojang_new_password_get_acceptable (self->new_password));
}

static void
show_result (DojangChangePasswordDialog *self,
             const char                 *text,
             gboolean                    failed)
{
  self->busy = FALSE;
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_label_set_text (self->result_label, text);
  gtk_widget_set_css_classes (GTK_WIDGET (self->result_label),
                              (const char *[]) { failed ? "error" : "success", NULL });
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), TRUE);
  update_button (self);
}

static void
on_changed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DojangChangePasswordDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *text = NULL;

  if (!dojang_certificate_change_password_finish (result, &kept, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (g_error_matches (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_WRONG_PASSWORD))
        {
          gtk_entry_buffer_delete_text (self->old_password, 0, -1);
          show_result (self, _("The current password is wrong. Nothing was changed; type it again."), TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->old_entry));
          return;
        }

      /* TRANSLATORS: %s says why */
      text = g_strdup_printf (_("The password was not changed: %s"), error->message);
      show_result (self, text, TRUE);
      return;
    }

  gtk_entry_buffer_delete_text (self->old_password, 0, -1);
  dojang_new_password_clear (self->new_password);
  if (kept != NULL)
    {
      g_autofree char *display = g_filename_display_name (kept);

      /* TRANSLATORS: %s is a file */
      text = g_strdup_printf (_("The password was changed. There was no trash for the old key file, so it was kept as “%s”; delete it once the new password works."),
                              display);
    }
  else
    text = g_strdup (_("The password was changed. The old key file is in the trash, in case you need it back."));
  show_result (self, text, FALSE);
}

static void
on_change_clicked (DojangChangePasswordDialog *self)
{
  const char *new_password;
  gsize new_length = 0;

  new_password = dojang_new_password_peek (self->new_password, &new_length);
  if (self->busy || new_password == NULL || gtk_entry_buffer_get_length (self->old_password) == 0)
    return;

  self->busy = TRUE;
  update_button (self);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);

  /* Both passwords are copied into secure memory at once. */
  dojang_certificate_change_password_async (self->certificate,
                                            gtk_entry_buffer_get_text (self->old_password),
                                            gtk_entry_buffer_get_bytes (self->old_password),
                                            new_password, new_length,
                                            self->cancellable, on_changed, g_object_ref (self));
}

static void
dojang_change_password_dialog_dispose (GObject *object)
{
  DojangChangePasswordDialog *self = DOJANG_CHANGE_PASSWORD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->old_password != NULL)
    gtk_entry_buffer_delete_text (self->old_password, 0, -1);
  g_clear_object (&self->old_password);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->certificate);

  G_OBJECT_CLASS (dojang_change_password_dialog_parent_class)->dispose (object);
}

static void
dojang_change_password_dialog_class_init (DojangChangePasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_change_password_dialog_dispose;

  g_type_ensure (DOJANG_TYPE_NEW_PASSWORD);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/certificates/dojang-change-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangChangePasswordDialog, holder_label);
  gtk_widget_class_bind_template_child (widget_class, DojangChangePasswordDialog, old_entry);
  gtk_widget_class_bind_template_child (widget_class, DojangChangePasswordDialog, new_password);
  gtk_widget_class_bind_template_child (widget_class, DojangChangePasswordDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DojangChangePasswordDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, DojangChangePasswordDialog, change_button);
  gtk_widget_class_bind_template_callback (widget_class, update_button);
  gtk_widget_class_bind_template_callback (widget_class, on_change_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dojang_change_password_dialog_init (DojangChangePasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->old_password = g_object_ref (dojang_secret_buffer_install (GTK_EDITABLE (self->old_entry)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self->old_entry))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Current password"), -1);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->change_button));
}

DojangChangePasswordDialog *
dojang_change_password_dialog_new (GtkWindow         *parent,
                                   DojangCertificate *certificate)
{
  DojangChangePasswordDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (certificate), NULL);

  self = g_object_new (DOJANG_TYPE_CHANGE_PASSWORD_DIALOG, "transient-for", parent, NULL);
  self->certificate = g_object_ref (certificate);
  /* TRANSLATORS: %s is the certificate holder's name */
  heading = g_strdup_printf (_("%s’s certificate"), dojang_certificate_get_name (certificate));
  gtk_label_set_text (self->holder_label, heading);
  gtk_widget_grab_focus (GTK_WIDGET (self->old_entry));

  return self;
}
