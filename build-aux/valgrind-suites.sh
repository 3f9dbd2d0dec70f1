#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the suites that need no display (api, session, demo, fuzz-replay) under valgrind's
# memcheck: any invalid read or write, or any definite leak, fails the test. GLib's own
# suppressions apply, and build-aux/valgrind.supp adds the few leaks of system libraries we
# cannot fix (each narrowly, by its stack).
#
#   build-aux/valgrind-suites.sh [BUILDDIR] [MESON-TEST-ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."

builddir=${1:-build}
shift || true
command -v valgrind >/dev/null || { echo "$0: valgrind is not installed" >&2; exit 2; }

wrapper="valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
wrapper+=" --show-leak-kinds=definite --num-callers=30 --track-origins=no"
wrapper+=" --suppressions=/usr/share/glib-2.0/valgrind/glib.supp"
wrapper+=" --suppressions=$PWD/build-aux/valgrind.supp"

# The keyring tests need the harness's session bus and keyring; so do a few session tests.
exec build-aux/headless-run.sh -C "$builddir" \
  env G_SLICE=always-malloc G_DEBUG=gc-friendly \
  meson test -C "$builddir" --suite api --suite session --suite demo --suite fuzz-replay \
    --no-rebuild --print-errorlogs --num-processes 2 --timeout-multiplier 20 \
    --wrapper "$wrapper" "$@"
