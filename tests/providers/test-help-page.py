# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real `dojang` binary through AT-SPI, as a person would: opens
the Help & Contacts page with the view switcher, reads the live status line
of the KICA row at known instants (a weekday morning, Chuseok, just before
lunch), opens details with the keyboard, copies the number, and opens a
provider through the `app.show-provider` action. In English and in Korean.

Run inside Xvfb and a private D-Bus session (tests/isolate.sh gives both);
DOJANG_NOW pins the app's clock."""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "support"))
import dojang_gui  # noqa: E402
from dojang_gui import check, rawinput, wait_for  # noqa: E402

dojang_gui.config.config.typingDelay = 0.02

DOJANG = sys.argv[1]
APP_ID = dojang_gui.APP_ID
TIMEOUT = 15


def clipboard_text():
    result = subprocess.run(["xclip", "-selection", "clipboard", "-o"],
                            capture_output=True, text=True, timeout=10)
    return result.stdout if result.returncode == 0 else None


def on_screen(node):
    # GTK 4.8 sets no SHOWING state; unallocated widgets have an empty size.
    width, height = node.size
    return width > 0 and height > 0


def find_all(app, role, name=None, contains=None):
    def match(node):
        if node.roleName != role:
            return False
        if name is not None and node.name != name:
            return False
        return contains is None or contains in node.name
    return [n for n in app.findChildren(match) if on_screen(n)]


def find_one(app, role, name=None, contains=None):
    nodes = find_all(app, role, name, contains)
    return nodes[0] if nodes else None


class Dojang(dojang_gui.Dojang):
    def __init__(self, language, now):
        # A GTK critical (a layout or lifetime bug) kills the app and fails the test.
        env = dict(os.environ, LANGUAGE=language, DOJANG_NOW=now, G_DEBUG="fatal-criticals")
        super().__init__(DOJANG, [], env)
        # The window's contents are there once the view switcher is.
        wait_for(lambda: find_all(self.app, "page tab"))

    def open_help_page(self, tab_name):
        tab = wait_for(lambda: find_one(self.app, "page tab", tab_name))
        check(f"view switcher has a '{tab_name}' button", tab is not None)
        if tab is not None:
            tab.doActionNamed("click")

    def provider_row(self, name):
        return wait_for(lambda: find_one(self.app, "list item", name))

    def search(self, text):
        rawinput.keyCombo("<Control>f")
        entry = wait_for(lambda: [n for n in self.app.findChildren(lambda n: n.roleName == "entry")
                                  if n.focused])
        check("Ctrl+F focuses the search entry", bool(entry))
        rawinput.keyCombo("<Control>a")
        rawinput.typeText(text)
        rawinput.pressKey("Return")


def check_row_status(dojang, provider_name, expected, timeout=TIMEOUT):
    row = dojang.provider_row(provider_name)
    check(f"row named '{provider_name}'", row is not None)
    if row is None:
        return
    status = wait_for(lambda: row.description == expected and
                      [n for n in row.findChildren(lambda n: n.roleName == "label" and n.name == expected)],
                      timeout)
    check(f"'{provider_name}' says '{expected}'", bool(status), f"description {row.description!r}")


def check_details(dojang, phone, extra_labels=()):
    number = wait_for(lambda: find_one(dojang.app, "label", phone))
    check(f"details show the number {phone}", number is not None)
    for text in extra_labels:
        check(f"details show '{text}'", wait_for(lambda: find_one(dojang.app, "label", contains=text)) is not None)


def english_weekday():
    # Monday 23 November 2026, 10:00 in Seoul.
    dojang = Dojang("en", "2026-11-23T10:00:00+09:00")
    try:
        dojang.open_help_page("Help & Contacts")
        check_row_status(dojang, "KICA", "Open now · until 18:00 (estimated)")
        check_row_status(dojang, "Koscom", "Open now · until 19:00 (estimated)")

        dojang.search("kica")
        check_details(dojang, "1577-8787", ["Before You Call", "Which Channel Fits?", "Unconfirmed"])

        copy = wait_for(lambda: find_one(dojang.app, "push button", "Copy 1577-8787"))
        check("a button copies 1577-8787", copy is not None)
        if copy is not None:
            copy.doActionNamed("click")
            # What a paste gets (the toast is checked in-process, where its
            # few seconds on screen cannot be missed on a slow machine).
            check("the number is on the clipboard",
                  wait_for(lambda: clipboard_text() == "1577-8787"), clipboard_text())

        back = wait_for(lambda: find_one(dojang.app, "push button", "Back"))
        check("the header bar has a back button", back is not None)
        if back is not None:
            back.doActionNamed("click")

        # A number finds its authority however it is typed.
        dojang.search("15777337")
        check_details(dojang, "1577-7337")

        # app.show-provider, as a notification or another page would call it.
        subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID,
                        "--object-path", "/" + APP_ID.replace(".", "/"),
                        "--method", "org.gtk.Actions.Activate",
                        "show-provider", "[<'yessign'>]", "{}"],
                       check=True, stdout=subprocess.DEVNULL, timeout=TIMEOUT)
        check_details(dojang, "1577-5500", ["renewed at your bank"])
    finally:
        dojang.close()


def korean_chuseok():
    # Friday 25 September 2026 is Chuseok; the next working day is Monday 28.
    dojang = Dojang("ko", "2026-09-25T10:00:00+09:00")
    try:
        dojang.open_help_page("고객센터")
        check_row_status(dojang, "한국정보인증", "휴무 (추석) · 9월 28일 (월) 09:00 재개 (추정)")
        dojang.search("8787")
        check_details(dojang, "1577-8787", ["통화 전 준비", "어떤 창구가 좋을까요?", "확인 필요"])

        # Alt+Left goes back and puts the focus on the row that was opened.
        rawinput.keyCombo("<Alt>Left")
        row = dojang.provider_row("한국정보인증")
        check("Alt+Left returns to the list, focus on the row",
              row is not None and wait_for(lambda: row.focused))
    finally:
        dojang.close()


def korean_lunch_starts():
    # Half a minute before KICA's lunch break (the clock starts there when
    # Dojang first reads it): the row says open, then changes by itself. The
    # margin is for a loaded machine, where finding the row over AT-SPI can
    # take seconds; nothing here waits on a fixed delay.
    dojang = Dojang("ko", "2026-11-23T11:59:30+09:00")
    try:
        dojang.open_help_page("고객센터")
        check_row_status(dojang, "한국정보인증", "지금 상담 가능 · 18:00까지 (추정)")
        check_row_status(dojang, "한국정보인증", "점심시간 · 13:00 재개 (추정)", timeout=60)
    finally:
        dojang.close()


start = time.monotonic()
english_weekday()
korean_chuseok()
korean_lunch_starts()
print(f"# {time.monotonic() - start:.1f} s")

sys.exit(1 if dojang_gui.failures else 0)
