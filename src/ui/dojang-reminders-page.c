/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "dojang-reminders-page.h"

struct _DojangRemindersPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (DojangRemindersPage, dojang_reminders_page, ADW_TYPE_BIN)

static void
dojang_reminders_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOJANG_TYPE_REMINDERS_PAGE);

  G_OBJECT_CLASS (dojang_reminders_page_parent_class)->dispose (object);
}

static void
dojang_reminders_page_class_init (DojangRemindersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_reminders_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/ui/dojang-reminders-page.ui");
}

static void
dojang_reminders_page_init (DojangRemindersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
