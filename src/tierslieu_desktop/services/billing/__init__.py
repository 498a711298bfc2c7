"""Money at the desk: baskets, numbering, invoices and credit notes as issued, payments,
unpaid and monthly invoicing, and the ledger (sealing every document in the SHA-256
chain, closings, archives, verification). Uses ``services.activity`` (tickets to bill),
``services.pricing`` (wallet and packs), ``services.people`` and the renderers of
``reports`` (archives)."""
