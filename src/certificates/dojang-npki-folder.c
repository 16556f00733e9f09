/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <sys/statvfs.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "dojang-certificate-error.h"
#include "dojang-npki-folder.h"
#include "dojang-provider-catalog.h"
#include "dojang-safe-file.h"

/* Characters FAT, NTFS or the shell path rules would not take in a name. */
static void
make_portable (GString *name)
{
  for (gsize i = 0; i < name->len; i++)
    {
      guchar c = (guchar) name->str[i];

      if (c < 0x20 || c == 0x7f || strchr ("/\\:*?\"<>|", c) != NULL)
        name->str[i] = '_';
    }
}

/* Cuts at a character boundary: file names are at most 255 bytes. */
static void
limit_length (GString *name,
              gsize    max_bytes)
{
  const char *end;

  if (name->len <= max_bytes)
    return;

  end = g_utf8_find_prev_char (name->str, name->str + max_bytes + 1);
  g_string_truncate (name, end != NULL ? (gsize) (end - name->str) : max_bytes);
}

/**
 * dojang_npki_subject_folder_name:
 * @cert_der: the certificate
 *
 * The name NPKI software gives a certificate's folder: the subject DN,
 * most specific part first, attribute names in lower case, e.g.
 * "cn=홍길동()0011048202001011234567,ou=personal4IB,o=yessign,c=kr".
 *
 * Returns: (transfer full) (nullable): the name, or %NULL for a
 *   certificate GnuTLS cannot read
 */
char *
dojang_npki_subject_folder_name (GBytes *cert_der)
{
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t datum;
  gnutls_datum_t dn = { NULL, 0 };
  g_autoptr(GString) name = NULL;
  gboolean in_type = TRUE;
  gsize len = 0;

  g_return_val_if_fail (cert_der != NULL, NULL);

  datum.data = (unsigned char *) g_bytes_get_data (cert_der, &len);
  datum.size = (unsigned int) len;
  if (gnutls_x509_crt_init (&crt) < 0)
    return NULL;
  /* RFC 4514 order: the common name first, the country last. */
  if (gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_DER) < 0
      || gnutls_x509_crt_get_dn3 (crt, &dn, 0) < 0)
    {
      gnutls_x509_crt_deinit (crt);
      return NULL;
    }
  gnutls_x509_crt_deinit (crt);

  name = g_string_sized_new (dn.size);
  for (unsigned i = 0; i < dn.size; i++)
    {
      char c = (char) dn.data[i];

      if (c == '\\' && i + 1 < dn.size)
        {
          /* An escaped character is part of the value. */
          g_string_append_c (name, (char) dn.data[++i]);
          continue;
        }
      if (c == '=' && in_type)
        in_type = FALSE;
      else if (c == ',' || c == '+')
        in_type = TRUE;
      else if (in_type)
        c = g_ascii_tolower (c);
      g_string_append_c (name, c);
    }
  gnutls_free (dn.data);

  make_portable (name);
  limit_length (name, 200);
  if (name->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * dojang_npki_ca_folder_name:
 *
 * The CA folder under NPKI: the name the CA's own software uses, which is
 * its issuer organisation as the catalog spells it ("yessign", "KICA",
 * "SignKorea", "CrossCert", "TradeSign"); for other issuers the
 * organisation in the certificate.
 *
 * Returns: (transfer full): the folder name
 */
char *
dojang_npki_ca_folder_name (DojangCertificate *certificate)
{
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();
  DojangProvider *provider = NULL;
  const char *org = dojang_certificate_get_issuer_organization (certificate);
  g_autoptr(GString) name = NULL;

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (certificate), NULL);

  if (catalog != NULL)
    provider = dojang_provider_catalog_lookup (catalog, dojang_certificate_get_provider_id (certificate));
  if (provider != NULL)
    {
      const char * const *orgs = dojang_provider_get_issuer_organizations (provider);

      if (orgs != NULL && orgs[0] != NULL)
        return g_strdup (orgs[0]);
    }

  if (org == NULL || *org == '\0')
    org = dojang_certificate_get_issuer_common_name (certificate);
  name = g_string_new (org != NULL && *org != '\0' ? org : "unknown");
  make_portable (name);
  limit_length (name, 100);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * dojang_npki_folder_names:
 * @ca_folder: (out) (transfer full): the CA folder's name
 * @subject_folder: (out) (transfer full): the certificate folder's name
 *
 * A certificate in an NPKI layout (…/<CA>/USER/<subject>/signCert.der)
 * keeps the names it has; any other gets the usual ones.
 */
void
dojang_npki_folder_names (DojangCertificate  *certificate,
                          GBytes             *cert_der,
                          char              **ca_folder,
                          char              **subject_folder)
{
  const char *folder = dojang_certificate_get_folder (certificate);
  g_autofree char *user = g_path_get_dirname (folder);
  g_autofree char *user_name = g_path_get_basename (user);
  g_autofree char *ca = g_path_get_dirname (user);

  if (g_ascii_strcasecmp (user_name, "USER") == 0 && g_strcmp0 (ca, user) != 0)
    {
      *ca_folder = g_path_get_basename (ca);
      *subject_folder = g_path_get_basename (folder);
      return;
    }

  *ca_folder = dojang_npki_ca_folder_name (certificate);
  *subject_folder = dojang_npki_subject_folder_name (cert_der);
  if (*subject_folder == NULL)
    *subject_folder = g_path_get_basename (folder);
}

/**
 * dojang_npki_check_writable:
 * @folder: an existing folder
 *
 * Returns: %FALSE with %DOJANG_CERTIFICATE_ERROR_READ_ONLY when @folder is
 *   on read-only media (a write-protected USB stick, a disc)
 */
gboolean
dojang_npki_check_writable (const char  *folder,
                            GError     **error)
{
  struct statvfs st;

  /* statvfs() sees the flags of the mount itself, also of a read-only bind
   * mount, where GIO's filesystem::readonly reports the device's. */
  if (statvfs (folder, &st) != 0 || (st.f_flag & ST_RDONLY) == 0)
    return TRUE;

  return dojang_certificate_error_read_only (folder, error);
}

static char *
find_or_create_folder (const char  *parent,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *found = dojang_npki_find_entry (parent, name);

  if (found != NULL)
    {
      g_autofree char *display = NULL;

      if (g_file_test (found, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&found);

      display = g_filename_display_name (found);
      g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_EXISTS,
                   _("“%s” is in the way: it is a file, not a folder."), display);
      return NULL;
    }

  found = g_build_filename (parent, name, NULL);
  if (!dojang_safe_file_mkdir (found, &local_error))
    {
      dojang_certificate_error_propagate_io (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&found);
}

/**
 * dojang_npki_user_folder:
 * @root: an existing folder: a USB stick's mount point, the home folder, or
 *   an NPKI folder itself
 * @ca_folder: the CA folder's name
 *
 * Finds ROOT/NPKI/<CA>/USER in any letter case, creating (mode 0700) what
 * is missing, so that a stick with "npki/YESSIGN/User" gets no second tree.
 *
 * Returns: (transfer full) (nullable): the USER folder, or %NULL with a
 *   %DOJANG_CERTIFICATE_ERROR
 */
char *
dojang_npki_user_folder (const char  *root,
                         const char  *ca_folder,
                         GError     **error)
{
  g_autofree char *base = NULL;
  g_autofree char *npki = NULL;
  g_autofree char *ca = NULL;

  g_return_val_if_fail (root != NULL && ca_folder != NULL, NULL);

  if (!g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (root);

      g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND,
                   _("There is no folder “%s”."), display);
      return NULL;
    }
  if (!dojang_npki_check_writable (root, error))
    return NULL;

  base = g_path_get_basename (root);
  if (g_ascii_strcasecmp (base, "NPKI") == 0)
    npki = g_strdup (root);
  else
    npki = find_or_create_folder (root, "NPKI", error);
  if (npki == NULL)
    return NULL;

  ca = find_or_create_folder (npki, ca_folder, error);
  if (ca == NULL)
    return NULL;

  return find_or_create_folder (ca, "USER", error);
}

static GBytes *
read_if_file (const char *folder,
              const char *name)
{
  g_autofree char *path = dojang_npki_find_file (folder, name);
  char *contents = NULL;
  gsize len = 0;

  if (path == NULL || !g_file_get_contents (path, &contents, &len, NULL))
    return NULL;

  return g_bytes_new_take (contents, len);
}

typedef enum
{
  FOLDER_UNRELATED,
  FOLDER_SAME,
  FOLDER_OTHER_COPY,
} FolderMatch;

/* Compares an existing folder's files with @files (names in any case). */
static FolderMatch
compare_folder (const char           *folder,
                const DojangNpkiFile *files,
                gsize                 n_files)
{
  gboolean same_certificate = FALSE;
  gboolean all_same = TRUE;

  for (gsize i = 0; i < n_files; i++)
    {
      g_autoptr(GBytes) existing = read_if_file (folder, files[i].name);
      gboolean equal = existing != NULL && g_bytes_equal (existing, files[i].contents);

      if (i == 0)
        same_certificate = equal;
      all_same = all_same && equal;
    }

  if (all_same)
    return FOLDER_SAME;

  return same_certificate ? FOLDER_OTHER_COPY : FOLDER_UNRELATED;
}

/* Another folder under USER with the same signCert.der: the certificate is
 * there under another name. */
static char *
find_same_certificate (const char           *user_folder,
                       const DojangNpkiFile *files,
                       gsize                 n_files,
                       FolderMatch          *match)
{
  g_autoptr(GDir) dir = g_dir_open (user_folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (name[0] == '.')
        continue;
      path = g_build_filename (user_folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;

      *match = compare_folder (path, files, n_files);
      if (*match != FOLDER_UNRELATED)
        return g_steal_pointer (&path);
    }

  return NULL;
}

static gboolean
set_exists (GError      **error,
            const char   *folder,
            FolderMatch   match)
{
  g_autofree char *display = g_filename_display_name (folder);

  if (match == FOLDER_OTHER_COPY)
    g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_EXISTS,
                 _("“%s” already holds this certificate with a different key file (perhaps with another password). Nothing was changed."),
                 display);
  else
    g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_EXISTS,
                 _("“%s” already holds a different certificate. Nothing was changed."), display);
  return FALSE;
}

/* Writes and checks every file in the hidden folder @partial. */
static gboolean
fill_partial (const char           *partial,
              const DojangNpkiFile *files,
              gsize                 n_files,
              GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  for (gsize i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_build_filename (partial, files[i].name, NULL);

      if (!dojang_safe_file_write (path, files[i].contents, files[i].mode, &local_error)
          || !dojang_safe_file_verify (path, files[i].contents, &local_error))
        {
          dojang_certificate_error_propagate_io (error, local_error);
          return FALSE;
        }
    }

  if (!dojang_safe_file_sync_folder (partial, &local_error))
    {
      dojang_certificate_error_propagate_io (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static void
remove_partial (const char           *partial,
                const DojangNpkiFile *files,
                gsize                 n_files)
{
  for (gsize i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_build_filename (partial, files[i].name, NULL);

      g_unlink (path);
    }
  g_rmdir (partial);
}

/**
 * dojang_npki_write_folder:
 * @user_folder: an NPKI USER folder (dojang_npki_user_folder())
 * @subject_folder: the certificate folder's name
 * @files: (array length=n_files): the files; the first one is signCert.der
 * @same_certificate_is_there: the same signCert.der alone counts as "already
 *   there", whatever the other files (an import writes a new key file each
 *   time: a fresh salt)
 * @folder: (out) (transfer full) (optional): where the certificate is now
 * @already_there: (out) (optional): %TRUE when nothing was written because
 *   the same files are there already (under this or another folder name)
 *
 * Writes the files into a hidden folder beside, syncs each, reads each back
 * and compares its SHA-256, then renames the folder into place; a folder
 * that exists is never replaced or added to.
 *
 * Returns: %FALSE with %DOJANG_CERTIFICATE_ERROR_EXISTS when another
 *   certificate, or this one with other files, is already there;
 *   _READ_ONLY or _WRITE when writing fails. Nothing is left visible then.
 */
gboolean
dojang_npki_write_folder (const char            *user_folder,
                          const char            *subject_folder,
                          const DojangNpkiFile  *files,
                          gsize                  n_files,
                          gboolean               same_certificate_is_there,
                          char                 **folder,
                          gboolean              *already_there,
                          GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *target = NULL;
  FolderMatch match = FOLDER_UNRELATED;

  g_return_val_if_fail (user_folder != NULL && subject_folder != NULL, FALSE);
  g_return_val_if_fail (files != NULL && n_files > 0, FALSE);

  if (already_there != NULL)
    *already_there = FALSE;

  existing = dojang_npki_find_entry (user_folder, subject_folder);
  if (existing != NULL)
    match = compare_folder (existing, files, n_files);
  else
    existing = find_same_certificate (user_folder, files, n_files, &match);

  if (match == FOLDER_OTHER_COPY && same_certificate_is_there)
    match = FOLDER_SAME;
  if (existing != NULL && match != FOLDER_SAME)
    return set_exists (error, existing, match);

  if (existing != NULL)
    {
      if (already_there != NULL)
        *already_there = TRUE;
      if (folder != NULL)
        *folder = g_steal_pointer (&existing);
      return TRUE;
    }

  dojang_safe_file_remove_stale (user_folder);
  partial = dojang_safe_file_make_partial_dir (user_folder, &local_error);
  if (partial == NULL)
    {
      dojang_certificate_error_propagate_io (error, local_error);
      return FALSE;
    }

  if (!fill_partial (partial, files, n_files, error))
    {
      remove_partial (partial, files, n_files);
      return FALSE;
    }

  target = g_build_filename (user_folder, subject_folder, NULL);
  if (!dojang_safe_file_rename_new (partial, target, &local_error))
    {
      remove_partial (partial, files, n_files);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return set_exists (error, target, FOLDER_UNRELATED);
      dojang_certificate_error_propagate_io (error, local_error);
      return FALSE;
    }

  if (!dojang_safe_file_sync_folder (user_folder, &local_error))
    {
      dojang_certificate_error_propagate_io (error, local_error);
      return FALSE;
    }

  if (folder != NULL)
    *folder = g_steal_pointer (&target);
  return TRUE;
}
