/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the command line accepts as CERT: a path or a fingerprint. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dojang-certificate-resolve.h"
#include "dojang-test-fixtures.h"

static char *tree;
static JsonObject *expected;

/* The yessign certificate in the home root and the odd-case one on the USB root. */
static JsonObject *
expected_certificate (const char *name)
{
  JsonObject *want = dojang_test_find_expected (expected, "certificates", "name", name);

  g_assert_nonnull (want);
  return want;
}

static char **
roots (void)
{
  JsonArray *array = json_object_get_array_member (expected, "roots");
  GStrvBuilder *builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));

  return g_strv_builder_end (builder);
}

static void
assert_resolves (const char *argument,
                 JsonObject *want)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) scan_roots = roots ();
  g_autoptr(DojangCertificate) certificate = NULL;

  g_test_message ("%s", argument);
  certificate = dojang_certificate_resolve (argument, (const char * const *) scan_roots, &error);
  g_assert_no_error (error);
  g_assert_nonnull (certificate);
  g_assert_cmpstr (dojang_certificate_get_path (certificate), ==,
                   json_object_get_string_member (want, "path"));
  g_assert_cmpstr (dojang_certificate_get_sha256 (certificate), ==,
                   json_object_get_string_member (want, "sha256"));
  if (json_object_get_boolean_member (want, "has_private_key"))
    g_assert_cmpstr (dojang_certificate_get_key_path (certificate), ==,
                     json_object_get_string_member (want, "key_path"));
}

static void
test_paths (void)
{
  const char *names[] = { "홍길동", "정우성", "한지민" };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonObject *want = expected_certificate (names[i]);
      const char *path = json_object_get_string_member (want, "path");
      g_autofree char *folder = g_path_get_dirname (path);

      assert_resolves (path, want);
      assert_resolves (folder, want);
      assert_resolves (json_object_get_string_member (want, "key_path"), want);
    }
}

static void
test_fingerprint (void)
{
  JsonObject *want = expected_certificate ("정우성");
  g_autofree char *upper = g_ascii_strup (json_object_get_string_member (want, "sha256"), -1);

  assert_resolves (json_object_get_string_member (want, "sha256"), want);
  assert_resolves (upper, want);
  g_assert_true (dojang_certificate_looks_like_sha256 (upper));
  g_assert_false (dojang_certificate_looks_like_sha256 ("abc"));
  upper[10] = 'g';
  g_assert_false (dojang_certificate_looks_like_sha256 (upper));
}

static void
test_not_found (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) scan_roots = roots ();
  g_autofree char *nothing = g_build_filename (tree, "no-such-folder", NULL);
  g_autofree char *empty = g_build_filename (tree, "empty-folder", NULL);
  const char *unknown = "00000000000000000000000000000000000000000000000000000000000000ff";
  JsonObject *keyonly = dojang_test_find_expected (expected, "problems", "kind", "key_without_certificate");

  g_assert_null (dojang_certificate_resolve (nothing, (const char * const *) scan_roots, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  g_assert_null (dojang_certificate_resolve (empty, (const char * const *) scan_roots, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (dojang_certificate_resolve (unknown, (const char * const *) scan_roots, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, unknown));
  g_clear_error (&error);

  g_assert_null (dojang_certificate_resolve (json_object_get_string_member (keyonly, "path"),
                                             (const char * const *) scan_roots, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A file that is not a certificate says why. */
  g_assert_null (dojang_certificate_resolve (json_object_get_string_member (
                   dojang_test_find_expected (expected, "problems", "kind", "pem"), "path"),
                 (const char * const *) scan_roots, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_PEM);
}

/* The same certificate in two folders (a copy on a USB stick): the
 * fingerprint no longer says which one, and nothing is picked silently. */
static void
test_ambiguous (void)
{
  g_autoptr(GError) error = NULL;
  JsonObject *want = expected_certificate ("홍길동");
  g_autofree char *copy_root = g_build_filename (tree, "second", NULL);
  g_autofree char *copy = g_build_filename (copy_root, "signCert.der", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *folder = g_path_get_dirname (json_object_get_string_member (want, "path"));
  gsize length = 0;
  const char *scan_roots[] = { NULL, NULL, NULL };

  g_assert_true (g_file_get_contents (json_object_get_string_member (want, "path"), &contents,
                                      &length, NULL));
  g_assert_cmpint (g_mkdir (copy_root, 0700), ==, 0);
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));

  scan_roots[0] = json_array_get_string_element (json_object_get_array_member (expected, "roots"), 0);
  scan_roots[1] = copy_root;
  g_assert_null (dojang_certificate_resolve (json_object_get_string_member (want, "sha256"),
                                             scan_roots, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, copy_root));
  g_clear_error (&error);

  /* The folder still names one of them. */
  assert_resolves (folder, want);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tree = dojang_test_make_npki_tree (DOJANG_TEST_AT, 0);
  expected = dojang_test_load_expected (tree);

  g_test_add_func ("/dojang/certificate-resolve/paths", test_paths);
  g_test_add_func ("/dojang/certificate-resolve/fingerprint", test_fingerprint);
  g_test_add_func ("/dojang/certificate-resolve/not-found", test_not_found);
  g_test_add_func ("/dojang/certificate-resolve/ambiguous", test_ambiguous);

  status = g_test_run ();

  dojang_test_remove_tree (tree);
  json_object_unref (expected);
  g_free (tree);

  return status;
}
