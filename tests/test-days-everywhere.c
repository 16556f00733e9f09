/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One certificate, one D-N, one date: the Certificates page (rows and
 * details) and the Reminders page (certificate rows and an entry made by
 * hand for the same day) show what tests/fixtures/make-npki-tree.py computes
 * in Korean calendar days. The clock is pinned by DOJANG_NOW to 23:30 in
 * Seoul and the machine is in Los Angeles, so neither 24-hour spans nor the
 * machine's calendar give these answers. The commands and the notifications
 * are checked against the same fixture in test-cli-certificates.py and
 * test-notifications.py. */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dojang-certificate-details.h"
#include "dojang-certificate-row.h"
#include "dojang-certificates-page.h"
#include "dojang-clock.h"
#include "dojang-reminder-row.h"
#include "dojang-reminder-scan.h"
#include "dojang-reminders-page.h"
#include "dojang-test-pages.h"
#include "dojang-test-ui.h"


#define AT "2026-03-01T23:30:00+09:00"

static char *tree;
static JsonObject *expected;

/* "Sun, 6 Dec 2026" for "2026-12-06": how the app writes a date in English,
 * spelled out here independently of the app's code. */
static char *
english_date (const char *iso)
{
  static const char *weekdays[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  unsigned year, month, day;
  GDate date;

  g_assert_cmpint (sscanf (iso, "%u-%u-%u", &year, &month, &day), ==, 3);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_strdup_printf ("%s, %u %s %u", weekdays[g_date_get_weekday (&date) - 1], day, months[month - 1], year);
}

static char *
d_n (gint64 days_left)
{
  if (days_left > 0)
    return g_strdup_printf ("D-%" G_GINT64_FORMAT, days_left);
  if (days_left == 0)
    return g_strdup ("D-Day");
  return g_strdup_printf ("D+%" G_GINT64_FORMAT, -days_left);
}

static void
test_clock_is_pinned (void)
{
  g_autoptr(GDateTime) now = dojang_clock_get_now ();
  g_autoptr(GDateTime) pinned = g_date_time_new_from_iso8601 (AT, NULL);
  GTimeSpan since = g_date_time_difference (now, pinned);

  g_assert_cmpint (since, >=, 0);
  g_assert_cmpint (since, <, 10 * G_TIME_SPAN_MINUTE);
}

static void
test_certificates_page (void)
{
  JsonArray *certificates = json_object_get_array_member (expected, "certificates");
  JsonArray *roots = json_object_get_array_member (expected, "roots");
  const char *folders[] = {
    json_array_get_string_element (roots, 0),
    json_array_get_string_element (roots, 1),
    NULL,
  };
  g_autoptr(DojangCertificateList) list = dojang_certificate_list_new_for_roots (folders);
  GtkWidget *page = g_object_new (DOJANG_TYPE_CERTIFICATES_PAGE, "list", list, NULL);
  GtkWidget *window = dojang_test_show_page (page);
  guint checked = 0;

  dojang_test_wait_list_loaded (list);

  for (guint i = 0; i < json_array_get_length (certificates); i++)
    {
      JsonObject *want = json_array_get_object_element (certificates, i);
      const char *sha256 = json_object_get_string_member (want, "sha256");
      g_autofree char *date = english_date (json_object_get_string_member (want, "expiry_date"));
      /* Before its first day a certificate counts down to that day. */
      gboolean not_yet_valid = g_strcmp0 (json_object_get_string_member (want, "status"), "not_yet_valid") == 0;
      g_autofree char *days = not_yet_valid
        ? g_strdup_printf ("In %" G_GINT64_FORMAT " days", json_object_get_int_member (want, "days_until_valid"))
        : d_n (json_object_get_int_member (want, "days_left"));
      g_auto(GStrv) subtitle = NULL;
      g_autofree char *until = g_strconcat ("until ", date, NULL);
      g_autofree char *validity = g_strconcat (" – ", date, "\n", NULL);
      g_autofree char *first_line = g_strconcat (", ", days, "\n", NULL);
      DojangCertificateRow *row = dojang_test_wait_certificate_row (page, sha256);
      GtkWidget *details;
      GtkWidget *expiry;
      g_autofree char *text = NULL;
      g_autofree char *spelled = NULL;
      gint64 days_left;

      g_test_message ("%s: %s, %s", json_object_get_string_member (want, "name"), days, date);

      /* The row. */
      g_assert_nonnull (row);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dojang_test_template_child (GTK_WIDGET (row), DOJANG_TYPE_CERTIFICATE_ROW,
                                                                      "days_label"))), ==, days);
      /* The first line ends with the expiry date; where it lives follows. */
      subtitle = g_strsplit (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "\n", -1);
      g_assert_true (g_str_has_suffix (subtitle[0], until));

      /* Its details. */
      dojang_certificates_page_show_certificate (DOJANG_CERTIFICATES_PAGE (page), sha256);
      /* Built the first time a certificate is opened. */
      details = dojang_test_certificate_details (page);
      text = dojang_certificate_details_to_text (DOJANG_CERTIFICATE_DETAILS (details));
      g_assert_nonnull (strstr (text, first_line));
      g_assert_nonnull (strstr (text, validity));
      expiry = dojang_test_template_child (details, DOJANG_TYPE_CERTIFICATE_DETAILS, "expiry_label");
      /* "D-7" is spelled out once, beside the date. */
      days_left = json_object_get_int_member (want, "days_left");
      if (not_yet_valid)
        {
          /* Not valid yet: its first and last day, no countdown to expiry. */
          g_autofree char *until_date = g_strconcat (" until ", date, NULL);
          g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (expiry)), "Valid from "));
          g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (expiry)), until_date));
          checked++;
          continue;
        }
      if (days_left < 0)
        spelled = g_strdup_printf ("Expired on %s", date);
      else if (days_left == 0)
        spelled = g_strdup_printf ("Expires on %s (Last day)", date);
      else
        spelled = g_strdup_printf ("Expires on %s (%" G_GINT64_FORMAT " day%s left)", date, days_left,
                                   days_left == 1 ? "" : "s");
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (expiry)), ==, spelled);
      checked++;
    }

  g_assert_cmpuint (checked, >=, 9);
  gtk_window_destroy (GTK_WINDOW (window));
}

static JsonObject *
expected_by_sha256 (const char *sha256)
{
  return dojang_test_find_expected (expected, "certificates", "sha256", sha256);
}

static char *
expected_days_text (JsonObject *want)
{
  gint64 days = json_object_get_int_member (want, "days_left");
  g_autofree char *date = english_date (json_object_get_string_member (want, "expiry_date"));

  if (days > 0)
    return g_strdup_printf ("Expires in %" G_GINT64_FORMAT " day%s (%s)", days, days == 1 ? "" : "s", date);

  return g_strdup_printf ("%s (%s)", days == 0 ? "Expires today" : "Expired", date);
}

static gboolean
list_shown (gpointer data)
{
  GtkWidget *stack = dojang_test_template_child (data, DOJANG_TYPE_REMINDERS_PAGE, "stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "list") == 0;
}

static void
test_reminders_page (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("days-everywhere-XXXXXX", &error);
  g_autofree char *path = g_build_filename (folder, "dojang.db", NULL);
  g_autoptr(DojangReminderStore) store = NULL;
  g_autoptr(GDateTime) now = dojang_clock_get_now ();
  JsonObject *expiring = dojang_test_find_expected (expected, "certificates", "status", "expiring");
  const char *roots[] = {
    json_array_get_string_element (json_object_get_array_member (expected, "roots"), 0),
    json_array_get_string_element (json_object_get_array_member (expected, "roots"), 1),
    NULL,
  };
  g_autofree char *by_hand = NULL;
  g_autofree char *by_hand_date = NULL;
  GtkWidget *page;
  GtkWidget *window;
  GtkWidget *upcoming;
  GtkWidget *entry_row;
  guint found = 0;
  guint checked = 0;
  gint64 end;

  g_assert_no_error (error);
  store = dojang_reminder_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (dojang_reminder_scan_sync (store, roots, now, NULL, &found, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (found, >=, 9);
  /* The same last day, entered by hand. */
  dojang_reminder_store_add_manual_entry (store, "USB", "kica", "",
                                          json_object_get_string_member (expiring, "expiry_date"), &error);
  g_assert_no_error (error);

  page = g_object_new (DOJANG_TYPE_REMINDERS_PAGE, NULL);
  window = dojang_test_show_page (page);
  dojang_reminders_page_set_store (DOJANG_REMINDERS_PAGE (page), store, NULL);
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!list_shown (page) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (list_shown (page));
  dojang_test_iterate_for_ms (100);

  upcoming = dojang_test_template_child (page, DOJANG_TYPE_REMINDERS_PAGE, "upcoming_list");
  for (GtkWidget *row = gtk_widget_get_first_child (upcoming); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      DojangReminder *reminder;
      JsonObject *want;
      g_autofree char *days = NULL;

      if (!DOJANG_IS_REMINDER_ROW (row))
        continue;
      reminder = dojang_reminder_row_get_reminder (DOJANG_REMINDER_ROW (row));
      if (dojang_reminder_is_manual (reminder))
        continue;

      want = expected_by_sha256 (dojang_reminder_get_certificate_sha256 (reminder));
      g_assert_nonnull (want);
      days = expected_days_text (want);
      g_test_message ("%s: %s", json_object_get_string_member (want, "name"), days);
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), days));
      checked++;
    }
  /* At least every certificate in its renewal window has a row. */
  g_assert_cmpuint (checked, >=, 2);

  entry_row = gtk_widget_get_first_child (dojang_test_template_child (page, DOJANG_TYPE_REMINDERS_PAGE, "entries_list"));
  g_assert_nonnull (entry_row);
  by_hand_date = english_date (json_object_get_string_member (expiring, "expiry_date"));
  by_hand = g_strdup_printf ("Valid until %s, %" G_GINT64_FORMAT " days left", by_hand_date,
                             json_object_get_int_member (expiring, "days_left"));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (entry_row)), by_hand));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  dojang_test_iterate_for_ms (20);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  dojang_test_pages_init (&argc, &argv, "America/Los_Angeles", AT, TRUE);

  tree = dojang_test_make_npki_tree (AT, 0);
  expected = dojang_test_load_expected (tree);

  g_test_add_func ("/dojang/days-everywhere/clock-is-pinned", test_clock_is_pinned);
  g_test_add_func ("/dojang/days-everywhere/certificates-page", test_certificates_page);
  g_test_add_func ("/dojang/days-everywhere/reminders-page", test_reminders_page);

  status = g_test_run ();

  dojang_test_remove_tree (tree);
  json_object_unref (expected);

  return status;
}
