/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-certificate-list.h"
#include "dojang-reminder-controller.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_RENEWAL_WINDOW (dojang_renewal_window_get_type ())

G_DECLARE_FINAL_TYPE (DojangRenewalWindow, dojang_renewal_window, DOJANG, RENEWAL_WINDOW, AdwWindow)

DojangRenewalWindow *dojang_renewal_window_new    (GtkWindow             *parent,
                                                   DojangCertificateList *list,
                                                   DojangReminderController *reminders,
                                                   GDateTime             *now);
gboolean             dojang_renewal_window_select (DojangRenewalWindow   *self,
                                                   const char            *sha256);

G_END_DECLS
