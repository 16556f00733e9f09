/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOJANG_TYPE_HELP_PAGE (dojang_help_page_get_type ())

G_DECLARE_FINAL_TYPE (DojangHelpPage, dojang_help_page, DOJANG, HELP_PAGE, AdwBin)

G_END_DECLS
