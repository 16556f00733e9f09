/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The rehearsed payment step in a real (Xvfb) window, typed into the way
 * GtkText types: the card number grouped by four as it comes (also when
 * typing in the middle or deleting), the expiry made MM/YY, Tab from the
 * number to the expiry, copying and selecting refused, the step complete
 * only with a valid card, and both entries wiped when it is left. */

#include "config.h"

#include <string.h>

#include "dojang-renewal-payment-page.h"
#include "dojang-test-ui.h"

extern void dojang_register_resource (void);

static char *tree;
static JsonObject *expected;

typedef struct
{
  GtkWindow                *window;
  DojangRenewalPaymentPage *page;
  GtkEditable              *number;
  GtkEditable              *expiry;
} Fixture;

static GtkEditable *
text_of (GtkWidget *entry)
{
  return gtk_editable_get_delegate (GTK_EDITABLE (entry));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = dojang_test_parse_instant (DOJANG_TEST_AT);
  JsonObject *paid = dojang_test_find_expected (expected, "certificates", "label", "kica-paid");
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) certificate = dojang_certificate_new_from_file (json_object_get_string_member (paid, "path"),
                                                                               &error);
  g_autoptr(DojangRenewalPlan) plan = NULL;

  g_assert_no_error (error);
  plan = dojang_renewal_plan_new (certificate, now);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->page = g_object_new (DOJANG_TYPE_RENEWAL_PAYMENT_PAGE, NULL);
  fixture->number = text_of (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                        DOJANG_TYPE_RENEWAL_PAYMENT_PAGE, "card_number")));
  fixture->expiry = text_of (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                        DOJANG_TYPE_RENEWAL_PAYMENT_PAGE, "card_expiry")));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  dojang_renewal_payment_page_setup (fixture->page, plan, now);
  gtk_window_present (fixture->window);
  dojang_test_iterate_for_ms (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
}

/* What GtkText does for a key press: insert at the cursor, move past it. */
static void
type (GtkEditable *text,
      const char  *keys)
{
  for (const char *p = keys; *p != '\0'; p++)
    {
      int position = gtk_editable_get_position (text);

      gtk_editable_insert_text (text, p, 1, &position);
      gtk_editable_set_position (text, position);
    }
}

static void
backspace (GtkEditable *text)
{
  int position = gtk_editable_get_position (text);

  gtk_editable_delete_text (text, position - 1, position);
}

static void
test_grouping_as_typed (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *steps[] = { "4", "41", "411", "4111", "4111 1", "4111 11", "4111 111", "4111 1111", "4111 1111 1" };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      char key[2] = { "411111111"[i], '\0' };

      type (fixture->number, key);
      g_assert_cmpstr (gtk_editable_get_text (fixture->number), ==, steps[i]);
      g_assert_cmpint (gtk_editable_get_position (fixture->number), ==, (int) strlen (steps[i]));
    }

  type (fixture->number, "1111a11-1");
  g_assert_cmpstr (gtk_editable_get_text (fixture->number), ==, "4111 1111 1111 1111");

  /* Typing in the middle regroups and keeps the cursor after the new digit. */
  gtk_editable_set_text (fixture->number, "");
  type (fixture->number, "41111111");
  gtk_editable_set_position (fixture->number, 2);
  type (fixture->number, "9");
  g_assert_cmpstr (gtk_editable_get_text (fixture->number), ==, "4191 1111 1");
  g_assert_cmpint (gtk_editable_get_position (fixture->number), ==, 3);

  /* Deleting the digit after a space closes the group up; the cursor
   * stays after the digit before it. */
  gtk_editable_set_position (fixture->number, 6);
  backspace (fixture->number);
  g_assert_cmpstr (gtk_editable_get_text (fixture->number), ==, "4191 1111");
  g_assert_cmpint (gtk_editable_get_position (fixture->number), ==, 4);
}

static void
test_expiry_and_completion (Fixture       *fixture,
                            gconstpointer  data)
{
  g_assert_false (dojang_renewal_payment_page_get_complete (fixture->page));
  g_assert_cmpstr (dojang_renewal_payment_page_get_method (fixture->page), ==, "card");

  type (fixture->number, "4111111111111112");
  type (fixture->expiry, "1230");
  g_assert_cmpstr (gtk_editable_get_text (fixture->expiry), ==, "12/30");
  /* The Luhn digit is wrong. */
  g_assert_false (dojang_renewal_payment_page_get_complete (fixture->page));

  backspace (fixture->number);
  type (fixture->number, "1");
  g_assert_true (dojang_renewal_payment_page_get_complete (fixture->page));

  /* An expiry before the current month (March 2026 in Korea). */
  gtk_editable_set_text (fixture->expiry, "");
  type (fixture->expiry, "0226");
  g_assert_cmpstr (gtk_editable_get_text (fixture->expiry), ==, "02/26");
  g_assert_false (dojang_renewal_payment_page_get_complete (fixture->page));
  gtk_editable_set_text (fixture->expiry, "");
  type (fixture->expiry, "0326");
  g_assert_true (dojang_renewal_payment_page_get_complete (fixture->page));

  /* Another method needs nothing typed, and wipes the card. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                                DOJANG_TYPE_RENEWAL_PAYMENT_PAGE,
                                                                                "transfer_choice")), TRUE);
  g_assert_cmpstr (dojang_renewal_payment_page_get_method (fixture->page), ==, "transfer");
  g_assert_true (dojang_renewal_payment_page_get_complete (fixture->page));
  g_assert_cmpstr (gtk_editable_get_text (fixture->number), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (fixture->expiry), ==, "");
}

static void
test_keyboard_and_clipboard (Fixture       *fixture,
                             gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->window));
  GtkWidget *control;
  int start, end;

  dojang_renewal_payment_page_focus (fixture->page);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->number)));
  type (fixture->number, "4111111111111111");

  /* An ordinary entry does put its selection on the clipboard. */
  control = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (control), "control");
  gtk_editable_select_region (text_of (control), 0, -1);
  g_signal_emit_by_name (text_of (control), "copy-clipboard");
  g_assert_nonnull (gdk_clipboard_get_content (clipboard));
  gdk_clipboard_set_content (clipboard, NULL);
  g_object_ref_sink (control);
  g_object_unref (control);

  /* Selecting is undone and copying refused: nothing reaches a clipboard. */
  gtk_editable_select_region (fixture->number, 0, -1);
  g_assert_false (gtk_editable_get_selection_bounds (fixture->number, &start, &end));
  g_signal_emit_by_name (fixture->number, "copy-clipboard");
  g_signal_emit_by_name (fixture->number, "cut-clipboard");
  dojang_test_iterate_for_ms (100);
  g_assert_null (gdk_clipboard_get_content (clipboard));
  g_assert_null (gdk_clipboard_get_content (gtk_widget_get_primary_clipboard (GTK_WIDGET (fixture->window))));
  g_assert_cmpstr (gtk_editable_get_text (fixture->number), ==, "4111 1111 1111 1111");

  /* Tab goes from the number to the expiry. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->expiry)));

  /* Leaving the step (the page is hidden) wipes both. */
  type (fixture->expiry, "1230");
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  g_assert_cmpstr (gtk_editable_get_text (fixture->number), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (fixture->expiry), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  dojang_register_resource ();

  tree = dojang_test_make_renewal_tree (DOJANG_TEST_AT);
  expected = dojang_test_load_expected (tree);

  g_test_add ("/dojang/renewal-payment/grouping-as-typed", Fixture, NULL,
              fixture_set_up, test_grouping_as_typed, fixture_tear_down);
  g_test_add ("/dojang/renewal-payment/expiry-and-completion", Fixture, NULL,
              fixture_set_up, test_expiry_and_completion, fixture_tear_down);
  g_test_add ("/dojang/renewal-payment/keyboard-and-clipboard", Fixture, NULL,
              fixture_set_up, test_keyboard_and_clipboard, fixture_tear_down);

  status = g_test_run ();

  json_object_unref (expected);
  dojang_test_remove_tree (tree);
  g_free (tree);

  return status;
}
