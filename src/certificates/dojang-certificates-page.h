/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-certificate-list.h"
#include "dojang-reminder-store.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_CERTIFICATES_PAGE (dojang_certificates_page_get_type ())

G_DECLARE_FINAL_TYPE (DojangCertificatesPage, dojang_certificates_page, DOJANG, CERTIFICATES_PAGE, AdwBin)

void                   dojang_certificates_page_set_list                 (DojangCertificatesPage *self,
                                                                          DojangCertificateList  *list);
DojangCertificateList *dojang_certificates_page_get_list                 (DojangCertificatesPage *self);
DojangCertificate     *dojang_certificates_page_get_selected_certificate (DojangCertificatesPage *self);
void                   dojang_certificates_page_set_reminder_store       (DojangCertificatesPage *self,
                                                                          DojangReminderStore    *store);
void                   dojang_certificates_page_show_certificate         (DojangCertificatesPage *self,
                                                                          const char             *sha256);
void                   dojang_certificates_page_open_file                (DojangCertificatesPage *self,
                                                                          GFile                  *file);

G_END_DECLS
