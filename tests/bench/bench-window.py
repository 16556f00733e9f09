#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window against a hello-world libadwaita window, in one run.

    bench-window.py            (run by tests/bench/run-bench.sh)

Cases: Dojang with an empty home, with 20, 200 and 1,000 certificates, and
the hello-world window (tests/bench/hello-adw.c). The runs are interleaved,
one of each case per round, so that the machine's noise hits them alike.
Each run measures, through the test preload library:
  first frame   launch → the first frame painted (after-paint);
  ready         launch → the window settled (no frame for a second: the scan
                and the reminder store are done), less that second;
  RSS           VmRSS of /proc/<pid>/status 3 s after launch;
  idle frames   frames painted in 5 s once settled (DOJANG_COUNT_FRAMES);
  idle syscalls system calls of every thread over 4 s of that idle time
                (strace -c -f), per minute.
BENCH_BASELINE=<binary> adds that build of the app (say, main's) with no
certificate, 20 and 200 to the same interleaved rounds, as "base-…" cases
reported without budgets: before and after figures from one run.
Prints a table, then one BENCH line per figure (see README.md).
"""

import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time

AT = "2026-03-01T12:00:00+09:00"
RSS_AFTER_S = 3.0
IDLE_S = 5
STRACE_S = 4.0
CASES = [("empty", 0), ("20", 20), ("200", 200), ("1000", 1000)]
BASELINE_CASES = [("empty", 0), ("20", 20), ("200", 200)]

# Budgets (issue "Performance"): first frame ≤ 1.25× hello-world with 20
# certificates (and so with none); 200 certificates ≤ 1.5× the empty case;
# RSS ≤ hello-world + 15 MiB, like the first frame for the issue's two
# cases, an empty home and 20 certificates (larger homes: reported, with the
# memory each further certificate takes); idle: no more than a handful of
# frames, and a few wake-ups a minute (hello-world makes about 11 system
# calls).
FIRST_FRAME_RATIO = 1.25
FIRST_FRAME_200_VS_EMPTY = 1.5
RSS_OVER_HELLO_MIB = 15.0
IDLE_FRAMES = 5
IDLE_SYSCALLS_PER_MIN = 60.0


class Run:
    def __init__(self):
        self.first_frame_ms = None
        self.ready_ms = None
        self.rss_mib = None
        self.idle_frames = None
        self.syscalls_per_min = None


def read_rss_mib(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    raise RuntimeError("no VmRSS")


def count_syscalls(pid, seconds, out_path):
    """Total system calls of every thread of pid over `seconds`."""
    strace = subprocess.Popen(["strace", "-c", "-f", "-q", "-o", out_path, "-p", str(pid)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(seconds)
    strace.send_signal(signal.SIGINT)
    strace.wait(timeout=30)
    with open(out_path, encoding="utf-8") as summary:
        for line in summary:
            fields = line.split()
            if fields and fields[-1] == "total":
                # % time, seconds, usecs/call, calls, [errors,] "total"
                return int(fields[3])
    return 0


def run_window(cmd, env, scratch):
    """One launch; returns a Run."""
    run = Run()
    events = {}
    ready = threading.Event()
    idle_started = threading.Event()
    done = threading.Event()
    start_us = time.monotonic_ns() // 1000
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def read_stderr():
        for line in proc.stderr:
            if (m := re.match(r"dojang: first frame at (\d+)", line)):
                events.setdefault("first", int(m.group(1)))
                ready.set()
            elif (m := re.match(r"dojang: idle from (\d+)", line)):
                events["idle"] = int(m.group(1))
                idle_started.set()
            elif (m := re.match(r"dojang: idle frames (\d+) in", line)):
                events["frames"] = int(m.group(1))
                done.set()
        ready.set()
        idle_started.set()
        done.set()

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    try:
        if not ready.wait(60) or "first" not in events:
            raise RuntimeError(f"{cmd[0]} never drew a frame")
        run.first_frame_ms = (events["first"] - start_us) / 1000.0
        if not idle_started.wait(60) or "idle" not in events:
            raise RuntimeError(f"{cmd[0]} never went idle")
        run.ready_ms = (events["idle"] - start_us) / 1000.0 - 1000.0
        # The RSS at a fixed time after launch; settling takes about 2 s.
        delay = RSS_AFTER_S - (time.monotonic_ns() // 1000 - start_us) / 1e6
        if delay > 0:
            time.sleep(delay)
        run.rss_mib = read_rss_mib(proc.pid)
        # The frame count lasts IDLE_S seconds from "idle"; stay inside it.
        left = IDLE_S - 0.5 - (time.monotonic_ns() // 1000 - events["idle"]) / 1e6
        seconds = min(STRACE_S, left)
        if seconds < 1.0:
            raise RuntimeError("the idle period was over before the system calls were counted")
        calls = count_syscalls(proc.pid, seconds, os.path.join(scratch, "strace.txt"))
        run.syscalls_per_min = calls * 60.0 / seconds
        if not done.wait(60) or "frames" not in events:
            raise RuntimeError(f"{cmd[0]} did not count its idle frames")
        run.idle_frames = events["frames"]
    finally:
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return run


def make_home(scratch, name, certificates):
    home = os.path.join(scratch, "home-" + name)
    os.makedirs(home, exist_ok=True)
    if certificates:
        script = os.path.join(os.environ["DOJANG_SOURCE_ROOT"], "tests", "fixtures", "make-npki-tree.py")
        subprocess.run([sys.executable, script, home, "--at", AT, "--bulk", str(certificates)], check=True)
    return home


def spread(values):
    return statistics.median(values), min(values), max(values)


def bench_line(name, unit, budget, values):
    median, low, high = spread(values)
    budget_text = "-" if budget is None else f"{budget:.6g}"
    print(f"BENCH name={name} value={median:.3f} unit={unit} budget={budget_text} runs={len(values)} "
          f"min={low:.3f} median={median:.3f} max={high:.3f}")


def main():
    build = os.environ["DOJANG_BUILD_ROOT"]
    dojang = os.environ.get("BENCH_DOJANG") or os.path.join(build, "src", "dojang")
    hello = os.path.join(build, "tests", "bench", "hello-adw")
    runs = int(os.environ.get("BENCH_RUNS", "7"))
    scratch = os.environ.get("DOJANG_TEST_SCRATCH") or os.environ["TMPDIR"]
    if shutil.which("strace") is None:
        raise SystemExit("bench-window: strace is not installed")

    base_env = dict(os.environ, GDK_DEBUG="gl-disable", LC_ALL="C.UTF-8",
                    LD_PRELOAD=os.environ["DOJANG_TEST_PRELOAD"], DOJANG_REPORT_FIRST_FRAME="1",
                    DOJANG_COUNT_FRAMES=str(IDLE_S), DOJANG_NOW=AT)
    base_env.pop("LANGUAGE", None)
    launches = [("hello", [hello], dict(base_env, HOME=make_home(scratch, "hello", 0)))]
    cases = [(name, count, dojang) for name, count in CASES]
    if os.environ.get("BENCH_BASELINE"):
        cases += [("base-" + name, count, os.environ["BENCH_BASELINE"]) for name, count in BASELINE_CASES]
    for name, count, binary in cases:
        home = make_home(scratch, name, count)
        data = os.path.join(home, ".local", "share")
        launches.append((name, [binary], dict(base_env, HOME=home, XDG_DATA_HOME=data,
                                              XDG_CONFIG_HOME=os.path.join(home, ".config"),
                                              XDG_CACHE_HOME=os.path.join(home, ".cache"))))

    # One unmeasured round: caches warm, each home's reminder store created.
    for name, cmd, env in launches:
        run_window(cmd, env, scratch)

    results = {name: [] for name, _, _ in launches}
    for _ in range(runs):
        for name, cmd, env in launches:
            results[name].append(run_window(cmd, env, scratch))

    def med(name, attr):
        return statistics.median(getattr(r, attr) for r in results[name])

    hello_ff = med("hello", "first_frame_ms")
    hello_rss = med("hello", "rss_mib")
    print(f"Window, {runs} interleaved runs each: median (min–max)")
    print(f"{'':22} {'first frame ms':>22} {'ratio':>6} {'ready ms':>20} {'RSS MiB':>18} "
          f"{'idle frames/5 s':>16} {'syscalls/idle min':>18}")
    for name, _, _ in launches:
        rs = results[name]

        def cell(attr, fmt):
            m, lo, hi = spread([getattr(r, attr) for r in rs])
            return f"{m:{fmt}} ({lo:{fmt}}–{hi:{fmt}})"

        label = "hello-world" if name == "hello" else f"Dojang, {name} cert." if name != "empty" else "Dojang, empty home"
        if name.startswith("base-"):
            label = "before, " + ("empty home" if name == "base-empty" else f"{name[5:]} cert.")
        ratio = med(name, "first_frame_ms") / hello_ff
        print(f"{label:22} {cell('first_frame_ms', '.0f'):>22} {ratio:6.2f} {cell('ready_ms', '.0f'):>20} "
              f"{cell('rss_mib', '.1f'):>18} {cell('idle_frames', '.0f'):>16} {cell('syscalls_per_min', '.0f'):>18}")
    print()

    for name, _, _ in launches:
        rs = results[name]
        prefix = f"window.{name}"
        bench_line(prefix + ".first-frame", "ms", None, [r.first_frame_ms for r in rs])
        bench_line(prefix + ".ready", "ms", None, [r.ready_ms for r in rs])
        bench_line(prefix + ".rss", "MiB", None, [r.rss_mib for r in rs])
        if name == "hello":
            bench_line(prefix + ".idle-frames", "count", None, [r.idle_frames for r in rs])
            bench_line(prefix + ".idle-syscalls", "per-min", None, [r.syscalls_per_min for r in rs])
            continue
        # Ratios per round (the same round's hello-world); the value is the
        # ratio of the medians.
        ratios = [r.first_frame_ms / h.first_frame_ms for r, h in zip(rs, results["hello"])]
        over = [r.rss_mib - h.rss_mib for r, h in zip(rs, results["hello"])]
        baseline = name.startswith("base-")
        budget = FIRST_FRAME_RATIO if name in ("empty", "20") else None
        median_ratio = med(name, "first_frame_ms") / hello_ff
        print(f"BENCH name={prefix}.first-frame-ratio value={median_ratio:.3f} unit=x "
              f"budget={budget if budget is not None else '-'} runs={runs} min={min(ratios):.3f} "
              f"median={median_ratio:.3f} max={max(ratios):.3f}")
        rss_budget = RSS_OVER_HELLO_MIB if name in ("empty", "20") else None
        median_over = med(name, "rss_mib") - hello_rss
        print(f"BENCH name={prefix}.rss-over-hello value={median_over:.3f} unit=MiB "
              f"budget={rss_budget if rss_budget is not None else '-'} runs={runs} min={min(over):.3f} "
              f"median={median_over:.3f} max={max(over):.3f}")
        bench_line(prefix + ".idle-frames", "count", None if baseline else IDLE_FRAMES, [r.idle_frames for r in rs])
        bench_line(prefix + ".idle-syscalls", "per-min", None if baseline else IDLE_SYSCALLS_PER_MIN,
                   [r.syscalls_per_min for r in rs])

    # What each certificate beyond 20 adds to the RSS (its row, its data).
    for name, count in (("200", 200), ("1000", 1000)):
        per = [(r.rss_mib - t.rss_mib) * 1024.0 / (count - 20) for r, t in zip(results[name], results["20"])]
        value = (med(name, "rss_mib") - med("20", "rss_mib")) * 1024.0 / (count - 20)
        print(f"BENCH name=window.{name}.rss-per-certificate value={value:.3f} unit=KiB "
              f"budget=- runs={runs} min={min(per):.3f} median={value:.3f} max={max(per):.3f}")

    pairs = [("200", "empty"), ("1000", "empty")]
    if "base-200" in results:
        pairs.append(("base-200", "base-empty"))
    for name, empty_name in pairs:
        empty = results[empty_name]
        ratios = [r.first_frame_ms / e.first_frame_ms for r, e in zip(results[name], empty)]
        value = med(name, "first_frame_ms") / med(empty_name, "first_frame_ms")
        budget = FIRST_FRAME_200_VS_EMPTY if name == "200" else None
        print(f"BENCH name=window.{name}.first-frame-vs-empty value={value:.3f} unit=x "
              f"budget={budget if budget is not None else '-'} runs={runs} min={min(ratios):.3f} "
              f"median={value:.3f} max={max(ratios):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
