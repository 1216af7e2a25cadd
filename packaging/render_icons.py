"""Render the app icon (SVG, the one source) to the PNG sizes desktops and stores ask for.

    python packaging/render_icons.py OUT_DIR

Writes ``OUT_DIR/hicolor/<N>x<N>/apps/io.github.reflect.Reflect.png`` for each size and
``OUT_DIR/hicolor/scalable/apps/io.github.reflect.Reflect.svg``, the freedesktop icon theme
layout. Uses Qt's SVG renderer (PySide6 is already a dependency), offscreen.
"""

from __future__ import annotations

import os
import shutil
import sys
from importlib import resources
from pathlib import Path

APP_ID = "io.github.reflect.Reflect"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["render-icons"])  # noqa: F841
    svg = resources.files("reflect").joinpath(f"resources/icons/{APP_ID}.svg")
    data = svg.read_bytes()
    renderer = QSvgRenderer(data)
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    written = []
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(data)
    written.append(scalable)
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing
                               | QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"could not write {target}")
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    if out.exists():
        shutil.rmtree(out / "hicolor", ignore_errors=True)
    for path in render(out):
        print(path.relative_to(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
