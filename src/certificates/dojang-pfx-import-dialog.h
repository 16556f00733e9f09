/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-certificate-list.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_PFX_IMPORT_DIALOG (dojang_pfx_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DojangPfxImportDialog, dojang_pfx_import_dialog, DOJANG, PFX_IMPORT_DIALOG, AdwWindow)

DojangPfxImportDialog *dojang_pfx_import_dialog_new         (GtkWindow             *parent,
                                                             DojangCertificateList *certificates);
void                   dojang_pfx_import_dialog_set_file    (DojangPfxImportDialog *self,
                                                             const char            *path);
void                   dojang_pfx_import_dialog_choose_file (DojangPfxImportDialog *self);
gboolean               dojang_pfx_is_pkcs12_name            (const char            *name);

G_END_DECLS
