/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangCertificate against certificates made by python3-cryptography: every
 * expected value comes from the generator's expected.json, not from the
 * code under test. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dojang-certificate.h"
#include "dojang-test-fixtures.h"


static char *tree;
static JsonObject *expected;

static char *
format_utc (GDateTime *instant)
{
  return g_date_time_format (instant, "%Y-%m-%dT%H:%M:%SZ");
}

static DojangCertificate *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  DojangCertificate *certificate = dojang_certificate_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (certificate);

  return certificate;
}

static void
test_fields (void)
{
  JsonArray *certificates = json_object_get_array_member (expected, "certificates");
  g_autoptr(GDateTime) at = dojang_test_parse_instant (json_object_get_string_member (expected, "at"));

  g_assert_cmpuint (json_array_get_length (certificates), >=, 9);

  for (guint i = 0; i < json_array_get_length (certificates); i++)
    {
      JsonObject *want = json_array_get_object_element (certificates, i);
      const char *path = json_object_get_string_member (want, "path");
      g_autoptr(DojangCertificate) certificate = load (path);
      g_autofree char *not_before = format_utc (dojang_certificate_get_not_before (certificate));
      g_autofree char *not_after = format_utc (dojang_certificate_get_not_after (certificate));
      g_autofree char *folder = g_path_get_dirname (path);
      const char *key_path = NULL;

      g_test_message ("%s", path);
      g_assert_cmpstr (dojang_certificate_get_path (certificate), ==, path);
      g_assert_cmpstr (dojang_certificate_get_folder (certificate), ==, folder);
      g_assert_cmpstr (dojang_certificate_get_subject (certificate), ==,
                       json_object_get_string_member (want, "subject"));
      g_assert_cmpstr (dojang_certificate_get_name (certificate), ==,
                       json_object_get_string_member (want, "name"));
      g_assert_cmpstr (dojang_certificate_get_provider_id (certificate), ==,
                       json_object_get_string_member (want, "ca"));
      g_assert_cmpstr (dojang_certificate_get_policy_oid (certificate), ==,
                       json_object_get_string_member (want, "policy_oid"));
      g_assert_cmpstr (dojang_certificate_get_serial (certificate), ==,
                       json_object_get_string_member (want, "serial"));
      g_assert_cmpstr (dojang_certificate_get_sha256 (certificate), ==,
                       json_object_get_string_member (want, "sha256"));
      g_assert_cmpstr (not_before, ==, json_object_get_string_member (want, "not_before"));
      g_assert_cmpstr (not_after, ==, json_object_get_string_member (want, "not_after"));
      g_assert_cmpint (dojang_certificate_get_days_left (certificate, at), ==,
                       json_object_get_int_member (want, "days_left"));
      g_assert_cmpstr (dojang_certificate_status_to_string (dojang_certificate_get_status (certificate, at)), ==,
                       json_object_get_string_member (want, "status"));
      g_assert_cmpint (dojang_certificate_get_has_private_key (certificate), ==,
                       json_object_get_boolean_member (want, "has_private_key"));
      if (!json_object_get_null_member (want, "key_path"))
        key_path = json_object_get_string_member (want, "key_path");
      g_assert_cmpstr (dojang_certificate_get_key_path (certificate), ==, key_path);
      g_assert_cmpint (dojang_certificate_get_km_cert_path (certificate) != NULL, ==,
                       json_object_get_boolean_member (want, "has_km"));
      g_assert_cmpint (dojang_certificate_get_km_key_path (certificate) != NULL, ==,
                       json_object_get_boolean_member (want, "has_km"));
      g_assert_nonnull (strstr (dojang_certificate_get_issuer_dn (certificate), "AccreditedCA"));
      g_assert_nonnull (dojang_certificate_get_provider_name (certificate));
    }
}

static DojangCertificate *
load_by_oid (const char *oid)
{
  JsonObject *want = dojang_test_find_expected (expected, "certificates", "policy_oid", oid);

  g_assert_nonnull (want);

  return load (json_object_get_string_member (want, "path"));
}

/* Fees and windows as data/providers.json has them from the CAs' sites
 * (yessign.or.kr, signgate.com, crosscert.com): yessign 범용 개인
 * costs 4,400 won a year, bank-only certificates are free, business 범용
 * 110,000; yessign and KICA accept renewals 30 days ahead, CrossCert 60. */
static void
test_catalog_types (void)
{
  g_autoptr(DojangCertificate) yessign_personal = load_by_oid ("1.2.410.200005.1.1.1");
  g_autoptr(DojangCertificate) yessign_bank = load_by_oid ("1.2.410.200005.1.1.4");
  g_autoptr(DojangCertificate) tradesign_business = load_by_oid ("1.2.410.200012.1.1.3");
  g_autoptr(DojangCertificate) crosscert_bank = load_by_oid ("1.2.410.200004.5.4.1.101");
  g_autoptr(DojangCertificate) kica_personal = load_by_oid ("1.2.410.200004.5.2.1.2");

  g_assert_true (dojang_certificate_get_type_known (yessign_personal));
  g_assert_cmpint (dojang_certificate_get_annual_fee_krw (yessign_personal), ==, 4400);
  g_assert_cmpint (dojang_certificate_get_renewal_window_days (yessign_personal), ==, 30);
  g_assert_cmpint (dojang_certificate_get_annual_fee_krw (yessign_bank), ==, 0);
  g_assert_cmpint (dojang_certificate_get_annual_fee_krw (tradesign_business), ==, 110000);
  g_assert_cmpint (dojang_certificate_get_annual_fee_krw (crosscert_bank), ==, 0);
  g_assert_cmpint (dojang_certificate_get_renewal_window_days (crosscert_bank), ==, 60);
  g_assert_cmpint (dojang_certificate_get_renewal_window_days (kica_personal), ==, 30);
  g_assert_cmpstr (dojang_certificate_get_type_name (yessign_personal), !=,
                   dojang_certificate_get_type_name (yessign_bank));
}

static void
test_unknown_type (void)
{
  g_autoptr(DojangCertificate) certificate = load_by_oid ("1.2.410.200005.9.9.9");

  g_assert_false (dojang_certificate_get_type_known (certificate));
  g_assert_cmpstr (dojang_certificate_get_type_name (certificate), ==, "Unknown type");
  g_assert_cmpint (dojang_certificate_get_annual_fee_krw (certificate), ==, -1);
  g_assert_cmpint (dojang_certificate_get_renewal_window_days (certificate), ==,
                   DOJANG_CERTIFICATE_DEFAULT_RENEWAL_WINDOW_DAYS);
  /* The issuer still tells the CA. */
  g_assert_cmpstr (dojang_certificate_get_provider_id (certificate), ==, "yessign");
  g_assert_false (dojang_certificate_get_has_private_key (certificate));
  g_assert_null (dojang_certificate_get_key_path (certificate));
}

/* 00:00 KST on @date plus @days, computed without the code under test. */
static GDateTime *
korean_midnight (const char *date,
                 int         days)
{
  g_autoptr(GTimeZone) kst = g_time_zone_new_offset (9 * 3600);
  g_autofree char *text = g_strconcat (date, "T00:00:00", NULL);
  g_autoptr(GDateTime) midnight = g_date_time_new_from_iso8601 (text, kst);

  g_assert_nonnull (midnight);
  return g_date_time_add_days (midnight, days);
}

/* D-N and the renewal window count Seoul calendar days: the status turns
 * EXPIRING at 00:00 KST on D-(window) and EXPIRED at notAfter, which is
 * still D-Day until the Korean midnight that follows it. */
static void
test_status_boundaries (void)
{
  JsonObject *want = dojang_test_find_expected (expected, "certificates", "policy_oid", "1.2.410.200005.1.1.1");
  g_autoptr(DojangCertificate) certificate = load_by_oid ("1.2.410.200005.1.1.1");
  const char *expiry_date = json_object_get_string_member (want, "expiry_date");
  GDateTime *not_before = dojang_certificate_get_not_before (certificate);
  GDateTime *not_after = dojang_certificate_get_not_after (certificate);
  int window = dojang_certificate_get_renewal_window_days (certificate);
  g_autoptr(GDateTime) opens = dojang_certificate_get_renewal_opens (certificate);
  g_autoptr(GDateTime) expected_opens = korean_midnight (expiry_date, -window);
  g_autoptr(GDateTime) before_opens = g_date_time_add_seconds (expected_opens, -1);
  g_autoptr(GDateTime) before_start = g_date_time_add_seconds (not_before, -1);
  g_autoptr(GDateTime) last_second = g_date_time_add_seconds (not_after, -1);
  g_autoptr(GDateTime) an_hour_late = g_date_time_add_hours (not_after, 1);
  g_autoptr(GDateTime) next_midnight = korean_midnight (expiry_date, 1);
  g_autoptr(GDateTime) before_next_midnight = g_date_time_add_seconds (next_midnight, -1);
  g_autoptr(GDateTime) a_day_late = g_date_time_add_hours (not_after, 24);

  g_assert_true (g_date_time_equal (opens, expected_opens));

  g_assert_cmpint (dojang_certificate_get_status (certificate, before_start), ==,
                   DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID);
  g_assert_cmpint (dojang_certificate_get_status (certificate, not_before), ==,
                   DOJANG_CERTIFICATE_STATUS_VALID);
  g_assert_cmpint (dojang_certificate_get_status (certificate, before_opens), ==,
                   DOJANG_CERTIFICATE_STATUS_VALID);
  g_assert_cmpint (dojang_certificate_get_days_left (certificate, before_opens), ==, window + 1);
  g_assert_cmpint (dojang_certificate_get_status (certificate, opens), ==,
                   DOJANG_CERTIFICATE_STATUS_EXPIRING);
  g_assert_cmpint (dojang_certificate_get_days_left (certificate, opens), ==, window);
  g_assert_cmpint (dojang_certificate_get_status (certificate, last_second), ==,
                   DOJANG_CERTIFICATE_STATUS_EXPIRING);
  g_assert_cmpint (dojang_certificate_get_days_left (certificate, last_second), ==, 0);
  g_assert_cmpint (dojang_certificate_get_status (certificate, not_after), ==,
                   DOJANG_CERTIFICATE_STATUS_EXPIRED);
  g_assert_cmpint (dojang_certificate_get_days_left (certificate, not_after), ==, 0);
  /* Expired, but the Korean day of expiry is not over yet. */
  g_assert_cmpint (dojang_certificate_get_days_left (certificate, an_hour_late), ==, 0);
  g_assert_cmpint (dojang_certificate_get_days_left (certificate, before_next_midnight), ==, 0);
  g_assert_cmpint (dojang_certificate_get_days_left (certificate, next_midnight), ==, -1);
  g_assert_cmpint (dojang_certificate_get_days_left (certificate, a_day_late), ==, -1);
  g_assert_cmpint (dojang_certificate_get_status (certificate, a_day_late), ==,
                   DOJANG_CERTIFICATE_STATUS_EXPIRED);
}

static void
assert_problem (const char *kind,
                int         code)
{
  JsonObject *want = dojang_test_find_expected (expected, "problems", "kind", kind);
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) certificate = NULL;

  g_assert_nonnull (want);
  certificate = dojang_certificate_new_from_file (json_object_get_string_member (want, "path"), &error);
  g_assert_null (certificate);
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_bad_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (tree, "no", "such", "signCert.der", NULL);

  assert_problem ("empty", DOJANG_CERTIFICATE_ERROR_EMPTY);
  assert_problem ("truncated", DOJANG_CERTIFICATE_ERROR_TRUNCATED);
  assert_problem ("invalid", DOJANG_CERTIFICATE_ERROR_INVALID);
  assert_problem ("pem", DOJANG_CERTIFICATE_ERROR_PEM);
  assert_problem ("not_a_file", DOJANG_CERTIFICATE_ERROR_NOT_A_FILE);

  g_assert_null (dojang_certificate_new_from_file (missing, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND);
}

/* Certificates are a few KiB: 64 KiB is still read (and found invalid),
 * one byte more is refused before reading. */
static void
test_size_limit (void)
{
  g_autofree char *folder = g_build_filename (tree, "size-limit", NULL);
  g_autofree char *largest = g_build_filename (folder, "largest.der", NULL);
  g_autofree char *too_large = g_build_filename (folder, "too-large.der", NULL);
  g_autofree char *zeros = g_malloc0 (64 * 1024 + 1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (largest, zeros, 64 * 1024, NULL));
  g_assert_true (g_file_set_contents (too_large, zeros, 64 * 1024 + 1, NULL));

  g_assert_null (dojang_certificate_new_from_file (largest, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (dojang_certificate_new_from_file (too_large, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_TOO_LARGE);
}

static void
test_unreadable (void)
{
  if (g_test_subprocess ())
    {
      g_assert_true (dojang_test_drop_root ());
      assert_problem ("permission", DOJANG_CERTIFICATE_ERROR_PERMISSION);
      return;
    }

  /* Debian always has "nobody"; without it this check would not run. */
  g_assert_true (dojang_test_can_drop_root ());

  /* The tree must be walkable for the unprivileged user. */
  g_chmod (tree, 0755);
  g_setenv ("DOJANG_TEST_TREE", tree, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Every prefix of a real certificate, and the certificate with each byte
 * changed, must give a certificate or an error: never a crash, never both. */
static void
test_damaged_bytes (void)
{
  JsonObject *want = dojang_test_find_expected (expected, "certificates", "policy_oid", "1.2.410.200005.1.1.1");
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint failures = 0;

  g_assert_true (g_file_get_contents (json_object_get_string_member (want, "path"), &contents, &length, NULL));

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (contents, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(DojangCertificate) certificate = dojang_certificate_new_from_bytes (bytes, NULL, &error);

      g_assert_true ((certificate == NULL) != (error == NULL));
      failures += certificate == NULL;
    }
  g_assert_cmpuint (failures, ==, length);

  for (gsize i = 0; i < length; i += 7)
    {
      g_autofree char *copy = g_memdup2 (contents, length);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DojangCertificate) certificate = NULL;

      copy[i] ^= 0x5a;
      bytes = g_bytes_new (copy, length);
      certificate = dojang_certificate_new_from_bytes (bytes, NULL, &error);
      g_assert_true ((certificate == NULL) != (error == NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* A test subprocess works on its parent's tree. */
  if (g_test_subprocess () && g_getenv ("DOJANG_TEST_TREE") != NULL)
    tree = g_strdup (g_getenv ("DOJANG_TEST_TREE"));
  else
    tree = dojang_test_make_npki_tree (DOJANG_TEST_AT, 0);
  expected = dojang_test_load_expected (tree);

  g_test_add_func ("/dojang/certificate/fields", test_fields);
  g_test_add_func ("/dojang/certificate/catalog-types", test_catalog_types);
  g_test_add_func ("/dojang/certificate/unknown-type", test_unknown_type);
  g_test_add_func ("/dojang/certificate/status-boundaries", test_status_boundaries);
  g_test_add_func ("/dojang/certificate/bad-files", test_bad_files);
  g_test_add_func ("/dojang/certificate/size-limit", test_size_limit);
  g_test_add_func ("/dojang/certificate/unreadable", test_unreadable);
  g_test_add_func ("/dojang/certificate/damaged-bytes", test_damaged_bytes);

  status = g_test_run ();

  if (!g_test_subprocess ())
    dojang_test_remove_tree (tree);
  json_object_unref (expected);
  g_free (tree);

  return status;
}
