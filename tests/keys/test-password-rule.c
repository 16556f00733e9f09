/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The new-password rule, part by part, as the live feedback shows it. */

#include "config.h"

#include <string.h>

#include "dojang-password-rule.h"

static DojangPasswordRule
check (const char *password)
{
  return dojang_password_rule_check (password, strlen (password));
}

static void
assert_missing (const char         *password,
                DojangPasswordRule  missing)
{
  DojangPasswordRule met = check (password);

  g_test_message ("%s", password);
  g_assert_cmphex (met, ==, DOJANG_PASSWORD_RULES_ALL & ~missing);
  g_assert_false (dojang_password_rule_accepts (password, strlen (password)));
}

static void
test_accepts (void)
{
  const char *good[] = { "Dojang-Test1!", "q7w!e8r@t9", "도장비밀번호2026!a", "aZ9#aZ9#aZ9#", "x1!y2@z3#w4$" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_test_message ("%s", good[i]);
      g_assert_cmphex (check (good[i]), ==, DOJANG_PASSWORD_RULES_ALL);
      g_assert_true (dojang_password_rule_accepts (good[i], strlen (good[i])));
    }
}

static void
test_each_part (void)
{
  assert_missing ("Qw1!Qw1!x", DOJANG_PASSWORD_RULE_LENGTH);
  assert_missing ("1357913579!", DOJANG_PASSWORD_RULE_LETTER);
  assert_missing ("Qwerty!Qwerty", DOJANG_PASSWORD_RULE_DIGIT);
  assert_missing ("Qwerty1Qwerty", DOJANG_PASSWORD_RULE_SPECIAL);
  assert_missing ("Qwerty1!'x", DOJANG_PASSWORD_RULE_ALLOWED);
  assert_missing ("Qwerty1!\"x", DOJANG_PASSWORD_RULE_ALLOWED);
  assert_missing ("Qwerty1!\\x", DOJANG_PASSWORD_RULE_ALLOWED);
  assert_missing ("Qwerty1!|x", DOJANG_PASSWORD_RULE_ALLOWED);
  /* Repeated and consecutive runs of three, either way, letters in any case. */
  assert_missing ("Qwerty1!aaa", DOJANG_PASSWORD_RULE_NO_RUN);
  assert_missing ("Qwe!!!rty1x", DOJANG_PASSWORD_RULE_NO_RUN);
  assert_missing ("Qwerty!123x", DOJANG_PASSWORD_RULE_NO_RUN);
  assert_missing ("Qwerty!321x", DOJANG_PASSWORD_RULE_NO_RUN);
  assert_missing ("Qw1!xyzQw1!", DOJANG_PASSWORD_RULE_NO_RUN);
  assert_missing ("Qw1!CbAQw1!", DOJANG_PASSWORD_RULE_NO_RUN);
  /* Two in a row, or a run broken by another kind of character, is fine. */
  g_assert_cmphex (check ("Qw1!aab12x9"), ==, DOJANG_PASSWORD_RULES_ALL);
  g_assert_cmphex (check ("Qw1!89:x;<="), ==, DOJANG_PASSWORD_RULES_ALL);
  /* Several parts at once. */
  g_assert_cmphex (check ("aaa"), ==, DOJANG_PASSWORD_RULE_LETTER | DOJANG_PASSWORD_RULE_ALLOWED);
}

static void
test_length_counts_characters (void)
{
  /* Ten Korean characters are thirty bytes but ten characters. */
  g_assert_true (check ("가나다라마바사아자1!") & DOJANG_PASSWORD_RULE_LENGTH);
  g_assert_false (check ("가나다1!") & DOJANG_PASSWORD_RULE_LENGTH);
}

static void
test_empty_and_invalid (void)
{
  g_assert_cmphex (dojang_password_rule_check ("", 0), ==, 0);
  g_assert_cmphex (dojang_password_rule_check (NULL, 0), ==, 0);
  g_assert_cmphex (dojang_password_rule_check ("ab\xff" "cdefghij1!", 13), ==, 0);
  /* Only @length bytes are read. */
  g_assert_cmphex (dojang_password_rule_check ("Dojang-Test1!aaa", 13), ==, DOJANG_PASSWORD_RULES_ALL);
}

static void
test_descriptions (void)
{
  for (guint bit = 0; bit < 6; bit++)
    g_assert_cmpstr (dojang_password_rule_describe (1 << bit), !=, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dojang/password-rule/accepts", test_accepts);
  g_test_add_func ("/dojang/password-rule/each-part", test_each_part);
  g_test_add_func ("/dojang/password-rule/length-counts-characters", test_length_counts_characters);
  g_test_add_func ("/dojang/password-rule/empty-and-invalid", test_empty_and_invalid);
  g_test_add_func ("/dojang/password-rule/descriptions", test_descriptions);

  return g_test_run ();
}
