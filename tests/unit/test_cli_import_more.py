"""``tierslieu import machines`` and ``tierslieu import registrations`` on the sample
files: what they print, their exit codes, and that a refused line writes nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tierslieu_desktop.cli import main
from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.services.activity.registrations import session_registrations
from tierslieu_desktop.services.park import machines as park
from tierslieu_desktop.services.people.audiences import save_audience
from tierslieu_desktop.services.people.members import count_members

pytestmark = pytest.mark.usefixtures("demo_login")  # the commands log in as the demo's admin

DATA = Path(__file__).parent.parent / "data" / "imports"


@pytest.fixture
def lab(db, operator):
    for name in ("Fablab", "Cyber-base", "Atelier textile"):
        park.save_space(db, operator, park.SpaceInput(name))
    save_audience(db, operator, "Scolaires & étudiants")
    activity = activities.save_activity(
        db, operator, activities.ActivityInput(name="Visite du fablab", kind="school_visit")
    )
    session_id = activities.create_session(
        db,
        operator,
        activities.SessionInput(
            activity_id=activity,
            start_at=datetime(2027, 1, 12, 13, tzinfo=UTC),
            end_at=datetime(2027, 1, 12, 15, tzinfo=UTC),
            capacity=30,
        ),
    )
    return db.target, session_id


def test_import_machines_prints_the_counts_and_writes(db, lab, capsys):
    path, _session = lab
    assert main(["import", "machines", str(DATA / "machines.csv"), "--db", path]) == 0
    out = capsys.readouterr().out
    assert "Fichier : machines.csv" in out and "6 lignes lues" in out
    assert "6 machines créées, 0 machine complétée, 0 ligne ignorée, 0 ligne refusée" in out
    assert len(park.list_machines(db)) == 6
    # again: every machine is already there, completed (nothing to fill) and not duplicated
    assert main(["import", "machines", str(DATA / "machines.csv"), "--db", path]) == 0
    assert "0 machine créée, 6 machines complétées" in capsys.readouterr().out
    assert len(park.list_machines(db)) == 6


def test_a_bad_line_exits_1_names_the_line_and_writes_nothing(db, lab, capsys):
    path, _session = lab
    bad = str(DATA / "machines_bad.csv")
    assert main(["import", "machines", bad, "--db", path]) == 1
    out = capsys.readouterr().out
    assert (
        "Ligne 3, champ « Espace » : espace inconnu, à créer d'abord dans Machines & espaces "
        "(« Fablb »)"
    ) in out
    assert "Ligne 4, champ « Prix horaire (tous publics) » : montant illisible (« 3,5,0 »)" in out
    assert "Rien n'a été enregistré" in out
    assert park.list_machines(db) == []

    assert main(["import", "machines", bad, "--db", path, "--dry-run"]) == 1
    # nothing is written: what the plan would do, never « créées »
    assert "2 machines à créer, 0 machine à compléter, 0 ligne à ignorer, 2 lignes refusées" in (
        capsys.readouterr().out
    )
    assert park.list_machines(db) == []

    assert main(["import", "machines", bad, "--db", path, "--skip-bad"]) == 0
    assert "2 machines créées" in capsys.readouterr().out
    assert len(park.list_machines(db)) == 2


def test_the_dry_run_of_a_good_file_exits_0_and_writes_nothing(db, lab, capsys):
    path, _session = lab
    args = ["import", "machines", str(DATA / "machines.csv"), "--db", path, "--dry-run"]
    assert main(args) == 0
    assert "6 machines à créer" in capsys.readouterr().out
    assert park.list_machines(db) == []


def test_import_registrations_named_or_as_a_group(db, lab, capsys):
    path, session_id = lab
    xlsx = str(DATA / "classe_cm2.xlsx")
    args = ["import", "registrations", xlsx, "--session", str(session_id), "--db", path]
    assert main([*args, "--audience", "scolaires & etudiants"]) == 0
    assert "8 adhérents créés et inscrits, 0 adhérent existant inscrit" in capsys.readouterr().out
    assert count_members(db) == 8 and len(session_registrations(db, session_id)) == 8

    assert main([*args, "--group", "CM2 de Biars", "--responsible", "Mme Lacombe"]) == 0
    out = capsys.readouterr().out
    assert "Groupe « CM2 de Biars » : 8 participants, 0 ligne ignorée" in out
    assert count_members(db) == 8
    assert main([*args, "--group", "cm2 de biars"]) == 1
    assert "déjà inscrit à cette séance" in capsys.readouterr().err
    assert main([*args, "--group", "x" * 121]) == 1
    assert "Nom du groupe : texte trop long" in capsys.readouterr().err
    assert main([*args, "--group", " "]) == 1
    assert "donnez le nom du groupe (--group)" in capsys.readouterr().err


def test_import_registrations_refusals_exit_1(db, lab, capsys):
    path, session_id = lab
    bad = str(DATA / "classe_cm2_erreur.csv")
    args = ["import", "registrations", bad, "--session", str(session_id), "--db", path]
    assert main(args) == 1
    out = capsys.readouterr().out
    assert "Ligne 4, champ « Date de naissance » : date illisible" in out and "31/02/2015" in out
    assert "Ligne 5, champ « Responsable légal » : mineur" in out
    assert count_members(db) == 0 and session_registrations(db, session_id) == []
    assert main([*args, "--skip-bad"]) == 0
    assert count_members(db) == 3

    assert main(["import", "registrations", bad, "--session", "999", "--db", path]) == 1
    assert "aucune séance n° 999" in capsys.readouterr().err
    assert main([*args, "--audience", "Inconnu"]) == 1
    assert "public inconnu" in capsys.readouterr().err


def test_english_wording(db, lab, capsys):
    path, _session = lab
    bad = str(DATA / "machines_bad.csv")
    assert main(["--lang", "en", "import", "machines", bad, "--db", path]) == 1
    out = capsys.readouterr().out
    assert 'Line 3, field "Space": unknown space, to be created first' in out
    assert "Nothing was written" in out
    assert main(["import", "machines", bad, "--db", path, "--lang", "en", "--dry-run"]) == 1
    assert "2 machines to create, 0 machines to complete" in capsys.readouterr().out


def test_every_field_and_dictionary_is_worded_in_both_languages(db):
    from tierslieu_desktop.i18n import imports_more as words
    from tierslieu_desktop.services.imports.machines import MachinesImporter
    from tierslieu_desktop.services.imports.registrations import FIELDS

    for table in (words.FIELD_NAMES, words.ERRORS, words.DUPLICATE_REASONS, words.MESSAGES):
        assert table["fr"].keys() == table["en"].keys()
    keys = [f.key for f in MachinesImporter(["Scolaires"]).fields] + [f.key for f in FIELDS]
    for lang in ("fr", "en"):
        for key in keys:
            assert words.field_name(key, lang) != key
    assert words.field_name("price:Scolaires") == "Prix horaire — Scolaires"
    from tierslieu_desktop.i18n import imports

    assert imports.field_name("price:Scolaires", "en") == "Hourly price — Scolaires"
    assert imports.error_text("unknown_space").startswith("espace inconnu")
    assert imports.error_text("required") == "à remplir"  # the members' words first
    assert imports.duplicate_reason_text("name_space") == "même nom dans le même espace"
