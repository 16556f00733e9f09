#!/bin/sh
# Builds the libFuzzer target for the private key parser with
# clang -fsanitize=fuzzer,address and runs it briefly on a seed corpus made
# from the key fixtures. `make check` installs clang and its fuzzer runtime,
# so their absence is a failure, not a skip.
#
# Usage: run-fuzz.sh SOURCE_ROOT BUILD_ROOT ASN1_TABLE_C PYTHON [SECONDS]
set -eu
source_root=$1
build_root=$2
asn1_table=$3
python=$4
seconds=${5:-10}

if ! command -v clang >/dev/null 2>&1; then
  echo "not ok: clang is not installed"
  exit 1
fi

work=$(mktemp -d "${DOJANG_TEST_SCRATCH:-${TMPDIR:-/tmp}}/fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

printf 'int LLVMFuzzerTestOneInput (const char *d, unsigned long n) { return 0; }\n' >"$work/probe.c"
if ! clang -fsanitize=fuzzer,address "$work/probe.c" -o "$work/probe" 2>/dev/null; then
  echo "not ok: clang has no libFuzzer runtime (libclang-rt-14-dev)"
  exit 1
fi

keys="$source_root/src/keys"
# shellcheck disable=SC2046 # pkg-config prints several words on purpose
clang -g -O1 -fsanitize=fuzzer,address -std=gnu11 \
  -I"$build_root" -I"$keys" -I"$source_root/src/common" \
  $(pkg-config --cflags glib-2.0 gio-2.0 gnutls libgcrypt libtasn1) \
  "$source_root/tests/fuzz/fuzz-private-key.c" \
  "$keys/dojang-asn1.c" "$keys/dojang-encrypted-key.c" "$keys/dojang-key-algorithms.c" \
  "$keys/dojang-key-derivation.c" "$keys/dojang-key-encryption.c" \
  "$keys/dojang-private-key.c" "$keys/dojang-private-key-info.c" "$asn1_table" \
  "$source_root/src/common/dojang-npki-lookup.c" "$source_root/src/common/dojang-task.c" \
  $(pkg-config --libs glib-2.0 gio-2.0 gnutls libgcrypt libtasn1) \
  -o "$work/fuzz-private-key"

"$python" "$source_root/tests/fixtures/make-keys.py" "$work/keys"
mkdir "$work/corpus"
n=0
find "$work/keys" -type f \( -iname '*.key' -o -name '*.der' \) | while read -r file; do
  n=$((n + 1))
  cp "$file" "$work/corpus/seed-$n"
done

status=0
(cd "$work" && ./fuzz-private-key -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 \
  -print_final_stats=1 corpus) >"$work/log" 2>&1 || status=$?
tail -n 25 "$work/log"
executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
echo "fuzz-private-key: ${executions:-?} executions in ${seconds} s, exit status $status"
exit "$status"
