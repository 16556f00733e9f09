#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`dojang --check-reminders` talks to a real notification daemon.

    test-notifications.py DOJANG

Runs itself again under its own `dbus-run-session` with dunst as the
notification server and `dbus-monitor` recording every call to
org.freedesktop.Notifications. Checks that a check sends exactly the expected
Notify calls (summary, body, actions), withdraws nothing, and that a second
run sends nothing. First with manual entries imported from JSON, then with
certificates of a generated NPKI tree (three due, then one more). More than
three due at once are shown as one summary notification (five, then sixty);
when the notification daemon goes away before answering it, nothing is
recorded and the next check shows them again. Last, a notification button
pressed while Dojang is closed: the action reaches a D-Bus-activated
instance (the session finds the app through its D-Bus service file) and
snoozes the reminder. Needs an X display (dunst draws on it) and the private session
bus configuration of tests/isolate.sh; without them it fails.

"Now" is late in the evening in Seoul and the machine is in Los Angeles:
the days and dates in the notifications are Korean calendar days, the same
as `--list-certificates` prints for the same certificates.
"""

import datetime
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

AT = "2026-11-24T23:30:00+09:00"
KST = datetime.timezone(datetime.timedelta(hours=9))

failures = []


def english_date(day):
    """"Sun, 6 Dec 2026": how the app writes a date in English."""
    return "%s, %d %s %d" % (("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[day.weekday()], day.day,
                             ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[day.month - 1],
                             day.year)


def check(condition, message):
    if not condition:
        failures.append(message)
        print("not ok: " + message)


def run(args, env, **kwargs):
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=60, **kwargs)


def name_has_owner(name, env):
    result = run(["gdbus", "call", "--session", "-d", "org.freedesktop.DBus", "-o", "/org/freedesktop/DBus",
                  "-m", "org.freedesktop.DBus.NameHasOwner", name], env)
    return "true" in result.stdout


def wait_for(predicate, what, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise SystemExit("timed out waiting for " + what)


class Monitor:
    """dbus-monitor on the Notifications interface, read incrementally."""

    def __init__(self, log_path, env):
        self.log_path = log_path
        self.env = env
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(
            ["dbus-monitor", "--session", "type=method_call,interface=org.freedesktop.Notifications"],
            stdout=self.log, stderr=subprocess.DEVNULL, env=env)
        self.offset = 0
        # A call of our own shows the monitor is attached.
        wait_for(self.probe, "dbus-monitor")
        self.take()

    def probe(self):
        run(["gdbus", "call", "--session", "-d", "org.freedesktop.Notifications",
             "-o", "/org/freedesktop/Notifications",
             "-m", "org.freedesktop.Notifications.GetServerInformation"], self.env)
        with open(self.log_path, encoding="utf-8") as f:
            return "member=GetServerInformation" in f.read()

    def take(self):
        """The calls logged since the last take(), as (member, values) pairs."""
        time.sleep(0.3)
        with open(self.log_path, encoding="utf-8") as f:
            text = f.read()
        new, self.offset = text[self.offset:], len(text)
        return parse_calls(new)

    def stop(self):
        self.process.terminate()
        self.process.wait()
        self.log.close()


def parse_calls(text):
    calls = []
    for block in re.split(r"^(?=method call )", text, flags=re.M):
        header = re.match(r"method call .*member=(\w+)", block)
        if not header:
            continue
        top, actions, depth, in_first_array = [], [], 0, False
        lines = iter(block.splitlines()[1:])
        for line in lines:
            stripped = line.strip()
            # dbus-monitor writes a string's line breaks as they are.
            while stripped.startswith("string \"") and not stripped.endswith("\""):
                stripped += "\n" + next(lines)
            if stripped.startswith("array ["):
                depth += 1
                in_first_array = depth == 1 and not actions and len(top) == 4
                continue
            if stripped == "]":
                depth -= 1
                in_first_array = False
                continue
            if depth == 0 and stripped.startswith("string \""):
                top.append(stripped[len("string \""):-1])
            elif in_first_array and stripped.startswith("string \""):
                actions.append(stripped[len("string \""):-1])
        calls.append((header.group(1), top, actions))
    return calls


def notify_calls(calls):
    return [(top[2], top[3], actions) for member, top, actions in calls if member == "Notify"]


def reminder_id(db_path, name):
    """The id of the reminder just sent for a manual entry or certificate holder."""
    with sqlite3.connect(db_path) as db:
        row = db.execute(
            "SELECT r.id FROM reminders r"
            " LEFT JOIN manual_entries m ON m.id = r.manual_entry_id"
            " LEFT JOIN certificates c ON c.id = r.certificate_id"
            " WHERE r.state = 'sent' AND coalesce (m.name, c.name) = ?", (name,)).fetchall()
    return [r[0] for r in row]


def expiry_day(not_after_utc):
    """The Korean calendar day a certificate is valid through."""
    last = not_after_utc - datetime.timedelta(seconds=1)
    return last.astimezone(KST).date()


def days_left(at, not_after_utc):
    return (expiry_day(not_after_utc) - at.astimezone(KST).date()).days


def expected_title(name, detail, days, expired):
    who = "%s (%s)" % (name, detail) if detail else name
    if expired:
        return "Certificate expired: " + who
    if days == 0:
        return "Certificate expires today: " + who
    return "Certificate expires in %d day%s: %s" % (days, "" if days == 1 else "s", who)


def summary_line(output):
    lines = [l for l in output.splitlines() if l.strip()]
    return lines[-1] if lines else ""


def manual_scenario(dojang, env, monitor, work, db_path):
    entries = {
        "format": "dojang-reminders", "version": 1,
        "manual_entries": [
            {"id": 1, "name": "엄마 휴대폰", "provider_id": "yessign", "type_name": "은행용",
             "expiry_date": "2026-12-01"},
            {"id": 2, "name": "회사 USB", "provider_id": "other", "expiry_date": "2026-11-24"},
            {"id": 3, "name": "나중에", "provider_id": "kica", "expiry_date": "2027-06-01"},
            {"id": 4, "name": "오래전", "provider_id": "kica", "expiry_date": "2025-01-01"},
        ],
    }
    path = os.path.join(work, "entries.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(entries, f, ensure_ascii=False)

    result = run([dojang, "--import-reminders", path, "--at", AT], env)
    check(result.returncode == 0, "import exited with %d: %s" % (result.returncode, result.stderr))

    result = run([dojang, "--check-reminders", "--at", AT, "--path", os.path.join(work, "empty")], env)
    check(result.returncode == 0, "check exited with %d: %s" % (result.returncode, result.stderr))
    check(summary_line(result.stdout) == "4 certificates, 2 reminders sent, next on Mon, 30 Nov 2026",
          "manual summary was %r" % result.stdout)

    calls = monitor.take()
    got = sorted(notify_calls(calls))
    mom = reminder_id(db_path, "엄마 휴대폰")
    usb = reminder_id(db_path, "회사 USB")
    check(len(mom) == 1 and len(usb) == 1, "sent reminders in the store: %r %r" % (mom, usb))
    expected = sorted([
        ("Certificate expires in 7 days: 엄마 휴대폰 (KFTC 은행용)",
         "Valid until Tue, 1 Dec 2026. Renew it before then: once it has expired, it can only be issued anew.",
         ["default", "", "app.show-reminders", "Open Reminders", "app.show-provider::yessign",
          "Call Provider", "app.snooze-reminder(int64 %d)" % mom[0], "Remind Me Tomorrow"]),
        ("Certificate expires today: 회사 USB",
         "Valid until Tue, 24 Nov 2026. Renew it before then: once it has expired, it can only be issued anew.",
         ["default", "", "app.show-reminders", "Open Reminders",
          "app.snooze-reminder(int64 %d)" % usb[0], "Remind Me Tomorrow"]),
    ]) if mom and usb else []
    check(got == expected, "manual Notify calls:\n  got      %r\n  expected %r" % (got, expected))
    check(not any(member == "CloseNotification" for member, _, _ in calls), "a notification was withdrawn")

    result = run([dojang, "--check-reminders", "--at", AT, "--path", os.path.join(work, "empty")], env)
    check(result.returncode == 0, "second check exited with %d" % result.returncode)
    check(summary_line(result.stdout) == "4 certificates, 0 reminders sent, next on Mon, 30 Nov 2026",
          "second manual summary was %r" % result.stdout)
    again = monitor.take()
    check(notify_calls(again) == [], "the second run notified again: %r" % notify_calls(again))


def npki_scenario(dojang, env, monitor, work, db_path, source_root):
    tree = os.path.join(work, "tree")
    subprocess.run([sys.executable, os.path.join(source_root, "tests", "fixtures", "make-npki-tree.py"),
                    tree, "--at", AT], check=True)
    with open(os.path.join(tree, "expected.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    with open(os.path.join(source_root, "data", "providers.json"), encoding="utf-8") as f:
        providers = json.load(f)["providers"]
    # The one English name of each CA, as every page shows it; not the brand.
    names = {p["id"]: p["name"]["en"] for p in providers}
    # Types renewed at the holder's bank, not on the CA's site.
    bank_oids = {oid for p in providers for t in p["certificate_types"]
                 if t.get("renewal_at") == "bank" for oid in t.get("policy_oids", [])}
    paths = []
    for root in manifest["roots"]:
        paths += ["--path", root]
    home_root = manifest["roots"][0]

    listed = run([dojang, "--list-certificates", "--json", "--at", AT] + paths, env)
    listed = {c["sha256"]: c for c in json.loads(listed.stdout)["certificates"]}
    types = {sha256: c["type"] for sha256, c in listed.items()}

    at = datetime.datetime.fromisoformat(AT)
    expected = []
    for cert in manifest["certificates"]:
        if cert["status"] not in ("expiring", "expired"):
            continue
        not_after = datetime.datetime.strptime(cert["not_after"], "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=datetime.timezone.utc)
        expired = cert["status"] == "expired"
        title = expected_title(cert["name"], "%s %s" % (names[cert["ca"]], types[cert["sha256"]]),
                               days_left(at, not_after), expired)
        day = expiry_day(not_after).isoformat()
        # The command shows the D-N and the date the notification says.
        check(listed[cert["sha256"]]["days_left"] == days_left(at, not_after)
              and listed[cert["sha256"]]["expiry_date"] == day,
              "%s: --list-certificates says D-N %r until %r, the notification %r until %r"
              % (cert["name"], listed[cert["sha256"]]["days_left"], listed[cert["sha256"]]["expiry_date"],
                 days_left(at, not_after), day))
        shown = english_date(expiry_day(not_after))
        at_bank = cert["policy_oid"] in bank_oids
        if expired and at_bank:
            body = ("It expired on %s. An expired certificate cannot be renewed: apply for a new one "
                    "at your bank\u2019s certificate centre (\uc778\uc99d\uc13c\ud130)." % shown)
        elif expired:
            body = ("It expired on %s. An expired certificate cannot be renewed: the certificate "
                    "authority has to issue a new one." % shown)
        elif at_bank:
            body = ("Valid until %s. Renew it before then at your own bank: in its internet banking or app, "
                    "open the certificate centre (\uc778\uc99d\uc13c\ud130)." % shown)
        else:
            body = "Valid until %s. Renew it before then: once it has expired, it can only be issued anew." % shown
        in_home = cert["path"].startswith(home_root + os.sep)
        expected.append((cert["name"], title, body, cert["sha256"], cert["ca"], at_bank, in_home))

    check(len(expected) == 4 and sum(e[6] for e in expected) == 3,
          "the fixture should have 2 expiring and 2 recently expired certificates, 3 of them in its first root")
    check(any(e[5] for e in expected), "the fixture should have a certificate renewed at the bank")

    # Three due at once (the first root): one notification each, as many
    # as a check shows before it sums them up. Then the second root's one.
    for roots, in_home in ((["--path", home_root], True), (paths, False)):
        result = run([dojang, "--check-reminders", "--at", AT] + roots, env)
        check(result.returncode == 0, "NPKI check exited with %d: %s" % (result.returncode, result.stderr))
        found = sum(1 for c in manifest["certificates"] if not in_home or c["path"].startswith(home_root + os.sep))
        due = [e for e in expected if e[6] == in_home]
        check(summary_line(result.stdout).startswith("%d certificates, %d reminder%s sent, next on "
                                                     % (found + 4, len(due), "" if len(due) == 1 else "s")),
              "NPKI summary was %r" % result.stdout)

        calls = monitor.take()
        want = []
        for name, title, body, sha256, ca, at_bank, _ in due:
            ids = reminder_id(db_path, name)
            check(len(ids) == 1, "%s: sent reminders in the store: %r" % (name, ids))
            # The bank renews a bank certificate: no button to call the CA.
            call = [] if at_bank else ["app.show-provider::" + ca, "Call Provider"]
            want.append((title, body, ["default", "", "app.renew::" + sha256, "Renew"] + call
                        + ["app.snooze-reminder(int64 %d)" % (ids[0] if ids else -1), "Remind Me Tomorrow"]))
        got = sorted(notify_calls(calls))
        check(got == sorted(want), "NPKI Notify calls:\n  got      %r\n  expected %r" % (got, sorted(want)))
        check(not any(member == "CloseNotification" for member, _, _ in calls), "a notification was withdrawn")

    result = run([dojang, "--check-reminders", "--at", AT] + paths, env)
    check(result.returncode == 0, "second NPKI check exited with %d" % result.returncode)
    again = monitor.take()
    check(notify_calls(again) == [], "the second NPKI run notified again: %r" % notify_calls(again))


def state_of(db_path, reminder):
    with sqlite3.connect(db_path) as db:
        return db.execute("SELECT state FROM reminders WHERE id = ?", (reminder,)).fetchone()[0]


def activation_scenario(env, db_path):
    """Invokes app.snooze-reminder as a desktop does for a notification button."""
    ids = reminder_id(db_path, "엄마 휴대폰")
    check(len(ids) == 1, "no sent reminder to snooze")
    if not ids:
        return
    result = run(["gdbus", "call", "--session", "--dest", "io.github.dojang.Dojang",
                  "--object-path", "/io/github/dojang/Dojang",
                  "--method", "org.freedesktop.Application.ActivateAction",
                  "snooze-reminder", "[<int64 %d>]" % ids[0], "{}"], env)
    check(result.returncode == 0, "ActivateAction failed: %s" % result.stderr.strip())
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and state_of(db_path, ids[0]) != "snoozed":
        time.sleep(0.1)
    check(state_of(db_path, ids[0]) == "snoozed",
          "the activated app did not snooze the reminder: %s" % state_of(db_path, ids[0]))


def write_service_file(dojang, folder):
    """A D-Bus service file for the build tree's binary, like data/ installs."""
    services = os.path.join(folder, "dbus-1", "services")
    os.makedirs(services)
    with open(os.path.join(services, "io.github.dojang.Dojang.service"), "w") as f:
        f.write("[D-BUS Service]\nName=io.github.dojang.Dojang\nExec=%s --gapplication-service\n"
                % os.path.abspath(dojang))


def import_entries(dojang, env, work, name, manual_entries):
    entries = {"format": "dojang-reminders", "version": 1, "manual_entries": manual_entries}
    path = os.path.join(work, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(entries, f, ensure_ascii=False)
    result = run([dojang, "--import-reminders", path, "--at", AT], env)
    check(result.returncode == 0, "import of %s exited with %d: %s" % (name, result.returncode, result.stderr))


def own_data(env, work, name):
    env = dict(env)
    env["XDG_DATA_HOME"] = os.path.join(work, name)
    return env, os.path.join(env["XDG_DATA_HOME"], "dojang", "dojang.db")


def sent_names(db_path):
    with sqlite3.connect(db_path) as db:
        return sorted(r[0] for r in db.execute(
            "SELECT m.name FROM reminders r JOIN manual_entries m ON m.id = r.manual_entry_id"
            " WHERE r.state = 'sent'"))


# Five due at once: expired four days ago, today, tomorrow, in a week, and
# one whose D-30 reminder is due. The most urgent three are named.
FIVE = [
    {"id": 1, "name": "사무실 1", "provider_id": "kica", "expiry_date": "2026-12-01"},
    {"id": 2, "name": "사무실 2", "provider_id": "yessign", "expiry_date": "2026-11-25"},
    {"id": 3, "name": "사무실 3", "provider_id": "other", "expiry_date": "2026-11-24"},
    {"id": 4, "name": "사무실 4", "provider_id": "kica", "expiry_date": "2026-12-20"},
    {"id": 5, "name": "사무실 5", "provider_id": "crosscert", "expiry_date": "2026-11-20"},
]
FIVE_SUMMARY = ("5 certificates need attention",
                "사무실 5 (CrossCert) — Expired\n"
                "사무실 3 — Expires today\n"
                "사무실 2 (KFTC) — Expires in 1 day\n"
                "and 2 more",
                ["default", "", "app.show-reminders", "Open Reminders"])


def summary_scenario(dojang, env, monitor, work):
    """More than three due: exactly one Notify, the summary, and its answer
    records all five as sent."""
    env, db_path = own_data(env, work, "five-data")
    import_entries(dojang, env, work, "five", FIVE)
    monitor.take()

    result = run([dojang, "--check-reminders", "--at", AT, "--path", os.path.join(work, "empty")], env)
    check(result.returncode == 0, "check of five exited with %d: %s" % (result.returncode, result.stderr))
    check(summary_line(result.stdout).startswith("5 certificates, 5 reminders sent, "),
          "summary with five due: %r" % result.stdout)
    calls = monitor.take()
    got = notify_calls(calls)
    check(got == [FIVE_SUMMARY], "Notify calls for five due:\n  got      %r\n  expected %r" % (got, [FIVE_SUMMARY]))
    check(not any(member == "CloseNotification" for member, _, _ in calls), "a notification was withdrawn")
    # What the Reminders page reads: all five sent.
    check(sent_names(db_path) == sorted(e["name"] for e in FIVE), "sent after the summary: %r" % sent_names(db_path))

    result = run([dojang, "--check-reminders", "--at", AT, "--path", os.path.join(work, "empty")], env)
    check(result.returncode == 0 and "0 reminders sent" in result.stdout,
          "second check of five: %d %r" % (result.returncode, result.stdout))
    again = notify_calls(monitor.take())
    check(again == [], "the second check of five notified again: %r" % again)


def many_scenario(dojang, env, monitor, work):
    """After a long time without a check many may be due at once: one
    summary for all of them, answered, and all recorded as sent."""
    many = 60
    env, db_path = own_data(env, work, "many-data")
    import_entries(dojang, env, work, "many", [{"id": i + 1, "name": "휴대폰 %d" % (i + 1), "provider_id": "kica",
                                                "expiry_date": "2026-12-01"} for i in range(many)])
    monitor.take()
    result = run([dojang, "--check-reminders", "--at", AT, "--path", os.path.join(work, "empty")], env)
    check(result.returncode == 0, "check of %d exited with %d: %s" % (many, result.returncode, result.stderr[-500:]))
    check(("%d reminders sent" % many) in result.stdout, "summary with %d due: %r" % (many, result.stdout))
    seen = notify_calls(monitor.take())
    check([title for title, _, _ in seen] == ["%d certificates need attention" % many],
          "Notify calls for %d due: %r" % (many, [title for title, _, _ in seen]))
    check(seen and seen[0][1].endswith("\nand %d more" % (many - 3)), "the summary of %d: %r" % (many, seen))
    check(len(sent_names(db_path)) == many, "%d of %d recorded as sent" % (len(sent_names(db_path)), many))


def silent_daemon(log_path):
    """A notification daemon that takes Notify calls and never answers
    them; it writes each title to log_path."""
    from gi.repository import Gio, GLib

    held = []
    loop = GLib.MainLoop()
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)

    def on_message(connection, message, incoming):
        if incoming and message.get_member() == "Notify" and message.get_path() == "/org/freedesktop/Notifications":
            held.append(message)
            with open(log_path, "a", encoding="utf-8") as f:
                f.write(message.get_body().unpack()[3] + "\n")
            return None
        return message

    # A filter keeps the call from GDBus, which would answer it.
    bus.add_filter(on_message)
    bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "RequestName",
                  GLib.Variant("(su)", ("org.freedesktop.Notifications", 4)), None, Gio.DBusCallFlags.NONE, -1, None)
    loop.run()


def no_answer_scenario(dojang, env, monitor, work, daemon):
    """The notification daemon goes away before it answers the summary:
    nothing is recorded as sent, and the next check shows all five again."""
    env, db_path = own_data(env, work, "silent-data")
    import_entries(dojang, env, work, "silent", FIVE)
    daemon.stop()
    log_path = os.path.join(work, "silent.log")
    open(log_path, "w").close()
    silent = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--silent-daemon", log_path], env=env)
    try:
        wait_for(lambda: name_has_owner("org.freedesktop.Notifications", env), "the silent daemon")
        monitor.take()
        check_run = subprocess.Popen([dojang, "--check-reminders", "--at", AT, "--path", os.path.join(work, "empty")],
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

        def received():
            with open(log_path, encoding="utf-8") as f:
                return f.read().splitlines() == ["5 certificates need attention"]
        wait_for(received, "the summary at the silent daemon")
        check(check_run.poll() is None, "the check ended before its notification was answered")
    finally:
        silent.kill()
        silent.wait()
    out, err = check_run.communicate(timeout=60)
    check(check_run.returncode == 1, "the unanswered check exited with %d: %s" % (check_run.returncode, err))
    check("the reminders are kept for later" in err, "the unanswered check said %r" % err)
    check(summary_line(out).startswith("5 certificates, 0 reminders sent, "), "unanswered summary line: %r" % out)
    check(sent_names(db_path) == [], "recorded as sent without an answer: %r" % sent_names(db_path))

    daemon.start()
    monitor.take()
    result = run([dojang, "--check-reminders", "--at", AT, "--path", os.path.join(work, "empty")], env)
    check(result.returncode == 0, "the check after the silent daemon exited with %d: %s"
          % (result.returncode, result.stderr))
    got = notify_calls(monitor.take())
    check(got == [FIVE_SUMMARY], "shown again after no answer:\n  got      %r\n  expected %r" % (got, [FIVE_SUMMARY]))
    check(sent_names(db_path) == sorted(e["name"] for e in FIVE), "sent once answered: %r" % sent_names(db_path))


class Dunst:
    """dunst as the notification daemon, never hiding a notification."""

    def __init__(self, work, env):
        self.env = env
        self.config = os.path.join(work, "dunstrc")
        with open(self.config, "w") as f:
            f.write("[global]\n    monitor = 0\n    follow = none\n    timeout = 0\n")
        self.process = None

    def start(self):
        self.process = subprocess.Popen(["dunst", "-config", self.config], env=self.env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: name_has_owner("org.freedesktop.Notifications", self.env), "dunst")

    def stop(self):
        if self.process is None:
            return
        self.process.terminate()
        self.process.wait()
        self.process = None
        wait_for(lambda: not name_has_owner("org.freedesktop.Notifications", self.env), "dunst to leave")


def inner(dojang):
    source_root = os.environ["DOJANG_SOURCE_ROOT"]
    work = tempfile.mkdtemp(prefix="dojang-notify-")
    env = dict(os.environ)
    env["LC_ALL"] = "C.UTF-8"
    env["TZ"] = "America/Los_Angeles"
    env.pop("LANGUAGE", None)
    dunst = Dunst(work, env)
    monitor = None
    try:
        os.makedirs(os.path.join(work, "empty"))
        dunst.start()
        monitor = Monitor(os.path.join(work, "monitor.log"), env)

        db_path = os.path.join(os.environ["XDG_DATA_HOME"], "dojang", "dojang.db")
        manual_scenario(dojang, env, monitor, work, db_path)
        npki_scenario(dojang, env, monitor, work, db_path, source_root)
        summary_scenario(dojang, env, monitor, work)
        many_scenario(dojang, env, monitor, work)
        no_answer_scenario(dojang, env, monitor, work, dunst)
        activation_scenario(env, db_path)
    finally:
        if monitor:
            monitor.stop()
        dunst.stop()
        shutil.rmtree(work, ignore_errors=True)

    if failures:
        return 1
    print("ok: --check-reminders notifications")
    return 0


def main():
    if sys.argv[1] == "--silent-daemon":
        silent_daemon(sys.argv[2])
        return 0
    dojang = sys.argv[1]
    if os.environ.get("DOJANG_NOTIFY_SESSION") == "1":
        return inner(dojang)

    if not os.environ.get("DISPLAY"):
        print("not ok: dunst needs an X display (run under tests/isolate.sh)")
        return 1
    for tool in ("dunst", "dbus-monitor", "dbus-run-session", "gdbus"):
        if shutil.which(tool) is None:
            print("not ok: %s is not installed" % tool)
            return 1
    bus_config = os.environ.get("DOJANG_TEST_BUS_CONFIG")
    if not bus_config:
        print("not ok: DOJANG_TEST_BUS_CONFIG is not set (run under tests/isolate.sh)")
        return 1

    # The private bus, configured like isolate.sh's, also reads the service
    # files in $XDG_DATA_HOME/dbus-1/services.
    write_service_file(dojang, os.environ["XDG_DATA_HOME"])
    env = dict(os.environ, DOJANG_NOTIFY_SESSION="1")
    return subprocess.run(["dbus-run-session", "--config-file=" + bus_config, "--",
                           sys.executable, os.path.abspath(__file__), dojang],
                          env=env, timeout=180).returncode


if __name__ == "__main__":
    sys.exit(main())
