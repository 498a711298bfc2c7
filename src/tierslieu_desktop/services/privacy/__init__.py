"""Members' personal data (issue 19, point 3; docs/legal-fr.md §7): everything held about
a member gathered for its export (``export``), the anonymisation that keeps the issued
invoices legally valid (``anonymise``), the retention assistant listing the members
without activity for N years (``retention``) and the register of processing activities
(``register``). It reads every other package's records (bookings, usages, registrations,
drop-ins, invoices, packs, the wallet), so it sits on top with the reports; nothing uses
it but the CLI and the screens. The consents' dated history is ``people.consents``."""
