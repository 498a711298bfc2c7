"""The chart-of-accounts mapping: the account (and its label) of each revenue kind,
payment method, VAT and customers, as written in the FEC (services.finance.fec): the
defaults of domain.finance.DEFAULT_ACCOUNTS overridden by the user's edits."""

from __future__ import annotations

from sqlalchemy import select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import AccountMapping
from tierslieu_desktop.domain import finance as rules
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.common import FieldCollector
from tierslieu_desktop.services.finance.checks import clean_text


@guarded(Permission.FINANCES)
def account_mapping(db: Database) -> dict[str, tuple[str, str]]:
    """key -> (account, label): the defaults (domain.finance.DEFAULT_ACCOUNTS) overridden
    by the rows the user edited."""
    out = dict(rules.DEFAULT_ACCOUNTS)
    with db.read() as s:
        for m in s.scalars(select(AccountMapping)):
            out[m.key] = (m.account, m.label or out.get(m.key, ("", ""))[1])
    return out


@guarded(Permission.FINANCES)
def set_account(db: Database, key: str, account: str, label: str = "") -> None:
    fc = FieldCollector()
    key = clean_text(fc, "key", key, 40, required=True)
    account = clean_text(fc, "account", account, 12, required=True)
    if account and not account.isdigit():
        fc.add("account", "invalid")
    label = clean_text(fc, "label", label, 120, required=False)
    fc.raise_if_any()
    with db.write() as s:
        m = s.get(AccountMapping, key)
        if m is None:
            s.add(AccountMapping(key=key, account=account, label=label))
        else:
            m.account, m.label = account, label


@guarded(Permission.FINANCES)
def set_accounts(db: Database, accounts: dict[str, tuple[str, str]]) -> None:
    """Save several accounts at once, all or nothing: key -> (account, label). A bad
    account raises ValidationError with the field "account:<key>"."""
    fc = FieldCollector()
    cleaned: dict[str, tuple[str, str]] = {}
    for key, (account, label) in accounts.items():
        account = (account or "").strip()
        fc.text(f"account:{key}", account or "", 12)
        fc.text(f"account:{key}", label or "", 120)
        label = (label or "").strip()
        if not account:
            fc.add(f"account:{key}", "required")
        elif not account.isdigit() or len(account) > 12:
            fc.add(f"account:{key}", "invalid")
        elif len(label) > 120:
            fc.add(f"account:{key}", "too_long")
        cleaned[key] = (account, label)
    fc.raise_if_any()
    with db.write() as s:
        for key, (account, label) in cleaned.items():
            m = s.get(AccountMapping, key)
            if m is None:
                s.add(AccountMapping(key=key, account=account, label=label))
            else:
                m.account, m.label = account, label
