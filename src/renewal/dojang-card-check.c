/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The card form of the rehearsed payment: digits grouped by four as they
 * are typed, the Luhn check digit, and an MM/YY expiry that is not past. */

#include "config.h"

#include <string.h>

#include "dojang-card-check.h"
#include "dojang-seoul.h"

/**
 * dojang_card_number_digits:
 * @text: what was typed, with spaces or dashes
 * @digits: (out caller-allocates): receives the digits, NUL-terminated
 * @size: the size of @digits
 *
 * Returns: how many digits @text holds (all of them are counted, even when
 *   @digits is too small to keep them)
 */
gsize
dojang_card_number_digits (const char *text,
                           char       *digits,
                           gsize       size)
{
  gsize count = 0;

  g_return_val_if_fail (digits != NULL && size > 0, 0);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        continue;
      if (count + 1 < size)
        digits[count] = *p;
      count++;
    }
  digits[MIN (count, size - 1)] = '\0';

  return count;
}

/**
 * dojang_card_number_format:
 * @digits: digits only
 * @out: (out caller-allocates): "4111 1111 1111 1111", NUL-terminated
 * @size: the size of @out
 *
 * Returns: the length written
 */
gsize
dojang_card_number_format (const char *digits,
                           char       *out,
                           gsize       size)
{
  gsize n = 0;

  g_return_val_if_fail (digits != NULL, 0);
  g_return_val_if_fail (out != NULL && size > 0, 0);

  for (gsize i = 0; digits[i] != '\0' && n + 1 < size; i++)
    {
      if (i > 0 && i % 4 == 0)
        {
          out[n++] = ' ';
          if (n + 1 >= size)
            break;
        }
      out[n++] = digits[i];
    }
  out[n] = '\0';

  return n;
}

/* The last digit checks the others: double every second digit from the
 * right, add the digits of the products, and the sum ends in 0. */
gboolean
dojang_card_luhn_valid (const char *digits)
{
  gsize length;
  guint sum = 0;

  g_return_val_if_fail (digits != NULL, FALSE);

  length = strlen (digits);
  if (length < 2)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = digits[length - 1 - i];
      guint value;

      if (!g_ascii_isdigit (c))
        return FALSE;

      value = (guint) (c - '0');
      if (i % 2 == 1)
        {
          value *= 2;
          if (value > 9)
            value -= 9;
        }
      sum += value;
    }

  return sum % 10 == 0;
}

gboolean
dojang_card_number_valid (const char *digits)
{
  gsize length;

  g_return_val_if_fail (digits != NULL, FALSE);

  length = strlen (digits);

  return length >= DOJANG_CARD_NUMBER_MIN_DIGITS &&
         length <= DOJANG_CARD_NUMBER_MAX_DIGITS &&
         dojang_card_luhn_valid (digits);
}

/**
 * dojang_card_expiry_format:
 * @text: what was typed: "1", "12", "122", "12/2", "1228"…
 * @out: (out caller-allocates): the same as "MM/YY" so far: "12/2"
 * @size: the size of @out (6 is enough)
 *
 * Returns: the length written
 */
gsize
dojang_card_expiry_format (const char *text,
                           char       *out,
                           gsize       size)
{
  char digits[8];
  gsize count = dojang_card_number_digits (text, digits, sizeof digits);
  gsize n = 0;

  g_return_val_if_fail (out != NULL && size > 0, 0);

  count = MIN (count, 4);
  for (gsize i = 0; i < count && n + 1 < size; i++)
    {
      if (i == 2)
        {
          out[n++] = '/';
          if (n + 1 >= size)
            break;
        }
      out[n++] = digits[i];
    }
  out[n] = '\0';

  return n;
}

/**
 * dojang_card_expiry_check:
 * @text: "MM/YY"
 * @now: the current instant
 *
 * A card is valid through the last day of its expiry month; the month is
 * compared with the current month in Korea.
 */
DojangCardExpiry
dojang_card_expiry_check (const char *text,
                          GDateTime  *now)
{
  GDate today;
  char digits[8];
  gsize count;
  int month, year;

  g_return_val_if_fail (now != NULL, DOJANG_CARD_EXPIRY_INVALID);

  count = dojang_card_number_digits (text, digits, sizeof digits);
  if (count < 4)
    return DOJANG_CARD_EXPIRY_INCOMPLETE;
  if (count > 4 || strlen (text) != 5 || text[2] != '/')
    return DOJANG_CARD_EXPIRY_INVALID;

  month = (digits[0] - '0') * 10 + (digits[1] - '0');
  year = 2000 + (digits[2] - '0') * 10 + (digits[3] - '0');
  if (month < 1 || month > 12)
    return DOJANG_CARD_EXPIRY_INVALID;

  dojang_seoul_get_date (now, &today);
  if (year < g_date_get_year (&today) ||
      (year == g_date_get_year (&today) && month < (int) g_date_get_month (&today)))
    return DOJANG_CARD_EXPIRY_PAST;

  return DOJANG_CARD_EXPIRY_VALID;
}
