/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Everything about one certificate, and what its owner should do next. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificate-details.h"
#include "dojang-certificate-format.h"
#include "dojang-certificate-successor.h"
#include "dojang-certificate-toolbox.h"
#include "dojang-clock.h"
#include "dojang-seoul.h"
#include "dojang-toast.h"

struct _DojangCertificateDetails
{
  AdwBin             parent_instance;

  DojangCertificate *certificate;
  GDateTime         *now;
  GListModel        *certificates;
  DojangReminderStore *store;

  GtkLabel          *name_label;
  GtkLabel          *badge;
  GtkLabel          *days_label;
  GtkLabel          *expiry_label;
  GtkLabel          *advice_label;
  GtkLabel          *history_label;
  GtkButton         *renew_button;
  GtkButton         *successor_button;
  GtkButton         *check_password_button;
  AdwActionRow      *contact_row;
  GtkButton         *copy_button;
  AdwActionRow      *subject_row;
  AdwActionRow      *issuer_row;
  AdwActionRow      *type_row;
  AdwActionRow      *validity_row;
  AdwActionRow      *serial_row;
  AdwActionRow      *sha256_row;
  AdwActionRow      *fee_row;
  AdwActionRow      *window_row;
  AdwActionRow      *cert_path_row;
  AdwActionRow      *key_row;
  AdwActionRow      *km_row;
  DojangCertificateToolbox *toolbox;
};

G_DEFINE_FINAL_TYPE (DojangCertificateDetails, dojang_certificate_details, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CERTIFICATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Personal yessign certificates are renewed at the holder's bank, not on
 * yessign's site (https://www.yessign.or.kr/main/intro/personal/commonRenew.jsp). */
static void
append_renewed_at_bank (GString *advice)
{
  g_string_append (advice, "\n\n");
  g_string_append (advice, _("This certificate is renewed at your own bank, not by the certificate authority: sign in to your bank’s internet banking or app and open its certificate centre (인증센터), at the bank that issued it."));
}

static char *
build_advice (DojangCertificate *certificate,
              DojangCertificate *successor,
              GDateTime         *now)
{
  g_autoptr(GString) advice = g_string_new (NULL);
  g_autoptr(GDateTime) opens_at = dojang_certificate_get_renewal_opens (certificate);
  g_autofree char *opens = dojang_seoul_format_date (opens_at);
  g_autofree char *until = dojang_seoul_format_expiry_date (dojang_certificate_get_not_after (certificate));
  g_autofree char *from = dojang_seoul_format_date (dojang_certificate_get_not_before (certificate));
  const char *ca = dojang_certificate_get_provider_name (certificate);
  gboolean known_ca = g_strcmp0 (dojang_certificate_get_provider_id (certificate), "unknown") != 0;
  gboolean at_bank = dojang_certificate_get_renewed_at_bank (certificate);
  DojangCertificateStatus status = dojang_certificate_get_status (certificate, now);

  if (successor != NULL)
    {
      g_autofree char *renewed_until = dojang_seoul_format_expiry_date (dojang_certificate_get_not_after (successor));

      g_string_append_printf (advice, _("This certificate has been renewed: the new one, in %s, is valid until %s. "
                                        "Its reminders have moved to the new certificate; keep the old one only "
                                        "until the new one works everywhere."),
                              dojang_certificate_get_folder (successor), renewed_until);
      return g_string_free (g_steal_pointer (&advice), FALSE);
    }

  switch (status)
    {
    case DOJANG_CERTIFICATE_STATUS_VALID:
      g_string_append_printf (advice, _("Nothing to do yet. Renewal opens on %s, %d days before the certificate expires on %s."),
                              opens, dojang_certificate_get_renewal_window_days (certificate), until);
      if (at_bank)
        append_renewed_at_bank (advice);
      break;

    case DOJANG_CERTIFICATE_STATUS_EXPIRING:
      g_string_append_printf (advice, _("Renew it now: renewal is open until the certificate expires on %s. After that it cannot be renewed, only issued anew."),
                              until);
      if (at_bank)
        append_renewed_at_bank (advice);
      break;

    case DOJANG_CERTIFICATE_STATUS_EXPIRED:
      g_string_append_printf (advice, _("This certificate expired on %s. An expired certificate cannot be renewed: apply for a new one (신규 발급) with %s or at your bank."),
                              until, ca);
      break;

    case DOJANG_CERTIFICATE_STATUS_UNUSABLE:
      g_string_append_printf (advice, _("This certificate cannot be used: its private key (signPri.key) is not in %s, and without it the certificate can neither sign nor be renewed. Copy the certificate’s whole folder from where you keep it, such as a USB stick or another computer. If the key is lost, ask %s to re-issue the certificate (재발급)."),
                              dojang_certificate_get_folder (certificate), ca);
      break;

    case DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID:
    default:
      g_string_append_printf (advice, _("This certificate becomes valid on %s. Keep the old one until then."), from);
      break;
    }

  /* Only an expired or not yet valid certificate gets here without its key:
   * the missing key is worth a word there too. */
  if (!dojang_certificate_get_has_private_key (certificate) && status != DOJANG_CERTIFICATE_STATUS_UNUSABLE)
    {
      g_string_append (advice, "\n\n");
      g_string_append (advice, _("The private key (signPri.key) is not in this folder, so the certificate cannot be used or renewed from here. Copy the whole folder from where you keep the certificate."));
    }

  g_string_append (advice, "\n\n");
  if (at_bank)
    g_string_append_printf (advice, _("Questions about renewing it? Ask your bank’s customer centre; for other errors, Dojang shows %s’s numbers and opening hours."), ca);
  else if (known_ca)
    g_string_append_printf (advice, _("Questions or errors? Call %s; Dojang shows their numbers and opening hours."), ca);
  else
    g_string_append (advice, _("Dojang does not know who issued this certificate. Ask the website or bank that asks for it."));

  return g_string_free (g_steal_pointer (&advice), FALSE);
}

static char *
build_window_text (DojangCertificate *certificate)
{
  g_autoptr(GDateTime) opens_at = dojang_certificate_get_renewal_opens (certificate);
  g_autofree char *opens = dojang_seoul_format_date (opens_at);
  g_autofree char *until = dojang_seoul_format_expiry_date (dojang_certificate_get_not_after (certificate));
  int days = dojang_certificate_get_renewal_window_days (certificate);

  if (!dojang_certificate_get_type_known (certificate))
    return g_strdup_printf (_("Not known for this type; Dojang assumes %d days before expiry: %s to %s. Please verify with the CA."),
                            days, opens, until);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day before expiry: %s to %s",
                                       "%d days before expiry: %s to %s", days),
                          days, opens, until);
}

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  adw_action_row_set_subtitle (row, value);
}

static void
append_field (GString      *text,
              AdwActionRow *row)
{
  g_string_append_printf (text, "%s: %s\n",
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          adw_action_row_get_subtitle (row));
}

/**
 * dojang_certificate_details_to_text:
 *
 * Returns: the details as plain text, for the clipboard
 */
char *
dojang_certificate_details_to_text (DojangCertificateDetails *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  AdwActionRow *rows[] = {
    self->subject_row, self->issuer_row, self->type_row, self->validity_row,
    self->serial_row, self->sha256_row, self->fee_row, self->window_row,
    self->cert_path_row, self->key_row, self->km_row,
  };

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_DETAILS (self), NULL);

  if (self->certificate == NULL)
    return g_strdup ("");

  g_string_append_printf (text, "%s — %s, %s\n", gtk_label_get_text (self->name_label),
                          gtk_label_get_text (self->badge), gtk_label_get_text (self->days_label));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    append_field (text, rows[i]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_copy_clicked (DojangCertificateDetails *self)
{
  g_autofree char *text = dojang_certificate_details_to_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  dojang_toast_show (GTK_WIDGET (self), _("Details copied"));
}

/* The buttons act through app.renew, app.check-password and
 * app.show-certificate, with the fingerprint as target: the same actions a
 * notification or the command line uses. */
static void
update_actions (DojangCertificateDetails *self,
                DojangCertificate        *successor)
{
  const char *sha256 = dojang_certificate_get_sha256 (self->certificate);
  gboolean has_key = dojang_certificate_get_has_private_key (self->certificate);

  gtk_widget_set_visible (GTK_WIDGET (self->renew_button), successor == NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->renew_button), "s", sha256);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->renew_button), "app.renew");

  gtk_widget_set_visible (GTK_WIDGET (self->successor_button), successor != NULL);
  if (successor != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->successor_button), "s",
                                        dojang_certificate_get_sha256 (successor));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->successor_button), "app.show-certificate");
    }

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->check_password_button), "s", sha256);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->check_password_button), "app.check-password");
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_password_button), has_key);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->check_password_button),
                               has_key ? _("Check the certificate’s password on this computer")
                                       : _("There is no private key (signPri.key) beside this certificate"));
}

/* The last finished renewal rehearsal, from the reminder store. */
static void
update_history (DojangCertificateDetails *self)
{
  g_autoptr(GDateTime) rehearsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;

  if (self->store != NULL && self->certificate != NULL)
    rehearsed = dojang_reminder_store_get_last_rehearsal (self->store, dojang_certificate_get_sha256 (self->certificate),
                                                          NULL, &error);
  if (error != NULL)
    g_debug ("No rehearsal history: %s", error->message);

  gtk_widget_set_visible (GTK_WIDGET (self->history_label), rehearsed != NULL);
  if (rehearsed == NULL)
    return;

  day = dojang_seoul_format_date (rehearsed);
  /* TRANSLATORS: %s is a date */
  text = g_strdup_printf (_("Renewal rehearsed on %s. The real renewal happens on the CA’s or your bank’s site."), day);
  gtk_label_set_text (self->history_label, text);
}

static void
update (DojangCertificateDetails *self)
{
  DojangCertificate *c = self->certificate;
  DojangCertificateStatus status;
  g_autofree char *days = NULL;
  g_autofree char *expiry = NULL;
  g_autofree char *until = NULL;
  g_autofree char *from = NULL;
  g_autofree char *days_long = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  g_autofree char *validity = NULL;
  g_autofree char *fee = NULL;
  g_autofree char *window = NULL;
  g_autofree char *advice = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *km = NULL;
  DojangCertificate *successor;
  const char *provider_id;

  if (c == NULL || self->now == NULL)
    return;

  status = dojang_certificate_get_status (c, self->now);
  /* Counted to the first day, not to expiry, until it starts. */
  if (status == DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID)
    days = dojang_format_days_until_valid (dojang_certificate_get_days_until_valid (c, self->now));
  else
    days = dojang_format_days_left (dojang_certificate_get_days_left (c, self->now));
  until = dojang_seoul_format_expiry_date (dojang_certificate_get_not_after (c));
  from = dojang_seoul_format_date (dojang_certificate_get_not_before (c));
  if (status == DOJANG_CERTIFICATE_STATUS_EXPIRED)
    expiry = g_strdup_printf (_("Expired on %s"), until);
  else if (status == DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID)
    /* TRANSLATORS: the first and last day of a certificate that is not valid yet */
    expiry = g_strdup_printf (_("Valid from %s until %s"), from, until);
  else
    {
      days_long = dojang_format_days_left_long (dojang_certificate_get_days_left (c, self->now));
      /* TRANSLATORS: "Expires on Sun, 6 Dec 2026 (7 days left)": where "D-7"
       * beside it is explained */
      expiry = g_strdup_printf (_("Expires on %s (%s)"), until, days_long);
    }

  gtk_label_set_text (self->name_label, dojang_certificate_get_name (c));
  gtk_label_set_text (self->badge, dojang_certificate_status_label (status));
  gtk_widget_set_css_classes (GTK_WIDGET (self->badge),
                              (const char *[]) { "certificate-badge", dojang_certificate_status_css (status), NULL });
  gtk_label_set_text (self->days_label, days);
  gtk_label_set_text (self->expiry_label, expiry);

  successor = self->certificates != NULL ? dojang_certificate_find_successor (self->certificates, c) : NULL;
  advice = build_advice (c, successor, self->now);
  gtk_label_set_text (self->advice_label, advice);
  update_actions (self, successor);
  update_history (self);
  dojang_certificate_toolbox_set_certificate (self->toolbox, c);

  provider_id = dojang_certificate_get_provider_id (c);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->contact_row)),
                          g_strcmp0 (provider_id, "unknown") != 0);
  /* TRANSLATORS: %s is a certificate authority, e.g. 금융결제원 */
  contact = g_strdup_printf (_("Contact %s"), dojang_certificate_get_provider_name (c));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->contact_row), contact);
  /* The action is set only with its target, so the row never points at
   * app.show-provider without a provider. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->contact_row), "s", provider_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->contact_row), "app.show-provider");

  name = dojang_certificate_dup_provider_name_with_brand (c);
  issuer = g_strdup_printf ("%s — %s", name, dojang_certificate_get_issuer_dn (c));
  type = g_strdup_printf ("%s — %s", dojang_certificate_get_type_name (c),
                          dojang_certificate_get_policy_oid (c) != NULL ? dojang_certificate_get_policy_oid (c) : _("no policy"));
  /* TRANSLATORS: a validity period, from – until */
  validity = g_strdup_printf (_("%s – %s"), from, until);
  fee = dojang_format_fee (dojang_certificate_get_annual_fee_krw (c));
  window = build_window_text (c);

  set_row (self->subject_row, dojang_certificate_get_subject (c));
  set_row (self->issuer_row, issuer);
  set_row (self->type_row, type);
  set_row (self->validity_row, validity);
  set_row (self->serial_row, dojang_certificate_get_serial (c));
  set_row (self->sha256_row, dojang_certificate_get_sha256 (c));
  set_row (self->fee_row, fee);
  set_row (self->window_row, window);
  set_row (self->cert_path_row, dojang_certificate_get_path (c));
  set_row (self->key_row, dojang_certificate_get_key_path (c) != NULL
                            ? dojang_certificate_get_key_path (c)
                            : _("Missing: no signPri.key beside the certificate"));

  if (dojang_certificate_get_km_cert_path (c) != NULL || dojang_certificate_get_km_key_path (c) != NULL)
    km = g_strjoin ("\n",
                    dojang_certificate_get_km_cert_path (c) != NULL ? dojang_certificate_get_km_cert_path (c) : _("kmCert.der missing"),
                    dojang_certificate_get_km_key_path (c) != NULL ? dojang_certificate_get_km_key_path (c) : _("kmPri.key missing"),
                    NULL);
  set_row (self->km_row, km != NULL ? km : _("None (only needed by some sites)"));
}

static void
dojang_certificate_details_dispose (GObject *object)
{
  DojangCertificateDetails *self = DOJANG_CERTIFICATE_DETAILS (object);

  /* AdwBin would unparent its child again after the template is gone. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_CERTIFICATE_DETAILS);
  g_clear_object (&self->certificate);
  g_clear_pointer (&self->now, g_date_time_unref);
  if (self->certificates != NULL)
    g_signal_handlers_disconnect_by_data (self->certificates, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->certificates);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dojang_certificate_details_parent_class)->dispose (object);
}

static void
dojang_certificate_details_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  DojangCertificateDetails *self = DOJANG_CERTIFICATE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_CERTIFICATE:
      g_value_set_object (value, self->certificate);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_certificate_details_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  DojangCertificateDetails *self = DOJANG_CERTIFICATE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_CERTIFICATE:
      dojang_certificate_details_set_certificate (self, g_value_get_object (value), NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_certificate_details_class_init (DojangCertificateDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_certificate_details_dispose;
  object_class->get_property = dojang_certificate_details_get_property;
  object_class->set_property = dojang_certificate_details_set_property;

  properties[PROP_CERTIFICATE] =
    g_param_spec_object ("certificate", NULL, NULL, DOJANG_TYPE_CERTIFICATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOJANG_TYPE_CERTIFICATE_TOOLBOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/certificates/dojang-certificate-details.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, name_label);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, badge);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, days_label);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, expiry_label);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, advice_label);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, history_label);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, renew_button);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, successor_button);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, check_password_button);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, contact_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, copy_button);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, subject_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, type_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, validity_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, serial_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, sha256_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, fee_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, window_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, cert_path_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, key_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, km_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateDetails, toolbox);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
}

static void
dojang_certificate_details_init (DojangCertificateDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dojang_certificate_details_new (void)
{
  return g_object_new (DOJANG_TYPE_CERTIFICATE_DETAILS, NULL);
}

DojangCertificate *
dojang_certificate_details_get_certificate (DojangCertificateDetails *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_DETAILS (self), NULL);

  return self->certificate;
}

/**
 * dojang_certificate_details_set_certificate:
 * @certificate: (nullable): what to show
 * @now: (nullable): the instant status and days left are relative to;
 *   %NULL for the current time
 */
void
dojang_certificate_details_set_certificate (DojangCertificateDetails *self,
                                            DojangCertificate        *certificate,
                                            GDateTime                *now)
{
  g_return_if_fail (DOJANG_IS_CERTIFICATE_DETAILS (self));
  g_return_if_fail (certificate == NULL || DOJANG_IS_CERTIFICATE (certificate));

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : dojang_clock_get_now ();

  if (g_set_object (&self->certificate, certificate))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CERTIFICATE]);

  update (self);
}

/**
 * dojang_certificate_details_focus_start:
 *
 * Puts the keyboard on the first thing to do: renew if that can be done
 * here, otherwise copy the details.
 */
void
dojang_certificate_details_focus_start (DojangCertificateDetails *self)
{
  g_return_if_fail (DOJANG_IS_CERTIFICATE_DETAILS (self));

  if (gtk_widget_is_sensitive (GTK_WIDGET (self->renew_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->renew_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->copy_button));
}

/**
 * dojang_certificate_details_set_certificates:
 * @certificates: (nullable) (element-type DojangCertificate): the list the
 *   certificate comes from, where a renewal of it would show up
 */
void
dojang_certificate_details_set_certificates (DojangCertificateDetails *self,
                                             GListModel               *certificates)
{
  g_return_if_fail (DOJANG_IS_CERTIFICATE_DETAILS (self));
  g_return_if_fail (certificates == NULL || G_IS_LIST_MODEL (certificates));

  if (self->certificates != NULL)
    g_signal_handlers_disconnect_by_data (self->certificates, self);
  g_set_object (&self->certificates, certificates);
  if (certificates != NULL)
    g_signal_connect_swapped (certificates, "items-changed", G_CALLBACK (update), self);
  update (self);
}

/**
 * dojang_certificate_details_set_reminder_store:
 * @store: (nullable): where finished renewal rehearsals are recorded
 */
void
dojang_certificate_details_set_reminder_store (DojangCertificateDetails *self,
                                               DojangReminderStore      *store)
{
  g_return_if_fail (DOJANG_IS_CERTIFICATE_DETAILS (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (update_history), self);
  update (self);
}
