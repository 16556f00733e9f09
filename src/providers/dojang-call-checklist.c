/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "Before you call": what a certificate authority's help desk asks for (the
 * site, certificate type and issuer, the exact error, device and OS), with
 * the parts Dojang knows filled in. */

#include "config.h"

#include "dojang-call-checklist.h"
#include "dojang-inquiry-summary.h"
#include "dojang-system-info.h"

struct _DojangCallChecklist
{
  AdwBin       parent_instance;

  AdwEntryRow *site_row;
  AdwEntryRow *type_row;
  AdwEntryRow *issuer_row;
  AdwEntryRow *error_row;
  AdwEntryRow *device_row;
  AdwEntryRow *os_row;
  GtkButton   *inquiry_button;
};

G_DEFINE_FINAL_TYPE (DojangCallChecklist, dojang_call_checklist, ADW_TYPE_BIN)

/**
 * dojang_call_checklist_set_certificate:
 * @self: a checklist
 * @issuer_text: (nullable): the issuing authority, as the user should read it
 * @type_text: (nullable): the certificate type
 *
 * Fills the certificate fields; %NULL leaves a field as it is.
 */
void
dojang_call_checklist_set_certificate (DojangCallChecklist *self,
                                       const char          *issuer_text,
                                       const char          *type_text)
{
  g_return_if_fail (DOJANG_IS_CALL_CHECKLIST (self));

  if (issuer_text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->issuer_row), issuer_text);
  if (type_text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->type_row), type_text);
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
  gtk_widget_dispose_template (GTK_WIDGET (object), DOJANG_TYPE_CALL_CHECKLIST);

  G_OBJECT_CLASS (dojang_call_checklist_parent_class)->dispose (object);
}

static void
dojang_call_checklist_class_init (DojangCallChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_call_checklist_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/providers/dojang-call-checklist.ui");
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

  gtk_widget_init_template (GTK_WIDGET (self));

  os = dojang_system_info_get_os_text ();
  device = dojang_system_info_get_device_text ();
  gtk_editable_set_text (GTK_EDITABLE (self->os_row), os);
  gtk_editable_set_text (GTK_EDITABLE (self->device_row), device);
}
