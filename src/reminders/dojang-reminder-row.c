/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One certificate's next reminder on the Reminders page: who, when, and
 * buttons to snooze it or skip this one reminder (app.snooze-reminder,
 * app.dismiss-reminder; the window offers undo). */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-reminder-notification.h"
#include "dojang-reminder-row.h"
#include "dojang-reminder-schedule.h"
#include "dojang-seoul.h"

struct _DojangReminderRow
{
  AdwActionRow    parent_instance;

  DojangReminder *reminder;

  GtkWidget      *snooze_button;
  GtkWidget      *dismiss_button;
  GtkWidget      *menu_button;

  gboolean        narrow;
  guint           narrow_idle;
};

/* Narrower than this (a phone's 360 px window), the two buttons give way to
 * a menu, so that the title keeps its room. */
#define NARROW_ROW_WIDTH 480

G_DEFINE_FINAL_TYPE (DojangReminderRow, dojang_reminder_row, ADW_TYPE_ACTION_ROW)

static char *
describe_lead (int lead_days)
{
  if (lead_days == 0)
    return g_strdup (_("on the day it expires"));

  return g_strdup_printf (ngettext ("%d day before", "%d days before", lead_days), lead_days);
}

static char *
describe_when (DojangReminder *reminder)
{
  g_autofree char *date = dojang_seoul_format_date (dojang_reminder_get_next_time (reminder));
  g_autofree char *lead = describe_lead (dojang_reminder_get_lead_days (reminder));

  if (dojang_reminder_get_state (reminder) == DOJANG_REMINDER_STATE_SNOOZED)
    /* Translators: e.g. "Snoozed until 2026-11-25 (7 days before)" */
    return g_strdup_printf (_("Snoozed until %s (%s)"), date, lead);

  /* Translators: e.g. "Reminder on 2026-11-24 (7 days before)" */
  return g_strdup_printf (_("Reminder on %s (%s)"), date, lead);
}

/**
 * dojang_reminder_row_new:
 * @reminder: the certificate's next reminder
 * @later: (element-type DojangReminder) (nullable): its reminders after that one
 * @now: the current instant
 */
GtkWidget *
dojang_reminder_row_new (DojangReminder *reminder,
                         GPtrArray      *later,
                         GDateTime      *now)
{
  DojangReminderRow *self;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *left = NULL;
  g_autofree char *expiry = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *snooze_label = NULL;
  g_autofree char *dismiss_label = NULL;
  g_autofree char *menu_label = NULL;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GString) then = g_string_new (NULL);
  GVariant *target;

  g_return_val_if_fail (DOJANG_IS_REMINDER (reminder), NULL);

  self = g_object_new (DOJANG_TYPE_REMINDER_ROW, NULL);
  self->reminder = g_object_ref (reminder);

  title = dojang_reminder_describe_certificate (reminder);
  when = describe_when (reminder);
  left = dojang_reminder_describe_days_left (reminder, now);
  expiry = dojang_seoul_format_expiry_date (dojang_reminder_get_not_after (reminder));

  for (guint i = 0; later != NULL && i < later->len; i++)
    {
      g_autofree char *lead = describe_lead (dojang_reminder_get_lead_days (g_ptr_array_index (later, i)));

      if (then->len > 0)
        g_string_append (then, ", ");
      g_string_append (then, lead);
    }

  /* Translators: a reminder row's second line, e.g.
   * "Reminder on 2026-11-24 (7 days before) · Expires in 30 days (2026-12-01)" */
  subtitle = g_strdup_printf (_("%s · %s (%s)"), when, left, expiry);
  if (then->len > 0)
    {
      g_autofree char *with_later = NULL;

      /* Translators: appended to a reminder row, e.g. "Then: 1 day before, on the day it expires" */
      with_later = g_strdup_printf (_("%s\nThen: %s"), subtitle, then->str);
      g_free (subtitle);
      subtitle = g_steal_pointer (&with_later);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  target = g_variant_new_int64 (dojang_reminder_get_id (reminder));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->snooze_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->dismiss_button), target);

  /* Translators: the accessible name of a Snooze button, e.g. "Snooze the reminder for 홍길동 (금융결제원 범용)" */
  snooze_label = g_strdup_printf (_("Snooze the reminder for %s"), title);
  /* Translators: the accessible name of the Skip This Reminder button */
  dismiss_label = g_strdup_printf (_("Skip this reminder for %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->snooze_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, snooze_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dismiss_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dismiss_label, -1);

  menu = g_menu_new ();
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *button = i == 0 ? self->snooze_button : self->dismiss_button;
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_button_get_label (GTK_BUTTON (button)), NULL);

      g_menu_item_set_action_and_target_value (item, gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
                                               gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), G_MENU_MODEL (menu));
  /* Translators: the accessible name of a reminder row's menu (snooze, dismiss) on narrow windows */
  menu_label = g_strdup_printf (_("Reminder for %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);

  return GTK_WIDGET (self);
}

DojangReminder *
dojang_reminder_row_get_reminder (DojangReminderRow *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER_ROW (self), NULL);

  return self->reminder;
}

static void
dojang_reminder_row_dispose (GObject *object)
{
  DojangReminderRow *self = DOJANG_REMINDER_ROW (object);

  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_REMINDER_ROW);
  g_clear_object (&self->reminder);

  G_OBJECT_CLASS (dojang_reminder_row_parent_class)->dispose (object);
}

static gboolean
apply_narrow (gpointer user_data)
{
  DojangReminderRow *self = user_data;

  self->narrow_idle = 0;
  gtk_widget_set_visible (self->snooze_button, !self->narrow);
  gtk_widget_set_visible (self->dismiss_button, !self->narrow);
  gtk_widget_set_visible (self->menu_button, self->narrow);

  return G_SOURCE_REMOVE;
}

/* GTK 4.8 has no breakpoints, and a list row's allocation goes to its
 * layout manager: the row looks at its width when it is drawn, and switches
 * after this frame rather than during it. */
static void
dojang_reminder_row_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  DojangReminderRow *self = DOJANG_REMINDER_ROW (widget);
  gboolean narrow = gtk_widget_get_width (widget) < NARROW_ROW_WIDTH;

  GTK_WIDGET_CLASS (dojang_reminder_row_parent_class)->snapshot (widget, snapshot);

  if (narrow == self->narrow)
    return;

  self->narrow = narrow;
  if (self->narrow_idle == 0)
    self->narrow_idle = g_idle_add (apply_narrow, self);
}

static void
dojang_reminder_row_class_init (DojangReminderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_reminder_row_dispose;
  widget_class->snapshot = dojang_reminder_row_snapshot;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/reminders/dojang-reminder-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangReminderRow, snooze_button);
  gtk_widget_class_bind_template_child (widget_class, DojangReminderRow, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, DojangReminderRow, menu_button);
}

static void
dojang_reminder_row_init (DojangReminderRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
