/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

/* Shared by the two files of the Reminders page, and by nothing else. */

#include "dojang-reminders-page.h"

G_BEGIN_DECLS

struct _DojangRemindersPage
{
  AdwBin               parent_instance;

  DojangReminderStore *store;
  GCancellable        *cancellable;
  GCancellable        *load_cancellable;
  gboolean             loading;
  gboolean             load_again;

  /* Each certificate's next reminder, and what its row shows (the rows
   * whose text is unchanged are kept across a reload). */
  GListStore          *upcoming;
  GPtrArray           *upcoming_keys;
  /* The reminders after the next one, by the next one's id, for new rows. */
  GHashTable          *later;
  GListStore          *entries;
  GPtrArray           *entry_keys;
  GDateTime           *now;

  GtkRevealer         *banner_revealer;
  GtkLabel            *banner_label;
  GtkStack            *stack;
  AdwStatusPage       *unavailable_page;
  GtkWidget           *upcoming_group;
  GtkListBox          *upcoming_list;
  GtkWidget           *login_group;
  GtkWidget           *login_row;
  GtkWidget           *login_button;
  GSettings           *settings;
  GtkListBox          *entries_list;
};

void _dojang_reminders_page_toast (DojangRemindersPage *self,
                                  const char          *message);

void _dojang_reminders_page_add_entry_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter);
void _dojang_reminders_page_edit_entry_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter);
void _dojang_reminders_page_delete_entry_action (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *parameter);
void _dojang_reminders_page_export_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter);
void _dojang_reminders_page_import_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter);

G_END_DECLS
