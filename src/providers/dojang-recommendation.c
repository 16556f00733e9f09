/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One entry of the channel advisor's answer: a channel, its state now and
 * why it is suggested. */

#include "config.h"

#include "dojang-recommendation.h"

struct _DojangRecommendation
{
  GObject              parent_instance;

  DojangChannel       *channel;
  DojangChannelStatus *status;
  char                *reason;
  gboolean             fallback;
};

G_DEFINE_FINAL_TYPE (DojangRecommendation, dojang_recommendation, G_TYPE_OBJECT)

static void
dojang_recommendation_finalize (GObject *object)
{
  DojangRecommendation *self = DOJANG_RECOMMENDATION (object);

  g_clear_object (&self->channel);
  g_clear_pointer (&self->status, dojang_channel_status_unref);
  g_free (self->reason);

  G_OBJECT_CLASS (dojang_recommendation_parent_class)->finalize (object);
}

static void
dojang_recommendation_class_init (DojangRecommendationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dojang_recommendation_finalize;
}

static void
dojang_recommendation_init (DojangRecommendation *self)
{
}

/**
 * dojang_recommendation_new:
 * @fallback: %TRUE if it is suggested ahead of a better-suited channel
 *   that is closed now
 */
DojangRecommendation *
dojang_recommendation_new (DojangChannel       *channel,
                           DojangChannelStatus *status,
                           const char          *reason,
                           gboolean             fallback)
{
  DojangRecommendation *self;

  g_return_val_if_fail (DOJANG_IS_CHANNEL (channel), NULL);
  g_return_val_if_fail (status != NULL, NULL);

  self = g_object_new (DOJANG_TYPE_RECOMMENDATION, NULL);
  self->channel = g_object_ref (channel);
  self->status = dojang_channel_status_ref (status);
  self->reason = g_strdup (reason);
  self->fallback = fallback;

  return self;
}

/* Returns: (transfer none): the channel */
DojangChannel *
dojang_recommendation_get_channel (DojangRecommendation *self)
{
  g_return_val_if_fail (DOJANG_IS_RECOMMENDATION (self), NULL);

  return self->channel;
}

/* Returns: (transfer none): the channel's state when the advice was given */
DojangChannelStatus *
dojang_recommendation_get_status (DojangRecommendation *self)
{
  g_return_val_if_fail (DOJANG_IS_RECOMMENDATION (self), NULL);

  return self->status;
}

/* Returns: why this channel, in the active language */
const char *
dojang_recommendation_get_reason (DojangRecommendation *self)
{
  g_return_val_if_fail (DOJANG_IS_RECOMMENDATION (self), NULL);

  return self->reason;
}

gboolean
dojang_recommendation_get_is_fallback (DojangRecommendation *self)
{
  g_return_val_if_fail (DOJANG_IS_RECOMMENDATION (self), FALSE);

  return self->fallback;
}
