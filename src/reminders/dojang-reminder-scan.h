/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-reminder-store.h"

G_BEGIN_DECLS

gboolean dojang_reminder_scan_add_certificates        (DojangReminderStore  *store,
                                                       GPtrArray            *certificates,
                                                       GDateTime            *seen_at,
                                                       GError              **error);
gboolean dojang_reminder_scan_sync                    (DojangReminderStore  *store,
                                                       const char * const   *roots,
                                                       GDateTime            *now,
                                                       GCancellable         *cancellable,
                                                       guint                *n_certificates,
                                                       GError              **error);
void     dojang_reminder_scan_add_certificates_async  (DojangReminderStore  *store,
                                                       GPtrArray            *certificates,
                                                       GDateTime            *seen_at,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean dojang_reminder_scan_add_certificates_finish (DojangReminderStore  *store,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
