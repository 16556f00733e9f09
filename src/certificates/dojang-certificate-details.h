/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-certificate.h"
#include "dojang-reminder-store.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_CERTIFICATE_DETAILS (dojang_certificate_details_get_type ())

G_DECLARE_FINAL_TYPE (DojangCertificateDetails, dojang_certificate_details, DOJANG, CERTIFICATE_DETAILS, AdwBin)

GtkWidget         *dojang_certificate_details_new             (void);
DojangCertificate *dojang_certificate_details_get_certificate (DojangCertificateDetails *self);
void               dojang_certificate_details_set_certificate (DojangCertificateDetails *self,
                                                               DojangCertificate        *certificate,
                                                               GDateTime                *now);
void               dojang_certificate_details_set_certificates (DojangCertificateDetails *self,
                                                                GListModel               *certificates);
void               dojang_certificate_details_set_reminder_store (DojangCertificateDetails *self,
                                                                  DojangReminderStore      *store);
char              *dojang_certificate_details_to_text         (DojangCertificateDetails *self);

G_END_DECLS
