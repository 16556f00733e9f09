/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The new-password rule of the certificate authorities (see
 * src/keys/dojang-password-rule.c for the two points decided there). */

#include "config.h"

#include <string.h>

#include "dojang-password-rule.h"
#include "test-common.h"

typedef struct
{
  const char                *password;
  DojangPasswordRequirement  unmet;
} Case;

#define LENGTH DOJANG_PASSWORD_REQUIRE_LENGTH
#define LETTER DOJANG_PASSWORD_REQUIRE_LETTER
#define DIGIT DOJANG_PASSWORD_REQUIRE_DIGIT
#define SPECIAL DOJANG_PASSWORD_REQUIRE_SPECIAL
#define ALLOWED DOJANG_PASSWORD_REQUIRE_ALLOWED_SPECIAL
#define KEYBOARD DOJANG_PASSWORD_REQUIRE_KEYBOARD
#define REPEAT DOJANG_PASSWORD_REQUIRE_NO_REPEAT
#define SEQUENCE DOJANG_PASSWORD_REQUIRE_NO_SEQUENCE

static const Case cases[] = {
  /* Good ones. */
  { "Dojang-Test1!", 0 },
  { "w7#Kp2@xQ9", 0 },                /* exactly 10 */
  { "aa11!!bb22", 0 },                /* pairs are fine */
  { "ac-ce-eg-13", 0 },               /* steps of two are not sequences */
  { "qwe!rty9zz", 0 },                /* keyboard rows are not sequences */
  { "9ab-8ba-Xy", 0 },                /* a digit then letters: not one class */
  { "z{|", ALLOWED | LENGTH | DIGIT }, /* '{' after 'z' in ASCII, but not a letter */
  /* Length, counted in characters. */
  { "w7#Kp2@xQ", LENGTH },
  { "", LENGTH | LETTER | DIGIT | SPECIAL },
  /* Each kind of character. */
  { "abcdefghij", DIGIT | SPECIAL | SEQUENCE },
  { "w7xKp2mxQ9", SPECIAL },
  { "w#xKp@mxQy", DIGIT },
  { "47#12@80%6", LETTER },
  /* The four forbidden specials, each alone. */
  { "w7#Kp2'xQ9", ALLOWED },
  { "w7#Kp2\"xQ9", ALLOWED },
  { "w7#Kp2\\xQ9", ALLOWED },
  { "w7#Kp2|xQ9", ALLOWED },
  /* Forbidden specials do not count as the special character. */
  { "w7|Kp2'xQ9", ALLOWED | SPECIAL },
  /* Keyboard characters only. */
  { "w7#Kp2 xQ9", KEYBOARD },
  { "w7#Kp2\txQ9", KEYBOARD },
  { "도장비밀번호2026!", KEYBOARD | LETTER },
  { "Dojang-Test1!도", KEYBOARD },
  /* Repeats: any character, letters without case. */
  { "w7#Kaaa@Q9", REPEAT },
  { "w7#KaAa@Q9", REPEAT },
  { "w7#K111@Qp", REPEAT },
  { "w7#K!!!pQx", REPEAT },
  /* Sequences, ascending and descending, letters without case. */
  { "w7#Kabc@Q9", SEQUENCE },
  { "w7#KaBc@Q9", SEQUENCE },
  { "w7#Kcba@Q9", SEQUENCE },
  { "w7#Kxyz@Q9", SEQUENCE },
  { "wx#K123@Qp", SEQUENCE },
  { "wx#K987@Qp", SEQUENCE },
  { "wx#K890@Qp", 0 },                /* no wrap-around */
  { "wx#Kyza@Q9", 0 },
  /* Several at once. */
  { "aaa", LENGTH | DIGIT | SPECIAL | REPEAT },
  { "abc123", LENGTH | SPECIAL | SEQUENCE },
};

static void
test_cases (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *password = cases[i].password;
      DojangPasswordRequirement unmet = dojang_password_rule_unmet (password, strlen (password));

      g_test_message ("“%s”", password);
      g_assert_cmphex (unmet, ==, cases[i].unmet);
      g_assert_cmpint (dojang_password_rule_check (password, strlen (password), NULL), ==,
                       cases[i].unmet == 0);
    }
}

/* The password is bytes with a length: nothing after it counts. */
static void
test_length_bounds (void)
{
  const char *buffer = "w7#Kp2@xQ9aaa";

  g_assert_cmphex (dojang_password_rule_unmet (buffer, 10), ==, 0);
  g_assert_cmphex (dojang_password_rule_unmet (buffer, 13), ==, DOJANG_PASSWORD_REQUIRE_NO_REPEAT);
  g_assert_cmphex (dojang_password_rule_unmet (buffer, 9), ==, DOJANG_PASSWORD_REQUIRE_LENGTH);
  g_assert_cmphex (dojang_password_rule_unmet (NULL, 0), ==,
                   LENGTH | LETTER | DIGIT | SPECIAL);
}

/* Ten Hangul syllables are ten characters (30 bytes), not thirty; they still
 * fail, for being Hangul. Bytes that are not UTF-8 are not keyboard input. */
static void
test_character_count (void)
{
  const char *hangul = "가나다라마바사아자차";
  const char bad_utf8[] = "w7#Kp2@x\xff\xfe";

  g_assert_cmphex (dojang_password_rule_unmet (hangul, strlen (hangul)), ==,
                   LETTER | DIGIT | SPECIAL | KEYBOARD);
  g_assert_cmphex (dojang_password_rule_unmet ("가나다라마바사아자", strlen ("가나다라마바사아자")) & LENGTH,
                   ==, LENGTH);
  g_assert_cmphex (dojang_password_rule_unmet (bad_utf8, sizeof bad_utf8 - 1), ==, KEYBOARD);
}

static void
test_messages (void)
{
  g_auto(GStrv) unmet = NULL;
  g_auto(GStrv) none = NULL;

  g_assert_false (dojang_password_rule_check ("abc1", 4, &unmet));
  g_assert_cmpuint (g_strv_length (unmet), ==, 3);
  g_assert_cmpstr (unmet[0], ==, "At least 10 characters");
  g_assert_cmpstr (unmet[1], ==, "At least one special character, such as ! @ # $ %");
  g_assert_cmpstr (unmet[2], ==, "No three letters or digits in order, such as “abc”, “cba” or “123”");

  g_assert_true (dojang_password_rule_check ("Dojang-Test1!", 13, &none));
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  for (guint bit = 1; bit & DOJANG_PASSWORD_REQUIRE_ALL; bit <<= 1)
    g_assert_nonnull (dojang_password_requirement_describe (bit));
}

/* GLib decides once per process whether to translate: in a subprocess that
 * has not translated anything in English yet. */
static void
test_messages_korean (void)
{
  g_auto(GStrv) unmet = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  dojang_test_set_language ("ko");
  g_assert_false (dojang_password_rule_check ("w7#Kp2'x", 8, &unmet));

  g_assert_cmpuint (g_strv_length (unmet), ==, 2);
  g_assert_cmpstr (unmet[0], ==, "10자 이상");
  g_assert_true (g_str_has_prefix (unmet[1], "' \" \\ |"));
}

int
main (int   argc,
      char *argv[])
{
  dojang_test_init (&argc, &argv);

  g_test_add_func ("/dojang/password-rule/cases", test_cases);
  g_test_add_func ("/dojang/password-rule/length-bounds", test_length_bounds);
  g_test_add_func ("/dojang/password-rule/character-count", test_character_count);
  g_test_add_func ("/dojang/password-rule/messages", test_messages);
  g_test_add_func ("/dojang/password-rule/messages-korean", test_messages_korean);

  return g_test_run ();
}
