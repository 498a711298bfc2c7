"""The wording of what a check found (``domain.findings.Finding``: a code and its data),
in one place, French and English: ``tierslieu verify`` and the window's banner both say
``word(finding, lang)``. Plain Python (no Qt): the command line cannot import ``ui/``.

The French sentences are the ones the auditor has always read; the document concerned
(``data["subject"]``) is named by ``subject``. A code missing here is a bug that
tests/unit/test_findings_wording.py catches."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Protocol

from tierslieu_desktop.i18n.formatting import PARIS
from tierslieu_desktop.i18n.messages import count_fr


class _Found(Protocol):
    code: str
    data: dict[str, Any]


def _at(value: Any) -> str:
    """A moment as the ledger names it: "06/12/2026 14:30" (Paris time; en_GB writes
    it the same way); a text that was no moment (an unreadable anchor line) as read."""
    if isinstance(value, datetime):
        return value.astimezone(PARIS).strftime("%d/%m/%Y %H:%M")
    return str(value)


def _period(kind: str, start: date, lang: str) -> str:
    if lang == "en":
        if kind == "day":
            return f"Closing of the day {start:%d/%m/%Y}"
        if kind == "month":
            return f"Closing of the month {start:%m/%Y}"
        return f"Closing of the year {start:%Y}"
    if kind == "day":
        return f"Clôture du jour {start:%d/%m/%Y}"
    if kind == "month":
        return f"Clôture du mois {start:%m/%Y}"
    return f"Clôture de l'année {start:%Y}"


_ANCHORED_CLOSING = {
    "Clôture du jour ": "Closing of the day ",
    "Clôture du mois ": "Closing of the month ",
    "Clôture de l'année ": "Closing of the year ",
}
_ANCHORED_PAYMENT = re.compile(r"(de la facture|de l'avoir) (\S+)$")


def _anchored_en(s: dict[str, Any]) -> str:
    """An anchor log's line names its document in French (written so, kept so): in
    English, the same document named from its kind, id and the number in that label."""
    label = str(s.get("label") or "")
    kind, record_id = s.get("record_kind"), s.get("record_id")
    if kind in ("invoice", "credit_note"):
        word = "Credit note" if kind == "credit_note" else "Invoice"
        head, _sep, number = label.partition(" ")
        if head in ("Facture", "Avoir") and number and not number.startswith("("):
            return f"{word} {number}"
        return f"{word} (internal no. {record_id})"
    if kind == "payment":
        of = _ANCHORED_PAYMENT.search(label)
        if of:
            doc = "credit note" if of.group(1) == "de l'avoir" else "invoice"
            return f"Payment no. {record_id} of {doc} {of.group(2)}"
        return f"Payment no. {record_id}"
    if kind == "wallet":
        return f"Wallet movement no. {record_id}"
    if kind == "audit":
        return f"Audit trail (up to entry no. {record_id})"
    if kind == "closing":
        for french, english in _ANCHORED_CLOSING.items():
            if label.startswith(french):
                return english + label[len(french) :]
        return f"Closing no. {record_id}"
    return f"Entry no. {s.get('entry')}"


def subject(s: dict[str, Any], lang: str) -> str:
    """The document a finding is about: "Facture F2026-000012", "Paiement n° 3 de la
    facture F2026-000001 du 02/03/2026 10:00", "Clôture du mois 03/2026"…"""
    kind = s.get("kind")
    en = lang == "en"
    if kind in ("invoice", "credit_note"):
        if en:
            word = "Credit note" if kind == "credit_note" else "Invoice"
            if s.get("number") is not None:
                return f"{word} {s['number']}"
            return f"{word} (internal no. {s.get('id')})"
        word = "Avoir" if kind == "credit_note" else "Facture"
        if s.get("number") is not None:
            return f"{word} {s['number']}"
        return f"{word} (n° interne {s.get('id')})"
    if kind == "payment":
        if en:
            text = f"Payment no. {s.get('id')}"
            if s.get("number") is not None:
                doc = "credit note" if s.get("doc") == "credit_note" else "invoice"
                text += f" of {doc} {s['number']}"
            return text + (f" on {_at(s['at'])}" if s.get("at") is not None else "")
        text = f"Paiement n° {s.get('id')}"
        if s.get("number") is not None:
            article = "de l'avoir" if s.get("doc") == "credit_note" else "de la facture"
            text += f" {article} {s['number']}"
        return text + (f" du {_at(s['at'])}" if s.get("at") is not None else "")
    if kind == "wallet":
        text = f"{'Wallet movement no.' if en else 'Mouvement de porte-monnaie n°'} {s.get('id')}"
        if s.get("at") is not None:
            text += f" {'on' if en else 'du'} {_at(s['at'])}"
        return text
    if kind == "audit":
        if en:
            return f"Audit trail (up to entry no. {s.get('id')})"
        return f"Journal des modifications (jusqu'à l'entrée n° {s.get('id')})"
    if kind == "closing":
        if s.get("period") is not None:
            return _period(s["period"], s["start"], lang)
        return f"{'Closing no.' if en else 'Clôture n°'} {s.get('id')}"
    if kind == "anchored":
        if en:
            return _anchored_en(s)
        return str(s.get("label") or f"Entrée n° {s.get('entry')}")
    return str(s)


def _fem(text: str, masculine: str, feminine: str) -> str:
    """French agreement with the subject: "Facture …" and "Clôture …" are feminine."""
    return feminine if text.startswith(("Facture", "Clôture")) else masculine


_Wording = Callable[[dict[str, Any], Callable[[str], str]], str]

# code → wording from (data, subject-in-this-language)
_FR: dict[str, _Wording] = {
    # the ledger (services.billing.ledger.verify_ledger)
    "chain_broken": lambda d, s: (
        f"Chaîne d'intégrité rompue avant l'entrée n° {d['entry']} ({s('subject')}) : "
        "une entrée a été supprimée ou modifiée."
    ),
    "entry_version": lambda d, s: (
        f"Entrée d'intégrité n° {d['entry']} ({s('subject')}) : version d'empreinte modifiée."
    ),
    "entry_forged": lambda d, s: (
        f"Entrée d'intégrité n° {d['entry']} ({s('subject')}) : "
        + (
            "empreinte falsifiée."
            if d["version"] == 1
            else "empreinte ou date de scellement falsifiée."
        )
    ),
    "entry_kind": lambda d, s: (
        f"Entrée d'intégrité n° {d['entry']} ({s('subject')}) : type de document modifié."
    ),
    "document_deleted": lambda d, s: (
        f"{s('subject')} : {_fem(s('subject'), 'supprimé', 'supprimée')} de la base après "
        f"émission (scellement du {_at(d['sealed_at'])})."
    ),
    "document_modified": lambda d, s: f"{s('subject')} : contenu modifié après émission.",
    "closing_modified": lambda d, s: f"{s('subject')} : totaux modifiés après la clôture.",
    "audit_modified": lambda d, s: (
        f"{s('subject')} : lignes modifiées ou supprimées après scellement."
    ),
    "document_unsealed": lambda d, s: (
        f"{s('subject')} : {_fem(s('subject'), 'absent', 'absente')} de la chaîne "
        "d'intégrité (entrée supprimée)."
    ),
    "number_duplicate": lambda d, s: (
        f"Numérotation des {'avoirs' if d['series'] == 'credit_note' else 'factures'} "
        f"({d['period']}) : numéro en double ({', '.join(d['numbers'])})."
    ),
    "number_missing": lambda d, s: (
        f"Numérotation des {'avoirs' if d['series'] == 'credit_note' else 'factures'} "
        f"({d['period']}) : le numéro n° {d['counter']} manque" + _around(d, "après", "avant") + "."
    ),
    "closing_totals": lambda d, s: (
        f"{s('subject')} : totaux différents des documents de la période."
    ),
    "closing_perpetual": lambda d, s: (
        f"{s('subject')} : total perpétuel incohérent avec la clôture précédente."
    ),
    "trigger_missing": lambda d, s: (
        f"Protection de la table {d['table']} supprimée (déclencheur {d['trigger']} absent) : "
        "ses lignes scellées peuvent être modifiées ou effacées."
    ),
    "ledger_more": lambda d, s: f"… et {d['count']} autres anomalies du journal.",
    # the whole file (services.safety.integrity.verify)
    "sqlite_integrity": lambda d, s: f"integrity_check: {d['detail']}",
    "foreign_key": lambda d, s: (
        f"clé étrangère cassée : table {d['table']}, ligne {d['row']} → {d['parent']}"
    ),
    "member_number_duplicate": lambda d, s: (
        f"numéro d'adhérent en double : {d['number']} ({d['count']} fois)"
    ),
    "booking_overlap": lambda d, s: (
        f"réservations qui se chevauchent : {d['resource']}, réservation n° {d['booking']} "
        f"du {_at(d['start'])}"
    ),
    "booking_overlap_more": lambda d, s: (
        f"… et {d['count']} autres réservations qui se chevauchent"
    ),
    "anchor_log_unwritten": lambda d, s: f"Journal d'ancrage non écrit : {d['detail']}.",
    "check_failed": lambda d, s: str(d["detail"]),
    # the anchor logs outside the file (services.safety.anchors.compare)
    "anchor_none": lambda d, s: (
        f"Aucun journal d'ancrage trouvé pour cette base (cherché dans "
        f"{', '.join(d['places'])}) : la chaîne n'a pas pu être comparée aux empreintes "
        "gardées hors du fichier."
    ),
    "anchor_log_unreadable": lambda d, s: (
        f"Journal d'ancrage {d['path']} illisible : {d['detail']}."
    ),
    "anchor_lines_unreadable": lambda d, s: (
        f"{count_fr(d['count'], 'ligne illisible', 'lignes illisibles')} dans les journaux "
        "d'ancrage."
    ),
    "anchor_identity": lambda d, s: (
        "Un journal d'ancrage nomme ce fichier avec une autre identité de base "
        f"({', '.join(d['others'])} au lieu de {d['identity']}) : l'identité de "
        "la base a été changée, ou une autre base a été créée à cet emplacement (déplacez "
        "alors son ancien journal)."
    ),
    "anchor_fork": lambda d, s: (
        f"Entrée n° {d['entry']} : deux empreintes différentes ancrées "
        f"({d['first']['label']} le {_at(d['first_at'])}, "
        f"{d['second']['label']} le {_at(d['second_at'])})."
    ),
    "anchor_cut": lambda d, s: (
        f"{s('subject')} : {_fem(s('subject'), 'effacé', 'effacée')} de la base, queue de la "
        f"chaîne coupée (entrée n° {d['entry']} ancrée le {_at(d['at'])})."
    ),
    "anchor_erased": lambda d, s: (
        f"{s('subject')} : {_fem(s('subject'), 'effacé', 'effacée')} de la base "
        f"(entrée n° {d['entry']} ancrée le {_at(d['at'])})."
    ),
    "anchor_rewritten": lambda d, s: (
        f"{s('subject')} : empreinte différente de celle ancrée le {_at(d['at'])} "
        f"(entrée n° {d['entry']}"
        + (f", la base y porte maintenant {s('now')}" if d.get("now") else "")
        + ") : passé réécrit."
    ),
    "anchor_recomputed": lambda d, s: (
        f"{count_fr(d['count'], 'entrée suivante', 'entrées suivantes')} "
        f"(n° {d['first']} à {d['last']}) : "
        "contenu inchangé mais empreinte recalculée après la réécriture."
    ),
    "anchor_lost": lambda d, s: (
        f"{s('subject')} (entrée n° {d['entry']}) : "
        f"{_fem(s('subject'), 'perdu', 'perdue')} par la restauration du {_at(d['at'])}."
    ),
    "anchor_more": lambda d, s: (
        f"… et {d['count']} autres "
        + {
            "rewritten": "empreintes différentes de celles ancrées",
            "absent": "documents ancrés absents de la base",
            "forks": "entrées ancrées deux fois",
            "lost": "documents perdus par une restauration",
        }[d["what"]]
        + "."
    ),
    "anchor_not_yet": lambda d, s: (
        f"{count_fr(d['count'], 'entrée', 'entrées')} de la chaîne après la dernière "
        f"ancrée (n° {d['last']}) "
        + (
            "n'est pas encore ancrée : elle le sera"
            if d["count"] == 1
            else "ne sont pas encore ancrées : elles le seront"
        )
        + " à la prochaine écriture de l'application."
    ),
    # an archive of a closed period (services.billing.archives.verify_archive)
    "archive_unreadable": lambda d, s: (
        f"« {d['name']} » n'est pas une archive lisible : {d['detail']}."
    ),
    "archive_no_manifest": lambda d, s: f"« {d['name']} » : manifeste absent ou illisible.",
    "archive_file_missing": lambda d, s: f"Fichier {d['file']} : absent de l'archive.",
    "archive_file_modified": lambda d, s: (
        f"Fichier {d['file']} : modifié (empreinte SHA-256 différente)."
    ),
    "archive_file_added": lambda d, s: f"Fichier {d['file']} : ajouté à l'archive.",
    "archive_no_documents": lambda d, s: "documents.json ou chain.json absent ou illisible.",
    "archive_entry_forged": lambda d, s: (
        f"Entrée d'intégrité n° {d['entry']} : empreinte falsifiée."
    ),
    "archive_modified": lambda d, s: f"{s('subject')} : contenu modifié.",
    "archive_closing_modified": lambda d, s: "Clôture : contenu modifié.",
    "archive_closing_totals": lambda d, s: (
        "Clôture : totaux différents des documents de l'archive."
    ),
}


def _around(d: dict[str, Any], after: str, before: str) -> str:
    parts = []
    if d.get("after") is not None:
        parts.append(f"{after} {d['after']}")
    if d.get("before") is not None:
        parts.append(f"{before} {d['before']}")
    return f" ({', '.join(parts)})" if parts else ""


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


_EN: dict[str, _Wording] = {
    "chain_broken": lambda d, s: (
        f"Integrity chain broken before entry no. {d['entry']} ({s('subject')}): "
        "an entry was deleted or modified."
    ),
    "entry_version": lambda d, s: (
        f"Integrity entry no. {d['entry']} ({s('subject')}): footprint version modified."
    ),
    "entry_forged": lambda d, s: (
        f"Integrity entry no. {d['entry']} ({s('subject')}): "
        + ("footprint forged." if d["version"] == 1 else "footprint or sealing time forged.")
    ),
    "entry_kind": lambda d, s: (
        f"Integrity entry no. {d['entry']} ({s('subject')}): document type modified."
    ),
    "document_deleted": lambda d, s: (
        f"{s('subject')}: deleted from the database after it was issued "
        f"(sealed on {_at(d['sealed_at'])})."
    ),
    "document_modified": lambda d, s: f"{s('subject')}: content modified after it was issued.",
    "closing_modified": lambda d, s: f"{s('subject')}: totals modified after the closing.",
    "audit_modified": lambda d, s: f"{s('subject')}: rows modified or deleted after sealing.",
    "document_unsealed": lambda d, s: (
        f"{s('subject')}: missing from the integrity chain (entry deleted)."
    ),
    "number_duplicate": lambda d, s: (
        f"Numbering of {'credit notes' if d['series'] == 'credit_note' else 'invoices'} "
        f"({d['period']}): duplicate number ({', '.join(d['numbers'])})."
    ),
    "number_missing": lambda d, s: (
        f"Numbering of {'credit notes' if d['series'] == 'credit_note' else 'invoices'} "
        f"({d['period']}): number {d['counter']} is missing" + _around(d, "after", "before") + "."
    ),
    "closing_totals": lambda d, s: (
        f"{s('subject')}: totals differ from the documents of the period."
    ),
    "closing_perpetual": lambda d, s: (
        f"{s('subject')}: perpetual total inconsistent with the previous closing."
    ),
    "trigger_missing": lambda d, s: (
        f"Protection of the table {d['table']} removed (trigger {d['trigger']} missing): "
        "its sealed rows can be modified or erased."
    ),
    "ledger_more": lambda d, s: (
        f"… and {_n(d['count'], 'other anomaly', 'other anomalies')} in the ledger."
    ),
    "sqlite_integrity": lambda d, s: f"integrity_check: {d['detail']}",
    "foreign_key": lambda d, s: (
        f"broken foreign key: table {d['table']}, row {d['row']} → {d['parent']}"
    ),
    "member_number_duplicate": lambda d, s: (
        f"duplicate member number: {d['number']} ({_n(d['count'], 'time', 'times')})"
    ),
    "booking_overlap": lambda d, s: (
        f"overlapping bookings: {d['resource']}, booking no. {d['booking']} on {_at(d['start'])}"
    ),
    "booking_overlap_more": lambda d, s: (
        f"… and {_n(d['count'], 'other overlapping booking', 'other overlapping bookings')}"
    ),
    "anchor_log_unwritten": lambda d, s: f"Anchor log not written: {d['detail']}.",
    "check_failed": lambda d, s: str(d["detail"]),
    "anchor_none": lambda d, s: (
        f"No anchor log found for this database (searched in {', '.join(d['places'])}): "
        "the chain could not be compared with the footprints kept outside the file."
    ),
    "anchor_log_unreadable": lambda d, s: f"Anchor log {d['path']} unreadable: {d['detail']}.",
    "anchor_lines_unreadable": lambda d, s: (
        f"{_n(d['count'], 'unreadable line', 'unreadable lines')} in the anchor logs."
    ),
    "anchor_identity": lambda d, s: (
        "An anchor log names this file with another database identity "
        f"({', '.join(d['others'])} instead of {d['identity']}): the database's identity "
        "was changed, or another database was created at this place (then move its old log "
        "away)."
    ),
    "anchor_fork": lambda d, s: (
        f"Entry no. {d['entry']}: two different footprints anchored "
        f"({_anchored_en(d['first'])} on {_at(d['first_at'])}, "
        f"{_anchored_en(d['second'])} on {_at(d['second_at'])})."
    ),
    "anchor_cut": lambda d, s: (
        f"{s('subject')}: erased from the database, the tail of the chain cut off "
        f"(entry no. {d['entry']} anchored on {_at(d['at'])})."
    ),
    "anchor_erased": lambda d, s: (
        f"{s('subject')}: erased from the database "
        f"(entry no. {d['entry']} anchored on {_at(d['at'])})."
    ),
    "anchor_rewritten": lambda d, s: (
        f"{s('subject')}: footprint differs from the one anchored on {_at(d['at'])} "
        f"(entry no. {d['entry']}"
        + (f", the database now holds {s('now')} there" if d.get("now") else "")
        + "): the past was rewritten."
    ),
    "anchor_recomputed": lambda d, s: (
        f"{_n(d['count'], 'following entry', 'following entries')} "
        f"(no. {d['first']} to {d['last']}): "
        "content unchanged but footprint recomputed after the rewriting."
    ),
    "anchor_lost": lambda d, s: (
        f"{s('subject')} (entry no. {d['entry']}): lost by the restore of {_at(d['at'])}."
    ),
    "anchor_more": lambda d, s: (
        f"… and {d['count']} other "
        + {
            "rewritten": "footprints that differ from the anchored ones",
            "absent": "anchored documents missing from the database",
            "forks": "entries anchored twice",
            "lost": "documents lost by a restore",
        }[d["what"]]
        + "."
    ),
    "anchor_not_yet": lambda d, s: (
        f"{_n(d['count'], 'entry', 'entries')} of the chain after the last anchored one "
        f"(no. {d['last']}) "
        + (
            "is not anchored yet: it will be"
            if d["count"] == 1
            else "are not anchored yet: they will be"
        )
        + " the next time the application writes."
    ),
    "archive_unreadable": lambda d, s: f'"{d["name"]}" is not a readable archive: {d["detail"]}.',
    "archive_no_manifest": lambda d, s: f'"{d["name"]}": manifest missing or unreadable.',
    "archive_file_missing": lambda d, s: f"File {d['file']}: missing from the archive.",
    "archive_file_modified": lambda d, s: (
        f"File {d['file']}: modified (different SHA-256 footprint)."
    ),
    "archive_file_added": lambda d, s: f"File {d['file']}: added to the archive.",
    "archive_no_documents": lambda d, s: "documents.json or chain.json missing or unreadable.",
    "archive_entry_forged": lambda d, s: f"Integrity entry no. {d['entry']}: footprint forged.",
    "archive_modified": lambda d, s: f"{s('subject')}: content modified.",
    "archive_closing_modified": lambda d, s: "Closing: content modified.",
    "archive_closing_totals": lambda d, s: (
        "Closing: totals differ from the documents of the archive."
    ),
}

CODES = frozenset(_FR)


def word(finding: _Found, lang: str) -> str:
    """``finding`` as a sentence in ``lang`` ("en"; French otherwise)."""
    table = _EN if lang == "en" else _FR
    data = finding.data

    def named(key: str) -> str:
        return subject(data[key], lang)

    wording = table.get(finding.code)
    if wording is None:  # never silent: the code itself, with its data
        return f"{finding.code} {data}"
    return wording(data, named)


def words(findings: list[Any] | tuple[Any, ...], lang: str) -> list[str]:
    """Each finding worded (see :func:`word`)."""
    return [word(f, lang) for f in findings]


def wordings(lang: str) -> frozenset[str]:
    """The codes worded in ``lang`` (for the test that each code is worded in both)."""
    return frozenset(_EN if lang == "en" else _FR)
