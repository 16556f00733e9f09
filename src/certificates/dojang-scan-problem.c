/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A file or folder found while scanning that is not a usable certificate:
 * where it is and what is wrong with it, in words a person can act on. */

#include "config.h"

#include "dojang-scan-problem.h"

struct _DojangScanProblem
{
  GObject  parent_instance;

  char    *path;
  GError  *error;
};

G_DEFINE_FINAL_TYPE (DojangScanProblem, dojang_scan_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dojang_scan_problem_finalize (GObject *object)
{
  DojangScanProblem *self = DOJANG_SCAN_PROBLEM (object);

  g_free (self->path);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (dojang_scan_problem_parent_class)->finalize (object);
}

static void
dojang_scan_problem_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DojangScanProblem *self = DOJANG_SCAN_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->error->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_scan_problem_class_init (DojangScanProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dojang_scan_problem_finalize;
  object_class->get_property = dojang_scan_problem_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dojang_scan_problem_init (DojangScanProblem *self)
{
}

/**
 * dojang_scan_problem_new:
 * @path: the file or folder at fault
 * @error: what is wrong, usually a #DOJANG_CERTIFICATE_ERROR (copied)
 */
DojangScanProblem *
dojang_scan_problem_new (const char   *path,
                         const GError *error)
{
  DojangScanProblem *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (DOJANG_TYPE_SCAN_PROBLEM, NULL);
  self->path = g_strdup (path);
  self->error = g_error_copy (error);

  return self;
}

const char *
dojang_scan_problem_get_path (DojangScanProblem *self)
{
  g_return_val_if_fail (DOJANG_IS_SCAN_PROBLEM (self), NULL);

  return self->path;
}

/**
 * dojang_scan_problem_get_message:
 *
 * Returns: a translated sentence saying what is wrong
 */
const char *
dojang_scan_problem_get_message (DojangScanProblem *self)
{
  g_return_val_if_fail (DOJANG_IS_SCAN_PROBLEM (self), NULL);

  return self->error->message;
}

/**
 * dojang_scan_problem_get_error:
 *
 * Returns: (transfer none): the error, to tell problems apart by domain and code
 */
const GError *
dojang_scan_problem_get_error (DojangScanProblem *self)
{
  g_return_val_if_fail (DOJANG_IS_SCAN_PROBLEM (self), NULL);

  return self->error;
}
