#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The reminder commands as users run them, timed as whole processes.

    bench-reminder-cli.py DOJANG

  check, ordinary day   `--check-reminders` on 100,000 reminder rows (20,000
                        manual entries × 5 lead times), checked yesterday
  check, year off       the same, last checked a year ago: tens of thousands
                        of reminders passed over at once, a few shown
  import N              `--import-reminders` of N manual entries into an
                        empty database, N = 10,000 / 20,000 / 50,000

Budgets: 100 ms per check, 2 s for 50,000 entries. Each figure is the median
of interleaved runs (min–max beside it), each run on a fresh copy of the
same file. Runs inside a session bus with dunst as notification daemon
(started here); needs an X display (run-bench.sh provides one). Exits 1 when
a figure is over its budget.
"""

import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

NOW = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))
ROUNDS = 5
CHECK_BUDGET_MS = 100.0
IMPORT_BUDGET_MS = 2000.0


def iso(instant):
    return instant.isoformat()


def entries(count, expiry_of):
    return {"format": "dojang-reminders", "version": 1,
            "manual_entries": [{"id": i + 1, "name": "항목 %05d" % i, "provider_id": "kica", "type_name": "",
                                "expiry_date": expiry_of(i).strftime("%Y-%m-%d")} for i in range(count)]}


def check_entries():
    """20,000 entries: ten expire within the next 60 days (shown); half of the
    others expired during the last year, more than a week ago (all their
    reminders fell due in that year, none is shown now), the rest expire
    after the longest lead time. A year ago, none was due."""
    def expiry(i):
        if i < 10:
            return NOW + datetime.timedelta(days=1 + 5 * i)
        if i % 2:
            return NOW - datetime.timedelta(days=8 + i % 290)
        return NOW + datetime.timedelta(days=61 + i % 700)
    return entries(20000, expiry)


def has_owner(env, name):
    result = subprocess.run(["gdbus", "call", "--session", "-d", "org.freedesktop.DBus", "-o", "/org/freedesktop/DBus",
                             "-m", "org.freedesktop.DBus.NameHasOwner", name],
                            env=env, capture_output=True, text=True, timeout=30)
    return "true" in result.stdout


def run(dojang, env, home, args, at):
    started = time.monotonic()
    result = subprocess.run([dojang] + args, env=dict(env, XDG_DATA_HOME=home, DOJANG_NOW=iso(at)),
                            capture_output=True, text=True, timeout=600)
    elapsed = (time.monotonic() - started) * 1000.0
    if result.returncode != 0:
        raise SystemExit("bench-reminder-cli: %s failed (%d): %s" % (args[0], result.returncode, result.stderr))
    return elapsed


def prepare(dojang, env, work, name, json_path, imported_at, checked_at):
    home = os.path.join(work, name)
    os.makedirs(home)
    run(dojang, env, home, ["--import-reminders", json_path], imported_at)
    run(dojang, env, home, ["--check-reminders", "--path", os.path.join(work, "empty")], checked_at)
    return home


def fresh_copy(source, work, name):
    target = os.path.join(work, name)
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    return target


def main():
    dojang = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="bench-reminder-cli-")
    env = dict(os.environ, LC_ALL="C.UTF-8", GSETTINGS_BACKEND="memory")
    env.pop("LANGUAGE", None)
    config = os.path.join(work, "dunstrc")
    with open(config, "w") as f:
        f.write("[global]\n    monitor = 0\n    follow = none\n    timeout = 0\n")
    dunst = subprocess.Popen(["dunst", "-config", config], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not has_owner(env, "org.freedesktop.Notifications"):
            if time.monotonic() > deadline:
                raise SystemExit("bench-reminder-cli: dunst did not start")
            time.sleep(0.05)
        os.makedirs(os.path.join(work, "empty"))
        checks = os.path.join(work, "checks.json")
        with open(checks, "w") as f:
            json.dump(check_entries(), f)
        imports = {}
        for n in (10000, 20000, 50000):
            imports[n] = os.path.join(work, "import-%d.json" % n)
            with open(imports[n], "w") as f:
                json.dump(entries(n, lambda i: NOW + datetime.timedelta(days=30 + i % 700)), f)

        day_before = NOW - datetime.timedelta(days=1)
        year_ago = NOW - datetime.timedelta(days=365)
        daily = prepare(dojang, env, work, "daily", checks, day_before, day_before)
        year_off = prepare(dojang, env, work, "year-off", checks, year_ago, year_ago)
        empty_db = os.path.join(work, "empty-db")
        os.makedirs(empty_db)

        times = {name: [] for name in ("daily", "year-off", 10000, 20000, 50000)}
        check_args = ["--check-reminders", "--path", os.path.join(work, "empty")]
        for _ in range(ROUNDS):
            times["daily"].append(run(dojang, env, fresh_copy(daily, work, "run"), check_args, NOW))
            times["year-off"].append(run(dojang, env, fresh_copy(year_off, work, "run"), check_args, NOW))
            for n in (10000, 20000, 50000):
                times[n].append(run(dojang, env, fresh_copy(empty_db, work, "run"),
                                    ["--import-reminders", imports[n]], NOW))
    finally:
        dunst.terminate()
        dunst.wait()
        shutil.rmtree(work, ignore_errors=True)

    over = False
    print("bench-reminder-cli: %-28s %9s %17s %9s" % ("", "median", "min-max", "budget"))
    rows = [("check, ordinary day (100k)", "daily", CHECK_BUDGET_MS),
            ("check, year off (100k)", "year-off", CHECK_BUDGET_MS),
            ("import 10,000 entries", 10000, None),
            ("import 20,000 entries", 20000, None),
            ("import 50,000 entries", 50000, IMPORT_BUDGET_MS)]
    for label, key, budget in rows:
        median = statistics.median(times[key])
        verdict = ""
        if budget is not None:
            verdict = "%6.0f ms %s" % (budget, "ok" if median <= budget else "OVER")
            over = over or median > budget
        print("bench-reminder-cli: %-28s %6.0f ms %7.0f-%-6.0f ms %s"
              % (label, median, min(times[key]), max(times[key]), verdict))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
