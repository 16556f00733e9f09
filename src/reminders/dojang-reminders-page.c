/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Reminders page: each certificate's next reminder by date (snooze,
 * dismiss), the certificates kept elsewhere (add, edit, delete), and export
 * and import. An AdwStatusPage when there is nothing; a notice on top when
 * the database had to be started afresh. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-clock.h"
#include "dojang-manual-entry-dialog.h"
#include "dojang-manual-entry-row.h"
#include "dojang-reminder-row.h"
#include "dojang-reminders-page.h"
#include "dojang-seoul.h"

struct _DojangRemindersPage
{
  AdwBin               parent_instance;

  DojangReminderStore *store;
  GCancellable        *cancellable;

  GtkRevealer         *banner_revealer;
  GtkLabel            *banner_label;
  GtkStack            *stack;
  AdwStatusPage       *unavailable_page;
  GtkWidget           *upcoming_group;
  GtkListBox          *upcoming_list;
  GtkListBox          *entries_list;
};

G_DEFINE_FINAL_TYPE (DojangRemindersPage, dojang_reminders_page, ADW_TYPE_BIN)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gboolean
same_target (DojangReminder *a,
             DojangReminder *b)
{
  return dojang_reminder_get_manual_entry_id (a) == dojang_reminder_get_manual_entry_id (b) &&
         g_strcmp0 (dojang_reminder_get_certificate_sha256 (a), dojang_reminder_get_certificate_sha256 (b)) == 0;
}

/* One row per certificate: its next reminder, with the ones after it. The
 * store lists them soonest first, so a certificate's first one is its next. */
static guint
fill_upcoming (DojangRemindersPage *self,
               GPtrArray           *upcoming,
               GDateTime           *now)
{
  g_autoptr(GPtrArray) done = g_ptr_array_new ();
  guint rows = 0;

  for (guint i = 0; i < upcoming->len; i++)
    {
      DojangReminder *next = g_ptr_array_index (upcoming, i);
      g_autoptr(GPtrArray) later = g_ptr_array_new ();
      gboolean seen = FALSE;

      for (guint j = 0; j < done->len && !seen; j++)
        seen = same_target (g_ptr_array_index (done, j), next);
      if (seen)
        continue;

      for (guint j = i + 1; j < upcoming->len; j++)
        {
          if (same_target (g_ptr_array_index (upcoming, j), next))
            g_ptr_array_add (later, g_ptr_array_index (upcoming, j));
        }

      g_ptr_array_add (done, next);
      gtk_list_box_append (self->upcoming_list, dojang_reminder_row_new (next, later, now));
      rows++;
    }

  return rows;
}

static void
reload (DojangRemindersPage *self)
{
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) now = dojang_clock_get_now ();
  g_autoptr(GError) error = NULL;
  guint rows;

  clear_list (self->upcoming_list);
  clear_list (self->entries_list);

  if (self->store == NULL)
    return;

  upcoming = dojang_reminder_store_list_upcoming (self->store, &error);
  if (upcoming != NULL)
    entries = dojang_reminder_store_list_manual_entries (self->store, &error);
  if (entries == NULL)
    {
      adw_status_page_set_description (self->unavailable_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "unavailable");
      return;
    }

  rows = fill_upcoming (self, upcoming, now);
  gtk_widget_set_visible (self->upcoming_group, rows > 0);

  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->entries_list, dojang_manual_entry_row_new (g_ptr_array_index (entries, i), now));

  gtk_stack_set_visible_child_name (self->stack, rows == 0 && entries->len == 0 ? "empty" : "list");
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

static void
toast (DojangRemindersPage *self,
       const char          *message)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AdwToastOverlay *overlay = NULL;

  /* The window's toast overlay is the nearest one up the tree. */
  while (widget != NULL && overlay == NULL)
    {
      widget = gtk_widget_get_parent (widget);
      if (ADW_IS_TOAST_OVERLAY (widget))
        overlay = ADW_TOAST_OVERLAY (widget);
    }

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, adw_toast_new (message));
  else
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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reminders.add-entry", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reminders.import", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reminders.export", store != NULL);

  if (store == NULL)
    {
      adw_status_page_set_description (self->unavailable_page, error != NULL ? error->message : NULL);
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

static DojangManualEntry *
find_entry (DojangRemindersPage *self,
            gint64               id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->entries_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      DojangManualEntry *entry;

      if (!DOJANG_IS_MANUAL_ENTRY_ROW (row))
        continue;
      entry = dojang_manual_entry_row_get_entry (DOJANG_MANUAL_ENTRY_ROW (row));
      if (dojang_manual_entry_get_id (entry) == id)
        return entry;
    }

  return NULL;
}

static void
present_dialog (DojangRemindersPage *self,
                DojangManualEntry   *entry)
{
  DojangManualEntryDialog *dialog = dojang_manual_entry_dialog_new (self->store, entry);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  present_dialog (DOJANG_REMINDERS_PAGE (widget), NULL);
}

static void
edit_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DojangRemindersPage *self = DOJANG_REMINDERS_PAGE (widget);
  DojangManualEntry *entry = find_entry (self, g_variant_get_int64 (parameter));

  if (entry != NULL)
    present_dialog (self, entry);
}

static void
on_removed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DojangRemindersPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dojang_reminder_store_remove_manual_entry_finish (DOJANG_REMINDER_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
}

static void
on_delete_response (AdwMessageDialog    *dialog,
                    const char          *response,
                    DojangRemindersPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "entry-id"));

  if (g_strcmp0 (response, "delete") == 0 && self->store != NULL)
    dojang_reminder_store_remove_manual_entry_async (self->store, id, self->cancellable,
                                                     on_removed, g_object_ref (self));
}

static void
delete_entry_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DojangRemindersPage *self = DOJANG_REMINDERS_PAGE (widget);
  DojangManualEntry *entry = find_entry (self, g_variant_get_int64 (parameter));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (entry == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete Certificate?"), NULL);
  /* Translators: %s is the name of a certificate entered by hand */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and its reminders will be deleted."),
                                  dojang_manual_entry_get_name (entry));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry-id", GSIZE_TO_POINTER ((gsize) dojang_manual_entry_get_id (entry)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DojangRemindersPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (dojang_reminder_store_export_finish (DOJANG_REMINDER_STORE (source), result, &error))
    toast (self, _("Reminders exported"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
}

static void
on_export_response (GtkNativeDialog     *chooser,
                    int                  response,
                    DojangRemindersPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      dojang_reminder_store_export_async (self->store, file, self->cancellable, on_exported, g_object_ref (self));
    }

  g_object_unref (chooser);
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("JSON Files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");

  return filter;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GDateTime) now = dojang_clock_get_now ();
  g_autoptr(GDateTime) today = g_date_time_to_timezone (now, dojang_seoul_get_time_zone ());
  g_autofree char *name = g_date_time_format (today, "dojang-reminders-%Y-%m-%d.json");
  g_autoptr(GtkFileFilter) filter = json_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Reminders"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DojangRemindersPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkRoot *root;
  GtkWidget *dialog;
  guint n = 0;

  if (dojang_reminder_store_import_finish (DOJANG_REMINDER_STORE (source), result, &n, &error))
    {
      message = g_strdup_printf (ngettext ("Imported %u record", "Imported %u records", n), n);
      toast (self, message);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The problems can be many lines: a dialog, not a toast. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Nothing Was Imported"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_response (GtkNativeDialog     *chooser,
                    int                  response,
                    DojangRemindersPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      dojang_reminder_store_import_async (self->store, file, self->cancellable, on_imported, g_object_ref (self));
    }

  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = json_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Reminders"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
dojang_reminders_page_dispose (GObject *object)
{
  DojangRemindersPage *self = DOJANG_REMINDERS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_REMINDERS_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dojang_reminders_page_parent_class)->dispose (object);
}

static void
dojang_reminders_page_finalize (GObject *object)
{
  DojangRemindersPage *self = DOJANG_REMINDERS_PAGE (object);

  g_clear_object (&self->cancellable);

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
  gtk_widget_class_bind_template_child (widget_class, DojangRemindersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DojangRemindersPage, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, DojangRemindersPage, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, DojangRemindersPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, DojangRemindersPage, entries_list);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_close_clicked);

  gtk_widget_class_install_action (widget_class, "reminders.add-entry", NULL, add_entry_action);
  gtk_widget_class_install_action (widget_class, "reminders.edit-entry", "x", edit_entry_action);
  gtk_widget_class_install_action (widget_class, "reminders.delete-entry", "x", delete_entry_action);
  gtk_widget_class_install_action (widget_class, "reminders.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "reminders.import", NULL, import_action);
}

static void
dojang_reminders_page_init (DojangRemindersPage *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  dojang_reminders_page_set_store (self, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
