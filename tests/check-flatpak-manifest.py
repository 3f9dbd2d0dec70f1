#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest: flatpak-builder parses it without unknown properties; it names the
application id and command the build installs, a GNOME runtime that is still supported, the
sandbox permissions Steward needs and no more, and every archive or file it downloads is pinned
by a sha256."""
import json
import subprocess
import sys

manifest, app_id, command = sys.argv[1:4]

with open(manifest) as f:
    data = json.load(f)

errors = []
if data.get("id") != app_id:
    errors.append(f"id is {data.get('id')!r}, expected {app_id!r}")
if data.get("command") != command:
    errors.append(f"command is {data.get('command')!r}, expected {command!r}")
if data.get("runtime") != "org.gnome.Platform" or data.get("sdk") != "org.gnome.Sdk":
    errors.append("runtime and sdk must be org.gnome.Platform and org.gnome.Sdk")
# A GNOME runtime is supported until two newer releases are out (about a year): in December
# 2026 that is 50 (March 2026) and 51; 47 to 49 are past support.
# The source itself stays buildable on GTK 4.8 / libadwaita 1.2 through the version guards.
try:
    if int(str(data.get("runtime-version"))) < 50:
        errors.append("runtime-version must be 50 or newer (older GNOME runtimes are past support)")
except ValueError:
    errors.append(f"runtime-version {data.get('runtime-version')!r} is not a number")
expected_args = {"--share=network", "--share=ipc", "--socket=fallback-x11",
                 "--socket=wayland", "--device=dri"}
args = set(data.get("finish-args", []))
if args != expected_args:
    errors.append(f"finish-args differ: extra {sorted(args - expected_args)}, "
                  f"missing {sorted(expected_args - args)}")
if not data.get("cleanup"):
    errors.append("no cleanup list")
modules = data.get("modules", [])
if not modules or not isinstance(modules[-1], dict) or modules[-1].get("buildsystem") != "meson":
    errors.append("the last module must build the app with meson")

for module in modules:
    if not isinstance(module, dict) or not module.get("name"):
        errors.append(f"a module without a name: {module!r}")
        continue
    if not module.get("sources"):
        errors.append(f"module {module['name']} has no sources")
    for source in module.get("sources", []):
        kind = source.get("type")
        if kind in ("archive", "file") and not source.get("sha256"):
            errors.append(f"module {module['name']}: {kind} {source.get('url')} has no sha256")
        if kind in ("archive", "file") and not str(source.get("url", "")).startswith("https://"):
            errors.append(f"module {module['name']}: {source.get('url')} is not fetched over https")
        if kind == "git" and not source.get("commit") and not source.get("tag"):
            errors.append(f"module {module['name']}: git source without a commit or tag")
names = [m.get("name") for m in modules if isinstance(m, dict)]
if names != ["libyaml", command]:
    errors.append(f"modules are {names}, expected libyaml then {command}")

shown = subprocess.run(["flatpak-builder", "--show-manifest", manifest],
                       capture_output=True, text=True)
if shown.returncode != 0:
    errors.append(f"flatpak-builder could not parse it: {shown.stderr.strip()}")
# flatpak-builder only warns on unknown keys, so look for the warning.
for line in (shown.stdout + shown.stderr).splitlines():
    if "Unknown property" in line or "Unknown member" in line:
        errors.append(f"flatpak-builder: {line.strip()}")

for e in errors:
    print(e)
if not errors:
    print(f"{manifest}: parses, id {app_id}, command {command}")
sys.exit(1 if errors else 0)
