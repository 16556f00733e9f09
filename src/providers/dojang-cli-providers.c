/* SPDX-License-Identifier: GPL-3.0-or-later */

/* dojang --list-providers [--json] [--at INSTANT]: each CA's main phone
 * line and whether it is open at that instant. Needs no display. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "dojang-cli-providers.h"
#include "dojang-clock.h"
#include "dojang-holiday-calendar.h"
#include "dojang-provider-catalog.h"
#include "dojang-seoul.h"

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static char *
providers_to_json (GListModel            *providers,
                   DojangHolidayCalendar *holidays,
                   GDateTime             *now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
    {
      g_autoptr(DojangProvider) provider = g_list_model_get_item (providers, i);
      DojangChannel *channel = dojang_provider_get_main_channel (provider);
      g_autoptr(DojangChannelStatus) status = dojang_channel_get_status (channel, holidays, now);
      GDateTime *next_open = dojang_channel_status_get_next_open (status);
      g_autofree char *next_open_text = next_open != NULL ? dojang_seoul_format_iso8601 (next_open) : NULL;

      json_builder_begin_object (builder);
      add_nullable_string (builder, "id", dojang_provider_get_id (provider));
      add_nullable_string (builder, "name", dojang_provider_get_name (provider));
      add_nullable_string (builder, "phone", dojang_channel_get_phone (channel));
      add_nullable_string (builder, "state",
                           dojang_channel_state_to_string (dojang_channel_status_get_state (status)));
      add_nullable_string (builder, "closed_reason",
                           dojang_closed_reason_to_string (dojang_channel_status_get_closed_reason (status)));
      add_nullable_string (builder, "holiday", dojang_channel_status_get_holiday_name (status));
      add_nullable_string (builder, "next_open", next_open_text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Hangul takes two terminal cells. */
static guint
display_width (const char *text)
{
  guint cells = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    cells += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return cells;
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  g_string_append (out, text);
  for (guint cells = display_width (text); cells < width + 2; cells++)
    g_string_append_c (out, ' ');
}

static char *
providers_to_table (GListModel            *providers,
                    DojangHolidayCalendar *holidays,
                    GDateTime             *now)
{
  guint n = g_list_model_get_n_items (providers);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) phones = g_ptr_array_new ();
  g_autoptr(GPtrArray) descriptions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:%M %:z");
  const char *name_heading = _("Authority");
  const char *phone_heading = _("Phone");
  guint name_width = display_width (name_heading);
  guint phone_width = display_width (phone_heading);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DojangProvider) provider = g_list_model_get_item (providers, i);
      DojangChannel *channel = dojang_provider_get_main_channel (provider);
      g_autoptr(DojangChannelStatus) status = dojang_channel_get_status (channel, holidays, now);
      char *name = dojang_provider_dup_name_with_brand (provider, FALSE);

      g_ptr_array_add (names, name);
      g_ptr_array_add (phones, (gpointer) dojang_channel_get_phone (channel));
      g_ptr_array_add (descriptions, dojang_channel_describe_status (channel, status));
      name_width = MAX (name_width, display_width (name));
      phone_width = MAX (phone_width, display_width (dojang_channel_get_phone (channel)));
    }

  /* TRANSLATORS: heading of `dojang --list-providers`; %s is a date and time */
  g_string_append_printf (out, _("Certificate authorities at %s (Korean time)"), when);
  g_string_append (out, "\n\n");
  append_padded (out, name_heading, name_width);
  append_padded (out, phone_heading, phone_width);
  g_string_append_printf (out, "%s\n", _("Status"));

  for (guint i = 0; i < n; i++)
    {
      append_padded (out, g_ptr_array_index (names, i), name_width);
      append_padded (out, g_ptr_array_index (phones, i), phone_width);
      g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (descriptions, i));
    }

  return g_string_free (out, FALSE);
}

/**
 * dojang_cli_providers_run:
 * @options: the parsed command line; uses "json" (the application has
 *   already pinned the clock to --at)
 *
 * Returns: the exit code, 0
 */
int
dojang_cli_providers_run (GVariantDict *options)
{
  g_autoptr(GDateTime) clock_now = dojang_clock_get_now ();
  g_autoptr(GDateTime) now = g_date_time_to_timezone (clock_now, dojang_seoul_get_time_zone ());
  g_autofree char *output = NULL;
  DojangProviderCatalog *catalog;
  DojangHolidayCalendar *holidays;
  GListModel *providers;

  catalog = dojang_provider_catalog_get_default ();
  holidays = dojang_holiday_calendar_get_default ();
  providers = dojang_provider_catalog_get_providers (catalog);

  if (g_variant_dict_contains (options, "json"))
    output = providers_to_json (providers, holidays, now);
  else
    output = providers_to_table (providers, holidays, now);

  g_print ("%s\n", output);
  return 0;
}
