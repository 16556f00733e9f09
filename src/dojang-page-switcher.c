/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The header's page switcher: one toggle button per page of an
 * AdwViewStack, an icon beside the page's title, drawn like libadwaita's
 * view switcher in its wide layout (same CSS name and classes).
 *
 * libadwaita's AdwViewSwitcherButton builds both of its layouts (icon beside
 * title, and icon over title), each with a badge and two labels: thirteen
 * widgets a button, built and measured before the window's first frame.
 * The header only ever shows the wide one, so this switcher builds just
 * that: four widgets a button. Narrow windows show the bottom bar
 * (AdwViewSwitcherBar) instead, as before.
 *
 * For assistive technologies the switcher is a tab list and each button a
 * tab named after its page, marked selected while its page is shown. */

#include "config.h"

#include "dojang-page-switcher.h"

struct _DojangPageSwitcher
{
  GtkWidget     parent_instance;

  AdwViewStack *stack;
  gboolean      updating;
};

G_DEFINE_FINAL_TYPE (DojangPageSwitcher, dojang_page_switcher, GTK_TYPE_WIDGET)

/* Each button keeps the page's child it shows. */
#define PAGE_CHILD_KEY "dojang-page-child"

static void
sync_buttons (DojangPageSwitcher *self)
{
  GtkWidget *visible = self->stack != NULL ? adw_view_stack_get_visible_child (self->stack) : NULL;

  self->updating = TRUE;
  for (GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self));
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      gboolean shown = g_object_get_data (G_OBJECT (button), PAGE_CHILD_KEY) == visible;

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), shown);
      gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_SELECTED, shown, -1);
    }
  self->updating = FALSE;
}

static void
on_button_toggled (GtkToggleButton    *button,
                   DojangPageSwitcher *self)
{
  GtkWidget *child = g_object_get_data (G_OBJECT (button), PAGE_CHILD_KEY);

  if (self->updating || self->stack == NULL || !gtk_toggle_button_get_active (button))
    return;

  adw_view_stack_set_visible_child (self->stack, child);
}

static GtkWidget *
create_button (DojangPageSwitcher *self,
               AdwViewStackPage   *page,
               GtkToggleButton    *group)
{
  const char *title = adw_view_stack_page_get_title (page);
  GtkWidget *button;
  GtkWidget *box;
  GtkWidget *image;

  button = g_object_new (GTK_TYPE_TOGGLE_BUTTON, "accessible-role", GTK_ACCESSIBLE_ROLE_TAB, NULL);
  gtk_widget_add_css_class (button, "flat");
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (box, "wide");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  image = gtk_image_new_from_icon_name (adw_view_stack_page_get_icon_name (page));
  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), gtk_label_new (title));
  gtk_button_set_child (GTK_BUTTON (button), box);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);

  g_object_set_data (G_OBJECT (button), PAGE_CHILD_KEY, adw_view_stack_page_get_child (page));
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_button_toggled), self, 0);

  return button;
}

static void
remove_buttons (DojangPageSwitcher *self)
{
  GtkWidget *button;

  while ((button = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (button);
}

/**
 * dojang_page_switcher_set_stack:
 * @stack: (nullable): the stack whose pages get a button, in their order
 *
 * The buttons are made for the stack's pages as they are now; the window's
 * pages are all in its template and never change.
 */
void
dojang_page_switcher_set_stack (DojangPageSwitcher *self,
                                AdwViewStack       *stack)
{
  GtkToggleButton *group = NULL;

  g_return_if_fail (DOJANG_IS_PAGE_SWITCHER (self));
  g_return_if_fail (stack == NULL || ADW_IS_VIEW_STACK (stack));

  if (self->stack == stack)
    return;

  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_func (self->stack, sync_buttons, self);
  remove_buttons (self);
  g_set_object (&self->stack, stack);

  if (stack != NULL)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          AdwViewStackPage *page = adw_view_stack_get_page (stack, child);
          GtkWidget *button;

          if (page == NULL || !adw_view_stack_page_get_visible (page))
            continue;

          button = create_button (self, page, group);
          gtk_widget_set_parent (button, GTK_WIDGET (self));
          if (group == NULL)
            group = GTK_TOGGLE_BUTTON (button);
        }

      g_signal_connect_object (stack, "notify::visible-child", G_CALLBACK (sync_buttons), self, G_CONNECT_SWAPPED);
      sync_buttons (self);
    }
}

static void
dojang_page_switcher_dispose (GObject *object)
{
  DojangPageSwitcher *self = DOJANG_PAGE_SWITCHER (object);

  remove_buttons (self);
  g_clear_object (&self->stack);

  G_OBJECT_CLASS (dojang_page_switcher_parent_class)->dispose (object);
}

static void
dojang_page_switcher_class_init (DojangPageSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_page_switcher_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "viewswitcher");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TAB_LIST);
}

static void
dojang_page_switcher_init (DojangPageSwitcher *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "wide");
}
