/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Step 3 of the renewal assistant, 결제: the fee for the certificate's
 * type and the payment methods the CAs offer (card, bank transfer, mobile
 * phone), rehearsed. The card number is grouped as it is typed and checked
 * with its Luhn digit, the expiry must not be past. Nothing typed here is
 * kept, logged or put on the clipboard: the text lives in wiped secure
 * buffers, copy and cut are refused, no selection is allowed (on X11 a
 * selection is a clipboard too), and both entries are wiped when the step
 * is left. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dojang-card-check.h"
#include "dojang-certificate-format.h"
#include "dojang-clock.h"
#include "dojang-renewal-payment-page.h"
#include "dojang-secret-buffer.h"

#define EXPIRY_SIZE 8

struct _DojangRenewalPaymentPage
{
  AdwBin             parent_instance;

  GDateTime         *now;
  gboolean           complete;

  GtkLabel          *fee_label;
  GtkCheckButton    *card_choice;
  GtkCheckButton    *transfer_choice;
  GtkCheckButton    *phone_choice;
  GtkStack          *method_stack;
  GtkEntry          *card_number;
  GtkEntry          *card_expiry;
  GtkLabel          *card_status;
};

G_DEFINE_FINAL_TYPE (DojangRenewalPaymentPage, dojang_renewal_payment_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_status (DojangRenewalPaymentPage *self,
            const char               *css_class,
            const char               *message)
{
  gtk_label_set_text (self->card_status, message != NULL ? message : "");
  gtk_widget_set_css_classes (GTK_WIDGET (self->card_status), (const char *[]) { css_class, NULL });
}

static void
update_complete (DojangRenewalPaymentPage *self)
{
  char digits[DOJANG_CARD_NUMBER_MAX_DIGITS + 1];
  const char *expiry = gtk_editable_get_text (GTK_EDITABLE (self->card_expiry));
  gsize count = dojang_card_number_digits (gtk_editable_get_text (GTK_EDITABLE (self->card_number)),
                                           digits, sizeof digits);
  gboolean number_ok = count <= DOJANG_CARD_NUMBER_MAX_DIGITS && dojang_card_number_valid (digits);
  DojangCardExpiry expiry_state = dojang_card_expiry_check (expiry, self->now);
  gboolean complete;

  explicit_bzero (digits, sizeof digits);

  if (!gtk_check_button_get_active (self->card_choice))
    complete = TRUE;
  else
    complete = number_ok && expiry_state == DOJANG_CARD_EXPIRY_VALID;

  /* A number is judged once it is whole, or once the expiry is being typed. */
  if (!number_ok && count > 0 && (count >= 16 || *expiry != '\0'))
    set_status (self, "error", _("This card number is not valid: its last digit does not match the others. Check it again."));
  else if (expiry_state == DOJANG_CARD_EXPIRY_PAST)
    set_status (self, "error", _("This card has expired."));
  else if (expiry_state == DOJANG_CARD_EXPIRY_INVALID)
    set_status (self, "error", _("Type the expiry as month and year, such as 08/28."));
  else if (complete && gtk_check_button_get_active (self->card_choice))
    set_status (self, "success", _("The card details look right. Nothing is charged in a rehearsal."));
  else
    set_status (self, NULL, NULL);

  if (complete != self->complete)
    {
      self->complete = complete;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
    }
}

typedef gsize (*FormatFunc) (const char *text,
                             char       *out,
                             gsize       size);

static gsize
format_number (const char *text,
               char       *out,
               gsize       size)
{
  char digits[DOJANG_CARD_NUMBER_MAX_DIGITS + 1];
  gsize length;

  dojang_card_number_digits (text, digits, sizeof digits);
  length = dojang_card_number_format (digits, out, size);
  explicit_bzero (digits, sizeof digits);

  return length;
}

/* The byte offset in @formatted just after its @digits-th digit. */
static int
position_after_digits (const char *formatted,
                       guint       digits)
{
  int position = 0;

  for (guint seen = 0; formatted[position] != '\0' && seen < digits; position++)
    seen += g_ascii_isdigit (formatted[position]) ? 1 : 0;

  return position;
}

static guint
count_digits (const char *text,
              gsize       length)
{
  guint count = 0;

  for (gsize i = 0; i < length && text[i] != '\0'; i++)
    count += g_ascii_isdigit (text[i]) ? 1 : 0;

  return count;
}

/* Typing goes through here: the text with the new characters is formatted
 * as a whole, and the cursor lands after the digit just typed. Everything
 * is built in stack buffers that are wiped before returning. */
static void
insert_formatted (GtkEditable *text,
                  const char  *new_text,
                  int          length,
                  int         *position,
                  FormatFunc   format)
{
  const char *old = gtk_editable_get_text (text);
  gsize old_length = strlen (old);
  gsize insert_length = length < 0 ? strlen (new_text) : (gsize) length;
  gsize at = g_utf8_offset_to_pointer (old, *position) - old;
  char candidate[64];
  char formatted[DOJANG_CARD_NUMBER_FORMATTED_SIZE];
  guint digits_before;

  /* Our own rewrite below comes through here too: let it in. */
  if (g_object_get_data (G_OBJECT (text), "dojang-rewriting") != NULL)
    return;

  g_signal_stop_emission_by_name (text, "insert-text");
  if (old_length + insert_length >= sizeof candidate)
    return;

  memcpy (candidate, old, at);
  memcpy (candidate + at, new_text, insert_length);
  memcpy (candidate + at + insert_length, old + at, old_length - at + 1);
  digits_before = count_digits (candidate, at + insert_length);
  format (candidate, formatted, sizeof formatted);

  g_object_set_data (G_OBJECT (text), "dojang-rewriting", GINT_TO_POINTER (TRUE));
  gtk_editable_set_text (text, formatted);
  g_object_set_data (G_OBJECT (text), "dojang-rewriting", NULL);
  *position = (int) g_utf8_pointer_to_offset (formatted, formatted + position_after_digits (formatted, digits_before));

  explicit_bzero (candidate, sizeof candidate);
  explicit_bzero (formatted, sizeof formatted);
}

static void
on_number_insert (GtkEditable *text,
                  const char  *new_text,
                  int          length,
                  int         *position)
{
  insert_formatted (text, new_text, length, position, format_number);
}

static void
on_expiry_insert (GtkEditable *text,
                  const char  *new_text,
                  int          length,
                  int         *position)
{
  insert_formatted (text, new_text, length, position, dojang_card_expiry_format);
}

/* After a deletion the grouping may be off ("4111 1|11"); the cursor stays
 * after the same digit. */
static void
regroup (GtkEditable *entry,
         FormatFunc   format)
{
  const char *text = gtk_editable_get_text (entry);
  const char *cursor = g_utf8_offset_to_pointer (text, gtk_editable_get_position (entry));
  char formatted[DOJANG_CARD_NUMBER_FORMATTED_SIZE];
  guint digits_before = count_digits (text, cursor - text);

  format (text, formatted, sizeof formatted);
  if (strcmp (text, formatted) != 0)
    {
      gtk_editable_set_text (entry, formatted);
      gtk_editable_set_position (entry, position_after_digits (formatted, digits_before));
    }
  explicit_bzero (formatted, sizeof formatted);
}

static void
on_card_number_changed (DojangRenewalPaymentPage *self)
{
  g_signal_handlers_block_by_func (self->card_number, on_card_number_changed, self);
  regroup (GTK_EDITABLE (self->card_number), format_number);
  g_signal_handlers_unblock_by_func (self->card_number, on_card_number_changed, self);

  update_complete (self);
}

static void
on_card_expiry_changed (DojangRenewalPaymentPage *self)
{
  g_signal_handlers_block_by_func (self->card_expiry, on_card_expiry_changed, self);
  regroup (GTK_EDITABLE (self->card_expiry), dojang_card_expiry_format);
  g_signal_handlers_unblock_by_func (self->card_expiry, on_card_expiry_changed, self);

  update_complete (self);
}

static void
on_method_toggled (DojangRenewalPaymentPage *self)
{
  const char *method = dojang_renewal_payment_page_get_method (self);

  gtk_stack_set_visible_child_name (self->method_stack, method);
  if (g_strcmp0 (method, "card") != 0)
    dojang_renewal_payment_page_clear (self);
  update_complete (self);
}

static void
refuse_clipboard (GtkText    *text,
                  const char *signal_name)
{
  g_signal_stop_emission_by_name (text, signal_name);
}

static void
on_copy (GtkText *text)
{
  refuse_clipboard (text, "copy-clipboard");
}

static void
on_cut (GtkText *text)
{
  refuse_clipboard (text, "cut-clipboard");
}

/* A selection would offer the digits as the X11 primary selection. */
static void
on_selection (GtkEditable *text)
{
  int start, end;

  if (gtk_editable_get_selection_bounds (text, &start, &end))
    gtk_editable_select_region (text, end, end);
}

static void
protect (GtkEntry  *entry,
         GCallback  on_insert)
{
  GtkEditable *text;

  dojang_secret_buffer_install (GTK_EDITABLE (entry));
  text = gtk_editable_get_delegate (GTK_EDITABLE (entry));
  g_signal_connect (text, "insert-text", on_insert, NULL);
  g_signal_connect (text, "copy-clipboard", G_CALLBACK (on_copy), NULL);
  g_signal_connect (text, "cut-clipboard", G_CALLBACK (on_cut), NULL);
  g_signal_connect (text, "notify::selection-bound", G_CALLBACK (on_selection), NULL);
}

static void
dojang_renewal_payment_page_unmap (GtkWidget *widget)
{
  dojang_renewal_payment_page_clear (DOJANG_RENEWAL_PAYMENT_PAGE (widget));

  GTK_WIDGET_CLASS (dojang_renewal_payment_page_parent_class)->unmap (widget);
}

static void
dojang_renewal_payment_page_dispose (GObject *object)
{
  DojangRenewalPaymentPage *self = DOJANG_RENEWAL_PAYMENT_PAGE (object);

  if (self->card_number != NULL)
    dojang_renewal_payment_page_clear (self);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_RENEWAL_PAYMENT_PAGE);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (dojang_renewal_payment_page_parent_class)->dispose (object);
}

static void
dojang_renewal_payment_page_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  DojangRenewalPaymentPage *self = DOJANG_RENEWAL_PAYMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_renewal_payment_page_class_init (DojangRenewalPaymentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_renewal_payment_page_dispose;
  object_class->get_property = dojang_renewal_payment_page_get_property;
  widget_class->unmap = dojang_renewal_payment_page_unmap;

  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/renewal/dojang-renewal-payment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalPaymentPage, fee_label);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalPaymentPage, card_choice);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalPaymentPage, transfer_choice);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalPaymentPage, phone_choice);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalPaymentPage, method_stack);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalPaymentPage, card_number);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalPaymentPage, card_expiry);
  gtk_widget_class_bind_template_child (widget_class, DojangRenewalPaymentPage, card_status);
  gtk_widget_class_bind_template_callback (widget_class, on_card_number_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_card_expiry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_method_toggled);
}

static void
dojang_renewal_payment_page_init (DojangRenewalPaymentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->now = dojang_clock_get_now ();
  protect (self->card_number, G_CALLBACK (on_number_insert));
  protect (self->card_expiry, G_CALLBACK (on_expiry_insert));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->card_number), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Card number"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->card_expiry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Expiry (MM/YY)"), -1);
}

/**
 * dojang_renewal_payment_page_setup:
 * @plan: an eligible plan with a payment step
 * @now: the instant a card expiry is compared with
 */
void
dojang_renewal_payment_page_setup (DojangRenewalPaymentPage *self,
                                   DojangRenewalPlan        *plan,
                                   GDateTime                *now)
{
  g_autofree char *fee = NULL;
  g_autofree char *text = NULL;
  int krw;

  g_return_if_fail (DOJANG_IS_RENEWAL_PAYMENT_PAGE (self));
  g_return_if_fail (DOJANG_IS_RENEWAL_PLAN (plan));
  g_return_if_fail (now != NULL);

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_ref (now);

  krw = dojang_renewal_plan_get_fee_krw (plan);
  fee = dojang_format_fee (krw);
  if (krw < 0)
    /* TRANSLATORS: %s is the CA's name */
    text = g_strdup_printf (_("Renewal fee: not known to Dojang; %s shows it before you pay"),
                            dojang_certificate_get_provider_name (dojang_renewal_plan_get_certificate (plan)));
  else
    /* TRANSLATORS: %s is a fee such as "₩4,400 a year" */
    text = g_strdup_printf (_("Renewal fee: %s, VAT included"), fee);
  gtk_label_set_text (self->fee_label, text);

  gtk_check_button_set_active (self->card_choice, TRUE);
  dojang_renewal_payment_page_clear (self);
}

gboolean
dojang_renewal_payment_page_get_complete (DojangRenewalPaymentPage *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PAYMENT_PAGE (self), FALSE);

  return self->complete;
}

/* Returns: "card", "transfer" or "phone" */
const char *
dojang_renewal_payment_page_get_method (DojangRenewalPaymentPage *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PAYMENT_PAGE (self), "card");

  if (gtk_check_button_get_active (self->transfer_choice))
    return "transfer";
  if (gtk_check_button_get_active (self->phone_choice))
    return "phone";

  return "card";
}

/**
 * dojang_renewal_method_label:
 * @method: "card", "transfer", "phone" or "none"
 *
 * Returns: the method as people read it
 */
const char *
dojang_renewal_method_label (const char *method)
{
  if (g_strcmp0 (method, "card") == 0)
    return _("Credit card");
  if (g_strcmp0 (method, "transfer") == 0)
    return _("Bank transfer");
  if (g_strcmp0 (method, "phone") == 0)
    return _("Mobile phone");

  return _("None: free of charge");
}

/* Wipes the card number and expiry. */
void
dojang_renewal_payment_page_clear (DojangRenewalPaymentPage *self)
{
  g_return_if_fail (DOJANG_IS_RENEWAL_PAYMENT_PAGE (self));

  gtk_entry_buffer_delete_text (gtk_entry_get_buffer (self->card_number), 0, -1);
  gtk_entry_buffer_delete_text (gtk_entry_get_buffer (self->card_expiry), 0, -1);
}

void
dojang_renewal_payment_page_focus (DojangRenewalPaymentPage *self)
{
  g_return_if_fail (DOJANG_IS_RENEWAL_PAYMENT_PAGE (self));

  if (gtk_check_button_get_active (self->card_choice))
    gtk_widget_grab_focus (GTK_WIDGET (self->card_number));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->card_choice));
}
