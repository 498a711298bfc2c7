"""PDF building blocks for invoices (see services/invoice_pdf.py)."""
