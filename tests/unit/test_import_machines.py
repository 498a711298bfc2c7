"""The machines import (issue 18): a lab's machines list in Windows-1252 with ';' into
the park, its prices into the grid; duplicates; a bad line writes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.imports.base import Action
from tierslieu_desktop.services.imports.machines import MachinesImporter
from tierslieu_desktop.services.imports.tables import read_table
from tierslieu_desktop.services.park import machines as park
from tierslieu_desktop.services.people.audiences import save_audience
from tierslieu_desktop.services.pricing.tariffs import list_rules, set_price

DATA = Path(__file__).parent.parent / "data" / "imports"
TODAY = date(2026, 12, 6)


@pytest.fixture
def lab(db, operator):
    ids = {
        name: park.save_space(db, operator, park.SpaceInput(name))
        for name in ("Fablab", "Cyber-base", "Atelier textile")
    }
    ids["public"] = save_audience(db, operator, "Grand public")
    ids["pupils"] = save_audience(db, operator, "Scolaires & étudiants")
    return ids


def _plan(db, name="machines.csv"):
    importer = MachinesImporter.for_database(db, today=TODAY)
    table = read_table(DATA / name)
    plan = importer.plan(db, table, importer.suggest_mapping(table.headers, table.kind))
    return importer, table, plan


def _machines(db):
    return {m.name: m for m in park.list_machines(db)}


def _prices(db, machine_id):
    return {
        (r.audience_name, r.unit, r.valid_from): r.amount_cents
        for r in list_rules(db, kind="machine", resource_id=machine_id)
    }


def test_a_cp1252_machines_list_lands_with_its_fields_and_prices(db, operator, lab):
    importer, table, plan = _plan(db)
    assert (table.encoding, table.separator) == ("cp1252", ";")
    assert plan.count(Action.CREATE) == 6 and not plan.errors
    result = importer.apply(db, plan, operator_id=operator)
    assert (result.created, result.merged, result.skipped, result.written) == (6, 0, 0, True)

    machines = _machines(db)
    laser = park.get_machine(db, machines["Découpeuse laser Trotec"].id)
    assert (laser.space_name, laser.category_name) == ("Fablab", "Découpe laser")
    data = laser.data
    assert (data.make, data.model, data.serial_number) == ("Trotec", "Speedy 100", "TR-100-4521")
    assert data.authorization_required is True
    assert data.purchase_date == date(2022, 3, 14)
    assert data.purchase_value_cents == 1_850_000
    assert (data.slot_step_minutes, data.max_duration_minutes, data.buffer_minutes) == (15, 240, 15)
    assert data.description == "Plateau 610 × 305 mm, CO2 60 W"
    assert _prices(db, laser.id) == {
        ("", "hour", TODAY): 2000,
        ("Scolaires & étudiants", "hour", TODAY): 1000,
    }
    # "impression 3d fdm" on the second Prusa is the category the first one created
    categories = [c.name for c in park.list_categories(db)]
    assert categories.count("Impression 3D FDM") == 1 and "impression 3d fdm" not in categories
    # a step of 30 minutes alone: the shortest booking follows it
    resin = park.get_machine(db, machines["Formlabs Form 3"].id).data
    assert (resin.slot_step_minutes, resin.min_duration_minutes) == (30, 30)
    assert machines["Brodeuse Brother"].space_name == "Atelier textile"
    assert machines["Poste 1"].authorization_required is False
    assert _prices(db, machines["Poste 1"].id) == {}


def test_a_machine_already_in_its_space_is_completed_never_overwritten(db, operator, lab):
    category = park.save_category(db, operator, "Impression 3D FDM")
    prusa = park.save_machine(
        db,
        operator,
        park.MachineInput(
            name="PRUSA mk4 N°1", category_id=category, space_id=lab["Fablab"], model="MK4S"
        ),
    )
    set_price(
        db,
        operator,
        kind="machine",
        resource_id=prusa,
        audience_id=None,
        membership="any",
        unit="hour",
        step_minutes=None,
        amount_cents=700,
        from_day=date(2026, 1, 1),
    )
    importer, _table, plan = _plan(db)
    line = next(line for line in plan.lines if line.line == 3)
    assert (line.action, line.duplicate_of, line.duplicate_reason) == (
        Action.MERGE,
        prusa,
        "name_space",
    )
    assert line.duplicate_label == "PRUSA mk4 N°1 (Fablab)"
    result = importer.apply(db, plan, operator_id=operator)
    assert (result.created, result.merged) == (5, 1)
    data = park.get_machine(db, prusa).data
    assert data.name == "PRUSA mk4 N°1"  # the name as the lab wrote it
    assert data.make == "Prusa"  # empty: filled
    assert data.model == "MK4S"  # kept
    prices = _prices(db, prusa)
    assert prices[("", "hour", date(2026, 1, 1))] == 700  # its own price stays
    assert ("", "hour", TODAY) not in prices
    assert prices[("Scolaires & étudiants", "hour", TODAY)] == 250  # a public it had no price for


def test_a_duplicate_may_be_skipped_and_the_same_name_elsewhere_is_refused(db, operator, lab):
    category = park.save_category(db, operator, "Ordinateurs")
    park.save_machine(
        db,
        operator,
        park.MachineInput(name="Poste 1", category_id=category, space_id=lab["Fablab"]),
    )
    _importer, _table, plan = _plan(db)
    refused = [e for e in plan.errors]
    assert [(e.line, e.field, e.code, e.value) for e in refused] == [
        (7, "name", "name_taken_other_space", "Fablab")
    ]
    park.save_machine(
        db,
        operator,
        park.MachineInput(name="Formlabs Form 3", category_id=category, space_id=lab["Fablab"]),
    )
    importer, _table, plan = _plan(db)
    result = importer.apply(
        db, plan, decisions={5: Action.SKIP}, skip_bad=True, operator_id=operator
    )
    assert (result.created, result.merged, result.skipped) == (4, 0, 1)
    assert park.get_machine(db, _machines(db)["Formlabs Form 3"].id).data.make == ""


def test_a_bad_line_writes_nothing_and_names_its_line_and_field(db, operator, lab):
    importer, _table, plan = _plan(db, "machines_bad.csv")
    assert [(e.line, e.field, e.code, e.value) for e in plan.errors] == [
        (3, "space", "unknown_space", "Fablb"),
        (4, "price", "amount_invalid", "3,5,0"),
    ]
    result = importer.apply(db, plan, operator_id=operator)
    assert not result.written and result.created == 0
    assert _machines(db) == {} and park.list_categories(db) == []

    result = importer.apply(db, plan, skip_bad=True, operator_id=operator)
    assert result.written and result.created == 2
    assert set(_machines(db)) == {"Fraiseuse CNC", "Scanner 3D"}
    assert [e.line for e in result.refused] == [3, 4]


def test_the_dry_run_and_a_cancel_write_nothing(db, operator, lab):
    importer, _table, plan = _plan(db)
    assert plan.count(Action.CREATE) == 6
    assert _machines(db) == {}  # planning is the dry run
    with pytest.raises(DomainError) as exc:
        importer.apply(db, plan, operator_id=operator, cancelled=lambda: True)
    assert exc.value.code == "cancelled"
    assert _machines(db) == {} and list_rules(db) == []


def test_a_file_without_space_or_category_columns_names_the_field(db, operator, lab, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("Machine;Catégorie\nLaser;Découpe\n", encoding="utf-8")
    importer = MachinesImporter.for_database(db, today=TODAY)
    table = read_table(path)
    mapping = importer.suggest_mapping(table.headers, table.kind)
    assert (mapping["name"], mapping["space"]) == ("Machine", None)
    plan = importer.plan(db, table, mapping)
    assert [(e.line, e.field, e.code) for e in plan.errors] == [(2, "space", "required")]


def test_a_preview_plan_of_the_first_lines_is_never_imported(db, operator, lab):
    importer = MachinesImporter.for_database(db, today=TODAY)
    head = read_table(DATA / "machines.csv", limit=2)
    plan = importer.plan(db, head, importer.suggest_mapping(head.headers, head.kind))
    assert not plan.complete and plan.count(Action.CREATE) == 2
    with pytest.raises(DomainError) as exc:
        importer.apply(db, plan, operator_id=operator)
    assert exc.value.code == "plan_incomplete"
    assert _machines(db) == {}
