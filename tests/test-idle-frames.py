#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Idle means idle: the real window paints no frame while nothing happens.

    test-idle-frames.py DOJANG

Runs the real binary with the test preload library (DOJANG_TEST_PRELOAD,
see tests/support/dojang-idle-frames.c) on every page, with no certificate
and with twenty, lets the window settle (the scan and the reminder store
finish), then counts the frames its frame clock paints over five seconds.
A spinner left spinning on a hidden page paints about 300 of them; a window
at rest paints none. More than a handful fails.
"""

import os
import re
import subprocess
import sys

SECONDS = 5
MAX_FRAMES = 5
AT = "2026-03-01T12:00:00+09:00"
PAGES = ["certificates", "reminders", "help", "help:kica"]


def count_idle_frames(dojang, page, home):
    env = dict(os.environ,
               HOME=home,
               LD_PRELOAD=os.environ["DOJANG_TEST_PRELOAD"],
               DOJANG_COUNT_FRAMES=str(SECONDS),
               DOJANG_PAGE=page,
               DOJANG_NOW=AT,
               GDK_DEBUG="gl-disable")
    proc = subprocess.run([dojang], env=env, capture_output=True, text=True, timeout=90)
    match = re.search(r"^dojang: idle frames (\d+) in (\d+) s$", proc.stderr, re.MULTILINE)
    if proc.returncode != 0 or match is None:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"not ok: no idle frame count on page {page} (exit {proc.returncode})")
    return int(match.group(1))


def make_home(name, certificates):
    home = os.path.join(os.environ["DOJANG_TEST_SCRATCH"], name)
    os.makedirs(home)
    if certificates:
        script = os.path.join(os.environ["DOJANG_SOURCE_ROOT"], "tests", "fixtures", "make-npki-tree.py")
        subprocess.run([os.environ.get("DOJANG_PYTHON", sys.executable), script, home,
                        "--at", AT, "--bulk", str(certificates)], check=True)
    return home


def main():
    dojang = sys.argv[1]
    failed = False
    homes = [("no certificate", make_home("empty", 0)), ("20 certificates", make_home("twenty", 20))]
    for label, home in homes:
        for page in PAGES:
            frames = count_idle_frames(dojang, page, home)
            verdict = "ok" if frames <= MAX_FRAMES else "not ok"
            print(f"{verdict}: page {page}, {label}: {frames} frames in {SECONDS} s of idle "
                  f"(at most {MAX_FRAMES})")
            failed |= frames > MAX_FRAMES
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
