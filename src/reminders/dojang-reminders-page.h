/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-reminder-store.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_REMINDERS_PAGE (dojang_reminders_page_get_type ())

G_DECLARE_FINAL_TYPE (DojangRemindersPage, dojang_reminders_page, DOJANG, REMINDERS_PAGE, AdwBin)

void                 dojang_reminders_page_set_store (DojangRemindersPage *self,
                                                      DojangReminderStore *store,
                                                      const GError        *error);
DojangReminderStore *dojang_reminders_page_get_store (DojangRemindersPage *self);

G_END_DECLS
