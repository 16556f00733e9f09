/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Times dojang_certificate_scan_sync over 1,000 certificate folders (the
 * budget is 250 ms). Not a test: run it with `make bench`.
 *
 *   bench-scan [FOLDERS] */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "dojang-certificate-scanner.h"
#include "dojang-test-fixtures.h"


#define RUNS 7
#define BUDGET_MS 250.0

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

int
main (int   argc,
      char *argv[])
{
  int folders = argc > 1 ? atoi (argv[1]) : 1000;
  g_autofree char *tree = NULL;
  g_autofree char *root = NULL;
  double times[RUNS];
  guint found = 0;

  setlocale (LC_ALL, "");

  tree = dojang_test_make_npki_tree (DOJANG_TEST_AT, folders);
  root = g_build_filename (tree, "NPKI", NULL);

  for (int run = 0; run < RUNS; run++)
    {
      const char *roots[] = { root, NULL };
      g_autoptr(GPtrArray) certificates = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!dojang_certificate_scan_sync (roots, NULL, &certificates, &problems, NULL))
        g_error ("scan failed");

      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      found = certificates->len;
      if (problems->len != 0)
        g_error ("unexpected problems in the benchmark tree");
    }

  dojang_test_remove_tree (tree);

  if (found != (guint) folders)
    g_error ("found %u certificates in %d folders", found, folders);

  qsort (times, RUNS, sizeof times[0], compare_doubles);
  g_print ("scan of %d certificate folders: median %.1f ms, best %.1f ms, worst %.1f ms (budget %.0f ms)\n",
           folders, times[RUNS / 2], times[0], times[RUNS - 1], BUDGET_MS);

  return times[RUNS / 2] <= BUDGET_MS * folders / 1000.0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
