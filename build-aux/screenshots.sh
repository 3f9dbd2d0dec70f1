#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts Steward under Xvfb (through headless-run.sh) and saves a PNG of each main screen.
#
#   build-aux/screenshots.sh OUTDIR
#
# Uses the build in $STEWARD_BUILDDIR (default "build"). `build-aux/screenshots.sh data/screenshots`
# refreshes the images the AppStream metainfo shows.
set -euo pipefail

if [ -z "${STEWARD_SCREENSHOTS_INNER:-}" ]; then
  [ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
  here=$(cd "$(dirname "$0")" && pwd)
  builddir=${STEWARD_BUILDDIR:-build}
  [ -x "$builddir/src/steward" ] || { echo "$0: no build in $builddir; run meson first" >&2; exit 2; }
  for tool in xdotool /usr/bin/import; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is not installed" >&2; exit 2; }
  done
  mkdir -p "$1"
  export STEWARD_SCREENSHOTS_INNER=1
  exec "$here/headless-run.sh" -C "$builddir" "$0" "$(cd "$1" && pwd)"
fi

outdir=$1
app_pid=
trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; wait 2>/dev/null || true' EXIT

window_id() {
  xdotool search --sync --onlyvisible --name "$1" 2>/dev/null | head -n 1
}

# shoot NAME WINDOW-TITLE [WIDTH HEIGHT]
shoot() {
  local name=$1 title=$2 xid
  xid=$(timeout 20 bash -c "$(declare -f window_id); window_id '$title'")
  [ -n "$xid" ] || { echo "no window titled '$title' for $name" >&2; exit 1; }
  if [ $# -ge 4 ]; then
    xdotool windowsize "$xid" "$3" "$4"
  fi
  sleep 1.5   # let it lay out and paint at the new size
  /usr/bin/import -window "$xid" "$outdir/$name.png"
  echo "$outdir/$name.png"
}

"$STEWARD_BUILDDIR/src/steward" &
app_pid=$!

shoot main-window "Steward" 1280 800
shoot main-window-small "Steward" 800 600
