/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "dojang-certificate-error.h"
#include "dojang-private-key.h"

G_DEFINE_QUARK (dojang-certificate-error-quark, dojang_certificate_error)

/**
 * dojang_certificate_error_read_only:
 * @folder: where Dojang wanted to write
 *
 * Returns: %FALSE, with %DOJANG_CERTIFICATE_ERROR_READ_ONLY set
 */
gboolean
dojang_certificate_error_read_only (const char  *folder,
                                    GError     **error)
{
  g_autofree char *display = g_filename_display_name (folder);

  g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_READ_ONLY,
               _("“%s” is on a read-only medium, such as a write-protected USB stick. Nothing was changed."),
               display);
  return FALSE;
}

/**
 * dojang_certificate_error_propagate_io:
 * @io_error: a #G_IO_ERROR or #G_FILE_ERROR
 *
 * Sets @error to the certificate error the tools report for a failed file
 * operation, keeping the message: _READ_ONLY, _EXISTS or _WRITE.
 */
void
dojang_certificate_error_propagate_io (GError       **error,
                                       const GError  *io_error)
{
  int code = DOJANG_CERTIFICATE_ERROR_WRITE;

  g_return_if_fail (io_error != NULL);

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY)
      || g_error_matches (io_error, G_FILE_ERROR, G_FILE_ERROR_ROFS))
    code = DOJANG_CERTIFICATE_ERROR_READ_ONLY;
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_EXISTS)
           || g_error_matches (io_error, G_FILE_ERROR, G_FILE_ERROR_EXIST))
    code = DOJANG_CERTIFICATE_ERROR_EXISTS;

  g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, code, io_error->message);
}

/**
 * dojang_certificate_error_propagate_key:
 * @key_error: a #DOJANG_PRIVATE_KEY_ERROR
 *
 * Sets @error to the certificate error for a key that did not open, keeping
 * the message: _WRONG_PASSWORD, _NO_PRIVATE_KEY, _INVALID (the certificate
 * beside it) or _KEY_DAMAGED (damaged, unsupported, another certificate's).
 */
void
dojang_certificate_error_propagate_key (GError       **error,
                                        const GError  *key_error)
{
  int code = DOJANG_CERTIFICATE_ERROR_KEY_DAMAGED;

  g_return_if_fail (key_error != NULL);

  if (key_error->domain == DOJANG_PRIVATE_KEY_ERROR)
    {
      switch ((DojangPrivateKeyError) key_error->code)
        {
        case DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD:
          code = DOJANG_CERTIFICATE_ERROR_WRONG_PASSWORD;
          break;
        case DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND:
          code = DOJANG_CERTIFICATE_ERROR_NO_PRIVATE_KEY;
          break;
        case DOJANG_PRIVATE_KEY_ERROR_CERTIFICATE_DAMAGED:
          code = DOJANG_CERTIFICATE_ERROR_INVALID;
          break;
        case DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED:
        case DOJANG_PRIVATE_KEY_ERROR_DAMAGED:
        case DOJANG_PRIVATE_KEY_ERROR_KEY_MISMATCH:
        default:
          break;
        }
    }

  g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, code, key_error->message);
}
