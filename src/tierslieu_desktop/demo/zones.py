"""The demo's funders' zones (issue 16, point 4): the communes of its territory that the
lab typed in Paramètres › Structure as classified ZRR / FRR and as containing a QPV.

DEMO VALUES, NOT THE OFFICIAL LISTS: most rural communes of the Lot are classified (ZRR,
then France Ruralités Revitalisation since July 2024), so the demo classifies every
commune its members come from except the largest town (Cahors); it gives Figeac one
quartier prioritaire. Check the official lists (ANCT, « zonages ») before using real
figures.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from tierslieu_desktop.db.models import Structure
from tierslieu_desktop.demo import data_people
from tierslieu_desktop.services.people.communes import resolve_communes

NOT_CLASSIFIED = ("Cahors",)  # the largest town of the members' communes
QPV_COMMUNES = ("Figeac 46100",)  # demo: one quartier prioritaire


def add_zones(session: Session) -> None:
    """The demo structure's ZRR / FRR and QPV communes, stored as the settings store them."""
    zrr = "\n".join(f"{c} {pc}" for c, pc, _ in data_people.COMMUNES if c not in NOT_CLASSIFIED)
    session.execute(
        update(Structure)
        .where(Structure.id == 1)
        .values(
            zrr_communes=" ".join(resolve_communes(zrr).codes),
            qpv_communes=" ".join(resolve_communes("\n".join(QPV_COMMUNES)).codes),
        )
    )
