#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The renewal assistant and the password check, driven through AT-SPI in
Korean on the real `dojang` binary, as a person with a keyboard would:

  - `dojang --renew CERT`: a certificate inside its window; a wrong
    password (the step stays, the focus stays in the entry), the right one,
    card 4111 1111 1111 1111 (grouped as typed, Tab to the expiry, copying
    refused), the confirmation with the new validity, Finish (recorded);
  - app.renew on the running app: a free certificate (payment skipped,
    renewed at the bank), cancelled with Escape (nothing recorded);
  - `dojang --renew SHA256` while Dojang runs: an expired certificate
    (new issue, CA phone and hours, no Next);
  - a certificate too early to renew: "remind me that day";
  - the certificate details: a renewed certificate shown as replaced, and
    the "Check password…" dialog;
  - afterwards no password and no card number may be in the database, the
    settings (a keyfile backend, to be read), the app's stderr or the
    clipboard and primary selection.

    test-renewal-assistant.py DOJANG PRELOAD READ_CLIPBOARD SCREENSHOT_DIR

Screenshots of every step stay in SCREENSHOT_DIR for people to look at.
DOJANG_NOW pins the app's clock to the instant the fixtures are built for.
"""

import datetime
import glob
import os
import shutil
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "support"))
import dojang_gui  # noqa: E402
from dojang_gui import KST, check, pyatspi, rawinput, wait_for, walk  # noqa: E402

DOJANG, PRELOAD, READ_CLIPBOARD, SHOTS = sys.argv[1:5]
REHEARSAL = " · 모의 갱신"
RIGHT_PASSWORD = "fixture-password-1!"
WRONG_PASSWORD = "wrong-password-9!"
CARD = "4111111111111111"
CARD_GROUPED = "4111 1111 1111 1111"


def korean_day(day):
    return f"{day.year}년 {day.month}월 {day.day}일"


def expiry_day(not_after):
    instant = datetime.datetime.strptime(not_after, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    return (instant - datetime.timedelta(seconds=1)).astimezone(KST).date()


class Dojang(dojang_gui.Dojang):
    def __init__(self, args, env):
        super().__init__(DOJANG, args, env, SHOTS)
        self.clipboards = []

    def read_clipboard(self):
        """The clipboard and primary selection now: they go when their owner exits."""
        result = subprocess.run([READ_CLIPBOARD], env=self.env, capture_output=True, text=True, timeout=30)
        check("the clipboard can be read", result.returncode == 0, result.stderr)
        self.clipboards.append(result.stdout)
        return result.stdout

    def close(self):
        """Closes the main window as a person would, so it saves its settings."""
        check("dojang kept running", self.process.poll() is None, f"exit status {self.process.returncode}")
        main = next((w for w in self.app.children if w.name == "도장"), None)
        close = next((n for n in walk(main) if n.roleName == "push button" and n.name == "닫기"), None) \
            if main is not None else None
        if check("the main window has a close button", close is not None):
            close.doActionNamed("click")
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                pass
            check("closing the window ends dojang cleanly", self.process.returncode == 0,
                  f"exit status {self.process.returncode}")
        self.stop()


def rehearsals(db, sha256):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT payment_method, outcome FROM rehearsals WHERE certificate_sha256 = ?",
                                  (sha256,)).fetchall()


def paid_flow(dojang, certificate, db):
    select = dojang.frame("인증서 선택" + REHEARSAL)
    if not check("--renew opens the assistant on its first step", select is not None):
        return
    dojang.point_at(select)
    row = dojang.find(select, "list item", contains=certificate["name"])
    check("the certificate is there and can be renewed", row is not None and "지금 갱신 가능" in row.name,
          row.name if row else "")
    check("it is pre-selected and focused", wait_for(lambda: row.getState().contains(pyatspi.STATE_FOCUSED)))
    check("the verdict says it can be renewed now",
          dojang.find(select, "label", contains="지금 갱신할 수 있습니다") is not None)
    dojang.shoot("renewal-1-select", "인증서 선택")

    rawinput.pressKey("Return")
    password = dojang.frame("인증서 암호 입력" + REHEARSAL)
    if not check("Enter goes to the password step (window title)", password is not None):
        return
    entry = dojang.find_entry(password, "인증서 암호")
    check("the password entry is named", entry is not None)
    check("the focus is in the password entry", wait_for(lambda: dojang.focused(password) == entry))
    dojang.shoot("renewal-2-password", "인증서 암호 입력")

    rawinput.typeText(WRONG_PASSWORD)
    rawinput.pressKey("Return")
    wrong = dojang.find(password, "label", contains="암호가 틀렸습니다")
    check("a wrong password is said so", wrong is not None)
    check("it stays on the password step", password.name == "인증서 암호 입력" + REHEARSAL)
    check("and says what to do if it is forgotten, without a lockout",
          wrong is not None and "재발급" in wrong.name and "잠기지 않습니다" in wrong.name)
    check("the focus stays in the password entry", wait_for(lambda: dojang.focused(password) == entry))
    dojang.shoot("renewal-2-password-wrong", "인증서 암호 입력")

    started = time.monotonic()
    rawinput.typeText(RIGHT_PASSWORD)
    rawinput.pressKey("Return")
    payment = dojang.frame("결제" + REHEARSAL)
    if not check("the right password goes on to the payment", payment is not None):
        return
    print(f"# password accepted and next step shown in {time.monotonic() - started:.2f} s")
    number = dojang.find(payment, "text", "카드 번호")
    expiry = dojang.find(payment, "text", "유효기간 (MM/YY)")
    check("the card number and expiry entries are named", number is not None and expiry is not None)
    check("the card is the default method and its number has the focus",
          wait_for(lambda: dojang.focused(payment) == number))
    check("the fee is the certificate's", dojang.find(payment, "label", contains="4,400") is not None)
    dojang.shoot("renewal-3-payment", "결제")

    next_button = dojang.find(payment, "push button", "다음")
    check("Next waits for the card details", not next_button.getState().contains(pyatspi.STATE_SENSITIVE))
    rawinput.typeText(CARD)
    # Copying the number is refused (the clipboard is read at the end).
    rawinput.keyCombo("<Control>a")
    rawinput.keyCombo("<Control>c")
    dojang.read_clipboard()
    rawinput.pressKey("Tab")
    check("Tab goes from the card number to its expiry", wait_for(lambda: dojang.focused(payment) == expiry))
    # Typed without the slash: only "12/30", grouped as typed, makes a valid expiry.
    rawinput.typeText("1230")
    check("the card is accepted (Luhn, MM/YY not past)",
          dojang.find(payment, "label", contains="카드 정보가 올바릅니다") is not None)
    check("and Next is possible", wait_for(lambda: next_button.getState().contains(pyatspi.STATE_SENSITIVE)))
    dojang.shoot("renewal-3-payment-card", "결제")
    rawinput.pressKey("Return")

    confirm = dojang.frame("확인" + REHEARSAL)
    if not check("Enter confirms the payment", confirm is not None):
        return
    new_day = expiry_day(certificate["not_after"])
    new_day = new_day.replace(year=new_day.year + 1)
    check("the confirmation reads the new validity (expiry + 1 year)",
          dojang.find(confirm, "label", contains=korean_day(new_day) + "까지") is not None, korean_day(new_day))
    check("it says where to renew for real", dojang.find(confirm, "label", contains="signgate.com") is not None)
    check("the summary has the method", dojang.find(confirm, "label", "신용카드") is not None)
    check("the last page has 갱신 페이지 열기", dojang.find(confirm, "push button", "갱신 페이지 열기") is not None)
    check("nothing is recorded before Finish", rehearsals(db, certificate["sha256"]) == [])
    dojang.shoot("renewal-4-confirm", "확인")

    finish = dojang.find(confirm, "push button", "마치기")
    finish.doActionNamed("click")
    check("Finish closes the assistant", dojang.frame_gone("확인" + REHEARSAL))
    check("the finished rehearsal is recorded",
          wait_for(lambda: rehearsals(db, certificate["sha256"]) == [("card", "finished")]),
          repr(rehearsals(db, certificate["sha256"])))


def free_flow(dojang, certificate, db):
    dojang.activate("renew", certificate["sha256"])
    select = dojang.frame("인증서 선택" + REHEARSAL)
    if not check("app.renew opens the assistant", select is not None):
        return
    dojang.point_at(select)
    row = dojang.find(select, "list item", contains=certificate["name"])
    check("app.renew pre-selects its certificate", wait_for(lambda: row.getState().contains(pyatspi.STATE_FOCUSED)))
    rawinput.pressKey("Return")
    password = dojang.frame("인증서 암호 입력" + REHEARSAL)
    if not check("on to the password", password is not None):
        return
    check("the free certificate's payment step says so",
          dojang.find(password, "label", contains="무료 — 결제 단계 없음") is not None)
    entry = dojang.find_entry(password, "인증서 암호")
    choose = dojang.find(password, "check box", contains="새 암호도 정하기")
    if check("a new password can be practised", choose is not None):
        # With the keyboard: Tab to the check box, Space, and back.
        rawinput.pressKey("Tab")
        check("Tab goes from the password to that choice", wait_for(lambda: dojang.focused(password) == choose))
        rawinput.pressKey("space")
        check("its rule is shown line by line",
              wait_for(lambda: choose.getState().contains(pyatspi.STATE_CHECKED)) and
              dojang.find(password, "label", contains="10자 이상") is not None)
        dojang.shoot("renewal-2-password-new", "인증서 암호 입력")
        rawinput.pressKey("space")
        rawinput.keyCombo("<Shift>Tab")
    check("the focus is back in the password entry", wait_for(lambda: dojang.focused(password) == entry))
    rawinput.typeText(RIGHT_PASSWORD)
    rawinput.pressKey("Return")
    confirm = dojang.frame("확인" + REHEARSAL)
    check("a free certificate skips the payment step", confirm is not None)
    if confirm is None:
        return
    check("the fee is 무료 — 결제 단계 없음", dojang.find(confirm, "label", "무료 — 결제 단계 없음") is not None)
    check("it is renewed at the bank's 인증센터", dojang.find(confirm, "label", contains="인증센터") is not None)
    dojang.shoot("renewal-5-free-confirm", "확인")
    rawinput.pressKey("Escape")
    check("Escape cancels the assistant", dojang.frame_gone("확인" + REHEARSAL))
    time.sleep(1)
    check("a cancelled rehearsal leaves nothing behind", rehearsals(db, certificate["sha256"]) == [])


def expired_flow(dojang, certificate, env):
    result = subprocess.run([DOJANG, "--renew", certificate["sha256"]], env=env, capture_output=True,
                            text=True, timeout=60)
    check("`dojang --renew SHA256` hands over to the running Dojang", result.returncode == 0, result.stderr)
    select = dojang.frame("인증서 선택" + REHEARSAL)
    if not check("and the assistant opens there", select is not None):
        return
    row = dojang.find(select, "list item", contains=certificate["name"])
    check("the expired certificate is selected", wait_for(lambda: row.getState().contains(pyatspi.STATE_SELECTED)))
    check("it says it can no longer be renewed",
          dojang.find(select, "label", contains="만료되어 더 이상 갱신할 수 없습니다") is not None)
    check("it explains the new issue", dojang.find(select, "label", contains="신규 발급") is not None)
    check("with the CA's phone and whether it is open now",
          dojang.find(select, "label", contains="1566-0566") is not None)
    next_button = dojang.find(select, "push button", "다음")
    check("and there is no going on", next_button is not None and
          not next_button.getState().contains(pyatspi.STATE_SENSITIVE))
    dojang.shoot("renewal-6-expired", "인증서 선택")
    dojang.point_at(select)
    rawinput.pressKey("Escape")
    check("Escape closes it", dojang.frame_gone("인증서 선택" + REHEARSAL))


def too_early_flow(dojang, certificate, db):
    dojang.activate("renew", certificate["sha256"])
    select = dojang.frame("인증서 선택" + REHEARSAL)
    if not check("the assistant opens on a certificate too early to renew", select is not None):
        return
    opens = expiry_day(certificate["not_after"]) - datetime.timedelta(days=30)
    check("it says from which date renewal opens",
          dojang.find(select, "label", contains=korean_day(opens) + "부터 갱신할 수 있습니다") is not None,
          korean_day(opens))
    remind = dojang.find(select, "push button", contains="그날 알려 주기")
    if check("it offers to remind that day", remind is not None):
        remind.doActionNamed("click")
        check("and confirms the reminder", dojang.find(select, "label", contains="알려 드리겠습니다") is not None)
        with sqlite3.connect(db) as connection:
            due = connection.execute(
                "SELECT r.due FROM reminders r JOIN certificates c ON c.id = r.certificate_id"
                " WHERE c.sha256 = ? AND r.requested = 1", (certificate["sha256"],)).fetchall()
        want = int(datetime.datetime(opens.year, opens.month, opens.day, 9, tzinfo=KST).timestamp())
        check("the reminder falls due at 09:00 on the day renewal opens", due == [(want,)], repr(due))
    dojang.shoot("renewal-7-too-early", "인증서 선택")
    dojang.point_at(select)
    rawinput.pressKey("Escape")
    check("Escape closes it", dojang.frame_gone("인증서 선택" + REHEARSAL))


def details_flow(dojang, old, paid):
    dojang.activate("show-certificate", old["sha256"])
    main = wait_for(lambda: next((w for w in dojang.app.children if w.name == "도장"), None))
    if not check("the main window is there", main is not None):
        return
    check("the renewed certificate's details say so",
          dojang.find(main, "label", contains="이 인증서는 갱신되었습니다") is not None)
    check("and offer the new one", dojang.find(main, "push button", contains="새 인증서 보기") is not None)
    check("the list shows it as replaced",
          dojang.find(main, "list item", contains=old["name"] + ", ") is not None and
          any("대체됨" in (n.name or "") for n in walk(main) if n.roleName == "list item"))

    dojang.activate("show-certificate", paid["sha256"])
    check("a rehearsed certificate shows its rehearsal",
          dojang.find(main, "label", contains="모의 갱신을 마쳤습니다") is not None)
    renew = dojang.find(main, "push button", contains="갱신(R)")
    check("the Renew button is live", renew is not None and renew.getState().contains(pyatspi.STATE_SENSITIVE))
    button = dojang.find(main, "push button", "인증서 암호 확인…")
    if not check("the details offer 인증서 암호 확인…", button is not None):
        return
    dojang.shoot("renewal-8-details", "도장")
    # The clipboard reader sees what the app puts there (it can catch a leak).
    copy = dojang.find(main, "push button", contains="정보 복사")
    if check("the details can be copied", copy is not None):
        copy.doActionNamed("click")
        check("the clipboard reader sees the copied details",
              wait_for(lambda: paid["name"] in dojang.read_clipboard(), timeout=5))
    button.doActionNamed("click")
    dialog = dojang.frame("인증서 암호 확인")
    if not check("it opens the password check", dialog is not None):
        return
    dojang.point_at(dialog)
    entry = dojang.find_entry(dialog, "인증서 암호")
    check("with the focus in the password entry", wait_for(lambda: dojang.focused(dialog) == entry))
    rawinput.typeText(WRONG_PASSWORD)
    rawinput.pressKey("Return")
    check("a wrong password is said so", dojang.find(dialog, "label", contains="암호가 틀렸습니다") is not None)
    dojang.shoot("renewal-9-check-wrong", "인증서 암호 확인")
    rawinput.typeText(RIGHT_PASSWORD)
    rawinput.pressKey("Return")
    check("the right one too", dojang.find(dialog, "label", "암호가 맞습니다.") is not None)
    dojang.shoot("renewal-9-check-right", "인증서 암호 확인")
    rawinput.pressKey("Escape")
    check("Escape closes the dialog", dojang.frame_gone("인증서 암호 확인"))


def secrets_check(work, env, clipboards):
    secrets = [RIGHT_PASSWORD, WRONG_PASSWORD, CARD, CARD_GROUPED]
    places = glob.glob(os.path.join(env["XDG_DATA_HOME"], "dojang", "*"))
    places += glob.glob(os.path.join(env["XDG_CONFIG_HOME"], "glib-2.0", "settings", "*"))
    places.append(os.path.join(work, "stderr.log"))
    check("the database and settings files exist to be read",
          any(p.endswith("dojang.db") for p in places) and any(p.endswith("keyfile") for p in places),
          repr(places))
    contents = {f"clipboard {i + 1}": text.encode() for i, text in enumerate(clipboards)}
    for path in places:
        with open(path, "rb") as f:
            contents[path] = f.read()
    for secret in secrets:
        found = [where for where, data in contents.items() if secret.encode() in data]
        check(f"'{secret}' is nowhere (database, settings, stderr, clipboard)", not found, repr(found))
    log = dojang_gui.app_log(work)
    for line in log:
        if "Password checked in" in line:
            print("# " + line.strip())
    dojang_gui.check_no_warnings(log)


def main():
    os.makedirs(SHOTS, exist_ok=True)
    work, at, expected = dojang_gui.renewal_tree("dojang-renewal-gui-")
    certificates = {c["label"]: c for c in expected["certificates"]}

    env = dict(os.environ, LANGUAGE="ko", LC_ALL="C.UTF-8", DOJANG_NOW=at, G_DEBUG="fatal-criticals",
               G_MESSAGES_DEBUG="all", GSETTINGS_BACKEND="keyfile", DOJANG_TEST_WORK=work,
               LD_PRELOAD=PRELOAD, DOJANG_SCREENSHOT_DIR=SHOTS)
    db = os.path.join(env["XDG_DATA_HOME"], "dojang", "dojang.db")
    paid = certificates["kica-paid"]

    dojang = Dojang(["--renew", os.path.dirname(paid["path"])], env)
    try:
        paid_flow(dojang, paid, db)
        free_flow(dojang, certificates["yessign-free"], db)
        expired_flow(dojang, certificates["crosscert-expired"], env)
        too_early_flow(dojang, certificates["tradesign-early"], db)
        details_flow(dojang, certificates["kica-old"], paid)
        dojang.read_clipboard()
    finally:
        dojang.close()
    secrets_check(work, env, dojang.clipboards)
    shutil.rmtree(work, ignore_errors=True)

    return dojang_gui.finish("renewal assistant in Korean")


if __name__ == "__main__":
    dojang_gui.run(main)
