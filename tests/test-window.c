/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The main window restores its size from GSettings and saves it on close. */

#include "config.h"

#include <adwaita.h>

#include "dojang-certificates-page.h"
#include "dojang-help-page.h"
#include "dojang-test-ui.h"
#include "dojang-window.h"

extern void dojang_register_resource (void);


static void
test_window_geometry_round_trip (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window;
  int width = 0;
  int height = 0;

  g_settings_set_int (settings, "window-width", 720);
  g_settings_set_int (settings, "window-height", 510);
  g_settings_set_boolean (settings, "window-maximized", TRUE);

  window = g_object_new (DOJANG_TYPE_WINDOW, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 720);
  g_assert_cmpint (height, ==, 510);

  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_window_show_page (void)
{
  GtkWidget *window = g_object_new (DOJANG_TYPE_WINDOW, NULL);
  GtkWidget *stack;

  dojang_window_show_page (DOJANG_WINDOW (window), "help");
  stack = GTK_WIDGET (gtk_widget_get_template_child (window, DOJANG_TYPE_WINDOW, "stack"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "help");

  /* An unknown page name leaves the window where it was. */
  dojang_window_show_page (DOJANG_WINDOW (window), "no-such-page");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "help");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Which of the header's page buttons are pressed, as "100" for the first. */
static char *
pressed_buttons (GtkWidget *switcher)
{
  GString *pressed = g_string_new (NULL);

  for (GtkWidget *button = gtk_widget_get_first_child (switcher); button != NULL; button = gtk_widget_get_next_sibling (button))
    g_string_append_c (pressed, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)) ? '1' : '0');

  return g_string_free (pressed, FALSE);
}

static void
resize_and_settle (GtkWidget *window,
                   int        width,
                   int        height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  dojang_test_iterate_for_ms (500);
}

/* The header's page switcher: a tab list with a tab per page, pressed as
 * the pages change, whichever way they change; the window's title in its
 * place, and the bottom bar shown, when the window is too narrow for it. */
static void
test_window_page_switcher (void)
{
  GtkWidget *window = g_object_new (DOJANG_TYPE_WINDOW, NULL);
  GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (window, DOJANG_TYPE_WINDOW, "stack"));
  GtkWidget *switcher = GTK_WIDGET (gtk_widget_get_template_child (window, DOJANG_TYPE_WINDOW, "page_switcher"));
  GtkWidget *squeezer = GTK_WIDGET (gtk_widget_get_template_child (window, DOJANG_TYPE_WINDOW, "header_squeezer"));
  GtkWidget *title = GTK_WIDGET (gtk_widget_get_template_child (window, DOJANG_TYPE_WINDOW, "window_title"));
  const char *titles[] = { "Certificates", "Reminders", "Help & Contacts" };
  GtkWidget *button;
  GtkWidget *bar;
  char *pressed;
  guint n = 0;

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (switcher)), ==, GTK_ACCESSIBLE_ROLE_TAB_LIST);
  for (button = gtk_widget_get_first_child (switcher); button != NULL; button = gtk_widget_get_next_sibling (button), n++)
    {
      GtkWidget *label = find_by_type (button, GTK_TYPE_LABEL);

      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (button)), ==, GTK_ACCESSIBLE_ROLE_TAB);
      g_assert_true (gtk_widget_get_focusable (button));
      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, titles[n]);
      g_assert_nonnull (find_by_type (button, GTK_TYPE_IMAGE));
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (titles));

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 630);
  gtk_window_present (GTK_WINDOW (window));
  dojang_test_iterate_for_ms (500);

  g_assert_true (adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer)) == switcher);
  g_assert_null (find_by_type (window, ADW_TYPE_VIEW_SWITCHER_BAR));
  pressed = pressed_buttons (switcher);
  g_assert_cmpstr (pressed, ==, "100");
  g_free (pressed);

  /* A click on a tab shows its page, and only that tab stays pressed. */
  g_signal_emit_by_name (gtk_widget_get_next_sibling (gtk_widget_get_first_child (switcher)), "clicked");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "reminders");
  pressed = pressed_buttons (switcher);
  g_assert_cmpstr (pressed, ==, "010");
  g_free (pressed);

  /* A click on the pressed tab keeps it. */
  g_signal_emit_by_name (gtk_widget_get_next_sibling (gtk_widget_get_first_child (switcher)), "clicked");
  pressed = pressed_buttons (switcher);
  g_assert_cmpstr (pressed, ==, "010");
  g_free (pressed);

  /* Another way to the page (Alt+3, a notification) moves the tab too. */
  dojang_window_show_page (DOJANG_WINDOW (window), "help");
  pressed = pressed_buttons (switcher);
  g_assert_cmpstr (pressed, ==, "001");
  g_free (pressed);

  resize_and_settle (window, 360, 640);
  g_assert_true (adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer)) == title);
  bar = find_by_type (window, ADW_TYPE_VIEW_SWITCHER_BAR);
  g_assert_nonnull (bar);
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));

  resize_and_settle (window, 900, 630);
  g_assert_true (adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer)) == switcher);
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Picking a certificate on the Certificates page fills the issuer and type
 * of the Help page's "Before you call" form, and so the inquiry summary. */
static void
test_window_certificate_reaches_help_form (void)
{
  g_autofree char *tree = dojang_test_make_npki_tree (DOJANG_TEST_AT, 0);
  g_autoptr(JsonObject) expected = dojang_test_load_expected (tree);
  JsonObject *want = dojang_test_find_expected (expected, "certificates", "name", "김철수");
  g_autoptr(GFile) file = g_file_new_for_path (json_object_get_string_member (want, "path"));
  GtkWidget *window = g_object_new (DOJANG_TYPE_WINDOW, NULL);
  DojangCertificatesPage *certificates = dojang_window_get_certificates_page (DOJANG_WINDOW (window));
  GtkWidget *help = GTK_WIDGET (dojang_window_get_help_page (DOJANG_WINDOW (window)));
  const char *no_roots[] = { NULL };
  g_autoptr(DojangCertificateList) list = dojang_certificate_list_new_for_roots (no_roots);
  g_autofree char *summary = NULL;
  gint64 end;

  /* The application's list, in the app; here one that looks nowhere but
   * in what is opened. */
  dojang_certificates_page_set_list (certificates, list);
  gtk_window_present (GTK_WINDOW (window));
  dojang_certificates_page_open_file (certificates, file);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (dojang_certificates_page_get_selected_certificate (certificates) == NULL &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (dojang_certificates_page_get_selected_certificate (certificates));

  g_assert_true (dojang_help_page_show_provider (DOJANG_HELP_PAGE (help), "kica"));
  g_assert_true (gtk_widget_activate_action (help, "help.copy-summary", NULL));
  summary = dojang_test_read_clipboard (help);

  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "■ 인증서 발급기관: 한국정보인증 (SignGate)\n"));
  g_assert_nonnull (strstr (summary, "■ 인증서 종류: 범용 (개인)\n"));

  gtk_window_destroy (GTK_WINDOW (window));
  dojang_test_remove_tree (tree);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  dojang_register_resource ();

  g_test_add_func ("/dojang/window/geometry-round-trip", test_window_geometry_round_trip);
  g_test_add_func ("/dojang/window/show-page", test_window_show_page);
  g_test_add_func ("/dojang/window/page-switcher", test_window_page_switcher);
  g_test_add_func ("/dojang/window/certificate-reaches-help-form", test_window_certificate_reaches_help_form);

  return g_test_run ();
}
