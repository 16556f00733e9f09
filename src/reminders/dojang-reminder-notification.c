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
 *   (clicking it)      app.show-reminders
 *
 * A check with more than DOJANG_REMINDER_MAX_SINGLE_NOTIFICATIONS due shows
 * one summary instead (after weeks without a check, or for an office with
 * many certificates, one popup per reminder would be tens or hundreds): the
 * most urgent few by name, how many more, and "Open Reminders". Snoozing
 * stays on single notifications, which name one reminder. */

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

/* The last day or already expired: it cannot wait. */
static gboolean
is_pressing (DojangReminder *reminder,
             GDateTime      *now)
{
  return dojang_seoul_days_left (now, dojang_reminder_get_not_after (reminder)) <= 1;
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

  g_return_val_if_fail (DOJANG_IS_REMINDER (reminder), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  title = make_title (reminder, now);
  body = dojang_reminder_describe_renewal (reminder, now);
  icon = g_themed_icon_new (APP_ID);
  serialized_icon = g_icon_serialize (icon);

  g_variant_builder_init (&notification, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&notification, "{sv}", "title", g_variant_new_string (title));
  g_variant_builder_add (&notification, "{sv}", "body", g_variant_new_string (body));
  g_variant_builder_add (&notification, "{sv}", "icon", serialized_icon);
  g_variant_builder_add (&notification, "{sv}", "priority", g_variant_new_string (is_pressing (reminder, now) ? "high" : "normal"));
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

/* The most urgent first: the fewest days left, the longest expired. */
static int
compare_urgency (gconstpointer a,
                 gconstpointer b)
{
  DojangReminder *first = *(DojangReminder * const *) a;
  DojangReminder *second = *(DojangReminder * const *) b;
  int order;

  order = g_date_time_compare (dojang_reminder_get_not_after (first), dojang_reminder_get_not_after (second));
  if (order == 0)
    order = g_strcmp0 (dojang_reminder_get_name (first), dojang_reminder_get_name (second));
  if (order == 0)
    order = (dojang_reminder_get_id (first) > dojang_reminder_get_id (second)) -
            (dojang_reminder_get_id (first) < dojang_reminder_get_id (second));

  return order;
}

#define SUMMARY_LINES 3

/**
 * dojang_reminder_summary_new:
 * @reminders: (element-type DojangReminder): the due reminders, at least
 *   one
 * @now: the current instant
 *
 * One notification for many due reminders, in the form of
 * dojang_reminder_notification_new(): the title counts them, the body names
 * the most urgent ones with the days they have left, then how many more.
 * Clicking it or its one button opens the Reminders page. It is as pressing
 * as the most pressing of them. DojangReminderNotifier sends it with the id
 * %DOJANG_REMINDER_SUMMARY_ID, so a newer summary replaces an older one.
 *
 * Returns: (transfer full): an a{sv} dictionary
 */
GVariant *
dojang_reminder_summary_new (GPtrArray *reminders,
                             GDateTime *now)
{
  g_autoptr(GPtrArray) by_urgency = NULL;
  g_autoptr(GIcon) icon = NULL;
  g_autoptr(GVariant) serialized_icon = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *title = NULL;
  GVariantBuilder notification;
  GVariantBuilder buttons;
  gboolean pressing;
  guint n_lines;

  g_return_val_if_fail (reminders != NULL && reminders->len > 0, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  /* Not a copy: that would take over the array's free function too. */
  by_urgency = g_ptr_array_sized_new (reminders->len);
  g_ptr_array_extend (by_urgency, reminders, NULL, NULL);
  g_ptr_array_sort (by_urgency, compare_urgency);

  pressing = is_pressing (g_ptr_array_index (by_urgency, 0), now);

  n_lines = MIN (by_urgency->len, SUMMARY_LINES);
  for (guint i = 0; i < n_lines; i++)
    {
      DojangReminder *reminder = g_ptr_array_index (by_urgency, i);
      g_autofree char *certificate = dojang_reminder_describe_certificate (reminder);
      g_autofree char *days_left = dojang_reminder_describe_days_left (reminder, now);

      if (body->len > 0)
        g_string_append_c (body, '\n');
      /* Translators: a line of the summary notification: a certificate and
       * how long it is still valid, e.g. "홍길동 (금융결제원 범용) — 3일 뒤 만료". */
      g_string_append_printf (body, _("%s — %s"), certificate, days_left);
    }

  if (by_urgency->len > n_lines)
    {
      guint more = by_urgency->len - n_lines;

      g_string_append_c (body, '\n');
      /* Translators: the last line of the summary notification, after the
       * certificates it names. */
      g_string_append_printf (body, ngettext ("and %u more", "and %u more", more), more);
    }

  /* Translators: the title of the one notification shown for many due
   * reminders at once. */
  title = g_strdup_printf (ngettext ("%u certificate needs attention", "%u certificates need attention",
                                     reminders->len),
                           reminders->len);
  icon = g_themed_icon_new (APP_ID);
  serialized_icon = g_icon_serialize (icon);

  g_variant_builder_init (&notification, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&notification, "{sv}", "title", g_variant_new_string (title));
  g_variant_builder_add (&notification, "{sv}", "body", g_variant_new_string (body->str));
  g_variant_builder_add (&notification, "{sv}", "icon", serialized_icon);
  g_variant_builder_add (&notification, "{sv}", "priority", g_variant_new_string (pressing ? "high" : "normal"));
  g_variant_builder_add (&notification, "{sv}", "default-action", g_variant_new_string ("app.show-reminders"));

  g_variant_builder_init (&buttons, G_VARIANT_TYPE ("aa{sv}"));
  add_button (&buttons, _("Open Reminders"), "app.show-reminders", NULL);
  g_variant_builder_add (&notification, "{sv}", "buttons", g_variant_builder_end (&buttons));

  return g_variant_ref_sink (g_variant_builder_end (&notification));
}

static DojangReminderNotice *
notice_new (char      *id,
            GVariant  *notification,
            GPtrArray *reminders)
{
  DojangReminderNotice *notice = g_new0 (DojangReminderNotice, 1);

  notice->id = id;
  notice->notification = notification;
  notice->reminders = reminders;

  return notice;
}

/**
 * dojang_reminder_notices_new:
 * @due: (element-type DojangReminder): the reminders a check chose to show
 * @now: the current instant
 *
 * What a check shows for @due: one notification per reminder, or one
 * summary for all of them when there are more than
 * %DOJANG_REMINDER_MAX_SINGLE_NOTIFICATIONS. Each notice says which
 * reminders count as sent once its notification has been answered.
 *
 * Returns: (transfer full) (element-type DojangReminderNotice): the
 *   notifications to send, none when nothing is due
 */
GPtrArray *
dojang_reminder_notices_new (GPtrArray *due,
                             GDateTime *now)
{
  GPtrArray *notices;

  g_return_val_if_fail (due != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  notices = g_ptr_array_new_with_free_func ((GDestroyNotify) dojang_reminder_notice_free);

  if (due->len > DOJANG_REMINDER_MAX_SINGLE_NOTIFICATIONS)
    {
      GPtrArray *covered = g_ptr_array_new_full (due->len, g_object_unref);

      for (guint i = 0; i < due->len; i++)
        g_ptr_array_add (covered, g_object_ref (g_ptr_array_index (due, i)));
      g_ptr_array_add (notices, notice_new (g_strdup (DOJANG_REMINDER_SUMMARY_ID),
                                            dojang_reminder_summary_new (due, now), covered));
      return notices;
    }

  for (guint i = 0; i < due->len; i++)
    {
      DojangReminder *reminder = g_ptr_array_index (due, i);
      GPtrArray *covered = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (covered, g_object_ref (reminder));
      g_ptr_array_add (notices, notice_new (dojang_reminder_notification_id (reminder),
                                            dojang_reminder_notification_new (reminder, now),
                                            covered));
    }

  return notices;
}

/**
 * dojang_reminder_notice_add_covered:
 * @notice: a notice whose notification was answered
 * @shown: (element-type DojangReminder): where the shown reminders go
 *
 * Adds the reminders @notice covers to @shown: all of them count as shown
 * once its notification has been answered.
 */
void
dojang_reminder_notice_add_covered (DojangReminderNotice *notice,
                                    GPtrArray            *shown)
{
  for (guint i = 0; i < notice->reminders->len; i++)
    g_ptr_array_add (shown, g_object_ref (g_ptr_array_index (notice->reminders, i)));
}

void
dojang_reminder_notice_free (DojangReminderNotice *notice)
{
  if (notice == NULL)
    return;

  g_free (notice->id);
  g_clear_pointer (&notice->notification, g_variant_unref);
  g_clear_pointer (&notice->reminders, g_ptr_array_unref);
  g_free (notice);
}
