/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading files users name (regular files only, bounded) and the scan that
 * keeps deep or NUL-carrying JSON away from json-glib. */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "dojang-data-file.h"
#include "dojang-input-file.h"
#include "dojang-json-scope.h"

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dojang-input-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_regular_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  bytes = dojang_input_file_read (path, 16, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "{}", 2);

  g_clear_pointer (&bytes, g_bytes_unref);
  g_assert_true (g_file_set_contents (path, "0123456789abcdefg", -1, NULL));
  bytes = dojang_input_file_read (path, 16, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "too large"));

  g_unlink (path);
  g_rmdir (dir);
}

/* A FIFO nobody writes to is refused at once, not waited for; a device
 * that never ends is refused before a byte is read. */
static void
test_not_regular (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (dojang_input_file_read (fifo, DOJANG_INPUT_MAX_IMPORT_FILE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);

  g_assert_null (dojang_input_file_read ("/dev/zero", DOJANG_INPUT_MAX_IMPORT_FILE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);

  g_assert_null (dojang_input_file_read (dir, DOJANG_INPUT_MAX_IMPORT_FILE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);

  g_assert_null (dojang_input_file_read (fifo + 1, 16, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  g_unlink (fifo);
  g_rmdir (dir);
}

/* A name that is not UTF-8 is shown escaped in the message. */
static void
test_name_not_utf8 (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "bad\xff\xfe.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (dojang_input_file_read (path, 16, &error));
  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_rmdir (dir);
}

static void
test_depth (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(DojangJsonScope) root = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  JsonParser *parser;

  for (guint i = 0; i < DOJANG_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  g_assert_true (dojang_json_check_text (deep->str, deep->len, DOJANG_JSON_MAX_DEPTH, &error));
  g_assert_no_error (error);

  /* Brackets inside strings, escaped quotes included, do not count. */
  g_assert_true (dojang_json_check_text ("{\"a\": \"[[[\\\"[[[\"}", 17, 2, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, i % 2 ? '[' : '{');
  g_assert_false (dojang_json_check_text (deep->str, deep->len, DOJANG_JSON_MAX_DEPTH, &error));
  g_assert_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "nested deeper than 64 levels"));
  g_clear_error (&error);

  /* Through the JSON layer: refused before json-glib recurses. */
  bytes = g_bytes_new (deep->str, deep->len);
  parser = dojang_json_parse_bytes (bytes, "providers.json", &root, &error);
  g_assert_null (parser);
  g_assert_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "providers.json: not valid JSON: line 1: nested"));
}

/* json-glib cuts a text at \u0000 and passes a lone surrogate through as
 * bytes that are not UTF-8: the first is refused before parsing, the
 * second when the field is read, naming the field. */
static void
test_bad_text (void)
{
  const char *nul = "{\n\"a\": \"x\\u0000y\"}";
  const char *surrogate = "{\"list\": [{\"name\": \"x\\ud800y\"}]}";
  const char *control = "{\"name\": \"\x1b[31mred\"}";
  g_autoptr(GError) error = NULL;
  g_auto(DojangJsonScope) root = { 0 };
  g_auto(DojangJsonScope) element = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonArray *list = NULL;
  const char *name = NULL;

  g_assert_false (dojang_json_check_text (nul, strlen (nul), DOJANG_JSON_MAX_DEPTH, &error));
  g_assert_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_assert_nonnull (strstr (error->message, "U+0000"));
  g_clear_error (&error);

  bytes = g_bytes_new_static (surrogate, strlen (surrogate));
  parser = dojang_json_parse_bytes (bytes, "test.json", &root, &error);
  g_assert_no_error (error);
  g_assert_true (dojang_json_scope_array (&root, "list", TRUE, &list, &error));
  g_assert_true (dojang_json_scope_element (&root, "list", list, 0, &element, &error));
  g_assert_false (dojang_json_scope_string (&element, "name", TRUE, &name, &error));
  g_assert_null (name);
  g_assert_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_BAD_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "test.json: list[0].name: not valid text (broken UTF-8 or a control character)");
  g_clear_error (&error);
  g_clear_object (&parser);
  dojang_json_scope_clear (&root);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* json-glib quotes a lone surrogate at the end of a text in its own
   * message, which must still be UTF-8 (found by fuzz-reminder-import). */
  {
    const char *quoted = "{\"a\": \"x\\ud800\", \"b\": 1}";
    g_autoptr(JsonParser) quoted_parser = NULL;
    JsonObject *object = NULL;

    quoted_parser = dojang_json_parse_object (quoted, -1, &object, &error);
    g_assert_null (quoted_parser);
    g_assert_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_PARSE);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
    g_clear_error (&error);
  }

  /* A terminal escape is refused too. */
  bytes = g_bytes_new_static (control, strlen (control));
  parser = dojang_json_parse_bytes (bytes, "test.json", &root, &error);
  g_assert_no_error (error);
  g_assert_false (dojang_json_scope_string (&root, "name", TRUE, &name, &error));
  g_assert_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_BAD_VALUE);
}

/* A user's providers.json that is a FIFO or nested too deep is ignored
 * with a warning: the built-in data is used, nothing hangs or crashes. */
static gpointer
count_loader (GBytes      *bytes,
              const char  *file_name,
              GError     **error)
{
  g_auto(DojangJsonScope) root = { 0 };
  g_autoptr(JsonParser) parser = dojang_json_parse_bytes (bytes, file_name, &root, error);

  if (parser == NULL)
    return NULL;
  return g_strdup (file_name);
}

static void
test_user_data_file (void)
{
  g_autofree char *user_path = dojang_data_file_user_path ("providers.json");
  g_autofree char *folder = g_path_get_dirname (user_path);
  g_autofree char *loaded = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_unlink (user_path);
  g_assert_cmpint (mkfifo (user_path, 0600), ==, 0);

  g_test_expect_message ("Dojang", G_LOG_LEVEL_WARNING, "Ignoring *providers.json*not a regular file*");
  loaded = dojang_data_file_load_default ("providers.json", count_loader);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (loaded, ==, "providers.json");
  g_clear_pointer (&loaded, g_free);
  g_unlink (user_path);

  for (guint i = 0; i < 80000; i++)
    g_string_append_c (deep, '[');
  g_assert_true (g_file_set_contents (user_path, deep->str, deep->len, NULL));
  g_test_expect_message ("Dojang", G_LOG_LEVEL_WARNING, "Ignoring *providers.json*nested deeper*");
  loaded = dojang_data_file_load_default ("providers.json", count_loader);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (loaded, ==, "providers.json");
  g_unlink (user_path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dojang/input-file/regular-file", test_regular_file);
  g_test_add_func ("/dojang/input-file/not-regular", test_not_regular);
  g_test_add_func ("/dojang/input-file/name-not-utf8", test_name_not_utf8);
  g_test_add_func ("/dojang/input-file/depth", test_depth);
  g_test_add_func ("/dojang/input-file/bad-text", test_bad_text);
  g_test_add_func ("/dojang/input-file/user-data-file", test_user_data_file);

  return g_test_run ();
}
