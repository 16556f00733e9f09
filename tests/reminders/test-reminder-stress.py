#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The reminder store against crashes and against itself, on real files with
a real notification daemon (dunst) on the test's session bus.

    test-reminder-stress.py crash DOJANG KILL_PRELOAD
    test-reminder-stress.py concurrency DOJANG

crash: `--check-reminders` and `--import-reminders` are killed with SIGKILL
at chosen points (before the Nth write to the database, fsync, rename or
D-Bus message; tests/support/kill-preload.c), at least 50 of each. After
each kill a normal run follows, then: the file passes SQLite's
integrity_check, no row committed before is missing, an import is all there
or not at all, and every reminder due has been shown (Notify reached the
daemon) at least once: by its own notification or, with more than three
due, by a summary that counts all of them.

concurrency: pairs of first runs at once (two imports; a check and an
import) into a folder without a database, and pairs of checks on the same
database: both exit 0, nothing is lost and no reminder is shown twice.

Needs an X display for dunst and the session bus of tests/isolate.sh.
"""

import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

AT = "2026-11-24T23:30:00+09:00"
CRASH_TRIALS = 50
PAIRS = 10

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("not ok: " + message, flush=True)
    return condition


def wait_for(predicate, what, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise SystemExit("not ok: timed out waiting for " + what)


def entries(prefix, count, first_day):
    """Manual entries expiring one a day from first_day (a day of Nov 2026 on)."""
    start = time.mktime((2026, 11, first_day, 12, 0, 0, 0, 0, -1))
    result = []
    for i in range(count):
        day = time.strftime("%Y-%m-%d", time.localtime(start + i * 86400 * 3))
        result.append({"id": i + 1, "name": "%s%03d" % (prefix, i), "provider_id": "kica",
                       "type_name": "", "expiry_date": day})
    return {"format": "dojang-reminders", "version": 1, "manual_entries": result}


class Session:
    """dunst as the notification daemon and dbus-monitor recording Notify."""

    def __init__(self, work):
        self.env = dict(os.environ, LC_ALL="C.UTF-8", TZ="Asia/Seoul")
        self.env.pop("LANGUAGE", None)
        config = os.path.join(work, "dunstrc")
        with open(config, "w") as f:
            f.write("[global]\n    monitor = 0\n    follow = none\n    timeout = 0\n")
        self.dunst = subprocess.Popen(["dunst", "-config", config], env=self.env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: self.has_owner("org.freedesktop.Notifications"), "dunst")
        self.log_path = os.path.join(work, "monitor.log")
        self.log = open(self.log_path, "w")
        self.monitor = subprocess.Popen(
            ["dbus-monitor", "--session", "type=method_call,interface=org.freedesktop.Notifications"],
            stdout=self.log, stderr=subprocess.DEVNULL, env=self.env)
        self.offset = 0
        self.take()

    def has_owner(self, name):
        result = subprocess.run(["gdbus", "call", "--session", "-d", "org.freedesktop.DBus",
                                 "-o", "/org/freedesktop/DBus", "-m", "org.freedesktop.DBus.NameHasOwner", name],
                                env=self.env, capture_output=True, text=True, timeout=30)
        return "true" in result.stdout

    def read(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def take(self):
        """The (title, body) of the Notify calls seen since the last take()."""
        # The daemon answers in order: once our probe is in the log, so is
        # every Notify sent before it. (The first may come before
        # dbus-monitor listens: then it is sent again.)
        before = self.read().count("member=GetServerInformation")
        deadline = time.monotonic() + 30
        while self.read().count("member=GetServerInformation") <= before:
            if time.monotonic() > deadline:
                raise SystemExit("not ok: timed out waiting for dbus-monitor")
            subprocess.run(["gdbus", "call", "--session", "-d", "org.freedesktop.Notifications",
                            "-o", "/org/freedesktop/Notifications",
                            "-m", "org.freedesktop.Notifications.GetServerInformation"],
                           env=self.env, capture_output=True, timeout=30)
            for _ in range(50):
                if self.read().count("member=GetServerInformation") > before:
                    break
                time.sleep(0.02)
        # Hundreds of notifications left open would slow dunst down.
        subprocess.run(["gdbus", "call", "--session", "-d", "org.freedesktop.Notifications",
                        "-o", "/org/freedesktop/Notifications", "-m", "org.dunstproject.cmd0.NotificationCloseAll"],
                       env=self.env, capture_output=True, timeout=30)
        text = self.read()
        new, self.offset = text[self.offset:], len(text)
        notifications = []
        for block in re.split(r"^(?=method call )", new, flags=re.M):
            if "member=Notify" not in block.split("\n", 1)[0]:
                continue
            # dbus-monitor writes a string's line breaks as they are.
            strings = re.findall(r'^\s*string "(.*?)"$', block, flags=re.M | re.S)
            notifications.append((strings[2], strings[3]) if len(strings) > 3 else ("", ""))
        return notifications

    def close(self):
        self.monitor.terminate()
        self.monitor.wait()
        self.log.close()
        self.dunst.terminate()
        self.dunst.wait()


SUMMARY_TITLE = re.compile(r"^(\d+) certificates need attention$")


def shown_names(notifications, names, due=()):
    """Which entries the notifications show. A single one names its entry in
    the title ("Certificate expires in 7 days: E03"); a summary names the
    most urgent in its body and counts all: it shows `due` when it counts
    as many and names only entries of it."""
    found = []
    for title, body in notifications:
        summary = SUMMARY_TITLE.match(title)
        if summary is None:
            found += [n for n in names if title.endswith(": " + n) or (": " + n + " (") in title]
            continue
        listed = [n for n in names for line in body.split("\n") if line.startswith(n + " ")]
        if due and int(summary.group(1)) == len(due) and set(listed) <= set(due):
            found += sorted(due)
        else:
            found += listed
    return found


def sent_names(path):
    return set(r[0] for r in query(path, "SELECT m.name FROM reminders r JOIN manual_entries m"
                                         " ON m.id = r.manual_entry_id WHERE r.state = 'sent'"))


def reference_due(session, path, names):
    """What a check on a copy just recorded as sent, once its notifications
    showed exactly that."""
    due = sent_names(path)
    shown = shown_names(session.take(), names, due)
    check(sorted(shown) == sorted(due), "the reference check showed %r and recorded %r" % (shown, sorted(due)))
    return due


def data_home(work, name):
    folder = os.path.join(work, name)
    os.makedirs(os.path.join(folder, "dojang"), exist_ok=True)
    return folder


def db_path(home):
    return os.path.join(home, "dojang", "dojang.db")


def run(session, dojang, home, args, extra_env=None, wait=True):
    env = dict(session.env, XDG_DATA_HOME=home, DOJANG_NOW=AT)
    env.update(extra_env or {})
    process = subprocess.Popen([dojang] + args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if not wait:
        return process
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def check_args(work):
    empty = os.path.join(work, "empty")
    os.makedirs(empty, exist_ok=True)
    return ["--check-reminders", "--path", empty]


def query(path, sql):
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def integrity(path):
    return query(path, "PRAGMA integrity_check")[0][0]


def copy_db(source_home, target_home):
    for name in os.listdir(os.path.join(source_home, "dojang")):
        shutil.copy2(os.path.join(source_home, "dojang", name), os.path.join(target_home, "dojang", name))


def write_json(work, name, data):
    path = os.path.join(work, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)
    return path


def count_changes(session, dojang, preload, work, home, args):
    count_file = os.path.join(work, "count")
    rc, out, err = run(session, dojang, home, args,
                       {"LD_PRELOAD": preload, "DOJANG_TEST_KILL_WIDE": "1", "DOJANG_TEST_KILL_COUNT_FILE": count_file})
    check(rc == 0, "reference run %r exited %d: %s" % (args[0], rc, err))
    with open(count_file) as f:
        return int(f.read())


def kill_points(total, trials, rng):
    """trials points in 1..total, spread over the whole run."""
    points = [1 + (i * total) // trials for i in range(trials)]
    return sorted(set(min(total, p + rng.randrange(max(1, total // trials))) for p in points) | {1, total})


def crash_checks(session, dojang, preload, work, rng, prefix, count, first_day, at_least_due):
    """Kills of a check with `count` entries expiring every three days from
    `first_day`: at least `at_least_due` due, shown in one summary when there
    are more than three, one notification each otherwise."""
    base = data_home(work, "base-" + prefix)
    names = ["%s%03d" % (prefix, i) for i in range(count)]
    rc, _, err = run(session, dojang, base, ["--import-reminders",
                                             write_json(work, prefix + ".json", entries(prefix, count, first_day))])
    check(rc == 0, "base import exited %d: %s" % (rc, err))
    rows = query(db_path(base), "SELECT count (*) FROM reminders")[0][0]

    reference = data_home(work, "reference-check-" + prefix)
    copy_db(base, reference)
    session.take()
    total = count_changes(session, dojang, preload, work, reference, check_args(work))
    due = reference_due(session, db_path(reference), names)
    check(len(due) >= at_least_due, "the reference check showed only %d reminders" % len(due))

    points = kill_points(total, CRASH_TRIALS, rng)
    killed = 0
    for trial, point in enumerate(points):
        home = data_home(work, "check-%s-%d" % (prefix, trial))
        copy_db(base, home)
        rc, _, err = run(session, dojang, home, check_args(work),
                         {"LD_PRELOAD": preload, "DOJANG_TEST_KILL_WIDE": "1", "DOJANG_TEST_KILL_AT": str(point)})
        killed += rc == -9
        check(rc in (0, -9), "check killed at %d/%d exited %d: %s" % (point, total, rc, err))
        rc, _, err = run(session, dojang, home, check_args(work))
        check(rc == 0, "check after a kill at %d/%d exited %d: %s" % (point, total, rc, err))
        shown = set(shown_names(session.take(), names, due))
        path = db_path(home)
        check(integrity(path) == "ok", "check killed at %d: integrity_check says %s" % (point, integrity(path)))
        check(query(path, "SELECT count (*) FROM reminders")[0][0] == rows,
              "check killed at %d: reminders lost" % point)
        check(query(path, "SELECT count (*) FROM manual_entries")[0][0] == count,
              "check killed at %d: manual entries lost" % point)
        check(due <= shown, "check killed at %d/%d: never shown: %s" % (point, total, sorted(due - shown)))
        shutil.rmtree(home)
    print("ok: %d kills of --check-reminders with %d due over %d points (%d changes in a run)"
          % (killed, len(due), len(points), total), flush=True)
    return killed


def crash_imports(session, dojang, preload, work, rng):
    base = data_home(work, "base-import")
    first = write_json(work, "a.json", entries("A", 20, 1))
    # Large enough for more than CRASH_TRIALS changes in one import.
    second = write_json(work, "b.json", entries("B", 150, 2))
    names = ["A%03d" % i for i in range(20)] + ["B%03d" % i for i in range(150)]
    rc, _, err = run(session, dojang, base, ["--import-reminders", first])
    check(rc == 0, "base import exited %d: %s" % (rc, err))

    # What a check shows without the import, and after it.
    due = {}
    for imported in (False, True):
        reference = data_home(work, "reference-import-%d" % imported)
        copy_db(base, reference)
        if imported:
            total = count_changes(session, dojang, preload, work, reference, ["--import-reminders", second])
        session.take()
        rc, _, err = run(session, dojang, reference, check_args(work))
        due[imported] = reference_due(session, db_path(reference), names)
    check(len(due[False]) >= 5 and len(due[True]) > len(due[False]),
          "the reference checks showed %r" % due)

    points = kill_points(total, CRASH_TRIALS, rng)
    killed = 0
    for trial, point in enumerate(points):
        home = data_home(work, "import-%d" % trial)
        copy_db(base, home)
        path = db_path(home)
        rc, _, err = run(session, dojang, home, ["--import-reminders", second],
                         {"LD_PRELOAD": preload, "DOJANG_TEST_KILL_WIDE": "1", "DOJANG_TEST_KILL_AT": str(point)})
        killed += rc == -9
        check(rc in (0, -9), "import killed at %d/%d exited %d: %s" % (point, total, rc, err))
        # The store opens the file first: a kill must not have left damage.
        rc, _, err = run(session, dojang, home, check_args(work))
        check(rc == 0 and "kept as" not in err, "check after an import killed at %d: %d %s" % (point, rc, err))
        check(integrity(path) == "ok", "import killed at %d: integrity_check says %s" % (point, integrity(path)))
        a = query(path, "SELECT count (*) FROM manual_entries WHERE name LIKE 'A%'")[0][0]
        b = query(path, "SELECT count (*) FROM manual_entries WHERE name LIKE 'B%'")[0][0]
        check(a == 20, "import killed at %d: %d of 20 committed entries left" % (point, a))
        check(b in (0, 150), "import killed at %d: %d of 150 entries imported (all or nothing)" % (point, b))
        expected = due[b == 150]
        shown = set(shown_names(session.take(), names, expected))
        check(expected <= shown, "import killed at %d/%d: never shown: %s" % (point, total, sorted(expected - shown)))
        shutil.rmtree(home)
    print("ok: %d kills of --import-reminders over %d points (%d changes in a run)" % (killed, len(points), total),
          flush=True)
    return killed


def crash(session, dojang, preload, work):
    seed = int(os.environ.get("DOJANG_TEST_SEED", str(int(time.time()))))
    print("# seed %d (DOJANG_TEST_SEED to repeat)" % seed, flush=True)
    rng = random.Random(seed)
    # Many due (one summary), then three (one notification each).
    killed = crash_checks(session, dojang, preload, work, rng, "E", 40, 1, 10)
    killed += crash_checks(session, dojang, preload, work, rng, "S", 3, 20, 3)
    check(killed >= CRASH_TRIALS, "only %d checks were killed" % killed)
    killed = crash_imports(session, dojang, preload, work, rng)
    check(killed >= CRASH_TRIALS, "only %d imports were killed" % killed)


def pair(session, dojang, home, first_args, second_args):
    one = run(session, dojang, home, first_args, wait=False)
    two = run(session, dojang, home, second_args, wait=False)
    results = []
    for process in (one, two):
        out, err = process.communicate(timeout=120)
        results.append((process.returncode, out, err))
    return results


def concurrency(session, dojang, work):
    a = write_json(work, "a.json", entries("A", 15, 1))
    b = write_json(work, "b.json", entries("B", 15, 2))
    names = ["A%03d" % i for i in range(15)] + ["B%03d" % i for i in range(15)]

    for trial in range(PAIRS):
        home = data_home(work, "imports-%d" % trial)
        for rc, _, err in pair(session, dojang, home, ["--import-reminders", a], ["--import-reminders", b]):
            check(rc == 0, "two first imports at once: one exited %d: %s" % (rc, err))
        path = db_path(home)
        check(integrity(path) == "ok", "two first imports: integrity_check says %s" % integrity(path))
        count = query(path, "SELECT count (*) FROM manual_entries")[0][0]
        check(count == 30, "two first imports at once: %d of 30 entries" % count)

        home = data_home(work, "check-import-%d" % trial)
        for rc, _, err in pair(session, dojang, home, check_args(work), ["--import-reminders", a]):
            check(rc == 0, "a first check and import at once: one exited %d: %s" % (rc, err))
        count = query(db_path(home), "SELECT count (*) FROM manual_entries")[0][0]
        check(count == 15, "a first check and import at once: %d of 15 entries" % count)
        session.take()

    base = data_home(work, "base")
    run(session, dojang, base, ["--import-reminders", a])
    run(session, dojang, base, ["--import-reminders", b])
    reference = data_home(work, "reference")
    copy_db(base, reference)
    session.take()
    run(session, dojang, reference, check_args(work))
    due = reference_due(session, db_path(reference), names)
    check(len(due) >= 10, "the reference check showed %r" % due)

    for trial in range(PAIRS):
        home = data_home(work, "checks-%d" % trial)
        copy_db(base, home)
        for rc, out, err in pair(session, dojang, home, check_args(work), check_args(work)):
            check(rc == 0, "two checks at once: one exited %d: %s" % (rc, err))
        shown = shown_names(session.take(), names, due)
        duplicates = sorted(set(n for n in shown if shown.count(n) > 1))
        check(not duplicates, "two checks at once showed twice: %s" % duplicates)
        check(set(due) <= set(shown), "two checks at once never showed: %s" % sorted(set(due) - set(shown)))
    print("ok: %d pairs of first runs and %d pairs of checks" % (2 * PAIRS, PAIRS), flush=True)


def main():
    mode, dojang = sys.argv[1], os.path.abspath(sys.argv[2])
    if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("not ok: needs the display and session bus of tests/isolate.sh")
        return 1
    for tool in ("dunst", "dbus-monitor", "gdbus"):
        if shutil.which(tool) is None:
            print("not ok: %s is not installed" % tool)
            return 1

    work = tempfile.mkdtemp(prefix="dojang-stress-")
    session = Session(work)
    try:
        if mode == "crash":
            crash(session, dojang, os.path.abspath(sys.argv[3]), work)
        else:
            concurrency(session, dojang, work)
    finally:
        session.close()
        shutil.rmtree(work, ignore_errors=True)

    if failures:
        print("not ok: %d failures" % len(failures))
        return 1
    print("ok: reminder store %s" % mode)
    return 0


if __name__ == "__main__":
    sys.exit(main())
