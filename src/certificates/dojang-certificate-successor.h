/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate.h"

G_BEGIN_DECLS

DojangCertificate *dojang_certificate_find_successor (GListModel        *certificates,
                                                      DojangCertificate *certificate);

G_END_DECLS
