# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared by the command-line tests of the certificate tools: keys and .pfx
files made by the fixture scripts, NPKI folders built from them, and ways
to run dojang, OpenSSL and the independent key reader."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

PASSWORD = "Dojang-Test1!"
PASSWORD_KOREAN = "도장비밀번호2026!"
NEW_PASSWORD = "Nxq7#kPz2@Wm"
# make-keys.py's certificate as NPKI names its folder.
SUBJECT_FOLDER = "cn=홍길동()0011048202001011234567,o=yessign,c=KR"


def read(path):
    with open(path, "rb") as f:
        return f.read()


def files_of(folder):
    """The regular files of a folder, name → bytes."""
    return {name: read(os.path.join(folder, name)) for name in sorted(os.listdir(folder))
            if os.path.isfile(os.path.join(folder, name))}


class Fixtures:
    def __init__(self, binary):
        self.binary = binary
        self.source_root = os.environ["DOJANG_SOURCE_ROOT"]
        self.python = os.environ.get("DOJANG_PYTHON", sys.executable)
        self.home = os.environ["HOME"]
        self.data = os.environ["XDG_DATA_HOME"]
        # Under HOME: the trash of the home file system takes deleted folders.
        self.work = tempfile.mkdtemp(prefix="tools-", dir=self.home)
        self.keys = os.path.join(self.work, "keys")
        self.pfx_dir = os.path.join(self.work, "pfx")
        self.script("make-keys.py", self.keys)
        self.script("make-pfx.py", self.pfx_dir)
        with open(os.path.join(self.pfx_dir, "expected.json"), encoding="utf-8") as f:
            self.pfx_expected = json.load(f)

        self.env = dict(os.environ)
        self.env.pop("DISPLAY", None)
        self.env.pop("WAYLAND_DISPLAY", None)
        self.env.pop("LANGUAGE", None)
        self.env["LC_ALL"] = "C.UTF-8"

    def script(self, name, *args, password=None, check=True):
        env = dict(os.environ)
        if password is not None:
            env["DOJANG_FIXTURE_PASSWORD"] = password
        return subprocess.run([self.python, os.path.join(self.source_root, "tests", "fixtures", name), *args],
                              env=env, capture_output=True, text=True, check=check, timeout=120)

    def remove(self):
        shutil.rmtree(self.work, ignore_errors=True)

    def root(self, name):
        path = os.path.join(self.work, name)
        os.makedirs(path)
        return path

    def pfx(self, name):
        return os.path.join(self.pfx_dir, name)

    def install(self, name, root, km=False):
        """make-keys.py's folder NAME as ROOT/NPKI/yessign/USER/<subject>/."""
        folder = os.path.join(root, "NPKI", "yessign", "USER", SUBJECT_FOLDER)
        os.makedirs(folder, exist_ok=True)
        pairs = [("signCert.der", "signCert.der"), ("signPri.key", "signPri.key")]
        if km:
            pairs += [("signCert.der", "kmCert.der"), ("signPri.key", "kmPri.key")]
        for source, target in pairs:
            source_path = os.path.join(self.keys, name, source)
            if os.path.exists(source_path):
                shutil.copyfile(source_path, os.path.join(folder, target))
        return folder

    def dojang(self, *args, stdin="", lang=None, extra_env=None, timeout=60):
        env = dict(self.env)
        if lang is not None:
            env["LANGUAGE"] = lang
        if extra_env:
            env.update(extra_env)
        return subprocess.run([self.binary, *args], input=stdin, env=env, capture_output=True, text=True,
                              timeout=timeout)

    def on_terminal(self, lines, prompt, *args):
        """Runs dojang on a pseudo-terminal, typing one line at each prompt."""
        return subprocess.run([self.python, os.path.join(self.source_root, "tests", "support", "pty-run.py"),
                               "--line-per-prompt", prompt, self.binary, *args],
                              input="".join(line + "\n" for line in lines), env=self.env,
                              capture_output=True, text=True, timeout=60)

    def openssl(self, password, *args):
        env = dict(os.environ)
        if password is not None:
            env["DOJANG_FIXTURE_PASSWORD"] = password
        return subprocess.run(["openssl", *args], env=env, capture_output=True, text=True, check=True,
                              timeout=60).stdout

    def decrypt_key(self, path, password):
        """decrypt-key.py's lines (format, key in hex), or None for a wrong password."""
        result = self.script("decrypt-key.py", path, password=password, check=False)
        return result.stdout.splitlines() if result.returncode == 0 else None

    @staticmethod
    def sha256(path):
        return hashlib.sha256(read(path)).hexdigest()
