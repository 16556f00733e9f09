/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "dojang-provider-catalog.h"
#include "dojang-provider-search.h"


/* The ids of the built-in providers that match @query, comma-separated. */
static char *
matching_ids (const char *query)
{
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();
  GListModel *providers = dojang_provider_catalog_get_providers (catalog);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
    {
      g_autoptr(DojangProvider) provider = g_list_model_get_item (providers, i);

      if (dojang_provider_search_matches (provider, query))
        g_strv_builder_add (ids, dojang_provider_get_id (provider));
    }

  result = g_strv_builder_end (ids);

  return g_strjoinv (",", result);
}

static void
assert_matches (const char *query,
                const char *expected_ids)
{
  g_autofree char *ids = matching_ids (query);

  g_test_message ("query %s → %s", query, ids);
  g_assert_cmpstr (ids, ==, expected_ids);
}

static void
test_empty_matches_all (void)
{
  assert_matches (NULL, "kica,koscom,yessign,crosscert,tradesign");
  assert_matches ("", "kica,koscom,yessign,crosscert,tradesign");
  assert_matches ("   ", "kica,koscom,yessign,crosscert,tradesign");
}

static void
test_names_and_brands (void)
{
  assert_matches ("kica", "kica");
  assert_matches ("KOSCOM", "koscom");
  assert_matches ("SignGate", "kica");
  assert_matches ("sign gate", "kica");
  assert_matches ("signkorea", "koscom");
  assert_matches ("한국정보인증", "kica");
  assert_matches ("한국 전자", "crosscert");
  assert_matches ("금융결제원", "yessign");
  assert_matches ("KFTC", "yessign");
  assert_matches ("tradesign", "tradesign");
  assert_matches ("nothing like this", "");
}

static void
test_phone_numbers (void)
{
  assert_matches ("1577-8787", "kica");
  assert_matches ("15778787", "kica");
  assert_matches ("1577 7337", "koscom");
  assert_matches ("5500", "yessign");
  assert_matches ("1566", "crosscert,tradesign");
  /* A channel's own number finds its authority too (KICA's CertBiz line). */
  assert_matches ("1544-5742", "kica");
}

static void
test_stray_digits_do_not_match_numbers (void)
{
  /* "1" is in every number; a name with a digit must not list them all. */
  assert_matches ("kica 1", "");
  assert_matches ("15", "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dojang/provider-search/empty-matches-all", test_empty_matches_all);
  g_test_add_func ("/dojang/provider-search/names-and-brands", test_names_and_brands);
  g_test_add_func ("/dojang/provider-search/phone-numbers", test_phone_numbers);
  g_test_add_func ("/dojang/provider-search/stray-digits", test_stray_digits_do_not_match_numbers);

  return g_test_run ();
}
