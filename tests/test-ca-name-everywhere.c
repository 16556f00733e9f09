/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One certificate authority, one name: the same certificate names its CA the
 * same way on the Certificates page (row and details), on the Reminders
 * page, in its notification and in `--list-certificates` (text and JSON)
 * and `--renewal-plan`. The name is the one in data/providers.json for the
 * language the test runs in (LANGUAGE=ko for Korean), read here on its own;
 * the brand on the certificates shows only as a detail in the details.
 * The command says a certificate in its renewal window is "renewable", as
 * its badge does. */

#include "config.h"


#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dojang-certificate-details.h"
#include "dojang-certificate-row.h"
#include "dojang-certificates-page.h"
#include "dojang-reminder-notification.h"
#include "dojang-reminder-row.h"
#include "dojang-reminder-scan.h"
#include "dojang-reminders-page.h"
#include "dojang-test-pages.h"
#include "dojang-test-ui.h"


#define AT "2026-03-01T23:30:00+09:00"

static char *tree;
static JsonObject *expected;
static gboolean korean;
/* id → the name and the brand, from the data file */
static GHashTable *names;
static GHashTable *brands;

static void
load_names (void)
{
  g_autofree char *path = g_build_filename (DOJANG_TEST_SOURCE_ROOT, "data", "providers.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *providers;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  providers = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "providers");
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  brands = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < json_array_get_length (providers); i++)
    {
      JsonObject *provider = json_array_get_object_element (providers, i);
      JsonObject *name = json_object_get_object_member (provider, "name");
      const char *id = json_object_get_string_member (provider, "id");

      g_hash_table_insert (names, g_strdup (id), g_strdup (json_object_get_string_member (name, korean ? "ko" : "en")));
      g_hash_table_insert (brands, g_strdup (id), g_strdup (json_object_get_string_member (provider, "brand")));
    }
  g_assert_cmpuint (g_hash_table_size (names), ==, 5);
}

static const char *
name_of (const char *ca)
{
  const char *name = g_hash_table_lookup (names, ca);

  g_assert_nonnull (name);
  return name;
}

/* Whether @text uses the brand where the name belongs: the brand is not
 * part of the name (CrossCert's English name is its brand). */
static gboolean
uses_brand (const char *text,
            const char *ca)
{
  const char *brand = g_hash_table_lookup (brands, ca);

  return strstr (name_of (ca), brand) == NULL && strstr (text, brand) != NULL;
}

static const char **
roots (void)
{
  static const char *folders[3];
  JsonArray *array = json_object_get_array_member (expected, "roots");

  folders[0] = json_array_get_string_element (array, 0);
  folders[1] = json_array_get_string_element (array, 1);
  folders[2] = NULL;
  return folders;
}

static void
test_certificates_page (void)
{
  JsonArray *certificates = json_object_get_array_member (expected, "certificates");
  g_autoptr(DojangCertificateList) list = dojang_certificate_list_new_for_roots (roots ());
  GtkWidget *page = g_object_new (DOJANG_TYPE_CERTIFICATES_PAGE, "list", list, NULL);
  GtkWidget *window = dojang_test_show_page (page);

  dojang_test_wait_list_loaded (list);

  for (guint i = 0; i < json_array_get_length (certificates); i++)
    {
      JsonObject *want = json_array_get_object_element (certificates, i);
      const char *ca = json_object_get_string_member (want, "ca");
      const char *brand = g_hash_table_lookup (brands, ca);
      const char *sha256 = json_object_get_string_member (want, "sha256");
      DojangCertificateRow *row = dojang_test_wait_certificate_row (page, sha256);
      g_autofree char *row_start = g_strconcat (name_of (ca), " · ", NULL);
      g_autofree char *with_brand = g_ascii_strcasecmp (name_of (ca), brand) == 0
        ? g_strdup_printf (": %s — ", name_of (ca))
        : g_strdup_printf (": %s (%s) — ", name_of (ca), brand);
      g_autofree char *text = NULL;
      GtkWidget *details;

      g_test_message ("%s: %s", json_object_get_string_member (want, "name"), name_of (ca));

      /* The row: "금융결제원 · 범용 (개인) · …" */
      g_assert_nonnull (row);
      g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), row_start));

      /* The details: the name, then the brand as a detail, then the DN. */
      dojang_certificates_page_show_certificate (DOJANG_CERTIFICATES_PAGE (page), sha256);
      /* Built the first time a certificate is opened. */
      details = dojang_test_certificate_details (page);
      text = dojang_certificate_details_to_text (DOJANG_CERTIFICATE_DETAILS (details));
      g_assert_nonnull (strstr (text, with_brand));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
list_shown (gpointer data)
{
  GtkWidget *stack = dojang_test_template_child (data, DOJANG_TYPE_REMINDERS_PAGE, "stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "list") == 0;
}

/* "홍길동 (금융결제원 범용)": the holder, then the name and the type;
 * "최수진 (금융결제원)" when the type is not known. */
static void
assert_describes (const char *text,
                  const char *ca)
{
  g_autofree char *with_type = g_strdup_printf (" (%s ", name_of (ca));
  g_autofree char *alone = g_strdup_printf (" (%s)", name_of (ca));

  g_test_message ("%s", text);
  g_assert_true (strstr (text, with_type) != NULL || g_str_has_suffix (text, alone));
  g_assert_false (uses_brand (text, ca));
}

static void
test_reminders_and_notifications (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("ca-name-everywhere-XXXXXX", &error);
  g_autofree char *path = g_build_filename (folder, "dojang.db", NULL);
  g_autoptr(DojangReminderStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (AT, NULL);
  g_autoptr(GPtrArray) upcoming = NULL;
  GtkWidget *page;
  GtkWidget *window;
  guint found = 0;
  guint rows = 0;
  gint64 end;

  g_assert_no_error (error);
  store = dojang_reminder_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (dojang_reminder_scan_sync (store, roots (), now, NULL, &found, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (found, >=, 9);

  /* The notification of every reminder the certificates have. */
  upcoming = dojang_reminder_store_list_upcoming (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upcoming->len, >=, 5);
  for (guint i = 0; i < upcoming->len; i++)
    {
      DojangReminder *reminder = g_ptr_array_index (upcoming, i);
      JsonObject *want = dojang_test_find_expected (expected, "certificates", "sha256",
                                                    dojang_reminder_get_certificate_sha256 (reminder));
      g_autoptr(GVariant) notification = dojang_reminder_notification_new (reminder, now);
      const char *title = NULL;

      g_assert_nonnull (want);
      g_assert_true (g_variant_lookup (notification, "title", "&s", &title));
      assert_describes (title, json_object_get_string_member (want, "ca"));
    }

  /* The Reminders page's rows. */
  page = g_object_new (DOJANG_TYPE_REMINDERS_PAGE, NULL);
  window = dojang_test_show_page (page);
  dojang_reminders_page_set_store (DOJANG_REMINDERS_PAGE (page), store, NULL);
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!list_shown (page) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (list_shown (page));
  dojang_test_iterate_for_ms (100);

  for (GtkWidget *row = gtk_widget_get_first_child (dojang_test_template_child (page, DOJANG_TYPE_REMINDERS_PAGE, "upcoming_list"));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      DojangReminder *reminder;
      JsonObject *want;

      if (!DOJANG_IS_REMINDER_ROW (row))
        continue;
      reminder = dojang_reminder_row_get_reminder (DOJANG_REMINDER_ROW (row));
      want = dojang_test_find_expected (expected, "certificates", "sha256",
                                        dojang_reminder_get_certificate_sha256 (reminder));
      g_assert_nonnull (want);
      assert_describes (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                        json_object_get_string_member (want, "ca"));
      rows++;
    }
  /* At least every certificate in its renewal window has a row. */
  g_assert_cmpuint (rows, >=, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  dojang_test_iterate_for_ms (20);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (folder);
}

/* Runs the real binary in the test's language with the fixture's roots. */
static char *
run_dojang (const char * const *options)
{
  g_autofree char *program = g_build_filename (g_getenv ("DOJANG_BUILD_ROOT"), "src", "dojang", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_ptr_array_add (argv, program);
  for (guint i = 0; options[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) options[i]);
  g_ptr_array_add (argv, (gpointer) "--at");
  g_ptr_array_add (argv, (gpointer) AT);
  for (const char **root = roots (); *root != NULL; root++)
    {
      g_ptr_array_add (argv, (gpointer) "--path");
      g_ptr_array_add (argv, (gpointer) *root);
    }
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static void
test_commands (void)
{
  static const char * const list_text[] = { "--list-certificates", NULL };
  static const char * const list_json[] = { "--list-certificates", "--json", NULL };
  JsonArray *certificates = json_object_get_array_member (expected, "certificates");
  g_autofree char *text = run_dojang (list_text);
  g_autofree char *json = run_dojang (list_json);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *listed;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  listed = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "certificates");

  for (guint i = 0; i < json_array_get_length (certificates); i++)
    {
      JsonObject *want = json_array_get_object_element (certificates, i);
      const char *ca = json_object_get_string_member (want, "ca");
      const char *sha256 = json_object_get_string_member (want, "sha256");
      const char *holder = json_object_get_string_member (want, "name");
      g_autofree char *line = g_strdup_printf ("%s — %s, ", holder, name_of (ca));
      g_autofree char *heading = g_strdup_printf ("%s (%s, ", holder, name_of (ca));
      /* By its path: the fixture keeps a second copy of one certificate. */
      const char * const plan_options[] = { "--renewal-plan", json_object_get_string_member (want, "path"), NULL };
      g_autofree char *plan = run_dojang (plan_options);
      gboolean in_json = FALSE;

      g_test_message ("%s: %s", holder, name_of (ca));

      /* "홍길동 — 금융결제원, 범용 (개인) — …" */
      g_assert_nonnull (strstr (text, line));
      /* A certificate in its renewal window is in the state the badge
       * names, "갱신 가능", not told to "renew now". */
      if (g_strcmp0 (json_object_get_string_member (want, "status"), "expiring") == 0)
        {
          g_autofree char *state = g_strdup_printf (" — %s, ", korean ? "갱신 가능" : "renewable");

          g_assert_nonnull (strstr (text, state));
        }
      /* "홍길동 (금융결제원, 범용 (개인))" */
      g_assert_true (g_str_has_prefix (plan, heading));

      /* The JSON keeps the id in "ca" and adds the name. */
      for (guint j = 0; j < json_array_get_length (listed); j++)
        {
          JsonObject *got = json_array_get_object_element (listed, j);

          if (g_strcmp0 (json_object_get_string_member (got, "sha256"), sha256) != 0)
            continue;
          g_assert_cmpstr (json_object_get_string_member (got, "ca"), ==, ca);
          g_assert_cmpstr (json_object_get_string_member (got, "ca_name"), ==, name_of (ca));
          in_json = TRUE;
        }
      g_assert_true (in_json);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("LANGUAGE");
  int status;

  korean = g_strcmp0 (language, "ko") == 0;
  dojang_test_pages_init (&argc, &argv, "Asia/Seoul", AT, !korean);

  load_names ();
  tree = dojang_test_make_npki_tree (AT, 0);
  expected = dojang_test_load_expected (tree);

  g_test_add_func ("/dojang/ca-name-everywhere/certificates-page", test_certificates_page);
  g_test_add_func ("/dojang/ca-name-everywhere/reminders-and-notifications", test_reminders_and_notifications);
  g_test_add_func ("/dojang/ca-name-everywhere/commands", test_commands);

  status = g_test_run ();

  dojang_test_remove_tree (tree);
  json_object_unref (expected);
  g_hash_table_unref (names);
  g_hash_table_unref (brands);

  return status;
}
