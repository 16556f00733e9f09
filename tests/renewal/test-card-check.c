/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The rehearsed card payment: grouping as typed, the Luhn check digit and
 * the MM/YY expiry against the month in Korea. */

#include "config.h"

#include "dojang-card-check.h"
#include "dojang-test-fixtures.h"

static void
test_digits_and_grouping (void)
{
  char digits[DOJANG_CARD_NUMBER_MAX_DIGITS + 1];
  char grouped[DOJANG_CARD_NUMBER_FORMATTED_SIZE];
  char tiny[6];

  g_assert_cmpuint (dojang_card_number_digits ("4111 1111-1111 1111", digits, sizeof digits), ==, 16);
  g_assert_cmpstr (digits, ==, "4111111111111111");
  g_assert_cmpuint (dojang_card_number_format (digits, grouped, sizeof grouped), ==, 19);
  g_assert_cmpstr (grouped, ==, "4111 1111 1111 1111");

  /* As typed: a space comes only once a fifth digit follows. */
  dojang_card_number_format ("4111", grouped, sizeof grouped);
  g_assert_cmpstr (grouped, ==, "4111");
  dojang_card_number_format ("41111", grouped, sizeof grouped);
  g_assert_cmpstr (grouped, ==, "4111 1");
  dojang_card_number_format ("4111111111111111111", grouped, sizeof grouped);
  g_assert_cmpstr (grouped, ==, "4111 1111 1111 1111 111");

  /* Letters are dropped; too many digits are counted, not written past the end. */
  g_assert_cmpuint (dojang_card_number_digits ("12ab34", digits, sizeof digits), ==, 4);
  g_assert_cmpstr (digits, ==, "1234");
  g_assert_cmpuint (dojang_card_number_digits ("123456789", tiny, sizeof tiny), ==, 9);
  g_assert_cmpstr (tiny, ==, "12345");
  g_assert_cmpuint (dojang_card_number_digits ("", digits, sizeof digits), ==, 0);
  g_assert_cmpstr (digits, ==, "");
}

static void
test_luhn (void)
{
  /* Test numbers the card networks publish, and each with one digit changed. */
  g_assert_true (dojang_card_luhn_valid ("4111111111111111"));
  g_assert_false (dojang_card_luhn_valid ("4111111111111112"));
  g_assert_true (dojang_card_luhn_valid ("5555555555554444"));
  g_assert_false (dojang_card_luhn_valid ("5555555555554443"));
  g_assert_true (dojang_card_luhn_valid ("378282246310005"));
  g_assert_false (dojang_card_luhn_valid ("378282246310006"));
  g_assert_true (dojang_card_luhn_valid ("79927398713"));
  g_assert_false (dojang_card_luhn_valid ("79927398710"));
  g_assert_false (dojang_card_luhn_valid ("4111-1111"));
  g_assert_false (dojang_card_luhn_valid ("0"));

  /* A valid number must also be 12 to 19 digits long. */
  g_assert_true (dojang_card_number_valid ("4111111111111111"));
  g_assert_true (dojang_card_number_valid ("378282246310005"));
  g_assert_false (dojang_card_number_valid ("79927398713"));
  g_assert_false (dojang_card_number_valid ("4111111111111112"));
  g_assert_false (dojang_card_number_valid ("41111111111111111111111"));
}

static void
test_expiry (void)
{
  /* 1 March 2026 in Korea is still 28 February in UTC at 03:00 KST. */
  g_autoptr(GDateTime) now = dojang_test_parse_instant ("2026-03-01T03:00:00+09:00");
  char text[8];

  g_assert_cmpint (dojang_card_expiry_check ("03/26", now), ==, DOJANG_CARD_EXPIRY_VALID);
  g_assert_cmpint (dojang_card_expiry_check ("02/26", now), ==, DOJANG_CARD_EXPIRY_PAST);
  g_assert_cmpint (dojang_card_expiry_check ("12/25", now), ==, DOJANG_CARD_EXPIRY_PAST);
  g_assert_cmpint (dojang_card_expiry_check ("01/27", now), ==, DOJANG_CARD_EXPIRY_VALID);
  g_assert_cmpint (dojang_card_expiry_check ("12/99", now), ==, DOJANG_CARD_EXPIRY_VALID);
  g_assert_cmpint (dojang_card_expiry_check ("13/27", now), ==, DOJANG_CARD_EXPIRY_INVALID);
  g_assert_cmpint (dojang_card_expiry_check ("00/27", now), ==, DOJANG_CARD_EXPIRY_INVALID);
  g_assert_cmpint (dojang_card_expiry_check ("1227", now), ==, DOJANG_CARD_EXPIRY_INVALID);
  g_assert_cmpint (dojang_card_expiry_check ("12/2", now), ==, DOJANG_CARD_EXPIRY_INCOMPLETE);
  g_assert_cmpint (dojang_card_expiry_check ("", now), ==, DOJANG_CARD_EXPIRY_INCOMPLETE);

  /* Typed digits become MM/YY as they come. */
  dojang_card_expiry_format ("1", text, sizeof text);
  g_assert_cmpstr (text, ==, "1");
  dojang_card_expiry_format ("12", text, sizeof text);
  g_assert_cmpstr (text, ==, "12");
  dojang_card_expiry_format ("122", text, sizeof text);
  g_assert_cmpstr (text, ==, "12/2");
  dojang_card_expiry_format ("12/289", text, sizeof text);
  g_assert_cmpstr (text, ==, "12/28");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dojang/card-check/digits-and-grouping", test_digits_and_grouping);
  g_test_add_func ("/dojang/card-check/luhn", test_luhn);
  g_test_add_func ("/dojang/card-check/expiry", test_expiry);

  return g_test_run ();
}
