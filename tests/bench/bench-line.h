/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Prints one figure in the line format `make bench` collects (see
 * tests/bench/README.md): the median of the runs is the value. */

#pragma once

#include <glib.h>
#include <stdlib.h>

static int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

/* Sorts @runs in place. A @budget below zero means "no budget". Returns
 * whether the median is within the budget. */
static inline gboolean
bench_line_print (const char *name,
                  const char *unit,
                  double      budget,
                  double     *runs,
                  guint       n_runs)
{
  char budget_text[G_ASCII_DTOSTR_BUF_SIZE] = "-";
  double median;

  g_assert (n_runs > 0);
  qsort (runs, n_runs, sizeof runs[0], bench_compare_doubles);
  median = n_runs % 2 == 1 ? runs[n_runs / 2] : (runs[n_runs / 2 - 1] + runs[n_runs / 2]) / 2;
  if (budget >= 0)
    g_ascii_formatd (budget_text, sizeof budget_text, "%.6g", budget);

  g_print ("BENCH name=%s value=%.3f unit=%s budget=%s runs=%u min=%.3f median=%.3f max=%.3f\n",
           name, median, unit, budget_text, n_runs, runs[0], median, runs[n_runs - 1]);

  return budget < 0 || median <= budget;
}
