/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangRenewalPlan on generated certificates (make-npki-tree.py
 * --renewal): every CA's window at its boundaries, the precedence of the
 * reasons, fees and the free skip, where the renewal happens, the new
 * validity across 29 February, and the JSON of --renewal-plan. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "dojang-renewal-plan.h"
#include "dojang-seoul.h"
#include "dojang-test-fixtures.h"

static char *tree;
static JsonObject *expected;

static JsonObject *
entry (const char *label)
{
  JsonObject *object = dojang_test_find_expected (expected, "certificates", "label", label);

  g_assert_nonnull (object);

  return object;
}

/* With its companions (signPri.key) as a scan finds it, or from the DER
 * alone, which has no private key. */
static DojangCertificate *
load (const char *label,
      gboolean    with_key_folder)
{
  const char *path = json_object_get_string_member (entry (label), "path");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) der = NULL;
  DojangCertificate *certificate;
  char *contents = NULL;
  gsize length = 0;

  if (with_key_folder)
    {
      certificate = dojang_certificate_new_from_file (path, &error);
      g_assert_no_error (error);
      return certificate;
    }

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  der = g_bytes_new_take (contents, length);
  certificate = dojang_certificate_new_from_bytes (der, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (dojang_certificate_get_has_private_key (certificate));

  return certificate;
}

static DojangRenewalPlan *
plan_at (DojangCertificate *certificate,
         GDateTime         *now)
{
  return dojang_renewal_plan_new (certificate, now);
}

static DojangRenewalReason
reason_at (DojangCertificate *certificate,
           GDateTime         *now)
{
  g_autoptr(DojangRenewalPlan) plan = plan_at (certificate, now);

  return dojang_renewal_plan_get_reason (plan);
}

static GDate *
expiry_day_of (GDateTime *not_after)
{
  GDate *day = g_date_new ();

  dojang_seoul_get_expiry_date (not_after, day);

  return day;
}

/* Midnight in Seoul at the start of @day. */
static GDateTime *
seoul_midnight (const GDate *day)
{
  g_autoptr(GTimeZone) seoul = g_time_zone_new_identifier ("Asia/Seoul");

  return g_date_time_new (seoul, g_date_get_year (day), g_date_get_month (day), g_date_get_day (day), 0, 0, 0);
}

static void
assert_day (const GDate *day,
            int          year,
            int          month,
            int          mday)
{
  g_assert_nonnull (day);
  g_assert_cmpint (g_date_get_year (day), ==, year);
  g_assert_cmpint (g_date_get_month (day), ==, month);
  g_assert_cmpint (g_date_get_day (day), ==, mday);
}

static void
assert_same_day (const GDate *actual,
                 const GDate *wanted)
{
  assert_day (actual, g_date_get_year (wanted), g_date_get_month (wanted), g_date_get_day (wanted));
}

typedef struct
{
  const char *label;
  const char *provider_id;
  int         window_days;
} Window;

/* The windows the CAs state (KICA's terms, yessign's and CrossCert's
 * renewal pages; TradeSign's shorter statement; Koscom's guessed month). */
static const Window windows[] = {
  { "kica-paid", "kica", 30 },
  { "yessign-free", "yessign", 30 },
  { "crosscert-expired", "crosscert", 60 },
  { "tradesign-early", "tradesign", 30 },
  { "koscom-future", "koscom", 30 },
};

static void
test_window_boundaries (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      g_autoptr(DojangCertificate) certificate = load (windows[i].label, TRUE);
      GDateTime *not_after = dojang_certificate_get_not_after (certificate);
      g_autoptr(GDate) expiry_day = expiry_day_of (not_after);
      g_autoptr(GDate) opens = g_date_copy (expiry_day);
      g_autoptr(GDateTime) opening = NULL;
      g_autoptr(GDateTime) just_before = NULL;
      g_autoptr(GDateTime) last_second = g_date_time_add_seconds (not_after, -1);
      g_autoptr(DojangRenewalPlan) first = NULL;
      g_autoptr(DojangRenewalPlan) last = NULL;
      g_autoptr(GDate) new_expiry = g_date_copy (expiry_day);

      g_test_message ("%s", windows[i].label);
      g_assert_cmpstr (dojang_certificate_get_provider_id (certificate), ==, windows[i].provider_id);

      g_date_subtract_days (opens, windows[i].window_days);
      opening = seoul_midnight (opens);
      just_before = g_date_time_add_seconds (opening, -1);
      g_date_add_years (new_expiry, 1);

      g_assert_cmpint (reason_at (certificate, just_before), ==, DOJANG_RENEWAL_REASON_TOO_EARLY);
      first = plan_at (certificate, opening);
      g_assert_cmpint (dojang_renewal_plan_get_reason (first), ==, DOJANG_RENEWAL_REASON_ELIGIBLE);
      g_assert_true (dojang_renewal_plan_get_eligible (first));
      g_assert_cmpint (dojang_renewal_plan_get_window_days (first), ==, windows[i].window_days);
      assert_same_day (dojang_renewal_plan_get_window_opens (first), opens);
      assert_same_day (dojang_renewal_plan_get_new_not_after (first), new_expiry);

      last = plan_at (certificate, last_second);
      g_assert_cmpint (dojang_renewal_plan_get_reason (last), ==, DOJANG_RENEWAL_REASON_ELIGIBLE);
      g_assert_cmpint (reason_at (certificate, not_after), ==, DOJANG_RENEWAL_REASON_EXPIRED);
    }
}

static void
test_too_early_has_no_new_expiry (void)
{
  g_autoptr(DojangCertificate) certificate = load ("tradesign-early", TRUE);
  g_autoptr(GDateTime) at = dojang_test_parse_instant (DOJANG_TEST_AT);
  g_autoptr(DojangRenewalPlan) plan = plan_at (certificate, at);

  g_assert_cmpint (dojang_renewal_plan_get_reason (plan), ==, DOJANG_RENEWAL_REASON_TOO_EARLY);
  g_assert_false (dojang_renewal_plan_get_eligible (plan));
  g_assert_null (dojang_renewal_plan_get_new_not_after (plan));
  g_assert_nonnull (dojang_renewal_plan_get_window_opens (plan));
}

static void
test_precedence (void)
{
  g_autoptr(DojangCertificate) unknown = load ("unknown-ca", TRUE);
  g_autoptr(DojangCertificate) unknown_no_key = load ("unknown-ca", FALSE);
  g_autoptr(DojangCertificate) no_key = load ("yessign-nokey", TRUE);
  g_autoptr(DojangCertificate) paid_no_key = load ("kica-paid", FALSE);
  g_autoptr(GDateTime) before_unknown = g_date_time_add_seconds (dojang_certificate_get_not_before (unknown), -1);
  g_autoptr(GDateTime) after_unknown = g_date_time_add_days (dojang_certificate_get_not_after (unknown), 1);
  g_autoptr(GDateTime) inside_unknown = g_date_time_add_days (dojang_certificate_get_not_after (unknown), -2);
  g_autoptr(GDateTime) after_no_key = g_date_time_add_days (dojang_certificate_get_not_after (no_key), 1);
  g_autoptr(GDateTime) early_no_key = g_date_time_add_days (dojang_certificate_get_not_after (no_key), -200);
  g_autoptr(GDateTime) early_paid = g_date_time_add_days (dojang_certificate_get_not_after (paid_no_key), -200);
  g_autoptr(GDateTime) before_paid = g_date_time_add_seconds (dojang_certificate_get_not_before (paid_no_key), -1);

  /* not_yet_valid before everything, then expired, unknown_provider,
   * no_private_key, too_early. */
  g_assert_cmpint (reason_at (unknown_no_key, before_unknown), ==, DOJANG_RENEWAL_REASON_NOT_YET_VALID);
  g_assert_cmpint (reason_at (paid_no_key, before_paid), ==, DOJANG_RENEWAL_REASON_NOT_YET_VALID);
  g_assert_cmpint (reason_at (unknown_no_key, after_unknown), ==, DOJANG_RENEWAL_REASON_EXPIRED);
  g_assert_cmpint (reason_at (no_key, after_no_key), ==, DOJANG_RENEWAL_REASON_EXPIRED);
  g_assert_cmpint (reason_at (unknown_no_key, inside_unknown), ==, DOJANG_RENEWAL_REASON_UNKNOWN_PROVIDER);
  g_assert_cmpint (reason_at (unknown, inside_unknown), ==, DOJANG_RENEWAL_REASON_UNKNOWN_PROVIDER);
  g_assert_cmpint (reason_at (no_key, early_no_key), ==, DOJANG_RENEWAL_REASON_NO_PRIVATE_KEY);
  g_assert_cmpint (reason_at (paid_no_key, early_paid), ==, DOJANG_RENEWAL_REASON_NO_PRIVATE_KEY);
}

static void
test_fees_and_places (void)
{
  g_autoptr(GDateTime) at = dojang_test_parse_instant (DOJANG_TEST_AT);
  g_autoptr(DojangCertificate) paid = load ("kica-paid", TRUE);
  g_autoptr(DojangCertificate) free_one = load ("yessign-free", TRUE);
  g_autoptr(DojangCertificate) unknown = load ("unknown-ca", TRUE);
  g_autoptr(DojangCertificate) personal = load ("yessign-nokey", TRUE);
  g_autoptr(DojangRenewalPlan) paid_plan = plan_at (paid, at);
  g_autoptr(DojangRenewalPlan) free_plan = plan_at (free_one, at);
  g_autoptr(DojangRenewalPlan) unknown_plan = plan_at (unknown, at);
  g_autoptr(DojangRenewalPlan) personal_plan = plan_at (personal, at);

  /* 범용 개인: 4,400 won, paid on the CA's site. */
  g_assert_cmpint (dojang_renewal_plan_get_fee_krw (paid_plan), ==, 4400);
  g_assert_true (dojang_renewal_plan_get_payment_required (paid_plan));
  g_assert_cmpint (dojang_renewal_plan_get_place (paid_plan), ==, DOJANG_RENEWAL_PLACE_PROVIDER);
  g_assert_cmpstr (dojang_renewal_plan_get_renewal_url (paid_plan), ==,
                   dojang_provider_get_renewal_url (dojang_renewal_plan_get_provider (paid_plan)));

  /* yessign's banking certificate: free, no payment step, renewed at the bank. */
  g_assert_true (dojang_renewal_plan_get_eligible (free_plan));
  g_assert_cmpint (dojang_renewal_plan_get_fee_krw (free_plan), ==, 0);
  g_assert_false (dojang_renewal_plan_get_payment_required (free_plan));
  g_assert_cmpint (dojang_renewal_plan_get_place (free_plan), ==, DOJANG_RENEWAL_PLACE_BANK);
  g_assert_null (dojang_renewal_plan_get_renewal_url (free_plan));

  /* yessign's personal all-purpose certificate: paid, but at the bank too. */
  g_assert_cmpint (dojang_renewal_plan_get_fee_krw (personal_plan), ==, 4400);
  g_assert_cmpint (dojang_renewal_plan_get_place (personal_plan), ==, DOJANG_RENEWAL_PLACE_BANK);

  /* An unknown CA: nothing is known, the CA would ask for a fee. */
  g_assert_cmpint (dojang_renewal_plan_get_fee_krw (unknown_plan), ==, -1);
  g_assert_true (dojang_renewal_plan_get_payment_required (unknown_plan));
  g_assert_cmpint (dojang_renewal_plan_get_place (unknown_plan), ==, DOJANG_RENEWAL_PLACE_UNKNOWN);
  g_assert_null (dojang_renewal_plan_get_provider (unknown_plan));
  g_assert_null (dojang_renewal_plan_get_renewal_url (unknown_plan));
}

static void
test_leap_day (void)
{
  g_autoptr(DojangCertificate) leap = load ("leap-day", TRUE);
  g_autoptr(DojangCertificate) before_leap = load ("before-leap", TRUE);
  g_autoptr(GDateTime) in_leap_window = dojang_test_parse_instant ("2028-02-10T10:00:00+09:00");
  g_autoptr(GDateTime) in_march_window = dojang_test_parse_instant ("2027-02-20T10:00:00+09:00");
  g_autoptr(DojangRenewalPlan) leap_plan = plan_at (leap, in_leap_window);
  g_autoptr(DojangRenewalPlan) march_plan = plan_at (before_leap, in_march_window);

  /* 29 February has no day a year later: the new certificate ends on the 28th. */
  assert_day (dojang_renewal_plan_get_expiry_day (leap_plan), 2028, 2, 29);
  assert_day (dojang_renewal_plan_get_window_opens (leap_plan), 2028, 1, 30);
  assert_day (dojang_renewal_plan_get_new_not_after (leap_plan), 2029, 2, 28);

  /* A year that contains 29 February is still one year. */
  assert_day (dojang_renewal_plan_get_window_opens (march_plan), 2027, 1, 30);
  assert_day (dojang_renewal_plan_get_new_not_after (march_plan), 2028, 3, 1);
}

static char *
iso_day (const GDate *day)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day), g_date_get_day (day));
}

static void
test_json (void)
{
  g_autoptr(GDateTime) at = dojang_test_parse_instant (DOJANG_TEST_AT);
  g_autoptr(DojangCertificate) paid = load ("kica-paid", TRUE);
  g_autoptr(DojangCertificate) unknown = load ("unknown-ca", TRUE);
  g_autoptr(DojangRenewalPlan) paid_plan = plan_at (paid, at);
  g_autoptr(DojangRenewalPlan) unknown_plan = plan_at (unknown, at);
  g_autoptr(GDate) expiry_day = expiry_day_of (dojang_certificate_get_not_after (paid));
  g_autoptr(GDate) opens = g_date_copy (expiry_day);
  g_autoptr(GDate) new_expiry = g_date_copy (expiry_day);
  g_autofree char *opens_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *want_paid = NULL;
  g_autofree char *want_unknown = NULL;
  g_autofree char *paid_json = dojang_renewal_plan_to_json (paid_plan);
  g_autofree char *unknown_json = dojang_renewal_plan_to_json (unknown_plan);

  g_date_subtract_days (opens, 30);
  g_date_add_years (new_expiry, 1);
  opens_text = iso_day (opens);
  new_text = iso_day (new_expiry);

  want_paid = g_strdup_printf ("{\"sha256\":\"%s\",\"eligible\":true,\"reason\":\"eligible\","
                               "\"window_opens\":\"%s\",\"renew_at\":\"provider\",\"fee_krw\":4400,"
                               "\"payment_required\":true,\"new_not_after\":\"%s\","
                               "\"renewal_url\":\"https://www.signgate.com\"}",
                               json_object_get_string_member (entry ("kica-paid"), "sha256"),
                               opens_text, new_text);
  g_assert_cmpstr (paid_json, ==, want_paid);

  want_unknown = g_strdup_printf ("{\"sha256\":\"%s\",\"eligible\":false,\"reason\":\"unknown_provider\","
                                  "\"window_opens\":null,\"renew_at\":null,\"fee_krw\":null,"
                                  "\"payment_required\":true,\"new_not_after\":null,\"renewal_url\":null}",
                                  json_object_get_string_member (entry ("unknown-ca"), "sha256"));
  g_assert_cmpstr (unknown_json, ==, want_unknown);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("TZ", "America/Los_Angeles", TRUE);
  g_test_init (&argc, &argv, NULL);

  tree = dojang_test_make_renewal_tree (DOJANG_TEST_AT);
  expected = dojang_test_load_expected (tree);

  g_test_add_func ("/dojang/renewal-plan/window-boundaries", test_window_boundaries);
  g_test_add_func ("/dojang/renewal-plan/too-early", test_too_early_has_no_new_expiry);
  g_test_add_func ("/dojang/renewal-plan/precedence", test_precedence);
  g_test_add_func ("/dojang/renewal-plan/fees-and-places", test_fees_and_places);
  g_test_add_func ("/dojang/renewal-plan/leap-day", test_leap_day);
  g_test_add_func ("/dojang/renewal-plan/json", test_json);

  status = g_test_run ();

  json_object_unref (expected);
  dojang_test_remove_tree (tree);
  g_free (tree);

  return status;
}
