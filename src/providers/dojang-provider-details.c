/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Everything about one certificate authority: its main number and whether
 * it answers now, which channel suits which problem, every channel with its
 * hours, its websites and FAQ topics, and the "before you call" checklist. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-channel-advisor.h"
#include "dojang-channel-row.h"
#include "dojang-i18n.h"
#include "dojang-provider-details.h"
#include "dojang-status-label.h"
#include "dojang-verify-badge.h"

struct _DojangProviderDetails
{
  AdwBin               parent_instance;

  DojangProvider      *provider;

  GtkScrolledWindow   *scroller;
  GtkLabel            *name_label;
  GtkLabel            *brand_label;
  GtkLabel            *phone_label;
  DojangVerifyBadge   *phone_badge;
  DojangStatusLabel   *status_label;
  DojangVerifyBadge   *hours_badge;
  GtkWidget           *phone_buttons;
  GtkButton           *call_button;
  GtkButton           *copy_button;
  GtkBox              *notes_box;
  GtkListBox          *advisor_list;
  GtkListBox          *channel_list;
  AdwPreferencesGroup *links_group;
  AdwActionRow        *website_row;
  AdwActionRow        *renewal_row;
  AdwActionRow        *faq_row;
  AdwActionRow        *inquiry_row;
  DojangVerifyBadge   *website_badge;
  DojangVerifyBadge   *renewal_badge;
  DojangVerifyBadge   *faq_badge;
  DojangVerifyBadge   *inquiry_badge;
  AdwPreferencesGroup *topics_group;
  GtkListBox          *topics_list;
  DojangCallChecklist *checklist;
};

G_DEFINE_FINAL_TYPE (DojangProviderDetails, dojang_provider_details, ADW_TYPE_BIN)

static const DojangSituation situations[] = {
  DOJANG_SITUATION_URGENT,
  DOJANG_SITUATION_COMPLEX,
  DOJANG_SITUATION_SIMPLE,
  DOJANG_SITUATION_NEEDS_SCREENSHOTS,
  DOJANG_SITUATION_COMMON_QUESTION,
};

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
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

static void
set_link_row (AdwActionRow      *row,
              DojangVerifyBadge *badge,
              DojangProvider    *provider,
              const char        *fact_key,
              const char        *url)
{
  gboolean has_url = url != NULL && *url != '\0';
  DojangFact *fact = dojang_provider_get_fact (provider, fact_key);

  gtk_widget_set_visible (GTK_WIDGET (row), has_url);
  if (!has_url)
    return;

  dojang_verify_badge_set_facts (badge, &fact, 1);
  adw_action_row_set_subtitle (row, url);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", url);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "help.open-uri");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, url,
                                  -1);
}

/* Links that all lead to the home page are one row: the home page's row
 * says what else is found there. */
static void
merge_home_page_links (DojangProviderDetails *self,
                       DojangProvider        *provider)
{
  const char *website = dojang_provider_get_website (provider);
  AdwActionRow *rows[] = { self->renewal_row, self->faq_row, self->inquiry_row };
  const char *urls[] = {
    dojang_provider_get_renewal_url (provider),
    dojang_provider_get_faq_url (provider),
    dojang_provider_get_inquiry_url (provider),
  };
  g_autoptr(GString) also = g_string_new (NULL);
  g_autofree char *subtitle = NULL;

  if (website == NULL || *website == '\0')
    return;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (g_strcmp0 (urls[i], website) != 0)
        continue;

      gtk_widget_set_visible (GTK_WIDGET (rows[i]), FALSE);
      if (also->len > 0)
        /* TRANSLATORS: separates the names of pages, e.g. "Renewal, FAQ" */
        g_string_append (also, _(", "));
      g_string_append (also, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])));
    }

  if (also->len == 0)
    return;

  /* TRANSLATORS: a web site's row; %s is its address, %s the pages found
   * there, e.g. "https://www.signgate.com · also: Renewal, FAQ" */
  subtitle = g_strdup_printf (_("%s · also: %s"), website, also->str);
  adw_action_row_set_subtitle (self->website_row, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->website_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

static void
add_note (DojangProviderDetails *self,
          const char            *icon_name,
          const char            *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "note-card");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"),
                                  -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (self->notes_box, box);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_box), TRUE);
}

static gboolean
has_bank_issued_types (DojangProvider *provider)
{
  GListModel *types = dojang_provider_get_certificate_types (provider);
  guint n_types = g_list_model_get_n_items (types);

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(DojangCertificateType) type = g_list_model_get_item (types, i);

      if (dojang_certificate_type_get_issued_at_bank (type))
        return TRUE;
    }

  return FALSE;
}

static void
fill_notes (DojangProviderDetails *self)
{
  const char *notes = dojang_provider_get_notes (self->provider);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_box))) != NULL)
    gtk_box_remove (self->notes_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_box), FALSE);

  if (notes != NULL && *notes != '\0')
    add_note (self, "dialog-information-symbolic", notes);
  /* Personal banking certificates come from the bank, as yessign's renewal
   * page says (https://www.yessign.or.kr/main/intro/personal/commonRenew.jsp);
   * say so even if the data has no note of its own. */
  else if (has_bank_issued_types (self->provider))
    add_note (self, "dialog-information-symbolic",
              _("Personal certificates for banking, credit cards and insurance are issued and renewed at your bank: open its internet banking and go to the certificate center (인증센터), not this website."));
}

static void
fill_topics (DojangProviderDetails *self)
{
  const char * const *topics = dojang_provider_get_faq_topics (self->provider);
  const char *faq_url = dojang_provider_get_faq_url (self->provider);

  clear_list (self->topics_list);
  gtk_widget_set_visible (GTK_WIDGET (self->topics_group), topics != NULL && topics[0] != NULL);

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), topics[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, topics[i],
                                      -1);
      if (faq_url != NULL && *faq_url != '\0')
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("adw-external-link-symbolic");

          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Opens the FAQ"),
                                          -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", faq_url);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "help.open-uri");
        }
      gtk_list_box_append (self->topics_list, row);
    }
}

static void
fill_channels (DojangProviderDetails *self)
{
  GListModel *channels = dojang_provider_get_channels (self->provider);
  guint n_channels = g_list_model_get_n_items (channels);

  clear_list (self->channel_list);
  for (guint i = 0; i < n_channels; i++)
    {
      g_autoptr(DojangChannel) channel = g_list_model_get_item (channels, i);

      gtk_list_box_append (self->channel_list, dojang_channel_row_new (channel));
    }
}

static char *
describe_channel (DojangChannel *channel)
{
  const char *phone = dojang_channel_get_phone (channel);

  if (phone != NULL && *phone != '\0')
    return g_strdup_printf ("%s %s", dojang_channel_get_label (channel), phone);

  return g_strdup (dojang_channel_get_label (channel));
}

static GtkWidget *
create_advice_row (DojangSituation       situation,
                   DojangRecommendation *recommendation)
{
  DojangChannel *channel = dojang_recommendation_get_channel (recommendation);
  DojangChannelStatus *status = dojang_recommendation_get_status (recommendation);
  const char *reason = dojang_recommendation_get_reason (recommendation);
  const char *phone = dojang_channel_get_phone (channel);
  const char *url = dojang_channel_get_url (channel);
  g_autofree char *channel_text = describe_channel (channel);
  g_autofree char *status_text = status != NULL ? dojang_channel_describe_status (channel, status) : NULL;
  GString *subtitle = g_string_new (channel_text);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = NULL;

  if (status_text != NULL && *status_text != '\0')
    g_string_append_printf (subtitle, " · %s", status_text);
  /* The usual reason repeats the channel's name; the reason for a fallback
   * (the better channel is closed) is news. */
  if (dojang_recommendation_get_is_fallback (recommendation) && reason != NULL && *reason != '\0')
    g_string_append_printf (subtitle, "\n%s", reason);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dojang_situation_get_label (situation));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dojang_situation_get_label (situation),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason != NULL ? reason : subtitle->str,
                                  -1);

  if (phone != NULL && *phone != '\0')
    {
      g_autofree char *label = g_strdup_printf (_("Call %s"), phone);

      button = gtk_button_new_from_icon_name ("call-start-symbolic");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", phone);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "help.call");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  else if (url != NULL && *url != '\0')
    {
      g_autofree char *label = g_strdup_printf (_("Open %s"), dojang_channel_get_label (channel));

      button = gtk_button_new_from_icon_name ("adw-external-link-symbolic");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", url);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "help.open-uri");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }

  if (button != NULL)
    {
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  g_string_free (subtitle, TRUE);

  return row;
}

static void
fill_advice (DojangProviderDetails *self,
             DojangHolidayCalendar *holidays,
             GDateTime             *now)
{
  clear_list (self->advisor_list);

  for (guint i = 0; i < G_N_ELEMENTS (situations); i++)
    {
      g_autoptr(GListModel) recommendations = NULL;
      g_autoptr(DojangRecommendation) best = NULL;

      recommendations = dojang_channel_advisor_recommend (self->provider, situations[i], holidays, now);
      if (recommendations == NULL || g_list_model_get_n_items (recommendations) == 0)
        continue;

      best = g_list_model_get_item (recommendations, 0);
      gtk_list_box_append (self->advisor_list, create_advice_row (situations[i], best));
    }
}

DojangProvider *
dojang_provider_details_get_provider (DojangProviderDetails *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER_DETAILS (self), NULL);

  return self->provider;
}

DojangCallChecklist *
dojang_provider_details_get_checklist (DojangProviderDetails *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER_DETAILS (self), NULL);

  return self->checklist;
}

/**
 * dojang_provider_details_set_provider:
 * @self: the details view
 * @provider: the authority to show
 *
 * Call dojang_provider_details_update_status() afterwards to show what is
 * open now.
 */
void
dojang_provider_details_set_provider (DojangProviderDetails *self,
                                      DojangProvider        *provider)
{
  DojangChannel *main_channel;
  DojangFact *phone_fact = NULL;
  DojangFact *hours_fact = NULL;
  g_autofree char *subtitle = NULL;
  const char *brand;
  const char *phone;

  g_return_if_fail (DOJANG_IS_PROVIDER_DETAILS (self));
  g_return_if_fail (DOJANG_IS_PROVIDER (provider));

  if (!g_set_object (&self->provider, provider))
    return;

  brand = dojang_provider_get_brand (provider);
  phone = dojang_provider_get_main_phone (provider);
  main_channel = dojang_provider_get_main_channel (provider);
  if (main_channel != NULL)
    {
      phone_fact = dojang_channel_get_fact (main_channel, "phone");
      hours_fact = dojang_channel_get_fact (main_channel, "hours");
    }

  gtk_label_set_label (self->name_label, dojang_provider_get_name (provider));
  /* The Korean name is what a help desk answers the phone with. */
  if (!dojang_i18n_is_korean () && brand != NULL)
    subtitle = g_strdup_printf ("%s · %s", brand, dojang_provider_get_name_ko (provider));
  else
    subtitle = g_strdup (brand);
  gtk_label_set_label (self->brand_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->brand_label), subtitle != NULL);

  gtk_label_set_label (self->phone_label, phone != NULL ? phone : "");
  gtk_widget_set_visible (GTK_WIDGET (self->phone_label), phone != NULL);
  gtk_widget_set_visible (self->phone_buttons, phone != NULL);
  dojang_verify_badge_set_facts (self->phone_badge, &phone_fact, 1);
  dojang_verify_badge_set_facts (self->hours_badge, &hours_fact, 1);
  if (phone != NULL)
    {
      g_autofree char *call_label = g_strdup_printf (_("Call %s"), phone);
      g_autofree char *copy_label = g_strdup_printf (_("Copy %s"), phone);

      /* The target first: an action name without its target warns. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->call_button), "s", phone);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->call_button), "help.call");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->copy_button), "s", phone);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->copy_button), "help.copy-phone");
      /* The visible labels name the buttons; the number goes in the description. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->call_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, call_label,
                                      -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, copy_label,
                                      -1);
    }

  fill_notes (self);
  fill_channels (self);
  fill_topics (self);

  set_link_row (self->website_row, self->website_badge, provider, "website",
                dojang_provider_get_website (provider));
  set_link_row (self->renewal_row, self->renewal_badge, provider, "renewal_url",
                dojang_provider_get_renewal_url (provider));
  set_link_row (self->faq_row, self->faq_badge, provider, "faq_url",
                dojang_provider_get_faq_url (provider));
  set_link_row (self->inquiry_row, self->inquiry_badge, provider, "inquiry_url",
                dojang_provider_get_inquiry_url (provider));
  merge_home_page_links (self, provider);
  dojang_call_checklist_set_inquiry_url (self->checklist, dojang_provider_get_inquiry_url (provider));
  dojang_call_checklist_set_provider (self->checklist, dojang_provider_get_id (provider));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * dojang_provider_details_update_status:
 * @self: the details view
 * @holidays: the public holidays
 * @now: the current time
 *
 * Shows what is open at @now and the advice that follows from it.
 *
 * Returns: (transfer full) (nullable): the earliest time any of it may change
 */
GDateTime *
dojang_provider_details_update_status (DojangProviderDetails *self,
                                       DojangHolidayCalendar *holidays,
                                       GDateTime             *now)
{
  GDateTime *earliest = NULL;
  DojangChannel *main_channel;

  g_return_val_if_fail (DOJANG_IS_PROVIDER_DETAILS (self), NULL);

  if (self->provider == NULL)
    return NULL;

  main_channel = dojang_provider_get_main_channel (self->provider);
  if (main_channel != NULL)
    {
      g_autoptr(DojangChannelStatus) status = dojang_channel_get_status (main_channel, holidays, now);

      dojang_status_label_set_channel_status (self->status_label, main_channel, status);
      keep_earliest (&earliest, dojang_channel_status_get_next_change (status));
    }
  else
    {
      dojang_status_label_set_status (self->status_label, NULL);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->channel_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(GDateTime) next_change = NULL;

      if (!DOJANG_IS_CHANNEL_ROW (child))
        continue;

      next_change = dojang_channel_row_update_status (DOJANG_CHANNEL_ROW (child), holidays, now);
      keep_earliest (&earliest, next_change);
    }

  fill_advice (self, holidays, now);

  return earliest;
}

void
dojang_provider_details_focus_start (DojangProviderDetails *self)
{
  g_return_if_fail (DOJANG_IS_PROVIDER_DETAILS (self));

  if (gtk_widget_get_visible (self->phone_buttons))
    gtk_widget_grab_focus (GTK_WIDGET (self->call_button));
}

static void
dojang_provider_details_dispose (GObject *object)
{
  DojangProviderDetails *self = DOJANG_PROVIDER_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_PROVIDER_DETAILS);
  g_clear_object (&self->provider);

  G_OBJECT_CLASS (dojang_provider_details_parent_class)->dispose (object);
}

static void
dojang_provider_details_class_init (DojangProviderDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_provider_details_dispose;

  g_type_ensure (DOJANG_TYPE_CALL_CHECKLIST);
  g_type_ensure (DOJANG_TYPE_STATUS_LABEL);
  g_type_ensure (DOJANG_TYPE_VERIFY_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/providers/dojang-provider-details.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, name_label);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, brand_label);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, phone_label);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, phone_badge);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, status_label);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, hours_badge);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, phone_buttons);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, call_button);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, copy_button);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, notes_box);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, advisor_list);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, channel_list);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, links_group);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, website_row);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, renewal_row);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, faq_row);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, inquiry_row);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, website_badge);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, renewal_badge);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, faq_badge);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, inquiry_badge);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, topics_group);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, topics_list);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderDetails, checklist);
}

static void
dojang_provider_details_init (DojangProviderDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin owns its direct child and would
   * unparent it a second time after gtk_widget_dispose_template(). */
  self->scroller = GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));
}
