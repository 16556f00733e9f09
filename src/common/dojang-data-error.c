/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "dojang-data-error.h"

G_DEFINE_QUARK (dojang-data-error-quark, dojang_data_error)
