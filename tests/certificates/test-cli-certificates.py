#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`dojang --list-certificates --json` against a generated NPKI tree.

    test-cli-certificates.py DOJANG

Every expected value comes from tests/fixtures/make-npki-tree.py, which
computes it with python3-cryptography. "Now" is late in the evening in Seoul
and the machine is in Los Angeles, so D-N and the dates shown are Korean
calendar days only if the command counts them that way: not 24-hour spans,
not the machine's calendar.
"""

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

AT = "2026-03-01T23:30:00+09:00"
AT_IN_SEOUL = "2026-03-01T23:30:00"
FIELDS = ("path", "subject", "name", "ca", "policy_oid", "serial", "not_before", "not_after",
          "expiry_date", "days_left", "status", "has_private_key", "sha256")
# The yearly fee of each fixture's type, as data/providers.json has it from the
# CAs' pages; None when the type is unknown.
FEES = {
    "1.2.410.200005.1.1.1": 4400,
    "1.2.410.200005.1.1.4": 0,
    "1.2.410.200005.1.1.5": 110000,
    "1.2.410.200004.5.2.1.2": 4400,
    "1.2.410.200004.5.2.1.7.1": 0,
    "1.2.410.200004.5.4.1.101": 0,
    "1.2.410.200004.5.1.1.9": 0,
    "1.2.410.200012.1.1.3": 110000,
    "1.2.410.200005.9.9.9": None,
}

failures = []


def english_date(iso):
    """"Sun, 6 Dec 2026": how the app writes a date in English."""
    day = datetime.date.fromisoformat(iso)
    return "%s, %d %s %d" % (("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[day.weekday()], day.day,
                             ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[day.month - 1],
                             day.year)


def check(condition, message):
    if not condition:
        failures.append(message)
        print("not ok: " + message)


def run(dojang, args, env):
    return subprocess.run([dojang] + args, env=env, capture_output=True, text=True, timeout=60)


def main():
    dojang = sys.argv[1]
    source_root = os.environ["DOJANG_SOURCE_ROOT"]
    tree = tempfile.mkdtemp(prefix="dojang-cli-")
    try:
        subprocess.run([sys.executable, os.path.join(source_root, "tests", "fixtures", "make-npki-tree.py"),
                        tree, "--at", AT], check=True)
        with open(os.path.join(tree, "expected.json"), encoding="utf-8") as f:
            expected = json.load(f)

        env = dict(os.environ)
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        env["LC_ALL"] = "C.UTF-8"
        env["TZ"] = "America/Los_Angeles"
        env.pop("LANGUAGE", None)
        as_root = os.geteuid() == 0

        args = ["--list-certificates", "--json", "--at", AT]
        for root in expected["roots"]:
            args += ["--path", root]
        result = run(dojang, args, env)
        check(result.returncode == 0, "exit status %d, stderr %r" % (result.returncode, result.stderr))
        output = json.loads(result.stdout)
        check(set(output) == {"certificates", "problems"}, "top-level members %r" % sorted(output))

        got = {c["path"]: c for c in output["certificates"]}
        unreadable = [p["path"] for p in expected["problems"] if p["kind"] == "permission"]
        want_count = len(expected["certificates"]) + (len(unreadable) if as_root else 0)
        check(len(got) == want_count, "%d certificates, expected %d" % (len(got), want_count))
        for want in expected["certificates"]:
            cert = got.get(want["path"])
            if cert is None:
                check(False, "missing " + want["path"])
                continue
            for field in FIELDS:
                check(cert[field] == want[field], "%s: %s is %r, expected %r" %
                      (want["name"], field, cert[field], want[field]))
            check(cert["annual_fee_krw"] == FEES[want["policy_oid"]],
                  "%s: annual_fee_krw %r" % (want["name"], cert["annual_fee_krw"]))
            check(isinstance(cert["type"], str) and cert["type"] != "", "%s: type %r" % (want["name"], cert["type"]))
        unknown = [c for c in output["certificates"] if c["policy_oid"] == "1.2.410.200005.9.9.9"]
        check(len(unknown) == 1 and unknown[0]["type"] == "Unknown type", "unknown type %r" % unknown)

        problem_paths = {p["path"] for p in output["problems"]}
        for want in expected["problems"]:
            if want["kind"] == "permission" and as_root:
                continue
            check(want["path"] in problem_paths, "problem not reported: %s (%s)" % (want["path"], want["kind"]))
        check(all(p["message"] for p in output["problems"]), "a problem without a message")

        # 23 days 5 hours after 23:30 is the 24th Korean day; 4 days 19 hours
        # before it, the 4th day before (24-hour spans would say 23 and 5).
        spans = {w["status"]: w["days_left"] for w in expected["certificates"]}
        check(spans["expiring"] == 24 and spans["expired"] == -4, "fixture days %r" % spans)

        # The text form shows the same D-N and the same Korean date, then the path.
        text = run(dojang, ["--list-certificates", "--at", AT] + args[4:], env)
        check(text.returncode == 0, "text output exited %d: %r" % (text.returncode, text.stderr))
        lines = text.stdout.splitlines()
        summaries = {lines[i + 1].strip(): lines[i] for i in range(len(lines) - 1) if lines[i + 1].startswith("  /")}
        checked_not_yet_valid = 0
        for want in expected["certificates"]:
            days = want["days_left"]
            d_n = "D-%d" % days if days > 0 else "D-Day" if days == 0 else "D+%d" % -days
            line = summaries.get(want["path"], "")
            until = english_date(want["expiry_date"])
            if want["status"] == "not_yet_valid":
                # Before its first day: when it starts, never a D-N to expiry.
                first = english_date(datetime.datetime.strptime(want["not_before"], "%Y-%m-%dT%H:%M:%SZ")
                                     .replace(tzinfo=datetime.timezone.utc)
                                     .astimezone(datetime.timezone(datetime.timedelta(hours=9))).date().isoformat())
                check(line.startswith(want["name"] + " — ") and
                      line.endswith(" — not yet valid, valid from %s (until %s)" % (first, until)),
                      "%s: text line %r, expected valid from %s until %s" % (want["name"], line, first, until))
                checked_not_yet_valid += 1
                continue
            check(line.startswith(want["name"] + " — ") and line.endswith(", %s (until %s)" % (d_n, until)),
                  "%s: text line %r, expected %s until %s" % (want["name"], line, d_n, until))

        check(checked_not_yet_valid >= 1, "the fixture has no certificate that is not valid yet")

        # Without an offset --at is Korean time; a date alone is its midnight.
        plain = run(dojang, args[:3] + [AT_IN_SEOUL] + args[4:], env)
        check(json.loads(plain.stdout) == output, "--at without offset is not read as Korean time")
        day = run(dojang, ["--list-certificates", "--json", "--at", "2026-03-01", "--path", expected["roots"][0]], env)
        check(day.returncode == 0, "--at with a date alone failed: %r" % day.stderr)
        if day.returncode == 0:
            at_midnight = {c["path"]: c["days_left"] for c in json.loads(day.stdout)["certificates"]}
            for want in expected["certificates"]:
                if want["path"] in at_midnight:
                    check(at_midnight[want["path"]] == want["days_left"],
                          "%s: --at 2026-03-01 gave D-N %r, the same Korean day as %s should give %r"
                          % (want["name"], at_midnight[want["path"]], AT, want["days_left"]))

        # A wrong --at is the only failure: exit 1, a message, nothing on stdout.
        bad = run(dojang, ["--list-certificates", "--json", "--at", "next tuesday"], env)
        check(bad.returncode == 1, "malformed --at exited %d" % bad.returncode)
        check("--at" in bad.stderr and "next tuesday" in bad.stderr, "malformed --at said %r" % bad.stderr)
        check(bad.stdout == "", "malformed --at printed %r" % bad.stdout)

        # No --path, no schema: the default roots (~/NPKI) still work.
        home = os.path.join(tree, "home")
        bare = dict(env, HOME=home, GSETTINGS_SCHEMA_DIR=os.path.join(tree, "no-schemas"))
        default = run(dojang, ["--list-certificates", "--json", "--at", AT], bare)
        check(default.returncode == 0, "default roots exited %d: %r" % (default.returncode, default.stderr))
        in_home = [c for c in expected["certificates"] if c["path"].startswith(home + os.sep)]
        found = json.loads(default.stdout)["certificates"] if default.returncode == 0 else []
        check({c["path"] for c in in_home} <= {c["path"] for c in found},
              "default roots found %d certificates, ~/NPKI has %d" % (len(found), len(in_home)))

        # The text form names the roots when it finds nothing.
        empty = os.path.join(tree, "empty")
        os.mkdir(empty)
        text = run(dojang, ["--list-certificates", "--path", empty], env)
        check(text.returncode == 0 and empty in text.stdout, "text output %r" % text.stdout)
    finally:
        for dirpath, dirnames, filenames in os.walk(tree):
            for name in filenames + dirnames:
                os.chmod(os.path.join(dirpath, name), 0o700)
        shutil.rmtree(tree)

    if failures:
        print("%d checks failed" % len(failures))
        return 1
    print("ok: --list-certificates --json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
