#!/bin/sh
# Benchmarks (not tests): each prints its own numbers. Run with `make bench`.
set -u
build_dir=${1:-_build}
here=$(dirname "$0")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"
export XDG_CACHE_HOME="$scratch/cache" GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build_dir/data" DOJANG_LOCALEDIR="$build_dir/po"
export DOJANG_SOURCE_ROOT="$(cd "$here/../.." && pwd)" DOJANG_PYTHON=/usr/bin/python3
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"

xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" dbus-run-session -- \
  env DOJANG_TEST_PRELOAD="$build_dir/tests/support/libdojang-test-preload.so" \
  /usr/bin/python3 "$here/startup.py" "$build_dir/src/dojang" "$build_dir/tests/bench/hello-adw"

# The reminder commands as processes; exits 1 over budget.
status=0
xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" dbus-run-session -- \
  /usr/bin/python3 "$here/bench-reminder-cli.py" "$build_dir/src/dojang" || status=1

for bench in "$build_dir"/tests/bench/bench-*; do
  [ -f "$bench" ] && [ -x "$bench" ] || continue
  "$bench"
done
exit "$status"
