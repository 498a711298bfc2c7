"""Caisse & factures: the front-desk basket, invoices and credit notes, unpaid invoices,
monthly invoicing and period closings."""
