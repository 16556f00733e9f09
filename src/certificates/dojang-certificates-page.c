/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Certificates page: the live list grouped by urgency (expired, renew
 * now, valid, not yet valid), the files that could not be read, and the
 * details of one certificate one level down. The list is the application's
 * (see DojangApplication); the page only observes it. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificate-details.h"
#include "dojang-certificate-list.h"
#include "dojang-certificate-next-change.h"
#include "dojang-certificate-row.h"
#include "dojang-certificate-successor.h"
#include "dojang-certificates-page-private.h"
#include "dojang-clock.h"
#include "dojang-seoul.h"
#include "dojang-toast.h"

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

#define N_GROUPS 4

struct _DojangCertificatesPage
{
  AdwBin                 parent_instance;

  DojangCertificateList *list;
  GDateTime             *now;
  DojangCertificate     *selected;
  char                  *pending_sha256;
  char                  *pending_path;
  GtkCustomFilter       *filters[N_GROUPS];
  GtkFilterListModel    *filtered[N_GROUPS];
  GListModel            *group_models[N_GROUPS];
  GtkSliceListModel     *shown[N_GROUPS];
  guint                  grow_source;
  GtkListBox            *group_lists[N_GROUPS];
  AdwPreferencesGroup   *group_widgets[N_GROUPS];
  guint                  refresh_source;

  AdwLeaflet            *leaflet;
  GtkStack              *list_stack;
  AdwStatusPage         *empty_page;
  GtkListBox            *roots_list;
  GtkLabel              *summary_label;
  AdwPreferencesGroup   *expired_group;
  AdwPreferencesGroup   *expiring_group;
  AdwPreferencesGroup   *valid_group;
  AdwPreferencesGroup   *not_yet_valid_group;
  AdwPreferencesGroup   *problems_group;
  GtkListBox            *expired_list;
  GtkListBox            *expiring_list;
  GtkListBox            *valid_list;
  GtkListBox            *not_yet_valid_list;
  GtkListBox            *problems_list;
  GtkButton             *back_button;
  DojangCertificateDetails *details;
};

G_DEFINE_FINAL_TYPE (DojangCertificatesPage, dojang_certificates_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTED_CERTIFICATE,
  PROP_LIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The groups in the order they are shown: most urgent first. */
static const DojangCertificateStatus group_status[N_GROUPS] = {
  DOJANG_CERTIFICATE_STATUS_EXPIRED,
  DOJANG_CERTIFICATE_STATUS_EXPIRING,
  DOJANG_CERTIFICATE_STATUS_VALID,
  DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID,
};

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

  /* Renewed already: nothing to do, whatever its own window says. */
  if (status == DOJANG_CERTIFICATE_STATUS_EXPIRING &&
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

  dojang_certificate_row_set_successor (DOJANG_CERTIFICATE_ROW (row),
                                        dojang_certificate_find_successor (G_LIST_MODEL (self->list), item));

  return row;
}

static GtkWidget *
create_problem_row (gpointer item,
                    gpointer user_data)
{
  DojangScanProblem *problem = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dojang_scan_problem_get_message (problem));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dojang_scan_problem_get_path (problem));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
update_roots (DojangCertificatesPage *self)
{
  const char * const *roots = self->list != NULL ? dojang_certificate_list_get_roots (self->list) : NULL;
  GtkWidget *child;

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
  guint urgent = g_list_model_get_n_items (self->group_models[0]) +
                 g_list_model_get_n_items (self->group_models[1]);
  g_autofree char *count = NULL;
  g_autofree char *summary = NULL;

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

static void
update_visibility (DojangCertificatesPage *self)
{
  guint problems = 0;
  guint total = 0;

  if (self->list != NULL)
    {
      problems = g_list_model_get_n_items (dojang_certificate_list_get_problems (self->list));
      total = g_list_model_get_n_items (G_LIST_MODEL (self->list));
    }

  /* A group appears with its first row, not before. */
  for (guint i = 0; i < N_GROUPS; i++)
    gtk_widget_set_visible (GTK_WIDGET (self->group_widgets[i]),
                            g_list_model_get_n_items (G_LIST_MODEL (self->shown[i])) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems > 0);

  if (self->list == NULL || !dojang_certificate_list_get_loaded (self->list))
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  else if (total == 0 && problems == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  update_summary (self);
}

static void
on_model_changed (GListModel             *model,
                  guint                   position,
                  guint                   removed,
                  guint                   added,
                  DojangCertificatesPage *self)
{
  update_visibility (self);
}

static void
set_selected (DojangCertificatesPage *self,
              DojangCertificate      *certificate)
{
  if (g_set_object (&self->selected, certificate))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CERTIFICATE]);
}

static void
show_details (DojangCertificatesPage *self,
              DojangCertificate      *certificate)
{
  dojang_certificate_details_set_certificate (self->details, certificate, self->now);
  set_selected (self, certificate);
  adw_leaflet_set_visible_child_name (self->leaflet, "details");
  gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
}

static void
rebind_lists (DojangCertificatesPage *self)
{
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

static void schedule_refresh (DojangCertificatesPage *self);

/* Certificates move between groups as their status changes; the rows
 * themselves show days left, so they are built again only when the Seoul
 * day has changed, never for a rescan on the same day. */
static void
refresh_now (DojangCertificatesPage *self)
{
  int old_day = self->now != NULL ? dojang_seoul_date_key (self->now) : 0;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = dojang_clock_get_now ();

  for (guint i = 0; i < N_GROUPS; i++)
    gtk_filter_changed (GTK_FILTER (self->filters[i]), GTK_FILTER_CHANGE_DIFFERENT);
  if (old_day != dojang_seoul_date_key (self->now))
    rebind_lists (self);

  if (self->selected != NULL)
    dojang_certificate_details_set_certificate (self->details, self->selected, self->now);
  schedule_refresh (self);
}

static gboolean
refresh_timeout (gpointer user_data)
{
  DojangCertificatesPage *self = user_data;

  self->refresh_source = 0;
  refresh_now (self);

  return G_SOURCE_REMOVE;
}

/* One timer, to the next change (see dojang_certificate_next_change()). */
static void
schedule_refresh (DojangCertificatesPage *self)
{
  g_autoptr(GDateTime) next = dojang_certificate_next_change (G_LIST_MODEL (self->list), self->now);
  GTimeSpan soonest = MIN (g_date_time_difference (next, self->now), MAX_REFRESH_SECONDS * G_TIME_SPAN_SECOND);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  /* Whole seconds, rounded up: never a moment too early. */
  self->refresh_source = g_timeout_add_seconds ((guint) ((soonest + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND),
                                                refresh_timeout, self);
}

static void
handle_pending (DojangCertificatesPage *self)
{
  g_autofree char *sha256 = g_steal_pointer (&self->pending_sha256);
  g_autofree char *path = g_steal_pointer (&self->pending_path);
  GListModel *problems = dojang_certificate_list_get_problems (self->list);
  DojangCertificate *certificate;

  if (sha256 != NULL)
    {
      certificate = dojang_certificate_list_find_by_sha256 (self->list, sha256);
      if (certificate != NULL)
        show_details (self, certificate);
      else
        dojang_toast_show (GTK_WIDGET (self), _("That certificate is no longer where it was"));
    }

  if (path == NULL)
    return;

  certificate = dojang_certificate_list_find_by_path (self->list, path);
  if (certificate != NULL)
    {
      show_details (self, certificate);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(DojangScanProblem) problem = g_list_model_get_item (problems, i);

      if (g_strcmp0 (dojang_scan_problem_get_path (problem), path) == 0)
        {
          dojang_toast_show (GTK_WIDGET (self), dojang_scan_problem_get_message (problem));
          break;
        }
    }

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
on_loading_changed (DojangCertificateList  *list,
                    GParamSpec             *pspec,
                    DojangCertificatesPage *self)
{
  if (dojang_certificate_list_get_loading (list))
    return;

  /* A rescan is a good moment to catch up with the clock. */
  refresh_now (self);
  update_visibility (self);
  update_roots (self);
  handle_pending (self);
}

static void
on_row_activated (DojangCertificatesPage *self,
                  GtkListBoxRow          *row)
{
  if (DOJANG_IS_CERTIFICATE_ROW (row))
    show_details (self, dojang_certificate_row_get_certificate (DOJANG_CERTIFICATE_ROW (row)));
}

/* A spinner animates as long as it spins, shown or not (GTK 4.8): it spins
 * only while on screen, or an idle window would paint 60 frames a second. */
static void
on_spinner_map (GtkSpinner *spinner)
{
  gtk_spinner_start (spinner);
}

static void
on_spinner_unmap (GtkSpinner *spinner)
{
  gtk_spinner_stop (spinner);
}

static void
on_back_clicked (DojangCertificatesPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
dojang_certificates_page_dispose (GObject *object)
{
  DojangCertificatesPage *self = DOJANG_CERTIFICATES_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->grow_source, g_source_remove);
  /* AdwBin would unparent its child again after the template is gone. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_CERTIFICATES_PAGE);

  for (guint i = 0; i < N_GROUPS; i++)
    {
      g_clear_object (&self->shown[i]);
      g_clear_object (&self->group_models[i]);
      g_clear_object (&self->filters[i]);
    }

  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      g_signal_handlers_disconnect_by_data (dojang_certificate_list_get_problems (self->list), self);
    }
  g_clear_object (&self->list);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->pending_sha256, g_free);
  g_clear_pointer (&self->pending_path, g_free);

  G_OBJECT_CLASS (dojang_certificates_page_parent_class)->dispose (object);
}

static void
dojang_certificates_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  DojangCertificatesPage *self = DOJANG_CERTIFICATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_CERTIFICATE:
      g_value_set_object (value, self->selected);
      break;

    case PROP_LIST:
      g_value_set_object (value, self->list);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_certificates_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  DojangCertificatesPage *self = DOJANG_CERTIFICATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIST:
      dojang_certificates_page_set_list (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_certificates_page_class_init (DojangCertificatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_certificates_page_dispose;
  object_class->get_property = dojang_certificates_page_get_property;
  object_class->set_property = dojang_certificates_page_set_property;

  properties[PROP_SELECTED_CERTIFICATE] =
    g_param_spec_object ("selected-certificate", NULL, NULL, DOJANG_TYPE_CERTIFICATE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The application's live list; the page shows "loading" without one. */
  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL, DOJANG_TYPE_CERTIFICATE_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOJANG_TYPE_CERTIFICATE_DETAILS);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/certificates/dojang-certificates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, roots_list);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, expired_group);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, expiring_group);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, valid_group);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, not_yet_valid_group);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, problems_group);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, expired_list);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, expiring_list);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, valid_list);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, not_yet_valid_list);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, problems_list);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, details);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_spinner_map);
  gtk_widget_class_bind_template_callback (widget_class, on_spinner_unmap);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_open_clicked",
                                                G_CALLBACK (_dojang_certificates_page_choose_file));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_add_folder_clicked",
                                                G_CALLBACK (_dojang_certificates_page_choose_folder));
}

static void
dojang_certificates_page_init (DojangCertificatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->group_lists[0] = self->expired_list;
  self->group_lists[1] = self->expiring_list;
  self->group_lists[2] = self->valid_list;
  self->group_lists[3] = self->not_yet_valid_list;
  self->group_widgets[0] = self->expired_group;
  self->group_widgets[1] = self->expiring_group;
  self->group_widgets[2] = self->valid_group;
  self->group_widgets[3] = self->not_yet_valid_group;
  self->now = dojang_clock_get_now ();

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
                               G_CALLBACK (on_model_changed), self, 0);
      self->shown[i] = gtk_slice_list_model_new (g_object_ref (self->group_models[i]), 0, 0);
      /* After the slice has seen the change: growing it from inside the
       * same emission would make it announce its rows twice. */
      g_signal_connect_object (self->group_models[i], "items-changed",
                               G_CALLBACK (on_group_changed), self, G_CONNECT_AFTER);
      g_signal_connect_object (self->shown[i], "items-changed", G_CALLBACK (on_model_changed), self, 0);
    }
  rebind_lists (self);

  _dojang_certificates_page_accept_drops (self);

  adw_status_page_set_description (self->empty_page,
                                   _("Dojang looked for joint certificates (공동인증서) in the places below. Plug in the USB stick that holds yours, add the folder where you keep it, or open its signCert.der file. You can also drop a certificate or folder here."));

  schedule_refresh (self);
  update_roots (self);
  update_visibility (self);
}

/**
 * dojang_certificates_page_set_list:
 * @list: (nullable): the live list to show (the application's)
 */
void
dojang_certificates_page_set_list (DojangCertificatesPage *self,
                                   DojangCertificateList  *list)
{
  GListModel *problems;

  g_return_if_fail (DOJANG_IS_CERTIFICATES_PAGE (self));
  g_return_if_fail (list == NULL || DOJANG_IS_CERTIFICATE_LIST (list));

  if (self->list == list)
    return;

  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      g_signal_handlers_disconnect_by_data (dojang_certificate_list_get_problems (self->list), self);
    }
  g_set_object (&self->list, list);
  dojang_certificate_details_set_certificates (self->details, G_LIST_MODEL (list));

  for (guint i = 0; i < N_GROUPS; i++)
    gtk_filter_list_model_set_model (self->filtered[i], G_LIST_MODEL (list));

  problems = list != NULL ? dojang_certificate_list_get_problems (list) : NULL;
  gtk_list_box_bind_model (self->problems_list, problems, create_problem_row, NULL, NULL);
  if (list != NULL)
    {
      g_signal_connect (problems, "items-changed", G_CALLBACK (on_model_changed), self);
      g_signal_connect (list, "notify::loading", G_CALLBACK (on_loading_changed), self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST]);

  update_roots (self);
  update_visibility (self);
  if (list == NULL)
    return;

  /* A file opened before there was a list is looked for now. */
  if (self->pending_path != NULL)
    dojang_certificate_list_add_path (list, self->pending_path);
  else if (dojang_certificate_list_get_loaded (list) && !dojang_certificate_list_get_loading (list))
    handle_pending (self);
}

/**
 * dojang_certificates_page_get_list:
 *
 * Returns: (transfer none) (nullable): the live list the page shows
 */
DojangCertificateList *
dojang_certificates_page_get_list (DojangCertificatesPage *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATES_PAGE (self), NULL);

  return self->list;
}

/* Where the details find a certificate's last renewal rehearsal. */
void
dojang_certificates_page_set_reminder_store (DojangCertificatesPage *self,
                                             DojangReminderStore    *store)
{
  g_return_if_fail (DOJANG_IS_CERTIFICATES_PAGE (self));

  dojang_certificate_details_set_reminder_store (self->details, store);
}

/**
 * dojang_certificates_page_get_selected_certificate:
 *
 * Returns: (transfer none) (nullable): the certificate last opened in the details
 */
DojangCertificate *
dojang_certificates_page_get_selected_certificate (DojangCertificatesPage *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATES_PAGE (self), NULL);

  return self->selected;
}

/**
 * dojang_certificates_page_show_certificate:
 * @sha256: the fingerprint of the certificate to show
 *
 * Shows its details, once the first scan is done if it is still running.
 */
void
dojang_certificates_page_show_certificate (DojangCertificatesPage *self,
                                           const char             *sha256)
{
  g_return_if_fail (DOJANG_IS_CERTIFICATES_PAGE (self));
  g_return_if_fail (sha256 != NULL);

  g_free (self->pending_sha256);
  self->pending_sha256 = g_strdup (sha256);

  if (self->list != NULL &&
      dojang_certificate_list_get_loaded (self->list) && !dojang_certificate_list_get_loading (self->list))
    handle_pending (self);
}

/**
 * dojang_certificates_page_open_file:
 * @file: a signCert.der (any name) or a folder holding certificates
 *
 * Adds it to the places looked in for this session and shows the
 * certificate, or says what is wrong with the file.
 */
void
dojang_certificates_page_open_file (DojangCertificatesPage *self,
                                    GFile                  *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (DOJANG_IS_CERTIFICATES_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      dojang_toast_show (GTK_WIDGET (self), _("Only files on this computer or a plugged-in drive can be opened"));
      return;
    }

  g_free (self->pending_path);
  self->pending_path = g_strdup (path);
  if (self->list != NULL)
    dojang_certificate_list_add_path (self->list, path);
}
