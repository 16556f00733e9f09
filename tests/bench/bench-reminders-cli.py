#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How the reminder commands grow with the size of the reminder store.

    bench-reminders-cli.py            (run by tests/bench/run-bench.sh)

Times the real commands as processes, as users and the login check run them:
  import  `dojang --import-reminders` of 5,000 and 50,000 manual entries
          into an empty store;
  check   `dojang --check-reminders` over 10,000 and 100,000 reminder rows
          (2,000 and 20,000 manual entries × the five default lead times,
          expiries spread over two years), on an ordinary day (the store
          was checked the day before), after a year without a check, and
          on a quiet day (checked an hour before: nothing new is due).
Every run starts from a copy of the same store, so that each one does the
same work; the sizes are interleaved. Budgets: the import of 50,000 entries
≤ 2 s (issue "Reliability", item 8), the whole check ≤ 100 ms at 100,000
rows on every day (issue "Performance", item 4), and "linear or better": a
row (an entry) may cost at most 1.5 times as much in the large case as in
the small one.

Each figure is the wall-clock time of the process; a ".cpu" figure beside
it is the processor time the process used (user and system), which the
notification server's own pace does not change. With BENCH_BASELINE set,
that build runs in the same interleaved rounds, from stores it made itself,
and its figures are reported under "reminders-cli.baseline." without budgets.
"""

import datetime
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

AT = datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))
LEAD_TIMES = 5
IMPORT_SIZES = [5000, 50000]
IMPORT_BUDGET_MS = {50000: 2000.0}
CHECK_ROWS = [10000, 100000]
CHECK_BUDGET_MS = 100.0
GROWTH_BUDGET = 1.5
# Checked the day before, a year before, or an hour before (a quiet check:
# nothing new is due, as on most logins).
DAYS = {"daily": datetime.timedelta(days=1), "year-off": datetime.timedelta(days=365),
        "quiet": datetime.timedelta(hours=1)}


def iso(instant):
    return instant.isoformat(timespec="seconds")


def write_entries(path, count):
    """A dojang-reminders export holding `count` manual entries."""
    entries = [{"id": i + 1,
                "name": f"사용자{i}",
                "provider_id": "yessign",
                "type_name": "범용",
                "expiry_date": (AT.date() + datetime.timedelta(days=i % 730)).isoformat()}
               for i in range(count)]
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"format": "dojang-reminders", "version": 1, "exported_at": iso(AT),
                   "certificates": [], "manual_entries": entries, "reminders": []}, out, ensure_ascii=False)


def store_env(base_env, home):
    return dict(base_env, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
                XDG_CONFIG_HOME=os.path.join(home, "config"), XDG_CACHE_HOME=os.path.join(home, "cache"))


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_timed(argv, env):
    """(wall-clock ms, processor ms) of one run of the command."""
    cpu_before = children_cpu_seconds()
    start = time.monotonic()
    proc = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = (time.monotonic() - start) * 1000.0
    cpu = (children_cpu_seconds() - cpu_before) * 1000.0
    if proc.returncode != 0:
        raise SystemExit(f"bench-reminders-cli: {' '.join(argv[1:3])} failed ({proc.returncode}): {proc.stderr}")
    return elapsed, cpu


def count_rows(home):
    with sqlite3.connect(os.path.join(home, "data", "dojang", "dojang.db")) as db:
        return db.execute("SELECT COUNT(*) FROM reminders").fetchone()[0]


def fresh_home(scratch, name, pristine=None):
    home = os.path.join(scratch, name)
    shutil.rmtree(home, ignore_errors=True)
    if pristine is None:
        os.makedirs(home)
    else:
        shutil.copytree(pristine, home)
    return home


def bench_line(name, unit, budget, values, value=None):
    median = statistics.median(values)
    value = median if value is None else value
    budget_text = "-" if budget is None else f"{budget:g}"
    print(f"BENCH name={name} value={value:.3f} unit={unit} budget={budget_text} runs={len(values)} "
          f"min={min(values):.3f} median={median:.3f} max={max(values):.3f}", flush=True)


def growth_line(name, small, large, small_times, large_times, with_budget=True):
    per_round = [(b / large) / (a / small) for a, b in zip(small_times, large_times)]
    growth = (statistics.median(large_times) / large) / (statistics.median(small_times) / small)
    bench_line(name, "x", GROWTH_BUDGET if with_budget else None, per_round, growth)


def main():
    dojang = os.environ.get("BENCH_DOJANG") or os.path.join(os.environ["DOJANG_BUILD_ROOT"], "src", "dojang")
    builds = {"": dojang}
    if os.environ.get("BENCH_BASELINE"):
        builds["baseline."] = os.environ["BENCH_BASELINE"]
    runs = int(os.environ.get("BENCH_RUNS", "7"))
    scratch = os.path.join(os.environ.get("DOJANG_TEST_SCRATCH") or os.environ["TMPDIR"], "reminders-cli")
    os.makedirs(scratch, exist_ok=True)
    base_env = dict(os.environ, LC_ALL="C.UTF-8")
    base_env.pop("DOJANG_NOW", None)
    no_certificates = os.path.join(scratch, "no-certificates")
    os.makedirs(no_certificates, exist_ok=True)

    files = {}
    for size in sorted(set(IMPORT_SIZES + [rows // LEAD_TIMES for rows in CHECK_ROWS])):
        files[size] = os.path.join(scratch, f"entries-{size}.json")
        write_entries(files[size], size)

    # import: each run into an empty store.
    def import_once(binary, size):
        home = fresh_home(scratch, "import")
        return run_timed([binary, "--import-reminders", files[size], "--at", iso(AT)], store_env(base_env, home))

    for binary in builds.values():
        for size in IMPORT_SIZES:
            import_once(binary, size)
    import_times = {(build, size): [] for build in builds for size in IMPORT_SIZES}
    for _ in range(runs):
        for size in IMPORT_SIZES:
            for build, binary in builds.items():
                import_times[build, size].append(import_once(binary, size))

    # check: a pristine store per build, size and day, imported and checked
    # once on the day before the measured check (or a year before it).
    pristine = {}
    for build, binary in builds.items():
        for rows in CHECK_ROWS:
            for day, before in DAYS.items():
                home = fresh_home(scratch, f"pristine-{build}{rows}-{day}")
                env = store_env(base_env, home)
                last = iso(AT - before)
                run_timed([binary, "--import-reminders", files[rows // LEAD_TIMES], "--at", last], env)
                run_timed([binary, "--check-reminders", "--path", no_certificates, "--at", last], env)
                found = count_rows(home)
                if found != rows:
                    raise SystemExit(f"bench-reminders-cli: the store holds {found} reminder rows, not {rows}")
                pristine[build, rows, day] = home

    def check_once(build, rows, day):
        home = fresh_home(scratch, "check", pristine[build, rows, day])
        return run_timed([builds[build], "--check-reminders", "--path", no_certificates, "--at", iso(AT)],
                         store_env(base_env, home))

    check_times = {key: [] for key in pristine}
    for _ in range(runs):
        for rows in CHECK_ROWS:
            for day in DAYS:
                for build in builds:
                    check_times[build, rows, day].append(check_once(build, rows, day))

    def report(name, budget, timed):
        bench_line(name, "ms", budget, [wall for wall, _ in timed])
        bench_line(name + ".cpu", "ms", None, [cpu for _, cpu in timed])

    for build in builds:
        measured = build == ""
        for size in IMPORT_SIZES:
            report(f"reminders-cli.{build}import.{size}-entries",
                   IMPORT_BUDGET_MS.get(size) if measured else None, import_times[build, size])
        small, large = IMPORT_SIZES
        growth_line(f"reminders-cli.{build}import.per-entry-growth", small, large,
                    [wall for wall, _ in import_times[build, small]],
                    [wall for wall, _ in import_times[build, large]], measured)
        for day in DAYS:
            for rows in CHECK_ROWS:
                budget = CHECK_BUDGET_MS if rows == max(CHECK_ROWS) and measured else None
                report(f"reminders-cli.{build}check.{rows}-rows.{day}", budget, check_times[build, rows, day])
            small, large = CHECK_ROWS
            growth_line(f"reminders-cli.{build}check.{day}.per-row-growth", small, large,
                        [wall for wall, _ in check_times[build, small, day]],
                        [wall for wall, _ in check_times[build, large, day]], measured)
    return 0


def with_notification_daemon(function):
    """A check records a reminder as sent only once a notification server has
    answered: dunst serves, on the bench's display and session bus. With more
    than three due a check sends one summary notification, so every check
    here sends one (140 reminders due on the ordinary day at 100,000 rows,
    1,700 after a year off). A baseline build from before the summary sends
    one per reminder: for it, dunst shows three bubbles at a time and queues
    the rest, as a desktop does; with no limit it lays out every bubble still
    on screen again for each new one, and after a year off answered one every
    0.1 s, which timed dunst, not Dojang."""
    config = os.path.join(os.environ.get("DOJANG_TEST_SCRATCH") or os.environ["TMPDIR"], "dunstrc")
    with open(config, "w") as f:
        f.write("[global]\n    monitor = 0\n    follow = none\n    timeout = 1\n    notification_limit = 3\n")
    dunst = subprocess.Popen(["dunst", "-config", config], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while "true" not in subprocess.run(
                ["gdbus", "call", "--session", "-d", "org.freedesktop.DBus", "-o", "/org/freedesktop/DBus",
                 "-m", "org.freedesktop.DBus.NameHasOwner", "org.freedesktop.Notifications"],
                capture_output=True, text=True).stdout:
            if time.monotonic() > deadline:
                raise SystemExit("bench-reminders-cli: dunst did not start")
            time.sleep(0.05)
        return function()
    finally:
        dunst.terminate()
        dunst.wait()


if __name__ == "__main__":
    sys.exit(with_notification_daemon(main))
