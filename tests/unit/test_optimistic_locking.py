"""Concurrent edits (issue 20 point 4): every row a person edits in a form carries a
version; a save or a removal made from a form loaded before another desk saved the same
row is refused with the fresh values named, and nothing is written — never a silent
overwrite. A second ``Database`` on the same file or server stands for the other desk.
Runs on both engines through the ``db`` fixture."""

from __future__ import annotations

import inspect as pyinspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm.attributes import set_committed_value

from tierslieu_desktop.db import models
from tierslieu_desktop.db.engine import open_database
from tierslieu_desktop.db.models import Base, Member, VersionMixin
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.enums import SpaceKind, StaffKind
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.services.activity import dropins, registrations
from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.services.billing import usage_corrections
from tierslieu_desktop.services.finance import expenses, funding
from tierslieu_desktop.services.park import machines, maintenance, opening_hours
from tierslieu_desktop.services.people import audiences, members, staff, structure
from tierslieu_desktop.services.pricing import catalogue, conditions, tariffs
from tierslieu_desktop.services.scheduling import bookings, usages

DAY = date(2026, 3, 2)
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # a Monday, 8:00 in Paris
BOOKED_DAY = date(2026, 11, 24)
LATER = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
SESSION_DAY = date(2027, 3, 10)


@pytest.fixture
def other_desk(db):
    """The same database opened by another desk (its own engine and connections)."""
    other = open_database(db.target)
    yield other
    other.dispose()


def version_of(db, model: type[Base], row_id: int) -> int:
    with db.read() as s:
        return s.scalar(
            select(model.version)  # type: ignore[attr-defined]
            .where(model.id == row_id)  # type: ignore[attr-defined]
            .execution_options(include_deleted=True)
        )


def value_of(db, model: type[Base], row_id: int, field: str) -> Any:
    with db.read() as s:
        return s.scalar(
            select(getattr(model, field))
            .where(model.id == row_id)  # type: ignore[attr-defined]
            .execution_options(include_deleted=True)
        )


def raw_change(desk, model: type[Base], row_id: int, field: str, value: Any) -> None:
    """The other desk changes one column and the version, in SQL (no service, no check)."""
    with desk.write() as s:
        s.execute(
            update(model)
            .where(model.id == row_id)  # type: ignore[attr-defined]
            .values({field: value, "version": model.version + 1})  # type: ignore[attr-defined]
            .execution_options(synchronize_session=False)
        )


class Lab:
    """A few rows every case may use, built through the services."""

    def __init__(self, db, op):
        self.op = op
        structure.save_structure(db, op, structure.StructureData(name="Fablab du Ségala"))
        self.space = machines.save_space(
            db, op, machines.SpaceInput(name="Fablab", kind=SpaceKind.FABLAB)
        )
        self.category = machines.save_category(db, op, "Découpe laser")
        self.machine = machines.save_machine(
            db,
            op,
            machines.MachineInput(name="Trotec", space_id=self.space, category_id=self.category),
        )
        self.member = members.save_member(
            db, op, members.MemberInput(first_name="Lou", last_name="Bach", phone="0601020304")
        )
        self.audience = audiences.save_audience(db, op, "Habitants")
        self.funder = funding.save_funder(db, op, name="Région", sector="public", level="region")
        opening_hours.set_schedule(db, op, self.space, {d: [(480, 1200)] for d in range(7)})
        with db.write() as s:
            s.get(models.Space, self.space).closed_on_holidays = False
        self.workshop = activities.save_activity(
            db, op, activities.ActivityInput(name="Atelier courriel", kind="digital_workshop")
        )


@dataclass(frozen=True)
class Case:
    """How one versioned model is made and saved back through its service: ``save(db, op,
    lab, row_id, value, version)`` writes ``value`` into ``field``; ``mine`` and ``theirs``
    are what this desk and the other desk type. ``delete`` (when the service has one)
    removes the row from a form read at ``version``."""

    make: Callable[[Any, int, Lab], int]
    field: str
    save: Callable[[Any, int, Lab, int, Any, int | None], Any] | None
    mine: Any
    theirs: Any
    delete: Callable[[Any, int, Lab, int, int | None], Any] | None = None


def _booking(db, op, lab):
    return bookings.create_booking(
        db,
        op,
        bookings.BookingInput(
            machine_id=lab.machine,
            member_id=lab.member,
            start_at=local_dt(BOOKED_DAY, 600),
            end_at=local_dt(BOOKED_DAY, 660),
        ),
        now=NOW,
    )


def _usage(db, op, lab):
    booking = _booking(db, op, lab)
    return usages.check_out(
        db, op, booking, local_dt(BOOKED_DAY, 600), local_dt(BOOKED_DAY, 660), now=LATER
    )


def _session_input(lab, capacity: int) -> activities.SessionInput:
    return activities.SessionInput(
        activity_id=lab.workshop,
        start_at=local_dt(SESSION_DAY, 840),
        end_at=local_dt(SESSION_DAY, 960),
        capacity=capacity,
    )


def _session(db, op, lab):
    return activities.create_session(db, op, _session_input(lab, 8))


def _registration(db, op, lab):
    row = registrations.register(
        db,
        op,
        registrations.RegistrationInput(session_id=_session(db, op, lab), member_id=lab.member),
    )
    return row.registration_id


def _grant(db, op, lab, purpose="Fonctionnement", grant_id=None, version=None):
    return funding.save_grant(
        db,
        op,
        grant_id=grant_id,
        funder_id=lab.funder,
        purpose=purpose,
        nature="operating",
        period_start=DAY,
        period_end=DAY + timedelta(days=300),
        requested_cents=500000,
        expected_version=version,
    )


def _expense(db, op, lab, amount=1234, expense_id=None, version=None):
    return expenses.save_expense(
        db,
        op,
        expense_id=expense_id,
        day=DAY,
        category="consumables",
        activity="fablab",
        amount_cents=amount,
        expected_version=version,
    )


def _rule(db, op, lab, amount=1500, rule_id=None, version=None):
    return tariffs.save_rule(
        db,
        op,
        rule_id=rule_id,
        kind="machine",
        resource_id=lab.machine,
        audience_id=None,
        membership="any",
        unit="hour",
        step_minutes=None,
        amount_cents=amount,
        valid_from=DAY,
        valid_to=None,
        expected_version=version,
    )


def _in_kind(db, op, lab, description="Bénévoles", in_kind_id=None, version=None):
    return funding.save_in_kind(
        db,
        op,
        in_kind_id=in_kind_id,
        funder_id=None,
        year=2026,
        kind="volunteering",
        description=description,
        value_cents=30000,
        expected_version=version,
    )


CASES: dict[type[Base], Case] = {
    models.Member: Case(
        lambda db, op, lab: lab.member,
        "email",
        lambda db, op, lab, i, v, ver: members.save_member(
            db,
            op,
            members.MemberInput(first_name="Lou", last_name="Bach", email=v),
            i,
            expected_version=ver,
        ),
        "lou@ici.fr",
        "lou.bach@ailleurs.fr",
    ),
    models.Structure: Case(
        lambda db, op, lab: 1,
        "name",
        lambda db, op, lab, i, v, ver: structure.save_structure(
            db, op, structure.StructureData(name=v), expected_version=ver
        ),
        "Fablab du Lot",
        "Tiers-lieu du Ségala",
    ),
    models.Audience: Case(
        lambda db, op, lab: lab.audience,
        "name",
        lambda db, op, lab, i, v, ver: audiences.save_audience(
            db, op, v, "", i, expected_version=ver
        ),
        "Riverains",
        "Habitants du canton",
    ),
    models.StaffMember: Case(
        lambda db, op, lab: staff.save_staff(
            db, op, staff.StaffInput("Camille", StaffKind.EMPLOYEE, 151, DAY)
        ),
        "hours_per_month",
        lambda db, op, lab, i, v, ver: staff.save_staff(
            db,
            op,
            staff.StaffInput("Camille", StaffKind.EMPLOYEE, v, DAY),
            i,
            expected_version=ver,
        ),
        120,
        80,
        lambda db, op, lab, i, ver: staff.delete_staff(db, i, expected_version=ver),
    ),
    models.Space: Case(
        lambda db, op, lab: machines.save_space(db, op, machines.SpaceInput(name="Salle")),
        "name",
        lambda db, op, lab, i, v, ver: machines.save_space(
            db, op, machines.SpaceInput(name=v), i, expected_version=ver
        ),
        "Salle bleue",
        "Salle du fond",
    ),
    models.MachineCategory: Case(
        lambda db, op, lab: lab.category,
        "name",
        lambda db, op, lab, i, v, ver: machines.save_category(db, op, v, i, expected_version=ver),
        "Laser CO2",
        "Découpe et gravure",
    ),
    models.Machine: Case(
        lambda db, op, lab: lab.machine,
        "serial_number",
        lambda db, op, lab, i, v, ver: machines.save_machine(
            db,
            op,
            machines.MachineInput(
                name="Trotec", space_id=lab.space, category_id=lab.category, serial_number=v
            ),
            i,
            expected_version=ver,
        ),
        "SN-111",
        "SN-222",
    ),
    models.PriceRule: Case(
        _rule,
        "amount_cents",
        lambda db, op, lab, i, v, ver: _rule(db, op, lab, v, i, ver),
        1800,
        2000,
        lambda db, op, lab, i, ver: tariffs.delete_rule(db, op, i, expected_version=ver),
    ),
    models.MembershipFee: Case(
        lambda db, op, lab: conditions.save_fee(
            db,
            op,
            audience_id=None,
            duration="calendar_year",
            amount_cents=2000,
            valid_from=DAY,
            valid_to=None,
        ),
        "amount_cents",
        lambda db, op, lab, i, v, ver: conditions.save_fee(
            db,
            op,
            fee_id=i,
            audience_id=None,
            duration="calendar_year",
            amount_cents=v,
            valid_from=DAY,
            valid_to=None,
            expected_version=ver,
        ),
        2500,
        3000,
    ),
    models.Reduction: Case(
        lambda db, op, lab: conditions.save_reduction(
            db,
            op,
            audience_id=lab.audience,
            scope_kind=None,
            scope_id=None,
            percent_bp=5000,
            valid_from=DAY,
            valid_to=None,
        ),
        "percent_bp",
        lambda db, op, lab, i, v, ver: conditions.save_reduction(
            db,
            op,
            reduction_id=i,
            audience_id=lab.audience,
            scope_kind=None,
            scope_id=None,
            percent_bp=v,
            valid_from=DAY,
            valid_to=None,
            expected_version=ver,
        ),
        3000,
        2500,
    ),
    models.Quota: Case(
        lambda db, op, lab: conditions.save_quota(
            db,
            op,
            audience_id=lab.audience,
            scope_kind="machine",
            scope_id=lab.machine,
            free_minutes_per_month=60,
            valid_from=DAY,
            valid_to=None,
        ),
        "free_minutes_per_month",
        lambda db, op, lab, i, v, ver: conditions.save_quota(
            db,
            op,
            quota_id=i,
            audience_id=lab.audience,
            scope_kind="machine",
            scope_id=lab.machine,
            free_minutes_per_month=v,
            valid_from=DAY,
            valid_to=None,
            expected_version=ver,
        ),
        90,
        120,
    ),
    models.PackType: Case(
        lambda db, op, lab: catalogue.save_pack_type(
            db,
            op,
            name="10 h laser",
            scope_kind="machine",
            scope_id=lab.machine,
            minutes=600,
            validity_months=12,
            price_cents=20000,
        ),
        "price_cents",
        lambda db, op, lab, i, v, ver: catalogue.save_pack_type(
            db,
            op,
            pack_type_id=i,
            name="10 h laser",
            scope_kind="machine",
            scope_id=lab.machine,
            minutes=600,
            validity_months=12,
            price_cents=v,
            expected_version=ver,
        ),
        18000,
        22000,
    ),
    models.CalendarException: Case(
        lambda db, op, lab: opening_hours.add_exception(
            db, op, opening_hours.ExceptionInput(day=DAY, kind="closed", reason="Pont")
        ),
        "reason",
        None,  # made and removed, never edited: the removal is checked
        None,
        "Pont de l'Ascension",
        lambda db, op, lab, i, ver: opening_hours.remove_exception(
            db, op, i, "Erreur de date", expected_version=ver
        ),
    ),
    models.MaintenanceEntry: Case(
        lambda db, op, lab: maintenance.add_entry(db, op, lab.machine, DAY, "Miroirs", 4550),
        "cost_cents",
        None,
        None,
        5000,
        lambda db, op, lab, i, ver: maintenance.remove_entry(
            db, op, i, "Saisie en double", expected_version=ver
        ),
    ),
    models.Booking: Case(
        _booking,
        "purpose",
        lambda db, op, lab, i, v, ver: bookings.update_booking_details(
            db, op, i, purpose=v, note="", expected_version=ver
        ),
        "Porte-clés",
        "Maquette",
    ),
    models.Consumable: Case(
        lambda db, op, lab: usages.save_consumable(db, op, "PLA", "gram"),
        "name",
        lambda db, op, lab, i, v, ver: usages.save_consumable(
            db, op, v, "gram", i, expected_version=ver
        ),
        "PLA noir",
        "PLA blanc",
    ),
    models.Usage: Case(
        _usage,
        "end_at",
        lambda db, op, lab, i, v, ver: usage_corrections.correct_usage(
            db,
            op,
            i,
            start_at=local_dt(BOOKED_DAY, 600),
            end_at=v,
            consumables=[],
            now=LATER,
            expected_version=ver,
        ),
        local_dt(BOOKED_DAY, 690),
        local_dt(BOOKED_DAY, 720),
    ),
    models.Activity: Case(
        lambda db, op, lab: lab.workshop,
        "capacity",
        lambda db, op, lab, i, v, ver: activities.save_activity(
            db,
            op,
            activities.ActivityInput(name="Atelier courriel", kind="digital_workshop", capacity=v),
            i,
            expected_version=ver,
        ),
        10,
        6,
    ),
    models.ActivitySession: Case(
        _session,
        "capacity",
        lambda db, op, lab, i, v, ver: activities.update_session(
            db, op, i, _session_input(lab, v), expected_version=ver
        ),
        10,
        6,
    ),
    models.Registration: Case(
        _registration,
        "note",
        lambda db, op, lab, i, v, ver: registrations.update_registration(
            db, op, i, note=v, expected_version=ver
        ),
        "Vient avec sa fille",
        "Arrivera en retard",
    ),
    models.DropIn: Case(
        lambda db, op, lab: dropins.log_drop_in(db, op, dropins.DropInInput(purpose="admin")),
        "duration_minutes",
        lambda db, op, lab, i, v, ver: dropins.update_drop_in(
            db,
            op,
            i,
            dropins.DropInInput(purpose="admin", duration_minutes=v),
            expected_version=ver,
        ),
        45,
        60,
        lambda db, op, lab, i, ver: dropins.delete_drop_in(db, op, i, expected_version=ver),
    ),
    models.Funder: Case(
        lambda db, op, lab: lab.funder,
        "contact",
        lambda db, op, lab, i, v, ver: funding.save_funder(
            db,
            op,
            funder_id=i,
            name="Région",
            sector="public",
            level="region",
            contact=v,
            expected_version=ver,
        ),
        "M. Durand",
        "Mme Vidal",
    ),
    models.Grant: Case(
        _grant,
        "purpose",
        lambda db, op, lab, i, v, ver: _grant(db, op, lab, v, i, ver),
        "Fonctionnement 2026",
        "Animation numérique",
        lambda db, op, lab, i, ver: funding.delete_grant(
            db, op, i, "Saisie en double", expected_version=ver
        ),
    ),
    models.InKindContribution: Case(
        _in_kind,
        "description",
        lambda db, op, lab, i, v, ver: _in_kind(db, op, lab, v, i, ver),
        "Bénévoles du samedi",
        "Bénévoles du repair café",
        lambda db, op, lab, i, ver: funding.delete_in_kind(
            db, op, i, "Saisie en double", expected_version=ver
        ),
    ),
    models.Expense: Case(
        _expense,
        "amount_cents",
        lambda db, op, lab, i, v, ver: _expense(db, op, lab, v, i, ver),
        1500,
        1700,
        lambda db, op, lab, i, ver: expenses.delete_expense(
            db, op, i, "Saisie en double", expected_version=ver
        ),
    ),
}


def versioned_models() -> list[type[Base]]:
    return sorted(
        (m.class_ for m in Base.registry.mappers if issubclass(m.class_, VersionMixin)),
        key=lambda c: c.__name__,
    )


def test_every_versioned_model_has_a_case_and_a_column_of_the_migration():
    """The whole class: a model given a version is in this table (so the tests below
    cover it) and in migration 0026's list; each has SQLAlchemy's version check."""
    from importlib import import_module

    migration = import_module("tierslieu_desktop.db.migrations.versions.0026_versions")
    found = versioned_models()
    assert set(found) == set(CASES)
    assert {m.__tablename__ for m in found} == set(migration.VERSIONED_TABLES)
    for model in found:
        assert model.__mapper__.version_id_col is model.__table__.c.version


def test_the_sealed_documents_have_no_version():
    """Invoices, payments, closings and the chain are never updated: no version."""
    for model in (models.Invoice, models.Payment, models.Closing, models.IntegrityEntry):
        assert "version" not in model.__table__.c or model is models.IntegrityEntry
        assert model.__mapper__.version_id_col is None


@pytest.fixture
def lab(db, operator):
    return Lab(db, operator)


@pytest.mark.parametrize("model", list(CASES), ids=lambda m: m.__name__)
def test_a_stale_save_is_refused_with_the_fresh_values_and_a_fresh_one_passes(
    db, other_desk, operator, lab, model
):
    case = CASES[model]
    row_id = case.make(db, operator, lab)
    read = version_of(db, model, row_id)  # this desk opens the form
    raw_change(other_desk, model, row_id, case.field, case.theirs)  # the other desk saves
    fresh = value_of(db, model, row_id, case.field)
    assert version_of(db, model, row_id) == read + 1

    if case.save is not None:
        with pytest.raises(DomainError) as refused:
            case.save(db, operator, lab, row_id, case.mine, read)
        assert refused.value.code == "stale_record"
        assert (case.field, fresh) in refused.value.params["changes"]
        # nothing written: the other desk's value and version stay
        assert value_of(db, model, row_id, case.field) == fresh
        assert version_of(db, model, row_id) == read + 1
        # reloaded, the same save passes and makes the next version
        case.save(db, operator, lab, row_id, case.mine, read + 1)
        assert version_of(db, model, row_id) == read + 2
        assert value_of(db, model, row_id, case.field) != fresh
    if case.delete is not None:
        current = version_of(db, model, row_id)
        with pytest.raises(DomainError) as refused:
            case.delete(db, operator, lab, row_id, current - 1)
        assert refused.value.code == "stale_record"
        assert version_of(db, model, row_id) == current
        case.delete(db, operator, lab, row_id, current)
        with db.read() as s:  # gone (or marked deleted: every read skips it)
            assert s.get(model, row_id) is None


@pytest.mark.parametrize("model", list(CASES), ids=lambda m: m.__name__)
def test_a_row_changed_between_the_read_and_the_write_is_never_overwritten(
    db, other_desk, operator, lab, model
):
    """The server's side of the lock (``version_id_col``): a transaction that read the
    row, then writes it after another desk committed a change, is refused whole — the
    case the services' own check cannot see (PostgreSQL's read committed)."""
    case = CASES[model]
    row_id = case.make(db, operator, lab)
    before = version_of(db, model, row_id)
    with pytest.raises(DomainError) as refused, db.write() as s:
        row = s.get(model, row_id)
        assert row is not None
        if db.is_sqlite:
            # SQLite queues its writers (BEGIN IMMEDIATE): the other desk cannot
            # commit inside this transaction; the row is taken as read before its save
            set_committed_value(row, "version", before - 1)
        else:
            raw_change(other_desk, model, row_id, case.field, case.theirs)
        setattr(row, case.field, case.mine)
    assert refused.value.code == "stale_record"
    after = before if db.is_sqlite else before + 1
    assert version_of(db, model, row_id) == after
    assert value_of(db, model, row_id, case.field) != case.mine


def test_the_member_card_refused_names_who_when_and_the_fresh_phone(db, other_desk, operator):
    """The example of the issue: two desks on one member's card. The other desk saves a
    new phone; this desk's save (a new e-mail) is refused naming the other desk's
    operator, when, and the phone now stored; this desk's e-mail is not written."""
    from tierslieu_desktop.services.people.operators import create_operator

    member_id = members.save_member(
        db, operator, members.MemberInput(first_name="Lou", last_name="Bach", phone="0601020304")
    )
    card = members.get_member(db, member_id)
    assert card.version == 1
    theirs = create_operator(other_desk, "Accueil 2")
    members.save_member(
        other_desk,
        theirs,
        members.MemberInput(first_name="Lou", last_name="Bach", phone="0565380000"),
        member_id,
        expected_version=card.version,
    )
    mine = members.MemberInput(
        first_name="Lou", last_name="Bach", phone="0601020304", email="lou@ici.fr"
    )
    with pytest.raises(DomainError) as refused:
        members.save_member(db, operator, mine, member_id, expected_version=card.version)
    err = refused.value
    assert err.code == "stale_record"
    assert err.params["by"] == "Accueil 2"
    assert isinstance(err.params["at"], datetime)
    changes = dict(err.params["changes"])
    stored = members.get_member(db, member_id)
    assert changes["phone"] == stored.data.phone != card.data.phone
    assert "email" in changes and stored.data.email == ""
    assert stored.version == 2
    members.save_member(db, operator, mine, member_id, expected_version=stored.version)
    assert members.get_member(db, member_id).data.email == "lou@ici.fr"
    assert members.get_member(db, member_id).version == 3


def test_every_update_service_of_a_versioned_model_takes_the_version():
    """The services a form saves a versioned row through take ``expected_version``."""
    functions = [
        members.save_member,
        members.set_archived,
        structure.save_structure,
        audiences.save_audience,
        audiences.set_audience_archived,
        staff.save_staff,
        staff.delete_staff,
        machines.save_space,
        machines.set_space_archived,
        machines.save_category,
        machines.save_machine,
        machines.set_machine_status,
        machines.set_machine_archived,
        tariffs.save_rule,
        tariffs.delete_rule,
        conditions.save_fee,
        conditions.save_reduction,
        conditions.save_quota,
        catalogue.save_pack_type,
        catalogue.set_pack_type_archived,
        opening_hours.remove_exception,
        maintenance.remove_entry,
        bookings.move_booking,
        bookings.update_booking_details,
        usages.save_consumable,
        usages.set_consumable_archived,
        usage_corrections.correct_usage,
        activities.save_activity,
        activities.set_activity_archived,
        activities.update_session,
        registrations.update_registration,
        registrations.cancel_registration,
        registrations.set_attendance,
        dropins.update_drop_in,
        dropins.delete_drop_in,
        funding.save_funder,
        funding.set_funder_archived,
        funding.save_grant,
        funding.delete_grant,
        funding.save_in_kind,
        funding.delete_in_kind,
        expenses.save_expense,
        expenses.delete_expense,
    ]
    for func in functions:
        params = pyinspect.signature(func).parameters
        assert "expected_version" in params, func.__qualname__
        assert params["expected_version"].kind is pyinspect.Parameter.KEYWORD_ONLY


def test_a_member_row_read_keeps_version_one_after_the_migration(db, operator):
    """Rows written before 0026 (and rows inserted in SQL, the demo's bulk) start at 1."""
    with db.write() as s:
        s.execute(
            models.Member.__table__.insert().values(
                number="A09999", kind="person", first_name="Ana", last_name="Bru"
            )
        )
    with db.read() as s:
        row = s.scalar(select(Member).where(Member.number == "A09999"))
        assert row is not None and row.version == 1
