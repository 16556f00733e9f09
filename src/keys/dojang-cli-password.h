/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of `dojang --check-password`. */
typedef enum
{
  DOJANG_CLI_PASSWORD_CORRECT = 0,
  DOJANG_CLI_PASSWORD_USAGE_ERROR = 1,
  DOJANG_CLI_PASSWORD_WRONG = 3,
  DOJANG_CLI_PASSWORD_BAD_KEY = 4,
} DojangCliPasswordStatus;

int dojang_cli_check_password (const char *dir_or_key_file);

G_END_DECLS
