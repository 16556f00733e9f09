/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The password step's widgets in a real (Xvfb) window, on keys written by
 * make-keys.py: the check runs off the UI thread and reports right, wrong,
 * damaged, unsupported and another certificate's key; the entry is wiped
 * as the check starts and when it is hidden, and the secret buffer really
 * overwrites what it deletes. The new-password widget accepts only what
 * meets the rule, typed twice. */

#include "config.h"

#include <string.h>

#include "dojang-new-password.h"
#include "dojang-password-check.h"
#include "dojang-secret-buffer.h"
#include "dojang-test-ui.h"
#include "key-fixtures.h"

extern void dojang_register_resource (void);

static char *keys;

typedef struct
{
  GtkWindow           *window;
  DojangPasswordCheck *check;
  GtkEditable         *entry;
  gboolean             finished;
  gboolean             correct;
} Fixture;

static void
on_finished (DojangPasswordCheck *check,
             gboolean             correct,
             Fixture             *fixture)
{
  fixture->finished = TRUE;
  fixture->correct = correct;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->check = DOJANG_PASSWORD_CHECK (dojang_password_check_new ());
  fixture->entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (fixture->check),
                                                                DOJANG_TYPE_PASSWORD_CHECK, "entry"));
  g_signal_connect (fixture->check, "finished", G_CALLBACK (on_finished), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->check));
  gtk_window_present (fixture->window);
  dojang_test_iterate_for_ms (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
}

static const char *
result_text (Fixture *fixture)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (fixture->check), DOJANG_TYPE_PASSWORD_CHECK,
                                                  "result_label");

  return gtk_label_get_text (GTK_LABEL (label));
}

static void
use_key (Fixture    *fixture,
         const char *folder)
{
  g_autofree char *key = g_build_filename (keys, folder, "signPri.key", NULL);
  g_autofree char *cert = g_build_filename (keys, folder, "signCert.der", NULL);

  dojang_password_check_set_key (fixture->check, key, g_file_test (cert, G_FILE_TEST_EXISTS) ? cert : NULL);
}

/* Types @password and checks it; returns how long the check took. */
static gint64
check_password (Fixture    *fixture,
                const char *password)
{
  gint64 start;

  gtk_editable_set_text (fixture->entry, password);
  fixture->finished = FALSE;
  start = g_get_monotonic_time ();
  g_assert_true (dojang_password_check_start (fixture->check));

  /* Wiped at once; the check works on its own copy, in a worker thread. */
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, "");
  g_assert_cmpint (dojang_password_check_get_state (fixture->check), ==, DOJANG_PASSWORD_CHECK_CHECKING);
  g_assert_false (dojang_password_check_start (fixture->check));

  while (!fixture->finished)
    g_main_context_iteration (NULL, TRUE);

  return g_get_monotonic_time () - start;
}

static void
test_right_and_wrong (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *formats[] = { "seed-sha1", "pbes2-seed", "legacy-seed", "seed-sha1-korean" };
  GtkWidget *focus;
  gint64 took;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *password = g_str_has_suffix (formats[i], "korean") ? KEY_FIXTURE_PASSWORD_KOREAN
                                                                     : KEY_FIXTURE_PASSWORD;

      use_key (fixture, formats[i]);
      took = check_password (fixture, password);
      g_test_message ("%s: right password checked in %" G_GINT64_FORMAT " ms", formats[i], took / 1000);
      g_assert_true (fixture->correct);
      g_assert_cmpint (dojang_password_check_get_state (fixture->check), ==, DOJANG_PASSWORD_CHECK_CORRECT);
      g_assert_cmpstr (result_text (fixture), !=, "");

      check_password (fixture, "Not-the-password1!");
      g_assert_false (fixture->correct);
      g_assert_cmpint (dojang_password_check_get_state (fixture->check), ==, DOJANG_PASSWORD_CHECK_WRONG);
      /* What to do when it is forgotten; no lockout is claimed. */
      g_assert_nonnull (strstr (result_text (fixture), "재발급"));

      /* Retyping starts in the entry. */
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      g_assert_true (focus == GTK_WIDGET (fixture->entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (fixture->entry)));

      /* Typing again clears the stale result. */
      gtk_editable_set_text (fixture->entry, "x");
      g_assert_cmpint (dojang_password_check_get_state (fixture->check), ==, DOJANG_PASSWORD_CHECK_EMPTY);
    }
}

static void
test_keys_that_cannot_be_checked (Fixture       *fixture,
                                  gconstpointer  data)
{
  const char *folders[] = { "other-certificate", "damaged-certificate" };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      use_key (fixture, folders[i]);
      check_password (fixture, KEY_FIXTURE_PASSWORD);
      g_assert_false (fixture->correct);
      g_assert_cmpint (dojang_password_check_get_state (fixture->check), ==, DOJANG_PASSWORD_CHECK_FAILED);
    }

  {
    g_autofree char *damaged = g_build_filename (keys, "damaged", "truncated.key", NULL);
    g_autofree char *unsupported = g_build_filename (keys, "damaged", "unknown-oid.key", NULL);

    dojang_password_check_set_key (fixture->check, damaged, NULL);
    check_password (fixture, KEY_FIXTURE_PASSWORD);
    g_assert_cmpint (dojang_password_check_get_state (fixture->check), ==, DOJANG_PASSWORD_CHECK_FAILED);
    g_assert_nonnull (strstr (result_text (fixture), "signPri.key"));

    dojang_password_check_set_key (fixture->check, unsupported, NULL);
    check_password (fixture, KEY_FIXTURE_PASSWORD);
    g_assert_cmpint (dojang_password_check_get_state (fixture->check), ==, DOJANG_PASSWORD_CHECK_FAILED);
    g_assert_nonnull (strstr (result_text (fixture), "1.2.410.200004.1.99"));
  }

  /* No key at all: nothing to check. */
  dojang_password_check_set_key (fixture->check, NULL, NULL);
  gtk_editable_set_text (fixture->entry, KEY_FIXTURE_PASSWORD);
  g_assert_false (dojang_password_check_start (fixture->check));
  g_assert_cmpint (dojang_password_check_get_state (fixture->check), ==, DOJANG_PASSWORD_CHECK_FAILED);

  /* An empty entry is not checked. */
  use_key (fixture, "seed-sha1");
  g_assert_false (dojang_password_check_start (fixture->check));
  g_assert_cmpint (dojang_password_check_get_state (fixture->check), ==, DOJANG_PASSWORD_CHECK_EMPTY);
}

static void
test_wiped_when_hidden (Fixture       *fixture,
                        gconstpointer  data)
{
  use_key (fixture, "seed-sha1");
  gtk_editable_set_text (fixture->entry, KEY_FIXTURE_PASSWORD);
  g_assert_false (dojang_password_check_get_empty (fixture->check));

  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, "");
  g_assert_true (dojang_password_check_get_empty (fixture->check));
}

static void
test_secret_buffer_overwrites (void)
{
  g_autoptr(GtkEntryBuffer) buffer = dojang_secret_buffer_new ();
  const char *secret = "Secret-4111!";
  gsize length = strlen (secret);
  const char *text;

  gtk_entry_buffer_set_text (buffer, secret, -1);
  text = gtk_entry_buffer_get_text (buffer);
  g_assert_cmpstr (text, ==, secret);

  /* Deleting the middle moves the tail down and wipes where it was. */
  gtk_entry_buffer_delete_text (buffer, 2, 4);
  g_assert_cmpstr (gtk_entry_buffer_get_text (buffer), ==, "Se-4111!");
  for (gsize i = strlen ("Se-4111!") + 1; i <= length; i++)
    g_assert_cmpint (text[i], ==, 0);

  /* The same block: nothing of the secret is left in it. */
  gtk_entry_buffer_delete_text (buffer, 0, -1);
  g_assert_true (gtk_entry_buffer_get_text (buffer) == text);
  for (gsize i = 0; i <= length; i++)
    g_assert_cmpint (text[i], ==, 0);
  g_assert_cmpuint (gtk_entry_buffer_get_length (buffer), ==, 0);

  /* Growing keeps the text. */
  gtk_entry_buffer_set_text (buffer, "가나다라마바사아자차카타파하1234567890!@#$%^&*()", -1);
  g_assert_cmpstr (gtk_entry_buffer_get_text (buffer), ==, "가나다라마바사아자차카타파하1234567890!@#$%^&*()");
  g_assert_cmpuint (gtk_entry_buffer_get_length (buffer), ==, 34);
}

static void
test_new_password (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *widget = dojang_new_password_new ();
  GtkEditable *password = GTK_EDITABLE (gtk_widget_get_template_child (widget, DOJANG_TYPE_NEW_PASSWORD, "password_entry"));
  GtkEditable *repeat = GTK_EDITABLE (gtk_widget_get_template_child (widget, DOJANG_TYPE_NEW_PASSWORD, "repeat_entry"));
  DojangNewPassword *self = DOJANG_NEW_PASSWORD (widget);
  gsize length = 0;

  gtk_window_set_child (window, widget);
  gtk_window_present (window);

  gtk_editable_set_text (password, "q7w!e8r@t9");
  g_assert_false (dojang_new_password_get_acceptable (self));
  gtk_editable_set_text (repeat, "q7w!e8r@t");
  g_assert_false (dojang_new_password_get_acceptable (self));
  gtk_editable_set_text (repeat, "q7w!e8r@t9");
  g_assert_true (dojang_new_password_get_acceptable (self));
  g_assert_cmpstr (dojang_new_password_peek (self, &length), ==, "q7w!e8r@t9");
  g_assert_cmpuint (length, ==, 10);

  /* The same twice, but against the rule. */
  gtk_editable_set_text (password, "abc123!!!xyz");
  gtk_editable_set_text (repeat, "abc123!!!xyz");
  g_assert_false (dojang_new_password_get_acceptable (self));

  g_assert_null (dojang_new_password_peek (self, NULL));

  dojang_new_password_clear (self);
  g_assert_cmpstr (gtk_editable_get_text (password), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (repeat), ==, "");
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  dojang_register_resource ();
  keys = key_fixtures_create ();

  g_test_add ("/dojang/password-check/right-and-wrong", Fixture, NULL,
              fixture_set_up, test_right_and_wrong, fixture_tear_down);
  g_test_add ("/dojang/password-check/cannot-be-checked", Fixture, NULL,
              fixture_set_up, test_keys_that_cannot_be_checked, fixture_tear_down);
  g_test_add ("/dojang/password-check/wiped-when-hidden", Fixture, NULL,
              fixture_set_up, test_wiped_when_hidden, fixture_tear_down);
  g_test_add_func ("/dojang/password-check/secret-buffer-overwrites", test_secret_buffer_overwrites);
  g_test_add_func ("/dojang/password-check/new-password", test_new_password);

  status = g_test_run ();
  key_fixtures_remove (keys);
  g_free (keys);

  return status;
}
