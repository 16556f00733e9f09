/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Tells the certificate list when to look again, without polling: a
 * GFileMonitor on every folder the last scan visited ("changed"), and on
 * the folders where removable media are mounted plus the volume monitor
 * ("media-changed": a USB stick came or went, so the roots change). */

#include "config.h"

#include "dojang-folder-watch.h"

struct _DojangFolderWatch
{
  GObject         parent_instance;

  char          **media_folders;
  GVolumeMonitor *volume_monitor;
  /* path → GFileMonitor */
  GHashTable     *monitors;
};

G_DEFINE_FINAL_TYPE (DojangFolderWatch, dojang_folder_watch, G_TYPE_OBJECT)

enum {
  CHANGED,
  MEDIA_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_noise (GFileMonitorEvent event)
{
  /* Content changes end with CHANGES_DONE_HINT; one look is enough. */
  return event == G_FILE_MONITOR_EVENT_CHANGED || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT;
}

static void
on_folder_changed (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   DojangFolderWatch *self)
{
  if (!is_noise (event))
    g_signal_emit (self, signals[CHANGED], 0);
}

/* A folder appearing in /media/$USER is a medium being mounted, whether or
 * not the volume monitor says so (it does not without gvfs). */
static void
on_media_folder_changed (GFileMonitor      *monitor,
                         GFile             *file,
                         GFile             *other_file,
                         GFileMonitorEvent  event,
                         DojangFolderWatch *self)
{
  if (!is_noise (event))
    g_signal_emit (self, signals[MEDIA_CHANGED], 0);
}

static void
on_mounts_changed (GVolumeMonitor    *monitor,
                   GMount            *mount,
                   DojangFolderWatch *self)
{
  g_signal_emit (self, signals[MEDIA_CHANGED], 0);
}

/* Returns whether a new monitor was added. */
static gboolean
watch (DojangFolderWatch *self,
       GHashTable        *wanted,
       const char        *path,
       GCallback          callback)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;

  if (!g_hash_table_add (wanted, g_strdup (path)))
    return FALSE;

  if (g_hash_table_contains (self->monitors, path))
    return FALSE;

  file = g_file_new_for_path (path);
  monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (monitor == NULL)
    {
      g_debug ("Cannot watch %s: %s", path, error->message);
      return FALSE;
    }

  g_signal_connect_object (monitor, "changed", callback, self, 0);
  g_hash_table_insert (self->monitors, g_strdup (path), monitor);

  return TRUE;
}

/**
 * dojang_folder_watch_set_folders:
 * @folders: (nullable): the folders whose changes could change what a scan
 *   finds; the others stop being watched
 *
 * Returns: whether a folder is newly watched: a file created in it before
 *   the watch began was missed, so the caller looks once more.
 */
gboolean
dojang_folder_watch_set_folders (DojangFolderWatch  *self,
                                 const char * const *folders)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;
  gboolean added = FALSE;

  g_return_val_if_fail (DOJANG_IS_FOLDER_WATCH (self), FALSE);

  /* First, so that a media folder that is also a scanned folder reports
   * media changes; the media folders can appear at any time. */
  for (guint i = 0; self->media_folders != NULL && self->media_folders[i] != NULL; i++)
    {
      if (g_file_test (self->media_folders[i], G_FILE_TEST_IS_DIR))
        watch (self, wanted, self->media_folders[i], G_CALLBACK (on_media_folder_changed));
    }

  for (guint i = 0; folders != NULL && folders[i] != NULL; i++)
    added |= watch (self, wanted, folders[i], G_CALLBACK (on_folder_changed));

  g_hash_table_iter_init (&iter, self->monitors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (wanted, key))
        g_hash_table_iter_remove (&iter);
    }

  return added;
}

static void
dojang_folder_watch_dispose (GObject *object)
{
  DojangFolderWatch *self = DOJANG_FOLDER_WATCH (object);

  g_hash_table_remove_all (self->monitors);
  g_clear_object (&self->volume_monitor);

  G_OBJECT_CLASS (dojang_folder_watch_parent_class)->dispose (object);
}

static void
dojang_folder_watch_finalize (GObject *object)
{
  DojangFolderWatch *self = DOJANG_FOLDER_WATCH (object);

  g_hash_table_unref (self->monitors);
  g_strfreev (self->media_folders);

  G_OBJECT_CLASS (dojang_folder_watch_parent_class)->finalize (object);
}

static void
dojang_folder_watch_class_init (DojangFolderWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dojang_folder_watch_dispose;
  object_class->finalize = dojang_folder_watch_finalize;

  /**
   * DojangFolderWatch::changed:
   *
   * Something changed in a watched folder.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * DojangFolderWatch::media-changed:
   *
   * A medium was mounted or unmounted.
   */
  signals[MEDIA_CHANGED] =
    g_signal_new ("media-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
dojang_folder_watch_init (DojangFolderWatch *self)
{
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * dojang_folder_watch_new:
 * @media_folders: (nullable): where removable media are mounted; %NULL
 *   watches neither media folders nor the volume monitor
 */
DojangFolderWatch *
dojang_folder_watch_new (const char * const *media_folders)
{
  DojangFolderWatch *self = g_object_new (DOJANG_TYPE_FOLDER_WATCH, NULL);

  if (media_folders == NULL)
    return self;

  self->media_folders = g_strdupv ((char **) media_folders);
  self->volume_monitor = g_volume_monitor_get ();
  g_signal_connect_object (self->volume_monitor, "mount-added",
                           G_CALLBACK (on_mounts_changed), self, 0);
  g_signal_connect_object (self->volume_monitor, "mount-removed",
                           G_CALLBACK (on_mounts_changed), self, 0);
  dojang_folder_watch_set_folders (self, NULL);

  return self;
}
