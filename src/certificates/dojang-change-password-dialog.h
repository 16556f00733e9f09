/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-certificate.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_CHANGE_PASSWORD_DIALOG (dojang_change_password_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DojangChangePasswordDialog, dojang_change_password_dialog, DOJANG, CHANGE_PASSWORD_DIALOG, AdwWindow)

DojangChangePasswordDialog *dojang_change_password_dialog_new (GtkWindow         *parent,
                                                               DojangCertificate *certificate);

G_END_DECLS
