/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The one "now" of the whole program. Pages, the reminder monitor and
 * controller, notifications and the commands take the time from here; the
 * models take it as a parameter. Tests and screenshots pin it: with
 * DOJANG_NOW=<instant> in the environment (read once, at the first look at
 * the clock) or `--at <instant>` on the command line, "now" starts at that
 * instant and then runs on like a real clock. Both take the forms of
 * dojang_seoul_parse_instant(). */

#define G_LOG_DOMAIN "Dojang"

#include "config.h"

#include "dojang-clock.h"
#include "dojang-seoul.h"

static GMutex lock;
static gboolean environment_read;
static GDateTime *pinned;
static gint64 pinned_at_real_time;

static void
pin_locked (GDateTime *instant)
{
  g_clear_pointer (&pinned, g_date_time_unref);
  pinned = g_date_time_to_utc (instant);
  pinned_at_real_time = g_get_real_time ();
}

static void
read_environment_locked (void)
{
  const char *text = g_getenv ("DOJANG_NOW");
  g_autoptr(GDateTime) instant = NULL;
  g_autoptr(GError) error = NULL;

  if (environment_read)
    return;
  environment_read = TRUE;

  if (text == NULL || *text == '\0')
    return;

  instant = dojang_seoul_parse_instant (text, &error);
  if (instant == NULL)
    {
      g_warning ("DOJANG_NOW: %s Using the real time.", error->message);
      return;
    }

  pin_locked (instant);
}

/**
 * dojang_clock_get_now:
 *
 * Returns: (transfer full): the current instant, in UTC: the real time, or
 *   the pinned instant plus the real time elapsed since it was pinned
 */
GDateTime *
dojang_clock_get_now (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  g_autoptr(GDateTime) in_seoul = NULL;
  GDateTime *now = NULL;

  read_environment_locked ();
  if (pinned == NULL)
    return g_date_time_new_now_utc ();

  now = g_date_time_add (pinned, g_get_real_time () - pinned_at_real_time);

  /* Pinned at the very end of what GDateTime holds (9999-12-31 in Seoul):
   * time stops there. */
  if (now != NULL)
    in_seoul = g_date_time_to_timezone (now, dojang_seoul_get_time_zone ());
  if (in_seoul == NULL)
    {
      g_clear_pointer (&now, g_date_time_unref);
      now = g_date_time_ref (pinned);
    }

  return now;
}

/**
 * dojang_clock_pin:
 * @instant: the instant "now" is from here on; it then runs on
 *
 * What `--at` does; it takes precedence over DOJANG_NOW.
 */
void
dojang_clock_pin (GDateTime *instant)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  g_return_if_fail (instant != NULL);

  environment_read = TRUE;
  pin_locked (instant);
}
