/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The certificate list's contents: the #GListModel itself, how a new scan's
 * certificates and problems replace the old ones, and looking certificates
 * up in it. The scanning and the following of folders and drives are in
 * dojang-certificate-list.c. */

#include "config.h"

#include <string.h>

#include "dojang-certificate-list-private.h"
#include "dojang-certificate-location.h"

static GType
list_get_item_type (GListModel *model)
{
  return DOJANG_TYPE_CERTIFICATE;
}

static guint
list_get_n_items (GListModel *model)
{
  return DOJANG_CERTIFICATE_LIST (model)->items->len;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  DojangCertificateList *self = DOJANG_CERTIFICATE_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

void
_dojang_certificate_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

/* What makes two scans' certificates the same one: file, content, key.
 * Each part is length-prefixed (or "-" when missing), so that no two
 * different triples give the same key. */
static void
append_part (GString    *key,
             const char *part)
{
  if (part == NULL)
    g_string_append (key, "-;");
  else
    g_string_append_printf (key, "%zu:%s;", strlen (part), part);
}

static char *
identity_key (DojangCertificate *certificate)
{
  GString *key = g_string_new (NULL);

  append_part (key, dojang_certificate_get_path (certificate));
  append_part (key, dojang_certificate_get_sha256 (certificate));
  append_part (key, dojang_certificate_get_key_path (certificate));

  return g_string_free (key, FALSE);
}

/* Unchanged certificates keep their objects, so a selection in the UI
 * survives a rescan; nothing is emitted when nothing changed. */
void
_dojang_certificate_list_replace_items (DojangCertificateList *self,
                                        GPtrArray             *certificates)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint old_len = self->items->len;
  guint prefix = 0;
  guint suffix = 0;

  /* A hash, not a search per certificate: a rescan of 10,000 stays linear.
   * The first of equal ones wins, as a search from the start would. */
  for (guint i = old_len; i > 0; i--)
    {
      DojangCertificate *old = g_ptr_array_index (self->items, i - 1);

      g_hash_table_insert (known, identity_key (old), old);
    }

  for (guint i = 0; i < certificates->len; i++)
    {
      DojangCertificate *certificate = g_ptr_array_index (certificates, i);
      g_autofree char *key = identity_key (certificate);
      DojangCertificate *old = g_hash_table_lookup (known, key);

      g_ptr_array_add (items, g_object_ref (old != NULL ? old : certificate));
    }

  /* Only the part that changed is announced, so that an observer (the
   * reminders) sees a plugged-in stick's certificates as the ones added. */
  while (prefix < old_len && prefix < items->len &&
         g_ptr_array_index (items, prefix) == g_ptr_array_index (self->items, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < items->len - prefix &&
         g_ptr_array_index (items, items->len - 1 - suffix) ==
         g_ptr_array_index (self->items, old_len - 1 - suffix))
    suffix++;

  if (prefix == old_len && prefix == items->len)
    return;

  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_len - prefix - suffix, self->items->len - prefix - suffix);
}

void
_dojang_certificate_list_replace_problems (DojangCertificateList *self,
                                           GPtrArray             *problems)
{
  guint old_len = g_list_model_get_n_items (G_LIST_MODEL (self->problems));
  gboolean changed = old_len != problems->len;

  for (guint i = 0; !changed && i < problems->len; i++)
    {
      g_autoptr(DojangScanProblem) old = g_list_model_get_item (G_LIST_MODEL (self->problems), i);
      DojangScanProblem *problem = g_ptr_array_index (problems, i);

      changed = g_strcmp0 (dojang_scan_problem_get_path (old), dojang_scan_problem_get_path (problem)) != 0 ||
                g_strcmp0 (dojang_scan_problem_get_message (old), dojang_scan_problem_get_message (problem)) != 0;
    }

  if (changed)
    g_list_store_splice (self->problems, 0, old_len, problems->pdata, problems->len);
}

/**
 * dojang_certificate_list_find_by_sha256:
 *
 * Returns: (transfer none) (nullable): the first certificate with this fingerprint
 */
DojangCertificate *
dojang_certificate_list_find_by_sha256 (DojangCertificateList *self,
                                        const char            *sha256)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_LIST (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      DojangCertificate *certificate = g_ptr_array_index (self->items, i);

      if (g_ascii_strcasecmp (dojang_certificate_get_sha256 (certificate), sha256) == 0)
        return certificate;
    }

  return NULL;
}

/**
 * dojang_certificate_list_find_by_path:
 *
 * Returns: (transfer none) (nullable): the certificate read from @path
 */
DojangCertificate *
dojang_certificate_list_find_by_path (DojangCertificateList *self,
                                      const char            *path)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_LIST (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      DojangCertificate *certificate = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (dojang_certificate_get_path (certificate), path) == 0)
        return certificate;
    }

  return NULL;
}

/**
 * dojang_certificate_list_describe_location:
 * @certificate: one of the list's certificates
 *
 * Returns: (transfer full): where it lives, in words: the home folder, a USB
 *   stick (by name), a folder the user added, a file opened
 */
char *
dojang_certificate_list_describe_location (DojangCertificateList *self,
                                           DojangCertificate     *certificate)
{
  g_autoptr(GPtrArray) opened = NULL;
  DojangLocationContext context = { 0 };

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_LIST (self), NULL);
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (certificate), NULL);

  opened = g_ptr_array_new ();
  for (guint i = 0; i < self->opened_paths->len; i++)
    g_ptr_array_add (opened, g_ptr_array_index (self->opened_paths, i));
  g_ptr_array_add (opened, NULL);

  context.media_folders = (const char * const *) self->media_folders;
  context.added_folders = self->fixed_roots == NULL ? (const char * const *) self->extra_folders : NULL;
  context.opened_paths = (const char * const *) opened->pdata;
  context.fixed = self->fixed_roots != NULL;

  return dojang_certificate_location_describe (&context, certificate);
}
