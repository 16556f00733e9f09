/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading a file a user names, and a first look at JSON text before a
 * parser sees it: only regular files, never more than a set size (a FIFO
 * would block the reader, /dev/zero would fill the memory), and no JSON
 * nested deep enough to overflow the parser's stack. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dojang-data-error.h"
#include "dojang-input-file.h"

/**
 * dojang_input_file_read:
 * @path: a file name in the file system's encoding
 * @max_size: the largest size accepted, in bytes
 * @error: %G_FILE_ERROR with a message naming the file (in a form that is
 *   valid UTF-8 whatever the name's bytes)
 *
 * Reads a regular file whole. The file is opened without blocking, so a
 * FIFO or a device is refused at once instead of waited for.
 *
 * Returns: (transfer full) (nullable): the contents
 */
GBytes *
dojang_input_file_read (const char  *path,
                        gsize        max_size,
                        GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *size_text = NULL;
  g_autofree char *contents = NULL;
  struct stat st;
  gsize length = 0;
  int saved_errno;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* TRANSLATORS: a file name, then the system's reason */
                   _("Cannot open %s: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s is not a regular file"), display);
      return NULL;
    }

  size_text = g_format_size (max_size);
  if ((guint64) st.st_size > max_size)
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   /* TRANSLATORS: a file name, then a size such as "8.4 MB" */
                   _("%s is too large (more than %s)"), display, size_text);
      return NULL;
    }

  /* One byte more than allowed tells a file that grew since fstat(). */
  contents = g_malloc ((gsize) st.st_size + 2);
  while (length <= (gsize) st.st_size)
    {
      gssize n = read (fd, contents + length, (gsize) st.st_size + 1 - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Cannot read %s: %s"), display, g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize) n;
    }
  close (fd);

  if (length > (gsize) st.st_size)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("%s changed while it was being read"), display);
      return NULL;
    }

  contents[length] = '\0';
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

/**
 * dojang_json_check_text:
 * @data: JSON text
 * @length: its length
 * @max_depth: how deep arrays and objects may nest
 * @error: %DOJANG_DATA_ERROR_PARSE with the line of the problem
 *
 * A byte scan that json-glib cannot be trusted with: nesting deeper than
 * @max_depth (json-glib would recurse until the stack overflows) and the
 * escape \u0000 (json-glib silently cuts the text there). Brackets inside
 * strings do not count. Anything else is left to the parser.
 *
 * Returns: %TRUE if the text may be given to the parser
 */
gboolean
dojang_json_check_text (const char  *data,
                        gsize        length,
                        guint        max_depth,
                        GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '"')
            in_string = FALSE;
          else if (c == '\\' && i + 1 < length)
            {
              if (data[i + 1] == 'u' && i + 5 < length && memcmp (data + i + 2, "0000", 4) == 0)
                {
                  g_set_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_PARSE,
                               _("line %u: a text holds the character U+0000, which is not allowed"),
                               line_at (data, i));
                  return FALSE;
                }
              i++;
            }
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            {
              g_set_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_PARSE,
                           _("line %u: nested deeper than %u levels"),
                           line_at (data, i), max_depth);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}
