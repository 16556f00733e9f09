/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Where a certificate lives: the same certificate in the home folder's
 * NPKI, on a USB stick and in a folder the user added reads as three
 * different places; a folder the user added that is gone is reported, while
 * an empty media folder is not. */

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "dojang-certificate-list.h"
#include "dojang-certificate-location.h"
#include "dojang-test-fixtures.h"


static char *tree;
static JsonObject *expected;

static void
copy_certificate (const char *from_path,
                  const char *to_folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *to_path = g_build_filename (to_folder, "signCert.der", NULL);
  g_autofree char *key_path = g_build_filename (to_folder, "signPri.key", NULL);
  gsize length = 0;

  g_assert_true (g_file_get_contents (from_path, &contents, &length, &error));
  g_assert_cmpint (g_mkdir_with_parents (to_folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (to_path, contents, length, &error));
  g_assert_true (g_file_set_contents (key_path, "key", -1, &error));
  g_assert_no_error (error);
}

static void
wait_loaded (DojangCertificateList *list,
             guint                  wanted)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end &&
         !(dojang_certificate_list_get_loaded (list) && !dojang_certificate_list_get_loading (list) &&
           g_list_model_get_n_items (G_LIST_MODEL (list)) == wanted))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, wanted);
}

static char *
location_of (DojangCertificateList *list,
             const char            *folder)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(DojangCertificate) certificate = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_str_has_prefix (dojang_certificate_get_path (certificate), folder))
        return dojang_certificate_list_describe_location (list, certificate);
    }

  g_assert_not_reached ();
}

static void
test_three_places (void)
{
  JsonObject *want = dojang_test_find_expected (expected, "certificates", "name", "홍길동");
  const char *source = json_object_get_string_member (want, "path");
  g_autofree char *home = g_build_filename (tree, "home-dir", NULL);
  g_autofree char *home_copy = g_build_filename (home, "NPKI", "yessign", "USER", "cn=홍길동", NULL);
  g_autofree char *media = g_build_filename (tree, "media", NULL);
  g_autofree char *stick_copy = g_build_filename (media, "KINGSTON", "NPKI", "yessign", "USER", "cn=홍길동", NULL);
  g_autofree char *added = g_build_filename (tree, "my certificates", NULL);
  g_autofree char *added_copy = g_build_filename (added, "cn=홍길동", NULL);
  g_autofree char *gone = g_build_filename (tree, "gone", "NPKI", NULL);
  g_autofree char *empty_mount = g_build_filename (media, "EMPTY", NULL);
  g_autofree char *added_text = NULL;
  g_autofree char *home_text = NULL;
  g_autofree char *stick_text = NULL;
  g_autofree char *in_added = NULL;
  const char *media_folders[] = { media, NULL };
  const char *extra[] = { added, gone, NULL };
  g_autoptr(DojangCertificateList) list = NULL;
  GListModel *problems;
  g_autoptr(DojangScanProblem) problem = NULL;

  g_setenv ("HOME", home, TRUE);
  copy_certificate (source, home_copy);
  copy_certificate (source, stick_copy);
  copy_certificate (source, added_copy);
  /* A stick without certificates is nothing to report. */
  g_assert_cmpint (g_mkdir_with_parents (empty_mount, 0755), ==, 0);

  list = g_object_new (DOJANG_TYPE_CERTIFICATE_LIST, "media-folders", media_folders, NULL);
  dojang_certificate_list_set_extra_folders (list, extra);
  wait_loaded (list, 3);

  home_text = location_of (list, home_copy);
  stick_text = location_of (list, stick_copy);
  in_added = location_of (list, added_copy);
  added_text = g_strdup_printf ("Folder you added: %s", added);
  g_assert_cmpstr (home_text, ==, "Home folder (~/NPKI)");
  g_assert_cmpstr (stick_text, ==, "USB stick “KINGSTON”");
  g_assert_cmpstr (in_added, ==, added_text);

  /* The added folder that is gone is the one problem, and says so. */
  problems = dojang_certificate_list_get_problems (list);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpstr (dojang_scan_problem_get_path (problem), ==, gone);
  g_assert_error ((GError *) dojang_scan_problem_get_error (problem), DOJANG_CERTIFICATE_ERROR,
                  DOJANG_CERTIFICATE_ERROR_FOLDER_MISSING);
  g_assert_true (g_str_has_prefix (dojang_scan_problem_get_message (problem),
                                   "This folder you added cannot be found"));

  /* Once it is back, the problem goes away. */
  g_assert_cmpint (g_mkdir_with_parents (gone, 0755), ==, 0);
  dojang_certificate_list_reload (list);
  wait_loaded (list, 3);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
}

/* The command line's own folders (--path) are just folders. */
static void
test_fixed_roots (void)
{
  const char *root = json_array_get_string_element (json_object_get_array_member (expected, "roots"), 1);
  const char *roots[] = { root, "/nonexistent/NPKI", NULL };
  g_autoptr(DojangCertificateList) list = dojang_certificate_list_new_for_roots (roots);
  g_autofree char *text = NULL;
  g_autofree char *want = g_strdup_printf ("Folder %s", root);
  DojangLocationContext context = { 0 };

  wait_loaded (list, 2);
  text = location_of (list, root);
  g_assert_cmpstr (text, ==, want);
  g_assert_cmpuint (g_list_model_get_n_items (dojang_certificate_list_get_problems (list)), ==, 0);

  g_assert_cmpint (dojang_certificate_location_classify (&context, NULL, NULL), ==,
                   DOJANG_CERTIFICATE_LOCATION_OTHER);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  tree = dojang_test_make_npki_tree (DOJANG_TEST_AT, 0);
  expected = dojang_test_load_expected (tree);

  g_test_add_func ("/dojang/certificate-location/three-places", test_three_places);
  g_test_add_func ("/dojang/certificate-location/fixed-roots", test_fixed_roots);

  status = g_test_run ();

  dojang_test_remove_tree (tree);
  json_object_unref (expected);
  g_free (tree);

  return status;
}
