#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a translation in po/LINGUAS is incomplete or invalid.

For each language, a fresh template is extracted from the files in po/POTFILES.in with the
same xgettext arguments as meson's i18n.gettext(preset: 'glib'), the language's .po file is
merged into it without fuzzy matching, and the result must have every message translated,
none fuzzy, and pass msgfmt --check. The untranslated and fuzzy messages are named, so that
a new string without a translation fails here with the string in the log.

Then the built desktop file and metainfo must carry each language.

Usage: check-translations.py SOURCE_ROOT BUILT_DESKTOP_FILE BUILT_METAINFO_FILE
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

# The arguments meson's i18n module gives xgettext for preset: 'glib' (PRESET_ARGS in
# mesonbuild/modules/i18n.py), after its own -k_. Keep them in step with that list.
GLIB_PRESET_ARGS = [
    "--from-code=UTF-8",
    "--add-comments",
    "--keyword=_",
    "--keyword=N_",
    "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format",
    "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format",
    "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]


def tool(name):
    path = shutil.which(name)
    if path is None:
        print(f"{name} not found; install gettext")
        sys.exit(1)
    return path


def read_linguas(po_dir):
    langs = []
    for line in (po_dir / "LINGUAS").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            langs += line.split()
    return langs


def unescape(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            out.append({"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}.get(n, "\\" + n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def parse_po(text):
    """The active (not obsolete) entries of a PO file: dicts with ctxt, id, plural, strs, flags."""
    keyword = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+"(.*)"$')
    fields = {"msgctxt": "ctxt", "msgid": "id", "msgid_plural": "plural"}
    entries = []
    for block in re.split(r"\n\s*\n", text):
        entry = {"ctxt": None, "id": None, "plural": None, "strs": {}, "flags": set()}
        current = None  # the field (or msgstr index) that a continuation line extends
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("#~"):
                entry = None
                break
            if line.startswith("#,"):
                entry["flags"].update(f.strip() for f in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif (m := keyword.match(line)) is not None:
                value = unescape(m.group(3))
                if m.group(1) == "msgstr":
                    current = int(m.group(2) or 0)
                    entry["strs"][current] = value
                else:
                    current = fields[m.group(1)]
                    entry[current] = value
            elif line.startswith('"') and current is not None:
                value = unescape(line[1:-1])
                if isinstance(current, int):
                    entry["strs"][current] += value
                else:
                    entry[current] += value
        if entry is not None and entry["id"] is not None:
            entries.append(entry)
    return entries


def msgid_at(lines, number):
    """The msgid of the entry around line @number (1-based) of a PO file."""
    index = min(number, len(lines)) - 1
    while index > 0 and not lines[index].startswith("msgid "):
        index -= 1
    text = unescape(lines[index][len("msgid "):].strip()[1:-1])
    for line in lines[index + 1:]:
        if not line.startswith('"'):
            break
        text += unescape(line.strip()[1:-1])
    return text


def describe(entry):
    text = repr(entry["id"])
    if entry["ctxt"] is not None:
        text = f"[{entry['ctxt']}] {text}"
    return text


def check_language(lang, root, fresh_pot, workdir, msgmerge, msgfmt):
    po_file = root / "po" / f"{lang}.po"
    problems = []
    if not po_file.is_file():
        return [f"po/{lang}.po is listed in po/LINGUAS but does not exist"]

    merged = workdir / f"{lang}.po"
    result = subprocess.run(
        [msgmerge, "--quiet", "--no-fuzzy-matching", "--no-wrap", "-o", str(merged), str(po_file),
         str(fresh_pot)],
        capture_output=True, text=True)
    if result.returncode != 0:
        return [f"msgmerge failed on po/{lang}.po:\n{result.stderr}"]

    result = subprocess.run([msgfmt, "--check", "--statistics", "-o", "/dev/null", str(merged)],
                            capture_output=True, text=True)
    print(f"{lang}: {result.stderr.strip()}")
    if result.returncode != 0:
        # msgfmt names lines of the merged file, which is gone afterwards: name the msgids.
        lines = merged.read_text(encoding="utf-8").splitlines()
        numbers = re.findall(r"^[^:\n]+\.po:(\d+):", result.stderr, re.MULTILINE)
        for number in sorted({int(n) for n in numbers}):
            problems.append(f"msgfmt --check rejects the entry {msgid_at(lines, number)!r}")
        problems.append(f"msgfmt --check rejects po/{lang}.po")

    for entry in parse_po(merged.read_text(encoding="utf-8")):
        if entry["id"] == "" and entry["ctxt"] is None:
            if "fuzzy" in entry["flags"]:
                problems.append("the header is fuzzy, so msgfmt ignores it (and its Plural-Forms)")
            continue
        strs = [entry["strs"][i] for i in sorted(entry["strs"])]
        if "fuzzy" in entry["flags"]:
            problems.append(f"fuzzy: {describe(entry)}")
        elif not strs or any(s == "" for s in strs):
            problems.append(f"untranslated: {describe(entry)}")
        else:
            # A mnemonic must stay a mnemonic: as many underscores as the English.
            for s in strs:
                if s.count("_") != entry["id"].count("_"):
                    problems.append(f"mnemonic underscores differ: {describe(entry)} -> {s!r}")
                # A list such as the desktop file's Keywords stays semicolon-terminated.
                if entry["id"].endswith(";") and not s.endswith(";"):
                    problems.append(f"must end with a semicolon: {describe(entry)} -> {s!r}")
    return problems


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    root = pathlib.Path(sys.argv[1])
    desktop = pathlib.Path(sys.argv[2])
    metainfo = pathlib.Path(sys.argv[3])
    xgettext, msgmerge, msgfmt = tool("xgettext"), tool("msgmerge"), tool("msgfmt")

    langs = read_linguas(root / "po")
    if not langs:
        print("po/LINGUAS lists no language")
        return 0

    status = 0
    with tempfile.TemporaryDirectory(prefix="steward-translations-") as tmp:
        workdir = pathlib.Path(tmp)
        fresh_pot = workdir / "steward.pot"
        result = subprocess.run(
            [xgettext, "--package-name=steward", "-f", str(root / "po" / "POTFILES.in"),
             "-D", str(root), "-k_", "-o", str(fresh_pot)] + GLIB_PRESET_ARGS,
            capture_output=True, text=True)
        if result.returncode != 0 or not fresh_pot.is_file():
            print(f"xgettext failed:\n{result.stderr}")
            return 1
        # Its warnings name strings that cannot be translated as written.
        for line in result.stderr.splitlines():
            print(f"xgettext: {line}")
        # Every kind of file must have given strings, or an ITS rule is missing.
        pot_text = fresh_pot.read_text(encoding="utf-8")
        for needed in (".desktop.in:", ".metainfo.xml.in:", ".gschema.xml:", ".ui:", ".c:"):
            if needed not in pot_text:
                print(f"xgettext extracted nothing from the {needed[:-1]} files")
                status = 1

        for lang in langs:
            problems = check_language(lang, root, fresh_pot, workdir, msgmerge, msgfmt)
            for problem in problems:
                print(f"{lang}: {problem}")
            if problems:
                print(f"{lang}: {len(problems)} problem(s); update po/{lang}.po "
                      f"(meson compile -C <builddir> steward-update-po) and translate them")
                status = 1

    # meson's i18n.merge_file() does not depend on the .po files (mesonbuild/meson#2621), so a
    # changed translation leaves the built files as they were.
    newest_po = max(((root / "po" / f"{lang}.po").stat().st_mtime for lang in langs
                     if (root / "po" / f"{lang}.po").is_file()), default=0)
    for built in (desktop, metainfo):
        if built.stat().st_mtime < newest_po:
            print(f"note: {built} is older than the translations; meson does not rebuild it when "
                  f"a .po file changes, so delete it and build again")

    desktop_text = desktop.read_text(encoding="utf-8")
    metainfo_text = metainfo.read_text(encoding="utf-8")
    for lang in langs:
        if not re.search(rf"^Name\[{re.escape(lang)}\]=", desktop_text, re.MULTILINE):
            print(f"{lang}: the built {desktop.name} has no Name[{lang}]=")
            status = 1
        if f'xml:lang="{lang}"' not in metainfo_text:
            print(f'{lang}: the built {metainfo.name} has no xml:lang="{lang}"')
            status = 1

    if status == 0:
        print(f"complete and valid: {', '.join(langs)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
