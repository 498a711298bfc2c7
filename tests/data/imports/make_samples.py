"""Writes the sample files of this folder (run it again after changing it:
``python tests/data/imports/make_samples.py``). Deterministic: the same bytes every time
(the XLSX files aside, whose zip dates openpyxl sets). See README.md for where each
shape comes from."""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent


def _write_csv(name: str, rows: list[list[str]], sep: str, encoding: str) -> None:
    text = "\r\n".join(sep.join(_quote(c, sep) for c in row) for row in rows) + "\r\n"
    (HERE / name).write_bytes(text.encode(encoding))


def _quote(cell: str, sep: str) -> str:
    if sep in cell or '"' in cell or "\n" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


def generic_cp1252() -> None:
    """A French Excel's "CSV (séparateur : point-virgule)": Windows-1252, ';'."""
    rows = [
        ["Nom", "Prénom", "Courriel", "Téléphone", "Date de naissance", "Code postal",
         "Ville", "Adresse", "Public", "Début adhésion", "Fin adhésion", "Cotisation"],
        ["Castagné", "Hélène", "helene.castagne@orange.fr", "06 12 34 56 78", "12/03/1984",
         "46100", "Figeac", "3 rue de l'Église", "Tout public", "01/09/2025", "31/08/2026", "15,00"],
        ["Delpech", "Séverine", "severine.delpech@laposte.net", "05 65 34 12 00", "02/11/1979",
         "46160", "Cajarc", "Le Bourg", "Demandeurs d'emploi", "15/09/2025", "", "5"],
        ["Bouyssou", "Raphaël", "", "0612345679", "1998-06-30", "46100", "Béduer", "",
         "Tout public", "", "", ""],
        ["Lacombe", "Zoé", "zoe.lacombe@free.fr", "", "", "46270", "Bagnac-sur-Célé",
         "12 avenue de la Gare", "", "01/10/2025", "30/09/2026", "15 €"],
        ["Fabrègues", "Noël", "noel.fabregues@gmail.com", "+33 6 11 22 33 44", "24/12/1960",
         "46100", "Figeac", "", "Tout public", "", "", ""],
    ]  # fmt: skip
    _write_csv("generic_cp1252_semicolon.csv", rows, ";", "cp1252")


HELLOASSO_HEADERS = [
    "Référence commande", "Date de la commande", "Statut de la commande", "Nom adhérent",
    "Prénom adhérent", "Nom payeur", "Prénom payeur", "Email payeur", "Raison sociale",
    "Moyen de paiement", "Tarif", "Montant tarif", "Code Promo", "Montant code promo",
    "Email", "Date de naissance", "Adresse", "Code postal", "Ville", "Téléphone",
]  # fmt: skip


def helloasso() -> None:
    """HelloAsso's "Export des adhésions": UTF-8 with BOM, ';', French decimals."""
    rows = [
        HELLOASSO_HEADERS,
        ["98765432", "14/09/2025 10:32", "Validé", "Castagné", "Lucie", "Castagné", "Lucie",
         "lucie.castagne@orange.fr", "", "Carte bancaire", "Adhésion individuelle", "15,00",
         "", "", "lucie.castagne@orange.fr", "08/05/1991", "5 place Carnot", "46100",
         "Figeac", "0612121212"],
        ["98765433", "15/09/2025 18:05", "Validé", "Marty", "Élodie", "Marty", "Jean",
         "jean.marty@wanadoo.fr", "", "Carte bancaire", "Adhésion jeune", "5,00", "", "",
         "elodie.marty@gmail.com", "17/02/2010", "", "46160", "Cajarc", ""],
        ["98765434", "02/10/2025 09:12", "Validé", "Garrigues", "Thomas", "Garrigues",
         "Thomas", "thomas.garrigues@proton.me", "", "Carte bancaire", "Adhésion solidaire",
         "Gratuit", "", "", "", "", "", "46100", "Figeac", "07 70 00 00 01"],
        ["98765435", "03/10/2025 14:47", "Remboursé", "Lacoste", "Benoît", "Lacoste", "Benoît",
         "benoit.lacoste@orange.fr", "", "Carte bancaire", "Adhésion individuelle", "15,00",
         "", "", "", "", "", "46160", "Cajarc", ""],
    ]  # fmt: skip
    _write_csv("helloasso_adhesions_utf8bom.csv", rows, ";", "utf-8-sig")


def paheko() -> None:
    """Paheko's members export: the default fields' labels, ',', UTF-8."""
    rows = [
        ["Numéro de membre", "Nom & prénom", "Adresse E-Mail", "Adresse postale",
         "Code postal", "Ville", "Pays", "Numéro de téléphone",
         "Inscription à la lettre d'information", "Année de naissance", "Date d'inscription"],
        ["1", "ROUQUETTE Amélie", "amelie.rouquette@orange.fr", "4, chemin des Pradines",
         "46100", "Figeac", "FR", "06 45 45 45 45", "Oui", "1975", "2019-03-02"],
        ["2", "Bach Pierre-Henri", "ph.bach@free.fr", "", "46320", "Assier", "FR", "", "Non",
         "1952", "2021-11-20"],
        ["3", "FAURIE Anaïs", "", "", "46100", "Figeac", "FR", "", "", "2001", "2024-01-15"],
    ]  # fmt: skip
    _write_csv("paheko_membres_comma.csv", rows, ",", "utf-8")


FABMANAGER_HEADERS = [
    "ID", "Nom", "Prénom", "Courriel", "Lettre d'informations", "Genre", "Âge", "Adresse",
    "Tel.", "Site web", "Profession", "Centres d'intérêts", "Logiciels de conception maîtrisés",
    "Groupe", "Abonnement", "Date de fin de l'abonnement", "Formations validées", "Étiquettes",
    "Nombre de factures", "Projets", "Facebook", "Twitter", "Echosciences", "Structure",
    "Adresse de la structure",
]  # fmt: skip


def fabmanager() -> None:
    """Fab Manager's members export (XLSX): the end of subscription as a date cell."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Membres"
    sheet.append(FABMANAGER_HEADERS)
    people = [
        (12, "Cabrol", "Mathéo", "matheo.cabrol@gmail.com", True, "Homme", 34,
         "7 rue Gambetta 46100 Figeac", "0601020304", "Tout public", "Adhésion annuelle",
         datetime(2026, 6, 30)),
        (15, "Vidal", "Inès", "ines.vidal@laposte.net", False, "Femme", 27, "",
         "0605060708", "Tout public", "Sans Abonnement", None),
        (18, "Soulié", "Gaëlle", "gaelle.soulie@orange.fr", True, "Femme", 45,
         "Mas de Cante 46160 Cajarc", "", "Demandeurs d'emploi", "Adhésion annuelle",
         datetime(2026, 1, 31)),
    ]  # fmt: skip
    for pid, last, first, email, news, gender, age, addr, phone, group, plan, end in people:
        sheet.append(
            [pid, last, first, email, news, gender, age, addr, phone, "", "", "", "", group,
             plan, end, "Découpe laser", "", 2, "", "", "", "", "", ""]
        )  # fmt: skip
        if end is not None:
            sheet.cell(sheet.max_row, 16).number_format = "dd/mm/yyyy"
    book.save(HERE / "fabmanager_membres.xlsx")


def generic_xlsx() -> None:
    """A lab's own spreadsheet: birth dates as date cells, the membership start as an
    Excel serial number (a date column formatted as a number), fees as numbers."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Adhérents"
    sheet.append(["NOM", "PRÉNOM", "E-MAIL", "CP", "COMMUNE", "DATE DE NAISSANCE",
                  "DÉBUT ADHÉSION", "COTISATION"])  # fmt: skip
    # 45915 and 45931: Excel's serial numbers of 15/09/2025 and 01/10/2025
    sheet.append(["Lafon", "Aurélien", "aurelien.lafon@gmail.com", "46100", "Figeac",
                  datetime(1988, 4, 2), 45915, 15])  # fmt: skip
    sheet.append(["Pélissié", "Léa", "lea.pelissie@orange.fr", "46160", "Cajarc",
                  datetime(2001, 12, 24), 45931, 10.5])  # fmt: skip
    for row in (2, 3):
        sheet.cell(row, 6).number_format = "dd/mm/yyyy"
    book.save(HERE / "generic_excel_dates.xlsx")


def duplicates() -> None:
    """Duplicates: lines 3 and 5 repeat line 2 (same e-mail; same name and birth year);
    line 6 is a member already in the base (tests add "CASTAGNÉ Lucie", born 1991)."""
    rows = [
        ["nom", "prenom", "email", "annee de naissance", "ville", "telephone"],
        ["Durand", "Camille", "camille.durand@gmail.com", "1990", "Figeac", ""],
        ["Durant", "Camille", "CAMILLE.DURAND@gmail.com", "1990", "Figeac", ""],
        ["Rigal", "Marc", "marc.rigal@orange.fr", "1970", "Capdenac", ""],
        ["DURAND", "camille", "", "1990", "", ""],
        ["castagne", "lucie", "", "1991", "Figeac", "06 99 88 77 66"],
        ["Rigal", "Marcelle", "", "", "Capdenac", ""],
    ]  # fmt: skip
    _write_csv("duplicates.csv", rows, ",", "utf-8")


def one_bad_line() -> None:
    """One bad line (line 4: an e-mail without its domain)."""
    rows = [
        ["Nom", "Prénom", "E-mail", "Code postal", "Ville"],
        ["Andrieu", "Paul", "paul.andrieu@orange.fr", "46100", "Figeac"],
        ["Bessières", "Jeanne", "jeanne.bessieres@free.fr", "46160", "Cajarc"],
        ["Castagné", "Lucie", "lucie@", "46100", "Figeac"],
        ["Delmas", "Hugo", "hugo.delmas@gmail.com", "46270", "Bagnac-sur-Célé"],
    ]  # fmt: skip
    _write_csv("one_bad_line.csv", rows, ";", "utf-8-sig")


LAST = ["Martin", "Bernard", "Castagné", "Delpech", "Lacombe", "Fabre", "Bouyssou", "Marty",
        "Vidal", "Soulié", "Cabrol", "Garrigues", "Rouquette", "Lafon", "Pélissié", "Andrieu",
        "Bessières", "Delmas", "Rigal", "Faurie", "Lacoste", "Malbec", "Couderc", "Teulière"]  # fmt: skip
FIRST = ["Lucie", "Hélène", "Noël", "Zoé", "Raphaël", "Inès", "Mathéo", "Gaëlle", "Léa",
         "Aurélien", "Élodie", "Thomas", "Camille", "Hugo", "Jeanne", "Paul", "Anaïs",
         "Jérôme", "Chloé", "Loïc", "Maëlys", "Timothée", "Agnès", "Benoît"]  # fmt: skip
TOWNS = [("46100", "Figeac"), ("46160", "Cajarc"), ("46270", "Bagnac-sur-Célé"),
         ("46320", "Assier"), ("12700", "Capdenac-Gare"), ("46100", "Béduer")]  # fmt: skip


def members_300() -> None:
    """300 members of a lab's spreadsheet (UTF-8 with BOM, ';'), each with a 15 €
    membership: the README's « 300 imported members »."""
    rng = random.Random(18)
    rows = [["Nom", "Prénom", "E-mail", "Téléphone", "Année de naissance", "Code postal",
             "Commune", "Début adhésion", "Cotisation"]]  # fmt: skip
    used: set[tuple[str, str]] = set()
    while len(rows) <= 300:
        last, first = rng.choice(LAST), rng.choice(FIRST)
        n = len(rows)
        postcode, town = rng.choice(TOWNS)
        if (last, first) in used:
            last = f"{last}-{rng.choice(LAST)}"
            if (last, first) in used:
                continue
        used.add((last, first))
        start = date(2025, 9, 1 + n % 28)
        rows.append([
            last, first, f"membre{n:03d}@exemple.fr", f"06 {n // 100:02d} {n % 100:02d} 00 00",
            str(1950 + rng.randrange(56)), postcode, town, start.strftime("%d/%m/%Y"), "15,00",
        ])  # fmt: skip
    _write_csv("members_300.csv", rows, ";", "utf-8-sig")


if __name__ == "__main__":
    generic_cp1252()
    helloasso()
    paheko()
    fabmanager()
    generic_xlsx()
    duplicates()
    one_bad_line()
    members_300()
