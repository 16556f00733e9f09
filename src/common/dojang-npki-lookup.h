/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *dojang_npki_find_entry (const char *folder,
                              const char *name);
char *dojang_npki_find_file  (const char *folder,
                              const char *name);

G_END_DECLS
