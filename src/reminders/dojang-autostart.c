/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "Check at login": runs `dojang --check-reminders` when the user logs in.
 * Outside a sandbox that is an XDG autostart entry,
 * $XDG_CONFIG_HOME/autostart/io.github.dojang.Dojang-reminders.desktop.
 * Inside Flatpak the sandbox cannot write there: the Background portal
 * (org.freedesktop.portal.Background.RequestBackground, autostart=true) is
 * asked over plain GDBus, and its answer arrives as a Response signal on a
 * request object. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dojang-autostart.h"
#include "dojang-reminder-error.h"

#define AUTOSTART_ID APP_ID "-reminders"

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_BACKGROUND "org.freedesktop.portal.Background"
#define PORTAL_REQUEST "org.freedesktop.portal.Request"

char *
dojang_autostart_get_desktop_file_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", AUTOSTART_ID ".desktop", NULL);
}

/**
 * dojang_autostart_write_desktop_file:
 * @enabled: whether to run the reminder check at login
 * @error: return location for an error
 *
 * Writes or removes the autostart entry. Removing one that is not there is
 * not an error.
 */
gboolean
dojang_autostart_write_desktop_file (gboolean   enabled,
                                     GError   **error)
{
  g_autofree char *path = dojang_autostart_get_desktop_file_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GKeyFile) entry = NULL;

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not remove %s: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  entry = g_key_file_new ();
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME,
                         _("Dojang Certificate Reminders"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Reminds you of joint certificates that are about to expire"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC,
                         "dojang --check-reminders");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TERMINAL, FALSE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);

  return g_key_file_save_to_file (entry, path, error);
}

typedef struct
{
  GDBusConnection *bus;
  guint            response_subscription;
  gboolean         enabled;
} BackgroundRequest;

static void
background_request_free (gpointer data)
{
  BackgroundRequest *request = data;

  if (request->response_subscription != 0)
    g_dbus_connection_signal_unsubscribe (request->bus, request->response_subscription);
  g_clear_object (&request->bus);
  g_free (request);
}

static void
on_response (GDBusConnection *connection,
             const char      *sender_name,
             const char      *object_path,
             const char      *interface_name,
             const char      *signal_name,
             GVariant        *parameters,
             gpointer         user_data)
{
  GTask *task = user_data;
  BackgroundRequest *request = g_task_get_task_data (task);
  g_autoptr(GVariant) results = NULL;
  gboolean autostart = FALSE;
  guint32 response = 2;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "autostart", "b", &autostart);

  /* The task is finished once: drop the subscription (and its ref) now. */
  g_dbus_connection_signal_unsubscribe (request->bus, request->response_subscription);
  request->response_subscription = 0;

  if (response == 0 && autostart == request->enabled)
    g_task_return_boolean (task, TRUE);
  else if (response == 1)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("Running at login was not allowed"));
  else
    g_task_return_new_error (task, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_FAILED,
                             _("The system did not allow Dojang to run at login"));
}

static void
on_request_sent (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      BackgroundRequest *request = g_task_get_task_data (task);

      if (request->response_subscription != 0)
        {
          g_dbus_connection_signal_unsubscribe (request->bus, request->response_subscription);
          request->response_subscription = 0;
        }
      g_task_return_error (task, g_steal_pointer (&error));
    }
}

/**
 * dojang_autostart_request_background:
 * @session_bus: the bus the portal is on
 * @enabled: whether to run the reminder check at login
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the portal answered
 * @user_data: for @callback
 *
 * Asks the Background portal to start (or no longer start) the reminder
 * check at login.
 */
void
dojang_autostart_request_background (GDBusConnection     *session_bus,
                                     gboolean             enabled,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  static const char * const commandline[] = { "dojang", "--check-reminders", NULL };
  g_autoptr(GTask) task = NULL;
  g_autofree char *token = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *handle = NULL;
  BackgroundRequest *request;
  GVariantBuilder options;

  g_return_if_fail (G_IS_DBUS_CONNECTION (session_bus));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dojang_autostart_request_background);

  request = g_new0 (BackgroundRequest, 1);
  request->bus = g_object_ref (session_bus);
  request->enabled = enabled;
  g_task_set_task_data (task, request, background_request_free);

  /* The request object's path is known in advance, so the Response signal
   * is subscribed to before the call and cannot be missed. */
  token = g_strdup_printf ("dojang%u", g_random_int ());
  sender = g_strdup (g_dbus_connection_get_unique_name (session_bus) + 1);
  g_strdelimit (sender, ".", '_');
  handle = g_strdup_printf (PORTAL_OBJECT_PATH "/request/%s/%s", sender, token);

  request->response_subscription =
    g_dbus_connection_signal_subscribe (session_bus, PORTAL_BUS_NAME, PORTAL_REQUEST, "Response",
                                        handle, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_response, g_object_ref (task), g_object_unref);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Remind you of certificates about to expire")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (enabled));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (session_bus, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH, PORTAL_BACKGROUND,
                          "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1, cancellable,
                          on_request_sent, g_object_ref (task));
}

gboolean
dojang_autostart_request_background_finish (GAsyncResult  *result,
                                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_background_requested (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (dojang_autostart_request_background_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_session_bus (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GDBusConnection) bus = NULL;
  GError *error = NULL;

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  dojang_autostart_request_background (bus, GPOINTER_TO_INT (g_task_get_task_data (task)),
                                       g_task_get_cancellable (task),
                                       on_background_requested, g_object_ref (task));
}

/**
 * dojang_autostart_set_enabled_async:
 * @enabled: whether to run the reminder check at login
 *
 * Writes or removes the autostart entry, or inside Flatpak (/.flatpak-info
 * exists) asks the Background portal.
 */
void
dojang_autostart_set_enabled_async (gboolean             enabled,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, dojang_autostart_set_enabled_async);
  g_task_set_task_data (task, GINT_TO_POINTER (enabled), NULL);

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_bus_get (G_BUS_TYPE_SESSION, cancellable, on_session_bus, g_object_ref (task));
      return;
    }

  if (dojang_autostart_write_desktop_file (enabled, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

gboolean
dojang_autostart_set_enabled_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
