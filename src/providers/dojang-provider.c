/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A certificate authority: names, contact channels, the certificate types
 * it issues and how to recognise its certificates. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dojang-certificate-type-private.h"
#include "dojang-channel-private.h"
#include "dojang-i18n.h"
#include "dojang-provider-private.h"

struct _DojangProvider
{
  GObject         parent_instance;

  char           *id;
  char           *name_ko;
  char           *name_en;
  char           *brand;
  char           *website;
  char           *renewal_url;
  char           *faq_url;
  char           *inquiry_url;
  char           *chatbot_url;
  char           *notes_ko;
  char           *notes_en;
  char           *new_issue_ko;
  char           *new_issue_en;
  char          **faq_topics_ko;
  char          **faq_topics_en;
  char          **issuer_organizations;
  char          **issuer_cn_patterns;   /* lower case globs */
  char          **policy_oid_arcs;
  GListStore     *channels;
  GListStore     *certificate_types;
  DojangChannel  *main_channel;
  GPtrArray      *facts;
};

G_DEFINE_FINAL_TYPE (DojangProvider, dojang_provider, G_TYPE_OBJECT)

static void
dojang_provider_finalize (GObject *object)
{
  DojangProvider *self = DOJANG_PROVIDER (object);

  g_free (self->id);
  g_free (self->name_ko);
  g_free (self->name_en);
  g_free (self->brand);
  g_free (self->website);
  g_free (self->renewal_url);
  g_free (self->faq_url);
  g_free (self->inquiry_url);
  g_free (self->chatbot_url);
  g_free (self->notes_ko);
  g_free (self->notes_en);
  g_free (self->new_issue_ko);
  g_free (self->new_issue_en);
  g_strfreev (self->faq_topics_ko);
  g_strfreev (self->faq_topics_en);
  g_strfreev (self->issuer_organizations);
  g_strfreev (self->issuer_cn_patterns);
  g_strfreev (self->policy_oid_arcs);
  g_clear_object (&self->channels);
  g_clear_object (&self->certificate_types);
  g_clear_pointer (&self->facts, g_ptr_array_unref);

  G_OBJECT_CLASS (dojang_provider_parent_class)->finalize (object);
}

static void
dojang_provider_class_init (DojangProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dojang_provider_finalize;
}

static void
dojang_provider_init (DojangProvider *self)
{
  self->channels = g_list_store_new (DOJANG_TYPE_CHANNEL);
  self->certificate_types = g_list_store_new (DOJANG_TYPE_CERTIFICATE_TYPE);
  self->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) dojang_fact_unref);
}

static gboolean
parse_faq_topics (DojangProvider         *self,
                  const DojangJsonScope  *scope,
                  GError                **error)
{
  g_autoptr(GStrvBuilder) ko = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) en = g_strv_builder_new ();
  JsonArray *topics;

  if (!dojang_json_scope_array (scope, "faq_topics", TRUE, &topics, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (topics); i++)
    {
      g_auto(DojangJsonScope) topic = { 0 };
      const char *text_ko, *text_en;

      if (!dojang_json_scope_element (scope, "faq_topics", topics, i, &topic, error) ||
          !dojang_json_scope_string (&topic, "ko", TRUE, &text_ko, error) ||
          !dojang_json_scope_string (&topic, "en", TRUE, &text_en, error))
        return FALSE;

      g_strv_builder_add (ko, text_ko);
      g_strv_builder_add (en, text_en);
    }

  self->faq_topics_ko = g_strv_builder_end (ko);
  self->faq_topics_en = g_strv_builder_end (en);
  return TRUE;
}

static gboolean
parse_issuers (DojangProvider         *self,
               const DojangJsonScope  *scope,
               GError                **error)
{
  g_auto(DojangJsonScope) issuers = { 0 };
  g_auto(GStrv) patterns = NULL;

  if (!dojang_json_scope_object (scope, "issuers", TRUE, &issuers, error) ||
      !dojang_json_scope_strv (&issuers, "organizations", TRUE, &self->issuer_organizations, error) ||
      !dojang_json_scope_strv (&issuers, "cn_patterns", TRUE, &patterns, error) ||
      !dojang_json_scope_strv (&issuers, "oid_arcs", TRUE, &self->policy_oid_arcs, error))
    return FALSE;

  for (guint i = 0; self->policy_oid_arcs[i] != NULL; i++)
    {
      g_autofree char *element = NULL;
      g_autofree char *message = NULL;

      if (dojang_oid_is_valid (self->policy_oid_arcs[i]))
        continue;

      element = g_strdup_printf ("oid_arcs[%u]", i);
      message = g_strdup_printf (_("bad OID “%s”"), self->policy_oid_arcs[i]);
      dojang_json_set_error (error, DOJANG_DATA_ERROR_BAD_VALUE, issuers.file, issuers.path, element, message);
      return FALSE;
    }

  self->issuer_cn_patterns = g_new0 (char *, g_strv_length (patterns) + 1);
  for (guint i = 0; patterns[i] != NULL; i++)
    self->issuer_cn_patterns[i] = g_utf8_strdown (patterns[i], -1);

  return TRUE;
}

static gboolean
parse_channels (DojangProvider         *self,
                const DojangJsonScope  *scope,
                GError                **error)
{
  JsonArray *channels;

  if (!dojang_json_scope_array (scope, "channels", TRUE, &channels, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (channels); i++)
    {
      g_auto(DojangJsonScope) entry = { 0 };
      g_autoptr(DojangChannel) channel = NULL;

      if (!dojang_json_scope_element (scope, "channels", channels, i, &entry, error))
        return FALSE;

      channel = dojang_channel_new_from_json (&entry, error);
      if (channel == NULL)
        return FALSE;

      if (dojang_channel_get_is_main (channel))
        {
          if (self->main_channel != NULL || dojang_channel_get_kind (channel) != DOJANG_CHANNEL_KIND_PHONE)
            {
              dojang_json_set_error (error, DOJANG_DATA_ERROR_BAD_VALUE, entry.file, entry.path, "main",
                                     _("only one phone line can be the main one"));
              return FALSE;
            }
          self->main_channel = channel;
        }
      g_list_store_append (self->channels, channel);
    }

  if (self->main_channel == NULL)
    {
      dojang_json_set_error (error, DOJANG_DATA_ERROR_MISSING_FIELD, scope->file, scope->path, "channels",
                             _("no main phone line (a phone channel with \"main\": true)"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_certificate_types (DojangProvider         *self,
                         const DojangJsonScope  *scope,
                         GError                **error)
{
  JsonArray *types;

  if (!dojang_json_scope_array (scope, "certificate_types", TRUE, &types, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (types); i++)
    {
      g_auto(DojangJsonScope) entry = { 0 };
      g_autoptr(DojangCertificateType) type = NULL;

      if (!dojang_json_scope_element (scope, "certificate_types", types, i, &entry, error))
        return FALSE;

      type = dojang_certificate_type_new_from_json (&entry, self->id, error);
      if (type == NULL)
        return FALSE;
      g_list_store_append (self->certificate_types, type);
    }

  return TRUE;
}

/**
 * dojang_provider_new_from_json:
 *
 * Reads one entry of "providers". Each stated fact (name, brand, website,
 * renewal_url, issuers, faq_topics, and the optional URLs, notes and
 * new_issue when present) needs its source in "facts".
 *
 * Returns: (transfer full) (nullable): the provider
 */
DojangProvider *
dojang_provider_new_from_json (const DojangJsonScope  *scope,
                               GError                **error)
{
  static const char * const optional_keys[] = { "faq_url", "inquiry_url", "chatbot_url", "notes", "new_issue", NULL };
  g_autoptr(DojangProvider) self = g_object_new (DOJANG_TYPE_PROVIDER, NULL);
  g_autoptr(GStrvBuilder) fact_keys = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  const char *id, *brand, *website, *renewal_url, *faq_url, *inquiry_url, *chatbot_url;

  if (!dojang_json_scope_string (scope, "id", TRUE, &id, error) ||
      !dojang_json_scope_localized (scope, "name", TRUE, &self->name_ko, &self->name_en, error) ||
      !dojang_json_scope_string (scope, "brand", TRUE, &brand, error) ||
      !dojang_json_scope_string (scope, "website", TRUE, &website, error) ||
      !dojang_json_scope_string (scope, "renewal_url", TRUE, &renewal_url, error) ||
      !dojang_json_scope_string (scope, "faq_url", FALSE, &faq_url, error) ||
      !dojang_json_scope_string (scope, "inquiry_url", FALSE, &inquiry_url, error) ||
      !dojang_json_scope_string (scope, "chatbot_url", FALSE, &chatbot_url, error) ||
      !dojang_json_scope_localized (scope, "notes", FALSE, &self->notes_ko, &self->notes_en, error) ||
      !dojang_json_scope_localized (scope, "new_issue", FALSE, &self->new_issue_ko, &self->new_issue_en, error))
    return NULL;

  self->id = g_strdup (id);
  self->brand = g_strdup (brand);
  self->website = g_strdup (website);
  self->renewal_url = g_strdup (renewal_url);
  self->faq_url = g_strdup (faq_url);
  self->inquiry_url = g_strdup (inquiry_url);
  self->chatbot_url = g_strdup (chatbot_url);

  if (!parse_issuers (self, scope, error) ||
      !parse_faq_topics (self, scope, error) ||
      !parse_channels (self, scope, error) ||
      !parse_certificate_types (self, scope, error))
    return NULL;

  g_strv_builder_add_many (fact_keys, "name", "brand", "website", "renewal_url", "issuers", "faq_topics", NULL);
  for (guint i = 0; optional_keys[i] != NULL; i++)
    {
      if (dojang_json_scope_has (scope, optional_keys[i]))
        g_strv_builder_add (fact_keys, optional_keys[i]);
    }
  keys = g_strv_builder_end (fact_keys);
  if (!dojang_json_scope_facts (scope, (const char * const *) keys, self->facts, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Returns: "kica", "koscom", "yessign", "crosscert" or "tradesign" */
const char *
dojang_provider_get_id (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return self->id;
}

/**
 * dojang_provider_get_name:
 *
 * The one name Dojang gives this authority wherever it names it: rows,
 * details, reminders, notifications, the assistant and the commands. In
 * Korean the short company name ("금융결제원"), in English one short
 * English name ("KFTC"). The brand on the certificates ("yessign") is not
 * a name: where it helps it follows as a detail, through
 * dojang_provider_dup_name_with_brand().
 *
 * Returns: the name in the active language
 */
const char *
dojang_provider_get_name (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return dojang_i18n_pick (self->name_ko, self->name_en);
}

/**
 * dojang_provider_dup_name_with_brand:
 * @in_korean: the Korean name whatever the active language, for text that
 *   goes to a Korean help desk
 *
 * The name with the brand as a second detail, "금융결제원 (yessign)", for
 * the places where people meet the brand: the Help page and a
 * certificate's details. A brand that is the name itself is not repeated.
 *
 * Returns: (transfer full): the name and the brand
 */
char *
dojang_provider_dup_name_with_brand (DojangProvider *self,
                                     gboolean        in_korean)
{
  const char *name;

  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  name = in_korean ? self->name_ko : dojang_provider_get_name (self);
  if (self->brand == NULL || g_ascii_strcasecmp (self->brand, name) == 0)
    return g_strdup (name);

  /* TRANSLATORS: a certificate authority's name, then the brand on its
   * certificates, e.g. "KFTC (yessign)" */
  return g_strdup_printf (_("%s (%s)"), name, self->brand);
}

const char *
dojang_provider_get_name_ko (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return self->name_ko;
}

const char *
dojang_provider_get_name_en (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return self->name_en;
}

/* Returns: the certificate brand, e.g. "SignGate" */
const char *
dojang_provider_get_brand (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return self->brand;
}

/* Returns: the number of the main phone line, e.g. "1577-8787" */
const char *
dojang_provider_get_main_phone (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return dojang_channel_get_phone (self->main_channel);
}

/* Returns: (transfer none): the main phone line */
DojangChannel *
dojang_provider_get_main_channel (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return self->main_channel;
}

const char *
dojang_provider_get_website (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return self->website;
}

const char *
dojang_provider_get_renewal_url (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return self->renewal_url;
}

/* Returns: (nullable): the FAQ page */
const char *
dojang_provider_get_faq_url (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return self->faq_url;
}

/* Returns: (nullable): the 1:1 inquiry page */
const char *
dojang_provider_get_inquiry_url (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return self->inquiry_url;
}

/* Returns: (nullable): the chatbot page */
const char *
dojang_provider_get_chatbot_url (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return self->chatbot_url;
}

/* Returns: (nullable): a remark in the active language (e.g. yessign's
 * banking certificates are issued at the bank) */
const char *
dojang_provider_get_notes (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return dojang_i18n_pick (self->notes_ko, self->notes_en);
}

/* Returns: (nullable): what an expired certificate's holder needs for a new
 * issue (신규 발급) with this CA, in the active language */
const char *
dojang_provider_get_new_issue (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return dojang_i18n_pick (self->new_issue_ko, self->new_issue_en);
}

/* Returns: (transfer none): the DojangChannel list, main phone line first in the data */
GListModel *
dojang_provider_get_channels (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return G_LIST_MODEL (self->channels);
}

/* Returns: (transfer none): the DojangCertificateType list */
GListModel *
dojang_provider_get_certificate_types (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return G_LIST_MODEL (self->certificate_types);
}

/* Returns: (transfer none): FAQ topics in the active language */
const char * const *
dojang_provider_get_faq_topics (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  if (dojang_i18n_is_korean ())
    return (const char * const *) self->faq_topics_ko;

  return (const char * const *) self->faq_topics_en;
}

/* Returns: (transfer none): issuer O= values, e.g. "KICA" */
const char * const *
dojang_provider_get_issuer_organizations (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return (const char * const *) self->issuer_organizations;
}

/* Returns: (transfer none): lower-case glob patterns of issuer CNs */
const char * const *
dojang_provider_get_issuer_cn_patterns (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return (const char * const *) self->issuer_cn_patterns;
}

/* Returns: (transfer none): the OID arcs of the CA's certificate policies */
const char * const *
dojang_provider_get_policy_oid_arcs (DojangProvider *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return (const char * const *) self->policy_oid_arcs;
}

gboolean
dojang_provider_matches_org (DojangProvider *self,
                             const char     *issuer_org)
{
  g_autofree char *folded = NULL;

  if (issuer_org == NULL || *issuer_org == '\0')
    return FALSE;

  folded = g_utf8_casefold (issuer_org, -1);
  for (guint i = 0; self->issuer_organizations[i] != NULL; i++)
    {
      g_autofree char *known = g_utf8_casefold (self->issuer_organizations[i], -1);

      if (g_str_equal (folded, known))
        return TRUE;
    }

  return FALSE;
}

gboolean
dojang_provider_matches_cn (DojangProvider *self,
                            const char     *issuer_cn)
{
  g_autofree char *lower = NULL;

  if (issuer_cn == NULL || *issuer_cn == '\0')
    return FALSE;

  lower = g_utf8_strdown (issuer_cn, -1);
  for (guint i = 0; self->issuer_cn_patterns[i] != NULL; i++)
    {
      if (g_pattern_match_simple (self->issuer_cn_patterns[i], lower))
        return TRUE;
    }

  return FALSE;
}

gboolean
dojang_provider_matches_oid_arc (DojangProvider *self,
                                 const char     *policy_oid)
{
  for (guint i = 0; self->policy_oid_arcs[i] != NULL; i++)
    {
      if (dojang_oid_is_under_arc (policy_oid, self->policy_oid_arcs[i]))
        return TRUE;
    }

  return FALSE;
}

/**
 * dojang_provider_get_fact:
 * @key: "name", "brand", "website", "renewal_url", "issuers",
 *   "faq_topics", "faq_url", "inquiry_url", "chatbot_url", "notes" or
 *   "new_issue"
 *
 * Returns: (transfer none) (nullable): the source and confidence of that
 * fact; the main phone number's is on the main channel ("phone")
 */
DojangFact *
dojang_provider_get_fact (DojangProvider *self,
                          const char     *key)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  return dojang_facts_lookup (self->facts, key);
}

static void
add_unverified (GPtrArray *out,
                GPtrArray *facts)
{
  for (guint i = 0; i < facts->len; i++)
    {
      DojangFact *fact = g_ptr_array_index (facts, i);

      if (!dojang_fact_is_verified (fact))
        g_ptr_array_add (out, dojang_fact_ref (fact));
    }
}

/**
 * dojang_provider_collect_unverified:
 *
 * Everything the UI must mark "please verify / 확인 필요": the facts of the
 * provider, its channels and its certificate types below confidence H.
 *
 * Returns: (transfer container) (element-type DojangFact): the facts
 */
GPtrArray *
dojang_provider_collect_unverified (DojangProvider *self)
{
  GPtrArray *out;

  g_return_val_if_fail (DOJANG_IS_PROVIDER (self), NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) dojang_fact_unref);
  add_unverified (out, self->facts);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->channels)); i++)
    {
      g_autoptr(DojangChannel) channel = g_list_model_get_item (G_LIST_MODEL (self->channels), i);

      add_unverified (out, dojang_channel_get_facts (channel));
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->certificate_types)); i++)
    {
      g_autoptr(DojangCertificateType) type = g_list_model_get_item (G_LIST_MODEL (self->certificate_types), i);

      add_unverified (out, dojang_certificate_type_get_facts (type));
    }

  return out;
}
