#!/bin/sh
# Runs one test with its own empty HOME and XDG folders, so no test sees
# the user's files or another test's.
set -eu
scratch=$(mktemp -d "${TMPDIR:-/tmp}/dojang-test.XXXXXX")
trap 'chmod -R u+rwX "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT INT TERM
export HOME="$scratch/home"
export XDG_DATA_HOME="$scratch/data"
export XDG_CONFIG_HOME="$scratch/config"
export XDG_CACHE_HOME="$scratch/cache"
export XDG_STATE_HOME="$scratch/state"
export DOJANG_TEST_SCRATCH="$scratch"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
status=0
"$@" || status=$?
exit "$status"
