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
 * @DOJANG_CERTIFICATE_ERROR_AMBIGUOUS: a fingerprint names certificates in several folders
 * @DOJANG_CERTIFICATE_ERROR_NO_PRIVATE_KEY: the certificate has no signPri.key beside it
 * @DOJANG_CERTIFICATE_ERROR_WRONG_PASSWORD: the password does not open the key (or the .pfx file)
 * @DOJANG_CERTIFICATE_ERROR_KEY_DAMAGED: the key or the .pfx file is damaged, unsupported,
 *   or holds a key that is not the certificate's
 * @DOJANG_CERTIFICATE_ERROR_EXISTS: a different certificate or file is already where
 *   Dojang would write; nothing was changed
 * @DOJANG_CERTIFICATE_ERROR_READ_ONLY: the medium is read-only (a locked USB stick, a CD)
 * @DOJANG_CERTIFICATE_ERROR_PASSWORD_REJECTED: the new password does not meet the rule;
 *   the message lists what is missing
 * @DOJANG_CERTIFICATE_ERROR_WRITE: writing, verifying or moving to the trash failed;
 *   the original is untouched
 * @DOJANG_CERTIFICATE_ERROR_NOT_IN_TRASH: nothing to restore: the trash no longer holds it
 * @DOJANG_CERTIFICATE_ERROR_SHARED_FOLDER: the certificate's folder holds other files, so it
 *   is not deleted as a whole
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
  DOJANG_CERTIFICATE_ERROR_AMBIGUOUS,
  DOJANG_CERTIFICATE_ERROR_NO_PRIVATE_KEY,
  DOJANG_CERTIFICATE_ERROR_WRONG_PASSWORD,
  DOJANG_CERTIFICATE_ERROR_KEY_DAMAGED,
  DOJANG_CERTIFICATE_ERROR_EXISTS,
  DOJANG_CERTIFICATE_ERROR_READ_ONLY,
  DOJANG_CERTIFICATE_ERROR_PASSWORD_REJECTED,
  DOJANG_CERTIFICATE_ERROR_WRITE,
  DOJANG_CERTIFICATE_ERROR_NOT_IN_TRASH,
  DOJANG_CERTIFICATE_ERROR_SHARED_FOLDER,
} DojangCertificateError;

GQuark   dojang_certificate_error_quark          (void);

gboolean dojang_certificate_error_read_only      (const char    *folder,
                                                  GError       **error);
void     dojang_certificate_error_propagate_io   (GError       **error,
                                                  const GError  *io_error);
void     dojang_certificate_error_propagate_key  (GError       **error,
                                                  const GError  *key_error);

G_END_DECLS
