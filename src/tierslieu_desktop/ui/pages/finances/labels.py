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

    from tierslieu_desktop.i18n.formatting import number

    if bp is None:
        return "–"
    return f"{number(Decimal(bp) / 100, 1)}\u202f%"
