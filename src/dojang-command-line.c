/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Dojang's options and its command-line modes, in one place for both
 * programs: the GTK-free command-line program (dojang-cli-main.c) and the
 * window program (dojang-application.c) parse the same options, list them
 * all in --help and run every mode through the same code. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dojang-cli-certificate-tools.h"
#include "dojang-cli-certificates.h"
#include "dojang-cli-password.h"
#include "dojang-cli-providers.h"
#include "dojang-cli-reminders.h"
#include "dojang-cli-renewal.h"
#include "dojang-clock.h"
#include "dojang-command-line.h"
#include "dojang-seoul.h"
#include "dojang-terminal.h"

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { "check-password", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a certificate’s password, read from standard input, and exit"),
    N_("DIR_OR_KEYFILE") },
  { "list-providers", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List the certificate authorities and whether their phone lines are open, then exit"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print machine-readable JSON"), NULL },
  { "at", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Take this instant as “now”: YYYY-MM-DD (00:00 in Seoul), YYYY-MM-DDTHH:MM[:SS] (Seoul time), "
       "or that followed by Z or an offset such as +09:00; years 0001 to 9999"),
    N_("INSTANT") },
  { "list-certificates", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List the certificates found and exit"), NULL },
  { "path", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, N_("Look for certificates in DIR instead of the usual places (repeatable)"), N_("DIR") },
  { "check-reminders", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Scan, show the certificate reminders that are due as notifications, and exit"), NULL },
  { "import-reminders", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Import reminders and manual entries from a JSON FILE and exit"), N_("FILE") },
  { "export-reminders", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Export reminders and manual entries to a JSON FILE (- for the output) and exit"), N_("FILE") },
  { "renew", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the renewal assistant on CERT: a signCert.der, its folder or its SHA-256 fingerprint"), N_("CERT") },
  { "renewal-plan", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Print whether and where CERT can be renewed, its fee and new expiry, and exit"), N_("CERT") },
  { "copy-certificate", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Copy a certificate (its signCert.der, folder or SHA-256) to the NPKI folder under --to ROOT, such as a USB stick, and exit"),
    N_("CERT") },
  { "to", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("The folder to copy or import into"), N_("ROOT") },
  { "export-pfx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export a certificate and its key as a .pfx FILE protected by its password, read from standard input, and exit"),
    N_("CERT FILE") },
  { "import-pfx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import a .pfx or .p12 FILE into ~/NPKI (or under --to ROOT), its password read from standard input, and exit"),
    N_("FILE") },
  { "change-password", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Change a certificate’s password, the old and the new one read from standard input, and exit"),
    N_("CERT") },
  { "delete-certificate", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Move a certificate’s folder to the trash and exit"),
    N_("CERT") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

/**
 * dojang_command_line_add_options:
 *
 * Gives @app Dojang's options and the summary --help shows above them.
 */
void
dojang_command_line_add_options (GApplication *app)
{
  g_application_add_main_option_entries (app, option_entries);
  g_application_set_option_context_summary (app, _("Find, check and renew your joint certificates (공동인증서)."));
}

/**
 * dojang_command_line_get_entries:
 *
 * Returns: (transfer none): the option table, ending with an empty entry
 */
const GOptionEntry *
dojang_command_line_get_entries (void)
{
  return option_entries;
}

/**
 * dojang_command_line_run:
 * @options: the parsed options
 *
 * Runs the command-line mode @options ask for. --at pins the clock first,
 * for every command and for the window.
 *
 * Returns: the exit status, or -1 when @options hold no command-line mode
 *   (the window, --renew)
 */
int
dojang_command_line_run (GVariantDict *options)
{
  const char *check_password_path = NULL;
  const char *at = NULL;

  dojang_terminal_print_safely ();

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "dojang", PACKAGE_VERSION);
      return 0;
    }

  /* One parser for every command: --at pins the clock for all of them. */
  if (g_variant_dict_lookup (options, "at", "&s", &at))
    {
      g_autoptr(GDateTime) instant = NULL;
      g_autoptr(GError) error = NULL;

      instant = dojang_seoul_parse_instant (at, &error);
      if (instant == NULL)
        {
          /* TRANSLATORS: %s explains what is wrong and lists the accepted forms */
          g_printerr (_("dojang: invalid --at value: %s\n"), error->message);
          return 1;
        }
      dojang_clock_pin (instant);
    }

  if (g_variant_dict_lookup (options, "check-password", "^&ay", &check_password_path))
    return dojang_cli_check_password (check_password_path);

  /* Only --export-pfx takes a second word. */
  if (g_variant_dict_contains (options, G_OPTION_REMAINING) && !g_variant_dict_contains (options, "export-pfx"))
    {
      g_printerr ("%s\n", _("Dojang takes no file names; see --help for the options."));
      return 1;
    }

  if (g_variant_dict_contains (options, "copy-certificate"))
    return dojang_cli_certificates_copy (options);
  if (g_variant_dict_contains (options, "export-pfx"))
    return dojang_cli_certificates_export_pfx (options);
  if (g_variant_dict_contains (options, "import-pfx"))
    return dojang_cli_certificates_import_pfx (options);
  if (g_variant_dict_contains (options, "change-password"))
    return dojang_cli_certificates_change_password (options);
  if (g_variant_dict_contains (options, "delete-certificate"))
    {
      g_autofree char *retired = NULL;
      int status = dojang_cli_certificates_delete (options, &retired);

      if (retired != NULL)
        dojang_cli_reminders_retire (retired);
      return status;
    }

  if (g_variant_dict_contains (options, "list-providers"))
    return dojang_cli_providers_run (options);
  if (g_variant_dict_contains (options, "list-certificates"))
    return dojang_cli_certificates_list (options);
  if (g_variant_dict_contains (options, "renewal-plan"))
    return dojang_cli_renewal_plan (options);

  if (g_variant_dict_contains (options, "import-reminders"))
    return dojang_cli_reminders_import (options);
  if (g_variant_dict_contains (options, "export-reminders"))
    return dojang_cli_reminders_export (options);
  if (g_variant_dict_contains (options, "check-reminders"))
    return dojang_cli_reminders_check (options);

  return -1;
}
