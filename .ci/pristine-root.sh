#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the README's two commands the way a newcomer meets them: in a pristine Debian 12 root
# (debootstrap --variant=minbase with only sudo, git and ca-certificates added, as root, with a
# clean environment), from a copy of this checkout.
#
#   1. `build-aux/dev.sh run` on an Xvfb display of this machine: the Steward window must come
#      up, and every icon the UI uses must load there (build/tests/test-icons, run in the root
#      beside the app, so with exactly the packages `run` installed). A screenshot is saved.
#   2. `build-aux/dev.sh test` in the same root: the whole suite, both passes.
#
# The last line is "N passed, N failed": the suite's count plus one for the run check.
#
# The root is built once and cached as a tarball in $STEWARD_CI_CACHE (default
# /var/cache/steward-ci); each run unpacks a fresh copy and removes it afterwards. Logs and the
# screenshot go to $STEWARD_CI_OUT (default ci-out/ in the checkout). Needs root (or sudo).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
checkout=$PWD

if [ "$(id -u)" -ne 0 ]; then
  exec sudo --preserve-env=STEWARD_CI_CACHE,STEWARD_CI_OUT "$0" "$@"
fi

cache=${STEWARD_CI_CACHE:-/var/cache/steward-ci}
out=${STEWARD_CI_OUT:-$checkout/ci-out}
tarball=$cache/bookworm-minbase-v1.tar.gz
root=
xvfb_pid=
run_pid=
started=$(date +%s)

say() { printf '[ci %4ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }
fail() { say "$*"; echo "0 passed, 1 failed"; exit 1; }

unmount_all() {
  [ -n "$root" ] || return 0
  # Deepest first; lazily, so a process still holding a file cannot keep a mount alive.
  awk -v r="$root" '$5 == r || index($5, r "/") == 1 { print $5 }' /proc/self/mountinfo |
    sort -r | while read -r mnt; do umount -l "$mnt" 2>/dev/null; done
}

cleanup() {
  [ -n "$run_pid" ] && kill -- "-$run_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  wait 2>/dev/null
  if [ -n "$root" ]; then
    unmount_all
    # --one-file-system: even a mount that failed to come off is never descended into.
    if awk -v r="$root" 'index($5, r "/") == 1 { found = 1 } END { exit !found }' \
         /proc/self/mountinfo; then
      say "not removing $root: something is still mounted under it"
    else
      rm -rf --one-file-system "$root"
    fi
  fi
}
trap cleanup EXIT

host_packages=(debootstrap xvfb xauth xdotool imagemagick git)
missing=()
for pkg in "${host_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing on this machine: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    fail "could not install ${missing[*]}"
fi

# The same mirror as this machine's apt, so the root reaches the same registry.
sources=/etc/apt/sources.list.d/debian.sources
mirror=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' "$sources" 2>/dev/null | head -n 1)
mirror=${mirror:-http://deb.debian.org/debian}

if [ ! -s "$tarball" ]; then
  say "building the pristine root from $mirror (once; cached in $tarball)"
  mkdir -p "$cache"
  bootstrap=$(mktemp -d /var/tmp/steward-bootstrap.XXXXXX)
  if ! debootstrap --variant=minbase --include=sudo,git,ca-certificates bookworm \
         "$bootstrap/root" "$mirror" >"$bootstrap/log" 2>&1; then
    tail -n 20 "$bootstrap/log"
    rm -rf --one-file-system "$bootstrap"
    fail "debootstrap failed"
  fi
  rm -f "$bootstrap/root/var/cache/apt/archives/"*.deb
  tar -C "$bootstrap/root" -czf "$tarball.part" . && mv "$tarball.part" "$tarball"
  rm -rf --one-file-system "$bootstrap"
  [ -s "$tarball" ] || fail "could not write $tarball"
fi

say "unpacking a fresh root"
root=$(mktemp -d /var/tmp/steward-root.XXXXXX)
tar -C "$root" -xzf "$tarball" || fail "could not unpack $tarball"
cp /etc/resolv.conf "$root/etc/resolv.conf"
if [ -f "$sources" ]; then
  cp "$sources" "$root/etc/apt/sources.list.d/debian.sources"
  rm -f "$root/etc/apt/sources.list"
fi
mount -t proc proc "$root/proc" &&
  mount --rbind /sys "$root/sys" && mount --make-rslave "$root/sys" &&
  mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev" &&
  mount -t tmpfs tmpfs "$root/tmp" || fail "could not mount the root's /proc, /sys, /dev and /tmp"

# The checkout as it is (tracked files and new ones, not build directories or ignored files).
mkdir -p "$root/root/steward" "$out"
if git -C "$checkout" rev-parse --git-dir >/dev/null 2>&1; then
  git -C "$checkout" ls-files -z --cached --others --exclude-standard |
    tar -C "$checkout" --null -T - --ignore-failed-read -cf - 2>/dev/null |
    tar -C "$root/root/steward" -xf - || fail "could not copy the checkout"
else
  tar -C "$checkout" --exclude='./build*' --exclude=./ci-out -cf - . |
    tar -C "$root/root/steward" -xf - || fail "could not copy the checkout"
fi

# in_root COMMAND: a login-less root shell with nothing of this machine's environment.
in_root() {
  env -i HOME=/root LANG=C.UTF-8 TERM=dumb ${DISPLAY:+DISPLAY=$DISPLAY} \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    chroot "$root" /bin/bash -c "cd /root/steward && $1"
}

# 1. The run command, on a display of this machine that the root shares.
exec {display_fd}<> <(:)
Xvfb -displayfd "$display_fd" -screen 0 1280x1024x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
read -r -t 20 -u "$display_fd" display || fail "Xvfb did not start"
exec {display_fd}<&-
export DISPLAY=":$display"
mkdir -p "$root/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix" || fail "could not share the display"

say "README: build-aux/dev.sh run (installs, builds, starts the demo)"
run_started=$(date +%s)
setsid bash -c "$(declare -f in_root); root='$root'; in_root 'exec build-aux/dev.sh run'" \
  >"$out/run.log" 2>&1 &
run_pid=$!
run_ok=0
xid=
# The first run installs packages and builds from scratch: allow 30 minutes.
for _ in $(seq 1800); do
  kill -0 "$run_pid" 2>/dev/null || break
  xid=$(xdotool search --onlyvisible --name '^Steward' 2>/dev/null | head -n 1)
  [ -n "$xid" ] && break
  sleep 1
done
if [ -z "$xid" ]; then
  tail -n 30 "$out/run.log"
  say "the Steward window did not come up"
else
  say "the window came up after $(( $(date +%s) - run_started )) s"
  # Every icon the UI uses must load in the root, with what `run` installed.
  if in_root 'build/tests/test-icons' >"$out/icons.log" 2>&1; then
    run_ok=1
    say "every icon the UI uses loads: $(grep -c '^ok' "$out/icons.log") checks"
  else
    cat "$out/icons.log"
    say "some icons cannot be loaded in a pristine root"
  fi
  sleep 3   # the demo's list loads; then a picture for the record
  import -window "$xid" "$out/pristine-demo.png" 2>/dev/null &&
    say "screenshot: $out/pristine-demo.png"
fi
kill -- "-$run_pid" 2>/dev/null
wait "$run_pid" 2>/dev/null
run_pid=
umount -l "$root/tmp/.X11-unix"
kill "$xvfb_pid" 2>/dev/null
wait "$xvfb_pid" 2>/dev/null
xvfb_pid=
unset DISPLAY

# 2. The test command, in the same root.
say "README: build-aux/dev.sh test"
test_started=$(date +%s)
in_root 'build-aux/dev.sh test' 2>&1 | tee "$out/test.log"
test_status=${PIPESTATUS[0]}
say "the test command took $(( $(date +%s) - test_started )) s and exited with $test_status"

summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out/test.log" | tail -n 1)
passed=${summary%% passed*}
failed=${summary#*, }
failed=${failed%% failed}
if [ -z "$summary" ]; then
  passed=0 failed=1
fi
if [ "$run_ok" -eq 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
say "CI took $(( $(date +%s) - started )) s in all"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$test_status" -eq 0 ]
