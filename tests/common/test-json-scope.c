/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The JSON reading layer shared by the data files and the reminder import:
 * empty input, errors that name the file and the field, ranges. */

#include "config.h"

#include <string.h>

#include "dojang-json-scope.h"

static JsonParser *
parse (const char      *text,
       DojangJsonScope *root)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  JsonParser *parser = dojang_json_parse_bytes (bytes, "test.json", root, &error);

  g_assert_no_error (error);
  g_assert_nonnull (parser);

  return parser;
}

/* No bytes at all (an empty resource or file) is refused with a message,
 * not read through an error json-glib never set. */
static void
test_empty_input (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_auto(DojangJsonScope) root = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object = NULL;

  g_assert_null (g_bytes_get_data (empty, NULL));
  parser = dojang_json_parse_bytes (empty, "providers.json", &root, &error);
  g_assert_null (parser);
  g_assert_nonnull (error);
  g_assert_true (error->domain == DOJANG_DATA_ERROR);
  g_assert_true (g_str_has_prefix (error->message, "providers.json: "));
  g_assert_cmpuint (strlen (error->message), >, strlen ("providers.json: "));
  g_clear_error (&error);

  g_assert_null (dojang_json_parse_object (NULL, -1, &object, &error));
  g_assert_null (object);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_null (dojang_json_parse_object ("{ \"a\": ", -1, &object, &error));
  g_assert_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_PARSE);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  g_assert_null (dojang_json_parse_object ("[1]", -1, &object, &error));
  g_assert_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_WRONG_TYPE);
}

static void
test_int_range (void)
{
  g_auto(DojangJsonScope) root = { 0 };
  g_autoptr(JsonParser) parser = parse ("{ \"low\": 0, \"high\": 365, \"over\": 366,"
                                        "  \"text\": \"7\", \"real\": 7.5 }", &root);
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_assert_true (dojang_json_scope_int_range (&root, "low", TRUE, 0, 365, &value, &error));
  g_assert_cmpint (value, ==, 0);
  g_assert_true (dojang_json_scope_int_range (&root, "high", TRUE, 0, 365, &value, &error));
  g_assert_cmpint (value, ==, 365);
  g_assert_no_error (error);

  value = -1;
  g_assert_true (dojang_json_scope_int_range (&root, "absent", FALSE, 0, 365, &value, &error));
  g_assert_cmpint (value, ==, -1);
  g_assert_no_error (error);

  g_assert_false (dojang_json_scope_int_range (&root, "over", TRUE, 0, 365, &value, &error));
  g_assert_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_BAD_VALUE);
  g_assert_cmpstr (error->message, ==, "test.json: over: expected a whole number from 0 to 365");
  g_clear_error (&error);

  g_assert_false (dojang_json_scope_int_range (&root, "text", TRUE, 0, 365, &value, &error));
  g_assert_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_WRONG_TYPE);
  g_clear_error (&error);
  g_assert_false (dojang_json_scope_int_range (&root, "real", TRUE, 0, 365, &value, &error));
  g_assert_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_WRONG_TYPE);
  g_clear_error (&error);

  g_assert_false (dojang_json_scope_int_range (&root, "absent", TRUE, 0, 365, &value, &error));
  g_assert_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_MISSING_FIELD);
  g_assert_cmpstr (error->message, ==, "test.json: absent: missing field");
}

/* A file without a name of its own (an import) is reported by field path
 * alone; records in lists by index. */
static void
test_unnamed_file (void)
{
  g_auto(DojangJsonScope) named = { 0 };
  g_autoptr(JsonParser) parser = parse ("{ \"reminders\": [ { \"due\": 5 }, 3 ] }", &named);
  DojangJsonScope root = { .file = NULL, .path = (char *) "", .object = named.object };
  g_auto(DojangJsonScope) record = { 0 };
  g_autoptr(GError) error = NULL;
  JsonArray *array = NULL;
  const char *text = NULL;

  g_assert_true (dojang_json_scope_array (&root, "reminders", TRUE, &array, &error));
  g_assert_true (dojang_json_scope_element (&root, "reminders", array, 0, &record, &error));
  g_assert_no_error (error);

  g_assert_false (dojang_json_scope_string (&record, "due", TRUE, &text, &error));
  g_assert_cmpstr (error->message, ==, "reminders[0].due: expected a string");
  g_clear_error (&error);

  g_assert_false (dojang_json_scope_set_bad_value (&record, "state", "not a state", &error));
  g_assert_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_BAD_VALUE);
  g_assert_cmpstr (error->message, ==, "reminders[0].state: not a state");
  g_clear_error (&error);

  dojang_json_scope_clear (&record);
  g_assert_false (dojang_json_scope_element (&root, "reminders", array, 1, &record, &error));
  g_assert_cmpstr (error->message, ==, "reminders[1]: expected an object");
  g_clear_error (&error);

  g_assert_false (dojang_json_scope_object (&root, "reminders", TRUE, &record, &error));
  g_assert_cmpstr (error->message, ==, "reminders: expected an object");
  g_clear_error (&error);

  /* Named files keep their name first. */
  g_assert_false (dojang_json_scope_set_bad_value (&named, "phone", "too short", &error));
  g_assert_cmpstr (error->message, ==, "test.json: phone: too short");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dojang/json-scope/empty-input", test_empty_input);
  g_test_add_func ("/dojang/json-scope/int-range", test_int_range);
  g_test_add_func ("/dojang/json-scope/unnamed-file", test_unnamed_file);

  return g_test_run ();
}
