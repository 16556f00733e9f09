/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What a renewal of one certificate would be at one instant: whether the
 * CA accepts it now (and if not, why), where it happens, what it costs and
 * how long the new certificate is expected to last. Everything is decided
 * on Korean calendar days, as the CAs count them. Immutable. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "dojang-provider-catalog.h"
#include "dojang-renewal-plan.h"
#include "dojang-seoul.h"

struct _DojangRenewalPlan
{
  GObject              parent_instance;

  DojangCertificate   *certificate;
  DojangProvider      *provider;
  GDateTime           *now;
  DojangRenewalReason  reason;
  DojangRenewalPlace   place;
  int                  window_days;
  int                  fee_krw;
  GDate               *expiry_day;
  GDate               *window_opens;
  GDate               *new_not_after;
};

G_DEFINE_FINAL_TYPE (DojangRenewalPlan, dojang_renewal_plan, G_TYPE_OBJECT)

static void
dojang_renewal_plan_finalize (GObject *object)
{
  DojangRenewalPlan *self = DOJANG_RENEWAL_PLAN (object);

  g_clear_object (&self->certificate);
  g_clear_object (&self->provider);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->expiry_day, g_date_free);
  g_clear_pointer (&self->window_opens, g_date_free);
  g_clear_pointer (&self->new_not_after, g_date_free);

  G_OBJECT_CLASS (dojang_renewal_plan_parent_class)->finalize (object);
}

static void
dojang_renewal_plan_class_init (DojangRenewalPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dojang_renewal_plan_finalize;
}

static void
dojang_renewal_plan_init (DojangRenewalPlan *self)
{
}

static DojangRenewalReason
decide (DojangRenewalPlan *self)
{
  DojangCertificate *certificate = self->certificate;
  GDate today;

  dojang_seoul_get_date (self->now, &today);

  if (g_date_time_compare (self->now, dojang_certificate_get_not_before (certificate)) < 0)
    return DOJANG_RENEWAL_REASON_NOT_YET_VALID;

  if (g_date_time_compare (self->now, dojang_certificate_get_not_after (certificate)) >= 0)
    return DOJANG_RENEWAL_REASON_EXPIRED;

  if (self->provider == NULL)
    return DOJANG_RENEWAL_REASON_UNKNOWN_PROVIDER;

  if (!dojang_certificate_get_has_private_key (certificate))
    return DOJANG_RENEWAL_REASON_NO_PRIVATE_KEY;

  if (g_date_compare (&today, self->window_opens) < 0)
    return DOJANG_RENEWAL_REASON_TOO_EARLY;

  return DOJANG_RENEWAL_REASON_ELIGIBLE;
}

/**
 * dojang_renewal_plan_new:
 * @certificate: the certificate to renew
 * @now: the instant the plan is for
 *
 * The window opens on the expiry day (Asia/Seoul) minus the CA's window
 * for the type; renewal adds one year to the expiry day ("유효기간을 1년
 * 연장", KICA; guide B's completion page), so 29 February becomes 28
 * February of the next year.
 */
DojangRenewalPlan *
dojang_renewal_plan_new (DojangCertificate *certificate,
                         GDateTime         *now)
{
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();
  DojangCertificateType *type = NULL;
  DojangRenewalPlan *self;

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (certificate), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (DOJANG_TYPE_RENEWAL_PLAN, NULL);
  self->certificate = g_object_ref (certificate);
  self->now = g_date_time_ref (now);

  if (catalog != NULL)
    {
      DojangProvider *provider = dojang_provider_catalog_lookup (catalog, dojang_certificate_get_provider_id (certificate));

      self->provider = provider != NULL ? g_object_ref (provider) : NULL;
      if (dojang_certificate_get_policy_oid (certificate) != NULL)
        type = dojang_provider_catalog_find_type (catalog, dojang_certificate_get_policy_oid (certificate));
    }

  self->window_days = dojang_certificate_get_renewal_window_days (certificate);
  self->fee_krw = dojang_certificate_get_annual_fee_krw (certificate);
  self->expiry_day = g_date_new ();
  dojang_seoul_get_expiry_date (dojang_certificate_get_not_after (certificate), self->expiry_day);

  self->window_opens = g_date_copy (self->expiry_day);
  g_date_subtract_days (self->window_opens, (guint) self->window_days);

  if (self->provider == NULL)
    self->place = DOJANG_RENEWAL_PLACE_UNKNOWN;
  else if (type != NULL && dojang_certificate_type_get_renewed_at_bank (type))
    self->place = DOJANG_RENEWAL_PLACE_BANK;
  else
    self->place = DOJANG_RENEWAL_PLACE_PROVIDER;

  self->reason = decide (self);

  if (self->reason == DOJANG_RENEWAL_REASON_ELIGIBLE)
    {
      self->new_not_after = g_date_copy (self->expiry_day);
      g_date_add_years (self->new_not_after, 1);
    }

  return self;
}

DojangCertificate *
dojang_renewal_plan_get_certificate (DojangRenewalPlan *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (self), NULL);

  return self->certificate;
}

/* Returns: (transfer none) (nullable): the CA, %NULL when unknown */
DojangProvider *
dojang_renewal_plan_get_provider (DojangRenewalPlan *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (self), NULL);

  return self->provider;
}

GDateTime *
dojang_renewal_plan_get_now (DojangRenewalPlan *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (self), NULL);

  return self->now;
}

DojangRenewalReason
dojang_renewal_plan_get_reason (DojangRenewalPlan *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (self), DOJANG_RENEWAL_REASON_UNKNOWN_PROVIDER);

  return self->reason;
}

gboolean
dojang_renewal_plan_get_eligible (DojangRenewalPlan *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (self), FALSE);

  return self->reason == DOJANG_RENEWAL_REASON_ELIGIBLE;
}

int
dojang_renewal_plan_get_window_days (DojangRenewalPlan *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (self), 0);

  return self->window_days;
}

/* Returns: (transfer none): the Korean calendar day the certificate expires */
const GDate *
dojang_renewal_plan_get_expiry_day (DojangRenewalPlan *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (self), NULL);

  return self->expiry_day;
}

/* Returns: (transfer none): the first day renewal is accepted (Asia/Seoul) */
const GDate *
dojang_renewal_plan_get_window_opens (DojangRenewalPlan *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (self), NULL);

  return self->window_opens;
}

/* Returns: (transfer none) (nullable): the expected last day of the new
 *   certificate; only for an eligible certificate */
const GDate *
dojang_renewal_plan_get_new_not_after (DojangRenewalPlan *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (self), NULL);

  return self->new_not_after;
}

DojangRenewalPlace
dojang_renewal_plan_get_place (DojangRenewalPlan *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (self), DOJANG_RENEWAL_PLACE_UNKNOWN);

  return self->place;
}

/* Returns: the fee for the year the renewal adds, in won with VAT; 0 when
 *   free, -1 when not known */
int
dojang_renewal_plan_get_fee_krw (DojangRenewalPlan *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (self), -1);

  return self->fee_krw;
}

/* Returns: whether the renewal has a payment step: %FALSE only for a type
 *   known to be free; an unknown fee is asked for by the CA */
gboolean
dojang_renewal_plan_get_payment_required (DojangRenewalPlan *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (self), TRUE);

  return self->fee_krw != 0;
}

/* Returns: (nullable): the CA's renewal page; %NULL when the bank renews it
 *   (every bank has its own) or the CA is unknown */
const char *
dojang_renewal_plan_get_renewal_url (DojangRenewalPlan *self)
{
  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (self), NULL);

  if (self->place != DOJANG_RENEWAL_PLACE_PROVIDER)
    return NULL;

  return dojang_provider_get_renewal_url (self->provider);
}

const char *
dojang_renewal_reason_to_string (DojangRenewalReason reason)
{
  switch (reason)
    {
    case DOJANG_RENEWAL_REASON_ELIGIBLE:
      return "eligible";
    case DOJANG_RENEWAL_REASON_TOO_EARLY:
      return "too_early";
    case DOJANG_RENEWAL_REASON_EXPIRED:
      return "expired";
    case DOJANG_RENEWAL_REASON_NOT_YET_VALID:
      return "not_yet_valid";
    case DOJANG_RENEWAL_REASON_NO_PRIVATE_KEY:
      return "no_private_key";
    case DOJANG_RENEWAL_REASON_UNKNOWN_PROVIDER:
      return "unknown_provider";
    default:
      g_return_val_if_reached ("unknown_provider");
    }
}

/* Returns: (nullable): "provider", "bank", or %NULL when unknown */
const char *
dojang_renewal_place_to_string (DojangRenewalPlace place)
{
  switch (place)
    {
    case DOJANG_RENEWAL_PLACE_PROVIDER:
      return "provider";
    case DOJANG_RENEWAL_PLACE_BANK:
      return "bank";
    case DOJANG_RENEWAL_PLACE_UNKNOWN:
    default:
      return NULL;
    }
}

static void
add_date (JsonBuilder *builder,
          const char  *member,
          const GDate *date)
{
  char text[16];

  json_builder_set_member_name (builder, member);
  if (date == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  g_snprintf (text, sizeof text, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  json_builder_add_string_value (builder, text);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * dojang_renewal_plan_to_json:
 *
 * Returns: (transfer full): the plan as one line of JSON, the format of
 *   `dojang --renewal-plan CERT --json`
 */
char *
dojang_renewal_plan_to_json (DojangRenewalPlan *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (DOJANG_IS_RENEWAL_PLAN (self), NULL);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "sha256", dojang_certificate_get_sha256 (self->certificate));
  json_builder_set_member_name (builder, "eligible");
  json_builder_add_boolean_value (builder, dojang_renewal_plan_get_eligible (self));
  add_string_or_null (builder, "reason", dojang_renewal_reason_to_string (self->reason));
  add_date (builder, "window_opens", self->provider != NULL ? self->window_opens : NULL);
  add_string_or_null (builder, "renew_at", dojang_renewal_place_to_string (self->place));
  json_builder_set_member_name (builder, "fee_krw");
  if (self->fee_krw >= 0)
    json_builder_add_int_value (builder, self->fee_krw);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "payment_required");
  json_builder_add_boolean_value (builder, dojang_renewal_plan_get_payment_required (self));
  add_date (builder, "new_not_after", self->new_not_after);
  add_string_or_null (builder, "renewal_url", dojang_renewal_plan_get_renewal_url (self));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}
