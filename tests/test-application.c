/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The real application, in-process, registered on this test's own session
 * bus (tests/isolate.sh) and with its window on a real (Xvfb) display: it
 * owns one live certificate list, which the Certificates page shows and the
 * reminders record. A certificate folder added to the setting while it runs
 * reaches the page, the SQLite database (read straight from the file) and
 * the notification server (a recording one owns the name on the bus) without
 * a restart. The damaged database it starts with is announced on the
 * Reminders page once the store has opened in the background. */

#include "config.h"

#include <glib/gstdio.h>

#include "dojang-application.h"
#include "dojang-certificates-page.h"
#include "dojang-reminder-notification.h"
#include "dojang-reminder-row.h"
#include "dojang-reminder-store-private.h"
#include "dojang-reminders-page.h"
#include "dojang-test-pages.h"
#include "dojang-test-ui.h"
#include "dojang-window.h"

/* Answers Notify like a notification daemon and keeps the summaries (the
 * titles) and bodies. */
typedef struct
{
  GDBusConnection *connection;
  GPtrArray       *summaries;
  GPtrArray       *bodies;
  guint32          last_id;
} NotificationServer;

static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "  <method name='Notify'>"
  "    <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "    <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "    <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "    <arg type='u' direction='out'/>"
  "  </method>"
  "  <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "</interface></node>";

static void
server_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  NotificationServer *server = user_data;
  const char *summary = NULL;
  const char *body = NULL;

  if (g_strcmp0 (method_name, "Notify") != 0)
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
      return;
    }

  g_variant_get_child (parameters, 3, "&s", &summary);
  g_variant_get_child (parameters, 4, "&s", &body);
  g_ptr_array_add (server->summaries, g_strdup (summary));
  g_ptr_array_add (server->bodies, g_strdup (body));
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", ++server->last_id));
}

static void
server_start (NotificationServer *server)
{
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  GDBusInterfaceVTable vtable = { server_method_call, NULL, NULL };
  g_autofree char *address = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 result = 0;

  server->summaries = g_ptr_array_new_with_free_func (g_free);
  server->bodies = g_ptr_array_new_with_free_func (g_free);
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  server->connection = g_dbus_connection_new_for_address_sync (address,
                                                               G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                               NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (server->connection, "/org/freedesktop/Notifications",
                                     info->interfaces[0], &vtable, server, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (server->connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  /* DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER */
  g_assert_cmpuint (result, ==, 1);
}

static void
server_stop (NotificationServer *server)
{
  g_dbus_connection_close_sync (server->connection, NULL, NULL);
  g_clear_object (&server->connection);
  g_clear_pointer (&server->summaries, g_ptr_array_unref);
  g_clear_pointer (&server->bodies, g_ptr_array_unref);
}

typedef struct
{
  DojangApplication   *app;
  DojangWindow        *window;
  NotificationServer   server;
  char                *db_path;
  JsonObject          *expected;
  const char          *expected_label;
  const char          *gone_folder;
} Run;

static gboolean
started (gpointer data)
{
  Run *run = data;
  DojangReminderController *reminders = dojang_application_get_reminders (run->app);
  DojangCertificateList *list = dojang_application_get_certificates (run->app);

  return dojang_reminder_controller_get_store (reminders) != NULL &&
         dojang_certificate_list_get_loaded (list) && !dojang_certificate_list_get_loading (list);
}

static guint
distinct_certificates (Run *run)
{
  JsonArray *certificates = json_object_get_array_member (run->expected, "certificates");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (certificates); i++)
    g_hash_table_add (seen, (gpointer) json_object_get_string_member (json_array_get_object_element (certificates, i),
                                                                     "sha256"));

  return g_hash_table_size (seen);
}

static gboolean
all_recorded (gpointer data)
{
  Run *run = data;

  return dojang_test_query_count (run->db_path, "SELECT count (*) FROM certificates", NULL) ==
         distinct_certificates (run);
}

static guint
count_rows (GtkWidget *list_box)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list_box); row != NULL; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row);

  return n;
}

static GtkWidget *
page_child (gpointer    page,
            GType       type,
            const char *name)
{
  return dojang_test_template_child (GTK_WIDGET (page), type, name);
}

static DojangCertificatesPage *
certificates_page (Run *run)
{
  return dojang_window_get_certificates_page (run->window);
}

static DojangRemindersPage *
reminders_page (Run *run)
{
  return dojang_window_get_reminders_page (run->window);
}

static gboolean
page_has_app_list (gpointer data)
{
  Run *run = data;

  return dojang_certificates_page_get_list (certificates_page (run)) ==
         dojang_application_get_certificates (run->app);
}

static gboolean
page_shows_all (gpointer data)
{
  Run *run = data;
  DojangCertificatesPage *page = certificates_page (run);
  guint rows = 0;

  static const char *lists[] = { "expired_list", "expiring_list", "unusable_list", "valid_list", "not_yet_valid_list" };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      rows += count_rows (page_child (page, DOJANG_TYPE_CERTIFICATES_PAGE, lists[i]));
    }

  /* Every file that reads as a certificate has a row (copies too). */
  return rows == g_list_model_get_n_items (G_LIST_MODEL (dojang_application_get_certificates (run->app))) &&
         rows >= distinct_certificates (run);
}

/* Certificates (not manual entries) with a reminder still to come: one row
 * each. The state as the store reads it: a due check passes reminders over
 * without rewriting them. */
#define COUNT_UPCOMING \
  "SELECT count (DISTINCT r.certificate_id) FROM reminders r" \
  " WHERE " DOJANG_REMINDER_STATE ("r") " IN ('pending', 'snoozed')"

static gboolean
reminders_page_follows (gpointer data)
{
  Run *run = data;
  GtkWidget *upcoming = page_child (reminders_page (run), DOJANG_TYPE_REMINDERS_PAGE, "upcoming_list");
  gint64 expected = dojang_test_query_count (run->db_path, COUNT_UPCOMING, NULL);

  return expected > 0 && count_rows (upcoming) == expected;
}

static gboolean
notified (gpointer data)
{
  Run *run = data;

  return run->server.summaries->len >= 1;
}

/* A reminder counts as sent once the notification server has answered. */
static gboolean
four_recorded_sent (gpointer data)
{
  Run *run = data;

  return dojang_test_query_count (run->db_path, "SELECT count (*) FROM reminders WHERE state = 'sent'", NULL) == 4;
}

static gboolean
snoozed (gpointer data)
{
  Run *run = data;

  return dojang_test_query_count (run->db_path,
                                  "SELECT count (*) FROM reminders r JOIN certificates c ON c.id = r.certificate_id"
                                  " WHERE c.name = ?1 AND r.state = 'snoozed'",
                                  "김영희") == 1;
}

static char skipped_id[32];

static gboolean
skipped (gpointer data)
{
  Run *run = data;

  return dojang_test_query_count (run->db_path, "SELECT count (*) FROM reminders WHERE id = ?1 AND state = 'dismissed'",
                                  skipped_id) == 1;
}

static gboolean
unskipped (gpointer data)
{
  Run *run = data;

  return dojang_test_query_count (run->db_path, "SELECT count (*) FROM reminders WHERE id = ?1 AND state = 'snoozed'",
                                  skipped_id) == 1;
}

static GtkWidget *
find_reminder_row (Run *run)
{
  GtkWidget *list = page_child (reminders_page (run), DOJANG_TYPE_REMINDERS_PAGE, "upcoming_list");
  gint64 id = g_ascii_strtoll (skipped_id, NULL, 10);

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (DOJANG_IS_REMINDER_ROW (child) &&
          dojang_reminder_get_id (dojang_reminder_row_get_reminder (DOJANG_REMINDER_ROW (child))) == id)
        return child;
    }

  return NULL;
}

static gboolean
reminder_row_shown (gpointer data)
{
  return find_reminder_row (data) != NULL;
}

static gboolean
folder_missing (gpointer data)
{
  Run *run = data;
  GListModel *problems = dojang_certificate_list_get_problems (dojang_application_get_certificates (run->app));

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(DojangScanProblem) problem = g_list_model_get_item (problems, i);

      if (g_error_matches (dojang_scan_problem_get_error (problem), DOJANG_CERTIFICATE_ERROR,
                           DOJANG_CERTIFICATE_ERROR_FOLDER_MISSING))
        return TRUE;
    }

  return FALSE;
}

static gboolean
folder_not_missing (gpointer data)
{
  return !folder_missing (data);
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What the shortcuts window lists: action names and accelerators. */
static void
collect_shortcuts (GtkWidget *widget,
                   GString   *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "action-name", &action, "accelerator", &accelerator, NULL);
      g_string_append_printf (listed, "[%s|%s]", action != NULL ? action : "", accelerator != NULL ? accelerator : "");
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, listed);
}

static void
assert_accel (DojangApplication *app,
              const char        *action,
              const char        *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  g_assert_true (g_strv_contains ((const char * const *) accels, accel));
}

/* The keyboard: Ctrl+Q, Ctrl+W, F5 and Ctrl+F, all listed in the shortcuts
 * window; Ctrl+F opens the Help page's search; Escape's action leaves a
 * certificate's details, and the header's back button shows only there. */
static void
check_keyboard (Run *run)
{
  g_autoptr(GString) listed = g_string_new (NULL);
  GtkWidget *back = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (run->window), DOJANG_TYPE_WINDOW,
                                                               "back_button"));
  GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (run->window), DOJANG_TYPE_WINDOW,
                                                                "stack"));
  JsonObject *want = dojang_test_find_expected (run->expected, "certificates", "name", "김철수");
  static const char *listed_actions[] = { "app.quit", "app.preferences", "window.close", "app.rescan", "win.search" };
  GtkWidget *overlay;

  assert_accel (run->app, "app.quit", "<Control>q");
  assert_accel (run->app, "window.close", "<Control>w");
  assert_accel (run->app, "app.rescan", "F5");
  assert_accel (run->app, "win.search", "<Control>f");

  assert_accel (run->app, "win.show-help-overlay", "<Control>question");

  /* Built the first time it is asked for, as from the menu. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (run->window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (run->window), "win.show-help-overlay", NULL));
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (run->window)));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (overlay));
  collect_shortcuts (overlay, listed);
  gtk_widget_set_visible (overlay, FALSE);
  g_test_message ("shortcuts window: %s", listed->str);
  for (guint i = 0; i < G_N_ELEMENTS (listed_actions); i++)
    {
      g_autofree char *item = g_strdup_printf ("[%s|", listed_actions[i]);

      g_assert_nonnull (strstr (listed->str, item));
    }
  g_assert_nonnull (strstr (listed->str, "Escape"));

  g_assert_false (gtk_widget_get_visible (back));
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "show-certificate",
                                  g_variant_new_string (json_object_get_string_member (want, "sha256")));
  g_assert_true (gtk_widget_get_visible (back));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (run->window), "win.go-back", NULL));
  g_assert_false (gtk_widget_get_visible (back));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (run->window), "win.search", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "help");
  dojang_window_show_page (run->window, "certificates");
}

/* The window shows a label with exactly run->expected_label (a toast). */
static gboolean
label_shown (gpointer data)
{
  Run *run = data;

  return dojang_test_find_label (GTK_WIDGET (run->window), run->expected_label) != NULL;
}

static gboolean
banner_revealed (gpointer data)
{
  Run *run = data;
  GtkWidget *banner = page_child (reminders_page (run), DOJANG_TYPE_REMINDERS_PAGE, "banner_revealer");

  return gtk_revealer_get_reveal_child (GTK_REVEALER (banner));
}

/* The Problems group has a row for run->gone_folder with its button. */
static gboolean
gone_folder_row_shown (gpointer data)
{
  Run *run = data;
  GtkWidget *problems_list = page_child (certificates_page (run), DOJANG_TYPE_CERTIFICATES_PAGE, "problems_list");

  for (GtkWidget *row = gtk_widget_get_first_child (problems_list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_ACTION_ROW (row) &&
          g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), run->gone_folder) &&
          find_button (row) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_one_list (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  g_autofree char *tree = dojang_test_make_npki_tree (at, 0);
  g_autofree char *db_folder = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *roots;
  const char *folders[3];
  const char *with_gone[3];
  g_autofree char *gone = NULL;
  g_auto(GStrv) left = NULL;
  GtkWidget *problems_list;
  GtkWidget *remove = NULL;
  GtkWidget *banner;
  GtkWidget *reminder_row;
  g_autofree char *certificate_text = NULL;
  g_autofree char *toast_text = NULL;
  GtkWidget *skip;
  gint64 reminder;
  Run run = { 0 };

  run.expected = dojang_test_load_expected (tree);
  roots = json_object_get_array_member (run.expected, "roots");
  g_settings_reset (settings, "certificate-folders");
  g_settings_reset (settings, "reminder-lead-days");
  server_start (&run.server);

  /* A database that is not one: moved aside and started afresh. */
  run.db_path = dojang_reminder_store_default_path ();
  db_folder = g_path_get_dirname (run.db_path);
  g_assert_cmpint (g_mkdir_with_parents (db_folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (run.db_path, "definitely not a database", -1, &error));
  g_assert_no_error (error);

  run.app = dojang_application_new ();
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "The reminder database was damaged*");
  g_assert_true (g_application_register (G_APPLICATION (run.app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (run.app));
  run.window = DOJANG_WINDOW (gtk_application_get_windows (GTK_APPLICATION (run.app))->data);

  /* The page shows the application's list, not one of its own, from the
   * window's first frame on (the first frame waits for no certificate). */
  g_assert_null (dojang_certificates_page_get_list (certificates_page (&run)));
  g_assert_true (dojang_test_wait_until (page_has_app_list, &run));

  g_assert_true (dojang_test_wait_until (started, &run));
  g_test_assert_expected_messages ();
  g_assert_true (dojang_test_wait_until (banner_revealed, &run));

  /* The store's news reached the Reminders page once it had opened. */
  banner = page_child (reminders_page (&run), DOJANG_TYPE_REMINDERS_PAGE, "banner_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_true (dojang_reminders_page_get_store (reminders_page (&run)) ==
                 dojang_reminder_controller_get_store (dojang_application_get_reminders (run.app)));
  g_assert_cmpint (dojang_test_query_count (run.db_path, "SELECT count (*) FROM certificates", NULL), ==, 0);

  /* Preferences → Add Folder, twice, while it runs. */
  folders[0] = json_array_get_string_element (roots, 0);
  folders[1] = json_array_get_string_element (roots, 1);
  folders[2] = NULL;
  g_settings_set_strv (settings, "certificate-folders", folders);

  g_assert_true (dojang_test_wait_until (all_recorded, &run));
  g_assert_true (dojang_test_wait_until (page_shows_all, &run));
  g_assert_true (dojang_test_wait_until (reminders_page_follows, &run));
  dojang_test_keep_screenshot (GTK_WIDGET (run.window), "application-reminders.png");

  /* Two expire in 23 days, two expired this week: more than three at once,
   * so one summary notification names the three most urgent (the expired
   * ones first, then by name) and counts the fourth. Its answer records
   * all four as sent. */
  g_assert_true (dojang_test_wait_until (notified, &run));
  g_assert_true (dojang_test_wait_until (four_recorded_sent, &run));
  dojang_test_iterate_for_ms (200);
  g_assert_cmpuint (run.server.summaries->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (run.server.summaries, 0), ==, "4 certificates need attention");
  {
    g_auto(GStrv) lines = g_strsplit (g_ptr_array_index (run.server.bodies, 0), "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    g_assert_true (g_str_has_prefix (lines[0], "이영희 (CrossCert "));
    g_assert_true (g_str_has_suffix (lines[0], " — Expired"));
    g_assert_true (g_str_has_prefix (lines[1], "정우성 (KFTC "));
    g_assert_true (g_str_has_suffix (lines[1], " — Expired"));
    g_assert_true (g_str_has_prefix (lines[2], "김영희 (KFTC "));
    g_assert_true (g_str_has_suffix (lines[2], " days"));
    g_assert_cmpstr (lines[3], ==, "and 1 more");
  }

  /* "Remind Me Tomorrow" on one of them, as the notification does it. */
  reminder = dojang_test_query_count (run.db_path,
                                      "SELECT r.id FROM reminders r JOIN certificates c ON c.id = r.certificate_id"
                                      " WHERE c.name = ?1 AND r.state = 'sent'",
                                      "김영희");
  g_assert_cmpint (reminder, >, 0);
  g_action_group_activate_action (G_ACTION_GROUP (run.app), "snooze-reminder", g_variant_new_int64 (reminder));
  g_assert_true (dojang_test_wait_until (snoozed, &run));
  /* The page follows: the snoozed one is upcoming again. */
  g_assert_true (dojang_test_wait_until (reminders_page_follows, &run));

  /* "Skip This Reminder" on its row skips that one reminder; the toast
   * offers undo, which gives it back its state (snoozed). */
  g_snprintf (skipped_id, sizeof skipped_id, "%" G_GINT64_FORMAT, reminder);
  g_assert_true (dojang_test_wait_until (reminder_row_shown, &run));
  reminder_row = find_reminder_row (&run);
  certificate_text = dojang_reminder_describe_certificate (dojang_reminder_row_get_reminder (DOJANG_REMINDER_ROW (reminder_row)));
  g_assert_true (g_str_has_prefix (certificate_text, "김영희 (KFTC "));
  toast_text = g_strconcat ("Skipped this reminder for ", certificate_text, NULL);
  skip = GTK_WIDGET (gtk_widget_get_template_child (reminder_row, DOJANG_TYPE_REMINDER_ROW, "dismiss_button"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (skip)), ==, "Skip This Reminder");
  g_signal_emit_by_name (skip, "clicked");
  g_assert_true (dojang_test_wait_until (skipped, &run));
  run.expected_label = toast_text;
  g_assert_true (dojang_test_wait_until (label_shown, &run));
  g_action_group_activate_action (G_ACTION_GROUP (run.app), "undo-dismiss-reminder", g_variant_new_int64 (reminder));
  g_assert_true (dojang_test_wait_until (unskipped, &run));
  g_assert_true (dojang_test_wait_until (reminders_page_follows, &run));

  /* A folder added once and gone since is shown among the problems, with a
   * button that takes it off the setting. */
  gone = g_build_filename (tree, "gone", NULL);
  with_gone[0] = folders[0];
  with_gone[1] = gone;
  with_gone[2] = NULL;
  g_settings_set_strv (settings, "certificate-folders", with_gone);
  g_assert_true (dojang_test_wait_until (folder_missing, &run));
  run.gone_folder = gone;
  g_assert_true (dojang_test_wait_until (gone_folder_row_shown, &run));
  problems_list = page_child (certificates_page (&run), DOJANG_TYPE_CERTIFICATES_PAGE, "problems_list");
  for (GtkWidget *row = gtk_widget_get_first_child (problems_list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_ACTION_ROW (row) && g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), gone))
        remove = find_button (row);
    }
  g_assert_nonnull (remove);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (remove)), ==, "app.remove-certificate-folder");
  g_signal_emit_by_name (remove, "clicked");
  left = g_settings_get_strv (settings, "certificate-folders");
  g_assert_cmpuint (g_strv_length (left), ==, 1);
  g_assert_cmpstr (left[0], ==, folders[0]);
  g_assert_true (dojang_test_wait_until (folder_not_missing, &run));

  check_keyboard (&run);

  gtk_window_destroy (GTK_WINDOW (run.window));
  g_clear_object (&run.app);
  dojang_test_iterate_for_ms (200);
  server_stop (&run.server);
  g_settings_reset (settings, "certificate-folders");
  json_object_unref (run.expected);
  g_free (run.db_path);
  dojang_test_remove_tree (tree);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dojang/application/one-list", test_one_list);

  return g_test_run ();
}
