/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOJANG_TYPE_REMINDERS_PAGE (dojang_reminders_page_get_type ())

G_DECLARE_FINAL_TYPE (DojangRemindersPage, dojang_reminders_page, DOJANG, REMINDERS_PAGE, AdwBin)

G_END_DECLS
