/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Adding or editing a certificate Dojang cannot scan: a name (required),
 * its CA (one of the five, or another), its type (free text) and the last
 * day it is valid, picked in a calendar (required). Save stays off until
 * both required fields are there; the label under the form says what is
 * missing. Saving runs in a worker thread. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-clock.h"
#include "dojang-manual-entry-dialog.h"
#include "dojang-provider-catalog.h"
#include "dojang-reminder-schedule.h"
#include "dojang-seoul.h"

#define OTHER_PROVIDER "other"

struct _DojangManualEntryDialog
{
  AdwWindow            parent_instance;

  DojangReminderStore *store;
  gint64               entry_id;
  GPtrArray           *provider_ids;
  gboolean             date_chosen;
  gboolean             showing_today;
  gboolean             name_touched;
  GCancellable        *cancellable;

  GtkWidget           *save_button;
  AdwEntryRow         *name_row;
  AdwComboRow         *provider_row;
  AdwEntryRow         *type_row;
  GtkCalendar         *calendar;
  GtkLabel            *date_label;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (DojangManualEntryDialog, dojang_manual_entry_dialog, ADW_TYPE_WINDOW)

static char *
chosen_date (DojangManualEntryDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

  return g_date_time_format (day, "%Y-%m-%d");
}

static char *
stripped_name (DojangManualEntryDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

/**
 * dojang_manual_entry_dialog_can_save:
 *
 * Returns: whether the name and the date are filled in
 */
gboolean
dojang_manual_entry_dialog_can_save (DojangManualEntryDialog *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (DOJANG_IS_MANUAL_ENTRY_DIALOG (self), FALSE);

  name = stripped_name (self);

  return *name != '\0' && self->date_chosen;
}

static void
validate (DojangManualEntryDialog *self)
{
  g_autofree char *name = stripped_name (self);
  gboolean name_ok = *name != '\0';
  const char *problem = NULL;

  if (!name_ok && self->name_touched)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");

  if (!name_ok && !self->date_chosen)
    problem = _("Enter a name and choose the last day the certificate is valid.");
  else if (!name_ok)
    problem = _("A name is required: whose certificate is it, or where is it kept?");
  else if (!self->date_chosen)
    problem = _("Choose the last day the certificate is valid in the calendar.");

  /* Nothing is wrong with a form nobody has filled in yet: Save stays off,
   * and what is missing is said once the person has started. */
  gtk_label_set_label (self->error_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label),
                          problem != NULL && (self->name_touched || self->date_chosen));
  gtk_widget_set_sensitive (self->save_button, problem == NULL);
}

static void
update_date_label (DojangManualEntryDialog *self)
{
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GDateTime) not_after = NULL;

  if (!self->date_chosen)
    {
      gtk_label_set_label (self->date_label, _("No day chosen yet."));
      return;
    }

  date = chosen_date (self);
  not_after = dojang_reminder_expiry_date_to_instant (date);
  text = dojang_seoul_format_expiry_date (not_after);
  /* Translators: under the calendar, e.g. "Valid until 2026-12-01" */
  label = g_strdup_printf (_("Valid until %s"), text);
  gtk_label_set_label (self->date_label, label);
}

static void
on_changed (DojangManualEntryDialog *self)
{
  self->name_touched = TRUE;
  validate (self);
}

/* GtkCalendar always has a day selected; until one is chosen, it is not
 * shown as chosen (see style.css). */
static void
show_day_chosen (DojangManualEntryDialog *self)
{
  if (self->date_chosen)
    gtk_widget_remove_css_class (GTK_WIDGET (self->calendar), "no-day");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->calendar), "no-day");
}

static void
on_day_selected (DojangManualEntryDialog *self)
{
  if (self->showing_today)
    return;

  self->date_chosen = TRUE;
  show_day_chosen (self);
  update_date_label (self);
  validate (self);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(DojangManualEntryDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (dojang_reminder_store_save_manual_entry_finish (DOJANG_REMINDER_STORE (source), result, &error) != 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_set_sensitive (self->save_button, TRUE);
}

static void
on_save_clicked (DojangManualEntryDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  guint selected;

  if (!dojang_manual_entry_dialog_can_save (self))
    return;

  name = stripped_name (self);
  date = chosen_date (self);
  selected = adw_combo_row_get_selected (self->provider_row);

  gtk_widget_set_sensitive (self->save_button, FALSE);
  dojang_reminder_store_save_manual_entry_async (self->store, self->entry_id, name,
                                                 g_ptr_array_index (self->provider_ids, selected),
                                                 gtk_editable_get_text (GTK_EDITABLE (self->type_row)),
                                                 date, self->cancellable, on_saved, g_object_ref (self));
}

static void
fill_providers (DojangManualEntryDialog *self,
                const char              *selected_id)
{
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *providers = catalog != NULL ? dojang_provider_catalog_get_providers (catalog) : NULL;
  guint n = providers != NULL ? g_list_model_get_n_items (providers) : 0;
  guint selected = 0;

  /* No issuer is chosen for the person: the first item says so, and is
   * saved as not known. */
  gtk_string_list_append (names, _("Not chosen"));
  g_ptr_array_add (self->provider_ids, g_strdup (OTHER_PROVIDER));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DojangProvider) provider = g_list_model_get_item (providers, i);

      gtk_string_list_append (names, dojang_provider_get_name (provider));
      g_ptr_array_add (self->provider_ids, g_strdup (dojang_provider_get_id (provider)));
    }
  gtk_string_list_append (names, _("Other"));
  g_ptr_array_add (self->provider_ids, g_strdup (OTHER_PROVIDER));

  for (guint i = 1; selected_id != NULL && i < self->provider_ids->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->provider_ids, i), selected_id))
        selected = i;
    }

  adw_combo_row_set_model (self->provider_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->provider_row, selected);
}

/**
 * dojang_manual_entry_dialog_new:
 * @store: where to save
 * @entry: (nullable): the entry to edit, or %NULL to add one
 */
DojangManualEntryDialog *
dojang_manual_entry_dialog_new (DojangReminderStore *store,
                                DojangManualEntry   *entry)
{
  DojangManualEntryDialog *self;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (store), NULL);
  g_return_val_if_fail (entry == NULL || DOJANG_IS_MANUAL_ENTRY (entry), NULL);

  self = g_object_new (DOJANG_TYPE_MANUAL_ENTRY_DIALOG, NULL);
  self->store = g_object_ref (store);

  if (entry == NULL)
    {
      g_autoptr(GDateTime) now = dojang_clock_get_now ();
      g_autoptr(GDateTime) today = g_date_time_to_local (now);

      gtk_window_set_title (GTK_WINDOW (self), _("Add Certificate"));
      fill_providers (self, NULL);
      /* The calendar opens on the application's today (the pinned one in
       * tests), which is not a choice. */
      self->showing_today = TRUE;
      gtk_calendar_select_day (self->calendar, today);
      self->showing_today = FALSE;
    }
  else
    {
      g_autoptr(GDateTime) not_after = NULL;
      g_autoptr(GDateTime) local = NULL;

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Certificate"));
      self->entry_id = dojang_manual_entry_get_id (entry);
      fill_providers (self, dojang_manual_entry_get_provider_id (entry));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), dojang_manual_entry_get_name (entry));
      gtk_editable_set_text (GTK_EDITABLE (self->type_row), dojang_manual_entry_get_type_name (entry));

      /* The calendar works in local time; noon keeps the day in any zone. */
      not_after = dojang_reminder_expiry_date_to_instant (dojang_manual_entry_get_expiry_date (entry));
      local = g_date_time_new_local (g_date_time_get_year (not_after), g_date_time_get_month (not_after),
                                     g_date_time_get_day_of_month (not_after), 12, 0, 0);
      gtk_calendar_select_day (self->calendar, local);
      self->date_chosen = TRUE;
    }

  self->name_touched = FALSE;
  show_day_chosen (self);
  update_date_label (self);
  validate (self);

  return self;
}

static void
dojang_manual_entry_dialog_dispose (GObject *object)
{
  DojangManualEntryDialog *self = DOJANG_MANUAL_ENTRY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_MANUAL_ENTRY_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dojang_manual_entry_dialog_parent_class)->dispose (object);
}

static void
dojang_manual_entry_dialog_finalize (GObject *object)
{
  DojangManualEntryDialog *self = DOJANG_MANUAL_ENTRY_DIALOG (object);

  g_ptr_array_unref (self->provider_ids);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (dojang_manual_entry_dialog_parent_class)->finalize (object);
}

static void
dojang_manual_entry_dialog_class_init (DojangManualEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_manual_entry_dialog_dispose;
  object_class->finalize = dojang_manual_entry_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/reminders/dojang-manual-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangManualEntryDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, DojangManualEntryDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, DojangManualEntryDialog, provider_row);
  gtk_widget_class_bind_template_child (widget_class, DojangManualEntryDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, DojangManualEntryDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, DojangManualEntryDialog, date_label);
  gtk_widget_class_bind_template_child (widget_class, DojangManualEntryDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dojang_manual_entry_dialog_init (DojangManualEntryDialog *self)
{
  self->provider_ids = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}
