/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The instant the standard fixture tree is built around. */
#define DOJANG_TEST_AT "2026-03-01T12:00:00+09:00"

char       *dojang_test_make_npki_tree  (const char *at,
                                         int         bulk);
char       *dojang_test_make_renewal_tree (const char *at);
JsonObject *dojang_test_load_expected   (const char *tree);
JsonObject *dojang_test_find_expected   (JsonObject *expected,
                                         const char *member,
                                         const char *key,
                                         const char *value);
void        dojang_test_remove_tree     (const char *path);
GDateTime  *dojang_test_parse_instant   (const char *iso8601);
gboolean    dojang_test_can_drop_root   (void);
gboolean    dojang_test_drop_root       (void);
gint64      dojang_test_query_count     (const char *db_path,
                                         const char *sql,
                                         const char *text);
gboolean    dojang_test_wait_until      (gboolean  (*done) (gpointer),
                                         gpointer    data);

G_END_DECLS
