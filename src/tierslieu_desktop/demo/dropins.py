"""The cyber-base's drop-in log of the demo's year (demo.activity): visits and one-to-one
help sessions on the days the cyber-base opens, some linked to a member; rows with the
columns ``dropins.log_drop_in`` writes, to be inserted in bulk."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Protocol

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import DropIn, DropInVoucher
from tierslieu_desktop.demo import data_activity, data_finance, data_people
from tierslieu_desktop.domain import mediation as nm
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.enums import DropInKind, MemberKind

DROP_INS_PER_DAY = (8, 15)
HELP_SHARE = 0.2
VOUCHER_SHARE = 0.1  # of help sessions
LINKED_SHARE = 0.1  # drop-ins linked to a member


class Visitor(Protocol):
    """What a drop-in reads of a member."""

    id: int
    created: date
    until: date | None  # archived on
    audience: str
    age_band: str | None
    city: str
    kind: str


def drop_in_rows(
    rng: random.Random,
    *,
    first_day: date,
    reference: date,
    open_ranges: Callable[[date], list[tuple[int, int]]],
    space_id: int,
    people: Sequence[Visitor],
    audience_ids: dict[str, int],
    accueil: int | None,
    ops: dict[str, int],
) -> list[dict]:
    """The drop-ins from ``first_day`` to the day before ``reference``, drawn from ``rng``
    (``open_ranges``: the cyber-base's opening hours of a day, in local minutes)."""
    members = [x for x in people if x.kind == MemberKind.PERSON and x.until is None]
    communes = [c[0] for c in data_people.COMMUNES]
    commune_weights = [c[2] for c in data_people.COMMUNES]
    publics = [
        (audience_ids.get(data_finance.PUBLIC_GENERAL), 45),
        (audience_ids.get(data_finance.PUBLIC_JOB_SEEKERS), 25),
        (audience_ids.get(data_finance.PUBLIC_STUDENTS), 10),
        (audience_ids.get(data_finance.PUBLIC_ENTREPRENEURS), 5),
        (None, 15),
    ]
    bands, band_w = (
        list(data_activity.DROP_IN_AGE_BANDS),
        list(data_activity.DROP_IN_AGE_BANDS.values()),
    )
    visit_p, visit_w = (
        list(data_activity.DROP_IN_PURPOSES),
        list(data_activity.DROP_IN_PURPOSES.values()),
    )
    help_p, help_w = (
        list(data_activity.HELP_PURPOSES),
        list(data_activity.HELP_PURPOSES.values()),
    )
    rows: list[dict] = []
    day = first_day
    while day < reference:
        ranges = open_ranges(day)
        open_minutes = sum(e - s for s, e in ranges)
        if open_minutes:
            low, high = DROP_INS_PER_DAY
            n = rng.randint(low, high)
            if open_minutes < 300:  # Monday afternoon, Saturday morning
                n = round(n * 0.6)
            if day.month in (7, 8):
                n = round(n * 0.7)
            for _ in range(n):
                s, e = rng.choices(ranges, [e - s for s, e in ranges])[0]
                minute = rng.randrange(s, max(s + 1, e - 15))
                helping = rng.random() < HELP_SHARE
                kind = DropInKind.HELP if helping else DropInKind.VISIT
                if helping:
                    purpose = rng.choices(help_p, help_w)[0]
                    duration = rng.choice((30, 30, 45, 45, 60, 60, 90))
                else:
                    purpose = rng.choices(visit_p, visit_w)[0]
                    duration = rng.choice((15, 20, 30, 30, 45, 60, 90))
                duration = max(5, min(duration, e - minute))
                audience = rng.choices([a for a, _w in publics], [w for _a, w in publics])[0]
                band = rng.choices(bands, band_w)[0] if rng.random() < 0.9 else None
                commune = rng.choices(communes, commune_weights)[0] if rng.random() < 0.85 else ""
                member_id = None
                if rng.random() < LINKED_SHARE and members:
                    m = rng.choice(members)
                    if m.created < day:
                        member_id = m.id
                        # A linked member fills what the desk left blank.
                        audience = audience_ids.get(m.audience)
                        band = m.age_band
                        commune = m.city
                at = local_dt(day, minute)
                who = (
                    accueil
                    if rng.random() < 0.7
                    else ops.get(data_activity.WORKSHOP_TRAINER, accueil)
                )
                rows.append(
                    {
                        "at": at,
                        "kind": kind.value,
                        "space_id": space_id,
                        "audience_id": audience,
                        "age_band": band,
                        "commune": commune,
                        "purpose": purpose,
                        "duration_minutes": duration,
                        "helper": rng.choice(data_activity.DROP_IN_HELPERS) if helping else "",
                        "vouchers": rng.randint(1, 3)
                        if helping and rng.random() < VOUCHER_SHARE
                        else 0,
                        "member_id": member_id,
                        "note": "",
                        **national_fields(
                            random.Random(f"{at.isoformat()}-{len(rows)}"), helping, purpose, band
                        ),
                        "created_at": at,
                        "created_by_id": who,
                        "updated_at": at,
                        "updated_by_id": who,
                    }
                )
        day += timedelta(days=1)
    return rows


EXTRA_THEMES = ("email", "securite_numerique", "sante", "banque_et_achats_en_ligne", "logement")


def national_fields(x: random.Random, helping: bool, purpose: str, band: str | None) -> dict:
    """The national model's fields of a demo drop-in (issue 22), drawn from their own
    generator ``x`` so that the rest of the demo stays as it was: a help session has most
    of them, a visit its themes and equipment only."""
    themes = list(nm.PURPOSE_THEMES.get(purpose, ()))
    if helping and x.random() < 0.3:
        themes.append(x.choice(EXTRA_THEMES))
    fields: dict[str, object] = {
        "activity_type": "individuel",
        "themes": nm.join_values(themes),
        "equipment": "ordinateur" if x.random() < 0.8 else "telephone",
        "age_range": nm.AGE_BAND_RANGES.get(band or ""),
    }
    if helping:
        fields |= {
            "autonomy": x.choice(tuple(nm.AUTONOMY)),
            "gender": x.choice(("feminin", "feminin", "masculin", None)),
            "situation": x.choice(("retraite", "sans_emploi", "en_emploi", None)),
            "first_time": x.random() < 0.25,
            "referred": x.random() < 0.1,
        }
        if fields["referred"]:
            fields["referral_structure"] = x.choice(tuple(nm.REFERRAL_STRUCTURES))
    return fields


def voucher_numbers(session: Session) -> int:
    """Number the demo's Pass numérique vouchers (issue 22): twelve digits, as printed
    under an APTIC voucher's barcode, valid a year after the visit."""
    rows = []
    serial = 460_000_100_000
    for drop_in_id, at, count, who in session.execute(
        select(DropIn.id, DropIn.at, DropIn.vouchers, DropIn.created_by_id)
        .where(DropIn.vouchers > 0)
        .order_by(DropIn.at, DropIn.id)
    ):
        for _ in range(count):
            serial += 7
            rows.append(
                {
                    "drop_in_id": drop_in_id,
                    "issuer": "pass_numerique",
                    "number": str(serial),
                    "expires_on": at.date().replace(year=at.year + 1, day=min(at.day, 28)),
                    "created_at": at,
                    "created_by_id": who,
                    "updated_at": at,
                    "updated_by_id": who,
                }
            )
    if rows:
        session.execute(insert(DropInVoucher), rows)
    return len(rows)
