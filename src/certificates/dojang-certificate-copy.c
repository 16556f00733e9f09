/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Copies a certificate folder to another root, such as a USB stick:
 * ROOT/NPKI/<CA>/USER/<certificate>/ with the files byte for byte. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dojang-certificate-copy.h"
#include "dojang-npki-folder.h"
#include "dojang-task.h"
#include "dojang-x509.h"

typedef struct
{
  const char *name;
  int         mode;
} NpkiName;

/* signCert.der comes first: dojang_npki_write_folder() compares it first. */
static const NpkiName npki_names[] = {
  { "signCert.der", 0644 },
  { "signPri.key", 0600 },
  { "kmCert.der", 0644 },
  { "kmPri.key", 0600 },
};

/**
 * dojang_certificate_copy:
 * @certificate: the certificate to copy, with its key and key-management pair
 * @root: an existing folder: a USB stick's mount point, any folder, or an
 *   NPKI folder
 * @already_there: (out) (optional): %TRUE when the same files were there
 *   and nothing was written
 * @error: a #DOJANG_CERTIFICATE_ERROR: _EXISTS when another certificate (or
 *   this one with another key file) is there, _READ_ONLY, _WRITE, or why a
 *   file could not be read
 *
 * Writes ROOT/NPKI/<CA>/USER/<certificate folder>/ (existing folders reused
 * in any letter case; new ones mode 0700) with signCert.der, signPri.key and,
 * when present, kmCert.der and kmPri.key under their usual names (keys mode
 * 0600). Every file is read back and compared before the folder appears.
 * This blocks: from the UI use dojang_certificate_copy_async().
 *
 * Returns: (transfer full) (nullable): the certificate at its new place
 */
DojangCertificate *
dojang_certificate_copy (DojangCertificate  *certificate,
                         const char         *root,
                         gboolean           *already_there,
                         GCancellable       *cancellable,
                         GError            **error)
{
  const char *sources[G_N_ELEMENTS (npki_names)];
  DojangNpkiFile files[G_N_ELEMENTS (npki_names)];
  GBytes *contents[G_N_ELEMENTS (npki_names)] = { NULL };
  g_autofree char *ca_folder = NULL;
  g_autofree char *subject_folder = NULL;
  g_autofree char *user_folder = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *copied_cert = NULL;
  DojangCertificate *copy = NULL;
  gsize n_files = 0;

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (certificate), NULL);
  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sources[0] = dojang_certificate_get_path (certificate);
  sources[1] = dojang_certificate_get_key_path (certificate);
  sources[2] = dojang_certificate_get_km_cert_path (certificate);
  sources[3] = dojang_certificate_get_km_key_path (certificate);

  for (gsize i = 0; i < G_N_ELEMENTS (npki_names); i++)
    {
      if (sources[i] == NULL)
        continue;

      contents[n_files] = dojang_x509_read_file (sources[i], error);
      if (contents[n_files] == NULL)
        goto out;
      files[n_files].name = npki_names[i].name;
      files[n_files].contents = contents[n_files];
      files[n_files].mode = npki_names[i].mode;
      n_files++;
    }

  /* What is copied must be what was listed, not a file replaced since. */
  {
    g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents[0]);

    if (g_strcmp0 (sha256, dojang_certificate_get_sha256 (certificate)) != 0)
      {
        g_autofree char *display = g_filename_display_name (sources[0]);

        g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_READ,
                     _("“%s” changed after it was read. Look for certificates again, then retry."),
                     display);
        goto out;
      }
  }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  dojang_npki_folder_names (certificate, contents[0], &ca_folder, &subject_folder);
  user_folder = dojang_npki_user_folder (root, ca_folder, error);
  if (user_folder == NULL)
    goto out;

  if (!dojang_npki_write_folder (user_folder, subject_folder, files, n_files, FALSE, &folder,
                                 already_there, error))
    goto out;

  copied_cert = dojang_npki_find_file (folder, "signCert.der");
  if (copied_cert != NULL)
    copy = dojang_certificate_new_from_file (copied_cert, error);
  else
    g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND,
                 _("There is no signCert.der in the folder “%s”."), folder);

out:
  for (gsize i = 0; i < G_N_ELEMENTS (contents); i++)
    g_clear_pointer (&contents[i], g_bytes_unref);

  return copy;
}

typedef struct
{
  DojangCertificate *copy;
  gboolean           already_there;
} CopyResult;

static void
copy_result_free (CopyResult *result)
{
  g_clear_object (&result->copy);
  g_free (result);
}

typedef struct
{
  DojangCertificate *certificate;
  char              *root;
} CopyData;

static void
copy_data_free (CopyData *data)
{
  g_clear_object (&data->certificate);
  g_free (data->root);
  g_free (data);
}

static gboolean
copy_in_thread (gpointer       source_object,
                gpointer       work_data,
                GCancellable  *cancellable,
                gpointer      *result,
                GError       **error)
{
  CopyData *data = work_data;
  CopyResult *copied = g_new0 (CopyResult, 1);

  copied->copy = dojang_certificate_copy (data->certificate, data->root, &copied->already_there,
                                          cancellable, error);
  if (copied->copy == NULL)
    {
      copy_result_free (copied);
      return FALSE;
    }

  *result = copied;
  return TRUE;
}

/**
 * dojang_certificate_copy_async:
 *
 * Runs dojang_certificate_copy() in a worker thread.
 */
void
dojang_certificate_copy_async (DojangCertificate   *certificate,
                               const char          *root,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  CopyData *data;

  g_return_if_fail (DOJANG_IS_CERTIFICATE (certificate));
  g_return_if_fail (root != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (CopyData, 1);
  data->certificate = g_object_ref (certificate);
  data->root = g_strdup (root);

  dojang_task_run_in_thread (NULL, dojang_certificate_copy_async, copy_in_thread,
                             data, (GDestroyNotify) copy_data_free,
                             (GDestroyNotify) copy_result_free, cancellable, callback, user_data);
}

/**
 * dojang_certificate_copy_finish:
 * @already_there: (out) (optional): see dojang_certificate_copy()
 *
 * Returns: (transfer full) (nullable): the certificate at its new place
 */
DojangCertificate *
dojang_certificate_copy_finish (GAsyncResult  *result,
                                gboolean      *already_there,
                                GError       **error)
{
  CopyResult *copied = NULL;
  DojangCertificate *copy;

  if (!dojang_task_finish (result, NULL, dojang_certificate_copy_async, (gpointer *) &copied, error))
    return NULL;

  if (already_there != NULL)
    *already_there = copied->already_there;
  copy = g_steal_pointer (&copied->copy);
  copy_result_free (copied);

  return copy;
}
