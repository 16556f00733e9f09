/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificates-page.h"
#include "dojang-help-page.h"
#include "dojang-page-switcher.h"
#include "dojang-reminder-notification.h"
#include "dojang-reminders-page.h"
#include "dojang-toast.h"
#include "dojang-window.h"

struct _DojangWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  GtkBox               *content_box;
  GtkWidget            *back_button;
  AdwSqueezer          *header_squeezer;
  DojangPageSwitcher   *page_switcher;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  /* Built the first time the window is narrow (see on_header_child_changed()). */
  AdwViewSwitcherBar   *switcher_bar;
  guint                 switcher_bar_source;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  DojangCertificatesPage *certificates_page;
  AdwBin               *reminders_slot;
  AdwBin               *help_slot;

  /* Built on first show (see ensure_page()), owned by their slots. */
  DojangRemindersPage  *reminders_page;
  DojangHelpPage       *help_page;
  DojangReminderController *reminders;
  DojangCertificateList *certificates;
  GdkFrameClock        *frame_clock;
  guint                 show_list_source;
};

G_DEFINE_FINAL_TYPE (DojangWindow, dojang_window, ADW_TYPE_APPLICATION_WINDOW)

static void on_certificate_list_changed     (DojangCertificatesPage *page,
                                             GParamSpec             *pspec,
                                             DojangWindow           *self);
static void update_navigation (DojangWindow *self);
static void on_selected_certificate_changed (DojangCertificatesPage *page,
                                             GParamSpec             *pspec,
                                             DojangWindow           *self);

/* The store opens in a worker thread: the pages get it (or why it could
 * not be opened) when it is ready. */
static void
on_reminders_ready (DojangReminderController *reminders,
                    GParamSpec               *pspec,
                    DojangWindow             *self)
{
  DojangReminderStore *store = dojang_reminder_controller_get_store (reminders);
  const GError *error = dojang_reminder_controller_get_error (reminders);

  if (self->reminders_page != NULL && (store != NULL || error != NULL))
    dojang_reminders_page_set_store (self->reminders_page, store, error);
  if (store != NULL)
    dojang_certificates_page_set_reminder_store (self->certificates_page, store);
}

/* Skipping a reminder can be undone for as long as the toast shows. */
static void
on_reminder_skipped (DojangReminderController *reminders,
                     DojangReminder           *before,
                     DojangWindow             *self)
{
  g_autofree char *certificate = dojang_reminder_describe_certificate (before);
  g_autofree char *text = NULL;

  /* TRANSLATORS: a toast; %s is a certificate, e.g. "홍길동 (금융결제원 범용)" */
  text = g_strdup_printf (_("Skipped this reminder for %s"), certificate);
  dojang_toast_show_action (GTK_WIDGET (self->toast_overlay), text, _("_Undo"), "app.undo-dismiss-reminder",
                                 g_variant_new_int64 (dojang_reminder_get_id (before)));
}

/* Only the page on screen is built before the first frame: the others
 * cost start-up time and memory for pages the user may never open. */
static void
ensure_page (DojangWindow *self,
             const char   *name)
{
  if (g_strcmp0 (name, "reminders") == 0 && self->reminders_page == NULL)
    {
      self->reminders_page = g_object_new (DOJANG_TYPE_REMINDERS_PAGE, NULL);
      adw_bin_set_child (self->reminders_slot, GTK_WIDGET (self->reminders_page));
      if (self->reminders != NULL)
        on_reminders_ready (self->reminders, NULL, self);
    }
  else if (g_strcmp0 (name, "help") == 0 && self->help_page == NULL)
    {
      self->help_page = g_object_new (DOJANG_TYPE_HELP_PAGE, NULL);
      adw_bin_set_child (self->help_slot, GTK_WIDGET (self->help_page));
      on_certificate_list_changed (self->certificates_page, NULL, self);
      g_signal_connect_object (self->help_page, "notify::subpage-title",
                               G_CALLBACK (update_navigation), self, G_CONNECT_SWAPPED);
      on_selected_certificate_changed (self->certificates_page, NULL, self);
    }
}

static void
on_visible_page_changed (AdwViewStack *stack,
                         GParamSpec   *pspec,
                         DojangWindow *self)
{
  ensure_page (self, adw_view_stack_get_visible_child_name (stack));
}

static gboolean
show_list (gpointer user_data)
{
  DojangWindow *self = user_data;

  self->show_list_source = 0;
  if (self->certificates != NULL)
    dojang_certificates_page_set_list (self->certificates_page, self->certificates);
  g_clear_object (&self->certificates);

  return G_SOURCE_REMOVE;
}

/* The certificates reach the page once the first frame is on screen: the
 * first frame shows the window at once, never the rows of a scan that
 * happened to finish before it. The rows are built on idle, not inside the
 * paint cycle, so that frame is over before they start. */
static void
on_first_frame (GdkFrameClock *frame_clock,
                DojangWindow  *self)
{
  if (frame_clock != NULL)
    g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame, self);
  g_clear_object (&self->frame_clock);
  if (frame_clock == NULL)
    show_list (self);
  else if (self->show_list_source == 0)
    self->show_list_source = g_idle_add (show_list, self);
}

static void
on_realize (GtkWidget    *widget,
            DojangWindow *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, on_realize, self);
  if (frame_clock == NULL)
    {
      on_first_frame (NULL, self);
      return;
    }
  self->frame_clock = g_object_ref (frame_clock);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_first_frame), self);
}

DojangWindow *
dojang_window_new (DojangApplication *application)
{
  DojangWindow *self = g_object_new (DOJANG_TYPE_WINDOW,
                                     "application", application,
                                     NULL);
  DojangReminderController *reminders = dojang_application_get_reminders (application);

  /* "application" is not a construct property: it is set after constructed().
   * The pages observe what the application owns. */
  g_set_object (&self->certificates, dojang_application_get_certificates (application));
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), self);

  if (reminders != NULL)
    {
      self->reminders = g_object_ref (reminders);
      g_signal_connect_object (reminders, "notify::store", G_CALLBACK (on_reminders_ready), self, 0);
      g_signal_connect_object (reminders, "skipped", G_CALLBACK (on_reminder_skipped), self, 0);
      g_signal_connect_object (reminders, "notify::error", G_CALLBACK (on_reminders_ready), self, 0);
      on_reminders_ready (reminders, NULL, self);
    }

  return self;
}

/* The subpage shown on the visible page, if any: a certificate's or an
 * authority's details. Its name goes under the window title (where the
 * page switcher gives way to a title on narrow windows), and the back
 * button, Escape and Alt+Left lead out of it. */
static const char *
get_subpage_title (DojangWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);

  if (page == GTK_WIDGET (self->certificates_page))
    return dojang_certificates_page_get_subpage_title (self->certificates_page);
  if (self->help_page != NULL && gtk_widget_is_ancestor (GTK_WIDGET (self->help_page), page))
    return dojang_help_page_get_subpage_title (self->help_page);

  return NULL;
}

static void
update_navigation (DojangWindow *self)
{
  const char *subpage = get_subpage_title (self);

  gtk_widget_set_visible (self->back_button, subpage != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", subpage != NULL);
  adw_window_title_set_subtitle (self->window_title, subpage);
}

/**
 * dojang_window_go_back:
 *
 * Leaves the subpage of the visible page (the header's back button).
 *
 * Returns: whether there was a subpage to leave
 */
gboolean
dojang_window_go_back (DojangWindow *self)
{
  GtkWidget *page;

  g_return_val_if_fail (DOJANG_IS_WINDOW (self), FALSE);

  page = adw_view_stack_get_visible_child (self->stack);
  if (page == GTK_WIDGET (self->certificates_page))
    return dojang_certificates_page_go_back (self->certificates_page);
  if (self->help_page != NULL && gtk_widget_is_ancestor (GTK_WIDGET (self->help_page), page))
    return dojang_help_page_go_back (self->help_page);

  return FALSE;
}

void
dojang_window_show_page (DojangWindow *self,
                         const char   *page_name)
{
  g_return_if_fail (DOJANG_IS_WINDOW (self));
  g_return_if_fail (page_name != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, page_name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, page_name);
}

/**
 * dojang_window_get_reminders_page:
 *
 * Returns: (transfer none): the Reminders page, built now if it was not yet
 */
DojangRemindersPage *
dojang_window_get_reminders_page (DojangWindow *self)
{
  g_return_val_if_fail (DOJANG_IS_WINDOW (self), NULL);

  ensure_page (self, "reminders");
  return self->reminders_page;
}

/**
 * dojang_window_get_help_page:
 *
 * Returns: (transfer none): the Help page, built now if it was not yet
 */
DojangHelpPage *
dojang_window_get_help_page (DojangWindow *self)
{
  g_return_val_if_fail (DOJANG_IS_WINDOW (self), NULL);

  ensure_page (self, "help");
  return self->help_page;
}

void
dojang_window_add_toast (DojangWindow *self,
                         const char   *message)
{
  g_return_if_fail (DOJANG_IS_WINDOW (self));

  dojang_toast_show (GTK_WIDGET (self->toast_overlay), message);
}

/**
 * dojang_window_get_certificates_page:
 *
 * Returns: (transfer none): the Certificates page
 */
DojangCertificatesPage *
dojang_window_get_certificates_page (DojangWindow *self)
{
  g_return_val_if_fail (DOJANG_IS_WINDOW (self), NULL);

  return self->certificates_page;
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  dojang_window_show_page (DOJANG_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  dojang_window_go_back (DOJANG_WINDOW (widget));
}

/* Ctrl+F from any page: the search of the Help page. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DojangWindow *self = DOJANG_WINDOW (widget);

  dojang_window_show_page (self, "help");
  gtk_widget_activate_action (GTK_WIDGET (dojang_window_get_help_page (self)), "help.search", NULL);
}

static void
show_provider_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DojangWindow *self = DOJANG_WINDOW (widget);
  const char *provider_id = g_variant_get_string (parameter, NULL);

  dojang_window_show_page (self, "help");
  if (!dojang_help_page_show_provider (dojang_window_get_help_page (self), provider_id))
    g_warning ("No certificate authority with the id “%s”", provider_id);
}

/* The certificate last opened on the Certificates page is the one "Before
 * you call" picks, on the page of the authority that issued it. */
/* "Before you call" offers the certificates the Certificates page shows. */
static void
on_certificate_list_changed (DojangCertificatesPage *page,
                             GParamSpec             *pspec,
                             DojangWindow           *self)
{
  if (self->help_page == NULL)
    return;

  dojang_help_page_set_certificates (self->help_page,
                                     G_LIST_MODEL (dojang_certificates_page_get_list (page)));
}

static void
on_selected_certificate_changed (DojangCertificatesPage *page,
                                 GParamSpec             *pspec,
                                 DojangWindow           *self)
{
  /* The Help page reads the selection when it is built. */
  if (self->help_page == NULL)
    return;

  dojang_help_page_set_preferred_certificate (self->help_page,
                                              dojang_certificates_page_get_selected_certificate (page));
}

static void
restore_geometry (DojangWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_geometry (DojangWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width = 0;
  int height = 0;

  /* The default size stays the unmaximized size, which is what we restore. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  g_settings_apply (self->settings);
}

static gboolean
dojang_window_close_request (GtkWindow *window)
{
  save_geometry (DOJANG_WINDOW (window));

  return GTK_WINDOW_CLASS (dojang_window_parent_class)->close_request (window);
}

/* Not at GTK's automatic gtk/help-overlay.ui path: GTK would build the
 * shortcuts window with every main window, before its first frame. It is
 * built the first time it is asked for. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/dojang/Dojang/dojang-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
dojang_window_constructed (GObject *object)
{
  DojangWindow *self = DOJANG_WINDOW (object);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  G_OBJECT_CLASS (dojang_window_parent_class)->constructed (object);

  if (DOJANG_IS_APPLICATION (app))
    self->settings = g_object_ref (dojang_application_get_settings (DOJANG_APPLICATION (app)));
  else
    self->settings = g_settings_new (APP_ID);

  restore_geometry (self);
}

static void
dojang_window_dispose (GObject *object)
{
  DojangWindow *self = DOJANG_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->reminders);
  g_clear_object (&self->certificates);
  if (self->frame_clock != NULL)
    g_signal_handlers_disconnect_by_func (self->frame_clock, on_first_frame, self);
  g_clear_object (&self->frame_clock);
  g_clear_handle_id (&self->show_list_source, g_source_remove);
  g_clear_handle_id (&self->switcher_bar_source, g_source_remove);

  G_OBJECT_CLASS (dojang_window_parent_class)->dispose (object);
}

static void
dojang_window_class_init (DojangWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = dojang_window_constructed;
  object_class->dispose = dojang_window_dispose;
  window_class->close_request = dojang_window_close_request;

  g_type_ensure (DOJANG_TYPE_CERTIFICATES_PAGE);
  g_type_ensure (DOJANG_TYPE_PAGE_SWITCHER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/dojang-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, DojangWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, DojangWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DojangWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, DojangWindow, header_squeezer);
  gtk_widget_class_bind_template_child (widget_class, DojangWindow, page_switcher);
  gtk_widget_class_bind_template_child (widget_class, DojangWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DojangWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DojangWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DojangWindow, certificates_page);
  gtk_widget_class_bind_template_child (widget_class, DojangWindow, reminders_slot);
  gtk_widget_class_bind_template_child (widget_class, DojangWindow, help_slot);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-provider", "s", show_provider_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  /* Escape leaves a subpage; a search entry with text takes it first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "certificates");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "reminders");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "help");
}

/* Whether the header shows the window's title: the page switcher does not
 * fit, and the bottom bar switches pages instead. */
static gboolean
is_narrow (DojangWindow *self)
{
  return adw_squeezer_get_visible_child (self->header_squeezer) == GTK_WIDGET (self->window_title);
}

/* The bottom view switcher is needed only once the window is too narrow
 * for the one in the header, so it is not built before the first frame of
 * a wide window. It is added from an idle callback, never while the window
 * is being allocated (where the header decides it is narrow). */
static gboolean
add_switcher_bar (gpointer user_data)
{
  DojangWindow *self = user_data;

  self->switcher_bar_source = 0;
  self->switcher_bar = ADW_VIEW_SWITCHER_BAR (adw_view_switcher_bar_new ());
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, is_narrow (self));
  gtk_box_append (self->content_box, GTK_WIDGET (self->switcher_bar));

  return G_SOURCE_REMOVE;
}

static void
on_header_child_changed (DojangWindow *self)
{
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_reveal (self->switcher_bar, is_narrow (self));
  else if (self->switcher_bar_source == 0 && is_narrow (self))
    self->switcher_bar_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, add_switcher_bar, self, NULL);
}

/* The main menu's popover is built when it first opens (F10 or a click),
 * not with the window. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  DojangWindow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
dojang_window_init (DojangWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu, self, NULL);
  dojang_page_switcher_set_stack (self->page_switcher, self->stack);
  g_signal_connect_object (self->header_squeezer, "notify::visible-child",
                           G_CALLBACK (on_header_child_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->certificates_page, "notify::list",
                           G_CALLBACK (on_certificate_list_changed), self, 0);
  g_signal_connect_object (self->certificates_page, "notify::selected-certificate",
                           G_CALLBACK (on_selected_certificate_changed), self, 0);
  g_signal_connect_object (self->certificates_page, "notify::subpage-title",
                           G_CALLBACK (update_navigation), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (on_visible_page_changed), self, 0);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (update_navigation), self, G_CONNECT_SWAPPED);
  update_navigation (self);
}
