#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The certificate tools killed at every step leave nothing broken.

    test-cli-certificate-crash.py DOJANG KILL_PRELOAD

KILL_PRELOAD (tests/support/kill-preload.c) counts the binary's changes to
the file system and kills it with SIGKILL before the Nth. Each tool runs
once to count its changes, then once killed before each of them in turn,
from the same starting files. After every kill: the original is untouched
(it still opens with its password), the target is absent or whole (never
half-written and visible), and a run afterwards succeeds and clears the
leftovers.
"""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tool_fixtures import NEW_PASSWORD, PASSWORD, SUBJECT_FOLDER, Fixtures, files_of, read  # noqa: E402

PARTIAL = ".dojang-partial-"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("not ok: " + message)
    return condition


class Crasher:
    def __init__(self, fx, preload):
        self.fx = fx
        self.preload = preload

    def count(self, *args, stdin="", extra_env=None):
        count_file = os.path.join(self.fx.work, "count")
        env = dict(extra_env or {}, LD_PRELOAD=self.preload, DOJANG_TEST_KILL_COUNT_FILE=count_file)
        result = self.fx.dojang(*args, stdin=stdin, extra_env=env)
        check(result.returncode == 0, "%s: the counting run failed: %s" % (args[0], result.stderr))
        with open(count_file) as f:
            return int(f.read())

    def killed(self, n, *args, stdin="", extra_env=None):
        env = dict(extra_env or {}, LD_PRELOAD=self.preload, DOJANG_TEST_KILL_AT=str(n))
        result = self.fx.dojang(*args, stdin=stdin, extra_env=env)
        check(result.returncode == -9, "%s killed at %d: exit %d, not killed (%s)" % (
            args[0], n, result.returncode, result.stderr))


def visible(folder):
    return sorted(name for name in os.listdir(folder) if not name.startswith("."))


def partials(folder):
    return [name for name in os.listdir(folder) if name.startswith(PARTIAL)] if os.path.isdir(folder) else []


def opens(fx, path, password):
    return fx.dojang("--check-password", path, stdin=password + "\n").returncode == 0


def test_copy(fx, crasher):
    source = fx.install("seed-sha1", fx.root("copy-home"), km=True)
    original = files_of(source)
    n = crasher.count("--copy-certificate", source, "--to", fx.root("copy-count"))
    check(n >= 10, "copy made only %d changes" % n)

    for k in range(1, n + 1):
        usb = fx.root("copy-usb-%d" % k)
        crasher.killed(k, "--copy-certificate", source, "--to", usb)
        check(files_of(source) == original, "copy killed at %d changed the original" % k)
        user = os.path.join(usb, "NPKI", "yessign", "USER")
        target = os.path.join(user, SUBJECT_FOLDER)
        if os.path.isdir(user):
            check(visible(user) in ([], [SUBJECT_FOLDER]), "copy killed at %d left %s" % (k, visible(user)))
        if os.path.isdir(target):
            check(files_of(target) == original, "copy killed at %d left a half-written folder" % k)

        result = fx.dojang("--copy-certificate", source, "--to", usb)
        check(result.returncode == 0 and files_of(target) == original,
              "copy after a kill at %d: %s" % (k, result.stderr))
        check(partials(user) == [], "copy after a kill at %d left %s" % (k, partials(user)))
    print("ok: copy killed at each of its %d changes" % n)


def test_import(fx, crasher):
    expected = fx.pfx_expected
    pfx = fx.pfx("korean.pfx")
    pfx_bytes = read(pfx)
    password = expected["password"] + "\n"
    n = crasher.count("--import-pfx", pfx, "--to", fx.root("import-count"), stdin=password)
    check(n >= 6, "import made only %d changes" % n)

    for k in range(1, n + 1):
        root = fx.root("import-%d" % k)
        crasher.killed(k, "--import-pfx", pfx, "--to", root, stdin=password)
        check(read(pfx) == pfx_bytes, "import killed at %d changed the .pfx" % k)
        user = os.path.join(root, "NPKI", "yessign", "USER")
        target = os.path.join(user, expected["folder"])
        if os.path.isdir(user):
            check(visible(user) in ([], [expected["folder"]]), "import killed at %d left %s" % (k, visible(user)))
        if os.path.isdir(target):
            check(fx.sha256(os.path.join(target, "signCert.der")) == expected["sha256"]
                  and opens(fx, target, expected["password"]),
                  "import killed at %d left a folder that does not open" % k)

        result = fx.dojang("--import-pfx", pfx, "--to", root, stdin=password)
        check(result.returncode == 0 and opens(fx, target, expected["password"]),
              "import after a kill at %d: %s" % (k, result.stderr))
        check(partials(user) == [], "import after a kill at %d left %s" % (k, partials(user)))
    print("ok: import killed at each of its %d changes" % n)


def old_key_kept(fx, folder, trash_home, original_key):
    """The old key's bytes beside the key or in this run's trash."""
    places = [os.path.join(folder, name) for name in os.listdir(folder) if ".old" in name]
    trash = os.path.join(trash_home, "Trash", "files")
    if os.path.isdir(trash):
        places += [os.path.join(trash, name) for name in os.listdir(trash)]
    return any(read(path) == original_key for path in places if os.path.isfile(path))


def test_change_password(fx, crasher):
    pristine = fx.install("seed-sha1", fx.root("change-pristine"), km=True)
    original_key = read(os.path.join(pristine, "signPri.key"))
    stdin = PASSWORD + "\n" + NEW_PASSWORD + "\n"
    counting = fx.install("seed-sha1", fx.root("change-count"), km=True)
    n = crasher.count("--change-password", counting, stdin=stdin,
                      extra_env={"XDG_DATA_HOME": fx.root("change-count-data")})
    check(n >= 10, "change made only %d changes" % n)
    allowed = {"kmCert.der", "kmPri.key", "signCert.der", "signPri.key"}

    for k in range(1, n + 1):
        folder = fx.install("seed-sha1", fx.root("change-%d" % k), km=True)
        # Each run its own trash: an old key trashed by another run proves nothing.
        data = fx.root("change-data-%d" % k)
        crasher.killed(k, "--change-password", folder, stdin=stdin, extra_env={"XDG_DATA_HOME": data})

        for key in ("signPri.key", "kmPri.key"):
            path = os.path.join(folder, key)
            with_old = opens(fx, path, PASSWORD)
            with_new = not with_old and opens(fx, path, NEW_PASSWORD)
            check(with_old or with_new, "change killed at %d: %s opens with neither password" % (k, key))
            if key == "signPri.key" and with_new:
                check(old_key_kept(fx, folder, data, original_key),
                      "change killed at %d: the new key is in, the old one is gone" % k)
        extra = [name for name in visible(folder) if name not in allowed and ".old" not in name]
        check(extra == [], "change killed at %d left %s" % (k, extra))

        # Finish the job: from the old password, or it is done already.
        if opens(fx, folder, PASSWORD):
            result = fx.dojang("--change-password", folder, stdin=stdin, extra_env={"XDG_DATA_HOME": data})
            check(result.returncode == 0, "change after a kill at %d: %s" % (k, result.stderr))
            check(partials(folder) == [], "change after a kill at %d left %s" % (k, partials(folder)))
        check(opens(fx, folder, NEW_PASSWORD), "change after a kill at %d: the new password fails" % k)
    print("ok: change-password killed at each of its %d changes" % n)


def test_export(fx, crasher):
    folder = fx.install("seed-sha1", fx.root("export-home"))
    original = files_of(folder)
    stdin = PASSWORD + "\n"
    n = crasher.count("--export-pfx", folder, os.path.join(fx.root("export-count"), "out.pfx"), stdin=stdin)
    check(n >= 3, "export made only %d changes" % n)

    for k in range(1, n + 1):
        target_dir = fx.root("export-%d" % k)
        pfx = os.path.join(target_dir, "out.pfx")
        crasher.killed(k, "--export-pfx", folder, pfx, stdin=stdin)
        check(files_of(folder) == original, "export killed at %d changed the certificate" % k)
        check(visible(target_dir) in ([], ["out.pfx"]), "export killed at %d left %s" % (k, visible(target_dir)))
        if os.path.exists(pfx):
            fx.openssl(PASSWORD, "pkcs12", "-in", pfx, "-passin", "env:DOJANG_FIXTURE_PASSWORD", "-noout")
        else:
            result = fx.dojang("--export-pfx", folder, pfx, stdin=stdin)
            check(result.returncode == 0, "export after a kill at %d: %s" % (k, result.stderr))
            check(partials(target_dir) == [], "export after a kill at %d left %s" % (k, partials(target_dir)))
    print("ok: export killed at each of its %d changes" % n)


def test_delete(fx, crasher):
    counting = fx.install("seed-sha1", fx.root("delete-count"))
    n = crasher.count("--delete-certificate", counting, extra_env={"XDG_DATA_HOME": fx.root("delete-count-data")})
    check(n >= 2, "delete made only %d changes" % n)

    for k in range(1, n + 1):
        folder = fx.install("seed-sha1", fx.root("delete-%d" % k))
        original = files_of(folder)
        data = fx.root("delete-data-%d" % k)
        crasher.killed(k, "--delete-certificate", folder, extra_env={"XDG_DATA_HOME": data})
        trash = os.path.join(data, "Trash", "files", SUBJECT_FOLDER)
        if os.path.isdir(folder):
            check(files_of(folder) == original, "delete killed at %d changed the folder" % k)
        else:
            check(os.path.isdir(trash) and files_of(trash) == original,
                  "delete killed at %d: the folder is neither in place nor in the trash" % k)
    print("ok: delete killed at each of its %d changes" % n)


def main():
    fx = Fixtures(sys.argv[1])
    crasher = Crasher(fx, sys.argv[2])
    try:
        for test in (test_copy, test_import, test_change_password, test_export, test_delete):
            test(fx, crasher)
    finally:
        fx.remove()
    print("%d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
