/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * DojangCliToolStatus:
 * @DOJANG_CLI_TOOL_DONE: done, or already there
 * @DOJANG_CLI_TOOL_FAILED: a wrong command line, a missing certificate or
 *   file, or a failed write (the message says which)
 * @DOJANG_CLI_TOOL_WRONG_PASSWORD: the password (the old one, for a change)
 *   is wrong
 * @DOJANG_CLI_TOOL_DAMAGED: the key or the .pfx file is damaged or unsupported
 * @DOJANG_CLI_TOOL_EXISTS: a different certificate or file is in the way
 * @DOJANG_CLI_TOOL_REJECTED: the new password does not meet the rules
 * @DOJANG_CLI_TOOL_READ_ONLY: the medium is read-only
 *
 * Exit statuses of the certificate tool modes; 0, 1, 3 and 4 mean what they
 * mean for --check-password.
 */
typedef enum
{
  DOJANG_CLI_TOOL_DONE = 0,
  DOJANG_CLI_TOOL_FAILED = 1,
  DOJANG_CLI_TOOL_WRONG_PASSWORD = 3,
  DOJANG_CLI_TOOL_DAMAGED = 4,
  DOJANG_CLI_TOOL_EXISTS = 5,
  DOJANG_CLI_TOOL_REJECTED = 6,
  DOJANG_CLI_TOOL_READ_ONLY = 7,
} DojangCliToolStatus;

int dojang_cli_certificates_copy            (GVariantDict  *options);
int dojang_cli_certificates_export_pfx      (GVariantDict  *options);
int dojang_cli_certificates_import_pfx      (GVariantDict  *options);
int dojang_cli_certificates_change_password (GVariantDict  *options);
int dojang_cli_certificates_delete          (GVariantDict  *options,
                                             char         **retired_sha256);

G_END_DECLS
