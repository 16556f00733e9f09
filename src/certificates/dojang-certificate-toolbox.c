/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The tools on a certificate's details: each button activates one of the
 * application's certificate actions (dojang-certificate-tools.c) with the
 * certificate's SHA-256 as target. */

#include "config.h"

#include "dojang-certificate-toolbox.h"
#include "dojang-certificate-tools.h"

struct _DojangCertificateToolbox
{
  AdwBin        parent_instance;

  GtkFlowBox   *buttons;
  GtkButton    *copy_button;
  GtkButton    *export_button;
  GtkButton    *password_button;
  GtkButton    *delete_button;
};

G_DEFINE_FINAL_TYPE (DojangCertificateToolbox, dojang_certificate_toolbox, ADW_TYPE_BIN)

static void
dojang_certificate_toolbox_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), DOJANG_TYPE_CERTIFICATE_TOOLBOX);

  G_OBJECT_CLASS (dojang_certificate_toolbox_parent_class)->dispose (object);
}

static void
dojang_certificate_toolbox_class_init (DojangCertificateToolboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_certificate_toolbox_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/certificates/dojang-certificate-toolbox.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateToolbox, buttons);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateToolbox, copy_button);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateToolbox, export_button);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateToolbox, password_button);
  gtk_widget_class_bind_template_child (widget_class, DojangCertificateToolbox, delete_button);
}

static void
dojang_certificate_toolbox_init (DojangCertificateToolbox *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The buttons take the focus, not the flow box's cells around them. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->buttons)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

/* The action is set only with its target, so a button never points at an
 * action without a certificate; the action's own rule says whether it can
 * act, and the tooltip why not. */
static void
point_at (GtkButton         *button,
          const char        *action_name,
          DojangCertificate *certificate)
{
  const char *why_not = dojang_certificate_tools_why_not (action_name, certificate);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", dojang_certificate_get_sha256 (certificate));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_sensitive (GTK_WIDGET (button), why_not == NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), why_not);
}

/**
 * dojang_certificate_toolbox_set_certificate:
 * @certificate: (nullable): the certificate the tools act on
 */
void
dojang_certificate_toolbox_set_certificate (DojangCertificateToolbox *self,
                                            DojangCertificate        *certificate)
{
  g_return_if_fail (DOJANG_IS_CERTIFICATE_TOOLBOX (self));

  gtk_widget_set_visible (GTK_WIDGET (self), certificate != NULL);
  if (certificate == NULL)
    return;

  point_at (self->copy_button, "app.copy-certificate", certificate);
  point_at (self->export_button, "app.export-pfx", certificate);
  point_at (self->password_button, "app.change-password", certificate);
  point_at (self->delete_button, "app.delete-certificate", certificate);
}
