/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dojang-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DojangApplication) app = NULL;
  const char *localedir;

  /* Uninstalled runs (meson devenv, tests) point at the build tree's catalogs. */
  localedir = g_getenv ("DOJANG_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = dojang_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
