/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "dojang-system-info.h"

static const char debian_os_release[] =
  "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
  "NAME=\"Debian GNU/Linux\"\n"
  "VERSION_ID=\"12\"\n"
  "VERSION=\"12 (bookworm)\"\n"
  "ID=debian\n";

static void
test_parse_quoting (void)
{
  static const char contents[] =
    "# a comment\n"
    "ID=fedora\n"
    "NAME='Single Quoted'\n"
    "VARIANT=\"Say \\\"hi\\\" \\\\ \\$HOME\"\n"
    "EMPTY=\"\"\n"
    "  INDENTED=yes  \n"
    "ID_LIKE=rhel\n";
  g_autofree char *id = dojang_system_info_parse_os_release (contents, "ID");
  g_autofree char *name = dojang_system_info_parse_os_release (contents, "NAME");
  g_autofree char *variant = dojang_system_info_parse_os_release (contents, "VARIANT");
  g_autofree char *empty = dojang_system_info_parse_os_release (contents, "EMPTY");
  g_autofree char *indented = dojang_system_info_parse_os_release (contents, "INDENTED");
  g_autofree char *missing = dojang_system_info_parse_os_release (contents, "VERSION");

  g_assert_cmpstr (id, ==, "fedora");
  g_assert_cmpstr (name, ==, "Single Quoted");
  g_assert_cmpstr (variant, ==, "Say \"hi\" \\ $HOME");
  g_assert_null (empty);
  g_assert_cmpstr (indented, ==, "yes");
  g_assert_null (missing);
  g_assert_null (dojang_system_info_parse_os_release (NULL, "ID"));
}

static void
test_describe (void)
{
  g_autofree char *debian = dojang_system_info_describe_os (debian_os_release);
  g_autofree char *no_pretty = dojang_system_info_describe_os ("NAME=Arch\nVERSION_ID=rolling\n");
  g_autofree char *with_version = dojang_system_info_describe_os ("NAME=\"Ubuntu\"\nVERSION=\"24.04 LTS\"\nVERSION_ID=24.04\n");
  g_autofree char *name_only = dojang_system_info_describe_os ("NAME=Gentoo\n");

  g_assert_cmpstr (debian, ==, "Debian GNU/Linux 12 (bookworm)");
  g_assert_cmpstr (no_pretty, ==, "Arch rolling");
  g_assert_cmpstr (with_version, ==, "Ubuntu 24.04 LTS");
  g_assert_cmpstr (name_only, ==, "Gentoo");
  g_assert_null (dojang_system_info_describe_os ("ID=unknown\n"));
}

static void
test_running_system (void)
{
  g_autofree char *os = dojang_system_info_get_os_text ();
  g_autofree char *device = NULL;
  g_autofree char *contents = NULL;

  g_assert_nonnull (os);
  g_assert_cmpstr (os, !=, "");

  /* Outside a sandbox the text is what this machine's os-release says. */
  if (!g_file_test ("/run/host/os-release", G_FILE_TEST_EXISTS) &&
      (g_file_get_contents ("/etc/os-release", &contents, NULL, NULL) ||
       g_file_get_contents ("/usr/lib/os-release", &contents, NULL, NULL)))
    {
      g_autofree char *expected = dojang_system_info_describe_os (contents);

      if (expected != NULL)
        g_assert_cmpstr (os, ==, expected);
    }

  g_setenv ("XDG_CURRENT_DESKTOP", "ubuntu:GNOME", TRUE);
  device = dojang_system_info_get_device_text ();
  g_assert_true (g_str_has_prefix (device, "PC"));
  g_assert_true (g_str_has_suffix (device, ", GNOME"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dojang/system-info/parse-quoting", test_parse_quoting);
  g_test_add_func ("/dojang/system-info/describe", test_describe);
  g_test_add_func ("/dojang/system-info/running-system", test_running_system);

  return g_test_run ();
}
