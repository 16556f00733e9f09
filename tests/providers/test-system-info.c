/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

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
    "ID_LIKE=rhel\n"
    "JOINED=\"Fedora\"' Linux'\n"
    "UNCLOSED=\"Fedora\n";
  g_autofree char *id = dojang_system_info_parse_os_release (contents, "ID");
  g_autofree char *name = dojang_system_info_parse_os_release (contents, "NAME");
  g_autofree char *variant = dojang_system_info_parse_os_release (contents, "VARIANT");
  g_autofree char *empty = dojang_system_info_parse_os_release (contents, "EMPTY");
  g_autofree char *indented = dojang_system_info_parse_os_release (contents, "INDENTED");
  g_autofree char *missing = dojang_system_info_parse_os_release (contents, "VERSION");
  g_autofree char *joined = dojang_system_info_parse_os_release (contents, "JOINED");
  g_autofree char *unclosed = dojang_system_info_parse_os_release (contents, "UNCLOSED");

  g_assert_cmpstr (id, ==, "fedora");
  g_assert_cmpstr (name, ==, "Single Quoted");
  g_assert_cmpstr (variant, ==, "Say \"hi\" \\ $HOME");
  g_assert_null (empty);
  g_assert_cmpstr (indented, ==, "yes");
  g_assert_null (missing);
  /* Shell rules: adjacent quoted parts join; an unclosed quote stays as written. */
  g_assert_cmpstr (joined, ==, "Fedora Linux");
  g_assert_cmpstr (unclosed, ==, "\"Fedora");
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

static char *
write_os_release (const char *folder,
                  const char *name,
                  const char *contents)
{
  char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* Inside a sandbox the host's os-release names the system, quoting and
 * all; one that names nothing, or none at all, falls back to this system. */
static void
test_host_os_release (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("dojang-os-release-XXXXXX", &error);
  g_autofree char *pretty = NULL;
  g_autofree char *versioned = NULL;
  g_autofree char *nameless = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *pretty_text = NULL;
  g_autofree char *versioned_text = NULL;
  g_autofree char *nameless_text = NULL;
  g_autofree char *missing_text = NULL;

  g_assert_no_error (error);
  pretty = write_os_release (folder, "pretty",
                             "NAME=Fixture\n"
                             "PRETTY_NAME=\"Fixture OS 7 \\\"R&D\\\" ($EDITION)\"\n");
  versioned = write_os_release (folder, "versioned",
                                "ID=fixture\nNAME='Fixture Linux'\nVERSION_ID=7.1\n");
  nameless = write_os_release (folder, "nameless", "ID=fixture\n");
  missing = g_build_filename (folder, "no-such-file", NULL);

  pretty_text = dojang_system_info_get_os_text_with_host (pretty);
  versioned_text = dojang_system_info_get_os_text_with_host (versioned);
  nameless_text = dojang_system_info_get_os_text_with_host (nameless);
  missing_text = dojang_system_info_get_os_text_with_host (missing);

  g_assert_cmpstr (pretty_text, ==, "Fixture OS 7 \"R&D\" ($EDITION)");
  g_assert_cmpstr (versioned_text, ==, "Fixture Linux 7.1");
  /* This machine's own name, whatever it is: never empty, never the fixture's. */
  g_assert_nonnull (nameless_text);
  g_assert_cmpstr (nameless_text, !=, "");
  g_assert_null (strstr (nameless_text, "Fixture"));
  g_assert_cmpstr (missing_text, ==, nameless_text);

  g_unlink (pretty);
  g_unlink (versioned);
  g_unlink (nameless);
  g_rmdir (folder);
}

static void
test_device (void)
{
  g_autofree char *device = NULL;

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
  g_test_add_func ("/dojang/system-info/host-os-release", test_host_os_release);
  g_test_add_func ("/dojang/system-info/device", test_device);

  return g_test_run ();
}
