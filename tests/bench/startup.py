#!/usr/bin/python3
"""Launch → first frame of Dojang against a hello-world libadwaita app,
alternating the two in one run so that machine noise hits both alike."""
import os
import statistics
import subprocess
import sys
import time


def first_frame_ms(cmd, env):
    start_us = time.monotonic_ns() // 1000
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    frame_us = None
    deadline = time.monotonic() + 30
    for line in proc.stderr:
        if " first frame at " in line:
            frame_us = int(line.rsplit(" ", 1)[1])
            break
        if time.monotonic() > deadline:
            break
    proc.terminate()
    proc.wait(timeout=10)
    if frame_us is None:
        raise SystemExit(f"{cmd[0]} never drew a frame")
    return (frame_us - start_us) / 1000.0


def main():
    dojang, hello = sys.argv[1], sys.argv[2]
    runs = int(os.environ.get("BENCH_RUNS", "15"))
    env = dict(os.environ, GDK_DEBUG="gl-disable", DOJANG_REPORT_FIRST_FRAME="1",
               LD_PRELOAD=os.path.abspath(os.environ["DOJANG_TEST_PRELOAD"]))
    results = {"dojang": [], "hello": []}
    first_frame_ms([hello], env)  # warm the caches once, not measured
    for _ in range(runs):
        results["hello"].append(first_frame_ms([hello], env))
        results["dojang"].append(first_frame_ms([dojang], env))
    med = {k: statistics.median(v) for k, v in results.items()}
    print(f"startup: dojang median {med['dojang']:.1f} ms, "
          f"hello-world libadwaita median {med['hello']:.1f} ms, "
          f"ratio {med['dojang'] / med['hello']:.2f} ({runs} runs each, interleaved)")


if __name__ == "__main__":
    main()
