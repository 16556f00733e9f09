/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Certificates page in a real (Xvfb) window, showing a live list that
 * follows the settings as the application's does: the groups hold the right
 * certificates, a row opens its details, the empty state lists the roots,
 * and the Preferences folder list edits the setting. Set
 * DOJANG_TEST_SCREENSHOT_DIR to keep PNGs of the list and the details. */

#include "config.h"

#include <locale.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dojang-certificate-details.h"
#include "dojang-certificate-row.h"
#include "dojang-certificates-page.h"
#include "dojang-preferences-window.h"
#include "dojang-test-pages.h"
#include "dojang-test-ui.h"

extern void dojang_register_resource (void);

static char *tree;
static JsonObject *expected;
static GSettings *settings;

static void
wait_loaded (DojangCertificatesPage *page)
{
  DojangCertificateList *list = dojang_certificates_page_get_list (page);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end &&
         !(dojang_certificate_list_get_loaded (list) && !dojang_certificate_list_get_loading (list)))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (dojang_certificate_list_get_loaded (list));
  dojang_test_iterate_for_ms (100);
}

static GtkWidget *
child (DojangCertificatesPage *page,
       const char             *name)
{
  return dojang_test_template_child (GTK_WIDGET (page), DOJANG_TYPE_CERTIFICATES_PAGE, name);
}

/* The details pane is built the first time a certificate is opened. */
static GtkWidget *
details_of (DojangCertificatesPage *page)
{
  GtkWidget *details = adw_bin_get_child (ADW_BIN (child (page, "details_slot")));

  g_assert_true (DOJANG_IS_CERTIFICATE_DETAILS (details));

  return details;
}

static guint
count_rows (GtkWidget *list_box)
{
  guint count = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list_box); row != NULL; row = gtk_widget_get_next_sibling (row))
    count += GTK_IS_LIST_BOX_ROW (row);

  return count;
}

static guint
count_status (const char *status)
{
  JsonArray *certificates = json_object_get_array_member (expected, "certificates");
  guint count = 0;

  for (guint i = 0; i < json_array_get_length (certificates); i++)
    count += g_strcmp0 (json_object_get_string_member (json_array_get_object_element (certificates, i), "status"),
                        status) == 0;

  return count;
}

static gboolean
can_scroll (gpointer data)
{
  return gtk_adjustment_get_upper (data) > gtk_adjustment_get_page_size (data) + 1;
}

static GtkWindow *
show_page (DojangCertificatesPage **page_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  g_autoptr(DojangCertificateList) list = dojang_certificate_list_new_for_settings (settings);
  GtkWidget *page = g_object_new (DOJANG_TYPE_CERTIFICATES_PAGE, "list", list, NULL);

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 900);
  gtk_window_present (GTK_WINDOW (window));
  *page_out = DOJANG_CERTIFICATES_PAGE (page);

  return GTK_WINDOW (window);
}

static void
use_fixture_folders (void)
{
  const char *folders[] = {
    json_array_get_string_element (json_object_get_array_member (expected, "roots"), 0),
    json_array_get_string_element (json_object_get_array_member (expected, "roots"), 1),
    NULL,
  };

  g_settings_set_strv (settings, "certificate-folders", folders);
}

static void
on_selected (GObject    *page,
             GParamSpec *pspec,
             guint      *notified)
{
  (*notified)++;
}

static void
test_list_and_details (void)
{
  DojangCertificatesPage *page = NULL;
  GtkWindow *window;
  JsonObject *want = dojang_test_find_expected (expected, "certificates", "name", "김철수");
  guint problems = json_array_get_length (json_object_get_array_member (expected, "problems"));
  gboolean as_root = geteuid () == 0;
  GtkListBoxRow *row = NULL;
  DojangCertificateDetails *details;
  g_autofree char *text = NULL;
  g_autofree char *location = NULL;
  GtkWidget *renew;
  GtkWidget *contact;
  GVariant *target;
  GtkAdjustment *scroll;
  guint notified = 0;

  use_fixture_folders ();
  window = show_page (&page);
  wait_loaded (page);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (page, "list_stack"))), ==, "list");
  /* Run as root, the "unreadable" fixture reads fine: a certificate alone
   * in its folder, without a key, so unusable. */
  g_assert_cmpuint (count_rows (child (page, "expired_list")), ==, count_status ("expired"));
  g_assert_cmpuint (count_rows (child (page, "expiring_list")), ==, count_status ("expiring"));
  g_assert_cmpuint (count_rows (child (page, "valid_list")), ==, count_status ("valid"));
  g_assert_cmpuint (count_rows (child (page, "unusable_list")), ==, count_status ("unusable") + (as_root ? 1 : 0));
  g_assert_cmpuint (count_rows (child (page, "not_yet_valid_list")), ==, count_status ("not_yet_valid"));
  g_assert_cmpuint (count_rows (child (page, "problems_list")), ==, problems - (as_root ? 1 : 0));
  g_assert_true (gtk_widget_get_visible (child (page, "problems_group")));
  dojang_test_keep_screenshot (GTK_WIDGET (window), "certificates-list.png");

  /* The expiring group is sorted by expiry; find 김철수 and open it. */
  for (GtkWidget *w = gtk_widget_get_first_child (child (page, "expiring_list")); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      if (DOJANG_IS_CERTIFICATE_ROW (w) &&
          g_strcmp0 (dojang_certificate_get_name (dojang_certificate_row_get_certificate (DOJANG_CERTIFICATE_ROW (w))), "김철수") == 0)
        row = GTK_LIST_BOX_ROW (w);
    }
  g_assert_nonnull (row);

  /* Every row says where its certificate lives: here, a folder added in
   * Preferences (the fixture's roots). */
  location = g_strdup_printf ("Folder you added: %s",
                              json_array_get_string_element (json_object_get_array_member (expected, "roots"), 0));
  g_assert_cmpstr (dojang_certificate_row_get_location (DOJANG_CERTIFICATE_ROW (row)), ==, location);
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), location));

  g_signal_connect (page, "notify::selected-certificate", G_CALLBACK (on_selected), &notified);
  g_signal_emit_by_name (child (page, "expiring_list"), "row-activated", row);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (dojang_certificate_get_sha256 (dojang_certificates_page_get_selected_certificate (page)), ==,
                   json_object_get_string_member (want, "sha256"));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (child (page, "leaflet"))), ==, "details");

  details = DOJANG_CERTIFICATE_DETAILS (details_of (page));
  text = dojang_certificate_details_to_text (details);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "김철수"));
  g_assert_nonnull (strstr (text, json_object_get_string_member (want, "sha256")));
  g_assert_nonnull (strstr (text, json_object_get_string_member (want, "serial")));
  g_assert_nonnull (strstr (text, json_object_get_string_member (want, "path")));
  g_assert_nonnull (strstr (text, "D-23"));
  g_assert_nonnull (strstr (text, "1.2.410.200004.5.2.1.2"));

  renew = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (details), DOJANG_TYPE_CERTIFICATE_DETAILS, "renew_button"));
  g_assert_false (gtk_widget_get_sensitive (renew));
  g_assert_nonnull (gtk_widget_get_tooltip_text (renew));
  contact = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (details), DOJANG_TYPE_CERTIFICATE_DETAILS, "contact_row"));
  g_assert_true (gtk_widget_get_visible (contact));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (contact)), ==, "app.show-provider");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (contact));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "kica");
  dojang_test_keep_screenshot (GTK_WIDGET (window), "certificate-details.png");

  /* The window's header names the subpage and leads back out of it. */
  g_assert_cmpstr (dojang_certificates_page_get_subpage_title (page), ==, "김철수");

  /* Read down to the files… */
  scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child (page, "details_scroll")));
  g_assert_true (dojang_test_wait_until (can_scroll, scroll));
  g_assert_cmpfloat (gtk_adjustment_get_upper (scroll), >, gtk_adjustment_get_page_size (scroll));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), >, 0);

  /* …back, then straight to another one by fingerprint (app.show-certificate):
   * it opens at its top. */
  g_assert_true (dojang_certificates_page_go_back (page));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (child (page, "leaflet"))), ==, "list");
  g_assert_null (dojang_certificates_page_get_subpage_title (page));
  g_assert_false (dojang_certificates_page_go_back (page));
  want = dojang_test_find_expected (expected, "certificates", "name", "이영희");
  dojang_certificates_page_show_certificate (page, json_object_get_string_member (want, "sha256"));
  g_assert_cmpstr (dojang_certificate_get_name (dojang_certificates_page_get_selected_certificate (page)), ==, "이영희");
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, gtk_adjustment_get_lower (scroll));
  g_assert_cmpstr (dojang_certificates_page_get_subpage_title (page), ==, "이영희");
  dojang_test_keep_screenshot (GTK_WIDGET (window), "certificate-details-expired.png");

  gtk_window_destroy (window);
}

static GtkWidget *
find_row (GtkWidget  *list_box,
          const char *name)
{
  for (GtkWidget *w = gtk_widget_get_first_child (list_box); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      if (DOJANG_IS_CERTIFICATE_ROW (w) &&
          g_strcmp0 (dojang_certificate_get_name (dojang_certificate_row_get_certificate (DOJANG_CERTIFICATE_ROW (w))), name) == 0)
        return w;
    }

  return NULL;
}

static const char *
row_label (GtkWidget  *row,
           const char *name)
{
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (row, DOJANG_TYPE_CERTIFICATE_ROW, name)));
}

/* A certificate without its private key is unusable: its own group, badge
 * and words, counted as needing attention; one not valid yet counts the
 * days to its first day, not to its expiry a year away. */
static void
test_unusable_and_not_yet_valid (void)
{
  DojangCertificatesPage *page = NULL;
  GtkWindow *window;
  gboolean as_root = geteuid () == 0;
  guint attention = count_status ("expired") + count_status ("expiring") + count_status ("unusable") + (as_root ? 1 : 0);
  guint total = json_array_get_length (json_object_get_array_member (expected, "certificates")) + (as_root ? 1 : 0);
  g_autofree char *summary = NULL;
  DojangCertificateDetails *details;
  g_autofree char *text = NULL;
  GtkWidget *row;

  g_assert_cmpuint (count_status ("unusable"), ==, 1);
  use_fixture_folders ();
  window = show_page (&page);
  wait_loaded (page);

  summary = g_strdup_printf ("%u certificates · %u need attention", total, attention);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (page, "summary_label"))), ==, summary);
  g_assert_true (gtk_widget_get_visible (child (page, "unusable_group")));

  row = find_row (child (page, "unusable_list"), "최수진");
  g_assert_nonnull (row);
  g_assert_null (find_row (child (page, "valid_list"), "최수진"));
  g_assert_cmpstr (row_label (row, "badge"), ==, "Unusable");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gtk_widget_get_template_child (row, DOJANG_TYPE_CERTIFICATE_ROW, "badge")),
                                           "unusable"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "No private key (signPri.key)"));

  g_signal_emit_by_name (child (page, "unusable_list"), "row-activated", row);
  details = DOJANG_CERTIFICATE_DETAILS (details_of (page));
  text = dojang_certificate_details_to_text (details);
  g_assert_nonnull (strstr (text, "최수진 — Unusable, D-200"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (details), DOJANG_TYPE_CERTIFICATE_DETAILS, "advice_label"))),
                                   "This certificate cannot be used"));
  dojang_test_keep_screenshot (GTK_WIDGET (window), "certificate-details-unusable.png");
  g_assert_true (dojang_certificates_page_go_back (page));

  row = find_row (child (page, "not_yet_valid_list"), "박민수");
  g_assert_nonnull (row);
  g_assert_cmpstr (row_label (row, "badge"), ==, "Not Yet Valid");
  g_assert_cmpstr (row_label (row, "days_label"), ==, "In 3 days");
  g_assert_null (strstr (row_label (row, "days_label"), "D-"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "valid from"));

  g_signal_emit_by_name (child (page, "not_yet_valid_list"), "row-activated", row);
  g_clear_pointer (&text, g_free);
  text = dojang_certificate_details_to_text (details);
  g_assert_nonnull (strstr (text, "박민수 — Not Yet Valid, In 3 days"));
  dojang_test_keep_screenshot (GTK_WIDGET (window), "certificate-details-not-yet-valid.png");

  gtk_window_destroy (window);
}

static const char *
advice_of (DojangCertificatesPage *page,
           const char             *name)
{
  JsonObject *want = dojang_test_find_expected (expected, "certificates", "name", name);
  GtkWidget *details;

  g_assert_nonnull (want);
  dojang_certificates_page_show_certificate (page, json_object_get_string_member (want, "sha256"));
  details = details_of (page);

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (details, DOJANG_TYPE_CERTIFICATE_DETAILS,
                                                                       "advice_label")));
}

/* A personal yessign banking certificate is renewed at the holder's bank:
 * its details say so; a KICA one is renewed by its CA. */
static void
test_renewed_at_bank (void)
{
  DojangCertificatesPage *page = NULL;
  GtkWindow *window;
  const char *bank = "This certificate is renewed at your own bank";

  use_fixture_folders ();
  window = show_page (&page);
  wait_loaded (page);

  g_assert_nonnull (strstr (advice_of (page, "김영희"), bank));
  g_assert_nonnull (strstr (advice_of (page, "김영희"), "Ask your bank’s customer centre"));
  dojang_test_keep_screenshot (GTK_WIDGET (window), "certificate-details-bank.png");
  g_assert_null (strstr (advice_of (page, "김철수"), "bank"));
  g_assert_nonnull (strstr (advice_of (page, "김철수"), "Questions or errors? Call "));

  gtk_window_destroy (window);
}

static void
test_open_file (void)
{
  DojangCertificatesPage *page = NULL;
  GtkWindow *window;
  JsonObject *want = dojang_test_find_expected (expected, "certificates", "name", "홍길동");
  g_autoptr(GFile) file = g_file_new_for_path (json_object_get_string_member (want, "path"));
  gint64 end;

  g_settings_reset (settings, "certificate-folders");
  window = show_page (&page);
  wait_loaded (page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (page, "list_stack"))), ==, "empty");

  dojang_certificates_page_open_file (page, file);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (dojang_certificates_page_get_selected_certificate (page) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (dojang_certificates_page_get_selected_certificate (page));
  g_assert_cmpstr (dojang_certificate_get_sha256 (dojang_certificates_page_get_selected_certificate (page)), ==,
                   json_object_get_string_member (want, "sha256"));
  gtk_window_destroy (window);
}

static void
test_empty_state (void)
{
  DojangCertificatesPage *page = NULL;
  GtkWindow *window;
  g_autofree char *home_npki = g_build_filename (g_get_home_dir (), "NPKI", NULL);
  GtkWidget *roots;
  gboolean listed = FALSE;

  g_settings_reset (settings, "certificate-folders");
  window = show_page (&page);
  wait_loaded (page);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (page, "list_stack"))), ==, "empty");
  roots = child (page, "roots_list");
  for (GtkWidget *row = gtk_widget_get_first_child (roots); row != NULL; row = gtk_widget_get_next_sibling (row))
    listed |= ADW_IS_PREFERENCES_ROW (row) &&
              g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), home_npki) == 0;
  g_assert_true (listed);
  dojang_test_keep_screenshot (GTK_WIDGET (window), "certificates-empty.png");

  /* Adding a folder in Preferences fills the page. */
  use_fixture_folders ();
  dojang_test_iterate_for_ms (200);
  wait_loaded (page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (page, "list_stack"))), ==, "list");

  gtk_window_destroy (window);
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_preferences_folders (void)
{
  DojangPreferencesWindow *prefs;
  GtkWidget *list;
  g_auto(GStrv) folders = NULL;
  GtkWidget *row;
  GtkWidget *remove = NULL;

  g_settings_reset (settings, "certificate-folders");
  prefs = dojang_preferences_window_new (settings);
  gtk_window_present (GTK_WINDOW (prefs));
  list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs), DOJANG_TYPE_PREFERENCES_WINDOW, "folders_list"));

  dojang_preferences_window_add_folder (prefs, "/srv/certificates");
  dojang_preferences_window_add_folder (prefs, "/media/stick/NPKI");
  dojang_preferences_window_add_folder (prefs, "/srv/certificates");
  folders = g_settings_get_strv (settings, "certificate-folders");
  g_assert_cmpuint (g_strv_length (folders), ==, 2);
  g_assert_cmpuint (count_rows (list), ==, 2);
  dojang_test_keep_screenshot (GTK_WIDGET (prefs), "preferences-folders.png");

  /* The first row's remove button removes that folder. */
  row = gtk_widget_get_first_child (list);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "/srv/certificates");
  remove = find_button (row);
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  g_strfreev (folders);
  folders = g_settings_get_strv (settings, "certificate-folders");
  g_assert_cmpuint (g_strv_length (folders), ==, 1);
  g_assert_cmpstr (folders[0], ==, "/media/stick/NPKI");
  g_assert_cmpuint (count_rows (list), ==, 1);

  gtk_window_destroy (GTK_WINDOW (prefs));
}

static GtkWidget *
first_row (GtkWidget *list_box)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list_box); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      return row;

  return NULL;
}

/* A rescan on the same day finds the same certificates: their rows stay,
 * nothing is thrown away and built again. */
static void
test_rows_kept_on_rescan (void)
{
  DojangCertificatesPage *page = NULL;
  GtkWindow *window;
  GtkWidget *row;
  DojangCertificateList *list;

  use_fixture_folders ();
  window = show_page (&page);
  wait_loaded (page);
  row = first_row (child (page, "valid_list"));
  g_assert_nonnull (row);
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);

  list = dojang_certificates_page_get_list (page);
  dojang_certificate_list_reload (list);
  g_assert_true (dojang_certificate_list_get_loading (list));
  wait_loaded (page);

  g_assert_nonnull (row);
  g_assert_true (row == first_row (child (page, "valid_list")));
  g_object_remove_weak_pointer (G_OBJECT (row), (gpointer *) &row);

  gtk_window_destroy (window);
}

/* A certificate whose folder goes away (Delete moves it to the trash) is
 * not left on screen: the next scan goes back to the list. A scan that
 * still finds it keeps its details open. */
static void
test_details_left_when_gone (void)
{
  DojangCertificatesPage *page = NULL;
  GtkWindow *window;
  JsonObject *want = dojang_test_find_expected (expected, "certificates", "name", "이영희");
  g_autofree char *folder = g_path_get_dirname (json_object_get_string_member (want, "path"));
  g_autofree char *aside = g_strconcat (folder, ".aside", NULL);
  DojangCertificateList *list;

  use_fixture_folders ();
  window = show_page (&page);
  wait_loaded (page);
  list = dojang_certificates_page_get_list (page);

  dojang_certificates_page_show_certificate (page, json_object_get_string_member (want, "sha256"));
  g_assert_cmpstr (dojang_certificates_page_get_subpage_title (page), ==, "이영희");
  dojang_certificate_list_reload (list);
  wait_loaded (page);
  g_assert_cmpstr (dojang_certificates_page_get_subpage_title (page), ==, "이영희");

  g_assert_cmpint (g_rename (folder, aside), ==, 0);
  dojang_certificate_list_reload (list);
  wait_loaded (page);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (child (page, "leaflet"))), ==, "list");
  g_assert_null (dojang_certificates_page_get_subpage_title (page));

  g_assert_cmpint (g_rename (aside, folder), ==, 0);
  dojang_certificate_list_reload (list);
  wait_loaded (page);
  g_assert_nonnull (dojang_certificate_list_find_by_sha256 (list, json_object_get_string_member (want, "sha256")));
  g_assert_null (dojang_certificates_page_get_subpage_title (page));

  gtk_window_destroy (window);
}

typedef struct
{
  DojangCertificatesPage *page;
  guint                   rows_when_loaded;
} Batches;

static guint
count_certificate_rows (DojangCertificatesPage *page)
{
  return count_rows (child (page, "expired_list")) + count_rows (child (page, "expiring_list")) +
         count_rows (child (page, "valid_list")) + count_rows (child (page, "not_yet_valid_list"));
}

/* Connected after the page's own handler: what the scan's end shows. */
static void
on_loaded (DojangCertificateList *list,
           GParamSpec            *pspec,
           Batches               *batches)
{
  if (!dojang_certificate_list_get_loading (list) && batches->rows_when_loaded == G_MAXUINT)
    batches->rows_when_loaded = count_certificate_rows (batches->page);
}

static gboolean
all_rows_shown (gpointer data)
{
  Batches *batches = data;
  DojangCertificateList *list = dojang_certificates_page_get_list (batches->page);

  return count_certificate_rows (batches->page) == g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* 300 certificates: the scan's end shows a screenful at once, the other
 * rows follow in batches, each certificate's row built once. */
static void
test_rows_in_batches (void)
{
  g_autofree char *bulk = dojang_test_make_npki_tree (DOJANG_TEST_AT, 300);
  g_autofree char *npki = g_build_filename (bulk, "NPKI", NULL);
  const char *folders[] = { npki, NULL };
  Batches batches = { NULL, G_MAXUINT };
  GtkWindow *window;
  DojangCertificateList *list;

  g_settings_set_strv (settings, "certificate-folders", folders);
  window = show_page (&batches.page);
  list = dojang_certificates_page_get_list (batches.page);
  g_signal_connect (list, "notify::loading", G_CALLBACK (on_loaded), &batches);
  wait_loaded (batches.page);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);
  g_assert_cmpuint (batches.rows_when_loaded, >, 0);
  g_assert_cmpuint (batches.rows_when_loaded, <, 300);
  g_assert_true (dojang_test_wait_until (all_rows_shown, &batches));

  g_signal_handlers_disconnect_by_data (list, &batches);
  gtk_window_destroy (window);
  dojang_test_remove_tree (bulk);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The whole app's clock, pinned to the instant the tree is built around:
   * "D-23" must not depend on the time of day the test runs. */
  g_setenv ("DOJANG_NOW", DOJANG_TEST_AT, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DOJANG_LOCALEDIR") != NULL ? g_getenv ("DOJANG_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  dojang_register_resource ();
  {
    /* What AdwApplication loads by itself in the app. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/dojang/Dojang/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  settings = g_settings_new (APP_ID);
  tree = dojang_test_make_npki_tree (DOJANG_TEST_AT, 0);
  expected = dojang_test_load_expected (tree);

  g_test_add_func ("/dojang/certificates-page/list-and-details", test_list_and_details);
  g_test_add_func ("/dojang/certificates-page/unusable-and-not-yet-valid", test_unusable_and_not_yet_valid);
  g_test_add_func ("/dojang/certificates-page/renewed-at-bank", test_renewed_at_bank);
  g_test_add_func ("/dojang/certificates-page/open-file", test_open_file);
  g_test_add_func ("/dojang/certificates-page/empty-state", test_empty_state);
  g_test_add_func ("/dojang/certificates-page/preferences-folders", test_preferences_folders);
  g_test_add_func ("/dojang/certificates-page/rows-kept-on-rescan", test_rows_kept_on_rescan);
  g_test_add_func ("/dojang/certificates-page/rows-in-batches", test_rows_in_batches);
  g_test_add_func ("/dojang/certificates-page/details-left-when-gone", test_details_left_when_gone);

  status = g_test_run ();

  dojang_test_remove_tree (tree);
  json_object_unref (expected);
  g_object_unref (settings);
  g_free (tree);

  return status;
}
