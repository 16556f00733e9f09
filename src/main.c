/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window program, <libexecdir>/dojang/dojang-window: what `dojang`
 * starts when it is not given a command-line mode (dojang-launcher.c). */

#include "config.h"

#include "dojang-application.h"
#include "dojang-i18n.h"
#include "dojang-launch.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DojangApplication) app = NULL;

  dojang_launch_name_process ();
  dojang_i18n_init ();

  app = dojang_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
