/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the tests and benchmarks put in front of GTK with LD_PRELOAD: one
 * function, gtk_window_present(), in plain C.
 *
 * LD_PRELOAD reaches every program of a run, and `dojang` is a launcher
 * that only picks a program and execs it. A preloaded library that linked
 * GTK would load GTK and its seventy libraries into the launcher too, for
 * nothing: about 30 ms that no user's start pays, counted in every first
 * frame the benchmark measured. So this library links only libc and libdl,
 * and opens the hooks that need GTK (libdojang-test-hooks.so, beside it)
 * when a window is first presented, in a process that has GTK already. */

#define _GNU_SOURCE

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct _GtkWindow GtkWindow;
typedef void (*PresentFunc) (GtkWindow *window);
typedef void (*HooksPresentFunc) (GtkWindow   *window,
                                  PresentFunc  real_present);

#define HOOKS_LIBRARY "libdojang-test-hooks.so"

void gtk_window_present (GtkWindow *window);

/* A test that asked for the hooks and silently got none would wait for a
 * first frame that is never reported: stop at once, saying why. */
static HooksPresentFunc
open_hooks (void)
{
  Dl_info self;
  const char *slash;
  char *path;
  void *hooks;
  HooksPresentFunc present;

  if (dladdr ((void *) gtk_window_present, &self) == 0 || self.dli_fname == NULL
      || (slash = strrchr (self.dli_fname, '/')) == NULL)
    {
      fputs ("dojang-test-preload: cannot tell where this library is\n", stderr);
      abort ();
    }

  if (asprintf (&path, "%.*s/%s", (int) (slash - self.dli_fname), self.dli_fname, HOOKS_LIBRARY) < 0)
    abort ();

  hooks = dlopen (path, RTLD_NOW | RTLD_LOCAL);
  if (hooks == NULL)
    {
      fprintf (stderr, "dojang-test-preload: %s\n", dlerror ());
      abort ();
    }
  free (path);

  present = (HooksPresentFunc) dlsym (hooks, "dojang_test_hooks_present");
  if (present == NULL)
    {
      fprintf (stderr, "dojang-test-preload: %s\n", dlerror ());
      abort ();
    }

  return present;
}

void
gtk_window_present (GtkWindow *window)
{
  static PresentFunc real_present = NULL;
  static HooksPresentFunc hooks_present = NULL;

  if (real_present == NULL)
    {
      real_present = (PresentFunc) dlsym (RTLD_NEXT, "gtk_window_present");
      hooks_present = open_hooks ();
    }

  hooks_present (window, real_present);
}
