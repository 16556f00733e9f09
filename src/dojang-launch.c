/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Which of the two programs runs a `dojang` command line, and handing over
 * to it. Used by the launcher, which must stay free of GLib so that the
 * command line never pays for linking GTK, and by the command-line program,
 * which hands what it does not handle to the window program. */

#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "dojang-launch.h"

/* The options that select a command-line mode (dojang-command-line.c) and
 * GOption's help options. Any one of them makes it a command-line run; the
 * others (--renew, --gapplication-service, none at all) open the window. */
static const char * const command_line_options[] = {
  "help", "help-all", "help-gapplication",
  "version",
  "check-password", "change-password",
  "list-providers", "list-certificates",
  "check-reminders", "import-reminders", "export-reminders",
  "renewal-plan",
  "copy-certificate", "delete-certificate",
  "export-pfx", "import-pfx",
};

/**
 * dojang_launch_is_command_line_option:
 * @arg: one word of the command line, such as "--list-certificates" or
 *   "--import-reminders=FILE"
 *
 * Returns: whether @arg asks for a command-line mode or for help
 */
int
dojang_launch_is_command_line_option (const char *arg)
{
  size_t length;

  if (strcmp (arg, "-h") == 0 || strcmp (arg, "-?") == 0)
    return 1;
  if (strncmp (arg, "--", 2) != 0)
    return 0;

  arg += 2;
  length = strcspn (arg, "=");
  for (size_t i = 0; i < sizeof command_line_options / sizeof command_line_options[0]; i++)
    {
      if (strlen (command_line_options[i]) == length && strncmp (arg, command_line_options[i], length) == 0)
        return 1;
    }

  return 0;
}

/**
 * dojang_launch_choose_program:
 *
 * Returns: DOJANG_CLI_PROGRAM when @argv holds a command-line mode,
 *   DOJANG_WINDOW_PROGRAM otherwise. Either program runs every command
 *   line correctly; this only spares the command line GTK's start-up.
 */
const char *
dojang_launch_choose_program (int   argc,
                              char *argv[])
{
  for (int i = 1; i < argc; i++)
    {
      /* GOption takes what follows "--" as file names. */
      if (strcmp (argv[i], "--") == 0)
        break;
      if (dojang_launch_is_command_line_option (argv[i]))
        return DOJANG_CLI_PROGRAM;
    }

  return DOJANG_WINDOW_PROGRAM;
}

/**
 * dojang_launch_name_process:
 *
 * Gives the process the launcher's name again: exec named it after the
 * program's file, but `ps`, `top` and `killall dojang` should see the
 * app the user started.
 */
void
dojang_launch_name_process (void)
{
#ifdef __linux__
  prctl (PR_SET_NAME, "dojang", 0, 0, 0);
#endif
}

/**
 * dojang_launch_exec:
 * @program: DOJANG_CLI_PROGRAM or DOJANG_WINDOW_PROGRAM
 * @argv: the command line, passed on; its first word becomes "dojang" so
 *   that messages and the program name stay the app's
 *
 * Replaces this process (same PID) with @program: the one beside this
 * executable in a build tree, the installed one otherwise.
 *
 * Returns: 127, after saying why on standard error, when it could not
 */
int
dojang_launch_exec (const char *program,
                    char       *argv[])
{
  char self[PATH_MAX];
  char path[PATH_MAX];
  ssize_t length;
  char *slash;
  int found = 0;

  length = readlink ("/proc/self/exe", self, sizeof self - 1);
  if (length > 0)
    {
      self[length] = '\0';
      slash = strrchr (self, '/');
      if (slash != NULL)
        {
          *slash = '\0';
          found = snprintf (path, sizeof path, "%s/%s", self, program) < (int) sizeof path
                  && access (path, X_OK) == 0;
        }
    }
  if (!found)
    snprintf (path, sizeof path, "%s/%s", PKGLIBEXECDIR, program);

  argv[0] = (char *) "dojang";
  execv (path, argv);

  fprintf (stderr, "dojang: cannot run %s: %s\n", path, strerror (errno));
  return 127;
}
