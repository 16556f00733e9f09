/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The rule a new certificate password must meet: the one the Korean
 * certificate authorities apply when a password is set or changed. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOJANG_PASSWORD_MIN_LENGTH 10

/**
 * DojangPasswordRequirement:
 * @DOJANG_PASSWORD_REQUIRE_LENGTH: at least %DOJANG_PASSWORD_MIN_LENGTH characters
 * @DOJANG_PASSWORD_REQUIRE_LETTER: an English letter
 * @DOJANG_PASSWORD_REQUIRE_DIGIT: a digit
 * @DOJANG_PASSWORD_REQUIRE_SPECIAL: a special character (ASCII punctuation)
 * @DOJANG_PASSWORD_REQUIRE_ALLOWED_SPECIAL: none of ' " \ |
 * @DOJANG_PASSWORD_REQUIRE_KEYBOARD: only printable ASCII without spaces
 * @DOJANG_PASSWORD_REQUIRE_NO_REPEAT: no character three times in a row
 * @DOJANG_PASSWORD_REQUIRE_NO_SEQUENCE: no three letters or digits in
 *   ascending or descending order
 *
 * The requirements in the order they are shown, as bits.
 */
typedef enum
{
  DOJANG_PASSWORD_REQUIRE_LENGTH          = 1 << 0,
  DOJANG_PASSWORD_REQUIRE_LETTER          = 1 << 1,
  DOJANG_PASSWORD_REQUIRE_DIGIT           = 1 << 2,
  DOJANG_PASSWORD_REQUIRE_SPECIAL         = 1 << 3,
  DOJANG_PASSWORD_REQUIRE_ALLOWED_SPECIAL = 1 << 4,
  DOJANG_PASSWORD_REQUIRE_KEYBOARD        = 1 << 5,
  DOJANG_PASSWORD_REQUIRE_NO_REPEAT       = 1 << 6,
  DOJANG_PASSWORD_REQUIRE_NO_SEQUENCE     = 1 << 7,
} DojangPasswordRequirement;

#define DOJANG_PASSWORD_REQUIRE_ALL ((DojangPasswordRequirement) ((1 << 8) - 1))

DojangPasswordRequirement  dojang_password_rule_unmet           (const char                 *password,
                                                                 gsize                       password_len);
gboolean                   dojang_password_rule_check           (const char                 *password,
                                                                 gsize                       password_len,
                                                                 char                     ***unmet);
const char                *dojang_password_requirement_describe (DojangPasswordRequirement   requirement);

G_END_DECLS
