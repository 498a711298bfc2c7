"""The funder report of every demo grant (issue 16, point 3): its allocation key, the
annex texts, numeric objectives, the machines of the repair-café action and a planned
budget as filed with the request. Run last (``builder.build_demo``): the planned budget
is drawn around what the report computes (each line within about ±12 %, rounded to
100 €), balanced like a real request (charges = products, the own revenue line closing
it; in-kind 86 = 87)."""

from __future__ import annotations

import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Funder, Grant, GrantMachine, Machine
from tierslieu_desktop.demo.common import SessionDb
from tierslieu_desktop.domain.grant_budget import CHARGE, PRODUCT, SOURCE, USE

# funder level (and nature) -> (key, fixed share in basis points)
KEYS = {
    "epci": ("staff", None),  # the staff assigned to the running costs ÷ all staff
    "ue": ("fixed", 3500),
    "employment": ("fixed", 1200),
    "departement": ("fixed", 1500),
    "foundation": ("hours", None),  # the sewing and embroidery machines
    "company": ("fixed", 500),
}
REPAIR_MACHINES = ("Machine à coudre semi-professionnelle", "Brodeuse professionnelle")
TEXTS = {
    "epci": {
        "objectives": "Ouvrir le tiers-lieu au public cinq jours par semaine et en faire le "
        "lieu de référence du numérique sur le territoire.",
        "done": "Accueil du public du mardi au samedi, open lab le jeudi soir, médiation "
        "numérique à la cyber-base, accompagnement des porteurs de projets.",
        "publics": "Habitants de la communauté de communes, scolaires, demandeurs "
        "d'emploi, artisans et entreprises.",
        "partners": "Communes de Saint-Céré et de Bretenoux, collèges du secteur, France "
        "Travail, réseau des fablabs d'Occitanie.",
        "difficulties": "Un poste d'accueil à mi-temps seulement ; l'hiver, moins de "
        "visiteurs venant des communes éloignées.",
        "perspectives": "Ouvrir un créneau entreprises et augmenter la part des recettes propres.",
    },
    "ue": {
        "objectives": "Porter la médiation numérique dans les communes rurales éloignées "
        "du tiers-lieu.",
        "done": "Ateliers itinérants dans six communes, accueil de classes, formation de "
        "bénévoles relais.",
        "publics": "Habitants des petites communes, seniors, scolaires.",
        "partners": "GAL Figeac Quercy Vallée de la Dordogne, mairies d'accueil.",
        "difficulties": "Transport du matériel ; salles communales parfois mal équipées.",
        "perspectives": "Pérenniser trois points d'accueil relais.",
    },
    "employment": {
        "objectives": "Faire découvrir la fabrication numérique à des demandeurs d'emploi.",
        "done": "Sessions de cinq jours : CAO, impression 3D, découpe laser.",
        "publics": "Demandeurs d'emploi orientés par l'agence de Souillac.",
        "partners": "France Travail, entreprises de la Mécanic Vallée.",
        "difficulties": "Mobilité des stagiaires sans véhicule.",
        "perspectives": "Une session avancée pour les anciens stagiaires.",
    },
    "departement": {
        "objectives": "Ouvrir le fablab aux collégiens et aux publics éloignés du numérique.",
        "done": "Accueil de classes de collège, permanences d'aide numérique.",
        "publics": "Collégiens, personnes éloignées du numérique.",
        "partners": "Collèges de Saint-Céré et de Bretenoux.",
        "difficulties": "Calendrier scolaire chargé au printemps.",
        "perspectives": "Un projet de fabrication par collège.",
    },
    "foundation": {
        "objectives": "Un repair café mensuel et des ateliers couture ouverts à tous.",
        "done": "Repair café chaque mois, ateliers couture et broderie.",
        "publics": "Tous publics, dont des familles et des retraités.",
        "partners": "Fondation Quercy Solidaire, bénévoles du repair café.",
        "difficulties": "Peu de bénévoles réparateurs en semaine.",
        "perspectives": "Un atelier de réparation de vêtements avec l'école.",
    },
    "company": {
        "objectives": "Soutenir le prototypage des jeunes du territoire.",
        "done": "Accès aux machines pour des projets de lycéens et d'apprentis.",
        "publics": "Jeunes de 15 à 25 ans.",
        "partners": "Mécanique de précision de la Cère.",
        "difficulties": "",
        "perspectives": "Un concours de prototypes au printemps.",
    },
    "region": {
        "objectives": "Équiper le fablab d'une découpeuse laser et d'une fraiseuse CNC.",
        "done": "Acquisition et mise en service des deux machines, formation des animateurs.",
        "publics": "Adhérents du fablab, entreprises, scolaires.",
        "partners": "Région Occitanie.",
        "difficulties": "Délais de livraison de la découpeuse laser.",
        "perspectives": "Des formations habilitantes chaque mois.",
    },
}


def add_grant_reports(db: Database, session: Session, seed: int) -> None:
    """Keys, texts, objectives and planned budgets of every grant of the demo."""
    rng = random.Random(seed)
    sdb = SessionDb(db, session)
    machines = dict(session.execute(select(Machine.name, Machine.id)).all())
    grants = session.execute(
        select(Grant, Funder.level).join(Funder, Funder.id == Grant.funder_id).order_by(Grant.id)
    ).all()
    for g, level in grants:
        kind, fixed = KEYS.get(level, ("fixed", 1000))
        if g.nature != "investment":
            g.alloc_key, g.alloc_fixed_bp = kind, fixed
        if kind == "hours" and g.nature != "investment":
            for name in REPAIR_MACHINES:
                if name in machines:
                    session.add(GrantMachine(grant_id=g.id, machine_id=machines[name]))
        for section, text in TEXTS.get(level, {}).items():
            setattr(g, f"report_{section}", text)
    session.flush()
    from tierslieu_desktop.services.reporting.grant import grant_figures

    for g, _level in grants:
        f = grant_figures(sdb, g.id)
        g.target_users = _near(rng, f.users, 10)
        g.target_hours = _near(rng, f.minutes // 60, 50)
        g.target_sessions = _near(rng, f.usages, 50)
        g.planned_budget_json = _planned(rng, f.budget.lines, g.requested_cents)
    session.flush()


def _near(rng: random.Random, value: int, step: int) -> int | None:
    """An objective near ``value`` (±15 %), rounded to ``step``; None without activity."""
    if value <= 0:
        return None
    return max(step, round(value * rng.uniform(0.85, 1.15) / step) * step)


def _planned(rng: random.Random, lines: tuple, requested_cents: int) -> str:
    """A balanced planned budget around the actual lines (see the module docstring)."""
    import json

    planned: dict[str, int] = {}

    def near(cents: int) -> int:
        return max(0, round(cents * rng.uniform(0.88, 1.12) / 10000) * 10000)

    for line in lines:
        if line.own:
            planned[line.key] = requested_cents
        elif line.side in (CHARGE, PRODUCT, USE) and line.actual:
            planned[line.key] = near(line.actual)
    charges = sum(v for k, v in planned.items() if k[:1] in ("6", "2"))
    products = sum(v for k, v in planned.items() if k[:1] in ("7", "1"))
    if not any(k[:1] in ("2", "1") for k in planned):  # an operating action: balanced
        gap = charges - products
        if gap >= 0:
            planned["70"] = planned.get("70", 0) + gap
        else:  # more charges planned, in proportion, to the hundred euros
            keys = [k for k in planned if k[:1] == "6"] or ["64"]
            spread = 0
            for k in keys[:-1]:
                extra = -gap * planned.get(k, 0) // max(charges, 1) // 10000 * 10000
                planned[k] = planned.get(k, 0) + extra
                spread += extra
            planned[keys[-1]] = planned.get(keys[-1], 0) - gap - spread
    # in-kind: the same total on both sides, by contributor as in the actual lines
    uses = sum(v for k, v in planned.items() if k[:2] == "86")
    sources = [line for line in lines if line.side == SOURCE and line.actual]
    actual_sources = sum(line.actual for line in sources)
    given = 0
    for i, line in enumerate(sources):
        if i == len(sources) - 1:
            planned[line.key] = uses - given
        else:
            share = uses * line.actual // actual_sources // 100 * 100
            planned[line.key] = share
            given += share
    return json.dumps({k: v for k, v in planned.items() if v}, sort_keys=True)
