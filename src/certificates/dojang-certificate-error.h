/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOJANG_CERTIFICATE_ERROR (dojang_certificate_error_quark ())

/**
 * DojangCertificateError:
 * @DOJANG_CERTIFICATE_ERROR_NOT_FOUND: the file does not exist
 * @DOJANG_CERTIFICATE_ERROR_NOT_A_FILE: a folder (or device) where a file was expected
 * @DOJANG_CERTIFICATE_ERROR_PERMISSION: the file or folder cannot be read
 * @DOJANG_CERTIFICATE_ERROR_READ: another input/output error
 * @DOJANG_CERTIFICATE_ERROR_EMPTY: the file is empty
 * @DOJANG_CERTIFICATE_ERROR_TOO_LARGE: far too large to be a certificate
 * @DOJANG_CERTIFICATE_ERROR_TRUNCATED: the DER data ends early
 * @DOJANG_CERTIFICATE_ERROR_PEM: a PEM text file where DER is expected
 * @DOJANG_CERTIFICATE_ERROR_INVALID: not an X.509 certificate
 * @DOJANG_CERTIFICATE_ERROR_KEY_WITHOUT_CERTIFICATE: a private key with no certificate beside it
 */
typedef enum
{
  DOJANG_CERTIFICATE_ERROR_NOT_FOUND,
  DOJANG_CERTIFICATE_ERROR_NOT_A_FILE,
  DOJANG_CERTIFICATE_ERROR_PERMISSION,
  DOJANG_CERTIFICATE_ERROR_READ,
  DOJANG_CERTIFICATE_ERROR_EMPTY,
  DOJANG_CERTIFICATE_ERROR_TOO_LARGE,
  DOJANG_CERTIFICATE_ERROR_TRUNCATED,
  DOJANG_CERTIFICATE_ERROR_PEM,
  DOJANG_CERTIFICATE_ERROR_INVALID,
  DOJANG_CERTIFICATE_ERROR_KEY_WITHOUT_CERTIFICATE,
} DojangCertificateError;

GQuark dojang_certificate_error_quark (void);

G_END_DECLS
