/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The live certificate list: folders appearing and disappearing under a
 * watched root, a USB stick mounted and the certificate-folders setting
 * changing show up in the model within 2 s, with no polling. */

#include "config.h"

#include <locale.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dojang-certificate-list.h"
#include "dojang-test-fixtures.h"


#define LIVE_LIMIT_MS 2000

static char *tree;
static JsonObject *expected;

typedef struct
{
  DojangCertificateList *list;
  guint                  wanted;
  gboolean               timed_out;
} Wait;

static gboolean
on_timeout (gpointer user_data)
{
  Wait *wait = user_data;

  wait->timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the list holds @wanted certificates, a first scan
 * has finished, and nothing is pending; returns the milliseconds it took or
 * fails after @limit_ms. */
static gint64
wait_for_count (DojangCertificateList *list,
                guint                  wanted,
                guint                  limit_ms)
{
  Wait wait = { list, wanted, FALSE };
  gint64 start = g_get_monotonic_time ();
  guint timeout = g_timeout_add (limit_ms, on_timeout, &wait);

  while (!wait.timed_out &&
         !(dojang_certificate_list_get_loaded (list) &&
           g_list_model_get_n_items (G_LIST_MODEL (list)) == wanted))
    g_main_context_iteration (NULL, TRUE);

  if (wait.timed_out)
    g_error ("expected %u certificates within %u ms, have %u", wanted, limit_ms,
             g_list_model_get_n_items (G_LIST_MODEL (list)));

  g_source_remove (timeout);

  return (g_get_monotonic_time () - start) / 1000;
}

static void
count_change (GListModel *model,
              guint       position,
              guint       removed,
              guint       added,
              guint      *changes)
{
  (*changes)++;
}

static void
copy_certificate (const char *from_path,
                  const char *to_folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *to_path = g_build_filename (to_folder, "signCert.der", NULL);
  gsize length = 0;

  g_assert_true (g_file_get_contents (from_path, &contents, &length, &error));
  g_assert_cmpint (g_mkdir_with_parents (to_folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (to_path, contents, length, &error));
  g_assert_no_error (error);
}

static const char *
root_at (guint index)
{
  return json_array_get_string_element (json_object_get_array_member (expected, "roots"), index);
}

static const char *
sample_path (void)
{
  JsonObject *want = dojang_test_find_expected (expected, "certificates", "name", "홍길동");

  return json_object_get_string_member (want, "path");
}

static void
test_folder_added_and_removed (void)
{
  const char *roots[] = { root_at (1), NULL };
  g_autoptr(DojangCertificateList) list = dojang_certificate_list_new_for_roots (roots);
  g_autofree char *subject = g_build_filename (root_at (1), "kica", "User", "cn=새사람()001", NULL);
  g_autofree char *new_ca = g_build_filename (root_at (1), "CrossCert", NULL);
  g_autofree char *deep = g_build_filename (new_ca, "USER", "cn=깊은곳()002", NULL);
  g_autofree char *cert = g_build_filename (subject, "signCert.der", NULL);
  gint64 ms;

  wait_for_count (list, 2, 10000);
  g_assert_cmpuint (g_list_model_get_n_items (dojang_certificate_list_get_problems (list)), ==, 0);

  /* A new subject folder in a watched USER folder. */
  copy_certificate (sample_path (), subject);
  ms = wait_for_count (list, 3, LIVE_LIMIT_MS);
  g_test_message ("new subject folder appeared after %" G_GINT64_FORMAT " ms", ms);
  g_assert_nonnull (dojang_certificate_list_find_by_path (list, cert));

  /* A whole new CA folder, made in one go like a copy would. */
  copy_certificate (sample_path (), deep);
  ms = wait_for_count (list, 4, LIVE_LIMIT_MS);
  g_test_message ("new CA folder appeared after %" G_GINT64_FORMAT " ms", ms);

  /* Removing them. */
  dojang_test_remove_tree (subject);
  dojang_test_remove_tree (new_ca);
  ms = wait_for_count (list, 2, LIVE_LIMIT_MS);
  g_test_message ("removed folders disappeared after %" G_GINT64_FORMAT " ms", ms);
  g_assert_null (dojang_certificate_list_find_by_path (list, cert));
}

static void
test_root_created_later (void)
{
  g_autofree char *parent = g_build_filename (tree, "later", NULL);
  g_autofree char *root = g_build_filename (parent, "NPKI", NULL);
  g_autofree char *subject = g_build_filename (parent, "npki", "yessign", "USER", "cn=나중()003", NULL);
  const char *roots[] = { root, NULL };
  g_autoptr(DojangCertificateList) list = NULL;
  gint64 ms;

  g_assert_cmpint (g_mkdir (parent, 0755), ==, 0);
  list = dojang_certificate_list_new_for_roots (roots);
  wait_for_count (list, 0, 10000);

  /* Created in lower case: still the NPKI root. */
  copy_certificate (sample_path (), subject);
  ms = wait_for_count (list, 1, LIVE_LIMIT_MS);
  g_test_message ("a root created later appeared after %" G_GINT64_FORMAT " ms", ms);
}

static void
test_problems_follow (void)
{
  const char *roots[] = { root_at (1), NULL };
  g_autoptr(DojangCertificateList) list = dojang_certificate_list_new_for_roots (roots);
  GListModel *problems = dojang_certificate_list_get_problems (list);
  g_autofree char *bad = g_build_filename (root_at (1), "YESSIGN", "user", "cn=빈파일()004", NULL);
  g_autofree char *bad_cert = g_build_filename (bad, "signCert.der", NULL);
  g_autoptr(DojangScanProblem) problem = NULL;
  gint64 start;

  wait_for_count (list, 2, 10000);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);

  g_assert_cmpint (g_mkdir_with_parents (bad, 0755), ==, 0);
  g_assert_true (g_file_set_contents (bad_cert, "", 0, NULL));

  start = g_get_monotonic_time ();
  while (g_list_model_get_n_items (problems) == 0 &&
         g_get_monotonic_time () - start < LIVE_LIMIT_MS * 1000)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpstr (dojang_scan_problem_get_path (problem), ==, bad_cert);
  /* The good ones stay. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  dojang_test_remove_tree (bad);
}

static void
test_extra_folders (void)
{
  g_autoptr(DojangCertificateList) list = dojang_certificate_list_new ();
  const char *extra[] = { root_at (1), NULL };
  g_autoptr(DojangCertificate) first = NULL;
  guint changes = 0;

  /* An empty HOME (tests/isolate.sh) and no USB sticks. */
  wait_for_count (list, 0, 10000);
  g_assert_false (g_strv_contains (dojang_certificate_list_get_roots (list), root_at (1)));

  dojang_certificate_list_set_extra_folders (list, extra);
  g_assert_true (g_strv_contains (dojang_certificate_list_get_roots (list), root_at (1)));
  wait_for_count (list, 2, LIVE_LIMIT_MS);

  /* A rescan with nothing changed keeps the same objects and says nothing. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_change), &changes);
  dojang_certificate_list_reload (list);
  g_assert_true (dojang_certificate_list_get_loading (list));
  while (dojang_certificate_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (changes, ==, 0);
  {
    g_autoptr(DojangCertificate) again = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_true (again == first);
  }
  g_assert_nonnull (dojang_certificate_list_find_by_sha256 (list, dojang_certificate_get_sha256 (first)));

  dojang_certificate_list_set_extra_folders (list, NULL);
  wait_for_count (list, 0, LIVE_LIMIT_MS);
}

static void
test_follows_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(DojangCertificateList) list = NULL;
  const char *folders[] = { root_at (1), NULL };
  gint64 ms;

  g_settings_reset (settings, "certificate-folders");
  list = dojang_certificate_list_new_for_settings (settings);
  wait_for_count (list, 0, 10000);

  /* Preferences → Add Folder. */
  g_settings_set_strv (settings, "certificate-folders", folders);
  g_assert_true (g_strv_contains (dojang_certificate_list_get_roots (list), root_at (1)));
  ms = wait_for_count (list, 2, LIVE_LIMIT_MS);
  g_test_message ("a folder added to the setting was read after %" G_GINT64_FORMAT " ms", ms);

  /* …and Remove. */
  g_settings_reset (settings, "certificate-folders");
  g_assert_false (g_strv_contains (dojang_certificate_list_get_roots (list), root_at (1)));
  wait_for_count (list, 0, LIVE_LIMIT_MS);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
}

/* A USB stick mounted under the media folder (where udisks mounts them,
 * /media/$USER) appears in one go; it is found without the volume monitor
 * saying so, and only its certificate is announced as added. */
static void
test_medium_plugged_in (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *media = g_dir_make_tmp ("media-XXXXXX", &error);
  g_autofree char *staging = g_build_filename (tree, "staging", NULL);
  g_autofree char *stick = g_build_filename (staging, "KINGSTON", NULL);
  g_autofree char *stick_cert = g_build_filename (stick, "NPKI", "yessign", "USER", "cn=이동식()005", NULL);
  g_autofree char *mount_point = g_build_filename (media, "KINGSTON", NULL);
  g_autofree char *stick_root = g_build_filename (mount_point, "NPKI", NULL);
  g_autofree char *found_path = g_build_filename (stick_root, "yessign", "USER", "cn=이동식()005",
                                                  "signCert.der", NULL);
  const char *media_folders[] = { media, NULL };
  const char *extra[] = { root_at (1), NULL };
  g_autoptr(DojangCertificateList) list = NULL;
  Change change = { 0 };
  gint64 ms;

  g_assert_no_error (error);
  list = g_object_new (DOJANG_TYPE_CERTIFICATE_LIST,
                       "media-folders", media_folders,
                       "extra-folders", extra,
                       NULL);
  wait_for_count (list, 2, 10000);
  g_assert_false (g_strv_contains (dojang_certificate_list_get_roots (list), stick_root));

  copy_certificate (sample_path (), stick_cert);
  g_signal_connect (list, "items-changed", G_CALLBACK (record_change), &change);
  g_assert_cmpint (g_rename (stick, mount_point), ==, 0);
  ms = wait_for_count (list, 3, LIVE_LIMIT_MS);
  g_test_message ("a mounted stick was read after %" G_GINT64_FORMAT " ms", ms);

  g_assert_true (g_strv_contains (dojang_certificate_list_get_roots (list), stick_root));
  g_assert_nonnull (dojang_certificate_list_find_by_path (list, found_path));
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  {
    g_autoptr(DojangCertificate) added = g_list_model_get_item (G_LIST_MODEL (list), change.position);
    g_assert_cmpstr (dojang_certificate_get_path (added), ==, found_path);
  }

  /* Pulled out: gone from the list and from the roots. */
  dojang_test_remove_tree (mount_point);
  wait_for_count (list, 2, LIVE_LIMIT_MS);
  g_assert_false (g_strv_contains (dojang_certificate_list_get_roots (list), stick_root));

  dojang_test_remove_tree (media);
  dojang_test_remove_tree (staging);
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

  g_test_add_func ("/dojang/certificate-list/folder-added-and-removed", test_folder_added_and_removed);
  g_test_add_func ("/dojang/certificate-list/root-created-later", test_root_created_later);
  g_test_add_func ("/dojang/certificate-list/problems-follow", test_problems_follow);
  g_test_add_func ("/dojang/certificate-list/extra-folders", test_extra_folders);
  g_test_add_func ("/dojang/certificate-list/follows-setting", test_follows_setting);
  g_test_add_func ("/dojang/certificate-list/medium-plugged-in", test_medium_plugged_in);

  status = g_test_run ();

  dojang_test_remove_tree (tree);
  json_object_unref (expected);
  g_free (tree);

  return status;
}
