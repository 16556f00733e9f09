#!/bin/sh
# Makes sure the second build of Dojang, with AddressSanitizer,
# UndefinedBehaviorSanitizer and the libFuzzer targets (clang), exists in
# BUILD_DIR and that TARGETS (all when none are given) are built. The
# sanitizer test and the fuzz tests share it; a lock keeps two of them from
# building it at once.
#
# Usage: setup-build.sh SOURCE_ROOT BUILD_DIR [TARGET...]
set -eu
source_root=$1
build_dir=$2
shift 2

if ! command -v clang >/dev/null 2>&1; then
  echo "not ok: clang is not installed (make check installs it)"
  exit 1
fi

mkdir -p "$(dirname "$build_dir")"
exec 9>"$build_dir.lock"
flock 9

if [ ! -f "$build_dir/build.ninja" ]; then
  rm -rf "$build_dir"
  CC=clang meson setup "$build_dir" "$source_root" \
    --buildtype=debug -Db_sanitize=address,undefined -Dfuzzing=true >"$build_dir.setup.log" 2>&1 || {
    cat "$build_dir.setup.log"
    echo "not ok: the sanitizer build could not be configured"
    exit 1
  }
fi

ninja -C "$build_dir" "$@" >"$build_dir.build.log" 2>&1 || {
  tail -n 40 "$build_dir.build.log"
  echo "not ok: the sanitizer build failed"
  exit 1
}
