/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate-error.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_SCAN_PROBLEM (dojang_scan_problem_get_type ())

G_DECLARE_FINAL_TYPE (DojangScanProblem, dojang_scan_problem, DOJANG, SCAN_PROBLEM, GObject)

DojangScanProblem *dojang_scan_problem_new        (const char        *path,
                                                   const GError      *error);
const char        *dojang_scan_problem_get_path    (DojangScanProblem *self);
const char        *dojang_scan_problem_get_message (DojangScanProblem *self);
const GError      *dojang_scan_problem_get_error   (DojangScanProblem *self);

G_END_DECLS
