/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Reminders page, the manual-entry dialog and the Reminders group of
 * the Preferences, in-process on a real display (Xvfb), on a real store in a
 * temporary folder. Set DOJANG_TEST_SCREENSHOT_DIR to keep PNGs of them. */

#include "config.h"

#include <glib/gstdio.h>

#include "dojang-manual-entry-dialog.h"
#include "dojang-reminder-preferences.h"
#include "dojang-reminder-row.h"
#include "dojang-reminders-page.h"
#include "dojang-test-ui.h"

extern void dojang_register_resource (void);

typedef struct
{
  char                *folder;
  DojangReminderStore *store;
  GtkWidget           *window;
  DojangRemindersPage *page;
} Fixture;

static gboolean
spin_until (gboolean (*done) (gpointer),
            gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  return done (data);
}

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), DOJANG_TYPE_REMINDERS_PAGE, name);

  g_assert_nonnull (object);

  return GTK_WIDGET (object);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (page_child (fixture, "stack")));
}

static char *
store_path (Fixture *fixture)
{
  return g_build_filename (fixture->folder, "dojang.db", NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->folder = g_dir_make_tmp ("reminders-page-XXXXXX", &error);
  g_assert_no_error (error);

  if (data != NULL)
    {
      g_autofree char *garbage = store_path (fixture);

      g_file_set_contents (garbage, "definitely not a database", -1, &error);
      g_assert_no_error (error);
    }

  path = store_path (fixture);
  fixture->store = dojang_reminder_store_new (path, &error);
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  fixture->page = g_object_new (DOJANG_TYPE_REMINDERS_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  dojang_reminders_page_set_store (fixture->page, fixture->store, NULL);
  dojang_test_iterate_for_ms (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
  dojang_test_iterate_for_ms (20);

  dir = g_dir_open (fixture->folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->folder, name, NULL);
      g_remove (child);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->folder);
}

static gboolean
list_shown (gpointer data)
{
  return g_strcmp0 (visible_page (data), "list") == 0;
}

static void
test_empty_then_list (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) not_after = g_date_time_add_days (now, 100);
  g_autoptr(GDateTime) in_200_days = g_date_time_add_days (now, 200);
  g_autofree char *expiry = g_date_time_format (in_200_days, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  GtkWidget *upcoming;
  GtkWidget *first;

  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (page_child (fixture, "banner_revealer"))));

  dojang_reminder_store_upsert_certificate (fixture->store,
                                            "abababababababababababababababababababababababababababababababab",
                                            "홍길동()0011", "홍길동", "yessign", "범용", not_after, NULL, now, &error);
  g_assert_no_error (error);
  /* A name typed with "&" and "<" is shown as typed, never parsed as markup. */
  dojang_reminder_store_add_manual_entry (fixture->store, "엄마 & 아빠 <폰>", "kica", "은행용", expiry, &error);
  g_assert_no_error (error);

  g_assert_true (spin_until (list_shown, fixture));
  upcoming = page_child (fixture, "upcoming_list");
  /* One row per certificate, not one per reminder. */
  g_assert_cmpuint (count_rows (upcoming), ==, 2);
  g_assert_cmpuint (count_rows (page_child (fixture, "entries_list")), ==, 1);
  g_assert_nonnull (dojang_test_find_label (page_child (fixture, "entries_list"), "엄마 & 아빠 <폰>"));

  /* Soonest first: the certificate expiring in 100 days. */
  first = gtk_widget_get_first_child (upcoming);
  g_assert_true (DOJANG_IS_REMINDER_ROW (first));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "홍길동 (KFTC 범용)");
  g_assert_cmpint (dojang_reminder_get_lead_days (dojang_reminder_row_get_reminder (DOJANG_REMINDER_ROW (first))),
                   ==, 60);
  dojang_test_keep_screenshot (fixture->window, "reminders-page.png");
}

typedef struct
{
  Fixture *fixture;
  guint    rows;
} RowsWait;

typedef struct
{
  Fixture   *fixture;
  GtkWidget *old_row;
} ChangedWait;

static gboolean
changed_row (gpointer data)
{
  ChangedWait *wait = data;
  GtkWidget *list = page_child (wait->fixture, "upcoming_list");
  GtkWidget *row = gtk_widget_get_first_child (list);

  row = row != NULL ? gtk_widget_get_next_sibling (row) : NULL;

  return row != NULL && row != wait->old_row;
}

static gboolean
has_rows (gpointer data)
{
  RowsWait *wait = data;

  return count_rows (page_child (wait->fixture, "upcoming_list")) == wait->rows;
}

static GtkWidget *
nth_row (Fixture *fixture,
         guint    n)
{
  GtkWidget *row = gtk_widget_get_first_child (page_child (fixture, "upcoming_list"));

  for (guint i = 0; i < n && row != NULL; i++)
    row = gtk_widget_get_next_sibling (row);

  g_assert_nonnull (row);

  return row;
}

/* A change to one certificate's reminders rebuilds its row only: the
 * others keep their widgets (and so the focus). */
static void
test_rows_kept (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *sha256s[] = {
    "1111111111111111111111111111111111111111111111111111111111111111",
    "2222222222222222222222222222222222222222222222222222222222222222",
    "3333333333333333333333333333333333333333333333333333333333333333",
  };
  static const char *subjects[] = { "홍길동()0011", "김영희()0022", "이철수()0033" };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  RowsWait three = { fixture, 3 };
  GtkWidget *first, *second, *third;
  g_autoptr(DojangReminder) reminder = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sha256s); i++)
    {
      g_autoptr(GDateTime) not_after = g_date_time_add_days (now, 100 + 50 * i);

      dojang_reminder_store_upsert_certificate (fixture->store, sha256s[i], subjects[i], subjects[i],
                                                "yessign", "범용", not_after, NULL, now, &error);
      g_assert_no_error (error);
    }
  g_assert_true (spin_until (has_rows, &three));
  first = nth_row (fixture, 0);
  /* Held, so that a new row cannot take the old one's address. */
  second = g_object_ref (nth_row (fixture, 1));
  third = nth_row (fixture, 2);

  /* The middle one's next reminder is dismissed: its row shows the one after. */
  reminder = g_object_ref (dojang_reminder_row_get_reminder (DOJANG_REMINDER_ROW (second)));
  g_assert_true (dojang_reminder_store_dismiss (fixture->store, dojang_reminder_get_id (reminder), &error));
  g_assert_no_error (error);
  g_assert_true (spin_until (changed_row, &(ChangedWait) { fixture, second }));

  g_assert_true (nth_row (fixture, 0) == first);
  g_assert_true (nth_row (fixture, 2) == third);
  g_assert_cmpint (dojang_reminder_get_lead_days (dojang_reminder_row_get_reminder (DOJANG_REMINDER_ROW (nth_row (fixture, 1)))),
                   <, dojang_reminder_get_lead_days (reminder));
  g_object_unref (second);
}

static gboolean
empty_shown (gpointer data)
{
  return g_strcmp0 (visible_page (data), "empty") == 0;
}

static void
test_delete_entry_follows_store (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = dojang_reminder_store_add_manual_entry (fixture->store, "USB", "other", "", "2030-01-31", &error);
  g_assert_no_error (error);
  g_assert_true (spin_until (list_shown, fixture));

  dojang_reminder_store_remove_manual_entry (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (spin_until (empty_shown, fixture));
}

static void
test_recovered_banner (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *label = page_child (fixture, "banner_label");
  const char *moved = dojang_reminder_store_get_recovered_from (fixture->store);

  g_assert_nonnull (moved);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (page_child (fixture, "banner_revealer"))));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), moved));
  dojang_test_keep_screenshot (fixture->window, "reminders-recovered.png");
  /* The page itself works on the fresh database. */
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
}

static void
test_unavailable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = g_error_new_literal (DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_FAILED,
                                                 "The disk at /media/A & B <1> is on fire");

  dojang_reminders_page_set_store (fixture->page, NULL, error);
  g_assert_cmpstr (visible_page (fixture), ==, "unavailable");
  /* Shown as it is: a path is no markup. */
  g_assert_nonnull (dojang_test_find_label (page_child (fixture, "unavailable_page"),
                                            "The disk at /media/A & B <1> is on fire"));
}

/* Check at login is on by default; when it is off the page says plainly
 * that reminders come only while Dojang is open, and turns it on. */
static void
test_login_check_off (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *group = page_child (fixture, "login_group");

  g_settings_reset (settings, "check-at-login");
  g_assert_true (g_settings_get_boolean (settings, "check-at-login"));
  g_assert_false (gtk_widget_get_visible (group));

  g_settings_set_boolean (settings, "check-at-login", FALSE);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (page_child (fixture, "login_row"))), ==,
                   "Reminders come only while Dojang is open");

  g_signal_emit_by_name (page_child (fixture, "login_button"), "clicked");
  g_assert_true (g_settings_get_boolean (settings, "check-at-login"));
  g_assert_false (gtk_widget_get_visible (group));
}

static GtkWidget *
dialog_child (DojangManualEntryDialog *dialog,
              const char              *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), DOJANG_TYPE_MANUAL_ENTRY_DIALOG, name);

  g_assert_nonnull (object);

  return GTK_WIDGET (object);
}

static guint
count_entries (DojangReminderStore *store)
{
  g_autoptr(GPtrArray) entries = dojang_reminder_store_list_manual_entries (store, NULL);

  return entries->len;
}

static gboolean
has_entry (gpointer data)
{
  return count_entries (data) > 0;
}

static void
test_dialog_validation (Fixture       *fixture,
                        gconstpointer  data)
{
  DojangManualEntryDialog *dialog = dojang_manual_entry_dialog_new (fixture->store, NULL);
  g_autoptr(GDateTime) day = g_date_time_new_local (2027, 3, 31, 12, 0, 0);
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *save = dialog_child (dialog, "save_button");
  GtkWidget *name = dialog_child (dialog, "name_row");
  GtkWidget *error_label = dialog_child (dialog, "error_label");
  GtkWidget *provider = dialog_child (dialog, "provider_row");
  DojangManualEntry *entry;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  dojang_test_iterate_for_ms (50);

  /* Nothing filled in: no saving, but no error either, no issuer chosen for
   * the person and no day shown as chosen. */
  g_assert_false (dojang_manual_entry_dialog_can_save (dialog));
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (provider)), ==, 0);
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "calendar"), "no-day"));

  /* A name alone is not enough… */
  gtk_editable_set_text (GTK_EDITABLE (name), "회사 USB");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_get_visible (error_label));
  dojang_test_keep_screenshot (GTK_WIDGET (dialog), "manual-entry-dialog.png");

  /* …and spaces are no name. */
  gtk_calendar_select_day (GTK_CALENDAR (dialog_child (dialog, "calendar")), day);
  g_assert_false (gtk_widget_has_css_class (dialog_child (dialog, "calendar"), "no-day"));
  gtk_editable_set_text (GTK_EDITABLE (name), "   ");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (name, "error"));

  gtk_editable_set_text (GTK_EDITABLE (name), "회사 USB");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (error_label));

  /* "Not chosen", the five CAs and "Other". */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (provider))), ==, 7);
  adw_combo_row_set_selected (ADW_COMBO_ROW (provider), 6);

  gtk_widget_activate (save);
  g_assert_true (spin_until (has_entry, fixture->store));
  dojang_test_iterate_for_ms (50);
  g_assert_null (dialog);

  entries = dojang_reminder_store_list_manual_entries (fixture->store, NULL);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (dojang_manual_entry_get_name (entry), ==, "회사 USB");
  g_assert_cmpstr (dojang_manual_entry_get_provider_id (entry), ==, "other");
  g_assert_cmpstr (dojang_manual_entry_get_expiry_date (entry), ==, "2027-03-31");
}

static gboolean
renamed (gpointer data)
{
  g_autoptr(GPtrArray) entries = dojang_reminder_store_list_manual_entries (data, NULL);

  return entries->len == 1 &&
         g_strcmp0 (dojang_manual_entry_get_expiry_date (g_ptr_array_index (entries, 0)), "2028-01-15") == 0;
}

static void
test_dialog_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2028, 1, 15, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  DojangManualEntryDialog *dialog;

  dojang_reminder_store_add_manual_entry (fixture->store, "엄마 휴대폰", "koscom", "증권용", "2027-05-05", &error);
  g_assert_no_error (error);
  entries = dojang_reminder_store_list_manual_entries (fixture->store, NULL);

  dialog = dojang_manual_entry_dialog_new (fixture->store, g_ptr_array_index (entries, 0));
  gtk_window_present (GTK_WINDOW (dialog));
  dojang_test_iterate_for_ms (50);

  g_assert_true (dojang_manual_entry_dialog_can_save (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "name_row"))), ==, "엄마 휴대폰");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "type_row"))), ==, "증권용");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (dialog_child (dialog, "provider_row"))), ==, 2);

  gtk_calendar_select_day (GTK_CALENDAR (dialog_child (dialog, "calendar")), day);
  gtk_widget_activate (dialog_child (dialog, "save_button"));
  g_assert_true (spin_until (renamed, fixture->store));
}

static void
set_lead_days (GSettings  *settings,
               const int  *days,
               gsize       n)
{
  g_settings_set_value (settings, "reminder-lead-days",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, days, n, sizeof (gint32)));
}

static char *
lead_days_text (GSettings *settings)
{
  g_autoptr(GVariant) value = g_settings_get_value (settings, "reminder-lead-days");

  return g_variant_print (value, FALSE);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  DojangReminderPreferences *group = g_object_new (DOJANG_TYPE_REMINDER_PREFERENCES, NULL);
  GtkWidget *window = gtk_window_new ();
  static const int custom[] = { 14, 7 };
  g_autofree char *text = NULL;
  GtkSwitch *lead_60, *lead_7, *lead_1, *login;

  g_settings_reset (settings, "reminder-lead-days");
  g_settings_reset (settings, "check-at-login");
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (group));
  dojang_reminder_preferences_set_settings (group, settings);
  gtk_window_present (GTK_WINDOW (window));

#define SWITCH(name) GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (group), DOJANG_TYPE_REMINDER_PREFERENCES, name))
  lead_60 = SWITCH ("lead_60_switch");
  lead_7 = SWITCH ("lead_7_switch");
  lead_1 = SWITCH ("lead_1_switch");
  login = SWITCH ("login_switch");
#undef SWITCH

  /* The defaults: every offered lead time on, and the login check. */
  g_assert_true (gtk_switch_get_active (lead_60));
  g_assert_true (gtk_switch_get_active (lead_1));
  g_assert_true (gtk_switch_get_active (login));
  gtk_switch_set_active (login, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "check-at-login"));

  gtk_switch_set_active (lead_60, FALSE);
  text = lead_days_text (settings);
  g_assert_cmpstr (text, ==, "[30, 7, 1, 0]");

  /* A lead time set elsewhere shows and survives the switches. */
  set_lead_days (settings, custom, G_N_ELEMENTS (custom));
  g_assert_true (gtk_switch_get_active (lead_7));
  g_assert_false (gtk_switch_get_active (lead_1));
  gtk_switch_set_active (lead_1, TRUE);
  g_clear_pointer (&text, g_free);
  text = lead_days_text (settings);
  g_assert_cmpstr (text, ==, "[14, 7, 1]");

  gtk_switch_set_active (login, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "check-at-login"));
  dojang_test_keep_screenshot (window, "reminder-preferences.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  dojang_register_resource ();

#define ADD(name, func, data) \
  g_test_add ("/dojang/reminders-page/" name, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("empty-then-list", test_empty_then_list, NULL);
  ADD ("delete-entry-follows-store", test_delete_entry_follows_store, NULL);
  ADD ("rows-kept", test_rows_kept, NULL);
  ADD ("recovered-banner", test_recovered_banner, "garbage");
  ADD ("unavailable", test_unavailable, NULL);
  ADD ("dialog-validation", test_dialog_validation, NULL);
  ADD ("dialog-edit", test_dialog_edit, NULL);
  ADD ("login-check-off", test_login_check_off, NULL);
#undef ADD
  g_test_add_func ("/dojang/reminders-page/preferences", test_preferences);

  return g_test_run ();
}
