/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Helpers for tests that put the app's pages in a window of their own:
 * their set-up, template children, the Certificates page's rows and
 * details. */

#pragma once

#include <gtk/gtk.h>

#include "dojang-certificate-list.h"
#include "dojang-certificate-row.h"

G_BEGIN_DECLS

void                  dojang_test_pages_init          (int                   *argc,
                                                       char                ***argv,
                                                       const char            *time_zone,
                                                       const char            *now,
                                                       gboolean               english);
GtkWidget            *dojang_test_template_child      (GtkWidget             *widget,
                                                       GType                  type,
                                                       const char            *name);
GtkWidget            *dojang_test_show_page           (GtkWidget             *page);
void                  dojang_test_wait_list_loaded    (DojangCertificateList *list);
DojangCertificateRow *dojang_test_wait_certificate_row (GtkWidget            *page,
                                                        const char           *sha256);
GtkWidget            *dojang_test_certificate_details (GtkWidget             *page);

G_END_DECLS
