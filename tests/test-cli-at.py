#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every command reads --at the same way.

    test-cli-at.py DOJANG

--list-certificates, --list-providers, --check-reminders, --export-reminders
and --import-reminders accept the same forms and take the same instant from
them (each shows it: the exported_at of an export, the heading of the
providers table, the D-N of a certificate), and they refuse the same bad
values with exit 1, nothing on standard output and a message that names the
accepted forms. The machine is in Los Angeles; the instants are Seoul's.
"""

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

UTC = datetime.timezone.utc
KST = datetime.timezone(datetime.timedelta(hours=9))

# What is typed, and the instant it means (UTC).
ACCEPTED = [
    ("2026-09-25", "2026-09-24T15:00:00"),
    ("2026-09-25T10:00", "2026-09-25T01:00:00"),
    ("2026-09-25T10:00:30", "2026-09-25T01:00:30"),
    ("2026-09-25 10:00:30", "2026-09-25T01:00:30"),
    ("2026-09-25T10:00:00Z", "2026-09-25T10:00:00"),
    ("2026-09-25T10:00:00+09:00", "2026-09-25T01:00:00"),
    ("2026-09-24T18:00:00-07:00", "2026-09-25T01:00:00"),
    ("2026-09-25T23:30:00+0900", "2026-09-25T14:30:00"),
    ("9999-12-31", "9999-12-30T15:00:00"),
    ("9999-12-31T23:59:59", "9999-12-31T14:59:59"),
]
REJECTED = ["", "garbage", "next tuesday", "0000-01-01", "2026-02-30", "2026-09-25T10", "2026-9-25",
            "10000-01-01", "9999-12-31T23:59:59Z", "2026-W39-5", "20260925T100000"]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("not ok: " + message)


def run(dojang, args, env):
    return subprocess.run([dojang] + args, env=env, capture_output=True, text=True, timeout=60)


def days_left(now, not_after):
    """D-N in Korean calendar days (see make-npki-tree.py)."""
    last = (not_after - datetime.timedelta(seconds=1)).astimezone(KST).date()
    return (last - now.astimezone(KST).date()).days


def main():
    dojang = sys.argv[1]
    source_root = os.environ["DOJANG_SOURCE_ROOT"]
    work = tempfile.mkdtemp(prefix="dojang-at-")
    try:
        tree = os.path.join(work, "tree")
        subprocess.run([sys.executable, os.path.join(source_root, "tests", "fixtures", "make-npki-tree.py"),
                        tree, "--at", "2026-09-25T10:00:00+09:00"], check=True)
        with open(os.path.join(tree, "expected.json"), encoding="utf-8") as f:
            expected = json.load(f)
        root = expected["roots"][0]
        empty = os.path.join(work, "empty")
        os.mkdir(empty)
        nothing = os.path.join(work, "nothing.json")
        with open(nothing, "w", encoding="utf-8") as f:
            json.dump({"format": "dojang-reminders", "version": 1}, f)

        env = dict(os.environ, LC_ALL="C.UTF-8", TZ="America/Los_Angeles")
        env.pop("LANGUAGE", None)
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)

        commands = {
            "list-certificates": ["--list-certificates", "--json", "--path", root],
            "list-providers": ["--list-providers"],
            "check-reminders": ["--check-reminders", "--path", empty],
            "export-reminders": ["--export-reminders", "-"],
            "import-reminders": ["--import-reminders", nothing],
        }

        for typed, utc_text in ACCEPTED:
            instant = datetime.datetime.fromisoformat(utc_text).replace(tzinfo=UTC)
            outputs = {}
            for name, args in commands.items():
                result = run(dojang, args + ["--at", typed], env)
                check(result.returncode == 0, "%s --at %r exited %d: %r" % (name, typed, result.returncode, result.stderr))
                outputs[name] = result.stdout

            # The export is stamped with the instant (the clock then runs on).
            try:
                exported = datetime.datetime.fromisoformat(
                    json.loads(outputs["export-reminders"])["exported_at"].replace("Z", "+00:00"))
                check(datetime.timedelta(0) <= exported - instant < datetime.timedelta(seconds=30),
                      "--at %r: exported_at %s, expected %s" % (typed, exported, instant))
            except (ValueError, KeyError) as error:
                check(False, "--at %r: no exported_at (%s)" % (typed, error))

            # The providers table is headed with the instant in Seoul time.
            seoul = instant.astimezone(KST).strftime("%Y-%m-%d %H:%M")
            heading = "Certificate authorities at %s +09:00 (Korean time)" % seoul
            check(outputs["list-providers"].startswith(heading),
                  "--at %r: providers heading %r, expected %r" % (typed, outputs["list-providers"][:70], heading))

            # The certificates count their days from the same Korean day.
            try:
                got = {c["path"]: c["days_left"] for c in json.loads(outputs["list-certificates"])["certificates"]}
            except ValueError:
                got = {}
            for want in expected["certificates"]:
                if not want["path"].startswith(root + os.sep):
                    continue
                not_after = datetime.datetime.fromisoformat(want["not_after"].replace("Z", "+00:00"))
                check(got.get(want["path"]) == days_left(instant, not_after),
                      "--at %r: %s is D-N %r, expected %r" % (typed, want["name"], got.get(want["path"]),
                                                             days_left(instant, not_after)))

            check(outputs["check-reminders"].strip() != "", "--at %r: check-reminders printed nothing" % typed)

        for typed in REJECTED:
            for name, args in commands.items():
                result = run(dojang, args + ["--at", typed], env)
                label = "%s --at %r" % (name, typed)
                check(result.returncode == 1, "%s exited %d" % (label, result.returncode))
                check(result.stdout == "", "%s printed %r" % (label, result.stdout))
                check("--at" in result.stderr and "“%s”" % typed in result.stderr,
                      "%s said %r" % (label, result.stderr))
                check("YYYY-MM-DD" in result.stderr or "0001 to 9999" in result.stderr,
                      "%s does not name the accepted forms: %r" % (label, result.stderr))

        # --help documents the forms.
        result = run(dojang, ["--help"], env)
        check(result.returncode == 0, "--help exited %d" % result.returncode)
        line = [l for l in result.stdout.splitlines() if l.strip().startswith("--at=")]
        check(len(line) == 1 and "YYYY-MM-DD (00:00 in Seoul)" in line[0] and "+09:00" in line[0]
              and "0001 to 9999" in line[0], "--help says %r" % line)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if failures:
        print("%d checks failed" % len(failures))
        return 1
    print("ok: every command reads --at the same way")
    return 0


if __name__ == "__main__":
    sys.exit(main())
