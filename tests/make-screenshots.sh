#!/bin/sh
# Makes the screenshots shown in the README and the AppStream metadata,
# with the same script the smoke test uses. Run with `make screenshots`.
set -eu
build_dir=$1
out_dir=$2
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"
export XDG_CACHE_HOME="$scratch/cache" GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$PWD/$build_dir/data" DOJANG_LOCALEDIR="$PWD/$build_dir/po"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$out_dir"

dojang="$PWD/$build_dir/src/dojang"
export DOJANG_TEST_PRELOAD="$PWD/$build_dir/tests/support/libdojang-test-preload.so"

# A home folder with certificates of every authority, made up at run time.
/usr/bin/python3 "$here/fixtures/make-npki-tree.py" "$scratch/fixtures" >/dev/null
rm -rf "$HOME"
mv "$scratch/fixtures/home" "$HOME"
shoot () {
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" dbus-run-session -- \
    "$here/screenshot.sh" "$dojang" "$1" "$2" "$3"
  rm -f "$1.log"
}

shoot "$out_dir/main-window.png" en certificates
shoot "$out_dir/main-window-ko.png" ko certificates
echo "Screenshots written to $out_dir"
