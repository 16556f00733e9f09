/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gcrypt.h>
#include <string.h>

#include "dojang-encrypted-key.h"
#include "dojang-key-derivation.h"
#include "dojang-private-key.h"
#include "key-fixtures.h"

static char *fixtures;

typedef struct
{
  const char      *folder;
  const char      *password;
  DojangKeyScheme  scheme;
} GoodKey;

/* Every folder make-keys.py writes with a key and its certificate. */
static const GoodKey good_keys[] = {
  { "seed-sha1", KEY_FIXTURE_PASSWORD, DOJANG_KEY_SCHEME_SEED_SHA1 },
  { "seed-sha1-korean", KEY_FIXTURE_PASSWORD_KOREAN, DOJANG_KEY_SCHEME_SEED_SHA1 },
  { "pbes2-seed", KEY_FIXTURE_PASSWORD, DOJANG_KEY_SCHEME_PBES2 },
  { "pbes2-seed-korean", KEY_FIXTURE_PASSWORD_KOREAN, DOJANG_KEY_SCHEME_PBES2 },
  { "legacy-seed", KEY_FIXTURE_PASSWORD, DOJANG_KEY_SCHEME_LEGACY_SEED },
  { "pbes2-seed-default-prf", KEY_FIXTURE_PASSWORD, DOJANG_KEY_SCHEME_PBES2 },
  { "pbes2-aes128-sha512", KEY_FIXTURE_PASSWORD, DOJANG_KEY_SCHEME_PBES2 },
  { "pbes2-aes192-sha384", KEY_FIXTURE_PASSWORD, DOJANG_KEY_SCHEME_PBES2 },
  { "pbes2-aes256-sha256", KEY_FIXTURE_PASSWORD_KOREAN, DOJANG_KEY_SCHEME_PBES2 },
  { "pbes2-des3-sha224", KEY_FIXTURE_PASSWORD, DOJANG_KEY_SCHEME_PBES2 },
  { "openssl-pbes2-seed", KEY_FIXTURE_PASSWORD, DOJANG_KEY_SCHEME_PBES2 },
  { "openssl-pbes2-des3-sha512", KEY_FIXTURE_PASSWORD_KOREAN, DOJANG_KEY_SCHEME_PBES2 },
  { "cryptography-best-available", KEY_FIXTURE_PASSWORD, DOJANG_KEY_SCHEME_PBES2 },
  { "rsa-older-coefficient", KEY_FIXTURE_PASSWORD, DOJANG_KEY_SCHEME_PBES2 },
};

typedef struct
{
  const char *file;
  int         code;
  const char *message_part;
} BadKey;

/* Files under damaged/, checked with the right password. */
static const BadKey bad_keys[] = {
  { "empty.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "random.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "truncated.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "trailing-garbage.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "flipped-middle.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "flipped-last.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "flipped-private-exponent.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "flipped-coefficient.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "zero-iterations.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "negative-iterations.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "pbes2-short-iv.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "huge-iterations.key", DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED, "1000000" },
  { "enormous-iterations.key", DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED, "1000000" },
  { "pbes2-huge-iterations.key", DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED, "1000000" },
  { "unknown-oid.key", DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED, "1.2.410.200004.1.99" },
  { "pbes2-unknown-cipher.key", DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED, "1.2.840.113549.3.2" },
  { "pbes2-unknown-prf.key", DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED, "1.2.410.200004.99.1" },
  { "openssl-pkcs12-pbe.key", DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED, "1.2.840.113549.1.12.1.3" },
  /* The password is right, but what it decrypts does not start like DER:
   * that cannot be told from a wrong key. */
  { "plain-indefinite-length.key", DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD, NULL },
  { "plain-length-past-end.key", DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD, NULL },
  { "plain-inner-indefinite-length.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "plain-inner-length-past-end.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "rsa-n-not-pq.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "rsa-wrong-d.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "rsa-wrong-dp.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "rsa-wrong-dq.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "rsa-wrong-coefficient.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
  { "rsa-p-is-one.key", DOJANG_PRIVATE_KEY_ERROR_DAMAGED, NULL },
};

static char *
fixture_path (const char *first,
              ...)
{
  va_list args;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, fixtures);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static gboolean
check_folder (const char  *folder,
              const char  *password,
              GError     **error)
{
  g_autofree char *dir = fixture_path (folder, NULL);
  g_autofree char *key = NULL;
  g_autofree char *cert = NULL;

  if (!dojang_private_key_resolve (dir, &key, &cert, error))
    return FALSE;

  return dojang_private_key_check (key, cert, password, strlen (password), error);
}

static void
hex_decode (const char *hex,
            guint8     *out,
            gsize       len)
{
  g_assert_cmpuint (strlen (hex), ==, len * 2);
  for (gsize i = 0; i < len; i++)
    out[i] = (guint8) (g_ascii_xdigit_value (hex[2 * i]) << 4 | g_ascii_xdigit_value (hex[2 * i + 1]));
}

/* A known-answer vector: PBKDF1-SHA1 and PBKDF2-HMAC-SHA1 (RFC 8018, sections
 * 5.1 and 5.2) of this password and salt over 2048 rounds, and the
 * seedCBCWithSHA1 IV, the first 16 bytes of SHA-1 (DK[16..20]). The same
 * values are checked by tests/fixtures/make-keys.py with Python's hashlib. */
static const char vector_password[] = "Test1234!@#$";
static const guint8 vector_salt[] = { 1, 2, 3, 4, 5, 6, 7, 8 };

static void
test_pbkdf1_vector (void)
{
  guint8 dk[DOJANG_SHA1_LEN];
  guint8 iv[DOJANG_SEED_BLOCK_LEN];
  guint8 expected_dk[DOJANG_SHA1_LEN];
  guint8 expected_iv[DOJANG_SEED_BLOCK_LEN];

  hex_decode ("ed9f8b0b81799c0491f652778e6788e4ea423ffd", expected_dk, sizeof expected_dk);
  hex_decode ("dbe398da903a94662edd14418381f86e", expected_iv, sizeof expected_iv);

  dojang_pbkdf1_sha1 ((const guint8 *) vector_password, strlen (vector_password),
                      vector_salt, sizeof vector_salt, 2048, dk);
  g_assert_cmpmem (dk, sizeof dk, expected_dk, sizeof expected_dk);

  dojang_seed_iv_from_dk (dk, iv);
  g_assert_cmpmem (iv, sizeof iv, expected_iv, sizeof expected_iv);
}

static void
test_pbkdf1_one_iteration (void)
{
  guint8 dk[DOJANG_SHA1_LEN];
  guint8 expected[DOJANG_SHA1_LEN];
  g_autofree char *input = g_strconcat (vector_password, "\x01\x02\x03\x04\x05\x06\x07\x08", NULL);

  gcry_md_hash_buffer (GCRY_MD_SHA1, expected, input, strlen (input));
  dojang_pbkdf1_sha1 ((const guint8 *) vector_password, strlen (vector_password),
                      vector_salt, sizeof vector_salt, 1, dk);
  g_assert_cmpmem (dk, sizeof dk, expected, sizeof expected);
}

static void
test_pbkdf2_vector (void)
{
  guint8 key[16];
  guint8 expected[16];

  hex_decode ("9dc12fb67810bcf7c306fd38c4d280e4", expected, sizeof expected);
  g_assert_true (dojang_pbkdf2 (GCRY_MD_SHA1, (const guint8 *) vector_password,
                                strlen (vector_password), vector_salt, sizeof vector_salt,
                                2048, key, sizeof key));
  g_assert_cmpmem (key, sizeof key, expected, sizeof expected);
}

static void
test_correct (gconstpointer data)
{
  const GoodKey *good = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (check_folder (good->folder, good->password, &error));
  g_assert_no_error (error);
}

static void
test_scheme (gconstpointer data)
{
  const GoodKey *good = data;
  g_autofree char *path = fixture_path (good->folder, "signPri.key", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangEncryptedKey) key = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  key = dojang_encrypted_key_parse ((const guint8 *) contents, len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (key);
  g_assert_cmpint (dojang_encrypted_key_get_scheme (key), ==, good->scheme);
  g_assert_cmpuint (dojang_encrypted_key_get_iterations (key), ==, 2048);
}

static void
test_wrong (gconstpointer data)
{
  const GoodKey *good = data;
  g_autofree char *with_space = g_strconcat (good->password, " ", NULL);
  /* The other fixture password, near misses, and the right one with a space. */
  const char *wrong[] = {
    g_str_equal (good->password, KEY_FIXTURE_PASSWORD)
      ? KEY_FIXTURE_PASSWORD_KOREAN : KEY_FIXTURE_PASSWORD,
    "Dojang-Test1?",
    "도장비밀번호2025!",
    with_space,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (check_folder (good->folder, wrong[i], &error));
      g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD);
    }
}

static void
test_empty_password (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (check_folder ("seed-sha1", "", &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD);
}

static void
test_bad_key (gconstpointer data)
{
  const BadKey *bad = data;
  g_autofree char *path = fixture_path ("damaged", bad->file, NULL);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_false (dojang_private_key_check (path, NULL, KEY_FIXTURE_PASSWORD,
                                            strlen (KEY_FIXTURE_PASSWORD), &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, bad->code);
  if (bad->message_part != NULL)
    g_assert_nonnull (strstr (error->message, bad->message_part));

  /* Refused iteration counts are never started, so every failure is quick. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
}

static GBytes *
read_fixture (const char *folder,
              const char *name)
{
  g_autofree char *path = fixture_path (folder, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

/* Rewrites the outer SEQUENCE header of a key file: @header replaces the
 * original tag and length octets, @trailer is appended after the content. */
static GBytes *
with_outer_header (GBytes     *key,
                   const char *header,
                   gsize       header_len,
                   const char *trailer,
                   gsize       trailer_len)
{
  gsize len = 0;
  const guint8 *der = g_bytes_get_data (key, &len);
  GByteArray *out = g_byte_array_new ();
  gsize old_header;

  /* Every fixture is far over 255 bytes: 30 82 hi lo. */
  g_assert_cmpuint (der[0], ==, 0x30);
  g_assert_cmpuint (der[1], ==, 0x82);
  old_header = 4;
  g_assert_cmpuint (((gsize) der[2] << 8 | der[3]) + old_header, ==, len);

  g_byte_array_append (out, (const guint8 *) header, header_len);
  g_byte_array_append (out, der + old_header, len - old_header);
  g_byte_array_append (out, (const guint8 *) trailer, trailer_len);

  return g_byte_array_free_to_bytes (out);
}

static void
assert_damaged (GBytes     *key,
                const char *what)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("%s", what);
  g_assert_false (dojang_private_key_check_bytes (key, NULL, KEY_FIXTURE_PASSWORD,
                                                  strlen (KEY_FIXTURE_PASSWORD), &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_DAMAGED);
}

static void
assert_opens (GBytes     *key,
              const char *what)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("%s", what);
  g_assert_true (dojang_private_key_check_bytes (key, NULL, KEY_FIXTURE_PASSWORD,
                                                 strlen (KEY_FIXTURE_PASSWORD), &error));
  g_assert_no_error (error);
}

/* The file's DER header itself broken: never a crash, never "wrong
 * password", always "damaged". */
static void
test_malformed_outer_der (void)
{
  g_autoptr(GBytes) key = read_fixture ("seed-sha1", "signPri.key");
  gsize len = 0;
  const guint8 *der = g_bytes_get_data (key, &len);
  gsize content_len = len - 4;
  char past_end[4] = { 0x30, (char) 0x82, (char) ((content_len + 1) >> 8), (char) ((content_len + 1) & 0xff) };
  char short_by_one[4] = { 0x30, (char) 0x82, (char) ((content_len - 1) >> 8), (char) ((content_len - 1) & 0xff) };
  char five_bytes[7] = { 0x30, (char) 0x85, 0, 0, 0, (char) (content_len >> 8), (char) (content_len & 0xff) };
  char four_bytes[6] = { 0x30, (char) 0x84, 0, 0, (char) (content_len >> 8), (char) (content_len & 0xff) };
  char huge[6] = { 0x30, (char) 0x84, 0x7f, (char) 0xff, (char) 0xff, (char) 0xff };
  char indefinite[2] = { 0x30, (char) 0x80 };
  char end_of_contents[2] = { 0, 0 };
  g_autoptr(GBytes) cut_in_length = g_bytes_new (der, 3);
  g_autoptr(GBytes) tag_only = g_bytes_new (der, 1);
  g_autoptr(GBytes) variant = NULL;

  assert_damaged (cut_in_length, "cut inside the length octets");
  assert_damaged (tag_only, "only the tag");

  variant = with_outer_header (key, past_end, sizeof past_end, NULL, 0);
  assert_damaged (variant, "length one past the end");
  g_clear_pointer (&variant, g_bytes_unref);

  variant = with_outer_header (key, short_by_one, sizeof short_by_one, NULL, 0);
  assert_damaged (variant, "length one short");
  g_clear_pointer (&variant, g_bytes_unref);

  variant = with_outer_header (key, huge, sizeof huge, NULL, 0);
  assert_damaged (variant, "length of 2 GiB");
  g_clear_pointer (&variant, g_bytes_unref);

  /* BER, not DER: the end is marked by two zero octets. */
  variant = with_outer_header (key, indefinite, sizeof indefinite,
                               end_of_contents, sizeof end_of_contents);
  assert_damaged (variant, "indefinite length");
  g_clear_pointer (&variant, g_bytes_unref);

  /* More length octets than needed are unusual but unambiguous: the
   * length is read as a number, not matched against the usual forms. */
  variant = with_outer_header (key, four_bytes, sizeof four_bytes, NULL, 0);
  assert_opens (variant, "four length octets");
  g_clear_pointer (&variant, g_bytes_unref);

  variant = with_outer_header (key, five_bytes, sizeof five_bytes, NULL, 0);
  assert_opens (variant, "five length octets");
}

static void
test_other_certificate (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (check_folder ("other-certificate", KEY_FIXTURE_PASSWORD, &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_KEY_MISMATCH);
}

static void
test_damaged_certificate (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (check_folder ("damaged-certificate", KEY_FIXTURE_PASSWORD, &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_CERTIFICATE_DAMAGED);
}

static void
test_missing_files (void)
{
  g_autofree char *key = fixture_path ("seed-sha1", "signPri.key", NULL);
  g_autofree char *missing = fixture_path ("seed-sha1", "missing.der", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (dojang_private_key_check (missing, NULL, "x", 1, &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (dojang_private_key_check (key, missing, KEY_FIXTURE_PASSWORD,
                                            strlen (KEY_FIXTURE_PASSWORD), &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND);
}

static void
test_resolve (void)
{
  g_autofree char *folder = fixture_path ("seed-sha1", NULL);
  g_autofree char *odd = fixture_path ("odd-case", NULL);
  g_autofree char *cert_file = fixture_path ("seed-sha1", "signCert.der", NULL);
  g_autofree char *lone_key = fixture_path ("no-certificate", "signPri.key", NULL);
  g_autofree char *empty_folder = fixture_path ("damaged", NULL);
  g_autofree char *nowhere = fixture_path ("no-such-folder", NULL);
  g_autoptr(GError) error = NULL;
  char *key = NULL;
  char *cert = NULL;

  g_assert_true (dojang_private_key_resolve (folder, &key, &cert, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (strrchr (key, G_DIR_SEPARATOR) + 1, ==, "signPri.key");
  g_assert_cmpstr (strrchr (cert, G_DIR_SEPARATOR) + 1, ==, "signCert.der");
  g_clear_pointer (&key, g_free);
  g_clear_pointer (&cert, g_free);

  g_assert_true (dojang_private_key_resolve (odd, &key, &cert, &error));
  g_assert_cmpstr (strrchr (key, G_DIR_SEPARATOR) + 1, ==, "SIGNPRI.KEY");
  g_assert_cmpstr (strrchr (cert, G_DIR_SEPARATOR) + 1, ==, "SignCert.DER");
  g_assert_true (dojang_private_key_check (key, cert, KEY_FIXTURE_PASSWORD,
                                           strlen (KEY_FIXTURE_PASSWORD), &error));
  g_clear_pointer (&key, g_free);
  g_clear_pointer (&cert, g_free);

  /* Given the certificate, the key beside it is checked. */
  g_assert_true (dojang_private_key_resolve (cert_file, &key, &cert, &error));
  g_assert_cmpstr (strrchr (key, G_DIR_SEPARATOR) + 1, ==, "signPri.key");
  g_assert_cmpstr (cert, ==, cert_file);
  g_clear_pointer (&key, g_free);
  g_clear_pointer (&cert, g_free);

  g_assert_true (dojang_private_key_resolve (lone_key, &key, &cert, &error));
  g_assert_cmpstr (key, ==, lone_key);
  g_assert_null (cert);
  g_assert_true (dojang_private_key_check (key, cert, KEY_FIXTURE_PASSWORD,
                                           strlen (KEY_FIXTURE_PASSWORD), &error));
  g_clear_pointer (&key, g_free);

  g_assert_false (dojang_private_key_resolve (empty_folder, &key, &cert, &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (dojang_private_key_resolve (nowhere, &key, &cert, &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND);
  g_assert_null (key);
}

static void
test_password_length (void)
{
  g_autofree char *path = fixture_path ("pbes2-seed", "signPri.key", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) key = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  /* Only password_len bytes count; the rest must be ignored. */
  const char buffer[] = KEY_FIXTURE_PASSWORD "trailing";

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  key = g_bytes_new (contents, len);

  g_assert_true (dojang_private_key_check_bytes (key, NULL, buffer,
                                                 strlen (KEY_FIXTURE_PASSWORD), &error));
  g_assert_no_error (error);

  g_assert_false (dojang_private_key_check_bytes (key, NULL, buffer,
                                                  strlen (KEY_FIXTURE_PASSWORD) - 1, &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} AsyncResult;

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncResult *out = user_data;

  g_assert_null (source);
  out->ok = dojang_private_key_check_finish (result, &out->error);
  g_main_loop_quit (out->loop);
}

static void
run_async (const char   *password,
           GCancellable *cancellable,
           AsyncResult  *out)
{
  g_autofree char *key = fixture_path ("seed-sha1", "signPri.key", NULL);
  g_autofree char *cert = fixture_path ("seed-sha1", "signCert.der", NULL);
  g_autofree char *copy = g_strdup (password);

  out->loop = g_main_loop_new (NULL, FALSE);
  dojang_private_key_check_async (key, cert, copy, strlen (copy), cancellable, on_checked, out);
  /* The task keeps its own copy: the caller may wipe the password at once. */
  memset (copy, 'x', strlen (copy));
  g_main_loop_run (out->loop);
  g_main_loop_unref (out->loop);
}

static void
test_async (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncResult right = { NULL, FALSE, NULL };
  AsyncResult wrong = { NULL, FALSE, NULL };
  AsyncResult cancelled = { NULL, FALSE, NULL };

  run_async (KEY_FIXTURE_PASSWORD, NULL, &right);
  g_assert_no_error (right.error);
  g_assert_true (right.ok);

  run_async ("Dojang-Test2!", NULL, &wrong);
  g_assert_error (wrong.error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD);
  g_assert_false (wrong.ok);
  g_clear_error (&wrong.error);

  g_cancellable_cancel (cancellable);
  run_async (KEY_FIXTURE_PASSWORD, cancellable, &cancelled);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&cancelled.error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dojang_crypto_init ();
  fixtures = key_fixtures_create ();

  g_test_add_func ("/dojang/private-key/kdf/pbkdf1-known-vector", test_pbkdf1_vector);
  g_test_add_func ("/dojang/private-key/kdf/pbkdf1-one-iteration", test_pbkdf1_one_iteration);
  g_test_add_func ("/dojang/private-key/kdf/pbkdf2-known-vector", test_pbkdf2_vector);

  for (gsize i = 0; i < G_N_ELEMENTS (good_keys); i++)
    {
      g_autofree char *correct = g_strdup_printf ("/dojang/private-key/correct/%s", good_keys[i].folder);
      g_autofree char *wrong = g_strdup_printf ("/dojang/private-key/wrong/%s", good_keys[i].folder);
      g_autofree char *scheme = g_strdup_printf ("/dojang/private-key/scheme/%s", good_keys[i].folder);

      g_test_add_data_func (correct, &good_keys[i], test_correct);
      g_test_add_data_func (wrong, &good_keys[i], test_wrong);
      g_test_add_data_func (scheme, &good_keys[i], test_scheme);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad_keys); i++)
    {
      g_autofree char *name = g_strdup_printf ("/dojang/private-key/bad/%s", bad_keys[i].file);

      g_test_add_data_func (name, &bad_keys[i], test_bad_key);
    }

  g_test_add_func ("/dojang/private-key/empty-password", test_empty_password);
  g_test_add_func ("/dojang/private-key/malformed-outer-der", test_malformed_outer_der);
  g_test_add_func ("/dojang/private-key/other-certificate", test_other_certificate);
  g_test_add_func ("/dojang/private-key/damaged-certificate", test_damaged_certificate);
  g_test_add_func ("/dojang/private-key/missing-files", test_missing_files);
  g_test_add_func ("/dojang/private-key/resolve", test_resolve);
  g_test_add_func ("/dojang/private-key/password-length", test_password_length);
  g_test_add_func ("/dojang/private-key/async", test_async);

  status = g_test_run ();

  key_fixtures_remove (fixtures);
  g_free (fixtures);

  return status;
}
