/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-manual-entry.h"
#include "dojang-reminder-error.h"
#include "dojang-reminder.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_REMINDER_STORE (dojang_reminder_store_get_type ())

G_DECLARE_FINAL_TYPE (DojangReminderStore, dojang_reminder_store, DOJANG, REMINDER_STORE, GObject)

char                *dojang_reminder_store_default_path        (void);
DojangReminderStore *dojang_reminder_store_new                 (const char          *path,
                                                                GError             **error);
void                 dojang_reminder_store_new_async           (const char          *path,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
DojangReminderStore *dojang_reminder_store_new_finish          (GAsyncResult        *result,
                                                                GError             **error);
const char          *dojang_reminder_store_get_path            (DojangReminderStore *self);
const char          *dojang_reminder_store_get_recovered_from  (DojangReminderStore *self);
void                 dojang_reminder_store_set_clock           (DojangReminderStore *self,
                                                                GDateTime           *now);

gboolean             dojang_reminder_store_begin               (DojangReminderStore *self,
                                                                GError             **error);
gboolean             dojang_reminder_store_commit              (DojangReminderStore *self,
                                                                GError             **error);
void                 dojang_reminder_store_rollback            (DojangReminderStore *self);

const int           *dojang_reminder_store_get_lead_days       (DojangReminderStore *self,
                                                                gsize               *n_lead_days);
gboolean             dojang_reminder_store_set_lead_days       (DojangReminderStore *self,
                                                                const int           *lead_days,
                                                                gsize                n_lead_days,
                                                                GError             **error);
void                 dojang_reminder_store_set_lead_days_async (DojangReminderStore *self,
                                                                const int           *lead_days,
                                                                gsize                n_lead_days,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean             dojang_reminder_store_set_lead_days_finish (DojangReminderStore *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);

gboolean             dojang_reminder_store_upsert_certificate  (DojangReminderStore *self,
                                                                const char          *sha256,
                                                                const char          *subject,
                                                                const char          *name,
                                                                const char          *provider_id,
                                                                const char          *type_name,
                                                                GDateTime           *not_after,
                                                                const char          *path,
                                                                GDateTime           *seen_at,
                                                                GError             **error);
guint                dojang_reminder_store_count_certificates  (DojangReminderStore *self);
gboolean             dojang_reminder_store_retire_certificate  (DojangReminderStore *self,
                                                                const char          *sha256,
                                                                GError             **error);

gint64               dojang_reminder_store_add_manual_entry    (DojangReminderStore *self,
                                                                const char          *name,
                                                                const char          *provider_id,
                                                                const char          *type_name,
                                                                const char          *expiry_date,
                                                                GError             **error);
gboolean             dojang_reminder_store_update_manual_entry (DojangReminderStore *self,
                                                                gint64               id,
                                                                const char          *name,
                                                                const char          *provider_id,
                                                                const char          *type_name,
                                                                const char          *expiry_date,
                                                                GError             **error);
gboolean             dojang_reminder_store_remove_manual_entry (DojangReminderStore *self,
                                                                gint64               id,
                                                                GError             **error);
void                 dojang_reminder_store_save_manual_entry_async    (DojangReminderStore *self,
                                                                       gint64               id,
                                                                       const char          *name,
                                                                       const char          *provider_id,
                                                                       const char          *type_name,
                                                                       const char          *expiry_date,
                                                                       GCancellable        *cancellable,
                                                                       GAsyncReadyCallback  callback,
                                                                       gpointer             user_data);
gint64               dojang_reminder_store_save_manual_entry_finish   (DojangReminderStore *self,
                                                                       GAsyncResult        *result,
                                                                       GError             **error);
void                 dojang_reminder_store_remove_manual_entry_async  (DojangReminderStore *self,
                                                                       gint64               id,
                                                                       GCancellable        *cancellable,
                                                                       GAsyncReadyCallback  callback,
                                                                       gpointer             user_data);
gboolean             dojang_reminder_store_remove_manual_entry_finish (DojangReminderStore *self,
                                                                       GAsyncResult        *result,
                                                                       GError             **error);
guint                dojang_reminder_store_count_manual_entries (DojangReminderStore *self,
                                                                GError             **error);
GPtrArray           *dojang_reminder_store_list_manual_entries (DojangReminderStore *self,
                                                                GError             **error);

DojangReminder      *dojang_reminder_store_get_reminder        (DojangReminderStore *self,
                                                                gint64               id,
                                                                GError             **error);
GPtrArray           *dojang_reminder_store_list_upcoming       (DojangReminderStore *self,
                                                                GError             **error);
void                 dojang_reminder_store_list_async          (DojangReminderStore *self,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean             dojang_reminder_store_list_finish         (DojangReminderStore *self,
                                                                GAsyncResult        *result,
                                                                GPtrArray          **upcoming,
                                                                GPtrArray          **entries,
                                                                GError             **error);
GPtrArray           *dojang_reminder_store_begin_check         (DojangReminderStore *self,
                                                                GDateTime           *now,
                                                                GError             **error);
GPtrArray           *dojang_reminder_store_end_check           (DojangReminderStore *self,
                                                                GPtrArray           *shown,
                                                                GDateTime           *now,
                                                                GError             **error);
void                 dojang_reminder_store_begin_check_async   (DojangReminderStore *self,
                                                                GDateTime           *now,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
GPtrArray           *dojang_reminder_store_begin_check_finish  (DojangReminderStore *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);
void                 dojang_reminder_store_end_check_async     (DojangReminderStore *self,
                                                                GPtrArray           *shown,
                                                                GDateTime           *now,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
GPtrArray           *dojang_reminder_store_end_check_finish    (DojangReminderStore *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);
GDateTime           *dojang_reminder_store_get_next_due        (DojangReminderStore *self,
                                                                GDateTime           *now,
                                                                GError             **error);
void                 dojang_reminder_store_get_next_due_async  (DojangReminderStore *self,
                                                                GDateTime           *now,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
GDateTime           *dojang_reminder_store_get_next_due_finish (DojangReminderStore *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);
gboolean             dojang_reminder_store_snooze              (DojangReminderStore *self,
                                                                gint64               id,
                                                                GDateTime           *now,
                                                                GError             **error);
void                 dojang_reminder_store_snooze_async        (DojangReminderStore *self,
                                                                gint64               id,
                                                                GDateTime           *now,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean             dojang_reminder_store_snooze_finish       (DojangReminderStore *self,
                                                                GAsyncResult        *result,
                                                                DojangReminder     **reminder,
                                                                GError             **error);
gboolean             dojang_reminder_store_dismiss             (DojangReminderStore *self,
                                                                gint64               id,
                                                                GError             **error);
void                 dojang_reminder_store_dismiss_async       (DojangReminderStore *self,
                                                                gint64               id,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean             dojang_reminder_store_dismiss_finish      (DojangReminderStore *self,
                                                                GAsyncResult        *result,
                                                                DojangReminder     **reminder,
                                                                GError             **error);

gboolean             dojang_reminder_store_restore             (DojangReminderStore *self,
                                                                DojangReminder      *before,
                                                                GError             **error);
void                 dojang_reminder_store_restore_async       (DojangReminderStore *self,
                                                                DojangReminder      *before,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean             dojang_reminder_store_restore_finish      (DojangReminderStore *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);

gboolean             dojang_reminder_store_request_reminder    (DojangReminderStore *self,
                                                                const char          *sha256,
                                                                int                  lead_days,
                                                                GDateTime          **due,
                                                                GError             **error);

gboolean             dojang_reminder_store_record_rehearsal    (DojangReminderStore *self,
                                                                const char          *sha256,
                                                                GDateTime           *completed_at,
                                                                const char          *payment_method,
                                                                const char          *outcome,
                                                                GError             **error);
GDateTime           *dojang_reminder_store_get_last_rehearsal  (DojangReminderStore *self,
                                                                const char          *sha256,
                                                                char               **outcome,
                                                                GError             **error);

char                *dojang_reminder_store_export_json         (DojangReminderStore *self,
                                                                GDateTime           *now,
                                                                GError             **error);
gboolean             dojang_reminder_store_import_json         (DojangReminderStore *self,
                                                                const char          *data,
                                                                gssize               length,
                                                                guint               *n_imported,
                                                                GError             **error);
void                 dojang_reminder_store_export_async        (DojangReminderStore *self,
                                                                GFile               *file,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean             dojang_reminder_store_export_finish       (DojangReminderStore *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);
void                 dojang_reminder_store_import_async        (DojangReminderStore *self,
                                                                GFile               *file,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean             dojang_reminder_store_import_finish       (DojangReminderStore *self,
                                                                GAsyncResult        *result,
                                                                guint               *n_imported,
                                                                GError             **error);

G_END_DECLS
