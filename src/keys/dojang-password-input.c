/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One line of standard input as a password: on a terminal with a prompt and
 * without echo (the terminal is put back even when a signal ends the
 * program), from a pipe as it comes; read into secure memory and wiped
 * when freed. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "dojang-key-derivation.h"
#include "dojang-password-input.h"

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
 * of the password in its buffer, and must not swallow the next line, which
 * may be the next password. */
static gboolean
read_password_line (char  *buffer,
                    gsize *len)
{
  gsize n = 0;

  for (;;)
    {
      char c;
      ssize_t got = read (STDIN_FILENO, &c, 1);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0 || c == '\n')
        break;
      if (n == DOJANG_PASSWORD_INPUT_MAX_LEN)
        return FALSE;
      buffer[n++] = c;
    }

  if (n > 0 && buffer[n - 1] == '\r')
    buffer[--n] = '\0';

  *len = n;
  return TRUE;
}

/**
 * dojang_password_input_is_terminal:
 *
 * Returns: %TRUE when standard input is a terminal, where a person types
 */
gboolean
dojang_password_input_is_terminal (void)
{
  return isatty (STDIN_FILENO);
}

/**
 * dojang_password_input_read:
 * @prompt: shown on standard error when standard input is a terminal
 *
 * Reads one line; the end of input is an empty password.
 *
 * Returns: (transfer full) (nullable): the password, or %NULL with
 *   G_IO_ERROR_INVALID_DATA when the line is too long
 */
DojangPassword *
dojang_password_input_read (const char  *prompt,
                            GError     **error)
{
  DojangPassword *password = g_new0 (DojangPassword, 1);
  gboolean interactive;
  gboolean read_ok;

  g_return_val_if_fail (prompt != NULL, NULL);

  password->data = dojang_secure_alloc (DOJANG_PASSWORD_INPUT_MAX_LEN + 1);
  interactive = dojang_password_input_is_terminal () && echo_off ();
  if (interactive)
    g_printerr ("%s", prompt);

  read_ok = read_password_line (password->data, &password->len);

  if (interactive)
    {
      echo_on ();
      g_printerr ("\n");
    }

  if (!read_ok)
    {
      dojang_password_free (password);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The password is longer than %d bytes."), DOJANG_PASSWORD_INPUT_MAX_LEN);
      return NULL;
    }

  return password;
}

void
dojang_password_free (DojangPassword *password)
{
  if (password == NULL)
    return;

  dojang_secure_free (password->data, DOJANG_PASSWORD_INPUT_MAX_LEN + 1);
  g_free (password);
}
