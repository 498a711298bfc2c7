"""The French communes shipped with the application (offline), and the structure's
communauté de communes.

``tierslieu_desktop/data/communes.csv.gz``: every current commune (COG 2026) with its
INSEE code, name, postcodes, département and EPCI à fiscalité propre (SIREN and name),
derived from ``@etalab/decoupage-administratif`` 6.0.0 (millésime 2026: INSEE's COG, the
DGCL's EPCI composition, La Poste's postcodes; MIT licence), see the README's data list.
``zrr.csv`` and ``qpv_communes.csv``: INSEE codes of the communes classified in a zone de
revitalisation rurale and of the communes containing a quartier prioritaire de la
politique de la ville; one code a line, lines starting with "#" are comments (source and
date). The annual report flags the users living in them.

The structure's EPCI is the one of its commune (Paramètres › Structure: commune and
postcode), matched like a member's.
"""

from __future__ import annotations

import csv
import gzip
import io
from functools import lru_cache
from importlib import resources

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.domain.communes import Commune, CommuneIndex

DATA = "data"


def _data(name: str) -> bytes:
    return resources.files("tierslieu_desktop").joinpath(DATA, name).read_bytes()


@lru_cache(maxsize=1)
def commune_index() -> CommuneIndex:
    """Every current French commune (read once, then kept: about 35,000 rows, 1 s)."""
    text = gzip.decompress(_data("communes.csv.gz")).decode("utf-8")
    rows = csv.DictReader(io.StringIO(text), delimiter=";")
    return CommuneIndex(
        Commune(
            insee=r["insee"],
            name=r["nom"],
            postcodes=tuple(r["codes_postaux"].split()),
            departement=r["departement"],
            epci_siren=r["epci_siren"],
            epci_name=r["epci_nom"],
        )
        for r in rows
    )


def _codes(name: str) -> frozenset[str]:
    lines = _data(name).decode("utf-8").splitlines()
    return frozenset(
        ln.split(";")[0].strip() for ln in lines if ln.strip() and not ln.startswith("#")
    )


@lru_cache(maxsize=1)
def zrr_communes() -> frozenset[str]:
    """INSEE codes of the communes classified ZRR (the shipped list, ``data/zrr.csv``)."""
    return _codes("zrr.csv")


@lru_cache(maxsize=1)
def qpv_communes() -> frozenset[str]:
    """INSEE codes of the communes containing a QPV (``data/qpv_communes.csv``)."""
    return _codes("qpv_communes.csv")


def structure_commune(db: Database) -> Commune | None:
    """The structure's commune (Paramètres › Structure), None when not identified."""
    from tierslieu_desktop.services.people.structure import get_structure

    s = get_structure(db)
    return commune_index().match(s.city, s.postcode)
