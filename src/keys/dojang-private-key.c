/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dojang-encrypted-key.h"
#include "dojang-key-derivation.h"
#include "dojang-key-encryption.h"
#include "dojang-npki-lookup.h"
#include "dojang-private-key-info.h"
#include "dojang-private-key.h"
#include "dojang-task.h"

#define MAX_KEY_FILE_SIZE (64 * 1024)
#define MAX_CERT_FILE_SIZE (1024 * 1024)

G_DEFINE_QUARK (dojang-private-key-error-quark, dojang_private_key_error)

/* NPKI pairs each key with its certificate by name in the certificate's
 * folder, as KISA's storage specification lays it out
 * (http://www.rootca.or.kr/kcac/down/TechSpec/6.1-KCAC.TS.UI.pdf). */
static const struct
{
  const char *key_name;
  const char *cert_name;
} key_cert_names[] = {
  { "signPri.key", "signCert.der" },
  { "kmPri.key", "kmCert.der" },
};

/**
 * dojang_private_key_resolve:
 * @dir_or_key_file: a certificate's folder, its key file or its certificate
 * @key_path: (out) (transfer full): the signPri.key (or kmPri.key) to check
 * @cert_path: (out) (transfer full) (nullable): the certificate beside it,
 *   or %NULL when there is none
 *
 * Returns: %FALSE with %DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND if there is no key
 */
gboolean
dojang_private_key_resolve (const char  *dir_or_key_file,
                            char       **key_path,
                            char       **cert_path,
                            GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *key = NULL;
  g_autofree char *cert = NULL;

  g_return_val_if_fail (dir_or_key_file != NULL, FALSE);
  g_return_val_if_fail (key_path != NULL && cert_path != NULL, FALSE);

  display = g_filename_display_name (dir_or_key_file);

  if (g_file_test (dir_or_key_file, G_FILE_TEST_IS_DIR))
    {
      if (g_access (dir_or_key_file, R_OK | X_OK) != 0)
        {
          g_set_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND,
                       _("You do not have permission to read the folder “%s”."), display);
          return FALSE;
        }
      key = dojang_npki_find_file (dir_or_key_file, key_cert_names[0].key_name);
      if (key == NULL)
        {
          g_set_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND,
                       _("There is no signPri.key in the folder “%s”."), display);
          return FALSE;
        }
      *key_path = g_steal_pointer (&key);
      *cert_path = dojang_npki_find_file (dir_or_key_file, key_cert_names[0].cert_name);
      return TRUE;
    }

  if (!g_file_test (dir_or_key_file, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND,
                   _("There is no file or folder “%s”."), display);
      return FALSE;
    }

  folder = g_path_get_dirname (dir_or_key_file);
  base = g_path_get_basename (dir_or_key_file);
  key = g_strdup (dir_or_key_file);

  for (gsize i = 0; i < G_N_ELEMENTS (key_cert_names); i++)
    {
      /* Given the certificate, find its key. */
      if (g_ascii_strcasecmp (base, key_cert_names[i].cert_name) == 0)
        {
          g_clear_pointer (&key, g_free);
          key = dojang_npki_find_file (folder, key_cert_names[i].key_name);
          cert = g_strdup (dir_or_key_file);
          if (key == NULL)
            {
              g_set_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND,
                           _("There is no %s beside “%s”."), key_cert_names[i].key_name, display);
              return FALSE;
            }
          break;
        }
      if (g_ascii_strcasecmp (base, key_cert_names[i].key_name) == 0)
        {
          cert = dojang_npki_find_file (folder, key_cert_names[i].cert_name);
          break;
        }
    }

  /* A key file with another name: the usual certificate, if any. */
  if (cert == NULL)
    cert = dojang_npki_find_file (folder, key_cert_names[0].cert_name);

  *key_path = g_steal_pointer (&key);
  *cert_path = g_steal_pointer (&cert);
  return TRUE;
}

/**
 * dojang_private_key_open:
 * @key_der: the contents of signPri.key
 * @cert_der: (nullable): the contents of the certificate beside it
 * @password: the password's bytes (UTF-8), not necessarily NUL-terminated
 * @format: (out caller-allocates) (optional): how the key is encrypted
 * @info_len: (out): the size of the returned key
 *
 * Decrypts the key and checks it as dojang_private_key_check_bytes() does.
 * An empty password is always wrong: NPKI keys have one.
 *
 * Returns: (transfer full) (nullable): the DER PrivateKeyInfo, exactly as it
 *   was encrypted (with its attributes), in secure memory; release it with
 *   dojang_secure_free (info, *info_len). %NULL with a
 *   %DOJANG_PRIVATE_KEY_ERROR otherwise
 */
guint8 *
dojang_private_key_open (GBytes           *key_der,
                         GBytes           *cert_der,
                         const char       *password,
                         gsize             password_len,
                         DojangKeyFormat  *format,
                         gsize            *info_len,
                         GError          **error)
{
  g_autoptr(DojangEncryptedKey) key = NULL;
  guint8 *plaintext = NULL;
  gsize plaintext_len = 0;
  gsize key_len = 0;
  const guint8 *key_data;

  g_return_val_if_fail (key_der != NULL, NULL);
  g_return_val_if_fail (password != NULL || password_len == 0, NULL);
  g_return_val_if_fail (info_len != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dojang_crypto_init ();

  key_data = g_bytes_get_data (key_der, &key_len);
  key = dojang_encrypted_key_parse (key_data, key_len, error);
  if (key == NULL)
    return NULL;

  if (password_len == 0)
    {
      g_set_error_literal (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD,
                           _("The password is wrong."));
      return NULL;
    }

  if (!dojang_encrypted_key_decrypt (key, (const guint8 *) password, password_len,
                                     &plaintext, &plaintext_len, error))
    return NULL;

  if (!dojang_private_key_info_verify (plaintext, plaintext_len, cert_der, error))
    {
      dojang_secure_free (plaintext, plaintext_len);
      return NULL;
    }

  if (format != NULL)
    dojang_encrypted_key_get_format (key, format);
  *info_len = plaintext_len;

  return plaintext;
}

/**
 * dojang_private_key_seal:
 * @format: the encryption to use; the salt and the IV are new
 * @info: a DER PrivateKeyInfo
 * @password: the password's bytes (UTF-8); not empty
 *
 * Encrypts @info, then decrypts the result again and compares it with @info,
 * so that a key is only ever written once it is known to open.
 *
 * Returns: (transfer full) (nullable): the new signPri.key contents
 */
GBytes *
dojang_private_key_seal (const DojangKeyFormat  *format,
                         const guint8           *info,
                         gsize                   info_len,
                         const char             *password,
                         gsize                   password_len,
                         GError                **error)
{
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(DojangEncryptedKey) reread = NULL;
  guint8 *plaintext = NULL;
  gsize plaintext_len = 0;
  gboolean same;

  g_return_val_if_fail (format != NULL && info != NULL && info_len > 0, NULL);
  g_return_val_if_fail (password != NULL && password_len > 0, NULL);

  sealed = dojang_key_encrypt (format, info, info_len, (const guint8 *) password, password_len, error);
  if (sealed == NULL)
    return NULL;

  reread = dojang_encrypted_key_parse (g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed), error);
  if (reread == NULL
      || !dojang_encrypted_key_decrypt (reread, (const guint8 *) password, password_len,
                                        &plaintext, &plaintext_len, error))
    return NULL;

  same = plaintext_len == info_len && memcmp (plaintext, info, info_len) == 0;
  dojang_secure_free (plaintext, plaintext_len);
  if (!same)
    {
      g_set_error_literal (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_DAMAGED,
                           _("The newly encrypted private key did not open again; nothing was written."));
      return NULL;
    }

  return g_steal_pointer (&sealed);
}

/**
 * dojang_private_key_change_password:
 * @key_der: the contents of signPri.key
 * @cert_der: (nullable): the certificate the key must belong to
 * @old_password: the current password's bytes
 * @new_password: the new password's bytes; not empty
 *
 * Re-encrypts the key in its own format (scheme, hash, cipher, rounds, salt
 * size) with a fresh salt and IV. The rule for new passwords is the
 * caller's business (dojang-password-rule.h).
 *
 * Returns: (transfer full) (nullable): the new signPri.key contents, checked
 *   to open with @new_password; %NULL with a %DOJANG_PRIVATE_KEY_ERROR
 */
GBytes *
dojang_private_key_change_password (GBytes      *key_der,
                                    GBytes      *cert_der,
                                    const char  *old_password,
                                    gsize        old_password_len,
                                    const char  *new_password,
                                    gsize        new_password_len,
                                    GError     **error)
{
  DojangKeyFormat format;
  GBytes *sealed;
  guint8 *info;
  gsize info_len = 0;

  g_return_val_if_fail (new_password != NULL && new_password_len > 0, NULL);

  info = dojang_private_key_open (key_der, cert_der, old_password, old_password_len, &format,
                                  &info_len, error);
  if (info == NULL)
    return NULL;

  sealed = dojang_private_key_seal (&format, info, info_len, new_password, new_password_len, error);
  dojang_secure_free (info, info_len);

  return sealed;
}

/**
 * dojang_private_key_check_bytes:
 * @key_der: the contents of signPri.key
 * @cert_der: (nullable): the contents of the certificate beside it
 * @password: the password's bytes (UTF-8), not necessarily NUL-terminated
 *
 * Checks @password against the key without writing anything anywhere.
 *
 * Returns: %TRUE if the password opens the key and the key is intact and
 *   belongs to @cert_der; otherwise %FALSE with a %DOJANG_PRIVATE_KEY_ERROR
 */
gboolean
dojang_private_key_check_bytes (GBytes      *key_der,
                                GBytes      *cert_der,
                                const char  *password,
                                gsize        password_len,
                                GError     **error)
{
  gsize info_len = 0;
  guint8 *info;

  info = dojang_private_key_open (key_der, cert_der, password, password_len, NULL, &info_len, error);
  if (info == NULL)
    return FALSE;

  dojang_secure_free (info, info_len);
  return TRUE;
}

static GBytes *
read_file (const char  *path,
           gsize        max_size,
           int          too_big_code,
           GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize len = 0;
  GStatBuf st;

  /* A FIFO would block the read, a device never end it. */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND,
                   _("“%s” is not a regular file."), display);
      return NULL;
    }
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > max_size)
    {
      g_set_error (error, DOJANG_PRIVATE_KEY_ERROR, too_big_code,
                   _("The file “%s” is too large to be a certificate or a private key."), display);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND,
                   _("Could not read “%s”: %s"), display, local_error->message);
      return NULL;
    }

  return g_bytes_new_take (contents, len);
}

/**
 * dojang_private_key_check:
 * @key_path: the signPri.key file
 * @cert_path: (nullable): the certificate beside it, if there is one
 * @password: the password's bytes (UTF-8)
 *
 * The file variant of dojang_private_key_check_bytes(); it blocks for a
 * few milliseconds, so call dojang_private_key_check_async() from the UI.
 */
gboolean
dojang_private_key_check (const char  *key_path,
                          const char  *cert_path,
                          const char  *password,
                          gsize        password_len,
                          GError     **error)
{
  g_autoptr(GBytes) key_der = NULL;
  g_autoptr(GBytes) cert_der = NULL;

  g_return_val_if_fail (key_path != NULL, FALSE);
  g_return_val_if_fail (password != NULL || password_len == 0, FALSE);

  key_der = read_file (key_path, MAX_KEY_FILE_SIZE, DOJANG_PRIVATE_KEY_ERROR_DAMAGED, error);
  if (key_der == NULL)
    return FALSE;

  if (cert_path != NULL)
    {
      cert_der = read_file (cert_path, MAX_CERT_FILE_SIZE,
                            DOJANG_PRIVATE_KEY_ERROR_CERTIFICATE_DAMAGED, error);
      if (cert_der == NULL)
        return FALSE;
    }

  return dojang_private_key_check_bytes (key_der, cert_der, password, password_len, error);
}

typedef struct
{
  char   *key_path;
  char   *cert_path;
  guint8 *password;
  gsize   password_len;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_free (data->key_path);
  g_free (data->cert_path);
  dojang_secure_free (data->password, data->password_len);
  g_free (data);
}

static gboolean
check_in_thread (gpointer       source_object,
                 gpointer       work_data,
                 GCancellable  *cancellable,
                 gpointer      *result,
                 GError       **error)
{
  CheckData *data = work_data;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return dojang_private_key_check (data->key_path, data->cert_path,
                                   (const char *) data->password, data->password_len, error);
}

/**
 * dojang_private_key_check_async:
 *
 * Runs dojang_private_key_check() in a worker thread. The password is copied
 * into secure memory at once, so the caller may wipe its own copy right
 * after this call; the copy is wiped when the task ends.
 */
void
dojang_private_key_check_async (const char          *key_path,
                                const char          *cert_path,
                                const char          *password,
                                gsize                password_len,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  CheckData *data;

  g_return_if_fail (key_path != NULL);
  g_return_if_fail (password != NULL || password_len == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (CheckData, 1);
  data->key_path = g_strdup (key_path);
  data->cert_path = g_strdup (cert_path);
  data->password = dojang_secure_alloc (password_len);
  data->password_len = password_len;
  if (password_len > 0)
    memcpy (data->password, password, password_len);

  dojang_task_run_in_thread (NULL, dojang_private_key_check_async, check_in_thread,
                             data, (GDestroyNotify) check_data_free, NULL,
                             cancellable, callback, user_data);
}

gboolean
dojang_private_key_check_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return dojang_task_finish (result, NULL, dojang_private_key_check_async, NULL, error);
}
