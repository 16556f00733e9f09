/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the loaders of providers.json and holidays.json:
 * a user's copy of either replaces the built-in one, so both must take any
 * bytes. The same input goes to both. */

#include "config.h"

#include <stdint.h>

#include "dojang-holiday-calendar.h"
#include "dojang-provider-catalog.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(DojangProviderCatalog) catalog = NULL;
  g_autoptr(DojangHolidayCalendar) calendar = NULL;
  g_autoptr(GError) catalog_error = NULL;
  g_autoptr(GError) calendar_error = NULL;

  catalog = dojang_provider_catalog_new_from_bytes (bytes, "providers.json", &catalog_error);
  g_assert ((catalog == NULL) != (catalog_error == NULL));
  calendar = dojang_holiday_calendar_new_from_bytes (bytes, "holidays.json", &calendar_error);
  g_assert ((calendar == NULL) != (calendar_error == NULL));

  if (calendar != NULL)
    {
      g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 9, 25, 3, 0, 0);
      const char *name = dojang_holiday_calendar_lookup (calendar, day);

      g_assert (name == NULL || g_utf8_validate (name, -1, NULL));
    }

  return 0;
}
