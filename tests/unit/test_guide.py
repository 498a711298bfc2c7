"""The user guide shipped with the application: a section for every page of the window
and every daily flow, in French and in English, its links and screenshots there, and the
whole of it in the wheel and in the frozen build."""

from __future__ import annotations

import ast
import re
import struct
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "src" / "tierslieu_desktop"
GUIDE = PKG / "resources" / "guide"
LANGUAGES = ("fr", "en")
PACKAGE_DATA = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"
]["package-data"]["tierslieu_desktop"]


def _constant(module: Path, name: str) -> tuple[str, ...]:
    """A tuple constant of a module, read from its source (no Qt import)."""
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return tuple(ast.literal_eval(node.value))
    raise AssertionError(f"{name} not found in {module.name}")


PAGE_KEYS = _constant(PKG / "ui" / "main_window.py", "PAGE_KEYS")
FLOW_ANCHORS = _constant(PKG / "ui" / "help_window.py", "FLOW_ANCHORS")


class _Guide(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.anchors: list[str] = []
        self.links: list[str] = []
        self.images: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("name"):
            self.anchors.append(values["name"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "img":
            self.images.append(values.get("src") or "")


def _parse(lang: str) -> _Guide:
    guide = _Guide()
    guide.feed((GUIDE / lang / "index.html").read_text(encoding="utf-8"))
    return guide


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_and_every_daily_flow_has_a_section(lang):
    anchors = _parse(lang).anchors
    assert len(anchors) == len(set(anchors)), "an anchor twice"
    wanted = {*PAGE_KEYS, *FLOW_ANCHORS, "contents", "activity-cyberbase"}
    assert wanted <= set(anchors), wanted - set(anchors)


def test_both_languages_have_the_same_sections_in_the_same_order():
    assert _parse("fr").anchors == _parse("en").anchors


@pytest.mark.parametrize("lang", LANGUAGES)
def test_links_lead_to_a_section_and_screenshots_are_there(lang):
    """The window grabbed at 1024×768, scaled to 768×576 (packaging/guide_screenshots.py)."""
    guide = _parse(lang)
    for href in guide.links:
        assert href.startswith("#") and href[1:] in guide.anchors, href
    assert {f"img/{key}.png" for key in PAGE_KEYS} <= set(guide.images)
    for src in guide.images:
        data = (GUIDE / lang / src).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", src
        assert struct.unpack(">II", data[16:24]) == (768, 576), src
        assert len(data) < 100_000, f"{src}: keep the screenshots small"


def test_the_cyber_base_section_says_how_to_reach_the_guide_there():
    """F1 counts a visit on the cyber-base desk: its section names the other ways."""
    for lang, menu in (("fr", "Aide › Guide d'utilisation"), ("en", "Help › User guide")):
        text = (GUIDE / lang / "index.html").read_text(encoding="utf-8")
        section = text.split('name="activity-cyberbase"')[1].split("<a name=")[0]
        assert "<b>?</b>" in section and menu in section, lang


def test_the_guide_is_package_data_of_the_wheel_and_in_the_frozen_build():
    """setuptools globs each pattern without recursing: every guide file must match one;
    PyInstaller's spec copies each of the guide's folders."""
    shipped = {p for pattern in PACKAGE_DATA for p in PKG.glob(pattern) if p.is_file()}
    files = [p for p in GUIDE.rglob("*") if p.is_file()]
    assert len(files) >= 2 * (len(PAGE_KEYS) + 1)
    assert set(files) <= shipped, sorted(str(p) for p in set(files) - shipped)
    spec = (ROOT / "packaging" / "tierslieu.spec").read_text(encoding="utf-8")
    destinations = set(re.findall(r'"(tierslieu_desktop/[^"]+)"', spec))
    for path in files:
        folder = path.parent.relative_to(PKG.parent).as_posix()
        assert folder in destinations, folder
