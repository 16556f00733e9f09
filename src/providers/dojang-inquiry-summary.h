/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the user gathered in "Before you call"; any field may be NULL or empty. */
typedef struct
{
  const char *provider_name;
  const char *site;
  const char *certificate_type;
  const char *certificate_issuer;
  const char *error_message;
  const char *device;
  const char *operating_system;
} DojangInquiryDetails;

char *dojang_inquiry_summary_build (const DojangInquiryDetails *details,
                                    GDateTime                  *now);

G_END_DECLS
