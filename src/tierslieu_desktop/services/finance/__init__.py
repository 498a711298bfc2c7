"""Where the money comes from and goes: funders, grants and their payments, in-kind
contributions, expenses, budget, the chart-of-accounts mapping, the own/public/private
balance and its details, the tariff simulator (what-if on that balance), the table
exports and the FEC. Uses ``services.billing``, ``services.activity``,
``services.pricing`` and ``services.people``."""
