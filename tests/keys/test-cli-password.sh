#!/bin/sh
# `dojang --check-password DIR_OR_KEYFILE` reads the password from standard
# input and exits 0 (correct), 3 (wrong), 4 (unsupported or damaged key) or
# 1 (usage error), without a display or GSettings, and never shows the
# password: not in its output, not as terminal echo.
set -u
dojang=$1
python=$2
tests_dir=$3
ascii='Dojang-Test1!'
korean='도장비밀번호2026!'
fail=0
total=0

keys=$(mktemp -d "${DOJANG_TEST_SCRATCH:-${TMPDIR:-/tmp}}/keys.XXXXXX")
trap 'rm -rf "$keys"' EXIT
"$python" "$tests_dir/fixtures/make-keys.py" "$keys" || { echo "not ok: fixtures"; exit 1; }

# No display and no schemas: the check must need neither.
run () {
  env -u DISPLAY -u WAYLAND_DISPLAY -u GSETTINGS_SCHEMA_DIR -u GSETTINGS_BACKEND \
    "$dojang" --check-password "$@" >"$keys/out" 2>"$keys/err"
}

# expect STATUS INPUT-LINE DIR_OR_KEYFILE [TEXT-IN-OUTPUT]
expect () {
  want=$1 line=$2 target=$3 text=${4:-}
  total=$((total + 1))
  printf '%s\n' "$line" | run "$target"
  got=$?
  if [ "$got" -ne "$want" ]; then
    echo "not ok: ${target#"$keys"/} exited $got, expected $want: $(cat "$keys/out" "$keys/err")"
    fail=$((fail + 1))
    return
  fi
  if [ -n "$text" ] && ! grep -qF -- "$text" "$keys/out" "$keys/err"; then
    echo "not ok: $target did not say '$text': $(cat "$keys/out" "$keys/err")"
    fail=$((fail + 1))
    return
  fi
  if grep -qF -e "$ascii" -e "$korean" "$keys/out" "$keys/err"; then
    echo "not ok: $target printed the password"
    fail=$((fail + 1))
    return
  fi
  echo "ok: ${target#"$keys"/} → $want"
}

expect 0 "$ascii" "$keys/seed-sha1" "The password is correct."
expect 0 "$ascii" "$keys/pbes2-seed"
expect 0 "$ascii" "$keys/legacy-seed"
expect 0 "$korean" "$keys/seed-sha1-korean"
expect 0 "$korean" "$keys/pbes2-aes256-sha256/signPri.key"
expect 0 "$ascii" "$keys/odd-case/SignCert.DER"
expect 0 "$(printf '%s\r' "$ascii")" "$keys/pbes2-seed"
expect 3 "$ascii " "$keys/seed-sha1" "The password is wrong."
expect 3 "$korean" "$keys/seed-sha1"
expect 3 "" "$keys/pbes2-seed"
expect 4 "$ascii" "$keys/damaged/flipped-last.key" "damaged"
expect 4 "$ascii" "$keys/damaged/unknown-oid.key" "1.2.410.200004.1.99"
expect 4 "$ascii" "$keys/damaged/huge-iterations.key"
expect 4 "$ascii" "$keys/other-certificate" "does not belong to this certificate"
expect 1 "$ascii" "$keys/no-such-folder"
expect 1 "$ascii" "$keys/damaged"

# No input at all is an empty password.
total=$((total + 1))
run "$keys/seed-sha1" </dev/null
status=$?
if [ "$status" -eq 3 ]; then echo "ok: closed stdin → 3"; else
  echo "not ok: closed stdin exited $status"; fail=$((fail + 1)); fi

# Messages are translated.
total=$((total + 1))
printf '%s\n' wrong | LANGUAGE=ko run "$keys/seed-sha1"
if grep -q '비밀번호가 틀렸습니다' "$keys/err"; then echo "ok: Korean message"; else
  echo "not ok: Korean message was '$(cat "$keys/err")'"; fail=$((fail + 1)); fi

# On a terminal: a prompt, no echo, and echo back on afterwards, also when killed.
total=$((total + 1))
printf '%s\n' "$ascii" | "$python" "$tests_dir/support/pty-run.py" "password:" \
  "$dojang" --check-password "$keys/pbes2-seed" >"$keys/tty"
status=$?
if [ "$status" -ne 0 ] || grep -qF "$ascii" "$keys/tty" || ! grep -q "correct" "$keys/tty"; then
  echo "not ok: terminal run exited $status and showed: $(cat "$keys/tty")"
  fail=$((fail + 1))
else
  echo "ok: terminal run without echo"
fi

total=$((total + 1))
"$python" "$tests_dir/support/pty-run.py" --kill-at-prompt "password:" \
  "$dojang" --check-password "$keys/pbes2-seed" </dev/null >"$keys/tty"
status=$?
if [ "$status" -eq 143 ]; then echo "ok: echo restored after SIGTERM"; else
  echo "not ok: killed terminal run exited $status (99: echo left off)"; fail=$((fail + 1)); fi

echo "$((total - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
