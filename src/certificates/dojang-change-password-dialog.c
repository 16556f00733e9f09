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
#include "dojang-password-step.h"

struct _DojangChangePasswordDialog
{
  AdwWindow            parent_instance;

  DojangCertificate   *certificate;
  DojangPasswordStep  *old_password;

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
                            self->old_password != NULL
                            && !dojang_password_step_get_busy (self->old_password)
                            && !dojang_password_step_get_empty (self->old_password)
                            && dojang_new_password_get_acceptable (self->new_password));
}

static void
show_result (DojangChangePasswordDialog *self,
             const char                 *text,
             gboolean                    failed)
{
  dojang_password_step_show_result (self->old_password, text, failed);
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

  dojang_certificate_change_password_finish (result, &kept, &error);
  if (!dojang_password_step_end (self->old_password, error,
                                 DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_WRONG_PASSWORD))
    return;

  if (error != NULL)
    {
      if (g_error_matches (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_WRONG_PASSWORD))
        {
          show_result (self, _("The current password is wrong. Nothing was changed; type it again."), TRUE);
          return;
        }

      /* TRANSLATORS: %s says why */
      text = g_strdup_printf (_("The password was not changed: %s"), error->message);
      show_result (self, text, TRUE);
      return;
    }

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
  const char *old_password;
  gsize new_length = 0;
  gsize old_length = 0;
  GCancellable *cancellable;

  new_password = dojang_new_password_peek (self->new_password, &new_length);
  if (dojang_password_step_get_busy (self->old_password) || new_password == NULL
      || dojang_password_step_get_empty (self->old_password))
    return;

  cancellable = dojang_password_step_begin (self->old_password);
  update_button (self);

  /* Both passwords are copied into secure memory at once. */
  old_password = dojang_password_step_peek (self->old_password, &old_length);
  dojang_certificate_change_password_async (self->certificate, old_password, old_length,
                                            new_password, new_length,
                                            cancellable, on_changed, g_object_ref (self));
}

static void
dojang_change_password_dialog_dispose (GObject *object)
{
  DojangChangePasswordDialog *self = DOJANG_CHANGE_PASSWORD_DIALOG (object);

  g_clear_pointer (&self->old_password, dojang_password_step_free);
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

  self->old_password = dojang_password_step_new (GTK_EDITABLE (self->old_entry), _("Current password"),
                                                 self->spinner, self->result_label);
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
