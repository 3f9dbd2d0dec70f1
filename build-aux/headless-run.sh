#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command the way Steward's tests and screenshots need it: inside a private D-Bus session,
# on a fresh Xvfb display, with an unlocked gnome-keyring (so libsecret works), in-memory
# GSettings and the build's compiled schemas, and a throwaway HOME and XDG directories so nothing
# touches the real user's keyring or settings.
#
#   build-aux/headless-run.sh [-C BUILDDIR] COMMAND [ARGS...]
#
# BUILDDIR defaults to $STEWARD_BUILDDIR, then "build".
set -euo pipefail

builddir=${STEWARD_BUILDDIR:-build}
if [ "${1:-}" = "-C" ]; then
  builddir=$2
  shift 2
fi
if [ $# -eq 0 ]; then
  echo "usage: $0 [-C BUILDDIR] COMMAND [ARGS...]" >&2
  exit 2
fi

if [ -z "${STEWARD_HEADLESS_INNER:-}" ]; then
  for tool in dbus-run-session Xvfb gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is not installed" >&2; exit 2; }
  done
  builddir=$(cd "$builddir" && pwd)
  export STEWARD_HEADLESS_INNER=1 STEWARD_BUILDDIR="$builddir"
  # dbus-run-session prints a harmless "Failed to set fd limit" line on these machines.
  exec dbus-run-session -- "$0" "$@" 2> >(grep -v --line-buffered 'Failed to set fd limit' >&2)
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/steward-headless.XXXXXX")
xvfb_pid=
keyring_pid=
cleanup() {
  [ -n "$keyring_pid" ] && kill "$keyring_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
# Killed (a timeout, say), clean up too: the daemons must not outlive the run.
trap 'exit 143' TERM
trap 'exit 130' INT

export HOME="$scratch/home"
export XDG_RUNTIME_DIR="$scratch/runtime"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" \
  XDG_CACHE_HOME="$HOME/.cache"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"

# Xvfb picks a free display and tells us which through the pipe.
exec {display_fd}<> <(:)
# Daemons get no descriptor of ours but their own: one inherited from a caller (a lock file held
# with flock, say) would otherwise stay open as long as they live.
Xvfb -displayfd "$display_fd" -screen 0 1280x1024x24 -nolisten tcp -noreset \
  >"$scratch/xvfb.log" 2>&1 \
  3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
xvfb_pid=$!
read -r -t 20 -u "$display_fd" display ||
  { echo "Xvfb did not start:" >&2; cat "$scratch/xvfb.log" >&2; exit 2; }
exec {display_fd}<&-
export DISPLAY=":$display"
unset WAYLAND_DISPLAY

# The keyring must be unlocked when it starts; unlocking later does not work.
printf 'steward-test-keyring' | gnome-keyring-daemon --replace --daemonize --unlock \
  --components=secrets >"$scratch/keyring.env" 2>"$scratch/keyring.log" \
  3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-
keyring_pid=$(sed -n 's/^GNOME_KEYRING_PID=//p' "$scratch/keyring.env")
for _ in $(seq 100); do
  owned=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
          | sed -n 's/.*boolean //p')
  [ "$owned" = "true" ] && break
  sleep 0.1
done
[ "${owned:-}" = "true" ] ||
  { echo "gnome-keyring did not start:" >&2; cat "$scratch/keyring.log" >&2; exit 2; }

export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$STEWARD_BUILDDIR/data"
unset STEWARD_HEADLESS_INNER

status=0
"$@" || status=$?
exit $status
