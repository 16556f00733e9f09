/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Where a certificate lives, in words: two copies of one certificate (one
 * at home, one on a USB stick) differ only by this. The scanner records the
 * root each certificate was found under; the list knows which roots are
 * the user's added folders, opened files and removable media. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dojang-certificate-location.h"

static gboolean
has_folder_prefix (const char *path,
                   const char *folder)
{
  gsize length = strlen (folder);

  if (length == 0 || !g_str_has_prefix (path, folder))
    return FALSE;

  return path[length] == '\0' || path[length] == G_DIR_SEPARATOR || folder[length - 1] == G_DIR_SEPARATOR;
}

static gboolean
is_listed (const char * const *list,
           const char         *path)
{
  return list != NULL && path != NULL && g_strv_contains (list, path);
}

/* "~/NPKI" for a path in the home folder: shorter, and the same for
 * everyone reading over the user's shoulder. */
static char *
display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  g_autofree char *display = g_filename_display_name (path);

  if (has_folder_prefix (path, home) && strlen (path) > strlen (home))
    {
      g_autofree char *rest = g_filename_display_name (path + strlen (home));

      return g_strconcat ("~", rest, NULL);
    }

  return g_steal_pointer (&display);
}

/**
 * dojang_certificate_location_classify:
 * @root: the root a certificate was found under
 * @drive_name: (out) (optional) (transfer full): for a removable drive, its
 *   name (the folder it is mounted on, which is its label)
 *
 * Returns: what kind of place @root is
 */
DojangCertificateLocation
dojang_certificate_location_classify (const DojangLocationContext  *context,
                                      const char                   *root,
                                      char                        **drive_name)
{
  g_autofree char *mount = NULL;

  g_return_val_if_fail (context != NULL, DOJANG_CERTIFICATE_LOCATION_OTHER);

  if (drive_name != NULL)
    *drive_name = NULL;

  if (root == NULL)
    return DOJANG_CERTIFICATE_LOCATION_OTHER;
  if (is_listed (context->added_folders, root))
    return DOJANG_CERTIFICATE_LOCATION_ADDED_FOLDER;
  if (is_listed (context->opened_paths, root))
    return DOJANG_CERTIFICATE_LOCATION_OPENED;
  if (context->fixed)
    return DOJANG_CERTIFICATE_LOCATION_OTHER;
  if (has_folder_prefix (root, g_get_home_dir ()))
    return DOJANG_CERTIFICATE_LOCATION_HOME;

  /* The other default roots are <mount point>/NPKI. */
  mount = g_path_get_dirname (root);
  if (drive_name != NULL)
    *drive_name = g_filename_display_basename (mount);

  return DOJANG_CERTIFICATE_LOCATION_REMOVABLE;
}

static gboolean
is_media (const DojangLocationContext *context,
          const char                  *root)
{
  for (guint i = 0; context->media_folders != NULL && context->media_folders[i] != NULL; i++)
    {
      if (has_folder_prefix (root, context->media_folders[i]))
        return TRUE;
    }

  /* HamoniKR's virtual USB stick. */
  return has_folder_prefix (root, "/vusb");
}

/**
 * dojang_certificate_location_describe:
 *
 * Returns: (transfer full): where @certificate lives, for a list row: "Home
 *   folder (~/NPKI)", "USB stick “KINGSTON”", "Folder you added: ~/certs"…
 */
char *
dojang_certificate_location_describe (const DojangLocationContext *context,
                                      DojangCertificate           *certificate)
{
  const char *root;
  g_autofree char *drive = NULL;
  g_autofree char *where = NULL;

  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (certificate), NULL);

  root = dojang_certificate_get_root (certificate);

  switch (dojang_certificate_location_classify (context, root, &drive))
    {
    case DOJANG_CERTIFICATE_LOCATION_HOME:
      where = display_path (root);
      /* TRANSLATORS: where a certificate lives; %s is a folder such as ~/NPKI */
      return g_strdup_printf (_("Home folder (%s)"), where);

    case DOJANG_CERTIFICATE_LOCATION_REMOVABLE:
      if (is_media (context, root))
        /* TRANSLATORS: where a certificate lives; %s is the stick's name */
        return g_strdup_printf (_("USB stick “%s”"), drive);
      /* TRANSLATORS: where a certificate lives; %s is a drive's name */
      return g_strdup_printf (_("Drive “%s”"), drive);

    case DOJANG_CERTIFICATE_LOCATION_ADDED_FOLDER:
      where = display_path (root);
      /* TRANSLATORS: where a certificate lives; %s is a folder */
      return g_strdup_printf (_("Folder you added: %s"), where);

    case DOJANG_CERTIFICATE_LOCATION_OPENED:
      where = display_path (root);
      /* TRANSLATORS: where a certificate lives; %s is a file or folder */
      return g_strdup_printf (_("Opened from %s"), where);

    case DOJANG_CERTIFICATE_LOCATION_OTHER:
    default:
      where = display_path (root != NULL ? root : dojang_certificate_get_folder (certificate));
      /* TRANSLATORS: where a certificate lives; %s is a folder */
      return g_strdup_printf (_("Folder %s"), where);
    }
}
