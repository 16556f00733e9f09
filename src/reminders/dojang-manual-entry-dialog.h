/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-reminder-store.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_MANUAL_ENTRY_DIALOG (dojang_manual_entry_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DojangManualEntryDialog, dojang_manual_entry_dialog, DOJANG, MANUAL_ENTRY_DIALOG, AdwWindow)

DojangManualEntryDialog *dojang_manual_entry_dialog_new       (DojangReminderStore     *store,
                                                               DojangManualEntry       *entry);
gboolean                 dojang_manual_entry_dialog_can_save  (DojangManualEntryDialog *self);

G_END_DECLS
