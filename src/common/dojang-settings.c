/* SPDX-License-Identifier: GPL-3.0-or-later */

/* g_settings_new() aborts when the schema is missing, which is the case
 * when Dojang runs from a build tree or a script without its schema. */

#include "config.h"

#include "dojang-settings.h"

/**
 * dojang_settings_new_if_installed:
 * @required_key: (nullable): a key the caller reads; an older installed
 *   schema without it counts as missing
 *
 * Returns: (transfer full) (nullable): Dojang's settings, or %NULL when its
 *   schema is not installed
 */
GSettings *
dojang_settings_new_if_installed (const char *required_key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  if (required_key != NULL && !g_settings_schema_has_key (schema, required_key))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}
