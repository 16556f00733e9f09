/* SPDX-License-Identifier: GPL-3.0-or-later */

/* PKCS#12 (.pfx, .p12) files holding one certificate and its private key. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes   *dojang_pkcs12_export (GBytes        *cert_der,
                                const guint8  *key_info,
                                gsize          key_info_len,
                                const char    *friendly_name,
                                const char    *password,
                                gsize          password_len,
                                GError       **error);
gboolean  dojang_pkcs12_import (GBytes        *pfx,
                                const char    *password,
                                gsize          password_len,
                                GBytes       **cert_der,
                                guint8       **key_info,
                                gsize         *key_info_len,
                                GError       **error);

G_END_DECLS
