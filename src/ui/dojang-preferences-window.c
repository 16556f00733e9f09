/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "dojang-preferences-window.h"

struct _DojangPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *style_row;
};

G_DEFINE_FINAL_TYPE (DojangPreferencesWindow, dojang_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

DojangPreferencesWindow *
dojang_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (DOJANG_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}

static void
on_style_selected (AdwComboRow             *row,
                   GParamSpec              *pspec,
                   DojangPreferencesWindow *self)
{
  g_settings_set_enum (self->settings, "color-scheme", (int) adw_combo_row_get_selected (row));
}

static void
dojang_preferences_window_constructed (GObject *object)
{
  DojangPreferencesWindow *self = DOJANG_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (dojang_preferences_window_parent_class)->constructed (object);

  adw_combo_row_set_selected (self->style_row,
                              (guint) g_settings_get_enum (self->settings, "color-scheme"));
  g_signal_connect_object (self->style_row, "notify::selected",
                           G_CALLBACK (on_style_selected), self, 0);
}

static void
dojang_preferences_window_dispose (GObject *object)
{
  DojangPreferencesWindow *self = DOJANG_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dojang_preferences_window_parent_class)->dispose (object);
}

static void
dojang_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  DojangPreferencesWindow *self = DOJANG_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_preferences_window_class_init (DojangPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dojang_preferences_window_constructed;
  object_class->dispose = dojang_preferences_window_dispose;
  object_class->set_property = dojang_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/ui/dojang-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangPreferencesWindow, style_row);
}

static void
dojang_preferences_window_init (DojangPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
