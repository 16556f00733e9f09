/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Shows notifications and says when the notification server has answered.
 * GApplication's send_notification() gives no answer, but a reminder
 * counts as sent only once its notification has been received (see
 * dojang-reminder-store-check.c), so the calls are made here, each awaiting
 * its reply, to the server GLib would use:
 *
 *  - inside a sandbox, the Notification portal, which knows the app by its
 *    sandbox (AddNotification (s id, a{sv}));
 *    https://flatpak.github.io/xdg-desktop-portal/docs/doc-org.freedesktop.portal.Notification.html
 *  - when org.gtk.Notifications has an owner (GNOME Shell), that interface
 *    (AddNotification (s app_id, s id, a{sv}));
 *  - otherwise a server of the Desktop Notifications Specification
 *    (Notify, answered with the notification's number).
 *    https://specifications.freedesktop.org/notification-spec/latest/
 *
 * The first two start the application through D-Bus activation when a
 * button is pressed; the third sends ActionInvoked to whoever listens: the
 * running application does, through @actions, as GLib would. Notifications
 * take the portal's a{sv} form (dojang_reminder_notification_new()); for the
 * third they are translated the way GLib translates a GNotification, so a
 * desktop sees the same either way.
 *
 * A check sends at most DOJANG_REMINDER_MAX_SINGLE_NOTIFICATIONS calls (more
 * reminders share one summary), far below the bus daemon's limit on a
 * connection's pending calls (128 on the reference daemon). */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "dojang-reminder-notifier.h"

typedef enum
{
  BACKEND_UNKNOWN,
  BACKEND_PORTAL,
  BACKEND_GTK,
  BACKEND_FREEDESKTOP,
} Backend;

/* A notification shown through the Desktop Notifications interface: its
 * number there, and what clicking it does. */
typedef struct
{
  guint32   notify_id;
  char     *default_action;
  GVariant *default_target;
} Shown;

struct _DojangReminderNotifier
{
  GObject          parent_instance;

  GDBusConnection *connection;
  char            *application_id;
  /* Not a reference: the application owns what owns the notifier. */
  GActionGroup    *actions;
  Backend          backend;

  /* Desktop Notifications only: id → Shown. */
  GHashTable      *shown;
  guint            signal_subscription;
};

G_DEFINE_FINAL_TYPE (DojangReminderNotifier, dojang_reminder_notifier, G_TYPE_OBJECT)

static void
shown_free (gpointer data)
{
  Shown *shown = data;

  g_free (shown->default_action);
  g_clear_pointer (&shown->default_target, g_variant_unref);
  g_free (shown);
}

/* Where GLib 2.74 would send notifications from a sandbox (or when told
 * to use portals): the Notification portal. */
static gboolean
use_portal (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ||
         g_strcmp0 (g_getenv ("GTK_USE_PORTAL"), "1") == 0;
}

static const char *
find_by_notify_id (DojangReminderNotifier  *self,
                   guint32                  notify_id,
                   Shown                  **shown)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->shown);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (((Shown *) value)->notify_id == notify_id)
        {
          *shown = value;
          return key;
        }
    }

  return NULL;
}

/* Activates "app.NAME" with @target, if the application has such an
 * action taking such a target: the names come from outside. */
static void
activate (DojangReminderNotifier *self,
          const char             *detailed_or_name,
          GVariant               *target)
{
  const GVariantType *parameter_type = NULL;
  const char *name;

  if (self->actions == NULL || detailed_or_name == NULL || !g_str_has_prefix (detailed_or_name, "app."))
    return;

  name = detailed_or_name + strlen ("app.");
  if (!g_action_group_query_action (self->actions, name, NULL, &parameter_type, NULL, NULL, NULL))
    return;
  if ((parameter_type == NULL) != (target == NULL) ||
      (target != NULL && !g_variant_is_of_type (target, parameter_type)))
    return;

  g_action_group_activate_action (self->actions, name, target);
}

static void
on_server_signal (GDBusConnection *connection,
                  const char      *sender_name,
                  const char      *object_path,
                  const char      *interface_name,
                  const char      *signal_name,
                  GVariant        *parameters,
                  gpointer         user_data)
{
  DojangReminderNotifier *self = user_data;
  const char *action_key = NULL;
  const char *id;
  guint32 notify_id = 0;
  Shown *shown = NULL;

  if (g_str_equal (signal_name, "ActionInvoked") && g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(us)")))
    g_variant_get (parameters, "(u&s)", &notify_id, &action_key);
  else if (g_str_equal (signal_name, "NotificationClosed") && g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(uu)")))
    g_variant_get (parameters, "(uu)", &notify_id, NULL);
  else
    return;

  id = find_by_notify_id (self, notify_id, &shown);
  if (id == NULL)
    return;

  if (g_strcmp0 (action_key, "default") == 0)
    {
      activate (self, shown->default_action, shown->default_target);
    }
  else if (action_key != NULL)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;

      if (g_action_parse_detailed_name (action_key, &name, &target, NULL))
        activate (self, name, target);
    }

  /* Invoking an action closes the notification too. */
  g_hash_table_remove (self->shown, id);
}

/**
 * dojang_reminder_notifier_new:
 * @connection: the session bus
 * @application_id: the application the notifications belong to
 * @actions: (nullable): where the buttons' "app." actions are activated
 *   when a Desktop Notifications server reports a click; %NULL for a
 *   process that will not be there to hear it
 */
DojangReminderNotifier *
dojang_reminder_notifier_new (GDBusConnection *connection,
                              const char      *application_id,
                              GActionGroup    *actions)
{
  DojangReminderNotifier *self;

  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), NULL);
  g_return_val_if_fail (g_application_id_is_valid (application_id), NULL);
  g_return_val_if_fail (actions == NULL || G_IS_ACTION_GROUP (actions), NULL);

  self = g_object_new (DOJANG_TYPE_REMINDER_NOTIFIER, NULL);
  self->connection = g_object_ref (connection);
  self->application_id = g_strdup (application_id);
  self->actions = actions;
  if (actions != NULL)
    g_object_add_weak_pointer (G_OBJECT (actions), (gpointer *) &self->actions);
  self->backend = use_portal () ? BACKEND_PORTAL : BACKEND_UNKNOWN;

  if (actions != NULL && self->backend != BACKEND_PORTAL)
    self->signal_subscription =
      g_dbus_connection_signal_subscribe (connection, "org.freedesktop.Notifications",
                                          "org.freedesktop.Notifications", NULL,
                                          "/org/freedesktop/Notifications", NULL,
                                          G_DBUS_SIGNAL_FLAGS_NONE, on_server_signal, self, NULL);

  return self;
}

typedef struct
{
  char     *id;
  GVariant *notification;
} Sending;

static void
sending_free (gpointer data)
{
  Sending *sending = data;

  g_free (sending->id);
  g_variant_unref (sending->notification);
  g_free (sending);
}

static guchar
urgency_of (const char *priority)
{
  /* As GLib maps GNotificationPriority: only "urgent" is critical. */
  if (g_strcmp0 (priority, "low") == 0)
    return 0;
  if (g_strcmp0 (priority, "urgent") == 0)
    return 2;

  return 1;
}

/* The Notify arguments for @notification, as GLib's freedesktop backend
 * builds them from a GNotification. */
static GVariant *
notify_parameters (DojangReminderNotifier *self,
                   const Sending          *sending,
                   guint32                 replaces)
{
  g_autoptr(GVariant) buttons = NULL;
  g_autoptr(GVariant) icon_value = NULL;
  const char *title = "";
  const char *body = "";
  const char *priority = NULL;
  const char *application_name = g_get_application_name ();
  gboolean has_default_action = FALSE;
  GVariantBuilder actions;
  GVariantBuilder hints;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  /* One pass over the dictionary, which dojang_reminder_notification_new()
   * makes with each key once: a g_variant_lookup() per key walked it each
   * time, and cost more than building the notification. */
  g_variant_iter_init (&iter, sending->notification);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      gboolean is_string = g_variant_is_of_type (value, G_VARIANT_TYPE_STRING);

      if (g_str_equal (key, "title") && is_string && *title == '\0')
        title = g_variant_get_string (value, NULL);
      else if (g_str_equal (key, "body") && is_string && *body == '\0')
        body = g_variant_get_string (value, NULL);
      else if (g_str_equal (key, "priority") && is_string && priority == NULL)
        priority = g_variant_get_string (value, NULL);
      else if (g_str_equal (key, "default-action") && is_string)
        has_default_action = TRUE;
      else if (g_str_equal (key, "buttons") && buttons == NULL && g_variant_is_of_type (value, G_VARIANT_TYPE ("aa{sv}")))
        buttons = g_variant_ref (value);
      else if (g_str_equal (key, "icon") && icon_value == NULL)
        icon_value = g_variant_ref (value);

      /* The dictionary holds its values: the strings stay valid. */
      g_variant_unref (value);
    }

  g_variant_builder_init (&actions, G_VARIANT_TYPE_STRING_ARRAY);
  if (has_default_action)
    {
      g_variant_builder_add (&actions, "s", "default");
      g_variant_builder_add (&actions, "s", "");
    }

  for (gsize i = 0; buttons != NULL && i < g_variant_n_children (buttons); i++)
    {
      g_autoptr(GVariant) button = g_variant_get_child_value (buttons, i);
      g_autoptr(GVariant) target = NULL;
      const char *label = "";
      const char *action = "";

      g_variant_iter_init (&iter, button);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
        {
          gboolean is_string = g_variant_is_of_type (value, G_VARIANT_TYPE_STRING);

          if (g_str_equal (key, "label") && is_string)
            label = g_variant_get_string (value, NULL);
          else if (g_str_equal (key, "action") && is_string)
            action = g_variant_get_string (value, NULL);
          else if (g_str_equal (key, "target") && target == NULL)
            target = g_variant_ref (value);
          g_variant_unref (value);
        }

      g_variant_builder_add_value (&actions, g_variant_new_take_string (g_action_print_detailed_name (action, target)));
      g_variant_builder_add (&actions, "s", label);
    }

  g_variant_builder_init (&hints, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&hints, "{sv}", "desktop-entry", g_variant_new_string (self->application_id));
  g_variant_builder_add (&hints, "{sv}", "urgency", g_variant_new_byte (urgency_of (priority)));

  if (icon_value != NULL)
    {
      g_autoptr(GIcon) icon = g_icon_deserialize (icon_value);

      if (G_IS_THEMED_ICON (icon))
        g_variant_builder_add (&hints, "{sv}", "image-path",
                               g_variant_new_string (g_themed_icon_get_names (G_THEMED_ICON (icon))[0]));
    }

  return g_variant_new ("(susssasa{sv}i)",
                        application_name != NULL ? application_name : "",
                        replaces, "", title, body, &actions, &hints, -1);
}

static void
on_answered (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DojangReminderNotifier *self = g_task_get_source_object (task);
  Sending *sending = g_task_get_task_data (task);
  g_autoptr(GVariant) reply = NULL;
  GError *error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->backend == BACKEND_FREEDESKTOP && g_variant_is_of_type (reply, G_VARIANT_TYPE ("(u)")))
    {
      Shown *shown = g_new0 (Shown, 1);

      g_variant_get (reply, "(u)", &shown->notify_id);
      g_variant_lookup (sending->notification, "default-action", "s", &shown->default_action);
      shown->default_target = g_variant_lookup_value (sending->notification, "default-action-target", NULL);
      g_hash_table_replace (self->shown, g_strdup (sending->id), shown);
    }

  g_task_return_boolean (task, TRUE);
}

static void
call_server (GTask *task)
{
  DojangReminderNotifier *self = g_task_get_source_object (task);
  Sending *sending = g_task_get_task_data (task);
  const char *name, *path, *interface, *method;
  const GVariantType *reply_type = G_VARIANT_TYPE_UNIT;
  GVariant *parameters;

  switch (self->backend)
    {
    case BACKEND_PORTAL:
      name = "org.freedesktop.portal.Desktop";
      path = "/org/freedesktop/portal/desktop";
      interface = "org.freedesktop.portal.Notification";
      method = "AddNotification";
      parameters = g_variant_new ("(s@a{sv})", sending->id, sending->notification);
      break;

    case BACKEND_GTK:
      name = interface = "org.gtk.Notifications";
      path = "/org/gtk/Notifications";
      method = "AddNotification";
      parameters = g_variant_new ("(ss@a{sv})", self->application_id, sending->id, sending->notification);
      break;

    case BACKEND_FREEDESKTOP:
    case BACKEND_UNKNOWN:
    default:
      {
        Shown *shown = g_hash_table_lookup (self->shown, sending->id);

        name = interface = "org.freedesktop.Notifications";
        path = "/org/freedesktop/Notifications";
        method = "Notify";
        reply_type = G_VARIANT_TYPE ("(u)");
        /* The same id replaces the notification still shown. */
        parameters = notify_parameters (self, sending, shown != NULL ? shown->notify_id : 0);
      }
      break;
    }

  g_dbus_connection_call (self->connection, name, path, interface, method, parameters, reply_type,
                          G_DBUS_CALL_FLAGS_NONE, -1, g_task_get_cancellable (task),
                          on_answered, task);
}

static void
on_gtk_server_looked_up (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GTask *task = user_data;
  DojangReminderNotifier *self = g_task_get_source_object (task);
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  if (self->backend == BACKEND_UNKNOWN)
    self->backend = has_owner ? BACKEND_GTK : BACKEND_FREEDESKTOP;

  call_server (task);
}

/**
 * dojang_reminder_notifier_send_async:
 * @id: the notification's id: one with the same id replaces it
 * @notification: an a{sv} dictionary as dojang_reminder_notification_new()
 *   makes
 *
 * Shows the notification; the call completes when the notification server
 * has answered.
 */
void
dojang_reminder_notifier_send_async (DojangReminderNotifier *self,
                                     const char             *id,
                                     GVariant               *notification,
                                     GCancellable           *cancellable,
                                     GAsyncReadyCallback     callback,
                                     gpointer                user_data)
{
  GTask *task;
  Sending *sending;

  g_return_if_fail (DOJANG_IS_REMINDER_NOTIFIER (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (g_variant_is_of_type (notification, G_VARIANT_TYPE_VARDICT));

  sending = g_new0 (Sending, 1);
  sending->id = g_strdup (id);
  sending->notification = g_variant_ref_sink (notification);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dojang_reminder_notifier_send_async);
  g_task_set_task_data (task, sending, sending_free);

  if (self->backend != BACKEND_UNKNOWN)
    {
      call_server (task);
      return;
    }

  /* As GLib does: GNOME Shell's interface when it is there. */
  g_dbus_connection_call (self->connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "NameHasOwner",
                          g_variant_new ("(s)", "org.gtk.Notifications"), G_VARIANT_TYPE ("(b)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, cancellable, on_gtk_server_looked_up, task);
}

/**
 * dojang_reminder_notifier_send_finish:
 *
 * Returns: %TRUE once the notification server has answered, %FALSE with
 *   @error set if it refused or could not be reached.
 */
gboolean
dojang_reminder_notifier_send_finish (DojangReminderNotifier  *self,
                                      GAsyncResult            *result,
                                      GError                 **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * dojang_reminder_notifier_withdraw:
 * @id: the id a notification was sent with
 *
 * Takes the notification away, if it is still shown.
 */
void
dojang_reminder_notifier_withdraw (DojangReminderNotifier *self,
                                   const char             *id)
{
  Shown *shown;

  g_return_if_fail (DOJANG_IS_REMINDER_NOTIFIER (self));
  g_return_if_fail (id != NULL);

  switch (self->backend)
    {
    case BACKEND_PORTAL:
      g_dbus_connection_call (self->connection, "org.freedesktop.portal.Desktop",
                              "/org/freedesktop/portal/desktop", "org.freedesktop.portal.Notification",
                              "RemoveNotification", g_variant_new ("(s)", id), NULL,
                              G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
      break;

    case BACKEND_GTK:
      g_dbus_connection_call (self->connection, "org.gtk.Notifications", "/org/gtk/Notifications",
                              "org.gtk.Notifications", "RemoveNotification",
                              g_variant_new ("(ss)", self->application_id, id), NULL,
                              G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
      break;

    case BACKEND_FREEDESKTOP:
      shown = g_hash_table_lookup (self->shown, id);
      if (shown == NULL)
        break;
      g_dbus_connection_call (self->connection, "org.freedesktop.Notifications",
                              "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                              "CloseNotification", g_variant_new ("(u)", shown->notify_id), NULL,
                              G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
      g_hash_table_remove (self->shown, id);
      break;

    case BACKEND_UNKNOWN:
    default:
      /* Nothing was sent yet. */
      break;
    }
}

static void
dojang_reminder_notifier_dispose (GObject *object)
{
  DojangReminderNotifier *self = DOJANG_REMINDER_NOTIFIER (object);

  if (self->signal_subscription != 0)
    {
      g_dbus_connection_signal_unsubscribe (self->connection, self->signal_subscription);
      self->signal_subscription = 0;
    }
  if (self->actions != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->actions), (gpointer *) &self->actions);
      self->actions = NULL;
    }

  G_OBJECT_CLASS (dojang_reminder_notifier_parent_class)->dispose (object);
}

static void
dojang_reminder_notifier_finalize (GObject *object)
{
  DojangReminderNotifier *self = DOJANG_REMINDER_NOTIFIER (object);

  g_clear_object (&self->connection);
  g_free (self->application_id);
  g_hash_table_unref (self->shown);

  G_OBJECT_CLASS (dojang_reminder_notifier_parent_class)->finalize (object);
}

static void
dojang_reminder_notifier_class_init (DojangReminderNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dojang_reminder_notifier_dispose;
  object_class->finalize = dojang_reminder_notifier_finalize;
}

static void
dojang_reminder_notifier_init (DojangReminderNotifier *self)
{
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, shown_free);
}
