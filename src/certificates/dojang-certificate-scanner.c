/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Finds NPKI certificates under a set of roots. The layout is
 * <root>/<CA>/USER/<subject>/signCert.der, but people point Dojang at any
 * level of it (or at the folder holding NPKI), and names come in any case,
 * so the walk looks for the file names at a bounded depth instead of
 * insisting on the exact shape. */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dojang-certificate-private.h"
#include "dojang-certificate-scanner.h"
#include "dojang-npki-lookup.h"
#include "dojang-task.h"

/* Folder levels below a root that are listed: enough for
 * <mount>/NPKI/<CA>/USER/<subject> and one spare level. */
#define MAX_DEPTH 5

typedef struct
{
  GCancellable *cancellable;
  const char   *root;
  GPtrArray    *certificates;
  GPtrArray    *problems;
  GPtrArray    *watch_folders;
  GHashTable   *seen_folders;
} Scan;

typedef struct
{
  GPtrArray *certificates;
  GPtrArray *problems;
  char     **watch_folders;
} ScanResult;

static void
scan_result_free (ScanResult *result)
{
  g_clear_pointer (&result->certificates, g_ptr_array_unref);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_pointer (&result->watch_folders, g_strfreev);
  g_free (result);
}

static void
add_problem (Scan         *scan,
             const char   *path,
             const GError *error)
{
  g_ptr_array_add (scan->problems, dojang_scan_problem_new (path, error));
}

/* "~/NPKI" also finds "~/npki"; a missing root is not a problem, it is just
 * where nothing was plugged in. */
static char *
resolve_root (const char *root)
{
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;

  if (g_file_test (root, G_FILE_TEST_EXISTS))
    return g_strdup (root);

  parent = g_path_get_dirname (root);
  base = g_path_get_basename (root);

  return dojang_npki_find_entry (parent, base);
}

/* A root that does not exist yet is watched through its nearest ancestor. */
static char *
existing_ancestor (const char *path)
{
  g_autofree char *current = g_strdup (path);

  while (!g_file_test (current, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *parent = g_path_get_dirname (current);

      if (g_strcmp0 (parent, current) == 0)
        return NULL;

      g_free (current);
      current = g_steal_pointer (&parent);
    }

  return g_steal_pointer (&current);
}

static gboolean
mark_seen (Scan       *scan,
           GStatBuf   *st)
{
  char *key = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                               (guint64) st->st_dev, (guint64) st->st_ino);

  return g_hash_table_add (scan->seen_folders, key);
}

static void
add_certificate_file (Scan       *scan,
                      const char *cert_path,
                      const char *key_path,
                      const char *km_cert_path,
                      const char *km_key_path)
{
  g_autoptr(GError) error = NULL;
  DojangCertificate *certificate;

  certificate = _dojang_certificate_new_with_companions (scan->root, cert_path, key_path, km_cert_path,
                                                         km_key_path, &error);
  if (certificate != NULL)
    g_ptr_array_add (scan->certificates, certificate);
  else
    add_problem (scan, cert_path, error);
}

/* Two entries may differ only in case (signCert.der and SignCert.der); the
 * last one read wins, as any choice would be arbitrary. */
static void
replace_path (char **slot,
              char **path)
{
  g_free (*slot);
  *slot = g_steal_pointer (path);
}

static void
scan_folder (Scan       *scan,
             const char *folder,
             int         depth)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) subfolders = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cert_path = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *km_cert_path = NULL;
  g_autofree char *km_key_path = NULL;
  const char *name;

  if (g_cancellable_is_cancelled (scan->cancellable))
    return;

  dir = g_dir_open (folder, 0, &error);
  if (dir == NULL)
    {
      g_autoptr(GError) problem = NULL;

      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES))
        problem = g_error_new_literal (DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_PERMISSION,
                                       _("You do not have permission to open this folder."));
      else if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        problem = g_error_new (DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_READ,
                               _("The folder could not be read: %s"), error->message);

      if (problem != NULL)
        add_problem (scan, folder, problem);
      return;
    }

  g_ptr_array_add (scan->watch_folders, g_strdup (folder));

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (name[0] == '.')
        continue;

      path = g_build_filename (folder, name, NULL);

      if (g_ascii_strcasecmp (name, "signCert.der") == 0)
        {
          /* Never entered, even when it is a folder: reading it reports that. */
          replace_path (&cert_path, &path);
          continue;
        }

      if (g_ascii_strcasecmp (name, "signPri.key") == 0)
        {
          replace_path (&key_path, &path);
          continue;
        }

      if (g_ascii_strcasecmp (name, "kmCert.der") == 0)
        {
          replace_path (&km_cert_path, &path);
          continue;
        }

      if (g_ascii_strcasecmp (name, "kmPri.key") == 0)
        {
          replace_path (&km_key_path, &path);
          continue;
        }

      if (depth < MAX_DEPTH && g_stat (path, &st) == 0 && S_ISDIR (st.st_mode) && mark_seen (scan, &st))
        g_ptr_array_add (subfolders, g_steal_pointer (&path));
    }

  if (cert_path != NULL)
    {
      add_certificate_file (scan, cert_path, key_path, km_cert_path, km_key_path);
    }
  else if (key_path != NULL)
    {
      g_autoptr(GError) problem = NULL;

      problem = g_error_new_literal (DOJANG_CERTIFICATE_ERROR,
                                     DOJANG_CERTIFICATE_ERROR_KEY_WITHOUT_CERTIFICATE,
                                     _("There is a private key (signPri.key) here but no certificate (signCert.der) beside it. Copy the certificate from where you got the key."));
      add_problem (scan, key_path, problem);
    }

  for (guint i = 0; i < subfolders->len; i++)
    scan_folder (scan, g_ptr_array_index (subfolders, i), depth + 1);
}

/* A folder the user added is expected to be there: its absence is told,
 * not taken for an unplugged stick. */
static void
add_missing_folder (Scan       *scan,
                    const char *root)
{
  g_autoptr(GError) error = NULL;

  error = g_error_new_literal (DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_FOLDER_MISSING,
                               _("This folder you added cannot be found. If it is on a USB stick, plug the stick in; if it was moved or deleted, remove it from the list."));
  add_problem (scan, root, error);
}

static void
scan_root (Scan       *scan,
           const char *root,
           gboolean    required)
{
  g_autofree char *resolved = resolve_root (root);
  GStatBuf st;

  scan->root = root;

  if (resolved == NULL || g_stat (resolved, &st) != 0)
    {
      g_autofree char *ancestor = existing_ancestor (root);
      g_autoptr(GError) error = NULL;

      if (ancestor != NULL)
        g_ptr_array_add (scan->watch_folders, g_steal_pointer (&ancestor));

      if (resolved == NULL && required)
        add_missing_folder (scan, root);

      /* Present but not stat-able (a dangling link, a folder we may not
       * enter): say so. Simply absent roots are normal. */
      if (resolved != NULL && errno != ENOENT)
        {
          error = g_error_new (DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_READ,
                               _("The folder could not be read: %s"), g_strerror (errno));
          add_problem (scan, resolved, error);
        }
      return;
    }

  if (!S_ISDIR (st.st_mode))
    {
      g_autofree char *folder = g_path_get_dirname (resolved);
      g_autoptr(GError) error = NULL;
      DojangCertificate *certificate;

      /* A single file the user opened: any name will do. */
      g_ptr_array_add (scan->watch_folders, g_strdup (folder));
      certificate = _dojang_certificate_new_from_file (root, resolved, &error);
      if (certificate != NULL)
        g_ptr_array_add (scan->certificates, certificate);
      else
        add_problem (scan, resolved, error);
      return;
    }

  if (!mark_seen (scan, &st))
    return;

  scan_folder (scan, resolved, 0);
}

static int
compare_certificates (gconstpointer a,
                      gconstpointer b)
{
  DojangCertificate *ca = *(DojangCertificate **) a;
  DojangCertificate *cb = *(DojangCertificate **) b;

  return strcmp (dojang_certificate_get_path (ca), dojang_certificate_get_path (cb));
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  DojangScanProblem *pa = *(DojangScanProblem **) a;
  DojangScanProblem *pb = *(DojangScanProblem **) b;

  return strcmp (dojang_scan_problem_get_path (pa), dojang_scan_problem_get_path (pb));
}

static ScanResult *
run_scan (const char * const  *roots,
          const char * const  *required_roots,
          GCancellable        *cancellable,
          GError             **error)
{
  Scan scan = { 0 };
  ScanResult *result;

  scan.cancellable = cancellable;
  scan.certificates = g_ptr_array_new_with_free_func (g_object_unref);
  scan.problems = g_ptr_array_new_with_free_func (g_object_unref);
  scan.watch_folders = g_ptr_array_new_with_free_func (g_free);
  scan.seen_folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; roots != NULL && roots[i] != NULL; i++)
    scan_root (&scan, roots[i],
               required_roots != NULL && g_strv_contains (required_roots, roots[i]));

  g_hash_table_unref (scan.seen_folders);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_ptr_array_unref (scan.certificates);
      g_ptr_array_unref (scan.problems);
      g_ptr_array_unref (scan.watch_folders);
      return NULL;
    }

  g_ptr_array_sort (scan.certificates, compare_certificates);
  g_ptr_array_sort (scan.problems, compare_problems);
  g_ptr_array_add (scan.watch_folders, NULL);

  result = g_new0 (ScanResult, 1);
  result->certificates = scan.certificates;
  result->problems = scan.problems;
  result->watch_folders = (char **) g_ptr_array_free (scan.watch_folders, FALSE);

  return result;
}

/**
 * dojang_certificate_scan_sync:
 * @roots: folders (or single certificate files) to look in
 * @cancellable: (nullable): a #GCancellable
 * @certificates: (out) (optional) (transfer container): #DojangCertificate items, by path
 * @problems: (out) (optional) (transfer container): #DojangScanProblem items, by path
 * @error: set only when cancelled
 *
 * Bad files never stop the scan: each becomes a problem next to the good
 * certificates.
 */
gboolean
dojang_certificate_scan_sync (const char * const  *roots,
                              GCancellable        *cancellable,
                              GPtrArray          **certificates,
                              GPtrArray          **problems,
                              GError             **error)
{
  ScanResult *result;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* No catalog up front: on this thread the first certificate found loads
   * it (once), and a scan that finds none, as a login check usually does,
   * does not read providers.json at all. */
  result = run_scan (roots, NULL, cancellable, error);
  if (result == NULL)
    return FALSE;

  if (certificates != NULL)
    *certificates = g_steal_pointer (&result->certificates);
  if (problems != NULL)
    *problems = g_steal_pointer (&result->problems);
  scan_result_free (result);

  return TRUE;
}

typedef struct
{
  char **roots;
  char **required_roots;
} ScanRequest;

static void
scan_request_free (ScanRequest *request)
{
  g_strfreev (request->roots);
  g_strfreev (request->required_roots);
  g_free (request);
}

static gboolean
scan_in_thread (gpointer       source_object,
                gpointer       data,
                GCancellable  *cancellable,
                gpointer      *result,
                GError       **error)
{
  ScanRequest *request = data;

  *result = run_scan ((const char * const *) request->roots,
                      (const char * const *) request->required_roots, cancellable, error);

  return *result != NULL;
}

/**
 * dojang_certificate_scan_full_async:
 * @roots: folders (or single certificate files) to look in
 * @required_roots: (nullable): those of @roots that the user added: one
 *   that is not there is a #DOJANG_CERTIFICATE_ERROR_FOLDER_MISSING problem
 *   (other roots may be absent: nothing is plugged in there)
 *
 * Finish with dojang_certificate_scan_finish_full().
 */
void
dojang_certificate_scan_full_async (const char * const  *roots,
                                    const char * const  *required_roots,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ScanRequest *request = g_new0 (ScanRequest, 1);

  /* As in the sync scan, the worker loads the catalog (once) at the first
   * certificate it finds: parsing providers.json on the calling thread, the
   * window's, would delay its first frame. */
  request->roots = g_strdupv ((char **) roots);
  request->required_roots = g_strdupv ((char **) required_roots);
  dojang_task_run_in_thread (NULL, dojang_certificate_scan_async, scan_in_thread,
                             request, (GDestroyNotify) scan_request_free,
                             (GDestroyNotify) scan_result_free,
                             cancellable, callback, user_data);
}

void
dojang_certificate_scan_async (const char * const  *roots,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  dojang_certificate_scan_full_async (roots, NULL, cancellable, callback, user_data);
}

/**
 * dojang_certificate_scan_finish_full:
 * @watch_folders: (out) (optional) (transfer full): the folders whose changes
 *   could change the result (for #GFileMonitor)
 */
gboolean
dojang_certificate_scan_finish_full (GAsyncResult   *result,
                                     GPtrArray     **certificates,
                                     GPtrArray     **problems,
                                     char         ***watch_folders,
                                     GError        **error)
{
  ScanResult *scan = NULL;

  if (!dojang_task_finish (result, NULL, dojang_certificate_scan_async, (gpointer *) &scan, error))
    return FALSE;

  if (certificates != NULL)
    *certificates = g_steal_pointer (&scan->certificates);
  if (problems != NULL)
    *problems = g_steal_pointer (&scan->problems);
  if (watch_folders != NULL)
    *watch_folders = g_steal_pointer (&scan->watch_folders);
  scan_result_free (scan);

  return TRUE;
}

gboolean
dojang_certificate_scan_finish (GAsyncResult  *result,
                                GPtrArray    **certificates,
                                GPtrArray    **problems,
                                GError       **error)
{
  return dojang_certificate_scan_finish_full (result, certificates, problems, NULL, error);
}
