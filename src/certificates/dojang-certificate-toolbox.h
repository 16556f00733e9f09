/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-certificate.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_CERTIFICATE_TOOLBOX (dojang_certificate_toolbox_get_type ())

G_DECLARE_FINAL_TYPE (DojangCertificateToolbox, dojang_certificate_toolbox, DOJANG, CERTIFICATE_TOOLBOX, AdwBin)

void dojang_certificate_toolbox_set_certificate (DojangCertificateToolbox *self,
                                                 DojangCertificate        *certificate);

G_END_DECLS
