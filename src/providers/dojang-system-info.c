/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The facts about this computer a help desk asks for: the operating system
 * and the kind of device. */

#include "config.h"

#include <string.h>
#include <sys/utsname.h>

#include "dojang-system-info.h"

/* Inside a Flatpak sandbox /etc/os-release describes the runtime; the host's
 * copy is mounted here. */
#define HOST_OS_RELEASE "/run/host/os-release"

/* os-release(5) values are shell assignments: in single or double quotes,
 * with the shell's backslash escapes inside double quotes. A value the
 * shell could not read (an unclosed quote) is shown as written. */
static char *
unquote_value (const char *raw)
{
  g_autofree char *value = g_strstrip (g_strdup (raw));
  char *unquoted = g_shell_unquote (value, NULL);

  return unquoted != NULL ? unquoted : g_steal_pointer (&value);
}

/**
 * dojang_system_info_parse_os_release:
 * @contents: the text of an os-release file
 * @key: a key such as "PRETTY_NAME"
 *
 * Returns: (transfer full) (nullable): the unquoted value, or %NULL when the
 *   key is missing or empty
 */
char *
dojang_system_info_parse_os_release (const char *contents,
                                     const char *key)
{
  g_auto(GStrv) lines = NULL;
  gsize key_len;

  g_return_val_if_fail (key != NULL, NULL);

  if (contents == NULL)
    return NULL;

  key_len = strlen (key);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *value = NULL;

      while (g_ascii_isspace (*line))
        line++;
      if (strncmp (line, key, key_len) != 0 || line[key_len] != '=')
        continue;

      value = unquote_value (line + key_len + 1);
      if (*value == '\0')
        return NULL;
      return g_steal_pointer (&value);
    }

  return NULL;
}

/**
 * dojang_system_info_describe_os:
 * @os_release_contents: the text of an os-release file
 *
 * Prefers PRETTY_NAME, then NAME with VERSION (or VERSION_ID).
 *
 * Returns: (transfer full) (nullable): a one-line name, %NULL if the file
 *   names nothing
 */
char *
dojang_system_info_describe_os (const char *os_release_contents)
{
  g_autofree char *pretty = dojang_system_info_parse_os_release (os_release_contents, "PRETTY_NAME");
  g_autofree char *name = NULL;
  g_autofree char *version = NULL;

  if (pretty != NULL)
    return g_steal_pointer (&pretty);

  name = dojang_system_info_parse_os_release (os_release_contents, "NAME");
  version = dojang_system_info_parse_os_release (os_release_contents, "VERSION");
  if (version == NULL)
    version = dojang_system_info_parse_os_release (os_release_contents, "VERSION_ID");

  if (name == NULL)
    return NULL;
  if (version == NULL)
    return g_steal_pointer (&name);

  return g_strdup_printf ("%s %s", name, version);
}

/**
 * dojang_system_info_get_os_text:
 *
 * Returns: (transfer full): the running operating system, e.g.
 *   "Debian GNU/Linux 12 (bookworm)"
 */
char *
dojang_system_info_get_os_text (void)
{
  return dojang_system_info_get_os_text_with_host (HOST_OS_RELEASE);
}

/**
 * dojang_system_info_get_os_text_with_host:
 * @host_os_release: where the host's os-release would be mounted in a sandbox
 *
 * The host's file wins when it names a system; otherwise GLib's reading of
 * this system's os-release is used.
 *
 * Returns: (transfer full): the operating system's name
 */
char *
dojang_system_info_get_os_text_with_host (const char *host_os_release)
{
  g_autofree char *host_contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *version = NULL;
  char *described;

  g_return_val_if_fail (host_os_release != NULL, NULL);

  if (g_file_get_contents (host_os_release, &host_contents, NULL, NULL))
    {
      described = dojang_system_info_describe_os (host_contents);
      if (described != NULL)
        return described;
    }

  described = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);
  if (described != NULL && *described != '\0')
    return described;
  g_free (described);

  name = g_get_os_info (G_OS_INFO_KEY_NAME);
  version = g_get_os_info (G_OS_INFO_KEY_VERSION);
  if (name != NULL && version != NULL)
    return g_strdup_printf ("%s %s", name, version);
  if (name != NULL)
    return g_steal_pointer (&name);

  return g_strdup ("Linux");
}

/**
 * dojang_system_info_get_device_text:
 *
 * Language-neutral on purpose: the text ends up in a Korean inquiry even
 * when the UI is English.
 *
 * Returns: (transfer full): e.g. "PC (x86_64), GNOME"
 */
char *
dojang_system_info_get_device_text (void)
{
  const char *desktops = g_getenv ("XDG_CURRENT_DESKTOP");
  g_autofree char *desktop = NULL;
  struct utsname uts;
  GString *text = g_string_new ("PC");

  if (uname (&uts) == 0 && uts.machine[0] != '\0')
    g_string_append_printf (text, " (%s)", uts.machine);

  /* XDG_CURRENT_DESKTOP is a list such as "ubuntu:GNOME": the last entry is
   * the generic desktop name. */
  if (desktops != NULL && *desktops != '\0')
    {
      const char *last = strrchr (desktops, ':');

      desktop = g_strdup (last != NULL ? last + 1 : desktops);
      if (*desktop != '\0')
        g_string_append_printf (text, ", %s", desktop);
    }

  return g_string_free (text, FALSE);
}
