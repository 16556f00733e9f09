/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Certificates page's lists: the certificates grouped by urgency and
 * kept in step with the clock, their rows shown a batch at a time (each
 * group's list box is bound to a slice of the group that grows until it
 * holds the whole group), the files that could not be read and the folders
 * looked in. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificate-next-change.h"
#include "dojang-certificate-row.h"
#include "dojang-certificate-successor.h"
#include "dojang-certificates-page-private.h"
#include "dojang-clock.h"
#include "dojang-seoul.h"

/* Status and days left move on with the clock: one timer, to the next
 * moment one of them changes, capped so that a machine back from suspend
 * (the monotonic clock stood still) catches up within the hour. */
#define MAX_REFRESH_SECONDS (60 * 60)

/* Rows are built a batch at a time, so that the first frame and a scan
 * of a thousand certificates never wait for every row: about a screenful
 * first, then more on idle, between frames. A frame lays out every row
 * shown so far, so the batches grow with the list (half of what is shown,
 * within bounds) to keep the number of frames small. */
#define FIRST_ROWS 12
#define MIN_ROWS_PER_BATCH 40
#define MAX_ROWS_PER_BATCH 100


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

/* The groups in the order they are shown: most urgent first. */
static const DojangCertificateStatus group_status[N_GROUPS] = {
  DOJANG_CERTIFICATE_STATUS_EXPIRED,
  DOJANG_CERTIFICATE_STATUS_EXPIRING,
  DOJANG_CERTIFICATE_STATUS_UNUSABLE,
  DOJANG_CERTIFICATE_STATUS_VALID,
  DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID,
};

/* Their widgets' ids in dojang-certificates-page-parts.ui, same order:
 * "<id>_group" and "<id>_list". */
static const char * const group_ids[N_GROUPS] = {
  "expired", "expiring", "unusable", "valid", "not_yet_valid",
};

/* Takes each group's widgets from @builder, which built the list state. */
void
_dojang_certificates_page_take_group_widgets (DojangCertificatesPage *self,
                                              GtkBuilder             *builder)
{
  for (guint i = 0; i < N_GROUPS; i++)
    {
      g_autofree char *group = g_strconcat (group_ids[i], "_group", NULL);
      g_autofree char *list = g_strconcat (group_ids[i], "_list", NULL);

      self->group_widgets[i] = ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, group));
      self->group_lists[i] = GTK_LIST_BOX (gtk_builder_get_object (builder, list));
    }
}

typedef struct
{
  DojangCertificatesPage  *page;
  DojangCertificateStatus  status;
} GroupFilter;

static gboolean
match_group (gpointer item,
             gpointer user_data)
{
  GroupFilter *filter = user_data;
  DojangCertificateStatus status = dojang_certificate_get_status (item, filter->page->now);

  /* Renewed already: nothing to do, whatever its own window says or
   * whether its old key is still beside it. */
  if ((status == DOJANG_CERTIFICATE_STATUS_EXPIRING || status == DOJANG_CERTIFICATE_STATUS_UNUSABLE) &&
      dojang_certificate_find_successor (G_LIST_MODEL (filter->page->list), item) != NULL)
    status = DOJANG_CERTIFICATE_STATUS_VALID;

  return status == filter->status;
}

/* Soonest expiry first inside each group. */
static int
compare_expiry (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int order = g_date_time_compare (dojang_certificate_get_not_after ((DojangCertificate *) a),
                                   dojang_certificate_get_not_after ((DojangCertificate *) b));

  if (order != 0)
    return order;

  return g_strcmp0 (dojang_certificate_get_path ((DojangCertificate *) a),
                    dojang_certificate_get_path ((DojangCertificate *) b));
}

static GtkWidget *
create_certificate_row (gpointer item,
                        gpointer user_data)
{
  DojangCertificatesPage *self = user_data;
  GtkWidget *row = dojang_certificate_row_new (item, self->now);
  g_autofree char *location = NULL;

  if (self->list != NULL)
    location = dojang_certificate_list_describe_location (self->list, item);
  dojang_certificate_row_set_location (DOJANG_CERTIFICATE_ROW (row), location);

  dojang_certificate_row_set_successor (DOJANG_CERTIFICATE_ROW (row),
                                        dojang_certificate_find_successor (G_LIST_MODEL (self->list), item));

  return row;
}

GtkWidget *
_dojang_certificates_page_create_problem_row (gpointer item,
                                              gpointer user_data)
{
  DojangScanProblem *problem = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  const char *path = dojang_scan_problem_get_path (problem);
  g_autofree char *file_name = g_path_get_basename (path);
  g_autofree char *explained = g_strdup_printf ("%s\n%s", dojang_scan_problem_get_message (problem), path);

  /* The file as the title, the sentence under it: a sentence in bold would
   * take four lines on a phone. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), file_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), explained);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* A folder the user added and that is gone can be taken off the list here. */
  if (g_error_matches (dojang_scan_problem_get_error (problem), DOJANG_CERTIFICATE_ERROR,
                       DOJANG_CERTIFICATE_ERROR_FOLDER_MISSING))
    {
      GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));
      g_autofree char *label = NULL;

      /* TRANSLATORS: the accessible name of a button; %s is a folder */
      label = g_strdup_printf (_("Remove %s from the folders Dojang looks in"), dojang_scan_problem_get_path (problem));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", dojang_scan_problem_get_path (problem));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "app.remove-certificate-folder");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }

  return row;
}

void
_dojang_certificates_page_update_roots (DojangCertificatesPage *self)
{
  const char * const *roots = self->list != NULL ? dojang_certificate_list_get_roots (self->list) : NULL;
  GtkWidget *child;

  if (self->roots_list == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->roots_list))) != NULL)
    gtk_list_box_remove (self->roots_list, child);

  for (guint i = 0; roots != NULL && roots[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("folder-symbolic");
      gboolean exists = g_file_test (roots[i], G_FILE_TEST_IS_DIR);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), roots[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   exists ? _("No certificates in this folder")
                                          : _("This folder does not exist"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Folder"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->roots_list, row);
    }
}

static void
update_summary (DojangCertificatesPage *self)
{
  guint total = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  guint urgent = 0;
  g_autofree char *count = NULL;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < N_GROUPS; i++)
    {
      if (dojang_certificate_status_needs_attention (group_status[i]))
        urgent += g_list_model_get_n_items (self->group_models[i]);
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate", "%u certificates", total), total);
  if (urgent > 0)
    /* TRANSLATORS: "5 certificates · 2 need attention" */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u needs attention",
                                            "%s · %u need attention", urgent),
                               count, urgent);
  else
    summary = g_strdup (count);

  gtk_label_set_text (self->summary_label, summary);
}

void
_dojang_certificates_page_update_visibility (DojangCertificatesPage *self)
{
  const char *state = "loading";
  guint problems = 0;
  guint total = 0;

  if (self->list != NULL && dojang_certificate_list_get_loaded (self->list))
    {
      problems = g_list_model_get_n_items (dojang_certificate_list_get_problems (self->list));
      total = g_list_model_get_n_items (G_LIST_MODEL (self->list));
      state = total == 0 && problems == 0 ? "empty" : "list";
      _dojang_certificates_page_ensure_states (self);
    }

  if (self->list_state != NULL)
    {
      /* A group appears with its first row, not before. */
      for (guint i = 0; i < N_GROUPS; i++)
        gtk_widget_set_visible (GTK_WIDGET (self->group_widgets[i]),
                                g_list_model_get_n_items (G_LIST_MODEL (self->shown[i])) > 0);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems > 0);
      update_summary (self);
    }

  gtk_stack_set_visible_child_name (self->list_stack, state);
}

void
_dojang_certificates_page_on_model_changed (GListModel             *model,
                                            guint                   position,
                                            guint                   removed,
                                            guint                   added,
                                            DojangCertificatesPage *self)
{
  _dojang_certificates_page_update_visibility (self);
}

void
_dojang_certificates_page_bind_lists (DojangCertificatesPage *self)
{
  if (self->list_state == NULL)
    return;

  for (guint i = 0; i < N_GROUPS; i++)
    gtk_list_box_bind_model (self->group_lists[i], G_LIST_MODEL (self->shown[i]),
                             create_certificate_row, self, NULL);
}

static gboolean
show_next_batch (gpointer user_data)
{
  DojangCertificatesPage *self = user_data;

  guint shown = _dojang_certificates_page_count_shown_rows (self->shown, N_GROUPS);
  guint batch = CLAMP (shown / 2, MIN_ROWS_PER_BATCH, MAX_ROWS_PER_BATCH);

  if (_dojang_certificates_page_show_more_rows (self->group_models, self->shown, N_GROUPS, batch))
    return G_SOURCE_CONTINUE;

  self->grow_source = 0;
  return G_SOURCE_REMOVE;
}

/* A screenful at once, the rest in batches between frames. */
static void
on_group_changed (GListModel             *model,
                  guint                   position,
                  guint                   removed,
                  guint                   added,
                  DojangCertificatesPage *self)
{
  guint shown = _dojang_certificates_page_count_shown_rows (self->shown, N_GROUPS);

  if (shown < FIRST_ROWS)
    _dojang_certificates_page_show_more_rows (self->group_models, self->shown, N_GROUPS, FIRST_ROWS - shown);
  if (self->grow_source == 0)
    self->grow_source = g_idle_add (show_next_batch, self);
}


/* Certificates move between groups as their status changes; the rows
 * themselves show days left, so they are built again only when the Seoul
 * day has changed, never for a rescan on the same day. */
void
_dojang_certificates_page_refresh_now (DojangCertificatesPage *self)
{
  int old_day = self->now != NULL ? dojang_seoul_date_key (self->now) : 0;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = dojang_clock_get_now ();

  for (guint i = 0; i < N_GROUPS; i++)
    gtk_filter_changed (GTK_FILTER (self->filters[i]), GTK_FILTER_CHANGE_DIFFERENT);
  if (old_day != dojang_seoul_date_key (self->now))
    _dojang_certificates_page_bind_lists (self);

  if (self->selected != NULL && self->details != NULL)
    dojang_certificate_details_set_certificate (self->details, self->selected, self->now);
  _dojang_certificates_page_schedule_refresh (self);
}

static gboolean
refresh_timeout (gpointer user_data)
{
  DojangCertificatesPage *self = user_data;

  self->refresh_source = 0;
  _dojang_certificates_page_refresh_now (self);

  return G_SOURCE_REMOVE;
}

/* One timer, to the next change (see dojang_certificate_next_change()). */
void
_dojang_certificates_page_schedule_refresh (DojangCertificatesPage *self)
{
  g_autoptr(GDateTime) next = dojang_certificate_next_change (G_LIST_MODEL (self->list), self->now);
  GTimeSpan soonest = MIN (g_date_time_difference (next, self->now), MAX_REFRESH_SECONDS * G_TIME_SPAN_SECOND);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  /* Whole seconds, rounded up: never a moment too early. */
  self->refresh_source = g_timeout_add_seconds ((guint) ((soonest + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND),
                                                refresh_timeout, self);
}

void
_dojang_certificates_page_init_groups (DojangCertificatesPage *self)
{
  for (guint i = 0; i < N_GROUPS; i++)
    {
      GroupFilter *filter = g_new0 (GroupFilter, 1);
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_expiry, NULL, NULL));
      GtkFilterListModel *filtered;

      filter->page = self;
      filter->status = group_status[i];
      self->filters[i] = gtk_custom_filter_new (match_group, filter, g_free);
      filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filters[i])));
      self->filtered[i] = filtered;
      self->group_models[i] = G_LIST_MODEL (gtk_sort_list_model_new (G_LIST_MODEL (filtered), sorter));
      g_signal_connect_object (self->group_models[i], "items-changed",
                               G_CALLBACK (_dojang_certificates_page_on_model_changed), self, 0);
      self->shown[i] = gtk_slice_list_model_new (g_object_ref (self->group_models[i]), 0, 0);
      /* After the slice has seen the change: growing it from inside the
       * same emission would make it announce its rows twice. */
      g_signal_connect_object (self->group_models[i], "items-changed",
                               G_CALLBACK (on_group_changed), self, G_CONNECT_AFTER);
      g_signal_connect_object (self->shown[i], "items-changed",
                               G_CALLBACK (_dojang_certificates_page_on_model_changed), self, 0);
    }
  _dojang_certificates_page_bind_lists (self);
}
