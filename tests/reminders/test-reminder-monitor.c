/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The monitor of the running app (sends what is due, re-arms its one timer,
 * follows the store, also when certificates are recorded while it runs),
 * the notification it builds, and "Check
 * at login": the autostart entry and the Background portal request, the
 * latter against a fake portal on a private bus. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dojang-autostart.h"
#include "dojang-certificate-scanner.h"
#include "dojang-reminder-monitor.h"
#include "dojang-reminder-notification.h"
#include "dojang-reminder-scan.h"
#include "dojang-reminder-schedule.h"
#include "dojang-test-fixtures.h"


typedef struct
{
  char                  *folder;
  DojangReminderStore   *store;
  DojangReminderMonitor *monitor;
  GPtrArray             *sent;
} Fixture;

static void
on_sent (DojangReminderMonitor *monitor,
         DojangReminder        *reminder,
         Fixture               *fixture)
{
  g_ptr_array_add (fixture->sent, g_object_ref (reminder));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->folder = g_dir_make_tmp ("reminder-monitor-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->folder, "dojang.db", NULL);
  fixture->store = dojang_reminder_store_new (path, &error);
  g_assert_no_error (error);
  fixture->sent = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->monitor = dojang_reminder_monitor_new (NULL, fixture->store);
  g_signal_connect (fixture->monitor, "reminder-sent", G_CALLBACK (on_sent), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->monitor);
  g_clear_object (&fixture->store);
  g_ptr_array_unref (fixture->sent);
  dojang_test_remove_tree (fixture->folder);
  g_free (fixture->folder);
}

static gboolean
wait_for_sent (Fixture *fixture,
               guint    count)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (fixture->sent->len < count && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  /* Let a wrong extra one arrive, if there is one. */
  end = g_get_monotonic_time () + 200 * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  return fixture->sent->len == count;
}

static char *
date_in_days (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
test_sends_and_arms (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *in_three_days = date_in_days (3);
  g_autofree char *in_two_days = date_in_days (2);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  GDateTime *next;
  DojangReminder *first;

  dojang_reminder_store_add_manual_entry (fixture->store, "휴대폰", "kica", "", in_three_days, &error);
  g_assert_no_error (error);

  dojang_reminder_monitor_start (fixture->monitor);
  g_assert_true (wait_for_sent (fixture, 1));
  first = g_ptr_array_index (fixture->sent, 0);
  g_assert_cmpint (dojang_reminder_get_lead_days (first), ==, 7);
  g_assert_cmpint (dojang_reminder_get_state (first), ==, DOJANG_REMINDER_STATE_SENT);

  /* The one timer points at the next due instant: the D-1 reminder. */
  next = dojang_reminder_monitor_get_next_check (fixture->monitor);
  g_assert_nonnull (next);
  g_assert_cmpint (g_date_time_compare (next, now), >, 0);
  {
    g_autoptr(GDateTime) local = g_date_time_to_timezone (next, g_time_zone_new_identifier ("Asia/Seoul"));
    g_assert_cmpint (g_date_time_get_hour (local), ==, 9);
  }

  /* A change to the store is followed at once. */
  dojang_reminder_store_add_manual_entry (fixture->store, "USB", "other", "", in_two_days, &error);
  g_assert_no_error (error);
  g_assert_true (wait_for_sent (fixture, 2));
  g_assert_cmpstr (dojang_reminder_get_name (g_ptr_array_index (fixture->sent, 1)), ==, "USB");
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  if (dojang_reminder_scan_add_certificates_finish (DOJANG_REMINDER_STORE (source), result, error))
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "recorded");
}

/* Certificates recorded (in a worker thread, as the reminder controller
 * does for the live list) after the monitor started are followed. */
static void
test_follows_recorded (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  g_autofree char *tree = dojang_test_make_npki_tree (at, 0);
  g_autoptr(JsonObject) expected = dojang_test_load_expected (tree);
  JsonArray *roots_json = json_object_get_array_member (expected, "roots");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) roots = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GError) error = NULL;
  GError *recorded = NULL;

  for (guint i = 0; i < json_array_get_length (roots_json); i++)
    g_strv_builder_add (builder, json_array_get_string_element (roots_json, i));
  roots = g_strv_builder_end (builder);
  g_assert_true (dojang_certificate_scan_sync ((const char * const *) roots, NULL, &certificates, NULL, &error));
  g_assert_no_error (error);

  dojang_reminder_monitor_start (fixture->monitor);
  g_assert_true (wait_for_sent (fixture, 0));
  dojang_reminder_scan_add_certificates_async (fixture->store, certificates, now, NULL, on_recorded, &recorded);
  while (recorded == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (recorded, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&recorded);

  /* Two certificates expire in 23 days (their D-30 is due), two expired
   * less than a week ago (their same-day reminder still goes out). */
  g_assert_true (wait_for_sent (fixture, 4));
  g_assert_cmpuint (dojang_reminder_store_count_certificates (fixture->store), >=, 9);

  dojang_test_remove_tree (tree);
}

static void
test_notification (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) not_after = g_date_time_new_from_iso8601 ("2026-12-01T23:59:59+09:00", NULL);
  g_autoptr(GDateTime) seen = g_date_time_new_from_iso8601 ("2026-09-01T00:00:00+09:00", NULL);
  g_autoptr(GDateTime) d7 = g_date_time_new_from_iso8601 ("2026-11-24T09:00:00+09:00", NULL);
  g_autoptr(GDateTime) day_of = g_date_time_new_from_iso8601 ("2026-12-01T09:00:00+09:00", NULL);
  g_autoptr(GDateTime) after = g_date_time_new_from_iso8601 ("2026-12-02T09:00:00+09:00", NULL);
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *id = NULL;
  g_autofree char *left_7 = NULL;
  g_autofree char *left_0 = NULL;
  g_autofree char *left_gone = NULL;
  g_autoptr(GVariant) notification = NULL;
  g_autofree char *body = NULL;
  DojangReminder *reminder;

  dojang_reminder_store_set_clock (fixture->store, seen);
  dojang_reminder_store_upsert_certificate (fixture->store,
                                            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                                            "홍길동()0011", "홍길동", "yessign", "범용", not_after, NULL, seen, &error);
  g_assert_no_error (error);
  upcoming = dojang_reminder_store_list_upcoming (fixture->store, &error);
  g_assert_no_error (error);
  reminder = g_ptr_array_index (upcoming, 2);

  label = dojang_reminder_describe_certificate (reminder);
  g_assert_cmpstr (label, ==, "홍길동 (KFTC 범용)");

  /* A name stored by a version that did not check it (a folder name, an
   * import with "\ud800") still gives the notification UTF-8. */
  {
    g_autoptr(GPtrArray) all = NULL;
    gboolean seen_bad = FALSE;

    dojang_reminder_store_upsert_certificate (fixture->store,
                                              "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
                                              "bad()0011", "x\xed\xa0\x80\xff", "yessign", "범용", not_after,
                                              NULL, seen, &error);
    g_assert_no_error (error);
    all = dojang_reminder_store_list_upcoming (fixture->store, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < all->len; i++)
      {
        g_autofree char *described = dojang_reminder_describe_certificate (g_ptr_array_index (all, i));

        g_assert_true (g_utf8_validate (described, -1, NULL));
        seen_bad |= g_str_has_prefix (described, "x\xef\xbf\xbd");
      }
    g_assert_true (seen_bad);
  }
  id = dojang_reminder_notification_id (reminder);
  g_assert_cmpstr (id, ==, "reminder-certificate-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

  left_7 = dojang_reminder_describe_days_left (reminder, d7);
  left_0 = dojang_reminder_describe_days_left (reminder, day_of);
  left_gone = dojang_reminder_describe_days_left (reminder, after);
  g_assert_cmpstr (left_7, ==, "Expires in 7 days");
  g_assert_cmpstr (left_0, ==, "Expires today");
  g_assert_cmpstr (left_gone, ==, "Expired");

  notification = dojang_reminder_notification_new (reminder, d7);
  g_assert_true (g_variant_is_of_type (notification, G_VARIANT_TYPE_VARDICT));
  {
    g_autoptr(GVariant) buttons = g_variant_lookup_value (notification, "buttons", G_VARIANT_TYPE ("aa{sv}"));
    const char *title = NULL;

    g_assert_true (g_variant_lookup (notification, "title", "&s", &title));
    g_assert_cmpstr (title, ==, "Certificate expires in 7 days: 홍길동 (KFTC 범용)");
    g_assert_nonnull (buttons);
    g_assert_cmpuint (g_variant_n_children (buttons), ==, 3);
  }
  /* "범용" is not one of yessign's types in the catalog: the CA renews it. */
  g_assert_false (dojang_reminder_is_renewed_at_bank (reminder));
  body = dojang_reminder_describe_renewal (reminder, d7);
  g_assert_cmpstr (body, ==, "Valid until Tue, 1 Dec 2026. Renew it before then: once it has expired, it can only be issued anew.");
}

/* A personal yessign certificate is renewed at the holder's bank: its
 * reminder says so, before and after expiry; a KICA one does not. */
static void
test_notification_bank (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) not_after = g_date_time_new_from_iso8601 ("2026-12-01T23:59:59+09:00", NULL);
  g_autoptr(GDateTime) seen = g_date_time_new_from_iso8601 ("2026-09-01T00:00:00+09:00", NULL);
  g_autoptr(GDateTime) d7 = g_date_time_new_from_iso8601 ("2026-11-24T09:00:00+09:00", NULL);
  g_autoptr(GDateTime) after = g_date_time_new_from_iso8601 ("2026-12-02T09:00:00+09:00", NULL);
  static const struct { const char *sha256, *name, *provider, *type; gboolean bank; } cases[] = {
    { "1111111111111111111111111111111111111111111111111111111111111111", "김영희", "yessign", "은행·신용카드·보험용 (개인)", TRUE },
    { "2222222222222222222222222222222222222222222222222222222222222222", "홍길동", "yessign", "All-purpose (personal)", TRUE },
    { "3333333333333333333333333333333333333333333333333333333333333333", "정우성", "yessign", "범용 (사업자·법인)", FALSE },
    { "4444444444444444444444444444444444444444444444444444444444444444", "김철수", "kica", "범용 (개인)", FALSE },
  };

  dojang_reminder_store_set_clock (fixture->store, seen);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) upcoming = NULL;
      g_autofree char *body = NULL;
      g_autofree char *expired = NULL;
      DojangReminder *reminder = NULL;

      dojang_reminder_store_upsert_certificate (fixture->store, cases[i].sha256, cases[i].name, cases[i].name,
                                                cases[i].provider, cases[i].type, not_after, NULL, seen, &error);
      g_assert_no_error (error);
      upcoming = dojang_reminder_store_list_upcoming (fixture->store, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < upcoming->len; j++)
        {
          DojangReminder *candidate = g_ptr_array_index (upcoming, j);

          if (g_strcmp0 (dojang_reminder_get_certificate_sha256 (candidate), cases[i].sha256) == 0)
            reminder = candidate;
        }
      g_assert_nonnull (reminder);

      g_assert_cmpint (dojang_reminder_is_renewed_at_bank (reminder), ==, cases[i].bank);
      body = dojang_reminder_describe_renewal (reminder, d7);
      expired = dojang_reminder_describe_renewal (reminder, after);
      if (cases[i].bank)
        {
          g_assert_cmpstr (body, ==, "Valid until Tue, 1 Dec 2026. Renew it before then at your own bank: in its internet "
                                     "banking or app, open the certificate centre (인증센터).");
          g_assert_nonnull (strstr (expired, "at your bank’s certificate centre (인증센터)"));
        }
      else
        {
          g_assert_null (strstr (body, "bank"));
          g_assert_null (strstr (expired, "bank"));
        }
    }
}

static const char *
lookup_string (GVariant   *notification,
               const char *key)
{
  const char *value = NULL;

  g_assert_true (g_variant_lookup (notification, key, "&s", &value));

  return value;
}

static DojangReminder *
find_by_name (GPtrArray  *reminders,
              const char *name)
{
  for (guint i = 0; i < reminders->len; i++)
    {
      if (g_strcmp0 (dojang_reminder_get_name (g_ptr_array_index (reminders, i)), name) == 0)
        return g_ptr_array_index (reminders, i);
    }

  g_assert_not_reached ();
}

/* More than three due at once: one summary, the most urgent named first,
 * as pressing as the most pressing; three or fewer: one notification each. */
static void
test_notices (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GDateTime) seen = g_date_time_new_from_iso8601 ("2026-09-01T00:00:00+09:00", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-24T09:30:00+09:00", NULL);
  static const struct { const char *sha256, *name, *provider, *not_after; } cases[] = {
    /* D-7, D-1, expired four days ago, D-26 (its D-30 is due), D-7, D-16. */
    { "1111111111111111111111111111111111111111111111111111111111111111", "가", "kica", "2026-12-01T23:59:59+09:00" },
    { "2222222222222222222222222222222222222222222222222222222222222222", "나", "yessign", "2026-11-25T23:59:59+09:00" },
    { "3333333333333333333333333333333333333333333333333333333333333333", "다", "crosscert", "2026-11-20T23:59:59+09:00" },
    { "4444444444444444444444444444444444444444444444444444444444444444", "라", "kica", "2026-12-20T23:59:59+09:00" },
    { "5555555555555555555555555555555555555555555555555555555555555555", "마", "tradesign", "2026-12-01T23:59:59+09:00" },
    { "6666666666666666666666666666666666666666666666666666666666666666", "바", "koscom", "2026-12-10T23:59:59+09:00" },
  };
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) calm = NULL;
  g_autoptr(GPtrArray) few = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(GVariant) buttons = NULL;
  g_autoptr(GVariant) button = NULL;
  g_autoptr(GError) error = NULL;
  DojangReminderNotice *summary;
  DojangReminder *first_chosen;
  const char *value = NULL;

  dojang_reminder_store_set_clock (fixture->store, seen);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) not_after = g_date_time_new_from_iso8601 (cases[i].not_after, NULL);

      dojang_reminder_store_upsert_certificate (fixture->store, cases[i].sha256, cases[i].name, cases[i].name,
                                                cases[i].provider, "범용", not_after, NULL, seen, &error);
      g_assert_no_error (error);
    }

  chosen = dojang_reminder_store_begin_check (fixture->store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chosen->len, ==, G_N_ELEMENTS (cases));
  first_chosen = g_ptr_array_index (chosen, 0);

  all = dojang_reminder_notices_new (chosen, now);
  g_assert_cmpuint (all->len, ==, 1);
  summary = g_ptr_array_index (all, 0);
  g_assert_cmpstr (summary->id, ==, DOJANG_REMINDER_SUMMARY_ID);
  g_assert_cmpuint (summary->reminders->len, ==, 6);
  for (guint i = 0; i < chosen->len; i++)
    g_assert_true (g_ptr_array_find (summary->reminders, g_ptr_array_index (chosen, i), NULL));
  /* Sorting for the body leaves the check's own list as it was. */
  g_assert_true (g_ptr_array_index (chosen, 0) == first_chosen);

  g_assert_cmpstr (lookup_string (summary->notification, "title"), ==, "6 certificates need attention");
  g_assert_cmpstr (lookup_string (summary->notification, "body"), ==,
                   "다 (CrossCert 범용) — Expired\n"
                   "나 (KFTC 범용) — Expires in 1 day\n"
                   "가 (KICA 범용) — Expires in 7 days\n"
                   "and 3 more");
  g_assert_cmpstr (lookup_string (summary->notification, "priority"), ==, "high");
  g_assert_cmpstr (lookup_string (summary->notification, "default-action"), ==, "app.show-reminders");
  buttons = g_variant_lookup_value (summary->notification, "buttons", G_VARIANT_TYPE ("aa{sv}"));
  g_assert_nonnull (buttons);
  g_assert_cmpuint (g_variant_n_children (buttons), ==, 1);
  button = g_variant_get_child_value (buttons, 0);
  g_assert_true (g_variant_lookup (button, "label", "&s", &value));
  g_assert_cmpstr (value, ==, "Open Reminders");
  g_assert_true (g_variant_lookup (button, "action", "&s", &value));
  g_assert_cmpstr (value, ==, "app.show-reminders");
  g_assert_false (g_variant_lookup (button, "target", "*", NULL));

  /* Four, none within a day of expiry: still one summary, not pressing;
   * the same day sorts by name. */
  calm = g_ptr_array_new ();
  g_ptr_array_add (calm, find_by_name (chosen, "라"));
  g_ptr_array_add (calm, find_by_name (chosen, "마"));
  g_ptr_array_add (calm, find_by_name (chosen, "바"));
  g_ptr_array_add (calm, find_by_name (chosen, "가"));
  {
    g_autoptr(GPtrArray) notices = dojang_reminder_notices_new (calm, now);

    DojangReminderNotice *four;

    g_assert_cmpuint (notices->len, ==, 1);
    four = g_ptr_array_index (notices, 0);
    g_assert_cmpstr (four->id, ==, DOJANG_REMINDER_SUMMARY_ID);
    g_assert_cmpuint (four->reminders->len, ==, 4);
    g_assert_cmpstr (lookup_string (four->notification, "title"), ==, "4 certificates need attention");
    g_assert_cmpstr (lookup_string (four->notification, "body"), ==,
                     "가 (KICA 범용) — Expires in 7 days\n"
                     "마 (KTNET 범용) — Expires in 7 days\n"
                     "바 (Koscom 범용) — Expires in 16 days\n"
                     "and 1 more");
    g_assert_cmpstr (lookup_string (four->notification, "priority"), ==, "normal");
  }

  /* Three: each its own notification, as dojang_reminder_notification_new()
   * makes it, covering itself. */
  g_ptr_array_remove_index (calm, 0);
  few = dojang_reminder_notices_new (calm, now);
  g_assert_cmpuint (few->len, ==, 3);
  for (guint i = 0; i < few->len; i++)
    {
      DojangReminderNotice *notice = g_ptr_array_index (few, i);
      DojangReminder *reminder = g_ptr_array_index (calm, i);
      g_autofree char *id = dojang_reminder_notification_id (reminder);
      g_autoptr(GVariant) single = dojang_reminder_notification_new (reminder, now);

      g_assert_cmpstr (notice->id, ==, id);
      g_assert_true (g_variant_equal (notice->notification, single));
      g_assert_cmpuint (notice->reminders->len, ==, 1);
      g_assert_true (g_ptr_array_index (notice->reminders, 0) == reminder);
    }

  none = dojang_reminder_notices_new (empty, now);
  g_assert_cmpuint (none->len, ==, 0);

  /* The summary's answer records all six as sent. */
  sent = dojang_reminder_store_end_check (fixture->store, summary->reminders, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 6);
}

static void
test_autostart_file (void)
{
  g_autofree char *path = dojang_autostart_get_desktop_file_path ();
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;

  /* isolate.sh gives this test its own XDG_CONFIG_HOME. */
  g_assert_true (g_str_has_prefix (path, g_get_user_config_dir ()));
  g_assert_true (g_str_has_suffix (path, "/autostart/io.github.dojang.Dojang-reminders.desktop"));

  g_assert_true (dojang_autostart_write_desktop_file (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, NULL);
  g_assert_cmpstr (exec, ==, "dojang --check-reminders");
  g_assert_true (g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", NULL));

  g_assert_true (dojang_autostart_write_desktop_file (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Removing twice is fine. */
  g_assert_true (dojang_autostart_write_desktop_file (FALSE, &error));
  g_assert_no_error (error);
}

/* A fake org.freedesktop.portal.Background: records the request, answers
 * on the request object like xdg-desktop-portal does. */
typedef struct
{
  GDBusConnection *connection;
  GVariant        *options;
  guint32          response;
} FakePortal;

static const char portal_xml[] =
  "<node><interface name='org.freedesktop.portal.Background'>"
  "  <method name='RequestBackground'>"
  "    <arg type='s' name='parent_window' direction='in'/>"
  "    <arg type='a{sv}' name='options' direction='in'/>"
  "    <arg type='o' name='handle' direction='out'/>"
  "  </method>"
  "</interface></node>";

static void
portal_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  FakePortal *portal = user_data;
  g_autofree char *sender_part = g_strdup (sender + 1);
  g_autofree char *handle = NULL;
  const char *token = NULL;
  gboolean autostart = FALSE;
  GVariantBuilder results;

  g_variant_get (parameters, "(&s@a{sv})", NULL, &portal->options);
  g_variant_lookup (portal->options, "handle_token", "&s", &token);
  g_variant_lookup (portal->options, "autostart", "b", &autostart);
  g_strdelimit (sender_part, ".", '_');
  handle = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", sender_part, token);

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_dbus_connection_emit_signal (connection, sender, handle, "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(ua{sv})", portal->response, &results), NULL);
}

static void
on_requested (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  if (!dojang_autostart_request_background_finish (result, error) && *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "ok");
}

static void
test_autostart_portal (void)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(GDBusConnection) portal_side = NULL;
  g_autoptr(GDBusConnection) app_side = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  GDBusInterfaceVTable vtable = { portal_method_call, NULL, NULL };
  FakePortal portal = { 0 };
  GError *result = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **commandline = NULL;
  gboolean autostart = FALSE;

  g_test_dbus_up (bus);
  portal_side = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                        G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                        G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                        NULL, NULL, NULL);
  app_side = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                     G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                     G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                     NULL, NULL, NULL);
  g_assert_nonnull (portal_side);
  g_assert_nonnull (app_side);

  portal.connection = portal_side;
  g_dbus_connection_register_object (portal_side, "/org/freedesktop/portal/desktop", info->interfaces[0],
                                     &vtable, &portal, NULL, NULL);
  reply = g_dbus_connection_call_sync (portal_side, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.portal.Desktop", 0),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  g_assert_nonnull (reply);

  /* Allowed: the request carries autostart and the command line. */
  dojang_autostart_request_background (app_side, TRUE, NULL, on_requested, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (result, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&result);

  g_assert_true (g_variant_lookup (portal.options, "autostart", "b", &autostart));
  g_assert_true (autostart);
  g_assert_true (g_variant_lookup (portal.options, "commandline", "^a&s", &commandline));
  g_assert_cmpstr (commandline[0], ==, "dojang");
  g_assert_cmpstr (commandline[1], ==, "--check-reminders");
  g_assert_null (commandline[2]);
  g_clear_pointer (&portal.options, g_variant_unref);

  /* Refused by the user: an error, not a silent success. */
  portal.response = 1;
  dojang_autostart_request_background (app_side, TRUE, NULL, on_requested, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (result, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&result);
  g_clear_pointer (&portal.options, g_variant_unref);

  g_dbus_connection_close_sync (portal_side, NULL, NULL);
  g_dbus_connection_close_sync (app_side, NULL, NULL);
  g_test_dbus_down (bus);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/dojang/reminder-monitor/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("sends-and-arms", test_sends_and_arms);
  ADD ("follows-recorded", test_follows_recorded);
  ADD ("notification", test_notification);
  ADD ("notification-bank", test_notification_bank);
  ADD ("notices", test_notices);
#undef ADD
  g_test_add_func ("/dojang/autostart/desktop-file", test_autostart_file);
  g_test_add_func ("/dojang/autostart/portal", test_autostart_portal);

  return g_test_run ();
}
