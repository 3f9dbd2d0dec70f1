#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts Steward under Xvfb (through headless-run.sh) and saves a PNG of each main screen: signed
# out, signing in, the demo's datastores at two sizes, a production profile, then (through
# screenshot-dialogs.sh) a datastore's details and each dialog.
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
demo_pid=
trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; [ -n "$demo_pid" ] && kill "$demo_pid" 2>/dev/null; wait 2>/dev/null || true' EXIT

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

# First run: signed out, then the sign-in dialog, opened the way the desktop would: through the
# app's D-Bus action.
"$STEWARD_BUILDDIR/src/steward" &
app_pid=$!
shoot signed-out "Steward" 1280 800
gapplication action io.github.stewardapp.Steward sign-in
shoot sign-in-dialog "^Sign In$"
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=

# The demo: a deployment built into Steward, signed in as an administrator.
"$STEWARD_BUILDDIR/src/steward" --demo &
app_pid=$!
shoot main-window-default "Steward"   # the default size, 1280×800
shoot main-window "Steward" 1280 800
shoot main-window-small "Steward" 800 600
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=

# A saved production profile (red) signed in to a demo server. It is kept where Steward keeps
# profiles, in GSettings (a keyfile here, so that gsettings and Steward share it) with its token in
# the keyring, and Steward restores it at start-up like any other.
export GSETTINGS_BACKEND=keyfile
demo_out=$(mktemp)
"$STEWARD_BUILDDIR/src/demo/steward-demo-server" --port 0 >"$demo_out" &
demo_pid=$!
for _ in $(seq 100); do
  grep -q '^token admin ' "$demo_out" && break
  sleep 0.1
done
api_url="$(sed -n 's/^Listening on //p' "$demo_out")/"
token=$(sed -n 's/^token admin //p' "$demo_out")
rm -f "$demo_out"
gsettings set io.github.stewardapp.Steward profiles \
  "[{'id': <'production'>, 'name': <'Production'>, 'url': <'$api_url'>, 'verify-tls': <true>, 'environment': <'red'>}]"
gsettings set io.github.stewardapp.Steward current-profile 'production'
printf '%s' "$token" | secret-tool store --label="Steward API token for Production" \
  xdg:schema io.github.stewardapp.Steward.Token url "$api_url"

"$STEWARD_BUILDDIR/src/steward" &
app_pid=$!
shoot production-profile "Steward" 1280 800
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=
kill "$demo_pid"
wait "$demo_pid" 2>/dev/null || true
demo_pid=

# The details pane and the dialogs, over the same demo data.
if [ -x "$STEWARD_BUILDDIR/tests/screenshot-dialogs" ]; then
  "$(dirname "$0")/screenshot-dialogs.sh" "$outdir"
else
  echo "no tests/screenshot-dialogs in $STEWARD_BUILDDIR (tests disabled): dialogs not shot" >&2
fi
