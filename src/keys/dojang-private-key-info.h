/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Internal: checks a decrypted PrivateKeyInfo and pairs it with a certificate. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean dojang_private_key_info_verify (const guint8  *der,
                                         gsize          der_len,
                                         GBytes        *cert_der,
                                         GError       **error);

G_END_DECLS
