"""What every dialog of the application gets without asking for it (issue 17), through one
event filter on the application (``install``, called by the main window):

- F1 opens the user guide at the dialog's section (``help_section``), even while the dialog
  is modal: the guide's window is then a child of the dialog, so that Qt's modality (which
  blocks every other window) leaves it usable, shown above the dialog. The section is the
  dialog's ``HELP_SECTION`` class attribute when it has one, else the one named for it in
  ``SECTIONS``, else the section of the page whose package defines it, else the section of
  the page it was opened from, else the contents.
- A dialog keeps its size while it is filled: when first shown, what it holds above its
  buttons is moved into a vertical scroll area (``scroll_body``), so that an error shown
  under a field, a line added or a message scrolls its fields instead of growing the
  window under the mouse (the booking dialog's and the departure's reserved room went
  further: they never even scroll). The buttons stay in sight.
- A dialog is opened within the free area of its screen (a 1024×600 screen too): one asked
  for taller or wider than the screen (a size computed from what it holds) is brought back
  to the screen, its fields scrolling."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

# Dialogs with a section of the guide of their own (the desk's daily flows).
SECTIONS = {
    "tierslieu_desktop.ui.pages.frontdesk.walkin.WalkInDialog": "flow-arrival",
    "tierslieu_desktop.ui.pages.frontdesk.checkout.CheckOutDialog": "flow-departure",
    "tierslieu_desktop.ui.pages.frontdesk.usage_correction.UsageCorrectionDialog": (
        "flow-usage-correction"
    ),
    "tierslieu_desktop.ui.pages.checkout.payment_dialog.PaymentDialog": "flow-collect",
    "tierslieu_desktop.ui.pages.checkout.deposits_tab.DepositDialog": "flow-bank-deposit",
    "tierslieu_desktop.ui.pages.activity.dropin_tab.DropInDialog": "activity-cyberbase",
    "tierslieu_desktop.ui.about_dialog.AboutDialog": "about",
    "tierslieu_desktop.ui.restore_dialog.RestoreDialog": "settings",
}
# The page a package of ui/pages/ belongs to (the front desk's dialogs: Accueil).
PAGE_OF_PACKAGE = {"frontdesk": "home", "home": "home"}
PAGES = (
    "home",
    "members",
    "machines",
    "bookings",
    "activity",
    "checkout",
    "finances",
    "reports",
    "settings",
)
SCROLLED = "everyDialogScrolled"  # the dialog's property once its body is looked at
SCREEN_MARGIN = 8  # px left around a dialog brought back within the screen


def class_section(cls: type) -> str | None:
    """The guide's section of a dialog class: its ``HELP_SECTION``, the one ``SECTIONS``
    names for it, or its page's (by the package of ui/pages/ defining it); None: none."""
    own = getattr(cls, "HELP_SECTION", None)
    if isinstance(own, str) and own:
        return own
    name = f"{cls.__module__}.{cls.__qualname__}"
    if name in SECTIONS:
        return SECTIONS[name]
    parts = cls.__module__.split(".")
    if len(parts) > 3 and parts[2] == "pages":
        page = PAGE_OF_PACKAGE.get(parts[3], parts[3])
        if page in PAGES:
            return page
    return None


def help_section(dialog: QWidget) -> str:
    """The guide's section F1 opens for ``dialog`` (see the module)."""
    found_for_class = class_section(type(dialog))
    if found_for_class is not None:
        return found_for_class
    parent = dialog.parentWidget()
    while parent is not None:
        anchor = getattr(parent, "help_anchor", None)  # a page (ui.pages.base.Page)
        found = anchor() if callable(anchor) else None
        if isinstance(found, str) and found:
            return found
        current = getattr(parent, "current_key", None)  # the main window: its page
        key = current() if callable(current) else None
        if isinstance(key, str) and key in PAGES:
            return key
        parent = parent.parentWidget()
    return "contents"


def _language(widget: QWidget) -> str:
    """The desk's language: the dialog's context, its parents', or the main window's."""
    candidates: list[QWidget] = []
    current: QWidget | None = widget
    while current is not None:
        candidates.append(current)
        current = current.parentWidget()
    candidates.extend(QApplication.topLevelWidgets())
    for candidate in candidates:
        ctx = getattr(candidate, "ctx", None)
        language = getattr(ctx, "language", None)
        if isinstance(language, str):
            return language
    return "fr"


def open_dialog_help(dialog: QWidget) -> QWidget:
    """The guide at ``dialog``'s section, in a window the dialog's modality leaves usable."""
    from tierslieu_desktop.ui.help_window import open_guide

    return open_guide(dialog, _language(dialog), help_section(dialog))


def free_area(widget: QWidget) -> QRect | None:
    """The free area (without the task bar) of ``widget``'s screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_on_screen(dialog: QWidget) -> None:
    """Bring ``dialog`` within the free area of its screen (never below its minimum)."""
    free = free_area(dialog)
    if free is None:
        return
    frame = dialog.frameGeometry().size() - dialog.size()  # the title bar and borders
    width = min(dialog.width(), free.width() - frame.width() - 2 * SCREEN_MARGIN)
    height = min(dialog.height(), free.height() - frame.height() - 2 * SCREEN_MARGIN)
    width = max(width, dialog.minimumWidth())
    height = max(height, dialog.minimumHeight())
    if (width, height) != (dialog.width(), dialog.height()):
        dialog.resize(width, height)


def ours(dialog: QWidget) -> bool:
    """A dialog of the application (not Qt's message boxes or file dialogs)."""
    return type(dialog).__module__.startswith("tierslieu_desktop.ui") and not _file_dialog(dialog)


def _file_dialog(dialog: QWidget) -> bool:
    """Qt's file dialog (ours only through ui.file_dialogs): its own layout and keys."""
    from tierslieu_desktop.ui.file_dialogs import SafeFileDialog

    return isinstance(dialog, SafeFileDialog)


def scroll_body(dialog: QWidget) -> bool:
    """Move what ``dialog``'s box layout holds before its last button box into a vertical
    scroll area (the same widgets and layouts, reparented by Qt). Not done twice, nor on a
    dialog that already scrolls its fields itself. True when moved."""
    from tierslieu_desktop.ui.widgets.responsive import VerticalScroll

    layout = dialog.layout()
    if dialog.property(SCROLLED) or not isinstance(layout, QBoxLayout):
        return False
    dialog.setProperty(SCROLLED, True)
    if layout.direction() != QBoxLayout.Direction.TopToBottom:
        return False
    if dialog.findChild(QScrollArea) is not None:
        return False  # its own scroll area, sized for its fields
    # The trailing buttons (and what follows them) stay below the scroll area.
    split = layout.count()
    for i in range(layout.count() - 1, -1, -1):
        item = layout.itemAt(i)
        if item is not None and isinstance(item.widget(), QDialogButtonBox):
            split = i
            break
    if split == 0:
        return False
    focused = dialog.focusWidget()  # moving a widget takes its focus away: given back
    body = QWidget()
    body.setObjectName(f"{type(dialog).__name__}Body")
    inner = QVBoxLayout(body)
    inner.setContentsMargins(0, 0, 0, 0)
    inner.setSpacing(layout.spacing())
    stretches = [layout.stretch(i) for i in range(split)]
    for stretch in stretches:
        item = layout.takeAt(0)
        if item is None:
            continue
        widget, child = item.widget(), item.layout()
        if widget is not None:
            inner.addWidget(widget, stretch, item.alignment())
        elif child is not None:
            child.setParent(None)
            inner.addLayout(child, stretch)
        else:
            inner.addItem(item)
    area = VerticalScroll(body)
    area.setObjectName(f"{type(dialog).__name__}Scroll")
    area.setProperty(SCROLLED, True)
    layout.insertWidget(0, area, 1)
    area.show()  # now, not when the event loop runs next (Qt queues it for a shown dialog)
    # Tab goes through the fields, then the buttons: the widgets below the area, moved
    # out and back, come after it in the focus chain (Qt appends a reparented widget).
    below = [layout.takeAt(1) for _ in range(layout.count() - 1)]
    for item in below:
        if item is None:
            continue
        widget, child = item.widget(), item.layout()
        if widget is not None:
            hidden = widget.isHidden()
            widget.setParent(None)
            layout.addWidget(widget, 0, item.alignment())
            widget.setVisible(not hidden)
        elif child is not None:
            child.setParent(None)
            layout.addLayout(child)
        else:
            layout.addItem(item)
    if focused is not None and focused is not dialog:
        focused.setFocus()
    return True


def follow_focus(widget: QWidget) -> None:
    """The field that takes the focus (the first wrong one, the next on Tab) scrolled into
    sight in a dialog's body moved by ``scroll_body``."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QScrollArea) and parent.property(SCROLLED):
            parent.ensureWidgetVisible(widget)
            return
        parent = parent.parentWidget()


class EveryDialog(QObject):
    """The application's filter: F1 in a dialog, a dialog shown within its screen."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show:
            if isinstance(watched, QDialog) and watched.isWindow() and ours(watched):
                scroll_body(watched)
                fit_on_screen(watched)
            return False
        if kind == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            follow_focus(watched)
            return False
        if kind != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() != Qt.Key.Key_F1 or event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        dialog = watched.window()
        if not isinstance(dialog, QDialog) or _file_dialog(dialog):
            return False  # the main window has its own F1 (ui.main_window, help_window)
        open_dialog_help(dialog)
        return True


_filter: list[EveryDialog] = []


def install() -> None:
    """Install the filter on the application (once)."""
    app = QApplication.instance()
    if app is None or _filter:
        return
    every = EveryDialog()
    _filter.append(every)
    app.installEventFilter(every)
