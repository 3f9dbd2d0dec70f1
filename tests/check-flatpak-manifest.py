#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest: flatpak-builder parses it without unknown properties, and it
names the application id and command the build installs."""
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
try:
    if int(str(data.get("runtime-version"))) < 47:
        errors.append("runtime-version must be 47 or newer")
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
