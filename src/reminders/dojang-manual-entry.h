/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOJANG_TYPE_MANUAL_ENTRY (dojang_manual_entry_get_type ())

G_DECLARE_FINAL_TYPE (DojangManualEntry, dojang_manual_entry, DOJANG, MANUAL_ENTRY, GObject)

gint64      dojang_manual_entry_get_id          (DojangManualEntry *self);
const char *dojang_manual_entry_get_name        (DojangManualEntry *self);
const char *dojang_manual_entry_get_provider_id (DojangManualEntry *self);
const char *dojang_manual_entry_get_type_name   (DojangManualEntry *self);
const char *dojang_manual_entry_get_expiry_date (DojangManualEntry *self);
GDateTime  *dojang_manual_entry_get_not_after   (DojangManualEntry *self);

G_END_DECLS
