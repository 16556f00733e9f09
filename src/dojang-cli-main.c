/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The command-line program, <libexecdir>/dojang/dojang-cli: what `dojang`
 * starts for a command-line mode (dojang-launcher.c). It links libdojang-core
 * only, never GTK. A command line without a mode goes on to the window
 * program, so a command the launcher sent here by mistake still works. */

#include "config.h"

#include "dojang-command-line.h"
#include "dojang-i18n.h"
#include "dojang-launch.h"

static char **original_argv;

static int
on_handle_local_options (GApplication *app,
                         GVariantDict *options,
                         gpointer      user_data)
{
  int status = dojang_command_line_run (options);

  if (status >= 0)
    return status;

  return dojang_launch_exec (DOJANG_WINDOW_PROGRAM, original_argv);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  dojang_launch_name_process ();
  dojang_i18n_init ();

  /* GApplication, as in the window program: the same option parsing and
   * the same --help, without registering on the bus. */
  app = g_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  dojang_command_line_add_options (app);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (on_handle_local_options), NULL);

  /* g_application_run() parses a copy; the window program gets the words
   * as they came. */
  original_argv = argv;

  return g_application_run (app, argc, argv);
}
