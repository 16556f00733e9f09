#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/ko.po follows po/GLOSSARY.md: none of the words in its "not" column,
"도장" as the name, 합니다체 (no 해요체 endings), and mnemonics written
"열기(_O)" exactly where the English has one. Usage: check-glossary.py SRCDIR"""

import re
import sys

srcdir = sys.argv[1]
glossary = open(srcdir + "/po/GLOSSARY.md", encoding="utf-8").read()
catalog = open(srcdir + "/po/ko.po", encoding="utf-8").read()

forbidden = []
for line in glossary.splitlines():
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) == 3 and cells[0] not in ("English", "---") and cells[2]:
        forbidden += [(word.strip(), cells[1]) for word in cells[2].split(",") if word.strip()]
if len(forbidden) < 5:
    sys.exit("not ok: could not read the glossary's tables (%d words)" % len(forbidden))


def unquote(block):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block)).replace('\\"', '"').replace("\\n", "\n")


messages = []
for entry in catalog.split("\n\n"):
    lines = [l for l in entry.splitlines() if not l.startswith("#")]
    text = "\n".join(lines)
    msgid = re.search(r'^msgid ((?:".*"\n?)+)', text, re.M)
    msgstrs = re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', text, re.M)
    if msgid is None or unquote(msgid.group(1)) == "":
        continue
    for msgstr in msgstrs:
        messages.append((unquote(msgid.group(1)), unquote(msgstr)))

# 해요체 endings at the end of a clause: "-해요", "-세요", "-이에요", "-어요" …
haeyo = re.compile(r"(세요|[해돼와줘봐워]요|[어아]요|이에요|예요|에요|드려요|있어요|없어요)(?=$|[\s.,!?)\]’”])")


def find_mnemonic(msgid):
    """The letter after "_", unless the underscore is part of a name such as
    DIR_OR_KEYFILE or first_year."""
    for token in msgid.split():
        if "_" not in token:
            continue
        before, after = token.split("_", 1)
        word = before.lstrip("(“\"'")
        if token.count("_") > 1 or not after[:1].isalnum():
            continue
        if len(word) > 1 and (word.isupper() or (word.islower() and after[:1].islower())):
            continue
        return after[0]
    return None

korean_mnemonic = re.compile(r"\(_([A-Z0-9])\)(…|\.\.\.)?$")

failures = []
for msgid, msgstr in messages:
    if msgid.endswith(";"):
        # Desktop-file search keywords: old names are what people type.
        continue
    for word, use in forbidden:
        if word in msgstr:
            failures.append("%r: “%s” — the glossary says “%s”" % (msgid, word, use))
    if msgid == "Dojang" and msgstr != "도장":
        failures.append("the name is “도장”, not %r" % msgstr)
    # A sentence may leave its subject out, as Korean does; a label may not.
    if re.search(r"\bDojang\b", msgid) and len(msgid) < 40 and "도장" not in msgstr:
        failures.append("%r: the name “도장” is missing from %r" % (msgid, msgstr))
    if haeyo.search(msgstr):
        failures.append("%r: 해요체 in %r — write 합니다체" % (msgid, msgstr))
    english = find_mnemonic(msgid)
    korean = korean_mnemonic.search(msgstr)
    if english and not korean:
        failures.append("%r: the mnemonic goes last, as “(_%s)”: %r" % (msgid, english.upper(), msgstr))
    elif english and korean.group(1) != english.upper():
        failures.append("%r: mnemonic (_%s) for _%s" % (msgid, korean.group(1), english))
    elif not english and "(_" in msgstr:
        failures.append("%r: no mnemonic in English, none in Korean: %r" % (msgid, msgstr))
    if "_" in msgstr.replace("(_", "") and english:
        failures.append("%r: a second underscore in %r" % (msgid, msgstr))

for failure in failures:
    print("not ok:", failure)
print("%d messages checked against %d glossary words: %d problems" % (len(messages), len(forbidden), len(failures)))
sys.exit(1 if failures else 0)
