/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reminders side of the running application: opens the store (in a
 * worker thread), records there every certificate the application's live
 * list finds (a USB stick plugged in, a folder added in Preferences), keeps
 * its lead times in step with the reminder-lead-days setting and the login
 * check with check-at-login, runs the monitor, and implements the actions
 * notifications and the Reminders page use:
 *
 *   app.snooze-reminder (x)   "Remind me tomorrow"
 *   app.dismiss-reminder (x)  skip this one reminder (the certificate's
 *                             next lead time still comes); "skipped" is
 *                             signalled for an undo toast
 *   app.undo-dismiss-reminder (x)  gives it back its state
 *   app.check-reminders       check now (`dojang --check-reminders` asks
 *                             this of a running instance)
 *
 * All of it is GIO only; the window-side action app.show-reminders lives in
 * the application. */

#include "config.h"

#include "dojang-autostart.h"
#include "dojang-clock.h"
#include "dojang-reminder-controller.h"
#include "dojang-reminder-monitor.h"
#include "dojang-reminder-notification.h"
#include "dojang-reminder-scan.h"

typedef struct
{
  gboolean snooze;
  gint64   id;
} PendingAction;

struct _DojangReminderController
{
  GObject                parent_instance;

  GApplication          *application;
  GSettings             *settings;
  DojangCertificateList *certificates;
  DojangReminderStore   *store;
  GError                *error;
  DojangReminderMonitor *monitor;
  GCancellable          *cancellable;

  /* Snoozes and dismissals asked for before the store was open (a
   * notification button that started Dojang). */
  GArray                *pending;
  /* Reminders as they were before they were skipped, by id, for undo. */
  GHashTable            *skipped;
  guint                  opening : 1;
  guint                  started : 1;
  guint                  actions_added : 1;
  guint                  following : 1;
  /* Turning check-at-login off because the first set-up failed. */
  guint                  reverting_login : 1;
};

G_DEFINE_FINAL_TYPE (DojangReminderController, dojang_reminder_controller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SKIPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * dojang_reminder_controller_new:
 * @application: (nullable): the application (not referenced: it owns the
 *   controller); without one, no actions are added and no notifications
 *   are shown
 * @settings: the application's settings
 * @certificates: the application's live certificate list
 */
DojangReminderController *
dojang_reminder_controller_new (GApplication          *application,
                                GSettings             *settings,
                                DojangCertificateList *certificates)
{
  DojangReminderController *self;

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_LIST (certificates), NULL);

  self = g_object_new (DOJANG_TYPE_REMINDER_CONTROLLER, NULL);
  self->application = application;
  self->settings = g_object_ref (settings);
  self->certificates = g_object_ref (certificates);

  return self;
}

static void
withdraw (DojangReminderController *self,
          DojangReminder           *reminder)
{
  if (reminder == NULL || self->monitor == NULL)
    return;

  dojang_reminder_monitor_withdraw (self->monitor, reminder);
}

static void
on_snoozed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DojangReminderController) self = user_data;
  g_autoptr(DojangReminder) reminder = NULL;
  g_autoptr(GError) error = NULL;

  if (!dojang_reminder_store_snooze_finish (DOJANG_REMINDER_STORE (source), result, &reminder, &error))
    g_debug ("Reminder not snoozed: %s", error->message);
  withdraw (self, reminder);
}

static void
on_dismissed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DojangReminderController) self = user_data;
  g_autoptr(DojangReminder) reminder = NULL;
  g_autoptr(GError) error = NULL;

  if (!dojang_reminder_store_dismiss_finish (DOJANG_REMINDER_STORE (source), result, &reminder, &error))
    g_debug ("Reminder not dismissed: %s", error->message);
  withdraw (self, reminder);

  if (error == NULL && reminder != NULL)
    {
      g_hash_table_replace (self->skipped, g_memdup2 (&(gint64) { dojang_reminder_get_id (reminder) }, sizeof (gint64)),
                            g_object_ref (reminder));
      g_signal_emit (self, signals[SKIPPED], 0, reminder);
    }
}

static void
on_restored (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DojangReminderController) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dojang_reminder_store_restore_finish (DOJANG_REMINDER_STORE (source), result, &error))
    g_debug ("Reminder not restored: %s", error->message);
}

/**
 * dojang_reminder_controller_undo_dismiss:
 * @id: a reminder skipped in this session
 *
 * Gives it back the state it had before it was skipped.
 */
void
dojang_reminder_controller_undo_dismiss (DojangReminderController *self,
                                         gint64                    id)
{
  g_autoptr(DojangReminder) before = NULL;
  gpointer key = NULL;

  g_return_if_fail (DOJANG_IS_REMINDER_CONTROLLER (self));

  if (self->store == NULL || !g_hash_table_steal_extended (self->skipped, &id, &key, (gpointer *) &before))
    return;

  g_free (key);
  dojang_reminder_store_restore_async (self->store, before, self->cancellable,
                                       on_restored, g_object_ref (self));
}

static void open_store (DojangReminderController *self);

static gboolean
postpone (DojangReminderController *self,
          gboolean                  snooze,
          gint64                    id)
{
  PendingAction action = { snooze, id };

  if (self->store != NULL || self->error != NULL)
    return FALSE;

  /* Asked for before the application started its work (a notification
   * button that started Dojang): the store opens now. */
  if (!self->opening)
    open_store (self);
  g_array_append_val (self->pending, action);

  return TRUE;
}

/**
 * dojang_reminder_controller_snooze:
 * @id: a reminder
 *
 * "Remind me tomorrow": snoozes it in a worker thread and withdraws its
 * notification. Asked for while the store is still opening, it waits.
 */
void
dojang_reminder_controller_snooze (DojangReminderController *self,
                                   gint64                    id)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (DOJANG_IS_REMINDER_CONTROLLER (self));

  if (postpone (self, TRUE, id) || self->store == NULL)
    return;

  now = dojang_clock_get_now ();
  dojang_reminder_store_snooze_async (self->store, id, now, self->cancellable,
                                      on_snoozed, g_object_ref (self));
}

/**
 * dojang_reminder_controller_dismiss:
 * @id: a reminder
 *
 * No more of this reminder: dismisses it in a worker thread and withdraws
 * its notification. Asked for while the store is still opening, it waits.
 */
void
dojang_reminder_controller_dismiss (DojangReminderController *self,
                                    gint64                    id)
{
  g_return_if_fail (DOJANG_IS_REMINDER_CONTROLLER (self));

  if (postpone (self, FALSE, id) || self->store == NULL)
    return;

  dojang_reminder_store_dismiss_async (self->store, id, self->cancellable,
                                       on_dismissed, g_object_ref (self));
}

static void
snooze_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  dojang_reminder_controller_snooze (user_data, g_variant_get_int64 (parameter));
}

static void
dismiss_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  dojang_reminder_controller_dismiss (user_data, g_variant_get_int64 (parameter));
}

static void
undo_dismiss_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  dojang_reminder_controller_undo_dismiss (user_data, g_variant_get_int64 (parameter));
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
  { "undo-dismiss-reminder", undo_dismiss_action, "x" },
  { "check-reminders", check_action },
};

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!dojang_reminder_scan_add_certificates_finish (DOJANG_REMINDER_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Reminders: the certificates found could not be recorded: %s", error->message);
}

/* Records (and so schedules) the certificates at @position..+@n_items of
 * the list; the store's change re-arms the monitor. */
static void
record (DojangReminderController *self,
        guint                     position,
        guint                     n_items)
{
  g_autoptr(GPtrArray) certificates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = NULL;

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (certificates, g_list_model_get_item (G_LIST_MODEL (self->certificates), position + i));

  if (certificates->len == 0)
    return;

  now = dojang_clock_get_now ();
  dojang_reminder_scan_add_certificates_async (self->store, certificates, now, self->cancellable,
                                               on_recorded, NULL);
}

/* The list announces only what changed: the added range holds the new and
 * changed certificates. The ones that went away (a stick pulled out) keep
 * their reminders: they still expire. */
static void
on_certificates_changed (GListModel               *list,
                         guint                     position,
                         guint                     removed,
                         guint                     added,
                         DojangReminderController *self)
{
  if (self->following)
    record (self, position, added);
}

static void
on_lead_days_applied (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DojangReminderController) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dojang_reminder_store_set_lead_days_finish (DOJANG_REMINDER_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Reminder lead times not applied: %s", error->message);
    }

  /* The first time: the store is ready to follow the list. */
  if (self->following)
    return;

  self->following = TRUE;
  record (self, 0, g_list_model_get_n_items (G_LIST_MODEL (self->certificates)));
  dojang_reminder_monitor_start (self->monitor);
}

static void
apply_lead_days (DojangReminderController *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "reminder-lead-days");
  const gint32 *days;
  gsize n = 0;

  days = g_variant_get_fixed_array (value, &n, sizeof (gint32));
  dojang_reminder_store_set_lead_days_async (self->store, days, n, self->cancellable,
                                             on_lead_days_applied, g_object_ref (self));
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
  if (self->reverting_login)
    return;

  dojang_autostart_set_enabled_async (g_settings_get_boolean (settings, key), self->cancellable,
                                      on_autostart_set, NULL);
}

/* The first set-up failed (no portal, a read-only config folder): the
 * setting says off, so the Reminders page says so too. */
static void
on_first_login_setup (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DojangReminderController) self = user_data;
  g_autoptr(GError) error = NULL;

  if (dojang_autostart_set_enabled_finish (result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_message ("Check at login could not be set up: %s", error->message);
  self->reverting_login = TRUE;
  g_settings_set_boolean (self->settings, "check-at-login", FALSE);
  self->reverting_login = FALSE;
}

/* Check at login is on by default: on the first run the autostart entry is
 * written (or the Background portal asked), once; later the user decides. */
static void
set_up_login_check_once (DojangReminderController *self)
{
  if (g_settings_get_boolean (self->settings, "check-at-login-set-up"))
    return;

  g_settings_set_boolean (self->settings, "check-at-login-set-up", TRUE);
  if (!g_settings_get_boolean (self->settings, "check-at-login"))
    return;

  dojang_autostart_set_enabled_async (TRUE, self->cancellable, on_first_login_setup, g_object_ref (self));
}

static void
run_pending (DojangReminderController *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingAction));
  for (guint i = 0; i < pending->len; i++)
    {
      PendingAction *action = &g_array_index (pending, PendingAction, i);

      if (action->snooze)
        dojang_reminder_controller_snooze (self, action->id);
      else
        dojang_reminder_controller_dismiss (self, action->id);
    }
}

static void
on_store_opened (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DojangReminderController) self = user_data;
  g_autoptr(GError) error = NULL;
  DojangReminderStore *store;

  store = dojang_reminder_store_new_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->opening = FALSE;

  if (store == NULL)
    {
      g_warning ("Reminders are off: %s", error->message);
      self->error = g_steal_pointer (&error);
      g_array_set_size (self->pending, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      return;
    }

  self->store = store;
  if (dojang_reminder_store_get_recovered_from (store) != NULL)
    g_warning ("The reminder database was damaged; it was kept as %s and a new one was started",
               dojang_reminder_store_get_recovered_from (store));

  self->monitor = dojang_reminder_monitor_new (self->application, store);
  g_signal_connect_object (self->settings, "changed::reminder-lead-days",
                           G_CALLBACK (on_lead_days_changed), self, 0);
  g_signal_connect_object (self->certificates, "items-changed",
                           G_CALLBACK (on_certificates_changed), self, 0);
  apply_lead_days (self);
  run_pending (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
open_store (DojangReminderController *self)
{
  g_autofree char *path = dojang_reminder_store_default_path ();

  self->opening = TRUE;
  dojang_reminder_store_new_async (path, self->cancellable, on_store_opened, g_object_ref (self));
}

/**
 * dojang_reminder_controller_add_actions:
 *
 * Registers the application's reminder actions (snooze, dismiss, …), at
 * once: a notification button may start the application with one of them,
 * before dojang_reminder_controller_start(). One asked for before the store
 * is open waits for it.
 */
void
dojang_reminder_controller_add_actions (DojangReminderController *self)
{
  g_return_if_fail (DOJANG_IS_REMINDER_CONTROLLER (self));

  if (self->actions_added || self->application == NULL)
    return;

  self->actions_added = TRUE;
  g_action_map_add_action_entries (G_ACTION_MAP (self->application), actions, G_N_ELEMENTS (actions), self);
}

/**
 * dojang_reminder_controller_start:
 *
 * Registers the actions (if not yet done) and opens the store in a worker
 * thread (moving a damaged one aside). Once it is open, "store" is
 * notified, the store follows the certificate list and the monitor runs; a
 * store that cannot be opened at all notifies "error" for the UI to show.
 */
void
dojang_reminder_controller_start (DojangReminderController *self)
{
  g_return_if_fail (DOJANG_IS_REMINDER_CONTROLLER (self));
  g_return_if_fail (!self->started);

  self->started = TRUE;
  dojang_reminder_controller_add_actions (self);
  g_signal_connect_object (self->settings, "changed::check-at-login",
                           G_CALLBACK (on_check_at_login_changed), self, 0);
  set_up_login_check_once (self);

  if (!self->opening && self->store == NULL && self->error == NULL)
    open_store (self);
}

/**
 * dojang_reminder_controller_get_store:
 *
 * Returns: (transfer none) (nullable): the store, or %NULL while it opens
 *   or when it could not be opened (see get_error()).
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
  if (self->certificates != NULL)
    g_signal_handlers_disconnect_by_data (self->certificates, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->certificates);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dojang_reminder_controller_parent_class)->dispose (object);
}

static void
dojang_reminder_controller_finalize (GObject *object)
{
  DojangReminderController *self = DOJANG_REMINDER_CONTROLLER (object);

  g_clear_error (&self->error);
  g_clear_object (&self->cancellable);
  g_array_unref (self->pending);
  g_hash_table_unref (self->skipped);

  G_OBJECT_CLASS (dojang_reminder_controller_parent_class)->finalize (object);
}

static void
dojang_reminder_controller_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  DojangReminderController *self = DOJANG_REMINDER_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_reminder_controller_class_init (DojangReminderControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dojang_reminder_controller_dispose;
  object_class->finalize = dojang_reminder_controller_finalize;
  object_class->get_property = dojang_reminder_controller_get_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DOJANG_TYPE_REMINDER_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DojangReminderController::skipped:
   * @before: the reminder as it was before it was skipped
   *
   * A reminder was skipped (app.dismiss-reminder); app.undo-dismiss-reminder
   * with its id undoes it.
   */
  signals[SKIPPED] =
    g_signal_new ("skipped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DOJANG_TYPE_REMINDER);
}

static void
dojang_reminder_controller_init (DojangReminderController *self)
{
  self->cancellable = g_cancellable_new ();
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingAction));
  self->skipped = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}
