/* SPDX-License-Identifier: GPL-3.0-or-later */

/* KICA states the rule for new passwords (signgate.com/faq): at least 10
 * characters with a letter, a digit and a special character; ' " \ | are not
 * allowed; no three identical or sequential characters in a row. The other
 * CAs ask the same.
 *
 * Two points the CAs leave open are decided here:
 *  - "sequential" means three letters or three digits whose code points go up
 *    or down by one each ("abc", "cba", "123", "321"), letters compared
 *    without case ("aBc"); keyboard rows ("qwe") and mixes ("9ab") are not
 *    sequences. "Repeated" means the same character three times, letters
 *    without case ("aAa", "!!!").
 *  - only printable ASCII without spaces: Korean software derives the key from
 *    the password's bytes, and Windows programs take them in CP949, not UTF-8,
 *    so a Hangul password set here could not be typed there. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dojang-password-rule.h"

/* The first sentence of dojang_password_requirement_describe() says 10. */
G_STATIC_ASSERT (DOJANG_PASSWORD_MIN_LENGTH == 10);

/* The CA rule forbids these four even though they are special characters. */
static gboolean
is_forbidden_special (guchar c)
{
  return c == '\'' || c == '"' || c == '\\' || c == '|';
}

static gboolean
is_keyboard_character (guchar c)
{
  return c > ' ' && c < 0x7f;
}

static gboolean
same_class (guchar a,
            guchar b)
{
  return (g_ascii_isalpha (a) && g_ascii_isalpha (b))
         || (g_ascii_isdigit (a) && g_ascii_isdigit (b));
}

static gboolean
is_sequence (guchar a,
             guchar b,
             guchar c)
{
  int step;

  if (!same_class (a, b) || !same_class (b, c))
    return FALSE;

  a = g_ascii_tolower (a);
  b = g_ascii_tolower (b);
  c = g_ascii_tolower (c);
  step = (int) b - (int) a;

  return (step == 1 || step == -1) && (int) c - (int) b == step;
}

static gboolean
is_repeat (guchar a,
           guchar b,
           guchar c)
{
  a = g_ascii_tolower (a);

  return a == g_ascii_tolower (b) && a == g_ascii_tolower (c);
}

/**
 * dojang_password_rule_unmet:
 * @password: (array length=password_len): the new password's bytes (UTF-8)
 *
 * Returns: the requirements @password does not meet; 0 when it meets all
 */
DojangPasswordRequirement
dojang_password_rule_unmet (const char *password,
                            gsize       password_len)
{
  const guchar *p = (const guchar *) password;
  DojangPasswordRequirement unmet = DOJANG_PASSWORD_REQUIRE_LETTER
                                    | DOJANG_PASSWORD_REQUIRE_DIGIT
                                    | DOJANG_PASSWORD_REQUIRE_SPECIAL;
  glong length;

  g_return_val_if_fail (password != NULL || password_len == 0, DOJANG_PASSWORD_REQUIRE_ALL);

  if (password_len > 0 && g_utf8_validate (password, (gssize) password_len, NULL))
    length = g_utf8_strlen (password, (gssize) password_len);
  else
    length = (glong) password_len;
  if (length < DOJANG_PASSWORD_MIN_LENGTH)
    unmet |= DOJANG_PASSWORD_REQUIRE_LENGTH;

  for (gsize i = 0; i < password_len; i++)
    {
      if (g_ascii_isalpha (p[i]))
        unmet &= ~DOJANG_PASSWORD_REQUIRE_LETTER;
      else if (g_ascii_isdigit (p[i]))
        unmet &= ~DOJANG_PASSWORD_REQUIRE_DIGIT;
      else if (is_forbidden_special (p[i]))
        unmet |= DOJANG_PASSWORD_REQUIRE_ALLOWED_SPECIAL;
      else if (g_ascii_ispunct (p[i]))
        unmet &= ~DOJANG_PASSWORD_REQUIRE_SPECIAL;

      if (!is_keyboard_character (p[i]))
        unmet |= DOJANG_PASSWORD_REQUIRE_KEYBOARD;

      if (i >= 2 && is_repeat (p[i - 2], p[i - 1], p[i]))
        unmet |= DOJANG_PASSWORD_REQUIRE_NO_REPEAT;
      if (i >= 2 && is_sequence (p[i - 2], p[i - 1], p[i]))
        unmet |= DOJANG_PASSWORD_REQUIRE_NO_SEQUENCE;
    }

  return unmet;
}

/**
 * dojang_password_requirement_describe:
 * @requirement: one requirement (a single bit)
 *
 * Returns: (transfer none): the requirement as the user reads it, translated
 */
const char *
dojang_password_requirement_describe (DojangPasswordRequirement requirement)
{
  switch (requirement)
    {
    case DOJANG_PASSWORD_REQUIRE_LENGTH:
      return _("At least 10 characters");
    case DOJANG_PASSWORD_REQUIRE_LETTER:
      return _("At least one English letter");
    case DOJANG_PASSWORD_REQUIRE_DIGIT:
      return _("At least one digit");
    case DOJANG_PASSWORD_REQUIRE_SPECIAL:
      return _("At least one special character, such as ! @ # $ %");
    case DOJANG_PASSWORD_REQUIRE_ALLOWED_SPECIAL:
      return _("None of the characters ' \" \\ |");
    case DOJANG_PASSWORD_REQUIRE_KEYBOARD:
      return _("Only English letters, digits and special characters: no Korean letters and no spaces");
    case DOJANG_PASSWORD_REQUIRE_NO_REPEAT:
      return _("No character three times in a row, such as “aaa” or “111”");
    case DOJANG_PASSWORD_REQUIRE_NO_SEQUENCE:
      return _("No three letters or digits in order, such as “abc”, “cba” or “123”");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * dojang_password_rule_check:
 * @password: (array length=password_len): the new password's bytes (UTF-8)
 * @unmet: (out) (optional) (transfer full): the requirements not met, as
 *   translated sentences in display order; an empty list when all are met
 *
 * Returns: %TRUE if @password meets every requirement
 */
gboolean
dojang_password_rule_check (const char   *password,
                            gsize         password_len,
                            char       ***unmet)
{
  DojangPasswordRequirement failed = dojang_password_rule_unmet (password, password_len);

  if (unmet != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint bit = 1; bit & DOJANG_PASSWORD_REQUIRE_ALL; bit <<= 1)
        {
          if (failed & bit)
            g_strv_builder_add (builder, dojang_password_requirement_describe (bit));
        }
      *unmet = g_strv_builder_end (builder);
    }

  return failed == 0;
}
