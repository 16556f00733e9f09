/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reminders side of the running application: opens the store, keeps
 * its lead times in step with the reminder-lead-days setting and the login
 * check with check-at-login, runs the monitor, and implements the actions
 * notifications and the Reminders page use:
 *
 *   app.snooze-reminder (x)   "Remind me tomorrow"
 *   app.dismiss-reminder (x)  no more of this reminder
 *   app.check-reminders       check now (`dojang --check-reminders` asks
 *                             this of a running instance)
 *
 * All of it is GIO only; the window-side action app.show-reminders lives in
 * the application. */

#include "config.h"

#include "dojang-autostart.h"
#include "dojang-certificate-scanner.h"
#include "dojang-clock.h"
#include "dojang-reminder-controller.h"
#include "dojang-reminder-monitor.h"
#include "dojang-reminder-notification.h"

struct _DojangReminderController
{
  GObject                parent_instance;

  GApplication          *application;
  GSettings             *settings;
  DojangReminderStore   *store;
  GError                *error;
  DojangReminderMonitor *monitor;
  GCancellable          *cancellable;
};

G_DEFINE_FINAL_TYPE (DojangReminderController, dojang_reminder_controller, G_TYPE_OBJECT)

/**
 * dojang_reminder_controller_new:
 * @application: the application (not referenced: it owns the controller)
 * @settings: the application's settings
 */
DojangReminderController *
dojang_reminder_controller_new (GApplication *application,
                                GSettings    *settings)
{
  DojangReminderController *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (DOJANG_TYPE_REMINDER_CONTROLLER, NULL);
  self->application = application;
  self->settings = g_object_ref (settings);

  return self;
}

static void
withdraw (DojangReminderController *self,
          gint64                    id)
{
  g_autoptr(DojangReminder) reminder = dojang_reminder_store_get_reminder (self->store, id, NULL);
  g_autofree char *notification_id = NULL;

  if (reminder == NULL)
    return;

  notification_id = dojang_reminder_notification_id (reminder);
  g_application_withdraw_notification (self->application, notification_id);
}

static void
snooze_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  DojangReminderController *self = user_data;
  g_autoptr(GDateTime) now = dojang_clock_get_now ();
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (self->store == NULL)
    return;

  withdraw (self, id);
  if (!dojang_reminder_store_snooze (self->store, id, now, &error))
    g_debug ("Reminder %" G_GINT64_FORMAT " not snoozed: %s", id, error->message);
}

static void
dismiss_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DojangReminderController *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (self->store == NULL)
    return;

  withdraw (self, id);
  if (!dojang_reminder_store_dismiss (self->store, id, &error))
    g_debug ("Reminder %" G_GINT64_FORMAT " not dismissed: %s", id, error->message);
}

static void
check_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  DojangReminderController *self = user_data;

  if (self->monitor != NULL)
    dojang_reminder_monitor_check (self->monitor);
}

static const GActionEntry actions[] = {
  { "snooze-reminder", snooze_action, "x" },
  { "dismiss-reminder", dismiss_action, "x" },
  { "check-reminders", check_action },
};

static void
apply_lead_days (DojangReminderController *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "reminder-lead-days");
  g_autoptr(GError) error = NULL;
  const gint32 *days;
  gsize n = 0;

  days = g_variant_get_fixed_array (value, &n, sizeof (gint32));
  if (!dojang_reminder_store_set_lead_days (self->store, days, n, &error))
    g_warning ("Reminder lead times not applied: %s", error->message);
}

static void
on_lead_days_changed (GSettings                *settings,
                      const char               *key,
                      DojangReminderController *self)
{
  apply_lead_days (self);
}

static void
on_autostart_set (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!dojang_autostart_set_enabled_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Check at login: %s", error->message);
}

static void
on_check_at_login_changed (GSettings                *settings,
                           const char               *key,
                           DojangReminderController *self)
{
  dojang_autostart_set_enabled_async (g_settings_get_boolean (settings, key), self->cancellable,
                                      on_autostart_set, NULL);
}

/**
 * dojang_reminder_controller_start:
 *
 * Opens the store (moving a damaged one aside), registers the actions and
 * starts the monitor, which scans the certificate folders first. A store
 * that cannot be opened at all leaves the error for the UI to show.
 */
void
dojang_reminder_controller_start (DojangReminderController *self)
{
  g_autofree char *path = dojang_reminder_store_default_path ();
  g_auto(GStrv) folders = NULL;
  g_auto(GStrv) roots = NULL;

  g_return_if_fail (DOJANG_IS_REMINDER_CONTROLLER (self));
  g_return_if_fail (self->store == NULL && self->error == NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self->application), actions, G_N_ELEMENTS (actions), self);
  g_signal_connect_object (self->settings, "changed::check-at-login",
                           G_CALLBACK (on_check_at_login_changed), self, 0);

  self->store = dojang_reminder_store_new (path, &self->error);
  if (self->store == NULL)
    {
      g_warning ("Reminders are off: %s", self->error->message);
      return;
    }
  if (dojang_reminder_store_get_recovered_from (self->store) != NULL)
    g_warning ("The reminder database was damaged; it was kept as %s and a new one was started",
               dojang_reminder_store_get_recovered_from (self->store));

  apply_lead_days (self);
  g_signal_connect_object (self->settings, "changed::reminder-lead-days",
                           G_CALLBACK (on_lead_days_changed), self, 0);

  folders = g_settings_get_strv (self->settings, "certificate-folders");
  roots = dojang_certificate_scanner_default_roots ((const char * const *) folders);
  self->monitor = dojang_reminder_monitor_new (self->application, self->store);
  dojang_reminder_monitor_start (self->monitor, (const char * const *) roots);
}

/**
 * dojang_reminder_controller_get_store:
 *
 * Returns: (transfer none) (nullable): the store, or %NULL when it could
 *   not be opened (see get_error()).
 */
DojangReminderStore *
dojang_reminder_controller_get_store (DojangReminderController *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER_CONTROLLER (self), NULL);

  return self->store;
}

/**
 * dojang_reminder_controller_get_error:
 *
 * Returns: (transfer none) (nullable): why the store could not be opened
 */
const GError *
dojang_reminder_controller_get_error (DojangReminderController *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER_CONTROLLER (self), NULL);

  return self->error;
}

static void
dojang_reminder_controller_dispose (GObject *object)
{
  DojangReminderController *self = DOJANG_REMINDER_CONTROLLER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dojang_reminder_controller_parent_class)->dispose (object);
}

static void
dojang_reminder_controller_finalize (GObject *object)
{
  DojangReminderController *self = DOJANG_REMINDER_CONTROLLER (object);

  g_clear_error (&self->error);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (dojang_reminder_controller_parent_class)->finalize (object);
}

static void
dojang_reminder_controller_class_init (DojangReminderControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dojang_reminder_controller_dispose;
  object_class->finalize = dojang_reminder_controller_finalize;
}

static void
dojang_reminder_controller_init (DojangReminderController *self)
{
  self->cancellable = g_cancellable_new ();
}
