"""Machines, spaces and categories service (no Qt)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.enums import MachineStatus, SpaceKind
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.park import machines as svc
from tierslieu_desktop.services.park.authorizations import AuthorizationInput, grant_authorization
from tierslieu_desktop.services.people.members import MemberInput, save_member
from tierslieu_desktop.services.people.operators import create_operator


@pytest.fixture
def park(db, operator):
    """Two spaces (fablab first), two categories, three machines."""
    fablab = svc.save_space(db, operator, svc.SpaceInput("Fablab", SpaceKind.FABLAB, 12, True))
    cyber = svc.save_space(db, operator, svc.SpaceInput("Cyber-base", SpaceKind.CYBERBASE))
    laser = svc.save_category(db, operator, "Découpe laser")
    printing = svc.save_category(db, operator, "Impression 3D")
    ids = {
        "fablab": fablab,
        "cyber": cyber,
        "laser": laser,
        "printing": printing,
    }
    for name, cat, space in (
        ("Prusa MK4", printing, fablab),
        ("Trotec Speedy 100", laser, fablab),
        ("Bambu X1", printing, cyber),
    ):
        ids[name] = svc.save_machine(
            db, operator, svc.MachineInput(name=name, category_id=cat, space_id=space)
        )
    return ids


def test_list_is_grouped_by_space_then_category_then_name(db, park):
    rows = svc.list_machines(db)
    assert [(r.space_name, r.category_name, r.name) for r in rows] == [
        ("Fablab", "Découpe laser", "Trotec Speedy 100"),
        ("Fablab", "Impression 3D", "Prusa MK4"),
        ("Cyber-base", "Impression 3D", "Bambu X1"),
    ]
    assert all(r.status == MachineStatus.AVAILABLE for r in rows)


def test_create_and_edit_a_machine_keeps_every_field(db, operator, park):
    data = svc.MachineInput(
        name="  Epilog   Fusion ",
        category_id=park["laser"],
        space_id=park["fablab"],
        make="Epilog",
        model="Fusion Pro 32",
        serial_number="EP-123",
        authorization_required=True,
        hour_counter_minutes=754,
        purchase_date=date(2022, 3, 15),
        purchase_value_cents=2_450_000,
        funded_by="Région Occitanie (FEDER)",
        description="Tube CO2 60 W",
    )
    machine_id = svc.save_machine(db, operator, data)
    detail = svc.get_machine(db, machine_id)
    assert detail.data.name == "Epilog Fusion"
    assert detail.data.purchase_value_cents == 2_450_000
    assert detail.data.hour_counter_minutes == 754
    assert detail.space_name == "Fablab" and detail.category_name == "Découpe laser"

    svc.save_machine(
        db, operator, svc.MachineInput(**{**data.__dict__, "space_id": park["cyber"]}), machine_id
    )
    assert svc.get_machine(db, machine_id).space_name == "Cyber-base"
    assert len(svc.list_machines(db)) == 4


def test_duplicate_name_is_refused_ignoring_case_and_accents(db, operator, park):
    data = svc.MachineInput(name="prusa mk4", category_id=park["printing"], space_id=park["fablab"])
    with pytest.raises(ValidationError) as exc:
        svc.save_machine(db, operator, data)
    assert exc.value.fields == {"name": "name_taken"}
    # renaming a machine to its own name is fine
    svc.save_machine(db, operator, data, park["Prusa MK4"])
    assert svc.get_machine(db, park["Prusa MK4"]).data.name == "prusa mk4"


def test_invalid_fields_are_all_reported_and_nothing_is_saved(db, operator, park):
    bad = svc.MachineInput(
        name=" ",
        purchase_value_cents=-1,
        purchase_date=lab_today() + timedelta(days=1),
        hour_counter_minutes=-5,
    )
    with pytest.raises(ValidationError) as exc:
        svc.save_machine(db, operator, bad)
    assert exc.value.fields == {
        "name": "required",
        "category": "required",
        "space": "required",
        "purchase_value": "amount_negative",
        "purchase_date": "date_in_future",
        "hour_counter": "hours_negative",
    }
    assert len(svc.list_machines(db)) == 3


def test_status_change_requires_a_note_when_unavailable(db, operator, park):
    prusa = park["Prusa MK4"]
    with pytest.raises(ValidationError) as exc:
        svc.set_machine_status(db, operator, prusa, MachineStatus.OUT_OF_ORDER, "  ")
    assert exc.value.fields == {"status_note": "required"}
    assert svc.get_machine(db, prusa).status == MachineStatus.AVAILABLE

    svc.set_machine_status(db, operator, prusa, MachineStatus.MAINTENANCE, "Buse bouchée")
    detail = svc.get_machine(db, prusa)
    assert (detail.status, detail.status_note) == (MachineStatus.MAINTENANCE, "Buse bouchée")
    svc.set_machine_status(db, operator, prusa, MachineStatus.AVAILABLE, "")
    assert svc.get_machine(db, prusa).status == MachineStatus.AVAILABLE


def test_archiving_a_space_that_still_holds_machines_is_refused(db, operator, park):
    with pytest.raises(DomainError) as exc:
        svc.set_space_archived(db, operator, park["cyber"], True)
    assert exc.value.code == "space_not_empty"
    assert [s.name for s in svc.list_spaces(db)] == ["Fablab", "Cyber-base"]

    svc.set_machine_archived(db, operator, park["Bambu X1"], True)
    assert "Bambu X1" not in [m.name for m in svc.list_machines(db)]
    assert "Bambu X1" in [m.name for m in svc.list_machines(db, include_archived=True)]
    svc.set_space_archived(db, operator, park["cyber"], True)
    assert [s.name for s in svc.list_spaces(db)] == ["Fablab"]
    # a machine cannot come back into an archived space
    with pytest.raises(DomainError) as exc:
        svc.set_machine_archived(db, operator, park["Bambu X1"], False)
    assert exc.value.code == "space_archived"


def test_space_and_category_names_are_unique(db, operator, park):
    with pytest.raises(ValidationError) as exc:
        svc.save_space(db, operator, svc.SpaceInput("FABLAB"))
    assert exc.value.fields == {"name": "name_taken"}
    with pytest.raises(ValidationError) as exc:
        svc.save_category(db, operator, "decoupe laser")
    assert exc.value.fields == {"name": "name_taken"}
    svc.save_category(db, operator, "Découpe laser CO2", park["laser"])
    assert [c.name for c in svc.list_categories(db)] == ["Découpe laser CO2", "Impression 3D"]


def test_category_authorization_shows_on_every_machine_of_the_category(db, operator, park):
    alice = save_member(db, operator, MemberInput(first_name="Alice", last_name="Martin"))
    bob = save_member(db, operator, MemberInput(first_name="Bob", last_name="Durand"))
    grant_authorization(
        db,
        operator,
        AuthorizationInput(alice, date(2024, 1, 10), category_id=park["printing"], trainer="Léa"),
    )
    grant_authorization(
        db, operator, AuthorizationInput(bob, date(2024, 2, 1), machine_id=park["Prusa MK4"])
    )
    prusa = svc.get_machine(db, park["Prusa MK4"])
    assert [(a.member_name, a.category_id is not None) for a in prusa.authorizations] == [
        ("DURAND Bob", False),
        ("MARTIN Alice", True),
    ]
    bambu = svc.get_machine(db, park["Bambu X1"])
    assert [a.member_name for a in bambu.authorizations] == ["MARTIN Alice"]
    assert svc.get_machine(db, park["Trotec Speedy 100"]).authorizations == ()
    counts = {r.name: r.authorized_count for r in svc.list_machines(db)}
    assert counts == {"Prusa MK4": 2, "Bambu X1": 1, "Trotec Speedy 100": 0}


def test_every_write_records_the_operator(db, operator, park):
    other = create_operator(db, "Camille")
    detail = svc.get_machine(db, park["Prusa MK4"])
    assert detail.created_by == detail.updated_by != ""
    svc.set_machine_status(db, other, park["Prusa MK4"], MachineStatus.OUT_OF_ORDER, "Carte HS")
    after = svc.get_machine(db, park["Prusa MK4"])
    assert after.created_by == detail.created_by
    assert after.updated_by == "Camille"
    assert after.updated_at >= detail.updated_at and after.updated_at.tzinfo is not None
    svc.set_machine_archived(db, other, park["Trotec Speedy 100"], True)
    assert svc.get_machine(db, park["Trotec Speedy 100"]).updated_by == "Camille"


def test_space_capacity_zero_means_not_set_and_negative_is_refused(db, operator):
    space = svc.save_space(db, operator, svc.SpaceInput("Salle Causse", SpaceKind.MEETING_ROOM, 0))
    assert svc.get_space(db, space).capacity is None
    with pytest.raises(ValidationError) as exc:
        svc.save_space(db, operator, svc.SpaceInput("", capacity=-2))
    assert exc.value.fields == {"name": "required", "capacity": "number_invalid"}


@pytest.mark.parametrize(
    ("rules", "errors"),
    [
        ({"slot_step_minutes": 7}, {"slot_step": "slot_step_invalid"}),
        (
            {"slot_step_minutes": 30, "min_duration_minutes": 15},
            {"min_duration": "duration_below_step"},
        ),
        (
            {"min_duration_minutes": 60, "max_duration_minutes": 45},
            {"max_duration": "max_below_min"},
        ),
        ({"buffer_minutes": -5}, {"buffer": "buffer_invalid"}),
        ({"buffer_minutes": 241}, {"buffer": "buffer_invalid"}),
        ({"max_advance_days": 0}, {"max_advance": "advance_invalid"}),
        ({"max_advance_days": 731}, {"max_advance": "advance_invalid"}),
    ],
)
def test_booking_rules_are_validated_for_machines_and_spaces(db, operator, park, rules, errors):
    machine = svc.get_machine(db, park["Prusa MK4"])
    with pytest.raises(ValidationError) as exc:
        svc.save_machine(
            db, operator, svc.MachineInput(**{**machine.data.__dict__, **rules}), machine.id
        )
    assert exc.value.fields == errors
    space = svc.get_space(db, park["fablab"])
    with pytest.raises(ValidationError) as exc:
        svc.save_space(db, operator, svc.SpaceInput(**{**space.data.__dict__, **rules}), space.id)
    assert exc.value.fields == errors
    # nothing was saved
    assert svc.get_machine(db, park["Prusa MK4"]).data == machine.data
    assert svc.get_space(db, park["fablab"]).data == space.data


def test_booking_rules_at_their_limits_are_accepted(db, operator, park):
    machine = svc.get_machine(db, park["Prusa MK4"])
    limits = {
        "slot_step_minutes": 60,
        "min_duration_minutes": 60,
        "max_duration_minutes": 60,
        "buffer_minutes": 240,
        "max_advance_days": 730,
    }
    svc.save_machine(
        db, operator, svc.MachineInput(**{**machine.data.__dict__, **limits}), machine.id
    )
    saved = svc.get_machine(db, park["Prusa MK4"]).data
    assert {k: getattr(saved, k) for k in limits} == limits
    space = svc.get_space(db, park["fablab"])
    low = {
        "slot_step_minutes": 5,
        "min_duration_minutes": 5,
        "buffer_minutes": 0,
        "max_advance_days": 1,
    }
    svc.save_space(db, operator, svc.SpaceInput(**{**space.data.__dict__, **low}), space.id)
    saved_space = svc.get_space(db, park["fablab"])
    assert {k: getattr(saved_space, k) for k in low} == low
