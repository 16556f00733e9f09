/* SPDX-License-Identifier: GPL-3.0-or-later */

/* `dojang --renewal-plan CERT [--json] [--at TIME] [--path DIR]…`: what a
 * renewal of one certificate would be, for scripts and tests. CERT is a
 * signCert.der, its folder or its SHA-256 (see dojang_certificate_resolve()). */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificate-resolve.h"
#include "dojang-cli-renewal.h"
#include "dojang-clock.h"
#include "dojang-renewal-plan.h"

static char *
format_day (const GDate *day)
{
  char text[16];

  g_snprintf (text, sizeof text, "%04u-%02u-%02u",
              g_date_get_year (day), g_date_get_month (day), g_date_get_day (day));

  return g_strdup (text);
}

static char *
describe_reason (DojangRenewalPlan *plan)
{
  g_autofree char *opens = format_day (dojang_renewal_plan_get_window_opens (plan));
  g_autofree char *expiry = format_day (dojang_renewal_plan_get_expiry_day (plan));

  switch (dojang_renewal_plan_get_reason (plan))
    {
    case DOJANG_RENEWAL_REASON_ELIGIBLE:
      return g_strdup_printf (_("possible now, until %s"), expiry);
    case DOJANG_RENEWAL_REASON_TOO_EARLY:
      return g_strdup_printf (_("not yet: renewal opens on %s"), opens);
    case DOJANG_RENEWAL_REASON_EXPIRED:
      return g_strdup_printf (_("not possible: it expired on %s; apply for a new one (신규 발급)"), expiry);
    case DOJANG_RENEWAL_REASON_NOT_YET_VALID:
      return g_strdup (_("not possible: the certificate is not valid yet"));
    case DOJANG_RENEWAL_REASON_NO_PRIVATE_KEY:
      return g_strdup (_("not possible from here: its private key (signPri.key) is missing; find it or have the certificate re-issued (재발급)"));
    case DOJANG_RENEWAL_REASON_UNKNOWN_PROVIDER:
    default:
      return g_strdup (_("unknown: Dojang does not know the CA that issued it"));
    }
}

static char *
describe_place (DojangRenewalPlan *plan)
{
  switch (dojang_renewal_plan_get_place (plan))
    {
    case DOJANG_RENEWAL_PLACE_PROVIDER:
      return g_strdup (dojang_renewal_plan_get_renewal_url (plan));
    case DOJANG_RENEWAL_PLACE_BANK:
      return g_strdup (_("at the bank that issued it (its internet banking’s certificate center, 인증센터)"));
    case DOJANG_RENEWAL_PLACE_UNKNOWN:
    default:
      return g_strdup (_("unknown"));
    }
}

static char *
describe_fee (DojangRenewalPlan *plan)
{
  int fee = dojang_renewal_plan_get_fee_krw (plan);

  if (fee < 0)
    return g_strdup (_("unknown"));
  if (fee == 0)
    return g_strdup (_("free"));

  /* TRANSLATORS: a fee in Korean won, e.g. "4400 won" */
  return g_strdup_printf (_("%d won"), fee);
}

static void
print_text (DojangRenewalPlan *plan)
{
  DojangCertificate *certificate = dojang_renewal_plan_get_certificate (plan);
  g_autofree char *reason = describe_reason (plan);
  g_autofree char *place = describe_place (plan);
  g_autofree char *fee = describe_fee (plan);

  g_print ("%s (%s, %s)\n", dojang_certificate_get_name (certificate),
           dojang_certificate_get_provider_name (certificate),
           dojang_certificate_get_type_name (certificate));
  g_print ("%s: %s\n", _("Renewal"), reason);
  g_print ("%s: %s\n", _("Where"), place);
  g_print ("%s: %s\n", _("Fee"), fee);
  if (dojang_renewal_plan_get_new_not_after (plan) != NULL)
    {
      g_autofree char *until = format_day (dojang_renewal_plan_get_new_not_after (plan));

      g_print ("%s: %s\n", _("New certificate valid until (expected)"), until);
    }
}

/**
 * dojang_cli_renewal_plan:
 * @options: the parsed command line; uses "renewal-plan", "json" and
 *   "path" (and "at" through the clock)
 *
 * Returns: the exit status: 0, or 1 when CERT is wrong
 */
int
dojang_cli_renewal_plan (GVariantDict *options)
{
  g_autoptr(DojangCertificate) certificate = NULL;
  g_autoptr(DojangRenewalPlan) plan = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) roots = NULL;
  g_autofree const char **paths = NULL;
  const char *cert = NULL;

  if (!g_variant_dict_lookup (options, "renewal-plan", "^&ay", &cert))
    return 1;

  /* --at was applied to the one clock already (dojang-application.c). */
  now = dojang_clock_get_now ();

  if (g_variant_dict_lookup (options, "path", "^a&ay", &paths) && paths[0] != NULL)
    roots = g_strdupv ((char **) paths);
  certificate = dojang_certificate_resolve (cert, (const char * const *) roots, &error);
  if (certificate == NULL)
    {
      g_printerr ("dojang: %s\n", error->message);
      return 1;
    }

  plan = dojang_renewal_plan_new (certificate, now);
  if (g_variant_dict_contains (options, "json"))
    {
      g_autofree char *json = dojang_renewal_plan_to_json (plan);

      g_print ("%s\n", json);
    }
  else
    {
      print_text (plan);
    }

  return 0;
}
