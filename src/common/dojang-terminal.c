/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the commands print may quote file names and file contents: it
 * reaches the terminal as valid UTF-8, with control characters (a folder
 * named with an escape sequence) shown as \xNN instead of obeyed. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dojang-terminal.h"

static void
write_safely (FILE       *stream,
              const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(GString) out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0))
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_unichar (out, c);
    }

  fputs (out->str, stream);
  fflush (stream);
}

static void
print_safely (const char *text)
{
  write_safely (stdout, text);
}

static void
printerr_safely (const char *text)
{
  write_safely (stderr, text);
}

/**
 * dojang_terminal_print_safely:
 *
 * From now on g_print() and g_printerr() write only valid UTF-8 and show
 * control characters escaped.
 */
void
dojang_terminal_print_safely (void)
{
  g_set_print_handler (print_safely);
  g_set_printerr_handler (printerr_safely);
}
