/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A small "Unconfirmed" (확인 필요) mark next to a fact of the bundled data
 * that is not confirmed by several sources; hidden for well-sourced facts. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-verify-badge.h"

struct _DojangVerifyBadge
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (DojangVerifyBadge, dojang_verify_badge, ADW_TYPE_BIN)

GtkWidget *
dojang_verify_badge_new (void)
{
  return g_object_new (DOJANG_TYPE_VERIFY_BADGE, NULL);
}

static void
append_fact (GString    *text,
             DojangFact *fact)
{
  const char *note = dojang_fact_get_note (fact);
  const char *source = dojang_fact_get_source (fact);
  const char *checked = dojang_fact_get_checked (fact);

  g_string_append (text, "\n\n");
  if (note != NULL && *note != '\0')
    g_string_append_printf (text, "%s\n", note);
  /* Translators: the first %s is a web address or the name of a printed
   * guide, the second a date such as 2026-11-22. */
  g_string_append_printf (text, _("Source: %s (checked on %s)"),
                          source != NULL ? source : "",
                          checked != NULL ? checked : "");
}

/**
 * dojang_verify_badge_set_facts:
 * @self: a badge
 * @facts: (array length=n_facts): the facts the badge stands next to; %NULL
 *   entries are skipped
 * @n_facts: the number of @facts
 *
 * The badge shows when at least one of @facts is not verified, with a
 * tooltip that explains each of them.
 */
/* Why @facts are not confirmed and where they come from; %NULL when all
 * of them are. */
static char *
explain_facts (DojangFact * const *facts,
               guint               n_facts)
{
  DojangConfidence weakest = DOJANG_CONFIDENCE_HIGH;
  g_autoptr(GString) details = g_string_new (NULL);

  for (guint i = 0; i < n_facts; i++)
    {
      if (facts[i] == NULL || dojang_fact_is_verified (facts[i]))
        continue;

      weakest = MAX (weakest, dojang_fact_get_confidence (facts[i]));
      append_fact (details, facts[i]);
    }

  if (weakest == DOJANG_CONFIDENCE_HIGH)
    return NULL;

  if (weakest == DOJANG_CONFIDENCE_LOW)
    g_string_prepend (details, _("Sources are weak or disagree. Check this with the certificate authority before you rely on it."));
  else
    g_string_prepend (details, _("Only one source confirms this. Check it with the certificate authority before you rely on it."));

  return g_string_free (g_steal_pointer (&details), FALSE);
}

/**
 * dojang_verify_badge_describe:
 * @fact: (nullable): a fact
 *
 * Returns: (transfer full) (nullable): the mark and why, "Unconfirmed:
 *   Only one source confirms this. …", to go with @fact for a screen
 *   reader; %NULL when @fact is confirmed
 */
char *
dojang_verify_badge_describe (DojangFact *fact)
{
  g_autofree char *details = explain_facts (&fact, 1);

  if (details == NULL)
    return NULL;

  /* TRANSLATORS: an accessible description: the "Unconfirmed" mark, then
   * why the fact is not confirmed and its source */
  return g_strdup_printf (_("%s: %s"), _("Unconfirmed"), details);
}

void
dojang_verify_badge_set_facts (DojangVerifyBadge  *self,
                               DojangFact * const *facts,
                               guint               n_facts)
{
  g_autofree char *details = NULL;

  g_return_if_fail (DOJANG_IS_VERIFY_BADGE (self));

  details = explain_facts (facts, n_facts);
  gtk_widget_set_visible (GTK_WIDGET (self), details != NULL);
  if (details == NULL)
    return;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (adw_bin_get_child (ADW_BIN (self))),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details,
                                  -1);
}

/**
 * dojang_verify_badge_mark_fact:
 * @self: the badge shown beside @subject
 * @fact: (nullable): the one fact @subject shows (a phone number, hours,
 *   a link)
 * @subject: the widget that shows @fact
 *
 * The mark sits on that fact alone: the badge shows only when @fact is not
 * verified, and then @subject's accessible description starts with the
 * mark and says why, so a screen reader reads it with the fact itself.
 */
void
dojang_verify_badge_mark_fact (DojangVerifyBadge *self,
                               DojangFact        *fact,
                               GtkWidget         *subject)
{
  g_autofree char *description = NULL;

  g_return_if_fail (DOJANG_IS_VERIFY_BADGE (self));
  g_return_if_fail (GTK_IS_WIDGET (subject));

  dojang_verify_badge_set_facts (self, &fact, 1);
  description = dojang_verify_badge_describe (fact);
  if (description == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (subject), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (subject),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
dojang_verify_badge_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOJANG_TYPE_VERIFY_BADGE);

  G_OBJECT_CLASS (dojang_verify_badge_parent_class)->dispose (object);
}

static void
dojang_verify_badge_class_init (DojangVerifyBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dojang_verify_badge_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dojang/Dojang/providers/dojang-verify-badge.ui");
}

static void
dojang_verify_badge_init (DojangVerifyBadge *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
