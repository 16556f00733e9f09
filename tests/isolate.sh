#!/bin/sh
# Runs one test fully on its own: empty HOME and XDG folders, its own X
# display (Xvfb) and its own D-Bus session. Tests then never see the user's
# files or each other: two instances of the (unique) application never meet
# on one bus, and AT-SPI, which announces its bus on the X root window,
# never hands one test another test's windows.
set -eu
scratch=$(mktemp -d "${TMPDIR:-/tmp}/dojang-test.XXXXXX")
xvfb_pid=
cleanup () {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  chmod -R u+rwX "$scratch" 2>/dev/null || true
  rm -rf "$scratch" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export HOME="$scratch/home"
export XDG_DATA_HOME="$scratch/data"
export XDG_CONFIG_HOME="$scratch/config"
export XDG_CACHE_HOME="$scratch/cache"
export XDG_STATE_HOME="$scratch/state"
export DOJANG_TEST_SCRATCH="$scratch"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"

if command -v Xvfb >/dev/null 2>&1; then
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$scratch/display" 2>"$scratch/xvfb.log" &
  xvfb_pid=$!
  tries=0
  while [ ! -s "$scratch/display" ] && [ "$tries" -lt 100 ]; do
    sleep 0.05
    tries=$((tries + 1))
  done
  if [ ! -s "$scratch/display" ]; then
    echo "isolate.sh: Xvfb did not start" >&2
    cat "$scratch/xvfb.log" >&2
    exit 1
  fi
  DISPLAY=":$(cat "$scratch/display")"
  export DISPLAY
  unset WAYLAND_DISPLAY
fi

# The session bus starts the services a desktop has (accessibility, and the
# notification daemon a test starts itself) but not xdg-desktop-portal:
# whether the machine happens to have it installed must not change what the
# tests see. The Flatpak test starts the portal on a bus of its own.
mkdir "$scratch/services"
for service in /usr/share/dbus-1/services/*.service; do
  case "${service##*/}" in
    org.freedesktop.portal.*|org.freedesktop.impl.portal.*) ;;
    *) [ -e "$service" ] && ln -s "$service" "$scratch/services/" ;;
  esac
done
cat >"$scratch/session.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=$scratch</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$scratch/services</servicedir>
  <servicedir>$XDG_DATA_HOME/dbus-1/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF

export DOJANG_TEST_BUS_CONFIG="$scratch/session.conf"
status=0
dbus-run-session --config-file="$scratch/session.conf" -- "$@" || status=$?
exit "$status"
