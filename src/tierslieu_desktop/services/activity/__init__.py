"""Workshops, trainings and the cyber-base: activities and their sessions, which hold
rooms and machines through bookings (``sessions``); registrations with the waiting list,
attendance (granting authorizations), the attendance sheet and the tickets to be paid
(``registrations``); the drop-in log (``dropins``); the activity figures and their XLSX
export (``figures``, written by ``reports.sheets``). Uses ``services.scheduling``,
``services.pricing`` and ``services.people``; its plain data types are in
``domain.activity``."""
