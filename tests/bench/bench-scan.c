/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Times dojang_certificate_scan_sync over 1,000 certificate folders (the
 * budget is 250 ms, and as much per further 1,000). Not a test: run it
 * with `make bench`.
 *
 *   bench-scan [FOLDERS] */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "bench-line.h"
#include "dojang-certificate-scanner.h"
#include "dojang-test-fixtures.h"


#define RUNS 7
#define BUDGET_MS 250.0

int
main (int   argc,
      char *argv[])
{
  int folders = argc > 1 ? atoi (argv[1]) : 1000;
  g_autofree char *tree = NULL;
  g_autofree char *root = NULL;
  g_autofree char *name = NULL;
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

  name = g_strdup_printf ("scan.%d-folders", folders);
  if (!bench_line_print (name, "ms", BUDGET_MS * folders / 1000.0, times, RUNS))
    return EXIT_FAILURE;

  return EXIT_SUCCESS;
}
