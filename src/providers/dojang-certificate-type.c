/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A kind of certificate a CA issues (범용 개인, 은행·보험용, …), recognised
 * by its certificatePolicies OID, with its fee and renewal window. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dojang-certificate-type-private.h"
#include "dojang-i18n.h"

struct _DojangCertificateType
{
  GObject    parent_instance;

  char      *id;
  char      *provider_id;
  char      *name_ko;
  char      *name_en;
  char      *notes_ko;
  char      *notes_en;
  char     **policy_oids;
  char     **policy_oid_arcs;
  GPtrArray *facts;
  int        annual_fee_krw;
  int        renewal_window_days;
  gboolean   issued_at_bank;
  gboolean   renewed_at_bank;
};

G_DEFINE_FINAL_TYPE (DojangCertificateType, dojang_certificate_type, G_TYPE_OBJECT)

static void
dojang_certificate_type_finalize (GObject *object)
{
  DojangCertificateType *self = DOJANG_CERTIFICATE_TYPE (object);

  g_free (self->id);
  g_free (self->provider_id);
  g_free (self->name_ko);
  g_free (self->name_en);
  g_free (self->notes_ko);
  g_free (self->notes_en);
  g_strfreev (self->policy_oids);
  g_strfreev (self->policy_oid_arcs);
  g_clear_pointer (&self->facts, g_ptr_array_unref);

  G_OBJECT_CLASS (dojang_certificate_type_parent_class)->finalize (object);
}

static void
dojang_certificate_type_class_init (DojangCertificateTypeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dojang_certificate_type_finalize;
}

static void
dojang_certificate_type_init (DojangCertificateType *self)
{
  self->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) dojang_fact_unref);
}

/* Dotted decimal with at least two arcs: "1.2.410.200004.5.2.1.2" */
gboolean
dojang_oid_is_valid (const char *oid)
{
  gboolean digit_seen = FALSE;
  guint arcs = 1;

  if (oid == NULL || *oid == '\0')
    return FALSE;

  for (const char *p = oid; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          digit_seen = TRUE;
          continue;
        }
      if (*p != '.' || !digit_seen)
        return FALSE;
      digit_seen = FALSE;
      arcs++;
    }

  return digit_seen && arcs >= 2;
}

/* TRUE if @oid is @arc or one of its descendants (whole arcs only:
 * 1.2.410.2000041 is not under 1.2.410.200004). */
gboolean
dojang_oid_is_under_arc (const char *oid,
                         const char *arc)
{
  gsize length;

  if (oid == NULL || arc == NULL)
    return FALSE;

  length = strlen (arc);
  return strncmp (oid, arc, length) == 0 && (oid[length] == '\0' || oid[length] == '.');
}

static gboolean
check_oids (const DojangJsonScope  *scope,
            const char             *member,
            char                  **oids,
            GError                **error)
{
  for (guint i = 0; oids != NULL && oids[i] != NULL; i++)
    {
      g_autofree char *element = NULL;
      g_autofree char *message = NULL;

      if (dojang_oid_is_valid (oids[i]))
        continue;

      element = g_strdup_printf ("%s[%u]", member, i);
      /* TRANSLATORS: %s is the bad value; an OID looks like 1.2.410.200004.5.2.1.2 */
      message = g_strdup_printf (_("bad OID “%s”"), oids[i]);
      dojang_json_set_error (error, DOJANG_DATA_ERROR_BAD_VALUE, scope->file, scope->path, element, message);
      return FALSE;
    }

  return TRUE;
}

/* "renewal_at": "bank" or "provider" (the default); a stated place needs
 * its source like every other fact. */
static gboolean
read_renewal_at (const DojangJsonScope  *scope,
                 DojangCertificateType  *self,
                 GError                **error)
{
  static const char * const fact_keys[] = { "renewal_at", NULL };
  const char *place = NULL;

  if (!dojang_json_scope_has (scope, "renewal_at"))
    return TRUE;

  if (!dojang_json_scope_string (scope, "renewal_at", TRUE, &place, error))
    return FALSE;

  if (g_strcmp0 (place, "bank") != 0 && g_strcmp0 (place, "provider") != 0)
    {
      /* TRANSLATORS: "bank" and "provider" are literal values, keep them */
      dojang_json_set_error (error, DOJANG_DATA_ERROR_BAD_VALUE, scope->file, scope->path,
                             "renewal_at", _("expected “bank” or “provider”"));
      return FALSE;
    }

  self->renewed_at_bank = g_strcmp0 (place, "bank") == 0;

  return dojang_json_scope_facts (scope, fact_keys, self->facts, error);
}

/**
 * dojang_certificate_type_new_from_json:
 *
 * "annual_fee_krw": null means the fee is not known (-1).
 *
 * Returns: (transfer full) (nullable): the type
 */
DojangCertificateType *
dojang_certificate_type_new_from_json (const DojangJsonScope  *scope,
                                       const char             *provider_id,
                                       GError                 **error)
{
  static const char * const fact_keys[] = { "name", "policy_oids", "annual_fee", "renewal_window", NULL };
  g_autoptr(DojangCertificateType) self = g_object_new (DOJANG_TYPE_CERTIFICATE_TYPE, NULL);
  const char *id;
  gint64 fee, window;

  if (!dojang_json_scope_string (scope, "id", TRUE, &id, error) ||
      !dojang_json_scope_localized (scope, "name", TRUE, &self->name_ko, &self->name_en, error) ||
      !dojang_json_scope_strv (scope, "policy_oids", TRUE, &self->policy_oids, error) ||
      !dojang_json_scope_strv (scope, "oid_arcs", FALSE, &self->policy_oid_arcs, error) ||
      !dojang_json_scope_int (scope, "annual_fee_krw", FALSE, -1, &fee, error) ||
      !dojang_json_scope_int (scope, "renewal_window_days", TRUE, 0, &window, error) ||
      !dojang_json_scope_boolean (scope, "issued_at_bank", FALSE, &self->issued_at_bank, error) ||
      !dojang_json_scope_localized (scope, "notes", FALSE, &self->notes_ko, &self->notes_en, error) ||
      !check_oids (scope, "policy_oids", self->policy_oids, error) ||
      !check_oids (scope, "oid_arcs", self->policy_oid_arcs, error) ||
      !dojang_json_scope_facts (scope, fact_keys, self->facts, error) ||
      !read_renewal_at (scope, self, error))
    return NULL;

  if (self->policy_oid_arcs == NULL)
    self->policy_oid_arcs = g_new0 (char *, 1);

  if (fee < -1 || fee > G_MAXINT || window < 0 || window > 366)
    {
      dojang_json_set_error (error, DOJANG_DATA_ERROR_BAD_VALUE, scope->file, scope->path,
                             fee < -1 || fee > G_MAXINT ? "annual_fee_krw" : "renewal_window_days",
                             _("out of range"));
      return NULL;
    }

  self->id = g_strdup (id);
  self->provider_id = g_strdup (provider_id);
  self->annual_fee_krw = (int) fee;
  self->renewal_window_days = (int) window;

  return g_steal_pointer (&self);
}

const char *
dojang_certificate_type_get_id (DojangCertificateType *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_TYPE (self), NULL);

  return self->id;
}

/* Returns: "kica", "koscom", "yessign", "crosscert", "tradesign", or the id
 * of a CA that is no longer in service ("ncasign") */
const char *
dojang_certificate_type_get_provider_id (DojangCertificateType *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_TYPE (self), NULL);

  return self->provider_id;
}

const char *
dojang_certificate_type_get_name (DojangCertificateType *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_TYPE (self), NULL);

  return dojang_i18n_pick (self->name_ko, self->name_en);
}

const char *
dojang_certificate_type_get_name_ko (DojangCertificateType *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_TYPE (self), NULL);

  return self->name_ko;
}

const char *
dojang_certificate_type_get_name_en (DojangCertificateType *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_TYPE (self), NULL);

  return self->name_en;
}

/* Returns: (transfer none): the exact certificatePolicies OIDs of this type */
const char * const *
dojang_certificate_type_get_policy_oids (DojangCertificateType *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_TYPE (self), NULL);

  return (const char * const *) self->policy_oids;
}

/* Returns: (transfer none): arcs whose every descendant OID is this type
 * (e.g. yessign's 1.2.410.200005.1.1.6.x); often empty */
const char * const *
dojang_certificate_type_get_policy_oid_arcs (DojangCertificateType *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_TYPE (self), NULL);

  return (const char * const *) self->policy_oid_arcs;
}

/* Returns: the fee per year in KRW, VAT included; 0 = free, -1 = unknown */
int
dojang_certificate_type_get_annual_fee_krw (DojangCertificateType *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_TYPE (self), -1);

  return self->annual_fee_krw;
}

/* Returns: how many days before expiry the CA accepts a renewal */
int
dojang_certificate_type_get_renewal_window_days (DojangCertificateType *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_TYPE (self), 0);

  return self->renewal_window_days;
}

/* Returns: %TRUE if it is issued and renewed at the user's bank, not on the CA's site */
gboolean
dojang_certificate_type_get_issued_at_bank (DojangCertificateType *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_TYPE (self), FALSE);

  return self->issued_at_bank;
}

/* Returns: %TRUE if the issuing bank renews it (its internet banking's
 * certificate center, 인증센터), %FALSE if the CA's own site does */
gboolean
dojang_certificate_type_get_renewed_at_bank (DojangCertificateType *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_TYPE (self), FALSE);

  return self->renewed_at_bank;
}

/* Returns: (nullable): a remark in the active language */
const char *
dojang_certificate_type_get_notes (DojangCertificateType *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_TYPE (self), NULL);

  return dojang_i18n_pick (self->notes_ko, self->notes_en);
}

/**
 * dojang_certificate_type_get_fact:
 * @key: "name", "policy_oids", "annual_fee", "renewal_window" or
 *   "renewal_at"
 *
 * Returns: (transfer none) (nullable): the source and confidence of that fact
 */
DojangFact *
dojang_certificate_type_get_fact (DojangCertificateType *self,
                                  const char            *key)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_TYPE (self), NULL);

  return dojang_facts_lookup (self->facts, key);
}

GPtrArray *
dojang_certificate_type_get_facts (DojangCertificateType *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_TYPE (self), NULL);

  return self->facts;
}

/**
 * dojang_certificate_type_matches_oid:
 * @exact: only the listed OIDs, or also descendants of the type's arcs
 */
gboolean
dojang_certificate_type_matches_oid (DojangCertificateType *self,
                                     const char            *policy_oid,
                                     gboolean               exact)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_TYPE (self), FALSE);

  if (policy_oid == NULL)
    return FALSE;

  if (g_strv_contains ((const char * const *) self->policy_oids, policy_oid))
    return TRUE;
  if (exact)
    return FALSE;

  for (guint i = 0; self->policy_oid_arcs[i] != NULL; i++)
    {
      if (dojang_oid_is_under_arc (policy_oid, self->policy_oid_arcs[i]))
        return TRUE;
    }

  return FALSE;
}
