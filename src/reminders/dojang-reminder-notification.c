/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The desktop notification for a due reminder, and the texts the Reminders
 * page shares with it. Its buttons are application actions with targets, so
 * they work when Dojang is not running: the desktop starts it through D-Bus
 * activation and invokes the action.
 *
 *   Renew              app.renew (s: SHA-256), or for a manual entry
 *                      app.show-reminders (the entry lives there)
 *   Call Provider      app.show-provider (s: provider id), known CAs only
 *   Remind Me Tomorrow app.snooze-reminder (x: reminder id)
 *   (clicking it)      app.show-reminders */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-provider-catalog.h"
#include "dojang-reminder-notification.h"
#include "dojang-reminder-schedule.h"
#include "dojang-seoul.h"

static DojangProvider *
lookup_provider (DojangReminder *reminder)
{
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();

  if (catalog == NULL)
    return NULL;

  return dojang_provider_catalog_lookup (catalog, dojang_reminder_get_provider_id (reminder));
}

/**
 * dojang_reminder_describe_certificate:
 * @reminder: a reminder
 *
 * Returns: (transfer full): who and which certificate, as in
 *   "홍길동 (금융결제원 범용)": the holder, the CA's name (the one every
 *   page uses, not the brand) and the type.
 */
char *
dojang_reminder_describe_certificate (DojangReminder *reminder)
{
  DojangProvider *provider;
  const char *name;
  const char *type_name;
  g_autofree char *detail = NULL;
  g_autofree char *described = NULL;

  g_return_val_if_fail (DOJANG_IS_REMINDER (reminder), NULL);

  provider = lookup_provider (reminder);
  name = dojang_reminder_get_name (reminder);
  type_name = dojang_reminder_get_type_name (reminder);

  if (provider != NULL && *type_name != '\0')
    detail = g_strdup_printf ("%s %s", dojang_provider_get_name (provider), type_name);
  else if (provider != NULL)
    detail = g_strdup (dojang_provider_get_name (provider));
  else if (*type_name != '\0')
    detail = g_strdup (type_name);

  if (detail == NULL)
    return g_utf8_make_valid (name, -1);

  /* Translators: a certificate: its holder, then its CA and type, e.g.
   * "홍길동 (금융결제원 범용)". */
  described = g_strdup_printf (_("%s (%s)"), name, detail);

  /* Names come from certificates and from files stored by older versions
   * that did not check them; a notification must get UTF-8. */
  return g_utf8_make_valid (described, -1);
}

/**
 * dojang_reminder_describe_days_left:
 * @reminder: a reminder
 * @now: the current instant
 *
 * Returns: (transfer full): how long the certificate is still valid, as a
 *   short sentence: "Expires in 7 days", "Expires today", "Expired".
 */
char *
dojang_reminder_describe_days_left (DojangReminder *reminder,
                                    GDateTime      *now)
{
  int days;

  g_return_val_if_fail (DOJANG_IS_REMINDER (reminder), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  days = dojang_seoul_days_left (now, dojang_reminder_get_not_after (reminder));

  if (days > 0)
    return g_strdup_printf (ngettext ("Expires in %d day", "Expires in %d days", days), days);
  if (days == 0 && g_date_time_compare (now, dojang_reminder_get_not_after (reminder)) < 0)
    return g_strdup (_("Expires today"));

  return g_strdup (_("Expired"));
}

/**
 * dojang_reminder_notification_id:
 *
 * Returns: (transfer full): the notification id: one per certificate or
 *   manual entry, so a newer reminder replaces the older one.
 */
char *
dojang_reminder_notification_id (DojangReminder *reminder)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (reminder), NULL);

  if (dojang_reminder_is_manual (reminder))
    return g_strdup_printf ("reminder-entry-%" G_GINT64_FORMAT, dojang_reminder_get_manual_entry_id (reminder));

  return g_strdup_printf ("reminder-certificate-%s", dojang_reminder_get_certificate_sha256 (reminder));
}

static char *
make_title (DojangReminder *reminder,
            GDateTime      *now)
{
  g_autofree char *certificate = dojang_reminder_describe_certificate (reminder);
  GDateTime *not_after = dojang_reminder_get_not_after (reminder);
  int days = dojang_seoul_days_left (now, not_after);

  if (days > 0)
    /* Translators: a notification title, e.g. "공동인증서 만료 D-7: 홍길동 (금융결제원 범용)". */
    return g_strdup_printf (ngettext ("Certificate expires in %d day: %s",
                                      "Certificate expires in %d days: %s", days),
                            days, certificate);
  if (days == 0 && g_date_time_compare (now, not_after) < 0)
    return g_strdup_printf (_("Certificate expires today: %s"), certificate);

  return g_strdup_printf (_("Certificate expired: %s"), certificate);
}

/**
 * dojang_reminder_is_renewed_at_bank:
 * @reminder: a reminder
 *
 * The store keeps the type's name, not its policy OID: the type is found
 * again by name among its CA's types in the catalog.
 *
 * Returns: whether the certificate is renewed at the holder's own bank
 *   (personal yessign certificates), not on the CA's site
 */
gboolean
dojang_reminder_is_renewed_at_bank (DojangReminder *reminder)
{
  DojangProvider *provider;
  GListModel *types;
  const char *type_name;

  g_return_val_if_fail (DOJANG_IS_REMINDER (reminder), FALSE);

  provider = lookup_provider (reminder);
  type_name = dojang_reminder_get_type_name (reminder);
  if (provider == NULL || type_name == NULL || *type_name == '\0')
    return FALSE;

  types = dojang_provider_get_certificate_types (provider);
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(DojangCertificateType) type = g_list_model_get_item (types, i);

      if (dojang_certificate_type_get_renewed_at_bank (type) &&
          (g_strcmp0 (type_name, dojang_certificate_type_get_name_ko (type)) == 0 ||
           g_strcmp0 (type_name, dojang_certificate_type_get_name_en (type)) == 0 ||
           g_strcmp0 (type_name, dojang_certificate_type_get_name (type)) == 0))
        return TRUE;
    }

  return FALSE;
}

/**
 * dojang_reminder_describe_renewal:
 * @reminder: a reminder
 * @now: the current instant
 *
 * Returns: (transfer full): a notification's body: until when, and where
 *   the certificate is renewed (or issued anew once expired)
 */
char *
dojang_reminder_describe_renewal (DojangReminder *reminder,
                                  GDateTime      *now)
{
  GDateTime *not_after;
  g_autofree char *date = NULL;
  gboolean at_bank;

  g_return_val_if_fail (DOJANG_IS_REMINDER (reminder), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  not_after = dojang_reminder_get_not_after (reminder);
  date = dojang_seoul_format_expiry_date (not_after);
  at_bank = dojang_reminder_is_renewed_at_bank (reminder);

  if (g_date_time_compare (now, not_after) >= 0 && at_bank)
    return g_strdup_printf (_("It expired on %s. An expired certificate cannot be renewed: "
                              "apply for a new one at your bank’s certificate centre (인증센터)."), date);

  if (g_date_time_compare (now, not_after) >= 0)
    return g_strdup_printf (_("It expired on %s. An expired certificate cannot be renewed: "
                              "the certificate authority has to issue a new one."), date);

  if (at_bank)
    return g_strdup_printf (_("Valid until %s. Renew it before then at your own bank: in its internet "
                              "banking or app, open the certificate centre (인증센터)."), date);

  return g_strdup_printf (_("Valid until %s. Renew it before then: once it has expired, "
                            "it can only be issued anew."), date);
}

static void
add_button (GVariantBuilder *buttons,
            const char      *label,
            const char      *action,
            GVariant        *target)
{
  GVariantBuilder button;

  g_variant_builder_init (&button, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&button, "{sv}", "label", g_variant_new_string (label));
  g_variant_builder_add (&button, "{sv}", "action", g_variant_new_string (action));
  if (target != NULL)
    g_variant_builder_add (&button, "{sv}", "target", target);
  g_variant_builder_add_value (buttons, g_variant_builder_end (&button));
}

/**
 * dojang_reminder_notification_new:
 * @reminder: a due reminder
 * @now: the current instant (the text says how many days are left)
 *
 * The notification in the form org.freedesktop.portal.Notification and
 * org.gtk.Notifications take (the one GNotification is serialized to):
 * title, body, icon, priority, default-action, buttons;
 * DojangReminderNotifier sends it with the id from
 * dojang_reminder_notification_id().
 *
 * Returns: (transfer full): an a{sv} dictionary
 */
GVariant *
dojang_reminder_notification_new (DojangReminder *reminder,
                                  GDateTime      *now)
{
  g_autoptr(GIcon) icon = NULL;
  g_autoptr(GVariant) serialized_icon = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GVariantBuilder notification;
  GVariantBuilder buttons;
  DojangProvider *provider;
  int days;

  g_return_val_if_fail (DOJANG_IS_REMINDER (reminder), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  title = make_title (reminder, now);
  body = dojang_reminder_describe_renewal (reminder, now);
  icon = g_themed_icon_new (APP_ID);
  serialized_icon = g_icon_serialize (icon);
  days = dojang_seoul_days_left (now, dojang_reminder_get_not_after (reminder));

  g_variant_builder_init (&notification, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&notification, "{sv}", "title", g_variant_new_string (title));
  g_variant_builder_add (&notification, "{sv}", "body", g_variant_new_string (body));
  g_variant_builder_add (&notification, "{sv}", "icon", serialized_icon);
  g_variant_builder_add (&notification, "{sv}", "priority", g_variant_new_string (days <= 1 ? "high" : "normal"));
  g_variant_builder_add (&notification, "{sv}", "default-action", g_variant_new_string ("app.show-reminders"));

  g_variant_builder_init (&buttons, G_VARIANT_TYPE ("aa{sv}"));
  if (dojang_reminder_is_manual (reminder))
    add_button (&buttons, _("Open Reminders"), "app.show-reminders", NULL);
  else
    add_button (&buttons, _("Renew"), "app.renew",
                g_variant_new_string (dojang_reminder_get_certificate_sha256 (reminder)));

  /* The bank, not the CA, renews a bank certificate: no "call the CA" there. */
  provider = lookup_provider (reminder);
  if (provider != NULL && !dojang_reminder_is_renewed_at_bank (reminder))
    add_button (&buttons, _("Call Provider"), "app.show-provider",
                g_variant_new_string (dojang_provider_get_id (provider)));

  add_button (&buttons, _("Remind Me Tomorrow"), "app.snooze-reminder",
              g_variant_new_int64 (dojang_reminder_get_id (reminder)));
  g_variant_builder_add (&notification, "{sv}", "buttons", g_variant_builder_end (&buttons));

  return g_variant_ref_sink (g_variant_builder_end (&notification));
}
