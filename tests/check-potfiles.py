#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a file with translatable strings is missing from po/POTFILES.in, or when
POTFILES.in names a file that does not exist."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = set()
for line in (root / "po" / "POTFILES.in").read_text().splitlines():
    line = line.strip()
    if line and not line.startswith("#"):
        listed.add(line)

marks = {
    ".c": re.compile(r"\b(?:N?_|C_|NC_|g_dngettext|ngettext)\s*\("),
    ".ui": re.compile(r'translatable="yes"'),
    ".in": re.compile(r"."),
    ".xml": re.compile(r"<(?:summary|description)>"),
}

needed = set()
for folder in ("src", "data"):
    for path in (root / folder).rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        # Templates of configure_file() with nothing for people to read: the D-Bus service and
        # GNOME Shell's search provider .ini.
        if path.name.endswith((".service.in", ".search-provider.ini.in")):
            continue
        pattern = marks.get(path.suffix)
        if pattern is None or (path.suffix == ".xml" and not path.name.endswith(".gschema.xml")):
            continue
        if pattern.search(path.read_text(errors="replace")):
            needed.add(rel)

status = 0
for rel in sorted(needed - listed):
    print(f"missing from po/POTFILES.in: {rel}")
    status = 1
for rel in sorted(listed):
    if not (root / rel).is_file():
        print(f"listed in po/POTFILES.in but does not exist: {rel}")
        status = 1
if status == 0:
    print(f"POTFILES.in lists all {len(needed)} files with translatable strings")
sys.exit(status)
