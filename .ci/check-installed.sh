#!/usr/bin/env bash
# The app as people install it (pip/pipx install ., not editable): build the wheel
# from a clean copy of the checkout, install it into a fresh virtual environment
# outside the checkout, then from another folder train headless and open the
# window offscreen.  Proves the resources ship inside the package.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# A copy without .venv and old build/ folders, whose stale files could reach the wheel.
mkdir "$scratch/src" "$scratch/elsewhere"
tar -C "$repo" --exclude=./.venv --exclude=./.git --exclude=./build --exclude='*.egg-info' \
    -cf - . | tar -C "$scratch/src" -xf -
python3 -m venv "$scratch/venv"
# pip reuses the machine's cache for the dependencies' wheels.
"$scratch/venv/bin/pip" install -q --disable-pip-version-check "$scratch/src"
cd "$scratch/elsewhere"
export XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data"
"$scratch/venv/bin/neural-playground" train --task digits --epochs 1 --json > train.json
"$scratch/venv/bin/python" -c 'import json, sys; r = json.load(open("train.json")); print("installed app trained digits:", r)' \
    | cut -c1-200
QT_QPA_PLATFORM=offscreen "$scratch/venv/bin/python" "$repo/.ci/open_window.py"
echo "installed wheel: OK"
