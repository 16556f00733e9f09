/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * DojangPasswordCheckState:
 * @DOJANG_PASSWORD_CHECK_EMPTY: nothing checked yet (or typing again)
 * @DOJANG_PASSWORD_CHECK_CHECKING: the key is being opened
 * @DOJANG_PASSWORD_CHECK_CORRECT: the password opens the key, and the key
 *   belongs to the certificate
 * @DOJANG_PASSWORD_CHECK_WRONG: the password does not open the key
 * @DOJANG_PASSWORD_CHECK_FAILED: the key could not be checked (missing,
 *   damaged, unsupported, or another certificate's)
 */
typedef enum
{
  DOJANG_PASSWORD_CHECK_EMPTY,
  DOJANG_PASSWORD_CHECK_CHECKING,
  DOJANG_PASSWORD_CHECK_CORRECT,
  DOJANG_PASSWORD_CHECK_WRONG,
  DOJANG_PASSWORD_CHECK_FAILED,
} DojangPasswordCheckState;

#define DOJANG_TYPE_PASSWORD_CHECK_STATE (dojang_password_check_state_get_type ())
GType dojang_password_check_state_get_type (void);

#define DOJANG_TYPE_PASSWORD_CHECK (dojang_password_check_get_type ())

G_DECLARE_FINAL_TYPE (DojangPasswordCheck, dojang_password_check, DOJANG, PASSWORD_CHECK, AdwBin)

GtkWidget                *dojang_password_check_new       (void);
void                      dojang_password_check_set_key   (DojangPasswordCheck *self,
                                                           const char          *key_path,
                                                           const char          *cert_path);
gboolean                  dojang_password_check_start     (DojangPasswordCheck *self);
void                      dojang_password_check_clear     (DojangPasswordCheck *self);
void                      dojang_password_check_focus     (DojangPasswordCheck *self);
DojangPasswordCheckState  dojang_password_check_get_state (DojangPasswordCheck *self);
gboolean                  dojang_password_check_get_empty (DojangPasswordCheck *self);

G_END_DECLS
