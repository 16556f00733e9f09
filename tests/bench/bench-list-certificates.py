#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How `dojang --list-certificates` grows with the number of folders.

    bench-list-certificates.py            (run by tests/bench/run-bench.sh)

Times the real command, as a process, over 1,000 and 10,000 certificate
folders (tests/fixtures/make-npki-tree.py --bulk), the two sizes
interleaved. "Linear or better": a folder may cost at most 1.5 times as
much among 10,000 as among 1,000 (the process start-up, paid once, only
makes the larger run cheaper per folder). With BENCH_BASELINE set, that
build runs in the same interleaved rounds and its figures are reported under
"list-certificates.baseline." without budgets.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

AT = "2026-03-01T12:00:00+09:00"
SIZES = [1000, 10000]
GROWTH_BUDGET = 1.5


def main():
    dojang = os.environ.get("BENCH_DOJANG") or os.path.join(os.environ["DOJANG_BUILD_ROOT"], "src", "dojang")
    builds = {"": dojang}
    if os.environ.get("BENCH_BASELINE"):
        builds["baseline."] = os.environ["BENCH_BASELINE"]
    script = os.path.join(os.environ["DOJANG_SOURCE_ROOT"], "tests", "fixtures", "make-npki-tree.py")
    runs = int(os.environ.get("BENCH_RUNS", "7"))
    env = dict(os.environ, LC_ALL="C.UTF-8")
    with tempfile.TemporaryDirectory(prefix="bench-list-") as scratch:
        roots = {}
        for size in SIZES:
            tree = os.path.join(scratch, str(size))
            subprocess.run([sys.executable, script, tree, "--at", AT, "--bulk", str(size)], check=True)
            roots[size] = os.path.join(tree, "NPKI")

        def once(binary, size):
            start = time.monotonic()
            proc = subprocess.run([binary, "--list-certificates", "--json", "--at", AT, "--path", roots[size]],
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
            elapsed = (time.monotonic() - start) * 1000.0
            found = proc.stdout.count(b'"sha256"')
            if found != size:
                raise SystemExit(f"bench-list-certificates: listed {found} of {size} certificates")
            return elapsed

        for binary in builds.values():
            for size in SIZES:
                once(binary, size)
        times = {(build, size): [] for build in builds for size in SIZES}
        for _ in range(runs):
            for size in SIZES:
                for build, binary in builds.items():
                    times[build, size].append(once(binary, size))

    for build in builds:
        for size in SIZES:
            values = times[build, size]
            print(f"BENCH name=list-certificates.{build}{size}-folders value={statistics.median(values):.3f} unit=ms "
                  f"budget=- runs={runs} min={min(values):.3f} median={statistics.median(values):.3f} "
                  f"max={max(values):.3f}")
        small, large = SIZES
        per_round = [(b / large) / (a / small) for a, b in zip(times[build, small], times[build, large])]
        growth = (statistics.median(times[build, large]) / large) / (statistics.median(times[build, small]) / small)
        budget = GROWTH_BUDGET if build == "" else "-"
        print(f"BENCH name=list-certificates.{build}per-folder-growth value={growth:.3f} unit=x budget={budget} "
              f"runs={runs} min={min(per_round):.3f} median={growth:.3f} max={max(per_round):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
