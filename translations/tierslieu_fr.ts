<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Errors</name>
    <message>
        <source>This field is required.</source>
        <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
        <source>This email address is not valid (example: name@example.fr).</source>
        <translation>Cette adresse e-mail n'est pas valide (exemple : nom@exemple.fr).</translation>
    </message>
    <message>
        <source>This phone number is not valid (example: 05 65 38 00 00).</source>
        <translation>Ce numéro de téléphone n'est pas valide (exemple : 05 65 38 00 00).</translation>
    </message>
    <message>
        <source>A French postcode has 5 digits (example: 46400).</source>
        <translation>Un code postal français a 5 chiffres (exemple : 46400).</translation>
    </message>
    <message>
        <source>This SIRET is not valid: 14 digits with a valid check key.</source>
        <translation>Ce SIRET n'est pas valide : 14 chiffres avec une clé de contrôle correcte.</translation>
    </message>
    <message>
        <source>This SIREN is not valid: 9 digits with a valid check key.</source>
        <translation>Ce SIREN n'est pas valide : 9 chiffres avec une clé de contrôle correcte.</translation>
    </message>
    <message>
        <source>An RNA number is W followed by 9 digits (example: W462000123).</source>
        <translation>Un numéro RNA est un W suivi de 9 chiffres (exemple : W462000123).</translation>
    </message>
    <message>
        <source>This IBAN is not valid (check the digits and the country code).</source>
        <translation>Cet IBAN n'est pas valide (vérifiez les chiffres et le code pays).</translation>
    </message>
    <message>
        <source>A BIC has 8 or 11 letters and digits.</source>
        <translation>Un BIC compte 8 ou 11 lettres et chiffres.</translation>
    </message>
    <message>
        <source>This VAT number is not valid (example: FR40303265045).</source>
        <translation>Ce numéro de TVA n'est pas valide (exemple : FR40303265045).</translation>
    </message>
    <message>
        <source>A VAT number is required when the structure is liable to VAT.</source>
        <translation>Un numéro de TVA est obligatoire quand la structure est assujettie à la TVA.</translation>
    </message>
    <message>
        <source>The logo is too large (2 MB at most).</source>
        <translation>Le logo est trop lourd (2 Mo au maximum).</translation>
    </message>
    <message>
        <source>The birth year must be between 1900 and this year.</source>
        <translation>L'année de naissance doit être comprise entre 1900 et l'année en cours.</translation>
    </message>
    <message>
        <source>A minor needs a legal guardian: enter their name.</source>
        <translation>Un mineur doit avoir un responsable légal : saisissez son nom.</translation>
    </message>
    <message>
        <source>This name is already used.</source>
        <translation>Ce nom est déjà utilisé.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>La date de fin est antérieure à la date de début.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Le montant ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>This amount is not valid (example: 12,50).</source>
        <translation>Ce montant n'est pas valide (exemple : 12,50).</translation>
    </message>
    <message>
        <source>This date is not valid (example: 22/11/2026).</source>
        <translation>Cette date n'est pas valide (exemple : 22/11/2026).</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>Cette date est dans le futur.</translation>
    </message>
    <message>
        <source>This number is not valid.</source>
        <translation>Ce nombre n'est pas valide.</translation>
    </message>
    <message>
        <source>Choose a machine or a machine category.</source>
        <translation>Choisissez une machine ou une catégorie de machines.</translation>
    </message>
    <message>
        <source>This value is not valid.</source>
        <translation>Cette valeur n'est pas valide.</translation>
    </message>
    <message>
        <source>Some fields are not valid: correct the fields marked in red.</source>
        <translation>Certains champs ne sont pas valides : corrigez les champs signalés en rouge.</translation>
    </message>
    <message>
        <source>This record no longer exists: another desk may have changed it.</source>
        <translation>Cet enregistrement n'existe plus : un autre poste l'a peut-être modifié.</translation>
    </message>
    <message>
        <source>The linked organisation must be an existing organisation.</source>
        <translation>La structure liée doit être une organisation existante.</translation>
    </message>
    <message>
        <source>An operator with this name already exists.</source>
        <translation>Un opérateur porte déjà ce nom.</translation>
    </message>
    <message>
        <source>At least one operator must stay active.</source>
        <translation>Au moins un opérateur doit rester actif.</translation>
    </message>
    <message>
        <source>This member already holds this authorization.</source>
        <translation>Cet adhérent possède déjà cette habilitation.</translation>
    </message>
    <message>
        <source>A machine with this name already exists.</source>
        <translation>Une machine porte déjà ce nom.</translation>
    </message>
    <message>
        <source>A space with this name already exists.</source>
        <translation>Un espace porte déjà ce nom.</translation>
    </message>
    <message>
        <source>This space still holds machines: move them first.</source>
        <translation>Cet espace contient encore des machines : déplacez-les d'abord.</translation>
    </message>
    <message>
        <source>The action could not be completed ({code}).</source>
        <translation>L'action n'a pas pu aboutir ({code}).</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Action impossible</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Today at the front desk</source>
        <translation>Aujourd'hui à l'accueil</translation>
    </message>
    <message>
        <source>active members</source>
        <translation>adhérents actifs</translation>
    </message>
    <message>
        <source>members with a current membership</source>
        <translation>adhérents à jour de leur adhésion</translation>
    </message>
    <message>
        <source>machines available</source>
        <translation>machines disponibles</translation>
    </message>
    <message>
        <source>machines in maintenance or out of order</source>
        <translation>machines en maintenance ou hors service</translation>
    </message>
    <message>
        <source>Find a member (Ctrl+F)</source>
        <translation>Rechercher un adhérent (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find a member</source>
        <translation>Rechercher un adhérent</translation>
    </message>
    <message>
        <source>New member (Ctrl+N)</source>
        <translation>Nouvel adhérent (Ctrl+N)</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Nouvel adhérent</translation>
    </message>
    <message>
        <source>Today's bookings, the members expected and those to check out will be listed here once bookings are recorded in the application.</source>
        <translation>Les réservations du jour, les usagers attendus et ceux qui doivent repartir s'afficheront ici dès que les réservations seront gérées dans l'application.</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tiers-Lieu Desktop</source>
        <translation>Tiers-Lieu Desktop</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Machines &amp; spaces</source>
        <translation>Machines &amp; espaces</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Réservations</translation>
    </message>
    <message>
        <source>Checkout &amp; invoices</source>
        <translation>Caisse &amp; factures</translation>
    </message>
    <message>
        <source>Finances</source>
        <translation>Finances</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Booking machines and rooms will come here: a day and week calendar per resource, opening hours and closures, the rules of each machine, recurring bookings, and check-in / check-out recording what was really used.</source>
        <translation>La réservation des machines et des salles arrivera ici : un calendrier jour et semaine par ressource, les horaires d'ouverture et les fermetures, les règles de chaque machine, les réservations récurrentes, et l'accueil / le départ des usagers avec ce qui a réellement été utilisé.</translation>
    </message>
    <message>
        <source>The front-desk basket will come here: unbilled usages, consumables and memberships, payments by cash, cheque, card, transfer or Pass numérique, invoices and credit notes that can never be altered once issued.</source>
        <translation>Le panier de l'accueil arrivera ici : utilisations non facturées, consommables et adhésions, encaissements en espèces, chèque, carte, virement ou Pass numérique, factures et avoirs qui ne peuvent plus être modifiés une fois émis.</translation>
    </message>
    <message>
        <source>The public/private balance of the lab will come here: own revenue against subsidies by funder, in-kind contributions, expenses, cost per machine hour and a tariff simulator.</source>
        <translation>L'équilibre public/privé du lieu arrivera ici : recettes propres face aux subventions par financeur, contributions en nature, charges, coût de l'heure machine et simulateur de tarifs.</translation>
    </message>
    <message>
        <source>The annual activity report for the general meeting and the funders, and the exports for the accountant, will come here.</source>
        <translation>Le rapport d'activité annuel pour l'assemblée générale et les financeurs, ainsi que les exports pour le comptable, arriveront ici.</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Base de données : {path}</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>Opérateur :</translation>
    </message>
    <message>
        <source>Operator at the desk</source>
        <translation>Opérateur à l'accueil</translation>
    </message>
    <message>
        <source>Find a member</source>
        <translation>Rechercher un adhérent</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Nouvel adhérent</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>"{t}" is not a Tiers-Lieu database: the file was left untouched.</source>
        <translation>« {t} » n'est pas une base de données Tiers-Lieu : le fichier n'a pas été modifié.</translation>
    </message>
    <message>
        <source>"{t}" is an SQLite database of another program: the file was left untouched.</source>
        <translation>« {t} » est une base SQLite d'un autre logiciel : le fichier n'a pas été modifié.</translation>
    </message>
    <message>
        <source>"{t}" comes from a newer version of Tiers-Lieu Desktop (schema {d}): update the application. The file was left untouched.</source>
        <translation>« {t} » provient d'une version plus récente de Tiers-Lieu Desktop (schéma {d}) : mettez l'application à jour. Le fichier n'a pas été modifié.</translation>
    </message>
    <message>
        <source>Cannot open "{t}": {d}</source>
        <translation>Impossible d'ouvrir « {t} » : {d}</translation>
    </message>
    <message>
        <source>"{t}" does not exist.</source>
        <translation>« {t} » n'existe pas.</translation>
    </message>
    <message>
        <source>Cannot open "{t}".</source>
        <translation>Impossible d'ouvrir « {t} ».</translation>
    </message>
</context>
</TS>
