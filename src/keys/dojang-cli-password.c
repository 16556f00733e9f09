/* SPDX-License-Identifier: GPL-3.0-or-later */

/* `dojang --check-password DIR_OR_KEYFILE`: reads one line from standard
 * input and checks it against the certificate's private key. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-cli-password.h"
#include "dojang-password-input.h"
#include "dojang-private-key.h"

static int
status_for_error (const GError *error)
{
  if (error->domain != DOJANG_PRIVATE_KEY_ERROR)
    return DOJANG_CLI_PASSWORD_BAD_KEY;

  switch ((DojangPrivateKeyError) error->code)
    {
    case DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD:
      return DOJANG_CLI_PASSWORD_WRONG;
    case DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND:
      return DOJANG_CLI_PASSWORD_USAGE_ERROR;
    case DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED:
    case DOJANG_PRIVATE_KEY_ERROR_DAMAGED:
    case DOJANG_PRIVATE_KEY_ERROR_KEY_MISMATCH:
    case DOJANG_PRIVATE_KEY_ERROR_CERTIFICATE_DAMAGED:
    default:
      return DOJANG_CLI_PASSWORD_BAD_KEY;
    }
}

int
dojang_cli_check_password (const char *dir_or_key_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangPassword) password = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *cert_path = NULL;

  g_return_val_if_fail (dir_or_key_file != NULL, DOJANG_CLI_PASSWORD_USAGE_ERROR);

  if (!dojang_private_key_resolve (dir_or_key_file, &key_path, &cert_path, &error))
    {
      g_printerr ("%s\n", error->message);
      return DOJANG_CLI_PASSWORD_USAGE_ERROR;
    }

  password = dojang_password_input_read (_("Certificate password: "), &error);
  if (password == NULL)
    {
      g_printerr ("%s\n", error->message);
      return DOJANG_CLI_PASSWORD_USAGE_ERROR;
    }

  if (!dojang_private_key_check (key_path, cert_path, password->data, password->len, &error))
    {
      g_printerr ("%s\n", error->message);
      return status_for_error (error);
    }

  g_print ("%s\n", _("The password is correct."));
  return DOJANG_CLI_PASSWORD_CORRECT;
}
