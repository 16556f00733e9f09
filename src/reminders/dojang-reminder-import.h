/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char   *sha256;
  char   *subject;
  char   *name;
  char   *provider_id;
  char   *type_name;
  gint64  not_after;
  char   *path;
} DojangImportedCertificate;

typedef struct
{
  gint64  file_id;
  gint64  db_id;
  char   *name;
  char   *provider_id;
  char   *type_name;
  char   *expiry_date;
  gint64  not_after;
} DojangImportedManualEntry;

typedef struct
{
  char   *certificate_sha256;
  gint64  manual_file_id;
  int     lead_days;
  gint64  due;
  char   *state;
  gint64  snoozed_until;
  gint64  sent_at;
} DojangImportedReminder;

/* A reminder export, read and checked; instants are Unix seconds, 0 for none. */
typedef struct
{
  GArray *certificates;   /* DojangImportedCertificate */
  GArray *manual_entries; /* DojangImportedManualEntry */
  GArray *reminders;      /* DojangImportedReminder */
} DojangReminderImport;

typedef gboolean (*DojangCertificateExistsFunc) (const char *sha256,
                                                 gpointer    user_data);

#define DOJANG_REMINDER_EXPORT_FORMAT "dojang-reminders"
#define DOJANG_REMINDER_EXPORT_VERSION 1

DojangReminderImport *dojang_reminder_import_parse (const char                   *data,
                                                    gssize                        length,
                                                    DojangCertificateExistsFunc   certificate_exists,
                                                    gpointer                      user_data,
                                                    GError                      **error);
void                  dojang_reminder_import_free  (DojangReminderImport         *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DojangReminderImport, dojang_reminder_import_free)

G_END_DECLS
