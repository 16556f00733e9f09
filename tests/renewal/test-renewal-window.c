/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The renewal assistant in a real (Xvfb) window, in English: the window
 * title names each step, the buttons carry the names assistive technology
 * (and the Korean GUI test) rely on, the password step wipes its entry when
 * it is left, a free certificate skips the payment, and the last page
 * offers the CA's renewal page. The Korean flows through AT-SPI are in
 * test-renewal-assistant.py. */

#include "config.h"

#include <string.h>

#include "dojang-password-check.h"
#include "dojang-renewal-password-page.h"
#include "dojang-renewal-window.h"
#include "dojang-test-ui.h"

extern void dojang_register_resource (void);

/* The password of the keys make-npki-tree.py writes. */
#define KEY_PASSWORD "fixture-password-1!"

static char *tree;
static JsonObject *expected;

static const char *
sha256_of (const char *label)
{
  return json_object_get_string_member (dojang_test_find_expected (expected, "certificates", "label", label),
                                        "sha256");
}

static GObject *
child (GtkWidget  *widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (object);

  return object;
}

/* The labelled button that activates @action_name (the header bar's close
 * icon does too), wherever it is in @widget. */
static GtkButton *
find_button (GtkWidget  *widget,
             const char *action_name)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return GTK_BUTTON (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkButton *found = find_button (c, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static DojangCertificateList *
load_list (void)
{
  JsonArray *roots = json_object_get_array_member (expected, "roots");
  const char *paths[] = { json_array_get_string_element (roots, 0), NULL };
  DojangCertificateList *list = dojang_certificate_list_new_for_roots (paths);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end &&
         !(dojang_certificate_list_get_loaded (list) && !dojang_certificate_list_get_loading (list)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dojang_certificate_list_get_loaded (list));

  return list;
}

static GtkEditable *
password_entry (DojangRenewalWindow *window)
{
  GObject *page = child (GTK_WIDGET (window), DOJANG_TYPE_RENEWAL_WINDOW, "password_page");
  GObject *check = child (GTK_WIDGET (page), DOJANG_TYPE_RENEWAL_PASSWORD_PAGE, "check");

  return GTK_EDITABLE (child (GTK_WIDGET (check), DOJANG_TYPE_PASSWORD_CHECK, "entry"));
}

static void
wait_for_title (DojangRenewalWindow *window,
                const char          *title)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end && g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), title) != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
}

static DojangRenewalWindow *
open_on (DojangCertificateList *list,
         const char            *label)
{
  g_autoptr(GDateTime) now = dojang_test_parse_instant (DOJANG_TEST_AT);
  DojangRenewalWindow *window = dojang_renewal_window_new (NULL, list, NULL, now);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (dojang_renewal_window_select (window, sha256_of (label)));
  dojang_test_iterate_for_ms (200);

  return window;
}

static void
test_paid_steps (void)
{
  g_autoptr(DojangCertificateList) list = load_list ();
  DojangRenewalWindow *window = open_on (list, "kica-paid");
  GtkButton *next = GTK_BUTTON (child (GTK_WIDGET (window), DOJANG_TYPE_RENEWAL_WINDOW, "next_button"));
  GtkButton *back = GTK_BUTTON (child (GTK_WIDGET (window), DOJANG_TYPE_RENEWAL_WINDOW, "back_button"));
  GtkButton *cancel = find_button (GTK_WIDGET (window), "window.close");
  GtkEditable *entry = password_entry (window);
  GtkWidget *focus;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Select certificate · Renewal rehearsal");
  g_assert_cmpstr (gtk_button_get_label (next), ==, "Next");
  g_assert_cmpstr (gtk_button_get_label (back), ==, "Back");
  g_assert_cmpstr (gtk_button_get_label (cancel), ==, "Cancel");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (back)));
  dojang_test_keep_screenshot (GTK_WIDGET (window), "renewal-window-select-en.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "renewal.next", NULL);
  wait_for_title (window, "Certificate password · Renewal rehearsal");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));

  /* Leaving the step wipes the password; coming back starts empty. */
  gtk_editable_set_text (entry, KEY_PASSWORD);
  gtk_widget_activate_action (GTK_WIDGET (window), "renewal.back", NULL);
  wait_for_title (window, "Select certificate · Renewal rehearsal");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  gtk_widget_activate_action (GTK_WIDGET (window), "renewal.next", NULL);
  wait_for_title (window, "Certificate password · Renewal rehearsal");

  gtk_editable_set_text (entry, KEY_PASSWORD);
  gtk_widget_activate_action (GTK_WIDGET (window), "renewal.next", NULL);
  wait_for_title (window, "Payment · Renewal rehearsal");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (GTK_WIDGET (child (GTK_WIDGET (window), DOJANG_TYPE_RENEWAL_WINDOW,
                                                                             "payment_page")),
                                                        g_type_from_name ("DojangRenewalPaymentPage"), "phone_choice")),
                               TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "renewal.next", NULL);
  wait_for_title (window, "Confirm · Renewal rehearsal");
  g_assert_cmpstr (gtk_button_get_label (next), ==, "Finish");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (GTK_WIDGET (child (GTK_WIDGET (window), DOJANG_TYPE_RENEWAL_WINDOW,
                                                                               "confirm_page")),
                                                            g_type_from_name ("DojangRenewalConfirmPage"),
                                                            "open_button"))), ==, "Open renewal page");
  dojang_test_keep_screenshot (GTK_WIDGET (window), "renewal-window-confirm-en.png");

  /* Without a store there is nothing to record: Finish just closes. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_widget_activate_action (GTK_WIDGET (window), "renewal.next", NULL);
  dojang_test_iterate_for_ms (100);
  g_assert_null (window);
}

static void
test_free_and_not_eligible (void)
{
  g_autoptr(DojangCertificateList) list = load_list ();
  DojangRenewalWindow *window = open_on (list, "yessign-free");
  GtkLabel *payment_step = GTK_LABEL (child (GTK_WIDGET (window), DOJANG_TYPE_RENEWAL_WINDOW, "step_payment"));
  GtkEditable *entry = password_entry (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "renewal.next", NULL);
  wait_for_title (window, "Certificate password · Renewal rehearsal");
  g_assert_nonnull (strstr (gtk_label_get_text (payment_step), "Free — no payment step"));
  gtk_editable_set_text (entry, KEY_PASSWORD);
  gtk_widget_activate_action (GTK_WIDGET (window), "renewal.next", NULL);
  wait_for_title (window, "Confirm · Renewal rehearsal");

  /* Renewed at the bank: no single page to open. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (GTK_WIDGET (child (GTK_WIDGET (window), DOJANG_TYPE_RENEWAL_WINDOW,
                                                                                  "confirm_page")),
                                                               g_type_from_name ("DojangRenewalConfirmPage"),
                                                               "open_button"))));

  /* Back skips the payment the other way too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "renewal.back", NULL);
  wait_for_title (window, "Certificate password · Renewal rehearsal");

  /* Back on the first step an expired certificate goes nowhere. */
  gtk_widget_activate_action (GTK_WIDGET (window), "renewal.back", NULL);
  wait_for_title (window, "Select certificate · Renewal rehearsal");
  g_assert_true (dojang_renewal_window_select (window, sha256_of ("crosscert-expired")));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (child (GTK_WIDGET (window), DOJANG_TYPE_RENEWAL_WINDOW, "next_button"))));
  gtk_widget_activate_action (GTK_WIDGET (window), "renewal.next", NULL);
  dojang_test_iterate_for_ms (100);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Select certificate · Renewal rehearsal");

  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add_func ("/dojang/renewal-window/paid-steps", test_paid_steps);
  g_test_add_func ("/dojang/renewal-window/free-and-not-eligible", test_free_and_not_eligible);

  status = g_test_run ();

  json_object_unref (expected);
  dojang_test_remove_tree (tree);
  g_free (tree);

  return status;
}
