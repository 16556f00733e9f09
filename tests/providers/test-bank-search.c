/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A Help search for a bank: its names as people write them lead to that
 * bank; "은행" alone to banks in general; CA names and phone numbers, and
 * stray letters, to no bank. */

#include "config.h"

#include "dojang-bank-search.h"

static void
assert_bank (const char *query,
             const char *want)
{
  g_autofree char *bank = NULL;

  g_test_message ("query %s", query);
  g_assert_true (dojang_bank_search_match (query, &bank));
  g_assert_cmpstr (bank, ==, want);
}

static void
assert_no_bank (const char *query)
{
  g_autofree char *bank = NULL;

  g_test_message ("query %s", query);
  g_assert_false (dojang_bank_search_match (query, &bank));
  g_assert_null (bank);
}

static void
test_named_banks (void)
{
  assert_bank ("국민은행", "KB국민은행");
  assert_bank ("KB 국민은행", "KB국민은행");
  assert_bank ("kb", "KB국민은행");
  assert_bank ("신한은행", "신한은행");
  assert_bank ("신한", "신한은행");
  assert_bank ("우리은행", "우리은행");
  assert_bank ("하나은행", "하나은행");
  assert_bank ("농협", "NH농협은행");
  assert_bank ("NH농협 인증서", "NH농협은행");
  assert_bank ("기업은행", "IBK기업은행");
  assert_bank ("기업은", "IBK기업은행");
  assert_bank ("IBK", "IBK기업은행");
  assert_bank ("Kbank", "케이뱅크");
  assert_bank ("카카오뱅크", "카카오뱅크");
}

static void
test_generic_and_none (void)
{
  g_autofree char *bank = NULL;

  g_assert_true (dojang_bank_search_match ("은행", &bank));
  g_assert_null (bank);
  g_assert_true (dojang_bank_search_match ("Bank", NULL));
  g_assert_true (dojang_bank_search_match ("인증센터", NULL));

  assert_no_bank ("");
  assert_no_bank ("우");
  assert_no_bank ("k");
  assert_no_bank ("kica");
  assert_no_bank ("한국정보인증");
  assert_no_bank ("yessign");
  assert_no_bank ("1577-8787");
  g_assert_false (dojang_bank_search_match (NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dojang/bank-search/named-banks", test_named_banks);
  g_test_add_func ("/dojang/bank-search/generic-and-none", test_generic_and_none);

  return g_test_run ();
}
