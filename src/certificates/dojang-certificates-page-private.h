/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dojang-certificates-page.h"

G_BEGIN_DECLS

void _dojang_certificates_page_choose_file   (DojangCertificatesPage *self);
void _dojang_certificates_page_choose_folder (DojangCertificatesPage *self);
void _dojang_certificates_page_accept_drops  (DojangCertificatesPage *self);

G_END_DECLS
