#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every command-line option that takes a value, given bad values.

    test-cli-bad-input.py DOJANG

Bad values: missing, empty, huge, not UTF-8, a FIFO, a device, a symlink
loop, an unreadable file, JSON nested 100,000 deep, a file with a terminal
escape in its name, and a 1 MB password on standard input. Each run must end
by itself within a few seconds, never by a signal, with a defined exit
status (0, or 1 with a message on standard error), and everything it prints
must be valid UTF-8 without raw control characters.
"""

import json
import os
import stat
import subprocess
import sys
import tempfile
import time

LIMIT_SECONDS = 20  # generous for the sanitizer build on a loaded machine
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("not ok: " + message)


def make_values(scratch):
    fifo = os.path.join(scratch, "fifo")
    os.mkfifo(fifo)
    loop = os.path.join(scratch, "loop")
    os.symlink(loop, loop)
    unreadable = os.path.join(scratch, "unreadable.json")
    with open(unreadable, "w") as f:
        f.write("{}")
    os.chmod(unreadable, 0)
    deep = os.path.join(scratch, "deep.json")
    with open(deep, "w") as f:
        f.write("[" * 100000)
    escape = os.path.join(scratch, "esc\x1b[31mred\x07")
    os.mkdir(escape)
    not_utf8 = os.path.join(scratch, "bad\udcff\udcfe")
    os.mkdir(not_utf8)
    fifo_cert = os.path.join(scratch, "npki", "USER", "cn=fifo")
    os.makedirs(fifo_cert)
    os.mkfifo(os.path.join(fifo_cert, "signCert.der"))
    os.mkfifo(os.path.join(fifo_cert, "signPri.key"))
    return {
        "missing": os.path.join(scratch, "no-such-file"),
        "empty": "",
        "huge": "x" * 100000,
        "not-utf8": not_utf8,
        "fifo": fifo,
        "device": "/dev/zero",
        "symlink-loop": loop,
        "unreadable": unreadable,
        "deep-json": deep,
        "terminal-escape": escape,
        "fifo-certificate": fifo_cert,
    }


# The exit statuses the commands define: 0 done, 1 failed (with a message);
# the password commands add 3 (wrong password) and 4 (not a usable key).
PASSWORD_STATUSES = (0, 1, 3, 4)
STATUSES = {"check-password": PASSWORD_STATUSES, "export-pfx": PASSWORD_STATUSES,
            "export-pfx-file": PASSWORD_STATUSES, "import-pfx": PASSWORD_STATUSES,
            "change-password": PASSWORD_STATUSES}


def options(scratch):
    """(name, argument list for a value, standard input) of every option."""
    to = os.path.join(scratch, "to")
    out = os.path.join(scratch, "out.pfx")
    return [
        ("check-password", lambda v: ["--check-password", v], b"x\n"),
        ("at", lambda v: ["--list-providers", "--at", v], b""),
        ("path", lambda v: ["--list-certificates", "--path", v], b""),
        ("path-json", lambda v: ["--list-certificates", "--json", "--path", v], b""),
        ("import-reminders", lambda v: ["--import-reminders", v], b""),
        ("renewal-plan", lambda v: ["--renewal-plan", v], b""),
        ("copy-certificate", lambda v: ["--copy-certificate", v, "--to", to], b""),
        ("to", lambda v: ["--copy-certificate", os.path.join(scratch, "npki"), "--to", v], b""),
        ("export-pfx", lambda v: ["--export-pfx", v, out], b"x\n"),
        ("export-pfx-file", lambda v: ["--export-pfx", os.path.join(scratch, "npki"), v], b"x\n"),
        ("import-pfx", lambda v: ["--import-pfx", v, "--to", to], b"x\n"),
        ("change-password", lambda v: ["--change-password", v], b"x\ny\ny\n"),
        ("delete-certificate", lambda v: ["--delete-certificate", v], b""),
        ("check-reminders-path", lambda v: ["--check-reminders", "--path", v], b""),
    ]


def run_case(dojang, name, kind, args, stdin, env):
    label = "--%s %s" % (name, kind)
    start = time.monotonic()
    try:
        result = subprocess.run([dojang] + [os.fsencode(a) for a in args], input=stdin, env=env,
                                capture_output=True, timeout=LIMIT_SECONDS)
    except subprocess.TimeoutExpired:
        check(False, "%s: still running after %d s" % (label, LIMIT_SECONDS))
        return
    seconds = time.monotonic() - start
    check(result.returncode >= 0, "%s: killed by signal %d" % (label, -result.returncode))
    check(result.returncode in STATUSES.get(name, (0, 1)), "%s: exit status %d" % (label, result.returncode))
    if result.returncode != 0:
        check(result.stderr.strip() != b"", "%s: exit status %d without a message" % (label, result.returncode))
    for stream, data in (("stdout", result.stdout), ("stderr", result.stderr)):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            check(False, "%s: %s is not UTF-8: %r" % (label, stream, data[:200]))
            continue
        controls = [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7f <= ord(c) < 0xa0]
        check(not controls, "%s: raw control characters on %s: %r" % (label, stream, text[:300]))
    print("ok: %s: exit %d in %.1f s: %s" % (label, result.returncode, seconds,
                                            result.stderr.decode("utf-8", "replace").strip()[:160]))
    return result


def main():
    dojang = sys.argv[1]
    scratch = tempfile.mkdtemp(prefix="dojang-bad-input-")
    values = make_values(scratch)
    env = dict(os.environ, LC_ALL="C.UTF-8", DOJANG_NOW="2026-03-01T10:00:00+09:00")
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "LANGUAGE"):
        env.pop(key, None)

    cases = 0
    for name, make_args, stdin in options(scratch):
        for kind, value in values.items():
            run_case(dojang, name, kind, make_args(value), stdin, env)
            cases += 1

    # Passwords of 1 MB on standard input, to every option that reads one.
    big = b"p" * (1024 * 1024) + b"\n"
    for name, args in (("check-password", ["--check-password", os.path.join(scratch, "npki")]),
                       ("change-password", ["--change-password", os.path.join(scratch, "npki")]),
                       ("import-pfx", ["--import-pfx", values["deep-json"]]),
                       ("export-pfx", ["--export-pfx", os.path.join(scratch, "npki"), os.path.join(scratch, "o.pfx")])):
        run_case(dojang, name, "1MB-password", args, big * 3, env)
        cases += 1

    # Specific messages (issue 12, item 10).
    result = run_case(dojang, "path", "missing-exit", ["--list-certificates", "--path", values["missing"]], b"", env)
    cases += 1
    check(result is not None and result.returncode == 1 and b"no such folder" in result.stderr,
          "--path to a missing folder must fail with a message")
    result = run_case(dojang, "path", "fifo-cert-json",
                      ["--list-certificates", "--json", "--path", os.path.join(scratch, "npki")], b"", env)
    cases += 1
    check(result is not None and b"folder" not in result.stdout and b"pipe" in result.stdout,
          "a FIFO named signCert.der must not be called a folder: %r" % (result.stdout if result else None))

    result = run_case(dojang, "check-reminders", "missing-path",
                      ["--check-reminders", "--path", values["missing"]], b"", env)
    cases += 1
    check(result is not None and result.returncode == 1 and b"no such folder" in result.stderr,
          "--check-reminders --path to a missing folder must fail with a message")
    result = run_case(dojang, "import-reminders", "deep-message", ["--import-reminders", values["deep-json"]], b"", env)
    cases += 1
    check(result is not None and result.returncode == 1 and b"nested deeper than 64 levels" in result.stderr,
          "a deep import must be refused for its depth: %r" % (result.stderr if result else None))

    # The JSON listing stays JSON whatever the folder names hold.
    for kind in ("not-utf8", "terminal-escape"):
        result = run_case(dojang, "path-json", kind + "-parse",
                          ["--list-certificates", "--json", "--path", values[kind], "--path", scratch], b"", env)
        cases += 1
        try:
            listing = json.loads(result.stdout.decode("utf-8"))
            paths = [p["path"] for p in listing["problems"]] + [c["path"] for c in listing["certificates"]]
            check(any("fifo" in p for p in paths), "%s: the FIFO certificate is not listed: %r" % (kind, listing))
        except (ValueError, AttributeError, KeyError) as e:
            check(False, "--list-certificates --json with %s: not JSON (%s)" % (kind, e))

    os.chmod(values["unreadable"], 0o600)
    print("%d cases, %d failures" % (cases, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
