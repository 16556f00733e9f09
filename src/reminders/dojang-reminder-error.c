/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "dojang-reminder-error.h"

G_DEFINE_QUARK (dojang-reminder-error-quark, dojang_reminder_error)
