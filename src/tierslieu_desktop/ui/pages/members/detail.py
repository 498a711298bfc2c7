"""The right-hand panel of the Members page: who the member is, their memberships (and
a renewal button when none covers today), their wallet and prepaid packs, and the
machines they are authorized on."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierslieu_desktop.domain.calendar import lab_today, to_local, utcnow
from tierslieu_desktop.domain.enums import MemberKind
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.domain.pricing import format_duration
from tierslieu_desktop.fileperms import write_private_bytes
from tierslieu_desktop.i18n import formatting
from tierslieu_desktop.services.people import members as member_service
from tierslieu_desktop.services.people.members import MemberDetail
from tierslieu_desktop.services.pricing import packs as pack_service
from tierslieu_desktop.services.scheduling import ical
from tierslieu_desktop.ui import file_dialogs
from tierslieu_desktop.ui.access import follow_permission
from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.desktop_files import announce_saved
from tierslieu_desktop.ui.errors import run_write, show_error
from tierslieu_desktop.ui.labels import age_band_labels, organisation_type_labels
from tierslieu_desktop.ui.pages.frontdesk.usage_correction import MemberUsagesBox
from tierslieu_desktop.ui.widgets.confirm import ask_reason
from tierslieu_desktop.ui.widgets.history import HistoryDialog
from tierslieu_desktop.ui.widgets.responsive import follow_content, scroll_minimum

if TYPE_CHECKING:
    from tierslieu_desktop.ui.pages.members.membership_dialog import MembershipDialog


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(90)
    table.setWordWrap(False)
    return table


class MemberDetailPanel(QScrollArea):
    edit_requested = Signal()

    def __init__(
        self, ctx: AppContext, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self.detail: MemberDetail | None = None
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setObjectName("memberDetail")
        body = QWidget()
        self.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(12, 8, 12, 8)

        self.empty = QLabel(self.tr("Select a member to see their details."))
        self.empty.setObjectName("placeholderText")
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)

        self.content = QWidget()
        c = QVBoxLayout(self.content)
        c.setContentsMargins(0, 0, 0, 0)
        self.name = QLabel()
        self.name.setObjectName("detailName")
        self.name.setStyleSheet("font-size: 15pt; font-weight: 600; color: #1f3a4d;")
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        c.addWidget(self.name)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("detailSubtitle")
        self.subtitle.setStyleSheet("color: #53626d;")
        c.addWidget(self.subtitle)
        export_row = QHBoxLayout()
        # The front desk's next steps for this member, on the page that suits them.
        self.book_button = QPushButton(self.tr("&Book…"))
        self.book_button.setAccessibleName(self.tr("Book a machine or a space for the member"))
        self.book_button.clicked.connect(lambda: self._ask_window("book_for_member"))
        self.checkout_button = QPushButton(self.tr("Check &out…"))
        self.checkout_button.setAccessibleName(self.tr("Open the member's basket"))
        self.checkout_button.clicked.connect(lambda: self._ask_window("checkout_member"))
        self.export_button = QPushButton(self.tr("Export bookings (.ics)…"))
        self.export_button.setAccessibleName(self.tr("Export the member's bookings"))
        self.export_button.clicked.connect(self.export_bookings)
        self.register_button = QPushButton(self.tr("&Register…"))
        self.register_button.setAccessibleName(self.tr("Register the member for a session"))
        self.register_button.setToolTip(
            self.tr("Activity › Sessions: choose the session, then “Register a member…”")
        )
        self.register_button.clicked.connect(lambda: self._ask_window("register_member"))
        actions_row = QHBoxLayout()
        actions_row.addWidget(self.book_button)
        actions_row.addWidget(self.checkout_button)
        actions_row.addWidget(self.register_button)
        actions_row.addStretch(1)
        c.addLayout(actions_row)
        export_row.addWidget(self.export_button)
        self.personal_data_button = QPushButton(self.tr("Personal &data…"))
        self.personal_data_button.setAccessibleName(
            self.tr("Export or anonymise the member's personal data")
        )
        self.personal_data_button.clicked.connect(self.personal_data)
        export_row.addWidget(self.personal_data_button)
        export_row.addStretch(1)
        c.addLayout(export_row)

        self.info = QFormLayout()
        self.info.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        c.addLayout(self.info)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("audience", self.tr("Public:")),
            ("organisation", self.tr("Organisation:")),
            ("organisation_type", self.tr("Type:")),
            ("siret", self.tr("SIRET:")),
            ("email", self.tr("Email:")),
            ("phone", self.tr("Phone:")),
            ("address", self.tr("Address:")),
            ("age", self.tr("Age:")),
            ("guardian", self.tr("Legal guardian:")),
            ("consents", self.tr("Consents:")),
            ("notes", self.tr("Notes:")),
            ("history", self.tr("Record:")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            # wrap at the panel's width instead of widening the panel for a long word
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            value.setMinimumWidth(120)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"detail_{key}")
            value.setAccessibleName(label.rstrip(" :"))
            self.info.addRow(label, value)
            self.values[key] = value

        ms_box = QGroupBox(self.tr("Memberships"))
        ms = QVBoxLayout(ms_box)
        self.memberships = _table(
            [self.tr("Public"), self.tr("From"), self.tr("Until"), self.tr("Fee")],
            self.tr("Memberships"),
        )
        self.memberships.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.memberships.horizontalHeader().setStretchLastSection(False)
        ms.addWidget(self.memberships)
        row = QHBoxLayout()
        self.add_membership_button = QPushButton(self.tr("&Add…"))
        self.add_membership_button.setAccessibleName(self.tr("Add a membership"))
        self.add_membership_button.clicked.connect(self.add_membership)
        self.remove_membership_button = QPushButton(self.tr("Remove…"))
        self.remove_membership_button.setAccessibleName(self.tr("Remove the membership"))
        self.remove_membership_button.clicked.connect(self.remove_membership)
        row.addWidget(self.add_membership_button)
        row.addWidget(self.remove_membership_button)
        row.addStretch(1)
        ms.addLayout(row)
        self.renew_button = QPushButton()
        self.renew_button.setObjectName("renewMembership")
        self.renew_button.setAccessibleName(self.tr("Renew the membership"))
        self.renew_button.setStyleSheet("text-align: left; padding: 4px 8px;")
        self.renew_button.clicked.connect(self.renew_membership)
        self.renew_button.hide()
        ms.addWidget(self.renew_button)
        self.renewal: pack_service.RenewalSuggestion | None = None
        c.addWidget(ms_box)

        wallet_box = QGroupBox(self.tr("Wallet"))
        wa = QVBoxLayout(wallet_box)
        row = QHBoxLayout()
        self.wallet_balance = QLabel()
        self.wallet_balance.setObjectName("walletBalance")
        self.wallet_balance.setStyleSheet("font-weight: 600;")
        row.addWidget(self.wallet_balance)
        row.addStretch(1)
        self.credit_button = QPushButton(self.tr("&Credit…"))
        self.credit_button.setAccessibleName(self.tr("Credit the wallet"))
        self.credit_button.clicked.connect(self.credit_wallet)
        row.addWidget(self.credit_button)
        wa.addLayout(row)
        self.wallet_history = _table(
            [self.tr("Date"), self.tr("Amount"), self.tr("Note")], self.tr("Wallet history")
        )
        self.wallet_history.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.wallet_history.horizontalHeader().setStretchLastSection(False)
        self.wallet_history.setMaximumHeight(140)
        wa.addWidget(self.wallet_history)
        c.addWidget(wallet_box)

        packs_box = QGroupBox(self.tr("Prepaid packs"))
        pa = QVBoxLayout(packs_box)
        self.packs = QListWidget()
        self.packs.setAccessibleName(self.tr("Prepaid packs"))
        self.packs.setMinimumHeight(60)
        self.packs.setMaximumHeight(110)
        self.packs.itemActivated.connect(lambda _item: self.show_pack_movements())
        self.packs.currentRowChanged.connect(lambda _row: self._update_buttons())
        pa.addWidget(self.packs)
        row = QHBoxLayout()
        self.sell_pack_button = QPushButton(self.tr("&Sell a pack…"))
        self.sell_pack_button.setAccessibleName(self.tr("Sell a pack"))
        self.sell_pack_button.clicked.connect(self.sell_pack)
        self.pack_movements_button = QPushButton(self.tr("Movements…"))
        self.pack_movements_button.setAccessibleName(self.tr("Movements of the pack"))
        self.pack_movements_button.clicked.connect(self.show_pack_movements)
        row.addWidget(self.sell_pack_button)
        row.addWidget(self.pack_movements_button)
        row.addStretch(1)
        pa.addLayout(row)
        c.addWidget(packs_box)
        self.usages_box = MemberUsagesBox(ctx)  # issue 17: « Corriger l'usage… »
        c.addWidget(self.usages_box)

        auth_box = QGroupBox(self.tr("Machine authorizations"))
        au = QVBoxLayout(auth_box)
        self.authorizations = _table(
            [self.tr("Machine or category"), self.tr("Since"), self.tr("Trainer")],
            self.tr("Machine authorizations"),
        )
        self.authorizations.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.authorizations.horizontalHeader().setStretchLastSection(False)
        au.addWidget(self.authorizations)
        hint = QLabel(self.tr("Authorizations are granted from the Machines & spaces page."))
        hint.setStyleSheet("color: #53626d;")
        hint.setWordWrap(True)
        au.addWidget(hint)
        c.addWidget(auth_box)

        self.people_box = QGroupBox(self.tr("People of this organisation"))
        pe = QVBoxLayout(self.people_box)
        self.people = _table(
            [self.tr("No."), self.tr("Name"), self.tr("Email")],
            self.tr("People of this organisation"),
        )
        pe.addWidget(self.people)
        c.addWidget(self.people_box)
        row = QHBoxLayout()
        # what the account logged in may not do is not offered (issue 19; services refuse)
        for button, permission in (
            (self.book_button, Permission.BOOKINGS),
            (self.checkout_button, Permission.CHECKOUT),
            (self.register_button, Permission.ACTIVITY),
            (self.personal_data_button, Permission.PERSONAL_DATA),
            (self.credit_button, Permission.CHECKOUT),
            (self.sell_pack_button, Permission.CHECKOUT),
        ):
            follow_permission(ctx, button, permission, hide=True)
        self.history_button = QPushButton(self.tr("&History…"))
        self.history_button.setAccessibleName(self.tr("History of the member's record"))
        self.history_button.clicked.connect(self.show_history)
        row.addWidget(self.history_button)
        row.addStretch(1)
        c.addLayout(row)
        c.addStretch(1)
        lay.addWidget(self.content)
        lay.addStretch(1)
        self.content.hide()
        follow_content(self)  # a longer renewal button widens the card, never cut
        self.memberships.itemSelectionChanged.connect(self._update_buttons)

    def minimumSizeHint(self) -> QSize:  # Qt's name
        """As wide as the card needs: the splitter never cuts its buttons."""
        return scroll_minimum(self)

    # --- display -----------------------------------------------------------------

    def show_member(self, member_id: int | None) -> None:
        if member_id is None:
            self.detail = None
            self.content.hide()
            self.empty.show()
            return
        try:
            self.detail = member_service.get_member(self.ctx.db, member_id)
        except DomainError:
            self.detail = None
            self.content.hide()
            self.empty.show()
            return
        self._fill(self.detail)
        self.empty.hide()
        self.content.show()

    def refresh(self) -> None:
        self.show_member(self.detail.id if self.detail else None)

    def _ask_window(self, action: str) -> None:
        """Book for / check out the member shown: the main window opens the page."""
        if self.detail is None:
            return
        self.ctx.set_current_member(self.detail.id)
        slot = getattr(self.window(), action, None)
        if callable(slot):
            slot(self.detail.id)

    def _fill(self, d: MemberDetail) -> None:
        data = d.data
        person = data.kind == MemberKind.PERSON
        self.name.setText(d.display_name)
        kind = self.tr("Person") if person else self.tr("Organisation")
        subtitle = self.tr("Member {number} · {kind}").format(number=d.number, kind=kind)
        if d.archived:
            subtitle += " · " + self.tr("archived on {date}").format(
                date=formatting.short_date(d.archived_at.date() if d.archived_at else None)
            )
        self.subtitle.setText(subtitle)
        v = self.values
        v["audience"].setText(d.audience_name or self.tr("not given"))
        v["organisation"].setText(d.organisation_name)
        org_types = organisation_type_labels()
        v["organisation_type"].setText(
            org_types[data.organisation_type] if data.organisation_type else ""
        )
        v["siret"].setText(data.siret)
        v["email"].setText(data.email)
        v["phone"].setText(data.phone)
        v["address"].setText(
            "\n".join(p for p in (data.address, f"{data.postcode} {data.city}".strip()) if p)
        )
        age = ""
        if data.birth_year:
            age = self.tr("born in {year}").format(year=data.birth_year)
        elif data.age_band:
            age = age_band_labels()[data.age_band]
        if member_service.is_minor(data, self._today):
            age = (age + " · " if age else "") + self.tr("minor")
        from tierslieu_desktop.ui.labels import gender_labels, situation_labels

        optional = [  # issue 16: shown when given, never asked for here
            *([gender_labels()[data.gender]] if data.gender else []),
            *([situation_labels()[data.situation]] if data.situation else []),
        ]
        age = " · ".join([age, *optional] if age else optional)
        v["age"].setText(age)
        v["guardian"].setText(
            "\n".join(
                p for p in (data.guardian_name, data.guardian_phone, data.guardian_email) if p
            )
        )
        yes, no = self.tr("yes"), self.tr("no")
        v["consents"].setText(
            self.tr("newsletter: {newsletter} · photos: {photos}").format(
                newsletter=yes if data.consent_newsletter else no,
                photos=yes if data.consent_photos else no,
            )
        )
        self._date_consents(d.id)
        v["notes"].setText(data.notes)
        v["history"].setText(
            self.tr("created {created} by {created_by}; changed {updated} by {updated_by}").format(
                created=formatting.local_datetime(d.created_at),
                created_by=d.created_by or "—",
                updated=formatting.local_datetime(d.updated_at),
                updated_by=d.updated_by or "—",
            )
        )
        shown = {
            "organisation": person and bool(d.organisation_name),
            "organisation_type": not person,
            "siret": not person and bool(data.siret),
            "age": person and bool(age),
            "guardian": person and bool(data.guardian_name),
            "notes": bool(data.notes),
            "email": bool(data.email),
            "phone": bool(data.phone),
            "address": bool(v["address"].text()),
        }
        for key, visible in shown.items():
            self.info.setRowVisible(v[key], visible)

        today = self._today or lab_today()
        self.memberships.setRowCount(len(d.memberships))
        for i, m in enumerate(d.memberships):
            cells = [
                m.audience_name,
                formatting.short_date(m.start_date),
                formatting.short_date(m.end_date),
                formatting.money(m.fee_cents),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m.id)
                if m.note:
                    item.setToolTip(m.note)
                if m.start_date <= today <= m.end_date:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.memberships.setItem(i, col, item)
        self.authorizations.setRowCount(len(d.authorizations))
        for i, a in enumerate(d.authorizations):
            label = (
                a.label
                if a.machine_id
                else self.tr("{category} (whole category)").format(category=a.label)
            )
            for col, text in enumerate((label, formatting.short_date(a.granted_on), a.trainer)):
                self.authorizations.setItem(i, col, QTableWidgetItem(text))
        self.people_box.setVisible(not person)
        self.people.setRowCount(len(d.people))
        for i, p in enumerate(d.people):
            for col, text in enumerate((p.number, p.display_name, p.email)):
                self.people.setItem(i, col, QTableWidgetItem(text))
        self.add_membership_button.setEnabled(not d.archived)
        self._fill_money(d, today)
        self.usages_box.show_member(d.id)
        self._update_buttons()

    def _fill_money(self, d: MemberDetail, today: date) -> None:
        """Renewal, wallet and packs."""
        self.renewal = (
            None if d.archived else pack_service.renewal_suggestion(self.ctx.db, d.id, today)
        )
        r = self.renewal
        if r is not None:
            if r.expired_on is not None:
                text = self.tr("Membership expired on {date} — renew").format(
                    date=formatting.short_date(r.expired_on)
                )
            else:
                text = self.tr("No membership — join")
            if r.fee_cents is not None:
                text += f" ({formatting.money(r.fee_cents)})"
            self.renew_button.setText(text + "…")
        self.renew_button.setVisible(r is not None)

        balance = pack_service.wallet_balance(self.ctx.db, d.id)
        self.wallet_balance.setText(
            self.tr("Wallet: {amount}").format(amount=formatting.money(balance))
        )
        self.wallet_balance.setAccessibleName(self.wallet_balance.text())
        moves = list(reversed(pack_service.wallet_movements(self.ctx.db, d.id)))
        self.wallet_history.setRowCount(len(moves))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for i, m in enumerate(moves):
            amount = formatting.money(m.amount)
            cells = [
                formatting.local_datetime(m.at),
                ("+" + amount) if m.amount > 0 else amount,
                m.note,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setTextAlignment(right)
                self.wallet_history.setItem(i, col, item)

        self.packs.clear()
        for p in pack_service.member_packs(self.ctx.db, d.id, today):
            text = self.tr("{name} — {left} left, until {date}").format(
                name=p.name,
                left=format_duration(p.minutes_left),
                date=formatting.short_date(p.expires_on),
            )
            if p.expired:
                text = self.tr("{name} — expired on {date}").format(
                    name=p.name, date=formatting.short_date(p.expires_on)
                )
            pack_item = QListWidgetItem(text)
            pack_item.setData(Qt.ItemDataRole.UserRole, p.id)
            if p.expired or p.minutes_left == 0:
                pack_item.setForeground(QColor("#6b7780"))
            self.packs.addItem(pack_item)
        self.credit_button.setEnabled(not d.archived)
        self.sell_pack_button.setEnabled(not d.archived)
        self.book_button.setEnabled(not d.archived)
        self.checkout_button.setEnabled(not d.archived)
        # a person registers; an organisation brings a group (its own dialog)
        self.register_button.setEnabled(not d.archived and d.data.kind == MemberKind.PERSON)

    def _update_buttons(self) -> None:
        self.remove_membership_button.setEnabled(
            self.detail is not None and bool(self.memberships.selectedItems())
        )
        self.pack_movements_button.setEnabled(self.selected_pack_id() is not None)

    def selected_pack_id(self) -> int | None:
        item = self.packs.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def pack_texts(self) -> list[str]:
        return [self.packs.item(i).text() for i in range(self.packs.count())]

    # --- actions -----------------------------------------------------------------

    def add_membership(self) -> None:
        if self.detail is None:
            return
        from tierslieu_desktop.ui.pages.members.membership_dialog import MembershipDialog

        dialog = MembershipDialog(
            self.ctx, self.detail.id, self.detail.data.audience_id, self._today, self
        )
        if dialog.exec():
            self.refresh()

    def renewal_dialog(self) -> MembershipDialog | None:
        """The membership dialog prefilled with the suggested renewal (not shown yet)."""
        from tierslieu_desktop.ui.pages.members.membership_dialog import MembershipDialog

        if self.detail is None:
            return None
        return MembershipDialog(
            self.ctx,
            self.detail.id,
            self.detail.data.audience_id,
            self._today,
            self,
            suggestion=self.renewal,
        )

    def renew_membership(self) -> None:
        dialog = self.renewal_dialog()
        if dialog is not None and dialog.exec():
            self.refresh()

    def credit_wallet(self) -> None:
        if self.detail is None:
            return
        from tierslieu_desktop.ui.pages.members.wallet_dialog import WalletCreditDialog

        dialog = WalletCreditDialog(self.ctx, self.detail.id, self.detail.display_name, self)
        if dialog.exec():
            self.refresh()

    def sell_pack(self) -> None:
        if self.detail is None:
            return
        from tierslieu_desktop.ui.pages.members.pack_dialog import SellPackDialog

        dialog = SellPackDialog(self.ctx, self.detail.id, self._today, self)
        if dialog.exec():
            self.refresh()

    def show_pack_movements(self) -> None:
        pack_id = self.selected_pack_id()
        if pack_id is None:
            return
        from tierslieu_desktop.ui.pages.members.pack_dialog import PackMovementsDialog

        title = self.packs.currentItem().text()
        PackMovementsDialog(self.ctx, pack_id, title, self).exec()

    def _date_consents(self, member_id: int) -> None:
        """The consents' last change dated on the card; the whole history in its tooltip."""
        from tierslieu_desktop.services.people.consents import consent_history
        from tierslieu_desktop.ui.pages.members.personal_data_dialog import consent_text

        history = consent_history(self.ctx.db, member_id)
        label = self.values["consents"]
        if not history:
            label.setToolTip("")
            return
        last = history[-1]
        label.setText(
            label.text()
            + "\n"
            + self.tr("{change} on {date}").format(
                change=consent_text(last), date=formatting.short_date(to_local(last.at).date())
            )
        )
        label.setToolTip(
            "\n".join(
                f"{formatting.local_datetime(row.at)} — {consent_text(row)}" for row in history
            )
        )

    def personal_data(self) -> None:
        """« Données personnelles… »: consents history, export, anonymisation."""
        if self.detail is None:
            return
        from tierslieu_desktop.ui.pages.members.personal_data_dialog import PersonalDataDialog

        dialog = PersonalDataDialog(self.ctx, self.detail.id, self)
        dialog.exec()
        if dialog.anonymised:
            self.refresh()

    def history_dialog(self) -> HistoryDialog | None:
        """The « Historique » of the member shown: every change of their record."""
        if self.detail is None:
            return None
        return HistoryDialog(
            self.ctx.db,
            "member",
            self.detail.id,
            self.tr("History of {name}").format(name=self.detail.display_name),
            self,
        )

    def show_history(self) -> None:
        dialog = self.history_dialog()
        if dialog is not None:
            dialog.exec()

    def export_bookings(self) -> None:
        if self.detail is None:
            return
        path = file_dialogs.save_file(
            self,
            self.tr("Export the bookings of {name}").format(name=self.detail.display_name),
            f"{self.detail.number or 'member'}.ics",
            self.tr("Calendar files (*.ics)"),
            kind="calendar",
        )
        if path and self.write_bookings_ics(path):
            announce_saved(self, path, "report")

    def write_bookings_ics(self, path: str) -> bool:
        """The member's bookings, a month ago to a year ahead, as an .ics file at ``path``."""
        if self.detail is None:
            return False
        now = utcnow()
        try:
            data = ical.export_member(
                self.ctx.db, self.detail.id, now - timedelta(days=30), now + timedelta(days=365)
            )
            write_private_bytes(path, data)
        except DomainError as exc:
            show_error(self, exc)
            return False
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Export bookings"),
                self.tr("The file could not be written: {error}").format(error=exc.strerror or exc),
            )
            return False
        return True

    def selected_membership_id(self) -> int | None:
        items = self.memberships.selectedItems()
        return int(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def remove_membership(self) -> None:
        ms_id = self.selected_membership_id()
        if ms_id is None or self.detail is None:
            return
        reason = ask_reason(
            self,
            self.tr("Remove the membership"),
            self.tr(
                "Remove this membership of {name}? Do it only for a membership entered by mistake."
            ).format(name=self.detail.display_name),
            self.tr("Remove"),
        )
        if reason is None:
            return
        try:
            run_write(
                self,
                lambda: member_service.remove_membership(
                    self.ctx.db, self.ctx.operator_id, ms_id, reason
                ),
            )
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.notify("membership", [ms_id])
        self.refresh()
