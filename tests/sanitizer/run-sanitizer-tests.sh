#!/bin/sh
# The GTK-free unit tests (suite `core`) and the command-line tests (suite
# `cli`) again, in the sanitizer build: AddressSanitizer with leak checking,
# UndefinedBehaviorSanitizer; any report fails the test that caused it
# (run-sanitized.sh). The kill tests (suite crash) are left out: they count
# write() calls with a preloaded module, which the sanitizer's own write()
# comes before. Prints how long the run took.
#
# Usage: run-sanitizer-tests.sh SOURCE_ROOT SANITIZE_BUILD_DIR
set -eu
source_root=$1
build_dir=$2
here=$source_root/tests/sanitizer

start=$(date +%s)
"$here/setup-build.sh" "$source_root" "$build_dir"
built=$(date +%s)

status=0
env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
  meson test -C "$build_dir" --no-rebuild --suite core --suite cli --no-suite crash --print-errorlogs \
  --num-processes 2 --wrapper "$here/run-sanitized.sh" || status=$?
end=$(date +%s)

echo "sanitizer build: $((built - start)) s to build, $((end - built)) s to test"
exit "$status"
