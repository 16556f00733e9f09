/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dojang-certificate.h"

G_BEGIN_DECLS

char       *dojang_format_days_left          (int                      days_left);
char       *dojang_format_days_until_valid   (int                      days);
char       *dojang_format_days_left_long     (int                      days_left);
const char *dojang_certificate_status_label  (DojangCertificateStatus  status);
const char *dojang_certificate_status_css    (DojangCertificateStatus  status);
char       *dojang_format_fee                (int                      annual_fee_krw);

G_END_DECLS
