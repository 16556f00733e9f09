/* SPDX-License-Identifier: GPL-3.0-or-later */

/* `dojang --list-certificates [--json] [--path DIR]… [--at INSTANT]`: scans
 * like the app does and prints what it found. Needs no display and no
 * installed GSettings schema. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "dojang-certificate-format.h"
#include "dojang-certificate-scanner.h"
#include "dojang-cli-certificates.h"
#include "dojang-clock.h"
#include "dojang-seoul.h"

static char *
format_utc (GDateTime *instant)
{
  return g_date_time_format (instant, "%Y-%m-%dT%H:%M:%SZ");
}

/* The Seoul calendar day "days_left" counts to, as YYYY-MM-DD. */
static char *
expiry_date_iso (GDateTime *not_after)
{
  GDate date;

  dojang_seoul_get_expiry_date (not_after, &date);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* File names need not be UTF-8, which JSON and the terminal need (the
 * terminal also gets control characters escaped, by the print handler). */
static char *
path_text (const char *path)
{
  return g_filename_display_name (path);
}

static void
add_certificate (JsonBuilder       *builder,
                 DojangCertificate *certificate,
                 GDateTime         *now)
{
  g_autofree char *not_before = format_utc (dojang_certificate_get_not_before (certificate));
  g_autofree char *not_after = format_utc (dojang_certificate_get_not_after (certificate));
  g_autofree char *expiry_date = expiry_date_iso (dojang_certificate_get_not_after (certificate));
  g_autofree char *path = path_text (dojang_certificate_get_path (certificate));
  DojangCertificateStatus status = dojang_certificate_get_status (certificate, now);
  int fee = dojang_certificate_get_annual_fee_krw (certificate);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, dojang_certificate_get_subject (certificate));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, dojang_certificate_get_name (certificate));
  json_builder_set_member_name (builder, "ca");
  json_builder_add_string_value (builder, dojang_certificate_get_provider_id (certificate));
  /* The name every page shows, in the active language; "ca" stays the id. */
  json_builder_set_member_name (builder, "ca_name");
  json_builder_add_string_value (builder, dojang_certificate_get_provider_name (certificate));
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, dojang_certificate_get_type_name (certificate));
  json_builder_set_member_name (builder, "policy_oid");
  if (dojang_certificate_get_policy_oid (certificate) != NULL)
    json_builder_add_string_value (builder, dojang_certificate_get_policy_oid (certificate));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "serial");
  json_builder_add_string_value (builder, dojang_certificate_get_serial (certificate));
  json_builder_set_member_name (builder, "not_before");
  json_builder_add_string_value (builder, not_before);
  json_builder_set_member_name (builder, "not_after");
  json_builder_add_string_value (builder, not_after);
  json_builder_set_member_name (builder, "expiry_date");
  json_builder_add_string_value (builder, expiry_date);
  json_builder_set_member_name (builder, "days_left");
  json_builder_add_int_value (builder, dojang_certificate_get_days_left (certificate, now));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, dojang_certificate_status_to_string (status));
  json_builder_set_member_name (builder, "annual_fee_krw");
  if (fee >= 0)
    json_builder_add_int_value (builder, fee);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "has_private_key");
  json_builder_add_boolean_value (builder, dojang_certificate_get_has_private_key (certificate));
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, dojang_certificate_get_sha256 (certificate));
  json_builder_end_object (builder);
}

static void
print_json (GPtrArray *certificates,
            GPtrArray *problems,
            GDateTime *now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "certificates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < certificates->len; i++)
    add_certificate (builder, g_ptr_array_index (certificates, i), now);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      DojangScanProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *path = path_text (dojang_scan_problem_get_path (problem));
      g_autofree char *message = g_utf8_make_valid (dojang_scan_problem_get_message (problem), -1);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, path);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static const char *
status_text (DojangCertificateStatus status)
{
  switch (status)
    {
    case DOJANG_CERTIFICATE_STATUS_VALID:
      return _("valid");
    case DOJANG_CERTIFICATE_STATUS_EXPIRING:
      /* TRANSLATORS: a state, as the badge says it ("갱신 가능"), not a command */
      return _("renewable");
    case DOJANG_CERTIFICATE_STATUS_EXPIRED:
      return _("expired");
    case DOJANG_CERTIFICATE_STATUS_UNUSABLE:
      return _("unusable: no private key");
    case DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID:
    default:
      return _("not yet valid");
    }
}

static void
print_text (const char * const *roots,
            GPtrArray          *certificates,
            GPtrArray          *problems,
            GDateTime          *now)
{
  if (certificates->len == 0)
    {
      g_print ("%s\n", _("No certificates found. Looked in:"));
      for (guint i = 0; roots[i] != NULL; i++)
        {
          g_autofree char *root = path_text (roots[i]);

          g_print ("  %s\n", root);
        }
    }

  for (guint i = 0; i < certificates->len; i++)
    {
      DojangCertificate *certificate = g_ptr_array_index (certificates, i);
      DojangCertificateStatus status = dojang_certificate_get_status (certificate, now);
      g_autofree char *until = dojang_seoul_format_expiry_date (dojang_certificate_get_not_after (certificate));
      g_autofree char *path = path_text (dojang_certificate_get_path (certificate));

      if (status == DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID)
        {
          /* Before its first day a "D-N" would count to an expiry a year
           * away: say when it starts instead, as the window does. */
          g_autofree char *from = dojang_seoul_format_date (dojang_certificate_get_not_before (certificate));

          /* TRANSLATORS: name, CA, type, first valid date, expiry date */
          g_print (_("%s — %s, %s — not yet valid, valid from %s (until %s)\n"),
                   dojang_certificate_get_name (certificate),
                   dojang_certificate_get_provider_name (certificate),
                   dojang_certificate_get_type_name (certificate),
                   from,
                   until);
        }
      else
        {
          g_autofree char *days = dojang_format_days_left (dojang_certificate_get_days_left (certificate, now));

          /* TRANSLATORS: name, CA, type, status, days left (D-23, D-Day, D+5), expiry date */
          g_print (_("%s — %s, %s — %s, %s (until %s)\n"),
                   dojang_certificate_get_name (certificate),
                   dojang_certificate_get_provider_name (certificate),
                   dojang_certificate_get_type_name (certificate),
                   status_text (status),
                   days,
                   until);
        }
      g_print ("  %s\n", path);
    }

  if (problems->len > 0)
    g_print ("\n%s\n", _("Problems:"));
  for (guint i = 0; i < problems->len; i++)
    {
      DojangScanProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *path = path_text (dojang_scan_problem_get_path (problem));

      g_print ("  %s\n    %s\n", path, dojang_scan_problem_get_message (problem));
    }
}

/**
 * dojang_cli_check_folders:
 * @paths: the folders given with --path
 *
 * A folder asked for by name must be there: an empty result would read as
 * "no certificates". Prints what is wrong.
 *
 * Returns: %TRUE if every one is a folder
 */
gboolean
dojang_cli_check_folders (const char * const *paths)
{
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *shown = path_text (paths[i]);

      if (!g_file_test (paths[i], G_FILE_TEST_EXISTS))
        {
          /* TRANSLATORS: a folder given with --path; its name follows */
          g_printerr ("dojang: %s\n  %s\n", _("no such folder"), shown);
          return FALSE;
        }
      if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          /* TRANSLATORS: a file given with --path; its name follows */
          g_printerr ("dojang: %s\n  %s\n", _("not a folder"), shown);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * dojang_cli_certificates_list:
 * @options: the parsed command line (list-certificates, json, path); the
 *   application has already pinned the clock to --at
 *
 * Returns: the exit status: 0, or 1 when the command line is wrong
 */
int
dojang_cli_certificates_list (GVariantDict *options)
{
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GDateTime) now = dojang_clock_get_now ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) roots = NULL;
  g_autofree const char **paths = NULL;

  if (g_variant_dict_lookup (options, "path", "^a&ay", &paths) && paths[0] != NULL)
    {
      if (!dojang_cli_check_folders (paths))
        return 1;
      roots = g_strdupv ((char **) paths);
    }
  else
    {
      roots = dojang_certificate_scanner_configured_roots ();
    }

  if (!dojang_certificate_scan_sync ((const char * const *) roots, NULL, &certificates, &problems, &error))
    {
      g_printerr ("dojang: %s\n", error->message);
      return 1;
    }

  if (g_variant_dict_contains (options, "json"))
    print_json (certificates, problems, now);
  else
    print_text ((const char * const *) roots, certificates, problems, now);

  return 0;
}
