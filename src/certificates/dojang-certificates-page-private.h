/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dojang-certificates-page.h"

G_BEGIN_DECLS

void _dojang_certificates_page_choose_file   (DojangCertificatesPage *self);
void _dojang_certificates_page_choose_folder (DojangCertificatesPage *self);
void _dojang_certificates_page_accept_drops  (DojangCertificatesPage *self);

gboolean _dojang_certificates_page_show_more_rows   (GListModel        **groups,
                                                     GtkSliceListModel **shown,
                                                     guint               n_groups,
                                                     guint               budget);
guint    _dojang_certificates_page_count_shown_rows (GtkSliceListModel **shown,
                                                     guint               n_groups);

G_END_DECLS
