/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Help page in-process: the API the rest of the app calls
 * (show_provider, set_certificate) and what its actions put on the
 * clipboard and in a toast. Needs a display (tests/isolate.sh gives one). */

#include "config.h"

#include <adwaita.h>

#include "dojang-help-page.h"
#include "dojang-system-info.h"
#include "dojang-test-ui.h"

extern void dojang_register_resource (void);


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
  g_autofree char *os = dojang_system_info_get_os_text ();
  g_autofree char *os_line = g_strdup_printf ("■ 운영체제: %s\n", os);
  g_autofree char *text = NULL;

  g_assert_true (dojang_help_page_show_provider (DOJANG_HELP_PAGE (page), "kica"));
  dojang_help_page_set_certificate (DOJANG_HELP_PAGE (page), "한국정보인증 (signGATE CA4)", "범용 (개인)");

  g_assert_true (gtk_widget_activate_action (page, "help.copy-summary", NULL));
  text = dojang_test_read_clipboard (page);

  /* Korean whatever the UI language, with the Korean name of the CA. */
  g_assert_true (g_str_has_prefix (text, "[한국정보인증 공동인증서 문의]\n"));
  g_assert_nonnull (strstr (text, "■ 인증서 종류: 범용 (개인)\n"));
  g_assert_nonnull (strstr (text, "■ 인증서 발급기관: 한국정보인증 (signGATE CA4)\n"));
  g_assert_nonnull (strstr (text, "■ 문제가 생긴 사이트: (모름)\n"));
  g_assert_nonnull (strstr (text, "■ 오류 메시지 또는 코드: (모름)\n"));
  g_assert_nonnull (strstr (text, os_line));
  /* DOJANG_NOW pins the app's clock to a Friday morning in Seoul. */
  g_assert_nonnull (strstr (text, "■ 작성 시각: 2026년 9월 25일 (금) 10:00 (한국 시간)\n"));

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("DOJANG_NOW", "2026-09-25T10:00:00+09:00", TRUE);

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    g_error ("No display: run the test under tests/isolate.sh");
  adw_init ();
  dojang_register_resource ();

  g_test_add_func ("/dojang/help-page/show-provider", test_show_provider);
  g_test_add_func ("/dojang/help-page/copy-phone", test_copy_phone);
  g_test_add_func ("/dojang/help-page/inquiry-summary-uses-the-form", test_inquiry_summary_uses_the_form);

  return g_test_run ();
}
