/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-certificate.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_CERTIFICATE_ROW (dojang_certificate_row_get_type ())

G_DECLARE_FINAL_TYPE (DojangCertificateRow, dojang_certificate_row, DOJANG, CERTIFICATE_ROW, AdwActionRow)

GtkWidget         *dojang_certificate_row_new             (DojangCertificate    *certificate,
                                                           GDateTime            *now);
void               dojang_certificate_row_set_successor   (DojangCertificateRow *self,
                                                           DojangCertificate    *successor);
DojangCertificate *dojang_certificate_row_get_certificate (DojangCertificateRow *self);

G_END_DECLS
