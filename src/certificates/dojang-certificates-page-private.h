/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

/* Shared by the files of the Certificates page, and by nothing else. */

#include "dojang-certificate-details.h"
#include "dojang-certificate-list.h"
#include "dojang-certificates-page.h"

G_BEGIN_DECLS

#define N_GROUPS 5

struct _DojangCertificatesPage
{
  AdwBin                 parent_instance;

  DojangCertificateList *list;
  GDateTime             *now;
  DojangCertificate     *selected;
  char                  *pending_sha256;
  char                  *pending_path;
  GtkCustomFilter       *filters[N_GROUPS];
  GtkFilterListModel    *filtered[N_GROUPS];
  GListModel            *group_models[N_GROUPS];
  GtkSliceListModel     *shown[N_GROUPS];
  guint                  grow_source;
  guint                  refresh_source;

  /* The "list" state and the widgets of both states, %NULL until one of
   * them is first shown (see _dojang_certificates_page_ensure_states()). */
  GtkWidget             *list_state;
  AdwStatusPage         *empty_page;
  GtkListBox            *roots_list;
  GtkLabel              *summary_label;
  GtkListBox            *group_lists[N_GROUPS];
  AdwPreferencesGroup   *group_widgets[N_GROUPS];
  AdwPreferencesGroup   *problems_group;
  GtkListBox            *problems_list;

  AdwLeaflet            *leaflet;
  GtkStack              *list_stack;
  GtkScrolledWindow     *details_scroll;
  AdwBin                *details_slot;
  /* Built the first time a certificate is opened (see _ensure_details()):
   * its widgets cost start-up time for a pane that is not on screen. */
  DojangCertificateDetails *details;
  DojangReminderStore   *reminder_store;
};

DojangCertificateDetails *_dojang_certificates_page_ensure_details (DojangCertificatesPage *self);
void                      _dojang_certificates_page_ensure_states  (DojangCertificatesPage *self);

void _dojang_certificates_page_choose_file   (DojangCertificatesPage *self);
void _dojang_certificates_page_choose_folder (DojangCertificatesPage *self);
void _dojang_certificates_page_accept_drops  (DojangCertificatesPage *self);

gboolean _dojang_certificates_page_show_more_rows   (GListModel        **groups,
                                                     GtkSliceListModel **shown,
                                                     guint               n_groups,
                                                     guint               budget);
guint    _dojang_certificates_page_count_shown_rows (GtkSliceListModel **shown,
                                                     guint               n_groups);

void       _dojang_certificates_page_init_groups        (DojangCertificatesPage *self);
void       _dojang_certificates_page_bind_lists         (DojangCertificatesPage *self);
void       _dojang_certificates_page_take_group_widgets (DojangCertificatesPage *self,
                                                         GtkBuilder             *builder);
void       _dojang_certificates_page_update_roots       (DojangCertificatesPage *self);
void       _dojang_certificates_page_update_visibility  (DojangCertificatesPage *self);
void       _dojang_certificates_page_on_model_changed   (GListModel             *model,
                                                         guint                   position,
                                                         guint                   removed,
                                                         guint                   added,
                                                         DojangCertificatesPage *self);
void       _dojang_certificates_page_refresh_now        (DojangCertificatesPage *self);
void       _dojang_certificates_page_schedule_refresh   (DojangCertificatesPage *self);
GtkWidget *_dojang_certificates_page_create_problem_row (gpointer                item,
                                                         gpointer                user_data);

G_END_DECLS
