/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate.h"
#include "dojang-scan-problem.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_CERTIFICATE_LIST (dojang_certificate_list_get_type ())

G_DECLARE_FINAL_TYPE (DojangCertificateList, dojang_certificate_list, DOJANG, CERTIFICATE_LIST, GObject)

DojangCertificateList *dojang_certificate_list_new               (void);
DojangCertificateList *dojang_certificate_list_new_for_settings  (GSettings             *settings);
DojangCertificateList *dojang_certificate_list_new_for_roots     (const char * const    *roots);
void                   dojang_certificate_list_set_extra_folders (DojangCertificateList *self,
                                                                  const char * const    *folders);
const char * const    *dojang_certificate_list_get_extra_folders (DojangCertificateList *self);
void                   dojang_certificate_list_add_path          (DojangCertificateList *self,
                                                                  const char            *path);
const char * const    *dojang_certificate_list_get_roots         (DojangCertificateList *self);
GListModel            *dojang_certificate_list_get_problems      (DojangCertificateList *self);
gboolean               dojang_certificate_list_get_loading       (DojangCertificateList *self);
gboolean               dojang_certificate_list_get_loaded        (DojangCertificateList *self);
void                   dojang_certificate_list_reload            (DojangCertificateList *self);
DojangCertificate     *dojang_certificate_list_find_by_sha256    (DojangCertificateList *self,
                                                                  const char            *sha256);
DojangCertificate     *dojang_certificate_list_find_by_path      (DojangCertificateList *self,
                                                                  const char            *path);

G_END_DECLS
