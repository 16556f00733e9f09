/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the reminder import (a file from the user, up to
 * 1 MiB in the runs of `make check` and `make fuzz`). */

#include "config.h"

#include <stdint.h>

#include "dojang-reminder-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Every other certificate is "known", so both paths are taken. */
static gboolean
certificate_exists (const char *sha256,
                    gpointer    user_data)
{
  return sha256[0] != '\0' && (sha256[0] & 1) == 0;
}

static void
assert_text (const char *text)
{
  g_assert (text == NULL || g_utf8_validate (text, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DojangReminderImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = dojang_reminder_import_parse ((const char *) data, (gssize) size,
                                         certificate_exists, NULL, &error);
  g_assert ((import == NULL) != (error == NULL));
  if (error != NULL)
    {
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  for (guint i = 0; i < import->certificates->len; i++)
    {
      DojangImportedCertificate *certificate = &g_array_index (import->certificates,
                                                               DojangImportedCertificate, i);
      assert_text (certificate->subject);
      assert_text (certificate->name);
      assert_text (certificate->path);
    }
  for (guint i = 0; i < import->manual_entries->len; i++)
    {
      DojangImportedManualEntry *entry = &g_array_index (import->manual_entries,
                                                         DojangImportedManualEntry, i);
      assert_text (entry->name);
      assert_text (entry->type_name);
    }

  return 0;
}
