/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Set-up shared by the core unit tests: translations of the build tree,
 * and instants written as ISO 8601 text. */

#pragma once

#include "config.h"

#include <glib.h>
#include <libintl.h>
#include <locale.h>

#include "dojang-seoul.h"


static inline void
dojang_test_init (int    *argc,
                  char ***argv)
{
  const char *localedir = g_getenv ("DOJANG_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);

  g_test_init (argc, argv, NULL);
}

/* Switches the translation at run time (gettext re-reads LANGUAGE). */
static inline void
dojang_test_set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
}

/* An instant given in ISO 8601, handed over in the machine's local zone so
 * that the code under test has to convert it to Seoul time itself. */
static inline GDateTime *
dojang_test_instant (const char *iso8601)
{
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (parsed);
  return g_date_time_to_local (parsed);
}

#define dojang_assert_instant(instant, expected) \
  G_STMT_START { \
    GDateTime *_instant = (instant); \
    g_autofree char *_text = NULL; \
    g_assert_nonnull (_instant); \
    _text = dojang_seoul_format_iso8601 (_instant); \
    g_assert_cmpstr (_text, ==, (expected)); \
  } G_STMT_END
