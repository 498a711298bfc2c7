"""A class list into a session's registrations (issue 18): named pupils matched to the
members or created, or one group; the session's seats; a bad line writes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.activity import sessions as activities
from tierslieu_desktop.services.activity.registrations import (
    RegistrationInput,
    register,
    session_registrations,
)
from tierslieu_desktop.services.imports.base import Action
from tierslieu_desktop.services.imports.registrations import GroupSpec, RegistrationsImporter
from tierslieu_desktop.services.imports.tables import read_table
from tierslieu_desktop.services.people.audiences import save_audience
from tierslieu_desktop.services.people.members import (
    MemberInput,
    count_members,
    get_member,
    save_member,
    search_members,
)

DATA = Path(__file__).parent.parent / "data" / "imports"
TODAY = date(2026, 12, 6)
NOW = datetime(2026, 12, 6, 9, tzinfo=UTC)


@pytest.fixture
def visit(db, operator):
    """A school visit next month, its public, and a pupil already a member."""
    ids = {"pupils": save_audience(db, operator, "Scolaires & étudiants")}
    ids["activity"] = activities.save_activity(
        db,
        operator,
        activities.ActivityInput(name="Découverte de l'impression 3D", kind="school_visit"),
    )
    ids["hugo"] = save_member(
        db,
        operator,
        MemberInput(
            first_name="Hugo", last_name="Marty", birth_year=2015, guardian_name="P. Marty"
        ),
    )
    return ids


def _session(db, operator, visit, capacity, day=12):
    return activities.create_session(
        db,
        operator,
        activities.SessionInput(
            activity_id=visit["activity"],
            start_at=datetime(2027, 1, day, 13, tzinfo=UTC),
            end_at=datetime(2027, 1, day, 15, tzinfo=UTC),
            capacity=capacity,
        ),
    )


def _plan(db, importer, name="classe_cm2.xlsx"):
    table = read_table(DATA / name)
    return importer.plan(db, table, importer.suggest_mapping(table.headers, table.kind))


def _seated(db, session_id):
    return [r for r in session_registrations(db, session_id) if r.status == "registered"]


def test_named_pupils_from_xlsx_are_created_or_matched_and_registered(db, operator, visit):
    session_id = _session(db, operator, visit, capacity=30)
    importer = RegistrationsImporter(session_id, audience_id=visit["pupils"], today=TODAY, now=NOW)
    plan = _plan(db, importer)
    assert plan.count(Action.CREATE) == 7 and plan.count(Action.MERGE) == 1
    hugo = next(line for line in plan.lines if line.label == "MARTY Hugo")
    assert (hugo.duplicate_of, hugo.duplicate_reason) == (visit["hugo"], "name_birth_year")
    result = importer.apply(db, plan, operator_id=operator)
    assert (result.created, result.merged, result.written) == (7, 1, True)
    assert count_members(db) == 8  # Hugo was not created twice
    assert sorted(r.who for r in _seated(db, session_id))[:2] == ["BOUSQUET Léa", "CASTAGNÉ Lucas"]
    lea = search_members(db, "Bousquet")[0]
    data = get_member(db, lea.id).data
    assert (data.birth_year, data.guardian_name, data.audience_id) == (
        2015,
        "Sophie Bousquet",
        visit["pupils"],
    )
    # the same list again: everyone is already registered, nothing is added
    plan = _plan(db, importer)
    assert plan.count(Action.SKIP) == 8
    assert {line.duplicate_reason for line in plan.lines} == {"already_registered"}
    result = importer.apply(db, plan, operator_id=operator)
    assert (result.created, result.merged, result.skipped) == (0, 0, 8)
    assert len(_seated(db, session_id)) == 8 and count_members(db) == 8


def test_lines_beyond_the_free_seats_are_refused_unless_skipped(db, operator, visit):
    session_id = _session(db, operator, visit, capacity=7)
    other = save_member(db, operator, MemberInput(first_name="Ana", last_name="Bru"))
    register(db, operator, RegistrationInput(session_id=session_id, member_id=other))
    importer = RegistrationsImporter(session_id, audience_id=visit["pupils"], today=TODAY)
    plan = _plan(db, importer)
    assert [(e.line, e.field, e.code) for e in plan.errors] == [
        (8, "", "session_full"),
        (9, "", "session_full"),
    ]
    result = importer.apply(db, plan, operator_id=operator)
    assert not result.written
    assert len(_seated(db, session_id)) == 1 and count_members(db) == 2

    result = importer.apply(db, plan, skip_bad=True, operator_id=operator)
    assert (result.created, result.merged) == (5, 1)
    seated = _seated(db, session_id)
    assert len(seated) == 7 and not any(r.status == "waiting" for r in seated)
    assert "SOULIÉ Jade" not in {r.who for r in seated}


def test_someone_waiting_keeps_their_place(db, operator, visit):
    session_id = _session(db, operator, visit, capacity=1)
    for first in ("Ana", "Ben"):
        member = save_member(db, operator, MemberInput(first_name=first, last_name="Bru"))
        register(db, operator, RegistrationInput(session_id=session_id, member_id=member))
    importer = RegistrationsImporter(session_id, today=TODAY)
    plan = _plan(db, importer)
    assert {e.code for e in plan.errors} == {"session_full"}
    assert plan.count(Action.REFUSED) == 8


def test_a_bad_line_writes_nothing_and_names_its_line_and_field(db, operator, visit):
    session_id = _session(db, operator, visit, capacity=30)
    importer = RegistrationsImporter(session_id, today=TODAY)
    plan = _plan(db, importer, "classe_cm2_erreur.csv")
    assert [(e.line, e.field, e.code, e.value) for e in plan.errors] == [
        (4, "birth_date", "invalid_date", "31/02/2015"),
        (5, "guardian_name", "guardian_required", ""),
    ]
    result = importer.apply(db, plan, operator_id=operator)
    assert not result.written
    assert count_members(db) == 1 and _seated(db, session_id) == []

    result = importer.apply(db, plan, skip_bad=True, operator_id=operator)
    assert (result.created, result.merged, len(result.refused)) == (2, 1, 2)
    assert len(_seated(db, session_id)) == 3


def test_the_dry_run_writes_nothing(db, operator, visit):
    session_id = _session(db, operator, visit, capacity=30)
    importer = RegistrationsImporter(session_id, today=TODAY)
    plan = _plan(db, importer)
    assert plan.count(Action.CREATE) == 7
    assert count_members(db) == 1 and session_registrations(db, session_id) == []


def test_a_class_as_one_group_counts_its_lines_and_creates_no_member(db, operator, visit):
    school = save_member(db, operator, MemberInput(kind="organisation", last_name="École de Biars"))
    session_id = _session(db, operator, visit, capacity=30)
    group = GroupSpec("CM2 de Mme Lacombe", organisation_id=school, responsible_name="Mme Lacombe")
    importer = RegistrationsImporter(session_id, group=group, today=TODAY)
    plan = _plan(db, importer)
    assert plan.count(Action.CREATE) == 8
    result = importer.apply(db, plan, operator_id=operator)
    assert (result.created, result.written) == (8, True)
    (row,) = session_registrations(db, session_id)
    assert (row.group_name, row.headcount, row.organisation_id, row.member_id) == (
        "CM2 de Mme Lacombe",
        8,
        school,
        None,
    )
    assert count_members(db) == 2  # Hugo and the school: no pupil became a member
    with pytest.raises(DomainError) as exc:
        _plan(db, importer)
    assert exc.value.code == "group_already_registered"


def test_a_group_larger_than_the_seats_is_cut_only_with_skip_bad(db, operator, visit):
    session_id = _session(db, operator, visit, capacity=6)
    importer = RegistrationsImporter(session_id, group=GroupSpec("CM2"), today=TODAY)
    plan = _plan(db, importer)
    assert [e.line for e in plan.errors] == [8, 9]
    assert not importer.apply(db, plan, operator_id=operator).written
    assert session_registrations(db, session_id) == []
    result = importer.apply(db, plan, skip_bad=True, operator_id=operator)
    assert result.created == 6
    assert [r.headcount for r in session_registrations(db, session_id)] == [6]


def test_a_cancelled_session_takes_no_list(db, operator, visit):
    session_id = _session(db, operator, visit, capacity=30)
    activities.cancel_session(db, operator, session_id, "neige")
    importer = RegistrationsImporter(session_id, today=TODAY)
    with pytest.raises(DomainError) as exc:
        _plan(db, importer)
    assert exc.value.code == "session_cancelled"


def test_a_cancel_writes_nothing_and_a_bad_group_name_is_refused_at_once(db, operator, visit):
    session_id = _session(db, operator, visit, capacity=30)
    importer = RegistrationsImporter(session_id, today=TODAY)
    plan = _plan(db, importer)
    with pytest.raises(DomainError) as exc:
        importer.apply(db, plan, operator_id=operator, cancelled=lambda: True)
    assert exc.value.code == "cancelled"
    assert count_members(db) == 1 and session_registrations(db, session_id) == []
    for name, code in (("", "required"), ("x" * 121, "too_long"), ("CM2\x00", "control_char")):
        group = RegistrationsImporter(session_id, group=GroupSpec(name), today=TODAY)
        with pytest.raises(ValidationError) as refused:
            _plan(db, group)
        assert refused.value.fields == {"group_name": code}
