/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "dojang-certificate-error.h"

G_DEFINE_QUARK (dojang-certificate-error-quark, dojang_certificate_error)
