/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Step 2 of the renewal assistant, 인증서 암호 입력: the certificate's
 * password checked against its private key (DojangPasswordCheck), and,
 * if wanted, a new password tried against the CAs' rule. Renewal needs the
 * old key and its password; a forgotten one means 재발급. Every secret is
 * wiped when the step is left. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-new-password.h"
#include "dojang-password-check.h"
#include "dojang-renewal-password-page.h"

struct _DojangRenewalPasswordPage
{
  AdwBin               parent_instance;

  DojangRenewalPlan   *plan;

  GtkLabel            *intro_label;
  DojangPasswordCheck *check;
  GtkCheckButton      *new_password_switch;
  GtkRevealer         *new_password_revealer;
  DojangNewPassword   *new_password;
};

G_DEFINE_FINAL_TYPE (DojangRenewalPasswordPage, dojang_renewal_password_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  VERIFIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
wants_new_password (DojangRenewalPasswordPage *self)
{
  return gtk_check_button_get_active (self->new_password_switch);
}

static void
on_check_finished (DojangRenewalPasswordPage *self,
                   gboolean                   correct)
{
  if (correct)
    g_signal_emit (self, signals[VERIFIED], 0);
}

static void
on_check_state (DojangRenewalPasswordPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_new_password_toggled (DojangRenewalPasswordPage *self)
{
  gboolean wanted = wants_new_password (self);

  gtk_revealer_set_reveal_child (self->new_password_revealer, wanted);
  if (!wanted)
    dojang_new_password_clear (self->new_password);
}

static void
dojang_renewal_password_page_dispose (GObject *object)
{
  DojangRenewalPasswordPage *self = DOJANG_RENEWAL_PASSWORD_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_RENEWAL_PASSWORD_PAGE);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (dojang_renewal_password_page_parent_class)->dispose (object);
}

static void
dojang_renewal_password_page_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  DojangRenewalPasswordPage *self = DOJANG_RENEWAL_PASSWORD_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, dojang_renewal_password_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_renewal_password_page_class_init (DojangRenewalPasswordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_renewal_password_page_dispose;
  object_class->get_property = dojang_renewal_password_page_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DojangRenewalPasswordPage::verified:
   *
   * The password opened the certificate's key (and a wanted new password
   * meets the rule): the step is done.
   */
  signals[VERIFIED] =
    g_signal_new ("verified", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (DOJANG_TYPE_PASSWORD_CHECK);
  g_type_ensure (DOJANG_TYPE_NEW_PASSWORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/renewal/dojang-renewal-password-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalPasswordPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalPasswordPage, check);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalPasswordPage, new_password_switch);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalPasswordPage, new_password_revealer);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalPasswordPage, new_password);
  gtk_widget_class_bind_template_callback (widget_class, on_check_finished);
  gtk_widget_class_bind_template_callback (widget_class, on_check_state);
  gtk_widget_class_bind_template_callback (widget_class, on_new_password_toggled);
}

static void
dojang_renewal_password_page_init (DojangRenewalPasswordPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
dojang_renewal_password_page_set_plan (DojangRenewalPasswordPage *self,
                                       DojangRenewalPlan         *plan)
{
  DojangCertificate *certificate;
  g_autofree char *intro = NULL;

  g_return_if_fail (DOJANG_IS_RENEWAL_PASSWORD_PAGE (self));
  g_return_if_fail (DOJANG_IS_RENEWAL_PLAN (plan));

  g_set_object (&self->plan, plan);
  certificate = dojang_renewal_plan_get_certificate (plan);

  /* TRANSLATORS: %s is the certificate holder's name */
  intro = g_strdup_printf (_("Type the password of %s’s certificate. Renewal needs it: the CA signs the new "
                             "certificate with the old key. Dojang only opens the private key (signPri.key) here, "
                             "on this computer; the password is not kept or sent anywhere."),
                           dojang_certificate_get_name (certificate));
  gtk_label_set_text (self->intro_label, intro);
  dojang_password_check_set_key (self->check, dojang_certificate_get_key_path (certificate),
                                 dojang_certificate_get_path (certificate));
}

/**
 * dojang_renewal_password_page_start:
 *
 * Checks the password; #DojangRenewalPasswordPage::verified follows when
 * it is right. A wanted new password must meet the rule first.
 *
 * Returns: whether a check started
 */
gboolean
dojang_renewal_password_page_start (DojangRenewalPasswordPage *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PASSWORD_PAGE (self), FALSE);

  if (wants_new_password (self) && !dojang_new_password_get_acceptable (self->new_password))
    {
      dojang_new_password_focus (self->new_password);
      return FALSE;
    }

  return dojang_password_check_start (self->check);
}

gboolean
dojang_renewal_password_page_get_busy (DojangRenewalPasswordPage *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PASSWORD_PAGE (self), FALSE);

  return dojang_password_check_get_state (self->check) == DOJANG_PASSWORD_CHECK_CHECKING;
}

/* Returns: whether a new password was chosen (and accepted) in this step */
gboolean
dojang_renewal_password_page_get_new_password (DojangRenewalPasswordPage *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PASSWORD_PAGE (self), FALSE);

  return wants_new_password (self);
}

/* Wipes every secret of the step and forgets the last check. */
void
dojang_renewal_password_page_clear (DojangRenewalPasswordPage *self)
{
  g_return_if_fail (DOJANG_IS_RENEWAL_PASSWORD_PAGE (self));

  dojang_password_check_clear (self->check);
  dojang_new_password_clear (self->new_password);
}

void
dojang_renewal_password_page_focus (DojangRenewalPasswordPage *self)
{
  g_return_if_fail (DOJANG_IS_RENEWAL_PASSWORD_PAGE (self));

  dojang_password_check_focus (self->check);
}
