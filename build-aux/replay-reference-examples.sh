#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Replays every curl example of the API reference against steward-demo-server and checks that
# each answers with the documented status and the documented shape (every documented member is
# there, with the documented JSON type; ids, names and dates may differ).
#
#   build-aux/replay-reference-examples.sh REFERENCE_DIR [BUILDDIR]
#
# REFERENCE_DIR holds api-datastores.txt, api-datastore-groups.txt and
# api-datastore-enrichment.txt. BUILDDIR (default "build") holds the built steward-demo-server.
# A manual check, not a CI test: the reference lives outside the repository.
#
# Each file is replayed in its own order on a fresh server, with two changes that a reader of the
# page would make too: the examples that delete datastore 42 or unlink its enrichment datastore
# run last, so that the examples after them still find what they document; and the guide's
# "{ ... same connection payload ... }" and "for ID in 201 202 203" use the payload and the ids of
# the steps before them.
set -euo pipefail

if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 REFERENCE_DIR [BUILDDIR]" >&2
  exit 2
fi
reference=$(cd "$1" && pwd)
builddir=${2:-build}
cd "$(dirname "$0")/.."
server="$builddir/src/demo/steward-demo-server"
[ -x "$server" ] || { echo "$0: $server is not built" >&2; exit 2; }
command -v curl >/dev/null || { echo "$0: curl is not installed" >&2; exit 2; }

exec python3 - "$reference" "$server" <<'PYTHON'
import json
import re
import shlex
import socket
import subprocess
import sys

reference, server = sys.argv[1], sys.argv[2]
FILES = ["api-datastore-groups.txt", "api-datastores.txt", "api-datastore-enrichment.txt"]
BASE = "https://your-instance.qualytics.io/api"
PLACEHOLDER = "{ ... same connection payload ... }"
RUN_LAST = [("DELETE", "/datastores/42"), ("DELETE", "/datastores/42/enrichment")]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server():
    port = free_port()
    process = subprocess.Popen([server, "--port", str(port)], stdout=subprocess.PIPE, text=True)
    base = token = None
    for line in process.stdout:
        if line.startswith("Listening on "):
            base = line.split()[-1]
        elif line.startswith("token admin "):
            token = line.split()[-1]
        elif line.startswith("token expired "):
            break
    return process, base, token


def examples(text):
    """(command, for-loop ids or None, expected status, expected JSON or None), in page order."""
    lines = text.split("\n")
    found = []
    i = 0
    while i < len(lines):
        stripped = lines[i].lstrip()
        loop = re.match(r"for ID in ([\d ]+); do", stripped)
        if not stripped.startswith("curl ") and not loop:
            i += 1
            continue
        if loop:
            i += 1
            stripped = lines[i].lstrip()
        command = [stripped]
        # Continuation lines, and a -d '…' body that spans lines.
        while command[-1].endswith("\\") or command_open(command):
            i += 1
            command.append(lines[i])
        i += 1
        status, body = expected_response(lines, i)
        found.append((" ".join(l.rstrip("\\").strip() for l in command),
                      loop.group(1).split() if loop else None, status, body))
    return found


def command_open(command):
    return "\n".join(command).count("'") % 2 == 1


def expected_response(lines, start):
    """The response documented after an example: the first "Response…" line before the next
    example, its status (200 when it names none) and the JSON right after it, if any."""
    for i in range(start, len(lines)):
        line = lines[i].strip()
        if line.startswith("curl ") or line.startswith("for ID"):
            break
        if not line.startswith("Response"):
            continue
        match = re.match(r"Response\s*(?:\(|:\s*)([1-5]\d\d)\b", line)
        status = int(match.group(1)) if match else 200
        if status == 204:
            return status, None
        rest = line.split(":", 1)[1].strip() if ":" in line else ""
        if rest[:1] in ("{", "["):
            return status, json.JSONDecoder().raw_decode(rest)[0]
        for j in range(i + 1, len(lines)):
            if lines[j].strip() == "":
                continue
            following = "\n".join(lines[j:])
            if following.lstrip()[:1] in ("{", "["):
                return status, json.JSONDecoder().raw_decode(following.lstrip())[0]
            break
        return status, None
    return 200, None


def kind(value):
    if value is None:
        return "null"
    return {bool: "boolean", int: "integer", float: "number", str: "string",
            list: "array", dict: "object"}[type(value)]


def shape_problems(expected, actual, path="$"):
    """What of the documented shape the answer lacks. null in the documentation matches
    anything (it is an example value); a documented list's first item is the shape of every
    item."""
    if expected is None:
        return []
    if kind(expected) != kind(actual):
        return [f"{path}: documented {kind(expected)}, got {kind(actual)}"]
    if isinstance(expected, dict):
        problems = []
        for key, value in expected.items():
            if key not in actual:
                problems.append(f"{path}.{key}: missing")
            else:
                problems += shape_problems(value, actual[key], f"{path}.{key}")
        return problems
    if isinstance(expected, list) and expected and actual:
        return [p for item in actual for p in shape_problems(expected[0], item, f"{path}[]")][:5]
    return []


def value_differences(expected, actual, path="$"):
    if isinstance(expected, dict) and isinstance(actual, dict):
        return [d for k in expected if k in actual
                for d in value_differences(expected[k], actual[k], f"{path}.{k}")]
    if isinstance(expected, list) or isinstance(actual, list):
        return [] if expected == actual else [path]
    return [] if expected == actual or expected is None else [path]


def run(command, base, token):
    args = shlex.split(command.replace(BASE, base).replace("YOUR_TOKEN", token))
    result = subprocess.run(args[:1] + ["-s", "-w", "\n%{http_code}"] + args[1:],
                            capture_output=True, text=True)
    body, _, status = result.stdout.rpartition("\n")
    try:
        parsed = json.loads(body) if body.strip() else None
    except json.JSONDecodeError:
        parsed = "(not JSON)"
    return int(status or 0), parsed


def method_and_path(command):
    args = shlex.split(command)
    method = args[args.index("-X") + 1] if "-X" in args else "GET"
    url = next(a for a in args if a.startswith("http"))
    return method, url[len(BASE):].split("?")[0]


total = passed = 0
for name in FILES:
    items = examples(open(f"{reference}/{name}", encoding="utf-8").read())
    items.sort(key=lambda item: method_and_path(item[0]) in RUN_LAST)
    process, base, token = start_server()
    print(f"== {name}: {len(items)} examples against {base}")
    payload = None
    created = []
    try:
        for command, loop_ids, status, body in items:
            method, path = method_and_path(command)
            if "/connections/catalogs" in command and PLACEHOLDER not in command:
                payload = command.split("-d '", 1)[1].rsplit("'", 1)[0]
            if payload is not None:
                command = command.replace(PLACEHOLDER, payload)
            # The guide's loop links the datastores its bulk step has just created.
            runs = [command.replace("$ID", str(created[n] if n < len(created) else i))
                    for n, i in enumerate(loop_ids)] if loop_ids else [command]
            for one in runs:
                total += 1
                got_status, got = run(one, base, token)
                problems = [] if got_status == status else [f"status {got_status}, documented {status}"]
                if body is not None and got_status == status:
                    problems += shape_problems(body, got)
                if isinstance(got, dict) and isinstance(got.get("created"), list):
                    created = got["created"]
                differing = value_differences(body, got) if body is not None else []
                label = f"{method:6} {method_and_path(one)[1]}"
                if problems:
                    print(f"FAIL  {label}  {'; '.join(problems)}")
                    print(f"      {json.dumps(got)[:300]}")
                else:
                    passed += 1
                    note = f" (example values differ at {len(differing)} places)" if differing else ""
                    print(f"ok    {label}  {got_status}{', shape as documented' if body else ''}{note}")
    finally:
        process.terminate()
        process.wait()

print(f"{total} examples replayed, {passed} as documented, {total - passed} not")
sys.exit(0 if passed == total else 1)
PYTHON
