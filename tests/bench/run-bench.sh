#!/bin/sh
# `make bench`: every benchmark, under the tests' isolation (its own Xvfb,
# its own D-Bus session without xdg-desktop-portal, empty HOME and XDG
# folders), collected by bench.py into one table and results.json.
#   run-bench.sh [BUILD_DIR]
set -u
build_dir=${1:-_build}
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/../isolate.sh" /usr/bin/python3 "$here/bench.py" "$build_dir"
