#!/usr/bin/env bash
# Installs the system libraries Qt (PySide6) needs on Debian/Ubuntu: the
# offscreen platform (tests) and the xcb platform (a real window).  A fresh
# machine of this workplace lacks them.  Does nothing when all are present or
# when this is not a Debian-like system.  fonts-droid-fallback gives the Chinese
# interface its glyphs; Mesa's software OpenGL and Xvfb let the 3D landscape be drawn
# and tested without a GPU or a screen.
set -euo pipefail
packages=(
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
  libglib2.0-0 libdbus-1-3 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0
  libxcb-xfixes0 libxcb-xkb1 libxcb-sync1 libxcb-shm0 libxcb-util1 fonts-dejavu-core
  fonts-droid-fallback libgl1-mesa-dri xvfb xauth
)
command -v dpkg-query >/dev/null 2>&1 || { echo "not Debian-like: install Qt 6's libraries yourself"; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Qt system libraries: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
