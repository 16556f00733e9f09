/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The stable names of our enums (JSON output, the database, the data
 * files) are the nicks of their registered GEnum types: one table per enum,
 * the type's own, instead of a hand-written switch each way. */

#include "config.h"

#include "dojang-enum.h"

/**
 * dojang_enum_get_nick:
 * @enum_type: a registered enum type
 * @value: one of its values
 *
 * Returns: (nullable): the nick of @value, or %NULL if it is not a value
 *   of @enum_type
 */
const char *
dojang_enum_get_nick (GType enum_type,
                      int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  found = g_enum_get_value (klass, value);

  /* The nicks are static strings of the type's value table. */
  return found != NULL ? found->value_nick : NULL;
}

/**
 * dojang_enum_from_nick:
 * @enum_type: a registered enum type
 * @nick: (nullable): a nick, compared exactly
 * @value: (out): the value with that nick
 *
 * Returns: %TRUE if @nick is one of @enum_type's nicks
 */
gboolean
dojang_enum_from_nick (GType       enum_type,
                       const char *nick,
                       int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  found = g_enum_get_value_by_nick (klass, nick);
  if (found == NULL)
    return FALSE;

  *value = found->value;
  return TRUE;
}
