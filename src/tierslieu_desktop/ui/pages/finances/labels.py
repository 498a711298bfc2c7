"""Translated names of the finance codes (sectors, funder levels, grant natures, cost and
revenue categories…) and the small helpers the finance tabs share."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def sector_names() -> dict[str, str]:
    return {
        "public": QCoreApplication.translate("FinanceLabels", "Public"),
        "private": QCoreApplication.translate("FinanceLabels", "Private"),
    }


def level_names() -> dict[str, str]:
    return {
        "commune": QCoreApplication.translate("FinanceLabels", "Municipality"),
        "epci": QCoreApplication.translate("FinanceLabels", "Intermunicipality (EPCI)"),
        "departement": QCoreApplication.translate("FinanceLabels", "Department"),
        "region": QCoreApplication.translate("FinanceLabels", "Region"),
        "etat": QCoreApplication.translate("FinanceLabels", "State"),
        "ue": QCoreApplication.translate("FinanceLabels", "European Union"),
        "social": QCoreApplication.translate("FinanceLabels", "Social bodies (CAF…)"),
        "employment": QCoreApplication.translate("FinanceLabels", "Employment (France Travail…)"),
        "foundation": QCoreApplication.translate("FinanceLabels", "Foundation"),
        "company": QCoreApplication.translate("FinanceLabels", "Company"),
        "individual": QCoreApplication.translate("FinanceLabels", "Individuals"),
        "other": QCoreApplication.translate("FinanceLabels", "Other"),
        "volunteering": QCoreApplication.translate("FinanceLabels", "Volunteering"),
    }


def nature_names() -> dict[str, str]:
    return {
        "operating": QCoreApplication.translate("FinanceLabels", "Operating"),
        "investment": QCoreApplication.translate("FinanceLabels", "Investment"),
        "donation": QCoreApplication.translate("FinanceLabels", "Donation"),
    }


def report_status_names() -> dict[str, str]:
    return {
        "none": QCoreApplication.translate("FinanceLabels", "No report"),
        "todo": QCoreApplication.translate("FinanceLabels", "To write"),
        "sent": QCoreApplication.translate("FinanceLabels", "Sent"),
        "accepted": QCoreApplication.translate("FinanceLabels", "Accepted"),
    }


def in_kind_names() -> dict[str, str]:
    return {
        "premises": QCoreApplication.translate("FinanceLabels", "Premises"),
        "staff": QCoreApplication.translate("FinanceLabels", "Staff made available"),
        "goods": QCoreApplication.translate("FinanceLabels", "Goods"),
        "services": QCoreApplication.translate("FinanceLabels", "Services"),
        "volunteering": QCoreApplication.translate("FinanceLabels", "Volunteering"),
    }


def expense_category_names() -> dict[str, str]:
    return {
        "staff": QCoreApplication.translate("FinanceLabels", "Staff"),
        "consumables": QCoreApplication.translate("FinanceLabels", "Consumables"),
        "maintenance": QCoreApplication.translate("FinanceLabels", "Maintenance"),
        "rent": QCoreApplication.translate("FinanceLabels", "Rent"),
        "energy": QCoreApplication.translate("FinanceLabels", "Energy"),
        "depreciation": QCoreApplication.translate("FinanceLabels", "Depreciation"),
        "other": QCoreApplication.translate("FinanceLabels", "Other costs"),
        "in_kind": QCoreApplication.translate("FinanceLabels", "In-kind contributions"),
    }


def activity_names() -> dict[str, str]:
    return {
        "fablab": QCoreApplication.translate("FinanceLabels", "Fablab"),
        "coworking": QCoreApplication.translate("FinanceLabels", "Coworking"),
        "cyberbase": QCoreApplication.translate("FinanceLabels", "Digital public space"),
        "general": QCoreApplication.translate("FinanceLabels", "General"),
    }


def expense_payment_method_names() -> dict[str, str]:
    """How an expense was paid (domain.finance.EXPENSE_PAYMENT_METHODS)."""
    return {
        "transfer": QCoreApplication.translate("FinanceLabels", "Bank transfer"),
        "card": QCoreApplication.translate("FinanceLabels", "Card"),
        "cheque": QCoreApplication.translate("FinanceLabels", "Cheque"),
        "cash": QCoreApplication.translate("FinanceLabels", "Cash"),
        "direct_debit": QCoreApplication.translate("FinanceLabels", "Direct debit"),
    }


def own_category_names() -> dict[str, str]:
    return {
        "services": QCoreApplication.translate("FinanceLabels", "Services (706)"),
        "sales": QCoreApplication.translate("FinanceLabels", "Sales (707)"),
        "memberships": QCoreApplication.translate("FinanceLabels", "Memberships (756)"),
        "other": QCoreApplication.translate("FinanceLabels", "Other revenue (708)"),
    }


def budget_category_names(side: str) -> dict[str, str]:
    """Categories of a budget line: revenue = own categories and funding; expense = costs."""
    if side == "revenue":
        names = dict(own_category_names())
        names.update(
            {
                "public": QCoreApplication.translate("FinanceLabels", "Public funding"),
                "private": QCoreApplication.translate("FinanceLabels", "Private funding"),
            }
        )
        return names
    return expense_category_names()


def name_of(names: dict[str, str], code: str) -> str:
    return names.get(code, code)


def percent_bp(bp: int | None) -> str:
    """Basis points as a percentage: 4250 → "42,5 %"; None → "–"."""
    from decimal import Decimal

    from tierslieu_desktop.i18n.formatting import percent

    if bp is None:
        return "–"
    return percent(Decimal(bp) / 100, 1)


def account_kind_names() -> dict[str, str]:
    """The kinds of the chart-of-accounts keys (Finances › Accounts)."""
    return {
        "revenue": QCoreApplication.translate("FinanceLabels", "Revenue"),
        "grant": QCoreApplication.translate("FinanceLabels", "Grant"),
        "in_kind": QCoreApplication.translate("FinanceLabels", "In kind"),
        "expense": QCoreApplication.translate("FinanceLabels", "Cost"),
        "payment": QCoreApplication.translate("FinanceLabels", "Payment"),
    }


def account_key_names() -> dict[str, str]:
    """Words for the keys of the chart of accounts that are not a code of another list:
    what each revenue kind, payment method, tax and third party is."""
    return {
        "revenue:usage": QCoreApplication.translate("FinanceLabels", "Use of machines and spaces"),
        "revenue:pack": QCoreApplication.translate("FinanceLabels", "Packs of hours"),
        "revenue:training": QCoreApplication.translate("FinanceLabels", "Trainings and workshops"),
        "revenue:service": QCoreApplication.translate("FinanceLabels", "Services"),
        "revenue:free": QCoreApplication.translate(
            "FinanceLabels", "Free lines / sold at no price"
        ),
        "revenue:consumable": QCoreApplication.translate("FinanceLabels", "Consumables"),
        "revenue:sale": QCoreApplication.translate("FinanceLabels", "Goods sold"),
        "revenue:membership": QCoreApplication.translate("FinanceLabels", "Memberships"),
        "revenue:other": QCoreApplication.translate("FinanceLabels", "Other revenue"),
        "revenue:wallet": QCoreApplication.translate("FinanceLabels", "Spent from the wallet"),
        "revenue:wallet_topup": QCoreApplication.translate("FinanceLabels", "Wallet top-ups"),
        "grant:investment": QCoreApplication.translate(
            "FinanceLabels", "Investment (share of the year)"
        ),
        "in_kind:revenue": QCoreApplication.translate(
            "FinanceLabels", "In-kind contributions received"
        ),
        "in_kind:cost": QCoreApplication.translate("FinanceLabels", "In-kind contributions used"),
        "payment:cash": QCoreApplication.translate("FinanceLabels", "Cash"),
        "payment:card": QCoreApplication.translate(
            "FinanceLabels", "Card (until the bank credits it)"
        ),
        "payment:cheque": QCoreApplication.translate("FinanceLabels", "Cheque"),
        "payment:transfer": QCoreApplication.translate("FinanceLabels", "Bank transfer"),
        "payment:mandate": QCoreApplication.translate("FinanceLabels", "Administrative mandate"),
        "payment:pass_numerique": QCoreApplication.translate("FinanceLabels", "Pass numérique"),
        "payment:wallet": QCoreApplication.translate("FinanceLabels", "Wallet"),
        "vat:collected": QCoreApplication.translate("FinanceLabels", "VAT collected"),
        "grant:investment:fund": QCoreApplication.translate(
            "FinanceLabels", "Investment grants (decided)"
        ),
        "grant:investment:released": QCoreApplication.translate(
            "FinanceLabels", "Investment grants released to the result"
        ),
        "funders:public": QCoreApplication.translate(
            "FinanceLabels", "Public funders (grants receivable)"
        ),
        "funders:private": QCoreApplication.translate(
            "FinanceLabels", "Private funders (receivable)"
        ),
        "in_kind:premises:cost": QCoreApplication.translate(
            "FinanceLabels", "Premises made available (use)"
        ),
        "in_kind:premises:revenue": QCoreApplication.translate(
            "FinanceLabels", "Premises made available (source)"
        ),
        "in_kind:staff:cost": QCoreApplication.translate(
            "FinanceLabels", "Staff made available (use)"
        ),
        "in_kind:staff:revenue": QCoreApplication.translate(
            "FinanceLabels", "Staff made available (source)"
        ),
        "in_kind:services:cost": QCoreApplication.translate(
            "FinanceLabels", "Services in kind (use)"
        ),
        "in_kind:services:revenue": QCoreApplication.translate(
            "FinanceLabels", "Services in kind (source)"
        ),
        "in_kind:goods:cost": QCoreApplication.translate("FinanceLabels", "Goods given (use)"),
        "in_kind:goods:revenue": QCoreApplication.translate(
            "FinanceLabels", "Goods given (source)"
        ),
        "in_kind:volunteering:cost": QCoreApplication.translate(
            "FinanceLabels", "Volunteers (use)"
        ),
        "in_kind:volunteering:revenue": QCoreApplication.translate(
            "FinanceLabels", "Volunteering (source)"
        ),
        "suppliers": QCoreApplication.translate("FinanceLabels", "Suppliers"),
        "staff:payable": QCoreApplication.translate("FinanceLabels", "Salaries payable"),
        "asset:machine": QCoreApplication.translate("FinanceLabels", "Machines (fixed assets)"),
        "asset:computer": QCoreApplication.translate("FinanceLabels", "Computers (fixed assets)"),
        "asset:suppliers": QCoreApplication.translate("FinanceLabels", "Suppliers of fixed assets"),
        "depreciation:machine": QCoreApplication.translate(
            "FinanceLabels", "Accumulated depreciation of machines"
        ),
        "depreciation:computer": QCoreApplication.translate(
            "FinanceLabels", "Accumulated depreciation of computers"
        ),
        "depreciation:other": QCoreApplication.translate(
            "FinanceLabels", "Accumulated depreciation of other assets"
        ),
        "customers": QCoreApplication.translate("FinanceLabels", "Customers"),
        "vat:pending": QCoreApplication.translate("FinanceLabels", "VAT awaiting payment"),
        "receivable:voucher": QCoreApplication.translate(
            "FinanceLabels", "Pass numérique vouchers to be paid by their issuer"
        ),
        "opening:profit": QCoreApplication.translate(
            "FinanceLabels", "Retained earnings (credit balance)"
        ),
        "opening:loss": QCoreApplication.translate(
            "FinanceLabels", "Retained earnings (debit balance)"
        ),
        "bank": QCoreApplication.translate("FinanceLabels", "Bank account (deposits)"),
    }


def account_key_name(key: str) -> str:
    """A chart-of-accounts key in words: « Recette · Adhésions », « Paiement · Pass
    numérique », « TVA collectée »; an unknown key as it is."""
    kind, _, code = key.partition(":")
    words = account_key_names().get(key)
    if words is None and kind == "grant":
        words = level_names().get(code)
    elif words is None and kind == "expense":
        words = expense_category_names().get(code)
    if words is None:
        return key
    prefix = account_kind_names().get(kind)
    return f"{prefix} · {words}" if prefix and code else words
