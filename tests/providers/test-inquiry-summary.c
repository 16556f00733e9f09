/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "dojang-inquiry-summary.h"

static GDateTime *
kst (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) seoul = g_time_zone_new_identifier ("Asia/Seoul");

  return g_date_time_new (seoul, year, month, day, hour, minute, 0);
}

static void
test_full_details (void)
{
  DojangInquiryDetails details = {
    .provider_name = "한국정보인증",
    .site = "홈택스 (www.hometax.go.kr)",
    .certificate_type = "범용 (개인)",
    .certificate_issuer = "한국정보인증 (signGATE CA4)",
    .error_message = "인증서 암호가 일치하지 않습니다. [오류코드 2501]",
    .device = "PC (x86_64), GNOME",
    .operating_system = "Debian GNU/Linux 12 (bookworm)",
  };
  g_autoptr(GDateTime) now = kst (2026, 11, 23, 10, 5);
  g_autofree char *text = dojang_inquiry_summary_build (&details, now);

  g_assert_true (g_str_has_prefix (text, "[한국정보인증 공동인증서 문의]\n"));
  g_assert_nonnull (strstr (text, "■ 문의 기관: 한국정보인증\n"));
  g_assert_nonnull (strstr (text, "■ 문제가 생긴 사이트: 홈택스 (www.hometax.go.kr)\n"));
  g_assert_nonnull (strstr (text, "■ 인증서 종류: 범용 (개인)\n"));
  g_assert_nonnull (strstr (text, "■ 인증서 발급기관: 한국정보인증 (signGATE CA4)\n"));
  g_assert_nonnull (strstr (text, "■ 오류 메시지 또는 코드: 인증서 암호가 일치하지 않습니다. [오류코드 2501]\n"));
  g_assert_nonnull (strstr (text, "■ 사용 기기: PC (x86_64), GNOME\n"));
  g_assert_nonnull (strstr (text, "■ 운영체제: Debian GNU/Linux 12 (bookworm)\n"));
  /* 2026-11-23 is a Monday. */
  g_assert_nonnull (strstr (text, "■ 작성 시각: 2026년 11월 23일 (월) 10:05 (한국 시간)\n"));
  g_assert_null (strstr (text, "(모름)"));
  g_assert_true (g_str_has_suffix (text, "\n"));
}

static void
test_empty_fields_marked_unknown (void)
{
  DojangInquiryDetails details = {
    .provider_name = "코스콤",
    .site = "",
    .certificate_type = NULL,
    .certificate_issuer = "   ",
    .error_message = "\n\t",
    .device = NULL,
    .operating_system = "Fedora Linux 39",
  };
  g_autoptr(GDateTime) now = kst (2026, 9, 25, 14, 0);
  g_autofree char *text = dojang_inquiry_summary_build (&details, now);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint unknown = 0;

  g_assert_nonnull (strstr (text, "■ 문제가 생긴 사이트: (모름)\n"));
  g_assert_nonnull (strstr (text, "■ 인증서 종류: (모름)\n"));
  g_assert_nonnull (strstr (text, "■ 인증서 발급기관: (모름)\n"));
  g_assert_nonnull (strstr (text, "■ 오류 메시지 또는 코드: (모름)\n"));
  g_assert_nonnull (strstr (text, "■ 사용 기기: (모름)\n"));
  g_assert_nonnull (strstr (text, "■ 운영체제: Fedora Linux 39\n"));
  g_assert_nonnull (strstr (text, "■ 작성 시각: 2026년 9월 25일 (금) 14:00 (한국 시간)\n"));

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_suffix (lines[i], ": (모름)"))
      unknown++;
  g_assert_cmpuint (unknown, ==, 5);
}

static void
test_time_is_korean_whatever_the_input_zone (void)
{
  DojangInquiryDetails details = { .provider_name = "금융결제원" };
  /* 23:30 UTC on a Sunday is 08:30 on Monday in Seoul. */
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 22, 23, 30, 0);
  g_autofree char *text = dojang_inquiry_summary_build (&details, now);

  g_assert_nonnull (strstr (text, "■ 작성 시각: 2026년 11월 23일 (월) 08:30 (한국 시간)\n"));
}

static void
test_multiline_error_and_trimming (void)
{
  DojangInquiryDetails details = {
    .provider_name = "  한국전자인증 ",
    .site = "  국민은행 인터넷뱅킹  ",
    .error_message = "보안 프로그램 오류\r\n코드: 9001\n",
  };
  g_autoptr(GDateTime) now = kst (2026, 1, 2, 9, 0);
  g_autofree char *text = dojang_inquiry_summary_build (&details, now);

  g_assert_true (g_str_has_prefix (text, "[한국전자인증 공동인증서 문의]\n"));
  g_assert_nonnull (strstr (text, "■ 문제가 생긴 사이트: 국민은행 인터넷뱅킹\n"));
  g_assert_nonnull (strstr (text, "■ 오류 메시지 또는 코드: 보안 프로그램 오류\n    코드: 9001\n■ 사용 기기"));
  g_assert_null (strstr (text, "\r"));
}

static void
test_without_provider (void)
{
  DojangInquiryDetails details = { 0 };
  g_autoptr(GDateTime) now = kst (2026, 3, 1, 12, 0);
  g_autofree char *text = dojang_inquiry_summary_build (&details, now);

  g_assert_true (g_str_has_prefix (text, "[공동인증서 문의]\n"));
  g_assert_nonnull (strstr (text, "■ 문의 기관: (모름)\n"));
  g_assert_nonnull (strstr (text, "(일) 12:00"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dojang/inquiry-summary/full-details", test_full_details);
  g_test_add_func ("/dojang/inquiry-summary/empty-fields-marked-unknown", test_empty_fields_marked_unknown);
  g_test_add_func ("/dojang/inquiry-summary/time-in-korea", test_time_is_korean_whatever_the_input_zone);
  g_test_add_func ("/dojang/inquiry-summary/multiline-and-trimming", test_multiline_error_and_trimming);
  g_test_add_func ("/dojang/inquiry-summary/without-provider", test_without_provider);

  return g_test_run ();
}
