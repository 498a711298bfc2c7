"""The budget of a financed action as the funder report (CERFA 15059 « compte rendu
financier ») prints it: planned / actual / gap by account, charges and products, in-kind
86/87 apart, and the result line that makes the totals equal. Pure rules; the figures
come from ``services.reporting.grant_budget``.

- Allocation key of a grant (``ALLOC_KEYS``): the share of the structure's shared costs
  and resources that belongs to the action. "direct": none (only what is assigned to the
  grant); "hours": hours of the grant's machines ÷ hours of every machine in the period;
  "staff": staff costs assigned to the grant ÷ every staff cost of the period; "fixed": a
  percentage typed on the grant. Shares are basis points (10000 = 100 %), amounts are
  allocated line by line, rounded half up to the cent (``allocate``).
- Totals: « Total des charges » = charges 60–68 + the excédent (products − charges when
  positive); « Total des produits » = products 70–77 + the déficit (charges − products
  when positive): both equal, in the planned and in the actual column. In-kind uses (86)
  and sources (87) come from the same contributions and are equal.
- An investment grant's plan: acquisitions (21) against the investment grants (13) and
  the structure's own funds (« autofinancement », the balancing line).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ALLOC_KEYS = ("direct", "hours", "staff", "fixed")
ALLOC_KEY_LABELS = {
    "direct": "aucune : charges affectées à l'action seulement",
    "hours": "heures machines",
    "staff": "temps de personnel",
    "fixed": "pourcentage fixe",
}
REPORT_SECTIONS = ("objectives", "done", "publics", "partners", "difficulties", "perspectives")
TARGETS = ("users", "hours", "sessions")

# sides of a line
CHARGE, PRODUCT, USE, SOURCE = "charge", "product", "use", "source"


def allocation_share_bp(kind: str, fixed_bp: int | None, part: int, whole: int) -> int:
    """The action's share in basis points: ``fixed_bp`` for "fixed", part ÷ whole for
    "hours" and "staff" (0 when the whole is 0), 0 for "direct". Clamped to 0–10000."""
    if kind == "fixed":
        share = fixed_bp or 0
    elif kind in ("hours", "staff"):
        share = (part * 10000 + whole // 2) // whole if whole > 0 else 0
    else:
        share = 0
    return max(0, min(10000, share))


def allocate(cents: int, share_bp: int) -> int:
    """``cents`` × share, rounded half away from zero to the cent."""
    value = abs(cents) * share_bp
    out = (value + 5000) // 10000
    return out if cents >= 0 else -out


def gap_bp(planned: int, actual: int) -> int | None:
    """(actual − planned) ÷ planned in basis points; None without a plan."""
    if planned <= 0:
        return None
    diff = actual - planned
    sign = 1 if diff >= 0 else -1
    return sign * ((abs(diff) * 10000 + planned // 2) // planned)


@dataclass(frozen=True)
class CerfaLine:
    """One line of the budget: its side, account class ("60", "74"…), the key of the
    planned budget it reads ("74_f3": funder 3), its label and both amounts in cents."""

    side: str
    account: str
    key: str
    label: str
    planned: int
    actual: int
    own: bool = False  # the reported grant itself

    @property
    def gap(self) -> int:
        return self.actual - self.planned


@dataclass(frozen=True)
class CerfaBudget:
    """The lines of the action's budget (charges, products, in-kind uses and sources)."""

    lines: tuple[CerfaLine, ...]

    def side(self, side: str) -> list[CerfaLine]:
        return [line for line in self.lines if line.side == side]

    def total(self, side: str, column: str) -> int:
        return sum(getattr(line, column) for line in self.side(side))

    def result(self, column: str) -> int:
        """Products − charges (positive: excédent, negative: déficit)."""
        return self.total(PRODUCT, column) - self.total(CHARGE, column)

    def total_charges(self, column: str) -> int:
        """« Total des charges »: the charges and the excédent."""
        return self.total(CHARGE, column) + max(self.result(column), 0)

    def total_products(self, column: str) -> int:
        """« Total des produits »: the products and the déficit."""
        return self.total(PRODUCT, column) + max(-self.result(column), 0)


def planned_code(key: str) -> str:
    """The account class a planned-budget key adds to: "60_achats" → "60"; a co-financer
    key "74_f3" or a machine "21_m5" stays itself (one line per funder or machine)."""
    if key[:2].isdigit() and "_" in key:
        suffix = key.split("_", 1)[1]
        if not (suffix[:1] in ("f", "m") and suffix[1:].isdigit()):
            return key.split("_")[0]
    return key


@dataclass(frozen=True)
class AllocationKey:
    """The key of a grant and its value: ``share_bp`` of the shared costs and resources,
    computed from ``part`` ÷ ``whole`` (minutes for "hours", cents for "staff")."""

    kind: str
    share_bp: int
    part: int = 0
    whole: int = 0


@dataclass(frozen=True)
class InvestmentMachine:
    """A machine an investment grant financed, as its report shows it: purchase cost,
    the grant's share of it (pro rata of the costs of the grant's machines), depreciation
    and the grant's release over the report's period, and its use in that period."""

    name: str
    purchase_date: date | None
    cost_cents: int
    grant_share_cents: int
    depreciation_years: int | None
    depreciation_cents: int  # in the period
    released_cents: int  # the grant's share of it released to the result in the period
    minutes: int
    usages: int
    users: int
    revenue_cents: int  # own revenue of its usages (the balance's rule)
