/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Step 1 of the renewal assistant, 인증서 선택: the certificates Dojang
 * found, each with whether it can be renewed now; for the selected one,
 * why (not), and what to do instead. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificate-format.h"
#include "dojang-seoul.h"
#include "dojang-certificate-successor.h"
#include "dojang-renewal-advice.h"
#include "dojang-renewal-record.h"
#include "dojang-renewal-select-page.h"

struct _DojangRenewalSelectPage
{
  AdwBin                 parent_instance;

  DojangCertificateList *list;
  DojangReminderController *reminders;
  GDateTime             *now;
  GtkSortListModel      *sorted;
  DojangRenewalPlan     *plan;
  DojangCertificate     *successor;
  char                  *wanted_sha256;
  GCancellable          *cancellable;
  gboolean               focus_when_found;

  GtkStack              *list_stack;
  GtkListBox            *list_box;
  AdwPreferencesGroup   *verdict_group;
  GtkLabel              *verdict_label;
  GtkLabel              *contact_label;
  GtkButton             *remind_button;
  GtkButton             *contact_button;
  GtkLabel              *remind_label;
};

G_DEFINE_FINAL_TYPE (DojangRenewalSelectPage, dojang_renewal_select_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CAN_CONTINUE,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define ROW_CERTIFICATE "dojang-certificate"

static gboolean
is_ready (DojangRenewalSelectPage *self,
          DojangCertificate       *certificate)
{
  g_autoptr(DojangRenewalPlan) plan = dojang_renewal_plan_new (certificate, self->now);

  return dojang_renewal_plan_get_eligible (plan) &&
         dojang_certificate_find_successor (G_LIST_MODEL (self->list), certificate) == NULL;
}

/* Renewable ones first, then the others; soonest expiry first in each. */
static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  DojangRenewalSelectPage *self = user_data;
  gboolean ready_a = is_ready (self, (DojangCertificate *) a);
  gboolean ready_b = is_ready (self, (DojangCertificate *) b);

  if (ready_a != ready_b)
    return ready_a ? -1 : 1;

  return g_date_time_compare (dojang_certificate_get_not_after ((DojangCertificate *) a),
                              dojang_certificate_get_not_after ((DojangCertificate *) b));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  DojangRenewalSelectPage *self = user_data;
  DojangCertificate *certificate = item;
  g_autoptr(DojangRenewalPlan) plan = dojang_renewal_plan_new (certificate, self->now);
  DojangCertificate *successor = dojang_certificate_find_successor (G_LIST_MODEL (self->list), certificate);
  g_autofree char *verdict = dojang_renewal_advice_short (plan, successor);
  g_autofree char *until = dojang_seoul_format_expiry_date (dojang_certificate_get_not_after (certificate));
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (verdict);
  gboolean ready = dojang_renewal_plan_get_eligible (plan) && successor == NULL;

  /* TRANSLATORS: CA · certificate type · expiry date */
  subtitle = g_strdup_printf (_("%s · %s · until %s"), dojang_certificate_get_provider_name (certificate),
                              dojang_certificate_get_type_name (certificate), until);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dojang_certificate_get_name (certificate));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, ready ? "success" : "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  /* TRANSLATORS: accessible name of a certificate in the renewal assistant: name, can it be renewed */
  accessible = g_strdup_printf (_("%s, %s"), dojang_certificate_get_name (certificate), verdict);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), ROW_CERTIFICATE, g_object_ref (certificate), g_object_unref);

  return row;
}

static GtkListBoxRow *
find_row (DojangRenewalSelectPage *self,
          const char              *sha256)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      DojangCertificate *certificate = g_object_get_data (G_OBJECT (child), ROW_CERTIFICATE);

      if (certificate != NULL && g_ascii_strcasecmp (dojang_certificate_get_sha256 (certificate), sha256) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static DojangReminderStore *
get_store (DojangRenewalSelectPage *self)
{
  return self->reminders != NULL ? dojang_reminder_controller_get_store (self->reminders) : NULL;
}

/* The store opens in a worker thread: the button waits for it. */
static void
update_remind_button (DojangRenewalSelectPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->remind_button), get_store (self) != NULL);
}

static void
show_verdict (DojangRenewalSelectPage *self)
{
  DojangProvider *provider;
  DojangRenewalReason reason;
  g_autofree char *verdict = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *contact = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->verdict_group), self->plan != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->remind_label), FALSE);
  if (self->plan == NULL)
    return;

  reason = dojang_renewal_plan_get_reason (self->plan);
  provider = dojang_renewal_plan_get_provider (self->plan);
  verdict = dojang_renewal_advice_title (self->plan, self->successor);
  /* TRANSLATORS: the holder's name, then whether the certificate can be renewed */
  title = g_strdup_printf (_("%s: %s"), dojang_certificate_get_name (dojang_renewal_plan_get_certificate (self->plan)),
                           verdict);
  body = dojang_renewal_advice_body (self->plan, self->successor);
  adw_preferences_group_set_title (self->verdict_group, title);
  gtk_label_set_text (self->verdict_label, body);

  /* Whom to call when the answer is "not here": the CA and whether it is open now. */
  if (self->successor == NULL &&
      (reason == DOJANG_RENEWAL_REASON_EXPIRED || reason == DOJANG_RENEWAL_REASON_NO_PRIVATE_KEY))
    contact = dojang_renewal_advice_contact (self->plan);
  gtk_label_set_text (self->contact_label, contact != NULL ? contact : "");
  gtk_widget_set_visible (GTK_WIDGET (self->contact_label), contact != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->contact_button), contact != NULL && provider != NULL);
  if (contact != NULL && provider != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->contact_button), "s", dojang_provider_get_id (provider));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->contact_button), "app.show-provider");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->remind_button),
                          self->successor == NULL && reason == DOJANG_RENEWAL_REASON_TOO_EARLY);
  update_remind_button (self);
}

static void
set_selected (DojangRenewalSelectPage *self,
              DojangCertificate       *certificate)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->plan);
  g_clear_object (&self->successor);

  if (certificate != NULL)
    {
      DojangCertificate *successor = dojang_certificate_find_successor (G_LIST_MODEL (self->list), certificate);

      self->plan = dojang_renewal_plan_new (certificate, self->now);
      self->successor = successor != NULL ? g_object_ref (successor) : NULL;
      g_free (self->wanted_sha256);
      self->wanted_sha256 = g_strdup (dojang_certificate_get_sha256 (certificate));
    }

  show_verdict (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_CONTINUE]);
}

static void
on_row_selected (DojangRenewalSelectPage *self,
                 GtkListBoxRow           *row)
{
  /* A rescan rebuilds the rows: the selection comes back in on_items_changed(). */
  if (row == NULL)
    return;

  set_selected (self, g_object_get_data (G_OBJECT (row), ROW_CERTIFICATE));
}

static void
on_row_activated (DojangRenewalSelectPage *self,
                  GtkListBoxRow           *row)
{
  gtk_list_box_select_row (self->list_box, row);
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
restore_selection (DojangRenewalSelectPage *self)
{
  GtkListBoxRow *row = self->wanted_sha256 != NULL ? find_row (self, self->wanted_sha256) : NULL;

  if (row != NULL)
    {
      gtk_list_box_select_row (self->list_box, row);
      set_selected (self, g_object_get_data (G_OBJECT (row), ROW_CERTIFICATE));
      /* Asked for the focus before the scan found anything. */
      if (self->focus_when_found)
        {
          self->focus_when_found = FALSE;
          gtk_widget_grab_focus (GTK_WIDGET (row));
        }
    }
  else if (self->plan != NULL)
    {
      set_selected (self, NULL);
    }
}

static void
update_stack (DojangRenewalSelectPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  if (!dojang_certificate_list_get_loaded (self->list))
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  else if (n == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static void
on_items_changed (DojangRenewalSelectPage *self)
{
  update_stack (self);
  restore_selection (self);
}

static void
on_reminded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DojangRenewalSelectPage) self = user_data;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  due = dojang_renewal_remind_finish (DOJANG_REMINDER_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->plan == NULL)
    return;

  if (due == NULL)
    {
      /* TRANSLATORS: %s says why, e.g. "The reminder database could not be used: …" */
      text = g_strdup_printf (_("The reminder could not be added: %s"), error->message);
    }
  else
    {
      when = dojang_seoul_format_day (dojang_renewal_plan_get_window_opens (self->plan));
      /* TRANSLATORS: %s is a date; the time is the morning reminder's */
      text = g_strdup_printf (_("Dojang will remind you on %s at 9:00 (Korean time). You can see it on the Reminders page."),
                              when);
    }

  gtk_label_set_text (self->remind_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->remind_label), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remind_button), due == NULL);
}

static void
on_remind_clicked (DojangRenewalSelectPage *self)
{
  DojangReminderStore *store = get_store (self);

  if (self->plan == NULL || store == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->remind_button), FALSE);
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  dojang_renewal_remind_async (store, self->plan, self->cancellable, on_reminded, g_object_ref (self));
}

static void
dojang_renewal_select_page_dispose (GObject *object)
{
  DojangRenewalSelectPage *self = DOJANG_RENEWAL_SELECT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  if (self->reminders != NULL)
    g_signal_handlers_disconnect_by_data (self->reminders, self);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_RENEWAL_SELECT_PAGE);

  g_clear_object (&self->sorted);
  g_clear_object (&self->list);
  g_clear_object (&self->reminders);
  g_clear_object (&self->plan);
  g_clear_object (&self->successor);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->wanted_sha256, g_free);

  G_OBJECT_CLASS (dojang_renewal_select_page_parent_class)->dispose (object);
}

static void
dojang_renewal_select_page_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  DojangRenewalSelectPage *self = DOJANG_RENEWAL_SELECT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CAN_CONTINUE:
      g_value_set_boolean (value, dojang_renewal_select_page_get_can_continue (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_renewal_select_page_class_init (DojangRenewalSelectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_renewal_select_page_dispose;
  object_class->get_property = dojang_renewal_select_page_get_property;

  properties[PROP_CAN_CONTINUE] =
    g_param_spec_boolean ("can-continue", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DojangRenewalSelectPage::activated:
   *
   * A certificate was chosen with Enter or a double click: go on.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/renewal/dojang-renewal-select-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalSelectPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalSelectPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalSelectPage, verdict_group);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalSelectPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalSelectPage, contact_label);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalSelectPage, remind_button);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalSelectPage, contact_button);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalSelectPage, remind_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_remind_clicked);
}

static void
dojang_renewal_select_page_init (DojangRenewalSelectPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * dojang_renewal_select_page_setup:
 * @list: the application's live certificate list
 * @reminders: (nullable): the reminders, for "remind me that day"
 * @now: the instant the plans are for
 */
void
dojang_renewal_select_page_setup (DojangRenewalSelectPage *self,
                                  DojangCertificateList   *list,
                                  DojangReminderController *reminders,
                                  GDateTime               *now)
{
  GtkSorter *sorter;

  g_return_if_fail (DOJANG_IS_RENEWAL_SELECT_PAGE (self));
  g_return_if_fail (DOJANG_IS_CERTIFICATE_LIST (list));
  g_return_if_fail (self->list == NULL);

  self->list = g_object_ref (list);
  self->reminders = reminders != NULL ? g_object_ref (reminders) : NULL;
  self->now = g_date_time_ref (now);
  if (reminders != NULL)
    g_signal_connect_swapped (reminders, "notify::store", G_CALLBACK (update_remind_button), self);

  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, self, NULL));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (list)), sorter);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->sorted), create_row, self, NULL);

  g_signal_connect_swapped (self->sorted, "items-changed", G_CALLBACK (on_items_changed), self);
  g_signal_connect_swapped (list, "notify::loaded", G_CALLBACK (update_stack), self);
  on_items_changed (self);
}

/**
 * dojang_renewal_select_page_select:
 * @sha256: the fingerprint of the certificate to pre-select
 *
 * Selects it now, or as soon as a scan finds it.
 */
void
dojang_renewal_select_page_select (DojangRenewalSelectPage *self,
                                   const char              *sha256)
{
  g_return_if_fail (DOJANG_IS_RENEWAL_SELECT_PAGE (self));
  g_return_if_fail (sha256 != NULL);

  g_free (self->wanted_sha256);
  self->wanted_sha256 = g_strdup (sha256);
  restore_selection (self);
}

/* Returns: (transfer none) (nullable): the plan of the selected certificate */
DojangRenewalPlan *
dojang_renewal_select_page_get_plan (DojangRenewalSelectPage *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_SELECT_PAGE (self), NULL);

  return self->plan;
}

/* Returns: whether the selected certificate can be renewed now */
gboolean
dojang_renewal_select_page_get_can_continue (DojangRenewalSelectPage *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_SELECT_PAGE (self), FALSE);

  return self->plan != NULL && self->successor == NULL && dojang_renewal_plan_get_eligible (self->plan);
}

void
dojang_renewal_select_page_focus (DojangRenewalSelectPage *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (DOJANG_IS_RENEWAL_SELECT_PAGE (self));

  row = gtk_list_box_get_selected_row (self->list_box);
  if (row == NULL && self->wanted_sha256 == NULL)
    row = gtk_list_box_get_row_at_index (self->list_box, 0);
  self->focus_when_found = row == NULL;
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}
