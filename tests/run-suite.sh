#!/bin/sh
# Runs the whole test suite headless (tests/isolate.sh gives every test its
# own Xvfb display and D-Bus session). The last line printed is
# "N passed, N failed" (", N skipped" when some were skipped).
set -u
build_dir=${1:-_build}

env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
  meson test -C "$build_dir" --print-errorlogs --num-processes 3
status=$?

summary=$(python3 - "$build_dir/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = skipped = 0
try:
    with open(sys.argv[1], encoding="utf-8") as log:
        for line in log:
            line = line.strip()
            if not line:
                continue
            result = json.loads(line).get("result")
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
except OSError:
    failed += 1
text = f"{passed} passed, {failed} failed"
if skipped:
    text += f", {skipped} skipped"
print(text)
sys.exit(1 if failed else 0)
PY
)
parse_status=$?

echo
echo "$summary"
if [ "$status" -ne 0 ] || [ "$parse_status" -ne 0 ]; then
  exit 1
fi
exit 0
