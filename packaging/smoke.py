"""Smoke test of a built or installed application, run outside any virtual environment.

    python3 packaging/smoke.py COMMAND [--shot FILE.png] [--keep DIR]

COMMAND is the bundle's executable (``dist/tierslieu/tierslieu``, ``dist\\tierslieu\\
tierslieu.exe``, ``dist/Tiers-Lieu Desktop.app/Contents/MacOS/tierslieu``) or the installed
command (``tierslieu`` from the .deb). Needs nothing but Python's standard library, so the
system's ``python3`` runs it (packaging/ci_bundle.sh, .github/workflows/installers.yml).

Each step runs COMMAND in a clean environment (no PYTHONPATH, no virtual environment on
the PATH, a fresh home folder and data folder, a working folder outside the sources) and
checks what a person would see:

1. ``--version`` says the package's version (pyproject.toml);
2. ``demo --db X`` creates the demo database;
3. ``invoice pdf NUMBER -o F --facturx`` writes a PDF whose fonts are all embedded (no
   standard PDF font) and which carries a Factur-X XML naming that invoice (the
   application checks the XML against the official XSD shipped in the bundle before it
   writes the file);
4. ``report annual --year YYYY -o F`` writes a PDF whose fonts are all embedded;
5. ``verify`` finds nothing wrong;
6. the window opens offscreen until Accueil's figures are painted
   (``TIERSLIEU_EXIT_WHEN_SHOWN``) and is saved as a PNG (``TIERSLIEU_SHOT``);
7. the application's own folder is unchanged (nothing written beside the program: the
   data lives in the user's data folder).

Exits 1 with the failed step's output, 0 when every step passed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import tomllib
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STANDARD_FONTS = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")
CII = "{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}"
STEP_TIMEOUT_S = 300
DEMO_USER, DEMO_PASSWORD = "admin", "demo"  # the demo's administrator (README)


class SmokeFailed(Exception):
    pass


def package_version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def clean_env(work: Path) -> dict[str, str]:
    """The user's environment without any Python or virtual environment, a fresh home."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV", "TIERSLIEU_", "XDG_", "CONDA", "QT_"))
    }
    venv_bins = {str(Path(sys.prefix) / "bin"), str(Path(sys.prefix) / "Scripts")}
    env["PATH"] = os.pathsep.join(
        p
        for p in env.get("PATH", "").split(os.pathsep)
        if p and p not in venv_bins and ".venv" not in p
    )
    home = work / "home"
    home.mkdir(exist_ok=True)
    if sys.platform == "win32":  # platformdirs asks Windows, not HOME: point it here
        env["TIERSLIEU_DATA_DIR"] = str(home / "data")
        env["TIERSLIEU_CONFIG_DIR"] = str(home / "config")
    else:
        env["HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # The demo's administrator (issue 19: once a database has accounts, every command and
    # the window log in; the window's lock screen takes these as if typed).
    env["TIERSLIEU_USER"] = DEMO_USER
    env["TIERSLIEU_PASSWORD"] = DEMO_PASSWORD
    return env


def run(
    cmd: list[str], env: dict[str, str], cwd: Path, what: str
) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    result = subprocess.run(
        cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=STEP_TIMEOUT_S
    )
    took = time.monotonic() - started
    if result.returncode != 0:
        raise SmokeFailed(
            f"{what}: {' '.join(cmd)} exited {result.returncode}\n"
            f"--- stdout\n{result.stdout[-3000:]}\n--- stderr\n{result.stderr[-5000:]}"
        )
    print(f"ok  {what} ({took:.1f} s)", flush=True)
    return result


def pdf_streams(data: bytes) -> list[bytes]:
    """The PDF's bytes and each of its streams inflated (object streams included)."""
    out = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            continue
        try:
            out.append(zlib.decompressobj().decompress(data[start:end]))
        except zlib.error:
            continue
    return out


def check_fonts_embedded(path: Path) -> int:
    """Every font of the PDF has its font file; none is a standard (not embedded) PDF font.
    Returns the number of fonts."""
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise SmokeFailed(f"{path.name} is not a PDF")
    text = b"\n".join(pdf_streams(data))
    base_fonts = set(re.findall(rb"/BaseFont\s*/([^\s/<>\[\]()]+)", text))
    standard = [f for f in base_fonts if f.split(b"+")[-1].decode().startswith(STANDARD_FONTS)]
    descriptors = len(re.findall(rb"/Type\s*/FontDescriptor", text))
    files = len(re.findall(rb"/FontFile[23]?\s", text))
    if not base_fonts or standard or files < descriptors or files == 0:
        raise SmokeFailed(
            f"{path.name}: fonts {sorted(base_fonts)}, standard (not embedded) {standard}, "
            f"{descriptors} descriptors for {files} font files"
        )
    return len(base_fonts)


def factur_x_xml(path: Path) -> ET.Element:
    for stream in pdf_streams(path.read_bytes())[1:]:
        if b"CrossIndustryInvoice" in stream[:2000] and stream.lstrip().startswith(b"<?xml"):
            return ET.fromstring(stream)
    raise SmokeFailed(f"{path.name}: no Factur-X XML inside")


def install_folder(command: str) -> Path | None:
    found = shutil.which(command) or (command if Path(command).exists() else None)
    if found is None:
        raise SmokeFailed(f"{command}: not found")
    return Path(found).resolve().parent


def listing(folder: Path) -> dict[str, int]:
    return {
        str(p.relative_to(folder)): p.lstat().st_size for p in folder.rglob("*") if not p.is_dir()
    }


def smoke(command: str, work: Path, shot: Path | None) -> None:
    folder = install_folder(command)
    before = listing(folder) if folder else {}
    exe = str(Path(shutil.which(command) or command).absolute())
    env = clean_env(work)
    db = work / "demo.sqlite"

    version = run([exe, "--version"], env, work, "version").stdout.strip()
    if version and package_version() not in version.split():
        raise SmokeFailed(f"--version says {version!r}, the package is {package_version()}")

    run([exe, "demo", "--db", str(db)], env, work, "demo database")
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        number, issued = conn.execute(
            "SELECT number, issued_at FROM invoice WHERE kind = 'invoice' ORDER BY id DESC LIMIT 1"
        ).fetchone()

    invoice = work / "invoice.pdf"
    run(
        [exe, "invoice", "pdf", number, "-o", str(invoice), "--facturx", "--db", str(db)],
        env,
        work,
        f"Factur-X invoice {number}",
    )
    fonts = check_fonts_embedded(invoice)
    root = factur_x_xml(invoice)
    ids = [e.text for e in root.iter() if e.tag.endswith("}ID") and e.text == number]
    if root.tag != f"{CII}CrossIndustryInvoice" or not ids:
        raise SmokeFailed(f"invoice.pdf: the Factur-X XML ({root.tag}) does not name {number}")
    print(f"    {fonts} fonts embedded, Factur-X XML of {number}")

    year = str(issued)[:4]
    report = work / "annual.pdf"
    run(
        [exe, "report", "annual", "--year", year, "-o", str(report), "--db", str(db)],
        env,
        work,
        f"annual report {year}",
    )
    print(f"    {check_fonts_embedded(report)} fonts embedded")

    run([exe, "verify", "--db", str(db)], env, work, "verify")

    window_env = {**env, "TIERSLIEU_EXIT_WHEN_SHOWN": "1"}
    picture = shot or work / "window.png"
    window_env["TIERSLIEU_SHOT"] = str(picture.absolute())
    result = run([exe, "--db", str(db)], window_env, work, "window painted offscreen")
    if sys.platform != "win32" and "figures_at=" not in result.stdout:
        raise SmokeFailed(f"the window did not paint Accueil's figures:\n{result.stdout}")
    if not picture.is_file() or picture.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
        raise SmokeFailed(f"no picture of the window in {picture}")
    print(f"    picture: {picture}")

    if folder is not None:
        after = listing(folder)
        changed = sorted(set(after) ^ set(before)) + [
            k for k in before if k in after and after[k] != before[k]
        ]
        if changed:
            raise SmokeFailed(f"the application wrote into its own folder {folder}: {changed[:10]}")
        print(f"ok  nothing written in {folder}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", help="the bundle's executable or the installed command")
    parser.add_argument("--shot", type=Path, help="where to save the window's picture")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tierslieu-smoke-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        try:
            smoke(args.command, work.resolve(), args.shot)
        except (SmokeFailed, subprocess.TimeoutExpired) as exc:
            print(f"FAILED {exc}", file=sys.stderr)
            return 1
    print(f"smoke test of {args.command}: every step passed ({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
