/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The scanner over generated NPKI trees: two roots, odd-case names, every
 * kind of broken file, roots given at any level of the layout. */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dojang-certificate-scanner.h"
#include "dojang-test-fixtures.h"


static char *tree;
static JsonObject *expected;

typedef struct
{
  GPtrArray *certificates;
  GPtrArray *problems;
} Found;

static void
found_clear (Found *found)
{
  g_clear_pointer (&found->certificates, g_ptr_array_unref);
  g_clear_pointer (&found->problems, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Found, found_clear)

static void
scan (Found      *found,
      const char *first_root,
      ...)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *root;
  va_list args;

  va_start (args, first_root);
  for (root = first_root; root != NULL; root = va_arg (args, const char *))
    g_ptr_array_add (roots, (gpointer) root);
  va_end (args);
  g_ptr_array_add (roots, NULL);

  g_assert_true (dojang_certificate_scan_sync ((const char * const *) roots->pdata, NULL,
                                               &found->certificates, &found->problems, &error));
  g_assert_no_error (error);
}

static gboolean
has_certificate (Found      *found,
                 const char *path)
{
  for (guint i = 0; i < found->certificates->len; i++)
    {
      if (g_strcmp0 (dojang_certificate_get_path (g_ptr_array_index (found->certificates, i)), path) == 0)
        return TRUE;
    }

  return FALSE;
}

static DojangScanProblem *
find_problem (Found      *found,
              const char *path)
{
  for (guint i = 0; i < found->problems->len; i++)
    {
      DojangScanProblem *problem = g_ptr_array_index (found->problems, i);

      if (g_strcmp0 (dojang_scan_problem_get_path (problem), path) == 0)
        return problem;
    }

  return NULL;
}

static const char *
root_at (guint index)
{
  return json_array_get_string_element (json_object_get_array_member (expected, "roots"), index);
}

static void
assert_problem (Found      *found,
                const char *kind,
                int         code)
{
  JsonObject *want = dojang_test_find_expected (expected, "problems", "kind", kind);
  DojangScanProblem *problem = find_problem (found, json_object_get_string_member (want, "path"));

  g_assert_nonnull (problem);
  g_assert_error ((GError *) dojang_scan_problem_get_error (problem), DOJANG_CERTIFICATE_ERROR, code);
  g_assert_cmpuint (strlen (dojang_scan_problem_get_message (problem)), >, 10);
}

static void
test_two_roots (void)
{
  g_auto(Found) found = { 0 };
  JsonArray *certificates = json_object_get_array_member (expected, "certificates");
  guint n_problems = json_array_get_length (json_object_get_array_member (expected, "problems"));
  gboolean as_root = geteuid () == 0;

  scan (&found, root_at (0), root_at (1), NULL);

  /* Root reads the "unreadable" file as the good certificate it is; that
   * case is tested as "nobody" in test-certificate. */
  g_assert_cmpuint (found.certificates->len, ==, json_array_get_length (certificates) + (as_root ? 1 : 0));
  for (guint i = 0; i < json_array_get_length (certificates); i++)
    {
      JsonObject *want = json_array_get_object_element (certificates, i);

      g_assert_true (has_certificate (&found, json_object_get_string_member (want, "path")));
    }

  g_assert_cmpuint (found.problems->len, ==, n_problems - (as_root ? 1 : 0));
  assert_problem (&found, "empty", DOJANG_CERTIFICATE_ERROR_EMPTY);
  assert_problem (&found, "truncated", DOJANG_CERTIFICATE_ERROR_TRUNCATED);
  assert_problem (&found, "invalid", DOJANG_CERTIFICATE_ERROR_INVALID);
  assert_problem (&found, "pem", DOJANG_CERTIFICATE_ERROR_PEM);
  assert_problem (&found, "not_a_file", DOJANG_CERTIFICATE_ERROR_NOT_A_FILE);
  assert_problem (&found, "key_without_certificate", DOJANG_CERTIFICATE_ERROR_KEY_WITHOUT_CERTIFICATE);
  if (!as_root)
    assert_problem (&found, "permission", DOJANG_CERTIFICATE_ERROR_PERMISSION);

  /* Sorted by path, so output is stable. */
  for (guint i = 1; i < found.certificates->len; i++)
    g_assert_cmpstr (dojang_certificate_get_path (g_ptr_array_index (found.certificates, i - 1)), <,
                     dojang_certificate_get_path (g_ptr_array_index (found.certificates, i)));
}

static guint
count_under (const char *prefix)
{
  JsonArray *certificates = json_object_get_array_member (expected, "certificates");
  guint count = 0;

  for (guint i = 0; i < json_array_get_length (certificates); i++)
    {
      JsonObject *want = json_array_get_object_element (certificates, i);

      count += g_str_has_prefix (json_object_get_string_member (want, "path"), prefix);
    }

  return count;
}

static void
test_forgiving_roots (void)
{
  JsonObject *hong = dojang_test_find_expected (expected, "certificates", "name", "홍길동");
  const char *hong_path = json_object_get_string_member (hong, "path");
  g_autofree char *subject_folder = g_path_get_dirname (hong_path);
  g_autofree char *user_folder = g_path_get_dirname (subject_folder);
  g_autofree char *ca_folder = g_path_get_dirname (user_folder);
  g_autofree char *home = g_build_filename (tree, "home", NULL);
  g_autofree char *wrong_case = g_build_filename (tree, "usb", "NPKI", NULL);
  g_autofree char *missing = g_build_filename (tree, "nowhere", "NPKI", NULL);
  guint in_ca = count_under (ca_folder);

  g_assert_cmpuint (in_ca, >=, 2);

  {
    g_auto(Found) found = { 0 };
    scan (&found, subject_folder, NULL);
    g_assert_cmpuint (found.certificates->len, ==, 1);
    g_assert_true (has_certificate (&found, hong_path));
  }
  {
    g_auto(Found) found = { 0 };
    scan (&found, user_folder, NULL);
    g_assert_cmpuint (found.certificates->len, ==, in_ca);
  }
  {
    g_auto(Found) found = { 0 };
    scan (&found, ca_folder, NULL);
    g_assert_cmpuint (found.certificates->len, ==, in_ca);
  }
  {
    g_auto(Found) found = { 0 };
    scan (&found, home, NULL);
    /* As root the "unreadable" fixture reads fine. */
    g_assert_cmpuint (found.certificates->len, ==, count_under (home) + (geteuid () == 0 ? 1 : 0));
  }
  {
    /* usb/npki exists; usb/NPKI is found anyway. */
    g_auto(Found) found = { 0 };
    scan (&found, wrong_case, NULL);
    g_assert_cmpuint (found.certificates->len, ==, count_under (root_at (1)));
    g_assert_cmpuint (found.certificates->len, ==, 2);
  }
  {
    g_auto(Found) found = { 0 };
    scan (&found, hong_path, missing, NULL);
    g_assert_cmpuint (found.certificates->len, ==, 1);
    g_assert_cmpuint (found.problems->len, ==, 0);
    g_assert_true (dojang_certificate_get_has_private_key (g_ptr_array_index (found.certificates, 0)));
  }
  {
    /* The same folder twice, or nested in another root, is read once. */
    g_auto(Found) found = { 0 };
    scan (&found, ca_folder, user_folder, ca_folder, NULL);
    g_assert_cmpuint (found.certificates->len, ==, in_ca);
  }
}

static void
on_scanned (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  const char *roots[] = { root_at (0), root_at (1), NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) watch = NULL;
  g_auto(Found) found = { 0 };

  scan (&found, roots[0], roots[1], NULL);

  dojang_certificate_scan_async (roots, NULL, on_scanned, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (dojang_certificate_scan_finish_full (result, &certificates, &problems, &watch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (certificates->len, ==, found.certificates->len);
  g_assert_cmpuint (problems->len, ==, found.problems->len);
  for (guint i = 0; i < certificates->len; i++)
    g_assert_cmpstr (dojang_certificate_get_sha256 (g_ptr_array_index (certificates, i)), ==,
                     dojang_certificate_get_sha256 (g_ptr_array_index (found.certificates, i)));

  /* Every folder that holds a certificate is watched, and the roots. */
  g_assert_true (g_strv_contains ((const char * const *) watch, roots[0]));
  g_assert_true (g_strv_contains ((const char * const *) watch, roots[1]));
  for (guint i = 0; i < certificates->len; i++)
    g_assert_true (g_strv_contains ((const char * const *) watch,
                                    dojang_certificate_get_folder (g_ptr_array_index (certificates, i))));
}

static void
test_cancelled (void)
{
  const char *roots[] = { root_at (0), NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (dojang_certificate_scan_sync (roots, cancellable, &certificates, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (certificates);
}

static void
test_default_roots (void)
{
  const char *home = g_get_home_dir ();
  g_autofree char *npki = g_build_filename (home, "NPKI", NULL);
  g_autofree char *lower = g_build_filename (home, "npki", NULL);
  const char *extra[] = { "/srv/certs", root_at (1), "/srv/certs", NULL };
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;

  /* The tests run with their own empty HOME (tests/isolate.sh). */
  g_assert_false (g_file_test (npki, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (lower, G_FILE_TEST_EXISTS));

  before = dojang_certificate_scanner_default_roots (extra);
  g_assert_cmpstr (before[0], ==, npki);
  g_assert_true (g_strv_contains ((const char * const *) before, "/srv/certs"));
  g_assert_true (g_strv_contains ((const char * const *) before, root_at (1)));
  for (guint i = 0; before[i] != NULL; i++)
    for (guint j = i + 1; before[j] != NULL; j++)
      g_assert_cmpstr (before[i], !=, before[j]);

  g_assert_cmpint (g_mkdir (lower, 0755), ==, 0);
  after = dojang_certificate_scanner_default_roots (NULL);
  g_assert_cmpstr (after[0], ==, lower);
  g_assert_false (g_strv_contains ((const char * const *) after, npki));
  g_rmdir (lower);
}

/* ~/PKI/NPKI, the other home of NPKI on Linux, in any letter case. */
static void
test_pki_npki (void)
{
  g_autofree char *pki = g_build_filename (g_get_home_dir (), "pki", NULL);
  g_autofree char *npki = g_build_filename (pki, "Npki", NULL);
  g_autofree char *home_npki = g_build_filename (g_get_home_dir (), "NPKI", NULL);
  g_auto(GStrv) empty_pki = NULL;
  g_auto(GStrv) roots = NULL;

  g_assert_cmpint (g_mkdir (pki, 0755), ==, 0);
  empty_pki = dojang_certificate_scanner_default_roots (NULL);
  g_assert_false (g_strv_contains ((const char * const *) empty_pki, pki));

  g_assert_cmpint (g_mkdir (npki, 0755), ==, 0);
  roots = dojang_certificate_scanner_default_roots (NULL);
  g_assert_cmpstr (roots[0], ==, home_npki);
  g_assert_cmpstr (roots[1], ==, npki);

  g_rmdir (npki);
  g_rmdir (pki);
}

/* ~/NPKI and ~/npki side by side (an empty mount point beside the real
 * folder, as in a Flatpak sandbox): both are looked in. */
static void
test_every_case (void)
{
  g_autofree char *upper = g_build_filename (g_get_home_dir (), "NPKI", NULL);
  g_autofree char *lower = g_build_filename (g_get_home_dir (), "npki", NULL);
  g_auto(GStrv) roots = NULL;

  g_assert_cmpint (g_mkdir (upper, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (lower, 0755), ==, 0);
  roots = dojang_certificate_scanner_default_roots (NULL);
  g_assert_cmpstr (roots[0], ==, upper);
  g_assert_cmpstr (roots[1], ==, lower);

  g_rmdir (upper);
  g_rmdir (lower);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  tree = dojang_test_make_npki_tree (DOJANG_TEST_AT, 0);
  expected = dojang_test_load_expected (tree);

  g_test_add_func ("/dojang/certificate-scanner/two-roots", test_two_roots);
  g_test_add_func ("/dojang/certificate-scanner/forgiving-roots", test_forgiving_roots);
  g_test_add_func ("/dojang/certificate-scanner/async", test_async);
  g_test_add_func ("/dojang/certificate-scanner/cancelled", test_cancelled);
  g_test_add_func ("/dojang/certificate-scanner/default-roots", test_default_roots);
  g_test_add_func ("/dojang/certificate-scanner/pki-npki", test_pki_npki);
  g_test_add_func ("/dojang/certificate-scanner/every-case", test_every_case);

  status = g_test_run ();

  dojang_test_remove_tree (tree);
  json_object_unref (expected);
  g_free (tree);

  return status;
}
