"""``tierslieu import members FILE``: the counts, every refused line named, exit 1 and
nothing written for a bad line unless --skip-bad, --dry-run writing nothing, French by
default and English with --lang en."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tierslieu_desktop.cli import main
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Audience, Member, Membership

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"


@pytest.fixture
def base(tmp_path):
    path = tmp_path / "lab.sqlite"
    db = open_database(str(path))
    with db.write() as s:
        s.add_all([
            Audience(name="Tout public", position=0),
            Audience(name="Demandeurs d'emploi", position=1),
        ])  # fmt: skip
    db.dispose()
    return path


def _members(path):
    db = open_database(str(path), create=False)
    try:
        with db.read() as s:
            return (
                s.scalar(select(func.count(Member.id))),
                s.scalar(select(func.count(Membership.id))),
            )
    finally:
        db.dispose()


def _run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_the_300_members_sample_is_imported(base, capsys):
    code, text = _run(capsys, "import", "members", str(DATA / "members_300.csv"), "--db", str(base))
    assert code == 0, text
    assert "300 membres créés, 0 fiche complétée, 0 ligne ignorée, 0 ligne refusée" in text
    assert "Import enregistré." in text
    assert _members(base) == (300, 300)
    # again: every line is now a member of the base, completed (nothing to fill)
    code, text = _run(capsys, "import", "members", str(DATA / "members_300.csv"), "--db", str(base))
    assert code == 0 and "0 membre créé, 300 fiches complétées" in text
    assert _members(base) == (300, 300)  # the same memberships are not added twice


def test_a_file_with_one_bad_line_writes_nothing_and_names_the_line(base, capsys):
    path = str(DATA / "one_bad_line.csv")
    code, text = _run(capsys, "import", "members", path, "--db", str(base))
    assert code == 1
    assert "Ligne 4, champ « E-mail » : adresse invalide (« lucie@ »)" in text
    assert "Rien n'a été enregistré" in text
    assert "3 membres à créer" in text and "créés" not in text  # nothing was created
    assert _members(base) == (0, 0)
    code, text = _run(capsys, "import", "members", path, "--skip-bad", "--db", str(base))
    assert code == 0
    assert "Ligne 4, champ « E-mail »" in text and "3 membres créés" in text
    assert "1 ligne refusée" in text and "sans les lignes refusées" in text
    assert _members(base) == (3, 0)


def test_dry_run_writes_nothing(base, capsys):
    path = str(DATA / "helloasso_adhesions_utf8bom.csv")
    code, text = _run(capsys, "import", "members", path, "--dry-run", "--db", str(base))
    assert code == 0
    assert "HelloAsso" in text and "3 membres à créer" in text and "1 ligne à ignorer" in text
    assert "Ligne 5 : commande remboursée ou annulée : non importée" in text
    assert "Essai à blanc : rien n'a été enregistré." in text
    assert _members(base) == (0, 0)


def test_format_can_be_forced_and_english_is_spoken_on_request(base, capsys):
    path = str(DATA / "one_bad_line.csv")
    code, text = _run(
        capsys, "import", "members", path, "--format", "csv", "--lang", "en", "--db", str(base)
    )
    assert code == 1
    assert 'Line 4, field "E-mail": invalid address ("lucie@")' in text
    assert "Nothing was written" in text
    code, text = _run(
        capsys, "--lang", "en", "import", "members", str(DATA / "paheko_membres_comma.csv"),
        "--db", str(base),
    )  # fmt: skip
    assert code == 0 and "3 members created" in text and "Paheko" in text


def test_an_unreadable_file_fails_cleanly(base, tmp_path, capsys):
    missing = tmp_path / "absent.csv"
    code, text = _run(capsys, "import", "members", str(missing), "--db", str(base))
    assert code == 1 and "absent.csv" in text and "Traceback" not in text


def test_the_mapping_saved_for_a_source_is_the_one_used(base, tmp_path, capsys):
    from tierslieu_desktop.services.imports import mappings

    path = tmp_path / "liste.csv"
    path.write_text("Nom;Prénom;Mél perso\nVidal;Inès;ines.vidal@laposte.net\n", encoding="utf-8")
    mappings.save_mapping(
        "members", "csv", {"last_name": "Nom", "first_name": "Prénom", "email": "Mél perso"}
    )
    code, text = _run(capsys, "import", "members", str(path), "--db", str(base))
    assert code == 0, text
    db = open_database(str(base), create=False)
    try:
        with db.read() as s:
            assert s.scalar(select(Member.email)) == "ines.vidal@laposte.net"
    finally:
        db.dispose()


def test_after_the_setup_assistant_the_300_members_come_in_with_their_memberships(tmp_path, capsys):
    """The acceptance's path: an empty database, the assistant's default publics, then
    the 300 members of the sample file — each with its 15 € membership counted once."""
    from datetime import date

    from tierslieu_desktop.services.finance import balance as finance
    from tierslieu_desktop.services.setup.apply import SetupPlan, apply_setup
    from tierslieu_desktop.services.setup.catalogue import load_catalogue

    path = tmp_path / "new.sqlite"
    db = open_database(str(path))
    try:
        apply_setup(db, None, SetupPlan(audiences=tuple(a.key for a in load_catalogue().audiences)))
    finally:
        db.dispose()
    code, text = _run(capsys, "import", "members", str(DATA / "members_300.csv"), "--db", str(path))
    assert code == 0 and "300 membres créés" in text, text
    db = open_database(str(path), create=False)
    try:
        b = finance.balance(db, date(2025, 1, 1), date(2025, 12, 31))
        assert b.own_by_category.get("memberships") == 300 * 1500
    finally:
        db.dispose()
