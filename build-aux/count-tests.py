#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints "N passed, N failed" from meson test logs. A GTest program counts once per subtest (from
its TAP output), any other test once. A skipped subtest counts as failed: nothing is skipped in CI."""
import json
import re
import sys

TAP = re.compile(r"^(ok|not ok) \d+[^\n]*", re.M)

args = sys.argv[1:]
status = 0
if args[:1] == ["--status"]:
    status, args = int(args[1]), args[2:]

passed = failed = 0
for path in args:
    with open(path) as log:
        for line in log:
            if not line.strip():
                continue
            result = json.loads(line)
            ok = result["result"] in ("OK", "EXPECTEDFAIL")
            subtests = [m.group(0) for m in TAP.finditer(result.get("stdout") or "")]
            if not subtests:
                passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
                continue
            good = [s for s in subtests if s.startswith("ok") and "# SKIP" not in s]
            passed += len(good)
            failed += len(subtests) - len(good)
            # A crash after the last reported subtest still counts as a failure.
            if not ok and len(good) == len(subtests):
                failed += 1
# The run failed somewhere no test log shows (a build error, say): never report it as clean.
if status != 0 and failed == 0:
    failed = 1
print(f"{passed} passed, {failed} failed")
