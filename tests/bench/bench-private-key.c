/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Times password checks of NPKI keys with 2048 iterations.
 *
 * Usage: bench-private-key [CHECKS]
 * Prints the milliseconds per check for each format; the goal is ≤ 20 ms. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dojang-private-key.h"
#include "key-fixtures.h"

typedef struct
{
  const char *label;
  const char *folder;
} Format;

static const Format formats[] = {
  { "(a) seedCBCWithSHA1, PBKDF1", "seed-sha1" },
  { "(b) PBES2, PBKDF2, SEED-CBC", "pbes2-seed" },
  { "(c) SEED-CBC, fixed IV", "legacy-seed" },
};

static double
time_checks (const char *key,
             const char *cert,
             const char *password,
             gboolean    expect_correct,
             guint       checks)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < checks; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean correct = dojang_private_key_check (key, cert, password, strlen (password), &error);

      if (correct != expect_correct)
        g_error ("Unexpected result for %s: %s", key, error ? error->message : "correct");
    }

  return (double) (g_get_monotonic_time () - start) / 1000.0 / checks;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *fixtures = NULL;
  guint checks = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 200;

  if (checks == 0)
    checks = 200;

  fixtures = key_fixtures_create ();
  g_print ("%u checks per format, 2048 iterations, with certificate\n", checks);

  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *key = g_build_filename (fixtures, formats[i].folder, "signPri.key", NULL);
      g_autofree char *cert = g_build_filename (fixtures, formats[i].folder, "signCert.der", NULL);
      double right;
      double wrong;

      /* Warm the caches and libgcrypt's one-time set-up. */
      time_checks (key, cert, KEY_FIXTURE_PASSWORD, TRUE, 3);
      right = time_checks (key, cert, KEY_FIXTURE_PASSWORD, TRUE, checks);
      wrong = time_checks (key, cert, "Dojang-Wrong1!", FALSE, checks);
      g_print ("%-30s %6.2f ms per check (right password), %6.2f ms (wrong password)\n",
               formats[i].label, right, wrong);
    }

  key_fixtures_remove (fixtures);
  return 0;
}
