#!/bin/sh
# `dojang --version` prints "dojang <version>", exits 0 and opens no window;
# an unknown option fails with GLib's message and exit code 1.
set -u
dojang=$1
expected_version=$2
fail=0

out=$(DISPLAY= WAYLAND_DISPLAY= "$dojang" --version 2>&1)
status=$?
if [ "$status" -ne 0 ] || [ "$out" != "dojang $expected_version" ]; then
  echo "not ok: --version printed '$out' with status $status"
  fail=1
fi

err=$("$dojang" --no-such-option 2>&1 >/dev/null)
status=$?
case "$err" in
  *"Unknown option --no-such-option"*) ;;
  *) echo "not ok: unknown option said '$err'"; fail=1 ;;
esac
if [ "$status" -ne 1 ]; then
  echo "not ok: unknown option exited with $status, expected 1"
  fail=1
fi

# Without its settings schema the app explains itself instead of aborting.
err=$(GSETTINGS_SCHEMA_DIR=/nonexistent XDG_DATA_DIRS=/nonexistent "$dojang" 2>&1 >/dev/null)
status=$?
case "$err" in
  *"settings schema"*"io.github.dojang.Dojang"*) ;;
  *) echo "not ok: a missing schema said '$err'"; fail=1 ;;
esac
if [ "$status" -ne 1 ]; then
  echo "not ok: a missing schema exited with $status, expected 1"
  fail=1
fi

[ "$fail" -eq 0 ] && echo "ok: --version, unknown options, missing schema"
exit "$fail"
