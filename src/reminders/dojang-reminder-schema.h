/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* PRAGMA user_version of a database this code writes. */
#define DOJANG_REMINDER_SCHEMA_VERSION 7

gboolean dojang_reminder_schema_migrate     (sqlite3  *db,
                                             GError  **error);
gboolean dojang_reminder_schema_quick_check (sqlite3  *db,
                                             GError  **error);

gboolean dojang_reminder_exec_sql         (sqlite3     *db,
                                           const char  *sql,
                                           GError     **error);
void     dojang_reminder_set_sqlite_error (sqlite3  *db,
                                           int       rc,
                                           GError  **error);

G_END_DECLS
