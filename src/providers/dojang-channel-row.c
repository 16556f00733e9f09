/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One way to reach a certificate authority (phone line, ARS, chatbot, 1:1
 * inquiry, FAQ, visit): its hours, whether it is open now, and buttons to
 * call, copy the number or open the page. The data confirms the number,
 * the hours and the link one by one: each that is not confirmed carries its
 * own "Unconfirmed" mark. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-channel-row.h"
#include "dojang-status-label.h"
#include "dojang-verify-badge.h"

struct _DojangChannelRow
{
  GtkListBoxRow      parent_instance;

  DojangChannel     *channel;

  GtkLabel          *title_label;
  GtkWidget         *phone_box;
  GtkLabel          *phone_label;
  DojangVerifyBadge *phone_badge;
  GtkWidget         *hours_box;
  GtkLabel          *hours_label;
  DojangVerifyBadge *hours_badge;
  GtkWidget         *link_box;
  GtkLabel          *link_label;
  DojangVerifyBadge *link_badge;
  GtkLabel          *notes_label;
  DojangStatusLabel *status_label;
  GtkButton         *copy_button;
  GtkButton         *call_button;
  GtkButton         *open_button;
};

G_DEFINE_FINAL_TYPE (DojangChannelRow, dojang_channel_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_CHANNEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
dojang_channel_row_new (DojangChannel *channel)
{
  g_return_val_if_fail (DOJANG_IS_CHANNEL (channel), NULL);

  return g_object_new (DOJANG_TYPE_CHANNEL_ROW,
                       "channel", channel,
                       NULL);
}

DojangChannel *
dojang_channel_row_get_channel (DojangChannelRow *self)
{
  g_return_val_if_fail (DOJANG_IS_CHANNEL_ROW (self), NULL);

  return self->channel;
}

/**
 * dojang_channel_row_update_status:
 * @self: a row
 * @holidays: the public holidays
 * @now: the current time
 *
 * Returns: (transfer full) (nullable): when the status may change next
 */
GDateTime *
dojang_channel_row_update_status (DojangChannelRow      *self,
                                  DojangHolidayCalendar *holidays,
                                  GDateTime             *now)
{
  g_autoptr(DojangChannelStatus) status = NULL;
  GDateTime *next_change;

  g_return_val_if_fail (DOJANG_IS_CHANNEL_ROW (self), NULL);

  status = dojang_channel_get_status (self->channel, holidays, now);
  dojang_status_label_set_channel_status (self->status_label, self->channel, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  dojang_status_label_get_text (self->status_label),
                                  -1);

  next_change = dojang_channel_status_get_next_change (status);

  return next_change != NULL ? g_date_time_ref (next_change) : NULL;
}

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gboolean has_text = text != NULL && *text != '\0';

  gtk_label_set_label (label, has_text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), has_text);
}

/* "www.signgate.com" for a page on it: where the link goes, short enough
 * for a phone. */
static char *
dup_link_text (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL || *url == '\0')
    return NULL;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (url);

  return g_strdup (g_uri_get_host (uri));
}

/* A fact's line shows when it has something to say; its mark only when
 * the fact is not confirmed. */
static void
show_fact (GtkWidget         *line,
           GtkLabel          *label,
           DojangVerifyBadge *badge,
           const char        *text,
           DojangFact        *fact)
{
  set_optional_label (label, text);
  gtk_widget_set_visible (line, gtk_widget_get_visible (GTK_WIDGET (label)));
  if (!gtk_widget_get_visible (line))
    fact = NULL;
  dojang_verify_badge_mark_fact (badge, fact, GTK_WIDGET (label));
}

static void
setup_button (GtkButton  *button,
              const char *action_name,
              const char *target,
              const char *accessible_label)
{
  gboolean usable = target != NULL && *target != '\0';

  gtk_widget_set_visible (GTK_WIDGET (button), usable);
  if (!usable)
    return;

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
}

static void
dojang_channel_row_constructed (GObject *object)
{
  DojangChannelRow *self = DOJANG_CHANNEL_ROW (object);
  const char *label = dojang_channel_get_label (self->channel);
  const char *phone = dojang_channel_get_phone (self->channel);
  const char *url = dojang_channel_get_url (self->channel);
  g_autofree char *hours = dojang_channel_get_hours_text (self->channel);
  g_autofree char *link = dup_link_text (url);
  g_autofree char *copy_label = NULL;
  g_autofree char *call_label = NULL;
  g_autofree char *open_label = NULL;

  G_OBJECT_CLASS (dojang_channel_row_parent_class)->constructed (object);

  gtk_label_set_label (self->title_label, label);
  show_fact (self->phone_box, self->phone_label, self->phone_badge, phone,
             dojang_channel_get_fact (self->channel, "phone"));
  show_fact (self->hours_box, self->hours_label, self->hours_badge, hours,
             dojang_channel_get_fact (self->channel, "hours"));
  show_fact (self->link_box, self->link_label, self->link_badge, link,
             dojang_channel_get_fact (self->channel, "url"));
  set_optional_label (self->notes_label, dojang_channel_get_notes (self->channel));

  /* Translators: %s is a phone number, e.g. 1577-8787. */
  copy_label = g_strdup_printf (_("Copy %s"), phone != NULL ? phone : "");
  /* Translators: %s is a phone number, e.g. 1577-8787. */
  call_label = g_strdup_printf (_("Call %s"), phone != NULL ? phone : "");
  /* Translators: %s is the name of a contact channel, e.g. "Chatbot". */
  open_label = g_strdup_printf (_("Open %s"), label);

  setup_button (self->copy_button, "help.copy-phone", phone, copy_label);
  setup_button (self->call_button, "help.call", phone, call_label);
  setup_button (self->open_button, "help.open-uri", url, open_label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
dojang_channel_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DojangChannelRow *self = DOJANG_CHANNEL_ROW (object);

  switch (prop_id)
    {
    case PROP_CHANNEL:
      g_value_set_object (value, self->channel);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_channel_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DojangChannelRow *self = DOJANG_CHANNEL_ROW (object);

  switch (prop_id)
    {
    case PROP_CHANNEL:
      self->channel = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_channel_row_dispose (GObject *object)
{
  DojangChannelRow *self = DOJANG_CHANNEL_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_CHANNEL_ROW);
  g_clear_object (&self->channel);

  G_OBJECT_CLASS (dojang_channel_row_parent_class)->dispose (object);
}

static void
dojang_channel_row_class_init (DojangChannelRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dojang_channel_row_constructed;
  object_class->get_property = dojang_channel_row_get_property;
  object_class->set_property = dojang_channel_row_set_property;
  object_class->dispose = dojang_channel_row_dispose;

  properties[PROP_CHANNEL] =
    g_param_spec_object ("channel", NULL, NULL,
                         DOJANG_TYPE_CHANNEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOJANG_TYPE_STATUS_LABEL);
  g_type_ensure (DOJANG_TYPE_VERIFY_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/providers/dojang-channel-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangChannelRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DojangChannelRow, phone_box);
  gtk_widget_class_bind_template_child (widget_class, DojangChannelRow, phone_label);
  gtk_widget_class_bind_template_child (widget_class, DojangChannelRow, phone_badge);
  gtk_widget_class_bind_template_child (widget_class, DojangChannelRow, hours_box);
  gtk_widget_class_bind_template_child (widget_class, DojangChannelRow, hours_label);
  gtk_widget_class_bind_template_child (widget_class, DojangChannelRow, hours_badge);
  gtk_widget_class_bind_template_child (widget_class, DojangChannelRow, link_box);
  gtk_widget_class_bind_template_child (widget_class, DojangChannelRow, link_label);
  gtk_widget_class_bind_template_child (widget_class, DojangChannelRow, link_badge);
  gtk_widget_class_bind_template_child (widget_class, DojangChannelRow, notes_label);
  gtk_widget_class_bind_template_child (widget_class, DojangChannelRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, DojangChannelRow, copy_button);
  gtk_widget_class_bind_template_child (widget_class, DojangChannelRow, call_button);
  gtk_widget_class_bind_template_child (widget_class, DojangChannelRow, open_button);
}

static void
dojang_channel_row_init (DojangChannelRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
