/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int dojang_cli_providers_run (GVariantDict *options);

G_END_DECLS
