/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Reminders page's actions: adding, editing and deleting the
 * certificates kept elsewhere, and exporting and importing reminders as
 * JSON. The lists they change are in dojang-reminders-page.c. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-clock.h"
#include "dojang-manual-entry-dialog.h"
#include "dojang-reminders-page-private.h"
#include "dojang-seoul.h"

/* Returns: (transfer none): the model holds it */
static DojangManualEntry *
find_entry (DojangRemindersPage *self,
            gint64               id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DojangManualEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

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

void
_dojang_reminders_page_add_entry_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  present_dialog (DOJANG_REMINDERS_PAGE (widget), NULL);
}

void
_dojang_reminders_page_edit_entry_action (GtkWidget  *widget,
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
    _dojang_reminders_page_toast (self, error->message);
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

void
_dojang_reminders_page_delete_entry_action (GtkWidget  *widget,
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
    _dojang_reminders_page_toast (self, _("Reminders exported"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _dojang_reminders_page_toast (self, error->message);
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

void
_dojang_reminders_page_export_action (GtkWidget  *widget,
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
      _dojang_reminders_page_toast (self, message);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The problems can be many lines: a dialog, not a _dojang_reminders_page_toast. */
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

void
_dojang_reminders_page_import_action (GtkWidget  *widget,
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
