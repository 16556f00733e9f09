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
  - Export: a wrong password and then the right one, the file named in
    GTK's own save dialog (GtkFileChooserNative falls back to it without a
    portal), written 0600, and OpenSSL reads the same certificate from it
    with the password;
  - a certificate without its private key: Export and Change Password are
    greyed out with the reason, and app.export-pfx refuses it too;
  - Delete: the confirmation, the folder in the trash, the window back on
    the list, Undo in the toast brings it back and the list shows it again;
  - Import: a .pfx made by OpenSSL handed to app.import-pfx (what a drop on
    the page does): a wrong password, the right one, the certificate in
    ~/NPKI and in the list, then "already there";
  - afterwards no password is in the settings, the database or the app's
    output.

    test-certificate-tools-gui.py DOJANG PRELOAD SCREENSHOT_DIR
"""

import glob
import hashlib
import json
import os
import pwd
import shutil
import subprocess
import sys
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
MAIN = "도장"
EXPORT_TITLE = "인증서를 .pfx로 내보내기"
SAVE_TITLE = ".pfx 파일 저장"
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


def open_tool(dojang, certificate, button_label, offered, title, opened):
    """The certificate's details, then the tool's button there: the main
    window and the tool's window (None if either step failed)."""
    main = show_details(dojang, certificate)
    button = dojang.find(main, "push button", contains=button_label)
    if not check(offered, button is not None):
        return main, None
    button.doActionNamed("click")
    dialog = dojang.frame(title)
    check(opened, dialog is not None)
    return main, dialog


def copy_flow(dojang, certificate, other, stick):
    _, dialog = open_tool(dojang, certificate, "USB 저장 장치나 폴더로 복사", "the details offer the copy",
                          "인증서 복사", "it opens the copy dialog (window title 인증서 복사)")
    if dialog is None:
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


def back_button(main):
    """The header's back button, there only while a subpage (the details) shows:
    GTK 4.8 leaves hidden widgets out of the accessible tree."""
    return next((n for n in walk(main) if n.roleName == "push button" and n.name == "이전"), None)


def export_flow(dojang, certificate, password, work):
    _, dialog = open_tool(dojang, certificate, ".pfx로 내보내기", "the details offer the export",
                          EXPORT_TITLE, f"it opens the export dialog (window title {EXPORT_TITLE})")
    if dialog is None:
        return
    dojang.point_at(dialog)
    check("with a named password entry", dojang.find_entry(dialog, "인증서 암호") is not None)
    export = dojang.find(dialog, "push button", contains="내보내기(E)")
    check("Export waits for the password",
          export is not None and not export.getState().contains(pyatspi.STATE_SENSITIVE))
    folder = os.path.join(work, "export")
    os.makedirs(folder)
    target = os.path.join(folder, "exported.pfx")

    def save_as(path):
        chooser = dojang.frame(SAVE_TITLE)
        if not check(f"Export asks where to save in GTK's save dialog (window title {SAVE_TITLE})",
                     chooser is not None):
            return False
        dojang.point_at(chooser)
        rawinput.keyCombo("<Control>a")
        rawinput.typeText(path)
        rawinput.pressKey("Return")
        return check("the save dialog closes on Enter", dojang.frame_gone(SAVE_TITLE))

    # The focus starts in the password entry; Enter is Export.
    rawinput.typeText(WRONG_PASSWORD)
    check("Export is possible once a password is typed",
          wait_for(lambda: export.getState().contains(pyatspi.STATE_SENSITIVE)))
    rawinput.pressKey("Return")
    if not save_as(target):
        return
    wrong = dojang.find(dialog, "label", contains="내보내지 않았습니다")
    check("a wrong password is said so", wrong is not None)
    check("and nothing is written", not os.listdir(folder), repr(os.listdir(folder)))
    dojang.point_at(dialog)
    # The wrong password was wiped and the focus is back in its entry.
    rawinput.typeText(password)
    rawinput.pressKey("Return")
    if not save_as(target):
        return
    done = dojang.find(dialog, "label", contains="내보냈습니다")
    check("the right password exports it, and says where", done is not None and "exported.pfx" in done.name,
          done.name if done else "")
    dojang.shoot("tools-5-export", EXPORT_TITLE)
    if not check("the .pfx file is written", os.path.isfile(target)):
        return
    mode = os.stat(target).st_mode & 0o777
    check("and private (0600)", mode == 0o600, oct(mode))
    pem = subprocess.run(["openssl", "pkcs12", "-in", target, "-passin", "env:DOJANG_PFX_PASSWORD", "-nokeys"],
                         env=dict(os.environ, DOJANG_PFX_PASSWORD=password), capture_output=True, timeout=60)
    der = subprocess.run(["openssl", "x509", "-outform", "DER"], input=pem.stdout, capture_output=True, timeout=60)
    check("OpenSSL opens it with the certificate's password, and it holds that certificate",
          pem.returncode == 0 and der.returncode == 0 and hashlib.sha256(der.stdout).hexdigest() == certificate["sha256"],
          pem.stderr.decode(errors="replace"))
    rawinput.pressKey("Escape")
    check("Escape closes the export dialog", dojang.frame_gone(EXPORT_TITLE))


def no_key_flow(dojang, certificate):
    main = show_details(dojang, certificate)
    for label in (".pfx로 내보내기", "암호 변경(P)"):
        button = dojang.find(main, "push button", contains=label)
        check(f"without a private key, {label} is greyed out",
              button is not None and not button.getState().contains(pyatspi.STATE_SENSITIVE))
        check(f"and {label} says why", button is not None and "signPri.key" in (button.description or ""),
              button.description if button else "")
    dojang.activate("export-pfx", certificate["sha256"])
    check("app.export-pfx refuses it too, with a toast that says why",
          toast_part(main, "label", "signPri.key") is not None)
    check("and opens no dialog", not any(w.name == EXPORT_TITLE for w in dojang.app.children))


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
    _, dialog = open_tool(dojang, certificate, "암호 변경(P)", "the details offer the password change",
                          "인증서 암호 변경", "it opens the dialog (window title 인증서 암호 변경)")
    if dialog is None:
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
    main, dialog = open_tool(dojang, certificate, "삭제(D)", "the details offer Delete",
                             "인증서 삭제", "it asks first (window title 인증서 삭제)")
    if dialog is None:
        return
    check("the details have the header's back button", back_button(main) is not None)
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
    check("the deleted certificate's details were left for the list, and Undo leaves the list there",
          wait_for(lambda: back_button(main) is None, timeout=8))
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
    dojang_gui.check_no_warnings(dojang_gui.app_log(work))


def main():
    os.makedirs(SHOTS, exist_ok=True)
    stick = mount_stick()
    work, at, expected = dojang_gui.renewal_tree("dojang-tools-gui-")
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
        export_flow(dojang, certificates["yessign-free"], password, work)
        no_key_flow(dojang, certificates["yessign-nokey"])
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
