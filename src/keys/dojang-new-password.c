/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A new certificate password, typed twice, with the CAs' rule shown line
 * by line and ticked off live as it is typed (dojang-password-rule.c).
 * The text lives in wiped secure buffers and is cleared when the widget is
 * hidden or goes; nothing here keeps or sends it. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dojang-new-password.h"
#include "dojang-password-rule.h"
#include "dojang-secret-buffer.h"

#define N_REQUIREMENTS 8

struct _DojangNewPassword
{
  AdwBin               parent_instance;

  GtkEntryBuffer      *password;
  GtkEntryBuffer      *repeat;
  GtkWidget           *lines[N_REQUIREMENTS + 1];
  gboolean             acceptable;

  AdwPasswordEntryRow *password_entry;
  AdwPasswordEntryRow *repeat_entry;
  GtkBox              *requirements_box;
};

G_DEFINE_FINAL_TYPE (DojangNewPassword, dojang_new_password, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ACCEPTABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One label per line, its mark in the text: a wrapping label beside an
 * icon in a box trips GTK 4.8's height-for-width checks. */
static GtkWidget *
requirement_line (const char *text)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  g_object_set_data_full (G_OBJECT (label), "dojang-requirement", g_strdup (text), g_free);

  return label;
}

static void
set_line (GtkWidget *line,
          gboolean   met,
          gboolean   started)
{
  const char *requirement = g_object_get_data (G_OBJECT (line), "dojang-requirement");
  const char *css = !started ? "dim-label" : met ? "success" : "error";
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  text = g_strdup_printf ("%s %s", !started ? "•" : met ? "✓" : "✗", requirement);
  gtk_label_set_text (GTK_LABEL (line), text);
  gtk_widget_set_css_classes (line, (const char *[]) { css, NULL });

  /* TRANSLATORS: a password requirement and whether it is met, e.g. "A digit: met" */
  accessible = g_strdup_printf (met ? _("%s: met") : _("%s: not met"), requirement);
  gtk_accessible_update_property (GTK_ACCESSIBLE (line), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
on_changed (DojangNewPassword *self)
{
  const char *password = gtk_entry_buffer_get_text (self->password);
  const char *repeat = gtk_entry_buffer_get_text (self->repeat);
  gsize length = gtk_entry_buffer_get_bytes (self->password);
  DojangPasswordRequirement unmet = dojang_password_rule_unmet (password, length);
  gboolean started = length > 0;
  gboolean same = length > 0 && length == gtk_entry_buffer_get_bytes (self->repeat) &&
                  memcmp (password, repeat, length) == 0;
  gboolean acceptable;

  for (guint i = 0; i < N_REQUIREMENTS; i++)
    set_line (self->lines[i], (unmet & (1 << i)) == 0 && started, started);
  set_line (self->lines[N_REQUIREMENTS], same, gtk_entry_buffer_get_length (self->repeat) > 0);

  acceptable = unmet == 0 && same;
  if (acceptable != self->acceptable)
    {
      self->acceptable = acceptable;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTABLE]);
    }
}

static void
dojang_new_password_unmap (GtkWidget *widget)
{
  dojang_new_password_clear (DOJANG_NEW_PASSWORD (widget));

  GTK_WIDGET_CLASS (dojang_new_password_parent_class)->unmap (widget);
}

static void
dojang_new_password_dispose (GObject *object)
{
  DojangNewPassword *self = DOJANG_NEW_PASSWORD (object);

  if (self->password != NULL)
    {
      gtk_entry_buffer_delete_text (self->password, 0, -1);
      gtk_entry_buffer_delete_text (self->repeat, 0, -1);
    }
  g_clear_object (&self->password);
  g_clear_object (&self->repeat);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_NEW_PASSWORD);

  G_OBJECT_CLASS (dojang_new_password_parent_class)->dispose (object);
}

static void
dojang_new_password_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DojangNewPassword *self = DOJANG_NEW_PASSWORD (object);

  switch (prop_id)
    {
    case PROP_ACCEPTABLE:
      g_value_set_boolean (value, self->acceptable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_new_password_class_init (DojangNewPasswordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_new_password_dispose;
  object_class->get_property = dojang_new_password_get_property;
  widget_class->unmap = dojang_new_password_unmap;

  properties[PROP_ACCEPTABLE] =
    g_param_spec_boolean ("acceptable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/keys/dojang-new-password.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangNewPassword, password_entry);
  gtk_widget_class_bind_template_child (widget_class, DojangNewPassword, repeat_entry);
  gtk_widget_class_bind_template_child (widget_class, DojangNewPassword, requirements_box);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
dojang_new_password_init (DojangNewPassword *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->password = g_object_ref (dojang_secret_buffer_install (GTK_EDITABLE (self->password_entry)));
  self->repeat = g_object_ref (dojang_secret_buffer_install (GTK_EDITABLE (self->repeat_entry)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self->password_entry))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New password"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self->repeat_entry))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Repeat the new password"), -1);

  for (guint i = 0; i < N_REQUIREMENTS; i++)
    self->lines[i] = requirement_line (dojang_password_requirement_describe (1 << i));
  self->lines[N_REQUIREMENTS] = requirement_line (_("Both entries are the same"));
  for (guint i = 0; i <= N_REQUIREMENTS; i++)
    gtk_box_append (self->requirements_box, self->lines[i]);

  on_changed (self);
}

GtkWidget *
dojang_new_password_new (void)
{
  return g_object_new (DOJANG_TYPE_NEW_PASSWORD, NULL);
}

/* Returns: whether the new password meets the rule and was typed the same twice */
gboolean
dojang_new_password_get_acceptable (DojangNewPassword *self)
{
  g_return_val_if_fail (DOJANG_IS_NEW_PASSWORD (self), FALSE);

  return self->acceptable;
}

/**
 * dojang_new_password_peek:
 * @length: (out) (optional): its length in bytes
 *
 * Lends the new password where it lives (wiped secure memory), for a
 * caller that hands it straight to a key change; nothing is copied.
 *
 * Returns: (transfer none) (nullable): the password when it is acceptable,
 *   valid until the entries change or are cleared; %NULL otherwise
 */
const char *
dojang_new_password_peek (DojangNewPassword *self,
                          gsize             *length)
{
  g_return_val_if_fail (DOJANG_IS_NEW_PASSWORD (self), NULL);

  if (!self->acceptable)
    return NULL;

  if (length != NULL)
    *length = gtk_entry_buffer_get_bytes (self->password);

  return gtk_entry_buffer_get_text (self->password);
}

void
dojang_new_password_clear (DojangNewPassword *self)
{
  g_return_if_fail (DOJANG_IS_NEW_PASSWORD (self));

  gtk_entry_buffer_delete_text (self->password, 0, -1);
  gtk_entry_buffer_delete_text (self->repeat, 0, -1);
}

void
dojang_new_password_focus (DojangNewPassword *self)
{
  g_return_if_fail (DOJANG_IS_NEW_PASSWORD (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
}
