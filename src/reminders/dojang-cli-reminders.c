/* SPDX-License-Identifier: GPL-3.0-or-later */

/* `dojang --check-reminders [--at INSTANT] [--path DIR]…`: what the autostart
 * entry runs at login while the app is closed. Scans, updates the reminder
 * store, shows the due reminders as desktop notifications once (a second
 * run sends nothing new), prints a one-line summary and exits 0.
 *
 * If Dojang already runs, it owns the app's id on the session bus: it is
 * asked to check (app.check-reminders) and this process changes nothing.
 * Otherwise the notifications are sent from here (see
 * dojang-reminder-notifier.c) and a reminder is recorded as sent only once
 * the notification server has answered for it; two checks at once take
 * turns (see dojang-reminder-store-check.c). This process never owns the
 * app's id: a notification button pressed later starts the real app.
 *
 * `--import-reminders FILE` and `--export-reminders FILE` move reminders and
 * manual entries in and out as JSON. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "dojang-certificate-scanner.h"
#include "dojang-cli-reminders.h"
#include "dojang-cli-certificates.h"
#include "dojang-clock.h"
#include "dojang-input-file.h"
#include "dojang-reminder-notification.h"
#include "dojang-reminder-notifier.h"
#include "dojang-reminder-scan.h"
#include "dojang-reminder-schedule.h"
#include "dojang-reminder-store.h"
#include "dojang-safe-file.h"
#include "dojang-seoul.h"
#include "dojang-settings.h"

/* Opens the store with the user's lead times, clocked at @now. */
static DojangReminderStore *
open_store (GSettings *settings,
            GDateTime *now)
{
  g_autoptr(DojangReminderStore) store = NULL;
  g_autoptr(GVariant) lead_days = NULL;
  g_autofree char *path = dojang_reminder_store_default_path ();
  g_autoptr(GError) error = NULL;

  store = dojang_reminder_store_new (path, &error);
  if (store == NULL)
    {
      g_printerr ("dojang: %s\n", error->message);
      return NULL;
    }

  if (dojang_reminder_store_get_recovered_from (store) != NULL)
    g_printerr (_("dojang: the reminder database could not be read; it was kept as %s and a new one "
                  "was started. Manual entries can be restored from an export with "
                  "--import-reminders.\n"),
                dojang_reminder_store_get_recovered_from (store));

  dojang_reminder_store_set_clock (store, now);

  if (settings != NULL)
    {
      gsize n = 0;
      const gint32 *days;

      lead_days = g_settings_get_value (settings, "reminder-lead-days");
      days = g_variant_get_fixed_array (lead_days, &n, sizeof (gint32));
      if (!dojang_reminder_store_set_lead_days (store, days, n, &error))
        g_printerr ("dojang: %s\n", error->message);
    }

  return g_steal_pointer (&store);
}

static char **
scan_roots (GVariantDict *options,
            GSettings    *settings)
{
  g_autofree const char **paths = NULL;
  g_auto(GStrv) folders = NULL;

  if (g_variant_dict_lookup (options, "path", "^a&ay", &paths) && paths[0] != NULL)
    return dojang_cli_check_folders (paths) ? g_strdupv ((char **) paths) : NULL;

  if (settings != NULL)
    folders = g_settings_get_strv (settings, "certificate-folders");

  return dojang_certificate_scanner_default_roots ((const char * const *) folders);
}

static void
print_summary (guint      n_certificates,
               guint      n_sent,
               GDateTime *next)
{
  g_autofree char *certificates = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *upcoming = NULL;

  certificates = g_strdup_printf (ngettext ("%u certificate", "%u certificates", n_certificates),
                                  n_certificates);
  sent = g_strdup_printf (ngettext ("%u reminder sent", "%u reminders sent", n_sent), n_sent);
  if (next != NULL)
    {
      g_autofree char *date = dojang_seoul_format_date (next);

      /* Translators: the last part of the summary, e.g. "next on 2026-12-01". */
      upcoming = g_strdup_printf (_("next on %s"), date);
    }
  else
    {
      upcoming = g_strdup (_("nothing scheduled"));
    }

  /* Translators: the summary of --check-reminders, e.g.
   * "3 certificates, 1 reminder sent, next on 2026-12-01". */
  g_print (_("%s, %s, %s\n"), certificates, sent, upcoming);
}

typedef struct
{
  GPtrArray *shown;
  guint      waiting;
} Showing;

static void
on_notification_answered (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  DojangReminderNotice *notice = user_data;
  g_autoptr(GError) error = NULL;
  Showing *showing = g_object_get_data (G_OBJECT (source), "dojang-showing");

  if (dojang_reminder_notifier_send_finish (DOJANG_REMINDER_NOTIFIER (source), result, &error))
    dojang_reminder_notice_add_covered (notice, showing->shown);
  else if (notice->reminders->len == 1)
    g_printerr (_("dojang: a notification cannot be shown (%s); the reminder is kept for later\n"),
                error->message);
  else
    g_printerr (_("dojang: notifications cannot be shown (%s); the reminders are kept for later\n"),
                error->message);

  showing->waiting--;
}

/* Shows @chosen (one by one, or in one summary) and waits for the
 * notification server's answers.
 * Returns: the reminders whose notification was answered. */
static GPtrArray *
show_reminders (GDBusConnection *bus,
                GPtrArray       *chosen,
                GDateTime       *now)
{
  g_autoptr(DojangReminderNotifier) notifier = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GPtrArray) notices = dojang_reminder_notices_new (chosen, now);
  Showing showing = { g_ptr_array_new_with_free_func (g_object_unref), 0 };

  g_main_context_push_thread_default (context);
  notifier = dojang_reminder_notifier_new (bus, APP_ID, NULL);
  g_object_set_data (G_OBJECT (notifier), "dojang-showing", &showing);

  for (guint i = 0; i < notices->len; i++)
    {
      DojangReminderNotice *notice = g_ptr_array_index (notices, i);

      showing.waiting++;
      dojang_reminder_notifier_send_async (notifier, notice->id, notice->notification, NULL,
                                           on_notification_answered, notice);
    }

  while (showing.waiting > 0)
    g_main_context_iteration (context, TRUE);

  g_clear_object (&notifier);
  g_main_context_pop_thread_default (context);

  return showing.shown;
}

/* If Dojang runs, it checks itself: asked through its D-Bus interface.
 * This process never owns the application's name, so the owner is always
 * a running Dojang that answers, never another check. */
static gboolean
ask_running_instance (GDBusConnection *bus)
{
  g_autoptr(GVariant) owned = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *object_path = g_strconcat ("/", APP_ID, NULL);
  gboolean has_owner = FALSE;

  owned = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (owned != NULL)
    g_variant_get (owned, "(b)", &has_owner);
  if (!has_owner)
    return FALSE;

  g_strdelimit (object_path, ".", '/');
  reply = g_dbus_connection_call_sync (bus, APP_ID, object_path, "org.freedesktop.Application",
                                       "ActivateAction",
                                       g_variant_new ("(s@av@a{sv})", "check-reminders",
                                                      g_variant_new_array (G_VARIANT_TYPE_VARIANT, NULL, 0),
                                                      g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                                       NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, &error);
  if (reply == NULL)
    {
      /* It quit meanwhile: check here. */
      g_debug ("The running Dojang could not be asked to check: %s", error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * dojang_cli_reminders_check:
 * @options: the parsed command line (check-reminders, path); the
 *   application has already pinned the clock to --at
 *
 * Returns: the exit status: 0, or 1 when notifications cannot be shown or
 *   the database cannot be used at all.
 */
int
dojang_cli_reminders_check (GVariantDict *options)
{
  g_autoptr(GSettings) settings = dojang_settings_new_if_installed ("reminder-lead-days");
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(DojangReminderStore) store = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GDateTime) now = dojang_clock_get_now ();
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) roots = NULL;
  guint n_found = 0;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_printerr (_("dojang: notifications cannot be shown (%s); the reminders are kept for later\n"),
                  error->message);
      return 1;
    }

  if (ask_running_instance (bus))
    {
      g_print ("%s\n", _("Dojang is running and sends the reminders itself."));
      return 0;
    }

  store = open_store (settings, now);
  if (store == NULL)
    return 1;

  roots = scan_roots (options, settings);
  if (roots == NULL)
    return 1;
  if (!dojang_reminder_scan_sync (store, (const char * const *) roots, now, NULL, &n_found, &error))
    {
      g_printerr ("dojang: %s\n", error->message);
      g_clear_error (&error);
    }

  /* Waits for a check under way elsewhere, then chooses what to show. */
  chosen = dojang_reminder_store_begin_check (store, now, &error);
  if (chosen == NULL)
    {
      g_printerr ("dojang: %s\n", error->message);
      return 1;
    }

  shown = show_reminders (bus, chosen, now);
  sent = dojang_reminder_store_end_check (store, shown, now, &error);
  if (sent == NULL)
    {
      g_printerr ("dojang: %s\n", error->message);
      return 1;
    }

  next = dojang_reminder_store_get_next_due (store, now, NULL);
  print_summary (n_found + dojang_reminder_store_count_manual_entries (store, NULL), sent->len, next);

  return shown->len == chosen->len ? 0 : 1;
}

/**
 * dojang_cli_reminders_import:
 * @options: the parsed command line (import-reminders)
 *
 * Returns: 0, or 1 when the file cannot be read or is not valid (then
 *   nothing was imported).
 */
int
dojang_cli_reminders_import (GVariantDict *options)
{
  g_autoptr(GSettings) settings = dojang_settings_new_if_installed ("reminder-lead-days");
  g_autoptr(DojangReminderStore) store = NULL;
  g_autoptr(GDateTime) now = dojang_clock_get_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *display_name = NULL;
  const char *file = NULL;
  const char *data;
  gsize length = 0;
  guint n_imported = 0;

  if (!g_variant_dict_lookup (options, "import-reminders", "^&ay", &file))
    return 1;

  contents = dojang_input_file_read (file, DOJANG_INPUT_MAX_IMPORT_FILE, &error);
  if (contents == NULL)
    {
      g_printerr ("dojang: %s\n", error->message);
      return 1;
    }

  store = open_store (settings, now);
  if (store == NULL)
    return 1;

  data = g_bytes_get_data (contents, &length);
  if (!dojang_reminder_store_import_json (store, data, (gssize) length, &n_imported, &error))
    {
      g_printerr ("dojang: %s\n", error->message);
      return 1;
    }

  display_name = g_filename_display_name (file);
  g_print (ngettext ("Imported %u record from %s\n", "Imported %u records from %s\n", n_imported),
           n_imported, display_name);

  return 0;
}

/* An export holds names and dates of the user's certificates: readable by
 * the user only, whatever the umask, and never half written. */
static gboolean
write_private (const char  *file,
               const char  *json,
               GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (file);
  g_autofree char *partial = dojang_safe_file_partial_path (folder);
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));

  if (!dojang_safe_file_write (partial, bytes, 0600, error))
    return FALSE;

  if (g_rename (partial, file) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), file, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * dojang_cli_reminders_export:
 * @options: the parsed command line (export-reminders)
 *
 * Writes the reminders and manual entries as JSON to the file, or to the
 * standard output for "-".
 */
int
dojang_cli_reminders_export (GVariantDict *options)
{
  g_autoptr(DojangReminderStore) store = NULL;
  g_autoptr(GDateTime) now = dojang_clock_get_now ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  const char *file = NULL;

  if (!g_variant_dict_lookup (options, "export-reminders", "^&ay", &file))
    return 1;

  store = open_store (NULL, now);
  if (store == NULL)
    return 1;

  json = dojang_reminder_store_export_json (store, now, &error);
  if (json == NULL)
    {
      g_printerr ("dojang: %s\n", error->message);
      return 1;
    }

  if (g_strcmp0 (file, "-") == 0)
    {
      g_print ("%s\n", json);
      return 0;
    }

  if (!write_private (file, json, &error))
    {
      g_printerr ("dojang: %s\n", error->message);
      return 1;
    }

  return 0;
}

/**
 * dojang_cli_reminders_retire:
 * @sha256: a certificate `--delete-certificate` moved to the trash
 *
 * Retires the deleted certificate's reminders, if Dojang has a reminder
 * database at all (none is created for this).
 */
void
dojang_cli_reminders_retire (const char *sha256)
{
  g_autofree char *path = dojang_reminder_store_default_path ();
  g_autoptr(DojangReminderStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  store = dojang_reminder_store_new (path, &error);
  if (store == NULL || !dojang_reminder_store_retire_certificate (store, sha256, &error))
    g_printerr ("dojang: %s\n", error->message);
}
