/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-certificate.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_HELP_PAGE (dojang_help_page_get_type ())

G_DECLARE_FINAL_TYPE (DojangHelpPage, dojang_help_page, DOJANG, HELP_PAGE, AdwBin)

gboolean dojang_help_page_show_provider             (DojangHelpPage    *self,
                                                     const char        *provider_id);
void     dojang_help_page_set_certificates          (DojangHelpPage    *self,
                                                     GListModel        *certificates);
void     dojang_help_page_set_preferred_certificate (DojangHelpPage    *self,
                                                     DojangCertificate *certificate);
const char *dojang_help_page_get_subpage_title (DojangHelpPage *self);
gboolean    dojang_help_page_go_back           (DojangHelpPage *self);

G_END_DECLS
