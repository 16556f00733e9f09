/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Checks a certificate's password locally against its encrypted signPri.key. */

#pragma once

#include <gio/gio.h>

#include "dojang-encrypted-key.h"

G_BEGIN_DECLS

#define DOJANG_PRIVATE_KEY_ERROR (dojang_private_key_error_quark ())

/**
 * DojangPrivateKeyError:
 * @DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD: the password does not open the key
 * @DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED: an encryption scheme, key derivation,
 *   cipher or parameter Dojang cannot handle (the message names the OID)
 * @DOJANG_PRIVATE_KEY_ERROR_DAMAGED: the key file is broken
 * @DOJANG_PRIVATE_KEY_ERROR_KEY_MISMATCH: the key opens, but belongs to
 *   another certificate than the one beside it
 * @DOJANG_PRIVATE_KEY_ERROR_CERTIFICATE_DAMAGED: the certificate beside the
 *   key cannot be read as an X.509 certificate
 * @DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND: no key file where one was expected, or
 *   it cannot be read
 */
typedef enum
{
  DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD,
  DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED,
  DOJANG_PRIVATE_KEY_ERROR_DAMAGED,
  DOJANG_PRIVATE_KEY_ERROR_KEY_MISMATCH,
  DOJANG_PRIVATE_KEY_ERROR_CERTIFICATE_DAMAGED,
  DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND,
} DojangPrivateKeyError;

/* Key derivations asking for more rounds are refused rather than run. */
#define DOJANG_PRIVATE_KEY_MAX_ITERATIONS 1000000

GQuark    dojang_private_key_error_quark  (void);

gboolean  dojang_private_key_resolve      (const char           *dir_or_key_file,
                                           char                **key_path,
                                           char                **cert_path,
                                           GError              **error);

gboolean  dojang_private_key_check        (const char           *key_path,
                                           const char           *cert_path,
                                           const char           *password,
                                           gsize                 password_len,
                                           GError              **error);
guint8   *dojang_private_key_open            (GBytes                 *key_der,
                                              GBytes                 *cert_der,
                                              const char             *password,
                                              gsize                   password_len,
                                              DojangKeyFormat        *format,
                                              gsize                  *info_len,
                                              GError                **error);
GBytes   *dojang_private_key_seal            (const DojangKeyFormat  *format,
                                              const guint8           *info,
                                              gsize                   info_len,
                                              const char             *password,
                                              gsize                   password_len,
                                              GError                **error);
GBytes   *dojang_private_key_change_password (GBytes                 *key_der,
                                              GBytes                 *cert_der,
                                              const char             *old_password,
                                              gsize                   old_password_len,
                                              const char             *new_password,
                                              gsize                   new_password_len,
                                              GError                **error);

gboolean  dojang_private_key_check_bytes  (GBytes               *key_der,
                                           GBytes               *cert_der,
                                           const char           *password,
                                           gsize                 password_len,
                                           GError              **error);
void      dojang_private_key_check_async  (const char           *key_path,
                                           const char           *cert_path,
                                           const char           *password,
                                           gsize                 password_len,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  dojang_private_key_check_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
