/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-preferences-window.h"
#include "dojang-reminder-preferences.h"

struct _DojangPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *style_row;
  GtkListBox           *folders_list;
  DojangReminderPreferences *reminders_group;
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
set_folders (DojangPreferencesWindow *self,
             const char * const      *folders)
{
  g_settings_set_strv (self->settings, "certificate-folders", folders);
}

static void
on_remove_folder_clicked (GtkButton               *button,
                          DojangPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "folder");
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "certificate-folders");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) remaining = NULL;

  for (guint i = 0; folders[i] != NULL; i++)
    {
      if (g_strcmp0 (folders[i], path) != 0)
        g_strv_builder_add (builder, folders[i]);
    }
  remaining = g_strv_builder_end (builder);
  set_folders (self, (const char * const *) remaining);
}

static GtkWidget *
create_folder_row (DojangPreferencesWindow *self,
                   const char              *path)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *label = g_strdup_printf (_("Remove %s"), path);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), path);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Folder"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (remove), "folder", g_strdup (path), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_folder_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
update_folders (DojangPreferencesWindow *self)
{
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "certificate-folders");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->folders_list))) != NULL)
    gtk_list_box_remove (self->folders_list, child);

  for (guint i = 0; folders[i] != NULL; i++)
    gtk_list_box_append (self->folders_list, create_folder_row (self, folders[i]));

  if (folders[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No folders added"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->folders_list, row);
    }
}

static void
on_folders_changed (GSettings               *settings,
                    const char              *key,
                    DojangPreferencesWindow *self)
{
  update_folders (self);
}

static void
on_add_folder_response (GtkNativeDialog         *chooser,
                        int                      response,
                        DojangPreferencesWindow *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL)
    path = g_file_get_path (folder);
  g_object_unref (chooser);

  if (path != NULL)
    dojang_preferences_window_add_folder (self, path);
}

static void
on_add_folder_clicked (DojangPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Add Certificate Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_add_folder_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * dojang_preferences_window_add_folder:
 * @path: a folder to look for certificates in
 *
 * Adds @path to the `certificate-folders` setting, once.
 */
void
dojang_preferences_window_add_folder (DojangPreferencesWindow *self,
                                      const char              *path)
{
  g_auto(GStrv) folders = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;

  g_return_if_fail (DOJANG_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (path != NULL);

  folders = g_settings_get_strv (self->settings, "certificate-folders");
  if (g_strv_contains ((const char * const *) folders, path))
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) folders);
  g_strv_builder_add (builder, path);
  updated = g_strv_builder_end (builder);
  set_folders (self, (const char * const *) updated);
}

static void
dojang_preferences_window_constructed (GObject *object)
{
  DojangPreferencesWindow *self = DOJANG_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (dojang_preferences_window_parent_class)->constructed (object);

  g_signal_connect_object (self->settings, "changed::certificate-folders",
                           G_CALLBACK (on_folders_changed), self, 0);
  update_folders (self);
  dojang_reminder_preferences_set_settings (self->reminders_group, self->settings);

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

  g_type_ensure (DOJANG_TYPE_REMINDER_PREFERENCES);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/dojang-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangPreferencesWindow, reminders_group);
  gtk_widget_class_bind_template_child (widget_class, DojangPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, DojangPreferencesWindow, folders_list);
  gtk_widget_class_bind_template_callback (widget_class, on_add_folder_clicked);
}

static void
dojang_preferences_window_init (DojangPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
