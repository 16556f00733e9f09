#!/bin/sh
# Runs one test of the sanitizer build (`meson test --wrapper`): every
# process it starts that was built with AddressSanitizer, LeakSanitizer or
# UndefinedBehaviorSanitizer writes its reports into a folder of the test's
# own, and any report fails the test, whatever the test itself concluded (a
# test that expects `dojang` to exit 1 must not take a leak report's exit 1
# for the expected one).
set -u
here=$(cd "$(dirname "$0")" && pwd)
reports=$(mktemp -d "${TMPDIR:-/tmp}/dojang-sanitizer.XXXXXX")
trap 'rm -rf "$reports"' EXIT

# abort_on_error=0 and exitcode: a report ends the process with status 86,
# never with a signal that a crash test could take for its own kill.
export ASAN_OPTIONS="log_path=$reports/report:exitcode=86:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="log_path=$reports/report:print_stacktrace=1:halt_on_error=1:exitcode=86"

status=0
"$@" || status=$?

# A report is an error ("ERROR: AddressSanitizer", "runtime error:");
# anything else in the files is a note, such as LeakSanitizer saying a
# thread that was just ending could not be suspended.
found=0
for report in "$reports"/*; do
  [ -e "$report" ] || continue
  echo "--- sanitizer output ${report##*/} ---"
  cat "$report"
  if grep -q -e 'ERROR: ' -e 'runtime error:' -e '^SUMMARY: ' "$report"; then
    found=1
  fi
done

if [ "$found" -ne 0 ]; then
  echo "not ok: the sanitizers reported the errors above (test exit status $status)"
  exit 1
fi
exit "$status"
