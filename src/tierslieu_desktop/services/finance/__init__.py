"""Where the money comes from and goes: funders, grants and their payments, in-kind
contributions, expenses, budget, the chart-of-accounts mapping, the own/public/private
balance and its details, the tariff simulator (what-if on that balance), the table
exports, the double-entry journal (journal/) and the FEC written from it. Reads the issued invoices and payments from the store (it never
issues or changes one); uses ``services.activity`` (tickets held before the invoicing
start), ``services.pricing`` (re-pricing for the simulator, the CSV error) and the
sheet writers of ``reports``."""
