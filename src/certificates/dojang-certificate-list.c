/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The live list of certificates: scans the roots in a thread, then keeps
 * watching them (see DojangFolderWatch) and rescans shortly after anything
 * changes. The application owns one, bound to the certificate-folders
 * setting; every page and the reminders observe it. This file follows the
 * folders and drives; the list's contents, as a #GListModel, are kept in
 * dojang-certificate-list-items.c. */

#include "config.h"

#include "dojang-certificate-list-private.h"
#include "dojang-certificate-scanner.h"
#include "dojang-folder-watch.h"

/* File events come in bursts while a folder is copied; wait for the burst to
 * settle, well within the 2 s the list promises. */
#define RESCAN_DELAY_MS 150

G_DEFINE_FINAL_TYPE_WITH_CODE (DojangCertificateList, dojang_certificate_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, _dojang_certificate_list_model_iface_init))

enum {
  PROP_0,
  PROP_ROOTS,
  PROP_FIXED_ROOTS,
  PROP_MEDIA_FOLDERS,
  PROP_EXTRA_FOLDERS,
  PROP_SETTINGS,
  PROP_DEFERRED,
  PROP_LOADING,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_scan (DojangCertificateList *self);

static void
compute_roots (DojangCertificateList *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) defaults = NULL;

  if (self->fixed_roots != NULL)
    {
      g_strv_builder_addv (builder, (const char **) self->fixed_roots);
    }
  else
    {
      defaults = dojang_certificate_scanner_find_roots ((const char * const *) self->media_folders,
                                                        (const char * const *) self->extra_folders);
      g_strv_builder_addv (builder, (const char **) defaults);
    }

  for (guint i = 0; i < self->opened_paths->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->opened_paths, i));

  g_strfreev (self->roots);
  self->roots = g_strv_builder_end (builder);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOTS]);
}

static gboolean
rescan_timeout (gpointer user_data)
{
  DojangCertificateList *self = user_data;

  self->rescan_source = 0;
  dojang_certificate_list_reload (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_rescan (DojangCertificateList *self)
{
  if (self->rescan_source != 0)
    return;

  self->rescan_source = g_timeout_add (RESCAN_DELAY_MS, rescan_timeout, self);
}

static void
on_folder_changed (DojangFolderWatch     *watch,
                   DojangCertificateList *self)
{
  schedule_rescan (self);
}

static void
on_media_changed (DojangFolderWatch     *watch,
                  DojangCertificateList *self)
{
  compute_roots (self);
  schedule_rescan (self);
}

static void
set_loading (DojangCertificateList *self,
             gboolean               loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_scan_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DojangCertificateList) self = user_data;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_auto(GStrv) watch_folders = NULL;
  g_autoptr(GError) error = NULL;

  if (!dojang_certificate_scan_finish_full (result, &certificates, &problems, &watch_folders, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Scanning for certificates failed: %s", error->message);
      return;
    }

  g_clear_object (&self->cancellable);

  if (self->rescan_pending)
    {
      self->rescan_pending = FALSE;
      start_scan (self);
      return;
    }

  /* A file created in a new folder before its monitor existed would be
   * missed: look once more after starting to watch new folders. */
  if (dojang_folder_watch_set_folders (self->watch, (const char * const *) watch_folders) && self->loaded)
    schedule_rescan (self);
  _dojang_certificate_list_replace_problems (self, problems);
  _dojang_certificate_list_replace_items (self, certificates);

  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  set_loading (self, FALSE);
}

static void
start_scan (DojangCertificateList *self)
{
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  /* Only the folders the user added must be there; the others come and go
   * with what is plugged in. */
  dojang_certificate_scan_full_async ((const char * const *) self->roots,
                                      self->fixed_roots == NULL ? (const char * const *) self->extra_folders : NULL,
                                      self->cancellable, on_scan_done, g_object_ref (self));
}

static void
dojang_certificate_list_constructed (GObject *object)
{
  DojangCertificateList *self = DOJANG_CERTIFICATE_LIST (object);

  G_OBJECT_CLASS (dojang_certificate_list_parent_class)->constructed (object);

  /* Fixed roots are all there is: no media to follow. */
  if (self->fixed_roots == NULL && self->media_folders == NULL)
    self->media_folders = dojang_certificate_scanner_media_folders ();
  self->watch = dojang_folder_watch_new (self->fixed_roots == NULL
                                         ? (const char * const *) self->media_folders : NULL);
  g_signal_connect_object (self->watch, "changed", G_CALLBACK (on_folder_changed), self, 0);
  g_signal_connect_object (self->watch, "media-changed", G_CALLBACK (on_media_changed), self, 0);

  /* Read before the first scan, so it starts with the user's folders. */
  if (self->settings != NULL)
    g_settings_bind (self->settings, "certificate-folders", self, "extra-folders", G_SETTINGS_BIND_GET);

  compute_roots (self);
  if (!self->deferred)
    dojang_certificate_list_reload (self);
}

static void
dojang_certificate_list_dispose (GObject *object)
{
  DojangCertificateList *self = DOJANG_CERTIFICATE_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->rescan_source, g_source_remove);
  if (self->settings != NULL)
    g_settings_unbind (self, "extra-folders");
  g_clear_object (&self->settings);
  g_clear_object (&self->watch);

  G_OBJECT_CLASS (dojang_certificate_list_parent_class)->dispose (object);
}

static void
dojang_certificate_list_finalize (GObject *object)
{
  DojangCertificateList *self = DOJANG_CERTIFICATE_LIST (object);

  g_ptr_array_unref (self->items);
  g_object_unref (self->problems);
  g_ptr_array_unref (self->opened_paths);
  g_strfreev (self->fixed_roots);
  g_strfreev (self->media_folders);
  g_strfreev (self->extra_folders);
  g_strfreev (self->roots);

  G_OBJECT_CLASS (dojang_certificate_list_parent_class)->finalize (object);
}

static void
dojang_certificate_list_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DojangCertificateList *self = DOJANG_CERTIFICATE_LIST (object);

  switch (prop_id)
    {
    case PROP_ROOTS:
      g_value_set_boxed (value, self->roots);
      break;

    case PROP_MEDIA_FOLDERS:
      g_value_set_boxed (value, self->media_folders);
      break;

    case PROP_EXTRA_FOLDERS:
      g_value_set_boxed (value, self->extra_folders);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_certificate_list_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DojangCertificateList *self = DOJANG_CERTIFICATE_LIST (object);

  switch (prop_id)
    {
    case PROP_FIXED_ROOTS:
      self->fixed_roots = g_value_dup_boxed (value);
      break;

    case PROP_MEDIA_FOLDERS:
      self->media_folders = g_value_dup_boxed (value);
      break;

    case PROP_EXTRA_FOLDERS:
      dojang_certificate_list_set_extra_folders (self, g_value_get_boxed (value));
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_DEFERRED:
      self->deferred = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_certificate_list_class_init (DojangCertificateListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dojang_certificate_list_constructed;
  object_class->dispose = dojang_certificate_list_dispose;
  object_class->finalize = dojang_certificate_list_finalize;
  object_class->get_property = dojang_certificate_list_get_property;
  object_class->set_property = dojang_certificate_list_set_property;

  properties[PROP_ROOTS] =
    g_param_spec_boxed ("roots", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIXED_ROOTS] =
    g_param_spec_boxed ("fixed-roots", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Where removable media are mounted; by default /media/$USER and
   * /run/media/$USER. Tests plug in their USB sticks elsewhere. */
  properties[PROP_MEDIA_FOLDERS] =
    g_param_spec_boxed ("media-folders", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXTRA_FOLDERS] =
    g_param_spec_boxed ("extra-folders", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Settings whose certificate-folders the extra folders follow. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The first scan waits for dojang_certificate_list_reload(): the
   * application starts it once its window is on screen. */
  properties[PROP_DEFERRED] =
    g_param_spec_boolean ("deferred", NULL, NULL, FALSE,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dojang_certificate_list_init (DojangCertificateList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_list_store_new (DOJANG_TYPE_SCAN_PROBLEM);
  self->opened_paths = g_ptr_array_new_with_free_func (g_free);
  self->extra_folders = g_new0 (char *, 1);
}

/**
 * dojang_certificate_list_new:
 *
 * A list over the default roots (see dojang_certificate_scanner_default_roots())
 * that follows USB sticks as they come and go. Scanning starts at once.
 */
DojangCertificateList *
dojang_certificate_list_new (void)
{
  return g_object_new (DOJANG_TYPE_CERTIFICATE_LIST, NULL);
}

/**
 * dojang_certificate_list_new_for_settings:
 * @settings: the application's settings
 *
 * dojang_certificate_list_new() that also looks in the folders of the
 * `certificate-folders` setting, and follows its changes.
 */
DojangCertificateList *
dojang_certificate_list_new_for_settings (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (DOJANG_TYPE_CERTIFICATE_LIST,
                       "settings", settings,
                       NULL);
}

/**
 * dojang_certificate_list_new_for_roots:
 * @roots: the only places to look
 */
DojangCertificateList *
dojang_certificate_list_new_for_roots (const char * const *roots)
{
  g_return_val_if_fail (roots != NULL, NULL);

  return g_object_new (DOJANG_TYPE_CERTIFICATE_LIST,
                       "fixed-roots", roots,
                       NULL);
}

/**
 * dojang_certificate_list_set_extra_folders:
 * @folders: (nullable): folders the user added, looked in besides the defaults
 */
void
dojang_certificate_list_set_extra_folders (DojangCertificateList *self,
                                           const char * const    *folders)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (DOJANG_IS_CERTIFICATE_LIST (self));

  if (folders == NULL)
    folders = none;

  if (g_strv_equal ((const char * const *) self->extra_folders, folders))
    return;

  g_strfreev (self->extra_folders);
  self->extra_folders = g_strdupv ((char **) folders);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA_FOLDERS]);

  if (self->roots == NULL)
    return;

  compute_roots (self);
  dojang_certificate_list_reload (self);
}

const char * const *
dojang_certificate_list_get_extra_folders (DojangCertificateList *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_LIST (self), NULL);

  return (const char * const *) self->extra_folders;
}

/**
 * dojang_certificate_list_add_path:
 * @path: a certificate file or a folder the user opened
 *
 * Looks there too for as long as the list lives (not saved).
 */
void
dojang_certificate_list_add_path (DojangCertificateList *self,
                                  const char            *path)
{
  g_return_if_fail (DOJANG_IS_CERTIFICATE_LIST (self));
  g_return_if_fail (path != NULL);

  if (g_strv_contains ((const char * const *) self->roots, path))
    {
      dojang_certificate_list_reload (self);
      return;
    }

  g_ptr_array_add (self->opened_paths, g_strdup (path));
  compute_roots (self);
  if (!self->deferred)
    dojang_certificate_list_reload (self);
}

/**
 * dojang_certificate_list_get_roots:
 *
 * Returns: (transfer none): where the list looks, for telling the user
 */
const char * const *
dojang_certificate_list_get_roots (DojangCertificateList *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_LIST (self), NULL);

  return (const char * const *) self->roots;
}

/**
 * dojang_certificate_list_get_problems:
 *
 * Returns: (transfer none): a #GListModel of #DojangScanProblem
 */
GListModel *
dojang_certificate_list_get_problems (DojangCertificateList *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_LIST (self), NULL);

  return G_LIST_MODEL (self->problems);
}

gboolean
dojang_certificate_list_get_loading (DojangCertificateList *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_LIST (self), FALSE);

  return self->loading;
}

/**
 * dojang_certificate_list_get_loaded:
 *
 * Returns: whether a first scan has completed, so an empty list means "none"
 */
gboolean
dojang_certificate_list_get_loaded (DojangCertificateList *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_LIST (self), FALSE);

  return self->loaded;
}

/**
 * dojang_certificate_list_reload:
 *
 * Scans again; a scan already running is followed by a fresh one.
 */
void
dojang_certificate_list_reload (DojangCertificateList *self)
{
  g_return_if_fail (DOJANG_IS_CERTIFICATE_LIST (self));

  if (self->roots == NULL)
    return;

  if (self->cancellable != NULL)
    {
      self->rescan_pending = TRUE;
      return;
    }

  start_scan (self);
}
