/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Help page in-process: the API the rest of the app calls
 * (show_provider, set_certificates, set_preferred_certificate) and what its
 * actions put on the clipboard and in a toast. Needs a display
 * (tests/isolate.sh gives one). */

#include "config.h"

#include <adwaita.h>

#include "dojang-certificate-scanner.h"
#include "dojang-call-checklist.h"
#include "dojang-channel-row.h"
#include "dojang-help-page.h"
#include "dojang-provider-catalog.h"
#include "dojang-provider-details.h"
#include "dojang-provider-row.h"
#include "dojang-status-label.h"
#include "dojang-test-fixtures.h"
#include "dojang-system-info.h"
#include "dojang-test-ui.h"
#include "dojang-verify-badge.h"

extern void dojang_register_resource (void);

static char *tree;
static JsonObject *expected;

/* The fixture tree's certificates, as a list model; only those of the
 * authorities in @ca_ids (NULL: all). */
static GListModel *
load_certificates (const char * const *ca_ids)
{
  JsonArray *roots = json_object_get_array_member (expected, "roots");
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *store = g_list_store_new (DOJANG_TYPE_CERTIFICATE);
  const char *folders[3] = { json_array_get_string_element (roots, 0),
                             json_array_get_string_element (roots, 1), NULL };

  g_assert_true (dojang_certificate_scan_sync (folders, NULL, &certificates, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < certificates->len; i++)
    {
      DojangCertificate *certificate = g_ptr_array_index (certificates, i);

      if (ca_ids == NULL || g_strv_contains (ca_ids, dojang_certificate_get_provider_id (certificate)))
        g_list_store_append (store, certificate);
    }

  return G_LIST_MODEL (store);
}

static DojangCertificate *
find_certificate (GListModel *model,
                  const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DojangCertificate) certificate = g_list_model_get_item (model, i);

      if (g_strcmp0 (dojang_certificate_get_name (certificate), name) == 0)
        return certificate;
    }

  g_assert_not_reached ();
}

static char *
copy_summary (GtkWidget *page)
{
  g_assert_true (gtk_widget_activate_action (page, "help.copy-summary", NULL));

  return dojang_test_read_clipboard (page);
}


static GtkWidget *
create_page (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = g_object_new (DOJANG_TYPE_HELP_PAGE, NULL);

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));

  return page;
}

static void
test_show_provider (void)
{
  GtkWidget *page = create_page ();

  g_assert_true (dojang_help_page_show_provider (DOJANG_HELP_PAGE (page), "kica"));
  g_assert_true (dojang_help_page_show_provider (DOJANG_HELP_PAGE (page), "yessign"));
  g_assert_false (dojang_help_page_show_provider (DOJANG_HELP_PAGE (page), "no-such-ca"));

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

static void
test_copy_phone (void)
{
  GtkWidget *page = create_page ();
  g_autofree char *text = NULL;

  g_assert_true (gtk_widget_activate_action (page, "help.copy-phone", "s", "1577-7337"));
  text = dojang_test_read_clipboard (page);
  g_assert_cmpstr (text, ==, "1577-7337");
  /* The toast says what happened, in plain text. */
  g_assert_nonnull (dojang_test_find_label (GTK_WIDGET (gtk_widget_get_root (page)), "Copied 1577-7337"));

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

static void
test_inquiry_summary_uses_the_form (void)
{
  GtkWidget *page = create_page ();
  g_autoptr(GListModel) certificates = load_certificates (NULL);
  g_autofree char *os = dojang_system_info_get_os_text ();
  g_autofree char *os_line = g_strdup_printf ("■ 운영체제: %s\n", os);
  g_autofree char *text = NULL;

  dojang_help_page_set_certificates (DOJANG_HELP_PAGE (page), certificates);
  dojang_help_page_set_preferred_certificate (DOJANG_HELP_PAGE (page), find_certificate (certificates, "김철수"));
  g_assert_true (dojang_help_page_show_provider (DOJANG_HELP_PAGE (page), "kica"));
  text = copy_summary (page);

  /* Korean whatever the UI language, with the Korean name of the CA. */
  g_assert_true (g_str_has_prefix (text, "[한국정보인증 공동인증서 문의]\n"));
  g_assert_nonnull (strstr (text, "■ 인증서 종류: 범용 (개인)\n"));
  g_assert_nonnull (strstr (text, "■ 인증서 발급기관: 한국정보인증 (SignGate)\n"));
  g_assert_nonnull (strstr (text, "■ 문제가 생긴 사이트: (모름)\n"));
  g_assert_nonnull (strstr (text, "■ 오류 메시지 또는 코드: (모름)\n"));
  g_assert_nonnull (strstr (text, os_line));
  /* DOJANG_NOW pins the app's clock to a Friday morning in Seoul. */
  g_assert_nonnull (strstr (text, "■ 작성 시각: 2026년 9월 25일 (금) 10:00 (한국 시간)\n"));

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

/* "Before you call" fills in only a certificate the authority shown issued:
 * the one last opened when it is theirs, else one of theirs (a choice when
 * there are several), else nothing. */
static void
test_checklist_matches_the_authority (void)
{
  static const char * const some[] = { "yessign", "kica", NULL };
  GtkWidget *page = create_page ();
  g_autoptr(GListModel) certificates = load_certificates (some);
  DojangCertificate *yessign = find_certificate (certificates, "홍길동");
  DojangCertificate *kica_bank = find_certificate (certificates, "한지민");
  GtkWidget *details = (GtkWidget *) gtk_widget_get_template_child (page, DOJANG_TYPE_HELP_PAGE, "details");
  DojangCallChecklist *checklist = dojang_provider_details_get_checklist (DOJANG_PROVIDER_DETAILS (details));
  GtkWidget *choice = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (checklist), DOJANG_TYPE_CALL_CHECKLIST,
                                                     "certificate_row");
  g_autofree char *text = NULL;

  dojang_help_page_set_certificates (DOJANG_HELP_PAGE (page), certificates);

  /* A yessign certificate was opened last: KICA's form never shows it. */
  dojang_help_page_set_preferred_certificate (DOJANG_HELP_PAGE (page), yessign);
  g_assert_true (dojang_help_page_show_provider (DOJANG_HELP_PAGE (page), "kica"));
  g_assert_nonnull (dojang_call_checklist_get_certificate (checklist));
  g_assert_cmpstr (dojang_certificate_get_provider_id (dojang_call_checklist_get_certificate (checklist)), ==, "kica");
  text = copy_summary (page);
  g_assert_nonnull (strstr (text, "■ 인증서 발급기관: 한국정보인증 (SignGate)\n"));
  g_assert_null (strstr (text, "금융결제원"));
  /* Two KICA certificates: the user picks which. */
  g_assert_true (gtk_widget_get_visible (choice));
  g_assert_true (gtk_widget_get_sensitive (choice));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (choice))), ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (choice),
                              dojang_call_checklist_get_certificate (checklist) == kica_bank ? 0 : 1);
  g_assert_true (dojang_call_checklist_get_certificate (checklist) == kica_bank);
  g_clear_pointer (&text, g_free);
  text = copy_summary (page);
  g_assert_nonnull (strstr (text, "■ 인증서 종류: 은행·보험용 (개인)\n"));

  /* On yessign's page the one opened last is picked. */
  g_assert_true (dojang_help_page_show_provider (DOJANG_HELP_PAGE (page), "yessign"));
  g_assert_true (dojang_call_checklist_get_certificate (checklist) == yessign);
  g_clear_pointer (&text, g_free);
  text = copy_summary (page);
  g_assert_nonnull (strstr (text, "■ 인증서 발급기관: 금융결제원 (yessign)\n"));

  /* No CrossCert certificate here: the fields stay blank. */
  g_assert_true (dojang_help_page_show_provider (DOJANG_HELP_PAGE (page), "crosscert"));
  g_assert_null (dojang_call_checklist_get_certificate (checklist));
  g_assert_false (gtk_widget_get_visible (choice));
  g_clear_pointer (&text, g_free);
  text = copy_summary (page);
  g_assert_nonnull (strstr (text, "■ 인증서 종류: (모름)\n"));
  g_assert_nonnull (strstr (text, "■ 인증서 발급기관: (모름)\n"));

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

static gboolean
bank_group_shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
row_shown (GtkWidget  *list,
           const char *provider_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (DOJANG_IS_PROVIDER_ROW (row) &&
          g_strcmp0 (dojang_provider_get_id (dojang_provider_row_get_provider (DOJANG_PROVIDER_ROW (row))), provider_id) == 0)
        return gtk_widget_get_child_visible (row);
    }

  g_assert_not_reached ();
}

/* Searching for a bank finds where its certificates are renewed: the bank's
 * own certificate centre, with yessign's row still listed. */
static void
test_search_for_a_bank (void)
{
  GtkWidget *page = create_page ();
  GtkWidget *entry = (GtkWidget *) gtk_widget_get_template_child (page, DOJANG_TYPE_HELP_PAGE, "search_entry");
  GtkWidget *group = (GtkWidget *) gtk_widget_get_template_child (page, DOJANG_TYPE_HELP_PAGE, "bank_group");
  GtkWidget *label = (GtkWidget *) gtk_widget_get_template_child (page, DOJANG_TYPE_HELP_PAGE, "bank_label");
  GtkWidget *list = (GtkWidget *) gtk_widget_get_template_child (page, DOJANG_TYPE_HELP_PAGE, "provider_list");
  const char *text;

  g_assert_false (gtk_widget_get_visible (group));
  gtk_editable_set_text (GTK_EDITABLE (entry), "국민은행");
  g_assert_true (dojang_test_wait_until (bank_group_shown, group));
  text = gtk_label_get_text (GTK_LABEL (label));
  g_assert_nonnull (strstr (text, "renewed at KB국민은행 itself"));
  g_assert_nonnull (strstr (text, "(인증센터)"));
  g_assert_true (row_shown (list, "yessign"));
  g_assert_false (row_shown (list, "kica"));

  /* A CA's name: no bank guidance. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "kica");
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (gtk_widget_get_visible (group));

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

static GtkWidget *
details_child (GtkWidget  *page,
               const char *name)
{
  GtkWidget *details = (GtkWidget *) gtk_widget_get_template_child (page, DOJANG_TYPE_HELP_PAGE, "details");

  return (GtkWidget *) gtk_widget_get_template_child (details, DOJANG_TYPE_PROVIDER_DETAILS, name);
}

/* Links that all lead to the home page are one row that says so; a
 * renewal page of its own keeps its row. Unconfirmed hours read as an
 * estimate. */
static void
test_same_links_merged (void)
{
  GtkWidget *page = create_page ();
  GtkWidget *status;
  GtkWidget *advice;

  g_assert_true (dojang_help_page_show_provider (DOJANG_HELP_PAGE (page), "kica"));
  g_assert_false (gtk_widget_get_visible (details_child (page, "renewal_row")));
  g_assert_false (gtk_widget_get_visible (details_child (page, "faq_row")));
  g_assert_false (gtk_widget_get_visible (details_child (page, "inquiry_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (details_child (page, "website_row"))), ==,
                   "https://www.signgate.com · also: Renew a certificate, Frequently asked questions, "
                   "1:1 inquiry (screenshots can be attached)");
  status = details_child (page, "status_label");
  g_assert_true (g_str_has_suffix (dojang_status_label_get_text (DOJANG_STATUS_LABEL (status)), " (estimated)"));
  /* So does every "Which channel fits?" row: KICA confirms no hours. */
  advice = gtk_widget_get_first_child (details_child (page, "advisor_list"));
  g_assert_nonnull (advice);
  for (; advice != NULL; advice = gtk_widget_get_next_sibling (advice))
    {
      g_auto(GStrv) lines = g_strsplit (adw_action_row_get_subtitle (ADW_ACTION_ROW (advice)), "\n", -1);

      g_test_message ("%s", lines[0]);
      g_assert_true (g_str_has_suffix (lines[0], " (estimated)"));
    }

  g_assert_true (dojang_help_page_show_provider (DOJANG_HELP_PAGE (page), "yessign"));
  g_assert_true (gtk_widget_get_visible (details_child (page, "renewal_row")));
  g_assert_false (gtk_widget_get_visible (details_child (page, "faq_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (details_child (page, "website_row"))), ==,
                   "https://www.yessign.or.kr · also: Frequently asked questions");

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

/* The shipped catalog with KICA's confidences changed: its phone line's
 * hours and number, and its chatbot's hours and link. */
static DojangProviderCatalog *
catalog_with_confidence (const char *hours,
                         const char *phone,
                         const char *url)
{
  g_autofree char *path = g_build_filename (DOJANG_TEST_SOURCE_ROOT, "data", "providers.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  DojangProviderCatalog *catalog;
  JsonObject *kica;
  JsonArray *channels;
  JsonObject *line;
  JsonObject *chatbot;
  char *data;
  gsize size;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  kica = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                      "providers"), 0);
  g_assert_cmpstr (json_object_get_string_member (kica, "id"), ==, "kica");
  channels = json_object_get_array_member (kica, "channels");
  line = json_object_get_object_member (json_array_get_object_element (channels, 0), "facts");
  chatbot = json_object_get_object_member (json_array_get_object_element (channels, 2), "facts");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (channels, 2), "id"), ==, "chatbot");
  json_object_set_string_member (json_object_get_object_member (line, "hours"), "confidence", hours);
  json_object_set_string_member (json_object_get_object_member (line, "phone"), "confidence", phone);
  json_object_set_string_member (json_object_get_object_member (chatbot, "hours"), "confidence", hours);
  json_object_set_string_member (json_object_get_object_member (chatbot, "url"), "confidence", url);

  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, &size);
  bytes = g_bytes_new_take (data, size);
  catalog = dojang_provider_catalog_new_from_bytes (bytes, "providers.json", &error);
  g_assert_no_error (error);

  return catalog;
}

static void
collect_shown_marks (GtkWidget *widget,
                     GPtrArray *marks)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (DOJANG_IS_VERIFY_BADGE (child))
        {
          if (gtk_widget_get_visible (child))
            g_ptr_array_add (marks, child);
          continue;
        }
      collect_shown_marks (child, marks);
    }
}

/* The accessible description says "Unconfirmed" and why, or nothing. */
static void
assert_described (GtkWidget  *subject,
                  DojangFact *fact)
{
  g_autofree char *description = dojang_verify_badge_describe (fact);

  if (description != NULL)
    {
      g_autofree char *mismatch = NULL;

      g_assert_true (g_str_has_prefix (description, "Unconfirmed: "));
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (subject),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
      g_assert_null (mismatch);
    }
  else
    g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (subject), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

/* The fact @subject shows carries a mark right after it, and the mark and
 * why are in @subject's accessible description, exactly when @fact is not
 * confirmed. */
static void
assert_mark (GtkWidget  *subject,
             DojangFact *fact)
{
  GtkWidget *after = gtk_widget_get_next_sibling (subject);

  g_assert_true (gtk_widget_get_visible (subject));
  g_assert_true (DOJANG_IS_VERIFY_BADGE (after));
  g_assert_cmpint (gtk_widget_get_visible (after), ==, !dojang_fact_is_verified (fact));
  assert_described (subject, fact);
}

static GtkWidget *
row_child (GtkWidget  *row,
           const char *name)
{
  GType type = DOJANG_IS_CHANNEL_ROW (row) ? DOJANG_TYPE_CHANNEL_ROW : DOJANG_TYPE_PROVIDER_ROW;

  return GTK_WIDGET (gtk_widget_get_template_child (row, type, name));
}

static guint
count_shown_marks (GtkWidget *row)
{
  g_autoptr(GPtrArray) marks = g_ptr_array_new ();

  collect_shown_marks (row, marks);
  return marks->len;
}

static void
check_marks_for (const char *hours,
                 const char *phone,
                 const char *url)
{
  g_autoptr(DojangProviderCatalog) catalog = catalog_with_confidence (hours, phone, url);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-26T10:00:00+09:00", NULL);
  DojangProvider *kica = dojang_provider_catalog_lookup (catalog, "kica");
  GListModel *channels = dojang_provider_get_channels (kica);
  g_autoptr(DojangChannel) line = g_list_model_get_item (channels, 0);
  g_autoptr(DojangChannel) chatbot = g_list_model_get_item (channels, 2);
  DojangFact *line_hours = dojang_channel_get_fact (line, "hours");
  DojangFact *line_phone = dojang_channel_get_fact (line, "phone");
  DojangFact *chatbot_hours = dojang_channel_get_fact (chatbot, "hours");
  DojangFact *chatbot_url = dojang_channel_get_fact (chatbot, "url");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *line_row = dojang_channel_row_new (line);
  GtkWidget *chatbot_row = dojang_channel_row_new (chatbot);
  GtkWidget *provider_row = dojang_provider_row_new (kica);
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *picture = g_strdup_printf ("unconfirmed-hours-%s-phone-%s-link-%s.png", hours, phone, url);
  GtkWidget *status;

  g_test_message ("hours %s, phone %s, link %s", hours, phone, url);
  gtk_list_box_append (GTK_LIST_BOX (list), line_row);
  gtk_list_box_append (GTK_LIST_BOX (list), chatbot_row);
  gtk_list_box_append (GTK_LIST_BOX (list), provider_row);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  gtk_window_present (GTK_WINDOW (window));
  next = dojang_provider_row_update_status (DOJANG_PROVIDER_ROW (provider_row), dojang_holiday_calendar_get_default (), now);
  dojang_test_iterate_for_ms (50);
  dojang_test_keep_screenshot (window, picture);

  /* A channel: its number, its hours, its link, each with its own mark. */
  assert_mark (row_child (line_row, "phone_label"), line_phone);
  assert_mark (row_child (line_row, "hours_label"), line_hours);
  g_assert_cmpuint (count_shown_marks (line_row), ==,
                    !dojang_fact_is_verified (line_phone) + !dojang_fact_is_verified (line_hours));
  assert_mark (row_child (chatbot_row, "hours_label"), chatbot_hours);
  assert_mark (row_child (chatbot_row, "link_label"), chatbot_url);
  g_assert_cmpuint (count_shown_marks (chatbot_row), ==,
                    !dojang_fact_is_verified (chatbot_hours) + !dojang_fact_is_verified (chatbot_url));

  /* The Help list: a mark after the number only; the status from the
   * hours reads as an estimate and says why to a screen reader. */
  assert_mark (row_child (provider_row, "details_label"), line_phone);
  g_assert_cmpuint (count_shown_marks (provider_row), ==, !dojang_fact_is_verified (line_phone));
  status = row_child (provider_row, "status_label");
  assert_described (status, line_hours);
  g_assert_cmpint (g_str_has_suffix (dojang_status_label_get_text (DOJANG_STATUS_LABEL (status)), " (estimated)"), ==,
                   !dojang_fact_is_verified (line_hours));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Unconfirmed" sits on the fact the data does not confirm (the hours, the
 * number, the link), never on a confirmed one nor on the whole line. */
static void
test_unconfirmed_mark_on_the_fact (void)
{
  /* As shipped for KICA's line: hours from one guide, a well-sourced number. */
  check_marks_for ("M", "H", "H");
  /* The reverse: confirmed hours, a number and a link from one source. */
  check_marks_for ("H", "L", "M");
  /* All confirmed: no mark at all. */
  check_marks_for ("H", "H", "H");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("DOJANG_NOW", "2026-09-25T10:00:00+09:00", TRUE);

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    g_error ("No display: run the test under tests/isolate.sh");
  adw_init ();
  dojang_register_resource ();

  tree = dojang_test_make_npki_tree (DOJANG_TEST_AT, 0);
  expected = dojang_test_load_expected (tree);

  g_test_add_func ("/dojang/help-page/show-provider", test_show_provider);
  g_test_add_func ("/dojang/help-page/copy-phone", test_copy_phone);
  g_test_add_func ("/dojang/help-page/inquiry-summary-uses-the-form", test_inquiry_summary_uses_the_form);
  g_test_add_func ("/dojang/help-page/checklist-matches-the-authority", test_checklist_matches_the_authority);
  g_test_add_func ("/dojang/help-page/search-for-a-bank", test_search_for_a_bank);
  g_test_add_func ("/dojang/help-page/same-links-merged", test_same_links_merged);
  g_test_add_func ("/dojang/help-page/unconfirmed-mark-on-the-fact", test_unconfirmed_mark_on_the_fact);

  status = g_test_run ();
  dojang_test_remove_tree (tree);

  return status;
}
