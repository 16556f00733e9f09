/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The "certificate password" step: an entry, a spinner and a result line.
 * The password is checked against signPri.key in a worker thread (see
 * dojang_private_key_check_async()) through DojangPasswordStep, and the
 * entry is wiped as soon as the check starts, when it is left and when it
 * goes. Used by the renewal assistant, the certificate details' "Check
 * password…" dialog and the certificate tools.
 *
 * Checking on this computer cannot lock anything: signPri.key has no try
 * counter (the "locked after 5 tries" rule belongs to websites' security
 * modules), so the messages never speak of one. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-password-check.h"
#include "dojang-password-step.h"
#include "dojang-private-key.h"

struct _DojangPasswordCheck
{
  AdwBin                    parent_instance;

  char                     *key_path;
  char                     *cert_path;
  DojangPasswordStep       *step;
  DojangPasswordCheckState  state;
  gint64                    started_at;

  GtkPasswordEntry         *entry;
  GtkSpinner               *spinner;
  GtkWidget                *result_box;
  GtkImage                 *result_icon;
  GtkLabel                 *result_label;
};

G_DEFINE_FINAL_TYPE (DojangPasswordCheck, dojang_password_check, ADW_TYPE_BIN)

G_DEFINE_ENUM_TYPE (DojangPasswordCheckState, dojang_password_check_state,
  G_DEFINE_ENUM_VALUE (DOJANG_PASSWORD_CHECK_EMPTY, "empty"),
  G_DEFINE_ENUM_VALUE (DOJANG_PASSWORD_CHECK_CHECKING, "checking"),
  G_DEFINE_ENUM_VALUE (DOJANG_PASSWORD_CHECK_CORRECT, "correct"),
  G_DEFINE_ENUM_VALUE (DOJANG_PASSWORD_CHECK_WRONG, "wrong"),
  G_DEFINE_ENUM_VALUE (DOJANG_PASSWORD_CHECK_FAILED, "failed"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_EMPTY,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_result (DojangPasswordCheck *self,
             const char          *icon_name,
             const char          *css_class,
             const char          *message)
{
  GtkWidget *text = GTK_WIDGET (self->entry);

  gtk_widget_set_visible (self->result_box, message != NULL);
  gtk_label_set_text (self->result_label, message != NULL ? message : "");
  gtk_image_set_from_icon_name (self->result_icon, icon_name);
  gtk_widget_set_css_classes (GTK_WIDGET (self->result_label),
                              (const char *[]) { css_class, NULL });
  gtk_widget_set_css_classes (GTK_WIDGET (self->result_icon),
                              (const char *[]) { css_class, NULL });

  /* A screen reader reads the result with the entry it belongs to. */
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
set_state (DojangPasswordCheck      *self,
           DojangPasswordCheckState  state)
{
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), state != DOJANG_PASSWORD_CHECK_CHECKING);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static char *
describe_error (const GError *error)
{
  if (error->domain != DOJANG_PRIVATE_KEY_ERROR)
    return g_strdup (error->message);

  switch ((DojangPrivateKeyError) error->code)
    {
    case DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD:
      return g_strdup (_("The password is wrong. Check Caps Lock and that the keyboard types English letters (한/영), "
                         "then type it again. A forgotten password cannot be recovered: the certificate has to be "
                         "re-issued (재발급) by the CA or bank that issued it. Checking here, on this computer, "
                         "never locks the certificate."));
    case DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED:
      /* TRANSLATORS: %s says which encryption, e.g. "unsupported cipher 1.2.3" */
      return g_strdup_printf (_("Dojang cannot open this kind of private key (%s). The password may still be right: "
                                "try it where you use the certificate."), error->message);
    case DOJANG_PRIVATE_KEY_ERROR_DAMAGED:
      return g_strdup (_("The private key file (signPri.key) is damaged, so no password can open it. Copy the "
                         "certificate’s folder again from where you keep it, or have it re-issued (재발급)."));
    case DOJANG_PRIVATE_KEY_ERROR_CERTIFICATE_DAMAGED:
      return g_strdup (_("The certificate beside the key cannot be read. Copy the certificate’s whole folder again."));
    case DOJANG_PRIVATE_KEY_ERROR_KEY_MISMATCH:
      return g_strdup (_("The password opens the private key, but the key belongs to another certificate. Copy "
                         "the certificate’s whole folder again from where you keep it."));
    case DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND:
    default:
      return g_strdup (_("There is no private key (signPri.key) beside this certificate, so its password cannot be "
                         "checked here."));
    }
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DojangPasswordCheck) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean correct;

  correct = dojang_private_key_check_finish (result, &error);
  if (!dojang_password_step_end (self->step, error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD))
    return;

  g_debug ("Password checked in %" G_GINT64_FORMAT " ms",
           (g_get_monotonic_time () - self->started_at) / 1000);

  if (correct)
    {
      set_state (self, DOJANG_PASSWORD_CHECK_CORRECT);
      show_result (self, "emblem-ok-symbolic", "success", C_("password check", "The password is correct."));
    }
  else
    {
      message = describe_error (error);
      set_state (self, g_error_matches (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD)
                         ? DOJANG_PASSWORD_CHECK_WRONG : DOJANG_PASSWORD_CHECK_FAILED);
      show_result (self, "dialog-warning-symbolic", "error", message);
      /* Retyping starts in the entry. */
      dojang_password_check_focus (self);
    }

  g_signal_emit (self, signals[FINISHED], 0, correct);
}

static void
on_entry_changed (DojangPasswordCheck *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);

  if (self->state == DOJANG_PASSWORD_CHECK_CHECKING)
    return;

  /* Typing again makes the last result stale. */
  if (!dojang_password_check_get_empty (self) && self->state != DOJANG_PASSWORD_CHECK_EMPTY)
    {
      set_state (self, DOJANG_PASSWORD_CHECK_EMPTY);
      show_result (self, NULL, NULL, NULL);
    }
}

static void
dojang_password_check_unmap (GtkWidget *widget)
{
  DojangPasswordCheck *self = DOJANG_PASSWORD_CHECK (widget);

  if (self->step != NULL)
    dojang_password_step_wipe (self->step);

  GTK_WIDGET_CLASS (dojang_password_check_parent_class)->unmap (widget);
}

static void
dojang_password_check_dispose (GObject *object)
{
  DojangPasswordCheck *self = DOJANG_PASSWORD_CHECK (object);

  g_clear_pointer (&self->step, dojang_password_step_free);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOJANG_TYPE_PASSWORD_CHECK);

  G_OBJECT_CLASS (dojang_password_check_parent_class)->dispose (object);
}

static void
dojang_password_check_finalize (GObject *object)
{
  DojangPasswordCheck *self = DOJANG_PASSWORD_CHECK (object);

  g_free (self->key_path);
  g_free (self->cert_path);

  G_OBJECT_CLASS (dojang_password_check_parent_class)->finalize (object);
}

static void
dojang_password_check_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DojangPasswordCheck *self = DOJANG_PASSWORD_CHECK (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_EMPTY:
      g_value_set_boolean (value, dojang_password_check_get_empty (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_password_check_class_init (DojangPasswordCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_password_check_dispose;
  object_class->finalize = dojang_password_check_finalize;
  object_class->get_property = dojang_password_check_get_property;
  widget_class->unmap = dojang_password_check_unmap;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, DOJANG_TYPE_PASSWORD_CHECK_STATE, DOJANG_PASSWORD_CHECK_EMPTY,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DojangPasswordCheck::finished:
   * @correct: whether the password opened the certificate's key
   *
   * A check ended; the state says how.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/keys/dojang-password-check.ui");
  gtk_widget_class_bind_template_child (widget_class, DojangPasswordCheck, entry);
  gtk_widget_class_bind_template_child (widget_class, DojangPasswordCheck, spinner);
  gtk_widget_class_bind_template_child (widget_class, DojangPasswordCheck, result_box);
  gtk_widget_class_bind_template_child (widget_class, DojangPasswordCheck, result_icon);
  gtk_widget_class_bind_template_child (widget_class, DojangPasswordCheck, result_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
}

static void
dojang_password_check_init (DojangPasswordCheck *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The name a screen reader (and a test) finds the field by. A plain
   * password entry rather than an entry row: GTK 4.8 reports the focus of
   * the former to assistive technologies, not of the latter. */
  self->step = dojang_password_step_new (GTK_EDITABLE (self->entry), C_("password entry", "Certificate password"),
                                         self->spinner, NULL);
}

GtkWidget *
dojang_password_check_new (void)
{
  return g_object_new (DOJANG_TYPE_PASSWORD_CHECK, NULL);
}

/**
 * dojang_password_check_set_key:
 * @key_path: (nullable): the signPri.key to open
 * @cert_path: (nullable): the certificate it must belong to
 *
 * Clears the entry and the last result.
 */
void
dojang_password_check_set_key (DojangPasswordCheck *self,
                               const char          *key_path,
                               const char          *cert_path)
{
  g_return_if_fail (DOJANG_IS_PASSWORD_CHECK (self));

  g_free (self->key_path);
  g_free (self->cert_path);
  self->key_path = g_strdup (key_path);
  self->cert_path = g_strdup (cert_path);

  dojang_password_check_clear (self);
}

/**
 * dojang_password_check_start:
 *
 * Checks what was typed, then wipes the entry; the result comes with
 * #DojangPasswordCheck::finished.
 *
 * Returns: %FALSE if there was nothing to check (empty entry, no key, or
 *   a check already running)
 */
gboolean
dojang_password_check_start (DojangPasswordCheck *self)
{
  const char *password;
  gsize length = 0;
  GCancellable *cancellable;

  g_return_val_if_fail (DOJANG_IS_PASSWORD_CHECK (self), FALSE);

  if (dojang_password_step_get_busy (self->step))
    return FALSE;

  if (self->key_path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_NOT_FOUND, "");
      g_autofree char *message = describe_error (error);

      set_state (self, DOJANG_PASSWORD_CHECK_FAILED);
      show_result (self, "dialog-warning-symbolic", "error", message);
      return FALSE;
    }

  if (dojang_password_check_get_empty (self))
    {
      show_result (self, "dialog-information-symbolic", NULL, _("Type the certificate’s password first."));
      dojang_password_check_focus (self);
      return FALSE;
    }

  /* The text is read in place and copied into secure memory by the check. */
  cancellable = dojang_password_step_begin (self->step);
  password = dojang_password_step_peek (self->step, &length);
  self->started_at = g_get_monotonic_time ();
  dojang_private_key_check_async (self->key_path, self->cert_path, password, length,
                                  cancellable, on_checked, g_object_ref (self));
  set_state (self, DOJANG_PASSWORD_CHECK_CHECKING);
  show_result (self, NULL, "dim-label", _("Checking the password on this computer…"));
  dojang_password_step_wipe (self->step);

  return TRUE;
}

/**
 * dojang_password_check_clear:
 *
 * Wipes the entry, stops a running check and forgets the result.
 */
void
dojang_password_check_clear (DojangPasswordCheck *self)
{
  g_return_if_fail (DOJANG_IS_PASSWORD_CHECK (self));

  dojang_password_step_cancel (self->step);
  set_state (self, DOJANG_PASSWORD_CHECK_EMPTY);
  dojang_password_step_wipe (self->step);
  show_result (self, NULL, NULL, NULL);
}

void
dojang_password_check_focus (DojangPasswordCheck *self)
{
  g_return_if_fail (DOJANG_IS_PASSWORD_CHECK (self));

  dojang_password_step_focus (self->step);
}

DojangPasswordCheckState
dojang_password_check_get_state (DojangPasswordCheck *self)
{
  g_return_val_if_fail (DOJANG_IS_PASSWORD_CHECK (self), DOJANG_PASSWORD_CHECK_EMPTY);

  return self->state;
}

gboolean
dojang_password_check_get_empty (DojangPasswordCheck *self)
{
  g_return_val_if_fail (DOJANG_IS_PASSWORD_CHECK (self), TRUE);

  return self->step == NULL || dojang_password_step_get_empty (self->step);
}
