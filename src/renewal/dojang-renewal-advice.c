/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the renewal assistant tells about a plan: a few words for the list,
 * then why a certificate can or cannot be renewed and what to do instead,
 * with the CA's phone and whether it is open now (the Help data). */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificate-format.h"
#include "dojang-seoul.h"
#include "dojang-holiday-calendar.h"
#include "dojang-provider-catalog.h"
#include "dojang-renewal-advice.h"

static char *
day_text (const GDate *day)
{
  return day != NULL ? dojang_seoul_format_day (day) : g_strdup ("");
}

/* Returns: the label, or a fallback for an unknown CA */
static const char *
provider_name (DojangRenewalPlan *plan)
{
  return dojang_certificate_get_provider_name (dojang_renewal_plan_get_certificate (plan));
}

static gboolean
window_verified (DojangRenewalPlan *plan)
{
  DojangCertificate *certificate = dojang_renewal_plan_get_certificate (plan);
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();
  DojangCertificateType *type = NULL;
  DojangFact *fact = NULL;

  if (catalog != NULL && dojang_certificate_get_policy_oid (certificate) != NULL)
    type = dojang_provider_catalog_find_type (catalog, dojang_certificate_get_policy_oid (certificate));
  if (type != NULL)
    fact = dojang_certificate_type_get_fact (type, "renewal_window");

  return fact != NULL && dojang_fact_is_verified (fact);
}

/**
 * dojang_renewal_advice_short:
 * @successor: (nullable): a newer certificate that renews this one
 *
 * Returns: (transfer full): a few words for a list row, e.g. "From 18 August"
 */
char *
dojang_renewal_advice_short (DojangRenewalPlan *plan,
                             DojangCertificate *successor)
{
  g_autofree char *opens = NULL;

  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (plan), NULL);

  if (successor != NULL)
    return g_strdup (_("Already renewed"));

  switch (dojang_renewal_plan_get_reason (plan))
    {
    case DOJANG_RENEWAL_REASON_ELIGIBLE:
      return g_strdup (_("Can be renewed now"));
    case DOJANG_RENEWAL_REASON_TOO_EARLY:
      opens = day_text (dojang_renewal_plan_get_window_opens (plan));
      /* TRANSLATORS: when renewal opens; %s is a date */
      return g_strdup_printf (_("From %s"), opens);
    case DOJANG_RENEWAL_REASON_EXPIRED:
      return g_strdup (_("Expired: new issue needed"));
    case DOJANG_RENEWAL_REASON_NOT_YET_VALID:
      return g_strdup (_("Not valid yet"));
    case DOJANG_RENEWAL_REASON_NO_PRIVATE_KEY:
      return g_strdup (_("Private key missing"));
    case DOJANG_RENEWAL_REASON_UNKNOWN_PROVIDER:
    default:
      return g_strdup (_("Unknown certificate authority"));
    }
}

char *
dojang_renewal_advice_title (DojangRenewalPlan *plan,
                             DojangCertificate *successor)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (plan), NULL);

  if (successor != NULL)
    return g_strdup (_("Already Renewed"));

  switch (dojang_renewal_plan_get_reason (plan))
    {
    case DOJANG_RENEWAL_REASON_ELIGIBLE:
      return g_strdup (_("Ready to Renew"));
    case DOJANG_RENEWAL_REASON_TOO_EARLY:
      return g_strdup (_("Too Early to Renew"));
    case DOJANG_RENEWAL_REASON_EXPIRED:
      return g_strdup (_("Expired: It Can No Longer Be Renewed"));
    case DOJANG_RENEWAL_REASON_NOT_YET_VALID:
      return g_strdup (_("Not Valid Yet"));
    case DOJANG_RENEWAL_REASON_NO_PRIVATE_KEY:
      return g_strdup (_("The Private Key Is Missing"));
    case DOJANG_RENEWAL_REASON_UNKNOWN_PROVIDER:
    default:
      return g_strdup (_("Unknown Certificate Authority"));
    }
}

static void
append_new_issue (GString           *text,
                  DojangRenewalPlan *plan)
{
  DojangProvider *provider = dojang_renewal_plan_get_provider (plan);
  DojangFact *fact = provider != NULL ? dojang_provider_get_fact (provider, "new_issue") : NULL;

  if (provider == NULL || dojang_provider_get_new_issue (provider) == NULL)
    {
      g_string_append (text, _("Bring your ID card: a new certificate needs an identity check. Ask the bank or "
                               "website that asks for the certificate where to apply."));
      return;
    }

  g_string_append (text, dojang_provider_get_new_issue (provider));
  if (fact != NULL && !dojang_fact_is_verified (fact))
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("(Please verify: this is not confirmed by the CA.)"));
    }
}

/**
 * dojang_renewal_advice_body:
 * @successor: (nullable): a newer certificate that renews this one
 *
 * Returns: (transfer full): why it can or cannot be renewed, and what to
 *   do instead
 */
char *
dojang_renewal_advice_body (DojangRenewalPlan *plan,
                            DojangCertificate *successor)
{
  DojangCertificate *certificate;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *opens = NULL;
  g_autofree char *expiry = NULL;
  g_autofree char *new_expiry = NULL;
  g_autofree char *from = NULL;
  int days;

  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (plan), NULL);

  certificate = dojang_renewal_plan_get_certificate (plan);
  opens = day_text (dojang_renewal_plan_get_window_opens (plan));
  expiry = day_text (dojang_renewal_plan_get_expiry_day (plan));
  new_expiry = day_text (dojang_renewal_plan_get_new_not_after (plan));
  from = dojang_seoul_format_date (dojang_certificate_get_not_before (certificate));
  days = dojang_renewal_plan_get_window_days (plan);

  if (successor != NULL)
    {
      g_autofree char *until = dojang_seoul_format_expiry_date (dojang_certificate_get_not_after (successor));

      g_string_append_printf (text, _("A newer certificate of the same holder was found in %s; it is valid until %s. "
                                      "Dojang shows it instead and moved the reminders to it: there is nothing "
                                      "left to renew."),
                              dojang_certificate_get_folder (successor), until);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  switch (dojang_renewal_plan_get_reason (plan))
    {
    case DOJANG_RENEWAL_REASON_ELIGIBLE:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%s renews it from %s, %d day before it expires, until its last day, %s. "
                                                 "Renewal adds one year: the new certificate should be valid until %s.",
                                                 "%s renews it from %s, %d days before it expires, until its last day, %s. "
                                                 "Renewal adds one year: the new certificate should be valid until %s.",
                                                 days),
                              provider_name (plan), opens, days, expiry, new_expiry);
      if (!window_verified (plan))
        {
          g_string_append_c (text, ' ');
          g_string_append (text, _("(Please verify: the CA’s renewal period is not confirmed.)"));
        }
      break;

    case DOJANG_RENEWAL_REASON_TOO_EARLY:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%s renews certificates only from %d day before they expire. This one "
                                                 "expires on %s, so its renewal opens on %s. Dojang can remind you that "
                                                 "morning.",
                                                 "%s renews certificates only from %d days before they expire. This one "
                                                 "expires on %s, so its renewal opens on %s. Dojang can remind you that "
                                                 "morning.",
                                                 days),
                              provider_name (plan), days, expiry, opens);
      if (!window_verified (plan))
        {
          g_string_append_c (text, ' ');
          g_string_append (text, _("(Please verify: the CA’s renewal period is not confirmed.)"));
        }
      break;

    case DOJANG_RENEWAL_REASON_EXPIRED:
      g_string_append_printf (text, _("It expired on %s. An expired certificate cannot be renewed: it has to be "
                                      "issued anew (신규 발급)."), expiry);
      g_string_append (text, "\n\n");
      append_new_issue (text, plan);
      break;

    case DOJANG_RENEWAL_REASON_NOT_YET_VALID:
      g_string_append_printf (text, _("This certificate becomes valid on %s, so there is nothing to renew yet; it is "
                                      "probably the renewed one. Keep using the old certificate until then."), from);
      break;

    case DOJANG_RENEWAL_REASON_NO_PRIVATE_KEY:
      g_string_append_printf (text, _("Renewal needs the certificate’s private key (signPri.key) and its password, and "
                                      "the key is not in %s. Copy the certificate’s whole folder from where you keep "
                                      "it, such as a USB stick or another computer. If the key is lost, the "
                                      "certificate has to be re-issued (재발급) by %s."),
                              dojang_certificate_get_folder (certificate), provider_name (plan));
      break;

    case DOJANG_RENEWAL_REASON_UNKNOWN_PROVIDER:
    default:
      g_string_append_printf (text, _("Dojang does not know who issued this certificate (%s), so it cannot say when "
                                      "or where it is renewed. Ask the bank or website that asks you for it."),
                              dojang_certificate_get_issuer_dn (certificate));
      break;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * dojang_renewal_advice_contact:
 *
 * Returns: (transfer full) (nullable): the CA's main phone and whether it
 *   is open at the plan's instant, e.g. "1566-0566 · Open now · until
 *   18:00"; %NULL for an unknown CA
 */
char *
dojang_renewal_advice_contact (DojangRenewalPlan *plan)
{
  DojangProvider *provider;
  DojangChannel *channel;
  g_autoptr(DojangChannelStatus) status = NULL;
  g_autofree char *state = NULL;

  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (plan), NULL);

  provider = dojang_renewal_plan_get_provider (plan);
  channel = provider != NULL ? dojang_provider_get_main_channel (provider) : NULL;
  if (channel == NULL)
    return NULL;

  status = dojang_channel_get_status (channel, dojang_holiday_calendar_get_default (),
                                      dojang_renewal_plan_get_now (plan));
  state = dojang_channel_describe_status (channel, status);

  /* TRANSLATORS: CA name, phone number, whether it is open now */
  return g_strdup_printf (_("%s: %s · %s"), dojang_provider_get_name (provider),
                          dojang_channel_get_phone (channel), state);
}

/**
 * dojang_renewal_advice_place:
 *
 * Returns: (transfer full): where the real renewal happens
 */
char *
dojang_renewal_advice_place (DojangRenewalPlan *plan)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (plan), NULL);

  switch (dojang_renewal_plan_get_place (plan))
    {
    case DOJANG_RENEWAL_PLACE_PROVIDER:
      /* TRANSLATORS: the CA's name and its renewal page's address */
      return g_strdup_printf (_("On the website of %s: %s"), provider_name (plan),
                              dojang_renewal_plan_get_renewal_url (plan));
    case DOJANG_RENEWAL_PLACE_BANK:
      /* TRANSLATORS: %s is the certificate authority, e.g. 금융결제원 */
      return g_strdup_printf (_("At your bank: in its internet banking, open the certificate center (인증센터) and "
                                "choose renewal (인증서 갱신). The bank that issued the certificate renews it, not "
                                "the website of %s."), provider_name (plan));
    case DOJANG_RENEWAL_PLACE_UNKNOWN:
    default:
      return g_strdup (_("Unknown: ask the bank or website that asks you for the certificate."));
    }
}
