/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GDateTime *dojang_certificate_next_change (GListModel *certificates,
                                           GDateTime  *now);

G_END_DECLS
