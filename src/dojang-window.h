/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-application.h"
#include "dojang-certificates-page.h"
#include "dojang-help-page.h"
#include "dojang-reminders-page.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_WINDOW (dojang_window_get_type ())

G_DECLARE_FINAL_TYPE (DojangWindow, dojang_window, DOJANG, WINDOW, AdwApplicationWindow)

DojangWindow *dojang_window_new       (DojangApplication *application);
void          dojang_window_show_page (DojangWindow      *self,
                                       const char        *page_name);
void          dojang_window_add_toast (DojangWindow      *self,
                                       const char        *message);
DojangCertificatesPage *dojang_window_get_certificates_page (DojangWindow *self);
DojangRemindersPage    *dojang_window_get_reminders_page    (DojangWindow *self);
DojangHelpPage         *dojang_window_get_help_page         (DojangWindow *self);

G_END_DECLS
