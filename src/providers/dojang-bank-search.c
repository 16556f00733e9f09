/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A search on the Help page for a bank ("국민은행", "신한", "IBK"): banks are
 * not certificate authorities, but the certificates they hand out are
 * renewed at the bank's own certificate centre (인증센터), and the Help
 * page says so instead of "no match". */

#include "config.h"

#include <string.h>

#include "dojang-bank-search.h"

typedef struct
{
  const char *name;
  /* Other ways people write it, case-folded and without spaces. */
  const char *aliases[6];
} Bank;

static const Bank banks[] = {
  { "KB국민은행", { "국민은행", "kb국민", "국민", "kb", "kookmin", NULL } },
  { "신한은행", { "신한", "shinhan", NULL } },
  { "우리은행", { "우리", "woori", NULL } },
  { "하나은행", { "하나", "keb하나", "hana", NULL } },
  { "NH농협은행", { "농협", "nh농협", "nh", "nonghyup", NULL } },
  { "IBK기업은행", { "기업은행", "ibk", "기업", NULL } },
  { "SC제일은행", { "sc제일", "제일은행", "sc", NULL } },
  { "한국씨티은행", { "씨티", "citi", NULL } },
  { "KDB산업은행", { "산업은행", "kdb", NULL } },
  { "Sh수협은행", { "수협", "suhyup", NULL } },
  { "iM뱅크", { "대구은행", "im뱅크", "아이엠뱅크", NULL } },
  { "부산은행", { "부산은행", "bnk부산", NULL } },
  { "경남은행", { "경남은행", "bnk경남", NULL } },
  { "광주은행", { "광주은행", NULL } },
  { "전북은행", { "전북은행", NULL } },
  { "제주은행", { "제주은행", NULL } },
  { "카카오뱅크", { "카카오뱅크", "kakaobank", NULL } },
  { "케이뱅크", { "케이뱅크", "kbank", NULL } },
  { "토스뱅크", { "토스뱅크", "tossbank", NULL } },
  { "우체국", { "우체국", "우정사업본부", NULL } },
  { "새마을금고", { "새마을금고", "mg새마을금고", NULL } },
  { "신협", { "신협", NULL } },
};

/* Words that mean "a bank" without naming one. */
static const char * const generic_words[] = { "은행", "뱅크", "뱅킹", "인증센터", "bank", "banking", NULL };

static char *
normalize_text (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* "국민은행" and "KB국민은행 인증서" name the bank, and so does the start of
 * a name while it is typed ("기업은"). Two-letter Latin aliases ("kb",
 * "nh") count only typed whole: "kbank" is another bank. */
static gboolean
alias_matches (const char *needle,
               const char *alias)
{
  if (strlen (alias) <= 2)
    return strcmp (needle, alias) == 0;

  if (strstr (needle, alias) != NULL)
    return TRUE;

  return g_utf8_strlen (needle, -1) >= 2 && strlen (needle) >= 3 && g_str_has_prefix (alias, needle);
}

/**
 * dojang_bank_search_match:
 * @query: what the user typed
 * @bank_name: (out) (optional) (transfer full) (nullable): the bank named,
 *   or %NULL when the query only says "bank"
 *
 * Returns: whether @query is about a bank
 */
gboolean
dojang_bank_search_match (const char  *query,
                          char       **bank_name)
{
  g_autofree char *needle = NULL;

  if (bank_name != NULL)
    *bank_name = NULL;
  if (query == NULL)
    return FALSE;

  needle = normalize_text (query);
  if (*needle == '\0')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (banks); i++)
    {
      g_autofree char *name = normalize_text (banks[i].name);
      gboolean found = alias_matches (needle, name);

      for (guint j = 0; !found && banks[i].aliases[j] != NULL; j++)
        found = alias_matches (needle, banks[i].aliases[j]);

      if (found)
        {
          if (bank_name != NULL)
            *bank_name = g_strdup (banks[i].name);
          return TRUE;
        }
    }

  for (guint i = 0; generic_words[i] != NULL; i++)
    {
      if (strstr (needle, generic_words[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}
