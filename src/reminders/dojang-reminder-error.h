/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOJANG_REMINDER_ERROR (dojang_reminder_error_quark ())

typedef enum
{
  DOJANG_REMINDER_ERROR_FAILED,
  DOJANG_REMINDER_ERROR_UNREADABLE,
  DOJANG_REMINDER_ERROR_INVALID,
  DOJANG_REMINDER_ERROR_NOT_FOUND,
  DOJANG_REMINDER_ERROR_INVALID_IMPORT,
} DojangReminderError;

GQuark dojang_reminder_error_quark (void);

G_END_DECLS
