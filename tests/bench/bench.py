#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`make bench`: runs every benchmark program, collects the figures they
print, shows them in one table with their budgets and writes
<build>/bench/results.json. Exits 1 when a figure is over its budget or a
program fails. The contract between this harness and the programs is in
tests/bench/README.md.

    bench.py BUILD_DIR        (inside tests/isolate.sh: see run-bench.sh)

BENCH_RUNS sets the runs per figure (default 7), BENCH_ONLY=<substring>
runs only the programs whose name contains it, BENCH_DOJANG=<binary>
measures another build of the app (for a before/after comparison).
"""

import datetime
import json
import os
import platform
import shlex
import subprocess
import sys

FIELDS = ("name", "value", "unit", "budget", "runs", "min", "median", "max")


def parse_bench_line(line):
    """`BENCH key=value …` → dict, or None for any other line."""
    if not line.startswith("BENCH "):
        return None
    figure = {}
    for token in shlex.split(line[len("BENCH "):]):
        key, sep, value = token.partition("=")
        if sep:
            figure[key] = value
    if "name" not in figure or "value" not in figure:
        raise ValueError(f"a BENCH line needs name= and value=: {line!r}")
    for key in ("value", "budget", "min", "median", "max"):
        if key in figure:
            figure[key] = None if figure[key] in ("-", "") else float(figure[key])
    if "runs" in figure:
        figure["runs"] = int(figure["runs"])
    return figure


def find_programs(build, source):
    """Executables bench-* in <build>/tests/bench, scripts bench-*.py and
    bench-*.sh in tests/bench; sorted by name."""
    programs = []
    bench_build = os.path.join(build, "tests", "bench")
    for name in sorted(os.listdir(bench_build)):
        path = os.path.join(bench_build, name)
        if name.startswith("bench-") and os.path.isfile(path) and os.access(path, os.X_OK):
            programs.append((name, [path]))
    bench_source = os.path.join(source, "tests", "bench")
    for name in sorted(os.listdir(bench_source)):
        path = os.path.join(bench_source, name)
        if name.startswith("bench-") and name.endswith(".py"):
            programs.append((name, [sys.executable, path]))
        elif name.startswith("bench-") and name.endswith(".sh"):
            programs.append((name, ["/bin/sh", path]))
    return sorted(programs)


def run_program(name, argv, env):
    print(f"== {name}", flush=True)
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, text=True)
    figures = []
    for line in proc.stdout:
        figure = parse_bench_line(line.rstrip("\n"))
        if figure is None:
            print(line, end="", flush=True)
        else:
            figure["program"] = name
            figures.append(figure)
    status = proc.wait()
    return figures, status


def fmt(value):
    if value is None:
        return "-"
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.3g}" if abs(value) < 10 else f"{value:.1f}"


def main():
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "_build")
    source = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    only = os.environ.get("BENCH_ONLY", "")
    env = dict(os.environ,
               DOJANG_BUILD_ROOT=build,
               DOJANG_SOURCE_ROOT=source,
               DOJANG_PYTHON=sys.executable,
               DOJANG_TEST_PRELOAD=os.path.join(build, "tests", "support", "libdojang-test-preload.so"),
               GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"),
               GSETTINGS_BACKEND="memory",
               DOJANG_LOCALEDIR=os.path.join(build, "po"))
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()

    figures = []
    programs = []
    for name, argv in find_programs(build, source):
        if only and only not in name:
            continue
        program_figures, status = run_program(name, argv, env)
        figures += program_figures
        programs.append({"program": name, "exit_status": status, "figures": len(program_figures)})

    for figure in figures:
        budget = figure.get("budget")
        figure["over_budget"] = budget is not None and figure["value"] > budget

    print()
    print(f"{'figure':46} {'median':>9} {'min–max':>17} {'unit':>7} {'budget':>8} {'runs':>5}")
    for figure in figures:
        span = f"{fmt(figure.get('min'))}–{fmt(figure.get('max'))}"
        verdict = "  OVER" if figure["over_budget"] else ""
        print(f"{figure['name']:46} {fmt(figure['value']):>9} {span:>17} {figure.get('unit', ''):>7} "
              f"{fmt(figure.get('budget')):>8} {figure.get('runs', ''):>5}{verdict}")
    over = [f["name"] for f in figures if f["over_budget"]]
    failed = [p["program"] for p in programs if p["exit_status"] != 0]
    load_after = os.getloadavg()
    print(f"\nload average {load_before[0]:.2f} before, {load_after[0]:.2f} after; {os.cpu_count()} CPUs")
    if over:
        print("over budget: " + ", ".join(over))
    if failed:
        print("failed: " + ", ".join(failed))

    out_dir = os.path.join(build, "bench")
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "results.json"), "w", encoding="utf-8") as out:
        json.dump({
            "started": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "machine": {"cpus": os.cpu_count(), "load_before": load_before[0], "load_after": load_after[0],
                        "kernel": platform.release()},
            "programs": programs,
            "figures": [{k: f.get(k) for k in FIELDS + ("program", "over_budget")} for f in figures],
            "over_budget": over,
            "failed": failed,
        }, out, indent=2, ensure_ascii=False)
        out.write("\n")
    print(f"results: {os.path.join(out_dir, 'results.json')}")
    return 1 if over or failed else 0


if __name__ == "__main__":
    sys.exit(main())
