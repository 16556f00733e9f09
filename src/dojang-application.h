/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-certificate-list.h"
#include "dojang-reminder-controller.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_APPLICATION (dojang_application_get_type ())

G_DECLARE_FINAL_TYPE (DojangApplication, dojang_application, DOJANG, APPLICATION, AdwApplication)

DojangApplication        *dojang_application_new              (void);
GSettings                *dojang_application_get_settings     (DojangApplication *self);
DojangCertificateList    *dojang_application_get_certificates (DojangApplication *self);
DojangReminderController *dojang_application_get_reminders    (DojangApplication *self);

G_END_DECLS
