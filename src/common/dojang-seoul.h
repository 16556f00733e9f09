/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Business hours, holidays and certificate expiry are Korean: every
 * calendar computation is done in Asia/Seoul, whatever the machine's time
 * zone, and every date shown is a Seoul calendar date. */
GTimeZone *dojang_seoul_get_time_zone       (void);

GDateTime *dojang_seoul_day_start           (GDateTime    *instant);
GDateTime *dojang_seoul_at_minutes          (GDateTime    *day_start,
                                             int           minutes);
int        dojang_seoul_minutes_into_day    (GDateTime    *instant,
                                             GDateTime    *day_start);
int        dojang_seoul_date_key            (GDateTime    *instant);

void       dojang_seoul_get_date            (GDateTime    *instant,
                                             GDate        *date);
GDateTime *dojang_seoul_new_date_time       (const GDate  *date,
                                             int           hour,
                                             int           minute,
                                             int           seconds);
int        dojang_seoul_days_between        (GDateTime    *from,
                                             GDateTime    *to);

void       dojang_seoul_get_expiry_date     (GDateTime    *not_after,
                                             GDate        *date);
int        dojang_seoul_days_left           (GDateTime    *now,
                                             GDateTime    *not_after);

gboolean   dojang_seoul_parse_date          (const char   *text,
                                             GDate        *date);
GDateTime *dojang_seoul_parse_instant       (const char   *text,
                                             GError      **error);

char      *dojang_seoul_format_date         (GDateTime    *instant);
char      *dojang_seoul_format_day          (const GDate  *date);
char      *dojang_seoul_format_expiry_date  (GDateTime    *not_after);
char      *dojang_seoul_format_iso8601      (GDateTime    *instant);

G_END_DECLS
