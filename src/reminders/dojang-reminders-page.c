/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Reminders page: each certificate's next reminder by date (snooze,
 * dismiss), the certificates kept elsewhere (add, edit, delete), and export
 * and import. An AdwStatusPage when there is nothing; a notice on top when
 * the database had to be started afresh.
 *
 * Every change to the store is read again in a worker thread; the rows
 * that did not change keep their widgets (and the focus). The actions on
 * entries and the export and import are in dojang-reminders-page-actions.c. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-clock.h"
#include "dojang-manual-entry-row.h"
#include "dojang-reminder-notification.h"
#include "dojang-reminder-row.h"
#include "dojang-reminders-page-private.h"
#include "dojang-seoul.h"
#include "dojang-settings.h"
#include "dojang-toast.h"

G_DEFINE_FINAL_TYPE (DojangRemindersPage, dojang_reminders_page, ADW_TYPE_BIN)

static GtkWidget *
create_reminder_row (gpointer item,
                     gpointer user_data)
{
  DojangRemindersPage *self = user_data;
  gint64 id = dojang_reminder_get_id (item);

  return dojang_reminder_row_new (item, g_hash_table_lookup (self->later, &id), self->now);
}

static GtkWidget *
create_entry_row (gpointer item,
                  gpointer user_data)
{
  DojangRemindersPage *self = user_data;

  return dojang_manual_entry_row_new (item, self->now);
}

/* Replaces the items of @model with @items, keeping the unchanged ones
 * (same key) at either end, and so their rows. */
static void
update_model (GListStore  *model,
              GPtrArray  **keys,
              GPtrArray   *items,
              GPtrArray   *new_keys)
{
  guint old_len = (*keys)->len;
  guint new_len = new_keys->len;
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < old_len && prefix < new_len &&
         g_str_equal (g_ptr_array_index (*keys, prefix), g_ptr_array_index (new_keys, prefix)))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_str_equal (g_ptr_array_index (*keys, old_len - 1 - suffix),
                      g_ptr_array_index (new_keys, new_len - 1 - suffix)))
    suffix++;

  if (prefix != old_len || prefix != new_len)
    g_list_store_splice (model, prefix, old_len - prefix - suffix,
                         items->pdata + prefix, new_len - prefix - suffix);

  g_ptr_array_unref (*keys);
  *keys = g_ptr_array_ref (new_keys);
}

static char *
target_key (DojangReminder *reminder)
{
  if (dojang_reminder_is_manual (reminder))
    return g_strdup_printf ("entry %" G_GINT64_FORMAT, dojang_reminder_get_manual_entry_id (reminder));

  return g_strdup (dojang_reminder_get_certificate_sha256 (reminder));
}

static gint64
unix_or_zero (GDateTime *instant)
{
  return instant != NULL ? g_date_time_to_unix (instant) : 0;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* Everything a reminder row shows, as one string. */
static char *
reminder_key (DojangReminder *next,
              GPtrArray      *later,
              GDateTime      *now)
{
  g_autofree char *left = dojang_reminder_describe_days_left (next, now);
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%" G_GINT64_FORMAT " %d %d %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "|%s|%s|%s|%s|%s|",
                          dojang_reminder_get_id (next),
                          dojang_reminder_get_state (next),
                          dojang_reminder_get_lead_days (next),
                          unix_or_zero (dojang_reminder_get_next_time (next)),
                          unix_or_zero (dojang_reminder_get_not_after (next)),
                          or_empty (dojang_reminder_get_name (next)),
                          or_empty (dojang_reminder_get_subject (next)),
                          or_empty (dojang_reminder_get_provider_id (next)),
                          or_empty (dojang_reminder_get_type_name (next)),
                          left);
  for (guint i = 0; i < later->len; i++)
    g_string_append_printf (key, " %d", dojang_reminder_get_lead_days (g_ptr_array_index (later, i)));

  return g_string_free (key, FALSE);
}

static char *
entry_key (DojangManualEntry *entry,
           GDateTime         *now)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s|%s|%s|%d",
                          dojang_manual_entry_get_id (entry),
                          or_empty (dojang_manual_entry_get_name (entry)),
                          or_empty (dojang_manual_entry_get_provider_id (entry)),
                          or_empty (dojang_manual_entry_get_type_name (entry)),
                          or_empty (dojang_manual_entry_get_expiry_date (entry)),
                          dojang_seoul_days_left (now, dojang_manual_entry_get_not_after (entry)));
}

/* A status page's description is Pango markup; an error names a file
 * whose path may hold "&" or "<". */
static void
set_unavailable_reason (DojangRemindersPage *self,
                        const char          *reason)
{
  g_autofree char *escaped = reason != NULL ? g_markup_escape_text (reason, -1) : NULL;

  adw_status_page_set_description (self->unavailable_page, escaped);
}

/* One row per certificate: its next reminder, with the ones after it. The
 * store lists them soonest first, so a certificate's first one is its
 * next; one pass, with the certificates in a hash table. */
static void
show_upcoming (DojangRemindersPage *self,
               GPtrArray           *upcoming)
{
  g_autoptr(GHashTable) by_target = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) nexts = g_ptr_array_new ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GHashTable *later = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < upcoming->len; i++)
    {
      DojangReminder *reminder = g_ptr_array_index (upcoming, i);
      g_autofree char *target = target_key (reminder);
      GPtrArray *after = g_hash_table_lookup (by_target, target);
      gint64 id;

      if (after != NULL)
        {
          g_ptr_array_add (after, g_object_ref (reminder));
          continue;
        }

      after = g_ptr_array_new_with_free_func (g_object_unref);
      id = dojang_reminder_get_id (reminder);
      g_hash_table_insert (later, g_memdup2 (&id, sizeof id), after);
      g_hash_table_insert (by_target, g_steal_pointer (&target), after);
      g_ptr_array_add (nexts, reminder);
    }

  for (guint i = 0; i < nexts->len; i++)
    {
      DojangReminder *next = g_ptr_array_index (nexts, i);
      gint64 id = dojang_reminder_get_id (next);

      g_ptr_array_add (keys, reminder_key (next, g_hash_table_lookup (later, &id), self->now));
    }

  g_hash_table_unref (self->later);
  self->later = later;
  update_model (self->upcoming, &self->upcoming_keys, nexts, keys);
}

static void
show_entries (DojangRemindersPage *self,
              GPtrArray           *entries)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (keys, entry_key (g_ptr_array_index (entries, i), self->now));

  update_model (self->entries, &self->entry_keys, entries, keys);
}

static void reload (DojangRemindersPage *self);

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DojangRemindersPage) self = user_data;
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint rows;

  if (!dojang_reminder_store_list_finish (DOJANG_REMINDER_STORE (source), result, &upcoming, &entries, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  if (self->load_again)
    {
      reload (self);
      return;
    }

  if (error != NULL)
    {
      set_unavailable_reason (self, error->message);
      gtk_stack_set_visible_child_name (self->stack, "unavailable");
      return;
    }

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = dojang_clock_get_now ();
  show_upcoming (self, upcoming);
  show_entries (self, entries);

  rows = g_list_model_get_n_items (G_LIST_MODEL (self->upcoming));
  gtk_widget_set_visible (self->upcoming_group, rows > 0);
  gtk_stack_set_visible_child_name (self->stack, rows == 0 && entries->len == 0 ? "empty" : "list");
}

/* A change during a reload is read once that one is done. */
static void
reload (DojangRemindersPage *self)
{
  if (self->store == NULL)
    return;

  if (self->loading)
    {
      self->load_again = TRUE;
      return;
    }

  self->loading = TRUE;
  self->load_again = FALSE;
  dojang_reminder_store_list_async (self->store, self->load_cancellable, on_listed, g_object_ref (self));
}

static void
clear (DojangRemindersPage *self)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  update_model (self->upcoming, &self->upcoming_keys, none, none);
  update_model (self->entries, &self->entry_keys, none, none);
}

static void
show_banner (DojangRemindersPage *self,
             const char          *text)
{
  gtk_label_set_label (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
on_banner_close_clicked (DojangRemindersPage *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

void
_dojang_reminders_page_toast (DojangRemindersPage *self,
                              const char          *message)
{
  if (!dojang_toast_show (GTK_WIDGET (self), message))
    show_banner (self, message);
}

/**
 * dojang_reminders_page_set_store:
 * @store: (nullable): the reminder store, or %NULL when it could not be opened
 * @error: (nullable): why it could not be opened
 *
 * Shows the store's reminders and follows its changes. A store that was
 * started afresh because the old file was damaged is announced.
 */
void
dojang_reminders_page_set_store (DojangRemindersPage *self,
                                 DojangReminderStore *store,
                                 const GError        *error)
{
  g_return_if_fail (DOJANG_IS_REMINDERS_PAGE (self));
  g_return_if_fail (store == NULL || DOJANG_IS_REMINDER_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  /* What was being read comes from the old store. */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  self->loading = FALSE;
  clear (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reminders.add-entry", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reminders.import", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reminders.export", store != NULL);

  if (store == NULL)
    {
      set_unavailable_reason (self, error != NULL ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->stack, "unavailable");
      return;
    }

  g_signal_connect_object (store, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);

  if (dojang_reminder_store_get_recovered_from (store) != NULL)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("The reminder database could not be read, so Dojang started a new one "
                                "and is looking for your certificates again. The old file was kept as "
                                "%s. Certificates kept elsewhere can be brought back from an export."),
                              dojang_reminder_store_get_recovered_from (store));
      show_banner (self, text);
    }

  reload (self);
}

/**
 * dojang_reminders_page_get_store:
 *
 * Returns: (transfer none) (nullable): the store shown
 */
DojangReminderStore *
dojang_reminders_page_get_store (DojangRemindersPage *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDERS_PAGE (self), NULL);

  return self->store;
}

/* Reminders at 09:00 need Dojang running then: say so when the login
 * check is off. */
static void
update_login_group (DojangRemindersPage *self)
{
  gtk_widget_set_visible (self->login_group,
                          self->settings != NULL && !g_settings_get_boolean (self->settings, "check-at-login"));
}

static void
on_login_turn_on (DojangRemindersPage *self)
{
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "check-at-login", TRUE);
}

static void
dojang_reminders_page_dispose (GObject *object)
{
  DojangRemindersPage *self = DOJANG_REMINDERS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_REMINDERS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->upcoming);
  g_clear_object (&self->entries);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dojang_reminders_page_parent_class)->dispose (object);
}

static void
dojang_reminders_page_finalize (GObject *object)
{
  DojangRemindersPage *self = DOJANG_REMINDERS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->upcoming_keys, g_ptr_array_unref);
  g_clear_pointer (&self->entry_keys, g_ptr_array_unref);
  g_clear_pointer (&self->later, g_hash_table_unref);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (dojang_reminders_page_parent_class)->finalize (object);
}

static void
dojang_reminders_page_class_init (DojangRemindersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_reminders_page_dispose;
  object_class->finalize = dojang_reminders_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/reminders/dojang-reminders-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangRemindersPage, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, DojangRemindersPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, DojangRemindersPage, login_group);
  gtk_widget_class_bind_template_child (widget_class, DojangRemindersPage, login_row);
  gtk_widget_class_bind_template_child (widget_class, DojangRemindersPage, login_button);
  gtk_widget_class_bind_template_callback (widget_class, on_login_turn_on);
  gtk_widget_class_bind_template_child (widget_class, DojangRemindersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DojangRemindersPage, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, DojangRemindersPage, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, DojangRemindersPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, DojangRemindersPage, entries_list);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_close_clicked);

  gtk_widget_class_install_action (widget_class, "reminders.add-entry", NULL,
                                   _dojang_reminders_page_add_entry_action);
  gtk_widget_class_install_action (widget_class, "reminders.edit-entry", "x",
                                   _dojang_reminders_page_edit_entry_action);
  gtk_widget_class_install_action (widget_class, "reminders.delete-entry", "x",
                                   _dojang_reminders_page_delete_entry_action);
  gtk_widget_class_install_action (widget_class, "reminders.export", NULL,
                                   _dojang_reminders_page_export_action);
  gtk_widget_class_install_action (widget_class, "reminders.import", NULL,
                                   _dojang_reminders_page_import_action);
}

static void
dojang_reminders_page_init (DojangRemindersPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->load_cancellable = g_cancellable_new ();
  self->upcoming = g_list_store_new (DOJANG_TYPE_REMINDER);
  self->upcoming_keys = g_ptr_array_new_with_free_func (g_free);
  self->later = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->entries = g_list_store_new (DOJANG_TYPE_MANUAL_ENTRY);
  self->entry_keys = g_ptr_array_new_with_free_func (g_free);
  self->now = dojang_clock_get_now ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = dojang_settings_new_if_installed ("check-at-login");
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::check-at-login", G_CALLBACK (update_login_group),
                             self, G_CONNECT_SWAPPED);
  update_login_group (self);
  gtk_list_box_bind_model (self->upcoming_list, G_LIST_MODEL (self->upcoming),
                           create_reminder_row, self, NULL);
  gtk_list_box_bind_model (self->entries_list, G_LIST_MODEL (self->entries),
                           create_entry_row, self, NULL);
  dojang_reminders_page_set_store (self, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
