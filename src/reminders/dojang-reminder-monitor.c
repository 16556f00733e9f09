/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Sends reminders while Dojang runs, without polling: one timer to the next
 * due instant (or end of a snooze), recomputed after every check and every
 * change to the store.
 *
 * GLib timers run on the monotonic clock, which stops while the computer
 * sleeps and ignores changes to the wall clock. So:
 *  - when the timer fires, the wall clock is read again and the timer is
 *    re-armed for whatever is still left (the clock was set back);
 *  - on resume (logind's PrepareForSleep(false) on the system bus, when
 *    there is one) a check runs at once, catching what fell due during sleep.
 * A wall clock set forward while awake is caught at the next timer, resume
 * or store change; that is the price of not polling.
 *
 * When Dojang is closed, `dojang --check-reminders` (at login) does the same
 * check once. */

#include "config.h"

#include "dojang-clock.h"
#include "dojang-reminder-monitor.h"
#include "dojang-reminder-notification.h"
#include "dojang-reminder-notifier.h"

struct _DojangReminderMonitor
{
  GObject              parent_instance;

  GApplication        *application;
  DojangReminderNotifier *notifier;
  DojangReminderStore *store;
  GCancellable        *cancellable;

  guint                timeout_id;
  GDateTime           *next_check;
  gboolean             checking;
  gboolean             check_again;

  GDBusConnection     *system_bus;
  guint                sleep_subscription;
};

G_DEFINE_FINAL_TYPE (DojangReminderMonitor, dojang_reminder_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_STORE,
  N_PROPS
};

enum {
  REMINDER_SENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/**
 * dojang_reminder_monitor_new:
 * @application: (nullable): the application that sends the notifications
 *   (registered, primary); %NULL only emits #DojangReminderMonitor::reminder-sent
 * @store: the reminder store
 */
DojangReminderMonitor *
dojang_reminder_monitor_new (GApplication        *application,
                             DojangReminderStore *store)
{
  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (store), NULL);

  return g_object_new (DOJANG_TYPE_REMINDER_MONITOR,
                       "application", application,
                       "store", store,
                       NULL);
}

static gboolean
on_timeout (gpointer data)
{
  DojangReminderMonitor *self = data;

  self->timeout_id = 0;
  dojang_reminder_monitor_check (self);

  return G_SOURCE_REMOVE;
}

static void
arm (DojangReminderMonitor *self,
     GDateTime             *next_check)
{
  g_autoptr(GDateTime) now = dojang_clock_get_now ();
  GTimeSpan wait;
  guint seconds;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_pointer (&self->next_check, g_date_time_unref);

  if (next_check == NULL)
    return;

  self->next_check = g_date_time_ref (next_check);
  wait = g_date_time_difference (self->next_check, now);
  seconds = (guint) CLAMP ((wait + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC, 1, G_MAXUINT);
  self->timeout_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, seconds, on_timeout,
                                                 self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->timeout_id),
                            "[dojang] next reminder");
}

/* The check is over once the timer is armed again. */
static void
on_next_due (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DojangReminderMonitor) self = user_data;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GError) error = NULL;

  next = dojang_reminder_store_get_next_due_finish (self->store, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_warning ("Reminders: %s", error->message);

  self->checking = FALSE;
  arm (self, next);

  if (self->check_again)
    dojang_reminder_monitor_check (self);
}

/* Made once the application has its D-Bus connection. */
static DojangReminderNotifier *
get_notifier (DojangReminderMonitor *self)
{
  GDBusConnection *connection;

  if (self->notifier != NULL || self->application == NULL)
    return self->notifier;

  connection = g_application_get_dbus_connection (self->application);
  if (connection != NULL)
    self->notifier = dojang_reminder_notifier_new (connection, g_application_get_application_id (self->application),
                                                   G_ACTION_GROUP (self->application));

  return self->notifier;
}

typedef struct
{
  DojangReminderMonitor *self;
  GDateTime             *now;
  /* DojangReminderNotice: what is sent, and what each covers. */
  GPtrArray             *notices;
  GPtrArray             *shown;
  guint                  waiting;
} Showing;

static void
showing_free (Showing *showing)
{
  g_object_unref (showing->self);
  g_date_time_unref (showing->now);
  g_ptr_array_unref (showing->notices);
  g_ptr_array_unref (showing->shown);
  g_free (showing);
}

static void
on_check_ended (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DojangReminderMonitor) self = user_data;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GDateTime) now = dojang_clock_get_now ();
  g_autoptr(GError) error = NULL;

  sent = dojang_reminder_store_end_check_finish (self->store, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_warning ("Reminders could not be recorded as sent: %s", error->message);

  for (guint i = 0; sent != NULL && i < sent->len; i++)
    g_signal_emit (self, signals[REMINDER_SENT], 0, g_ptr_array_index (sent, i));

  if (self->check_again)
    {
      self->checking = FALSE;
      dojang_reminder_monitor_check (self);
      return;
    }

  dojang_reminder_store_get_next_due_async (self->store, now, self->cancellable,
                                            on_next_due, g_object_ref (self));
}

/* The check ends once every notification server has answered (or failed):
 * only the answered ones are recorded as sent, the others stay due. */
static void
showing_done (Showing *showing)
{
  DojangReminderMonitor *self = showing->self;

  if (--showing->waiting > 0)
    return;

  /* The end is recorded even when the monitor is going away: a check
   * begun must release its lock. */
  dojang_reminder_store_end_check_async (self->store, showing->shown, showing->now, NULL,
                                         on_check_ended, g_object_ref (self));
  showing_free (showing);
}

typedef struct
{
  Showing              *showing;
  DojangReminderNotice *notice;
} Sent;

static void
on_notification_answered (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  Sent *sent = user_data;
  g_autoptr(GError) error = NULL;

  if (dojang_reminder_notifier_send_finish (DOJANG_REMINDER_NOTIFIER (source), result, &error))
    dojang_reminder_notice_add_covered (sent->notice, sent->showing->shown);
  else
    g_warning ("Reminders could not be shown; they stay due: %s", error->message);

  showing_done (sent->showing);
  g_free (sent);
}

static void
on_check_begun (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DojangReminderMonitor) self = user_data;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GError) error = NULL;
  DojangReminderNotifier *notifier = get_notifier (self);
  Showing *showing;

  chosen = dojang_reminder_store_begin_check_finish (self->store, result, &error);
  if (chosen == NULL)
    {
      g_autoptr(GDateTime) now = dojang_clock_get_now ();

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Reminders could not be checked: %s", error->message);
      dojang_reminder_store_get_next_due_async (self->store, now, self->cancellable,
                                                on_next_due, g_object_ref (self));
      return;
    }

  showing = g_new0 (Showing, 1);
  showing->self = g_object_ref (self);
  showing->now = dojang_clock_get_now ();
  showing->notices = dojang_reminder_notices_new (chosen, showing->now);
  showing->shown = g_ptr_array_new_with_free_func (g_object_unref);
  /* One for the loop below, so the end waits for all of it. */
  showing->waiting = 1;

  for (guint i = 0; i < showing->notices->len; i++)
    {
      DojangReminderNotice *notice = g_ptr_array_index (showing->notices, i);
      Sent *sent;

      /* Without an application, emitting reminder-sent is the showing. */
      if (self->application == NULL)
        {
          dojang_reminder_notice_add_covered (notice, showing->shown);
          continue;
        }

      if (notifier == NULL)
        {
          g_warning ("Reminders could not be shown, they stay due: %s", "no D-Bus connection");
          continue;
        }

      sent = g_new0 (Sent, 1);
      sent->showing = showing;
      sent->notice = notice;
      showing->waiting++;
      dojang_reminder_notifier_send_async (notifier, notice->id, notice->notification, NULL,
                                           on_notification_answered, sent);
    }

  showing_done (showing);
}

/**
 * dojang_reminder_monitor_check:
 *
 * Sends what is due now and re-arms the timer.
 */
void
dojang_reminder_monitor_check (DojangReminderMonitor *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (DOJANG_IS_REMINDER_MONITOR (self));

  if (self->checking)
    {
      self->check_again = TRUE;
      return;
    }

  self->checking = TRUE;
  self->check_again = FALSE;
  now = dojang_clock_get_now ();
  dojang_reminder_store_begin_check_async (self->store, now, self->cancellable,
                                           on_check_begun, g_object_ref (self));
}

static void
on_store_changed (DojangReminderStore   *store,
                  DojangReminderMonitor *self)
{
  /* A change may make something due at once (a new manual entry whose
   * reminder is already past) or move the next due instant. */
  dojang_reminder_monitor_check (self);
}

static void
on_prepare_for_sleep (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  DojangReminderMonitor *self = user_data;
  gboolean going_to_sleep = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep)
    dojang_reminder_monitor_check (self);
}

static void
on_system_bus (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DojangReminderMonitor) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      /* No system bus (a container, a test): resume is not noticed. */
      g_debug ("Reminders: no system bus: %s", error->message);
      return;
    }

  self->system_bus = bus;
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (bus,
                                        "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager",
                                        "PrepareForSleep",
                                        "/org/freedesktop/login1",
                                        NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_prepare_for_sleep,
                                        self, NULL);
}

/**
 * dojang_reminder_monitor_start:
 *
 * Sends what is due, arms the timer and starts following the store and
 * suspend/resume. The certificates come into the store from elsewhere (the
 * reminder controller, from the application's certificate list).
 */
void
dojang_reminder_monitor_start (DojangReminderMonitor *self)
{
  g_return_if_fail (DOJANG_IS_REMINDER_MONITOR (self));

  if (self->system_bus == NULL)
    g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus, g_object_ref (self));

  dojang_reminder_monitor_check (self);
}

/**
 * dojang_reminder_monitor_get_next_check:
 *
 * Returns: (transfer none) (nullable): when the timer fires next, or %NULL
 *   when nothing is scheduled.
 */
GDateTime *
dojang_reminder_monitor_get_next_check (DojangReminderMonitor *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER_MONITOR (self), NULL);

  return self->next_check;
}

/**
 * dojang_reminder_monitor_withdraw:
 * @reminder: a reminder whose notification may be shown
 *
 * Takes its notification away (snoozed, dismissed, renewed).
 */
void
dojang_reminder_monitor_withdraw (DojangReminderMonitor *self,
                                  DojangReminder        *reminder)
{
  g_autofree char *id = NULL;
  DojangReminderNotifier *notifier;

  g_return_if_fail (DOJANG_IS_REMINDER_MONITOR (self));
  g_return_if_fail (DOJANG_IS_REMINDER (reminder));

  notifier = get_notifier (self);
  if (notifier == NULL)
    return;

  id = dojang_reminder_notification_id (reminder);
  dojang_reminder_notifier_withdraw (notifier, id);
}

static void
dojang_reminder_monitor_constructed (GObject *object)
{
  DojangReminderMonitor *self = DOJANG_REMINDER_MONITOR (object);

  G_OBJECT_CLASS (dojang_reminder_monitor_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, 0);
}

static void
dojang_reminder_monitor_dispose (GObject *object)
{
  DojangReminderMonitor *self = DOJANG_REMINDER_MONITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->sleep_subscription != 0)
    {
      g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
      self->sleep_subscription = 0;
    }
  g_clear_object (&self->system_bus);
  g_clear_object (&self->notifier);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dojang_reminder_monitor_parent_class)->dispose (object);
}

static void
dojang_reminder_monitor_finalize (GObject *object)
{
  DojangReminderMonitor *self = DOJANG_REMINDER_MONITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->next_check, g_date_time_unref);

  G_OBJECT_CLASS (dojang_reminder_monitor_parent_class)->finalize (object);
}

static void
dojang_reminder_monitor_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DojangReminderMonitor *self = DOJANG_REMINDER_MONITOR (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      /* Not a reference: the application owns the monitor. */
      self->application = g_value_get_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_reminder_monitor_class_init (DojangReminderMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dojang_reminder_monitor_constructed;
  object_class->dispose = dojang_reminder_monitor_dispose;
  object_class->finalize = dojang_reminder_monitor_finalize;
  object_class->set_property = dojang_reminder_monitor_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL,
                         G_TYPE_APPLICATION,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         DOJANG_TYPE_REMINDER_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DojangReminderMonitor::reminder-sent:
   * @reminder: the reminder just shown
   */
  signals[REMINDER_SENT] =
    g_signal_new ("reminder-sent",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DOJANG_TYPE_REMINDER);
}

static void
dojang_reminder_monitor_init (DojangReminderMonitor *self)
{
  self->cancellable = g_cancellable_new ();
}
