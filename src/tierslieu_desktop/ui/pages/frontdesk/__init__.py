"""The front desk (Accueil): today's bookings table, check-out and walk-in dialogs."""
