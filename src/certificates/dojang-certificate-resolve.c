/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the command line calls CERT: a signCert.der file (or the signPri.key
 * beside it), the certificate's folder, or its SHA-256 fingerprint as
 * --list-certificates prints it. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dojang-certificate-resolve.h"
#include "dojang-certificate-scanner.h"
#include "dojang-npki-folder.h"

#define SHA256_HEX_LEN 64

/**
 * dojang_certificate_looks_like_sha256:
 *
 * Returns: %TRUE if @text is 64 hexadecimal digits (either case)
 */
gboolean
dojang_certificate_looks_like_sha256 (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != SHA256_HEX_LEN)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isxdigit (*p))
        return FALSE;
    }

  return TRUE;
}

static DojangCertificate *
resolve_path (const char  *path,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *folder = NULL;
  g_autofree char *cert_path = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      cert_path = dojang_npki_find_file (path, "signCert.der");
      if (cert_path == NULL)
        {
          g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND,
                       _("There is no signCert.der in the folder “%s”."), display);
          return NULL;
        }
      return dojang_certificate_new_from_file (cert_path, error);
    }

  /* Given the key, the certificate is the one beside it. */
  if (g_ascii_strcasecmp (base, "signPri.key") == 0)
    {
      folder = g_path_get_dirname (path);
      cert_path = dojang_npki_find_file (folder, "signCert.der");
      if (cert_path == NULL)
        {
          g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND,
                       _("There is no signCert.der beside “%s”."), display);
          return NULL;
        }
      return dojang_certificate_new_from_file (cert_path, error);
    }

  return dojang_certificate_new_from_file (path, error);
}

static DojangCertificate *
resolve_sha256 (const char          *sha256,
                const char * const  *roots,
                GError             **error)
{
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autoptr(GString) places = NULL;

  if (!dojang_certificate_scan_sync (roots, NULL, &certificates, NULL, error))
    return NULL;

  for (guint i = 0; i < certificates->len; i++)
    {
      DojangCertificate *certificate = g_ptr_array_index (certificates, i);

      if (g_ascii_strcasecmp (dojang_certificate_get_sha256 (certificate), sha256) == 0)
        g_ptr_array_add (matches, certificate);
    }

  if (matches->len == 1)
    return g_object_ref (g_ptr_array_index (matches, 0));

  if (matches->len == 0)
    {
      g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND,
                   _("No certificate with the fingerprint %s was found."), sha256);
      return NULL;
    }

  /* Copies on a USB stick are common; acting on the wrong one is not an
   * option for deleting or changing a password, so the user chooses. */
  places = g_string_new (NULL);
  for (guint i = 0; i < matches->len; i++)
    {
      g_autofree char *display =
        g_filename_display_name (dojang_certificate_get_folder (g_ptr_array_index (matches, i)));

      g_string_append_printf (places, "\n  %s", display);
    }
  g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_AMBIGUOUS,
               /* TRANSLATORS: %s is a list of folders, one per line */
               _("The certificate is in several folders; give the folder of the one you mean:%s"),
               places->str);
  return NULL;
}

/**
 * dojang_certificate_resolve:
 * @argument: a signCert.der (or signPri.key) path, a certificate folder, or
 *   a SHA-256 fingerprint in hexadecimal
 * @roots: (nullable): where to look for a fingerprint; %NULL for the places
 *   Dojang scans (dojang_certificate_scanner_configured_roots())
 * @error: a #DOJANG_CERTIFICATE_ERROR: _NOT_FOUND, _AMBIGUOUS when a
 *   fingerprint is found in several folders, or why the file is not a
 *   certificate
 *
 * An existing path always wins over a fingerprint. Scanning for a
 * fingerprint reads every root, so call this from a worker thread in the UI.
 *
 * Returns: (transfer full) (nullable): the certificate, with the paths of
 *   its key and companions
 */
DojangCertificate *
dojang_certificate_resolve (const char          *argument,
                            const char * const  *roots,
                            GError             **error)
{
  g_autofree char *display = NULL;
  g_auto(GStrv) default_roots = NULL;

  g_return_val_if_fail (argument != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (argument, G_FILE_TEST_EXISTS))
    return resolve_path (argument, error);

  if (dojang_certificate_looks_like_sha256 (argument))
    {
      if (roots == NULL)
        {
          default_roots = dojang_certificate_scanner_configured_roots ();
          roots = (const char * const *) default_roots;
        }
      return resolve_sha256 (argument, roots, error);
    }

  display = g_filename_display_name (argument);
  g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND,
               _("There is no file or folder “%s”, and it is not a SHA-256 fingerprint either."),
               display);
  return NULL;
}
