/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOJANG_TYPE_NEW_PASSWORD (dojang_new_password_get_type ())

G_DECLARE_FINAL_TYPE (DojangNewPassword, dojang_new_password, DOJANG, NEW_PASSWORD, AdwBin)

GtkWidget *dojang_new_password_new            (void);
gboolean   dojang_new_password_get_acceptable (DojangNewPassword *self);
const char *dojang_new_password_peek          (DojangNewPassword *self,
                                               gsize             *length);
void       dojang_new_password_clear          (DojangNewPassword *self);
void       dojang_new_password_focus          (DojangNewPassword *self);

G_END_DECLS
