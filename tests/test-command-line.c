/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The launcher's choice between the command-line and the window program
 * agrees with the option table both programs parse, and the dispatch leaves
 * to the window what is the window's. */

#include "test-common.h"

#include "dojang-command-line.h"
#include "dojang-launch.h"

/* The options that are not a command-line mode of their own. */
static const char * const window_options[] = { "json", "at", "path", "to", "renew", NULL };

/* Every mode in the table is one the launcher sends to the command-line
 * program, in both spellings; nothing else is. */
static void
test_launcher_knows_every_mode (void)
{
  guint modes = 0;

  for (const GOptionEntry *entry = dojang_command_line_get_entries (); entry->long_name != NULL; entry++)
    {
      gboolean is_mode;
      g_autofree char *plain = NULL;
      g_autofree char *with_value = NULL;

      if (*entry->long_name == '\0')
        continue;

      is_mode = !g_strv_contains (window_options, entry->long_name);
      plain = g_strconcat ("--", entry->long_name, NULL);
      with_value = g_strconcat ("--", entry->long_name, "=x", NULL);
      g_test_message ("%s", plain);
      g_assert_cmpint (dojang_launch_is_command_line_option (plain), ==, is_mode);
      g_assert_cmpint (dojang_launch_is_command_line_option (with_value), ==, is_mode);
      modes += is_mode;
    }

  g_assert_cmpuint (modes, ==, 13);
}

static const char *
choose (const char *first,
        ...)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (words, (char *) "dojang");
  va_start (args, first);
  for (const char *word = first; word != NULL; word = va_arg (args, const char *))
    g_ptr_array_add (words, (char *) word);
  va_end (args);
  g_ptr_array_add (words, NULL);

  return dojang_launch_choose_program ((int) words->len - 1, (char **) words->pdata);
}

static void
test_choose_program (void)
{
  g_assert_cmpstr (choose (NULL), ==, DOJANG_WINDOW_PROGRAM);
  g_assert_cmpstr (choose ("--gapplication-service", NULL), ==, DOJANG_WINDOW_PROGRAM);
  g_assert_cmpstr (choose ("--renew", "/tmp/signCert.der", NULL), ==, DOJANG_WINDOW_PROGRAM);
  g_assert_cmpstr (choose ("--at", "2026-09-25", "--path", "/media/usb", NULL), ==, DOJANG_WINDOW_PROGRAM);
  g_assert_cmpstr (choose ("--no-such-option", NULL), ==, DOJANG_WINDOW_PROGRAM);
  /* Not a prefix match, as GOption. */
  g_assert_cmpstr (choose ("--versions", NULL), ==, DOJANG_WINDOW_PROGRAM);
  g_assert_cmpstr (choose ("--check", NULL), ==, DOJANG_WINDOW_PROGRAM);
  /* After "--" come file names. */
  g_assert_cmpstr (choose ("--", "--version", NULL), ==, DOJANG_WINDOW_PROGRAM);

  g_assert_cmpstr (choose ("--version", NULL), ==, DOJANG_CLI_PROGRAM);
  g_assert_cmpstr (choose ("--at=2026-09-25", "--check-reminders", NULL), ==, DOJANG_CLI_PROGRAM);
  g_assert_cmpstr (choose ("--json", "--list-certificates", NULL), ==, DOJANG_CLI_PROGRAM);
  g_assert_cmpstr (choose ("--import-reminders=backup.json", NULL), ==, DOJANG_CLI_PROGRAM);
  g_assert_cmpstr (choose ("--export-pfx", "CERT", "out.pfx", NULL), ==, DOJANG_CLI_PROGRAM);
  /* A mode wins over --renew in both programs. */
  g_assert_cmpstr (choose ("--renew", "CERT", "--renewal-plan", "CERT", NULL), ==, DOJANG_CLI_PROGRAM);
  g_assert_cmpstr (choose ("-h", NULL), ==, DOJANG_CLI_PROGRAM);
  g_assert_cmpstr (choose ("-?", NULL), ==, DOJANG_CLI_PROGRAM);
  g_assert_cmpstr (choose ("--help", NULL), ==, DOJANG_CLI_PROGRAM);
  g_assert_cmpstr (choose ("--help-all", NULL), ==, DOJANG_CLI_PROGRAM);
  g_assert_cmpstr (choose ("--help-gapplication", NULL), ==, DOJANG_CLI_PROGRAM);
}

/* No mode, --renew or only modifiers: -1, the window's; a bad --at is an
 * error for the window too. */
static void
test_run_leaves_the_window (void)
{
  g_autoptr(GVariantDict) none = g_variant_dict_new (NULL);
  g_autoptr(GVariantDict) renew = g_variant_dict_new (NULL);
  g_autoptr(GVariantDict) bad_at = g_variant_dict_new (NULL);

  g_assert_cmpint (dojang_command_line_run (none), ==, -1);

  g_variant_dict_insert (renew, "renew", "^ay", "/nonexistent/signCert.der");
  g_variant_dict_insert (renew, "at", "s", "2026-09-25");
  g_assert_cmpint (dojang_command_line_run (renew), ==, -1);

  g_variant_dict_insert (bad_at, "at", "s", "next tuesday");
  if (g_test_subprocess ())
    {
      exit (dojang_command_line_run (bad_at));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*invalid --at value*");
}

int
main (int   argc,
      char *argv[])
{
  dojang_test_init (&argc, &argv);

  g_test_add_func ("/dojang/command-line/launcher-knows-every-mode", test_launcher_knows_every_mode);
  g_test_add_func ("/dojang/command-line/choose-program", test_choose_program);
  g_test_add_func ("/dojang/command-line/run-leaves-the-window", test_run_leaves_the_window);

  return g_test_run ();
}
