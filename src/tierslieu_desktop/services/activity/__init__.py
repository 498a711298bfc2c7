"""Workshops, trainings and the cyber-base: activities and their sessions (which hold
rooms and machines through bookings), registrations with the waiting list, attendance
(granting authorizations), the drop-in log, and the activity figures. Uses
``services.scheduling``, ``services.pricing``, ``services.park`` and
``services.people``."""
