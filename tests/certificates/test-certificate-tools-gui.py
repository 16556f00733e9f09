#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The certificate tools on the details page, driven through AT-SPI in Korean
on the real `dojang` binary:

  - Copy to a USB stick: the stick is real to GIO. The test runs in a
    private mount namespace (unshare) with a fresh tmpfs on /media and a
    ramfs mounted at /media/USER/DOJANG-USB inside it, which GIO's own unix
    volume monitor (GIO_USE_VOLUME_MONITOR=unix) lists as a removable
    volume, as it does a USB stick. Nothing on the machine's /media changes.
    Copied and verified (same bytes), already there, a different
    certificate in the way (refused, nothing changed);
  - Change password: a wrong current password, the rule ticked off live,
    success; afterwards `dojang --check-password` opens the key with the new
    password and no longer with the old one, and the old key is in the trash;
  - Delete: the confirmation, the folder in the trash, Undo in the toast
    brings it back and the list shows it again;
  - Import: a .pfx made by OpenSSL handed to app.import-pfx (what a drop on
    the page does): a wrong password, the right one, the certificate in
    ~/NPKI and in the list, then "already there";
  - afterwards no password is in the settings, the database or the app's
    output.

    test-certificate-tools-gui.py DOJANG PRELOAD SCREENSHOT_DIR
"""

import datetime
import glob
import hashlib
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time

STICK_NAME = "DOJANG-USB"

# A private mount namespace first: the mounts below vanish with the test.
if os.environ.get("DOJANG_TEST_MOUNT_NAMESPACE") != "1":
    os.environ["DOJANG_TEST_MOUNT_NAMESPACE"] = "1"
    unshare = ["unshare", "--mount", "--propagation", "private"]
    if os.geteuid() != 0:
        unshare[1:1] = ["--user", "--map-root-user"]
    os.execvp("unshare", unshare + [sys.executable] + sys.argv)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "support"))
import dojang_gui  # noqa: E402
from dojang_gui import check, pyatspi, rawinput, wait_for, walk  # noqa: E402

DOJANG, PRELOAD, SHOTS = sys.argv[1:4]
KST = datetime.timezone(datetime.timedelta(hours=9))
MAIN = "도장"
WRONG_PASSWORD = "wrong-password-9!"
NEW_PASSWORD = "Pine7!river@9"


def mount_stick():
    """A tmpfs on /media (only in this namespace), a ramfs stick inside it."""
    user = pwd.getpwuid(os.getuid()).pw_name
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", "dojang-media", "/media"], check=True)
    stick = os.path.join("/media", user, STICK_NAME)
    os.makedirs(stick)
    subprocess.run(["mount", "-t", "ramfs", "-o", "mode=0755", STICK_NAME, stick], check=True)
    return stick


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def folder_digests(folder):
    return {name: digest(os.path.join(folder, name)) for name in sorted(os.listdir(folder))}


def show_details(dojang, certificate):
    dojang.activate("show-certificate", certificate["sha256"])
    main = dojang.frame(MAIN)
    check("the main window shows the certificate's details",
          main is not None and dojang.find(main, "label", certificate["name"]) is not None)
    return main


def copy_flow(dojang, certificate, other, stick):
    main = show_details(dojang, certificate)
    button = dojang.find(main, "push button", contains="USB 저장 장치나 폴더로 복사")
    if not check("the details offer the copy", button is not None):
        return
    button.doActionNamed("click")
    dialog = dojang.frame("인증서 복사")
    if not check("it opens the copy dialog (window title 인증서 복사)", dialog is not None):
        return
    dojang.point_at(dialog)
    target = dojang.find(dialog, "list item", contains=STICK_NAME)
    if not check("the USB stick from the volume monitor is a target", target is not None):
        return
    check("the first target has the focus", wait_for(lambda: dojang.focused(dialog) == target))
    check("choosing a folder is offered too", dojang.find(dialog, "list item", contains="폴더 선택") is not None)
    dojang.shoot("tools-1-copy", "인증서 복사")

    rawinput.pressKey("Return")
    done = dojang.find(dialog, "label", contains="복사하고 검증했습니다")
    check("the copy is reported as copied and verified", done is not None)
    source = os.path.dirname(certificate["path"])
    relative = os.path.relpath(source, os.path.join(os.environ["HOME"]))
    copied = os.path.join(stick, relative)
    check("the copy is at STICK/NPKI/<CA>/USER/<folder>", os.path.isdir(copied), copied)
    if os.path.isdir(copied):
        check("with the same bytes in every file", folder_digests(copied) == folder_digests(source))
        mode = os.stat(os.path.join(copied, "signPri.key")).st_mode & 0o777
        check("the copied key is private (0600)", mode == 0o600, oct(mode))
    dojang.shoot("tools-1-copy-done", "인증서 복사")

    rawinput.pressKey("Return")
    check("copying again says it is already there",
          dojang.find(dialog, "label", contains="이미 있습니다") is not None)

    # Another certificate where this one would go: the copy is refused.
    shutil.copyfile(other["path"], os.path.join(copied, "signCert.der"))
    before = folder_digests(copied)
    rawinput.pressKey("Return")
    refused = dojang.find(dialog, "label", contains="거부했습니다")
    check("a different certificate in the way is refused", refused is not None)
    check("and says nothing was changed", refused is not None and "바꾸지 않았습니다" in refused.name,
          refused.name if refused else "")
    check("nothing on the stick changed", folder_digests(copied) == before)
    dojang.shoot("tools-1-copy-refused", "인증서 복사")
    rawinput.pressKey("Escape")
    check("Escape closes the copy dialog", dojang.frame_gone("인증서 복사"))


def run_check_password(env, folder, password):
    result = subprocess.run([DOJANG, "--check-password", folder], input=password + "\n", env=env,
                            capture_output=True, text=True, timeout=60)
    return result.returncode


def requirement_lines(dialog):
    """The rule's lines by their accessible names: "REQUIREMENT: 충족" when met,
    "REQUIREMENT: 미충족" when not, the bare requirement before any typing."""
    rule = next((n for n in walk(dialog) if n.name == "암호 조건"), None)
    return [n.name for n in walk(rule) if n.roleName == "label"] if rule is not None else []


def rule_state(dialog):
    lines = requirement_lines(dialog)
    if len(lines) != 9:
        return None
    if all(line.endswith(": 충족") for line in lines):
        return "met"
    if any(line.endswith(": 미충족") or line.endswith(": 충족") for line in lines):
        return "started"
    return "empty"


def password_flow(dojang, certificate, password, env):
    main = show_details(dojang, certificate)
    button = dojang.find(main, "push button", contains="암호 변경(P)")
    if not check("the details offer the password change", button is not None):
        return
    button.doActionNamed("click")
    dialog = dojang.frame("인증서 암호 변경")
    if not check("it opens the dialog (window title 인증서 암호 변경)", dialog is not None):
        return
    dojang.point_at(dialog)
    old = dojang.find_entry(dialog, "현재 암호")
    new = dojang.find_entry(dialog, "새 암호")
    repeat = dojang.find_entry(dialog, "새 암호 다시 입력")
    if not check("the three entries are named", None not in (old, new, repeat)):
        return
    change = dojang.find(dialog, "push button", contains="암호 변경(H)")
    check("Change waits for the passwords",
          change is not None and not change.getState().contains(pyatspi.STATE_SENSITIVE))
    check("the rule is listed, nothing typed yet", wait_for(lambda: rule_state(dialog) == "empty"),
          repr(requirement_lines(dialog)))

    # GTK 4.8 reports neither the focus inside an entry row nor a password
    # entry's text: where the typing lands shows where the focus is.
    rawinput.typeText(WRONG_PASSWORD)
    time.sleep(0.5)
    check("the first typing goes to the current password, not the new one", rule_state(dialog) == "empty")
    rawinput.pressKey("Tab")  # the current password's show button
    rawinput.pressKey("Tab")
    rawinput.typeText("abcabc")
    lines = wait_for(lambda: (lambda got: got if rule_state(dialog) == "started" else None)(requirement_lines(dialog)))
    check("Tab goes on to the new password, and the rule reacts live", lines is not None)
    lines = lines or []
    check("it says what a short password lacks", "10자 이상: 미충족" in lines, repr(lines))
    check("it flags three letters in order",
          any(line.startswith("연속된 문자나 숫자") and line.endswith(": 미충족") for line in lines), repr(lines))
    check("and ticks off what is met", "영문자 1개 이상: 충족" in lines, repr(lines))
    dojang.shoot("tools-2-password-rule", "인증서 암호 변경")
    for _ in range(6):
        rawinput.pressKey("BackSpace")
    rawinput.typeText(NEW_PASSWORD)
    rawinput.pressKey("Tab")
    rawinput.pressKey("Tab")
    rawinput.typeText(NEW_PASSWORD)
    check("typed twice, the new password meets every line of the rule",
          wait_for(lambda: rule_state(dialog) == "met"), repr(requirement_lines(dialog)))
    check("Change is possible", wait_for(lambda: change.getState().contains(pyatspi.STATE_SENSITIVE)))
    rawinput.pressKey("Return")
    wrong = dojang.find(dialog, "label", contains="현재 암호가 틀렸습니다")
    check("a wrong current password is said so", wrong is not None)
    check("the key still opens with the old password", run_check_password(env, certificate["path"], password) == 0)
    dojang.shoot("tools-2-password-wrong", "인증서 암호 변경")

    # The wrong password was cleared and the focus is back in its entry.
    rawinput.typeText(password)
    rawinput.pressKey("Return")
    done = dojang.find(dialog, "label", contains="암호를 바꿨습니다")
    check("the focus was back in the current password: the right one changes it", done is not None)
    check("saying the old key file is in the trash", done is not None and "휴지통" in done.name)
    check("the new password is wiped from its entries", wait_for(lambda: rule_state(dialog) == "empty"),
          repr(requirement_lines(dialog)))
    dojang.shoot("tools-2-password-done", "인증서 암호 변경")
    rawinput.pressKey("Escape")
    check("Escape closes the dialog", dojang.frame_gone("인증서 암호 변경"))

    check("`dojang --check-password` opens the key with the new password",
          run_check_password(env, certificate["path"], NEW_PASSWORD) == 0)
    check("and no longer with the old one", run_check_password(env, certificate["path"], password) == 3)
    trashed = glob.glob(os.path.join(env["XDG_DATA_HOME"], "Trash", "files", "signPri*"))
    check("the old key file is in the trash", len(trashed) == 1, repr(trashed))


def toast_part(frame, role, contains):
    """A toast's part, looked for above the pages (whose trees are large)."""
    def search():
        queue = [frame]
        while queue:
            node = queue.pop(0)
            try:
                if node.roleName == role and contains in (node.name or ""):
                    return node
                if node.roleName == "filler" and (node.name or "").endswith("Page"):
                    continue
                queue.extend(node.children)
            except Exception:
                continue
        return None
    return wait_for(search, timeout=8)


def delete_flow(dojang, certificate):
    folder = os.path.dirname(certificate["path"])
    before = folder_digests(folder)
    main = show_details(dojang, certificate)
    button = dojang.find(main, "push button", contains="삭제(D)")
    if not check("the details offer Delete", button is not None):
        return
    button.doActionNamed("click")
    dialog = dojang.frame("인증서 삭제")
    if not check("it asks first (window title 인증서 삭제)", dialog is not None):
        return
    check("the question names the folder", dojang.find(dialog, "label", contains=os.path.basename(folder)) is not None)
    dojang.shoot("tools-3-delete", "인증서 삭제")
    move = dojang.find(dialog, "push button", contains="휴지통으로 옮기기")
    check("with a Move to Trash button", move is not None)
    move.doActionNamed("click")
    check("the confirmation closes", dojang.frame_gone("인증서 삭제"))
    check("the folder is gone", wait_for(lambda: not os.path.exists(folder)))
    trashed = glob.glob(os.path.join(os.environ["XDG_DATA_HOME"], "Trash", "files", os.path.basename(folder) + "*"))
    check("it is in the trash", len(trashed) == 1, repr(trashed))
    dojang.shoot("tools-3-deleted", MAIN)
    undo = toast_part(main, "push button", "되돌리기")
    check("a toast offers Undo", undo is not None and
          toast_part(main, "label", "휴지통으로 옮겼습니다") is not None)
    if undo is None:
        return
    undo.doActionNamed("click")
    check("Undo brings the folder back", wait_for(lambda: os.path.isdir(folder)))
    check("with every file as it was", wait_for(lambda: folder_digests(folder) == before))
    check("and says so", toast_part(main, "label", "원래 폴더로 되돌렸습니다") is not None)
    dojang.activate("show-certificate", certificate["sha256"])
    check("the list has the certificate again",
          dojang.find(main, "label", certificate["name"]) is not None)


def import_flow(dojang, work):
    """A .pfx made by OpenSSL, handed over as a drop hands it (app.import-pfx)."""
    pfx_dir = os.path.join(work, "pfx")
    subprocess.run([sys.executable, os.path.join(os.environ["DOJANG_SOURCE_ROOT"], "tests", "fixtures",
                                                 "make-pfx.py"), pfx_dir], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(pfx_dir, "expected.json"), encoding="utf-8") as f:
        pfx = json.load(f)
    dojang.activate("import-pfx", os.path.join(pfx_dir, "korean.pfx"))
    dialog = dojang.frame(".pfx 인증서 가져오기")
    if not check("app.import-pfx opens the import dialog (window title .pfx 인증서 가져오기)", dialog is not None):
        return
    dojang.point_at(dialog)
    check("with the file chosen", dojang.find(dialog, "label", contains="korean.pfx") is not None)
    check("and a named password entry", dojang.find_entry(dialog, ".pfx 파일 암호") is not None)
    rawinput.typeText("Dojang-Wrong1!")
    rawinput.pressKey("Return")
    wrong = dojang.find(dialog, "label", contains="가져오지 않았습니다")
    check("the focus is in the password entry, and a wrong password is said so", wrong is not None)
    rawinput.typeText(pfx["password"])
    rawinput.pressKey("Return")
    done = dojang.find(dialog, "label", contains="가져왔습니다")
    check("the right password imports it", done is not None)
    dojang.shoot("tools-4-import", ".pfx 인증서 가져오기")
    written = glob.glob(os.path.join(os.environ["HOME"], "NPKI", "*", "USER", "*", "signCert.der"))
    check("into ~/NPKI/<CA>/USER/<folder>", any(digest(path) == pfx["sha256"] for path in written))
    rawinput.typeText(pfx["password"])
    rawinput.pressKey("Return")
    check("importing it again says it is already there",
          dojang.find(dialog, "label", contains="이미 있습니다") is not None)
    rawinput.pressKey("Escape")
    check("Escape closes the dialog", dojang.frame_gone(".pfx 인증서 가져오기"))
    dojang.activate("show-certificate", pfx["sha256"])
    main = dojang.frame(MAIN)
    check("the application's list shows the imported certificate",
          dojang.find(main, "label", pfx["sha256"]) is not None)


def secrets_check(work, env, password):
    places = glob.glob(os.path.join(env["XDG_DATA_HOME"], "dojang", "*"))
    places += glob.glob(os.path.join(env["XDG_CONFIG_HOME"], "glib-2.0", "settings", "*"))
    places.append(os.path.join(work, "stderr.log"))
    for secret in (password, WRONG_PASSWORD, NEW_PASSWORD, "Dojang-Test1!", "Dojang-Wrong1!"):
        found = []
        for path in places:
            with open(path, "rb") as f:
                if secret.encode() in f.read():
                    found.append(path)
        check(f"'{secret}' is nowhere (database, settings, output)", not found, repr(found))
    with open(os.path.join(work, "stderr.log"), encoding="utf-8", errors="replace") as f:
        log = f.read().splitlines()
    warnings = [line for line in log if ("-WARNING **" in line or "-CRITICAL **" in line)
                and "Screen coordinates not supported" not in line]
    check("the app logged no warnings", not warnings, "\n".join(warnings))


def main():
    source_root = os.environ["DOJANG_SOURCE_ROOT"]
    os.makedirs(SHOTS, exist_ok=True)
    stick = mount_stick()
    work = tempfile.mkdtemp(prefix="dojang-tools-gui-", dir=os.environ.get("DOJANG_TEST_SCRATCH"))
    now = datetime.datetime.now(KST).replace(microsecond=0)
    at = now.isoformat()
    home = os.environ["HOME"]
    subprocess.run([sys.executable, os.path.join(source_root, "tests", "fixtures", "make-npki-tree.py"),
                    home, "--renewal", "--at", at], check=True)
    with open(os.path.join(home, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    certificates = {c["label"]: c for c in expected["certificates"]}
    password = expected["key_password"]

    env = dict(os.environ, LANGUAGE="ko", LC_ALL="C.UTF-8", DOJANG_NOW=at, G_DEBUG="fatal-criticals",
               G_MESSAGES_DEBUG="all", GSETTINGS_BACKEND="keyfile", DOJANG_TEST_WORK=work,
               GIO_USE_VOLUME_MONITOR="unix", LD_PRELOAD=PRELOAD, DOJANG_SCREENSHOT_DIR=SHOTS)
    cli_env = {k: v for k, v in env.items() if k not in ("LD_PRELOAD", "G_MESSAGES_DEBUG")}

    dojang = dojang_gui.Dojang(DOJANG, [], env, SHOTS)
    try:
        copy_flow(dojang, certificates["kica-paid"], certificates["yessign-free"], stick)
        password_flow(dojang, certificates["kica-paid"], password, cli_env)
        delete_flow(dojang, certificates["tradesign-early"])
        import_flow(dojang, work)
    finally:
        dojang.close()
        if dojang_gui.failures:
            os.system(f"grep -v 'Gtk-DEBUG\\|Gdk-DEBUG\\|GLib-GIO-DEBUG' {work}/stderr.log | tail -40")
    secrets_check(work, env, password)
    shutil.rmtree(work, ignore_errors=True)

    return dojang_gui.finish("certificate tools in Korean")


if __name__ == "__main__":
    dojang_gui.run(main)
