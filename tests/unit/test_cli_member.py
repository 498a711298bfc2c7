"""``tierslieu member export`` and ``tierslieu member anonymise`` on a demo member
(issue 19, acceptance)."""

from __future__ import annotations

import json
import sqlite3

import pytest
from shared_demo import small_demo_copy

from tierslieu_desktop.cli import main
from tierslieu_desktop.reports.personal_data import output_paths

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin


def _member(path, number):
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT last_name, email, anonymised_at FROM member WHERE number = ?", (number,)
        ).fetchone()
    finally:
        con.close()


def _free_member(path) -> str:
    """A person with invoices and nothing left to settle or to come (the demo's today)."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT m.number FROM member m WHERE m.kind = 'person' AND m.email != '' AND "
            "EXISTS (SELECT 1 FROM invoice i WHERE i.member_id = m.id) ORDER BY m.id"
        ).fetchall()
    finally:
        con.close()
    return rows


def test_output_paths_by_suffix():
    for given in ("out/dupont", "out/dupont.pdf", "out/dupont.JSON"):
        pdf, js = output_paths(given)
        assert (pdf.name, js.name) == ("dupont.pdf", "dupont.json")
    assert output_paths("a.b")[0].name == "a.b.pdf"


def test_member_export_and_anonymise_from_the_command_line(tmp_path, capsys):
    path = small_demo_copy(tmp_path / "demo.sqlite")
    db = str(path)
    candidates = [r[0] for r in _free_member(path)]
    assert main(["member", "export", "A99999", "-o", str(tmp_path / "x"), "--db", db]) == 1
    assert "aucun adhérent" in capsys.readouterr().err
    number = None
    for candidate in candidates:  # the first one nothing blocks
        assert main(["member", "anonymise", candidate, "--db", db]) == 1
        if "--yes" in capsys.readouterr().err:
            number = candidate
            break
    assert number is not None
    name, email, _ = _member(path, number)
    assert main(["member", "export", number, "-o", str(tmp_path / "export.pdf"), "--db", db]) == 0
    out = json.loads((tmp_path / "export.json").read_text("utf-8"))
    assert out["member"]["email"] == email and out["invoices"]
    assert (tmp_path / "export.pdf").read_bytes()[:5] == b"%PDF-"
    assert _member(path, number)[2] is None  # without --yes nothing changed

    assert main(["member", "anonymise", number, "--yes", "--db", db]) == 0
    assert "anonymisé" in capsys.readouterr().out
    last_name, email_after, anonymised_at = _member(path, number)
    assert (last_name, email_after) == ("Anonyme", "") and anonymised_at
    assert main(["member", "anonymise", number, "--yes", "--db", db]) == 1
    assert "déjà anonymisé" in capsys.readouterr().err
    assert main(["verify", "--db", db]) == 0
