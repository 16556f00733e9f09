/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _DojangPasswordStep DojangPasswordStep;

DojangPasswordStep *dojang_password_step_new         (GtkEditable        *entry,
                                                      const char         *accessible_name,
                                                      GtkSpinner         *spinner,
                                                      GtkLabel           *result_label);
void                dojang_password_step_free        (DojangPasswordStep *step);
void                dojang_password_step_cancel      (DojangPasswordStep *step);
gboolean            dojang_password_step_get_empty   (DojangPasswordStep *step);
gboolean            dojang_password_step_get_busy    (DojangPasswordStep *step);
const char         *dojang_password_step_peek        (DojangPasswordStep *step,
                                                      gsize              *length);
GCancellable       *dojang_password_step_begin       (DojangPasswordStep *step);
gboolean            dojang_password_step_end         (DojangPasswordStep *step,
                                                      const GError       *error,
                                                      GQuark              wrong_domain,
                                                      int                 wrong_code);
void                dojang_password_step_show_result (DojangPasswordStep *step,
                                                      const char         *text,
                                                      gboolean            failed);
void                dojang_password_step_wipe        (DojangPasswordStep *step);
void                dojang_password_step_focus       (DojangPasswordStep *step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DojangPasswordStep, dojang_password_step_free)

G_END_DECLS
