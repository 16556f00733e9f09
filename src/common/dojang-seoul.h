/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Business hours and holidays are Korean: every computation on them is done
 * in Asia/Seoul, whatever the machine's time zone. */
GTimeZone *dojang_seoul_get_time_zone     (void);
GDateTime *dojang_seoul_day_start         (GDateTime  *instant);
GDateTime *dojang_seoul_at_minutes        (GDateTime  *day_start,
                                           int         minutes);
int        dojang_seoul_minutes_into_day  (GDateTime  *instant,
                                           GDateTime  *day_start);
int        dojang_seoul_date_key          (GDateTime  *instant);
GDateTime *dojang_seoul_parse_iso8601     (const char *text);
char      *dojang_seoul_format_iso8601    (GDateTime  *instant);

G_END_DECLS
