/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

/* Plain C and libc only: the `dojang` launcher links nothing else. */

/* The two programs `dojang` hands over to, in <libexecdir>/dojang. */
#define DOJANG_CLI_PROGRAM    "dojang-cli"
#define DOJANG_WINDOW_PROGRAM "dojang-window"

int         dojang_launch_is_command_line_option (const char *arg);
const char *dojang_launch_choose_program         (int         argc,
                                                  char       *argv[]);
void        dojang_launch_name_process           (void);
int         dojang_launch_exec                   (const char *program,
                                                  char       *argv[]);
