/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOJANG_TYPE_CERTIFICATES_PAGE (dojang_certificates_page_get_type ())

G_DECLARE_FINAL_TYPE (DojangCertificatesPage, dojang_certificates_page, DOJANG, CERTIFICATES_PAGE, AdwBin)

G_END_DECLS
