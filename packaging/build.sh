#!/usr/bin/env bash
# Build Reflect as a one-folder app for this platform with PyInstaller, check it, and pack it.
#
#   packaging/build.sh [OUT_DIR]          (default: dist/ in the repository)
#
# Makes a clean build environment (a new venv with Reflect and PyInstaller from the package
# index), builds OUT_DIR/reflect/ from packaging/reflect.spec, adds the desktop files (menu entry,
# AppStream metainfo, the icon as SVG and PNGs rendered from it) and an install.sh, validates
# them, runs the built program's --version and --check, and packs
# OUT_DIR/reflect-VERSION-linux-ARCH.tar.gz. Heavy on the CPU: `nice packaging/build.sh`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-$root/dist}" && cd "${1:-$root/dist}" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/reflect-build.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PIP_DISABLE_PIP_VERSION_CHECK=1 QT_QPA_PLATFORM=offscreen
app_id=io.github.reflect.Reflect
started=$(date +%s)
step() { printf '\n== %s\n' "$*"; }

step "build environment"
python3 -m venv "$work/venv"
py="$work/venv/bin/python"
"$py" -m pip install -q "$root" "pyinstaller>=6.10" 2>&1 | grep -v "^WARNING: Location" || true
"$py" -c "import reflect, PyInstaller; print('reflect', reflect.__version__, '/ PyInstaller', PyInstaller.__version__)"
version=$("$py" -c "import reflect; print(reflect.__version__)")

step "PyInstaller"
rm -rf "$out/reflect"
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$out" --workpath "$work/pyinstaller" "$root/packaging/reflect.spec"
app="$out/reflect"

step "desktop files"
res="$root/src/reflect/resources"
install -Dm644 "$res/reflect.desktop" "$app/share/applications/$app_id.desktop"
install -Dm644 "$res/$app_id.metainfo.xml" "$app/share/metainfo/$app_id.metainfo.xml"
"$py" "$root/packaging/render_icons.py" "$app/share/icons" | sed 's/^/  /'
install -m755 "$root/packaging/install-folder.sh" "$app/install.sh"

if ! command -v appstreamcli >/dev/null || ! command -v desktop-file-validate >/dev/null; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        echo "installing appstream and desktop-file-utils to validate the desktop files"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq appstream desktop-file-utils </dev/null >/dev/null
    fi
fi
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$app/share/applications/$app_id.desktop"
    echo "  desktop-file-validate: ok"
else
    echo "  desktop-file-validate is not installed here: not checked" >&2
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$app/share/metainfo/$app_id.metainfo.xml" | sed 's/^/  /'
else
    echo "  appstreamcli is not installed here: not checked" >&2
fi

step "the built program"
"$app/reflect" --version
[ "$("$app/reflect" --version)" = "reflect $version" ] || { echo "wrong version" >&2; exit 1; }
"$app/reflect" --check

step "pack"
arch=$(uname -m)
tarball="$out/reflect-$version-linux-$arch.tar.gz"
tar -C "$out" -czf "$tarball" reflect
seconds=$(( $(date +%s) - started ))
echo "built $app in ${seconds} s"
echo "folder: $(du -sh "$app" | cut -f1)   ($(find "$app" -type f | wc -l) files)"
echo "archive: $tarball ($(du -sh "$tarball" | cut -f1))"
