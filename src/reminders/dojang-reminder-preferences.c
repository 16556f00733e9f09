/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The "Reminders" group of the Preferences window: one switch per offered
 * lead time (the reminder-lead-days setting) and "Check at login"
 * (check-at-login; the application writes the autostart entry or asks the
 * Background portal when it changes). Lead times set outside these five,
 * e.g. with gsettings, are kept when a switch is flipped. */

#include "config.h"

#include "dojang-reminder-preferences.h"

static const int offered_days[] = { 60, 30, 7, 1, 0 };

struct _DojangReminderPreferences
{
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;
  gboolean             updating;

  GtkSwitch           *lead_60_switch;
  GtkSwitch           *lead_30_switch;
  GtkSwitch           *lead_7_switch;
  GtkSwitch           *lead_1_switch;
  GtkSwitch           *lead_0_switch;
  GtkSwitch           *login_switch;
};

G_DEFINE_FINAL_TYPE (DojangReminderPreferences, dojang_reminder_preferences, ADW_TYPE_PREFERENCES_GROUP)

static GtkSwitch *
switch_for (DojangReminderPreferences *self,
            guint                      index)
{
  GtkSwitch *switches[] = {
    self->lead_60_switch, self->lead_30_switch, self->lead_7_switch,
    self->lead_1_switch, self->lead_0_switch,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (switches) == G_N_ELEMENTS (offered_days));

  return switches[index];
}

static gboolean
is_offered (int days)
{
  for (guint i = 0; i < G_N_ELEMENTS (offered_days); i++)
    {
      if (offered_days[i] == days)
        return TRUE;
    }

  return FALSE;
}

static void
update_switches (DojangReminderPreferences *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "reminder-lead-days");
  const gint32 *days;
  gsize n = 0;

  days = g_variant_get_fixed_array (value, &n, sizeof (gint32));

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (offered_days); i++)
    {
      gboolean on = FALSE;

      for (gsize j = 0; j < n; j++)
        on |= days[j] == offered_days[i];
      gtk_switch_set_active (switch_for (self, i), on);
    }
  gtk_switch_set_active (self->login_switch, g_settings_get_boolean (self->settings, "check-at-login"));
  self->updating = FALSE;
}

static void
on_lead_switch_toggled (DojangReminderPreferences *self)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint32));
  const gint32 *days;
  gsize n = 0;

  if (self->updating || self->settings == NULL)
    return;

  /* Keep the lead times these switches do not offer, in their order. */
  value = g_settings_get_value (self->settings, "reminder-lead-days");
  days = g_variant_get_fixed_array (value, &n, sizeof (gint32));
  for (gsize j = 0; j < n; j++)
    {
      if (!is_offered (days[j]))
        g_array_append_val (chosen, days[j]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (offered_days); i++)
    {
      gint32 offered = offered_days[i];

      if (gtk_switch_get_active (switch_for (self, i)))
        g_array_append_val (chosen, offered);
    }

  g_settings_set_value (self->settings, "reminder-lead-days",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, chosen->data, chosen->len,
                                                   sizeof (gint32)));
}

static void
on_login_switch_toggled (DojangReminderPreferences *self)
{
  if (self->updating || self->settings == NULL)
    return;

  g_settings_set_boolean (self->settings, "check-at-login", gtk_switch_get_active (self->login_switch));
}

static void
on_settings_changed (GSettings                 *settings,
                     const char                *key,
                     DojangReminderPreferences *self)
{
  if (g_strcmp0 (key, "reminder-lead-days") == 0 || g_strcmp0 (key, "check-at-login") == 0)
    update_switches (self);
}

/**
 * dojang_reminder_preferences_set_settings:
 * @settings: the application's settings
 */
void
dojang_reminder_preferences_set_settings (DojangReminderPreferences *self,
                                          GSettings                 *settings)
{
  g_return_if_fail (DOJANG_IS_REMINDER_PREFERENCES (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);

  g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed), self, 0);
  update_switches (self);
}

static void
dojang_reminder_preferences_dispose (GObject *object)
{
  DojangReminderPreferences *self = DOJANG_REMINDER_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_REMINDER_PREFERENCES);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dojang_reminder_preferences_parent_class)->dispose (object);
}

static void
dojang_reminder_preferences_class_init (DojangReminderPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_reminder_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/reminders/dojang-reminder-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangReminderPreferences, lead_60_switch);
  gtk_widget_class_bind_template_child (widget_class, DojangReminderPreferences, lead_30_switch);
  gtk_widget_class_bind_template_child (widget_class, DojangReminderPreferences, lead_7_switch);
  gtk_widget_class_bind_template_child (widget_class, DojangReminderPreferences, lead_1_switch);
  gtk_widget_class_bind_template_child (widget_class, DojangReminderPreferences, lead_0_switch);
  gtk_widget_class_bind_template_child (widget_class, DojangReminderPreferences, login_switch);
}

static void
dojang_reminder_preferences_init (DojangReminderPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (offered_days); i++)
    g_signal_connect_object (switch_for (self, i), "notify::active",
                             G_CALLBACK (on_lead_switch_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->login_switch, "notify::active",
                           G_CALLBACK (on_login_switch_toggled), self, G_CONNECT_SWAPPED);
}
