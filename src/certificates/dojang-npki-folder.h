/* SPDX-License-Identifier: GPL-3.0-or-later */

/* NPKI names (NPKI, USER, signCert.der, …) come in any letter case from
 * Windows and USB sticks; these find them the way the scanner does. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *dojang_npki_find_entry (const char *folder,
                              const char *name);
char *dojang_npki_find_file  (const char *folder,
                              const char *name);

G_END_DECLS
