/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The certificate tools as application actions, each with the certificate's
 * SHA-256 as target, so that the details page, a menu or a shortcut all
 * reach them the same way:
 *   app.copy-certificate, app.export-pfx, app.change-password,
 *   app.delete-certificate (with an undo through app.untrash-certificate,
 *   whose target is the folder) and app.import-pfx (a .pfx path, or ""
 *   for a file chooser). */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dojang-certificate-copy-dialog.h"
#include "dojang-certificate-tools.h"
#include "dojang-certificate-trash.h"
#include "dojang-change-password-dialog.h"
#include "dojang-pfx-export-dialog.h"
#include "dojang-pfx-import-dialog.h"
#include "dojang-reminder-store.h"
#include "dojang-toast.h"

typedef struct
{
  GtkApplication           *application;
  DojangCertificateList    *certificates;
  DojangReminderController *reminders;
} Tools;

static void
tools_free (Tools *tools)
{
  g_clear_object (&tools->certificates);
  g_clear_object (&tools->reminders);
  g_free (tools);
}

/* The main window, which holds the toasts, even when a dialog is the
 * active window. */
static GtkWindow *
main_window (Tools *tools)
{
  for (GList *l = gtk_application_get_windows (tools->application); l != NULL; l = l->next)
    {
      if (ADW_IS_APPLICATION_WINDOW (l->data))
        return l->data;
    }

  return gtk_application_get_active_window (tools->application);
}

static DojangCertificate *
lookup (Tools    *tools,
        GVariant *parameter)
{
  DojangCertificate *certificate;

  certificate = dojang_certificate_list_find_by_sha256 (tools->certificates,
                                                        g_variant_get_string (parameter, NULL));
  if (certificate == NULL && main_window (tools) != NULL)
    dojang_toast_show (GTK_WIDGET (main_window (tools)), _("That certificate is no longer where it was"));

  return certificate;
}

static GtkWindow *
open_copy_dialog (Tools             *tools,
                  DojangCertificate *certificate)
{
  return GTK_WINDOW (dojang_certificate_copy_dialog_new (main_window (tools), certificate, tools->certificates));
}

static GtkWindow *
open_export_dialog (Tools             *tools,
                    DojangCertificate *certificate)
{
  return GTK_WINDOW (dojang_pfx_export_dialog_new (main_window (tools), certificate));
}

static GtkWindow *
open_change_password_dialog (Tools             *tools,
                             DojangCertificate *certificate)
{
  return GTK_WINDOW (dojang_change_password_dialog_new (main_window (tools), certificate));
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  Tools *tools = user_data;
  const char *path = g_variant_get_string (parameter, NULL);
  DojangPfxImportDialog *dialog;

  dialog = dojang_pfx_import_dialog_new (main_window (tools), tools->certificates);
  if (path[0] != '\0')
    dojang_pfx_import_dialog_set_file (dialog, path);
  gtk_window_present (GTK_WINDOW (dialog));
  if (path[0] == '\0')
    dojang_pfx_import_dialog_choose_file (dialog);
}

static void
show_problem (Tools        *tools,
              const char   *heading,
              const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (main_window (tools), heading, error->message);

  gtk_window_set_title (GTK_WINDOW (dialog), heading);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A copy elsewhere (another stick, another root) still expires: its
 * reminders stay. */
static gboolean
still_listed (DojangCertificateList *certificates,
              const char            *sha256,
              const char            *gone_folder)
{
  GListModel *model = G_LIST_MODEL (certificates);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DojangCertificate) other = g_list_model_get_item (model, i);

      if (g_strcmp0 (dojang_certificate_get_sha256 (other), sha256) == 0
          && g_strcmp0 (dojang_certificate_get_folder (other), gone_folder) != 0)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  Tools             *tools;
  DojangCertificate *certificate;
} Deletion;

static void
deletion_free (Deletion *deletion)
{
  g_clear_object (&deletion->certificate);
  g_free (deletion);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Deletion, deletion_free)

static void
on_trashed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Deletion) deletion = user_data;
  Tools *tools = deletion->tools;
  g_autoptr(GError) error = NULL;
  const char *folder = dojang_certificate_get_folder (deletion->certificate);
  const char *sha256 = dojang_certificate_get_sha256 (deletion->certificate);
  DojangReminderStore *store;
  g_autofree char *text = NULL;

  if (!dojang_certificate_trash_finish (result, &error))
    {
      show_problem (tools, _("The Certificate Was Not Deleted"), error);
      return;
    }

  store = tools->reminders != NULL ? dojang_reminder_controller_get_store (tools->reminders) : NULL;
  if (store != NULL && !still_listed (tools->certificates, sha256, folder)
      && !dojang_reminder_store_retire_certificate (store, sha256, &error))
    g_warning ("Reminders of a deleted certificate not retired: %s", error->message);

  dojang_certificate_list_reload (tools->certificates);

  /* TRANSLATORS: %s is the certificate holder's name */
  text = g_strdup_printf (_("%s’s certificate was moved to the trash"),
                          dojang_certificate_get_name (deletion->certificate));
  if (main_window (tools) != NULL)
    dojang_toast_show_action (GTK_WIDGET (main_window (tools)), text, _("_Undo"),
                              "app.untrash-certificate", g_variant_new_string (folder));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Deletion         *deletion)
{
  g_autoptr(Deletion) owned = deletion;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  dojang_certificate_trash_async (deletion->certificate, NULL, on_trashed, g_steal_pointer (&owned));
}

static GtkWindow *
open_delete_question (Tools             *tools,
                      DojangCertificate *certificate)
{
  g_autofree char *folder = NULL;
  g_autofree char *body = NULL;
  Deletion *deletion;
  GtkWidget *dialog;

  folder = g_filename_display_name (dojang_certificate_get_folder (certificate));
  /* TRANSLATORS: %s is a folder */
  body = g_strdup_printf (_("The folder “%s”, with the certificate and its private key, moves to the trash. "
                            "You can undo this right away or restore it from the trash later."), folder);
  dialog = adw_message_dialog_new (main_window (tools), _("Delete This Certificate?"), body);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Delete Certificate"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Move to Trash"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  deletion = g_new0 (Deletion, 1);
  deletion->tools = tools;
  deletion->certificate = g_object_ref (certificate);
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response), deletion);

  return GTK_WINDOW (dialog);
}

static void
on_untrashed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Tools *tools = user_data;
  g_autoptr(GError) error = NULL;

  if (!dojang_certificate_untrash_finish (result, &error))
    {
      show_problem (tools, _("The Certificate Was Not Restored"), error);
      return;
    }

  dojang_certificate_list_reload (tools->certificates);
  if (main_window (tools) != NULL)
    dojang_toast_show (GTK_WIDGET (main_window (tools)), _("The certificate is back in its folder"));
}

static void
untrash_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  dojang_certificate_untrash_async (g_variant_get_string (parameter, NULL), NULL, on_untrashed, user_data);
}

/* The actions on one certificate (their target is its SHA-256): the window
 * each opens, and whether it needs the private key beside the certificate. */
typedef struct
{
  const char *name;
  GtkWindow  *(*open) (Tools             *tools,
                       DojangCertificate *certificate);
  gboolean    needs_key;
} CertificateAction;

static const CertificateAction certificate_actions[] = {
  { "copy-certificate", open_copy_dialog, FALSE },
  { "export-pfx", open_export_dialog, TRUE },
  { "change-password", open_change_password_dialog, TRUE },
  { "delete-certificate", open_delete_question, FALSE },
};

static const CertificateAction *
find_certificate_action (const char *name)
{
  if (g_str_has_prefix (name, "app."))
    name += strlen ("app.");

  for (gsize i = 0; i < G_N_ELEMENTS (certificate_actions); i++)
    {
      if (g_str_equal (certificate_actions[i].name, name))
        return &certificate_actions[i];
    }

  return NULL;
}

/**
 * dojang_certificate_tools_why_not:
 * @action_name: one of the certificate actions, with or without "app."
 * @certificate: the certificate it would act on
 *
 * The action's enabled-when rule, which the buttons and the action itself
 * both follow.
 *
 * Returns: (nullable): why the action cannot act on @certificate, to be
 *   shown; %NULL when it can
 */
const char *
dojang_certificate_tools_why_not (const char        *action_name,
                                  DojangCertificate *certificate)
{
  const CertificateAction *entry;

  g_return_val_if_fail (action_name != NULL, NULL);
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (certificate), NULL);

  entry = find_certificate_action (action_name);
  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->needs_key && !dojang_certificate_get_has_private_key (certificate))
    return _("There is no private key (signPri.key) beside this certificate");

  return NULL;
}

static void
certificate_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  Tools *tools = user_data;
  const CertificateAction *entry = find_certificate_action (g_action_get_name (G_ACTION (action)));
  DojangCertificate *certificate = lookup (tools, parameter);
  const char *why_not;

  if (certificate == NULL)
    return;

  why_not = dojang_certificate_tools_why_not (entry->name, certificate);
  if (why_not != NULL)
    {
      if (main_window (tools) != NULL)
        dojang_toast_show (GTK_WIDGET (main_window (tools)), why_not);
      return;
    }

  gtk_window_present (entry->open (tools, certificate));
}

static const GActionEntry other_actions[] = {
  { "untrash-certificate", untrash_action, "s" },
  { "import-pfx", import_action, "s" },
};

/**
 * dojang_certificate_tools_add_actions:
 * @certificates: the application's one certificate list
 * @reminders: (nullable): where a deleted certificate's reminders are retired
 */
void
dojang_certificate_tools_add_actions (GtkApplication           *application,
                                      DojangCertificateList    *certificates,
                                      DojangReminderController *reminders)
{
  Tools *tools;

  g_return_if_fail (GTK_IS_APPLICATION (application));
  g_return_if_fail (DOJANG_IS_CERTIFICATE_LIST (certificates));

  tools = g_new0 (Tools, 1);
  tools->application = application;
  tools->certificates = g_object_ref (certificates);
  tools->reminders = reminders != NULL ? g_object_ref (reminders) : NULL;
  g_object_set_data_full (G_OBJECT (application), "dojang-certificate-tools", tools, (GDestroyNotify) tools_free);

  for (gsize i = 0; i < G_N_ELEMENTS (certificate_actions); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (certificate_actions[i].name, G_VARIANT_TYPE_STRING);

      g_signal_connect (action, "activate", G_CALLBACK (certificate_action), tools);
      g_action_map_add_action (G_ACTION_MAP (application), G_ACTION (action));
    }
  g_action_map_add_action_entries (G_ACTION_MAP (application), other_actions, G_N_ELEMENTS (other_actions), tools);
}
