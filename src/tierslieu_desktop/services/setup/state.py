"""Whether a database still needs the setup assistant, and the VAT regime recommended to
a new structure in plain words.

The rule (issue 18): a database is *unconfigured* when nothing of the lab was set up —
the structure has no name, and there is no space and no machine (archived ones count:
a lab that archived everything was configured once). A lab that typed its name but
created nothing else, or created a space but not its name, is configured: the window
does not open the assistant by itself for it any more; Paramètres still offers it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Machine, Space, Structure
from tierslieu_desktop.domain.enums import VatRegime
from tierslieu_desktop.domain.lines import LUCRATIVE_THRESHOLDS
from tierslieu_desktop.services.common import fold

# Franchise en base (art. 293 B du CGI), services: the yearly turnover below which a
# company may stay out of VAT (37 500 € for 2025; the 25 000 € single threshold voted
# for 2025 was suspended, then abandoned). docs/legal-fr.md §1; a tax adviser confirms.
FRANCHISE_SERVICES_CENTS = 3_750_000

# Legal forms offered by the assistant (free text in the structure: any other is kept).
LEGAL_FORMS = (
    "Association loi 1901",
    "Association loi 1908 (Alsace-Moselle)",
    "SCIC",
    "SCOP",
    "SAS",
    "SARL",
    "Entreprise individuelle",
    "Collectivité territoriale / EPCI",
)


@dataclass(frozen=True)
class SetupState:
    structure_named: bool
    spaces: int
    machines: int

    @property
    def unconfigured(self) -> bool:
        return not self.structure_named and self.spaces == 0 and self.machines == 0


def setup_state(db: Database) -> SetupState:
    with db.read() as session:
        name = session.scalar(select(Structure.name).where(Structure.id == 1))
        spaces = session.scalar(select(func.count(Space.id))) or 0
        machines = session.scalar(select(func.count(Machine.id))) or 0
    return SetupState(bool((name or "").strip()), spaces, machines)


def is_unconfigured(db: Database) -> bool:
    """True on a database where nothing of the lab was set up (see the module's rule)."""
    return setup_state(db).unconfigured


@dataclass(frozen=True)
class VatAdvice:
    """The regime recommended, and why in a code the screens word: ``association``
    (services to members exempt, art. 261-7-1° CGI, sales to non-members within the
    yearly threshold ``threshold_cents``), ``small_business`` (franchise en base under
    ``threshold_cents`` a year) or ``large_business`` (above it: liable)."""

    regime: VatRegime
    reason: str
    threshold_cents: int


def is_association(legal_form: str) -> bool:
    return fold(legal_form).strip().startswith("association")


def recommend_vat_regime(legal_form: str, yearly_sales_cents: int | None = None) -> VatAdvice:
    """A non-profit association: exempt (art. 261-7-1° CGI) — its services to members are
    out of VAT and its sales to non-members stay exempt within the franchise of lucrative
    accessory activities (the Finances page warns near the threshold). Anything else: the
    franchise en base (art. 293 B) while its yearly sales stay under the services
    threshold (unknown sales: assumed small, as for a lab that starts), liable above."""
    if is_association(legal_form):
        latest = max(LUCRATIVE_THRESHOLDS)
        return VatAdvice(VatRegime.EXEMPT_NON_PROFIT, "association", LUCRATIVE_THRESHOLDS[latest])
    if yearly_sales_cents is not None and yearly_sales_cents > FRANCHISE_SERVICES_CENTS:
        return VatAdvice(VatRegime.LIABLE, "large_business", FRANCHISE_SERVICES_CENTS)
    return VatAdvice(VatRegime.FRANCHISE, "small_business", FRANCHISE_SERVICES_CENTS)
