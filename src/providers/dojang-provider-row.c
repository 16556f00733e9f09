/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A certificate authority in the Help page's list: its name, brand and main
 * number, and whether that number answers now. An unconfirmed number is
 * marked after the number. The row shows no hours, only the status they
 * give: unconfirmed hours make it read as an estimate, and a screen reader
 * hears why. */

#include "config.h"

#include "dojang-provider-row.h"
#include "dojang-status-label.h"
#include "dojang-verify-badge.h"

struct _DojangProviderRow
{
  GtkListBoxRow      parent_instance;

  DojangProvider    *provider;

  GtkLabel          *name_label;
  GtkLabel          *details_label;
  DojangVerifyBadge *phone_badge;
  DojangStatusLabel *status_label;
};

G_DEFINE_FINAL_TYPE (DojangProviderRow, dojang_provider_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_PROVIDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
dojang_provider_row_new (DojangProvider *provider)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (provider), NULL);

  return g_object_new (DOJANG_TYPE_PROVIDER_ROW,
                       "provider", provider,
                       NULL);
}

DojangProvider *
dojang_provider_row_get_provider (DojangProviderRow *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER_ROW (self), NULL);

  return self->provider;
}

const char *
dojang_provider_row_get_status_text (DojangProviderRow *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER_ROW (self), NULL);

  return dojang_status_label_get_text (self->status_label);
}

/**
 * dojang_provider_row_update_status:
 * @self: a row
 * @holidays: the public holidays
 * @now: the current time
 *
 * Shows the main phone line's status at @now.
 *
 * Returns: (transfer full) (nullable): when the status may change next
 */
GDateTime *
dojang_provider_row_update_status (DojangProviderRow     *self,
                                   DojangHolidayCalendar *holidays,
                                   GDateTime             *now)
{
  g_autoptr(DojangChannelStatus) status = NULL;
  DojangChannel *channel;
  GDateTime *next_change;

  g_return_val_if_fail (DOJANG_IS_PROVIDER_ROW (self), NULL);

  channel = dojang_provider_get_main_channel (self->provider);
  if (channel == NULL)
    {
      dojang_status_label_set_status (self->status_label, NULL);
      return NULL;
    }

  status = dojang_channel_get_status (channel, holidays, now);
  dojang_status_label_set_channel_status (self->status_label, channel, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  dojang_status_label_get_text (self->status_label),
                                  -1);

  next_change = dojang_channel_status_get_next_change (status);

  return next_change != NULL ? g_date_time_ref (next_change) : NULL;
}

static void
dojang_provider_row_constructed (GObject *object)
{
  DojangProviderRow *self = DOJANG_PROVIDER_ROW (object);
  const char *name = dojang_provider_get_name (self->provider);
  const char *brand = dojang_provider_get_brand (self->provider);
  const char *phone = dojang_provider_get_main_phone (self->provider);
  DojangChannel *main_channel = dojang_provider_get_main_channel (self->provider);
  g_autofree char *details = NULL;
  g_autofree char *hours_unconfirmed = NULL;

  G_OBJECT_CLASS (dojang_provider_row_parent_class)->constructed (object);

  if (brand != NULL && phone != NULL)
    details = g_strdup_printf ("%s · %s", brand, phone);
  else
    details = g_strdup (brand != NULL ? brand : phone);

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details != NULL);

  dojang_verify_badge_mark_fact (self->phone_badge,
                                 main_channel != NULL && phone != NULL ? dojang_channel_get_fact (main_channel, "phone") : NULL,
                                 GTK_WIDGET (self->details_label));
  if (main_channel != NULL)
    hours_unconfirmed = dojang_verify_badge_describe (dojang_channel_get_fact (main_channel, "hours"));
  if (hours_unconfirmed != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hours_unconfirmed,
                                    -1);

  /* Tests and screen readers find the row by the authority's name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
dojang_provider_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DojangProviderRow *self = DOJANG_PROVIDER_ROW (object);

  switch (prop_id)
    {
    case PROP_PROVIDER:
      g_value_set_object (value, self->provider);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_provider_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DojangProviderRow *self = DOJANG_PROVIDER_ROW (object);

  switch (prop_id)
    {
    case PROP_PROVIDER:
      self->provider = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_provider_row_dispose (GObject *object)
{
  DojangProviderRow *self = DOJANG_PROVIDER_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_PROVIDER_ROW);
  g_clear_object (&self->provider);

  G_OBJECT_CLASS (dojang_provider_row_parent_class)->dispose (object);
}

static void
dojang_provider_row_class_init (DojangProviderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dojang_provider_row_constructed;
  object_class->get_property = dojang_provider_row_get_property;
  object_class->set_property = dojang_provider_row_set_property;
  object_class->dispose = dojang_provider_row_dispose;

  properties[PROP_PROVIDER] =
    g_param_spec_object ("provider", NULL, NULL,
                         DOJANG_TYPE_PROVIDER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOJANG_TYPE_STATUS_LABEL);
  g_type_ensure (DOJANG_TYPE_VERIFY_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/providers/dojang-provider-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangProviderRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderRow, phone_badge);
  gtk_widget_class_bind_template_child (widget_class, DojangProviderRow, status_label);
}

static void
dojang_provider_row_init (DojangProviderRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
