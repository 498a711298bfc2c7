"""English means English: the pricing engine's reasons (written in French for the
usage and the invoice) worded in English on screen, locale percentages and colons,
plural forms instead of "(s)" and no bracketed gender in either language."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication

from tierslieu_desktop.app import install_translators
from tierslieu_desktop.i18n import formatting

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import i18n  # noqa: E402

BRACKETED = re.compile(r"\w\((s|e|es|x|ne|le)\)")


@pytest.fixture
def english(qapp):
    translators = install_translators(qapp, "en")
    yield
    for t in translators:
        qapp.removeTranslator(t)
    formatting.set_language("fr")


@pytest.fixture
def french(qapp):
    translators = install_translators(qapp, "fr")
    yield
    for t in translators:
        qapp.removeTranslator(t)


def test_price_reasons_in_english(english):
    from tierslieu_desktop.ui.widgets.priced_lines import explanation

    stored = (
        "tarif Demandeurs d'emploi adhérent, au quart d'heure entamé, réduction Bénévole 12,5 %"
    )
    assert explanation(SimpleNamespace(reasons=stored)) == (
        "Demandeurs d'emploi member price, per started quarter of an hour, Bénévole reduction 12.5%"
    )
    live = ("tarif tous publics", "3 h gratuites du mois (reste 1 h 30)", "hors grille")
    assert explanation(SimpleNamespace(reasons=live)) == (
        "all-publics price, 3 h free this month (1 h 30 left), hors grille"
    )


def test_price_reasons_stay_as_written_in_french(french):
    from tierslieu_desktop.ui.widgets.priced_lines import explanation

    stored = "tarif adhérent, réduction 10 %"
    assert explanation(SimpleNamespace(reasons=stored)) == stored


def test_percent_and_colon_follow_the_language(english):
    assert formatting.percent(38) == "38%"
    assert formatting.colon() == ":"
    formatting.set_language("fr")
    assert formatting.percent(38) == "38\u202f%"
    assert formatting.colon() == " :"


def test_counts_use_plural_forms_in_both_languages(qapp, english):
    tr = QCoreApplication.translate
    assert tr("MonthlyTab", "%Ln invoices issued.", "", 1) == "1 invoice issued."
    assert tr("MonthlyTab", "%Ln invoices issued.", "", 3) == "3 invoices issued."
    for t in install_translators(qapp, "en"):
        qapp.removeTranslator(t)
    translators = install_translators(qapp, "fr")
    try:
        assert tr("UnpaidTab", "%Ln unpaid, {amount} to collect", "", 1).startswith(
            "1 facture impayée,"
        )
        assert tr("UnpaidTab", "%Ln unpaid, {amount} to collect", "", 3).startswith(
            "3 factures impayées,"
        )
    finally:
        for t in translators:
            qapp.removeTranslator(t)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_bracketed_plural_or_gender_in_the_translations(lang):
    """Neither "(s)" nor "(e)" in a source string or a translation: a count has plural
    forms (%n), a person is worded without a gender."""
    ts = i18n.ts_path(lang)
    wrong = []
    plurals = i18n.numerus_forms(ts)
    for context, source, text in i18n.messages(ts):
        forms = plurals.get((context, source), [text or ""])
        wrong += [(context, s) for s in (source, *forms) if BRACKETED.search(s or "")]
    assert wrong == []


def test_every_counted_string_has_its_english_plural_forms():
    fr = i18n.numerus_forms(i18n.ts_path("fr"))
    en = i18n.numerus_forms(i18n.ts_path("en"))
    assert set(fr) == set(en)
    for key, forms in en.items():
        assert len(forms) == 2 and forms[0] != forms[1], key
        assert len(fr[key]) == 2 and fr[key][0] != fr[key][1], key


# Words an English screen never says, whatever the data: a service's or a widget's French
# left untranslated, bracketed plurals, French spacing before "%", ISO dates.
FRENCH_WORDS = re.compile(
    r"\b(tarif|adhérents?|séances?|réduction|entamée?|impayées?|encaisser|tous publics|"
    r"aucun|HT|TTC|réservée|annulée|en retard|bientôt|Paramètres|Enregistrer|Annuler|"
    r"Rechercher|Fermer|Supprimer|passages?|reste)\b|\w\((s|e)\)|\d %|\d{4}-\d\d-\d\d",
    re.IGNORECASE,
)
# The demo's own data, French on any screen (names of a space, an operator, an account
# label of the French chart of accounts), and words English writes the same way.
DATA_OR_SAME = {
    "Salle de réunion",
    "Accueil",
    "Ventes de marchandises",
    "Mise à disposition gratuite de biens",
    "Type",
    "Commune",
    "Nature",
    "Structure",
    "E-mail",  # the national theme, English too (Activité › Chiffres by theme)
}


def french_left(texts: list[str]) -> list[str]:
    french = {t for _c, s, t in i18n.messages(i18n.ts_path("fr")) if t and t != s and len(t) > 3}
    return sorted(
        {t for t in texts if t not in DATA_OR_SAME and (t in french or FRENCH_WORDS.search(t))}
    )


def test_the_french_word_list_catches_what_it_should():
    assert french_left(["2 passage(s)", "tarif adhérent", "38 %", "2026-03-31"]) == [
        "2 passage(s)",
        "2026-03-31",
        "38 %",
        "tarif adhérent",
    ]
    assert french_left(["€12.00, member price", "38%", "31/03/2026", "Accueil"]) == []


def test_no_french_on_any_english_page_or_tab(tmp_path, qtbot, english):
    """Every page and every tab of the window in English, filled with the demo: no text
    in French but the demo's own data."""
    from PySide6.QtWidgets import QTabWidget
    from shared_demo import small_demo_copy
    from test_i18n import visible_texts

    from tierslieu_desktop.app import build_main_window
    from tierslieu_desktop.db.engine import open_database
    from tierslieu_desktop.ui.background import wait_for_reads

    path = tmp_path / "demo.sqlite"
    small_demo_copy(path)
    db = open_database(str(path))
    try:
        _ctx, window = build_main_window(db, "en")
        qtbot.addWidget(window)
        window.show()
        found: dict[str, list[str]] = {}
        for key in ("home", "members", "machines", "bookings", "activity", "checkout",
                    "finances", "reports", "settings"):  # fmt: skip
            page = window.show_page(key)
            texts = visible_texts(page)
            for tabs in page.findChildren(QTabWidget):
                for i in range(tabs.count()):
                    tabs.setCurrentIndex(i)
                    wait_for_reads()
                    qtbot.wait(1)
                    texts += visible_texts(page)
            if left := french_left(texts):
                found[key] = left
        assert found == {}
    finally:
        wait_for_reads()
        db.dispose()


def test_quantities_of_the_engine_in_english(english):
    from tierslieu_desktop.ui.widgets.priced_lines import quantity_words

    assert quantity_words("2 plaques") == "2 sheets"
    assert quantity_words("12\u202f500 points") == "12,500 stitches"
    assert quantity_words("1,5 plaque") == "1.5 sheet"
    assert quantity_words("1 h 15") == "1 h 15"  # a duration stays
    assert quantity_words("125 g") == "125 g"
    formatting.set_language("fr")
    assert quantity_words("2 plaques") == "2 plaques"
