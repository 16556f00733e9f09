/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *dojang_autostart_get_desktop_file_path (void);
gboolean  dojang_autostart_write_desktop_file    (gboolean              enabled,
                                                  GError              **error);
void      dojang_autostart_request_background    (GDBusConnection      *session_bus,
                                                  gboolean              enabled,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean  dojang_autostart_request_background_finish (GAsyncResult    *result,
                                                      GError         **error);
void      dojang_autostart_set_enabled_async     (gboolean              enabled,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean  dojang_autostart_set_enabled_finish    (GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
