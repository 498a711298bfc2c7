"""Anonymising a member while the issued invoices stay legally valid (issue 19, point 3;
docs/legal-fr.md §1 and §7).

What stays: the invoices, credit notes, payments and wallet movements are sealed in the
integrity chain and kept 10 years (Code de commerce L123-22) with the buyer's identity
frozen at issue (``invoice.buyer_json``): they are never rewritten — the chain refers to
the member by a hash of its id, never by its name, so ``tierslieu verify`` stays clean
and every invoice still renders with the buyer it was issued to.

What goes: on the member's row the name becomes « Anonyme n° A00012 », the e-mail, phone,
address, birth year, gender, situation, legal guardian, SIRET / VAT / Chorus Pro
references and notes are emptied, both consents withdrawn (and that withdrawal dated in
the consent history), the card archived. On the records linked to it that are not
accounting (bookings and their events, usages, registrations, drop-ins, memberships,
authorizations), the free texts typed about the person (notes, purpose, responsible
name, a cancellation's reason) are emptied. The dates, durations, machines, amounts,
public, age band and commune stay: they feed the activity figures and the funders'
aggregated tables, never a person's name. A drop-in keeps its national statistics (gender,
age range, situation, commune) but loses its link to the member (see ``_clear_links``).

Refused while the member still has an open basket, usages not yet invoiced, an invoice
with something left to pay (or a credit note left to refund), or bookings and
registrations to come: the next invoice would then be issued to « Anonyme » (an invoice
must name its buyer, CGI annex II art. 242 nonies A), the lab could no longer claim what
it is owed (GDPR art. 17-3-e: keeping data to exercise a legal claim), and the desk would
wait for someone nobody can name. Settle them first; then anonymise.

Irreversible: the caller repeats the member's number (``confirm_number``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import (
    ActivitySession,
    Authorization,
    Basket,
    BasketLine,
    Booking,
    BookingEvent,
    DropIn,
    Invoice,
    InvoiceLine,
    InvoiceOpen,
    Member,
    Membership,
    Registration,
    Structure,
    Usage,
    UsageCharge,
    WalletMovement,
    utcnow,
)
from tierslieu_desktop.domain.calendar import local_day_bounds
from tierslieu_desktop.domain.errors import DomainError, NotFound
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.audit import forget_member
from tierslieu_desktop.services.common import fold, stamp
from tierslieu_desktop.services.people.consents import current_consents, record_consent_changes
from tierslieu_desktop.services.people.members import display_name

# Why a member cannot be anonymised yet (the screens and the CLI word them).
BLOCKERS = (
    "open_basket",
    "unbilled_usages",
    "open_balance",
    "bookings_to_come",
    "registrations_to_come",
)


def anonymous_name(number: str) -> tuple[str, str]:
    """(last name, first name) of an anonymised member: shown « ANONYME n° A00012 »."""
    return "Anonyme", f"n° {number}"


@dataclass(frozen=True)
class AnonymisePreview:
    """What the confirmation shows before anonymising a member."""

    member_id: int
    number: str
    name: str
    anonymised_at: datetime | None
    blockers: tuple[str, ...]  # BLOCKERS; empty: can be anonymised
    invoices_kept: int  # issued invoices and credit notes kept with the frozen buyer
    wallet_cents: int  # the wallet's balance (kept with the sealed movements)

    @property
    def possible(self) -> bool:
        return self.anonymised_at is None and not self.blockers


def blockers(session: Session, member_id: int, now: datetime | None = None) -> tuple[str, ...]:
    """The reasons (``BLOCKERS``) why the member cannot be anonymised now."""
    return blockers_of(session, [member_id], now).get(member_id, ())


def blockers_of(
    session: Session, member_ids: Sequence[int], now: datetime | None = None
) -> dict[int, tuple[str, ...]]:
    """``blockers`` of many members at once (one query per reason and per 500 members):
    only the members with at least one reason are in the result."""
    now = now or utcnow()
    found: dict[int, set[str]] = {}
    start = session.scalar(select(Structure.invoicing_start).where(Structure.id == 1))
    for first in range(0, len(member_ids), 500):
        chunk = list(member_ids[first : first + 500])
        for reason, stmt in _blocker_queries(chunk, now, start):
            for (member_id,) in session.execute(stmt):
                if member_id is not None:
                    found.setdefault(member_id, set()).add(reason)
    return {m: tuple(b for b in BLOCKERS if b in reasons) for m, reasons in found.items()}


def _blocker_queries(
    ids: list[int], now: datetime, invoicing_start: date | None
) -> list[tuple[str, Any]]:
    """(reason, SELECT of member ids) for each reason; a booking or a registration to
    come blocks its member and its organisation, a usage its payer."""
    usage_payer = func.coalesce(Usage.member_id, Usage.organisation_id)
    # the usages with something charged, in no invoice and no open basket, since the
    # invoicing start (the desk's « à encaisser », services.billing.baskets)
    billed = select(InvoiceLine.id).where(InvoiceLine.usage_id == Usage.id).exists()
    in_basket = (
        select(BasketLine.id)
        .join(Basket, Basket.id == BasketLine.basket_id)
        .where(Basket.status == "open", BasketLine.usage_id == Usage.id)
        .exists()
    )
    charged = (
        select(func.coalesce(func.sum(UsageCharge.charged_cents), 0))
        .where(UsageCharge.usage_id == Usage.id)
        .scalar_subquery()
    )
    unbilled = (
        select(usage_payer)
        .where(
            or_(Usage.member_id.in_(ids), Usage.organisation_id.in_(ids)),
            usage_payer.in_(ids),
            ~billed,
            ~in_basket,
            charged > 0,
        )
        .distinct()
    )
    if invoicing_start is not None:
        unbilled = unbilled.where(Usage.start_at >= local_day_bounds(invoicing_start)[0])
    queries: list[tuple[str, Any]] = [
        (
            "open_basket",
            select(Basket.member_id)
            .where(Basket.member_id.in_(ids), Basket.status == "open")
            .distinct(),
        ),
        ("unbilled_usages", unbilled),
        (
            "open_balance",
            select(Invoice.member_id)
            .join(InvoiceOpen, InvoiceOpen.invoice_id == Invoice.id)
            .where(Invoice.member_id.in_(ids), InvoiceOpen.left_cents != 0)
            .distinct(),
        ),
    ]
    for who in (Booking.member_id, Booking.organisation_id):
        queries.append(
            (
                "bookings_to_come",
                select(who)
                .where(
                    who.in_(ids),
                    Booking.status.in_(("booked", "in_progress")),
                    Booking.end_at > now,
                )
                .distinct(),
            )
        )
    for who in (Registration.member_id, Registration.organisation_id):
        queries.append(
            (
                "registrations_to_come",
                select(who)
                .join(ActivitySession, ActivitySession.id == Registration.session_id)
                .where(
                    who.in_(ids),
                    Registration.status.in_(("registered", "waiting")),
                    ActivitySession.status != "cancelled",
                    ActivitySession.end_at > now,
                )
                .distinct(),
            )
        )
    return queries


@guarded(Permission.PERSONAL_DATA)
def anonymise_preview(db: Database, member_id: int) -> AnonymisePreview:
    with db.read() as session:
        m = session.get(Member, member_id)
        if m is None:
            raise NotFound("member", member_id)
        kept = session.scalar(
            select(func.count()).select_from(Invoice).where(Invoice.member_id == member_id)
        )
        wallet = session.scalar(
            select(func.coalesce(func.sum(WalletMovement.amount_cents), 0)).where(
                WalletMovement.member_id == member_id
            )
        )
        return AnonymisePreview(
            member_id=m.id,
            number=m.number,
            name=display_name(m.kind, m.first_name, m.last_name),
            anonymised_at=m.anonymised_at,
            blockers=() if m.anonymised_at else blockers(session, member_id),
            invoices_kept=int(kept or 0),
            wallet_cents=int(wallet or 0),
        )


@guarded(Permission.PERSONAL_DATA)
def anonymise_member(
    db: Database, actor: int | None, member_id: int, *, confirm_number: str
) -> None:
    """Anonymise one member (irreversible). ``confirm_number``: the member's number,
    repeated by the person who confirmed (DomainError ``confirmation_mismatch``)."""
    with db.write() as session:
        m = session.get(Member, member_id)
        if m is None:
            raise NotFound("member", member_id)
        if confirm_number.strip().casefold() != m.number.casefold():
            raise DomainError("confirmation_mismatch", number=m.number)
        _anonymise(session, actor, m, utcnow())


@guarded(Permission.PERSONAL_DATA)
def anonymise_members(
    db: Database,
    actor: int | None,
    member_ids: Sequence[int],
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Anonymise several members in one transaction (the retention assistant): all or
    none. ``progress(done, total)`` is called after each one. Returns how many."""
    now = utcnow()
    with db.write() as session:
        for done, member_id in enumerate(member_ids, start=1):
            m = session.get(Member, member_id)
            if m is None:
                raise NotFound("member", member_id)
            _anonymise(session, actor, m, now)
            if progress is not None:
                progress(done, len(member_ids))
    return len(member_ids)


def _anonymise(session: Session, actor: int | None, m: Member, now: datetime) -> None:
    if m.anonymised_at is not None:
        raise DomainError("member_anonymised", number=m.number)
    found = blockers(session, m.id, now)
    if found:
        raise DomainError("anonymise_blocked", number=m.number, blockers=",".join(found))
    # the journal's values of the member and their records erased, this change by digest
    forget_member(session, m.id)
    before = current_consents(m)
    last, first = anonymous_name(m.number)
    for name in (
        "email",
        "phone",
        "address",
        "siret",
        "vat_number",
        "service_code",
        "commitment_number",
        "guardian_name",
        "guardian_phone",
        "guardian_email",
        "notes",
    ):
        setattr(m, name, "")
    m.first_name, m.last_name = first, last
    m.birth_year = None
    m.gender = None
    m.situation = None
    m.consent_newsletter = False
    m.consent_photos = False
    m.monthly_invoicing = False
    m.sort_name = fold(f"{last} {first}")
    m.search_text = fold(f"{last} {m.number}")
    if not m.archived:
        m.archived, m.archived_at = True, now
    m.anonymised_at = now
    stamp(m, actor)
    record_consent_changes(session, m, before, actor, reason="anonymised", at=now)
    _clear_links(session, m.id)


def _clear_links(session: Session, member_id: int) -> None:
    """Empty the free texts of the member's non-accounting records."""
    mine_booking = (Booking.member_id == member_id) | (Booking.organisation_id == member_id)
    booking_ids = select(Booking.id).where(mine_booking).scalar_subquery()
    session.execute(
        update(BookingEvent).where(BookingEvent.booking_id.in_(booking_ids)).values(detail="")
    )
    session.execute(
        update(Booking)
        .where(mine_booking)
        .values(note="", purpose="", responsible_name="", override_reason="")
    )
    session.execute(
        update(Usage)
        .where((Usage.member_id == member_id) | (Usage.organisation_id == member_id))
        .values(note="")
    )
    session.execute(
        update(Registration)
        .where((Registration.member_id == member_id) | (Registration.organisation_id == member_id))
        .values(note="", responsible_name="", group_name="")
    )
    # Drop-ins (issue 22): the national model's beneficiary fields — gender, age range and
    # band, situation, public, commune and its INSEE code, first support, themes — stay:
    # they are the anonymous statistics the State asks for (the Coop's record names
    # nobody), counted in the month's figures and exports. They may stay ONLY unlinked
    # from the person: a drop-in still pointing at the anonymised card could be joined,
    # through that card, to the invoices that keep the buyer's name (sealed, 10 years) and
    # to the person's other drop-ins, and so describe a named person. So the link to the
    # member is cleared (the drop-in becomes the Coop's « anonyme », ``anonymous``) and its
    # one free text, the note, emptied; the helper is the staff's name, the referral a
    # choice from a list. The Pass numérique numbers stay with the visit: the issuer is
    # paid by them (the claim lists and the books refer to them), and they name nobody
    # here.
    session.execute(
        update(DropIn)
        .where(DropIn.member_id == member_id)
        .values(note="", member_id=None, anonymous=True)
    )
    session.execute(update(Membership).where(Membership.member_id == member_id).values(note=""))
    session.execute(
        update(Authorization).where(Authorization.member_id == member_id).values(note="")
    )
    session.execute(update(Basket).where(Basket.member_id == member_id).values(note=""))
