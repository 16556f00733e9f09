/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOJANG_TYPE_REMINDER_PREFERENCES (dojang_reminder_preferences_get_type ())

G_DECLARE_FINAL_TYPE (DojangReminderPreferences, dojang_reminder_preferences, DOJANG, REMINDER_PREFERENCES, AdwPreferencesGroup)

void dojang_reminder_preferences_set_settings (DojangReminderPreferences *self,
                                               GSettings                 *settings);

G_END_DECLS
