/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Matching a search typed on the Help page against a certificate authority:
 * its Korean and English names, brand, id and phone numbers. */

#include "config.h"

#include <string.h>

#include "dojang-provider-search.h"

/* Case-folded and without spaces, so "sign gate" finds "SignGate" and
 * "한국 정보" finds "한국정보인증". */
static char *
normalize_text (const char *text)
{
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static char *
digits_only (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static gboolean
text_matches (const char *haystack,
              const char *needle)
{
  g_autofree char *normalized = normalize_text (haystack);

  return strstr (normalized, needle) != NULL;
}

static gboolean
phone_matches (const char *phone,
               const char *query_digits)
{
  g_autofree char *phone_digits = digits_only (phone);

  return *phone_digits != '\0' && strstr (phone_digits, query_digits) != NULL;
}

/**
 * dojang_provider_search_matches:
 * @provider: a certificate authority
 * @query: (nullable): what the user typed
 *
 * A query made of digits and separators matches phone numbers however they
 * are written ("15778787", "1577 8787"); other queries match names, brand
 * and id. An empty query matches everything.
 *
 * Returns: whether @provider should be listed for @query
 */
gboolean
dojang_provider_search_matches (DojangProvider *provider,
                                const char     *query)
{
  g_autofree char *needle = NULL;
  g_autofree char *query_digits = NULL;
  GListModel *channels;
  guint n_channels;

  g_return_val_if_fail (DOJANG_IS_PROVIDER (provider), FALSE);

  needle = normalize_text (query);
  if (*needle == '\0')
    return TRUE;

  if (text_matches (dojang_provider_get_name_ko (provider), needle) ||
      text_matches (dojang_provider_get_name_en (provider), needle) ||
      text_matches (dojang_provider_get_brand (provider), needle) ||
      text_matches (dojang_provider_get_id (provider), needle))
    return TRUE;

  query_digits = digits_only (needle);
  /* One stray digit in a name query ("KICA 1") must not match every number. */
  if (strlen (query_digits) < 3 || strspn (needle, "0123456789-+().") != strlen (needle))
    return FALSE;

  if (phone_matches (dojang_provider_get_main_phone (provider), query_digits))
    return TRUE;

  channels = dojang_provider_get_channels (provider);
  n_channels = g_list_model_get_n_items (channels);
  for (guint i = 0; i < n_channels; i++)
    {
      g_autoptr(DojangChannel) channel = g_list_model_get_item (channels, i);

      if (phone_matches (dojang_channel_get_phone (channel), query_digits))
        return TRUE;
    }

  return FALSE;
}
