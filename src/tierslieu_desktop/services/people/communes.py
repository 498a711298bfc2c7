"""The French communes shipped with the application (offline), and the structure's
communauté de communes.

``tierslieu_desktop/data/communes.csv.gz``: every current commune (COG 2026) with its
INSEE code, name, postcodes, département and EPCI à fiscalité propre (SIREN and name),
derived from ``@etalab/decoupage-administratif`` 6.0.0 (millésime 2026: INSEE's COG, the
DGCL's EPCI composition, La Poste's postcodes; MIT licence), see the README's data list.
``zrr.csv`` and ``qpv_communes.csv``: INSEE codes of the communes classified in a zone de
revitalisation rurale and of the communes containing a quartier prioritaire de la
politique de la ville; one code a line, lines starting with "#" are comments (source and
date). They are shipped empty (the official lists are not reachable offline): the lab
types the communes of its territory in Paramètres › Structure (``Structure.zrr_communes``
and ``qpv_communes``, INSEE codes), and the indicators use the union of both lists
(``union_codes``). The annual report flags the users living
in them.

The structure's EPCI is the one of its commune (Paramètres › Structure: commune and
postcode), matched like a member's.
"""

from __future__ import annotations

import gzip
import io
from functools import lru_cache
from importlib import resources

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Structure
from tierslieu_desktop.domain.communes import (
    Commune,
    CommuneIndex,
    CommuneList,
    normalise,
    parse_commune_list,
)

DATA = "data"


def _data(name: str) -> bytes:
    return resources.files("tierslieu_desktop").joinpath(DATA, name).read_bytes()


@lru_cache(maxsize=1)
def commune_index() -> CommuneIndex:
    """Every current French commune (read once, then kept: about 35,000 rows). The
    strings shared by many communes (département, EPCI) are kept once each."""
    text = gzip.decompress(_data("communes.csv.gz")).decode("utf-8")
    lines = iter(text.splitlines())
    columns = next(lines).split(";")
    at = {name: i for i, name in enumerate(columns)}
    shared: dict[str, str] = {}
    communes = []
    for line in lines:
        r = line.split(";")
        communes.append(
            Commune(
                insee=r[at["insee"]],
                name=r[at["nom"]],
                postcodes=tuple(r[at["codes_postaux"]].split()),
                departement=shared.setdefault(r[at["departement"]], r[at["departement"]]),
                epci_siren=shared.setdefault(r[at["epci_siren"]], r[at["epci_siren"]]),
                epci_name=shared.setdefault(r[at["epci_nom"]], r[at["epci_nom"]]),
            )
        )
    del text, lines
    return CommuneIndex(communes)


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
    with db.read() as session:  # not through people.structure, which uses this module
        s = session.get(Structure, 1)
        city, postcode = (s.city, s.postcode) if s is not None else ("", "")
    return commune_index().match(city, postcode)


def resolve_communes(text: str) -> CommuneList:
    """The communes of a list typed or pasted by the lab (INSEE codes or names, one a line
    or separated by commas or semicolons), see ``domain.communes.parse_commune_list``."""
    if not text.strip():  # no need to read the 35,000 communes
        return CommuneList(codes=(), unknown=())
    return parse_commune_list(text, commune_index())


def communes_text(codes: str) -> str:
    """Stored INSEE codes ("46102 46268") as shown in the field: one "Name (code)" a
    line, in the order of the names (a code no longer in the COG is shown alone)."""
    if not codes.split():
        return ""
    names = _names_of(frozenset(codes.split()))
    lines = []
    for code in codes.split():
        name = names.get(code)
        lines.append((normalise(name), f"{name} ({code})") if name else (code, code))
    return "\n".join(text for _, text in sorted(lines))


def _names_of(codes: frozenset[str]) -> dict[str, str]:
    """INSEE code → name of a few communes, read from the list without building the
    index of the 35,000 (the settings show the lab's saved communes by name)."""
    if commune_index.cache_info().currsize:  # already read: use it
        index = commune_index()
        return {c: found.name for c in codes if (found := index.get(c)) is not None}
    wanted = {code.encode("ascii", "replace") for code in codes}
    out: dict[str, str] = {}
    with gzip.GzipFile(fileobj=io.BytesIO(_data("communes.csv.gz"))) as lines:
        for line in lines:  # streamed: never the whole list in memory
            code, _sep, rest = line.partition(b";")
            if code in wanted:
                out[code.decode("ascii")] = rest.partition(b";")[0].decode("utf-8")
    return out


def union_codes(shipped: frozenset[str], lab_codes: str | None) -> frozenset[str]:
    """The shipped list and the lab's list (stored INSEE codes, space-separated)."""
    return shipped | frozenset((lab_codes or "").split())
