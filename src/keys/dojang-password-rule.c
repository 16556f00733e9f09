/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The new-password rule of KICA's FAQ (signgate.com): at least ten
 * characters with a letter, a digit and a special character; ' " \ | are
 * not allowed; no three sequential or repeated characters. The password is
 * read in place and never copied. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dojang-password-rule.h"

static gboolean
is_forbidden (gunichar c)
{
  return c == '\'' || c == '"' || c == '\\' || c == '|';
}

/* Letters compare without case ("aBc" is a run); other characters by code. */
static gunichar
run_key (gunichar c)
{
  return g_unichar_tolower (c);
}

static gboolean
is_run (gunichar a,
        gunichar b,
        gunichar c)
{
  gboolean same_class = (g_unichar_isdigit (a) && g_unichar_isdigit (b) && g_unichar_isdigit (c)) ||
                        (g_unichar_isalpha (a) && g_unichar_isalpha (b) && g_unichar_isalpha (c));

  a = run_key (a);
  b = run_key (b);
  c = run_key (c);

  if (a == b && b == c)
    return TRUE;

  /* "123", "abc" and their reverses; "89:" or "yz{" are not runs. */
  if (!same_class)
    return FALSE;

  return (b == a + 1 && c == b + 1) || (b + 1 == a && c + 1 == b);
}

/**
 * dojang_password_rule_check:
 * @password: (array length=length): UTF-8 text
 * @length: its length in bytes
 *
 * Returns: the parts of the rule @password meets
 */
DojangPasswordRule
dojang_password_rule_check (const char *password,
                            gsize       length)
{
  DojangPasswordRule met = DOJANG_PASSWORD_RULE_ALLOWED | DOJANG_PASSWORD_RULE_NO_RUN;
  gunichar previous[2] = { 0, 0 };
  gsize characters = 0;
  const char *end;

  g_return_val_if_fail (password != NULL || length == 0, 0);

  if (length == 0)
    return 0;

  if (!g_utf8_validate (password, (gssize) length, NULL))
    return 0;

  end = password + length;
  for (const char *p = password; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        met |= DOJANG_PASSWORD_RULE_LETTER;
      else if (g_unichar_isdigit (c))
        met |= DOJANG_PASSWORD_RULE_DIGIT;
      else if (g_unichar_isgraph (c))
        met |= DOJANG_PASSWORD_RULE_SPECIAL;

      if (is_forbidden (c))
        met &= ~DOJANG_PASSWORD_RULE_ALLOWED;

      if (characters >= 2 && is_run (previous[0], previous[1], c))
        met &= ~DOJANG_PASSWORD_RULE_NO_RUN;

      previous[0] = previous[1];
      previous[1] = c;
      characters++;
    }

  if (characters >= DOJANG_PASSWORD_MIN_LENGTH)
    met |= DOJANG_PASSWORD_RULE_LENGTH;

  explicit_bzero (previous, sizeof previous);

  return met;
}

gboolean
dojang_password_rule_accepts (const char *password,
                              gsize       length)
{
  return dojang_password_rule_check (password, length) == DOJANG_PASSWORD_RULES_ALL;
}

/**
 * dojang_password_rule_describe:
 * @rule: one part of the rule
 *
 * Returns: what that part asks for, in the user's language
 */
const char *
dojang_password_rule_describe (DojangPasswordRule rule)
{
  switch (rule)
    {
    case DOJANG_PASSWORD_RULE_LENGTH:
      return _("At least 10 characters");
    case DOJANG_PASSWORD_RULE_LETTER:
      return _("A letter");
    case DOJANG_PASSWORD_RULE_DIGIT:
      return _("A digit");
    case DOJANG_PASSWORD_RULE_SPECIAL:
      return _("A special character, such as ! or #");
    case DOJANG_PASSWORD_RULE_ALLOWED:
      return _("None of ' \" \\ |");
    case DOJANG_PASSWORD_RULE_NO_RUN:
      return _("No three repeated or consecutive characters, such as aaa or 123");
    default:
      g_return_val_if_reached ("");
    }
}
