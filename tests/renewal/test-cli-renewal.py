#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`dojang --renewal-plan CERT --json [--at TIME]` and `dojang --renew`
with a CERT that does not exist, against make-npki-tree.py --renewal.

    test-cli-renewal.py DOJANG

The expected plans are computed here from the fixture's dates and the
CAs' stated windows and fees, not by the code under test. CERT is given as
a signCert.der, as its folder and as its SHA-256.
"""

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

AT = "2026-03-01T12:00:00+09:00"
KST = datetime.timezone(datetime.timedelta(hours=9))

# What the CAs state (providers.json): window days, fee, where it is renewed.
PLANS = {
    "kica-paid": (30, 4400, "provider", "https://www.signgate.com"),
    "yessign-free": (30, 0, "bank", None),
    "crosscert-expired": (60, 4400, "provider", "https://www.crosscert.com/glca/01_3_033.jsp"),
    "tradesign-early": (30, 4400, "provider", "https://www.tradesign.net/manual/renewal"),
    "yessign-nokey": (30, 4400, "bank", None),
    "koscom-future": (30, 4400, "provider", "https://www.signkorea.com"),
    "unknown-ca": (None, None, None, None),
    "kica-old": (30, 4400, "provider", "https://www.signgate.com"),
}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("not ok: " + message)


def expiry_day(not_after):
    instant = datetime.datetime.strptime(not_after, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    return (instant - datetime.timedelta(seconds=1)).astimezone(KST).date()


def add_year(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def expected_plan(entry, at):
    window, fee, place, url = PLANS[entry["label"]]
    not_before = datetime.datetime.strptime(entry["not_before"], "%Y-%m-%dT%H:%M:%SZ").replace(
        tzinfo=datetime.timezone.utc)
    not_after = datetime.datetime.strptime(entry["not_after"], "%Y-%m-%dT%H:%M:%SZ").replace(
        tzinfo=datetime.timezone.utc)
    last_day = expiry_day(entry["not_after"])
    opens = last_day - datetime.timedelta(days=window) if window is not None else None
    today = at.astimezone(KST).date()
    if at < not_before:
        reason = "not_yet_valid"
    elif at >= not_after:
        reason = "expired"
    elif window is None:
        reason = "unknown_provider"
    elif not entry["has_private_key"]:
        reason = "no_private_key"
    elif today < opens:
        reason = "too_early"
    else:
        reason = "eligible"
    eligible = reason == "eligible"
    return {
        "sha256": entry["sha256"],
        "eligible": eligible,
        "reason": reason,
        "window_opens": opens.isoformat() if opens else None,
        "renew_at": place,
        "fee_krw": fee,
        "payment_required": fee != 0,
        "new_not_after": add_year(last_day).isoformat() if eligible else None,
        "renewal_url": url,
    }


def run(dojang, args, env):
    return subprocess.run([dojang] + args, env=env, capture_output=True, text=True, timeout=60)


def main():
    dojang = sys.argv[1]
    source_root = os.environ["DOJANG_SOURCE_ROOT"]
    tree = tempfile.mkdtemp(prefix="dojang-renewal-cli-")
    try:
        subprocess.run([sys.executable, os.path.join(source_root, "tests", "fixtures", "make-npki-tree.py"),
                        tree, "--renewal", "--at", AT], check=True)
        with open(os.path.join(tree, "expected.json"), encoding="utf-8") as f:
            expected = json.load(f)
        env = dict(os.environ, LC_ALL="C.UTF-8")
        env.pop("DISPLAY", None)
        env.pop("LANGUAGE", None)
        root = expected["roots"][0]
        at = datetime.datetime.fromisoformat(AT)
        count = 0

        for entry in expected["certificates"]:
            if entry["label"] not in PLANS:
                continue
            want = expected_plan(entry, at)
            folder = os.path.dirname(entry["path"])
            for cert in (entry["path"], folder, entry["sha256"]):
                result = run(dojang, ["--renewal-plan", cert, "--json", "--at", AT, "--path", root], env)
                check(result.returncode == 0, "%s: exit %d: %s" % (cert, result.returncode, result.stderr))
                if result.returncode != 0:
                    continue
                lines = result.stdout.splitlines()
                check(len(lines) == 1, "%s: one line of JSON, got %r" % (entry["label"], result.stdout))
                got = json.loads(lines[0])
                check(list(got) == list(want), "%s: keys %r" % (entry["label"], list(got)))
                check(got == want, "%s (%s):\n  got      %r\n  expected %r" % (entry["label"], cert, got, want))
                count += 1

        # The day the window opens, and the day before, at midnight in Seoul.
        paid = next(e for e in expected["certificates"] if e["label"] == "kica-paid")
        opens = expiry_day(paid["not_after"]) - datetime.timedelta(days=30)
        for day, reason in ((opens, "eligible"), (opens - datetime.timedelta(days=1), "too_early")):
            result = run(dojang, ["--renewal-plan", paid["path"], "--json", "--at", day.isoformat()], env)
            got = json.loads(result.stdout) if result.returncode == 0 else {}
            check(got.get("reason") == reason, "kica-paid at %s: %r" % (day, got.get("reason")))

        # Unknown CERT: a message and exit status 1, for both options.
        for args in (["--renewal-plan", os.path.join(tree, "nothing-here"), "--json"],
                     ["--renewal-plan", "ab" * 32, "--json", "--path", root],
                     ["--renew", os.path.join(tree, "nothing-here")]):
            result = run(dojang, args, env)
            check(result.returncode == 1, "%s: exit %d, expected 1" % (args, result.returncode))
            check(result.stderr.startswith("dojang: ") and result.stdout == "",
                  "%s: message %r / output %r" % (args, result.stderr, result.stdout))
        result = run(dojang, ["--renewal-plan", paid["path"], "--at", "not-a-time"], env)
        check(result.returncode == 1, "a bad --at: exit %d" % result.returncode)

        # Without --json: the same facts for people.
        result = run(dojang, ["--renewal-plan", paid["path"], "--at", AT], env)
        check(result.returncode == 0 and "https://www.signgate.com" in result.stdout,
              "text plan: %r" % result.stdout)
    finally:
        shutil.rmtree(tree, ignore_errors=True)

    if failures:
        return 1
    print("ok: %d renewal plans" % count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
