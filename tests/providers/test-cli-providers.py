# SPDX-License-Identifier: GPL-3.0-or-later
"""`dojang --list-providers --json --at …` prints every CA's main phone line
and its state at that instant, checked here with a real JSON parser."""

import json
import os
import subprocess
import sys

DOJANG = sys.argv[1]
IDS = ["kica", "koscom", "yessign", "crosscert", "tradesign"]
failures = []


def run(*args):
    env = dict(os.environ, DISPLAY="", WAYLAND_DISPLAY="", LANGUAGE="en")
    env.pop("GSETTINGS_SCHEMA_DIR", None)  # must not need a schema
    return subprocess.run([DOJANG, *args], capture_output=True, text=True, env=env, timeout=30)


def check(label, condition, detail=""):
    if not condition:
        failures.append(f"{label}: {detail}")


def providers_at(at):
    result = run("--list-providers", "--json", "--at", at)
    check(at, result.returncode == 0, f"exit {result.returncode}, stderr {result.stderr!r}")
    data = json.loads(result.stdout)
    check(at, [p["id"] for p in data] == IDS, f"ids {[p['id'] for p in data]}")
    for entry in data:
        check(at, set(entry) == {"id", "name", "phone", "state", "closed_reason", "holiday", "next_open"},
              f"keys {sorted(entry)}")
    return {p["id"]: p for p in data}


# Monday 10:00 in Seoul, given as UTC.
data = providers_at("2026-11-23T01:00:00Z")
kica = data["kica"]
check("weekday", kica["phone"] == "1577-8787", kica["phone"])
check("weekday", kica["state"] == "open" and kica["closed_reason"] is None and kica["next_open"] is None, kica)
check("weekday", all(p["state"] == "open" for p in data.values()), data)

# Lunch: 12:30 in Seoul given as -08:00; Koscom has no lunch break.
data = providers_at("2026-11-22T19:30:00-08:00")
check("lunch", data["kica"]["state"] == "limited", data["kica"])
check("lunch", data["kica"]["next_open"] == "2026-11-23T13:00:00+09:00", data["kica"])
check("lunch", data["koscom"]["state"] == "open", data["koscom"])

# Chuseok 2026-09-25, then the weekend: next opening Monday 28.
data = providers_at("2026-09-25T10:00:00+09:00")
for entry in data.values():
    check("chuseok", entry["state"] == "closed" and entry["closed_reason"] == "holiday", entry)
    check("chuseok", entry["holiday"] == "Chuseok", entry)
check("chuseok", data["kica"]["next_open"] == "2026-09-28T09:00:00+09:00", data["kica"])
check("chuseok", data["koscom"]["next_open"] == "2026-09-28T08:00:00+09:00", data["koscom"])

# Sunday.
data = providers_at("2026-11-22T15:00:00+09:00")
check("sunday", data["kica"]["closed_reason"] == "weekend" and data["kica"]["holiday"] is None, data["kica"])
check("sunday", data["kica"]["next_open"] == "2026-11-23T09:00:00+09:00", data["kica"])

# After hours on New Year's Eve: 1 January is a holiday.
data = providers_at("2025-12-31T19:00:00+09:00")
check("year end", data["kica"]["closed_reason"] == "after_hours", data["kica"])
check("year end", data["kica"]["next_open"] == "2026-01-02T09:00:00+09:00", data["kica"])

# No offset: Seoul time.
data = providers_at("2026-11-23T08:30:00")
check("no offset", data["kica"]["closed_reason"] == "before_hours", data["kica"])

# A date alone: 00:00 in Seoul, as for every other command.
data = providers_at("2026-11-23")
check("date alone", data["kica"]["closed_reason"] == "before_hours", data["kica"])
check("date alone", data["kica"]["next_open"] == "2026-11-23T09:00:00+09:00", data["kica"])

# Malformed --at: a clear message and exit 1.
for bad in ["tomorrow", "2026-13-01T10:00:00Z", "2026-11-23T10"]:
    result = run("--list-providers", "--json", "--at", bad)
    check(f"bad --at {bad}", result.returncode == 1, f"exit {result.returncode}")
    check(f"bad --at {bad}", result.stdout == "", result.stdout)
    check(f"bad --at {bad}", "--at" in result.stderr and bad in result.stderr, result.stderr)

# Without --json: a readable table with each CA's status line.
result = run("--list-providers", "--at", "2026-09-25T10:00:00+09:00")
check("table", result.returncode == 0, result.stderr)
check("table", "1577-8787" in result.stdout and "Closed (Chuseok) · opens Mon, Sep 28 at 09:00" in result.stdout,
      result.stdout)
# No main line's hours are confirmed on the CAs' own pages: each status is an estimate.
lines = [line for line in result.stdout.splitlines() if "Closed (Chuseok)" in line]
check("table", len(lines) == 5 and all(line.endswith(" (estimated)") for line in lines), result.stdout)

# Korean.
result = subprocess.run([DOJANG, "--list-providers", "--at", "2026-09-25T10:00:00+09:00"], capture_output=True,
                        text=True, env=dict(os.environ, LANGUAGE="ko"), timeout=30)
check("korean", "휴무 (추석) · 9월 28일 (월) 09:00 재개" in result.stdout and "한국정보인증" in result.stdout,
      result.stdout)

if failures:
    for failure in failures:
        print("not ok:", failure)
    sys.exit(1)
print("ok: dojang --list-providers")
