"""A save refused because another desk saved the same record first (issue 20 point 4,
``DomainError("stale_record")`` from ``services.common.check_version`` or from the row's
version check in ``Database.write``): who and when, the record's current values of the
fields that differ from what was typed, and that nothing was saved.

A form that gets it keeps what the user typed and offers « Recharger »
(:func:`reload_button`), which loads the fresh values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QWidget

from tierslieu_desktop.domain.errors import DomainError


def field_labels() -> dict[str, str]:
    """The name a person knows a column by (the forms' labels, without the colon)."""
    return {
        "first_name": QCoreApplication.translate("Stale", "First name"),
        "last_name": QCoreApplication.translate("Stale", "Last name"),
        "name": QCoreApplication.translate("Stale", "Name"),
        "email": QCoreApplication.translate("Stale", "Email"),
        "phone": QCoreApplication.translate("Stale", "Phone"),
        "address": QCoreApplication.translate("Stale", "Address"),
        "postcode": QCoreApplication.translate("Stale", "Postcode"),
        "city": QCoreApplication.translate("Stale", "Commune"),
        "birth_year": QCoreApplication.translate("Stale", "Birth year"),
        "age_band": QCoreApplication.translate("Stale", "Age band"),
        "gender": QCoreApplication.translate("Stale", "Gender"),
        "situation": QCoreApplication.translate("Stale", "Situation"),
        "audience_id": QCoreApplication.translate("Stale", "Public"),
        "organisation_id": QCoreApplication.translate("Stale", "Member of the organisation"),
        "organisation_type": QCoreApplication.translate("Stale", "Type"),
        "siret": QCoreApplication.translate("Stale", "SIRET"),
        "vat_number": QCoreApplication.translate("Stale", "VAT number"),
        "service_code": QCoreApplication.translate("Stale", "Chorus Pro service code"),
        "commitment_number": QCoreApplication.translate("Stale", "Commitment number"),
        "monthly_invoicing": QCoreApplication.translate("Stale", "Monthly invoicing"),
        "consent_newsletter": QCoreApplication.translate("Stale", "Newsletter"),
        "consent_photos": QCoreApplication.translate("Stale", "Photos"),
        "guardian_name": QCoreApplication.translate("Stale", "Legal guardian"),
        "guardian_phone": QCoreApplication.translate("Stale", "Guardian's phone"),
        "guardian_email": QCoreApplication.translate("Stale", "Guardian's email"),
        "notes": QCoreApplication.translate("Stale", "Notes"),
        "note": QCoreApplication.translate("Stale", "Note"),
        "kind": QCoreApplication.translate("Stale", "Kind"),
        "status": QCoreApplication.translate("Stale", "Status"),
        "description": QCoreApplication.translate("Stale", "Description"),
        "label": QCoreApplication.translate("Stale", "Label"),
        "capacity": QCoreApplication.translate("Stale", "Capacity"),
        "start_date": QCoreApplication.translate("Stale", "Start date"),
        "end_date": QCoreApplication.translate("Stale", "End date"),
        "amount_cents": QCoreApplication.translate("Stale", "Amount"),
        "price_cents": QCoreApplication.translate("Stale", "Price"),
        "fee_cents": QCoreApplication.translate("Stale", "Fee"),
        "cost_cents": QCoreApplication.translate("Stale", "Cost"),
        "space_id": QCoreApplication.translate("Stale", "Space"),
        "machine_id": QCoreApplication.translate("Stale", "Machine"),
        "category_id": QCoreApplication.translate("Stale", "Category"),
        "member_id": QCoreApplication.translate("Stale", "Member"),
        "funder_id": QCoreApplication.translate("Stale", "Funder"),
        "archived": QCoreApplication.translate("Stale", "Archived"),
        "purpose": QCoreApplication.translate("Stale", "Purpose"),
        "contact": QCoreApplication.translate("Stale", "Contact"),
        "reason": QCoreApplication.translate("Stale", "Reason"),
        "unit": QCoreApplication.translate("Stale", "Unit"),
        "valid_from": QCoreApplication.translate("Stale", "Valid from"),
        "valid_to": QCoreApplication.translate("Stale", "Valid until"),
        "headcount": QCoreApplication.translate("Stale", "Head-count"),
        "responsible_name": QCoreApplication.translate("Stale", "Responsible adult"),
        "duration_minutes": QCoreApplication.translate("Stale", "Duration (minutes)"),
        "serial_number": QCoreApplication.translate("Stale", "Serial number"),
        "make": QCoreApplication.translate("Stale", "Make"),
        "model": QCoreApplication.translate("Stale", "Model"),
        "hours_per_month": QCoreApplication.translate("Stale", "Hours per month"),
        "percent_bp": QCoreApplication.translate("Stale", "Reduction"),
        "free_minutes_per_month": QCoreApplication.translate("Stale", "Free minutes per month"),
        "minutes": QCoreApplication.translate("Stale", "Minutes"),
        "validity_months": QCoreApplication.translate("Stale", "Validity (months)"),
        "trainer": QCoreApplication.translate("Stale", "Trainer"),
        "start_at": QCoreApplication.translate("Stale", "Start"),
        "end_at": QCoreApplication.translate("Stale", "End"),
        "day": QCoreApplication.translate("Stale", "Date"),
        "category": QCoreApplication.translate("Stale", "Category"),
        "supplier": QCoreApplication.translate("Stale", "Supplier"),
        "value_cents": QCoreApplication.translate("Stale", "Value"),
        "requested_cents": QCoreApplication.translate("Stale", "Amount requested"),
        "granted_cents": QCoreApplication.translate("Stale", "Amount granted"),
        "period_start": QCoreApplication.translate("Stale", "Start of the period"),
        "period_end": QCoreApplication.translate("Stale", "End of the period"),
        "level": QCoreApplication.translate("Stale", "Level"),
        "sector": QCoreApplication.translate("Stale", "Sector"),
        "role": QCoreApplication.translate("Stale", "Role"),
        "status_note": QCoreApplication.translate("Stale", "Reason for the status"),
        "duration": QCoreApplication.translate("Stale", "Duration"),
        "membership": QCoreApplication.translate("Stale", "Membership"),
        "active": QCoreApplication.translate("Stale", "Active"),
    }


def value_text(key: str, value: object) -> str:
    """A fresh value as the forms show it."""
    from tierslieu_desktop.i18n import formatting

    if value is None or value == "":
        return QCoreApplication.translate("Stale", "(empty)")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("Stale", "yes")
            if value
            else QCoreApplication.translate("Stale", "no")
        )
    if isinstance(value, datetime):
        return formatting.local_datetime(value)
    if isinstance(value, date):
        return formatting.long_date(value)
    if isinstance(value, int) and key.endswith("_cents"):
        return formatting.money(value)
    return str(value)


def changes_text(
    changes: Iterable[tuple[str, object]], own_labels: Mapping[str, str] | None = None
) -> str:
    """« Téléphone : 06 12 34 56 78, Courriel : … » (the form's own labels, else the labels
    known, else the column)."""
    from tierslieu_desktop.i18n import formatting

    labels = field_labels() | dict(own_labels or {})
    parts = []
    for key, value in changes:
        label = labels.get(key) or key.replace("_", " ").capitalize()
        parts.append(f"{label}{formatting.colon()} {value_text(key, value)}")
    return ", ".join(parts)


def stale_message(err: DomainError) -> str:
    """The whole sentence for ``stale_record``."""
    from tierslieu_desktop.i18n import formatting

    by = str(err.params.get("by") or "")
    at = err.params.get("at")
    when = formatting.local_datetime(at) if isinstance(at, datetime) else ""
    if by and when:
        head = QCoreApplication.translate(
            "Stale", "This record was changed on another desk ({by}, {at}) while you were typing."
        ).format(by=by, at=when)
    elif when:
        head = QCoreApplication.translate(
            "Stale", "This record was changed on another desk ({at}) while you were typing."
        ).format(at=when)
    else:
        head = QCoreApplication.translate(
            "Stale", "This record was changed on another desk while you were typing."
        )
    raw = err.params.get("changes") or ()
    changes = [
        (str(pair[0]), pair[1])
        for pair in raw  # type: ignore[attr-defined]
        if isinstance(pair, tuple | list) and len(pair) == 2
    ]
    parts = [head]
    if changes:
        parts.append(
            QCoreApplication.translate("Stale", "Current values: {values}.").format(
                values=changes_text(changes, err.params.get("labels"))  # type: ignore[arg-type]
            )
        )
    if err.params.get("shown_again"):
        parts.append(
            QCoreApplication.translate(
                "Stale", "Nothing was saved: it is shown again as it is now; start again if needed."
            )
        )
    else:
        parts.append(
            QCoreApplication.translate(
                "Stale", "Your changes were not saved: reload the record and start again."
            )
        )
    return " ".join(parts)


def shown_again(err: DomainError) -> DomainError:
    """A one-click action (archive, remove, move, tick) refused as ``stale_record`` whose
    view reloads at once: its message says so instead of asking to reload."""
    if err.code == "stale_record":
        err.params["shown_again"] = True
    return err


def _plain(value: object) -> object:
    return getattr(value, "value", value)  # an enum as its stored value


def changed_elsewhere(err: DomainError, loaded: object) -> None:
    """Narrow a ``stale_record``'s fresh values to the fields the other desk changed: those
    whose fresh value differs from what this form loaded (``loaded``: the dataclass the
    form was filled from), not those the user is changing here. Left whole when that
    would name nothing."""
    raw = err.params.get("changes") or ()
    changes = [pair for pair in raw if isinstance(pair, tuple | list) and len(pair) == 2]  # type: ignore[attr-defined]
    theirs = [
        (key, value)
        for key, value in changes
        if not hasattr(loaded, str(key)) or _plain(getattr(loaded, str(key))) != _plain(value)
    ]
    if theirs:
        err.params["changes"] = tuple(theirs)


def as_the_form_shows(err: DomainError, widgets: Mapping[str, QWidget]) -> None:
    """Word a ``stale_record``'s fresh values as the form shows them: each field named by
    its widget's accessible name (the form's label), a choice by the text of its item
    (« Démarches administratives », not ``admin``). ``widgets``: column → input widget;
    the columns without one keep the shared labels."""
    labels = dict(err.params.get("labels") or {})  # type: ignore[call-overload]
    worded: list[tuple[str, object]] = []
    raw = err.params.get("changes") or ()
    for pair in raw:  # type: ignore[attr-defined]
        if not (isinstance(pair, tuple | list) and len(pair) == 2):
            continue
        key, value = str(pair[0]), pair[1]
        widget = widgets.get(key)
        if widget is not None:
            name = widget.accessibleName() or (
                widget.text().replace("&", "") if isinstance(widget, QCheckBox) else ""
            )
            if name:
                labels[key] = name
            if isinstance(widget, QComboBox) and value is not None:
                index = widget.findData(value)
                if index >= 0:
                    value = widget.itemText(index)
        worded.append((key, value))
    err.params["changes"] = tuple(worded)
    err.params["labels"] = labels


def reload_button(parent: QWidget) -> QPushButton:
    """« Recharger »: hidden until a save is refused as stale; the form connects it to
    its own loading of the fresh values."""
    button = QPushButton(QCoreApplication.translate("Stale", "&Reload"), parent)
    button.setObjectName("reloadStale")
    button.setAccessibleName(QCoreApplication.translate("Stale", "Reload the current values"))
    button.setToolTip(
        QCoreApplication.translate(
            "Stale", "Load the values saved by the other desk (what you typed here is replaced)."
        )
    )
    # never the dialog's default: hidden, it would take Enter from the fields (typing
    # then Enter saved nothing)
    button.setAutoDefault(False)
    button.hide()
    return button
