/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The providers catalog: the shipped data, issuer and type recognition,
 * and the JSON loader's errors (each names the file and the field). */

#include "test-common.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "dojang-data-error.h"
#include "dojang-data-file.h"
#include "dojang-holiday-calendar.h"
#include "dojang-provider-catalog.h"

static GBytes *
builtin (const char *name)
{
  return dojang_data_file_get_builtin (name);
}

static JsonNode *
builtin_tree (const char *name)
{
  g_autoptr(GBytes) bytes = builtin (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_true (json_parser_load_from_data (parser, data, (gssize) size, NULL));
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
path_object (JsonNode   *root,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) found = json_path_query (path, root, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (found)), ==, 1);
  return json_array_get_object_element (json_node_get_array (found), 0);
}

/* Writes @root as @name in a new folder and returns the file's path. */
static char *
write_tree (JsonNode   *root,
            const char *folder,
            const char *name)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  json_generator_set_root (generator, root);
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static char *
scratch_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("dojang-catalog-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

static void
test_builtin_providers (void)
{
  static const char * const ids[] = { "kica", "koscom", "yessign", "crosscert", "tradesign" };
  static const char * const phones[] = { "1577-8787", "1577-7337", "1577-5500", "1566-0566", "1566-2119" };
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();
  GListModel *providers = dojang_provider_catalog_get_providers (catalog);

  g_assert_true (catalog == dojang_provider_catalog_get_default ());
  g_assert_cmpuint (g_list_model_get_n_items (providers), ==, G_N_ELEMENTS (ids));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(DojangProvider) provider = g_list_model_get_item (providers, i);
      DojangChannel *main_channel = dojang_provider_get_main_channel (provider);

      g_assert_cmpstr (dojang_provider_get_id (provider), ==, ids[i]);
      g_assert_true (dojang_provider_catalog_lookup (catalog, ids[i]) == provider);
      g_assert_cmpstr (dojang_provider_get_main_phone (provider), ==, phones[i]);
      g_assert_cmpint (dojang_channel_get_kind (main_channel), ==, DOJANG_CHANNEL_KIND_PHONE);
      g_assert_nonnull (dojang_provider_get_name_ko (provider));
      g_assert_nonnull (dojang_provider_get_name_en (provider));
      g_assert_cmpstr (dojang_provider_get_name (provider), ==, dojang_provider_get_name_en (provider));
      g_assert_true (g_str_has_prefix (dojang_provider_get_website (provider), "https://"));
      g_assert_true (g_str_has_prefix (dojang_provider_get_renewal_url (provider), "https://"));
      g_assert_cmpuint (g_strv_length ((char **) dojang_provider_get_faq_topics (provider)), >=, 5);
      g_assert_cmpuint (g_list_model_get_n_items (dojang_provider_get_certificate_types (provider)), >=, 3);
      g_assert_nonnull (dojang_channel_get_fact (main_channel, "phone"));
      g_assert_nonnull (dojang_channel_get_fact (main_channel, "hours"));
    }

  g_assert_null (dojang_provider_catalog_lookup (catalog, "ncasign"));
  g_assert_null (dojang_provider_catalog_lookup (catalog, NULL));
}

static void
test_wrong_kica_number_absent (void)
{
  g_autoptr(GBytes) bytes = builtin ("providers.json");
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* A customer-center guide prints a wrong KICA number; it must not ship. */
  g_assert_null (strstr (text, "1577-8750"));
  g_assert_nonnull (strstr (text, "1577-8787"));
}

static void
test_yessign_bank_note (void)
{
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();
  DojangProvider *yessign = dojang_provider_catalog_lookup (catalog, "yessign");
  DojangCertificateType *bank = dojang_provider_catalog_find_type (catalog, "1.2.410.200005.1.1.4");
  DojangCertificateType *general = dojang_provider_catalog_find_type (catalog, "1.2.410.200005.1.1.1");

  g_assert_nonnull (strstr (dojang_provider_get_notes (yessign), "bank"));
  g_assert_true (dojang_certificate_type_get_issued_at_bank (bank));
  g_assert_nonnull (strstr (dojang_certificate_type_get_notes (bank), "bank"));
  g_assert_cmpint (dojang_certificate_type_get_annual_fee_krw (bank), ==, 0);
  g_assert_false (dojang_certificate_type_get_issued_at_bank (general));
  g_assert_cmpint (dojang_certificate_type_get_annual_fee_krw (general), ==, 4400);
}

static void
test_identify_issuer (void)
{
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();
  struct {
    const char *org, *cn, *oid, *expected;
  } cases[] = {
    { "KICA", "signGATE CA4", "1.2.410.200004.5.2.1.2", "kica" },
    { "kica", NULL, NULL, "kica" },
    { "SignKorea", "SignKorea CA3", NULL, "koscom" },
    { "YESSIGN", NULL, NULL, "yessign" },
    { "CrossCert", NULL, NULL, "crosscert" },
    { "TradeSign", NULL, NULL, "tradesign" },
    /* Unknown organisation: the CN decides, in any case. */
    { "Some Licensed CA", "yessignCA Class 3", NULL, "yessign" },
    { NULL, "SIGNGATE CA5", NULL, "kica" },
    { NULL, "CrossCertCA4", NULL, "crosscert" },
    /* Then the policy OID's arc. */
    { NULL, "Unknown CA", "1.2.410.200004.5.4.1.101", "crosscert" },
    { NULL, NULL, "1.2.410.200012.1.1.3", "tradesign" },
    { NULL, NULL, "1.2.410.200005.1.1.6.8", "yessign" },
    /* Whole arcs only, and the closed NCASign is not a provider. */
    { NULL, NULL, "1.2.410.2000041.5.2", NULL },
    { NULL, NULL, "1.2.410.200004.5.3.1.1", NULL },
    { "Nobody", "Nothing", "2.5.29.32.0", NULL },
    { NULL, NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DojangProvider *provider = dojang_provider_catalog_identify_issuer (catalog, cases[i].org,
                                                                          cases[i].cn, cases[i].oid);

      g_assert_cmpstr (provider != NULL ? dojang_provider_get_id (provider) : NULL, ==, cases[i].expected);
    }
}

static void
test_find_type (void)
{
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();
  struct {
    const char *oid, *type_id, *provider_id;
    int fee, window;
  } cases[] = {
    { "1.2.410.200004.5.2.1.2", "kica-personal", "kica", 4400, 30 },
    { "1.2.410.200004.5.2.1.1", "kica-business", "kica", 110000, 30 },
    { "1.2.410.200004.5.2.1.7.2", "kica-securities", "kica", 0, 30 },
    { "1.2.410.200004.5.1.1.9", "koscom-securities", "koscom", 0, 30 },
    { "1.2.410.200004.5.1.1.9.2", "koscom-card", "koscom", 0, 30 },
    { "1.2.410.200004.5.1.1.12", "koscom-tax", "koscom", 2200, 30 },
    { "1.2.410.200005.1.1.5", "yessign-business", "yessign", 110000, 30 },
    { "1.2.410.200005.1.1.6.3", "yessign-restricted", "yessign", -1, 30 },
    { "1.2.410.200004.5.4.1.104", "crosscert-civil", "crosscert", -1, 60 },
    { "1.2.410.200004.5.4.1.1", "crosscert-personal", "crosscert", 4400, 60 },
    { "1.2.410.200012.1.1.105", "tradesign-restricted", "tradesign", -1, 30 },
    { "1.2.410.200004.5.3.1.2", "ncasign-other", "ncasign", -1, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DojangCertificateType *type = dojang_provider_catalog_find_type (catalog, cases[i].oid);

      g_assert_nonnull (type);
      g_assert_cmpstr (dojang_certificate_type_get_id (type), ==, cases[i].type_id);
      g_assert_cmpstr (dojang_certificate_type_get_provider_id (type), ==, cases[i].provider_id);
      g_assert_cmpint (dojang_certificate_type_get_annual_fee_krw (type), ==, cases[i].fee);
      g_assert_cmpint (dojang_certificate_type_get_renewal_window_days (type), ==, cases[i].window);
    }

  g_assert_null (dojang_provider_catalog_find_type (catalog, "1.2.410.200004.5.2.1.99"));
  g_assert_null (dojang_provider_catalog_find_type (catalog, "1.2.410.200005.1.1.60"));
  g_assert_null (dojang_provider_catalog_find_type (catalog, "not an oid"));
  g_assert_null (dojang_provider_catalog_find_type (catalog, NULL));
}

static void
test_facts (void)
{
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();
  DojangProvider *kica = dojang_provider_catalog_lookup (catalog, "kica");
  DojangProvider *tradesign = dojang_provider_catalog_lookup (catalog, "tradesign");
  DojangChannel *kica_phone = dojang_provider_get_main_channel (kica);
  DojangFact *phone_fact = dojang_channel_get_fact (kica_phone, "phone");
  DojangFact *hours_fact = dojang_channel_get_fact (kica_phone, "hours");
  g_autoptr(GPtrArray) unverified = dojang_provider_collect_unverified (tradesign);
  gboolean tradesign_phone_listed = FALSE;
  GListModel *providers = dojang_provider_catalog_get_providers (catalog);

  g_assert_true (dojang_fact_is_verified (phone_fact));
  g_assert_cmpstr (dojang_fact_get_source_url (phone_fact), ==, "https://www.signgate.com");
  g_assert_cmpstr (dojang_fact_get_checked (phone_fact), ==, "2026-11-22");
  /* The guide's hours are not verified on the CA's site. */
  g_assert_false (dojang_fact_is_verified (hours_fact));
  g_assert_cmpstr (dojang_fact_get_key (hours_fact), ==, "hours");
  g_assert_cmpstr (dojang_fact_get_path (hours_fact), ==, "providers[0].channels[0].facts.hours");
  g_assert_nonnull (dojang_fact_get_note (hours_fact));

  for (guint i = 0; i < unverified->len; i++)
    {
      DojangFact *fact = g_ptr_array_index (unverified, i);

      g_assert_false (dojang_fact_is_verified (fact));
      tradesign_phone_listed |= g_str_equal (dojang_fact_get_path (fact), "providers[4].channels[0].facts.phone");
    }
  g_assert_true (tradesign_phone_listed);

  /* Every fact has a source, a date and a confidence. */
  for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
    {
      g_autoptr(DojangProvider) provider = g_list_model_get_item (providers, i);
      static const char * const keys[] = { "name", "brand", "website", "renewal_url", "issuers", "faq_topics" };

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          DojangFact *fact = dojang_provider_get_fact (provider, keys[k]);

          g_assert_nonnull (fact);
          g_assert_nonnull (dojang_fact_get_source (fact));
          g_assert_cmpuint (strlen (dojang_fact_get_checked (fact)), ==, 10);
        }
    }
}

static void
assert_load_error (JsonNode   *root,
                   const char *expected_message,
                   int         expected_code)
{
  g_autofree char *folder = scratch_folder ();
  g_autofree char *path = write_tree (root, folder, "providers.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangProviderCatalog) catalog = dojang_provider_catalog_new_from_file (path, &error);

  g_assert_null (catalog);
  g_assert_error (error, DOJANG_DATA_ERROR, expected_code);
  g_assert_cmpstr (error->message, ==, expected_message);
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (folder));
}

static void
test_load_good_file (void)
{
  g_autoptr(JsonNode) root = builtin_tree ("providers.json");
  g_autofree char *folder = scratch_folder ();
  g_autofree char *path = write_tree (root, folder, "providers.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangProviderCatalog) catalog = dojang_provider_catalog_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (dojang_provider_catalog_get_providers (catalog)), ==, 5);
  g_assert_false (catalog == dojang_provider_catalog_get_default ());
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (folder));
}

static void
test_load_missing_field (void)
{
  g_autoptr(JsonNode) root = builtin_tree ("providers.json");

  json_object_remove_member (path_object (root, "$.providers[2].channels[0]"), "phone");
  assert_load_error (root, "providers.json: providers[2].channels[0].phone: missing field",
                     DOJANG_DATA_ERROR_MISSING_FIELD);
}

static void
test_load_missing_source (void)
{
  g_autoptr(JsonNode) root = builtin_tree ("providers.json");

  json_object_remove_member (path_object (root, "$.providers[1].facts"), "website");
  assert_load_error (root, "providers.json: providers[1].facts.website: missing field",
                     DOJANG_DATA_ERROR_MISSING_FIELD);
}

static void
test_load_wrong_type (void)
{
  g_autoptr(JsonNode) root = builtin_tree ("providers.json");

  json_object_set_int_member (path_object (root, "$.providers[3]"), "brand", 42);
  assert_load_error (root, "providers.json: providers[3].brand: expected a string",
                     DOJANG_DATA_ERROR_WRONG_TYPE);
}

static void
test_load_bad_time (void)
{
  g_autoptr(JsonNode) root = builtin_tree ("providers.json");

  json_object_set_string_member (path_object (root, "$.providers[2].channels[0].hours"), "mon", "09:00-25:00");
  assert_load_error (root, "providers.json: providers[2].channels[0].hours.mon: bad time “25:00”",
                     DOJANG_DATA_ERROR_BAD_VALUE);

  json_object_set_string_member (path_object (root, "$.providers[2].channels[0].hours"), "mon", "9:00-18:00");
  assert_load_error (root, "providers.json: providers[2].channels[0].hours.mon: bad time “9:00”",
                     DOJANG_DATA_ERROR_BAD_VALUE);

  json_object_set_string_member (path_object (root, "$.providers[2].channels[0].hours"), "mon", "18:00-09:00");
  assert_load_error (root, "providers.json: providers[2].channels[0].hours.mon: bad time range “18:00-09:00” (expected HH:MM-HH:MM)",
                     DOJANG_DATA_ERROR_BAD_VALUE);
}

static void
test_load_bad_confidence (void)
{
  g_autoptr(JsonNode) root = builtin_tree ("providers.json");

  json_object_set_string_member (path_object (root, "$.providers[0].facts.name"), "confidence", "sure");
  assert_load_error (root, "providers.json: providers[0].facts.name.confidence: unknown confidence “sure” (expected H, M or L)",
                     DOJANG_DATA_ERROR_BAD_VALUE);
}

static void
test_load_unsupported_version (void)
{
  g_autoptr(JsonNode) root = builtin_tree ("providers.json");

  json_object_set_int_member (json_node_get_object (root), "version", 2);
  assert_load_error (root, "providers.json: version: unsupported version 2 (expected 1)",
                     DOJANG_DATA_ERROR_BAD_VALUE);
}

static void
test_load_not_json (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{ \"providers\": [", 16);
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangProviderCatalog) catalog = dojang_provider_catalog_new_from_bytes (bytes, "providers.json", &error);

  g_assert_null (catalog);
  g_assert_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "providers.json: not valid JSON"));
}

static void
test_user_override (void)
{
  g_autoptr(JsonNode) root = builtin_tree ("providers.json");
  g_autofree char *folder = g_build_filename (g_getenv ("XDG_DATA_HOME"), "dojang", NULL);
  g_autofree char *path = NULL;
  g_autoptr(DojangProviderCatalog) overridden = NULL;
  g_autoptr(DojangProviderCatalog) fallback = NULL;

  /* A valid copy wins over the built-in data. */
  json_object_set_string_member (path_object (root, "$.providers[0]"), "brand", "SignGate (user copy)");
  path = write_tree (root, folder, "providers.json");
  overridden = dojang_provider_catalog_new_default ();
  g_assert_cmpstr (dojang_provider_get_brand (dojang_provider_catalog_lookup (overridden, "kica")), ==,
                   "SignGate (user copy)");

  /* A broken one is ignored with a warning naming the file and field. */
  json_object_set_string_member (path_object (root, "$.providers[0].channels[0].hours"), "tue", "25:00-26:00");
  g_free (write_tree (root, folder, "providers.json"));
  g_test_expect_message ("Dojang", G_LOG_LEVEL_WARNING,
                         "Ignoring */dojang/providers.json, using the built-in data: "
                         "providers.json: providers[0].channels[0].hours.tue: bad time “25:00”");
  fallback = dojang_provider_catalog_new_default ();
  g_test_assert_expected_messages ();
  g_assert_cmpstr (dojang_provider_get_brand (dojang_provider_catalog_lookup (fallback, "kica")), ==, "SignGate");

  g_assert_no_errno (g_remove (path));
}

static void
test_holidays_loader (void)
{
  g_autoptr(JsonNode) root = builtin_tree ("holidays.json");
  g_autofree char *folder = scratch_folder ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangHolidayCalendar) calendar = NULL;
  g_autoptr(DojangHolidayCalendar) broken = NULL;
  g_autoptr(GDateTime) chuseok = g_date_time_new_from_iso8601 ("2026-09-25T12:00:00+09:00", NULL);
  g_autoptr(GDateTime) election = g_date_time_new_from_iso8601 ("2030-06-12T12:00:00+09:00", NULL);
  g_autoptr(GDateTime) workday = g_date_time_new_from_iso8601 ("2026-09-23T12:00:00+09:00", NULL);
  g_autoptr(GDateTime) future = g_date_time_new_from_iso8601 ("2031-01-05T12:00:00+09:00", NULL);

  path = write_tree (root, folder, "holidays.json");
  calendar = dojang_holiday_calendar_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dojang_holiday_calendar_lookup_ko (calendar, chuseok), ==, "추석");
  g_assert_cmpstr (dojang_holiday_calendar_lookup_en (calendar, chuseok), ==, "Chuseok");
  g_assert_null (dojang_holiday_calendar_lookup (calendar, workday));
  g_assert_true (dojang_fact_is_verified (dojang_holiday_calendar_get_fact (calendar, chuseok)));
  /* 2030's election dates are estimates. */
  g_assert_cmpint (dojang_fact_get_confidence (dojang_holiday_calendar_get_fact (calendar, election)), ==,
                   DOJANG_CONFIDENCE_LOW);
  g_assert_true (dojang_holiday_calendar_covers (calendar, chuseok));
  g_assert_false (dojang_holiday_calendar_covers (calendar, future));
  g_assert_cmpint (dojang_holiday_calendar_get_first_year (calendar), ==, 2025);
  g_assert_cmpint (dojang_holiday_calendar_get_last_year (calendar), ==, 2030);
  g_assert_nonnull (strstr (dojang_holiday_calendar_get_rules (calendar), "substitute"));
  g_assert_true (dojang_fact_is_verified (dojang_holiday_calendar_get_rules_fact (calendar)));

  json_object_set_string_member (path_object (root, "$.holidays[3]"), "date", "2025-02-30");
  g_free (write_tree (root, folder, "holidays.json"));
  broken = dojang_holiday_calendar_new_from_file (path, &error);
  g_assert_null (broken);
  g_assert_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_BAD_VALUE);
  g_assert_cmpstr (error->message, ==, "holidays.json: holidays[3].date: bad date “2025-02-30”");
  g_clear_error (&error);

  json_object_set_string_member (path_object (root, "$.holidays[3]"), "date", "2025-+1-01");
  g_free (write_tree (root, folder, "holidays.json"));
  g_assert_null (dojang_holiday_calendar_new_from_file (path, &error));
  g_assert_cmpstr (error->message, ==, "holidays.json: holidays[3].date: bad date “2025-+1-01”");

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (folder));
}

int
main (int   argc,
      char *argv[])
{
  dojang_test_init (&argc, &argv);

  g_test_add_func ("/dojang/provider-catalog/builtin-providers", test_builtin_providers);
  g_test_add_func ("/dojang/provider-catalog/wrong-kica-number-absent", test_wrong_kica_number_absent);
  g_test_add_func ("/dojang/provider-catalog/yessign-bank-note", test_yessign_bank_note);
  g_test_add_func ("/dojang/provider-catalog/identify-issuer", test_identify_issuer);
  g_test_add_func ("/dojang/provider-catalog/find-type", test_find_type);
  g_test_add_func ("/dojang/provider-catalog/facts", test_facts);
  g_test_add_func ("/dojang/provider-catalog/load-good-file", test_load_good_file);
  g_test_add_func ("/dojang/provider-catalog/load-missing-field", test_load_missing_field);
  g_test_add_func ("/dojang/provider-catalog/load-missing-source", test_load_missing_source);
  g_test_add_func ("/dojang/provider-catalog/load-wrong-type", test_load_wrong_type);
  g_test_add_func ("/dojang/provider-catalog/load-bad-time", test_load_bad_time);
  g_test_add_func ("/dojang/provider-catalog/load-bad-confidence", test_load_bad_confidence);
  g_test_add_func ("/dojang/provider-catalog/load-unsupported-version", test_load_unsupported_version);
  g_test_add_func ("/dojang/provider-catalog/load-not-json", test_load_not_json);
  g_test_add_func ("/dojang/provider-catalog/user-override", test_user_override);
  g_test_add_func ("/dojang/provider-catalog/holidays-loader", test_holidays_loader);

  return g_test_run ();
}
