/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-manual-entry.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_MANUAL_ENTRY_ROW (dojang_manual_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (DojangManualEntryRow, dojang_manual_entry_row, DOJANG, MANUAL_ENTRY_ROW, AdwActionRow)

GtkWidget         *dojang_manual_entry_row_new       (DojangManualEntry    *entry,
                                                      GDateTime            *now);
DojangManualEntry *dojang_manual_entry_row_get_entry (DojangManualEntryRow *self);

G_END_DECLS
