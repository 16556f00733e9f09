#!/bin/sh
# Renders every page and dialog of Dojang in English and Korean, at its
# default size and at a phone's 360 × 640, into OUT_DIR (the real binary,
# made-up certificates, the clock pinned), for people to look at. The
# pictures the AppStream metadata lists are copied to METAINFO_DIR.
# Run with `make screenshots`:
#   make-screenshots.sh BUILD_DIR OUT_DIR [METAINFO_DIR]
set -eu
build_dir=$1
out_dir=$2
metainfo_dir=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"
export XDG_CACHE_HOME="$scratch/cache" GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$PWD/$build_dir/data" DOJANG_LOCALEDIR="$PWD/$build_dir/po"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$out_dir"

dojang="$PWD/$build_dir/src/dojang"
export DOJANG_TEST_PRELOAD="$PWD/$build_dir/tests/support/libdojang-test-preload.so"

# A home folder with certificates of every authority, made up at run time
# relative to a fixed day, and the app's clock on that day: the same
# pictures every time.
at=2026-03-01T10:00:00+09:00
export DOJANG_NOW="$at"
/usr/bin/python3 "$here/fixtures/make-npki-tree.py" --at "$at" "$scratch/fixtures" >/dev/null
rm -rf "$HOME"
mv "$scratch/fixtures/home" "$HOME"
# The certificate whose details are shown: one that can be renewed now.
sha256=$(/usr/bin/python3 -c '
import json, sys
certificates = json.load(open(sys.argv[1]))["certificates"]
print(next(c["sha256"] for c in certificates if c["status"] == "expiring"))' "$scratch/fixtures/expected.json")

shoot_once () {
  DOJANG_SIZE="$4" xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" dbus-run-session -- \
    "$here/screenshot.sh" "$dojang" "$out_dir/$1.png" "$2" "$3"
}

# A fresh session now and then loses its window while desktop services
# start; such a picture is taken again once.
shoot () {
  shoot_once "$@" 2>/dev/null || shoot_once "$@"
  rm -f "$out_dir/$1.png.log"
}

count=0
for lang in en ko; do
  suffix=""
  [ "$lang" = en ] || suffix="-$lang"
  for page in certificates "certificates:$sha256" reminders reminders:add help help:yessign \
              preferences shortcuts about; do
    name=$(echo "$page" | sed "s/:$sha256/-details/; s/:add/-add/; s/:/-/")
    for size in default narrow; do
      case $size in
        default) geometry="" ; tail="" ;;
        narrow) geometry=360x640 ; tail="-360" ;;
      esac
      shoot "$name$tail$suffix" "$lang" "$page" "$geometry"
      count=$((count + 1))
    done
  done
done
echo "$count screenshots written to $out_dir"

if [ -n "$metainfo_dir" ]; then
  mkdir -p "$metainfo_dir"
  for name in certificates reminders help-yessign; do
    for suffix in "" -ko; do
      target=$(echo "$name" | sed 's/-yessign//')
      cp "$out_dir/$name$suffix.png" "$metainfo_dir/$target$suffix.png"
    done
  done
  echo "The pictures the metainfo lists are in $metainfo_dir"
fi
