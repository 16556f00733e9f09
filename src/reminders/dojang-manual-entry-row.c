/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A certificate entered by hand, with buttons to edit and delete it
 * (reminders.edit-entry, reminders.delete-entry on the page). */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-manual-entry-row.h"
#include "dojang-provider-catalog.h"
#include "dojang-reminder-schedule.h"
#include "dojang-seoul.h"

struct _DojangManualEntryRow
{
  AdwActionRow       parent_instance;

  DojangManualEntry *entry;

  GtkWidget         *edit_button;
  GtkWidget         *delete_button;
};

G_DEFINE_FINAL_TYPE (DojangManualEntryRow, dojang_manual_entry_row, ADW_TYPE_ACTION_ROW)

static char *
describe_validity (DojangManualEntry *entry,
                   GDateTime         *now)
{
  GDateTime *not_after = dojang_manual_entry_get_not_after (entry);
  g_autofree char *date = dojang_seoul_format_expiry_date (not_after);
  int days = dojang_seoul_days_left (now, not_after);

  if (days < 0)
    return g_strdup_printf (_("Expired on %s"), date);
  if (days == 0)
    return g_strdup_printf (_("Expires today (%s)"), date);

  /* Translators: e.g. "Valid until 2026-12-01, 7 days left" */
  return g_strdup_printf (ngettext ("Valid until %s, %d day left", "Valid until %s, %d days left", days),
                          date, days);
}

GtkWidget *
dojang_manual_entry_row_new (DojangManualEntry *entry,
                             GDateTime         *now)
{
  DojangManualEntryRow *self;
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();
  DojangProvider *provider = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *validity = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *delete_label = NULL;
  const char *type_name;
  GVariant *target;

  g_return_val_if_fail (DOJANG_IS_MANUAL_ENTRY (entry), NULL);

  self = g_object_new (DOJANG_TYPE_MANUAL_ENTRY_ROW, NULL);
  self->entry = g_object_ref (entry);

  if (catalog != NULL)
    provider = dojang_provider_catalog_lookup (catalog, dojang_manual_entry_get_provider_id (entry));
  g_string_append (subtitle, provider != NULL ? dojang_provider_get_name (provider) : _("Other authority"));

  type_name = dojang_manual_entry_get_type_name (entry);
  if (*type_name != '\0')
    g_string_append_printf (subtitle, " · %s", type_name);

  validity = describe_validity (entry, now);
  g_string_append_printf (subtitle, "\n%s", validity);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), dojang_manual_entry_get_name (entry));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);

  target = g_variant_new_int64 (dojang_manual_entry_get_id (entry));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button), target);

  /* Translators: the accessible names of the buttons of a certificate entered by hand */
  edit_label = g_strdup_printf (_("Edit %s"), dojang_manual_entry_get_name (entry));
  delete_label = g_strdup_printf (_("Delete %s"), dojang_manual_entry_get_name (entry));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);

  return GTK_WIDGET (self);
}

DojangManualEntry *
dojang_manual_entry_row_get_entry (DojangManualEntryRow *self)
{
  g_return_val_if_fail (DOJANG_IS_MANUAL_ENTRY_ROW (self), NULL);

  return self->entry;
}

static void
dojang_manual_entry_row_dispose (GObject *object)
{
  DojangManualEntryRow *self = DOJANG_MANUAL_ENTRY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_MANUAL_ENTRY_ROW);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (dojang_manual_entry_row_parent_class)->dispose (object);
}

static void
dojang_manual_entry_row_class_init (DojangManualEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_manual_entry_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/reminders/dojang-manual-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangManualEntryRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, DojangManualEntryRow, delete_button);
}

static void
dojang_manual_entry_row_init (DojangManualEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
