#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Replays the API examples of tests/api-examples.txt against steward-demo-server and checks
that each answers with the expected status and has every expected member, with its JSON type.

    build-aux/replay-api-examples.py [SERVER [EXAMPLES]]

SERVER is the steward-demo-server program, or a build directory that holds it (default: the
"build" directory of this checkout). EXAMPLES defaults to tests/api-examples.txt; its header
describes the format. Needs nothing but Python: the requests go through urllib.

Exits with 0 when every example behaves as expected, 1 when one does not, 2 on a usage error or
an examples file it cannot read, and 3 when the server does not start.
"""
import json
import pathlib
import re
import subprocess
import sys
import urllib.error
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
TYPES = {"string", "integer", "number", "boolean", "object", "array", "any"}
METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"}
STEP = re.compile(r"\.([A-Za-z0-9_]+)|\[\]")
CREATED = re.compile(r"\{created\[(\d+)\]\}")


class Example:
    def __init__(self, method, path, line):
        self.method = method
        self.path = path
        self.line = line
        self.body = None
        self.status = None
        self.members = []   # (path text, [steps], type)


class FormatError(Exception):
    pass


def parse_member(text, lineno):
    """"$.a[].b string" → ("$.a[].b", [("key", "a"), ("each", None), ("key", "b")], "string")."""
    fields = text.split()
    if len(fields) != 2 or fields[1] not in TYPES:
        raise FormatError(f"line {lineno}: expected '$PATH TYPE' with TYPE one of "
                          f"{', '.join(sorted(TYPES))}")
    path, kind = fields
    steps = []
    position = 1
    while position < len(path):
        match = STEP.match(path, position)
        if match is None:
            raise FormatError(f"line {lineno}: cannot read the member path {path}")
        steps.append(("key", match.group(1)) if match.group(1) else ("each", None))
        position = match.end()
    return path, steps, kind


def read_examples(path):
    """[(server name, [Example])], in file order."""
    servers = []
    example = None
    body_lines = []

    def close():
        nonlocal example, body_lines
        if example is None:
            return
        if body_lines:
            text = " ".join(body_lines)
            try:
                json.loads(text)
            except json.JSONDecodeError as error:
                raise FormatError(f"line {example.line}: the body is not JSON: {error}")
            example.body = text
        if example.status is None:
            raise FormatError(f"line {example.line}: the example has no 'expect' line")
        example = None
        body_lines = []

    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        rest = rest.strip()
        if word == "server":
            close()
            servers.append((rest or f"server {len(servers) + 1}", []))
        elif word in METHODS:
            close()
            if not servers:
                raise FormatError(f"line {lineno}: an example before the first 'server' line")
            if not rest.startswith("/"):
                raise FormatError(f"line {lineno}: the path must start with '/'")
            example = Example(word, rest, lineno)
            servers[-1][1].append(example)
        elif example is None:
            raise FormatError(f"line {lineno}: '{word}' outside an example")
        elif word == "body":
            body_lines.append(rest)
        elif word == "expect":
            if not re.fullmatch(r"[1-5]\d\d", rest):
                raise FormatError(f"line {lineno}: 'expect' needs an HTTP status")
            example.status = int(rest)
        elif word.startswith("$"):
            example.members.append(parse_member(line, lineno))
        else:
            raise FormatError(f"line {lineno}: unknown item '{word}'")
    close()
    return servers


def kind_of(value):
    if value is None:
        return "null"
    return {bool: "boolean", int: "integer", float: "number", str: "string",
            list: "array", dict: "object"}[type(value)]


def member_problems(value, steps, kind, where="$"):
    """What the answer lacks of one expected member."""
    if not steps:
        if kind == "any" or kind_of(value) == kind:
            return []
        return [f"{where}: expected {kind}, got {kind_of(value)}"]
    step, key = steps[0]
    if step == "key":
        if not isinstance(value, dict):
            return [f"{where}: expected object, got {kind_of(value)}"]
        if key not in value:
            return [f"{where}.{key}: missing"]
        return member_problems(value[key], steps[1:], kind, f"{where}.{key}")
    if not isinstance(value, list):
        return [f"{where}: expected array, got {kind_of(value)}"]
    problems = []
    for item in value:
        for problem in member_problems(item, steps[1:], kind, f"{where}[]"):
            if problem not in problems:
                problems.append(problem)
    return problems


def start_server(program):
    process = subprocess.Popen([str(program), "--port", "0"], stdout=subprocess.PIPE, text=True)
    base = token = None
    for line in process.stdout:
        if line.startswith("Listening on "):
            base = line.split()[-1]
        elif line.startswith("token admin "):
            token = line.split()[-1]
        elif line.startswith("token expired "):
            break
    if base is None or token is None:
        process.kill()
        process.wait()
        raise RuntimeError(f"{program} did not start (exit status {process.returncode})")
    return process, base, token


# Loopback only: no proxy from the environment may get in the way.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def send(base, token, example, path):
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    data = None
    if example.body is not None:
        headers["Content-Type"] = "application/json"
        data = example.body.encode("utf-8")
    request = urllib.request.Request(base + path, data=data, method=example.method,
                                     headers=headers)
    try:
        with OPENER.open(request, timeout=30) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    text = raw.decode("utf-8", errors="replace")
    try:
        answer = json.loads(text) if text.strip() else None
    except json.JSONDecodeError:
        answer = "(not JSON)"
    return status, answer, text


def main(argv):
    if len(argv) > 3 or (len(argv) > 1 and argv[1] in ("-h", "--help")):
        print(f"usage: {argv[0]} [SERVER [EXAMPLES]]", file=sys.stderr)
        return 2
    program = pathlib.Path(argv[1]) if len(argv) > 1 else ROOT / "build"
    if program.is_dir():
        program = program / "src" / "demo" / "steward-demo-server"
    examples_file = pathlib.Path(argv[2]) if len(argv) > 2 else ROOT / "tests" / "api-examples.txt"
    if not program.is_file():
        print(f"{argv[0]}: {program} is not built", file=sys.stderr)
        return 2
    try:
        servers = read_examples(examples_file)
    except (OSError, FormatError) as error:
        print(f"{argv[0]}: {examples_file}: {error}", file=sys.stderr)
        return 2

    total = passed = 0
    for name, examples in servers:
        try:
            process, base, token = start_server(program)
        except (OSError, RuntimeError) as error:
            print(f"{argv[0]}: {error}", file=sys.stderr)
            return 3
        print(f"== {name}: {len(examples)} examples against {base}")
        created = []
        try:
            for example in examples:
                total += 1
                problems = []
                path = example.path

                def created_id(match):
                    index = int(match.group(1))
                    if index >= len(created):
                        problems.append(f"no created[{index}]: the latest list had {len(created)}")
                        return "0"
                    return str(created[index])

                path = CREATED.sub(created_id, path)
                label = f"{example.method:6} {path if not problems else example.path}"
                if problems:
                    print(f"FAIL  {label}  (line {example.line})  {'; '.join(problems)}")
                    continue
                status, answer, text = send(base, token, example, path)
                if status != example.status:
                    problems.append(f"status {status}, expected {example.status}")
                else:
                    for _, steps, kind in example.members:
                        problems += member_problems(answer, steps, kind)
                if isinstance(answer, dict) and isinstance(answer.get("created"), list):
                    created = answer["created"]
                if problems:
                    print(f"FAIL  {label}  (line {example.line})  {'; '.join(problems[:5])}")
                    print(f"      {text[:300]}")
                else:
                    passed += 1
                    n = len(example.members)
                    checked = f", {n} member{'s' if n != 1 else ''} as expected" if n else ""
                    print(f"ok    {label}  {status}{checked}")
        finally:
            process.terminate()
            process.wait()

    print(f"{total} examples replayed, {passed} as expected, {total - passed} not")
    return 0 if total > 0 and passed == total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
