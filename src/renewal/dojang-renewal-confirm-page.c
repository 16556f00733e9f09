/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Step 4 of the renewal assistant, 확인: what was rehearsed, then the end
 * of the rehearsal: the validity a real renewal should give (old expiry
 * day + 1 year), where the real renewal happens with a button that opens
 * it (renewal.open-renewal-page, provided by the window), and what Dojang
 * does after it. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificate-format.h"
#include "dojang-seoul.h"
#include "dojang-renewal-advice.h"
#include "dojang-renewal-confirm-page.h"
#include "dojang-renewal-payment-page.h"

struct _DojangRenewalConfirmPage
{
  AdwBin        parent_instance;

  GtkLabel     *owner_value;
  GtkLabel     *provider_value;
  GtkLabel     *type_value;
  GtkLabel     *fee_value;
  GtkLabel     *method_value;
  GtkLabel     *password_value;
  GtkLabel     *validity_value;
  GtkLabel     *place_value;
  GtkButton    *open_button;
  GtkLabel     *notice_label;
};

G_DEFINE_FINAL_TYPE (DojangRenewalConfirmPage, dojang_renewal_confirm_page, ADW_TYPE_BIN)

static void
dojang_renewal_confirm_page_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), DOJANG_TYPE_RENEWAL_CONFIRM_PAGE);

  G_OBJECT_CLASS (dojang_renewal_confirm_page_parent_class)->dispose (object);
}

static void
dojang_renewal_confirm_page_class_init (DojangRenewalConfirmPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_renewal_confirm_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/renewal/dojang-renewal-confirm-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalConfirmPage, owner_value);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalConfirmPage, provider_value);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalConfirmPage, type_value);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalConfirmPage, fee_value);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalConfirmPage, method_value);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalConfirmPage, password_value);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalConfirmPage, validity_value);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalConfirmPage, place_value);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalConfirmPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalConfirmPage, notice_label);
}

static void
dojang_renewal_confirm_page_init (DojangRenewalConfirmPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * dojang_renewal_confirm_page_setup:
 * @plan: the eligible plan that was rehearsed
 * @payment_method: "card", "transfer", "phone" or "none"
 * @new_password: whether a new password was practised
 */
void
dojang_renewal_confirm_page_setup (DojangRenewalConfirmPage *self,
                                   DojangRenewalPlan        *plan,
                                   const char               *payment_method,
                                   gboolean                  new_password)
{
  DojangCertificate *certificate;
  g_autofree char *fee = NULL;
  g_autofree char *validity = NULL;
  g_autofree char *new_expiry = NULL;
  g_autofree char *old_expiry = NULL;
  g_autofree char *place = NULL;

  g_return_if_fail (DOJANG_IS_RENEWAL_CONFIRM_PAGE (self));
  g_return_if_fail (DOJANG_IS_RENEWAL_PLAN (plan));
  g_return_if_fail (dojang_renewal_plan_get_eligible (plan));

  certificate = dojang_renewal_plan_get_certificate (plan);
  if (dojang_renewal_plan_get_payment_required (plan))
    fee = dojang_format_fee (dojang_renewal_plan_get_fee_krw (plan));
  else
    fee = g_strdup (_("Free — no payment step"));

  new_expiry = dojang_seoul_format_day (dojang_renewal_plan_get_new_not_after (plan));
  old_expiry = dojang_seoul_format_day (dojang_renewal_plan_get_expiry_day (plan));
  /* TRANSLATORS: the expected new expiry; then the current expiry day */
  validity = g_strdup_printf (_("Until %s (the current expiry, %s, plus one year)"), new_expiry, old_expiry);
  place = dojang_renewal_advice_place (plan);

  gtk_label_set_text (self->owner_value, dojang_certificate_get_name (certificate));
  gtk_label_set_text (self->provider_value, dojang_certificate_get_provider_name (certificate));
  gtk_label_set_text (self->type_value, dojang_certificate_get_type_name (certificate));
  gtk_label_set_text (self->fee_value, fee);
  gtk_label_set_text (self->method_value, dojang_renewal_method_label (payment_method));
  gtk_label_set_text (self->password_value,
                      new_password ? _("Checked; a new one was practised (type it again on the CA’s page)")
                                   : _("Checked; it stays the same"));
  gtk_label_set_text (self->validity_value, validity);
  gtk_label_set_text (self->place_value, place);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), dojang_renewal_plan_get_renewal_url (plan) != NULL);
  dojang_renewal_confirm_page_show_notice (self, NULL);
}

/**
 * dojang_renewal_confirm_page_show_notice:
 * @notice: (nullable): a line under the renewal button, e.g. why the page
 *   could not be opened
 */
void
dojang_renewal_confirm_page_show_notice (DojangRenewalConfirmPage *self,
                                         const char               *notice)
{
  g_return_if_fail (DOJANG_IS_RENEWAL_CONFIRM_PAGE (self));

  gtk_label_set_text (self->notice_label, notice != NULL ? notice : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), notice != NULL);
}
