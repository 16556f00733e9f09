/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The notifier carries the summary notification to each of the three
 * notification servers as it carries a single one: the Notification portal,
 * org.gtk.Notifications and a Desktop Notifications server, each played by
 * a recording server on a private bus. The last also answers with a click,
 * which must reach the application's action. */

#include "config.h"

#include "dojang-reminder-notification.h"
#include "dojang-reminder-notifier.h"
#include "dojang-reminder-store.h"
#include "dojang-test-fixtures.h"

static const char servers_xml[] =
  "<node>"
  "<interface name='org.freedesktop.portal.Notification'>"
  "  <method name='AddNotification'>"
  "    <arg type='s' direction='in'/><arg type='a{sv}' direction='in'/>"
  "  </method>"
  "</interface>"
  "<interface name='org.gtk.Notifications'>"
  "  <method name='AddNotification'>"
  "    <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='a{sv}' direction='in'/>"
  "  </method>"
  "</interface>"
  "<interface name='org.freedesktop.Notifications'>"
  "  <method name='Notify'>"
  "    <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "    <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "    <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "    <arg type='u' direction='out'/>"
  "  </method>"
  "</interface>"
  "</node>";

typedef struct
{
  GTestDBus       *bus;
  GDBusConnection *server;
  GDBusConnection *app;
  GDBusNodeInfo   *info;
  /* (interface, parameters) of every call the server took. */
  GPtrArray       *calls;
  guint32          last_id;

  char            *folder;
  DojangReminderStore *store;
  GPtrArray       *due;
  GVariant        *summary;
  GDateTime       *now;
} Fixture;

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
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->calls, g_variant_ref_sink (g_variant_new ("(s@*)", interface_name, parameters)));

  if (g_str_equal (method_name, "Notify"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", ++fixture->last_id));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static GDBusConnection *
connect_to (GTestDBus *bus)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);

  return connection;
}

static void
own_name (Fixture    *fixture,
          const char *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 result = 0;

  reply = g_dbus_connection_call_sync (fixture->server, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName", g_variant_new ("(su)", name, 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  /* DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER */
  g_assert_cmpuint (result, ==, 1);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct { const char *path; guint interface; } objects[] = {
    { "/org/freedesktop/portal/desktop", 0 },
    { "/org/gtk/Notifications", 1 },
    { "/org/freedesktop/Notifications", 2 },
  };
  GDBusInterfaceVTable vtable = { server_method_call, NULL, NULL };
  g_autoptr(GDateTime) seen = g_date_time_new_from_iso8601 ("2026-09-01T00:00:00+09:00", NULL);
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (fixture->bus);
  fixture->server = connect_to (fixture->bus);
  fixture->app = connect_to (fixture->bus);
  fixture->info = g_dbus_node_info_new_for_xml (servers_xml, &error);
  g_assert_no_error (error);
  fixture->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      g_dbus_connection_register_object (fixture->server, objects[i].path,
                                         fixture->info->interfaces[objects[i].interface],
                                         &vtable, fixture, NULL, &error);
      g_assert_no_error (error);
    }

  /* Four certificates due at once (D-1, D-7 twice, D-20): one summary. */
  fixture->folder = g_dir_make_tmp ("reminder-notifier-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->folder, "dojang.db", NULL);
  fixture->store = dojang_reminder_store_new (path, &error);
  g_assert_no_error (error);
  dojang_reminder_store_set_clock (fixture->store, seen);
  for (guint i = 0; i < 4; i++)
    {
      static const char *expiry[] = { "2026-12-01T23:59:59+09:00", "2026-11-25T23:59:59+09:00",
                                      "2026-12-14T23:59:59+09:00", "2026-12-01T23:59:59+09:00" };
      g_autoptr(GDateTime) not_after = g_date_time_new_from_iso8601 (expiry[i], NULL);
      g_autofree char *sha256 = g_strnfill (64, '1' + i);
      g_autofree char *name = g_strdup_printf ("사용자 %u", i + 1);

      dojang_reminder_store_upsert_certificate (fixture->store, sha256, name, name, "kica", "범용",
                                                not_after, NULL, seen, &error);
      g_assert_no_error (error);
    }
  fixture->now = g_date_time_new_from_iso8601 ("2026-11-24T09:30:00+09:00", NULL);
  fixture->due = dojang_reminder_store_begin_check (fixture->store, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->due->len, ==, 4);
  notices = dojang_reminder_notices_new (fixture->due, fixture->now);
  g_assert_cmpuint (notices->len, ==, 1);
  fixture->summary = g_variant_ref (((DojangReminderNotice *) g_ptr_array_index (notices, 0))->notification);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;

  sent = dojang_reminder_store_end_check (fixture->store, fixture->due, fixture->now, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  dojang_test_remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_ptr_array_unref (fixture->due);
  g_variant_unref (fixture->summary);
  g_date_time_unref (fixture->now);

  g_ptr_array_unref (fixture->calls);
  g_dbus_node_info_unref (fixture->info);
  g_dbus_connection_close_sync (fixture->server, NULL, NULL);
  g_dbus_connection_close_sync (fixture->app, NULL, NULL);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->app);
  g_test_dbus_down (fixture->bus);
  g_clear_object (&fixture->bus);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GError **error = user_data;

  if (dojang_reminder_notifier_send_finish (DOJANG_REMINDER_NOTIFIER (source), result, error))
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "answered");
}

/* Sends the summary and waits for the server's answer. */
static void
send_summary (Fixture                *fixture,
              DojangReminderNotifier *notifier)
{
  GError *answered = NULL;

  dojang_reminder_notifier_send_async (notifier, DOJANG_REMINDER_SUMMARY_ID, fixture->summary, NULL,
                                       on_sent, &answered);
  while (answered == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (answered, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_error_free (answered);
}

/* The one call the server took, checked to come through @interface. */
static GVariant *
only_call (Fixture    *fixture,
           const char *interface)
{
  const char *called = NULL;
  GVariant *parameters = NULL;

  g_assert_cmpuint (fixture->calls->len, ==, 1);
  g_variant_get (g_ptr_array_index (fixture->calls, 0), "(&s@*)", &called, &parameters);
  g_assert_cmpstr (called, ==, interface);

  return parameters;
}

static void
test_portal (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DojangReminderNotifier) notifier = NULL;
  g_autoptr(GVariant) parameters = NULL;
  g_autoptr(GVariant) carried = NULL;
  const char *id = NULL;

  own_name (fixture, "org.freedesktop.portal.Desktop");
  /* What GLib also reads to use portals outside a sandbox. */
  g_setenv ("GTK_USE_PORTAL", "1", TRUE);
  notifier = dojang_reminder_notifier_new (fixture->app, APP_ID, NULL);
  g_unsetenv ("GTK_USE_PORTAL");

  send_summary (fixture, notifier);
  parameters = only_call (fixture, "org.freedesktop.portal.Notification");
  g_variant_get (parameters, "(&s@a{sv})", &id, &carried);
  g_assert_cmpstr (id, ==, "reminders-summary");
  g_assert_true (g_variant_equal (carried, fixture->summary));
}

static void
test_gtk (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(DojangReminderNotifier) notifier = NULL;
  g_autoptr(GVariant) parameters = NULL;
  g_autoptr(GVariant) carried = NULL;
  const char *app_id = NULL;
  const char *id = NULL;

  own_name (fixture, "org.gtk.Notifications");
  notifier = dojang_reminder_notifier_new (fixture->app, APP_ID, NULL);

  send_summary (fixture, notifier);
  parameters = only_call (fixture, "org.gtk.Notifications");
  g_variant_get (parameters, "(&s&s@a{sv})", &app_id, &id, &carried);
  g_assert_cmpstr (app_id, ==, APP_ID);
  g_assert_cmpstr (id, ==, "reminders-summary");
  g_assert_true (g_variant_equal (carried, fixture->summary));
}

static void
on_show_reminders (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  guint *activated = user_data;

  (*activated)++;
}

static void
test_freedesktop (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(DojangReminderNotifier) notifier = NULL;
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) show_reminders = g_simple_action_new ("show-reminders", NULL);
  g_autoptr(GVariant) parameters = NULL;
  g_autoptr(GVariant) hints = NULL;
  g_autofree const char **action_keys = NULL;
  const char *title = NULL;
  const char *body = NULL;
  const char *expected_title = NULL;
  const char *expected_body = NULL;
  const char *priority = NULL;
  guint32 replaces = G_MAXUINT32;
  guchar urgency = 0;
  guint activated = 0;
  gint64 end;

  g_signal_connect (show_reminders, "activate", G_CALLBACK (on_show_reminders), &activated);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (show_reminders));
  own_name (fixture, "org.freedesktop.Notifications");
  notifier = dojang_reminder_notifier_new (fixture->app, APP_ID, G_ACTION_GROUP (actions));

  send_summary (fixture, notifier);
  parameters = only_call (fixture, "org.freedesktop.Notifications");
  g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)", NULL, &replaces, NULL, &title, &body, &action_keys,
                 &hints, NULL);
  g_assert_true (g_variant_lookup (fixture->summary, "title", "&s", &expected_title));
  g_assert_true (g_variant_lookup (fixture->summary, "body", "&s", &expected_body));
  g_assert_cmpstr (title, ==, expected_title);
  g_assert_cmpstr (title, ==, "4 certificates need attention");
  g_assert_cmpstr (body, ==, expected_body);
  g_assert_cmpuint (replaces, ==, 0);
  g_assert_cmpuint (g_strv_length ((char **) action_keys), ==, 4);
  g_assert_cmpstr (action_keys[0], ==, "default");
  g_assert_cmpstr (action_keys[2], ==, "app.show-reminders");
  g_assert_cmpstr (action_keys[3], ==, "Open Reminders");
  /* One of them expires tomorrow: "high", which GLib also sends as normal
   * urgency (only "urgent" is critical). */
  g_assert_true (g_variant_lookup (fixture->summary, "priority", "&s", &priority));
  g_assert_cmpstr (priority, ==, "high");
  g_assert_true (g_variant_lookup (hints, "urgency", "y", &urgency));
  g_assert_cmpuint (urgency, ==, 1);

  /* A newer summary replaces the one still shown. */
  send_summary (fixture, notifier);
  g_assert_cmpuint (fixture->calls->len, ==, 2);
  g_variant_get_child (g_ptr_array_index (fixture->calls, 1), 1, "(&su&s&s&s^a&s@a{sv}i)",
                       NULL, &replaces, NULL, NULL, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (replaces, ==, fixture->last_id - 1);

  /* Clicking it opens the Reminders page. */
  g_dbus_connection_emit_signal (fixture->server, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", fixture->last_id, "default"), NULL);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (activated == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (activated, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/dojang/reminder-notifier/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("summary-portal", test_portal);
  ADD ("summary-gtk", test_gtk);
  ADD ("summary-freedesktop", test_freedesktop);
#undef ADD

  return g_test_run ();
}
