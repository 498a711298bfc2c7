"""The reports' figures in plain data: the annual activity report and the funder report
of a grant, as ``services.reporting`` computes them and the renderers (``reports``)
print them. Frozen dataclasses, no database.

The money figures come from ``services.finance`` as they are (the balance of a year, a
grant): ``YearMoney``, ``MonthMoney`` and ``GrantTerms`` name the fields the renderers
read, so that they depend on those fields only, not on the finance service.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from tierslieu_desktop.domain.activity import ActivityFigures
from tierslieu_desktop.domain.grant_budget import AllocationKey, CerfaBudget, InvestmentMachine
from tierslieu_desktop.domain.mediation import MediationCounts

# The text sections the user writes for the annual report, and their printed titles.
SECTIONS = ("edito", "faits_marquants", "perspectives")
SECTION_TITLES = {
    "edito": "Édito",
    "faits_marquants": "Faits marquants",
    "perspectives": "Perspectives",
}


class MonthMoney(Protocol):
    """One month of a balance (``services.finance.balance.MonthFigures``), in cents."""

    @property
    def own(self) -> Mapping[str, int]: ...  # by category
    @property
    def public(self) -> Mapping[str, int]: ...  # by funder level
    @property
    def private(self) -> Mapping[str, int]: ...  # by funder level
    @property
    def costs(self) -> Mapping[str, int]: ...  # by cost category


class YearMoney(Protocol):
    """The balance of a year (``services.finance.balance.Balance``), in cents; rates in
    basis points."""

    @property
    def months(self) -> Sequence[MonthMoney]: ...
    @property
    def own_cents(self) -> int: ...
    @property
    def public_cents(self) -> int: ...
    @property
    def private_cents(self) -> int: ...
    @property
    def total_revenue_cents(self) -> int: ...
    @property
    def costs_cents(self) -> int: ...
    @property
    def result_cents(self) -> int: ...
    @property
    def self_financing_bp(self) -> int | None: ...
    @property
    def public_share_bp(self) -> int | None: ...
    @property
    def public_by_level(self) -> Mapping[str, int]: ...
    @property
    def private_by_level(self) -> Mapping[str, int]: ...
    @property
    def own_by_category(self) -> Mapping[str, int]: ...
    # issue 16: definitions a funder recognises (domain.finance.DEFINITIONS)
    @property
    def invoiced_cents(self) -> int: ...
    @property
    def pre_software_cents(self) -> int: ...  # billed before the software
    @property
    def pre_software_by_kind(self) -> Mapping[str, int]: ...
    @property
    def drop_in_vouchers_cents(self) -> int: ...  # Pass numérique at the cyber-base
    @property
    def paid_outside_cents(self) -> int: ...  # imported memberships paid elsewhere
    @property
    def invoicing_start(self) -> date | None: ...
    @property
    def in_kind_cents(self) -> int: ...  # 86/87, apart from cash funding
    @property
    def in_kind_by_level(self) -> Mapping[str, int]: ...
    @property
    def collectivity_cents(self) -> int: ...  # commune + EPCI + département + région
    @property
    def collectivity_share_bp(self) -> int | None: ...
    @property
    def self_financing_in_kind_bp(self) -> int | None: ...
    @property
    def private_support_cents(self) -> int: ...  # mécénat, sponsoring, dons


class GrantTerms(Protocol):
    """A grant as the funder report prints it (``services.finance.funding.GrantRow``)."""

    @property
    def funder_name(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def purpose(self) -> str: ...
    @property
    def nature(self) -> str: ...
    @property
    def period_start(self) -> date: ...
    @property
    def period_end(self) -> date: ...
    @property
    def requested_cents(self) -> int: ...
    @property
    def requested_on(self) -> date | None: ...
    @property
    def granted_cents(self) -> int | None: ...
    @property
    def granted_on(self) -> date | None: ...
    @property
    def received_cents(self) -> int: ...
    @property
    def actions(self) -> str: ...
    @property
    def machine_ids(self) -> Sequence[int]: ...


@dataclass(frozen=True)
class Letterhead:
    """The structure as the head of a report prints it."""

    name: str = ""
    address: str = ""  # street lines, one per line (without postcode and commune)
    postcode: str = ""
    city: str = ""
    siret: str = ""
    rna: str = ""
    logo: bytes | None = None


# The French words of the indicators' keys (the renderers and the XLSX; None: not given).
NOT_GIVEN = "Non renseigné"
GROUP = "Groupe (organisation)"
AGE_BAND_FR = {
    "under_12": "Moins de 12 ans",
    "12_17": "12 à 17 ans",
    "18_25": "18 à 25 ans",
    "26_39": "26 à 39 ans",
    "40_59": "40 à 59 ans",
    "60_plus": "60 ans et plus",
}
GENDER_FR = {"female": "Femme", "male": "Homme", "other": "Autre"}
SITUATION_FR = {
    "pupil": "Scolaire",
    "student": "Étudiant",
    "employed": "En emploi",
    "job_seeker": "Demandeur d'emploi",
    "retired": "Retraité",
    "other": "Autre situation",
}
STAFF_KIND_FR = {
    "employee": "Salariés",
    "volunteer": "Bénévoles",
    "civic_service": "Volontaires en service civique",
}


def key_label(labels: Mapping[str, str], key: str | None) -> str:
    """The French label of a breakdown key: "Non renseigné" for None, "Groupe
    (organisation)" for a group's, the key itself when unknown."""
    if key is None:
        return NOT_GIVEN
    if key == "organisation":
        return GROUP
    return labels.get(key, key)


@dataclass(frozen=True)
class Breakdown:
    """One line of a users' breakdown: distinct users of the period and, among them,
    the new ones (first contact ever in the period)."""

    key: str | None  # a code (age band, gender, situation), a public's name; None: not given
    users: int
    new: int


@dataclass(frozen=True)
class CommuneLine:
    name: str  # the commune as matched ("Saint-Céré"), or as typed when not identified
    insee: str | None  # None: « non identifiée »
    inside: bool | None  # in the structure's EPCI; None: not identified
    users: int
    new: int
    qpv: bool = False
    zrr: bool = False


@dataclass(frozen=True)
class StaffLine:
    kind: str  # domain.enums.StaffKind
    headcount: int  # people present some day of the period
    hours: int  # hours given over the period


@dataclass(frozen=True)
class AudienceIndicators:
    """The indicators funders ask for, over a period (definitions:
    ``services.reporting.indicators``): users and new users by public, age band, gender and
    situation; communes inside / outside the structure's communauté de communes with the
    QPV / ZRR flags; the opening hours; the staff and volunteers."""

    first_day: date
    last_day: date
    users: int
    new_users: int
    by_public: tuple[Breakdown, ...]
    by_age_band: tuple[Breakdown, ...]
    by_gender: tuple[Breakdown, ...]
    by_situation: tuple[Breakdown, ...]
    epci_name: str  # the structure's communauté de communes ("" when not identified)
    inside: Breakdown  # users living in it
    outside: Breakdown  # users living elsewhere (identified)
    unidentified: Breakdown  # commune not given or not identified
    communes: tuple[CommuneLine, ...]  # most users first
    qpv: Breakdown  # users from a commune containing a QPV
    zrr: Breakdown  # users from a commune classified ZRR
    qpv_list_size: int  # communes in the shipped and the lab's lists (0: no list)
    zrr_list_size: int
    opening_days: int  # days the lab opened in the period
    opening_minutes: int  # hours it opened (union of the spaces' opening), in minutes
    staff: tuple[StaffLine, ...]


@dataclass(frozen=True)
class BudgetLineFigures:
    """One budget line of the year against what was realised (cents)."""

    side: str  # "revenue" | "expense"
    category: str  # domain.finance BUDGET_*_CATEGORIES
    planned: int
    actual: int

    @property
    def gap(self) -> int:
        return self.actual - self.planned


@dataclass(frozen=True)
class AnnualFigures:
    """The numbers of the annual report (definitions: ``services.reporting.annual``)."""

    year: int
    structure_name: str
    city: str
    members_new: int
    members_renewed: int
    members_by_audience: dict[str, tuple[int, int]]  # public -> (new, renewed)
    members_by_commune: list[tuple[str, int, int]]  # (commune, new, renewed), most first
    machine_minutes: dict[str, tuple[int, ...]]  # machine -> minutes per month (12)
    category_minutes: dict[str, tuple[int, ...]]  # machine category -> minutes per month
    total_machine_minutes: int
    usages: int
    bookings: int  # every booking starting in the year
    bookings_honoured: int  # done or in progress
    no_shows: int
    cancelled: int
    no_show_bp: int | None  # no-shows ÷ bookings not cancelled, basis points
    publics: dict[str, tuple[int, int]]  # public -> (distinct users, people)
    users: int
    people: int
    school_sessions: int
    school_pupils: int
    balance: YearMoney | None = None  # the balance of the year
    trend: dict[int, tuple[int, int, int, int]] = field(default_factory=dict)
    # year -> (own, public, private, costs) cents
    grants: list[tuple[str, str, str, int | None, int]] = field(default_factory=list)
    # (funder, purpose, nature, granted, received in the year)
    grants_received_cents: int = 0  # grants only: mécénat and dons are not grants
    private_support_received_cents: int = 0  # mécénat, sponsoring, dons received
    reduced_access: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    reduced_access_cents: int = 0
    volunteer_hours: int = 0
    activity: ActivityFigures | None = None  # workshops, trainings, cyber-base of the year
    audience: AudienceIndicators | None = None  # users, new users, communes, staff (issue 16)
    budget: tuple[BudgetLineFigures, ...] = ()  # budget vs actual of the year
    # the cyber-base's year on the national model of digital inclusion (issue 22), as
    # counts (GROUP BY in SQL, not one record per beneficiary)
    mediation: MediationCounts | None = None


@dataclass(frozen=True)
class GrantFigures:
    """Planned vs actual budget and indicators of a grant (definitions:
    ``services.reporting.grant``). ``planned`` / ``actual``: the budget's lines summed by
    account class ("60"…; every co-financer in its class); ``budget``: the lines."""

    grant: GrantTerms
    planned: dict[str, int]
    actual: dict[str, int]
    payments: list[tuple[int, date, int, str]]  # (id, received on, cents, note)
    machines: list[tuple[str, int, int, int, int]]  # (name, usages, minutes, users, people)
    usages: int
    minutes: int
    users: int
    people: int
    budget: CerfaBudget = field(default_factory=lambda: CerfaBudget(()))
    key: AllocationKey | None = None  # None: an investment grant (no shared costs)
    investment: tuple[InvestmentMachine, ...] = ()
    texts: dict[str, str] = field(default_factory=dict)  # annex section -> text
    objectives: tuple[tuple[str, int, int], ...] = ()  # (target, objective, achieved)
