/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dojang-input-file.h"
#include "dojang-json-scope.h"
#include "dojang-seoul.h"

void
dojang_json_scope_clear (DojangJsonScope *scope)
{
  g_clear_pointer (&scope->path, g_free);
  scope->object = NULL;
  scope->file = NULL;
}

static char *
member_path (const char *path,
             const char *member)
{
  if (member == NULL)
    return g_strdup (path);
  if (path == NULL || *path == '\0')
    return g_strdup (member);

  return g_strconcat (path, ".", member, NULL);
}

void
dojang_json_set_error (GError          **error,
                       DojangDataError   code,
                       const char       *file,
                       const char       *path,
                       const char       *member,
                       const char       *message)
{
  g_autofree char *full_path = member_path (path, member);

  if (full_path == NULL || *full_path == '\0')
    {
      if (file == NULL)
        {
          g_set_error_literal (error, DOJANG_DATA_ERROR, code, message);
          return;
        }
      /* TRANSLATORS: "providers.json: not valid JSON…" */
      g_set_error (error, DOJANG_DATA_ERROR, code, _("%s: %s"), file, message);
      return;
    }

  /* A file read from the user (an import) has no name of its own. */
  if (file == NULL)
    {
      g_set_error (error, DOJANG_DATA_ERROR, code, _("%s: %s"), full_path, message);
      return;
    }

  /* TRANSLATORS: file name, then the path of a field in it, then what is
   * wrong: "providers.json: providers[2].phone: missing field" */
  g_set_error (error, DOJANG_DATA_ERROR, code, _("%s: %s: %s"), file, full_path, message);
}

/**
 * dojang_json_parse_object:
 * @data: (nullable): JSON text; %NULL reads as empty
 * @length: its length, or -1 if nul-terminated
 * @object: (out) (transfer none): the top-level object, owned by the parser
 * @error: %DOJANG_DATA_ERROR_PARSE with json-glib's own reason as the
 *   message, or %DOJANG_DATA_ERROR_WRONG_TYPE when the top level is not an
 *   object
 *
 * Returns: (transfer full) (nullable): the parser holding @object
 */
JsonParser *
dojang_json_parse_object (const char  *data,
                          gssize       length,
                          JsonObject **object,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *node;

  *object = NULL;

  /* json-glib refuses NULL without saying why; an empty file is data too. */
  if (data == NULL)
    {
      data = "";
      length = 0;
    }

  if (length < 0)
    length = (gssize) strlen (data);
  if (!dojang_json_check_text (data, (gsize) length, DOJANG_JSON_MAX_DEPTH, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the bad string in its message, bytes and all. */
      g_autofree char *message = g_utf8_make_valid (local_error != NULL ? local_error->message : "", -1);

      g_set_error_literal (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_PARSE, message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_WRONG_TYPE,
                           _("the top level must be an object"));
      return NULL;
    }

  *object = json_node_get_object (node);

  return g_steal_pointer (&parser);
}

JsonParser *
dojang_json_parse_bytes (GBytes           *bytes,
                         const char       *file,
                         DojangJsonScope  *root,
                         GError          **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  parser = dojang_json_parse_object (data, (gssize) size, &object, &local_error);
  if (parser == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (local_error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_PARSE))
        message = g_strdup_printf (_("not valid JSON: %s"), local_error->message);
      else
        message = g_strdup (local_error->message);
      dojang_json_set_error (error, local_error->code, file, NULL, NULL, message);
      return NULL;
    }

  root->file = file;
  root->path = g_strdup ("");
  root->object = object;

  return g_steal_pointer (&parser);
}

/* The data files carry "version": 1; a later format is refused rather
 * than misread. */
gboolean
dojang_json_check_version (const DojangJsonScope  *root,
                           gint64                  supported,
                           GError                **error)
{
  gint64 version;
  g_autofree char *message = NULL;

  if (!dojang_json_scope_int (root, "version", TRUE, 0, &version, error))
    return FALSE;
  if (version == supported)
    return TRUE;

  /* TRANSLATORS: the version found in a data file, then the one this
   * program reads */
  message = g_strdup_printf (_("unsupported version %d (expected %d)"),
                             (int) CLAMP (version, G_MININT, G_MAXINT), (int) supported);
  dojang_json_set_error (error, DOJANG_DATA_ERROR_BAD_VALUE, root->file, root->path, "version", message);
  return FALSE;
}

gboolean
dojang_json_scope_has (const DojangJsonScope *scope,
                       const char            *member)
{
  JsonNode *node = json_object_get_member (scope->object, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

/* Looks @member up; a missing or null member is an error only if
 * @required.  Returns FALSE on error, else sets *node (NULL if absent). */
static gboolean
get_member (const DojangJsonScope  *scope,
            const char             *member,
            gboolean                required,
            JsonNode              **node,
            GError                **error)
{
  *node = json_object_get_member (scope->object, member);
  if (*node != NULL && JSON_NODE_HOLDS_NULL (*node))
    *node = NULL;

  if (*node == NULL && required)
    {
      dojang_json_set_error (error, DOJANG_DATA_ERROR_MISSING_FIELD,
                             scope->file, scope->path, member, _("missing field"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
wrong_type (const DojangJsonScope  *scope,
            const char             *member,
            const char             *expected,
            GError                **error)
{
  dojang_json_set_error (error, DOJANG_DATA_ERROR_WRONG_TYPE,
                         scope->file, scope->path, member, expected);
  return FALSE;
}

/* json-glib turns the escape of a lone surrogate ("\ud800") into bytes
 * that are not UTF-8, and lets control characters through; neither may
 * reach a label, a notification or a terminal. Tabs and line breaks are
 * text. */
static gboolean
is_valid_text (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (((guchar) *p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
      return FALSE;

  return TRUE;
}

static gboolean
invalid_text (const DojangJsonScope  *scope,
              const char             *member,
              GError                **error)
{
  dojang_json_set_error (error, DOJANG_DATA_ERROR_BAD_VALUE, scope->file, scope->path, member,
                         _("not valid text (broken UTF-8 or a control character)"));
  return FALSE;
}

gboolean
dojang_json_scope_string (const DojangJsonScope  *scope,
                          const char             *member,
                          gboolean                required,
                          const char            **out,
                          GError                **error)
{
  JsonNode *node;

  *out = NULL;
  if (!get_member (scope, member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (scope, member, _("expected a string"), error);
  if (!is_valid_text (json_node_get_string (node)))
    return invalid_text (scope, member, error);

  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
dojang_json_scope_int (const DojangJsonScope  *scope,
                       const char             *member,
                       gboolean                required,
                       gint64                  fallback,
                       gint64                 *out,
                       GError                **error)
{
  JsonNode *node;

  *out = fallback;
  if (!get_member (scope, member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    return wrong_type (scope, member, _("expected a whole number"), error);

  *out = json_node_get_int (node);
  return TRUE;
}

/* A whole number from @min to @max; anything else, of any type, is
 * reported with the range. */
gboolean
dojang_json_scope_int_range (const DojangJsonScope  *scope,
                             const char             *member,
                             gboolean                required,
                             gint64                  min,
                             gint64                  max,
                             gint64                 *out,
                             GError                **error)
{
  JsonNode *node;

  if (!get_member (scope, member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_INT64
      || json_node_get_int (node) < min || json_node_get_int (node) > max)
    {
      /* TRANSLATORS: the smallest and the largest value allowed */
      g_autofree char *message = g_strdup_printf (_("expected a whole number from %lld to %lld"),
                                                  (long long) min, (long long) max);

      dojang_json_set_error (error,
                             json_node_get_value_type (node) != G_TYPE_INT64
                               ? DOJANG_DATA_ERROR_WRONG_TYPE : DOJANG_DATA_ERROR_BAD_VALUE,
                             scope->file, scope->path, member, message);
      return FALSE;
    }

  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
dojang_json_scope_boolean (const DojangJsonScope  *scope,
                           const char             *member,
                           gboolean                fallback,
                           gboolean               *out,
                           GError                **error)
{
  JsonNode *node;

  *out = fallback;
  if (!get_member (scope, member, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return wrong_type (scope, member, _("expected true or false"), error);

  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
dojang_json_scope_object (const DojangJsonScope  *scope,
                          const char             *member,
                          gboolean                required,
                          DojangJsonScope        *out,
                          GError                **error)
{
  JsonNode *node;

  out->file = scope->file;
  out->path = NULL;
  out->object = NULL;
  if (!get_member (scope, member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (scope, member, _("expected an object"), error);

  out->path = member_path (scope->path, member);
  out->object = json_node_get_object (node);
  return TRUE;
}

gboolean
dojang_json_scope_array (const DojangJsonScope  *scope,
                         const char             *member,
                         gboolean                required,
                         JsonArray             **out,
                         GError                **error)
{
  JsonNode *node;

  *out = NULL;
  if (!get_member (scope, member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (scope, member, _("expected a list"), error);

  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
dojang_json_scope_element (const DojangJsonScope  *scope,
                           const char             *member,
                           JsonArray              *array,
                           guint                   index,
                           DojangJsonScope        *out,
                           GError                **error)
{
  JsonNode *node = json_array_get_element (array, index);
  g_autofree char *array_path = member_path (scope->path, member);
  g_autofree char *element_path = g_strdup_printf ("%s[%u]", array_path, index);

  out->file = scope->file;
  out->path = NULL;
  out->object = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      dojang_json_set_error (error, DOJANG_DATA_ERROR_WRONG_TYPE, scope->file,
                             element_path, NULL, _("expected an object"));
      return FALSE;
    }

  out->path = g_steal_pointer (&element_path);
  out->object = json_node_get_object (node);
  return TRUE;
}

gboolean
dojang_json_scope_strv (const DojangJsonScope   *scope,
                        const char              *member,
                        gboolean                 required,
                        char                  ***out,
                        GError                 **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint length;

  *out = NULL;
  if (!dojang_json_scope_array (scope, member, required, &array, error))
    return FALSE;

  length = array != NULL ? json_array_get_length (array) : 0;
  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_autofree char *element = g_strdup_printf ("%s[%u]", member, i);

          return wrong_type (scope, element, _("expected a string"), error);
        }
      if (!is_valid_text (json_node_get_string (node)))
        {
          g_autofree char *element = g_strdup_printf ("%s[%u]", member, i);

          return invalid_text (scope, element, error);
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* A text in both languages: { "ko": "…", "en": "…" }; both are required. */
gboolean
dojang_json_scope_localized (const DojangJsonScope  *scope,
                             const char             *member,
                             gboolean                required,
                             char                  **out_ko,
                             char                  **out_en,
                             GError                **error)
{
  g_auto(DojangJsonScope) texts = { 0 };
  const char *ko;
  const char *en;

  *out_ko = NULL;
  *out_en = NULL;
  if (!dojang_json_scope_object (scope, member, required, &texts, error))
    return FALSE;
  if (texts.object == NULL)
    return TRUE;
  if (!dojang_json_scope_string (&texts, "ko", TRUE, &ko, error) ||
      !dojang_json_scope_string (&texts, "en", TRUE, &en, error))
    return FALSE;

  *out_ko = g_strdup (ko);
  *out_en = g_strdup (en);
  return TRUE;
}

/**
 * dojang_json_scope_set_bad_value:
 * @message: what is wrong with the value, e.g. "not a CA id"
 *
 * For the checks a caller makes on a value it has read: the error names
 * the file and the field like the layer's own ones.
 *
 * Returns: %FALSE
 */
gboolean
dojang_json_scope_set_bad_value (const DojangJsonScope  *scope,
                                 const char             *member,
                                 const char             *message,
                                 GError                **error)
{
  dojang_json_set_error (error, DOJANG_DATA_ERROR_BAD_VALUE,
                         scope->file, scope->path, member, message);
  return FALSE;
}

static gboolean
bad_value (const DojangJsonScope  *scope,
           const char             *member,
           char                   *message,
           GError                **error)
{
  g_autofree char *owned_message = message;

  return dojang_json_scope_set_bad_value (scope, member, owned_message, error);
}

/* "YYYY-MM-DD", a real calendar day. */
gboolean
dojang_json_scope_date (const DojangJsonScope  *scope,
                        const char             *member,
                        GDate                  *out,
                        GError                **error)
{
  const char *text;

  if (!dojang_json_scope_string (scope, member, TRUE, &text, error))
    return FALSE;

  if (!dojang_seoul_parse_date (text, out))
    /* TRANSLATORS: %s is the bad value, e.g. “2026-02-30” */
    return bad_value (scope, member, g_strdup_printf (_("bad date “%s”"), text), error);

  return TRUE;
}

/* "HH:MM" with 00 ≤ HH ≤ 23 (24:00 only as the end of a range). */
static gboolean
parse_time (const char *text,
            gsize       length,
            gboolean    is_end,
            int        *minutes)
{
  int hours, mins;

  if (length != 5 || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      text[2] != ':' || !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;

  hours = (text[0] - '0') * 10 + (text[1] - '0');
  mins = (text[3] - '0') * 10 + (text[4] - '0');
  if (mins > 59 || hours > 24 || (hours == 24 && (mins != 0 || !is_end)))
    return FALSE;

  *minutes = hours * 60 + mins;
  return TRUE;
}

/**
 * dojang_json_scope_time_range:
 *
 * Reads "HH:MM-HH:MM" (minutes since midnight); null or absent sets
 * *present to FALSE. A bad clock time is reported as it was written.
 */
gboolean
dojang_json_scope_time_range (const DojangJsonScope  *scope,
                              const char             *member,
                              gboolean               *present,
                              int                    *start_minutes,
                              int                    *end_minutes,
                              GError                **error)
{
  const char *text;
  const char *dash;
  g_autofree char *start_text = NULL;

  *present = FALSE;
  if (!dojang_json_scope_string (scope, member, FALSE, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  dash = strchr (text, '-');
  if (dash == NULL)
    /* TRANSLATORS: %s is the bad value; a range looks like 09:00-18:00 */
    return bad_value (scope, member, g_strdup_printf (_("bad time range “%s” (expected HH:MM-HH:MM)"), text), error);

  start_text = g_strndup (text, (gsize) (dash - text));
  if (!parse_time (start_text, strlen (start_text), FALSE, start_minutes))
    /* TRANSLATORS: %s is the bad value, e.g. “25:00” */
    return bad_value (scope, member, g_strdup_printf (_("bad time “%s”"), start_text), error);
  if (!parse_time (dash + 1, strlen (dash + 1), TRUE, end_minutes))
    return bad_value (scope, member, g_strdup_printf (_("bad time “%s”"), dash + 1), error);
  if (*end_minutes <= *start_minutes)
    return bad_value (scope, member, g_strdup_printf (_("bad time range “%s” (expected HH:MM-HH:MM)"), text), error);

  *present = TRUE;
  return TRUE;
}

/* { "source": URL or citation, "checked": "YYYY-MM-DD",
 *   "confidence": "H" | "M" | "L", "note": { "ko", "en" } (optional) } */
DojangFact *
dojang_json_scope_fact (const DojangJsonScope  *scope,
                        const char             *member,
                        GError                **error)
{
  g_auto(DojangJsonScope) fact = { 0 };
  g_autofree char *note_ko = NULL;
  g_autofree char *note_en = NULL;
  const char *source;
  const char *checked;
  const char *confidence_text;
  DojangConfidence confidence;
  GDate date;

  if (!dojang_json_scope_object (scope, member, TRUE, &fact, error) ||
      !dojang_json_scope_string (&fact, "source", TRUE, &source, error) ||
      !dojang_json_scope_date (&fact, "checked", &date, error) ||
      !dojang_json_scope_string (&fact, "checked", TRUE, &checked, error) ||
      !dojang_json_scope_string (&fact, "confidence", TRUE, &confidence_text, error) ||
      !dojang_json_scope_localized (&fact, "note", FALSE, &note_ko, &note_en, error))
    return NULL;

  if (!dojang_confidence_from_string (confidence_text, &confidence))
    {
      /* TRANSLATORS: %s is the bad value; H, M and L must stay as they are */
      bad_value (&fact, "confidence",
                 g_strdup_printf (_("unknown confidence “%s” (expected H, M or L)"), confidence_text),
                 error);
      return NULL;
    }

  return dojang_fact_new (fact.path, source, checked, confidence, note_ko, note_en);
}

/**
 * dojang_json_scope_facts:
 * @keys: the facts this object states; each needs an entry in its "facts"
 * @facts: (element-type DojangFact): where to append them
 *
 * Every fact of the data carries its source, so a fact without one is an
 * error ("providers[1].facts.website: missing field").
 */
gboolean
dojang_json_scope_facts (const DojangJsonScope  *scope,
                         const char * const     *keys,
                         GPtrArray              *facts,
                         GError                **error)
{
  g_auto(DojangJsonScope) sources = { 0 };

  if (!dojang_json_scope_object (scope, "facts", TRUE, &sources, error))
    return FALSE;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      DojangFact *fact = dojang_json_scope_fact (&sources, keys[i], error);

      if (fact == NULL)
        return FALSE;
      g_ptr_array_add (facts, fact);
    }

  return TRUE;
}
