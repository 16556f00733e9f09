/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Dojang's settings only when its schema is installed: the build tree's
 * schema is (the test environment points at it), an empty system is not. */

#include "config.h"

#include <glib/gstdio.h>

#include "dojang-settings.h"

static void
test_installed (void)
{
  g_autoptr(GSettings) any = dojang_settings_new_if_installed (NULL);
  g_autoptr(GSettings) folders = dojang_settings_new_if_installed ("certificate-folders");
  g_autoptr(GSettings) unknown = dojang_settings_new_if_installed ("no-such-key");
  g_autofree char *schema_id = NULL;

  g_assert_nonnull (any);
  g_object_get (any, "schema-id", &schema_id, NULL);
  g_assert_cmpstr (schema_id, ==, APP_ID);
  g_assert_nonnull (folders);
  /* A schema without the key the caller reads counts as missing. */
  g_assert_null (unknown);
}

static void
test_not_installed (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *empty = g_dir_make_tmp ("dojang-no-schemas-XXXXXX", &error);

      g_assert_no_error (error);
      /* Before GIO first looks: no schema anywhere. */
      g_setenv ("GSETTINGS_SCHEMA_DIR", empty, TRUE);
      g_setenv ("XDG_DATA_DIRS", empty, TRUE);
      g_setenv ("XDG_DATA_HOME", empty, TRUE);
      g_assert_null (dojang_settings_new_if_installed (NULL));
      g_assert_null (dojang_settings_new_if_installed ("certificate-folders"));
      g_rmdir (empty);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dojang/settings/installed", test_installed);
  g_test_add_func ("/dojang/settings/not-installed", test_not_installed);

  return g_test_run ();
}
