/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-certificate.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_PFX_EXPORT_DIALOG (dojang_pfx_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DojangPfxExportDialog, dojang_pfx_export_dialog, DOJANG, PFX_EXPORT_DIALOG, AdwWindow)

DojangPfxExportDialog *dojang_pfx_export_dialog_new (GtkWindow         *parent,
                                                     DojangCertificate *certificate);

G_END_DECLS
