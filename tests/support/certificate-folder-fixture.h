/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Test helper: a certificate folder with its signPri.key (from
 * key-fixtures) under a fresh folder in $HOME, and the certificate read
 * from it; for the g_test_add() fixtures of the certificate tools' tests.
 * The key fixtures are made once per test program, on first use, and
 * removed by certificate_folder_fixture_run(). */

#pragma once

#include "dojang-certificate.h"

G_BEGIN_DECLS

typedef struct
{
  char              *home;
  char              *folder;
  DojangCertificate *certificate;
} CertificateFolderFixture;

const char        *certificate_folder_fixture_keys      (void);
int                certificate_folder_fixture_run       (void);
void               certificate_folder_fixture_set_up    (CertificateFolderFixture *fixture,
                                                         const char               *prefix,
                                                         const char               *key_name,
                                                         gboolean                  with_km);
void               certificate_folder_fixture_tear_down (CertificateFolderFixture *fixture);
DojangCertificate *certificate_folder_fixture_load      (const char               *folder);

G_END_DECLS
