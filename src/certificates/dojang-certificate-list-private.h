/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

/* Shared by the two files of DojangCertificateList, and by nothing else. */

#include "dojang-certificate-list.h"
#include "dojang-folder-watch.h"

G_BEGIN_DECLS

struct _DojangCertificateList
{
  GObject         parent_instance;

  GPtrArray      *items;
  GListStore     *problems;

  char          **fixed_roots;
  char          **media_folders;
  char          **extra_folders;
  GPtrArray      *opened_paths;
  char          **roots;

  GSettings      *settings;
  DojangFolderWatch *watch;
  GCancellable   *cancellable;
  guint           rescan_source;

  guint           loading : 1;
  guint           loaded : 1;
  guint           rescan_pending : 1;
  guint           deferred : 1;
};

void _dojang_certificate_list_model_iface_init (GListModelInterface   *iface);
void _dojang_certificate_list_replace_items    (DojangCertificateList *self,
                                               GPtrArray             *certificates);
void _dojang_certificate_list_replace_problems (DojangCertificateList *self,
                                               GPtrArray             *problems);

G_END_DECLS
