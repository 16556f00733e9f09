#!/usr/bin/python3
"""Drives the real Dojang window through AT-SPI, as a screen reader would:
every control has a name, the three pages are there with their translated
titles, Alt+1/2/3 switch between them, and each item of the primary menu
opens a titled window that Escape closes."""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
import dojang_gui  # noqa: E402
from dojang_gui import config, pyatspi, rawinput, walk  # noqa: E402

config.config.searchCutoffCount = 20
config.config.defaultDelay = 0.05

INTERACTIVE = {"push button", "toggle button", "page tab", "check box", "radio button",
               "text", "password text", "combo box", "spin button", "slider", "link",
               "menu item", "check menu item", "toggle button", "switch"}

MENU = {
    "en": ["Preferences", "Keyboard Shortcuts", "About Dojang"],
    "ko": ["기본 설정", "바로 가기 키", "도장 정보"],
}

TITLES = {
    "en": ["Certificates", "Reminders", "Help & Contacts"],
    "ko": ["인증서", "알림", "고객센터"],
}


def wait_for(predicate, what, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception:  # the tree can change under us while it loads
            pass
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def selected_tab(app):
    for node in walk(app):
        if node.roleName == "page tab" and node.getState().contains(pyatspi.STATE_SELECTED):
            return node.name
    return None


def main():
    dojang, lang = sys.argv[1], sys.argv[2]
    env = dict(os.environ, GDK_DEBUG="gl-disable")
    if lang == "en":
        env.pop("LANGUAGE", None)
    else:
        env["LANGUAGE"] = lang
    process = dojang_gui.Dojang(dojang, [], env)
    app = process.app
    failures = []
    try:
        wait_for(lambda: any(n.roleName == "page tab" for n in walk(app)), "the page tabs")

        tabs = [n.name for n in walk(app) if n.roleName == "page tab"]
        for title in TITLES[lang]:
            if title not in tabs:
                failures.append(f"no page tab named {title!r} (found {tabs})")

        unnamed = []
        for node in walk(app):
            if node.roleName in INTERACTIVE:
                name = (node.name or "").strip()
                if not name or name.startswith(("Gtk", "Adw")):
                    unnamed.append(f"{node.roleName} {name!r} under {node.parent.roleName}")
        if unnamed:
            failures.append("controls without an accessible name: " + "; ".join(unnamed))

        menu = [n for n in walk(app)
                if n.roleName in ("push button", "toggle button") and n.name in ("Main Menu", "주 메뉴")]
        if not menu:
            failures.append("no main menu button with an accessible name")

        frame = wait_for(lambda: app.child(roleName="frame"), "the main window")
        # No window manager under Xvfb: the keyboard goes where the pointer is.
        x, y, width, height = frame.extents
        rawinput.absoluteMotion(x + width // 2, y + height // 2)
        for key, index in (("<Alt>2", 1), ("<Alt>3", 2), ("<Alt>1", 0)):
            rawinput.keyCombo(key)
            want = TITLES[lang][index]
            try:
                wait_for(lambda: selected_tab(app) == want, f"{key} to show {want}", timeout=5)
            except AssertionError as error:
                failures.append(f"{error} (selected: {selected_tab(app)!r})")

        # The primary menu opens each of its windows.
        for item_name in MENU[lang]:
            before = {id(c) for c in app.children}
            button = next(n for n in walk(app) if n.name == menu[0].name and "click" in n.actions)
            button.doActionNamed("click")
            try:
                item = wait_for(lambda: next((n for n in walk(app)
                                              if n.roleName == "menu item" and n.name.startswith(item_name)), None),
                                f"menu item {item_name!r}", timeout=5)
            except AssertionError as error:
                failures.append(str(error))
                continue
            item.doActionNamed("click")
            try:
                wait_for(lambda: len(app.children) > len(before), f"a window from {item_name!r}", timeout=5)
            except AssertionError as error:
                failures.append(str(error))
                continue
            window = app.children[-1]
            if not (window.name or "").strip():
                failures.append(f"the window opened by {item_name!r} has no title")
            rawinput.pressKey("Escape")
            try:
                wait_for(lambda: len(app.children) == len(before), f"Escape to close {window.name!r}", timeout=5)
            except AssertionError as error:
                failures.append(str(error))
    finally:
        process.stop()

    for failure in failures:
        print("not ok:", failure)
    if not failures:
        print(f"ok: main window in {lang}: pages, names, keyboard")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
