/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Which channel to use for which problem, after the KICA customer-center
 * guide: urgent or complex → phone, simple → ARS or chatbot, screenshots
 * → 1:1 inquiry, common question → FAQ; then what is open now comes first. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dojang-channel-advisor.h"

#define END_OF_KINDS ((DojangChannelKind) -1)

static const DojangChannelKind *
preferred_kinds (DojangSituation situation)
{
  static const DojangChannelKind urgent[] = {
    DOJANG_CHANNEL_KIND_PHONE, DOJANG_CHANNEL_KIND_ARS, DOJANG_CHANNEL_KIND_CHATBOT,
    DOJANG_CHANNEL_KIND_INQUIRY, END_OF_KINDS,
  };
  static const DojangChannelKind complex[] = {
    DOJANG_CHANNEL_KIND_PHONE, DOJANG_CHANNEL_KIND_INQUIRY, DOJANG_CHANNEL_KIND_VISIT, END_OF_KINDS,
  };
  static const DojangChannelKind simple[] = {
    DOJANG_CHANNEL_KIND_ARS, DOJANG_CHANNEL_KIND_CHATBOT, DOJANG_CHANNEL_KIND_FAQ,
    DOJANG_CHANNEL_KIND_PHONE, END_OF_KINDS,
  };
  static const DojangChannelKind screenshots[] = {
    DOJANG_CHANNEL_KIND_INQUIRY, DOJANG_CHANNEL_KIND_PHONE, END_OF_KINDS,
  };
  static const DojangChannelKind common[] = {
    DOJANG_CHANNEL_KIND_FAQ, DOJANG_CHANNEL_KIND_CHATBOT, DOJANG_CHANNEL_KIND_ARS,
    DOJANG_CHANNEL_KIND_PHONE, END_OF_KINDS,
  };

  switch (situation)
    {
    case DOJANG_SITUATION_URGENT:
      return urgent;
    case DOJANG_SITUATION_COMPLEX:
      return complex;
    case DOJANG_SITUATION_SIMPLE:
      return simple;
    case DOJANG_SITUATION_NEEDS_SCREENSHOTS:
      return screenshots;
    case DOJANG_SITUATION_COMMON_QUESTION:
    default:
      return common;
    }
}

static const char *
kind_reason (DojangChannelKind kind)
{
  switch (kind)
    {
    case DOJANG_CHANNEL_KIND_PHONE:
      return _("Talk to an agent: best for urgent or complex problems");
    case DOJANG_CHANNEL_KIND_ARS:
      return _("Automated phone menu: quick for simple requests");
    case DOJANG_CHANNEL_KIND_CHATBOT:
      return _("Chatbot: quick answers to simple questions");
    case DOJANG_CHANNEL_KIND_INQUIRY:
      return _("Write to them and attach screenshots; they reply in business hours");
    case DOJANG_CHANNEL_KIND_FAQ:
      return _("Answers to common questions");
    case DOJANG_CHANNEL_KIND_VISIT:
    default:
      return _("Visit in person for complex cases");
    }
}

/* Returns: the localized name of a situation, for a chooser */
const char *
dojang_situation_get_label (DojangSituation situation)
{
  switch (situation)
    {
    case DOJANG_SITUATION_URGENT:
      return _("Urgent problem");
    case DOJANG_SITUATION_COMPLEX:
      return _("Complex problem");
    case DOJANG_SITUATION_SIMPLE:
      return _("Simple request");
    case DOJANG_SITUATION_NEEDS_SCREENSHOTS:
      return _("Needs screenshots");
    case DOJANG_SITUATION_COMMON_QUESTION:
    default:
      return _("Common question");
    }
}

typedef struct
{
  DojangChannel       *channel;
  DojangChannelStatus *status;
} Candidate;

static void
candidate_clear (Candidate *candidate)
{
  g_clear_object (&candidate->channel);
  g_clear_pointer (&candidate->status, dojang_channel_status_unref);
}

/* Suitable channels in order of preference; per kind the main phone line
 * first, then the data's order. */
static GArray *
collect_candidates (DojangProvider        *provider,
                    DojangSituation        situation,
                    DojangHolidayCalendar *holidays,
                    GDateTime             *now)
{
  const DojangChannelKind *kinds = preferred_kinds (situation);
  GListModel *channels = dojang_provider_get_channels (provider);
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  g_array_set_clear_func (candidates, (GDestroyNotify) candidate_clear);

  for (guint k = 0; kinds[k] != END_OF_KINDS; k++)
    {
      for (int pass = 0; pass < 2; pass++)
        {
          for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
            {
              g_autoptr(DojangChannel) channel = g_list_model_get_item (channels, i);
              Candidate candidate;

              if (dojang_channel_get_kind (channel) != kinds[k] ||
                  dojang_channel_get_is_main (channel) != (pass == 0))
                continue;

              candidate.channel = g_steal_pointer (&channel);
              candidate.status = dojang_channel_get_status (candidate.channel, holidays, now);
              g_array_append_val (candidates, candidate);
            }
        }
    }

  return candidates;
}

static gboolean
is_usable (const Candidate *candidate)
{
  /* A lunch break limits the service but does not stop it. */
  return dojang_channel_status_get_state (candidate->status) != DOJANG_CHANNEL_STATE_CLOSED;
}

static DojangRecommendation *
recommend (const Candidate *candidate,
           const Candidate *closed_better)
{
  const char *reason = kind_reason (dojang_channel_get_kind (candidate->channel));
  g_autofree char *opens = NULL;
  g_autofree char *text = NULL;

  if (closed_better == NULL)
    return dojang_recommendation_new (candidate->channel, candidate->status, reason, FALSE);

  opens = dojang_channel_status_format_next_open (closed_better->status);
  if (opens != NULL)
    /* TRANSLATORS: the channel's usual reason, then the name of the better
     * channel that is closed, then when it opens ("Mon, Sep 28 at 09:00") */
    text = g_strdup_printf (_("%s — available now while “%s” is closed (opens %s)"),
                            reason, dojang_channel_get_label (closed_better->channel), opens);
  else
    /* TRANSLATORS: the channel's usual reason, then the name of the better
     * channel that is closed */
    text = g_strdup_printf (_("%s — available now while “%s” is closed"),
                            reason, dojang_channel_get_label (closed_better->channel));

  return dojang_recommendation_new (candidate->channel, candidate->status, text, TRUE);
}

/**
 * dojang_channel_advisor_recommend:
 * @holidays: (nullable): public holidays (usually the default calendar)
 * @now: the instant to advise for
 *
 * Channels usable at @now keep their order and come first; each one that
 * overtakes a better-suited closed channel says so in its reason. Closed
 * ones follow, so the list is never empty when the provider has a phone.
 *
 * Returns: (transfer full): a GListModel of DojangRecommendation
 */
GListModel *
dojang_channel_advisor_recommend (DojangProvider        *provider,
                                  DojangSituation        situation,
                                  DojangHolidayCalendar *holidays,
                                  GDateTime             *now)
{
  g_autoptr(GArray) candidates = NULL;
  GListStore *result;
  const Candidate *first_closed = NULL;

  g_return_val_if_fail (DOJANG_IS_PROVIDER (provider), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  candidates = collect_candidates (provider, situation, holidays, now);
  result = g_list_store_new (DOJANG_TYPE_RECOMMENDATION);

  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      g_autoptr(DojangRecommendation) recommendation = NULL;

      if (!is_usable (candidate))
        {
          if (first_closed == NULL)
            first_closed = candidate;
          continue;
        }

      recommendation = recommend (candidate, first_closed);
      g_list_store_append (result, recommendation);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      g_autoptr(DojangRecommendation) recommendation = NULL;

      if (is_usable (candidate))
        continue;

      recommendation = recommend (candidate, NULL);
      g_list_store_append (result, recommendation);
    }

  return G_LIST_MODEL (result);
}
