/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *dojang_system_info_parse_os_release      (const char *contents,
                                                const char *key);
char *dojang_system_info_describe_os           (const char *os_release_contents);
char *dojang_system_info_get_os_text           (void);
char *dojang_system_info_get_os_text_with_host (const char *host_os_release);
char *dojang_system_info_get_device_text       (void);

G_END_DECLS
