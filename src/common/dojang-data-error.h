/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors of the bundled data files (providers.json, holidays.json). */
#define DOJANG_DATA_ERROR (dojang_data_error_quark ())

typedef enum
{
  DOJANG_DATA_ERROR_PARSE,
  DOJANG_DATA_ERROR_MISSING_FIELD,
  DOJANG_DATA_ERROR_WRONG_TYPE,
  DOJANG_DATA_ERROR_BAD_VALUE,
} DojangDataError;

GQuark dojang_data_error_quark (void);

G_END_DECLS
