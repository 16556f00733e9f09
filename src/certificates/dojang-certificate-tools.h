/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-certificate-list.h"
#include "dojang-reminder-controller.h"

G_BEGIN_DECLS

void dojang_certificate_tools_add_actions (GtkApplication           *application,
                                           DojangCertificateList    *certificates,
                                           DojangReminderController *reminders);
const char *dojang_certificate_tools_why_not (const char        *action_name,
                                              DojangCertificate *certificate);

G_END_DECLS
