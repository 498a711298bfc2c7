"""Translate DomainError codes and field error codes into French/English sentences."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.domain.validation import line_limit, text_limit
from tierslieu_desktop.ui.permission_words import refusal

T = TypeVar("T")


def field_message(code: str, field: str = "") -> str:
    """The sentence shown under a field for a validation error code (``field``, when
    given, names the limit of a text that is too long)."""
    if code == "too_long" and field:
        return QCoreApplication.translate(
            "Errors", "This text is too long: {limit} characters at most."
        ).format(limit=text_limit(field))
    if code == "too_many_lines":
        return QCoreApplication.translate(
            "Errors", "This text has too many lines: {limit} at most."
        ).format(limit=line_limit(field) or "")
    messages = {
        "required": QCoreApplication.translate("Errors", "This field is required."),
        "communes_unknown": QCoreApplication.translate(
            "Errors",
            "Some communes are not recognised (named below): correct their spelling, add "
            "the postcode or type their INSEE code.",
        ),
        "email_invalid": QCoreApplication.translate(
            "Errors", "This email address is not valid (example: name@example.fr)."
        ),
        "phone_invalid": QCoreApplication.translate(
            "Errors", "This phone number is not valid (example: 05 65 38 00 00)."
        ),
        "postcode_invalid": QCoreApplication.translate(
            "Errors", "A French postcode has 5 digits (example: 46400)."
        ),
        "siret_invalid": QCoreApplication.translate(
            "Errors", "This SIRET is not valid: 14 digits with a valid check key."
        ),
        "siren_invalid": QCoreApplication.translate(
            "Errors", "This SIREN is not valid: 9 digits with a valid check key."
        ),
        "rna_invalid": QCoreApplication.translate(
            "Errors", "An RNA number is W followed by 9 digits (example: W462000123)."
        ),
        "iban_invalid": QCoreApplication.translate(
            "Errors", "This IBAN is not valid (check the digits and the country code)."
        ),
        "bic_invalid": QCoreApplication.translate(
            "Errors", "A BIC has 8 or 11 letters and digits."
        ),
        "vat_number_invalid": QCoreApplication.translate(
            "Errors", "This VAT number is not valid (example: FR40303265045)."
        ),
        "vat_number_siren_mismatch": QCoreApplication.translate(
            "Errors",
            "This VAT number does not match the SIRET: a French VAT number is FR, "
            "a 2-digit key computed from the SIREN, then the SIREN (the first 9 digits "
            "of the SIRET).",
        ),
        "vat_number_required": QCoreApplication.translate(
            "Errors", "A VAT number is required when the structure is liable to VAT."
        ),
        "logo_too_large": QCoreApplication.translate(
            "Errors", "The logo is too large (2 MB at most)."
        ),
        "birth_year_invalid": QCoreApplication.translate(
            "Errors", "The birth year must be between 1900 and this year."
        ),
        "guardian_required": QCoreApplication.translate(
            "Errors", "A minor needs a legal guardian: enter their name."
        ),
        "name_taken": QCoreApplication.translate("Errors", "This name is already used."),
        "end_before_start": QCoreApplication.translate(
            "Errors", "The end date is before the start date."
        ),
        "amount_negative": QCoreApplication.translate("Errors", "The amount cannot be negative."),
        "amount_invalid": QCoreApplication.translate(
            "Errors", "This amount is not valid (example: 12,50)."
        ),
        "amount_ambiguous": QCoreApplication.translate(
            "Errors",
            "This amount is ambiguous: write 1500 for one thousand five hundred euros, "
            "or 1,50 for one euro fifty.",
        ),
        "amount_decimals": QCoreApplication.translate(
            "Errors", "An amount has at most 2 decimals (example: 12,50)."
        ),
        "date_invalid": QCoreApplication.translate(
            "Errors", "This date is not valid (example: 22/11/2026)."
        ),
        "date_in_future": QCoreApplication.translate("Errors", "This date is in the future."),
        "number_invalid": QCoreApplication.translate("Errors", "This number is not valid."),
        "machine_or_category_required": QCoreApplication.translate(
            "Errors", "Choose a machine or a machine category."
        ),
        "too_long": QCoreApplication.translate("Errors", "This text is too long."),
        "control_char": QCoreApplication.translate(
            "Errors",
            "This text holds an invisible control character (pasted from another program?): "
            "type it again.",
        ),
        "hours_negative": QCoreApplication.translate(
            "Errors", "The hour counter cannot be negative."
        ),
        "image_invalid": QCoreApplication.translate(
            "Errors", "This file is not an image that can be read (use PNG or JPEG)."
        ),
        "member_required": QCoreApplication.translate(
            "Errors", "Choose a member in the list (type part of the name to find them)."
        ),
        "slot_step_invalid": QCoreApplication.translate(
            "Errors", "Choose a step of 5, 10, 15, 20, 30 or 60 minutes."
        ),
        "duration_below_step": QCoreApplication.translate(
            "Errors", "The minimum duration must be at least one step."
        ),
        "max_below_min": QCoreApplication.translate(
            "Errors", "The maximum duration must be at least the minimum duration."
        ),
        "buffer_invalid": QCoreApplication.translate(
            "Errors", "The preparation time is between 0 and 240 minutes."
        ),
        "advance_invalid": QCoreApplication.translate(
            "Errors", "Bookings can be opened from 1 to 730 days ahead."
        ),
        "hours_unreadable": QCoreApplication.translate(
            "Errors", "Write the hours like 09:00-12:30, 13:30-18:00 (leave empty when closed)."
        ),
        "range_invalid": QCoreApplication.translate(
            "Errors", "Each range must start before it ends, between 00:00 and 24:00."
        ),
        "ranges_overlap": QCoreApplication.translate("Errors", "Two ranges of this day overlap."),
        "unit_in_use": QCoreApplication.translate(
            "Errors", "Quantities were already recorded in this unit: it can no longer change."
        ),
        # tariffs (services/pricing/)
        "negative": QCoreApplication.translate("Errors", "This value cannot be negative."),
        "positive": QCoreApplication.translate("Errors", "This value must be greater than zero."),
        "dates": QCoreApplication.translate("Errors", "The end date is before the start date."),
        "unknown": QCoreApplication.translate(
            "Errors", "This choice no longer exists: another desk may have changed it."
        ),
        "invalid": QCoreApplication.translate("Errors", "This value is not valid."),
        "unit_kind": QCoreApplication.translate(
            "Errors",
            "Consumables are priced per unit; machines and spaces per hour, session or flat rate.",
        ),
        "step_hour_only": QCoreApplication.translate(
            "Errors", "A billing step only applies to an hourly price."
        ),
        "percent": QCoreApplication.translate(
            "Errors", "The percentage must be more than 0 and at most 100."
        ),
        "price_rule_overlap": QCoreApplication.translate(
            "Errors", "A price already exists for this resource and this public in this period."
        ),
        "fee_overlap": QCoreApplication.translate(
            "Errors", "A fee already exists for this public and this duration in this period."
        ),
        "stock_required_for_threshold": QCoreApplication.translate(
            "Errors", "Enter the stock first: a low-stock threshold needs a followed stock."
        ),
        "amount_not_positive": QCoreApplication.translate(
            "Errors", "The amount must be more than 0."
        ),
        # invoicing settings (services/people/structure.py, services/billing/numbering.py)
        "payment_terms_invalid": QCoreApplication.translate(
            "Errors", "Payment terms are between 0 (on receipt) and 60 days."
        ),
        "vat_rate_invalid": QCoreApplication.translate(
            "Errors", "Choose a French VAT rate: 20 %, 10 %, 5.5 % or 2.1 %."
        ),
        "pattern_invalid": QCoreApplication.translate(
            "Errors",
            "The pattern needs {counter} (or {counter:06}) and may only use {year}, {yy} "
            "and {month}.",
        ),
        # invoicing core (services/billing/)
        "discount_exceeds_line": QCoreApplication.translate(
            "Errors", "The discount cannot be more than the line's amount."
        ),
        "quantity_not_positive": QCoreApplication.translate(
            "Errors", "The quantity must be more than 0."
        ),
        "usage_price_frozen": QCoreApplication.translate(
            "Errors", "The price of a usage was fixed at check-out: give a discount instead."
        ),
        "quantity_fixed": QCoreApplication.translate(
            "Errors", "The quantity of this line cannot be changed."
        ),
        "method_invalid": QCoreApplication.translate(
            "Errors", "Choose a payment method from the list."
        ),
        "tendered_too_low": QCoreApplication.translate(
            "Errors", "The cash handed over is less than the amount paid."
        ),
        "voucher_mismatch": QCoreApplication.translate(
            "Errors", "Number of vouchers × their value must equal the amount paid."
        ),
        "series_invalid": QCoreApplication.translate("Errors", "Unknown numbering series."),
        "percent_too_low": QCoreApplication.translate(
            "Errors", "A price cannot go down by more than 100 %."
        ),
        "training_machine_required": QCoreApplication.translate(
            "Errors", "A machine training needs the machine it authorizes."
        ),
        "activity_name_taken": QCoreApplication.translate(
            "Errors", "Another activity already has this name."
        ),
        "session_one_day": QCoreApplication.translate(
            "Errors", "A session starts and ends on the same day."
        ),
        "member_or_group_required": QCoreApplication.translate(
            "Errors", "Choose a member, an organisation or give the group's name."
        ),
        "member_headcount_one": QCoreApplication.translate(
            "Errors", "A member registers alone: register a group for several people."
        ),
        # days and years outside 2000–2100 (domain/inputs.py)
        "date_out_of_range": QCoreApplication.translate(
            "Errors", "The date must be between 01/01/2000 and 12/31/2100."
        ),
        "year_out_of_range": QCoreApplication.translate(
            "Errors", "The year must be between 2000 and 2100."
        ),
        "cheque_deposited": QCoreApplication.translate(
            "Errors", "A checked cheque is already on a deposit slip: reload the list."
        ),
        "cheque_unknown": QCoreApplication.translate(
            "Errors", "A checked cheque no longer exists or is not a cheque received."
        ),
        "cash_over_on_hand": QCoreApplication.translate(
            "Errors", "More cash than the till holds on that day."
        ),
        "period_closed": QCoreApplication.translate(
            "Errors", "This day is in a closed period: choose a later day."
        ),
        "deposit_empty": QCoreApplication.translate(
            "Errors", "Nothing to deposit: check cheques or type an amount of cash."
        ),
        "deposit_before_receipt": QCoreApplication.translate(
            "Errors", "This day is before a checked cheque was received (or before the deposit)."
        ),
        "deposit_cancelled": QCoreApplication.translate(
            "Errors", "This deposit is already cancelled."
        ),
        "deposit_is_reversal": QCoreApplication.translate(
            "Errors", "A cancellation cannot be cancelled: deposit the cheques again."
        ),
        # a voucher issuer's settlement (services/finance/vouchers.py)
        "settlement_exceeds_outstanding": QCoreApplication.translate(
            "Errors", "This is more than the issuer still owes for the vouchers received."
        ),
        # a new password or PIN (domain.permissions.secret_problem), issue 19
        "pin_length": QCoreApplication.translate("Errors", "A PIN has 4 to 6 digits."),
        "password_short": QCoreApplication.translate(
            "Errors",
            "A password has at least 8 characters (or choose a PIN of 4 to 6 digits).",
        ),
        "secret_mismatch": QCoreApplication.translate("Errors", "The two entries differ."),
        "secret_wrong": QCoreApplication.translate(
            "Errors", "This is not your current password or PIN."
        ),
        # Pass numérique numbers (services/activity/dropins.py, issue 22)
        "voucher_twice": QCoreApplication.translate(
            "Errors", "The same voucher number is typed twice for this visit."
        ),
        # New field codes go above this line.
    }
    return messages.get(code, QCoreApplication.translate("Errors", "This value is not valid."))


def error_message(err: DomainError) -> str:
    """One sentence for an error the user caused."""
    if err.code == "not_permitted":  # services.access: the account's roles do not allow it
        return refusal(err.params)
    if err.code == "stale_record":  # another desk saved the record first (issue 20)
        from tierslieu_desktop.ui.stale import stale_message

        return stale_message(err)
    if isinstance(err, ValidationError):
        return QCoreApplication.translate(
            "Errors", "Some fields are not valid: correct the fields marked in red."
        )
    p = err.params
    messages = {
        "not_found": QCoreApplication.translate(
            "Errors", "This record no longer exists: another desk may have changed it."
        ),
        "read_only": QCoreApplication.translate(
            "Errors",
            "The database is read-only: nothing was saved. Check the rights on the file "
            "and its folder, then restart the application.",
        ),
        "value_rejected": QCoreApplication.translate(
            "Errors",
            "The database refused a value (a text too long or holding an invalid "
            "character): nothing was saved. Shorten or retype what you entered.",
        ),
        "organisation_invalid": QCoreApplication.translate(
            "Errors", "The linked organisation must be an existing organisation."
        ),
        # personal data (services/privacy, issue 19)
        "member_anonymised": QCoreApplication.translate(
            "Errors", "This member was anonymised: the card can no longer be changed."
        ),
        "anonymise_blocked": QCoreApplication.translate(
            "Errors",
            "This member cannot be anonymised yet: settle their basket, invoices, bookings "
            "and registrations first.",
        ),
        "confirmation_mismatch": QCoreApplication.translate(
            "Errors", "Type the member's number exactly to confirm."
        ),
        "operator_exists": QCoreApplication.translate(
            "Errors", "An operator with this name already exists."
        ),
        "last_operator": QCoreApplication.translate(
            "Errors", "At least one operator must stay active."
        ),
        # accounts and roles (issue 19)
        "last_administrator": QCoreApplication.translate(
            "Errors",
            "This is the last administrator who can log in: give the Administration role "
            "to another account first.",
        ),
        "administrator_exists": QCoreApplication.translate(
            "Errors", "The administrator account already exists: log in with it."
        ),
        "login_failed": QCoreApplication.translate("Errors", "Wrong password or PIN."),
        "login_wait": QCoreApplication.translate(
            "Errors", "Too many tries: try again in {seconds} s."
        ),
        "not_logged_in": QCoreApplication.translate(
            "Errors", "Nobody is logged in at this desk: log in first."
        ),
        "authorization_exists": QCoreApplication.translate(
            "Errors", "This member already holds this authorization."
        ),
        "amount_invalid": QCoreApplication.translate(
            "Errors", "This amount is not valid (example: 12,50)."
        ),
        "machine_name_taken": QCoreApplication.translate(
            "Errors", "A machine with this name already exists."
        ),
        "space_name_taken": QCoreApplication.translate(
            "Errors", "A space with this name already exists."
        ),
        "space_not_empty": QCoreApplication.translate(
            "Errors", "This space still holds machines: move them first."
        ),
        "space_archived": QCoreApplication.translate(
            "Errors", "The space “{space}” is archived: restore it first."
        ),
        "booking_conflict": QCoreApplication.translate(
            "Errors",
            "{resource} is already booked by {who} from {start} to {end} "
            "(with {buffer} min of preparation after each booking).",
        )
        if p.get("buffer")
        else QCoreApplication.translate(
            "Errors", "{resource} is already booked by {who} from {start} to {end}."
        ),
        "outside_opening_hours": QCoreApplication.translate(
            "Errors", "Outside opening hours: on {day} the place is open {ranges}."
        ),
        "closed_day": QCoreApplication.translate(
            "Errors", "The place is closed on {day} ({reason})."
        )
        if p.get("reason")
        else QCoreApplication.translate("Errors", "The place is closed on {day}."),
        "slot_step": QCoreApplication.translate(
            "Errors", "{resource} is booked by steps of {step} minutes (e.g. 10:00, 10:{step})."
        ),
        "too_short": QCoreApplication.translate(
            "Errors", "A booking of {resource} lasts at least {minutes} minutes."
        ),
        "too_long": QCoreApplication.translate(
            "Errors", "A booking of {resource} lasts at most {minutes} minutes."
        ),
        "too_far_ahead": QCoreApplication.translate(
            "Errors", "{resource} can be booked at most {days} days ahead."
        ),
        "booking_in_past": QCoreApplication.translate(
            "Errors", "This time is already past: choose a time to come."
        ),
        "machine_unavailable": QCoreApplication.translate(
            "Errors", "{resource} cannot be booked: it is {status}."
        ),
        "space_not_bookable": QCoreApplication.translate(
            "Errors", "{resource} is not a space that can be booked (see Machines & spaces)."
        ),
        "resource_archived": QCoreApplication.translate(
            "Errors", "{resource} is archived: it cannot be booked."
        ),
        "member_archived": QCoreApplication.translate(
            "Errors", "{member} is archived: restore the member first."
        ),
        "authorization_required": QCoreApplication.translate(
            "Errors",
            "{member} is not authorized on {resource}: book after a training, or give the "
            "reason for an exception.",
        ),
        "booking_closed": QCoreApplication.translate(
            "Errors", "This booking is {status}: it can no longer be changed."
        ),
        "booking_in_progress": QCoreApplication.translate(
            "Errors", "This booking is in progress: only its end can still change."
        ),
        "price_rule_used": QCoreApplication.translate(
            "Errors",
            "Usages were already priced with this tariff: close it instead of deleting it.",
        ),
        "csv_invalid": QCoreApplication.translate(
            "Errors", "Line {line} of the file is not valid (column {field}): nothing was imported."
        ),
        "wallet_insufficient": QCoreApplication.translate(
            "Errors", "The wallet does not hold enough money for this payment."
        ),
        "pack_type_archived": QCoreApplication.translate(
            "Errors", "The pack {name} is no longer sold."
        ),
        "period_closed": QCoreApplication.translate(
            "Errors", "The period of {day} is closed: nothing can be issued into it any more."
        ),
        "closing_future": QCoreApplication.translate(
            "Errors", "The period from {start} to {end} is not over yet: it cannot be closed."
        ),
        "closing_exists": QCoreApplication.translate(
            "Errors", "The period from {start} to {end} is already closed."
        ),
        # invoicing core (services/billing/)
        "basket_not_open": QCoreApplication.translate(
            "Errors", "This basket has already been validated or cancelled."
        ),
        "basket_empty": QCoreApplication.translate(
            "Errors", "The basket is empty: add a line before validating."
        ),
        "basket_needs_member": QCoreApplication.translate(
            "Errors",
            "A membership, a pack, the wallet or a top-up need a member: choose the member first.",
        ),
        "usage_already_billed": QCoreApplication.translate(
            "Errors", "This usage is already invoiced or in another basket."
        ),
        "usage_other_member": QCoreApplication.translate(
            "Errors", "This usage belongs to another member: it cannot go in this basket."
        ),
        "usage_not_charged": QCoreApplication.translate(
            "Errors", "This usage has not been checked out yet: it has no price."
        ),
        "payment_exceeds_total": QCoreApplication.translate(
            "Errors", "The payments are more than what is left to pay."
        ),
        "invoice_already_paid": QCoreApplication.translate(
            "Errors", "Invoice {number} is already paid."
        ),
        "not_an_invoice": QCoreApplication.translate(
            "Errors", "{number} is a credit note, not an invoice."
        ),
        "credit_exceeds_invoice": QCoreApplication.translate(
            "Errors", "This is more than what is left to credit on invoice {number}."
        ),
        "refund_exceeds_credit": QCoreApplication.translate(
            "Errors",
            "The refund cannot be more than the credit note nor than what was paid beyond "
            "what is still due.",
        ),
        "structure_missing": QCoreApplication.translate(
            "Errors",
            "Enter the structure's name and address (Settings → Structure) before invoicing.",
        ),
        "number_taken": QCoreApplication.translate(
            "Errors",
            "Number {number} is already used: change the numbering pattern (Settings).",
        ),
        "booking_of_session": QCoreApplication.translate(
            "Errors",
            "This booking holds a machine or a room for the session \u201c{activity}\u201d: "
            "change or cancel the session on the Activity page.",
        ),
        "activity_archived": QCoreApplication.translate(
            "Errors", "The activity \u201c{activity}\u201d is archived: no new session."
        ),
        "session_cancelled": QCoreApplication.translate("Errors", "This session is cancelled."),
        "session_has_attendance": QCoreApplication.translate(
            "Errors",
            "Attendance has already been ticked for this session: it took place and "
            "cannot be cancelled.",
        ),
        "capacity_below_registered": QCoreApplication.translate(
            "Errors",
            "{registered} seats are already taken: the capacity cannot be lower. "
            "Cancel registrations first.",
        ),
        "session_full": QCoreApplication.translate(
            "Errors", "Not enough free seats: {free} left in this session."
        ),
        "already_registered": QCoreApplication.translate(
            "Errors", "{member} is already registered or waiting for this session."
        ),
        "group_already_registered": QCoreApplication.translate(
            "Errors",
            "The group \u201c{group}\u201d is already registered for this session: change its "
            "head-count in the list of registrations.",
        ),
        "registration_cancelled": QCoreApplication.translate(
            "Errors", "This registration is already cancelled."
        ),
        "registration_session_started": QCoreApplication.translate(
            "Errors",
            "The session has started: a registration can no longer be cancelled. "
            "Tick the person absent or excused instead.",
        ),
        "registration_not_seated": QCoreApplication.translate(
            "Errors", "Attendance is ticked only for registered people, not the waiting list."
        ),
        "attendance_too_early": QCoreApplication.translate(
            "Errors", "Attendance can be ticked from the day of the session on."
        ),
        "registration_already_billed": QCoreApplication.translate(
            "Errors", "This registration is already on an invoice or in a basket."
        ),
        # what comes in (domain/inputs.py)
        "year_out_of_range": QCoreApplication.translate(
            "Errors", "The year {year} is outside the accepted years (2000 to 2100)."
        ),
        "file_undecodable": QCoreApplication.translate(
            "Errors",
            "Line {line} of the file holds characters that are neither UTF-8 nor "
            "Windows-1252 (Latin-1): save it again as \u201cCSV UTF-8\u201d. "
            "Nothing was imported.",
        ),
        # errors seen, never lost (db/engine.py, services/finance/fec.py)
        "database_busy": QCoreApplication.translate(
            "Errors",
            "The database is busy: another desk is saving. Nothing of this action was "
            "saved; wait a moment and try again.",
        ),
        # the database out of reach (db/engine.py; the banner: ui/connection.py)
        "server_unreachable": QCoreApplication.translate(
            "Errors",
            "The database server does not answer. Nothing was saved; what you typed is "
            "kept. Trying again automatically…",
        ),
        "database_file_unreachable": QCoreApplication.translate(
            "Errors",
            "The database file cannot be found ({target}): the network share or the disk "
            "that holds it may be disconnected. Nothing was saved; what you typed is kept. "
            "Trying again automatically…",
        ),
        "fec_account_invalid": QCoreApplication.translate(
            "Errors",
            'The account "{account}" of "{key}" is not a valid account number (digits '
            "only): correct it in Finances › Accounts. The FEC was not written.",
        ),
        # B2C e-reporting (services/billing/ereporting.py)
        "ereporting_no_siren": QCoreApplication.translate(
            "Errors",
            "The structure's SIRET is missing or not valid (Settings › Structure): the "
            "e-reporting names the declarant by its SIREN. No file was written.",
        ),
        "ereporting_period": QCoreApplication.translate(
            "Errors",
            "The e-reporting period ends after it starts and lasts two days at least. No "
            "file was written.",
        ),
        # the journal (services/finance/journal/core.py)
        "journal_unbalanced": QCoreApplication.translate(
            "Errors",
            "The entry of the piece {piece} does not balance (debit {debit}, credit "
            "{credit}, in cents). The FEC was not written.",
        ),
        "journal_account_unknown": QCoreApplication.translate(
            "Errors",
            'The piece {piece} uses the account "{key}", which Finances › Accounts does '
            "not list. The FEC was not written.",
        ),
        # backups and restores (services/safety/backups.py, auto_backup.py)
        "backup_sqlite_only": QCoreApplication.translate(
            "Errors",
            "A PostgreSQL database is not backed up by the application: back it up on "
            "the server (pg_dump).",
        ),
        "restore_on_server": QCoreApplication.translate(
            "Errors",
            "A PostgreSQL database is restored on the server, with every desk closed "
            "(pg_restore): follow \u201cRestoring a backup\u201d in the server guide. "
            "Nothing was changed.",
        ),
        "pg_tool_missing": QCoreApplication.translate(
            "Errors",
            "PostgreSQL's {tool} command is not installed on this computer: install the "
            "package {package}, then try again. Nothing was written.",
        ),
        "backup_dump_failed": QCoreApplication.translate(
            "Errors", "pg_dump could not back up the database: {detail}"
        ),
        "backup_not_found": QCoreApplication.translate(
            "Errors", "The file {file} no longer exists."
        ),
        "restore_same_file": QCoreApplication.translate(
            "Errors", "{file} is the database itself: nothing was changed."
        ),
        "backup_damaged": QCoreApplication.translate(
            "Errors",
            "The backup {file} is damaged (or cut short): it was not restored and the "
            "database is unchanged. Choose another backup.",
        ),
        "backup_copy_damaged": QCoreApplication.translate(
            "Errors",
            "The backup {file} was written but SQLite finds it damaged: the database may be "
            "damaged too. Run \u201ctierslieu verify\u201d.",
        ),
        "backup_not_tierslieu": QCoreApplication.translate(
            "Errors", "{file} is not a Tiers-Lieu database: nothing was changed."
        ),
        "backup_newer_than_app": QCoreApplication.translate(
            "Errors",
            "{file} comes from a newer version of Tiers-Lieu Desktop: update the "
            "application first. Nothing was changed.",
        ),
        "grant_in_use": QCoreApplication.translate(
            "Errors",
            "The grant {grant} has payments or expenses attached: it cannot be deleted. "
            "Remove them first, or edit the grant.",
        ),
        "database_in_use": QCoreApplication.translate(
            "Errors",
            "The database is open on another desk (or in another window): close it there, "
            "then try again. Nothing was changed.",
        ),
        "backup_passphrase_required": QCoreApplication.translate(
            "Errors", "This backup is encrypted: type its passphrase."
        ),
        "backup_wrong_passphrase": QCoreApplication.translate(
            "Errors",
            "This is not the passphrase of this backup: nothing was changed. Check the "
            "capital letters and accents.",
        ),
        "restore_failed": QCoreApplication.translate(
            "Errors",
            "The backup could not be restored ({detail}): the database is unchanged.",
        ),
        "usage_invoiced": QCoreApplication.translate(
            "Errors",
            "This usage is on invoice {number}: it can no longer be corrected. Issue a credit "
            "note on that invoice (Checkout & invoices › Invoices), then bill the right amount.",
        ),
        # Pass numérique vouchers and their claims (issue 22)
        "voucher_seen": QCoreApplication.translate(
            "Errors",
            "Voucher {number} was already recorded at the visit of {at} (visit no. "
            "{drop_in_id}): a voucher is taken only once. Nothing was saved.",
        ),
        "voucher_claimed": QCoreApplication.translate(
            "Errors",
            "Voucher {number} is on the claim list {claim} sent to the issuer: it stays "
            "with its visit.",
        ),
        "nothing_to_claim": QCoreApplication.translate(
            "Errors", "No voucher of that month is left to claim."
        ),
        "claim_reimbursed": QCoreApplication.translate(
            "Errors", "The claim list {reference} is already recorded as reimbursed."
        ),
        "claim_unknown": QCoreApplication.translate(
            "Errors", "There is no claim list {reference}."
        ),
        # New error codes go above this line.
    }
    text = messages.get(err.code)
    if text is None:
        return QCoreApplication.translate(
            "Errors", "The action could not be completed ({code})."
        ).format(code=err.code)
    try:
        return text.format(**_display_params(p))
    except (KeyError, IndexError):
        return text


def _display_params(params: dict[str, object]) -> dict[str, str | int]:
    """Dates, times, ranges and statuses in the user's language."""
    from tierslieu_desktop.i18n import formatting
    from tierslieu_desktop.ui.labels import booking_status_labels, machine_status_text

    shown: dict[str, str | int] = {}
    for key, value in params.items():
        if isinstance(value, datetime):
            shown[key] = formatting.local_datetime(value)
        elif isinstance(value, date):
            shown[key] = formatting.long_date(value)
        elif key == "ranges" and isinstance(value, tuple | list):
            shown[key] = formatting.minute_ranges(value)
        elif key == "status" and isinstance(value, str):
            shown[key] = booking_status_labels().get(value) or machine_status_text(value)
        elif isinstance(value, str | int):
            shown[key] = value
    return shown


def retry_when_busy(parent: QWidget | None, err: DomainError) -> bool:
    """For a busy database (another desk kept it past the wait), a message box that says
    nothing was saved and offers « Réessayer » and « Annuler ». True when the user chose
    to try again: the caller then runs the same action again. False for Annuler, and for
    any other error (nothing shown: the caller shows it as usual)."""
    if err.code != "database_busy":
        return False
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Database busy"))
    box.setText(error_message(err))
    box.setAccessibleName(QCoreApplication.translate("Errors", "Database busy"))
    again = box.addButton(
        QCoreApplication.translate("Errors", "Try again"), QMessageBox.ButtonRole.AcceptRole
    )
    again.setAccessibleName(QCoreApplication.translate("Errors", "Try the action again"))
    cancel = box.addButton(
        QCoreApplication.translate("Errors", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    cancel.setAccessibleName(QCoreApplication.translate("Errors", "Cancel"))
    box.setDefaultButton(again)
    box.setEscapeButton(cancel)
    box.exec()
    if box.clickedButton() is again:
        return True
    err.params["shown"] = True  # said once: show_error does not say it again
    return False


def run_write(parent: QWidget | None, action: Callable[[], T]) -> T:
    """Run a write ``action`` of the user; while the database is busy, offer « Réessayer »
    and run it again. Any other error (or busy, then Annuler) is raised to the caller."""
    while True:
        try:
            return action()
        except DomainError as err:
            if not retry_when_busy(parent, err):
                raise


def show_error(
    parent: QWidget | None, err: DomainError, retry: Callable[[], object] | None = None
) -> None:
    """The error in a message box. With ``retry`` (the action that failed), a busy
    database offers « Réessayer », which runs ``retry`` again."""
    if retry is not None and retry_when_busy(parent, err):
        retry()
        return
    if err.params.get("shown"):
        return
    QMessageBox.warning(
        parent, QCoreApplication.translate("Errors", "Cannot do that"), error_message(err)
    )
