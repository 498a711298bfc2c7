"""Time on the park: bookings (rules, conflicts, series), the calendar's resources,
usages (what really happened at the desk: arrivals, departures, consumables, the frozen
charges of a check-out), the consumable quantities worth a second look (``quantities``)
and iCalendar exports. Uses ``services.pricing.engine`` (a check-out
is priced), ``services.park`` and ``services.people``."""
