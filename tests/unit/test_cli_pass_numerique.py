"""``tierslieu export pass-numerique`` (issue 22): a month's Pass numérique claim list on
the command line — a preview that records nothing, the claim made with --issue (then
nothing left to claim), the month, issuer and file refused by name (exit 2), the
command logged in like every other."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from shared_demo import small_demo_copy

from tierslieu_desktop.cli import main
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.demo.accounts import PASSWORD
from tierslieu_desktop.services.finance.voucher_claims import claim_preview, list_claims
from tierslieu_desktop.services.people.accounts import authenticate

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin


@pytest.fixture
def demo_path(tmp_path):
    path = tmp_path / "demo.sqlite"
    small_demo_copy(path)
    return path


def _left_to_claim(path, month: int) -> int:
    db = open_database(str(path), create=False)
    db.principal = authenticate(db, "admin", PASSWORD)
    try:
        return len(claim_preview(db, "pass_numerique", 2026, month).vouchers)
    finally:
        db.dispose()


def _month_with_vouchers(path) -> int:
    return next(m for m in range(12, 0, -1) if _left_to_claim(path, m))


def test_a_preview_records_nothing_then_the_claim_is_made(demo_path, tmp_path, capsys):
    month = _month_with_vouchers(demo_path)
    n = _left_to_claim(demo_path, month)
    csv_file = tmp_path / "apercu.csv"
    args = ["export", "pass-numerique", "--db", str(demo_path), "--month", f"2026-{month:02d}"]
    assert main([*args, "-o", str(csv_file)]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert f"bons à demander : {n}," in out and "Rien n'est enregistré" in out
    lines = csv_file.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0] == "N° du bon;Date du passage;Valable jusqu'au;Valeur (€)"
    assert len(lines) == n + 2  # the header, a line per voucher, the total
    assert _left_to_claim(demo_path, month) == n  # nothing marked

    pdf = tmp_path / "demande.pdf"
    assert main([*args, "--issuer", "PASSNUM", "--issue", "-o", str(pdf)]) == 0
    out = capsys.readouterr().out
    reference = f"PASSNUM-2026-{month:02d}"
    assert out.startswith(f"Demande {reference} faite") and f"bons demandés : {n}," in out
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert reference in text
    assert _left_to_claim(demo_path, month) == 0
    # asked again: nothing left, said in French, exit 1, the file left as it was
    before = pdf.read_bytes()
    assert main([*args, "--issue", "-o", str(pdf)]) == 1
    assert "aucun bon de" in capsys.readouterr().err
    assert pdf.read_bytes() == before


@pytest.mark.parametrize(
    ("arguments", "named", "said"),
    [
        (["--month", "2026-13", "-o", "x.pdf"], "--month", "« 2026-13 » n'est pas un mois"),
        (["--month", "novembre", "-o", "x.pdf"], "--month", "« novembre »"),
        (
            ["--month", "2026-11", "--issuer", "aptic", "-o", "x.pdf"],
            "--issuer",
            "« aptic » n'est pas un émetteur de bons connu (possibles : pass-numerique)",
        ),
        (["--month", "2026-11", "-o", "x.xlsx"], "-o/--output", "finir par .pdf ou .csv"),
    ],
)
def test_a_bad_argument_is_named_in_french_and_exits_2(
    demo_path, tmp_path, capsys, arguments, named, said
):
    with pytest.raises(SystemExit) as stop:
        main(["export", "pass-numerique", "--db", str(demo_path), *arguments])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {named} :" in err and said in err
    assert not (tmp_path / "x.pdf").exists()


def _claims(path) -> list:
    db = open_database(str(path), create=False)
    db.principal = authenticate(db, "admin", PASSWORD)
    try:
        return list_claims(db, "pass_numerique")
    finally:
        db.dispose()


def test_the_desk_without_the_invoices_permission_is_refused(
    demo_path, tmp_path, capsys, demo_login
):
    before = _claims(demo_path)
    month = _month_with_vouchers(demo_path)
    demo_login("accueil")
    out = tmp_path / "demande.pdf"
    code = main(
        ["export", "pass-numerique", "--db", str(demo_path), "--month", f"2026-{month:02d}",
         "--issue", "-o", str(out)]
    )  # fmt: skip
    assert code == 1 and not out.exists()
    assert "ne permet pas : facturer" in capsys.readouterr().err
    assert _claims(demo_path) == before
