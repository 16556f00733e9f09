/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The shared `_async`/`_finish` helper: work runs off the calling thread,
 * results and errors come back, nothing leaks. */

#include "config.h"

#include "dojang-task.h"

static GThread *main_thread;
static int results_freed;
static int data_freed;

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  gpointer   value;
  GError    *error;
  gboolean   take_value;
} Outcome;

static void
free_result (gpointer result)
{
  g_atomic_int_inc (&results_freed);
  g_free (result);
}

static void
free_data (gpointer data)
{
  g_atomic_int_inc (&data_freed);
  g_free (data);
}

/* Doubles the number it is given; refuses negative ones. */
static gboolean
double_in_thread (gpointer       source_object,
                  gpointer       work_data,
                  GCancellable  *cancellable,
                  gpointer      *result,
                  GError       **error)
{
  int input = *(int *) work_data;
  int doubled = input * 2;

  g_assert_true (g_thread_self () != main_thread);

  if (input < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "negative: %d", input);
      return FALSE;
    }

  *result = g_memdup2 (&doubled, sizeof doubled);
  return TRUE;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Outcome *outcome = user_data;

  g_assert_true (g_thread_self () == main_thread);
  g_assert_true (source == NULL || G_IS_OBJECT (source));
  outcome->ok = dojang_task_finish (result, source, double_in_thread,
                                    outcome->take_value ? &outcome->value : NULL,
                                    &outcome->error);
  g_main_loop_quit (outcome->loop);
}

static void
run (GObject      *source,
     int           input,
     GCancellable *cancellable,
     Outcome      *outcome)
{
  outcome->loop = g_main_loop_new (NULL, FALSE);
  dojang_task_run_in_thread (source, double_in_thread, double_in_thread,
                             g_memdup2 (&input, sizeof input), free_data, free_result,
                             cancellable, on_done, outcome);
  g_main_loop_run (outcome->loop);
  g_main_loop_unref (outcome->loop);
}

/* The task holds its data until it is finalized, which may happen just
 * after the callback returns. */
static void
wait_for (int *counter,
          int  expected)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_atomic_int_get (counter) < expected && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (g_atomic_int_get (counter), ==, expected);
}

static void
test_result (void)
{
  g_autoptr(GObject) source = g_object_new (G_TYPE_OBJECT, NULL);
  Outcome outcome = { .take_value = TRUE };
  g_autofree int *value = NULL;

  results_freed = data_freed = 0;
  run (source, 21, NULL, &outcome);

  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  value = outcome.value;
  g_assert_nonnull (value);
  g_assert_cmpint (*value, ==, 42);
  wait_for (&data_freed, 1);
  /* The caller took the result: not freed by the task. */
  g_assert_cmpint (results_freed, ==, 0);
}

static void
test_error (void)
{
  Outcome outcome = { .take_value = TRUE };

  results_freed = data_freed = 0;
  run (NULL, -3, NULL, &outcome);

  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (outcome.error->message, ==, "negative: -3");
  g_assert_null (outcome.value);
  g_clear_error (&outcome.error);
  wait_for (&data_freed, 1);
}

static void
test_unclaimed_result_freed (void)
{
  Outcome outcome = { .take_value = FALSE };

  results_freed = data_freed = 0;
  run (NULL, 5, NULL, &outcome);

  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  g_assert_cmpint (results_freed, ==, 1);
  wait_for (&data_freed, 1);
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome outcome = { .take_value = TRUE };

  results_freed = data_freed = 0;
  g_cancellable_cancel (cancellable);
  run (NULL, 5, cancellable, &outcome);

  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (outcome.value);
  g_clear_error (&outcome.error);
  /* The work finished anyway; its result is dropped, not leaked. */
  wait_for (&data_freed, 1);
  wait_for (&results_freed, 1);
}

/* Records that it ran in its data, then fails: the caller still reads it. */
static gboolean
note_and_fail_in_thread (gpointer       source_object,
                         gpointer       work_data,
                         GCancellable  *cancellable,
                         gpointer      *result,
                         GError       **error)
{
  *(int *) work_data = 7;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "already done");
  return FALSE;
}

static void
on_noted (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = dojang_task_finish (result, source, note_and_fail_in_thread, NULL, &outcome->error);
  outcome->value = g_memdup2 (dojang_task_get_work_data (result), sizeof (int));
  g_main_loop_quit (outcome->loop);
}

static void
test_work_data_after_failure (void)
{
  Outcome outcome = { 0 };
  g_autofree int *noted = NULL;

  data_freed = 0;
  outcome.loop = g_main_loop_new (NULL, FALSE);
  dojang_task_run_in_thread (NULL, note_and_fail_in_thread, note_and_fail_in_thread,
                             g_new0 (int, 1), free_data, NULL, NULL, on_noted, &outcome);
  g_main_loop_run (outcome.loop);
  g_main_loop_unref (outcome.loop);

  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&outcome.error);
  noted = outcome.value;
  g_assert_cmpint (*noted, ==, 7);
  wait_for (&data_freed, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  g_test_add_func ("/dojang/task/result", test_result);
  g_test_add_func ("/dojang/task/error", test_error);
  g_test_add_func ("/dojang/task/unclaimed-result-freed", test_unclaimed_result_freed);
  g_test_add_func ("/dojang/task/cancelled", test_cancelled);
  g_test_add_func ("/dojang/task/work-data-after-failure", test_work_data_after_failure);

  return g_test_run ();
}
