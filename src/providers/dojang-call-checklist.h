/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-certificate.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_CALL_CHECKLIST (dojang_call_checklist_get_type ())

G_DECLARE_FINAL_TYPE (DojangCallChecklist, dojang_call_checklist, DOJANG, CALL_CHECKLIST, AdwBin)

void               dojang_call_checklist_set_certificates          (DojangCallChecklist *self,
                                                                    GListModel          *certificates);
void               dojang_call_checklist_set_provider              (DojangCallChecklist *self,
                                                                    const char          *provider_id);
void               dojang_call_checklist_set_preferred_certificate (DojangCallChecklist *self,
                                                                    DojangCertificate   *certificate);
DojangCertificate *dojang_call_checklist_get_certificate           (DojangCallChecklist *self);
void               dojang_call_checklist_set_inquiry_url           (DojangCallChecklist *self,
                                                                    const char          *url);
char              *dojang_call_checklist_build_summary             (DojangCallChecklist *self,
                                                                    const char          *provider_name_ko,
                                                                    GDateTime           *now);

G_END_DECLS
