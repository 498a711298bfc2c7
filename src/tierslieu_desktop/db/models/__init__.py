"""SQLAlchemy 2 typed models, one module per domain. Every change goes through an Alembic
migration. Importing this package maps every model (relationships refer to each other by name).

The model modules do not use ``from __future__ import annotations``: SQLAlchemy would
evaluate every ``Mapped[...]`` string again (1,450 ``eval`` calls, 15 % of the mapping,
which the window pays before Accueil's figures; issue 14). A model named before it is
defined is quoted: ``Mapped["Member"]``."""

from tierslieu_desktop.db.models.activity import (
    Activity as Activity,
)
from tierslieu_desktop.db.models.activity import (
    ActivitySession as ActivitySession,
)
from tierslieu_desktop.db.models.activity import (
    DropIn as DropIn,
)
from tierslieu_desktop.db.models.activity import (
    DropInVoucher as DropInVoucher,
)
from tierslieu_desktop.db.models.activity import (
    Registration as Registration,
)
from tierslieu_desktop.db.models.base import (
    NAMING as NAMING,
)
from tierslieu_desktop.db.models.base import (
    AuditEntry as AuditEntry,
)
from tierslieu_desktop.db.models.base import (
    AuditMixin as AuditMixin,
)
from tierslieu_desktop.db.models.base import (
    AuditValue as AuditValue,
)
from tierslieu_desktop.db.models.base import (
    Base as Base,
)
from tierslieu_desktop.db.models.base import (
    ChangeLog as ChangeLog,
)
from tierslieu_desktop.db.models.base import (
    Operator as Operator,
)
from tierslieu_desktop.db.models.base import (
    SoftDeleteMixin as SoftDeleteMixin,
)
from tierslieu_desktop.db.models.base import (
    UTCDateTime as UTCDateTime,
)
from tierslieu_desktop.db.models.base import (
    VersionMixin as VersionMixin,
)
from tierslieu_desktop.db.models.base import utcnow as utcnow  # the clock, re-exported
from tierslieu_desktop.db.models.billing import (
    DEPOSIT_KINDS as DEPOSIT_KINDS,
)
from tierslieu_desktop.db.models.billing import (
    LINE_KINDS as LINE_KINDS,
)
from tierslieu_desktop.db.models.billing import (
    PAYMENT_METHODS as PAYMENT_METHODS,
)
from tierslieu_desktop.db.models.billing import (
    BankDeposit as BankDeposit,
)
from tierslieu_desktop.db.models.billing import (
    BankDepositCheque as BankDepositCheque,
)
from tierslieu_desktop.db.models.billing import (
    Basket as Basket,
)
from tierslieu_desktop.db.models.billing import (
    BasketLine as BasketLine,
)
from tierslieu_desktop.db.models.billing import (
    Closing as Closing,
)
from tierslieu_desktop.db.models.billing import (
    DatabaseIdentity as DatabaseIdentity,
)
from tierslieu_desktop.db.models.billing import (
    DocumentCounter as DocumentCounter,
)
from tierslieu_desktop.db.models.billing import (
    IntegrityEntry as IntegrityEntry,
)
from tierslieu_desktop.db.models.billing import (
    Invoice as Invoice,
)
from tierslieu_desktop.db.models.billing import (
    InvoiceLine as InvoiceLine,
)
from tierslieu_desktop.db.models.billing import (
    InvoiceOpen as InvoiceOpen,
)
from tierslieu_desktop.db.models.billing import (
    NumberingFormat as NumberingFormat,
)
from tierslieu_desktop.db.models.billing import (
    Payment as Payment,
)
from tierslieu_desktop.db.models.finance import (
    FUNDER_LEVELS as FUNDER_LEVELS,
)
from tierslieu_desktop.db.models.finance import (
    AccountMapping as AccountMapping,
)
from tierslieu_desktop.db.models.finance import (
    BudgetLine as BudgetLine,
)
from tierslieu_desktop.db.models.finance import (
    Expense as Expense,
)
from tierslieu_desktop.db.models.finance import (
    Funder as Funder,
)
from tierslieu_desktop.db.models.finance import (
    Grant as Grant,
)
from tierslieu_desktop.db.models.finance import (
    GrantMachine as GrantMachine,
)
from tierslieu_desktop.db.models.finance import (
    GrantPayment as GrantPayment,
)
from tierslieu_desktop.db.models.finance import (
    InKindContribution as InKindContribution,
)
from tierslieu_desktop.db.models.finance import (
    ReportText as ReportText,
)
from tierslieu_desktop.db.models.finance import (
    VoucherSettlement as VoucherSettlement,
)
from tierslieu_desktop.db.models.park import (
    Authorization as Authorization,
)
from tierslieu_desktop.db.models.park import (
    Machine as Machine,
)
from tierslieu_desktop.db.models.park import (
    MachineCategory as MachineCategory,
)
from tierslieu_desktop.db.models.park import (
    Space as Space,
)
from tierslieu_desktop.db.models.people import (
    Audience as Audience,
)
from tierslieu_desktop.db.models.people import (
    ConsentChange as ConsentChange,
)
from tierslieu_desktop.db.models.people import (
    Member as Member,
)
from tierslieu_desktop.db.models.people import (
    Membership as Membership,
)
from tierslieu_desktop.db.models.people import (
    StaffMember as StaffMember,
)
from tierslieu_desktop.db.models.people import (
    Structure as Structure,
)
from tierslieu_desktop.db.models.pricing import (
    _ONE_RESOURCE as _ONE_RESOURCE,
)
from tierslieu_desktop.db.models.pricing import (
    MemberPack as MemberPack,
)
from tierslieu_desktop.db.models.pricing import (
    MembershipFee as MembershipFee,
)
from tierslieu_desktop.db.models.pricing import (
    PackMovement as PackMovement,
)
from tierslieu_desktop.db.models.pricing import (
    PackType as PackType,
)
from tierslieu_desktop.db.models.pricing import (
    PriceRule as PriceRule,
)
from tierslieu_desktop.db.models.pricing import (
    Quota as Quota,
)
from tierslieu_desktop.db.models.pricing import (
    QuotaUse as QuotaUse,
)
from tierslieu_desktop.db.models.pricing import (
    Reduction as Reduction,
)
from tierslieu_desktop.db.models.pricing import (
    UsageCharge as UsageCharge,
)
from tierslieu_desktop.db.models.pricing import (
    WalletMovement as WalletMovement,
)
from tierslieu_desktop.db.models.scheduling import (
    Booking as Booking,
)
from tierslieu_desktop.db.models.scheduling import (
    BookingEvent as BookingEvent,
)
from tierslieu_desktop.db.models.scheduling import (
    CalendarException as CalendarException,
)
from tierslieu_desktop.db.models.scheduling import (
    Consumable as Consumable,
)
from tierslieu_desktop.db.models.scheduling import (
    MachineConsumable as MachineConsumable,
)
from tierslieu_desktop.db.models.scheduling import (
    MaintenanceEntry as MaintenanceEntry,
)
from tierslieu_desktop.db.models.scheduling import (
    OpeningRange as OpeningRange,
)
from tierslieu_desktop.db.models.scheduling import (
    Usage as Usage,
)
from tierslieu_desktop.db.models.scheduling import (
    UsageConsumable as UsageConsumable,
)
from tierslieu_desktop.db.models.scheduling import (
    UsageCorrection as UsageCorrection,
)
