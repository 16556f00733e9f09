/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Help & contacts (고객센터): the certificate authorities with a live "open
 * now?" line each, and a details view per authority. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-clock.h"
#include "dojang-help-page.h"
#include "dojang-holiday-calendar.h"
#include "dojang-provider-catalog.h"
#include "dojang-provider-details.h"
#include "dojang-provider-row.h"
#include "dojang-bank-search.h"
#include "dojang-provider-search.h"
#include "dojang-seoul.h"
#include "dojang-toast.h"

/* Never wake up more often than this, even if the data asks for it. */
#define MIN_REFRESH_DELAY_MS 1000
/* Wake up just after a change, so the new status is the one computed. */
#define REFRESH_SLACK_MS 250

struct _DojangHelpPage
{
  AdwBin                 parent_instance;

  DojangHolidayCalendar *holidays;
  guint                  refresh_id;
  GtkWidget             *opened_row;

  AdwLeaflet            *leaflet;
  GtkWidget             *list_page;
  GtkSearchEntry        *search_entry;
  GtkListBox            *provider_list;
  AdwPreferencesGroup   *bank_group;
  GtkLabel              *bank_label;
  DojangProviderDetails *details;
};

G_DEFINE_FINAL_TYPE (DojangHelpPage, dojang_help_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SUBPAGE_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh_statuses (DojangHelpPage *self);

static GDateTime *
get_now (DojangHelpPage *self)
{
  g_autoptr(GDateTime) now = dojang_clock_get_now ();

  return g_date_time_to_timezone (now, dojang_seoul_get_time_zone ());
}

static void
keep_earliest (GDateTime **earliest,
               GDateTime  *candidate)
{
  if (candidate == NULL)
    return;

  if (*earliest == NULL || g_date_time_compare (candidate, *earliest) < 0)
    {
      g_clear_pointer (earliest, g_date_time_unref);
      *earliest = g_date_time_ref (candidate);
    }
}

static gboolean
on_refresh_timeout (gpointer user_data)
{
  DojangHelpPage *self = user_data;

  self->refresh_id = 0;
  refresh_statuses (self);

  return G_SOURCE_REMOVE;
}

/* Recomputes every visible status, then sleeps until the earliest moment one
 * of them can change (the end of lunch, closing time, the next opening):
 * one timer, no polling. */
static void
refresh_statuses (DojangHelpPage *self)
{
  g_autoptr(GDateTime) now = get_now (self);
  g_autoptr(GDateTime) earliest = NULL;
  g_autoptr(GDateTime) details_change = NULL;
  gint64 wait_ms;
  guint delay_ms;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->provider_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(GDateTime) next_change = NULL;

      if (!DOJANG_IS_PROVIDER_ROW (child))
        continue;

      next_change = dojang_provider_row_update_status (DOJANG_PROVIDER_ROW (child), self->holidays, now);
      keep_earliest (&earliest, next_change);
    }

  details_change = dojang_provider_details_update_status (self->details, self->holidays, now);
  keep_earliest (&earliest, details_change);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (earliest == NULL)
    return;

  wait_ms = g_date_time_difference (earliest, now) / G_TIME_SPAN_MILLISECOND + REFRESH_SLACK_MS;
  delay_ms = (guint) CLAMP (wait_ms, MIN_REFRESH_DELAY_MS, G_MAXINT);

  g_debug ("Next status change in %u ms", delay_ms);
  self->refresh_id = g_timeout_add_full (G_PRIORITY_DEFAULT, delay_ms, on_refresh_timeout, self, NULL);
  g_source_set_name_by_id (self->refresh_id, "[dojang] help page status refresh");
}

static void
copy_text (DojangHelpPage *self,
           const char     *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
open_details (DojangHelpPage *self,
              DojangProvider *provider)
{
  dojang_provider_details_set_provider (self->details, provider);
  refresh_statuses (self);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->details));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBPAGE_TITLE]);
  dojang_provider_details_focus_start (self->details);
}

static GtkWidget *
find_row (DojangHelpPage *self,
          const char     *provider_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->provider_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      DojangProvider *provider;

      if (!DOJANG_IS_PROVIDER_ROW (child))
        continue;

      provider = dojang_provider_row_get_provider (DOJANG_PROVIDER_ROW (child));
      if (g_strcmp0 (dojang_provider_get_id (provider), provider_id) == 0)
        return child;
    }

  return NULL;
}

/**
 * dojang_help_page_show_provider:
 * @self: the help page
 * @provider_id: a provider id such as "kica"
 *
 * Opens the details of that certificate authority.
 *
 * Returns: %FALSE if no authority has that id
 */
gboolean
dojang_help_page_show_provider (DojangHelpPage *self,
                                const char     *provider_id)
{
  GtkWidget *row;

  g_return_val_if_fail (DOJANG_IS_HELP_PAGE (self), FALSE);
  g_return_val_if_fail (provider_id != NULL, FALSE);

  row = find_row (self, provider_id);
  if (row == NULL)
    return FALSE;

  self->opened_row = row;
  open_details (self, dojang_provider_row_get_provider (DOJANG_PROVIDER_ROW (row)));

  return TRUE;
}

/**
 * dojang_help_page_set_certificates:
 * @certificates: (nullable) (element-type DojangCertificate): the
 *   application's certificate list
 *
 * "Before you call" offers the certificates of the authority shown.
 */
void
dojang_help_page_set_certificates (DojangHelpPage *self,
                                   GListModel     *certificates)
{
  g_return_if_fail (DOJANG_IS_HELP_PAGE (self));

  dojang_call_checklist_set_certificates (dojang_provider_details_get_checklist (self->details), certificates);
}

/**
 * dojang_help_page_set_preferred_certificate:
 * @certificate: (nullable): the certificate last opened on the Certificates
 *   page; "Before you call" picks it on its own authority's page only
 */
void
dojang_help_page_set_preferred_certificate (DojangHelpPage    *self,
                                            DojangCertificate *certificate)
{
  g_return_if_fail (DOJANG_IS_HELP_PAGE (self));

  dojang_call_checklist_set_preferred_certificate (dojang_provider_details_get_checklist (self->details),
                                                   certificate);
}

static gboolean
filter_provider_row (GtkListBoxRow *row,
                     gpointer       user_data)
{
  DojangHelpPage *self = user_data;
  DojangProvider *provider = dojang_provider_row_get_provider (DOJANG_PROVIDER_ROW (row));
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* Most certificates a bank hands out are yessign's. */
  if (g_strcmp0 (dojang_provider_get_id (provider), "yessign") == 0 && dojang_bank_search_match (query, NULL))
    return TRUE;

  return dojang_provider_search_matches (provider, query);
}

/* A bank is not a certificate authority, but people look for it: say where
 * its certificates are renewed (https://www.yessign.or.kr/main/intro/personal/commonRenew.jsp). */
static void
update_bank_guidance (DojangHelpPage *self)
{
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();
  DojangProvider *yessign = catalog != NULL ? dojang_provider_catalog_lookup (catalog, "yessign") : NULL;
  g_autofree char *bank = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *text = NULL;
  gboolean about_bank = dojang_bank_search_match (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), &bank);

  gtk_widget_set_visible (GTK_WIDGET (self->bank_group), about_bank);
  if (!about_bank || yessign == NULL)
    return;

  issuer = dojang_provider_dup_name_with_brand (yessign, FALSE);
  if (bank != NULL)
    /* TRANSLATORS: the first two %s are a bank, e.g. KB국민은행; the last
     * is a certificate authority with its brand, "금융결제원 (yessign)" */
    text = g_strdup_printf (_("Certificates you got at %s, for banking or all-purpose personal ones, are renewed at %s "
                              "itself: sign in to its internet banking or app and open its certificate centre "
                              "(인증센터). For questions, call its customer centre. Most bank certificates are "
                              "issued by %s, shown below."), bank, bank, issuer);
  else
    /* TRANSLATORS: %s is a certificate authority with its brand, "금융결제원 (yessign)" */
    text = g_strdup_printf (_("Certificates you got at a bank, for banking or all-purpose personal ones, are renewed "
                              "at that bank: sign in to its internet banking or app and open its certificate centre "
                              "(인증센터). For questions, call its customer centre. Most bank certificates are "
                              "issued by %s, shown below."), issuer);

  gtk_label_set_text (self->bank_label, text);
}

static void
on_search_changed (DojangHelpPage *self)
{
  update_bank_guidance (self);
  gtk_list_box_invalidate_filter (self->provider_list);
}

static void
on_search_activate (DojangHelpPage *self)
{
  /* Enter can come before the delayed search-changed: filter on the text
   * as it is now. */
  update_bank_guidance (self);
  gtk_list_box_invalidate_filter (self->provider_list);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->provider_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (DOJANG_IS_PROVIDER_ROW (child) && gtk_widget_get_child_visible (child))
        {
          gtk_widget_activate (child);
          return;
        }
    }
}

static void
on_stop_search (DojangHelpPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_provider_activated (DojangHelpPage *self,
                       GtkListBoxRow  *row)
{
  if (!DOJANG_IS_PROVIDER_ROW (row))
    return;

  self->opened_row = GTK_WIDGET (row);
  open_details (self, dojang_provider_row_get_provider (DOJANG_PROVIDER_ROW (row)));
}

static gboolean
showing_details (DojangHelpPage *self)
{
  return self->leaflet != NULL && adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->details);
}

static void
on_visible_child_changed (DojangHelpPage *self)
{
  if (self->leaflet == NULL)
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBPAGE_TITLE]);
  if (showing_details (self))
    return;

  if (self->opened_row != NULL && gtk_widget_get_child_visible (self->opened_row))
    gtk_widget_grab_focus (self->opened_row);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  dojang_help_page_go_back (DOJANG_HELP_PAGE (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DojangHelpPage *self = DOJANG_HELP_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
copy_phone_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DojangHelpPage *self = DOJANG_HELP_PAGE (widget);
  const char *phone = g_variant_get_string (parameter, NULL);
  g_autofree char *message = NULL;

  copy_text (self, phone);
  /* Translators: %s is a phone number. */
  message = g_strdup_printf (_("Copied %s"), phone);
  dojang_toast_show (GTK_WIDGET (self), message);
}

typedef struct
{
  DojangHelpPage *self;
  char           *target;
  gboolean        is_phone;
} LaunchData;

static void
launch_data_free (LaunchData *data)
{
  g_object_unref (data->self);
  g_free (data->target);
  g_free (data);
}

static void
on_uri_shown (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LaunchData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      launch_data_free (data);
      return;
    }

  g_debug ("Could not open %s: %s", data->target, error->message);

  if (data->is_phone)
    {
      /* Most desktops cannot place calls: the number is what the user needs. */
      copy_text (data->self, data->target);
      /* Translators: %s is a phone number. */
      message = g_strdup_printf (_("No app for phone calls is set up. %s was copied instead."), data->target);
    }
  else
    {
      /* Translators: %s is a web address. */
      message = g_strdup_printf (_("Could not open %s"), data->target);
    }

  dojang_toast_show (GTK_WIDGET (data->self), message);
  launch_data_free (data);
}

static void
launch_uri (DojangHelpPage *self,
            const char     *uri,
            const char     *target,
            gboolean        is_phone)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LaunchData *data;

  if (!GTK_IS_WINDOW (root))
    return;

  data = g_new0 (LaunchData, 1);
  data->self = g_object_ref (self);
  data->target = g_strdup (target);
  data->is_phone = is_phone;

  gtk_show_uri_full (GTK_WINDOW (root), uri, GDK_CURRENT_TIME, NULL, on_uri_shown, data);
}

static void
call_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *phone = g_variant_get_string (parameter, NULL);
  g_autofree char *uri = NULL;

  /* RFC 3966 allows the dashes as visual separators; Korean service numbers
   * such as 1577-xxxx are dialled as they are, without a country code. */
  uri = g_strconcat ("tel:", phone, NULL);
  launch_uri (DOJANG_HELP_PAGE (widget), uri, phone, TRUE);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);

  launch_uri (DOJANG_HELP_PAGE (widget), uri, uri, FALSE);
}

static void
copy_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DojangHelpPage *self = DOJANG_HELP_PAGE (widget);
  DojangProvider *provider = dojang_provider_details_get_provider (self->details);
  DojangCallChecklist *checklist = dojang_provider_details_get_checklist (self->details);
  g_autoptr(GDateTime) now = get_now (self);
  g_autofree char *summary = NULL;

  summary = dojang_call_checklist_build_summary (checklist,
                                                 provider != NULL ? dojang_provider_get_name_ko (provider) : NULL,
                                                 now);
  copy_text (self, summary);
  dojang_toast_show (GTK_WIDGET (self), _("Inquiry summary copied, in Korean for the help desk"));
}

static void
on_map (DojangHelpPage *self)
{
  /* The timer runs on the monotonic clock, which stops during suspend. */
  refresh_statuses (self);
}

static void
fill_providers (DojangHelpPage *self)
{
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();
  GListModel *providers = dojang_provider_catalog_get_providers (catalog);
  guint n_providers = g_list_model_get_n_items (providers);
  GtkWidget *placeholder;

  for (guint i = 0; i < n_providers; i++)
    {
      g_autoptr(DojangProvider) provider = g_list_model_get_item (providers, i);

      gtk_list_box_append (self->provider_list, dojang_provider_row_new (provider));
    }

  placeholder = gtk_label_new (_("No certificate authority matches your search."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (self->provider_list, placeholder);
  gtk_list_box_set_filter_func (self->provider_list, filter_provider_row, self, NULL);
}

static void
dojang_help_page_dispose (GObject *object)
{
  DojangHelpPage *self = DOJANG_HELP_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_HELP_PAGE);
  self->opened_row = NULL;
  self->leaflet = NULL;
  g_clear_object (&self->holidays);

  G_OBJECT_CLASS (dojang_help_page_parent_class)->dispose (object);
}

static void
dojang_help_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DojangHelpPage *self = DOJANG_HELP_PAGE (object);

  switch (prop_id)
    {
    case PROP_SUBPAGE_TITLE:
      g_value_set_string (value, dojang_help_page_get_subpage_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_help_page_class_init (DojangHelpPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_help_page_dispose;
  object_class->get_property = dojang_help_page_get_property;

  /* What the window's header says while an authority's details are shown;
   * %NULL on the list. */
  properties[PROP_SUBPAGE_TITLE] =
    g_param_spec_string ("subpage-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOJANG_TYPE_PROVIDER_DETAILS);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/providers/dojang-help-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangHelpPage, list_page);
  gtk_widget_class_bind_template_child (widget_class, DojangHelpPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DojangHelpPage, bank_group);
  gtk_widget_class_bind_template_child (widget_class, DojangHelpPage, bank_label);
  gtk_widget_class_bind_template_child (widget_class, DojangHelpPage, provider_list);
  gtk_widget_class_bind_template_child (widget_class, DojangHelpPage, details);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_provider_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed);

  gtk_widget_class_install_action (widget_class, "help.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "help.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "help.copy-phone", "s", copy_phone_action);
  gtk_widget_class_install_action (widget_class, "help.call", "s", call_action);
  gtk_widget_class_install_action (widget_class, "help.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "help.copy-summary", NULL, copy_summary_action);
}

static void
dojang_help_page_init (DojangHelpPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin owns its direct child and would
   * unparent it a second time after gtk_widget_dispose_template(). */
  self->leaflet = ADW_LEAFLET (adw_bin_get_child (ADW_BIN (self)));

  self->holidays = g_object_ref (dojang_holiday_calendar_get_default ());

  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_page);

  fill_providers (self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

/**
 * dojang_help_page_get_subpage_title:
 *
 * Returns: (nullable): the name of the authority whose details are shown,
 *   or %NULL when the list is
 */
const char *
dojang_help_page_get_subpage_title (DojangHelpPage *self)
{
  DojangProvider *provider;

  g_return_val_if_fail (DOJANG_IS_HELP_PAGE (self), NULL);

  provider = dojang_provider_details_get_provider (self->details);
  if (!showing_details (self) || provider == NULL)
    return NULL;

  return dojang_provider_get_name (provider);
}

/**
 * dojang_help_page_go_back:
 *
 * From an authority's details, back to the list.
 *
 * Returns: whether there was somewhere to go back from
 */
gboolean
dojang_help_page_go_back (DojangHelpPage *self)
{
  g_return_val_if_fail (DOJANG_IS_HELP_PAGE (self), FALSE);

  if (!showing_details (self))
    return FALSE;

  adw_leaflet_set_visible_child (self->leaflet, self->list_page);

  return TRUE;
}
