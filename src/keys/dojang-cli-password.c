/* SPDX-License-Identifier: GPL-3.0-or-later */

/* `dojang --check-password DIR_OR_KEYFILE`: reads one line from standard
 * input and checks it against the certificate's private key. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "dojang-cli-password.h"
#include "dojang-key-derivation.h"
#include "dojang-private-key.h"

/* Longer lines are refused rather than silently cut. */
#define MAX_PASSWORD_LEN 1024

static const int restore_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

static struct termios saved_termios;
static volatile sig_atomic_t echo_is_off = 0;
static struct sigaction saved_actions[G_N_ELEMENTS (restore_signals)];

/* Async-signal-safe: put the terminal back, then die of the same signal. */
static void
restore_echo_and_reraise (int signum)
{
  if (echo_is_off)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  raise (signum);
}

static gboolean
echo_off (void)
{
  struct termios quiet;
  struct sigaction action;

  if (tcgetattr (STDIN_FILENO, &saved_termios) != 0)
    return FALSE;

  memset (&action, 0, sizeof action);
  action.sa_handler = restore_echo_and_reraise;
  action.sa_flags = SA_RESETHAND;
  sigemptyset (&action.sa_mask);
  for (gsize i = 0; i < G_N_ELEMENTS (restore_signals); i++)
    sigaction (restore_signals[i], &action, &saved_actions[i]);

  quiet = saved_termios;
  quiet.c_lflag &= ~(tcflag_t) (ECHO | ECHONL);
  echo_is_off = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;

  return echo_is_off;
}

static void
echo_on (void)
{
  if (echo_is_off)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  echo_is_off = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (restore_signals); i++)
    sigaction (restore_signals[i], &saved_actions[i], NULL);
}

/* Reads up to a newline with read(2), byte by byte: stdio would keep a copy
 * of the password in its buffer, and must not swallow input past the line. */
static gboolean
read_password_line (guint8 *buffer,
                    gsize  *len)
{
  gsize n = 0;

  for (;;)
    {
      guint8 c;
      ssize_t got = read (STDIN_FILENO, &c, 1);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0 || c == '\n')
        break;
      if (n == MAX_PASSWORD_LEN)
        return FALSE;
      buffer[n++] = c;
    }

  if (n > 0 && buffer[n - 1] == '\r')
    buffer[--n] = '\0';

  *len = n;
  return TRUE;
}

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
  g_autofree char *key_path = NULL;
  g_autofree char *cert_path = NULL;
  gboolean interactive;
  gboolean read_ok;
  guint8 *password;
  gsize password_len = 0;
  gboolean correct;

  g_return_val_if_fail (dir_or_key_file != NULL, DOJANG_CLI_PASSWORD_USAGE_ERROR);

  if (!dojang_private_key_resolve (dir_or_key_file, &key_path, &cert_path, &error))
    {
      g_printerr ("%s\n", error->message);
      return DOJANG_CLI_PASSWORD_USAGE_ERROR;
    }

  password = dojang_secure_alloc (MAX_PASSWORD_LEN + 1);
  interactive = isatty (STDIN_FILENO) && echo_off ();
  if (interactive)
    g_printerr ("%s", _("Certificate password: "));

  read_ok = read_password_line (password, &password_len);

  if (interactive)
    {
      echo_on ();
      g_printerr ("\n");
    }

  if (!read_ok)
    {
      dojang_secure_free (password, MAX_PASSWORD_LEN + 1);
      g_printerr (_("The password is longer than %d bytes."), MAX_PASSWORD_LEN);
      g_printerr ("\n");
      return DOJANG_CLI_PASSWORD_USAGE_ERROR;
    }

  correct = dojang_private_key_check (key_path, cert_path, (const char *) password,
                                      password_len, &error);
  dojang_secure_free (password, MAX_PASSWORD_LEN + 1);

  if (!correct)
    {
      g_printerr ("%s\n", error->message);
      return status_for_error (error);
    }

  g_print ("%s\n", _("The password is correct."));
  return DOJANG_CLI_PASSWORD_CORRECT;
}
