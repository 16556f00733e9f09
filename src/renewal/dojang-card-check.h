/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Checks of the rehearsed card payment. Card numbers pass through caller
 * buffers only: nothing here allocates a copy of one. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Payment card numbers are 12 to 19 digits long (ISO/IEC 7812-1). */
#define DOJANG_CARD_NUMBER_MIN_DIGITS 12
#define DOJANG_CARD_NUMBER_MAX_DIGITS 19
/* Room for the longest number grouped by four, with its NUL. */
#define DOJANG_CARD_NUMBER_FORMATTED_SIZE (DOJANG_CARD_NUMBER_MAX_DIGITS + 4 + 1)

typedef enum
{
  DOJANG_CARD_EXPIRY_VALID,
  DOJANG_CARD_EXPIRY_INCOMPLETE,
  DOJANG_CARD_EXPIRY_INVALID,
  DOJANG_CARD_EXPIRY_PAST,
} DojangCardExpiry;

gsize            dojang_card_number_digits  (const char *text,
                                             char       *digits,
                                             gsize       size);
gsize            dojang_card_number_format  (const char *digits,
                                             char       *out,
                                             gsize       size);
gboolean         dojang_card_luhn_valid     (const char *digits);
gboolean         dojang_card_number_valid   (const char *digits);
gsize            dojang_card_expiry_format  (const char *text,
                                             char       *out,
                                             gsize       size);
DojangCardExpiry dojang_card_expiry_check   (const char *text,
                                             GDateTime  *now);

G_END_DECLS
