#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs a command on a new pseudo-terminal like a person at a terminal.

Usage: pty-run.py [--kill-at-prompt | --line-per-prompt] PROMPT COMMAND [ARG...] < LINE

Waits until the command shows PROMPT, then types LINE (read from standard
input) or, with --kill-at-prompt, sends it SIGTERM. With --line-per-prompt,
standard input holds several lines, each typed at the next PROMPT. Copies everything the
terminal showed to standard output and exits with the command's status
(128 + signal if it died of one), or 99 if the command left the terminal's
echo switched off.
"""

import os
import select
import signal
import subprocess
import sys
import termios
import time


def read_available(fd, timeout):
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return b""
    try:
        return os.read(fd, 4096)
    except OSError:
        return b""


def main():
    args = sys.argv[1:]
    kill = args[0] == "--kill-at-prompt"
    per_prompt = args[0] == "--line-per-prompt"
    if kill or per_prompt:
        args = args[1:]
    prompt, command = args[0].encode(), args[1:]
    text = sys.stdin.buffer.read()
    lines = text.splitlines(keepends=True) if per_prompt else [text]

    master, slave = os.openpty()
    child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave)
    shown = b""
    for number, line in enumerate(lines, start=1):
        deadline = time.monotonic() + 20
        while shown.count(prompt) < number and child.poll() is None and time.monotonic() < deadline:
            shown += read_available(master, 0.1)
        if shown.count(prompt) < number:
            child.kill()
            sys.stdout.buffer.write(shown)
            sys.exit("pty-run: the prompt never came")

        if kill:
            child.send_signal(signal.SIGTERM)
        else:
            os.write(master, line)

    status = child.wait(timeout=20)
    while True:
        chunk = read_available(master, 0.2)
        if not chunk:
            break
        shown += chunk

    echo_on = termios.tcgetattr(slave)[3] & termios.ECHO
    sys.stdout.buffer.write(shown)
    if not echo_on:
        sys.exit(99)
    sys.exit(status if status >= 0 else 128 - status)


if __name__ == "__main__":
    main()
