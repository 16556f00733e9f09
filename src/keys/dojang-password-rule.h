/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The rule a new certificate password must follow, checked as it is typed. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DojangPasswordRule:
 * @DOJANG_PASSWORD_RULE_LENGTH: at least %DOJANG_PASSWORD_MIN_LENGTH characters
 * @DOJANG_PASSWORD_RULE_LETTER: at least one letter
 * @DOJANG_PASSWORD_RULE_DIGIT: at least one digit
 * @DOJANG_PASSWORD_RULE_SPECIAL: at least one special character
 * @DOJANG_PASSWORD_RULE_ALLOWED: none of ' " \ |
 * @DOJANG_PASSWORD_RULE_NO_RUN: no three identical or consecutive
 *   characters in a row ("aaa", "123", "cba")
 *
 * The rule KICA states for new certificate passwords (signgate.com FAQ);
 * CrossCert asks for the same kind of password when it makes one change it.
 */
typedef enum
{
  DOJANG_PASSWORD_RULE_LENGTH  = 1 << 0,
  DOJANG_PASSWORD_RULE_LETTER  = 1 << 1,
  DOJANG_PASSWORD_RULE_DIGIT   = 1 << 2,
  DOJANG_PASSWORD_RULE_SPECIAL = 1 << 3,
  DOJANG_PASSWORD_RULE_ALLOWED = 1 << 4,
  DOJANG_PASSWORD_RULE_NO_RUN  = 1 << 5,
} DojangPasswordRule;

#define DOJANG_PASSWORD_RULES_ALL 0x3f
#define DOJANG_PASSWORD_MIN_LENGTH 10

DojangPasswordRule  dojang_password_rule_check    (const char         *password,
                                                   gsize               length);
gboolean            dojang_password_rule_accepts  (const char         *password,
                                                   gsize               length);
const char         *dojang_password_rule_describe (DojangPasswordRule  rule);

G_END_DECLS
