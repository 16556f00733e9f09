/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The text Dojang puts on the clipboard for a 1:1 inquiry. It is always
 * Korean, whatever the UI language: it is read by a Korean help desk, so
 * these strings are deliberately not marked for translation. */

#include "config.h"

#include "dojang-inquiry-summary.h"
#include "dojang-seoul.h"

#define UNKNOWN_VALUE "(모름)"

static void
append_field (GString    *text,
              const char *label,
              const char *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value != NULL ? value : ""));
  g_auto(GStrv) lines = NULL;

  g_string_append_printf (text, "■ %s: ", label);

  if (*stripped == '\0')
    {
      g_string_append (text, UNKNOWN_VALUE "\n");
      return;
    }

  /* Error messages are often pasted with several lines: keep them readable
   * under their heading. */
  lines = g_strsplit (stripped, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (i > 0)
        g_string_append (text, "\n    ");
      g_string_append (text, lines[i]);
    }
  g_string_append_c (text, '\n');
}

static char *
format_korean_time (GDateTime *now)
{
  static const char *weekdays[] = { "월", "화", "수", "목", "금", "토", "일" };
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, dojang_seoul_get_time_zone ());

  return g_strdup_printf ("%d년 %d월 %d일 (%s) %02d:%02d (한국 시간)",
                          g_date_time_get_year (local),
                          g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local),
                          weekdays[g_date_time_get_day_of_week (local) - 1],
                          g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}

/**
 * dojang_inquiry_summary_build:
 * @details: the checklist the user filled in
 * @now: the time the summary is written
 *
 * Every checklist field is listed; an empty one says "(모름)" so the help
 * desk sees what is missing instead of guessing.
 *
 * Returns: (transfer full): the summary, ending with a newline
 */
char *
dojang_inquiry_summary_build (const DojangInquiryDetails *details,
                              GDateTime                  *now)
{
  g_autofree char *provider = NULL;
  g_autofree char *written_at = NULL;
  GString *text;

  g_return_val_if_fail (details != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  provider = g_strstrip (g_strdup (details->provider_name != NULL ? details->provider_name : ""));
  written_at = format_korean_time (now);
  text = g_string_new (NULL);

  if (*provider != '\0')
    g_string_append_printf (text, "[%s 공동인증서 문의]\n\n", provider);
  else
    g_string_append (text, "[공동인증서 문의]\n\n");

  g_string_append (text, "안녕하세요. 공동인증서를 사용하다가 문제가 생겨 문의드립니다.\n\n");

  append_field (text, "문의 기관", provider);
  append_field (text, "문제가 생긴 사이트", details->site);
  append_field (text, "인증서 종류", details->certificate_type);
  append_field (text, "인증서 발급기관", details->certificate_issuer);
  append_field (text, "오류 메시지 또는 코드", details->error_message);
  append_field (text, "사용 기기", details->device);
  append_field (text, "운영체제", details->operating_system);
  append_field (text, "작성 시각", written_at);

  return g_string_free (text, FALSE);
}
