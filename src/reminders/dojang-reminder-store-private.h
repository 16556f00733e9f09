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

  /* The running application's store checks the file's integrity once a
   * week when it opens (in a worker thread) and reads the file without a
   * memory map; see -open.c. */
  gboolean      check_weekly;

  /* The lock a due check holds from choosing its reminders until they are
   * recorded as shown, or -1; see -due.c. */
  int           check_lock_fd;

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
void                 _dojang_reminder_store_close        (DojangReminderStore  *self);
void                 _dojang_reminder_store_suspect_damage (DojangReminderStore *self);
void                 _dojang_reminder_store_release_check_lock (DojangReminderStore *self);

DojangStatement *_dojang_reminder_store_statement     (DojangReminderStore  *self,
                                                       const char           *sql,
                                                       GError              **error);
gboolean         _dojang_reminder_store_step_done     (DojangReminderStore  *self,
                                                       DojangStatement      *stmt,
                                                       GError              **error);
void             _dojang_reminder_store_bind_optional (DojangStatement      *stmt,
                                                       int                   column,
                                                       gint64                value);
void             _dojang_reminder_store_sqlite_error  (DojangReminderStore  *self,
                                                       int                   rc,
                                                       GError              **error);
void             _dojang_reminder_store_changed       (DojangReminderStore  *self);
gboolean         _dojang_reminder_store_schedule      (DojangReminderStore  *self,
                                                       gint64                certificate_id,
                                                       gint64                manual_entry_id,
                                                       GDateTime            *not_after,
                                                       GError              **error);
/* A certificate (certificate_id) or manual entry (manual_entry_id) to
 * schedule reminders for; the other id is 0. */
typedef struct
{
  gint64 certificate_id;
  gint64 manual_entry_id;
  gint64 not_after;
} DojangScheduleTarget;

gboolean         _dojang_reminder_store_schedule_all  (DojangReminderStore         *self,
                                                       const DojangScheduleTarget  *targets,
                                                       gsize                        n_targets,
                                                       GError                     **error);
gboolean         _dojang_reminder_store_schedule_certificate (DojangReminderStore *self,
                                                              const char          *sha256,
                                                              GError             **error);
gboolean         _dojang_reminder_store_load_lead_days (DojangReminderStore *self,
                                                        GError             **error);
gboolean         _dojang_reminder_store_valid_provider_id (const char        *provider_id);
gboolean         _dojang_reminder_store_valid_sha256  (const char           *sha256);
gint64           _dojang_reminder_store_now           (DojangReminderStore  *self);

/* The instant up to which due checks have gone, or NULL before the first
 * (see -check.c). */
#define DOJANG_REMINDER_CHECKED_THROUGH \
  "(SELECT CAST (value AS INTEGER) FROM meta WHERE key = 'checked_through')"

/* A pending reminder that a due check passed over: skipped, although its
 * row still says pending (see -check.c). @r names the reminders table. */
#define DOJANG_REMINDER_PASSED_OVER(r) \
  "(" r ".state = 'pending' AND " r ".outstanding = 0 AND " \
  r ".due <= coalesce (" DOJANG_REMINDER_CHECKED_THROUGH ", -9223372036854775807))"

/* A reminder's state as the rest of the program sees it. */
#define DOJANG_REMINDER_STATE(r) \
  "CASE WHEN " DOJANG_REMINDER_PASSED_OVER (r) " THEN 'skipped' ELSE " r ".state END"

/* Whether a reminder inserted as @state with @due (SQL expressions) must be
 * marked outstanding: pending, and already below the watermark. */
#define DOJANG_REMINDER_OUTSTANDING(state, due) \
  "(" state " = 'pending' AND " due " <= coalesce (" DOJANG_REMINDER_CHECKED_THROUGH ", " due " - 1))"

/* The columns _dojang_reminder_store_read_row() expects, and their source. */
#define DOJANG_REMINDER_SELECT \
  "SELECT r.id, c.sha256, r.manual_entry_id," \
  " coalesce (c.name, m.name), coalesce (c.subject, m.name)," \
  " coalesce (c.provider_id, m.provider_id), coalesce (c.type_name, m.type_name)," \
  " coalesce (c.not_after, m.not_after), r.lead_days, r.due, " DOJANG_REMINDER_STATE ("r") "," \
  " r.snoozed_until, r.sent_at" \
  " FROM reminders r" \
  " LEFT JOIN certificates c ON c.id = r.certificate_id" \
  " LEFT JOIN manual_entries m ON m.id = r.manual_entry_id "

DojangReminder  *_dojang_reminder_store_read_row      (DojangStatement      *stmt);
DojangReminder  *_dojang_reminder_store_get_reminder  (DojangReminderStore  *self,
                                                       gint64                id,
                                                       GError              **error);

G_END_DECLS
