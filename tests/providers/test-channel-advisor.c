/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The channel advisor: urgent/complex → phone, simple → ARS or chatbot,
 * screenshots → 1:1 inquiry, common question → FAQ, then what is usable
 * now first. */

#include "test-common.h"

#include <string.h>

#include "dojang-channel-advisor.h"
#include "dojang-provider-catalog.h"

static GListModel *
advise (const char      *provider_id,
        DojangSituation  situation,
        const char      *iso8601)
{
  DojangProvider *provider = dojang_provider_catalog_lookup (dojang_provider_catalog_get_default (), provider_id);
  g_autoptr(GDateTime) now = dojang_test_instant (iso8601);

  g_assert_nonnull (provider);
  return dojang_channel_advisor_recommend (provider, situation, dojang_holiday_calendar_get_default (), now);
}

/* "phone,ars,…": the channel ids in order */
static char *
channel_ids (GListModel *recommendations)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (recommendations); i++)
    {
      g_autoptr(DojangRecommendation) item = g_list_model_get_item (recommendations, i);

      g_ptr_array_add (ids, (gpointer) dojang_channel_get_id (dojang_recommendation_get_channel (item)));
    }
  g_ptr_array_add (ids, NULL);

  return g_strjoinv (",", (char **) ids->pdata);
}

static DojangRecommendation *
first (GListModel *recommendations)
{
  DojangRecommendation *item = g_list_model_get_item (recommendations, 0);

  g_assert_nonnull (item);
  g_object_unref (item);
  return item;
}

static void
assert_order (GListModel *recommendations,
              const char *expected)
{
  g_autofree char *ids = channel_ids (recommendations);

  g_assert_cmpstr (ids, ==, expected);
}

static void
test_urgent_in_office_hours (void)
{
  g_autoptr(GListModel) list = advise ("kica", DOJANG_SITUATION_URGENT, "2026-11-23T10:00:00+09:00");

  /* The main line before the registration agent's line. */
  assert_order (list, "phone,certbiz,ars,chatbot,inquiry");
  g_assert_false (dojang_recommendation_get_is_fallback (first (list)));
  g_assert_cmpint (dojang_channel_status_get_state (dojang_recommendation_get_status (first (list))), ==,
                   DOJANG_CHANNEL_STATE_OPEN);
}

static void
test_urgent_at_lunch (void)
{
  g_autoptr(GListModel) list = advise ("kica", DOJANG_SITUATION_URGENT, "2026-11-23T12:20:00+09:00");

  /* A lunch break limits the phone line but does not close it. */
  assert_order (list, "phone,certbiz,ars,chatbot,inquiry");
  g_assert_cmpint (dojang_channel_status_get_state (dojang_recommendation_get_status (first (list))), ==,
                   DOJANG_CHANNEL_STATE_LIMITED);
}

static void
test_urgent_at_night (void)
{
  g_autoptr(GListModel) list = advise ("kica", DOJANG_SITUATION_URGENT, "2026-11-23T21:00:00+09:00");
  DojangRecommendation *best;

  /* The 24-hour channels come first; the closed phone lines last. */
  assert_order (list, "ars,chatbot,inquiry,phone,certbiz");
  best = first (list);
  g_assert_true (dojang_recommendation_get_is_fallback (best));
  g_assert_nonnull (strstr (dojang_recommendation_get_reason (best), "“Talk to an agent” is closed"));
  g_assert_nonnull (strstr (dojang_recommendation_get_reason (best), "Tue, Nov 24 at 09:00"));
}

static void
test_complex_on_holiday (void)
{
  g_autoptr(GListModel) kica = advise ("kica", DOJANG_SITUATION_COMPLEX, "2026-09-25T10:00:00+09:00");
  g_autoptr(GListModel) koscom = advise ("koscom", DOJANG_SITUATION_COMPLEX, "2026-09-25T10:00:00+09:00");
  g_autoptr(GListModel) koscom_open = advise ("koscom", DOJANG_SITUATION_COMPLEX, "2026-09-29T10:00:00+09:00");

  assert_order (kica, "inquiry,phone,certbiz");
  g_assert_true (dojang_recommendation_get_is_fallback (first (kica)));
  /* Nothing suitable is open: still the best channels, closed, no fallback. */
  assert_order (koscom, "phone,visit");
  g_assert_false (dojang_recommendation_get_is_fallback (first (koscom)));
  assert_order (koscom_open, "phone,visit");
}

static void
test_simple (void)
{
  g_autoptr(GListModel) kica = advise ("kica", DOJANG_SITUATION_SIMPLE, "2026-11-23T10:00:00+09:00");
  g_autoptr(GListModel) yessign = advise ("yessign", DOJANG_SITUATION_SIMPLE, "2026-11-22T10:00:00+09:00");

  assert_order (kica, "ars,chatbot,faq,phone,certbiz");
  /* yessign has neither ARS nor chatbot in the data: FAQ, then phone. */
  assert_order (yessign, "faq,phone");
}

static void
test_needs_screenshots (void)
{
  g_autoptr(GListModel) kica = advise ("kica", DOJANG_SITUATION_NEEDS_SCREENSHOTS, "2026-11-22T10:00:00+09:00");
  g_autoptr(GListModel) crosscert = advise ("crosscert", DOJANG_SITUATION_NEEDS_SCREENSHOTS, "2026-11-23T10:00:00+09:00");

  assert_order (kica, "inquiry,phone,certbiz");
  g_assert_false (dojang_recommendation_get_is_fallback (first (kica)));
  g_assert_nonnull (strstr (dojang_recommendation_get_reason (first (kica)), "screenshots"));
  assert_order (crosscert, "phone");
}

static void
test_common_question (void)
{
  g_autoptr(GListModel) list = advise ("crosscert", DOJANG_SITUATION_COMMON_QUESTION, "2026-11-23T10:00:00+09:00");

  assert_order (list, "faq,ars-loss,phone");
  g_assert_cmpint (dojang_channel_get_kind (dojang_recommendation_get_channel (first (list))), ==,
                   DOJANG_CHANNEL_KIND_FAQ);
}

int
main (int   argc,
      char *argv[])
{
  dojang_test_init (&argc, &argv);

  g_test_add_func ("/dojang/channel-advisor/urgent-in-office-hours", test_urgent_in_office_hours);
  g_test_add_func ("/dojang/channel-advisor/urgent-at-lunch", test_urgent_at_lunch);
  g_test_add_func ("/dojang/channel-advisor/urgent-at-night", test_urgent_at_night);
  g_test_add_func ("/dojang/channel-advisor/complex-on-holiday", test_complex_on_holiday);
  g_test_add_func ("/dojang/channel-advisor/simple", test_simple);
  g_test_add_func ("/dojang/channel-advisor/needs-screenshots", test_needs_screenshots);
  g_test_add_func ("/dojang/channel-advisor/common-question", test_common_question);

  return g_test_run ();
}
