#!/usr/bin/env bash
# Put this Reflect folder in your applications menu and on your PATH (nothing needs root).
#   ./install.sh            install for you (~/.local)
#   ./install.sh --remove   take the menu entry and the command away (your journal stays)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix="${PREFIX:-$HOME/.local}"
app_id=io.github.reflect.Reflect
desktop="$prefix/share/applications/$app_id.desktop"
if [ "${1:-}" = "--remove" ]; then
    rm -f "$prefix/bin/reflect" "$desktop" "$prefix/share/metainfo/$app_id.metainfo.xml"
    find "$prefix/share/icons/hicolor" -name "$app_id.*" -delete 2>/dev/null || true
    echo "Reflect's menu entry and command are gone. Your journal was not touched."
    exit 0
fi
mkdir -p "$prefix/bin"
ln -sfn "$here/reflect" "$prefix/bin/reflect"
install -d "$prefix/share/applications"
sed "s|^Exec=reflect|Exec=\"$here/reflect\"|" "$here/share/applications/$app_id.desktop" > "$desktop"
install -Dm644 "$here/share/metainfo/$app_id.metainfo.xml" "$prefix/share/metainfo/$app_id.metainfo.xml"
(cd "$here/share/icons" && find hicolor -type f) | while read -r icon; do
    install -Dm644 "$here/share/icons/$icon" "$prefix/share/icons/$icon"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$prefix/share/icons/hicolor" 2>/dev/null || true
echo "Reflect is in your applications menu, and 'reflect' runs it from a terminal"
echo "(if $prefix/bin is on your PATH). Move this folder? Run ./install.sh again."
