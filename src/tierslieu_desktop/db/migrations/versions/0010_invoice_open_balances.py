"""running balance of the open invoices (issue 14)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 16:45:00

``invoice_open (invoice_id, left_cents)``: what is left to pay on each invoice where it is
not zero, kept by triggers on the two insert-only tables (``invoice``: an invoice opens
its row, a credit note lowers its invoice's; ``payment``: a payment lowers its invoice's,
a refund on a credit note raises the credited invoice's back). The unpaid list reads these
rows instead of summing a decade of payments and credit notes for every invoice (180 ms
for 42 unpaid invoices among 96,000, twice that with twice the history). No foreign key:
it is a derived figure, and the sealed rows stay the reference.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# One statement per trigger action: the target invoice and the amount to add to its
# balance; the row is created or updated (upsert), and dropped when it reaches zero.
_SQLITE_TRIGGERS = (
    """CREATE TRIGGER open_balance_invoice AFTER INSERT ON invoice
    WHEN NEW.kind = 'invoice' AND NEW.total_incl_cents <> 0
    BEGIN
        INSERT INTO invoice_open (invoice_id, left_cents) VALUES (NEW.id, NEW.total_incl_cents)
        ON CONFLICT (invoice_id) DO UPDATE SET left_cents = left_cents + excluded.left_cents;
        DELETE FROM invoice_open WHERE invoice_id = NEW.id AND left_cents = 0;
    END""",
    """CREATE TRIGGER open_balance_credit_note AFTER INSERT ON invoice
    WHEN NEW.kind = 'credit_note' AND NEW.credited_invoice_id IS NOT NULL
        AND NEW.total_incl_cents <> 0
    BEGIN
        INSERT INTO invoice_open (invoice_id, left_cents)
        VALUES (NEW.credited_invoice_id, -NEW.total_incl_cents)
        ON CONFLICT (invoice_id) DO UPDATE SET left_cents = left_cents + excluded.left_cents;
        DELETE FROM invoice_open
        WHERE invoice_id = NEW.credited_invoice_id AND left_cents = 0;
    END""",
    """CREATE TRIGGER open_balance_payment AFTER INSERT ON payment
    BEGIN
        INSERT INTO invoice_open (invoice_id, left_cents)
        SELECT CASE WHEN i.kind = 'invoice' THEN i.id ELSE i.credited_invoice_id END,
               -NEW.amount_cents
        FROM invoice AS i
        WHERE i.id = NEW.invoice_id AND (i.kind = 'invoice' OR i.credited_invoice_id IS NOT NULL)
        ON CONFLICT (invoice_id) DO UPDATE SET left_cents = left_cents + excluded.left_cents;
        DELETE FROM invoice_open WHERE left_cents = 0 AND invoice_id = (
            SELECT CASE WHEN i.kind = 'invoice' THEN i.id ELSE i.credited_invoice_id END
            FROM invoice AS i WHERE i.id = NEW.invoice_id
        );
    END""",
)

_POSTGRES_FUNCTION = """CREATE FUNCTION tierslieu_open_balance() RETURNS trigger AS $$
DECLARE
    target integer;
    delta integer;
BEGIN
    IF TG_TABLE_NAME = 'invoice' THEN
        IF NEW.kind = 'invoice' THEN
            target := NEW.id;
            delta := NEW.total_incl_cents;
        ELSE
            target := NEW.credited_invoice_id;
            delta := -NEW.total_incl_cents;
        END IF;
    ELSE
        SELECT CASE WHEN kind = 'invoice' THEN id ELSE credited_invoice_id END
        INTO target FROM invoice WHERE id = NEW.invoice_id;
        delta := -NEW.amount_cents;
    END IF;
    IF target IS NULL OR delta = 0 THEN
        RETURN NULL;
    END IF;
    INSERT INTO invoice_open (invoice_id, left_cents) VALUES (target, delta)
    ON CONFLICT (invoice_id) DO UPDATE
        SET left_cents = invoice_open.left_cents + EXCLUDED.left_cents;
    DELETE FROM invoice_open WHERE invoice_id = target AND left_cents = 0;
    RETURN NULL;
END $$ LANGUAGE plpgsql"""

# The balances of the invoices already issued: the same sums as the unpaid list made.
_FILL = """INSERT INTO invoice_open (invoice_id, left_cents)
SELECT invoice_id, SUM(cents) FROM (
    SELECT id AS invoice_id, total_incl_cents AS cents FROM invoice WHERE kind = 'invoice'
    UNION ALL
    SELECT credited_invoice_id, -total_incl_cents FROM invoice
    WHERE kind = 'credit_note' AND credited_invoice_id IS NOT NULL
    UNION ALL
    SELECT CASE WHEN i.kind = 'invoice' THEN i.id ELSE i.credited_invoice_id END,
           -p.amount_cents
    FROM payment AS p JOIN invoice AS i ON i.id = p.invoice_id
    WHERE i.kind = 'invoice' OR i.credited_invoice_id IS NOT NULL
) AS movements
GROUP BY invoice_id
HAVING SUM(cents) <> 0"""


def upgrade() -> None:
    op.create_table(
        "invoice_open",
        sa.Column("invoice_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("left_cents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("invoice_id", name=op.f("pk_invoice_open")),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in _SQLITE_TRIGGERS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute(_POSTGRES_FUNCTION)
        for table in ("invoice", "payment"):
            op.execute(
                f"CREATE TRIGGER open_balance_{table} AFTER INSERT ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION tierslieu_open_balance()"
            )
    op.execute(_FILL)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("invoice", "credit_note", "payment"):
            op.execute(f"DROP TRIGGER IF EXISTS open_balance_{name}")
    elif dialect == "postgresql":
        for table in ("invoice", "payment"):
            op.execute(f"DROP TRIGGER IF EXISTS open_balance_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS tierslieu_open_balance()")
    op.drop_table("invoice_open")
