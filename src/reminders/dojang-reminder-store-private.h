/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <sqlite3.h>

#include "dojang-reminder-private.h"
#include "dojang-reminder-store.h"

G_BEGIN_DECLS

struct _DojangReminderStore
{
  GObject       parent_instance;

  char         *path;
  char         *recovered_from;
  sqlite3      *db;

  /* Held for every public call and for a whole transaction: a GTask worker
   * and the main thread share the one connection. */
  GRecMutex     lock;
  guint         transaction_depth;
  gboolean      changed_in_transaction;

  /* Prepared statements, keyed by their (static) SQL text. */
  GHashTable   *statements;

  GArray       *lead_days;
  GDateTime    *clock;

  GMainContext *context;
  GSource      *changed_source;
};

/* A cached statement, reset (not finalized) when it goes out of scope. */
typedef sqlite3_stmt DojangStatement;
void _dojang_statement_release (DojangStatement *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DojangStatement, _dojang_statement_release)

DojangReminderStore *_dojang_reminder_store_new_unopened (const char           *path);
gboolean             _dojang_reminder_store_open         (DojangReminderStore  *self,
                                                          GError              **error);

DojangStatement *_dojang_reminder_store_statement     (DojangReminderStore  *self,
                                                       const char           *sql,
                                                       GError              **error);
gboolean         _dojang_reminder_store_step_done     (DojangReminderStore  *self,
                                                       DojangStatement      *stmt,
                                                       GError              **error);
void             _dojang_reminder_store_sqlite_error  (DojangReminderStore  *self,
                                                       int                   rc,
                                                       GError              **error);
void             _dojang_reminder_store_changed       (DojangReminderStore  *self);
gboolean         _dojang_reminder_store_schedule      (DojangReminderStore  *self,
                                                       gint64                certificate_id,
                                                       gint64                manual_entry_id,
                                                       GDateTime            *not_after,
                                                       GError              **error);
gboolean         _dojang_reminder_store_schedule_certificate (DojangReminderStore *self,
                                                              const char          *sha256,
                                                              GError             **error);
gboolean         _dojang_reminder_store_load_lead_days (DojangReminderStore *self,
                                                        GError             **error);
gboolean         _dojang_reminder_store_valid_provider_id (const char        *provider_id);
gboolean         _dojang_reminder_store_valid_sha256  (const char           *sha256);
gint64           _dojang_reminder_store_now           (DojangReminderStore  *self);

/* The columns _dojang_reminder_store_read_row() expects, and their source. */
#define DOJANG_REMINDER_SELECT \
  "SELECT r.id, c.sha256, r.manual_entry_id," \
  " coalesce (c.name, m.name), coalesce (c.subject, m.name)," \
  " coalesce (c.provider_id, m.provider_id), coalesce (c.type_name, m.type_name)," \
  " coalesce (c.not_after, m.not_after), r.lead_days, r.due, r.state," \
  " r.snoozed_until, r.sent_at" \
  " FROM reminders r" \
  " LEFT JOIN certificates c ON c.id = r.certificate_id" \
  " LEFT JOIN manual_entries m ON m.id = r.manual_entry_id "

DojangReminder  *_dojang_reminder_store_read_row      (DojangStatement      *stmt);

G_END_DECLS
