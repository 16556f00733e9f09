/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int  dojang_cli_reminders_check  (GVariantDict *options);
int  dojang_cli_reminders_import (GVariantDict *options);
int  dojang_cli_reminders_export (GVariantDict *options);
void dojang_cli_reminders_retire (const char   *sha256);

G_END_DECLS
