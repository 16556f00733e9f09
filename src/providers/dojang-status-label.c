/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One line saying whether a contact channel is open now, with an icon and a
 * colour for the state; the words carry the meaning, the colour only helps. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-status-label.h"

struct _DojangStatusLabel
{
  AdwBin    parent_instance;

  GtkImage *icon;
  GtkLabel *label;
};

G_DEFINE_FINAL_TYPE (DojangStatusLabel, dojang_status_label, ADW_TYPE_BIN)

static const char *state_classes[] = {
  [DOJANG_CHANNEL_STATE_OPEN] = "status-open",
  [DOJANG_CHANNEL_STATE_LIMITED] = "status-limited",
  [DOJANG_CHANNEL_STATE_CLOSED] = "status-closed",
};

static const char *state_icons[] = {
  [DOJANG_CHANNEL_STATE_OPEN] = "emblem-ok-symbolic",
  [DOJANG_CHANNEL_STATE_LIMITED] = "alarm-symbolic",
  [DOJANG_CHANNEL_STATE_CLOSED] = "action-unavailable-symbolic",
};

GtkWidget *
dojang_status_label_new (void)
{
  return g_object_new (DOJANG_TYPE_STATUS_LABEL, NULL);
}

/**
 * dojang_status_label_set_status:
 * @self: a status label
 * @status: (nullable): the status to show, or %NULL to show nothing
 */
void
dojang_status_label_set_status (DojangStatusLabel   *self,
                                DojangChannelStatus *status)
{
  g_autofree char *text = NULL;
  DojangChannelState state;

  g_return_if_fail (DOJANG_IS_STATUS_LABEL (self));

  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), state_classes[i]);

  if (status == NULL)
    {
      gtk_label_set_label (self->label, "");
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  state = dojang_channel_status_get_state (status);
  g_return_if_fail (state < G_N_ELEMENTS (state_classes));

  text = dojang_channel_status_describe (status);
  gtk_label_set_label (self->label, text);
  gtk_image_set_from_icon_name (self->icon, state_icons[state]);
  gtk_widget_add_css_class (GTK_WIDGET (self), state_classes[state]);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

/**
 * dojang_status_label_set_channel_status:
 * @channel: the channel @status is of
 * @status: (nullable): its status now
 *
 * Hours nobody has confirmed on the CA's own pages give no "open now" with
 * full confidence: the status is marked as an estimate, e.g.
 * "Open now · until 18:00 (estimated)".
 */
void
dojang_status_label_set_channel_status (DojangStatusLabel   *self,
                                        DojangChannel       *channel,
                                        DojangChannelStatus *status)
{
  g_autofree char *text = NULL;

  g_return_if_fail (DOJANG_IS_STATUS_LABEL (self));
  g_return_if_fail (DOJANG_IS_CHANNEL (channel));

  dojang_status_label_set_status (self, status);
  if (status == NULL)
    return;

  text = dojang_channel_describe_status (channel, status);
  gtk_label_set_label (self->label, text);
}

const char *
dojang_status_label_get_text (DojangStatusLabel *self)
{
  g_return_val_if_fail (DOJANG_IS_STATUS_LABEL (self), NULL);

  return gtk_label_get_label (self->label);
}

static void
dojang_status_label_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOJANG_TYPE_STATUS_LABEL);

  G_OBJECT_CLASS (dojang_status_label_parent_class)->dispose (object);
}

static void
dojang_status_label_class_init (DojangStatusLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_status_label_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/providers/dojang-status-label.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangStatusLabel, icon);
  gtk_widget_class_bind_template_child (widget_class, DojangStatusLabel, label);
}

static void
dojang_status_label_init (DojangStatusLabel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
