/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One certificate in the list: name, CA and type, days left and a badge. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificate-format.h"
#include "dojang-certificate-row.h"
#include "dojang-seoul.h"

struct _DojangCertificateRow
{
  AdwActionRow       parent_instance;

  DojangCertificate *certificate;

  GtkLabel          *days_label;
  GtkLabel          *badge;
};

G_DEFINE_FINAL_TYPE (DojangCertificateRow, dojang_certificate_row, ADW_TYPE_ACTION_ROW)

static void
dojang_certificate_row_dispose (GObject *object)
{
  DojangCertificateRow *self = DOJANG_CERTIFICATE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_CERTIFICATE_ROW);
  g_clear_object (&self->certificate);

  G_OBJECT_CLASS (dojang_certificate_row_parent_class)->dispose (object);
}

static void
dojang_certificate_row_class_init (DojangCertificateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_certificate_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/certificates/dojang-certificate-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateRow, days_label);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateRow, badge);
}

static void
dojang_certificate_row_init (DojangCertificateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dojang_certificate_row_new (DojangCertificate *certificate,
                            GDateTime         *now)
{
  DojangCertificateRow *self;
  DojangCertificateStatus status;
  g_autofree char *days = NULL;
  g_autofree char *until = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (certificate), NULL);

  self = g_object_new (DOJANG_TYPE_CERTIFICATE_ROW, NULL);
  self->certificate = g_object_ref (certificate);

  status = dojang_certificate_get_status (certificate, now);
  days = dojang_format_days_left (dojang_certificate_get_days_left (certificate, now));
  until = dojang_seoul_format_expiry_date (dojang_certificate_get_not_after (certificate));
  /* TRANSLATORS: CA · certificate type · expiry date */
  subtitle = g_strdup_printf (_("%s · %s · until %s"),
                              dojang_certificate_get_provider_name (certificate),
                              dojang_certificate_get_type_name (certificate),
                              until);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), dojang_certificate_get_name (certificate));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_label_set_text (self->days_label, days);
  gtk_label_set_text (self->badge, dojang_certificate_status_label (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), dojang_certificate_status_css (status));

  /* TRANSLATORS: accessible name of a certificate row: name, status, D-23 */
  accessible = g_strdup_printf (_("%s, %s, %s"), dojang_certificate_get_name (certificate),
                                dojang_certificate_status_label (status), days);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return GTK_WIDGET (self);
}

/**
 * dojang_certificate_row_set_successor:
 * @successor: (nullable): a newer certificate that renews this one
 *
 * A renewed certificate is shown as replaced: nothing to do for it any more.
 */
void
dojang_certificate_row_set_successor (DojangCertificateRow *self,
                                      DojangCertificate    *successor)
{
  g_autofree char *until = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (DOJANG_IS_CERTIFICATE_ROW (self));

  if (successor == NULL)
    return;

  until = dojang_seoul_format_expiry_date (dojang_certificate_get_not_after (successor));
  gtk_label_set_text (self->badge, _("Replaced"));
  gtk_widget_set_css_classes (GTK_WIDGET (self->badge), (const char *[]) { "certificate-badge", "replaced", NULL });
  gtk_widget_add_css_class (GTK_WIDGET (self->days_label), "dim-label");

  /* TRANSLATORS: accessible name of a renewed certificate's row; %s are its
   * holder and the expiry date of the certificate that replaced it */
  accessible = g_strdup_printf (_("%s, replaced by a certificate valid until %s"),
                                dojang_certificate_get_name (self->certificate), until);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

DojangCertificate *
dojang_certificate_row_get_certificate (DojangCertificateRow *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_ROW (self), NULL);

  return self->certificate;
}
