#!/bin/sh
# encode-symbolic.sh ENCODER ICON.svg SIZE OUTPUT.png
# gtk4-encode-symbolic-svg names its output after the icon; the build wants
# one file per size, so it writes into a folder of its own first.
set -eu
encoder=$1 icon=$2 size=$3 output=$4
dir=$(mktemp -d "${TMPDIR:-/tmp}/dojang-icon.XXXXXX")
trap 'rm -rf "$dir"' EXIT
"$encoder" -o "$dir" "$icon" "${size}x${size}"
mv "$dir"/*.symbolic.png "$output"
