/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int dojang_cli_renewal_plan (GVariantDict *options);

G_END_DECLS
