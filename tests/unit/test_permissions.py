"""Permissions enforced in the services (issue 19 point 1).

THE RULE (what is guarded, what is not):

- Every public service function that WRITES is guarded by ``@guarded(Permission.X)``, X
  the permission of the matrix (``domain.permissions``) that owns the data it writes.
- A READ is guarded by the permission of the data it shows when that data is one role's
  business: the finances, the reports, the exports, the closings, the invoices and the
  till, the bank deposits and vouchers, the bookings and usages, the sessions and
  registrations, the drop-in log, the staff, the audit journal, the accounts, personal
  data.
- A read stays unguarded (ALLOWED_UNGUARDED below, each with its reason) when every desk
  needs it whatever its role: the catalogue (machines, spaces, categories, publics,
  opening hours, consumables, prices to quote, pack types), finding a member (the till
  and the sessions look members up too), the structure's own settings, the Accueil
  page's summary, the integrity check and the anchor log run at every start, the login
  itself. These hold no money figure and nothing one role keeps from another.
- A guarded service that another service calls on its user's behalf keeps its body in a
  private ``_…_impl``: the permission is checked once, at the entry the user called (a
  Trésorerie annual report reads the balance without asking FINANCES twice, the setup
  assistant writes the structure without asking SETTINGS of each step).

Choices kept from before: a payment at the desk is CHECKOUT; bank deposits and voucher
settlements are INVOICES; a class list imported into a session is IMPORTS; a member's
export, anonymisation and the retention list are PERSONAL_DATA."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

import tierslieu_desktop.services as services_pkg
from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import AuditEntry
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.permissions import ROLE_ORDER, Permission, Principal, Role
from tierslieu_desktop.i18n import permissions as words
from tierslieu_desktop.services.access import guarded, permission_of

# "module.function" (under services/) → why it reads without a permission
ALLOWED_UNGUARDED: dict[str, str] = {
    # the guard itself
    "access.check": "the guard itself",
    "access.may": "the window and the CLI ask it to hide what would be refused",
    # accounts: the login happens before anyone is logged in, a desk switch while another is
    "people.accounts.list_accounts": "the lock screen lists the accounts to log in",
    "people.accounts.needs_administrator": "asked at start, before anyone is logged in",
    "people.accounts.principal_of": "the login's result",
    "people.accounts.authenticate": "the login itself",
    "people.accounts.claim_administration": "refused itself once an administrator exists",
    "people.accounts.change_own_secret": "anyone changes their own password",
    "people.operators.list_operators": "names shown everywhere (who recorded, who helped)",
    "people.operators.ensure_operator": "the start of the window and the CLI",
    # finding a member: the desk, the till (Trésorerie) and the sessions (Médiation) alike
    "people.members.search_members": "every desk looks a member up",
    "people.members.count_members": "the member list's count",
    "people.members.list_organisations": "choosing a member's organisation or a payer",
    "people.members.get_member": "the member card every desk opens",
    "people.members.member_hints": "homonyms told apart in every list",
    "people.members.homonyms_among": "homonyms told apart in every list",
    # the catalogue: names and prices every page shows
    "people.audiences.list_audiences": "publics shown in every form",
    "people.communes.structure_commune": "the structure's own commune",
    "people.structure.get_structure": "the structure's name and settings on every document",
    "people.structure.structure_version": "the structure form saves from the version it read",
    "people.structure.numbering_preview": "a preview computed from a pattern, no data",
    "park.machines.list_machines": "the catalogue of machines",
    "park.machines.get_machine": "the catalogue of machines",
    "park.machines.list_spaces": "the catalogue of spaces",
    "park.machines.get_space": "the catalogue of spaces",
    "park.machines.list_categories": "the catalogue of categories",
    "park.authorizations.is_authorized": "asked before a booking or a session",
    "park.opening_hours.get_schedule": "opening hours shown to every desk",
    "park.opening_hours.list_exceptions": "opening hours shown to every desk",
    "park.opening_hours.openings": "opening hours shown to every desk",
    "scheduling.usages.list_consumables": "the catalogue of consumables",
    "scheduling.usages.consumables_for_machine": "the catalogue of consumables",
    "pricing.catalogue.list_pack_types": "the pack types offered at every desk",
    "pricing.conditions.list_fees": "prices are told to any visitor",
    "pricing.conditions.fee_for": "prices are told to any visitor",
    "pricing.conditions.list_reductions": "prices are told to any visitor",
    "pricing.conditions.list_quotas": "prices are told to any visitor",
    "pricing.engine.quote": "a price quoted at a booking or a session",
    "pricing.engine.usage_charges": "a price quoted at a booking or a session",
    "pricing.engine.price_period": "a price quoted at a booking or a session",
    "pricing.tariffs.list_rules": "prices are told to any visitor",
    "pricing.tariffs.tariff_grid": "prices are told to any visitor",
    # what the member card shows whichever desk opens it
    "pricing.packs.member_packs": "the member card's packs",
    "pricing.packs.pack_movements": "the member card's packs",
    "pricing.packs.wallet_balance": "the member card's wallet",
    "pricing.packs.wallet_movements": "the member card's wallet",
    "pricing.packs.renewal_suggestion": "the member card's packs",
    "park.maintenance.list_entries": "the machine's card every page opens shows its log",
    "audit.history": "a record's « Historique » on the page that shows the record",
    # settings every service reads
    "billing.baskets.invoicing_start": "a date the balance and the till both read",
    "billing.numbering.numbering_pattern": "the pattern the setup assistant shows",
    "setup.state.setup_state": "asked at start: is the database still unconfigured?",
    "setup.state.is_unconfigured": "asked at start: is the database still unconfigured?",
    # the Accueil page (every role lands on it) and aggregated, anonymous figures
    "reporting.dashboard.home_summary": "the Accueil page's figures of the day",
    "scheduling.usages.today_overview": "the Accueil page's list of the day",
    "finance.funding.reports_due": "the Accueil page's reminder of a grant report due",
    "activity.figures.figures": "counts by public: the Activité page and the reports",
    "reporting.annual.indicator_tables": "the Activité page's figures exported",
    # the integrity check and the anchor log: every start, every sealing commit
    "billing.ledger.verify_ledger": "the integrity check at every start",
    "safety.integrity.damage_report": "the integrity check at every start",
    "safety.integrity.quick_check": "the integrity check at every start",
    "safety.integrity.verify": "the integrity check at every start",
    "safety.integrity.startup_check": "the integrity check at every start",
    "safety.anchors.database_identity": "the anchor log, after every sealing commit",
    "safety.anchors.database_location": "the anchor log, after every sealing commit",
    "safety.anchors.sync": "the anchor log, after every sealing commit",
    "safety.anchors.compare": "the anchor log, after every sealing commit",
    # the window's own daily backup, whoever sits at the desk (a backup asked for: BACKUPS)
    "safety.auto_backup.is_demo": "the window's daily backup",
    "safety.auto_backup.folder_for": "the window's daily backup",
    "safety.auto_backup.daily_due": "the window's daily backup",
    "safety.auto_backup.automatic_backup": "the window's daily backup",
    # the importers' shape (a Protocol): each importer's plan/apply is guarded
    "imports.base.Importer.plan": "a Protocol, no body",
    "imports.base.Importer.apply": "a Protocol, no body",
}

PREFIX = services_pkg.__name__ + "."


def _service_modules() -> list[Any]:
    return [
        importlib.import_module(m.name)
        for m in pkgutil.walk_packages(services_pkg.__path__, PREFIX)
    ]


def _takes_database(func: Callable[..., Any], *, method: bool) -> bool:
    params = list(inspect.signature(func).parameters.values())[1 if method else 0 :]
    return bool(params) and "Database" in str(params[0].annotation)


def _public_services() -> dict[str, Callable[..., Any]]:
    """Every public function (and importer method) of services/ whose first parameter
    (after ``self``) is the Database, by "module.function"."""
    found: dict[str, Callable[..., Any]] = {}
    for module in _service_modules():
        short = module.__name__.removeprefix(PREFIX)
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj) and _takes_database(obj, method=False):
                found[f"{short}.{name}"] = obj
            elif inspect.isclass(obj):
                for attr, meth in vars(obj).items():
                    if (
                        not attr.startswith("_")
                        and inspect.isfunction(meth)
                        and _takes_database(meth, method=True)
                    ):
                        found[f"{short}.{name}.{attr}"] = meth
    return found


SERVICES = _public_services()
GUARDED = sorted(name for name, f in SERVICES.items() if permission_of(f) is not None)


def test_every_service_taking_a_database_is_guarded_or_an_allowed_read():
    unguarded = {n for n, f in SERVICES.items() if permission_of(f) is None}
    missing = sorted(unguarded - set(ALLOWED_UNGUARDED))
    assert not missing, f"neither guarded nor in ALLOWED_UNGUARDED: {missing}"
    # the list says the truth: no entry for a function gone or guarded since
    stale = sorted(set(ALLOWED_UNGUARDED) - unguarded)
    assert not stale, f"ALLOWED_UNGUARDED names what is guarded or gone: {stale}"
    assert len(GUARDED) > 200


def test_the_choices_made_before_are_kept():
    def perm(name: str) -> Permission | None:
        return permission_of(SERVICES[name])

    assert perm("billing.payments.add_payment") is Permission.CHECKOUT
    assert perm("billing.deposits.record_deposit") is Permission.INVOICES
    assert perm("finance.vouchers.record_settlement") is Permission.INVOICES
    assert perm("imports.registrations.RegistrationsImporter.apply") is Permission.IMPORTS
    for name in ("export.member_data", "anonymise.anonymise_member", "retention.inactive_members"):
        assert perm(f"privacy.{name}") is Permission.PERSONAL_DATA
    assert perm("billing.credit_notes.create_credit_note") is Permission.CREDIT_NOTES
    assert perm("billing.ledger.close_period") is Permission.CLOSINGS
    assert perm("finance.balance.balance") is Permission.FINANCES
    assert perm("activity.dropins.log_drop_in") is Permission.CYBERBASE


def _imported_services(tree: ast.Module, own: str) -> dict[str, str]:
    """Local name → dotted target ("tierslieu_desktop.services.x.y[.f]") of a module's
    imports from services/ (top-level and inside functions)."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "tierslieu_desktop.services"
        ):
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _resolve(dotted: str) -> Any:
    module, _, attr = dotted.rpartition(".")
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError):
        try:
            return importlib.import_module(dotted)
        except ImportError:
            return None


def test_no_service_calls_a_guarded_service_it_checks_once_at_the_users_entry():
    """Inside services/, a guarded function is never called through its public (guarded)
    name: the caller uses its ``_…_impl``, so a Trésorerie report is not refused because
    it reads a balance, and the setup assistant's steps are not checked again."""
    root = Path(services_pkg.__file__).parent
    offenders = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).with_suffix("")
        module_name = PREFIX + ".".join(rel.parts).removesuffix(".__init__")
        module = importlib.import_module(module_name)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = _imported_services(tree, module_name)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            target: Any = None
            call = node.func
            if isinstance(call, ast.Name):
                if call.id in imported:
                    target = _resolve(imported[call.id])
                else:
                    target = getattr(module, call.id, None)
            elif isinstance(call, ast.Attribute) and isinstance(call.value, ast.Name):
                owner = imported.get(call.value.id)
                if owner is not None:
                    holder = _resolve(owner)
                    target = getattr(holder, call.attr, None) if holder is not None else None
            if callable(target) and permission_of(target) is not None:
                offenders.append(f"{rel}:{node.lineno} calls {ast.unparse(call)}")
    assert not offenders, offenders


def _counts(db: Database) -> tuple[int, ...]:
    """What a refused call must leave as it was: every table's row count, the audit trail
    first."""
    from tierslieu_desktop.db.models import Base

    with db.read() as session:
        audit = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        tables = tuple(
            session.scalar(select(func.count()).select_from(t)) or 0
            for t in Base.metadata.sorted_tables
        )
    return (audit, *tables)


def _call_with_database_only(name: str, db: Database) -> None:
    """Call the service with the Database alone: the guard runs first; past it, the
    function either reads (all its other parameters have defaults) or Python refuses the
    missing arguments before its body."""
    target = SERVICES[name]
    if name.count(".") >= 2 and name.split(".")[-2][0].isupper():  # an importer's method
        target(None, db)
    else:
        target(db)


roles_sets = st.frozensets(st.sampled_from(list(Role)), max_size=3)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory):
    from tierslieu_desktop.db.engine import open_database

    database = open_database(str(tmp_path_factory.mktemp("perm") / "p.sqlite"))
    yield database
    database.dispose()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roles=roles_sets, name=st.sampled_from(GUARDED))
def test_a_principal_without_the_permission_is_refused_before_anything_is_written(
    shared_db, roles, name
):
    db = shared_db
    permission = permission_of(SERVICES[name])
    assert permission is not None
    who = Principal(1, "Lou", roles)
    db.principal = who
    try:
        before = _counts(db)
        if who.can(permission):
            try:
                _call_with_database_only(name, db)
            except DomainError as err:
                assert err.code != "not_permitted", (name, roles)
            except TypeError as err:  # the other arguments missing: past the guard
                assert "argument" in str(err), (name, err)
        else:
            with pytest.raises(DomainError) as err:
                _call_with_database_only(name, db)
            assert err.value.code == "not_permitted"
            assert err.value.params["permission"] == permission.value
            assert err.value.params["operator"] == "Lou"
        assert _counts(db) == before
    finally:
        db.principal = None


def test_an_administrator_and_nobody_logged_in_may_call_every_guarded_service(shared_db):
    for principal in (Principal(1, "Camille", frozenset({Role.ADMIN})), None):
        shared_db.principal = principal
        try:
            for name in GUARDED:
                try:
                    _call_with_database_only(name, shared_db)
                except DomainError as err:
                    assert err.code != "not_permitted", name
                except TypeError as err:
                    assert "argument" in str(err), (name, err)
        finally:
            shared_db.principal = None


def test_a_method_is_guarded_through_the_database_after_self(db):
    class Service:
        @guarded(Permission.IMPORTS)
        def apply(self, db: Database, value: int) -> int:
            return value * 2

    db.principal = Principal(1, "Lou", frozenset({Role.ACCUEIL}))
    with pytest.raises(DomainError) as err:
        Service().apply(db, 21)
    assert err.value.params == {
        "permission": "imports",
        "operator": "Lou",
        "roles": "accueil",
    }
    db.principal = Principal(2, "Camille", frozenset({Role.ADMIN}))
    assert Service().apply(db, 21) == 42
    assert Service().apply(db=db, value=1) == 2
    with pytest.raises(TypeError):
        Service().apply(None, 1)  # type: ignore[arg-type]


def test_every_role_and_permission_has_its_words_for_the_command_line():
    assert set(words.ROLES) == {r.value for r in Role}
    assert list(words.ROLES) == [r.value for r in ROLE_ORDER]
    assert set(words.ACTIONS) == {p.value for p in Permission}
    from tierslieu_desktop.i18n.cli_messages import text

    said = text("not_permitted", "fr", permission="credit_notes", operator="lou", roles="accueil")
    assert said == "Le compte « lou » (Accueil) ne permet pas : émettre un avoir."
    said = text(
        "not_permitted", "en", permission="closings", operator="sam", roles="tresorerie,mediation"
    )
    assert said == 'The account "sam" (Digital mediation, Treasury) does not allow: close a period.'
