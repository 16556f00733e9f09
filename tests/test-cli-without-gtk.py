#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line never loads GTK; the window still opens.

    test-cli-without-gtk.py DOJANG command-line|window

command-line: the real `dojang --version`, `--check-reminders` (with a
reminder due, on its own bus and data folder) and `--list-certificates`
run under the dynamic loader's trace (LD_DEBUG=files), which names every
library the process loads, also after the launcher's exec (same PID). None
of them may load libgtk-4 or libadwaita-1, and the launcher itself may
need nothing but the C library. `dojang --renew` on a missing file, which
the window program answers, must load both: the trace sees GTK when it is
there.

window: the plain `dojang` paints its first frame, and the process that
does (the launcher's PID) is the window program. The test preload library
(DOJANG_TEST_PRELOAD), which LD_PRELOAD puts into the launcher as well, loads
no GTK library there: `dojang --version` with it still loads none. (One that
linked GTK made the launcher load it before its exec, adding about 30 ms to
every first frame the benchmark measured.)
"""

import os
import re
import subprocess
import sys
import tempfile
import time

AT = "2026-09-25T10:00:00+09:00"
GTK_LIBRARIES = ("libgtk-4.so", "libadwaita-1.so")
# All the launcher may need: the C library, and in the sanitizer build the
# runtime pieces the compiler adds.
C_RUNTIME = ("libc.so", "libm.so", "libgcc_s.so", "libpthread.so", "libdl.so", "librt.so")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("not ok: " + message)


def traced(dojang, args, env):
    """Runs dojang under LD_DEBUG=files: (result, loaded libraries, what the launcher needed)."""
    env = dict(env, LD_DEBUG="files")
    result = subprocess.run([dojang] + args, env=env, capture_output=True, text=True, timeout=120)
    loaded = set()
    needed_by_launcher = set()
    launcher = os.path.realpath(dojang)
    for match in re.finditer(r"file=(\S+) \[\d+\];\s+needed by (\S+)", result.stderr):
        loaded.add(os.path.basename(match.group(1)))
        if os.path.realpath(match.group(2)) == launcher:
            needed_by_launcher.add(os.path.basename(match.group(1)))
    return result, loaded, needed_by_launcher


def command_line(dojang, env, source_root, work):
    tree = os.path.join(work, "tree")
    subprocess.run([sys.executable, os.path.join(source_root, "tests", "fixtures", "make-npki-tree.py"),
                    tree, "--at", AT], check=True, stdout=subprocess.DEVNULL)
    root = os.path.join(tree, "home", "NPKI")
    empty = os.path.join(work, "empty")
    os.mkdir(empty)
    entries = os.path.join(work, "entries.json")
    with open(entries, "w", encoding="utf-8") as f:
        f.write('{"format": "dojang-reminders", "version": 1, "manual_entries": [{"id": 1, '
                '"name": "phone", "provider_id": "kica", "expiry_date": "2026-10-01"}]}')
    imported = subprocess.run([dojang, "--import-reminders", entries, "--at", AT], env=env,
                              capture_output=True, text=True, timeout=60)
    check(imported.returncode == 0, "the import for the check failed: %r" % imported.stderr)

    commands = [
        (["--version"], lambda out: out.startswith("dojang ")),
        (["--check-reminders", "--path", empty, "--at", AT], lambda out: "1 reminder sent" in out),
        (["--list-certificates", "--path", root, "--at", AT], lambda out: "홍길동 — KFTC" in out),
    ]
    for args, output_ok in commands:
        failed_before = len(failures)
        result, loaded, needed = traced(dojang, args, env)
        name = args[0]
        check(result.returncode == 0, "%s exited %d: %r" % (name, result.returncode, result.stderr[-800:]))
        check(output_ok(result.stdout), "%s printed %r" % (name, result.stdout[:300]))
        check(len(loaded) > 3, "%s: the loader trace lists only %s" % (name, sorted(loaded)))
        for library in GTK_LIBRARIES:
            found = [f for f in loaded if f.startswith(library)]
            check(not found, "%s loaded %s" % (name, found))
        check("libc.so.6" in needed and all(f.startswith(C_RUNTIME) for f in needed),
              "%s: the launcher needed %s, not only the C library" % (name, sorted(needed)))
        if len(failures) == failed_before:
            print("ok: %s loads %d libraries, none of GTK's" % (name, len(loaded)))

    # The control: the window program loads GTK, and the trace shows it.
    result, loaded, _ = traced(dojang, ["--renew", os.path.join(work, "missing")], env)
    check(result.returncode == 1, "--renew on a missing file exited %d" % result.returncode)
    for library in GTK_LIBRARIES:
        check(any(f.startswith(library) for f in loaded),
              "--renew (the window program) did not load %s: the trace cannot see it" % library)


def window(dojang, env):
    env = dict(env, LD_PRELOAD=os.environ["DOJANG_TEST_PRELOAD"], DOJANG_REPORT_FIRST_FRAME="1")
    result, loaded, _ = traced(dojang, ["--version"], env)
    check(result.returncode == 0 and result.stdout.startswith("dojang "),
          "--version with the test preload: exit %d, %r" % (result.returncode, result.stderr[-800:]))
    check(any(f.startswith("libdojang-test-preload") for f in loaded),
          "the loader trace does not show the test preload: %s" % sorted(loaded))
    gtk = [f for f in loaded if f.startswith(GTK_LIBRARIES)]
    check(not gtk, "the test preload loaded %s into a run without a window" % gtk)
    if result.returncode == 0 and not gtk:
        print("ok: the test preload loads no GTK library into the launcher and the command line")

    process = subprocess.Popen([dojang], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        painted = False
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line:
                break
            if line.startswith("dojang: first frame at "):
                painted = True
                break
        check(painted, "the plain `dojang` painted no first frame")
        program = os.path.basename(os.readlink("/proc/%d/exe" % process.pid)) if painted else None
        check(program == "dojang-window", "the window was painted by %r, not dojang-window" % program)
        if painted:
            with open("/proc/%d/comm" % process.pid) as comm:
                name = comm.read().strip()
            check(name == "dojang", "ps and killall see the window as %r, not dojang" % name)
        if painted:
            print("ok: the plain `dojang` opened the window in dojang-window, same PID")
    finally:
        process.terminate()
        process.wait(timeout=30)


def main():
    dojang, mode = sys.argv[1], sys.argv[2]
    env = dict(os.environ, LC_ALL="C.UTF-8")
    env.pop("LANGUAGE", None)
    work = tempfile.mkdtemp(prefix="dojang-nogtk-")
    if mode == "command-line":
        command_line(dojang, env, os.environ["DOJANG_SOURCE_ROOT"], work)
    else:
        window(dojang, env)
    if failures:
        print("%d failures" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
