#!/usr/bin/env bash
# Linux desktop integration for Reflect installed with pip or pipx from this source folder:
# menu entry, icon, AppStream metadata. (The built app's folder has its own install.sh.)
# Usage: packaging/install-desktop-entry.sh [PREFIX]   (default PREFIX: ~/.local)
set -euo pipefail
prefix="${1:-$HOME/.local}"
res="$(cd "$(dirname "$0")/.." && pwd)/src/reflect/resources"
app_id=io.github.reflect.Reflect
command -v reflect >/dev/null || echo "note: 'reflect' is not on your PATH yet; the menu entry runs it" >&2
install -Dm644 "$res/reflect.desktop" "$prefix/share/applications/$app_id.desktop"
install -Dm644 "$res/icons/$app_id.svg" "$prefix/share/icons/hicolor/scalable/apps/$app_id.svg"
install -Dm644 "$res/$app_id.metainfo.xml" "$prefix/share/metainfo/$app_id.metainfo.xml"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/share/applications" || true
echo "Installed the Reflect menu entry under $prefix/share"
