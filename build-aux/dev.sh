#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One entry point for a fresh Debian 12 (or Ubuntu 24.04) machine:
#
#   build-aux/dev.sh run    install the build dependencies, build, start Steward in demo mode
#   build-aux/dev.sh test   install the build and test dependencies, build, run the whole suite
#                           headless, then again under AddressSanitizer and UBSan, then
#                           fuzz each parser for a while, then the display-less suites under
#                           valgrind
#   build-aux/dev.sh bench [ARGS...]
#                           install the build and test dependencies, build, then run steward-bench
#                           headless (default: every scenario at 10,000 datastores, 5 runs each;
#                           ARGS go to steward-bench, e.g. list window --datastores 1000,10000,50000)
#   build-aux/dev.sh deps   only install the dependencies
#
# Installing uses apt-get (through sudo unless already root) and is skipped when everything is
# present.
set -euo pipefail
cd "$(dirname "$0")/.."

# Found by running both commands in a pristine Debian 12 root (.ci/pristine-root.sh), where
# --no-install-recommends leaves out what GTK only recommends.
build_packages=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libsecret-1-dev
  libyaml-dev desktop-file-utils appstream
)
# What the app needs at run time to look and work right: the SVG image loader for its own icons
# (without it they draw as "missing image"; tests/test-icons fails), the accessibility bus (GTK
# warns at start-up without it, and screen readers cannot reach the app), TLS for https servers.
runtime_packages=(librsvg2-common at-spi2-core glib-networking)
# The widget tests run with accessibility on, as on a desktop: a missing bus fails them.
test_packages=(
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools flatpak-builder
  imagemagick xdotool libclang-rt-14-dev clang valgrind
)

install_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# setup DIR [MESON-OPTIONS...]
setup() {
  local dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@" >/dev/null
  fi
}

# Fails on any compiler or linker warning too, not only on errors.
compile() {
  local dir=$1
  if ! meson compile -C "$dir" >"$dir/compile.log" 2>&1; then
    cat "$dir/compile.log" >&2
    return 1
  fi
  if grep -E 'warning:' "$dir/compile.log" >&2; then
    echo "the build in $dir has warnings" >&2
    return 1
  fi
}

run_suite() {
  local dir=$1
  build-aux/headless-run.sh -C "$dir" meson test -C "$dir" --print-errorlogs --num-processes 2 \
    "${@:2}"
}

case "${1:-}" in
  deps)
    install_packages "${build_packages[@]}" "${runtime_packages[@]}" "${test_packages[@]}"
    ;;
  run)
    install_packages "${build_packages[@]}" "${runtime_packages[@]}"
    setup build -Dwerror=true
    compile build
    # Uninstalled, the app finds its GSettings schema in the build.
    GSETTINGS_SCHEMA_DIR=$PWD/build/data exec build/src/steward --demo
    ;;
  test)
    install_packages "${build_packages[@]}" "${runtime_packages[@]}" "${test_packages[@]}"
    status=0
    rm -f build/meson-logs/testlog.json build-asan/meson-logs/testlog.json \
      build-fuzz/meson-logs/testlog.json build/meson-logs/testlog-valgrind.json
    { setup build -Dwerror=true && compile build && run_suite build; } || status=1
    # AddressSanitizer and UBSan over the whole suite. G_SLICE=always-malloc: GObjects come from
    # malloc, so ASan sees a use after free of one. Leaks are left to valgrind below: LeakSanitizer
    # records where each block was allocated with the fast unwinder, which stops at GLib's
    # g_malloc (Debian builds it without frame pointers), so a leak of libsoup 3.2's own server
    # (build-aux/valgrind.supp) cannot be told from ours; the full unwinder made the widget tests
    # over ten times slower.
    { setup build-asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false \
        -Dbuildtype=debug &&
      compile build-asan &&
      G_SLICE=always-malloc \
      ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
      UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        run_suite build-asan; } || status=1
    # Fuzzing: each parser of untrusted input under libFuzzer (clang, ASan and UBSan) for
    # fuzz_seconds; a crash fails its test and leaves its input in build-fuzz/tests/fuzz/.
    fuzz_targets=(fuzz-json fuzz-listing fuzz-error-body fuzz-text fuzz-demo-request)
    { CC=clang setup build-fuzz -Dwerror=true -Dfuzzing=true -Db_sanitize=address,undefined \
        -Db_lundef=false -Dbuildtype=debug &&
      meson compile -C build-fuzz "${fuzz_targets[@]}" >build-fuzz/compile.log 2>&1 &&
      ! grep -E 'warning:' build-fuzz/compile.log >&2 &&
      ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:intercept_tls_get_addr=0 \
      UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        meson test -C build-fuzz --suite fuzz --no-rebuild --print-errorlogs --num-processes 2; } ||
      { cat build-fuzz/compile.log >&2 2>/dev/null; status=1; }
    # valgrind's memcheck over the suites that need no display, in the plain build.
    build-aux/valgrind-suites.sh build --logbase testlog-valgrind || status=1
    logs=()
    for log in build/meson-logs/testlog.json build-asan/meson-logs/testlog.json \
               build-fuzz/meson-logs/testlog.json build/meson-logs/testlog-valgrind.json; do
      [ -f "$log" ] && logs+=("$log")
    done
    # A build that failed ran no tests: count it as one failure so the summary says so.
    python3 build-aux/count-tests.py --status "$status" "${logs[@]}"
    exit $status
    ;;
  bench)
    shift
    install_packages "${build_packages[@]}" "${runtime_packages[@]}" "${test_packages[@]}" python3
    setup build -Dwerror=true -Dtests=true
    compile build
    [ $# -gt 0 ] || set -- all --repeat 5
    # One JSON object per scenario on stdout; the window scenarios need the harness's display.
    exec build-aux/headless-run.sh -C build build/bench/steward-bench "$@"
    ;;
  *)
    echo "usage: $0 run|test|bench|deps" >&2
    exit 2
    ;;
esac
