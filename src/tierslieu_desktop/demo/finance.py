"""Funders, grants, in-kind contributions, expenses, depreciation, the budget and the
report texts of the demo.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import insert, select, update

from tierslieu_desktop.db.models import (
    BudgetLine,
    Expense,
    Funder,
    Grant,
    GrantMachine,
    GrantPayment,
    InKindContribution,
    Machine,
    ReportText,
)
from tierslieu_desktop.demo import data_finance
from tierslieu_desktop.demo.common import REFERENCE_DATE, add_months
from tierslieu_desktop.demo.people_park import Builder


class Funding:
    """Funders and grants of the fablab over three years (2024-2026), in-kind
    contributions, monthly expenses, machine depreciation, the 2026 budget, report
    due dates (one within 30 days of REFERENCE_DATE) and the 2025 report texts. The
    same few hundred rows in both sizes; random draws from the builder's generator."""

    def __init__(self, b: Builder) -> None:
        self.b = b
        self.s = b.s
        self.rng = random.Random(b.rng.random())

    def run(self) -> None:
        funders = self.funders()
        self.grants(funders)
        self.in_kind(funders)
        self.expenses()
        self.depreciation()
        for side, category, euros in data_finance.BUDGET_2026:
            self.s.add(
                BudgetLine(year=2026, side=side, category=category, amount_cents=euros * 100)
            )
        for section, text in data_finance.REPORT_TEXTS_2025.items():
            self.s.add(ReportText(year=2025, section=section, text=text))
        self.s.flush()

    def funders(self) -> dict[str, int]:
        ids: dict[str, int] = {}
        for name, sector, level, contact in data_finance.FUNDERS:
            f = Funder(name=name, sector=sector, level=level, contact=contact, **self.b.setup_stamp)
            self.s.add(f)
            self.s.flush()
            ids[name] = f.id
        return ids

    def grants(self, funders: dict[str, int]) -> None:
        for (
            funder,
            purpose,
            nature,
            start,
            end,
            requested,
            granted,
            granted_on,
            payments,
            report_due,
            status,
            actions,
        ) in data_finance.GRANTS:
            if report_due is None and nature != "donation":
                report_due = REFERENCE_DATE + timedelta(days=18)
            requested_on = start - timedelta(days=75 + self.rng.randint(0, 40))
            g = Grant(
                funder_id=funders[funder],
                purpose=purpose,
                nature=nature,
                period_start=start,
                period_end=end,
                requested_cents=requested * 100,
                requested_on=requested_on,
                granted_cents=granted * 100,
                granted_on=granted_on,
                actions=actions,
                planned_budget_json=_planned_budget(requested * 100, nature),
                report_due=report_due,
                report_status=status,
                **self.b.stamp_at(min(granted_on, REFERENCE_DATE)),
            )
            self.s.add(g)
            self.s.flush()
            for day, euros in payments:
                if day <= REFERENCE_DATE:
                    self.s.add(
                        GrantPayment(
                            grant_id=g.id, received_on=day, amount_cents=euros * 100, note=""
                        )
                    )
            for name in data_finance.GRANT_MACHINES.get(purpose, ()):
                self.s.add(GrantMachine(grant_id=g.id, machine_id=self.b.machines[name][0]))

    def in_kind(self, funders: dict[str, int]) -> None:
        for i, year in enumerate(data_finance.FUNDING_YEARS):
            for funder, kind, description, hours, euros in data_finance.IN_KIND:
                h = hours[i] if hours else None
                cents = (
                    euros * 100
                    if euros is not None
                    else (h or 0) * data_finance.VOLUNTEER_HOUR_CENTS
                )
                self.s.add(
                    InKindContribution(
                        funder_id=funders[funder] if funder else None,
                        year=year,
                        kind=kind,
                        description=description,
                        hours=h,
                        value_cents=cents,
                        **self.b.stamp_at(min(date(year, 12, 31), REFERENCE_DATE)),
                    )
                )

    def expenses(self) -> None:
        rng = self.rng
        rows: list[dict] = []
        first = date(data_finance.FUNDING_YEARS[0], 1, 1)
        month = first
        while month <= REFERENCE_DATE.replace(day=1) - timedelta(days=1):
            for category, activity, label, supplier, (low, high) in data_finance.MONTHLY_EXPENSES:
                if category == "energy":  # more in winter
                    winter = month.month in (1, 2, 3, 11, 12)
                    euros = (
                        rng.randint((low + high) // 2, high)
                        if winter
                        else rng.randint(low, (low + high) // 2)
                    )
                else:
                    euros = rng.randint(low, high)
                rows.append(
                    self.expense(
                        month.replace(day=28), category, activity, label, supplier, euros * 100
                    )
                )
            for (m, d), category, activity, label, supplier, euros in data_finance.YEARLY_EXPENSES:
                if month.month == m:
                    rows.append(
                        self.expense(
                            month.replace(day=d), category, activity, label, supplier, euros * 100
                        )
                    )
            for (m, d), name, label, supplier, euros in data_finance.MACHINE_CONTRACTS:
                if month.month == m:
                    row = self.expense(
                        month.replace(day=d),
                        "maintenance",
                        "fablab",
                        f"{label} — {name}",
                        supplier,
                        euros * 100,
                    )
                    row["machine_id"] = self.b.machines[name][0]
                    rows.append(row)
            if month.month % 3 == 0 or rng.random() < 0.25:
                name, label, (low, high) = rng.choice(data_finance.MAINTENANCE_MACHINES)
                day = month.replace(day=rng.randint(2, 26))
                row = self.expense(
                    day,
                    "maintenance",
                    "fablab",
                    f"{label} — {name}",
                    "",
                    rng.randint(low, high) * 100,
                )
                row["machine_id"] = self.b.machines[name][0]
                rows.append(row)
            month = add_months(month, 1)
        # The running costs of each year are the action the communauté de communes'
        # operating grant finances: its funder report shows them as "réalisé".
        operating = self.s.execute(
            select(Grant.id, Grant.period_start, Grant.period_end)
            .join(Funder, Funder.id == Grant.funder_id)
            .where(Funder.level == "epci", Grant.nature == "operating")
        ).all()
        for row in rows:
            if row["category"] in ("staff", "rent", "energy", "consumables"):
                for grant_id, start, end in operating:
                    if start <= row["day"] <= end:
                        row["grant_id"] = grant_id
                        break
        self.s.execute(insert(Expense), rows)

    def expense(
        self, day: date, category: str, activity: str, label: str, supplier: str, cents: int
    ) -> dict:
        return {
            "day": day,
            "category": category,
            "activity": activity,
            "amount_cents": cents,
            "label": label,
            "supplier": supplier,
            "machine_id": None,
            "grant_id": None,
            **_paid(category, day),
            **self.b.stamp_at(day),
        }

    def depreciation(self) -> None:
        for name, (machine_id, _category, _purchased) in self.b.machines.items():
            years = data_finance.DEPRECIATION_YEARS.get(
                name, data_finance.DEFAULT_DEPRECIATION_YEARS
            )
            self.s.execute(
                update(Machine).where(Machine.id == machine_id).values(depreciation_years=years)
            )


def _paid(category: str, day: date) -> dict:
    """How a demo expense was paid: the energy bills by direct debit 30 days later (the
    December bill in January: carried by the opening entry; the latest not paid yet),
    consumables by card, the rest by transfer on their day."""
    if category == "energy":
        paid_on = day + timedelta(days=30)
        return {
            "payment_day": paid_on if paid_on <= REFERENCE_DATE else None,
            "payment_method": "direct_debit",
        }
    method = "card" if category == "consumables" else "transfer"
    return {"payment_day": day, "payment_method": method}


def _planned_budget(requested_cents: int, nature: str) -> str:
    """The budget of the financed action as filed with the request (CERFA 15059
    categories): mostly staff, some purchases and services; the grant asked on the
    revenue side with the lab's own share."""
    import json

    if nature == "donation":
        return "{}"
    total = requested_cents * 10 // 7  # the grant covers about 70 % of the action
    charges = {"60": total * 15 // 100, "61": total * 10 // 100, "62": total * 10 // 100}
    charges["64"] = total - sum(charges.values())
    products = {"74": requested_cents, "70": total - requested_cents}
    return json.dumps({**charges, **products}, sort_keys=True)
