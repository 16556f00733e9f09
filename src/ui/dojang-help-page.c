/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "dojang-help-page.h"

struct _DojangHelpPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (DojangHelpPage, dojang_help_page, ADW_TYPE_BIN)

static void
dojang_help_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOJANG_TYPE_HELP_PAGE);

  G_OBJECT_CLASS (dojang_help_page_parent_class)->dispose (object);
}

static void
dojang_help_page_class_init (DojangHelpPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_help_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/ui/dojang-help-page.ui");
}

static void
dojang_help_page_init (DojangHelpPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
