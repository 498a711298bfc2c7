<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Errors</name>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This email address is not valid (example: name@example.fr).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This phone number is not valid (example: 05 65 38 00 00).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A French postcode has 5 digits (example: 46400).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This SIRET is not valid: 14 digits with a valid check key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This SIREN is not valid: 9 digits with a valid check key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An RNA number is W followed by 9 digits (example: W462000123).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This IBAN is not valid (check the digits and the country code).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A BIC has 8 or 11 letters and digits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This VAT number is not valid (example: FR40303265045).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A VAT number is required when the structure is liable to VAT.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The logo is too large (2 MB at most).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The birth year must be between 1900 and this year.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A minor needs a legal guardian: enter their name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This name is already used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This amount is not valid (example: 12,50).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This date is not valid (example: 22/11/2026).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This number is not valid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a machine or a machine category.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This value is not valid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Some fields are not valid: correct the fields marked in red.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This record no longer exists: another desk may have changed it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The linked organisation must be an existing organisation.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An operator with this name already exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At least one operator must stay active.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This member already holds this authorization.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A machine with this name already exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A space with this name already exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This space still holds machines: move them first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The action could not be completed ({code}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot do that</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tiers-Lieu Desktop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Machines &amp; spaces</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bookings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checkout &amp; invoices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Finances</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Booking machines and rooms will come here: a day and week calendar per resource, opening hours and closures, the rules of each machine, recurring bookings, and check-in / check-out recording what was really used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The front-desk basket will come here: unbilled usages, consumables and memberships, payments by cash, cheque, card, transfer or Pass numérique, invoices and credit notes that can never be altered once issued.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The public/private balance of the lab will come here: own revenue against subsidies by funder, in-kind contributions, expenses, cost per machine hour and a tariff simulator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The annual activity report for the general meeting and the funders, and the exports for the accountant, will come here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database: {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Operator:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Operator at the desk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find a member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New member</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>"{t}" is not a Tiers-Lieu database: the file was left untouched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"{t}" is an SQLite database of another program: the file was left untouched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"{t}" comes from a newer version of Tiers-Lieu Desktop (schema {d}): update the application. The file was left untouched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open "{t}": {d}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"{t}" does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open "{t}".</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
