"""Money at the desk. Modules, each importing only those listed before it:

- ``ledger``: the SHA-256 integrity chain that seals every document, the period
  closings and the ledger check;
- ``numbering``: number patterns per series and the gapless counters;
- ``baskets``: baskets and their lines, what is still to bill, who has to pay;
- ``payments``: payments (settled at validation or received later), unpaid, balances;
- ``documents``: issuing a basket as an invoice, reading invoices and credit notes;
- ``credit_notes``: credit notes (avoirs) and refunds;
- ``monthly``: the monthly batch;
- ``usage_corrections``: a usage's times and consumables corrected until it is invoiced
  (audited; stock, price and an open basket's lines follow);
- ``archives``: the archive of a closed period (documents, PDFs, chain) and its check.

``_common`` holds what they share (text limits, the frozen seller and buyer). Uses
``services.activity`` (tickets to bill), ``services.pricing`` (wallet and packs),
``services.people`` and the renderers of ``reports`` (archives)."""
