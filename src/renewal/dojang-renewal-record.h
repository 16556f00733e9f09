/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-reminder-store.h"
#include "dojang-renewal-plan.h"

G_BEGIN_DECLS

void       dojang_renewal_remind_async  (DojangReminderStore  *store,
                                         DojangRenewalPlan    *plan,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GDateTime *dojang_renewal_remind_finish (DojangReminderStore  *store,
                                         GAsyncResult         *result,
                                         GError              **error);
void       dojang_renewal_record_async  (DojangReminderStore  *store,
                                         DojangRenewalPlan    *plan,
                                         GDateTime            *completed_at,
                                         const char           *payment_method,
                                         const char           *outcome,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean   dojang_renewal_record_finish (DojangReminderStore  *store,
                                         GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
