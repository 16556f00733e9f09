/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Certificates page: bringing certificates in by hand (Open…, Add
 * Folder…, drag and drop). See dojang-certificates-page.c. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificates-page-private.h"
#include "dojang-pfx-import-dialog.h"

static void
on_open_response (GtkNativeDialog        *chooser,
                  int                     response,
                  DojangCertificatesPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      dojang_certificates_page_open_file (self, file);
    }

  g_object_unref (chooser);
}

/**
 * _dojang_certificates_page_choose_file:
 *
 * Open…: a file chooser for one signCert.der.
 */
void
_dojang_certificates_page_choose_file (DojangCertificatesPage *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) certificates = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Certificate"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (certificates, _("Certificates (signCert.der)"));
  gtk_file_filter_add_suffix (certificates, "der");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), certificates);
  gtk_file_filter_set_name (everything, _("All Files"));
  gtk_file_filter_add_pattern (everything, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), everything);

  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_folder (DojangCertificatesPage *self,
            const char             *path)
{
  DojangCertificateList *list;

  /* The application keeps it in the settings, which its list follows.
   * Without it (or for a name the settings cannot hold), the folder is
   * looked in for now only. */
  if (g_utf8_validate (path, -1, NULL) &&
      gtk_widget_activate_action (GTK_WIDGET (self), "app.add-certificate-folder", "s", path))
    return;

  list = dojang_certificates_page_get_list (self);
  if (list != NULL)
    dojang_certificate_list_add_path (list, path);
}

static void
on_add_folder_response (GtkNativeDialog        *chooser,
                        int                     response,
                        DojangCertificatesPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (folder);

      if (path != NULL)
        add_folder (self, path);
    }

  g_object_unref (chooser);
}

/**
 * _dojang_certificates_page_choose_folder:
 *
 * Add Folder…: a folder chooser; the folder is looked in from then on.
 */
void
_dojang_certificates_page_choose_folder (DojangCertificatesPage *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Add Certificate Folder"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_add_folder_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop (GtkDropTarget          *target,
         const GValue           *value,
         double                  x,
         double                  y,
         DojangCertificatesPage *self)
{
  GSList *files;
  gboolean accepted;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  accepted = files != NULL;
  for (GSList *l = files; l != NULL; l = l->next)
    {
      const char *path = g_file_peek_path (l->data);

      /* A .pfx or .p12 is imported (app.import-pfx), anything else opened.
       * An action target is UTF-8: another name is opened as it is. */
      if (dojang_pfx_is_pkcs12_name (path) && g_utf8_validate (path, -1, NULL) &&
          gtk_widget_activate_action (GTK_WIDGET (self), "app.import-pfx", "s", path))
        continue;
      dojang_certificates_page_open_file (self, l->data);
    }
  g_slist_free (files);

  return accepted;
}

/**
 * _dojang_certificates_page_accept_drops:
 *
 * Certificates and folders dropped on the page are opened; .pfx and .p12
 * files are imported.
 */
void
_dojang_certificates_page_accept_drops (DojangCertificatesPage *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
