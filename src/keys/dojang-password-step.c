/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The password step every password dialog shares: the entry with its
 * secret buffer (what is deleted is overwritten), the one check or
 * re-encryption running off the main thread with its cancellable and
 * spinner, and what follows it: a wrong password is wiped and the focus
 * goes back to the entry for retyping; a success wipes it too; any other
 * failure leaves it, as the password may be right. */

#include "config.h"

#include <adwaita.h>

#include "dojang-password-step.h"
#include "dojang-secret-buffer.h"

struct _DojangPasswordStep
{
  GtkEditable    *entry;
  GtkEntryBuffer *buffer;
  GtkSpinner     *spinner;
  GtkLabel       *result_label;
  GCancellable   *cancellable;
};

/**
 * dojang_password_step_new:
 * @entry: a password entry or entry row, which gets a secret buffer
 * @accessible_name: the name a screen reader (and a test) finds it by
 * @spinner: (nullable): shown while the work runs
 * @result_label: (nullable): where dojang_password_step_show_result() writes
 *
 * The widgets belong to the caller's template; the step keeps only
 * pointers to them and must be freed in the caller's dispose.
 */
DojangPasswordStep *
dojang_password_step_new (GtkEditable *entry,
                          const char  *accessible_name,
                          GtkSpinner  *spinner,
                          GtkLabel    *result_label)
{
  DojangPasswordStep *step;
  GtkEditable *text;

  g_return_val_if_fail (GTK_IS_EDITABLE (entry), NULL);

  step = g_new0 (DojangPasswordStep, 1);
  step->entry = entry;
  step->spinner = spinner;
  step->result_label = result_label;
  step->buffer = g_object_ref (dojang_secret_buffer_install (entry));

  /* An entry row's name goes on the text inside it, which has the focus;
   * a password entry takes it itself. */
  text = ADW_IS_ENTRY_ROW (entry) ? gtk_editable_get_delegate (entry) : entry;
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);

  return step;
}

static void
stop_spinner (DojangPasswordStep *step)
{
  if (step->spinner == NULL)
    return;

  gtk_spinner_stop (step->spinner);
  gtk_widget_set_visible (GTK_WIDGET (step->spinner), FALSE);
}

/* Stops the work under way, if any: its end is never reported. */
void
dojang_password_step_cancel (DojangPasswordStep *step)
{
  g_cancellable_cancel (step->cancellable);
  g_clear_object (&step->cancellable);
  stop_spinner (step);
}

/* Stops the work under way and wipes the password. */
void
dojang_password_step_free (DojangPasswordStep *step)
{
  if (step == NULL)
    return;

  dojang_password_step_cancel (step);
  dojang_password_step_wipe (step);
  g_clear_object (&step->buffer);
  g_free (step);
}

gboolean
dojang_password_step_get_empty (DojangPasswordStep *step)
{
  return gtk_entry_buffer_get_length (step->buffer) == 0;
}

/* Returns: whether work started by dojang_password_step_begin() runs */
gboolean
dojang_password_step_get_busy (DojangPasswordStep *step)
{
  return step->cancellable != NULL;
}

/**
 * dojang_password_step_peek:
 * @length: (out): the password's length in bytes
 *
 * Returns: the password as typed, in place: the work it is handed to
 *   copies it into secure memory at once
 */
const char *
dojang_password_step_peek (DojangPasswordStep *step,
                           gsize              *length)
{
  *length = gtk_entry_buffer_get_bytes (step->buffer);

  return gtk_entry_buffer_get_text (step->buffer);
}

/**
 * dojang_password_step_begin:
 *
 * The work is starting: the spinner turns and the last result goes.
 *
 * Returns: (transfer none): the work's cancellable, cancelled when the
 *   step is freed
 */
GCancellable *
dojang_password_step_begin (DojangPasswordStep *step)
{
  g_return_val_if_fail (step->cancellable == NULL, NULL);

  step->cancellable = g_cancellable_new ();
  if (step->result_label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (step->result_label), FALSE);
  if (step->spinner != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (step->spinner), TRUE);
      gtk_spinner_start (step->spinner);
    }

  return step->cancellable;
}

/**
 * dojang_password_step_end:
 * @error: (nullable): how the work failed, %NULL if it succeeded
 * @wrong_domain: the error domain saying the password is wrong
 * @wrong_code: the code in that domain
 *
 * The work has finished. A wrong password is wiped and the focus is back
 * in the entry; after a success it is wiped too.
 *
 * Returns: %FALSE when the work was cancelled or the step is gone
 *   (@step is %NULL once its dialog is disposed): nothing to show
 */
gboolean
dojang_password_step_end (DojangPasswordStep *step,
                          const GError       *error,
                          GQuark              wrong_domain,
                          int                 wrong_code)
{
  if (step == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;

  g_clear_object (&step->cancellable);
  stop_spinner (step);

  if (error == NULL)
    dojang_password_step_wipe (step);
  else if (g_error_matches (error, wrong_domain, wrong_code))
    {
      dojang_password_step_wipe (step);
      dojang_password_step_focus (step);
    }

  return TRUE;
}

/* The result line, as an error or as a success. */
void
dojang_password_step_show_result (DojangPasswordStep *step,
                                  const char         *text,
                                  gboolean            failed)
{
  g_return_if_fail (step->result_label != NULL);

  gtk_label_set_text (step->result_label, text);
  gtk_widget_set_css_classes (GTK_WIDGET (step->result_label),
                              (const char *[]) { failed ? "error" : "success", NULL });
  gtk_widget_set_visible (GTK_WIDGET (step->result_label), TRUE);
}

/* The secret buffer overwrites what it deletes. */
void
dojang_password_step_wipe (DojangPasswordStep *step)
{
  gtk_entry_buffer_delete_text (step->buffer, 0, -1);
}

void
dojang_password_step_focus (DojangPasswordStep *step)
{
  gtk_widget_grab_focus (GTK_WIDGET (step->entry));
}
