/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A certificate to and from a PKCS#12 (.pfx/.p12) file, the form other
 * programs, sandboxes and phone apps take. The .pfx is protected by the
 * certificate's own password; an imported certificate keeps the .pfx's. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dojang-certificate-pfx.h"
#include "dojang-input-file.h"
#include "dojang-key-derivation.h"
#include "dojang-key-encryption.h"
#include "dojang-npki-folder.h"
#include "dojang-pkcs12.h"
#include "dojang-private-key.h"
#include "dojang-safe-file.h"
#include "dojang-task.h"
#include "dojang-x509.h"

/* A .pfx with one certificate, its chain and one key stays far below. */
#define MAX_PFX_SIZE (1024 * 1024)

static guint8 *
open_key (DojangCertificate  *certificate,
          GBytes            **cert_der,
          const char         *password,
          gsize               password_len,
          gsize              *info_len,
          GError            **error)
{
  g_autoptr(GError) key_error = NULL;
  g_autoptr(GBytes) key_der = NULL;
  const char *key_path = dojang_certificate_get_key_path (certificate);
  guint8 *info;

  if (key_path == NULL)
    {
      g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NO_PRIVATE_KEY,
                           _("This certificate has no private key (signPri.key) beside it."));
      return NULL;
    }

  *cert_der = dojang_x509_read_file (dojang_certificate_get_path (certificate), error);
  if (*cert_der == NULL)
    return NULL;
  key_der = dojang_x509_read_file (key_path, error);
  if (key_der == NULL)
    return NULL;

  info = dojang_private_key_open (key_der, *cert_der, password, password_len, NULL, info_len, &key_error);
  if (info == NULL)
    dojang_certificate_error_propagate_key (error, key_error);

  return info;
}

/* Writes a new file beside under a hidden name, syncs and checks it, then
 * renames it to @file, which must not exist. */
static gboolean
write_new_file (const char  *file,
                GBytes      *contents,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder = g_path_get_dirname (file);
  g_autofree char *display = g_filename_display_name (file);
  g_autofree char *partial = NULL;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *folder_display = g_filename_display_name (folder);

      g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND,
                   _("There is no folder “%s”."), folder_display);
      return FALSE;
    }
  if (g_file_test (file, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_EXISTS,
                   _("“%s” already exists; Dojang does not replace files. Choose another name."),
                   display);
      return FALSE;
    }
  if (!dojang_npki_check_writable (folder, error))
    return FALSE;

  dojang_safe_file_remove_stale (folder);
  partial = dojang_safe_file_partial_path (folder);
  if (!dojang_safe_file_write (partial, contents, 0600, &local_error)
      || !dojang_safe_file_verify (partial, contents, &local_error)
      || !dojang_safe_file_rename_new (partial, file, &local_error)
      || !dojang_safe_file_sync_folder (folder, &local_error))
    {
      g_unlink (partial);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_EXISTS,
                     _("“%s” already exists; Dojang does not replace files. Choose another name."),
                     display);
      else
        dojang_certificate_error_propagate_io (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/**
 * dojang_certificate_export_pfx:
 * @file: the .pfx file to write; it must not exist
 * @password: the certificate's password (UTF-8 bytes); it also protects the
 *   .pfx file
 * @error: a #DOJANG_CERTIFICATE_ERROR: _WRONG_PASSWORD, _KEY_DAMAGED,
 *   _NO_PRIVATE_KEY, _EXISTS, _READ_ONLY, _WRITE
 *
 * Writes the certificate and its private key as a .pfx (mode 0600) made with
 * GnuTLS, read back and compared before it gets its name.
 */
gboolean
dojang_certificate_export_pfx (DojangCertificate  *certificate,
                               const char         *file,
                               const char         *password,
                               gsize               password_len,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(GError) key_error = NULL;
  g_autoptr(GBytes) cert_der = NULL;
  g_autoptr(GBytes) pfx = NULL;
  gsize info_len = 0;
  guint8 *info;

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (certificate), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (password != NULL || password_len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = open_key (certificate, &cert_der, password, password_len, &info_len, error);
  if (info == NULL)
    return FALSE;

  pfx = dojang_pkcs12_export (cert_der, info, info_len, dojang_certificate_get_subject (certificate),
                              password, password_len, &key_error);
  dojang_secure_free (info, info_len);
  if (pfx == NULL)
    {
      dojang_certificate_error_propagate_key (error, key_error);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return write_new_file (file, pfx, error);
}

static GBytes *
read_pfx (const char  *file,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (file);
  g_autoptr(GBytes) bytes = NULL;
  GStatBuf st;

  if (g_stat (file, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > MAX_PFX_SIZE)
    {
      g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_TOO_LARGE,
                   _("“%s” is too large to be a .pfx file."), display);
      return NULL;
    }

  /* Regular files only: a FIFO would block the read, a device never end. */
  bytes = dojang_input_file_read (file, MAX_PFX_SIZE, &local_error);
  if (bytes == NULL)
    {
      g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR,
                           g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                           ? DOJANG_CERTIFICATE_ERROR_NOT_FOUND : DOJANG_CERTIFICATE_ERROR_READ,
                           local_error->message);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/**
 * dojang_certificate_import_pfx:
 * @file: a .pfx or .p12 file
 * @root: (nullable): where the NPKI folder is or goes; %NULL for the home
 *   folder (~/NPKI)
 * @password: the .pfx file's password (UTF-8 bytes); the imported key keeps it
 * @already_there: (out) (optional): %TRUE when this certificate was already
 *   in its place and nothing was written
 * @error: a #DOJANG_CERTIFICATE_ERROR: _WRONG_PASSWORD, _KEY_DAMAGED (a
 *   damaged file, no key, several keys, no certificate of the key), _EXISTS
 *   (a different certificate in its place), _PASSWORD_REJECTED (a .pfx
 *   without a password), _READ_ONLY, _WRITE
 *
 * Writes ROOT/NPKI/<CA>/USER/<subject>/ with signCert.der and a signPri.key
 * encrypted as current Korean certificates are (PBES2, PBKDF2-HMAC-SHA1,
 * SEED-CBC), so that other Korean software reads it. The new key is
 * decrypted again and matched with the certificate before the folder
 * appears.
 *
 * Returns: (transfer full) (nullable): the certificate in its NPKI folder
 */
DojangCertificate *
dojang_certificate_import_pfx (const char    *file,
                               const char    *root,
                               const char    *password,
                               gsize          password_len,
                               gboolean      *already_there,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GError) key_error = NULL;
  g_autoptr(GBytes) pfx = NULL;
  g_autoptr(GBytes) cert_der = NULL;
  g_autoptr(GBytes) key_der = NULL;
  g_autoptr(DojangCertificate) imported = NULL;
  g_autofree char *ca_folder = NULL;
  g_autofree char *subject_folder = NULL;
  g_autofree char *user_folder = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *cert_path = NULL;
  DojangNpkiFile files[2];
  DojangKeyFormat format;
  guint8 *info = NULL;
  gsize info_len = 0;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (password != NULL || password_len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pfx = read_pfx (file, error);
  if (pfx == NULL)
    return NULL;

  if (!dojang_pkcs12_import (pfx, password, password_len, &cert_der, &info, &info_len, &key_error))
    {
      dojang_certificate_error_propagate_key (error, key_error);
      return NULL;
    }

  /* NPKI keys always have a password; Korean software would take an empty
   * one for a wrong one. */
  if (password_len == 0)
    {
      dojang_secure_free (info, info_len);
      g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_PASSWORD_REJECTED,
                           _("This .pfx file has no password, and a certificate for Korean software needs one. Protect the .pfx with a password in the program it came from, then import it again."));
      return NULL;
    }

  dojang_key_format_init_npki (&format);
  key_der = dojang_private_key_seal (&format, info, info_len, password, password_len, &key_error);
  dojang_secure_free (info, info_len);
  if (key_der == NULL
      || !dojang_private_key_check_bytes (key_der, cert_der, password, password_len, &key_error))
    {
      dojang_certificate_error_propagate_key (error, key_error);
      return NULL;
    }

  imported = dojang_certificate_new_from_bytes (cert_der, NULL, error);
  if (imported == NULL)
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  ca_folder = dojang_npki_ca_folder_name (imported);
  subject_folder = dojang_npki_subject_folder_name (cert_der);
  user_folder = dojang_npki_user_folder (root != NULL ? root : g_get_home_dir (), ca_folder, error);
  if (user_folder == NULL)
    return NULL;

  files[0].name = "signCert.der";
  files[0].contents = cert_der;
  files[0].mode = 0644;
  files[1].name = "signPri.key";
  files[1].contents = key_der;
  files[1].mode = 0600;
  if (!dojang_npki_write_folder (user_folder, subject_folder, files, G_N_ELEMENTS (files), TRUE,
                                 &folder, already_there, error))
    return NULL;

  cert_path = dojang_npki_find_file (folder, "signCert.der");
  if (cert_path == NULL)
    {
      g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND,
                   _("There is no signCert.der in the folder “%s”."), folder);
      return NULL;
    }

  return dojang_certificate_new_from_file (cert_path, error);
}

typedef struct
{
  DojangCertificate *certificate;
  char              *file;
  char              *root;
  guint8            *password;
  gsize              password_len;
} PfxData;

static void
pfx_data_free (PfxData *data)
{
  g_clear_object (&data->certificate);
  g_free (data->file);
  g_free (data->root);
  dojang_secure_free (data->password, data->password_len);
  g_free (data);
}

/* The password is copied into secure memory at once, so the caller may wipe
 * its own copy right after starting the task; the copy is wiped at the end. */
static PfxData *
pfx_data_new (DojangCertificate *certificate,
              const char        *file,
              const char        *root,
              const char        *password,
              gsize              password_len)
{
  PfxData *data = g_new0 (PfxData, 1);

  data->certificate = certificate != NULL ? g_object_ref (certificate) : NULL;
  data->file = g_strdup (file);
  data->root = g_strdup (root);
  data->password = dojang_secure_alloc (password_len);
  data->password_len = password_len;
  if (password_len > 0)
    memcpy (data->password, password, password_len);

  return data;
}

static gboolean
export_in_thread (gpointer       source_object,
                  gpointer       work_data,
                  GCancellable  *cancellable,
                  gpointer      *result,
                  GError       **error)
{
  PfxData *data = work_data;

  return dojang_certificate_export_pfx (data->certificate, data->file, (const char *) data->password,
                                        data->password_len, cancellable, error);
}

/**
 * dojang_certificate_export_pfx_async:
 *
 * Runs dojang_certificate_export_pfx() in a worker thread. The password is
 * copied into secure memory at once; the caller may wipe its copy.
 */
void
dojang_certificate_export_pfx_async (DojangCertificate   *certificate,
                                     const char          *file,
                                     const char          *password,
                                     gsize                password_len,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (DOJANG_IS_CERTIFICATE (certificate));
  g_return_if_fail (file != NULL);
  g_return_if_fail (password != NULL || password_len == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  dojang_task_run_in_thread (NULL, dojang_certificate_export_pfx_async, export_in_thread,
                             pfx_data_new (certificate, file, NULL, password, password_len),
                             (GDestroyNotify) pfx_data_free, NULL, cancellable, callback, user_data);
}

gboolean
dojang_certificate_export_pfx_finish (GAsyncResult  *result,
                                      GError       **error)
{
  return dojang_task_finish (result, NULL, dojang_certificate_export_pfx_async, NULL, error);
}

typedef struct
{
  DojangCertificate *certificate;
  gboolean           already_there;
} ImportResult;

static void
import_result_free (ImportResult *result)
{
  g_clear_object (&result->certificate);
  g_free (result);
}

static gboolean
import_in_thread (gpointer       source_object,
                  gpointer       work_data,
                  GCancellable  *cancellable,
                  gpointer      *result,
                  GError       **error)
{
  PfxData *data = work_data;
  ImportResult *imported = g_new0 (ImportResult, 1);

  imported->certificate = dojang_certificate_import_pfx (data->file, data->root,
                                                         (const char *) data->password,
                                                         data->password_len, &imported->already_there,
                                                         cancellable, error);
  if (imported->certificate == NULL)
    {
      import_result_free (imported);
      return FALSE;
    }

  *result = imported;
  return TRUE;
}

/**
 * dojang_certificate_import_pfx_async:
 * @root: (nullable): see dojang_certificate_import_pfx()
 *
 * Runs dojang_certificate_import_pfx() in a worker thread. The password is
 * copied into secure memory at once; the caller may wipe its copy.
 */
void
dojang_certificate_import_pfx_async (const char          *file,
                                     const char          *root,
                                     const char          *password,
                                     gsize                password_len,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (file != NULL);
  g_return_if_fail (password != NULL || password_len == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  dojang_task_run_in_thread (NULL, dojang_certificate_import_pfx_async, import_in_thread,
                             pfx_data_new (NULL, file, root, password, password_len),
                             (GDestroyNotify) pfx_data_free, (GDestroyNotify) import_result_free,
                             cancellable, callback, user_data);
}

/**
 * dojang_certificate_import_pfx_finish:
 * @already_there: (out) (optional): see dojang_certificate_import_pfx()
 *
 * Returns: (transfer full) (nullable): the certificate in its NPKI folder
 */
DojangCertificate *
dojang_certificate_import_pfx_finish (GAsyncResult  *result,
                                      gboolean      *already_there,
                                      GError       **error)
{
  ImportResult *imported = NULL;
  DojangCertificate *certificate;

  if (!dojang_task_finish (result, NULL, dojang_certificate_import_pfx_async,
                           (gpointer *) &imported, error))
    return NULL;

  if (already_there != NULL)
    *already_there = imported->already_there;
  certificate = g_steal_pointer (&imported->certificate);
  import_result_free (imported);

  return certificate;
}
