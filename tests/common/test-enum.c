/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The stable names of our enums are the nicks of their GEnum types. They are
 * a contract: the database, the JSON export and import, the CLI's JSON and
 * the data files hold these exact spellings, so they must never change. */

#include "test-common.h"

#include "dojang-certificate.h"
#include "dojang-channel.h"
#include "dojang-enum.h"
#include "dojang-fact.h"
#include "dojang-reminder.h"

static void
assert_nicks (GType              type,
              const char * const *nicks,
              guint               n_nicks)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  g_assert_true (G_TYPE_IS_ENUM (type));
  g_assert_cmpuint (klass->n_values, ==, n_nicks);
  for (guint i = 0; i < n_nicks; i++)
    {
      int value = -1;

      /* Value i has nick i, and the nick leads back to it. */
      g_assert_cmpstr (dojang_enum_get_nick (type, (int) i), ==, nicks[i]);
      g_assert_true (dojang_enum_from_nick (type, nicks[i], &value));
      g_assert_cmpint (value, ==, (int) i);
    }

  g_assert_null (dojang_enum_get_nick (type, (int) n_nicks));
}

static void
test_nicks (void)
{
  static const char * const certificate_status[] = { "valid", "expiring", "expired", "not_yet_valid", "unusable" };
  static const char * const reminder_state[] = { "pending", "sent", "snoozed", "dismissed", "done", "skipped" };
  static const char * const channel_state[] = { "open", "limited", "closed" };
  static const char * const closed_reason[] = { "none", "weekend", "holiday", "before_hours", "after_hours" };
  static const char * const channel_kind[] = { "phone", "ars", "chatbot", "inquiry", "faq", "visit" };
  static const char * const confidence[] = { "H", "M", "L" };

  assert_nicks (DOJANG_TYPE_CERTIFICATE_STATUS, certificate_status, G_N_ELEMENTS (certificate_status));
  assert_nicks (DOJANG_TYPE_REMINDER_STATE, reminder_state, G_N_ELEMENTS (reminder_state));
  assert_nicks (DOJANG_TYPE_CHANNEL_STATE, channel_state, G_N_ELEMENTS (channel_state));
  assert_nicks (DOJANG_TYPE_CLOSED_REASON, closed_reason, G_N_ELEMENTS (closed_reason));
  assert_nicks (DOJANG_TYPE_CHANNEL_KIND, channel_kind, G_N_ELEMENTS (channel_kind));
  assert_nicks (DOJANG_TYPE_CONFIDENCE, confidence, G_N_ELEMENTS (confidence));
}

/* The per-type functions the rest of the code calls say the same. */
static void
test_typed_names (void)
{
  DojangReminderState state = DOJANG_REMINDER_STATE_PENDING;
  DojangConfidence confidence = DOJANG_CONFIDENCE_HIGH;

  g_assert_cmpstr (dojang_certificate_status_to_string (DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID), ==,
                   "not_yet_valid");
  g_assert_cmpstr (dojang_reminder_state_to_string (DOJANG_REMINDER_STATE_SKIPPED), ==, "skipped");
  g_assert_true (dojang_reminder_state_from_string ("snoozed", &state));
  g_assert_cmpint (state, ==, DOJANG_REMINDER_STATE_SNOOZED);
  g_assert_cmpstr (dojang_channel_state_to_string (DOJANG_CHANNEL_STATE_LIMITED), ==, "limited");
  g_assert_cmpstr (dojang_closed_reason_to_string (DOJANG_CLOSED_REASON_BEFORE_HOURS), ==, "before_hours");
  /* No reason is a JSON null, not "none". */
  g_assert_null (dojang_closed_reason_to_string (DOJANG_CLOSED_REASON_NONE));
  g_assert_cmpstr (dojang_channel_kind_to_string (DOJANG_CHANNEL_KIND_FAQ), ==, "faq");
  g_assert_cmpstr (dojang_confidence_to_string (DOJANG_CONFIDENCE_MEDIUM), ==, "M");
  g_assert_true (dojang_confidence_from_string ("L", &confidence));
  g_assert_cmpint (confidence, ==, DOJANG_CONFIDENCE_LOW);
}

/* Names are matched exactly: no case folding, no value names, no numbers. */
static void
test_unknown_names (void)
{
  static const char * const unknown[] = { "", "Pending", "PENDING", "DOJANG_REMINDER_STATE_PENDING", "0", " sent" };
  DojangReminderState state = DOJANG_REMINDER_STATE_DONE;
  DojangConfidence confidence = DOJANG_CONFIDENCE_MEDIUM;
  int value = 42;

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    g_assert_false (dojang_reminder_state_from_string (unknown[i], &state));
  g_assert_false (dojang_reminder_state_from_string (NULL, &state));
  g_assert_cmpint (state, ==, DOJANG_REMINDER_STATE_DONE);

  g_assert_false (dojang_confidence_from_string ("h", &confidence));
  g_assert_false (dojang_confidence_from_string ("HIGH", &confidence));
  g_assert_cmpint (confidence, ==, DOJANG_CONFIDENCE_MEDIUM);

  g_assert_false (dojang_enum_from_nick (DOJANG_TYPE_CHANNEL_KIND, "telephone", &value));
  g_assert_cmpint (value, ==, 42);
}

int
main (int   argc,
      char *argv[])
{
  dojang_test_init (&argc, &argv);

  g_test_add_func ("/dojang/enum/nicks", test_nicks);
  g_test_add_func ("/dojang/enum/typed-names", test_typed_names);
  g_test_add_func ("/dojang/enum/unknown-names", test_unknown_names);

  return g_test_run ();
}
