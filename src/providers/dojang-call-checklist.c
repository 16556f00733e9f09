/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "Before you call": what a certificate authority's help desk asks for (the
 * site, certificate type and issuer, the exact error, device and OS), with
 * the parts Dojang knows filled in. The certificate fields come only from a
 * certificate this authority issued, picked from the application's list:
 * the one last opened if it is one of them, else the first; none, and they
 * stay blank. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-call-checklist.h"
#include "dojang-certificate.h"
#include "dojang-inquiry-summary.h"
#include "dojang-provider-catalog.h"
#include "dojang-seoul.h"
#include "dojang-system-info.h"

struct _DojangCallChecklist
{
  AdwBin              parent_instance;

  GListModel         *certificates;
  char               *provider_id;
  DojangCertificate  *preferred;
  GtkCustomFilter    *filter;
  GtkFilterListModel *matching;

  AdwComboRow        *certificate_row;
  AdwEntryRow        *site_row;
  AdwEntryRow        *type_row;
  AdwEntryRow        *issuer_row;
  AdwEntryRow        *error_row;
  AdwEntryRow        *device_row;
  AdwEntryRow        *os_row;
  GtkButton          *inquiry_button;
};

G_DEFINE_FINAL_TYPE (DojangCallChecklist, dojang_call_checklist, ADW_TYPE_BIN)

static gboolean
issued_here (gpointer item,
             gpointer user_data)
{
  DojangCallChecklist *self = user_data;

  return self->provider_id != NULL &&
         g_strcmp0 (dojang_certificate_get_provider_id (item), self->provider_id) == 0;
}

/* "홍길동 · 범용 (개인) · until 2027-06-11": which of one holder's
 * certificates it is. */
static char *
describe_certificate (DojangCertificate *certificate)
{
  g_autofree char *until = NULL;

  if (certificate == NULL)
    return g_strdup ("");

  until = dojang_seoul_format_expiry_date (dojang_certificate_get_not_after (certificate));
  /* TRANSLATORS: a certificate in a drop-down: holder · type · expiry date */
  return g_strdup_printf (_("%s · %s · until %s"), dojang_certificate_get_name (certificate),
                          dojang_certificate_get_type_name (certificate), until);
}

/* The fields end up in an inquiry to a Korean help desk: Korean names. */
static void
fill_fields (DojangCallChecklist *self)
{
  DojangCertificate *certificate = adw_combo_row_get_selected_item (self->certificate_row);
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();
  DojangProvider *provider = NULL;
  DojangCertificateType *type = NULL;
  g_autofree char *issuer = NULL;
  const char *type_name = "";

  if (certificate != NULL && catalog != NULL)
    {
      provider = dojang_provider_catalog_lookup (catalog, dojang_certificate_get_provider_id (certificate));
      if (dojang_certificate_get_policy_oid (certificate) != NULL)
        type = dojang_provider_catalog_find_type (catalog, dojang_certificate_get_policy_oid (certificate));
    }

  if (provider != NULL)
    issuer = dojang_provider_dup_name_with_brand (provider, TRUE);
  if (certificate != NULL)
    type_name = type != NULL ? dojang_certificate_type_get_name_ko (type) : dojang_certificate_get_type_name (certificate);

  gtk_editable_set_text (GTK_EDITABLE (self->issuer_row), issuer != NULL ? issuer : "");
  gtk_editable_set_text (GTK_EDITABLE (self->type_row), type_name);
}

static guint
find_position (GListModel *model,
               gpointer    item)
{
  for (guint i = 0; item != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (model, i);

      if (candidate == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Keeps the certificate picked while it is still there, else picks the
 * one last opened, else the first; shows the choice only when there is one. */
static void
update_choice (DojangCallChecklist *self,
               gboolean             prefer)
{
  GListModel *matching = G_LIST_MODEL (self->matching);
  guint n_items = g_list_model_get_n_items (matching);
  gpointer current = adw_combo_row_get_selected_item (self->certificate_row);
  guint position = GTK_INVALID_LIST_POSITION;

  if (prefer)
    position = find_position (matching, self->preferred);
  if (position == GTK_INVALID_LIST_POSITION)
    position = find_position (matching, current);
  if (position == GTK_INVALID_LIST_POSITION)
    position = find_position (matching, self->preferred);
  if (position == GTK_INVALID_LIST_POSITION && n_items > 0)
    position = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->certificate_row), n_items > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->certificate_row), n_items > 1);
  adw_combo_row_set_selected (self->certificate_row, position);
  fill_fields (self);
}

static void
on_matching_changed (DojangCallChecklist *self)
{
  update_choice (self, FALSE);
}

static void
on_selected_changed (DojangCallChecklist *self)
{
  fill_fields (self);
}

/**
 * dojang_call_checklist_set_certificates:
 * @certificates: (nullable) (element-type DojangCertificate): the
 *   application's certificate list
 */
void
dojang_call_checklist_set_certificates (DojangCallChecklist *self,
                                        GListModel          *certificates)
{
  g_return_if_fail (DOJANG_IS_CALL_CHECKLIST (self));
  g_return_if_fail (certificates == NULL || G_IS_LIST_MODEL (certificates));

  if (!g_set_object (&self->certificates, certificates))
    return;

  gtk_filter_list_model_set_model (self->matching, certificates);
  update_choice (self, TRUE);
}

/**
 * dojang_call_checklist_set_provider:
 * @provider_id: (nullable): the authority the form is for, e.g. "kica"
 *
 * Only its certificates are offered; the certificate fields start afresh.
 */
void
dojang_call_checklist_set_provider (DojangCallChecklist *self,
                                    const char          *provider_id)
{
  g_return_if_fail (DOJANG_IS_CALL_CHECKLIST (self));

  if (g_strcmp0 (self->provider_id, provider_id) == 0)
    return;

  g_free (self->provider_id);
  self->provider_id = g_strdup (provider_id);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_choice (self, TRUE);
}

/**
 * dojang_call_checklist_set_preferred_certificate:
 * @certificate: (nullable): the certificate last opened; picked when it is
 *   this authority's
 */
void
dojang_call_checklist_set_preferred_certificate (DojangCallChecklist *self,
                                                 DojangCertificate   *certificate)
{
  g_return_if_fail (DOJANG_IS_CALL_CHECKLIST (self));
  g_return_if_fail (certificate == NULL || DOJANG_IS_CERTIFICATE (certificate));

  if (g_set_object (&self->preferred, certificate))
    update_choice (self, TRUE);
}

/**
 * dojang_call_checklist_get_certificate:
 *
 * Returns: (transfer none) (nullable): the certificate the form is about
 */
DojangCertificate *
dojang_call_checklist_get_certificate (DojangCallChecklist *self)
{
  g_return_val_if_fail (DOJANG_IS_CALL_CHECKLIST (self), NULL);

  return adw_combo_row_get_selected_item (self->certificate_row);
}

/**
 * dojang_call_checklist_set_inquiry_url:
 * @self: a checklist
 * @url: (nullable): the authority's 1:1 inquiry page
 */
void
dojang_call_checklist_set_inquiry_url (DojangCallChecklist *self,
                                       const char          *url)
{
  g_return_if_fail (DOJANG_IS_CALL_CHECKLIST (self));

  /* Its cell in the row of buttons, which wraps on narrow windows. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->inquiry_button)), url != NULL && *url != '\0');
  if (url == NULL || *url == '\0')
    return;

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->inquiry_button), "s", url);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->inquiry_button), "help.open-uri");
}

/**
 * dojang_call_checklist_build_summary:
 * @self: a checklist
 * @provider_name_ko: (nullable): the Korean name of the authority asked
 * @now: the current time
 *
 * Returns: (transfer full): the Korean inquiry text for the clipboard
 */
char *
dojang_call_checklist_build_summary (DojangCallChecklist *self,
                                     const char          *provider_name_ko,
                                     GDateTime           *now)
{
  DojangInquiryDetails details = { 0 };

  g_return_val_if_fail (DOJANG_IS_CALL_CHECKLIST (self), NULL);

  details.provider_name = provider_name_ko;
  details.site = gtk_editable_get_text (GTK_EDITABLE (self->site_row));
  details.certificate_type = gtk_editable_get_text (GTK_EDITABLE (self->type_row));
  details.certificate_issuer = gtk_editable_get_text (GTK_EDITABLE (self->issuer_row));
  details.error_message = gtk_editable_get_text (GTK_EDITABLE (self->error_row));
  details.device = gtk_editable_get_text (GTK_EDITABLE (self->device_row));
  details.operating_system = gtk_editable_get_text (GTK_EDITABLE (self->os_row));

  return dojang_inquiry_summary_build (&details, now);
}

static void
dojang_call_checklist_dispose (GObject *object)
{
  DojangCallChecklist *self = DOJANG_CALL_CHECKLIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_CALL_CHECKLIST);
  if (self->matching != NULL)
    g_signal_handlers_disconnect_by_data (self->matching, self);
  g_clear_object (&self->matching);
  g_clear_object (&self->filter);
  g_clear_object (&self->certificates);
  g_clear_object (&self->preferred);
  g_clear_pointer (&self->provider_id, g_free);

  G_OBJECT_CLASS (dojang_call_checklist_parent_class)->dispose (object);
}

/* The chosen certificate's line wraps instead of being cut on a phone. */
static void
setup_certificate_item (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_list_item_set_child (item, label);
}

static void
bind_certificate_item (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  g_autofree char *text = describe_certificate (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
dojang_call_checklist_class_init (DojangCallChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_call_checklist_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/providers/dojang-call-checklist.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangCallChecklist, certificate_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCallChecklist, site_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCallChecklist, type_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCallChecklist, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCallChecklist, error_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCallChecklist, device_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCallChecklist, os_row);
  gtk_widget_class_bind_template_child (widget_class, DojangCallChecklist, inquiry_button);
}

static void
dojang_call_checklist_init (DojangCallChecklist *self)
{
  g_autofree char *os = NULL;
  g_autofree char *device = NULL;
  GtkExpression *label;
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (issued_here, self, NULL);
  self->matching = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                       G_CALLBACK (describe_certificate), NULL, NULL);
  adw_combo_row_set_expression (self->certificate_row, label);
  gtk_expression_unref (label);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_certificate_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_certificate_item), NULL);
  adw_combo_row_set_factory (self->certificate_row, factory);
  g_object_unref (factory);
  adw_combo_row_set_model (self->certificate_row, G_LIST_MODEL (self->matching));
  g_signal_connect_swapped (self->matching, "items-changed", G_CALLBACK (on_matching_changed), self);
  g_signal_connect_swapped (self->certificate_row, "notify::selected", G_CALLBACK (on_selected_changed), self);
  update_choice (self, TRUE);

  os = dojang_system_info_get_os_text ();
  device = dojang_system_info_get_device_text ();
  gtk_editable_set_text (GTK_EDITABLE (self->os_row), os);
  gtk_editable_set_text (GTK_EDITABLE (self->device_row), device);
}
