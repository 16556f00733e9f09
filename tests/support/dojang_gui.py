# SPDX-License-Identifier: GPL-3.0-or-later
"""What the GUI test scripts share to drive the real `dojang` binary through
AT-SPI (dogtail): the session they need, starting the binary and finding it
on the accessibility bus by its process, windows by title, widgets by role
and name, the pointer and the keyboard, screenshots through the preloaded
hook, app actions over D-Bus, and the "ok:" / "not ok:" report.

Importing it checks for the X display and the D-Bus session (tests/isolate.sh
gives both) and sets dogtail up; a script that re-executes itself (in a mount
namespace, say) imports it afterwards."""

import datetime
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    print("not ok: needs an X display and a D-Bus session (run under tests/isolate.sh)")
    sys.exit(1)

# dogtail refuses to start without this, even though GTK 4 ignores it.
os.environ["GTK_MODULES"] = "gail:atk-bridge"

from dogtail import config, rawinput, tree  # noqa: E402
import pyatspi  # noqa: E402

config.config.logDebugToStdOut = False
config.config.logDebugToFile = False
config.config.defaultDelay = 0.1
config.config.typingDelay = 0.03

APP_ID = "io.github.dojang.Dojang"
KST = datetime.timezone(datetime.timedelta(hours=9))
TIMEOUT = 20

failures = []


def check(label, condition, detail=""):
    """Reports one check; the detail is shown only when it fails."""
    print(("ok: " if condition else "not ok: ") + label + (f" ({detail})" if detail and not condition else ""))
    if not condition:
        failures.append(label)
    return condition


def wait_for(find, timeout=None):
    """Polls find() until it returns something truthy; that, or what it last
    returned once the time is up (None if it raised)."""
    deadline = time.monotonic() + (TIMEOUT if timeout is None else timeout)
    while True:
        try:
            found = find()
        except Exception:  # the tree changes under our feet while we read it
            found = None
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def walk(node):
    """The accessible tree; a part that goes away while it is read is skipped
    (GTK 4.8 can keep a destroyed child in its cache for a moment)."""
    yield node
    try:
        children = node.children
    except Exception:
        return
    for child in children:
        try:
            child.roleName
        except Exception:
            continue
        yield from walk(child)


def renewal_tree(prefix):
    """A scratch folder named after prefix, and the renewal fixture tree of
    make-npki-tree.py in $HOME built for now (Seoul time, to the second):
    (scratch folder, the instant as DOJANG_NOW takes it, expected.json)."""
    work = tempfile.mkdtemp(prefix=prefix, dir=os.environ.get("DOJANG_TEST_SCRATCH"))
    at = datetime.datetime.now(KST).replace(microsecond=0).isoformat()
    home = os.environ["HOME"]
    subprocess.run([sys.executable, os.path.join(os.environ["DOJANG_SOURCE_ROOT"], "tests", "fixtures",
                                                 "make-npki-tree.py"), home, "--renewal", "--at", at], check=True)
    with open(os.path.join(home, "expected.json"), encoding="utf-8") as f:
        return work, at, json.load(f)


def app_log(work):
    """What the app wrote to stderr.log in work, line by line."""
    with open(os.path.join(work, "stderr.log"), encoding="utf-8", errors="replace") as f:
        return f.read().splitlines()


def check_no_warnings(log):
    # GTK 4.8 says so when the test asks AT-SPI where a window is (point_at).
    warnings = [line for line in log if ("-WARNING **" in line or "-CRITICAL **" in line)
                and "Screen coordinates not supported" not in line]
    check("the app logged no warnings", not warnings, "\n".join(warnings))


def finish(success):
    """The exit status of the script: 1 if a check failed, else 0 after the
    success line."""
    if failures:
        return 1
    print("ok: " + success)
    return 0


def run(main):
    """Runs main() and exits with its status; whatever stops it is said as a
    failure, with its traceback."""
    try:
        sys.exit(main())
    except BaseException as error:
        if not isinstance(error, SystemExit):
            import traceback
            traceback.print_exc()
            print(f"not ok: the test stopped: {error!r}")
            sys.exit(1)
        raise


class Dojang:
    """The real binary, started with args and env. With env["DOJANG_TEST_WORK"]
    its standard output and error go to stderr.log there (GLib writes debug
    messages to stdout: they are logs too); shots is where shoot() asks the
    preloaded screenshot hook to write."""

    def __init__(self, binary, args, env, shots=None):
        self.env = env
        self.shots = shots
        self.stderr = None
        if "DOJANG_TEST_WORK" in env:
            self.stderr = open(os.path.join(env["DOJANG_TEST_WORK"], "stderr.log"), "w")
        self.process = subprocess.Popen([binary] + args, env=env, stdout=self.stderr, stderr=self.stderr)
        self.app = wait_for(self._find_app)
        if self.app is None:
            raise SystemExit("not ok: dojang did not appear on the accessibility bus")

    def _find_app(self):
        for app in tree.root.children:
            if app.name == "dojang" and app.get_process_id() == self.process.pid:
                return app
        return None

    def frame(self, title):
        return wait_for(lambda: next((w for w in self.app.children if w.name == title), None))

    def frame_gone(self, title):
        return wait_for(lambda: not any(w.name == title for w in self.app.children))

    def focused(self, frame):
        return next((n for n in walk(frame) if n.getState().contains(pyatspi.STATE_FOCUSED)), None)

    def find(self, frame, role, name=None, contains=None, timeout=None):
        def match(node):
            if node.roleName != role:
                return False
            if name is not None and node.name != name:
                return False
            return contains is None or contains in (node.name or "")
        return wait_for(lambda: next((n for n in walk(frame) if match(n)), None), timeout)

    def find_entry(self, frame, name):
        return wait_for(lambda: next((n for n in walk(frame) if n.name == name and
                                      n.roleName in ("text", "password text", "entry")), None))

    def shoot(self, name, title_part):
        """Asks the preloaded hook for a picture of the window titled like title_part."""
        png = os.path.join(self.shots, name + ".png")
        if os.path.exists(png):
            os.remove(png)
        with open(os.path.join(self.shots, "request"), "w", encoding="utf-8") as f:
            f.write(f"{name}\t{title_part}\n")
        time.sleep(0.4)  # let the last frame settle
        os.kill(self.process.pid, signal.SIGUSR1)
        check(f"screenshot {name}", wait_for(lambda: os.path.exists(png), timeout=10))

    def point_at(self, frame):
        # No window manager under Xvfb: the keyboard goes where the pointer is.
        x, y, width, height = frame.extents
        rawinput.absoluteMotion(1, 1)
        rawinput.absoluteMotion(x + min(width, 400) // 2, y + min(height, 400) // 2)

    def activate(self, action, target):
        """Activates app.ACTION with a string target, as a notification or
        another program would."""
        subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID,
                        "--object-path", "/" + APP_ID.replace(".", "/"),
                        "--method", "org.gtk.Actions.Activate", action, f"[<'{target}'>]", "{}"],
                       check=True, stdout=subprocess.DEVNULL, timeout=TIMEOUT, env=self.env)

    def stop(self):
        """Ends the process if it still runs."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.stderr is not None:
            self.stderr.close()

    def close(self):
        check("dojang kept running", self.process.poll() is None, f"exit status {self.process.returncode}")
        self.stop()
