#!/bin/sh
# Starts the real dojang binary, waits for its first frame and saves the
# window as a PNG, through the test preload library (its path in
# DOJANG_TEST_PRELOAD; the hooks are in tests/support/dojang-test-hooks.c).
#   screenshot.sh DOJANG OUT.png [LANGUAGE] [PAGE]
# Needs a display (DISPLAY) and a session bus; HOME and XDG_* are taken
# from the environment, so a caller can point them at a fixture tree.
set -u
: "${DOJANG_TEST_PRELOAD:?the path of libdojang-test-preload.so}"
dojang=$1
out=$2
lang=${3:-en}
page=${4:-}

rm -f "$out"
if [ "$lang" = en ]; then
  unset LANGUAGE
  export LC_ALL=C.UTF-8
else
  export LANGUAGE="$lang" LC_ALL=C.UTF-8
fi

LD_PRELOAD="$DOJANG_TEST_PRELOAD" DOJANG_SCREENSHOT="$out" DOJANG_PAGE="$page" GDK_DEBUG=gl-disable \
  timeout 60 "$dojang" 2>"$out.log"
status=$?
if [ "$status" -ne 0 ] || [ ! -s "$out" ]; then
  echo "screenshot.sh: no screenshot from $dojang (exit $status):" >&2
  cat "$out.log" >&2
  exit 1
fi
