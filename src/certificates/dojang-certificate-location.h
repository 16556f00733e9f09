/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dojang-certificate.h"

G_BEGIN_DECLS

/**
 * DojangCertificateLocation:
 * @DOJANG_CERTIFICATE_LOCATION_HOME: the NPKI folder of the home folder
 * @DOJANG_CERTIFICATE_LOCATION_REMOVABLE: the NPKI folder of a USB stick or
 *   another mounted drive
 * @DOJANG_CERTIFICATE_LOCATION_ADDED_FOLDER: a folder the user added
 * @DOJANG_CERTIFICATE_LOCATION_OPENED: a file or folder opened in this session
 * @DOJANG_CERTIFICATE_LOCATION_OTHER: any other folder (one given on the
 *   command line, for example)
 */
typedef enum
{
  DOJANG_CERTIFICATE_LOCATION_HOME,
  DOJANG_CERTIFICATE_LOCATION_REMOVABLE,
  DOJANG_CERTIFICATE_LOCATION_ADDED_FOLDER,
  DOJANG_CERTIFICATE_LOCATION_OPENED,
  DOJANG_CERTIFICATE_LOCATION_OTHER,
} DojangCertificateLocation;

/* What a list knows about its roots, for telling where a certificate lives. */
typedef struct
{
  const char * const *media_folders;
  const char * const *added_folders;
  const char * const *opened_paths;
  gboolean            fixed;
} DojangLocationContext;

DojangCertificateLocation dojang_certificate_location_classify (const DojangLocationContext  *context,
                                                                const char                   *root,
                                                                char                        **drive_name);
char                     *dojang_certificate_location_describe (const DojangLocationContext  *context,
                                                                DojangCertificate            *certificate);

G_END_DECLS
