#!/usr/bin/env bash
# Linux desktop integration for a pip-installed Reflect: menu entry, icon, AppStream metadata.
# Usage: packaging/install-desktop-entry.sh [PREFIX]   (default PREFIX: ~/.local)
set -euo pipefail
prefix="${1:-$HOME/.local}"
res=$(python3 -c 'import importlib.resources as r; print(r.files("reflect") / "resources")')
install -Dm644 "$res/reflect.desktop" "$prefix/share/applications/io.github.reflect.Reflect.desktop"
install -Dm644 "$res/icons/io.github.reflect.Reflect.svg" \
    "$prefix/share/icons/hicolor/scalable/apps/io.github.reflect.Reflect.svg"
install -Dm644 "$res/io.github.reflect.Reflect.metainfo.xml" \
    "$prefix/share/metainfo/io.github.reflect.Reflect.metainfo.xml"
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/share/applications" || true
echo "Installed the Reflect menu entry under $prefix/share"
