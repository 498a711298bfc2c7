"""The lab's own lists of communes (issue 16, point 4): the ZRR / FRR and QPV communes of
its territory typed in Paramètres › Structure, recognised as INSEE codes."""

from __future__ import annotations

import pytest

from tierslieu_desktop.domain.communes import Commune, CommuneIndex, parse_commune_list
from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.services.people import structure
from tierslieu_desktop.services.people.communes import communes_text, resolve_communes
from tierslieu_desktop.services.people.structure import StructureData

FIGEAC, GRAMAT, SAINT_CERE, SAINT_LAURENT = "46102", "46128", "46251", "46273"

TINY = CommuneIndex(
    [
        Commune("46102", "Figeac", ("46100",), "46", "1", "CC Grand-Figeac"),
        Commune("46251", "Saint-Céré", ("46400",), "46", "2", "Cauvaldor"),
        Commune("01001", "Beaulieu", ("07460",), "07", "3", "CC A"),
        Commune("01002", "Beaulieu", ("15270",), "15", "4", "CC B"),
        Commune("2A004", "Ajaccio", ("20000",), "2A", "5", "CA Ajaccio"),
    ]
)


def test_codes_names_and_postcodes_on_lines_or_separated_by_commas():
    found = parse_commune_list(
        "46102\nSt Céré, 2a004 ; Beaulieu 15270\n\n\tfigeac\n",
        TINY,
    )
    assert found.codes == ("01002", "2A004", "46102", "46251")  # Figeac once
    assert found.unknown == ()


def test_an_entry_not_recognised_is_named_with_its_line():
    found = parse_commune_list("Figeac\nBeaulieu\nFigeak; Saint-Céré\n99999", TINY)
    assert found.codes == (FIGEAC, SAINT_CERE)
    # Beaulieu: two communes bear the name and no postcode says which
    assert found.unknown == ((2, "Beaulieu"), (3, "Figeak"), (4, "99999"))


def test_a_spreadsheet_line_code_then_name_is_one_commune_and_a_code_must_fit_the_name():
    assert parse_commune_list("46102;Figeac\n46251\tSaint-Céré", TINY).unknown == ()
    # 46102 is Figeac's code, not Saint-Céré's: the name decides, as at the desk
    assert parse_commune_list("Saint-Céré (46102)", TINY).codes == (SAINT_CERE,)
    assert parse_commune_list("Figeac (46102)", TINY).codes == (FIGEAC,)


def test_the_shipped_communes_read_a_pasted_list_and_show_it_back_by_name():
    found = resolve_communes("Gramat 46500\nSaint-Céré\n46273, Figeac")
    assert found.codes == (FIGEAC, GRAMAT, SAINT_CERE, SAINT_LAURENT)
    shown = communes_text(" ".join(found.codes))
    assert shown.splitlines() == [
        "Figeac (46102)",
        "Gramat (46128)",
        "Saint-Céré (46251)",
        "Saint-Laurent-les-Tours (46273)",
    ]
    assert resolve_communes(shown).codes == found.codes  # what is shown reads back the same
    assert resolve_communes(" ".join(found.codes)).codes == found.codes  # the stored form


def test_the_structure_stores_insee_codes_and_refuses_an_unknown_commune(db):
    data = StructureData(name="Fablab", zrr_communes="Saint-Céré\nGramat", qpv_communes="")
    structure.save_structure(db, None, data)
    saved = structure.get_structure(db)
    assert (saved.zrr_communes, saved.qpv_communes) == (f"{GRAMAT} {SAINT_CERE}", "")
    with pytest.raises(ValidationError) as err:
        structure.save_structure(db, None, StructureData(name="Fablab", qpv_communes="Figeak"))
    assert err.value.fields == {"qpv_communes": "communes_unknown"}
    assert structure.get_structure(db).zrr_communes == f"{GRAMAT} {SAINT_CERE}"  # kept


def test_the_saved_communes_are_named_without_reading_the_whole_list_into_memory():
    """Paramètres shows the lab's saved communes by name: a few lines looked up, not the
    index of the 35,000 communes built (about 20 MB kept for the session)."""
    from tierslieu_desktop.services.people import communes

    communes.commune_index.cache_clear()
    assert communes_text("46102 46268") == "Figeac (46102)\nSaint Géry-Vers (46268)"
    assert communes.commune_index.cache_info().currsize == 0
    assert communes_text("46102 99999") == "99999\nFigeac (46102)"  # an unknown code alone
