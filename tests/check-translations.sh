#!/bin/sh
# The Korean catalog is complete for the sources as they are now:
#  - every source file with translatable strings is listed in POTFILES.in;
#  - a fresh template extracted from POTFILES.in, merged into ko.po,
#    leaves 0 untranslated and 0 fuzzy messages;
#  - msgfmt --check accepts ko.po as it is committed.
set -u
srcdir=$1
fail=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cd "$srcdir" || exit 1

for f in $(grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|ngettext) ?\(|translatable="yes"' \
             src data --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' 2>/dev/null | sort); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "not ok: $f has translatable strings but is not in po/POTFILES.in"
    fail=1
  fi
done

if ! msgfmt --check -o /dev/null po/ko.po; then
  echo "not ok: msgfmt --check rejects po/ko.po"
  fail=1
fi

grep -v '^#' po/POTFILES.in | grep -v '^$' > "$scratch/files"
xgettext --from-code=UTF-8 --add-comments --package-name=dojang \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --files-from="$scratch/files" -o "$scratch/dojang.pot" || fail=1

msgmerge --quiet --no-fuzzy-matching -o "$scratch/ko.po" po/ko.po "$scratch/dojang.pot" || fail=1
stats=$(msgfmt --check --statistics -o /dev/null "$scratch/ko.po" 2>&1)
echo "ko.po: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "not ok: po/ko.po is not complete for the current sources"
    msgattrib --untranslated --only-fuzzy "$scratch/ko.po" 2>/dev/null | head -20
    msgattrib --untranslated "$scratch/ko.po" | grep '^msgid' | head -20
    fail=1 ;;
esac
exit "$fail"
