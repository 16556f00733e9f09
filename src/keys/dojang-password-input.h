/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading a password from standard input for the command-line modes. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longer lines are refused rather than silently cut. */
#define DOJANG_PASSWORD_INPUT_MAX_LEN 1024

/**
 * DojangPassword:
 * @data: the password's bytes in secure memory, NUL-terminated
 * @len: their number, without the NUL
 */
typedef struct
{
  char  *data;
  gsize  len;
} DojangPassword;

gboolean        dojang_password_input_is_terminal (void);
DojangPassword *dojang_password_input_read        (const char      *prompt,
                                                   GError         **error);
void            dojang_password_free              (DojangPassword  *password);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DojangPassword, dojang_password_free)

G_END_DECLS
