/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Shared by the certificate tests: builds NPKI trees with
 * tests/fixtures/make-npki-tree.py and reads the expectations it writes. */

#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "dojang-test-fixtures.h"

static char *
run_tree_script (const char *at,
                 const char *mode,
                 const char *mode_value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tree = NULL;
  g_autofree char *script = NULL;
  g_autofree char *standard_error = NULL;
  const char *source_root = g_getenv ("DOJANG_SOURCE_ROOT");
  const char *python = g_getenv ("DOJANG_PYTHON");
  int status = 0;

  g_assert_nonnull (source_root);
  if (python == NULL || *python == '\0')
    python = "python3";

  tree = g_dir_make_tmp ("dojang-npki-XXXXXX", &error);
  g_assert_no_error (error);

  script = g_build_filename (source_root, "tests", "fixtures", "make-npki-tree.py", NULL);
  g_ptr_array_add (argv, g_strdup (python));
  g_ptr_array_add (argv, g_strdup (script));
  g_ptr_array_add (argv, g_strdup (tree));
  g_ptr_array_add (argv, g_strdup ("--at"));
  g_ptr_array_add (argv, g_strdup (at));
  if (mode != NULL)
    g_ptr_array_add (argv, g_strdup (mode));
  if (mode_value != NULL)
    g_ptr_array_add (argv, g_strdup (mode_value));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH,
                NULL, NULL, NULL, &standard_error, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("make-npki-tree.py failed: %s\n%s", error->message, standard_error);

  return g_steal_pointer (&tree);
}

/**
 * dojang_test_make_npki_tree:
 * @at: the instant dates are relative to
 * @bulk: 0 for the standard tree, else the number of folders for the benchmark
 *
 * Returns: a new temporary folder holding the tree and expected.json
 */
char *
dojang_test_make_npki_tree (const char *at,
                            int         bulk)
{
  g_autofree char *count = bulk > 0 ? g_strdup_printf ("%d", bulk) : NULL;

  return run_tree_script (at, bulk > 0 ? "--bulk" : NULL, count);
}

/**
 * dojang_test_make_renewal_tree:
 * @at: the instant dates are relative to
 *
 * Returns: a new temporary folder holding the renewal tree (see
 *   make-npki-tree.py --renewal) and expected.json
 */
char *
dojang_test_make_renewal_tree (const char *at)
{
  return run_tree_script (at, "--renewal", NULL);
}

JsonObject *
dojang_test_load_expected (const char *tree)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tree, "expected.json", NULL);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The element of the array @member whose string @key equals @value. */
JsonObject *
dojang_test_find_expected (JsonObject *expected,
                           const char *member,
                           const char *key,
                           const char *value)
{
  JsonArray *array = json_object_get_array_member (expected, member);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (item, key), value) == 0)
        return item;
    }

  return NULL;
}

static void
remove_recursively (const char *path)
{
  GDir *dir;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_recursively (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
}

void
dojang_test_remove_tree (const char *path)
{
  if (path != NULL)
    remove_recursively (path);
}

GDateTime *
dojang_test_parse_instant (const char *iso8601)
{
  GDateTime *instant = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (instant);

  return instant;
}

gboolean
dojang_test_can_drop_root (void)
{
  return geteuid () != 0 || getpwnam ("nobody") != NULL;
}

/* Root reads every file whatever its mode, so permission tests drop to the
 * unprivileged "nobody" user inside a test subprocess. */
gboolean
dojang_test_drop_root (void)
{
  struct passwd *nobody;

  if (geteuid () != 0)
    return TRUE;

  nobody = getpwnam ("nobody");
  if (nobody == NULL)
    return FALSE;

  return setgid (nobody->pw_gid) == 0 && setuid (nobody->pw_uid) == 0 && geteuid () != 0;
}

/**
 * dojang_test_query_count:
 * @db_path: an SQLite file, opened read-only beside the code under test
 * @sql: a query whose first column of its first row is an integer, with
 *   one optional text parameter ?1
 * @text: (nullable): the value of ?1
 *
 * Returns: that integer, read straight from the file
 */
gint64
dojang_test_query_count (const char *db_path,
                         const char *sql,
                         const char *text)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return 0;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static gboolean
keep_awake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * dojang_test_wait_until:
 * @done: checked after each main loop iteration, and at least every 50 ms
 *
 * Runs the main loop until @done returns %TRUE or 20 s have passed.
 *
 * Returns: what @done returns in the end
 */
gboolean
dojang_test_wait_until (gboolean (*done) (gpointer),
                        gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint ticker = g_timeout_add (50, keep_awake, NULL);

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (ticker);

  return done (data);
}
