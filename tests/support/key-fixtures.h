/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Test helper: generates signPri.key fixtures with tests/fixtures/make-keys.py. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The passwords make-keys.py encrypts with. */
#define KEY_FIXTURE_PASSWORD "Dojang-Test1!"
#define KEY_FIXTURE_PASSWORD_KOREAN "도장비밀번호2026!"

char *key_fixtures_create (void);
void  key_fixtures_remove (const char *dir);
int   key_fixtures_run    (const char * const  *argv,
                           const char          *password,
                           char               **output);

G_END_DECLS
