/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "Check password…" from a certificate's details: the password step of
 * the renewal assistant on its own, with the result and nothing kept. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-password-check.h"
#include "dojang-password-check-dialog.h"

struct _DojangPasswordCheckDialog
{
  AdwWindow            parent_instance;

  GtkLabel            *holder_label;
  DojangPasswordCheck *check;
  GtkButton           *check_button;
};

G_DEFINE_FINAL_TYPE (DojangPasswordCheckDialog, dojang_password_check_dialog, ADW_TYPE_WINDOW)

static void
on_check_clicked (DojangPasswordCheckDialog *self)
{
  dojang_password_check_start (self->check);
}

static void
on_state_changed (DojangPasswordCheckDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button),
                            dojang_password_check_get_state (self->check) != DOJANG_PASSWORD_CHECK_CHECKING);
}

static void
dojang_password_check_dialog_class_init (DojangPasswordCheckDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (DOJANG_TYPE_PASSWORD_CHECK);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/keys/dojang-password-check-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangPasswordCheckDialog, holder_label);
  gtk_widget_class_bind_template_child (widget_class, DojangPasswordCheckDialog, check);
  gtk_widget_class_bind_template_child (widget_class, DojangPasswordCheckDialog, check_button);
  gtk_widget_class_bind_template_callback (widget_class, on_check_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_state_changed);

  /* GtkWindow has no Escape binding of its own. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dojang_password_check_dialog_init (DojangPasswordCheckDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->check_button));
}

/**
 * dojang_password_check_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @holder: whose certificate it is, as shown
 * @key_path: (nullable): its signPri.key
 * @cert_path: its signCert.der
 */
DojangPasswordCheckDialog *
dojang_password_check_dialog_new (GtkWindow  *parent,
                                  const char *holder,
                                  const char *key_path,
                                  const char *cert_path)
{
  DojangPasswordCheckDialog *self = g_object_new (DOJANG_TYPE_PASSWORD_CHECK_DIALOG,
                                                  "transient-for", parent,
                                                  NULL);
  /* TRANSLATORS: %s is the certificate holder's name */
  g_autofree char *heading = g_strdup_printf (_("%s’s certificate"), holder);

  gtk_label_set_text (self->holder_label, heading);
  dojang_password_check_set_key (self->check, key_path, cert_path);
  dojang_password_check_focus (self->check);

  return self;
}
