/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-reminder-store.h"

G_BEGIN_DECLS

gboolean dojang_reminder_scan_add_certificates (DojangReminderStore  *store,
                                                GPtrArray            *certificates,
                                                GDateTime            *seen_at,
                                                GError              **error);
gboolean dojang_reminder_scan_sync             (DojangReminderStore  *store,
                                                const char * const   *roots,
                                                GDateTime            *now,
                                                GCancellable         *cancellable,
                                                guint                *n_certificates,
                                                GError              **error);
void     dojang_reminder_scan_async            (DojangReminderStore  *store,
                                                const char * const   *roots,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean dojang_reminder_scan_finish           (DojangReminderStore  *store,
                                                GAsyncResult         *result,
                                                guint                *n_certificates,
                                                GError              **error);

G_END_DECLS
