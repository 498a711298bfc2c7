"""French communes: a member's free-text commune matched to its INSEE code, its EPCI (the
communauté de communes) and the QPV / ZRR flags the funders ask for. Pure: the rows are
read by ``services.people.communes`` from the package data (``tierslieu_desktop/data``).

Matching (``CommuneIndex.match``): the typed name is normalised (``normalise``: accents,
case, "St"/"Ste" for Saint/Sainte, hyphens, apostrophes and spaces, a postcode or "cedex"
typed in the name); a name borne by one commune is that commune; a name borne by several
(some 1,480 names in France, e.g. seven "Saint-Laurent") is decided by the
postcode, then by the département of the postcode; a name borne by one commune is
refused when the postcode typed is in another département ("Saint-Cirq", 46300: not the
Saint-Cirq of Tarn-et-Garonne, most likely a Saint-Cirq-… of the Lot); otherwise the commune is not
identified (« non identifiée »), never guessed.

A lab's list of communes (the ZRR / FRR and QPV communes of its territory, Paramètres ›
Structure) is read by ``parse_commune_list``: INSEE codes or names, the entries not
recognised named with their line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_WORD_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
_SEPARATORS = re.compile(r"[\s\-'’‘`´_.,/()]+")
_NOISE = re.compile(r"\b(cedex|\d+)\b")


@dataclass(frozen=True, slots=True)  # 35,000 of them are kept in memory
class Commune:
    insee: str  # code officiel géographique (5 characters, "2A004" in Corsica)
    name: str
    postcodes: tuple[str, ...]
    departement: str
    epci_siren: str  # "" for the few communes in no EPCI (islands)
    epci_name: str


def normalise(name: str) -> str:
    """``name`` as compared: no accents, lower case, words separated by one space,
    "st"/"ste" read as "saint"/"sainte", a postcode or "cedex" left out.
    ``normalise("St-Céré")`` == ``normalise("SAINT CERE 46400")`` == "saint cere"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("œ", "oe").replace("æ", "ae")
    text = _NOISE.sub(" ", _SEPARATORS.sub(" ", text))
    words = [_WORD_ABBREVIATIONS.get(w, w) for w in text.split()]
    return " ".join(words)


def departement_of_postcode(postcode: str) -> str:
    """The département a postcode is in, as the COG writes it ("46", "2A", "971"); "" when
    the postcode is not five digits. (Corsica's 20xxx: "2A" below 20200, "2B" above.)"""
    code = postcode.strip()
    if len(code) != 5 or not code.isdigit():
        return ""
    if code.startswith("20"):
        return "2A" if int(code) < 20200 else "2B"
    if code.startswith("97"):
        return code[:3]
    return code[:2]


class CommuneIndex:
    """The communes by normalised name, for matching typed communes."""

    def __init__(self, communes: Iterable[Commune]) -> None:
        self._by_name: dict[str, list[Commune]] = {}
        self._by_insee: dict[str, Commune] = {}
        for c in communes:
            self._by_name.setdefault(normalise(c.name), []).append(c)
            self._by_insee[c.insee] = c

    def __len__(self) -> int:
        return len(self._by_insee)

    def get(self, insee: str) -> Commune | None:
        return self._by_insee.get(insee)

    def match(self, city: str, postcode: str = "") -> Commune | None:
        """The commune typed as ``city`` (with the member's ``postcode``), or None when no
        commune bears that name or the postcode does not tell which one it is."""
        candidates = self._by_name.get(normalise(city), [])
        code = postcode.strip()
        dep = departement_of_postcode(code)
        if len(candidates) <= 1:
            only = candidates[0] if candidates else None
            if only is None or (dep and only.departement != dep and code not in only.postcodes):
                return None
            return only
        by_postcode = [c for c in candidates if code and code in c.postcodes]
        if len(by_postcode) == 1:
            return by_postcode[0]
        by_dep = [c for c in candidates if dep and c.departement == dep]
        return by_dep[0] if len(by_dep) == 1 else None


# --- a list of communes typed or pasted by the lab (ZRR / FRR, QPV) -----------------------

_ENTRY_SEPARATORS = re.compile(r"[,;\t]")
# An INSEE code (five digits, or 2A/2B and three digits in Corsica) or a postcode.
_CODE = re.compile(r"(?<![0-9A-Za-z])(\d{5}|2[ABab]\d{3})(?![0-9A-Za-z])")


@dataclass(frozen=True)
class CommuneList:
    """The communes recognised in a typed list, and the entries that were not."""

    codes: tuple[str, ...]  # INSEE codes, sorted, each once
    unknown: tuple[tuple[int, str], ...]  # (line number from 1, entry as typed)


def resolve_entry(entry: str, index: CommuneIndex) -> Commune | None:
    """One entry of a list: an INSEE code ("46102", "2A004"), a name ("Figeac",
    "St-Céré"), a name with its postcode ("Saint-Laurent-les-Tours 46400") or with its
    INSEE code ("Figeac (46102)", as the list is shown once saved). A code alone is an
    INSEE code, never a postcode (a postcode is shared by several communes)."""
    codes = _CODE.findall(entry)
    name = _CODE.sub(" ", entry).strip(" \t()[]-–:")
    for code in codes:
        found = index.get(code.upper())
        if found is not None and (not name or normalise(found.name) == normalise(name)):
            return found
    if not name or not normalise(name):
        return None
    return index.match(name, codes[0] if codes else "")


def parse_commune_list(text: str, index: CommuneIndex) -> CommuneList:
    """The communes of ``text``: one a line or separated by commas, semicolons or tabs
    (a line "46102;Figeac" copied from a spreadsheet is one commune: a name following a
    code of the same commune is not counted again); INSEE codes may also be separated by
    spaces (the stored form). An entry not recognised is named with its line."""
    codes: set[str] = set()
    unknown: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        previous: Commune | None = None
        for raw in _ENTRY_SEPARATORS.split(line):
            entry = raw.strip()
            if not entry:
                continue
            if previous is not None and normalise(entry) == normalise(previous.name):
                continue  # the name of the commune whose code came just before
            # codes only ("46102 46268", as stored): each one a commune
            parts = [entry] if _CODE.sub("", entry).strip() else _CODE.findall(entry)
            for part in parts:
                found = resolve_entry(part, index)
                if found is None:
                    unknown.append((number, part))
                else:
                    codes.add(found.insee)
                previous = found
    return CommuneList(codes=tuple(sorted(codes)), unknown=tuple(unknown))
