/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Certificates page shows its groups' rows a batch at a time: each
 * group's list box is bound to a slice of the group that grows until it
 * holds the whole group (see dojang-certificates-page.c). */

#include "config.h"

#include "dojang-certificates-page-private.h"

/* Shows up to @budget more rows, most urgent group first; returns whether
 * rows are still waiting. */
gboolean
_dojang_certificates_page_show_more_rows (GListModel        **groups,
                                          GtkSliceListModel **shown,
                                          guint               n_groups,
                                          guint               budget)
{
  gboolean waiting = FALSE;

  for (guint i = 0; i < n_groups; i++)
    {
      guint size = gtk_slice_list_model_get_size (shown[i]);
      guint total = g_list_model_get_n_items (groups[i]);
      guint add = size < total ? MIN (budget, total - size) : 0;

      if (add > 0)
        gtk_slice_list_model_set_size (shown[i], size + add);
      budget -= add;
      waiting |= size + add < total;
    }

  return waiting;
}

guint
_dojang_certificates_page_count_shown_rows (GtkSliceListModel **shown,
                                            guint               n_groups)
{
  guint count = 0;

  for (guint i = 0; i < n_groups; i++)
    count += g_list_model_get_n_items (G_LIST_MODEL (shown[i]));

  return count;
}
