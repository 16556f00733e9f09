#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The certificate tools on the command line, on real files.

    test-cli-certificate-tools.py DOJANG

--copy-certificate, --export-pfx, --import-pfx, --change-password and
--delete-certificate: what they write (checked with OpenSSL, the fixture
scripts and --check-password), their exit statuses, their Korean messages,
and their refusals. Read-only media and a volume mounted at run time are
made in a private mount namespace (unshare). Killing the binary mid-write
is in test-cli-certificate-crash.py.
"""

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tool_fixtures import (  # noqa: E402
    NEW_PASSWORD, PASSWORD, PASSWORD_KOREAN, SUBJECT_FOLDER, Fixtures, files_of, read)

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("not ok: " + message)
    return condition


def expect(result, status, what, text=None):
    ok = check(result.returncode == status, "%s: exit %d, expected %d (%s%s)" % (
        what, result.returncode, status, result.stdout, result.stderr))
    if ok and text is not None:
        ok = check(text in result.stdout + result.stderr, "%s: %r not in %r" % (
            what, text, result.stdout + result.stderr))
    for secret in (PASSWORD, PASSWORD_KOREAN, NEW_PASSWORD):
        check(secret not in result.stdout + result.stderr, what + ": printed a password")
    if ok:
        print("ok: %s → %d" % (what, status))


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_copy(fx):
    home = fx.root("copy-home")
    source = fx.install("seed-sha1", home, km=True)
    usb = fx.root("usb")

    result = fx.dojang("--copy-certificate", source, "--to", usb)
    expect(result, 0, "copy", "Copied to")
    copied = os.path.join(usb, "NPKI", "yessign", "USER", SUBJECT_FOLDER)
    check(files_of(copied) == files_of(source), "the copy has other bytes than the original")
    check(mode(copied) == 0o700 and mode(os.path.join(usb, "NPKI")) == 0o700, "folders are not 0700")
    check(mode(os.path.join(copied, "signPri.key")) == 0o600, "signPri.key is not 0600")
    check(mode(os.path.join(copied, "kmPri.key")) == 0o600, "kmPri.key is not 0600")

    expect(fx.dojang("--copy-certificate", source, "--to", usb), 0, "copy again", "Already there")
    expect(fx.dojang("--copy-certificate", source, "--to", usb, lang="ko"), 0, "copy again in Korean",
           "이미 있습니다")

    # By fingerprint, looked for under --path.
    sha256 = fx.sha256(os.path.join(source, "signCert.der"))
    usb2 = fx.root("usb2")
    expect(fx.dojang("--copy-certificate", sha256, "--path", home, "--to", usb2), 0, "copy by SHA-256")
    check(files_of(os.path.join(usb2, "NPKI", "yessign", "USER", SUBJECT_FOLDER)) == files_of(source),
          "the copy by fingerprint differs")

    # A different certificate in its place stays as it is.
    usb3 = fx.root("usb3")
    other = fx.install("other-certificate", usb3)
    before = files_of(other)
    expect(fx.dojang("--copy-certificate", source, "--to", usb3), 5, "copy onto another certificate",
           "different certificate")
    check(files_of(other) == before, "the other certificate was touched")

    expect(fx.dojang("--copy-certificate", source), 1, "copy without --to", "--to")
    expect(fx.dojang("--copy-certificate", os.path.join(home, "nothing"), "--to", usb), 1, "copy of nothing")


def test_export(fx):
    home = fx.root("export-home")
    folder = fx.install("seed-sha1", home)
    pfx = os.path.join(home, "exported.pfx")

    expect(fx.dojang("--export-pfx", folder, pfx, stdin=PASSWORD + "\n"), 0, "export", "certificate’s password")
    check(mode(pfx) == 0o600, "the .pfx is not 0600")
    cert = fx.openssl(PASSWORD, "pkcs12", "-in", pfx, "-passin", "env:DOJANG_FIXTURE_PASSWORD", "-nokeys",
                      "-clcerts")
    key = fx.openssl(PASSWORD, "pkcs12", "-in", pfx, "-passin", "env:DOJANG_FIXTURE_PASSWORD", "-nocerts",
                     "-nodes")
    cert_der = subprocess.run(["openssl", "x509", "-outform", "DER"], input=cert.encode(),
                              capture_output=True, check=True).stdout
    check(cert_der == read(os.path.join(folder, "signCert.der")), "OpenSSL reads another certificate")
    key_modulus = subprocess.run(["openssl", "rsa", "-noout", "-modulus"], input=key.encode(),
                                 capture_output=True, check=True).stdout
    cert_modulus = subprocess.run(["openssl", "x509", "-inform", "DER", "-noout", "-modulus"], input=cert_der,
                                  capture_output=True, check=True).stdout
    check(key_modulus.startswith(b"Modulus=") and key_modulus == cert_modulus, "the key is not the certificate's")

    expect(fx.dojang("--export-pfx", folder, os.path.join(home, "wrong.pfx"), stdin="Wrong-Password1!\n"), 3,
           "export with a wrong password", "wrong")
    check(not os.path.exists(os.path.join(home, "wrong.pfx")), "a .pfx was written with a wrong password")
    expect(fx.dojang("--export-pfx", folder, pfx, stdin=PASSWORD + "\n"), 5, "export over a file", "already exists")
    expect(fx.dojang("--export-pfx", folder, stdin=PASSWORD + "\n"), 1, "export without FILE")

    # A Korean password protects the .pfx as it is.
    korean = fx.install("seed-sha1-korean", fx.root("export-korean"))
    korean_pfx = os.path.join(home, "korean.pfx")
    expect(fx.dojang("--export-pfx", korean, korean_pfx, stdin=PASSWORD_KOREAN + "\n"), 0, "export, Korean password")
    fx.openssl(PASSWORD_KOREAN, "pkcs12", "-in", korean_pfx, "-passin", "env:DOJANG_FIXTURE_PASSWORD", "-noout")

    damaged = fx.install("seed-sha1", fx.root("export-damaged"))
    shutil.copyfile(os.path.join(fx.keys, "damaged", "flipped-last.key"), os.path.join(damaged, "signPri.key"))
    expect(fx.dojang("--export-pfx", damaged, os.path.join(home, "damaged.pfx"), stdin=PASSWORD + "\n"), 4,
           "export of a damaged key", "damaged")


def test_import(fx):
    expected = fx.pfx_expected
    folder = os.path.join(fx.home, "NPKI", "yessign", "USER", expected["folder"])

    result = fx.dojang("--import-pfx", fx.pfx("korean.pfx"), stdin=expected["password"] + "\n")
    expect(result, 0, "import into ~/NPKI", "Imported into")
    check(os.path.isdir(folder), "no folder %s" % folder)
    check(mode(os.path.join(folder, "signPri.key")) == 0o600, "the imported key is not 0600")
    check(fx.sha256(os.path.join(folder, "signCert.der")) == expected["sha256"], "another certificate imported")
    expect(fx.dojang("--check-password", folder, stdin=expected["password"] + "\n"), 0,
           "the imported key passes --check-password", "correct")
    described = fx.decrypt_key(os.path.join(folder, "signPri.key"), expected["password"])[0]
    check(described == "pbes2 cipher=seed prf=sha1 prf_explicit=False key_length=16 salt=8 iterations=2048",
          "the imported key is %s" % described)

    expect(fx.dojang("--import-pfx", fx.pfx("korean.pfx"), stdin=expected["password"] + "\n"), 0,
           "import again", "Already there")
    expect(fx.dojang("--import-pfx", fx.pfx("korean.pfx"), lang="ko", stdin=expected["password"] + "\n"), 0,
           "import again in Korean", "이미 있습니다")

    other = fx.root("import-other")
    expect(fx.dojang("--import-pfx", fx.pfx("korean-password.pfx"), "--to", other,
                     stdin=expected["password_korean"] + "\n"), 0, "import, Korean password")
    expect(fx.dojang("--check-password", os.path.join(other, "NPKI", "yessign", "USER", expected["folder"]),
                     stdin=expected["password_korean"] + "\n"), 0, "that key opens with the Korean password")

    taken = fx.root("import-taken")
    place = os.path.join(taken, "NPKI", "yessign", "USER", expected["folder"])
    os.makedirs(place)
    shutil.copyfile(os.path.join(fx.keys, "other-certificate", "signCert.der"), os.path.join(place, "signCert.der"))
    expect(fx.dojang("--import-pfx", fx.pfx("korean.pfx"), "--to", taken, stdin=expected["password"] + "\n"), 5,
           "import onto another certificate", "different certificate")
    check(os.listdir(place) == ["signCert.der"], "the other certificate's folder was changed")

    expect(fx.dojang("--import-pfx", fx.pfx("korean.pfx"), "--to", other, stdin="Wrong-Password1!\n"), 3,
           "import with a wrong password")
    expect(fx.dojang("--import-pfx", fx.pfx("random.pfx"), "--to", other, stdin=PASSWORD + "\n"), 4,
           "import of random bytes")
    expect(fx.dojang("--import-pfx", fx.pfx("no-key.pfx"), "--to", other, stdin=PASSWORD + "\n"), 4,
           "import of a .pfx without a key", "no private key")


def test_change_password(fx):
    home = fx.root("change-home")
    folder = fx.install("seed-sha1", home, km=True)
    original = read(os.path.join(folder, "signPri.key"))

    expect(fx.dojang("--change-password", folder, stdin=PASSWORD + "\nshort1!\n"), 6,
           "a new password against the rule", "At least 10 characters")
    expect(fx.dojang("--change-password", folder, lang="ko", stdin=PASSWORD + "\nNxq7#kPz2@Wabc\n"), 6,
           "the rule in Korean", "연속된 문자나 숫자 3개를 쓸 수 없음")
    expect(fx.dojang("--change-password", folder, stdin="Wrong-Password1!\n" + NEW_PASSWORD + "\n"), 3,
           "a wrong old password", "wrong")
    check(read(os.path.join(folder, "signPri.key")) == original, "a refusal changed the key")
    check(sorted(os.listdir(folder)) == ["kmCert.der", "kmPri.key", "signCert.der", "signPri.key"],
          "a refusal left files: %s" % sorted(os.listdir(folder)))

    expect(fx.dojang("--change-password", folder, stdin=PASSWORD + "\n" + NEW_PASSWORD + "\n"), 0,
           "change the password", "in the trash")
    expect(fx.dojang("--check-password", folder, stdin=NEW_PASSWORD + "\n"), 0, "the new password opens it")
    expect(fx.dojang("--check-password", folder, stdin=PASSWORD + "\n"), 3, "the old one no longer does")
    expect(fx.dojang("--check-password", os.path.join(folder, "kmPri.key"), stdin=NEW_PASSWORD + "\n"), 0,
           "kmPri.key follows")
    trash = os.path.join(fx.data, "Trash", "files")
    kept = [read(os.path.join(trash, name)) for name in os.listdir(trash) if name.startswith("signPri.key.old")]
    check(original in kept, "the old key is not in the trash")
    check(sorted(os.listdir(folder)) == ["kmCert.der", "kmPri.key", "signCert.der", "signPri.key"],
          "the change left files: %s" % sorted(os.listdir(folder)))

    # On a terminal: prompts, no echo, and the new password asked twice.
    terminal = fx.install("pbes2-seed", fx.root("change-terminal"))
    result = fx.on_terminal([PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x"], "password",
                            "--change-password", terminal)
    expect(result, 6, "two different new passwords on a terminal", "differ")
    result = fx.on_terminal([PASSWORD, NEW_PASSWORD, NEW_PASSWORD], "password", "--change-password", terminal)
    expect(result, 0, "change on a terminal", "changed")

    damaged = fx.install("seed-sha1", fx.root("change-damaged"))
    shutil.copyfile(os.path.join(fx.keys, "damaged", "flipped-last.key"), os.path.join(damaged, "signPri.key"))
    expect(fx.dojang("--change-password", damaged, stdin=PASSWORD + "\n" + NEW_PASSWORD + "\n"), 4,
           "change on a damaged key", "damaged")


def reminder_count(fx, sha256):
    with sqlite3.connect(os.path.join(fx.data, "dojang", "dojang.db")) as db:
        return db.execute("SELECT count (*) FROM reminders r JOIN certificates c ON c.id = r.certificate_id"
                          " WHERE c.sha256 = ?", (sha256,)).fetchone()[0]


def import_reminder(fx, sha256, path):
    data = {
        "format": "dojang-reminders", "version": 1, "exported_at": "2026-11-01T00:00:00Z",
        "certificates": [{"sha256": sha256, "subject": "홍길동()0011048202001011234567", "name": "홍길동",
                          "provider_id": "yessign", "type_name": "", "not_after": "2027-01-01T00:00:00Z",
                          "path": path}],
        "manual_entries": [],
        "reminders": [{"certificate_sha256": sha256, "lead_days": 30, "due": "2026-12-02T00:00:00Z",
                       "state": "pending"}],
    }
    file = os.path.join(fx.work, "reminders.json")
    with open(file, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    expect(fx.dojang("--import-reminders", file), 0, "reminders for the certificate")


def test_delete(fx):
    home = fx.root("delete-home")
    folder = fx.install("seed-sha1", home, km=True)
    sha256 = fx.sha256(os.path.join(folder, "signCert.der"))
    import_reminder(fx, sha256, os.path.join(folder, "signCert.der"))
    check(reminder_count(fx, sha256) > 0, "no reminder to retire")

    # A copy elsewhere keeps the reminders.
    copy_root = fx.root("delete-copy")
    copy = fx.install("seed-sha1", copy_root)
    expect(fx.dojang("--delete-certificate", copy, "--path", home, "--path", copy_root), 0, "delete a copy")
    check(not os.path.exists(copy), "the copy is still there")
    check(reminder_count(fx, sha256) > 0, "deleting one copy retired the reminders")

    before = files_of(folder)
    expect(fx.dojang("--delete-certificate", sha256, "--path", home), 0, "delete by fingerprint", "trash")
    check(not os.path.exists(folder), "the folder is still there")
    trash = os.path.join(fx.data, "Trash", "files")
    trashed = [files_of(os.path.join(trash, name)) for name in os.listdir(trash) if name.startswith(SUBJECT_FOLDER)]
    check(before in trashed, "the trash does not hold the folder")
    check(reminder_count(fx, sha256) == 0, "the reminders were not retired")

    # A certificate loose among other files is not deleted with them.
    downloads = fx.root("Downloads")
    shutil.copyfile(os.path.join(fx.keys, "seed-sha1", "signCert.der"), os.path.join(downloads, "signCert.der"))
    with open(os.path.join(downloads, "photo.jpg"), "wb") as f:
        f.write(b"jpeg")
    expect(fx.dojang("--delete-certificate", os.path.join(downloads, "signCert.der")), 1,
           "delete a loose certificate", "other files")
    check(sorted(os.listdir(downloads)) == ["photo.jpg", "signCert.der"], "the folder was touched")


UNSHARE_SCRIPT = r"""
set -e
mount -t ramfs dojang-stick "$STICK"
mkdir "$STICK/empty"
cp -r "$SOURCE_NPKI" "$STICK/NPKI"
mount -o remount,ro "$STICK"
set +e
"$DOJANG" --copy-certificate "$SOURCE_FOLDER" --to "$STICK/empty"; echo "copy=$?"
"$DOJANG" --delete-certificate "$STICK_FOLDER"; echo "delete=$?"
printf '%s\n%s\n' "$OLD" "$NEW" | "$DOJANG" --change-password "$STICK_FOLDER"; echo "change=$?"
printf '%s\n' "$OLD" | "$DOJANG" --export-pfx "$STICK_FOLDER" "$STICK/out.pfx"; echo "export=$?"
printf '%s\n' "$PFX_PASSWORD" | "$DOJANG" --import-pfx "$PFX" --to "$STICK"; echo "import=$?"
"$DOJANG" --list-certificates --json > "$LISTING"; echo "list=$?"
"""


def test_mounted_media(fx):
    """A read-only stick (a ramfs mounted in a private mount namespace, then
    made read-only) refuses every write with exit 7 and says why; and its
    top NPKI folder is scanned without --path, as any mounted volume's."""
    home = fx.root("media-home")
    source = fx.install("seed-sha1", home)
    stick = fx.root("stick")
    listing = os.path.join(fx.work, "listing.json")
    env = dict(fx.env, DOJANG=fx.binary, STICK=stick, SOURCE_NPKI=os.path.join(home, "NPKI"),
               SOURCE_FOLDER=source, STICK_FOLDER=os.path.join(stick, "NPKI", "yessign", "USER", SUBJECT_FOLDER),
               OLD=PASSWORD, NEW=NEW_PASSWORD, PFX=fx.pfx("korean.pfx"),
               PFX_PASSWORD=fx.pfx_expected["password"], LISTING=listing)
    result = subprocess.run(["unshare", "--map-root-user", "--mount", "sh", "-c", UNSHARE_SCRIPT],
                            env=env, capture_output=True, text=True, timeout=120)
    if not check(result.returncode == 0 and "list=" in result.stdout,
                 "unshare could not make a read-only mount: %s %s" % (result.stdout, result.stderr)):
        return
    statuses = dict(line.split("=") for line in result.stdout.splitlines() if "=" in line and " " not in line)
    for operation in ("copy", "delete", "change", "export", "import"):
        check(statuses.get(operation) == "7", "%s on read-only media exited %s" % (operation, statuses.get(operation)))
    check(result.stderr.count("read-only medium") >= 5, "not every refusal says read-only: %s" % result.stderr)
    check(statuses.get("list") == "0", "listing failed")
    with open(listing, encoding="utf-8") as f:
        found = [c["path"] for c in json.load(f)["certificates"]]
    check(os.path.join(stick, "NPKI", "yessign", "USER", SUBJECT_FOLDER, "signCert.der") in found,
          "the mounted stick's NPKI folder was not scanned: %s" % found)
    print("ok: read-only media and a mounted volume")


def main():
    fx = Fixtures(sys.argv[1])
    try:
        for test in (test_copy, test_export, test_import, test_change_password, test_delete, test_mounted_media):
            test(fx)
    finally:
        fx.remove()
    print("%d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
