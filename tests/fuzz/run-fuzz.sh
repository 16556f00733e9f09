#!/bin/sh
# Runs one libFuzzer target of the sanitizer build (AddressSanitizer,
# UndefinedBehaviorSanitizer, leak checking) for a fixed time over its seed
# corpus: the committed seeds in tests/fuzz/corpus/TARGET plus, for some
# targets, seeds made at run time. `make check` installs clang and its
# fuzzer runtime, so their absence is a failure, not a skip. Prints the
# number of executions.
#
# Usage: run-fuzz.sh SOURCE_ROOT SANITIZE_BUILD_DIR TARGET SECONDS [PYTHON]
set -eu
source_root=$1
build_dir=$2
target=$3
seconds=$4
python=${5:-python3}

"$source_root/tests/sanitizer/setup-build.sh" "$source_root" "$build_dir" "tests/fuzz/fuzz-$target"

work=$(mktemp -d "${DOJANG_TEST_SCRATCH:-${TMPDIR:-/tmp}}/fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
if [ -d "$source_root/tests/fuzz/corpus/$target" ]; then
  cp "$source_root/tests/fuzz/corpus/$target"/* "$work/corpus/"
fi

max_len=65536
case $target in
  private-key)
    "$python" "$source_root/tests/fixtures/make-keys.py" "$work/keys" >/dev/null
    n=0
    for file in $(find "$work/keys" -type f \( -iname '*.key' -o -name '*.der' \)); do
      n=$((n + 1))
      cp "$file" "$work/corpus/key-$n"
    done
    ;;
  data-files)
    cp "$source_root/data/providers.json" "$source_root/data/holidays.json" "$work/corpus/"
    max_len=262144
    ;;
  reminder-import)
    max_len=1048576
    ;;
esac

status=0
(cd "$work" && ASAN_OPTIONS="detect_leaks=1:exitcode=86" \
  "$build_dir/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -max_len="$max_len" \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 corpus) >"$work/log" 2>&1 || status=$?
tail -n 30 "$work/log"
executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
echo "fuzz-$target: ${executions:-?} executions in $seconds s, exit status $status"
if [ "$status" -ne 0 ] || [ -z "$executions" ]; then
  echo "not ok: fuzz-$target found a problem (the input is in the log above)"
  exit 1
fi
