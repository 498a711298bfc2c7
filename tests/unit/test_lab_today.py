"""The lab's day is Paris's, whatever zone the computer's clock is set to.

Between 23:00 and 00:00 UTC in winter a computer on UTC (a server, CI, a PC set up in
English) said « today » was still yesterday: an authorisation granted today at the desk was
refused as « in the future », the journal's « today » filter missed the evening. Every
« today » goes through ``domain.calendar.lab_today``; this file forbids the others."""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tierslieu_desktop.domain import calendar
from tierslieu_desktop.domain.calendar import lab_today
from tierslieu_desktop.domain.enums import SpaceKind
from tierslieu_desktop.services.park import machines as park
from tierslieu_desktop.services.park.authorizations import AuthorizationInput, grant_authorization
from tierslieu_desktop.services.people.members import MemberInput, save_member

ROOT = Path(__file__).resolve().parents[2]
# one evening in Paris after 23:00 UTC: 7 December at 00:30 in Paris, still the 6th in UTC
LATE = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)


def machine_clock_calls(tree: ast.AST) -> list[tuple[int, str]]:
    """``date.today()``, ``datetime.today()``, ``datetime.now()`` without a zone and
    ``QDate.currentDate()``: the computer's zone, not the lab's."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
        what = f"{name}.{node.func.attr}"
        naive_now = what == "datetime.now" and not node.args and not node.keywords
        if what in {"date.today", "datetime.today", "QDate.currentDate"} or naive_now:
            found.append((node.lineno, what))
    return found


def test_no_code_asks_the_computer_for_its_own_day():
    offenders = []
    for top in ("src", "tests"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if ".venv" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            offenders += [
                f"{path.relative_to(ROOT)}:{line} {what}()"
                for line, what in machine_clock_calls(tree)
            ]
    assert not offenders, "use domain.calendar.lab_today / utcnow:\n" + "\n".join(offenders)


def test_the_scan_finds_each_form_it_forbids():
    code = (
        "date.today()\ndatetime.today()\ndatetime.now()\nQDate.currentDate()\n"
        "datetime.now(UTC)\nlab_today()\n"
    )
    assert [what for _line, what in machine_clock_calls(ast.parse(code))] == [
        "date.today",
        "datetime.today",
        "datetime.now",
        "QDate.currentDate",
    ]


@pytest.fixture
def late_evening(monkeypatch):
    monkeypatch.setattr(calendar, "utcnow", lambda: LATE)


def test_after_23_utc_the_lab_is_already_on_the_next_day(late_evening):
    assert lab_today() == date(2026, 12, 7)


def test_an_authorisation_granted_today_is_not_in_the_future(db, operator, late_evening):
    member = save_member(db, operator, MemberInput(first_name="Lou", last_name="Vidal"))
    fablab = park.save_space(db, operator, park.SpaceInput("Fablab", SpaceKind.FABLAB))
    category = park.save_category(db, operator, "Découpe laser")
    laser = park.save_machine(
        db, operator, park.MachineInput(name="Trotec", category_id=category, space_id=fablab)
    )
    granted = grant_authorization(
        db, operator, AuthorizationInput(member, date(2026, 12, 7), machine_id=laser)
    )
    assert granted > 0
