#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a file of the repository points outside it: at the sibling folder of notes and
reference material that only some machines have, at an absolute path of one machine, or through
a relative Markdown link that climbs above the repository's root. Names every such place as
file:line.

    tests/check-self-contained.py [SOURCE_ROOT]

The files checked are those git knows (tracked, or new and not ignored) when SOURCE_ROOT is a git
checkout, else every file under it outside the build directories.
"""
import os
import pathlib
import re
import subprocess
import sys

# Built from pieces, so that this file does not match its own patterns.
SIBLING = "sha" + "red"
FORBIDDEN = [
    ".." + "/" + SIBLING,
    "/" + "work" + "/",
    SIBLING + "/" + "reference",
    SIBLING + "/" + "STYLE",
]
# A Markdown link or image whose target starts by going up: "](" then "../".
UP_LINK = re.compile(re.escape("](") + r"((?:\.\./)+[^)\s]*)")

SKIPPED_DIRS = {".git", ".flatpak-builder", "ci-out", "__pycache__"}


def skipped_dir(parent, name, root):
    """Without git: what .gitignore leaves out. Build directories are build*/ at the top (but not
    build-aux/, which is source) and any folder meson has configured."""
    if name in SKIPPED_DIRS:
        return True
    if parent == root and (name.startswith(("build", "_build")) and name != "build-aux"):
        return True
    return (parent / name / "meson-private").is_dir()


def listed_files(root):
    if (root / ".git").exists():
        try:
            result = subprocess.run(
                ["git", "-C", str(root), "ls-files", "-z", "--cached", "--others",
                 "--exclude-standard"],
                capture_output=True, check=True)
            names = sorted({name for name in result.stdout.decode().split("\0") if name})
            return [root / name for name in names]
        except (OSError, subprocess.CalledProcessError):
            pass

    files = []
    for folder, dirs, names in os.walk(root):
        folder_path = pathlib.Path(folder)
        dirs[:] = sorted(d for d in dirs if not skipped_dir(folder_path, d, root))
        files += [pathlib.Path(folder) / name for name in sorted(names)]
    return files


def read_text(path):
    """The file's text, or None for what is not a text file (or no longer exists)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if b"\0" in data[:8192]:
        return None
    return data.decode("utf-8", errors="replace")


def leaves_root(root, path, target):
    """Whether a relative link in @path to @target ends up outside @root."""
    target = target.split("#", 1)[0].split("?", 1)[0]
    resolved = os.path.normpath(os.path.join(os.path.dirname(path), target))
    return os.path.relpath(resolved, root).startswith("..")


def main(argv):
    root = pathlib.Path(argv[1] if len(argv) > 1 else ".").resolve()
    problems = []
    checked = 0

    for path in listed_files(root):
        if not path.is_file() or path.is_symlink():
            continue
        text = read_text(path)
        if text is None:
            continue
        checked += 1
        rel = path.relative_to(root).as_posix()
        for lineno, line in enumerate(text.splitlines(), 1):
            for pattern in FORBIDDEN:
                if pattern in line:
                    problems.append(f"{rel}:{lineno}: points outside the repository "
                                    f"(“{pattern}”): {line.strip()[:120]}")
            for match in UP_LINK.finditer(line):
                if leaves_root(str(root), str(path), match.group(1)):
                    problems.append(f"{rel}:{lineno}: a link that leaves the repository "
                                    f"(“{match.group(1)}”): {line.strip()[:120]}")

    for problem in problems:
        print(problem)
    if problems:
        what = "1 place points" if len(problems) == 1 else f"{len(problems)} places point"
        print(f"{what} outside the repository; the repository must be self-contained "
              "(docs/style.md and docs/api.md replace the notes that used to live outside it)")
        return 1
    print(f"{checked} files checked: none points outside the repository")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
