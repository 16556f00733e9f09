/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOJANG_TYPE_PREFERENCES_WINDOW (dojang_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DojangPreferencesWindow, dojang_preferences_window, DOJANG, PREFERENCES_WINDOW, AdwPreferencesWindow)

DojangPreferencesWindow *dojang_preferences_window_new        (GSettings               *settings);
void                     dojang_preferences_window_add_folder (DojangPreferencesWindow *self,
                                                               const char              *path);

G_END_DECLS
