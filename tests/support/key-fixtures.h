/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Test helper: generates signPri.key fixtures with tests/fixtures/make-keys.py. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The passwords make-keys.py encrypts with. */
#define KEY_FIXTURE_PASSWORD "Dojang-Test1!"
#define KEY_FIXTURE_PASSWORD_KOREAN "도장비밀번호2026!"

/* The subject of make-keys.py's certificate, as NPKI names its folder. */
#define KEY_FIXTURE_SUBJECT_FOLDER "cn=홍길동()0011048202001011234567,o=yessign,c=KR"

char *key_fixtures_create  (void);
char *key_fixtures_install (const char *fixtures,
                            const char *name,
                            const char *root,
                            gboolean    with_km);
void  key_fixtures_remove  (const char *dir);
int   key_fixtures_run     (const char * const  *argv,
                            const char          *password,
                            char               **output);

G_END_DECLS
