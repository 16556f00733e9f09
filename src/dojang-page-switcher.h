/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOJANG_TYPE_PAGE_SWITCHER (dojang_page_switcher_get_type ())

G_DECLARE_FINAL_TYPE (DojangPageSwitcher, dojang_page_switcher, DOJANG, PAGE_SWITCHER, GtkWidget)

void dojang_page_switcher_set_stack (DojangPageSwitcher *self,
                                     AdwViewStack       *stack);

G_END_DECLS
