"""Operator accounts (issue 19 point 1): passwords and PINs, roles, login, the first
administrator of an unclaimed database, and the permission matrix."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from tierslieu_desktop.db.models import AuditEntry, Operator
from tierslieu_desktop.domain.calendar import utcnow
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.permissions import (
    MATRIX,
    Permission,
    Principal,
    Role,
    permissions_of,
    secret_problem,
)
from tierslieu_desktop.services.access import check
from tierslieu_desktop.services.people import accounts, operators


def _admin(db) -> Principal:
    return accounts.claim_administration(db, "Camille", "correct horse")


def test_an_unclaimed_database_asks_for_its_administrator_once(db):
    assert accounts.needs_administrator(db)
    who = _admin(db)
    assert who.is_admin and who.name == "Camille"
    assert not accounts.needs_administrator(db)
    with pytest.raises(DomainError) as err:
        accounts.claim_administration(db, "Intrus", "another password")
    assert err.value.code == "administrator_exists"


def test_an_upgraded_operator_becomes_the_administrator_keeping_its_name(db, operator):
    # the operators of a database from before accounts: Accueil role, no password
    assert accounts.list_accounts(db)[0].can_log_in is False
    with pytest.raises(DomainError):
        accounts.authenticate(db, "Accueil", "")
    who = accounts.claim_administration(db, "", "mot de passe", operator_id=operator)
    assert who.operator_id == operator and who.name == "Accueil"
    assert who.roles == {Role.ACCUEIL, Role.ADMIN}
    assert accounts.authenticate(db, "accueil", "mot de passe").operator_id == operator


def test_login_with_password_or_pin_and_the_wrong_one_refused_the_same_way(db):
    _admin(db)
    db.principal = accounts.authenticate(db, "Camille", "correct horse")
    desk = accounts.create_account(db, "Lou", {Role.ACCUEIL}, "4821")
    assert accounts.authenticate(db, "Lou", "4821").roles == {Role.ACCUEIL}
    for name, secret in (("Lou", "4822"), ("Personne", "4821"), ("Lou", "")):
        with pytest.raises(DomainError) as err:
            accounts.authenticate(db, name, secret)
        assert err.value.code == "login_failed"
    # no hash, no secret in the database nor in the audit trail
    with db.read() as s:
        stored = s.get(Operator, desk).password_hash
        changes = " ".join(e.changes for e in s.scalars(select(AuditEntry)))
    assert stored.startswith("$argon2id$") and "4821" not in stored
    assert "argon2" not in changes and "4821" not in changes


def test_wrong_tries_make_the_next_one_wait(db):
    _admin(db)
    now = utcnow()
    for _ in range(accounts.TRIES_BEFORE_WAIT):
        with pytest.raises(DomainError):
            accounts.authenticate(db, "Camille", "wrong one!", now=now)
    with pytest.raises(DomainError) as err:
        accounts.authenticate(db, "Camille", "correct horse", now=now)
    assert err.value.code == "login_wait" and err.value.params["seconds"] > 0
    later = now + accounts.WAIT + timedelta(seconds=1)
    assert accounts.authenticate(db, "Camille", "correct horse", now=later).is_admin


@pytest.mark.parametrize(
    ("secret", "problem"),
    [
        ("", "required"),
        ("123", "pin_length"),
        ("1234567", "pin_length"),
        ("1234", None),
        ("123456", None),
        ("court", "password_short"),
        ("assez long", None),
    ],
)
def test_a_secret_is_a_pin_of_4_to_6_digits_or_a_password_of_8_characters(secret, problem):
    assert secret_problem(secret) == problem


def test_weak_secrets_are_refused_naming_the_field(db):
    _admin(db)
    with pytest.raises(ValidationError) as err:
        accounts.create_account(db, "Lou", {Role.ACCUEIL}, "abc")
    assert err.value.fields == {"secret": "password_short"}
    with pytest.raises(ValidationError) as err:
        accounts.create_account(db, "Lou", set(), "4821")
    assert err.value.fields == {"roles": "required"}


def test_the_last_administrator_keeps_the_role_and_stays_active(db):
    who = _admin(db)
    db.principal = who
    with pytest.raises(DomainError) as err:
        accounts.set_roles(db, who.operator_id, {Role.ACCUEIL})
    assert err.value.code == "last_administrator"
    other = accounts.create_account(db, "Lou", {Role.ACCUEIL}, "4821")
    with pytest.raises(DomainError) as err:
        operators.set_operator_active(db, who.operator_id, False)
    assert err.value.code == "last_administrator"
    accounts.set_roles(db, other, {Role.ADMIN})
    accounts.set_roles(db, who.operator_id, {Role.TRESORERIE})  # now allowed
    assert accounts.principal_of(db, who.operator_id).roles == {Role.TRESORERIE}


def test_an_administrator_resets_a_forgotten_pin_and_a_desk_account_cannot(db):
    db.principal = _admin(db)
    lou = accounts.create_account(db, "Lou", {Role.ACCUEIL}, "4821")
    accounts.reset_secret(db, lou, "9999")
    assert accounts.authenticate(db, "Lou", "9999").operator_id == lou
    db.principal = accounts.authenticate(db, "Lou", "9999")
    with pytest.raises(DomainError) as err:
        accounts.reset_secret(db, lou, "1111")
    assert err.value.code == "not_permitted"
    with pytest.raises(DomainError):
        accounts.create_account(db, "Moi", {Role.ADMIN}, "mot de passe")
    # but Lou may change their own, knowing the old one
    with pytest.raises(ValidationError):
        accounts.change_own_secret(db, "0000", "1111")
    accounts.change_own_secret(db, "9999", "1111")
    assert accounts.authenticate(db, "Lou", "1111").operator_id == lou


def test_the_journal_says_a_password_was_changed_without_its_value(db):
    db.principal = _admin(db)
    lou = accounts.create_account(db, "Lou", {Role.ACCUEIL}, "4821")
    accounts.reset_secret(db, lou, "9999")
    with db.read() as s:
        last = [
            (e.action, e.changes, e.operator_id)
            for e in s.scalars(
                select(AuditEntry).where(
                    AuditEntry.entity == "operator", AuditEntry.entity_id == lou
                )
            )
        ]
    assert [action for action, _, _ in last] == ["create", "update"]
    assert "password_hash" in last[1][1] and "9999" not in last[1][1]
    assert all(who == db.principal.operator_id for _, _, who in last)


@given(
    roles=st.frozensets(st.sampled_from(list(Role)), min_size=1),
    permission=st.sampled_from(list(Permission)),
)
def test_the_matrix_decides_every_permission_of_every_set_of_roles(roles, permission):
    who = Principal(1, "x", roles)
    expected = any(permission in MATRIX[r] for r in roles)
    assert who.can(permission) is expected
    assert (permission in permissions_of(roles)) is expected


def test_the_matrix_of_the_issue():
    assert MATRIX[Role.ADMIN] == frozenset(Permission)
    accueil = Principal(1, "a", frozenset({Role.ACCUEIL}))
    assert accueil.can(Permission.CHECKOUT) and accueil.can(Permission.BOOKINGS)
    assert not accueil.can(Permission.FINANCES) and not accueil.can(Permission.CREDIT_NOTES)
    mediation = Principal(2, "m", frozenset({Role.MEDIATION}))
    assert mediation.can(Permission.CYBERBASE) and mediation.can(Permission.ACTIVITY)
    assert not mediation.can(Permission.CHECKOUT)
    treasurer = Principal(3, "t", frozenset({Role.TRESORERIE}))
    for p in (Permission.CREDIT_NOTES, Permission.CLOSINGS, Permission.EXPORTS, Permission.TARIFFS):
        assert treasurer.can(p)
    assert not treasurer.can(Permission.OPERATORS) and not treasurer.can(Permission.BACKUPS)


def test_no_login_is_the_unrestricted_builder_and_a_login_is_checked(db):
    check(db, Permission.OPERATORS)  # db.principal None: the demo builder, a migration
    db.principal = Principal(1, "Lou", frozenset({Role.ACCUEIL}))
    with pytest.raises(DomainError) as err:
        check(db, Permission.FINANCES)
    assert err.value.params["permission"] == "finances"
    assert err.value.params["operator"] == "Lou"
    assert err.value.params["roles"] == "accueil"  # the refusal names the account's roles
