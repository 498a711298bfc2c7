"""Pure rules of the revenue balance: categories, accounts, spreading amounts over time.

Every amount is in integer cents. Spreading uses cumulative rounding: the share of an
interval is ``round(total * days_up_to_end / days) - round(total * days_before / days)``,
so the shares of adjacent intervals always add up to the whole, to the cent.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

SECTORS = ("public", "private")
FUNDER_LEVELS = (
    "commune",
    "epci",
    "departement",
    "region",
    "etat",
    "ue",
    "social",
    "employment",
    "foundation",
    "company",
    "individual",
    "other",
)
GRANT_NATURES = ("operating", "investment", "donation")
REPORT_STATUSES = ("none", "todo", "sent", "accepted")
IN_KIND_KINDS = ("premises", "staff", "goods", "services", "volunteering")
EXPENSE_CATEGORIES = (
    "staff",
    "consumables",
    "maintenance",
    "rent",
    "energy",
    "depreciation",
    "other",
)
ACTIVITIES = ("fablab", "coworking", "cyberbase", "general")
# How an expense was paid (Expense.payment_method): by the bank (transfer, card, cheque,
# direct debit → 512) or in cash (→ 530).
EXPENSE_PAYMENT_METHODS = ("transfer", "card", "cheque", "cash", "direct_debit")

# Definitions a funder recognises (issue 16; written on the Finances page and in the
# annual report, DEFINITIONS below):
# - "part des collectivités": the local authorities only, never the State, Europe, the
#   social or employment bodies;
COLLECTIVITY_LEVELS = ("commune", "epci", "departement", "region")
# - private support (mécénat, sponsoring, dons) is not a grant: a donation, or any money
#   from a company or a private person; foundations' grants stay private grants (7481).
PRIVATE_SUPPORT_LEVELS = frozenset({"company", "individual"})


def is_private_support(sector: str, level: str, nature: str) -> bool:
    """True for mécénat, sponsoring and dons (not counted among the grants received)."""
    return nature == "donation" or (sector == "private" and level in PRIVATE_SUPPORT_LEVELS)


def is_pre_software(day: date, invoicing_start: date | None, invoiced: bool) -> bool:
    """A usage, membership, pack or ticket was billed before the software (counted at its
    own day and price) when it is dated before the invoicing start day and no invoice
    issued by the software carries it; otherwise it counts only through its invoice line
    (services.finance.own_revenue applies this rule in SQL)."""
    return invoicing_start is not None and day < invoicing_start and not invoiced


# The definitions of the balance's figures, in French (annual report's box; the Finances
# page shows the same through tr()).
DEFINITIONS: tuple[tuple[str, str], ...] = (
    (
        "Recettes propres",
        "Factures émises par le logiciel (hors TVA, avoirs déduits, hors recharges du "
        "porte-monnaie, comptées quand elles sont dépensées) + ce qui a été facturé avant "
        "l'utilisation du logiciel (usages, adhésions, packs et inscriptions antérieurs à la "
        "date de début de facturation, sans facture) + les chèques Pass numérique reçus à "
        "la cyber-base sans facture ; chaque chose comptée une seule fois.",
    ),
    (
        "Financements publics",
        "Subventions en numéraire par niveau : commune, intercommunalité, département, "
        "région, État, Europe, organismes sociaux, emploi ; réparties sur leur période "
        "(investissement : sur la durée d'amortissement des machines).",
    ),
    (
        "Part des collectivités",
        "Commune + intercommunalité + département + région, rapportés au total des produits "
        "en numéraire (hors État, Europe, organismes sociaux et emploi).",
    ),
    (
        "Soutiens privés",
        "Subventions de fondations, mécénat, sponsoring et dons ; le mécénat et les dons ne "
        "sont pas des subventions (exclus des « subventions encaissées »).",
    ),
    (
        "Contributions en nature",
        "Mises à disposition, personnel, biens et bénévolat valorisés (comptes 86/87), "
        "montrés à part, jamais mêlés aux financements en numéraire.",
    ),
    (
        "Taux d'autofinancement",
        "Recettes propres ÷ charges en numéraire ; « avec contributions en nature » : "
        "recettes propres ÷ (charges + contributions en nature).",
    ),
)


def pre_software_note(
    invoicing_start: date | None, cents: int, kinds: dict[str, int], money: Callable[[int], str]
) -> str:
    """Where the figure billed before the software comes from, in French (annual report)."""
    if invoicing_start is None or not cents:
        return ""
    names = {
        "usage": "usages",
        "membership": "adhésions",
        "pack": "packs",
        "ticket": "inscriptions aux ateliers",
    }
    listed = [name for kind, name in names.items() if kinds.get(kind)] or ["usages"]
    what = ", ".join(listed[:-1]) + (" et " if len(listed) > 1 else "") + listed[-1]
    return (
        f"Facturé avant l'utilisation du logiciel : {money(cents)} ({what} antérieurs au "
        f"{invoicing_start.strftime('%d/%m/%Y')} sans facture émise par le logiciel)."
    )


# Own revenue: invoice line revenue kinds -> category of the balance.
OWN_CATEGORIES = ("services", "sales", "memberships", "other")
REVENUE_CATEGORY = {
    "usage": "services",
    "pack": "services",
    "training": "services",
    "service": "services",
    "consumable": "sales",
    "sale": "sales",
    "membership": "memberships",
    "other": "other",
    "free": "other",
}
# Wallet top-ups are not revenue: the money is counted when spent.
NOT_REVENUE_KINDS = frozenset({"wallet_topup", "wallet"})
# The key of volunteering (in-kind without a funder) among the private levels.
VOLUNTEERING = "volunteering"
# Costs: expense categories + in-kind contributions (86).
IN_KIND_COST = "in_kind"
COST_CATEGORIES = (*EXPENSE_CATEGORIES, IN_KIND_COST)
# Budget lines: revenue side = own categories + public + private; expense side = costs.
BUDGET_REVENUE_CATEGORIES = (*OWN_CATEGORIES, "public", "private")
BUDGET_EXPENSE_CATEGORIES = COST_CATEGORIES
DEFAULT_DEPRECIATION_YEARS = 5

# Associative chart of accounts (ANC 2018-06), editable (AccountMapping).
DEFAULT_ACCOUNTS: dict[str, tuple[str, str]] = {
    "revenue:usage": ("706", "Prestations de services"),
    "revenue:pack": ("706", "Prestations de services"),
    "revenue:training": ("706", "Prestations de services"),
    "revenue:service": ("706", "Prestations de services"),
    "revenue:consumable": ("707", "Ventes de marchandises"),
    "revenue:sale": ("707", "Ventes de marchandises"),
    "revenue:membership": ("756", "Cotisations"),
    "revenue:other": ("708", "Produits des activités annexes"),
    "revenue:free": ("706", "Prestations de services"),
    "revenue:wallet": ("4191", "Avances reçues (porte-monnaie)"),
    "revenue:wallet_topup": ("4191", "Avances reçues (porte-monnaie)"),
    "grant:etat": ("741", "Subventions de l'État"),
    "grant:region": ("742", "Subventions de la région"),
    "grant:departement": ("743", "Subventions du département"),
    "grant:commune": ("744", "Subventions de la commune"),
    "grant:epci": ("744", "Subventions de l'intercommunalité"),
    "grant:ue": ("746", "Fonds européens"),
    "grant:social": ("745", "Organismes sociaux"),
    "grant:employment": ("745", "Organismes sociaux"),
    "grant:foundation": ("7481", "Subventions privées"),
    # ANC 2018-06: 7541 dons manuels, 7542 mécénats (docs/legal-fr.md §6).
    "grant:company": ("7542", "Mécénat"),
    "grant:individual": ("7541", "Dons manuels"),
    "grant:other": ("748", "Autres subventions"),
    "grant:investment": ("777", "Quote-part des subventions d'investissement"),
    # The journal (services.finance.journal): an investment grant decided (131), the share
    # of it released to the result each year (139 debit / 777 credit), the funders'
    # receivable (441 public, 468 private: one auxiliary account per funder).
    "grant:investment:fund": ("131", "Subventions d'investissement"),
    "grant:investment:released": ("139", "Subventions d'investissement inscrites au résultat"),
    "funders:public": ("441", "État et collectivités - subventions à recevoir"),
    "funders:private": ("468", "Divers - produits à recevoir"),
    # In-kind contributions, 86 (uses) / 87 (sources), per kind (IN_KIND_PAIRS below).
    "in_kind:premises:cost": ("861", "Mise à disposition gratuite de biens"),
    "in_kind:premises:revenue": ("871", "Prestations en nature"),
    "in_kind:staff:cost": ("862", "Prestations"),
    "in_kind:staff:revenue": ("871", "Prestations en nature"),
    "in_kind:services:cost": ("862", "Prestations"),
    "in_kind:services:revenue": ("871", "Prestations en nature"),
    "in_kind:goods:cost": ("860", "Secours en nature"),
    "in_kind:goods:revenue": ("875", "Dons en nature"),
    "in_kind:volunteering:cost": ("864", "Personnel bénévole"),
    "in_kind:volunteering:revenue": ("870", "Bénévolat"),
    # The pair of a kind not listed above (kept: a saved mapping of these keys still works).
    "in_kind:revenue": ("870", "Bénévolat"),
    "in_kind:cost": ("864", "Personnel bénévole"),
    "expense:staff": ("641", "Rémunérations du personnel"),
    "expense:consumables": ("6022", "Fournitures consommables"),
    "expense:maintenance": ("615", "Entretien et réparations"),
    "expense:rent": ("613", "Locations"),
    "expense:energy": ("6061", "Fournitures non stockables (énergie)"),
    "expense:depreciation": ("6811", "Dotations aux amortissements"),
    "expense:other": ("628", "Divers"),
    "suppliers": ("401", "Fournisseurs"),
    "staff:payable": ("421", "Personnel - rémunérations dues"),
    # Machines: the asset (by category: IT equipment or other), its supplier, its
    # accumulated depreciation (28 = 2 + the asset account); other depreciation entered
    # as an expense goes to 2818.
    "asset:machine": ("2154", "Matériel industriel"),
    "asset:computer": ("2183", "Matériel de bureau et informatique"),
    "depreciation:machine": ("28154", "Amortissements du matériel industriel"),
    "depreciation:computer": ("28183", "Amortissements du matériel informatique"),
    "depreciation:other": ("2818", "Amortissements des autres immobilisations corporelles"),
    "asset:suppliers": ("404", "Fournisseurs d'immobilisations"),
    "payment:cash": ("530", "Caisse"),
    # Card payments wait on 5115 until the bank credits them (Paramètres › Structure: the
    # settlement delay in business days), then move to the bank account.
    "payment:card": ("5115", "Cartes bancaires à encaisser"),
    "payment:transfer": ("512", "Banque"),
    "payment:cheque": ("5112", "Chèques à encaisser"),
    "payment:mandate": ("512", "Banque"),
    "payment:pass_numerique": ("512", "Banque"),
    "payment:wallet": ("4191", "Avances reçues (porte-monnaie)"),
    # The bank account the deposits of cheques and cash reach (services.billing.deposits).
    "bank": ("512", "Banque"),
    "vat:collected": ("44571", "TVA collectée"),
    "customers": ("411", "Clients"),
    # The journal (issue 15): VAT on services due at payment ("TVA sur les encaissements",
    # the default for services, CGI art. 269-2-c) waits on 44574 until the payment; the
    # Pass numérique vouchers received are a receivable on their issuer until it pays.
    "vat:pending": ("44574", "TVA collectée en attente d'encaissement"),
    "receivable:voucher": ("4687", "Produits à recevoir (bons Pass numérique)"),
    # Opening entries (journal AN): the result of the earlier years carried forward.
    "opening:profit": ("110", "Report à nouveau (solde créditeur)"),
    "opening:loss": ("119", "Report à nouveau (solde débiteur)"),
}

# Voucher issuers (the voucher_settlement table's ``issuer``) → the auxiliary account of
# their receivable on 4687 (receivable:voucher) and the payment method of their vouchers.
VOUCHER_ISSUERS: dict[str, tuple[str, str]] = {
    "pass_numerique": ("PASSNUM", "Pass numérique (APTIC)"),
}
# The revenue key of the cyber-base's drop-in help paid with vouchers (no invoice).
DROP_IN_REVENUE = "revenue:service"
DEFAULT_VOUCHER_CENTS = 1000  # a Pass numérique voucher is usually worth 10 €
MAX_CARD_SETTLEMENT_DAYS = 10


# An in-kind contribution's kind -> its (cost 86x, revenue 87x) keys in DEFAULT_ACCOUNTS.
IN_KIND_PAIRS: dict[str, tuple[str, str]] = {
    kind: (f"in_kind:{kind}:cost", f"in_kind:{kind}:revenue") for kind in IN_KIND_KINDS
}


def days_360(start: date, end: date) -> int:
    """Days from ``start`` to ``end`` counted as months of 30 days (the 30E/360 convention
    of French straight-line depreciation: the 31st counts as the 30th)."""
    d1, d2 = min(start.day, 30), min(end.day, 30)
    return (end.year - start.year) * 360 + (end.month - start.month) * 30 + (d2 - d1)


def depreciated_by(value_cents: int, start: date, years: int, day: date) -> int:
    """Straight-line depreciation of ``value_cents`` bought on ``start`` over ``years``,
    accumulated before ``day`` (pro rata temporis, 30E/360; whole at the end, to the cent).
    The depreciation of a period [first, last] is ``depreciated_by(.., last + 1 day) -
    depreciated_by(.., first)``: adjacent periods add up exactly."""
    if years <= 0 or day <= start:
        return 0
    elapsed = min(days_360(start, day), 360 * years)
    return _cum(value_cents, elapsed, 360 * years)


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def month_end(day: date) -> date:
    return next_month(day) - timedelta(days=1)


def months_between(first_day: date, last_day: date) -> list[date]:
    """First days of the months that meet [first_day, last_day]."""
    out: list[date] = []
    current = month_start(first_day)
    while current <= last_day:
        out.append(current)
        current = next_month(current)
    return out


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _cum(total: int, elapsed: int, days: int) -> int:
    # round half up, exact integers (total may be negative)
    num = total * elapsed
    q, r = divmod(num, days)
    return q + (1 if 2 * r >= days else 0)


def spread_by_day(
    total_cents: int, start: date, end: date, first_day: date, last_day: date
) -> dict[date, int]:
    """The share of ``total_cents`` (spread evenly over the days of [start, end]) that
    falls in [first_day, last_day], by month (first day of the month). Months without a
    day of the overlap are absent; shares of adjacent periods add up exactly."""
    if end < start or total_cents == 0:
        return {}
    lo, hi = max(start, first_day), min(end, last_day)
    if hi < lo:
        return {}
    days = (end - start).days + 1
    out: dict[date, int] = {}
    seg = lo
    while seg <= hi:
        seg_end = min(month_end(seg), hi)
        before = (seg - start).days
        upto = (seg_end - start).days + 1
        share = _cum(total_cents, upto, days) - _cum(total_cents, before, days)
        if share:
            out[month_start(seg)] = out.get(month_start(seg), 0) + share
        seg = seg_end + timedelta(days=1)
    return out


def spread_over_year_months(
    total_cents: int, year: int, first_day: date, last_day: date
) -> dict[date, int]:
    """``total_cents`` in 12 equal monthly shares of ``year`` (cumulative rounding); a
    month only partly in [first_day, last_day] counts for its days in it."""
    out: dict[date, int] = {}
    for m in range(1, 13):
        share = _cum(total_cents, m, 12) - _cum(total_cents, m - 1, 12)
        first = date(year, m, 1)
        for month, part in spread_by_day(
            share, first, month_end(first), first_day, last_day
        ).items():
            out[month] = out.get(month, 0) + part
    return out


def depreciation_span(start: date, years: int) -> tuple[date, date]:
    """The days over which a value depreciated straight-line over ``years`` is spread."""
    return start, add_years(start, years) - timedelta(days=1)


def ratio_bp(numerator: int, denominator: int) -> int | None:
    """numerator ÷ denominator in basis points (10000 = 100 %), None when undefined."""
    if denominator <= 0:
        return None
    return _cum(numerator, 10000, denominator)
