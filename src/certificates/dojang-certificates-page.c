/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Certificates page: the live list grouped by urgency (expired, renew
 * now, unusable, valid, not yet valid), the files that could not be read
 * and the added folders that are missing, and the
 * details of one certificate one level down. The list is the application's
 * (see DojangApplication); the page only observes it. This file holds the
 * navigation and the page's API; the lists themselves are built in
 * dojang-certificates-page-rows.c. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificate-details.h"
#include "dojang-certificate-list.h"
#include "dojang-certificate-row.h"
#include "dojang-certificates-page-private.h"
#include "dojang-clock.h"
#include "dojang-toast.h"

G_DEFINE_FINAL_TYPE (DojangCertificatesPage, dojang_certificates_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTED_CERTIFICATE,
  PROP_LIST,
  PROP_SUBPAGE_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkBuilder *build_parts (DojangCertificatesPage  *self,
                               const char             **ids);

static void
set_selected (DojangCertificatesPage *self,
              DojangCertificate      *certificate)
{
  if (g_set_object (&self->selected, certificate))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CERTIFICATE]);
}

static gboolean
showing_details (DojangCertificatesPage *self)
{
  return g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "details") == 0;
}

DojangCertificateDetails *
_dojang_certificates_page_ensure_details (DojangCertificatesPage *self)
{
  const char *ids[] = { "details_scroll", NULL };
  g_autoptr(GtkBuilder) builder = NULL;
  AdwLeafletPage *page;

  if (self->details != NULL)
    return self->details;

  builder = build_parts (self, ids);
  self->details_scroll = GTK_SCROLLED_WINDOW (gtk_builder_get_object (builder, "details_scroll"));
  self->details_slot = ADW_BIN (gtk_builder_get_object (builder, "details_slot"));
  page = adw_leaflet_append (self->leaflet, GTK_WIDGET (self->details_scroll));
  adw_leaflet_page_set_name (page, "details");

  self->details = g_object_new (DOJANG_TYPE_CERTIFICATE_DETAILS, NULL);
  adw_bin_set_child (self->details_slot, GTK_WIDGET (self->details));
  dojang_certificate_details_set_certificates (self->details, G_LIST_MODEL (self->list));
  if (self->reminder_store != NULL)
    dojang_certificate_details_set_reminder_store (self->details, self->reminder_store);

  return self->details;
}

static void
show_details (DojangCertificatesPage *self,
              DojangCertificate      *certificate)
{
  GtkAdjustment *scroll;

  dojang_certificate_details_set_certificate (_dojang_certificates_page_ensure_details (self),
                                              certificate, self->now);
  scroll = gtk_scrolled_window_get_vadjustment (self->details_scroll);
  set_selected (self, certificate);
  /* Another certificate starts at its top, not where the last one was left. */
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_lower (scroll));
  adw_leaflet_set_visible_child_name (self->leaflet, "details");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBPAGE_TITLE]);
  dojang_certificate_details_focus_start (self->details);
}

static GtkWidget *
find_selected_row (DojangCertificatesPage *self)
{
  if (self->list_state == NULL)
    return NULL;

  for (guint i = 0; i < N_GROUPS; i++)
    {
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->group_lists[i]));
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          if (DOJANG_IS_CERTIFICATE_ROW (row) &&
              dojang_certificate_row_get_certificate (DOJANG_CERTIFICATE_ROW (row)) == self->selected)
            return row;
        }
    }

  return NULL;
}

/* Back in the list (by the header's back button, Escape, Alt+Left or a
 * swipe), the keyboard is where it was: on the certificate's row. */
static void
on_visible_child_changed (DojangCertificatesPage *self)
{
  GtkWidget *row;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBPAGE_TITLE]);
  if (showing_details (self))
    return;

  row = find_selected_row (self);
  if (row != NULL)
    gtk_widget_grab_focus (row);
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

/* The details of a certificate no longer listed (moved to the trash, its
 * stick pulled out) would speak of what is not there: back to the list.
 * Undo in the delete toast brings it back as a row. */
static void
leave_details_if_gone (DojangCertificatesPage *self)
{
  if (!showing_details (self) || self->selected == NULL)
    return;

  if (dojang_certificate_list_find_by_path (self->list, dojang_certificate_get_path (self->selected)) == NULL)
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
  _dojang_certificates_page_refresh_now (self);
  _dojang_certificates_page_update_visibility (self);
  _dojang_certificates_page_update_roots (self);
  handle_pending (self);
  leave_details_if_gone (self);
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
  g_clear_object (&self->reminder_store);
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

    case PROP_SUBPAGE_TITLE:
      g_value_set_string (value, dojang_certificates_page_get_subpage_title (self));
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
  /* What the window's header says while a certificate's details are shown;
   * %NULL on the list. */
  properties[PROP_SUBPAGE_TITLE] =
    g_param_spec_string ("subpage-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOJANG_TYPE_CERTIFICATE_DETAILS);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/certificates/dojang-certificates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificatesPage, list_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_spinner_map);
  gtk_widget_class_bind_template_callback (widget_class, on_spinner_unmap);
}

static void
dojang_certificates_page_init (DojangCertificatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->now = dojang_clock_get_now ();

  _dojang_certificates_page_init_groups (self);

  _dojang_certificates_page_accept_drops (self);

  _dojang_certificates_page_schedule_refresh (self);
  _dojang_certificates_page_update_visibility (self);
}

/* Builds the objects @ids of the page's parts (and what they hold) from
 * their .ui file. Their "swapped" handlers get the page first. */
static GtkBuilder *
build_parts (DojangCertificatesPage  *self,
             const char             **ids)
{
  static GtkBuilderScope *scope;
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;

  if (g_once_init_enter (&scope))
    {
      GtkBuilderScope *callbacks = gtk_builder_cscope_new ();

      gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (callbacks),
                                               "on_row_activated", G_CALLBACK (on_row_activated),
                                               "on_open_clicked", G_CALLBACK (_dojang_certificates_page_choose_file),
                                               "on_add_folder_clicked", G_CALLBACK (_dojang_certificates_page_choose_folder),
                                               NULL);
      g_once_init_leave (&scope, callbacks);
    }

  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_objects_from_resource (builder, "/io/github/dojang/Dojang/certificates/dojang-certificates-page-parts.ui",
                                              ids, &error))
    g_error ("The Certificates page cannot be built: %s", error->message);

  return g_steal_pointer (&builder);
}

static void
bind_problems (DojangCertificatesPage *self)
{
  if (self->problems_list != NULL)
    gtk_list_box_bind_model (self->problems_list,
                             self->list != NULL ? dojang_certificate_list_get_problems (self->list) : NULL,
                             _dojang_certificates_page_create_problem_row, NULL, NULL);
}

/* The "empty" and "list" states are built the first time one of them is
 * shown: the window's first frame shows "loading", and building them
 * before it made the window appear later. */
void
_dojang_certificates_page_ensure_states (DojangCertificatesPage *self)
{
  const char *ids[] = { "empty_state", "list_state", NULL };
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->list_state != NULL)
    return;

  builder = build_parts (self, ids);
  self->list_state = GTK_WIDGET (gtk_builder_get_object (builder, "list_state"));
  self->empty_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "empty_page"));
  self->roots_list = GTK_LIST_BOX (gtk_builder_get_object (builder, "roots_list"));
  self->summary_label = GTK_LABEL (gtk_builder_get_object (builder, "summary_label"));
  self->problems_group = ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, "problems_group"));
  self->problems_list = GTK_LIST_BOX (gtk_builder_get_object (builder, "problems_list"));
  _dojang_certificates_page_take_group_widgets (self, builder);

  gtk_stack_add_named (self->list_stack, GTK_WIDGET (gtk_builder_get_object (builder, "empty_state")), "empty");
  gtk_stack_add_named (self->list_stack, self->list_state, "list");

  adw_status_page_set_description (self->empty_page,
                                   _("Dojang looked for joint certificates (공동인증서) in the places below. Plug in the USB stick that holds yours, add the folder where you keep it, or open its signCert.der file. You can also drop a certificate or folder here."));
  _dojang_certificates_page_bind_lists (self);
  bind_problems (self);
  _dojang_certificates_page_update_roots (self);
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
  if (self->details != NULL)
    dojang_certificate_details_set_certificates (self->details, G_LIST_MODEL (list));

  for (guint i = 0; i < N_GROUPS; i++)
    gtk_filter_list_model_set_model (self->filtered[i], G_LIST_MODEL (list));

  bind_problems (self);
  if (list != NULL)
    {
      problems = dojang_certificate_list_get_problems (list);
      g_signal_connect (problems, "items-changed",
                        G_CALLBACK (_dojang_certificates_page_on_model_changed), self);
      g_signal_connect (list, "notify::loading", G_CALLBACK (on_loading_changed), self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST]);

  _dojang_certificates_page_update_roots (self);
  _dojang_certificates_page_update_visibility (self);
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

  g_set_object (&self->reminder_store, store);
  if (self->details != NULL)
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

/**
 * dojang_certificates_page_get_subpage_title:
 *
 * Returns: (nullable): the name of the certificate whose details are shown,
 *   or %NULL when the list is
 */
const char *
dojang_certificates_page_get_subpage_title (DojangCertificatesPage *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATES_PAGE (self), NULL);

  if (!showing_details (self) || self->selected == NULL)
    return NULL;

  return dojang_certificate_get_name (self->selected);
}

/**
 * dojang_certificates_page_go_back:
 *
 * From a certificate's details, back to the list.
 *
 * Returns: whether there was somewhere to go back from
 */
gboolean
dojang_certificates_page_go_back (DojangCertificatesPage *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATES_PAGE (self), FALSE);

  if (!showing_details (self))
    return FALSE;

  adw_leaflet_set_visible_child_name (self->leaflet, "list");

  return TRUE;
}
