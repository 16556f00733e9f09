/* SPDX-License-Identifier: GPL-3.0-or-later */

/* `dojang`, the name the desktop file, the D-Bus service, the autostart
 * entry and users run. It links only libc and hands the command line to the
 * GTK-free command-line program or to the window program: a reminder check
 * at login then never loads and links the libraries GTK and libadwaita pull
 * in, most of a quiet day's check. */

#include <stdio.h>

#include "dojang-launch.h"

int
main (int   argc,
      char *argv[])
{
  /* An empty argv has no first word to put "dojang" in. */
  if (argc < 1)
    {
      fputs ("dojang: started without a program name\n", stderr);
      return 127;
    }

  return dojang_launch_exec (dojang_launch_choose_program (argc, argv), argv);
}
