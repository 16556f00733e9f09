/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Changes a certificate's password: the key is re-encrypted in its own
 * format with a fresh salt, checked, written beside and swapped in with one
 * rename; the old key file then goes to the trash, where it can be
 * restored. The key-management key (kmPri.key) follows when the old
 * password opens it, as the CAs' programs do. At every moment signPri.key
 * is a whole key that opens with the old or the new password. */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dojang-certificate-password.h"
#include "dojang-key-derivation.h"
#include "dojang-npki-folder.h"
#include "dojang-password-rule.h"
#include "dojang-private-key.h"
#include "dojang-safe-file.h"
#include "dojang-task.h"
#include "dojang-x509.h"

static gboolean
check_new_password (const char  *old_password,
                    gsize        old_password_len,
                    const char  *new_password,
                    gsize        new_password_len,
                    GError     **error)
{
  g_auto(GStrv) unmet = NULL;
  g_autofree char *reasons = NULL;

  if (!dojang_password_rule_check (new_password, new_password_len, &unmet))
    {
      reasons = g_strjoinv ("; ", unmet);
      g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_PASSWORD_REJECTED,
                   /* TRANSLATORS: %s lists the unmet requirements, separated by semicolons */
                   _("The new password does not meet the rules: %s."), reasons);
      return FALSE;
    }

  if (new_password_len == old_password_len && memcmp (new_password, old_password, new_password_len) == 0)
    {
      g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_PASSWORD_REJECTED,
                           _("The new password is the same as the current one."));
      return FALSE;
    }

  return TRUE;
}

/* Keeps the old key under a visible name beside it, "signPri.key.old" (or
 * "signPri.key.old.2"…): a hard link, or a synced copy where the file
 * system has none (FAT). */
static char *
keep_old_key (const char  *key_path,
              GBytes      *old_key,
              GError     **error)
{
  for (guint n = 1; n < 100; n++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *candidate = n == 1 ? g_strconcat (key_path, ".old", NULL)
                                          : g_strdup_printf ("%s.old.%u", key_path, n);

      if (link (key_path, candidate) == 0)
        return g_steal_pointer (&candidate);
      if (errno == EEXIST)
        continue;

      if (dojang_safe_file_write (candidate, old_key, 0600, &local_error)
          && dojang_safe_file_verify (candidate, old_key, &local_error))
        return g_steal_pointer (&candidate);
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_unlink (candidate);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("Too many old key files are in the way."));
  return NULL;
}

/* Replaces the key file at @key_path, which must still hold @old_key, with
 * @new_key. The order keeps a whole key under the real name at every moment
 * and the old key under a visible name before the new one moves in: the new
 * key is written and checked under a hidden name, the old one is kept as
 * *.old, the new one is renamed over the real name, and *.old goes to the
 * trash, or stays (then @kept is set) where there is no trash. */
static gboolean
replace_key (const char  *key_path,
             GBytes      *old_key,
             GBytes      *new_key,
             char       **kept,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) current = NULL;
  g_autoptr(GFile) backup_file = NULL;
  g_autofree char *folder = g_path_get_dirname (key_path);
  g_autofree char *partial = NULL;
  g_autofree char *backup = NULL;

  dojang_safe_file_remove_stale (folder);
  partial = dojang_safe_file_partial_path (folder);
  if (!dojang_safe_file_write (partial, new_key, 0600, &local_error)
      || !dojang_safe_file_verify (partial, new_key, &local_error))
    goto failed;

  /* Something else may have changed the key since it was read. */
  current = dojang_x509_read_file (key_path, NULL);
  if (current == NULL || !g_bytes_equal (current, old_key))
    {
      g_autofree char *display = g_filename_display_name (key_path);

      g_unlink (partial);
      g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_WRITE,
                   _("“%s” changed while the password was being changed. Nothing was changed; try again."),
                   display);
      return FALSE;
    }

  backup = keep_old_key (key_path, old_key, &local_error);
  if (backup == NULL || !dojang_safe_file_sync_folder (folder, &local_error))
    goto failed;

  if (g_rename (partial, key_path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (key_path);

      g_set_error (&local_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not move “%s” into place: %s"), display, g_strerror (saved_errno));
      g_unlink (backup);
      goto failed;
    }

  /* From here the new key is in place; the old one only needs a home. */
  dojang_safe_file_sync_folder (folder, NULL);
  backup_file = g_file_new_for_path (backup);
  if (!g_file_trash (backup_file, NULL, NULL))
    *kept = g_steal_pointer (&backup);

  return TRUE;

failed:
  g_unlink (partial);
  dojang_certificate_error_propagate_io (error, local_error);
  return FALSE;
}

/* The key-management key changes along when the old password opens it. */
static GBytes *
change_km_key (DojangCertificate *certificate,
               const char        *old_password,
               gsize              old_password_len,
               const char        *new_password,
               gsize              new_password_len,
               GBytes           **old_key)
{
  const char *km_key_path = dojang_certificate_get_km_key_path (certificate);
  const char *km_cert_path = dojang_certificate_get_km_cert_path (certificate);
  g_autoptr(GBytes) km_cert = NULL;

  if (km_key_path == NULL)
    return NULL;

  *old_key = dojang_x509_read_file (km_key_path, NULL);
  if (km_cert_path != NULL)
    km_cert = dojang_x509_read_file (km_cert_path, NULL);
  if (*old_key == NULL)
    return NULL;

  return dojang_private_key_change_password (*old_key, km_cert, old_password, old_password_len,
                                             new_password, new_password_len, NULL);
}

/**
 * dojang_certificate_change_password:
 * @old_password: the current password (UTF-8 bytes)
 * @new_password: the new password; it must meet dojang-password-rule.h
 * @kept_old_key: (out) (optional) (transfer full): %NULL when the old key
 *   file went to the trash; its path when there was no trash to take it
 *   and it was kept beside as signPri.key.old
 * @error: a #DOJANG_CERTIFICATE_ERROR: _PASSWORD_REJECTED (the message says
 *   what the new password lacks), _WRONG_PASSWORD, _KEY_DAMAGED,
 *   _NO_PRIVATE_KEY, _READ_ONLY, _WRITE
 *
 * Returns: %TRUE once signPri.key opens with the new password and only with it
 */
gboolean
dojang_certificate_change_password (DojangCertificate  *certificate,
                                    const char         *old_password,
                                    gsize               old_password_len,
                                    const char         *new_password,
                                    gsize               new_password_len,
                                    char              **kept_old_key,
                                    GCancellable       *cancellable,
                                    GError            **error)
{
  g_autoptr(GError) key_error = NULL;
  g_autoptr(GBytes) cert_der = NULL;
  g_autoptr(GBytes) old_key = NULL;
  g_autoptr(GBytes) new_key = NULL;
  g_autoptr(GBytes) old_km_key = NULL;
  g_autoptr(GBytes) new_km_key = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_km = NULL;
  const char *key_path;

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (certificate), FALSE);
  g_return_val_if_fail (old_password != NULL || old_password_len == 0, FALSE);
  g_return_val_if_fail (new_password != NULL || new_password_len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  key_path = dojang_certificate_get_key_path (certificate);
  if (key_path == NULL)
    {
      g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NO_PRIVATE_KEY,
                           _("This certificate has no private key (signPri.key) beside it."));
      return FALSE;
    }

  cert_der = dojang_x509_read_file (dojang_certificate_get_path (certificate), error);
  if (cert_der == NULL)
    return FALSE;
  old_key = dojang_x509_read_file (key_path, error);
  if (old_key == NULL)
    return FALSE;

  /* The old password first: a wrong one says so before any rule talk. */
  if (!dojang_private_key_check_bytes (old_key, cert_der, old_password, old_password_len, &key_error))
    {
      dojang_certificate_error_propagate_key (error, key_error);
      return FALSE;
    }
  if (!check_new_password (old_password, old_password_len, new_password, new_password_len, error)
      || !dojang_npki_check_writable (dojang_certificate_get_folder (certificate), error))
    return FALSE;

  new_key = dojang_private_key_change_password (old_key, cert_der, old_password, old_password_len,
                                                new_password, new_password_len, &key_error);
  if (new_key == NULL)
    {
      dojang_certificate_error_propagate_key (error, key_error);
      return FALSE;
    }
  new_km_key = change_km_key (certificate, old_password, old_password_len, new_password,
                              new_password_len, &old_km_key);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!replace_key (key_path, old_key, new_key, &kept, error))
    return FALSE;

  /* signPri.key is what sites ask for; a km key that fails to follow stays
   * a whole key with the old password, as it was. */
  if (new_km_key != NULL)
    replace_key (dojang_certificate_get_km_key_path (certificate), old_km_key, new_km_key, &kept_km, NULL);

  if (kept_old_key != NULL)
    *kept_old_key = g_steal_pointer (&kept);

  return TRUE;
}

typedef struct
{
  DojangCertificate *certificate;
  guint8            *old_password;
  gsize              old_password_len;
  guint8            *new_password;
  gsize              new_password_len;
} ChangeData;

static void
change_data_free (ChangeData *data)
{
  g_clear_object (&data->certificate);
  dojang_secure_free (data->old_password, data->old_password_len);
  dojang_secure_free (data->new_password, data->new_password_len);
  g_free (data);
}

static guint8 *
secure_copy (const char *password,
             gsize       password_len)
{
  guint8 *copy = dojang_secure_alloc (password_len);

  if (password_len > 0)
    memcpy (copy, password, password_len);

  return copy;
}

static gboolean
change_in_thread (gpointer       source_object,
                  gpointer       work_data,
                  GCancellable  *cancellable,
                  gpointer      *result,
                  GError       **error)
{
  ChangeData *data = work_data;
  char *kept = NULL;

  if (!dojang_certificate_change_password (data->certificate, (const char *) data->old_password,
                                           data->old_password_len, (const char *) data->new_password,
                                           data->new_password_len, &kept, cancellable, error))
    return FALSE;

  *result = kept;
  return TRUE;
}

/**
 * dojang_certificate_change_password_async:
 *
 * Runs dojang_certificate_change_password() in a worker thread. Both
 * passwords are copied into secure memory at once; the caller may wipe its
 * copies right after this call.
 */
void
dojang_certificate_change_password_async (DojangCertificate   *certificate,
                                          const char          *old_password,
                                          gsize                old_password_len,
                                          const char          *new_password,
                                          gsize                new_password_len,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  ChangeData *data;

  g_return_if_fail (DOJANG_IS_CERTIFICATE (certificate));
  g_return_if_fail (old_password != NULL || old_password_len == 0);
  g_return_if_fail (new_password != NULL || new_password_len == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ChangeData, 1);
  data->certificate = g_object_ref (certificate);
  data->old_password = secure_copy (old_password, old_password_len);
  data->old_password_len = old_password_len;
  data->new_password = secure_copy (new_password, new_password_len);
  data->new_password_len = new_password_len;

  dojang_task_run_in_thread (NULL, dojang_certificate_change_password_async, change_in_thread,
                             data, (GDestroyNotify) change_data_free, g_free,
                             cancellable, callback, user_data);
}

/**
 * dojang_certificate_change_password_finish:
 * @kept_old_key: (out) (optional) (transfer full): see
 *   dojang_certificate_change_password()
 */
gboolean
dojang_certificate_change_password_finish (GAsyncResult  *result,
                                           char         **kept_old_key,
                                           GError       **error)
{
  g_autofree char *kept = NULL;

  if (!dojang_task_finish (result, NULL, dojang_certificate_change_password_async,
                           (gpointer *) &kept, error))
    return FALSE;

  if (kept_old_key != NULL)
    *kept_old_key = g_steal_pointer (&kept);

  return TRUE;
}
