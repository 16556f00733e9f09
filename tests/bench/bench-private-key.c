/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Times password checks of NPKI keys with 2048 iterations.
 *
 * Usage: bench-private-key [CHECKS]
 * Prints the milliseconds per check for each format, right and wrong
 * password; the budget is 20 ms. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bench-line.h"
#include "dojang-private-key.h"
#include "key-fixtures.h"

#define BUDGET_MS 20.0

typedef struct
{
  const char *name;
  const char *folder;
} Format;

/* (a) seedCBCWithSHA1 with PBKDF1, (b) PBES2 with PBKDF2 and SEED-CBC,
 * (c) SEED-CBC with a fixed IV. */
static const Format formats[] = {
  { "seed-sha1", "seed-sha1" },
  { "pbes2-seed", "pbes2-seed" },
  { "legacy-seed", "legacy-seed" },
};

/* Fills @times with the milliseconds of each check. */
static void
time_checks (const char *key,
             const char *cert,
             const char *password,
             gboolean    expect_correct,
             double     *times,
             guint       checks)
{
  for (guint i = 0; i < checks; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      gboolean correct = dojang_private_key_check (key, cert, password, strlen (password), &error);

      times[i] = (double) (g_get_monotonic_time () - start) / 1000.0;
      if (correct != expect_correct)
        g_error ("Unexpected result for %s: %s", key, error ? error->message : "correct");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *fixtures = NULL;
  g_autofree double *times = NULL;
  guint checks = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100;
  gboolean within = TRUE;

  if (checks == 0)
    checks = 100;

  times = g_new (double, checks);
  fixtures = key_fixtures_create ();

  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *key = g_build_filename (fixtures, formats[i].folder, "signPri.key", NULL);
      g_autofree char *cert = g_build_filename (fixtures, formats[i].folder, "signCert.der", NULL);
      g_autofree char *right = g_strdup_printf ("password-check.%s.right", formats[i].name);
      g_autofree char *wrong = g_strdup_printf ("password-check.%s.wrong", formats[i].name);

      /* Warm the caches and libgcrypt's one-time set-up. */
      time_checks (key, cert, KEY_FIXTURE_PASSWORD, TRUE, times, MIN (checks, 3));
      time_checks (key, cert, KEY_FIXTURE_PASSWORD, TRUE, times, checks);
      within &= bench_line_print (right, "ms", BUDGET_MS, times, checks);
      time_checks (key, cert, "Dojang-Wrong1!", FALSE, times, checks);
      within &= bench_line_print (wrong, "ms", BUDGET_MS, times, checks);
    }

  key_fixtures_remove (fixtures);
  return within ? EXIT_SUCCESS : EXIT_FAILURE;
}
