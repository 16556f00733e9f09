/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One certificate in the list: name, CA and type, where it lives, days
 * left (or until it starts) and a badge with its state. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificate-format.h"
#include "dojang-certificate-row.h"
#include "dojang-seoul.h"

struct _DojangCertificateRow
{
  AdwActionRow       parent_instance;

  DojangCertificate *certificate;
  char              *summary;
  char              *location;

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
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->location, g_free);

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

/* The first line says what it is and until when; the next ones why it
 * cannot be used and where it lives. */
static void
update_subtitle (DojangCertificateRow *self)
{
  g_autoptr(GString) subtitle = g_string_new (self->summary);

  if (!dojang_certificate_get_has_private_key (self->certificate))
    {
      g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, _("No private key (signPri.key) in its folder"));
    }

  if (self->location != NULL)
    {
      g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, self->location);
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);
}

static char *
build_summary (DojangCertificate       *certificate,
               DojangCertificateStatus  status)
{
  g_autofree char *until = dojang_seoul_format_expiry_date (dojang_certificate_get_not_after (certificate));
  g_autofree char *from = NULL;

  if (status != DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID)
    /* TRANSLATORS: CA · certificate type · expiry date */
    return g_strdup_printf (_("%s · %s · until %s"),
                            dojang_certificate_get_provider_name (certificate),
                            dojang_certificate_get_type_name (certificate),
                            until);

  from = dojang_seoul_format_date (dojang_certificate_get_not_before (certificate));
  /* TRANSLATORS: CA · certificate type · first and last day of validity */
  return g_strdup_printf (_("%s · %s · valid from %s until %s"),
                          dojang_certificate_get_provider_name (certificate),
                          dojang_certificate_get_type_name (certificate),
                          from, until);
}

GtkWidget *
dojang_certificate_row_new (DojangCertificate *certificate,
                            GDateTime         *now)
{
  DojangCertificateRow *self;
  DojangCertificateStatus status;
  g_autofree char *days = NULL;
  g_autofree char *days_long = NULL;
  g_autofree char *accessible = NULL;

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (certificate), NULL);

  self = g_object_new (DOJANG_TYPE_CERTIFICATE_ROW, NULL);
  self->certificate = g_object_ref (certificate);

  status = dojang_certificate_get_status (certificate, now);
  /* Before its first day a certificate counts down to that day: a "D-N"
   * would count to its expiry, a year away. */
  if (status == DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID)
    days = dojang_format_days_until_valid (dojang_certificate_get_days_until_valid (certificate, now));
  else
    days = dojang_format_days_left (dojang_certificate_get_days_left (certificate, now));
  self->summary = build_summary (certificate, status);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), dojang_certificate_get_name (certificate));
  update_subtitle (self);
  gtk_label_set_text (self->days_label, days);
  if (status == DOJANG_CERTIFICATE_STATUS_UNUSABLE)
    gtk_widget_add_css_class (GTK_WIDGET (self->days_label), "dim-label");
  gtk_label_set_text (self->badge, dojang_certificate_status_label (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), dojang_certificate_status_css (status));

  if (status == DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID)
    days_long = g_strdup (days);
  else
    days_long = dojang_format_days_left_long (dojang_certificate_get_days_left (certificate, now));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->days_label), days_long);

  /* TRANSLATORS: accessible name of a certificate row: name, status, "23
   * days left" */
  accessible = g_strdup_printf (_("%s, %s, %s"), dojang_certificate_get_name (certificate),
                                dojang_certificate_status_label (status), days_long);
  /* The row's own name, not followed by its title label's: said once. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return GTK_WIDGET (self);
}

/**
 * dojang_certificate_row_set_location:
 * @location: (nullable): where the certificate lives, in words (see
 *   dojang_certificate_list_describe_location())
 *
 * Two copies of one certificate differ only by this line.
 */
void
dojang_certificate_row_set_location (DojangCertificateRow *self,
                                     const char           *location)
{
  g_return_if_fail (DOJANG_IS_CERTIFICATE_ROW (self));

  g_free (self->location);
  self->location = g_strdup (location);
  update_subtitle (self);
}

/**
 * dojang_certificate_row_get_location:
 *
 * Returns: (nullable): the location line, as set
 */
const char *
dojang_certificate_row_get_location (DojangCertificateRow *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE_ROW (self), NULL);

  return self->location;
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
