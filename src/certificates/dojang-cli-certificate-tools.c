/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The certificate tools on the command line, for scripts and tests:
 *   --copy-certificate CERT --to ROOT
 *   --export-pfx CERT FILE          (the password on standard input)
 *   --import-pfx FILE [--to ROOT]   (the password on standard input)
 *   --change-password CERT          (old, then new password, a line each)
 *   --delete-certificate CERT       (to the trash)
 * CERT is a signCert.der, its folder or its SHA-256 (looked for where
 * --list-certificates looks, or under --path). No display is needed. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dojang-certificate-copy.h"
#include "dojang-certificate-password.h"
#include "dojang-certificate-pfx.h"
#include "dojang-certificate-resolve.h"
#include "dojang-certificate-scanner.h"
#include "dojang-certificate-trash.h"
#include "dojang-cli-certificate-tools.h"
#include "dojang-password-input.h"

static int
status_for_error (const GError *error)
{
  if (error->domain != DOJANG_CERTIFICATE_ERROR)
    return DOJANG_CLI_TOOL_FAILED;

  switch ((DojangCertificateError) error->code)
    {
    case DOJANG_CERTIFICATE_ERROR_WRONG_PASSWORD:
      return DOJANG_CLI_TOOL_WRONG_PASSWORD;
    case DOJANG_CERTIFICATE_ERROR_KEY_DAMAGED:
      return DOJANG_CLI_TOOL_DAMAGED;
    case DOJANG_CERTIFICATE_ERROR_EXISTS:
      return DOJANG_CLI_TOOL_EXISTS;
    case DOJANG_CERTIFICATE_ERROR_PASSWORD_REJECTED:
      return DOJANG_CLI_TOOL_REJECTED;
    case DOJANG_CERTIFICATE_ERROR_READ_ONLY:
      return DOJANG_CLI_TOOL_READ_ONLY;
    default:
      return DOJANG_CLI_TOOL_FAILED;
    }
}

static int
fail (const GError *error)
{
  g_printerr ("%s\n", error->message);
  return status_for_error (error);
}

/* The roots a fingerprint is looked for in: --path, else the usual places. */
static char **
lookup_roots (GVariantDict *options)
{
  g_autofree const char **paths = NULL;

  if (g_variant_dict_lookup (options, "path", "^a&ay", &paths) && paths[0] != NULL)
    return g_strdupv ((char **) paths);

  return dojang_certificate_scanner_configured_roots ();
}

static DojangCertificate *
resolve (GVariantDict  *options,
         const char    *option,
         GError       **error)
{
  g_auto(GStrv) roots = NULL;
  const char *argument = NULL;

  if (!g_variant_dict_lookup (options, option, "^&ay", &argument))
    return NULL;

  /* Only a fingerprint needs the scan. */
  if (!g_file_test (argument, G_FILE_TEST_EXISTS) && dojang_certificate_looks_like_sha256 (argument))
    roots = lookup_roots (options);

  return dojang_certificate_resolve (argument, (const char * const *) roots, error);
}

static const char *
option_path (GVariantDict *options,
             const char   *option)
{
  const char *value = NULL;

  g_variant_dict_lookup (options, option, "^&ay", &value);

  return value;
}

/* "Copied to …", "Imported into …" or "Already there: …". */
static void
print_done (gboolean    imported,
            const char *folder,
            gboolean    already_there)
{
  g_autofree char *display = g_filename_display_name (folder);

  if (already_there)
    /* TRANSLATORS: %s is a certificate's folder; nothing was written */
    g_print (_("Already there: “%s”."), display);
  else if (imported)
    /* TRANSLATORS: %s is the imported certificate's folder */
    g_print (_("Imported into “%s”."), display);
  else
    /* TRANSLATORS: %s is the certificate's new folder */
    g_print (_("Copied to “%s”."), display);
  g_print ("\n");
}

/**
 * dojang_cli_certificates_copy:
 *
 * `--copy-certificate CERT --to ROOT`
 *
 * Returns: a #DojangCliToolStatus
 */
int
dojang_cli_certificates_copy (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) certificate = NULL;
  g_autoptr(DojangCertificate) copy = NULL;
  const char *root = option_path (options, "to");
  gboolean already_there = FALSE;

  if (root == NULL)
    {
      g_printerr ("%s\n", _("Say where to copy the certificate with --to ROOT, for example a USB stick’s folder."));
      return DOJANG_CLI_TOOL_FAILED;
    }

  certificate = resolve (options, "copy-certificate", &error);
  if (certificate == NULL)
    return fail (error);

  copy = dojang_certificate_copy (certificate, root, &already_there, NULL, &error);
  if (copy == NULL)
    return fail (error);

  print_done (FALSE, dojang_certificate_get_folder (copy), already_there);
  return DOJANG_CLI_TOOL_DONE;
}

/**
 * dojang_cli_certificates_export_pfx:
 *
 * `--export-pfx CERT FILE`; the certificate's password on standard input.
 */
int
dojang_cli_certificates_export_pfx (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) certificate = NULL;
  g_autoptr(DojangPassword) password = NULL;
  g_autofree const char **remaining = NULL;
  g_autofree char *display = NULL;

  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining)
      || remaining[0] == NULL || remaining[1] != NULL)
    {
      g_printerr ("%s\n", _("Give the certificate and the .pfx file to write: --export-pfx CERT FILE"));
      return DOJANG_CLI_TOOL_FAILED;
    }

  certificate = resolve (options, "export-pfx", &error);
  if (certificate == NULL)
    return fail (error);

  password = dojang_password_input_read (_("Certificate password: "), &error);
  if (password == NULL)
    return fail (error);

  if (!dojang_certificate_export_pfx (certificate, remaining[0], password->data, password->len, NULL, &error))
    return fail (error);

  display = g_filename_display_name (remaining[0]);
  /* TRANSLATORS: %s is the .pfx file */
  g_print (_("Exported to “%s”. The .pfx file is protected by the certificate’s password."), display);
  g_print ("\n");
  return DOJANG_CLI_TOOL_DONE;
}

/**
 * dojang_cli_certificates_import_pfx:
 *
 * `--import-pfx FILE [--to ROOT]`; the .pfx file's password on standard input.
 */
int
dojang_cli_certificates_import_pfx (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) imported = NULL;
  g_autoptr(DojangPassword) password = NULL;
  const char *file = option_path (options, "import-pfx");
  gboolean already_there = FALSE;

  password = dojang_password_input_read (_(".pfx file password: "), &error);
  if (password == NULL)
    return fail (error);

  imported = dojang_certificate_import_pfx (file, option_path (options, "to"), password->data, password->len,
                                            &already_there, NULL, &error);
  if (imported == NULL)
    return fail (error);

  print_done (TRUE, dojang_certificate_get_folder (imported), already_there);
  return DOJANG_CLI_TOOL_DONE;
}

/**
 * dojang_cli_certificates_change_password:
 *
 * `--change-password CERT`: the current password, then the new one, a line
 * each on standard input; on a terminal the new one is asked twice.
 */
int
dojang_cli_certificates_change_password (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) certificate = NULL;
  g_autoptr(DojangPassword) old_password = NULL;
  g_autoptr(DojangPassword) new_password = NULL;
  g_autoptr(DojangPassword) again = NULL;
  g_autofree char *kept = NULL;

  certificate = resolve (options, "change-password", &error);
  if (certificate == NULL)
    return fail (error);

  old_password = dojang_password_input_read (_("Current password: "), &error);
  if (old_password == NULL)
    return fail (error);
  new_password = dojang_password_input_read (_("New password: "), &error);
  if (new_password == NULL)
    return fail (error);

  if (dojang_password_input_is_terminal ())
    {
      again = dojang_password_input_read (_("New password again: "), &error);
      if (again == NULL)
        return fail (error);
      if (again->len != new_password->len || memcmp (again->data, new_password->data, again->len) != 0)
        {
          g_printerr ("%s\n", _("The two new passwords differ. Nothing was changed."));
          return DOJANG_CLI_TOOL_REJECTED;
        }
    }

  if (!dojang_certificate_change_password (certificate, old_password->data, old_password->len,
                                           new_password->data, new_password->len, &kept, NULL, &error))
    return fail (error);

  if (kept == NULL)
    {
      g_print ("%s\n", _("The password was changed. The old key file is in the trash."));
    }
  else
    {
      g_autofree char *display = g_filename_display_name (kept);

      /* TRANSLATORS: %s is the old key file, kept beside the new one */
      g_print (_("The password was changed. The old key file was kept as “%s”."), display);
      g_print ("\n");
    }

  return DOJANG_CLI_TOOL_DONE;
}

static gboolean
still_found (GVariantDict *options,
             const char   *sha256)
{
  g_auto(GStrv) roots = lookup_roots (options);
  g_autoptr(GPtrArray) certificates = NULL;

  if (!dojang_certificate_scan_sync ((const char * const *) roots, NULL, &certificates, NULL, NULL))
    return FALSE;

  for (guint i = 0; i < certificates->len; i++)
    {
      if (g_strcmp0 (dojang_certificate_get_sha256 (g_ptr_array_index (certificates, i)), sha256) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * dojang_cli_certificates_delete:
 * @retired_sha256: (out) (transfer full): the fingerprint whose reminders
 *   should be retired, when no copy of the certificate is left where
 *   Dojang looks; %NULL otherwise
 *
 * `--delete-certificate CERT`: moves the certificate's folder to the trash.
 */
int
dojang_cli_certificates_delete (GVariantDict  *options,
                                char         **retired_sha256)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) certificate = NULL;
  g_autofree char *display = NULL;
  const char *sha256;

  *retired_sha256 = NULL;

  certificate = resolve (options, "delete-certificate", &error);
  if (certificate == NULL)
    return fail (error);

  if (!dojang_certificate_trash (certificate, NULL, &error))
    return fail (error);

  display = g_filename_display_name (dojang_certificate_get_folder (certificate));
  /* TRANSLATORS: %s is the certificate's folder */
  g_print (_("Moved “%s” to the trash."), display);
  g_print ("\n");

  sha256 = dojang_certificate_get_sha256 (certificate);
  if (!still_found (options, sha256))
    *retired_sha256 = g_strdup (sha256);

  return DOJANG_CLI_TOOL_DONE;
}
