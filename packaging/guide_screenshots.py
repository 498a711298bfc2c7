"""Take the user guide's screenshots again: every page of the window at 1024×768, on the
small demo, in French and in English (scaled to 768×576), into src/tierslieu_desktop/resources/guide/<lang>/img/.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=src python packaging/guide_screenshots.py

Run it after a change of a page's look. The demo is built in a temporary folder (its
settings and data folders too: the user's own are never touched) with the desk's clock
at 15:00 on the last weekday, what happened before checked in and out as at a real desk. The PNGs are
reduced to 128 colours (about 40 kB each) to keep the package small."""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "src" / "tierslieu_desktop" / "resources" / "guide"
SIZE = (1024, 768)  # the window, as on a 1024×768 screen
SHOWN = (768, 576)  # the image, scaled smoothly: shown at its own size, no blur
COLOURS = 128


def _settle(app, seconds: float = 0.6) -> None:
    """Let the pages read their lists (in the background) and paint."""
    from tierslieu_desktop.ui.background import wait_for_reads

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        wait_for_reads()
        app.processEvents()
        time.sleep(0.02)


def _save(widget, path: Path) -> int:
    """The widget's image as a small PNG; returns its size in bytes."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    image = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGB")
    image = image.resize(SHOWN, Image.Resampling.LANCZOS)
    small = image.quantize(
        colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    small.save(path, optimize=True)
    return path.stat().st_size


def shots(app, db_path: Path, lang: str) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from tierslieu_desktop.app import build_main_window, install_translators
    from tierslieu_desktop.db.engine import open_database

    translators = install_translators(app, lang)
    db = open_database(str(db_path))
    _ctx, win = build_main_window(db, lang)
    win.resize(*SIZE)
    win.show()
    out = GUIDE / lang / "img"
    written = []
    for key in win.PAGE_KEYS:
        win.show_page(key)
        _settle(app)
        win.resize(*SIZE)
        _settle(app, 0.2)
        path = out / f"{key}.png"
        _save(win, path)
        written.append(path)
        if key == "activity":
            page = win.page("activity")
            page.tabs.setCurrentWidget(page.dropins)
            _settle(app)
            path = out / "activity-cyberbase.png"
            _save(win, path)
            written.append(path)
            page.tabs.setCurrentIndex(0)
    _settle(app, 0.2)
    win.hide()
    win.deleteLater()
    QApplication.processEvents()
    db.dispose()
    for t in translators:
        app.removeTranslator(t)
    return written


def _last_weekday_afternoon(calendar) -> datetime:
    """15:00 in Paris on the last Tuesday–Friday before today (UTC, aware)."""
    day = datetime.now(UTC).date() - timedelta(days=1)
    while day.weekday() not in (1, 2, 3, 4):
        day -= timedelta(days=1)
    return calendar.local_dt(day, 15 * 60)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT / "src"))
    work = Path(tempfile.mkdtemp(prefix="tierslieu-guide-"))
    os.environ["TIERSLIEU_DATA_DIR"] = str(work / "data")
    os.environ["TIERSLIEU_CONFIG_DIR"] = str(work / "config")

    # The desk's clock: the last weekday at 15:00 (a Sunday morning's Accueil is empty);
    # set before any module imports it, the demo built up to that time.
    from tierslieu_desktop.domain import calendar

    afternoon = _last_weekday_afternoon(calendar)
    calendar.utcnow = lambda: afternoon

    from PySide6.QtWidgets import QApplication

    from tierslieu_desktop.demo.builder import build_demo
    from tierslieu_desktop.ui import app_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app_style.install(app)
    db_path = work / "demo.sqlite"
    build_demo(str(db_path), today_at=afternoon)  # checked in and out as at a real desk
    total = 0
    for lang in ("fr", "en"):
        for path in shots(app, db_path, lang):
            size = path.stat().st_size
            total += size
            print(f"{path.relative_to(ROOT)}  {size // 1024} kB")
    print(f"total {total // 1024} kB")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
