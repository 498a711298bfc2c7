"""The packaging files agree with the code: what the installers and the wheel ship is there."""

from __future__ import annotations

import ast
import configparser
import fnmatch
import re
import struct
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "src" / "tierslieu_desktop"
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"
SVG_NS = "{http://www.w3.org/2000/svg}"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]
PACKAGE_DATA = PYPROJECT["tool"]["setuptools"]["package-data"]["tierslieu_desktop"]


def _page_keys() -> tuple[str, ...]:
    """MainWindow.PAGE_KEYS, read from the source (no Qt import needed)."""
    tree = ast.parse((PKG / "ui" / "main_window.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "PAGE_KEYS" for t in node.targets
        ):
            return tuple(ast.literal_eval(node.value))
    raise AssertionError("MainWindow.PAGE_KEYS not found")


PAGE_KEYS = _page_keys()


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


# --- desktop entry ----------------------------------------------------------------------


def _desktop() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(PACKAGING / "tierslieu.desktop", encoding="utf-8")
    return parser


def test_desktop_entry_launches_the_command_of_the_wheel():
    entry = _desktop()["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Tiers-Lieu Desktop"
    assert entry["Exec"] == "tierslieu"
    assert "tierslieu" in PYPROJECT["project"]["scripts"]  # the command Exec runs
    assert entry["Comment"] and entry["Comment[fr]"]
    assert {"Office", "Education"} <= set(entry["Categories"].strip(";").split(";"))
    assert entry["Terminal"] == "false"


def test_desktop_actions_are_declared_and_run_the_same_command():
    parser = _desktop()
    actions = [a for a in parser["Desktop Entry"]["Actions"].split(";") if a]
    assert actions
    for action in actions:
        group = parser[f"Desktop Action {action}"]
        assert group["Name"] and group["Name[fr]"]
        assert group["Exec"].split()[0] == "tierslieu"


def test_desktop_icon_name_has_its_icon_files():
    icon = _desktop()["Desktop Entry"]["Icon"]
    assert icon == "tierslieu"
    ET.parse(RESOURCES / f"{icon}.svg")
    assert _png_size(RESOURCES / f"{icon}.png") == (256, 256)


# --- AppStream ----------------------------------------------------------------------------


def test_metainfo_id_file_name_and_launchable_agree():
    path = PACKAGING / "fr.tierslieu.Desktop.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    app_id = root.findtext("id")
    assert app_id == "fr.tierslieu.Desktop"
    assert path.name == f"{app_id}.metainfo.xml"
    launchable = root.find("launchable[@type='desktop-id']")
    assert launchable is not None and (PACKAGING / launchable.text).exists()
    assert root.findtext("provides/binary") == "tierslieu"
    assert root.find("content_rating") is not None


def test_metainfo_has_a_french_description_and_the_current_release():
    root = ET.parse(PACKAGING / "fr.tierslieu.Desktop.metainfo.xml").getroot()
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    french = [p.text for p in root.findall("description/p") if p.get(lang) == "fr"]
    assert french and all(t and t.strip() for t in french)
    releases = root.findall("releases/release")
    assert releases[0].get("version") == VERSION  # newest first
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date", ""))


# --- PyInstaller spec ---------------------------------------------------------------------


def _spec_strings() -> set[str]:
    tree = ast.parse((PACKAGING / "tierslieu.spec").read_text(encoding="utf-8"))
    constants = (n for n in ast.walk(tree) if isinstance(n, ast.Constant))
    return {n.value for n in constants if isinstance(n.value, str)}


def test_spec_collects_every_package_data_directory_of_the_wheel():
    """Each package-data pattern of pyproject.toml has a destination in the frozen build."""
    strings = _spec_strings()
    for pattern in PACKAGE_DATA:
        directory = pattern.rsplit("/", 1)[0]
        assert f"tierslieu_desktop/{directory}" in strings, pattern
    # Alembic reads the migration scripts from disk: they must be copied as files too.
    assert "tierslieu_desktop/db/migrations/versions" in strings


def test_spec_refers_to_files_that_exist():
    text = (PACKAGING / "tierslieu.spec").read_text(encoding="utf-8")
    assert '"__main__.py"' in text and (PKG / "__main__.py").exists()
    assert "console=False" in text  # windowed
    assert (PACKAGING / "pyi_rth_streams.py").exists()
    assert (RESOURCES / "tierslieu.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # ICO header


def test_spec_ships_qt_own_french_and_the_printing_modules():
    """Qt's own dialogs (file, print preview) in French in the frozen build too, and the
    modules that print (imported only when a page prints)."""
    text = (PACKAGING / "tierslieu.spec").read_text(encoding="utf-8")
    strings = _spec_strings()
    assert "qtbase" in strings and "fr" in strings and "PySide6/Qt/translations" in strings
    assert "TranslationsPath" in text
    assert {"PySide6.QtPdf", "PySide6.QtPrintSupport"} <= strings


# --- Inno Setup ---------------------------------------------------------------------------


def _iss() -> str:
    return (PACKAGING / "windows" / "tierslieu.iss").read_text(encoding="utf-8-sig")


def test_installer_ships_the_whole_pyinstaller_folder():
    """The package data lives in the build's _internal folder: it must be copied recursively."""
    text = _iss()
    build_dir = re.search(r'#define BuildDir "(.+)"', text).group(1)
    assert build_dir.replace("\\", "/") == "../../dist/tierslieu"  # COLLECT(name="tierslieu")
    source = re.search(r'^Source: "\{#BuildDir\}\\\*";.*$', text, re.MULTILINE)
    assert source and "recursesubdirs" in source.group(0) and "createallsubdirs" in source.group(0)


def test_installer_languages_version_shortcuts_and_icon():
    text = _iss()
    assert re.search(r'^Name: "french"; MessagesFile: "compiler:Languages\\French.isl"', text, re.M)
    assert re.search(r'^Name: "english"; MessagesFile: "compiler:Default.isl"', text, re.M)
    assert re.search(r'#define AppVersion "(.+)"', text).group(1) == VERSION
    assert re.search(r'^Name: "desktopicon";.*Flags: unchecked', text, re.M)
    assert "{group}\\{#AppName}" in text and "{autodesktop}" in text
    icon = re.search(r"^SetupIconFile=(.+)$", text, re.M).group(1).replace("\\", "/")
    assert (PACKAGING / "windows" / icon).resolve() == RESOURCES / "tierslieu.ico"
    # Every custom message exists in both languages.
    names = re.findall(r"^(french|english)\.(\w+)=", text, re.M)
    french = {name for lang, name in names if lang == "french"}
    assert french and french == {name for lang, name in names if lang == "english"}


# --- icons and wheel data -----------------------------------------------------------------


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_sidebar_page_has_a_line_icon(key):
    root = ET.parse(PKG / "ui" / "icons" / f"{key}.svg").getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 24 24"
    assert (root.get("fill"), root.get("stroke"), root.get("stroke-width")) == (
        "none",
        "#cfd8dc",
        "1.8",
    )
    assert len(root) > 1  # a title and at least one shape


def test_icons_render_with_qt(qapp):
    """Qt's SVG renderer (SVG Tiny) draws every icon: a 48 px pixmap is not empty."""
    from PySide6.QtGui import QIcon

    for name in [*PAGE_KEYS, "app"]:
        image = QIcon(str(PKG / "ui" / "icons" / f"{name}.svg")).pixmap(48, 48).toImage()
        assert not image.isNull(), name
        painted = sum(
            image.pixelColor(x, y).alpha() > 0 for x in range(0, 48, 2) for y in range(0, 48, 2)
        )
        assert painted > 20, name


def test_packaged_copies_match_the_resources():
    app_svg = PKG / "ui" / "icons" / "app.svg"
    assert app_svg.read_bytes() == (RESOURCES / "tierslieu.svg").read_bytes()
    logo = PKG / "resources" / "demo-logo.png"
    assert logo.read_bytes() == (RESOURCES / "demo-logo.png").read_bytes()
    width, height = _png_size(logo)
    assert 300 <= width <= 500 and 100 <= height <= 200


def test_wheel_critical_files_exist_and_are_package_data():
    critical = [
        "i18n/tierslieu_fr.qm",
        "db/migrations/script.py.mako",
        "ui/icons/app.svg",
        "resources/demo-logo.png",
        *(f"ui/icons/{key}.svg" for key in PAGE_KEYS),
    ]
    for rel in critical:
        assert (PKG / rel).is_file(), rel
        assert any(fnmatch.fnmatch(rel, pattern) for pattern in PACKAGE_DATA), rel
