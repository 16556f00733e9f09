/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "dojang-i18n.h"

/**
 * dojang_i18n_init:
 *
 * The locale and the translations, first thing in each program's main().
 */
void
dojang_i18n_init (void)
{
  const char *localedir;

  /* Uninstalled runs (meson devenv, tests) point at the build tree's catalogs. */
  localedir = g_getenv ("DOJANG_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * dojang_i18n_is_korean:
 *
 * The data files carry Korean and English texts; this tells which one to
 * show. It follows the translation gettext actually picked (ko.po
 * translates the marker below to "ko"), so it agrees with every other
 * string on screen whatever LANGUAGE/LC_MESSAGES say.
 */
gboolean
dojang_i18n_is_korean (void)
{
  return g_str_equal (C_("translation language code", "en"), "ko");
}

/**
 * dojang_i18n_pick:
 * @ko: the Korean text
 * @en: the English text
 *
 * Returns: (transfer none) (nullable): the text for the active
 * translation, falling back to the other language when one is missing.
 */
const char *
dojang_i18n_pick (const char *ko,
                  const char *en)
{
  if (dojang_i18n_is_korean ())
    return ko != NULL ? ko : en;

  return en != NULL ? en : ko;
}
