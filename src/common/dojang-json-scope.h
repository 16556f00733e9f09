/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "dojang-data-error.h"
#include "dojang-fact.h"

G_BEGIN_DECLS

/* Reads JSON field by field: the bundled data files and the files users
 * import. Every error names the file (when it has a name of its own) and
 * the field's path, e.g. "providers.json: providers[2].phone: missing
 * field", so a broken edit of the data is easy to find. */
typedef struct
{
  const char *file;
  char       *path;
  JsonObject *object;
} DojangJsonScope;

void        dojang_json_scope_clear      (DojangJsonScope        *scope);
JsonParser *dojang_json_parse_object     (const char             *data,
                                          gssize                  length,
                                          JsonObject            **object,
                                          GError                **error);
JsonParser *dojang_json_parse_bytes      (GBytes                 *bytes,
                                          const char             *file,
                                          DojangJsonScope        *root,
                                          GError                **error);
void        dojang_json_set_error        (GError                **error,
                                          DojangDataError         code,
                                          const char             *file,
                                          const char             *path,
                                          const char             *member,
                                          const char             *message);
gboolean    dojang_json_check_version    (const DojangJsonScope  *root,
                                          gint64                  supported,
                                          GError                **error);
gboolean    dojang_json_scope_has        (const DojangJsonScope  *scope,
                                          const char             *member);
gboolean    dojang_json_scope_string     (const DojangJsonScope  *scope,
                                          const char             *member,
                                          gboolean                required,
                                          const char            **out,
                                          GError                **error);
gboolean    dojang_json_scope_int        (const DojangJsonScope  *scope,
                                          const char             *member,
                                          gboolean                required,
                                          gint64                  fallback,
                                          gint64                 *out,
                                          GError                **error);
gboolean    dojang_json_scope_int_range  (const DojangJsonScope  *scope,
                                          const char             *member,
                                          gboolean                required,
                                          gint64                  min,
                                          gint64                  max,
                                          gint64                 *out,
                                          GError                **error);
gboolean    dojang_json_scope_boolean    (const DojangJsonScope  *scope,
                                          const char             *member,
                                          gboolean                fallback,
                                          gboolean               *out,
                                          GError                **error);
gboolean    dojang_json_scope_object     (const DojangJsonScope  *scope,
                                          const char             *member,
                                          gboolean                required,
                                          DojangJsonScope        *out,
                                          GError                **error);
gboolean    dojang_json_scope_array      (const DojangJsonScope  *scope,
                                          const char             *member,
                                          gboolean                required,
                                          JsonArray             **out,
                                          GError                **error);
gboolean    dojang_json_scope_element    (const DojangJsonScope  *scope,
                                          const char             *member,
                                          JsonArray              *array,
                                          guint                   index,
                                          DojangJsonScope        *out,
                                          GError                **error);
gboolean    dojang_json_scope_strv       (const DojangJsonScope  *scope,
                                          const char             *member,
                                          gboolean                required,
                                          char                 ***out,
                                          GError                **error);
gboolean    dojang_json_scope_localized  (const DojangJsonScope  *scope,
                                          const char             *member,
                                          gboolean                required,
                                          char                  **out_ko,
                                          char                  **out_en,
                                          GError                **error);
gboolean    dojang_json_scope_date       (const DojangJsonScope  *scope,
                                          const char             *member,
                                          GDate                  *out,
                                          GError                **error);
gboolean    dojang_json_scope_time_range (const DojangJsonScope  *scope,
                                          const char             *member,
                                          gboolean               *present,
                                          int                    *start_minutes,
                                          int                    *end_minutes,
                                          GError                **error);
gboolean    dojang_json_scope_set_bad_value (const DojangJsonScope  *scope,
                                             const char             *member,
                                             const char             *message,
                                             GError                **error);
DojangFact *dojang_json_scope_fact       (const DojangJsonScope  *scope,
                                          const char             *member,
                                          GError                **error);
gboolean    dojang_json_scope_facts      (const DojangJsonScope  *scope,
                                          const char * const     *keys,
                                          GPtrArray              *facts,
                                          GError                **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DojangJsonScope, dojang_json_scope_clear)

G_END_DECLS
