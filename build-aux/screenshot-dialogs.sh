#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens the main view of a demo deployment with a datastore's details, then each of the main
# window's dialogs over it, under Xvfb (through headless-run.sh), and saves a PNG of the window
# with the dialog over it, at 1280×800 and at 800×600, a datastore's context menu, its operations,
# the Activity page, and each step of the onboarding wizard. build-aux/screenshots.sh runs it too.
#
#   build-aux/screenshot-dialogs.sh OUTDIR
#
# Uses the build in $STEWARD_BUILDDIR (default "build"), which needs the tests enabled (the
# program that opens the dialogs is built with them). There is no window manager under Xvfb, so
# the script centres each dialog over the window the way GNOME Shell places a modal dialog.
set -euo pipefail

if [ -z "${STEWARD_SCREENSHOTS_INNER:-}" ]; then
  [ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
  here=$(cd "$(dirname "$0")" && pwd)
  builddir=${STEWARD_BUILDDIR:-build}
  [ -x "$builddir/tests/screenshot-dialogs" ] || {
    echo "$0: no tests/screenshot-dialogs in $builddir; build with -Dtests=true first" >&2
    exit 2; }
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

find_window() {
  local title=$1 xid
  xid=$(timeout 20 bash -c "$(declare -f window_id); window_id '$title'")
  [ -n "$xid" ] || { echo "no window titled '$title'" >&2; exit 1; }
  echo "$xid"
}

# shoot NAME DIALOG DIALOG-TITLE WIDTH HEIGHT
shoot() {
  local name=$1 dialog=$2 title=$3 width=$4 height=$5 xid geometry dialog_width dialog_height
  "$STEWARD_BUILDDIR/tests/screenshot-dialogs" "$dialog" "$width" "$height" 2>/dev/null &
  app_pid=$!

  xid=$(find_window "^Steward$")
  # A menu is a surface of its own, over the window: the screen shows both.
  if [ "$dialog" = context-menu ]; then
    sleep 2   # let the list load and the menu open
    /usr/bin/import -window root -crop "${width}x${height}+0+0" +repage "$outdir/$name.png"
    echo "$outdir/$name.png"
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=
    return
  fi
  if [ "$dialog" = none ] || [ "$dialog" = member-refused ] || [ "$dialog" = connections ] ||
     [ "$dialog" = operations ] || [ "$dialog" = activity ]; then
    sleep 2   # let the list and the details load and paint
    # The Connections page is opened after the datastores, and lists its own.
    [ "$dialog" = connections ] && sleep 2
    # Operations are started, and listed, after the datastores.
    if [ "$dialog" = operations ] || [ "$dialog" = activity ]; then sleep 3; fi
    /usr/bin/import -window "$xid" "$outdir/$name.png"
    echo "$outdir/$name.png"
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=
    return
  fi
  xid=$(find_window "$title")
  sleep 1   # let the dialog lay out at its natural size
  geometry=$(xdotool getwindowgeometry --shell "$xid")
  dialog_width=$(sed -n 's/^WIDTH=//p' <<<"$geometry")
  dialog_height=$(sed -n 's/^HEIGHT=//p' <<<"$geometry")
  # Message dialogs sit in the middle of their window; other dialogs hang below its header bar.
  if [ "$dialog" = delete-confirmation ] || [ "$dialog" = delete-group ] ||
     [ "$dialog" = delete-connection-refused ] || [ "$dialog" = create-anyway ]; then
    xdotool windowmove "$xid" $(( (width - dialog_width) / 2 )) $(( (height - dialog_height) / 2 ))
  else
    xdotool windowmove "$xid" $(( (width - dialog_width) / 2 )) 46
  fi
  sleep 1.5   # let it paint where it is now
  /usr/bin/import -window root -crop "${width}x${height}+0+0" +repage "$outdir/$name.png"
  echo "$outdir/$name.png"

  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
}

shoot main-details none "" 1280 800
shoot member-refused member-refused "" 1280 800
shoot context-menu context-menu "" 1280 800
shoot main-details-small none "" 800 600
shoot group-editor group-editor "^Edit Group$" 1280 800
shoot group-editor-small group-editor "^Edit Group$" 800 600
shoot delete-confirmation delete-confirmation "^Delete “Production Sales”\?$" 1280 800
shoot delete-confirmation-small delete-confirmation "^Delete “Production Sales”\?$" 800 600
shoot delete-group delete-group "^Delete “Mission Critical”\?$" 1280 800
shoot delete-group-small delete-group "^Delete “Mission Critical”\?$" 800 600
shoot datastore-editor datastore-editor "^Edit Datastore$" 1280 800
shoot datastore-editor-small datastore-editor "^Edit Datastore$" 800 600
shoot create-jdbc create-jdbc "^New Datastore$" 1280 800
shoot create-dfs create-dfs "^New Datastore$" 1280 800
shoot create-organization create-organization "^New Datastore$" 1280 800
shoot create-anyway create-anyway "^Create Anyway\?$" 1280 800
shoot create-dfs-small create-dfs "^New Datastore$" 800 600
shoot test-connection-failed test-connection-failed "^Test a Connection$" 1280 800
shoot enrichment-linked enrichment-linked "^Enrichment$" 1280 800
shoot enrichment-linked-small enrichment-linked "^Enrichment$" 800 600
shoot enrichment-unlinked enrichment-unlinked "^Enrichment$" 1280 800
shoot enrichment-collision enrichment-collision "^Enrichment$" 1280 800
shoot enrichment-bulk enrichment-bulk "^Link Enrichment$" 1280 800
shoot connections connections "" 1280 800
shoot operations operations "" 1280 800
shoot activity activity "" 1280 800
shoot activity-small activity "" 800 600
shoot run-scan run-scan "^Scan “Production Sales”$" 1280 800
shoot connections-small connections "" 800 600
shoot connection-editor connection-editor "^Edit Connection$" 1280 800
shoot connection-rotation connection-rotation "^Change Password$" 1280 800
shoot delete-connection-refused delete-connection-refused "^Delete “postgres_production”\?$" 1280 800
for step in connection catalog schemas paths validate settings results; do
  shoot "onboarding-$step" "onboarding-$step" "^Onboard Schemas$" 1280 800
done
shoot onboarding-schemas-small onboarding-schemas "^Onboard Schemas$" 800 600
