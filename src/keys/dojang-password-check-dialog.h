/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOJANG_TYPE_PASSWORD_CHECK_DIALOG (dojang_password_check_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DojangPasswordCheckDialog, dojang_password_check_dialog, DOJANG, PASSWORD_CHECK_DIALOG, AdwWindow)

DojangPasswordCheckDialog *dojang_password_check_dialog_new (GtkWindow  *parent,
                                                             const char *holder,
                                                             const char *key_path,
                                                             const char *cert_path);

G_END_DECLS
