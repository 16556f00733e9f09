/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-certificate.h"
#include "dojang-certificate-list.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_CERTIFICATE_COPY_DIALOG (dojang_certificate_copy_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DojangCertificateCopyDialog, dojang_certificate_copy_dialog, DOJANG, CERTIFICATE_COPY_DIALOG, AdwWindow)

DojangCertificateCopyDialog *dojang_certificate_copy_dialog_new (GtkWindow             *parent,
                                                                 DojangCertificate     *certificate,
                                                                 DojangCertificateList *certificates);

G_END_DECLS
