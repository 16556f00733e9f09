/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reminders of the running application: the real controller, on a
 * live certificate list that follows the settings and on the reminder
 * database of this test's own XDG_DATA_HOME (tests/isolate.sh). A folder
 * added to the certificate-folders setting, and a USB stick mounted while
 * it runs, get their reminders in the database without a restart; snooze
 * and dismiss write it in the background. Every check reads the SQLite
 * file itself. */

#include "config.h"

#include <glib/gstdio.h>

#include "dojang-autostart.h"
#include "dojang-reminder-controller.h"
#include "dojang-test-fixtures.h"

/* Certificates relative to now (made once): the monitor sends what falls due. */
static char *tree;
static JsonObject *expected;

typedef struct
{
  JsonObject               *expected;
  char                     *media;
  char                     *db_path;
  GSettings                *settings;
  DojangCertificateList    *list;
  DojangReminderController *controller;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *media[] = { NULL, NULL };

  fixture->expected = expected;
  fixture->media = g_dir_make_tmp ("media-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = dojang_reminder_store_default_path ();

  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "certificate-folders");
  g_settings_reset (fixture->settings, "reminder-lead-days");

  /* As the application makes it, with USB sticks mounted in a folder of
   * the test's own instead of /media/$USER. */
  media[0] = fixture->media;
  fixture->list = g_object_new (DOJANG_TYPE_CERTIFICATE_LIST,
                                "settings", fixture->settings,
                                "media-folders", media,
                                NULL);
  fixture->controller = dojang_reminder_controller_new (NULL, fixture->settings, fixture->list);
}

typedef struct
{
  gpointer store;
  gpointer list;
} Finalized;

static gboolean
all_finalized (gpointer data)
{
  Finalized *finalized = data;

  return g_atomic_pointer_get (&finalized->store) == NULL && g_atomic_pointer_get (&finalized->list) == NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *db_folder = g_path_get_dirname (fixture->db_path);
  Finalized finalized = { dojang_reminder_controller_get_store (fixture->controller), fixture->list };

  /* The workers still busy hold the store and the list: the files go once
   * they are done (the last of them may let go in its own thread). */
  if (finalized.store != NULL)
    g_object_add_weak_pointer (finalized.store, &finalized.store);
  g_object_add_weak_pointer (finalized.list, &finalized.list);
  g_clear_object (&fixture->controller);
  g_clear_object (&fixture->list);
  g_assert_true (dojang_test_wait_until (all_finalized, &finalized));

  g_settings_reset (fixture->settings, "certificate-folders");
  g_clear_object (&fixture->settings);

  dojang_test_remove_tree (db_folder);
  dojang_test_remove_tree (fixture->media);
  g_free (fixture->media);
  g_free (fixture->db_path);
}

static gboolean
store_ready (gpointer data)
{
  Fixture *fixture = data;

  return dojang_reminder_controller_get_store (fixture->controller) != NULL &&
         dojang_certificate_list_get_loaded (fixture->list) &&
         !dojang_certificate_list_get_loading (fixture->list);
}

static void
start (Fixture *fixture)
{
  dojang_reminder_controller_start (fixture->controller);
  /* Nothing waited for the database. */
  g_assert_null (dojang_reminder_controller_get_store (fixture->controller));
  g_assert_true (dojang_test_wait_until (store_ready, fixture));
}

static gint64
count (Fixture    *fixture,
       const char *sql,
       const char *text)
{
  return dojang_test_query_count (fixture->db_path, sql, text);
}

#define COUNT_CERTIFICATES "SELECT count (*) FROM certificates"
#define COUNT_CERTIFICATE "SELECT count (*) FROM certificates WHERE sha256 = ?1"
#define COUNT_SENT \
  "SELECT count (*) FROM reminders r JOIN certificates c ON c.id = r.certificate_id" \
  " WHERE c.sha256 = ?1 AND r.state = 'sent'"

/* The expected certificates under @folder, one per fingerprint. */
static GPtrArray *
expected_under (Fixture    *fixture,
                const char *folder,
                const char *status)
{
  JsonArray *certificates = json_object_get_array_member (fixture->expected, "certificates");
  g_autofree char *prefix = g_strconcat (folder, G_DIR_SEPARATOR_S, NULL);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (certificates); i++)
    {
      JsonObject *certificate = json_array_get_object_element (certificates, i);
      const char *sha256 = json_object_get_string_member (certificate, "sha256");

      if (!g_str_has_prefix (json_object_get_string_member (certificate, "path"), prefix))
        continue;
      if (status != NULL && g_strcmp0 (json_object_get_string_member (certificate, "status"), status) != 0)
        continue;
      if (!g_ptr_array_find_with_equal_func (found, sha256, g_str_equal, NULL))
        g_ptr_array_add (found, (gpointer) sha256);
    }

  return found;
}

typedef struct
{
  Fixture   *fixture;
  GPtrArray *sha256s;
  gint64     total;
} Recorded;

/* All of them recorded, and their due reminders sent by the monitor. */
static gboolean
all_recorded (gpointer data)
{
  Recorded *recorded = data;

  for (guint i = 0; i < recorded->sha256s->len; i++)
    {
      if (count (recorded->fixture, COUNT_CERTIFICATE, g_ptr_array_index (recorded->sha256s, i)) != 1)
        return FALSE;
    }

  return count (recorded->fixture, COUNT_CERTIFICATES, NULL) == recorded->total;
}

static gboolean
all_sent (gpointer data)
{
  Recorded *recorded = data;

  for (guint i = 0; i < recorded->sha256s->len; i++)
    {
      if (count (recorded->fixture, COUNT_SENT, g_ptr_array_index (recorded->sha256s, i)) < 1)
        return FALSE;
    }

  return TRUE;
}

static const char *
root_at (Fixture *fixture,
         guint    index)
{
  return json_array_get_string_element (json_object_get_array_member (fixture->expected, "roots"), index);
}

static void
add_folder_setting (Fixture    *fixture,
                    const char *folder)
{
  const char *folders[] = { folder, NULL };

  g_settings_set_strv (fixture->settings, "certificate-folders", folders);
}

static void
test_folder_added (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *home = root_at (fixture, 0);
  g_autoptr(GPtrArray) found = expected_under (fixture, home, NULL);
  g_autoptr(GPtrArray) expiring = expected_under (fixture, home, "expiring");
  Recorded recorded = { fixture, found, found->len };
  Recorded sent = { fixture, expiring, 0 };

  /* An empty HOME and no sticks: nothing yet. */
  start (fixture);
  g_assert_cmpint (count (fixture, COUNT_CERTIFICATES, NULL), ==, 0);
  g_assert_cmpuint (found->len, >=, 5);
  g_assert_cmpuint (expiring->len, ==, 2);

  /* Preferences → Add Folder, while it runs. */
  add_folder_setting (fixture, home);
  g_assert_true (dojang_test_wait_until (all_recorded, &recorded));
  /* Scheduled too: their D-30 reminders fell due and went out. */
  g_assert_true (dojang_test_wait_until (all_sent, &sent));
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM reminders", NULL), >=, found->len);
}

/* A stick is mounted in one go: its folder appears in the media folder
 * with everything on it. */
static void
plug_in (Fixture    *fixture,
         const char *stick,
         const char *name)
{
  g_autofree char *mount_point = g_build_filename (fixture->media, name, NULL);

  g_assert_cmpint (g_rename (stick, mount_point), ==, 0);
}

static void
pull_out (Fixture    *fixture,
          const char *stick,
          const char *name)
{
  g_autofree char *mount_point = g_build_filename (fixture->media, name, NULL);

  g_assert_cmpint (g_rename (mount_point, stick), ==, 0);
}

static void
test_stick_plugged_in (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *home = root_at (fixture, 0);
  g_autofree char *stick = g_path_get_dirname (root_at (fixture, 1));
  g_autoptr(GPtrArray) at_home = expected_under (fixture, home, NULL);
  g_autoptr(GPtrArray) on_stick = expected_under (fixture, stick, NULL);
  g_autoptr(GPtrArray) expired = expected_under (fixture, stick, "expired");
  Recorded before = { fixture, at_home, at_home->len };
  Recorded after = { fixture, on_stick, at_home->len + on_stick->len };
  Recorded sent = { fixture, expired, 0 };

  add_folder_setting (fixture, home);
  start (fixture);
  g_assert_true (dojang_test_wait_until (all_recorded, &before));
  g_assert_cmpuint (on_stick->len, ==, 2);
  g_assert_cmpuint (expired->len, ==, 1);
  for (guint i = 0; i < on_stick->len; i++)
    g_assert_cmpint (count (fixture, COUNT_CERTIFICATE, g_ptr_array_index (on_stick, i)), ==, 0);

  plug_in (fixture, stick, "USB DISK");
  g_assert_true (dojang_test_wait_until (all_recorded, &after));
  /* Expired four days ago: its same-day reminder still goes out. */
  g_assert_true (dojang_test_wait_until (all_sent, &sent));

  /* Pulled out: the list forgets them, the reminders stay (they still expire). */
  pull_out (fixture, stick, "USB DISK");
  g_assert_true (dojang_test_wait_until (all_recorded, &after));
}

typedef struct
{
  Fixture    *fixture;
  gint64      id;
  const char *state;
} StateWait;

static gboolean
has_state (gpointer data)
{
  StateWait *wait = data;
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM reminders WHERE id = %" G_GINT64_FORMAT
                                          " AND state = ?1", wait->id);

  return count (wait->fixture, sql, wait->state) == 1;
}

static gint64
sent_reminder_of (Fixture    *fixture,
                  const char *name)
{
  return count (fixture,
                "SELECT r.id FROM reminders r JOIN certificates c ON c.id = r.certificate_id"
                " WHERE c.name = ?1 AND r.state = 'sent'",
                name);
}

static void
on_skipped (DojangReminderController *controller,
            DojangReminder           *before,
            gint64                   *skipped)
{
  *skipped = dojang_reminder_get_id (before);
}

static gboolean
got_skipped (gpointer data)
{
  return *(gint64 *) data != 0;
}

static void
test_snooze_and_dismiss (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *home = root_at (fixture, 0);
  g_autoptr(GPtrArray) expiring = expected_under (fixture, home, "expiring");
  Recorded sent = { fixture, expiring, 0 };
  StateWait snoozed = { fixture, 0, "snoozed" };
  StateWait dismissed = { fixture, 0, "dismissed" };
  gint64 skipped = 0;

  add_folder_setting (fixture, home);
  start (fixture);
  g_assert_true (dojang_test_wait_until (all_sent, &sent));

  snoozed.id = sent_reminder_of (fixture, "김영희");
  dismissed.id = sent_reminder_of (fixture, "김철수");
  g_assert_cmpint (snoozed.id, >, 0);
  g_assert_cmpint (dismissed.id, >, 0);

  g_signal_connect (fixture->controller, "skipped", G_CALLBACK (on_skipped), &skipped);
  dojang_reminder_controller_snooze (fixture->controller, snoozed.id);
  dojang_reminder_controller_dismiss (fixture->controller, dismissed.id);
  g_assert_true (dojang_test_wait_until (has_state, &snoozed));
  g_assert_true (dojang_test_wait_until (has_state, &dismissed));

  /* Undo gives the skipped reminder back the state it had. */
  g_assert_true (dojang_test_wait_until (got_skipped, &skipped));
  dismissed.state = "sent";
  dojang_reminder_controller_undo_dismiss (fixture->controller, dismissed.id);
  g_assert_true (dojang_test_wait_until (has_state, &dismissed));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Check at login is on by default, and the first run sets it up (here the
 * autostart entry: no Flatpak); once only, so an entry the user removed
 * stays removed. */
static void
test_login_check_first_run (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *entry = dojang_autostart_get_desktop_file_path ();
  g_autoptr(DojangReminderController) second = NULL;

  g_settings_reset (fixture->settings, "check-at-login");
  g_settings_reset (fixture->settings, "check-at-login-set-up");
  g_remove (entry);
  g_assert_true (g_settings_get_boolean (fixture->settings, "check-at-login"));

  start (fixture);
  g_assert_true (dojang_test_wait_until (file_exists, entry));
  g_assert_true (g_settings_get_boolean (fixture->settings, "check-at-login-set-up"));

  g_assert_cmpint (g_remove (entry), ==, 0);
  second = dojang_reminder_controller_new (NULL, fixture->settings, fixture->list);
  dojang_reminder_controller_start (second);
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (g_file_test (entry, G_FILE_TEST_EXISTS));
  g_assert_true (g_settings_get_boolean (fixture->settings, "check-at-login"));
}

static gboolean
has_error (gpointer data)
{
  return dojang_reminder_controller_get_error (data) != NULL;
}

/* The folder of the database is a file: the store cannot be opened, and
 * the controller says why instead of blocking or crashing. */
static void
test_store_unavailable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *db_folder = g_path_get_dirname (fixture->db_path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (db_folder, "not a folder", -1, &error));
  g_assert_no_error (error);

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "Reminders are off: *");
  dojang_reminder_controller_start (fixture->controller);
  g_assert_true (dojang_test_wait_until (has_error, fixture->controller));
  g_test_assert_expected_messages ();

  g_assert_null (dojang_reminder_controller_get_store (fixture->controller));
  g_assert_nonnull (strstr (dojang_reminder_controller_get_error (fixture->controller)->message, db_folder));
  /* Asking for a snooze now is harmless. */
  dojang_reminder_controller_snooze (fixture->controller, 1);

  g_assert_cmpint (g_unlink (db_folder), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  int status;

  g_test_init (&argc, &argv, NULL);
  tree = dojang_test_make_npki_tree (at, 0);
  expected = dojang_test_load_expected (tree);

#define ADD(name, func) \
  g_test_add ("/dojang/reminder-controller/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("folder-added", test_folder_added);
  ADD ("stick-plugged-in", test_stick_plugged_in);
  ADD ("snooze-and-dismiss", test_snooze_and_dismiss);
  ADD ("store-unavailable", test_store_unavailable);
  ADD ("login-check-first-run", test_login_check_first_run);
#undef ADD

  status = g_test_run ();

  dojang_test_remove_tree (tree);
  json_object_unref (expected);
  g_free (tree);

  return status;
}
