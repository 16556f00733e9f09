#!/bin/sh
# flatpak-builder parses the manifest; unknown properties become failures.
# It writes .flatpak-builder/ into the current folder, so run it in a scratch one.
set -eu
flatpak_builder=$1
manifest=$(readlink -f "$2")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
G_DEBUG=fatal-warnings "$flatpak_builder" --show-manifest "$manifest" > manifest.out
grep -q '"id" *: *"io.github.dojang.Dojang"' manifest.out
grep -q '"runtime-version" *: *"50"' manifest.out
echo "ok: manifest parses, GNOME 50 runtime"
