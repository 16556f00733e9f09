/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The renewal assistant: 인증서 선택 → 인증서 암호 입력 → 결제 → 확인, the
 * steps the CAs' own renewal pages take, rehearsed. Dojang never contacts
 * a CA: it checks what this computer can (the certificate, its window,
 * its key and password, the fee), rehearses payment, and hands over to the
 * place where the real renewal happens. A finished rehearsal is recorded;
 * a cancelled one leaves nothing behind.
 *
 * GTK 4.8 tells assistive technologies neither what is on screen nor where,
 * so the window title names the current step ("Certificate password ·
 * Renewal rehearsal") and each step puts the focus on its first field.
 * Enter is Next (the default widget), Escape cancels, Alt+Left goes back. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-clock.h"
#include "dojang-renewal-confirm-page.h"
#include "dojang-renewal-password-page.h"
#include "dojang-renewal-payment-page.h"
#include "dojang-renewal-record.h"
#include "dojang-renewal-select-page.h"
#include "dojang-renewal-window.h"

typedef enum
{
  STEP_SELECT,
  STEP_PASSWORD,
  STEP_PAYMENT,
  STEP_CONFIRM,
  N_STEPS
} Step;

static const char * const step_pages[N_STEPS] = { "select", "password", "payment", "confirm" };

struct _DojangRenewalWindow
{
  AdwWindow                  parent_instance;

  DojangReminderController  *reminders;
  GDateTime                 *now;
  DojangRenewalPlan         *plan;
  GCancellable              *cancellable;
  Step                       step;
  gboolean                   recorded;
  gboolean                   finishing;

  GtkLabel                  *step_labels[N_STEPS];
  GtkLabel                  *step_select;
  GtkLabel                  *step_password;
  GtkLabel                  *step_payment;
  GtkLabel                  *step_confirm;
  GtkStack                  *stack;
  DojangRenewalSelectPage   *select_page;
  DojangRenewalPasswordPage *password_page;
  DojangRenewalPaymentPage  *payment_page;
  DojangRenewalConfirmPage  *confirm_page;
  GtkButton                 *back_button;
  GtkButton                 *next_button;
};

G_DEFINE_FINAL_TYPE (DojangRenewalWindow, dojang_renewal_window, ADW_TYPE_WINDOW)

static const char *
step_name (Step step)
{
  switch (step)
    {
    case STEP_SELECT:
      return C_("renewal step", "Select certificate");
    case STEP_PASSWORD:
      return C_("renewal step", "Certificate password");
    case STEP_PAYMENT:
      return C_("renewal step", "Payment");
    case STEP_CONFIRM:
    default:
      return C_("renewal step", "Confirm");
    }
}

static gboolean
payment_skipped (DojangRenewalWindow *self)
{
  return self->plan != NULL && !dojang_renewal_plan_get_payment_required (self->plan);
}

static void
update_steps (DojangRenewalWindow *self)
{
  for (Step step = 0; step < N_STEPS; step++)
    {
      g_autofree char *text = NULL;
      gboolean skipped = step == STEP_PAYMENT && payment_skipped (self);
      const char *css = step == self->step ? "renewal-step-current"
                        : skipped ? "renewal-step-skipped"
                        : step < self->step ? "renewal-step-done" : "renewal-step-todo";

      if (skipped)
        /* TRANSLATORS: step number, step name, then why it is skipped */
        text = g_strdup_printf (_("%d. %s\n%s"), step + 1, step_name (step), _("Free — no payment step"));
      else
        /* TRANSLATORS: a step of the renewal assistant: number and name */
        text = g_strdup_printf (_("%d. %s"), step + 1, step_name (step));

      gtk_label_set_text (self->step_labels[step], text);
      gtk_widget_set_css_classes (GTK_WIDGET (self->step_labels[step]), (const char *[]) { "renewal-step", css, NULL });
    }
}

static void
update_buttons (DojangRenewalWindow *self)
{
  gboolean can_go_on;

  switch (self->step)
    {
    case STEP_SELECT:
      can_go_on = dojang_renewal_select_page_get_can_continue (self->select_page);
      break;
    case STEP_PASSWORD:
      can_go_on = !dojang_renewal_password_page_get_busy (self->password_page);
      break;
    case STEP_PAYMENT:
      can_go_on = dojang_renewal_payment_page_get_complete (self->payment_page);
      break;
    case STEP_CONFIRM:
    default:
      can_go_on = !self->finishing;
      break;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "renewal.next", can_go_on);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "renewal.back", self->step > STEP_SELECT);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->step > STEP_SELECT);
  gtk_button_set_label (self->next_button, self->step == STEP_CONFIRM ? _("Finish") : _("Next"));
}

static void
focus_step (DojangRenewalWindow *self)
{
  switch (self->step)
    {
    case STEP_SELECT:
      dojang_renewal_select_page_focus (self->select_page);
      break;
    case STEP_PASSWORD:
      dojang_renewal_password_page_focus (self->password_page);
      break;
    case STEP_PAYMENT:
      dojang_renewal_payment_page_focus (self->payment_page);
      break;
    case STEP_CONFIRM:
    default:
      /* Nothing to fill in: Finish, which Enter activates anyway. */
      gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
      break;
    }
}

static void
go_to (DojangRenewalWindow *self,
       Step                 step)
{
  g_autofree char *title = NULL;
  Step left = self->step;

  /* Secrets never outlive their step (the pages also wipe when hidden). */
  if (left == STEP_PASSWORD)
    dojang_renewal_password_page_clear (self->password_page);
  if (left == STEP_PAYMENT)
    dojang_renewal_payment_page_clear (self->payment_page);

  if (step == STEP_PASSWORD)
    dojang_renewal_password_page_set_plan (self->password_page, self->plan);
  if (step == STEP_PAYMENT && left < STEP_PAYMENT)
    dojang_renewal_payment_page_setup (self->payment_page, self->plan, self->now);
  if (step == STEP_CONFIRM)
    dojang_renewal_confirm_page_setup (self->confirm_page, self->plan,
                                       payment_skipped (self) ? "none"
                                                              : dojang_renewal_payment_page_get_method (self->payment_page),
                                       dojang_renewal_password_page_get_new_password (self->password_page));

  self->step = step;
  gtk_stack_set_visible_child_name (self->stack, step_pages[step]);

  /* TRANSLATORS: the assistant's window title; %s is the step, e.g. "Payment" */
  title = g_strdup_printf (_("%s · Renewal rehearsal"), step_name (step));
  gtk_window_set_title (GTK_WINDOW (self), title);

  update_steps (self);
  update_buttons (self);
  focus_step (self);
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DojangRenewalWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dojang_renewal_record_finish (DOJANG_REMINDER_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("The rehearsal was not recorded: %s", error->message);
    }

  if (self->finishing)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Returns: whether a record is being written */
static gboolean
record (DojangRenewalWindow *self,
        const char          *outcome)
{
  DojangReminderStore *store = self->reminders != NULL ? dojang_reminder_controller_get_store (self->reminders) : NULL;
  g_autoptr(GDateTime) now = NULL;

  if (self->recorded || store == NULL)
    return FALSE;

  now = dojang_clock_get_now ();
  self->recorded = TRUE;
  dojang_renewal_record_async (store, self->plan, now,
                               payment_skipped (self) ? "none"
                                                      : dojang_renewal_payment_page_get_method (self->payment_page),
                               outcome, NULL, on_recorded, g_object_ref (self));

  return TRUE;
}

static void
finish (DojangRenewalWindow *self)
{
  self->finishing = TRUE;
  update_buttons (self);

  if (!record (self, "finished"))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DojangRenewalWindow *self = DOJANG_RENEWAL_WINDOW (widget);

  switch (self->step)
    {
    case STEP_SELECT:
      if (!dojang_renewal_select_page_get_can_continue (self->select_page))
        return;
      g_set_object (&self->plan, dojang_renewal_select_page_get_plan (self->select_page));
      go_to (self, STEP_PASSWORD);
      break;

    case STEP_PASSWORD:
      /* On to the next step from on_password_verified(). */
      dojang_renewal_password_page_start (self->password_page);
      break;

    case STEP_PAYMENT:
      if (dojang_renewal_payment_page_get_complete (self->payment_page))
        go_to (self, STEP_CONFIRM);
      break;

    case STEP_CONFIRM:
    default:
      finish (self);
      break;
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DojangRenewalWindow *self = DOJANG_RENEWAL_WINDOW (widget);

  switch (self->step)
    {
    case STEP_CONFIRM:
      go_to (self, payment_skipped (self) ? STEP_PASSWORD : STEP_PAYMENT);
      break;
    case STEP_PAYMENT:
      go_to (self, STEP_PASSWORD);
      break;
    case STEP_PASSWORD:
      go_to (self, STEP_SELECT);
      break;
    case STEP_SELECT:
    default:
      break;
    }
}

static void
on_uri_shown (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DojangRenewalWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      record (self, "renewal_page_opened");
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->plan == NULL)
    return;

  /* TRANSLATORS: first %s says why, second is the web address */
  notice = g_strdup_printf (_("The page could not be opened (%s). Type its address in your web browser: %s"),
                            error->message, dojang_renewal_plan_get_renewal_url (self->plan));
  dojang_renewal_confirm_page_show_notice (self->confirm_page, notice);
}

static void
open_renewal_page_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DojangRenewalWindow *self = DOJANG_RENEWAL_WINDOW (widget);
  const char *uri = self->plan != NULL ? dojang_renewal_plan_get_renewal_url (self->plan) : NULL;

  if (uri == NULL)
    return;

  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, self->cancellable,
                     on_uri_shown, g_object_ref (self));
}

static void
on_select_activated (DojangRenewalWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "renewal.next", NULL);
}

static void
on_password_verified (DojangRenewalWindow *self)
{
  go_to (self, payment_skipped (self) ? STEP_CONFIRM : STEP_PAYMENT);
}

static void
dojang_renewal_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (dojang_renewal_window_parent_class)->map (widget);

  focus_step (DOJANG_RENEWAL_WINDOW (widget));
}

static void
dojang_renewal_window_dispose (GObject *object)
{
  DojangRenewalWindow *self = DOJANG_RENEWAL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_RENEWAL_WINDOW);
  g_clear_object (&self->plan);
  g_clear_object (&self->reminders);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (dojang_renewal_window_parent_class)->dispose (object);
}

static void
dojang_renewal_window_class_init (DojangRenewalWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_renewal_window_dispose;
  widget_class->map = dojang_renewal_window_map;

  g_type_ensure (DOJANG_TYPE_RENEWAL_SELECT_PAGE);
  g_type_ensure (DOJANG_TYPE_RENEWAL_PASSWORD_PAGE);
  g_type_ensure (DOJANG_TYPE_RENEWAL_PAYMENT_PAGE);
  g_type_ensure (DOJANG_TYPE_RENEWAL_CONFIRM_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/renewal/dojang-renewal-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalWindow, step_select);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalWindow, step_password);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalWindow, step_payment);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalWindow, step_confirm);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalWindow, select_page);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalWindow, password_page);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalWindow, payment_page);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalWindow, confirm_page);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalWindow, next_button);
  gtk_widget_class_bind_template_callback (widget_class, update_buttons);
  gtk_widget_class_bind_template_callback (widget_class, on_select_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_password_verified);

  gtk_widget_class_install_action (widget_class, "renewal.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "renewal.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "renewal.open-renewal-page", NULL, open_renewal_page_action);

  /* GtkWindow has no Escape binding of its own; closing is cancelling. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "renewal.back", NULL);
}

static void
dojang_renewal_window_init (DojangRenewalWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->step_labels[STEP_SELECT] = self->step_select;
  self->step_labels[STEP_PASSWORD] = self->step_password;
  self->step_labels[STEP_PAYMENT] = self->step_payment;
  self->step_labels[STEP_CONFIRM] = self->step_confirm;
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->next_button));
}

/**
 * dojang_renewal_window_new:
 * @parent: (nullable): the main window
 * @list: the application's live certificate list
 * @reminders: (nullable): the reminders, whose store keeps rehearsals and
 *   "remind me that day" (it may still be opening)
 * @now: the instant it all happens at (the application's clock)
 */
DojangRenewalWindow *
dojang_renewal_window_new (GtkWindow             *parent,
                           DojangCertificateList *list,
                           DojangReminderController *reminders,
                           GDateTime             *now)
{
  DojangRenewalWindow *self;

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_LIST (list), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (DOJANG_TYPE_RENEWAL_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->reminders = reminders != NULL ? g_object_ref (reminders) : NULL;
  self->now = g_date_time_ref (now);

  dojang_renewal_select_page_setup (self->select_page, list, reminders, now);
  self->step = STEP_CONFIRM;
  go_to (self, STEP_SELECT);

  return self;
}

/**
 * dojang_renewal_window_select:
 * @sha256: the certificate to renew
 *
 * Pre-selects it, unless the rehearsal is already past its first step.
 *
 * Returns: whether it was (or will be, once found) selected
 */
gboolean
dojang_renewal_window_select (DojangRenewalWindow *self,
                              const char          *sha256)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_WINDOW (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);

  if (self->step != STEP_SELECT)
    return FALSE;

  dojang_renewal_select_page_select (self->select_page, sha256);
  dojang_renewal_select_page_focus (self->select_page);

  return TRUE;
}
