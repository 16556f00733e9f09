#!/bin/sh
# Smoke test: the real binary maps its window and draws a non-blank first
# frame, in English and in Korean, without a single GLib warning, and the two
# pictures differ (the Korean catalog was loaded). The pictures stay in the build tree for people to see.
set -u
dojang=$1
outdir=$2
here=$(dirname "$0")
fail=0
mkdir -p "$outdir"

for tool in identify compare; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "not ok: $tool (ImageMagick) is not installed"
    exit 1
  fi
done

for lang in en ko; do
  png="$outdir/smoke-$lang.png"
  if ! "$here/screenshot.sh" "$dojang" "$png" "$lang"; then
    echo "not ok: no first frame in $lang"
    fail=1
    continue
  fi
  if ! grep -q '^dojang: first frame at ' "$png.log"; then
    echo "not ok: the window never reported its first frame in $lang"
    fail=1
  fi
  if grep -E -- '-(WARNING|CRITICAL) \*\*' "$png.log"; then
    echo "not ok: warnings on start-up in $lang"
    fail=1
  fi
  colours=$(identify -format '%k' "$png")
  size=$(identify -format '%wx%h' "$png")
  width=${size%x*}
  height=${size#*x}
  if [ "$colours" -lt 50 ]; then
    echo "not ok: $lang screenshot looks blank ($colours colours)"
    fail=1
  elif [ "$width" -lt 360 ] || [ "$height" -lt 300 ]; then
    echo "not ok: $lang window is only ${size}"
    fail=1
  else
    echo "ok: $lang window ${size}, $colours colours"
  fi
done

if [ "$fail" -eq 0 ]; then
  # compare exits 0 for identical pictures, 1 for different ones, 2 on error.
  diff_pixels=$(compare -metric AE "$outdir/smoke-en.png" "$outdir/smoke-ko.png" null: 2>&1)
  case $? in
    0) echo "not ok: the Korean window looks exactly like the English one"; fail=1 ;;
    1) echo "ok: English and Korean differ in $diff_pixels pixels" ;;
    *) echo "not ok: compare failed: $diff_pixels"; fail=1 ;;
  esac
fi
exit "$fail"
