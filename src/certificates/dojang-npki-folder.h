/* SPDX-License-Identifier: GPL-3.0-or-later */

/* NPKI folders: naming a certificate's folders, and writing one certificate
 * folder so that it appears whole or not at all. Names are found in any
 * letter case with dojang-npki-lookup.h. */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate.h"
#include "dojang-npki-lookup.h"

G_BEGIN_DECLS

/**
 * DojangNpkiFile:
 * @name: the file name in the certificate folder, e.g. "signPri.key"
 * @contents: its bytes
 * @mode: its permissions
 */
typedef struct
{
  const char *name;
  GBytes     *contents;
  int         mode;
} DojangNpkiFile;

char     *dojang_npki_subject_folder_name (GBytes                *cert_der);
char     *dojang_npki_ca_folder_name      (DojangCertificate     *certificate);
void      dojang_npki_folder_names        (DojangCertificate     *certificate,
                                           GBytes                *cert_der,
                                           char                 **ca_folder,
                                           char                 **subject_folder);

gboolean  dojang_npki_check_writable      (const char            *folder,
                                           GError               **error);
char     *dojang_npki_user_folder         (const char            *root,
                                           const char            *ca_folder,
                                           GError               **error);
gboolean  dojang_npki_write_folder        (const char            *user_folder,
                                           const char            *subject_folder,
                                           const DojangNpkiFile  *files,
                                           gsize                  n_files,
                                           gboolean               same_certificate_is_there,
                                           char                 **folder,
                                           gboolean              *already_there,
                                           GError               **error);

G_END_DECLS
