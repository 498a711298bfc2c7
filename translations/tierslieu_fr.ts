<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Tiers-Lieu Desktop</source>
        <translation>À propos de Tiers-Lieu Desktop</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Dossier des sauvegardes</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Fichier des réglages</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Fichier journal</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Front desk, bookings, checkout and reports of a fablab or tiers-lieu. Free software: you may use, study, share and modify it under the licence below. Unexpected errors are written to the log file: send it with your report.</source>
        <translation>Accueil, réservations, caisse et rapports d'un fablab ou d'un tiers-lieu. Logiciel libre : vous pouvez l'utiliser, l'étudier, le partager et le modifier selon la licence ci-dessous. Les erreurs inattendues sont écrites dans le fichier journal : joignez-le à votre message.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy these details for support</source>
        <translation>Copier ces informations pour l'assistance</translation>
    </message>
    <message>
        <source>Copy these details, to paste them in a message</source>
        <translation>Copier ces informations, pour les coller dans un message</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>Access</name>
    <message>
        <source>Your account does not allow this: ask an administrator.</source>
        <translation>Votre compte ne permet pas cette action : demandez à un administrateur.</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Rôles :</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <source>The account of each kind of revenue, funding, cost and payment in the associative chart of accounts (ANC 2018-06), used by the FEC export. Change an account or its label, then save.</source>
        <translation>Le compte de chaque nature de recette, de financement, de charge et de règlement dans le plan comptable associatif (ANC 2018-06), utilisé par l'export FEC. Modifiez un compte ou son libellé, puis enregistrez.</translation>
    </message>
    <message>
        <source>Chart of accounts mapping</source>
        <translation>Correspondance avec le plan comptable</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Revert the changes</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <source>&amp;Save the accounts</source>
        <translation>&amp;Enregistrer les comptes</translation>
    </message>
    <message>
        <source>Save the accounts</source>
        <translation>Enregistrer les comptes</translation>
    </message>
    <message>
        <source>Line {line} ({what}): {problem}</source>
        <translation>Ligne {line} ({what}) : {problem}</translation>
    </message>
    <message>
        <source>Accounts saved.</source>
        <translation>Comptes enregistrés.</translation>
    </message>
    <message>
        <source>The people who work at the desk, each with a password or a PIN and the roles that say what they may do. Every change records who made it.</source>
        <translation>Les personnes qui travaillent à l'accueil, chacune avec un mot de passe ou un code et les rôles qui disent ce qu'elle peut faire. Chaque modification garde le nom de son auteur.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;Nouveau compte…</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <source>Change the &amp;roles…</source>
        <translation>Modifier les &amp;rôles…</translation>
    </message>
    <message>
        <source>Change the roles of the account</source>
        <translation>Modifier les rôles du compte</translation>
    </message>
    <message>
        <source>&amp;Reset the password…</source>
        <translation>Réinitialiser le mot de &amp;passe…</translation>
    </message>
    <message>
        <source>Reset the password of the account</source>
        <translation>Réinitialiser le mot de passe du compte</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Deactivate or reactivate the account</source>
        <translation>Désactiver ou réactiver le compte</translation>
    </message>
    <message>
        <source>Change &amp;my password…</source>
        <translation>Changer &amp;mon mot de passe…</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Changer mon mot de passe</translation>
    </message>
    <message>
        <source>&amp;Lock this desk after</source>
        <translation>&amp;Verrouiller ce poste après</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes without activity before the lock</source>
        <translation>Minutes d'inactivité avant le verrouillage</translation>
    </message>
    <message>
        <source>of inactivity (0: never).</source>
        <translation>d'inactivité (0 : jamais).</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>aucun rôle</translation>
    </message>
    <message>
        <source>no password yet</source>
        <translation>pas encore de mot de passe</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>The password of {name} was changed.</source>
        <translation>Le mot de passe de {name} a été changé.</translation>
    </message>
    <message>
        <source>Deactivate the account</source>
        <translation>Désactiver le compte</translation>
    </message>
    <message>
        <source>{name} will no longer be able to log in. What they recorded stays recorded under their name.</source>
        <translation>{name} ne pourra plus se connecter. Ce qui a été enregistré reste à son nom.</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Votre mot de passe a été changé.</translation>
    </message>
</context>
<context>
    <name>ActivitiesDialog</name>
    <message>
        <source>Activities</source>
        <translation>Activités</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Formateur</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>&amp;New activity…</source>
        <translation>&amp;Nouvelle activité…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archiver</translation>
    </message>
    <message>
        <source>Show a&amp;rchived</source>
        <translation>Voir les a&amp;rchivées</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name} (archivée)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Archive the activity</source>
        <translation>Archiver l'activité</translation>
    </message>
    <message>
        <source>Archive “{name}”? It leaves the lists; its sessions and figures stay.</source>
        <translation>Archiver « {name} » ? Elle quitte les listes ; ses séances et ses chiffres restent.</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>New activity</source>
        <translation>Nouvelle activité</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>Modifier l'activité</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>Choose the machine</source>
        <translation>Choisir la machine</translation>
    </message>
    <message>
        <source>&amp;Machine it authorizes:</source>
        <translation>&amp;Machine habilitée :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>&amp;Durée :</translation>
    </message>
    <message>
        <source> seats</source>
        <translation> places</translation>
    </message>
    <message>
        <source>Ca&amp;pacity:</source>
        <translation>&amp;Places :</translation>
    </message>
    <message>
        <source>T&amp;rainer:</source>
        <translation>&amp;Formateur :</translation>
    </message>
    <message>
        <source>No space</source>
        <translation>Aucun espace</translation>
    </message>
    <message>
        <source>&amp;Space:</source>
        <translation>&amp;Espace :</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Prices per public are set in Settings › Tariffs, section “Workshops and trainings”; without a price, registration is free.</source>
        <translation>Les prix par public se règlent dans Paramètres › Tarifs, section « Ateliers et formations » ; sans prix, l'inscription est gratuite.</translation>
    </message>
    <message>
        <source>No price in force: registration is free.</source>
        <translation>Aucun prix en vigueur : l'inscription est gratuite.</translation>
    </message>
    <message>
        <source>Prices in force: {prices}.</source>
        <translation>Prix en vigueur : {prices}.</translation>
    </message>
</context>
<context>
    <name>ActivityLabels</name>
    <message>
        <source>Machine training</source>
        <translation>Formation machine</translation>
    </message>
    <message>
        <source>Digital inclusion workshop</source>
        <translation>Atelier de médiation numérique</translation>
    </message>
    <message>
        <source>Open lab</source>
        <translation>Open lab</translation>
    </message>
    <message>
        <source>School visit</source>
        <translation>Visite scolaire</translation>
    </message>
    <message>
        <source>Repair café</source>
        <translation>Repair café</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>present</source>
        <translation>présent</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>excused</source>
        <translation>excusé</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>inscrit</translation>
    </message>
    <message>
        <source>waiting list</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Administrative procedures</source>
        <translation>Démarches administratives</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Emploi</translation>
    </message>
    <message>
        <source>Office software</source>
        <translation>Bureautique</translation>
    </message>
    <message>
        <source>Printing / scanning</source>
        <translation>Impression / scan</translation>
    </message>
    <message>
        <source>Leisure</source>
        <translation>Loisirs</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Drop-in visit</source>
        <translation>Visite libre</translation>
    </message>
    <message>
        <source>Individual support</source>
        <translation>Accompagnement individuel</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Séances</translation>
    </message>
    <message>
        <source>C&amp;yber-base desk</source>
        <translation>Accueil c&amp;yber-base</translation>
    </message>
    <message>
        <source>&amp;Figures</source>
        <translation>&amp;Chiffres</translation>
    </message>
</context>
<context>
    <name>AddressPage</name>
    <message>
        <source>Address and logo</source>
        <translation>Adresse et logo</translation>
    </message>
    <message>
        <source>Where the lab is and how to reach it, as printed on its invoices.</source>
        <translation>Où se trouve le lieu et comment le joindre, tel que l'impriment ses factures.</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>Postcode:</source>
        <translation>Code postal :</translation>
    </message>
    <message>
        <source>Commune:</source>
        <translation>Commune :</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail :</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <source>Website:</source>
        <translation>Site web :</translation>
    </message>
    <message>
        <source>no logo</source>
        <translation>pas de logo</translation>
    </message>
    <message>
        <source>Logo preview</source>
        <translation>Aperçu du logo</translation>
    </message>
    <message>
        <source>Choose an image…</source>
        <translation>Choisir une image…</translation>
    </message>
    <message>
        <source>Choose a logo image</source>
        <translation>Choisir l'image du logo</translation>
    </message>
    <message>
        <source>Remove the logo</source>
        <translation>Retirer le logo</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo :</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Choisir le logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>AnnualReportTab</name>
    <message>
        <source>The activity report for the general meeting and the funders: the year's key figures, members, machine hours, bookings, publics, the revenue balance and its trend, grants and the value of reduced access. Write the texts, then generate the PDF.</source>
        <translation>Le rapport d'activité pour l'assemblée générale et les financeurs : les chiffres clés de l'année, les adhérents, les heures machines, les réservations, les publics, l'équilibre des produits et son évolution, les subventions et la valeur des accès réduits. Rédigez les textes, puis générez le PDF.</translation>
    </message>
    <message>
        <source>Year of the report</source>
        <translation>Année du rapport</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Année :</translation>
    </message>
    <message>
        <source>Editorial</source>
        <translation>Édito</translation>
    </message>
    <message>
        <source>Highlights of the year</source>
        <translation>Faits marquants de l'année</translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation>Perspectives</translation>
    </message>
    <message>
        <source>&amp;Save the texts</source>
        <translation>&amp;Enregistrer les textes</translation>
    </message>
    <message>
        <source>Save the texts</source>
        <translation>Enregistrer les textes</translation>
    </message>
    <message>
        <source>&amp;Generate the PDF…</source>
        <translation>&amp;Générer le PDF…</translation>
    </message>
    <message>
        <source>Generate the annual report PDF</source>
        <translation>Générer le PDF du rapport annuel</translation>
    </message>
    <message>
        <source>&amp;Open the PDF</source>
        <translation>&amp;Ouvrir le PDF</translation>
    </message>
    <message>
        <source>Open the generated PDF</source>
        <translation>Ouvrir le PDF généré</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primer…</translation>
    </message>
    <message>
        <source>Print the generated report</source>
        <translation>Imprimer le rapport généré</translation>
    </message>
    <message>
        <source>Progress of the generation</source>
        <translation>Avancement de la génération</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>État du rapport</translation>
    </message>
    <message>
        <source>Texts of %1 saved.</source>
        <translation>Textes de %1 enregistrés.</translation>
    </message>
    <message>
        <source>activity-report-%1.pdf</source>
        <translation>rapport-activite-%1.pdf</translation>
    </message>
    <message>
        <source>Save the annual report</source>
        <translation>Enregistrer le rapport annuel</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Generating the %1 report…</source>
        <translation>Génération du rapport %1…</translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation>Rapport enregistré dans %1.</translation>
    </message>
    <message>
        <source>The report could not be generated: %1</source>
        <translation>Le rapport n'a pas pu être généré : %1</translation>
    </message>
    <message>
        <source>Print the annual report</source>
        <translation>Imprimer le rapport d'activité</translation>
    </message>
</context>
<context>
    <name>AttendanceDelegate</name>
    <message>
        <source>Attendance</source>
        <translation>Présence</translation>
    </message>
    <message>
        <source>not ticked</source>
        <translation>non pointé</translation>
    </message>
    <message>
        <source>People present</source>
        <translation>Personnes présentes</translation>
    </message>
</context>
<context>
    <name>AudiencesPage</name>
    <message>
        <source>Publics</source>
        <translation>Publics</translation>
    </message>
    <message>
        <source>Publics group your members for prices and for the funders' statistics. Keep those you welcome; you can rename them or add others in Settings › Publics.</source>
        <translation>Les publics regroupent vos adhérents pour les tarifs et les statistiques des financeurs. Gardez ceux que vous accueillez ; vous pourrez les renommer ou en ajouter dans Paramètres › Publics.</translation>
    </message>
</context>
<context>
    <name>AudiencesTab</name>
    <message>
        <source>Publics group your members for prices and statistics. An archived public is no longer offered for new members; its history is kept.</source>
        <translation>Les publics regroupent vos adhérents pour les tarifs et les statistiques. Un public archivé n'est plus proposé aux nouveaux adhérents ; son historique est conservé.</translation>
    </message>
    <message>
        <source>Publics</source>
        <translation>Publics</translation>
    </message>
    <message>
        <source>Show archived publics</source>
        <translation>Afficher les publics archivés</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
    <message>
        <source>New public</source>
        <translation>Nouveau public</translation>
    </message>
    <message>
        <source>Save the public</source>
        <translation>Enregistrer le public</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Archive or restore the public</source>
        <translation>Archiver ou restaurer le public</translation>
    </message>
    <message>
        <source>{count} members</source>
        <translation>{count} adhérents</translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation>(archivé)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Archive the public</source>
        <translation>Archiver le public</translation>
    </message>
    <message>
        <source>Archive the public “{name}”? Its {count} members keep it; it is no longer offered for new members.</source>
        <translation>Archiver le public « {name} » ? Ses {count} adhérents le conservent ; il n'est plus proposé aux nouveaux adhérents.</translation>
    </message>
</context>
<context>
    <name>BackgroundImport</name>
    <message>
        <source>Import progress</source>
        <translation>Progression de l'import</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Annuler l'import</translation>
    </message>
    <message>
        <source>Cancelling the import…</source>
        <translation>Annulation de l'import…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>Import annulé : rien n'a été importé.</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <source>The database is copied by itself when the window closes and once a day, then sorted (the last 7 days, 5 weeks and 12 months are kept). Choose a folder outside this PC: a USB stick, a NAS or a synced folder. A dead disk or a stolen PC then loses nothing.</source>
        <translation>La base est copiée toute seule à la fermeture de la fenêtre et une fois par jour, puis triée (on garde les 7 derniers jours, 5 semaines et 12 mois). Choisissez un dossier hors de ce PC : clé USB, NAS ou dossier synchronisé. Un disque mort ou un PC volé ne fait alors rien perdre.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Dossier des sauvegardes</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>Chois&amp;ir…</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Choisir le dossier des sauvegardes</translation>
    </message>
    <message>
        <source>Default folder</source>
        <translation>Dossier par défaut</translation>
    </message>
    <message>
        <source>Back up into the default folder</source>
        <translation>Sauvegarder dans le dossier par défaut</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>Dernière sauvegarde :</translation>
    </message>
    <message>
        <source>Last backup off this PC:</source>
        <translation>Dernière sauvegarde hors de ce PC :</translation>
    </message>
    <message>
        <source>&amp;Encrypt the backups with a passphrase</source>
        <translation>C&amp;hiffrer les sauvegardes avec une phrase de passe</translation>
    </message>
    <message>
        <source>Encrypt the backups with a passphrase</source>
        <translation>Chiffrer les sauvegardes avec une phrase de passe</translation>
    </message>
    <message>
        <source>Change the passphrase…</source>
        <translation>Changer la phrase de passe…</translation>
    </message>
    <message>
        <source>Change the backup passphrase</source>
        <translation>Changer la phrase de passe des sauvegardes</translation>
    </message>
    <message>
        <source>The key derived from the passphrase (never the passphrase itself) is kept on this PC so that automatic backups are encrypted without anyone typing it. Encryption protects the copies that leave the PC; the database on the PC stays readable by whoever uses this session. The passphrase is asked to restore.</source>
        <translation>La clé tirée de la phrase de passe (jamais la phrase elle-même) est gardée sur ce PC pour que les sauvegardes automatiques soient chiffrées sans que personne ne la tape. Le chiffrement protège les copies qui quittent le PC ; la base sur le PC reste lisible par qui utilise cette session. La phrase est demandée pour restaurer.</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Sauvegarder &amp;maintenant</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>{folder} (off this PC)</source>
        <translation>{folder} (hors de ce PC)</translation>
    </message>
    <message>
        <source>{folder} (on this PC)</source>
        <translation>{folder} (sur ce PC)</translation>
    </message>
    <message>
        <source>PostgreSQL database: the server backs it up itself every night (see the server guide). “Back up now” writes a copy of the server (pg_dump) into this folder. A copy of the server is restored on the server, with every desk closed.</source>
        <translation>Base PostgreSQL : le serveur la sauvegarde lui-même chaque nuit (voir le guide du serveur). « Sauvegarder maintenant » écrit une copie du serveur (pg_dump) dans ce dossier. Une copie du serveur se restaure sur le serveur, tous les postes fermés.</translation>
    </message>
    <message>
        <source>Demonstration database: its backups go to {folder}, never into the folder chosen for your real data, and do not count as backups of it.</source>
        <translation>Base de démonstration : ses sauvegardes vont dans {folder}, jamais dans le dossier choisi pour vos vraies données, et ne comptent pas comme leurs sauvegardes.</translation>
    </message>
    <message>
        <source>{when} in {where}</source>
        <translation>le {when} dans {where}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>{when} in {folder}</source>
        <translation>le {when} dans {folder}</translation>
    </message>
    <message>
        <source>The backup of {when} into {folder} failed: {reason}</source>
        <translation>La sauvegarde du {when} dans {folder} a échoué : {reason}</translation>
    </message>
    <message>
        <source>The setting could not be saved: {e}</source>
        <translation>Le réglage n'a pas pu être enregistré : {e}</translation>
    </message>
    <message>
        <source>The next backups go to {where}.</source>
        <translation>Les prochaines sauvegardes iront dans {where}.</translation>
    </message>
    <message>
        <source>The next backups will not be encrypted. The encrypted ones still need their passphrase to be restored.</source>
        <translation>Les prochaines sauvegardes ne seront pas chiffrées. Celles qui le sont demandent toujours leur phrase de passe pour être restaurées.</translation>
    </message>
    <message>
        <source>The next backups will be encrypted with this passphrase. Those already in the folder stay as they are (in clear) until the rotation removes them: delete them yourself if they must not stay readable.</source>
        <translation>Les prochaines sauvegardes seront chiffrées avec cette phrase de passe. Celles déjà dans le dossier restent telles quelles (en clair) jusqu'à ce que la rotation les supprime : effacez-les vous-même si elles ne doivent pas rester lisibles.</translation>
    </message>
    <message>
        <source>The backup failed: see the message above and the log file.</source>
        <translation>La sauvegarde a échoué : voyez le message ci-dessus et le journal.</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>Sauvegarde écrite : {path}</translation>
    </message>
    <message>
        <source>The backup of {when} was restored.</source>
        <translation>La sauvegarde du {when} a été restaurée.</translation>
    </message>
    <message>
        <source>The previous database is kept in {file}.</source>
        <translation>L'ancienne base est conservée dans {file}.</translation>
    </message>
</context>
<context>
    <name>BasketTab</name>
    <message>
        <source>&amp;Member:</source>
        <translation>A&amp;dhérent :</translation>
    </message>
    <message>
        <source>Type a name, a member number or a town</source>
        <translation>Tapez un nom, un numéro d'adhérent ou une commune</translation>
    </message>
    <message>
        <source>Find a member</source>
        <translation>Chercher un adhérent</translation>
    </message>
    <message>
        <source>Matching members</source>
        <translation>Adhérents trouvés</translation>
    </message>
    <message>
        <source>&amp;Open the basket</source>
        <translation>&amp;Ouvrir le panier</translation>
    </message>
    <message>
        <source>Open the basket</source>
        <translation>Ouvrir le panier</translation>
    </message>
    <message>
        <source>Wal&amp;k-in visitor</source>
        <translation>Passage &amp;anonyme</translation>
    </message>
    <message>
        <source>Walk-in visitor</source>
        <translation>Passage anonyme</translation>
    </message>
    <message>
        <source>A sale to a visitor who is not a member</source>
        <translation>Une vente à un visiteur qui n'est pas adhérent</translation>
    </message>
    <message>
        <source>&amp;To collect (usages not yet paid):</source>
        <translation>À &amp;encaisser (passages non payés) :</translation>
    </message>
    <message>
        <source>Members with usages to collect</source>
        <translation>Adhérents ayant des passages à encaisser</translation>
    </message>
    <message>
        <source>Open baskets:</source>
        <translation>Paniers ouverts :</translation>
    </message>
    <message>
        <source>Open baskets</source>
        <translation>Paniers ouverts</translation>
    </message>
    <message>
        <source>Basket</source>
        <translation>Panier</translation>
    </message>
    <message>
        <source>Choose a member, or a walk-in visitor.</source>
        <translation>Choisissez un adhérent, ou un passage anonyme.</translation>
    </message>
    <message>
        <source>Basket lines</source>
        <translation>Lignes du panier</translation>
    </message>
    <message>
        <source>Designation</source>
        <translation>Désignation</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Unit price incl. VAT</source>
        <translation>Prix unitaire TTC</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Mem&amp;bership…</source>
        <translation>Ad&amp;hésion…</translation>
    </message>
    <message>
        <source>&amp;Pack…</source>
        <translation>&amp;Forfait…</translation>
    </message>
    <message>
        <source>&amp;Wallet top-up…</source>
        <translation>Crédit &amp;porte-monnaie…</translation>
    </message>
    <message>
        <source>&amp;Free line…</source>
        <translation>Ligne &amp;libre…</translation>
    </message>
    <message>
        <source>C&amp;hange the line…</source>
        <translation>&amp;Modifier la ligne…</translation>
    </message>
    <message>
        <source>&amp;Remove the line</source>
        <translation>&amp;Supprimer la ligne</translation>
    </message>
    <message>
        <source>Correct the usage…</source>
        <translation>Corriger l'usage…</translation>
    </message>
    <message>
        <source>Abandon the basket…</source>
        <translation>Abandonner le panier…</translation>
    </message>
    <message numerus="yes">
        <source>{name} — %Ln usages, {amount} (last: {day})</source>
        <translation>
            <numerusform>{name} — %Ln passage, {amount} (dernier : {day})</numerusform>
            <numerusform>{name} — %Ln passages, {amount} (dernier : {day})</numerusform>
        </translation>
    </message>
    <message>
        <source>Abandon the basket</source>
        <translation>Abandonner le panier</translation>
    </message>
    <message>
        <source>Abandon this basket and every line in it? Unbilled usages stay to be billed.</source>
        <translation>Abandonner ce panier et toutes ses lignes ? Les utilisations non facturées restent à facturer.</translation>
    </message>
    <message>
        <source>Keep the basket</source>
        <translation>Garder le panier</translation>
    </message>
    <message>
        <source>Basket total</source>
        <translation>Total du panier</translation>
    </message>
    <message>
        <source>Take payment… (F9)</source>
        <translation>Encaisser… (F9)</translation>
    </message>
    <message>
        <source>Take payment</source>
        <translation>Encaisser</translation>
    </message>
    <message>
        <source>Wallet: {amount}</source>
        <translation>Porte-monnaie : {amount}</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>Total : {amount}</translation>
    </message>
    <message>
        <source>(instead of {amount})</source>
        <translation>(au lieu de {amount})</translation>
    </message>
    <message>
        <source>Correct the usage</source>
        <translation>Corriger l'usage</translation>
    </message>
    <message>
        <source>Select a line that comes from a usage (a machine or a space).</source>
        <translation>Choisissez une ligne issue d'un usage (une machine ou un espace).</translation>
    </message>
    <message>
        <source>Remove the line</source>
        <translation>Supprimer la ligne</translation>
    </message>
    <message>
        <source>Remove “{name}” from the basket?</source>
        <translation>Retirer « {name} » du panier ?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>BookingCalendar</name>
    <message>
        <source>{count} people</source>
        <translation>{count} pers.</translation>
    </message>
    <message>
        <source>Purpose: {purpose}</source>
        <translation>Objet : {purpose}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Note : {note}</translation>
    </message>
    <message>
        <source>Resource blocked until {time} (preparation)</source>
        <translation>Ressource bloquée jusqu'à {time} (préparation)</translation>
    </message>
    <message>
        <source>Walk-in without booking</source>
        <translation>Passage sans réservation</translation>
    </message>
    <message>
        <source>Part of a weekly series</source>
        <translation>Fait partie d'une série hebdomadaire</translation>
    </message>
    <message>
        <source>Exception: {reason}</source>
        <translation>Exception : {reason}</translation>
    </message>
    <message>
        <source>Booking calendar</source>
        <translation>Calendrier des réservations</translation>
    </message>
    <message>
        <source>Booked by steps of {step} min, from {min} to {max} min</source>
        <translation>Réservable par pas de {step} min, de {min} à {max} min</translation>
    </message>
    <message>
        <source>{minutes} min of preparation after each booking</source>
        <translation>{minutes} min de préparation après chaque réservation</translation>
    </message>
    <message>
        <source>Closed: {reason}</source>
        <translation>Fermé : {reason}</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <source>Opening hours not set</source>
        <translation>Horaires non définis</translation>
    </message>
    <message>
        <source>No machine or bookable space in this space.</source>
        <translation>Aucune machine ni espace réservable dans cet espace.</translation>
    </message>
    <message>
        <source>by {step} min</source>
        <translation>par {step} min</translation>
    </message>
</context>
<context>
    <name>BookingDetailDialog</name>
    <message>
        <source>Booking</source>
        <translation>Réservation</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Quand :</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Qui :</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Objet :</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>No&amp;te :</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>History of the booking</source>
        <translation>Historique de la réservation</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>&amp;Arrivée</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Enregistrer l'arrivée</translation>
    </message>
    <message>
        <source>cancellation recorded</source>
        <translation>annulation enregistrée</translation>
    </message>
    <message>
        <source>Cancel the booking</source>
        <translation>Annuler la réservation</translation>
    </message>
    <message>
        <source>&amp;No-show…</source>
        <translation>A&amp;bsent…</translation>
    </message>
    <message>
        <source>Field &amp;changes…</source>
        <translation>&amp;Modifications des champs…</translation>
    </message>
    <message>
        <source>Changes of the booking's fields</source>
        <translation>Modifications des champs de la réservation</translation>
    </message>
    <message>
        <source>Cancel &amp;this booking…</source>
        <translation>Annuler cette réser&amp;vation…</translation>
    </message>
    <message>
        <source>Cancel this booking</source>
        <translation>Annuler cette réservation</translation>
    </message>
    <message>
        <source>Mark the member absent</source>
        <translation>Noter le membre absent</translation>
    </message>
    <message>
        <source>&amp;Save purpose and note</source>
        <translation>&amp;Enregistrer l'objet et la note</translation>
    </message>
    <message>
        <source>Save purpose and note</source>
        <translation>Enregistrer l'objet et la note</translation>
    </message>
    <message>
        <source>Changes of the booking</source>
        <translation>Modifications de la réservation</translation>
    </message>
    <message>
        <source>(blocked until {time} for preparation)</source>
        <translation>(bloquée jusqu'à {time} pour la préparation)</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} pers.</translation>
    </message>
    <message>
        <source>arrived at {time}</source>
        <translation>arrivée à {time}</translation>
    </message>
    <message>
        <source>Walk-in without booking</source>
        <translation>Passage sans réservation</translation>
    </message>
    <message>
        <source>Part of a weekly series</source>
        <translation>Fait partie d'une série hebdomadaire</translation>
    </message>
    <message>
        <source>Booked without the authorization: {reason}</source>
        <translation>Réservée sans l'habilitation : {reason}</translation>
    </message>
    <message>
        <source>booking made</source>
        <translation>réservation faite</translation>
    </message>
    <message>
        <source>walk-in started</source>
        <translation>passage commencé</translation>
    </message>
    <message>
        <source>moved or resized</source>
        <translation>déplacée ou redimensionnée</translation>
    </message>
    <message>
        <source>times corrected after the departure</source>
        <translation>horaires corrigés après le départ</translation>
    </message>
    <message>
        <source>purpose or note changed</source>
        <translation>objet ou note modifiés</translation>
    </message>
    <message>
        <source>arrival recorded</source>
        <translation>arrivée enregistrée</translation>
    </message>
    <message>
        <source>departure recorded</source>
        <translation>départ enregistré</translation>
    </message>
    <message>
        <source>marked absent</source>
        <translation>absence notée</translation>
    </message>
    <message>
        <source>{action} (was {start} – {end})</source>
        <translation>{action} (avant : {start} – {end})</translation>
    </message>
    <message>
        <source>{action}, without the authorization: {reason}</source>
        <translation>{action}, sans l'habilitation : {reason}</translation>
    </message>
    <message>
        <source>{action} (weekly series)</source>
        <translation>{action} (série hebdomadaire)</translation>
    </message>
    <message>
        <source>Cancel the booking of {resource} by {who}? The slot is freed.</source>
        <translation>Annuler la réservation de {resource} par {who} ? Le créneau est libéré.</translation>
    </message>
    <message>
        <source>Keep the booking</source>
        <translation>Garder la réservation</translation>
    </message>
    <message>
        <source>Member absent</source>
        <translation>Membre absent</translation>
    </message>
    <message>
        <source>{who} did not come for {resource} at {time}? The slot is freed.</source>
        <translation>Absence de {who} pour {resource} à {time} ? Le créneau est libéré.</translation>
    </message>
    <message>
        <source>Mark absent</source>
        <translation>Noter absent</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>New booking</source>
        <translation>Nouvelle réservation</translation>
    </message>
    <message>
        <source>Machine or &amp;space:</source>
        <translation>Machine ou e&amp;space :</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Horaire :</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Heure de début</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Heure de fin</translation>
    </message>
    <message>
        <source>A &amp;member</source>
        <translation>Un &amp;membre</translation>
    </message>
    <message>
        <source>A &amp;group</source>
        <translation>Un &amp;groupe</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Pour :</translation>
    </message>
    <message>
        <source>For a member</source>
        <translation>Pour un membre</translation>
    </message>
    <message>
        <source>For a group</source>
        <translation>Pour un groupe</translation>
    </message>
    <message>
        <source>Type a name, a member number or a town</source>
        <translation>Tapez un nom, un numéro d'adhérent ou une commune</translation>
    </message>
    <message>
        <source>M&amp;ember:</source>
        <translation>M&amp;embre :</translation>
    </message>
    <message>
        <source>Find a member</source>
        <translation>Rechercher un membre</translation>
    </message>
    <message>
        <source>Matching members</source>
        <translation>Membres trouvés</translation>
    </message>
    <message>
        <source>School, association, company…</source>
        <translation>École, association, entreprise…</translation>
    </message>
    <message>
        <source>&amp;Organisation of the group:</source>
        <translation>&amp;Structure du groupe :</translation>
    </message>
    <message>
        <source>&amp;Responsible adult:</source>
        <translation>Adulte &amp;responsable :</translation>
    </message>
    <message>
        <source> people</source>
        <translation> pers.</translation>
    </message>
    <message>
        <source>&amp;Head-count:</source>
        <translation>&amp;Effectif :</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Objet :</translation>
    </message>
    <message>
        <source>Project, workshop, class…</source>
        <translation>Projet, atelier, cours…</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>No&amp;te :</translation>
    </message>
    <message>
        <source>Reason for the exception:</source>
        <translation>Motif de l'exception :</translation>
    </message>
    <message>
        <source>e.g. trained today by the fab manager</source>
        <translation>p. ex. formation faite ce jour par le fabmanager</translation>
    </message>
    <message>
        <source>Repeat every &amp;week</source>
        <translation>Répéter chaque &amp;semaine</translation>
    </message>
    <message>
        <source>this many times:</source>
        <translation>nombre de fois :</translation>
    </message>
    <message>
        <source>until:</source>
        <translation>jusqu'au :</translation>
    </message>
    <message>
        <source>Series:</source>
        <translation>Série :</translation>
    </message>
    <message>
        <source>Repeat every week</source>
        <translation>Répéter chaque semaine</translation>
    </message>
    <message>
        <source>Repeat this many times</source>
        <translation>Répéter un nombre de fois</translation>
    </message>
    <message>
        <source>Number of weeks</source>
        <translation>Nombre de semaines</translation>
    </message>
    <message>
        <source>Repeat until a date</source>
        <translation>Répéter jusqu'à une date</translation>
    </message>
    <message>
        <source>Last day of the series</source>
        <translation>Dernier jour de la série</translation>
    </message>
    <message>
        <source>Estimated price</source>
        <translation>Prix estimé</translation>
    </message>
    <message>
        <source>Free:</source>
        <translation>Libre :</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Réserver</translation>
    </message>
    <message>
        <source>{day} {hours}</source>
        <translation>{day} {hours}</translation>
    </message>
    <message>
        <source>Take the free slot {slot}</source>
        <translation>Prendre le créneau libre {slot}</translation>
    </message>
    <message>
        <source>Book this free slot instead</source>
        <translation>Réserver plutôt ce créneau libre</translation>
    </message>
    <message>
        <source>Free slots:</source>
        <translation>Créneaux libres :</translation>
    </message>
    <message>
        <source>No free slot.</source>
        <translation>Aucun créneau libre.</translation>
    </message>
    <message>
        <source>No occurrence could be booked.</source>
        <translation>Aucune occurrence n'a pu être réservée.</translation>
    </message>
</context>
<context>
    <name>BookingRules</name>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{hours} h {minutes:02d}</source>
        <translation>{hours} h {minutes:02d}</translation>
    </message>
    <message>
        <source>in steps of {step}</source>
        <translation>par tranches de {step}</translation>
    </message>
    <message>
        <source>lasting {duration}</source>
        <translation>d'une durée de {duration}</translation>
    </message>
    <message>
        <source>from {min} to {max}</source>
        <translation>de {min} à {max}</translation>
    </message>
    <message>
        <source>{buffer} of preparation after</source>
        <translation>{buffer} de préparation après</translation>
    </message>
    <message>
        <source>up to 1 day ahead</source>
        <translation>jusqu'à 1 jour à l'avance</translation>
    </message>
    <message>
        <source>up to {days} days ahead</source>
        <translation>jusqu'à {days} jours à l'avance</translation>
    </message>
</context>
<context>
    <name>BookingsPage</name>
    <message>
        <source>Bookings</source>
        <translation>Réservations</translation>
    </message>
    <message>
        <source>&amp;Space:</source>
        <translation>E&amp;space :</translation>
    </message>
    <message>
        <source>Space shown</source>
        <translation>Espace affiché</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <source>Day view</source>
        <translation>Vue jour</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Semaine</translation>
    </message>
    <message>
        <source>Week view</source>
        <translation>Vue semaine</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Période précédente</translation>
    </message>
    <message>
        <source>Previous day or week (Ctrl+Left)</source>
        <translation>Jour ou semaine précédents (Ctrl+Gauche)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>Au&amp;jourd'hui</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Revenir à aujourd'hui</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>Période suivante</translation>
    </message>
    <message>
        <source>Next day or week (Ctrl+Right)</source>
        <translation>Jour ou semaine suivants (Ctrl+Droite)</translation>
    </message>
    <message>
        <source>&amp;New booking…</source>
        <translation>&amp;Nouvelle réservation…</translation>
    </message>
    <message>
        <source>New booking</source>
        <translation>Nouvelle réservation</translation>
    </message>
    <message>
        <source>Show one member's bookings: type a name…</source>
        <translation>Voir les réservations d'un membre : tapez un nom…</translation>
    </message>
    <message>
        <source>Member filter</source>
        <translation>Filtre par membre</translation>
    </message>
    <message>
        <source>Show &amp;cancelled and absent</source>
        <translation>Afficher les annulées et les a&amp;bsences</translation>
    </message>
    <message>
        <source>Show cancelled bookings and no-shows</source>
        <translation>Afficher les réservations annulées et les absences</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>Fermer le message</translation>
    </message>
    <message>
        <source>Week {number} · {dates}</source>
        <translation>Semaine {number} · {dates}</translation>
    </message>
    <message>
        <source>This space has no machine and cannot be booked itself.</source>
        <translation>Cet espace n'a aucune machine et ne peut pas être réservé lui-même.</translation>
    </message>
    <message>
        <source>{day}, {start}–{end}</source>
        <translation>{day}, {start}–{end}</translation>
    </message>
    <message>
        <source>Booked: {resource} for {who}, {when}.</source>
        <translation>Réservé : {resource} pour {who}, {when}.</translation>
    </message>
    <message>
        <source>Booked: {resource} for {who}, {count} weeks from {when}.</source>
        <translation>Réservé : {resource} pour {who}, {count} semaines à partir du {when}.</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <source>Rename category</source>
        <translation>Renommer la catégorie</translation>
    </message>
    <message>
        <source>New machine category</source>
        <translation>Nouvelle catégorie de machines</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>e.g. Laser cutting, FDM 3D printing</source>
        <translation>ex. Découpe laser, Impression 3D FDM</translation>
    </message>
</context>
<context>
    <name>CheckOutDialog</name>
    <message>
        <source>Departure — {resource}</source>
        <translation>Départ — {resource}</translation>
    </message>
    <message>
        <source>Booked from {start} to {end}</source>
        <translation>Réservé de {start} à {end}</translation>
    </message>
    <message>
        <source>Walk-in, planned until {end}</source>
        <translation>Passage sans réservation, prévu jusqu'à {end}</translation>
    </message>
    <message>
        <source>Actual &amp;arrival:</source>
        <translation>&amp;Arrivée réelle :</translation>
    </message>
    <message>
        <source>Actual &amp;departure:</source>
        <translation>&amp;Départ réel :</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Durée :</translation>
    </message>
    <message>
        <source>Consumables used</source>
        <translation>Consommables utilisés</translation>
    </message>
    <message>
        <source>Quantity of {name} ({unit})</source>
        <translation>Quantité de {name} ({unit})</translation>
    </message>
    <message>
        <source>No consumable is offered for this machine (see Settings, Consumables).</source>
        <translation>Aucun consommable n'est proposé pour cette machine (voir Paramètres, Consommables).</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Priced lines of the departure</source>
        <translation>Lignes tarifées du départ</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <source>&amp;Record the departure</source>
        <translation>&amp;Enregistrer le départ</translation>
    </message>
    <message>
        <source>The departure must be after the arrival.</source>
        <translation>Le départ doit être après l'arrivée.</translation>
    </message>
    <message>
        <source>To pay: {total}. Frozen when the departure is recorded.</source>
        <translation>À payer : {total}. Figé à l'enregistrement du départ.</translation>
    </message>
</context>
<context>
    <name>CheckoutLabels</name>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte bancaire</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>Chèque</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Virement</translation>
    </message>
    <message>
        <source>Pass numérique</source>
        <translation>Pass numérique</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Porte-monnaie</translation>
    </message>
    <message>
        <source>Administrative mandate</source>
        <translation>Mandat administratif</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
</context>
<context>
    <name>CheckoutPage</name>
    <message>
        <source>Checkout &amp; invoices</source>
        <translation>Caisse &amp; factures</translation>
    </message>
    <message>
        <source>Checkout tabs</source>
        <translation>Onglets de la caisse</translation>
    </message>
    <message>
        <source>&amp;Checkout</source>
        <translation>&amp;Caisse</translation>
    </message>
    <message>
        <source>&amp;Invoices</source>
        <translation>&amp;Factures</translation>
    </message>
    <message>
        <source>&amp;Unpaid</source>
        <translation>&amp;Impayés</translation>
    </message>
    <message>
        <source>&amp;Monthly invoicing</source>
        <translation>Facturation &amp;mensuelle</translation>
    </message>
    <message>
        <source>C&amp;losings</source>
        <translation>C&amp;lôtures</translation>
    </message>
    <message>
        <source>B&amp;ank deposits</source>
        <translation>R&amp;emises</translation>
    </message>
</context>
<context>
    <name>ClassListDialog</name>
    <message>
        <source>Import a list</source>
        <translation>Importer une liste</translation>
    </message>
    <message>
        <source>A list of participants (CSV or XLSX) into the session “{session}”.</source>
        <translation>Une liste de participants (CSV ou XLSX) à inscrire à la séance « {session} ».</translation>
    </message>
    <message>
        <source>&amp;Named participants: each line is a person</source>
        <translation>Participants &amp;nommés : chaque ligne est une personne</translation>
    </message>
    <message>
        <source>Named participants</source>
        <translation>Participants nommés</translation>
    </message>
    <message>
        <source>One &amp;group: the lines are counted</source>
        <translation>Un gro&amp;upe : les lignes sont comptées</translation>
    </message>
    <message>
        <source>One group</source>
        <translation>Un groupe</translation>
    </message>
    <message>
        <source>Each person is found among the members (same e-mail, or same name and birth year) or created in the public below. A minor needs a legal guardian column.</source>
        <translation>Chaque personne est retrouvée parmi les adhérents (même e-mail, ou même nom et même année de naissance) ou créée dans le public ci-dessous. Pour un mineur, une colonne « Responsable légal » est nécessaire.</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>&amp;Public of the new members:</source>
        <translation>&amp;Public des nouveaux adhérents :</translation>
    </message>
    <message>
        <source>One registration whose head-count is the number of lines: no pupil becomes a member. The way for a school class.</source>
        <translation>Une seule inscription dont l'effectif est le nombre de lignes : aucun élève ne devient adhérent. La voie pour une classe.</translation>
    </message>
    <message>
        <source>School, association… (optional)</source>
        <translation>École, association… (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Structure :</translation>
    </message>
    <message>
        <source>Group na&amp;me:</source>
        <translation>No&amp;m du groupe :</translation>
    </message>
    <message>
        <source>Year 6 class, youth club…</source>
        <translation>Classe de CM2, centre de loisirs…</translation>
    </message>
    <message>
        <source>&amp;Responsible adult:</source>
        <translation>Adulte &amp;responsable :</translation>
    </message>
    <message>
        <source>&amp;Age band:</source>
        <translation>Tranche d'â&amp;ge :</translation>
    </message>
    <message>
        <source>&amp;Choose the file…</source>
        <translation>&amp;Choisir le fichier…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Choisir le fichier</translation>
    </message>
    <message>
        <source>This organisation is not among the members.</source>
        <translation>Cette structure ne figure pas parmi les adhérents.</translation>
    </message>
    <message>
        <source>Give the group a name (or choose its organisation).</source>
        <translation>Donnez un nom au groupe (ou choisissez sa structure).</translation>
    </message>
</context>
<context>
    <name>ClosingsTab</name>
    <message>
        <source>Period to close</source>
        <translation>Période à clôturer</translation>
    </message>
    <message>
        <source>Day in the period</source>
        <translation>Jour de la période</translation>
    </message>
    <message>
        <source>&amp;Close the period…</source>
        <translation>&amp;Clôturer la période…</translation>
    </message>
    <message>
        <source>&amp;Export the archive…</source>
        <translation>&amp;Exporter l'archive…</translation>
    </message>
    <message>
        <source>Closing &amp;note PDF…</source>
        <translation>&amp;Note de clôture (PDF)…</translation>
    </message>
    <message>
        <source>Close:</source>
        <translation>Clôturer :</translation>
    </message>
    <message>
        <source>Closings</source>
        <translation>Clôtures</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>Clôturée le</translation>
    </message>
    <message>
        <source>Total incl. VAT</source>
        <translation>Total TTC</translation>
    </message>
    <message>
        <source>Perpetual total</source>
        <translation>Total perpétuel</translation>
    </message>
    <message>
        <source>Cash float of the selected closing</source>
        <translation>Fond de caisse de la clôture choisie</translation>
    </message>
    <message>
        <source>Cash: float at the opening {opening} + received {received} − refunded {refunded} − taken to the bank {deposited} = float at the closing (expected in the till) {closing}</source>
        <translation>Espèces : fond de caisse à l'ouverture {opening} + reçues {received} − remboursées {refunded} − versées en banque {deposited} = fond de caisse à la clôture (attendu en caisse) {closing}</translation>
    </message>
    <message>
        <source>Close the period</source>
        <translation>Clôturer la période</translation>
    </message>
    <message>
        <source>Close the {period} starting {day}? Nothing dated in it can be invoiced or changed afterwards.</source>
        <translation>Clôturer la période ({period}) commençant le {day} ? Plus rien de daté dans cette période ne pourra être facturé ni modifié.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Clôturer</translation>
    </message>
    <message>
        <source>Period closed.</source>
        <translation>Période clôturée.</translation>
    </message>
    <message>
        <source>Save the closing note</source>
        <translation>Enregistrer la note de clôture</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Closing note saved: {path}</source>
        <translation>Note de clôture enregistrée : {path}</translation>
    </message>
    <message>
        <source>Export the archive</source>
        <translation>Exporter l'archive</translation>
    </message>
    <message>
        <source>ZIP archive (*.zip)</source>
        <translation>Archive ZIP (*.zip)</translation>
    </message>
    <message>
        <source>Archive saved: {path}</source>
        <translation>Archive enregistrée : {path}</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Retry now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>Retry the connection now</source>
        <translation>Réessayer la connexion maintenant</translation>
    </message>
    <message>
        <source>Database file not found — trying again…</source>
        <translation>Fichier de la base de données introuvable — nouvel essai en cours…</translation>
    </message>
    <message>
        <source>Connection to the server lost — trying again…</source>
        <translation>Connexion au serveur perdue — nouvel essai en cours…</translation>
    </message>
    <message>
        <source>Database file not found — next try in {n} s…</source>
        <translation>Fichier de la base de données introuvable — nouvel essai dans {n} s…</translation>
    </message>
    <message>
        <source>Connection to the server lost — next try in {n} s…</source>
        <translation>Connexion au serveur perdue — nouvel essai dans {n} s…</translation>
    </message>
</context>
<context>
    <name>ConsumablesTab</name>
    <message>
        <source>What members use on the machines, recorded at their departure. An archived consumable is no longer offered; past usages keep it.</source>
        <translation>Ce que les membres utilisent sur les machines, enregistré à leur départ. Un consommable archivé n'est plus proposé ; les passages déjà enregistrés le gardent.</translation>
    </message>
    <message>
        <source>Consumables</source>
        <translation>Consommables</translation>
    </message>
    <message>
        <source>Show archived consumables</source>
        <translation>Afficher les consommables archivés</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>e.g. PLA filament</source>
        <translation>ex. Filament PLA</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Unité :</translation>
    </message>
    <message>
        <source>&amp;Stock:</source>
        <translation>&amp;Stock :</translation>
    </message>
    <message>
        <source>empty = stock not followed</source>
        <translation>vide = stock non suivi</translation>
    </message>
    <message>
        <source>&amp;Low stock under:</source>
        <translation>Stock &amp;bas sous :</translation>
    </message>
    <message>
        <source>quantity that triggers the warning</source>
        <translation>quantité qui déclenche l'alerte</translation>
    </message>
    <message>
        <source>New consumable</source>
        <translation>Nouveau consommable</translation>
    </message>
    <message>
        <source>Save the consumable</source>
        <translation>Enregistrer le consommable</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Archive or restore the consumable</source>
        <translation>Archiver ou restaurer le consommable</translation>
    </message>
    <message>
        <source>Machines offering it at the departure</source>
        <translation>Machines qui le proposent au départ</translation>
    </message>
    <message>
        <source>Machines that offer this consumable</source>
        <translation>Machines qui proposent ce consommable</translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation>(archivé)</translation>
    </message>
    <message>
        <source>low stock: {quantity}</source>
        <translation>stock bas : {quantity}</translation>
    </message>
    <message>
        <source>low stock</source>
        <translation>stock bas</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Save the consumable first, then tick the machines that offer it.</source>
        <translation>Enregistrez d'abord le consommable, puis cochez les machines qui le proposent.</translation>
    </message>
    <message>
        <source>Machines offering “{name}” at the departure</source>
        <translation>Machines qui proposent « {name} » au départ</translation>
    </message>
    <message>
        <source>Tick a machine to offer this consumable at its departure; each tick is saved at once.</source>
        <translation>Cochez une machine pour proposer ce consommable à son départ ; chaque case est enregistrée aussitôt.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Archive the consumable</source>
        <translation>Archiver le consommable</translation>
    </message>
    <message>
        <source>Archive “{name}”? It is no longer offered at the departure; past usages keep it.</source>
        <translation>Archiver « {name} » ? Il ne sera plus proposé au départ ; les passages déjà enregistrés le gardent.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected problem</source>
        <translation>Problème inattendu</translation>
    </message>
    <message>
        <source>An unexpected problem occurred</source>
        <translation>Un problème inattendu est survenu</translation>
    </message>
    <message>
        <source>The action in progress was not saved: each action is saved whole or not at all. Everything saved before it is intact. You can go on working; if the problem comes back, copy the report below and send it to whoever maintains the application.</source>
        <translation>L'action en cours n'a pas été enregistrée : chaque action est enregistrée en entier ou pas du tout. Tout ce qui a été enregistré avant est intact. Vous pouvez continuer à travailler ; si le problème revient, copiez le rapport ci-dessous et envoyez-le à la personne qui s'occupe de l'application.</translation>
    </message>
    <message>
        <source>The details are also in the log: {0}</source>
        <translation>Le détail est aussi dans le journal : {0}</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Rapport d'erreur</translation>
    </message>
    <message>
        <source>&amp;Copy the report</source>
        <translation>&amp;Copier le rapport</translation>
    </message>
    <message>
        <source>Report copied</source>
        <translation>Rapport copié</translation>
    </message>
</context>
<context>
    <name>CreditNoteDialog</name>
    <message>
        <source>Credit note on {number}</source>
        <translation>Avoir sur {number}</translation>
    </message>
    <message>
        <source>The &amp;whole invoice</source>
        <translation>&amp;Toute la facture</translation>
    </message>
    <message>
        <source>&amp;Chosen lines</source>
        <translation>&amp;Lignes choisies</translation>
    </message>
    <message>
        <source>Credit the whole invoice</source>
        <translation>Avoir sur toute la facture</translation>
    </message>
    <message>
        <source>Credit chosen lines</source>
        <translation>Avoir sur des lignes choisies</translation>
    </message>
    <message>
        <source>Lines to credit</source>
        <translation>Lignes à créditer</translation>
    </message>
    <message>
        <source>Designation</source>
        <translation>Désignation</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>Facturé</translation>
    </message>
    <message>
        <source>Quantity to credit</source>
        <translation>Quantité à créditer</translation>
    </message>
    <message>
        <source>Quantity of {name} to credit</source>
        <translation>Quantité de {name} à créditer</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>Re&amp;fund:</source>
        <translation>Rem&amp;boursement :</translation>
    </message>
    <message>
        <source>No refund (amount left to pay is reduced)</source>
        <translation>Pas de remboursement (le reste à payer diminue)</translation>
    </message>
    <message>
        <source>Refund &amp;amount (€):</source>
        <translation>&amp;Montant remboursé (€) :</translation>
    </message>
    <message>
        <source>&amp;Issue the credit note</source>
        <translation>&amp;Émettre l'avoir</translation>
    </message>
    <message>
        <source>Type how much of each line to credit.</source>
        <translation>Indiquez la quantité à créditer sur chaque ligne.</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Where the figures come from</source>
        <translation>D'où viennent les chiffres</translation>
    </message>
    <message>
        <source>Revenue by origin and by month</source>
        <translation>Produits par origine et par mois</translation>
    </message>
    <message>
        <source>Chart of the revenue by origin and by month</source>
        <translation>Graphique des produits par origine et par mois</translation>
    </message>
    <message>
        <source>Revenue of the period</source>
        <translation>Produits de la période</translation>
    </message>
    <message>
        <source>Chart of the revenue of the period by origin</source>
        <translation>Graphique des produits de la période par origine</translation>
    </message>
    <message>
        <source>Legend of the revenue chart</source>
        <translation>Légende du graphique des recettes</translation>
    </message>
    <message>
        <source>Reduced and free access by public</source>
        <translation>Accès réduit et gratuit par public</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>Prix catalogue</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>Facturé</translation>
    </message>
    <message>
        <source>Not invoiced yet</source>
        <translation>À encaisser</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Offert</translation>
    </message>
    <message>
        <source>Cost recovery per machine</source>
        <translation>Couverture des coûts par machine</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Revenue / h</source>
        <translation>Recette / h</translation>
    </message>
    <message>
        <source>Cost / h</source>
        <translation>Coût / h</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Couverture</translation>
    </message>
    <message>
        <source>Budget against actual</source>
        <translation>Budget et réalisé</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Click a figure, a bar, a slice or a row (Enter) to see the lines behind it.</source>
        <translation>Cliquez sur un chiffre, une barre, une part ou une ligne (Entrée) pour voir les écritures qui le composent.</translation>
    </message>
    <message>
        <source>Sales to non-members in {year}: {amount}, above the {limit} limit of the VAT franchise for lucrative accessory activities (art. 261-7-1°-b CGI): these sales are now liable to VAT. See your accountant.</source>
        <translation>Ventes aux non-adhérents en {year} : {amount}, au-delà du plafond de {limit} de la franchise de TVA des activités lucratives accessoires (art. 261-7-1°-b du CGI) : ces ventes sont désormais soumises à la TVA. Voyez votre expert-comptable.</translation>
    </message>
    <message>
        <source>Sales to non-members in {year}: {amount}, close to the {limit} limit of the VAT franchise for lucrative accessory activities (art. 261-7-1°-b CGI).</source>
        <translation>Ventes aux non-adhérents en {year} : {amount}, proches du plafond de {limit} de la franchise de TVA des activités lucratives accessoires (art. 261-7-1°-b du CGI).</translation>
    </message>
    <message>
        <source>Self-financing</source>
        <translation>Autofinancement</translation>
    </message>
    <message>
        <source>Local authorities’ share</source>
        <translation>Part des collectivités</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Total revenue</source>
        <translation>Total des produits</translation>
    </message>
    <message>
        <source>Total costs</source>
        <translation>Total des charges</translation>
    </message>
    <message>
        <source>Value of reduced access</source>
        <translation>Valeur de l'accès réduit</translation>
    </message>
    <message>
        <source>no comparison with last year</source>
        <translation>pas de comparaison avec N-1</translation>
    </message>
    <message>
        <source>{arrow} {points} pts vs last year</source>
        <translation>{arrow} {points} pts / N-1</translation>
    </message>
    <message>
        <source>{arrow} {sign}{amount} vs last year</source>
        <translation>{arrow} {sign}{amount} / N-1</translation>
    </message>
    <message>
        <source>Own revenue ÷ cash costs (expenses and depreciation). In-kind contributions are not among the costs: the rate with them is given below.</source>
        <translation>Recettes propres ÷ charges en numéraire (dépenses et amortissements). Les contributions en nature ne sont pas dans les charges : le taux qui les inclut est donné plus bas.</translation>
    </message>
    <message>
        <source>Commune + intercommunality + département + région, divided by the total cash revenue. The State, Europe, social and employment bodies are public funding but not collectivities.</source>
        <translation>Commune + intercommunalité + département + région, rapportés au total des produits en numéraire. L'État, l'Europe, les organismes sociaux et de l'emploi sont des financements publics mais pas des collectivités.</translation>
    </message>
    <message>
        <source>Total cash revenue − total cash costs.</source>
        <translation>Total des produits en numéraire − total des charges en numéraire.</translation>
    </message>
    <message>
        <source>Own revenue (invoices excl. VAT, credit notes deducted, wallet top-ups left out, plus what was billed before the software) + public funding by level + private support (foundations, mécénat, sponsoring, donations). In-kind contributions are shown apart.</source>
        <translation>Recettes propres (factures HT, avoirs déduits, hors recharges du porte-monnaie, plus ce qui a été facturé avant le logiciel) + financements publics par niveau + soutiens privés (fondations, mécénat, sponsoring, dons). Les contributions en nature sont montrées à part.</translation>
    </message>
    <message>
        <source>Expenses and machine depreciation. In-kind contributions (86/87) are shown apart.</source>
        <translation>Dépenses et amortissement des machines. Les contributions en nature (86/87) sont montrées à part.</translation>
    </message>
    <message>
        <source>List price − charged price of the period's usages.</source>
        <translation>Prix catalogue − prix appliqué des usages de la période.</translation>
    </message>
    <message>
        <source>{amount} invoiced by the software</source>
        <translation>{amount} facturés par le logiciel</translation>
    </message>
    <message>
        <source>{amount} billed before the software</source>
        <translation>{amount} facturés avant l'utilisation du logiciel</translation>
    </message>
    <message>
        <source>{amount} of Pass numérique vouchers taken at the cyber-base without an invoice</source>
        <translation>{amount} de Pass numérique reçus à la cyber-base sans facture</translation>
    </message>
    <message>
        <source>{amount} of memberships paid outside the software (imported from HelloAsso, Paheko or a spreadsheet, never invoiced)</source>
        <translation>{amount} d'adhésions payées hors du logiciel (importées de HelloAsso, de Paheko ou d'un tableur, jamais facturées)</translation>
    </message>
    <message>
        <source>Own revenue: {own} = {parts} (each usage, membership, pack or ticket counted once).</source>
        <translation>Recettes propres : {own} = {parts} (chaque usage, adhésion, pack ou inscription compté une seule fois).</translation>
    </message>
    <message>
        <source>usages</source>
        <translation>usages</translation>
    </message>
    <message>
        <source>memberships</source>
        <translation>adhésions</translation>
    </message>
    <message>
        <source>packs</source>
        <translation>packs</translation>
    </message>
    <message>
        <source>workshop tickets</source>
        <translation>inscriptions aux ateliers</translation>
    </message>
    <message>
        <source>Billed before the software: {amount} ({what} dated before {day} and on no invoice of the software).</source>
        <translation>Facturé avant l'utilisation du logiciel : {amount} ({what} antérieurs au {day} sans facture émise par le logiciel).</translation>
    </message>
    <message>
        <source>In-kind contributions (86/87, shown apart, not in the revenue nor the costs): {amount}. Self-financing with them (own ÷ costs + in-kind): {rate}.</source>
        <translation>Contributions en nature (86/87, à part, ni dans les produits ni dans les charges) : {amount}. Autofinancement en les incluant (recettes propres ÷ charges et contributions en nature) : {rate}.</translation>
    </message>
    <message>
        <source>Of the private funding, mécénat, sponsoring and donations: {amount} (not grants).</source>
        <translation>Dont mécénat, sponsoring et dons dans les soutiens privés : {amount} (ce ne sont pas des subventions).</translation>
    </message>
    <message>
        <source>{title}: {value}, {trend}. Show the lines</source>
        <translation>{title} : {value}, {trend}. Voir les écritures</translation>
    </message>
    <message>
        <source>{definition}
Click to show the lines behind this figure.</source>
        <translation>{definition}
Cliquer pour voir les lignes derrière ce chiffre.</translation>
    </message>
    <message>
        <source>Own revenue</source>
        <translation>Ressources propres</translation>
    </message>
    <message>
        <source>Public funding</source>
        <translation>Financements publics</translation>
    </message>
    <message>
        <source>Private funding</source>
        <translation>Financements privés</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>{origin}, {month}: {amount}</source>
        <translation>{origin}, {month} : {amount}</translation>
    </message>
    <message>
        <source>{origin} — {month}</source>
        <translation>{origin} — {month}</translation>
    </message>
    <message>
        <source>Revenue of the period: {total}</source>
        <translation>Produits de la période : {total}</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Produits</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>Charges</translation>
    </message>
</context>
<context>
    <name>DatabaseTab</name>
    <message>
        <source>Where the lab's data is kept. One computer: a file on this computer. Several desks at once: a PostgreSQL server on the lab's network (ask the person who installed it for its address, user and password). A change is used the next time the application starts.</source>
        <translation>Où sont gardées les données du lieu. Un seul ordinateur : un fichier sur cet ordinateur. Plusieurs postes en même temps : un serveur PostgreSQL sur le réseau du lieu (demandez son adresse, l'utilisateur et le mot de passe à la personne qui l'a installé). Un changement est pris en compte au prochain démarrage de l'application.</translation>
    </message>
    <message>
        <source>Database in use: {target}</source>
        <translation>Base de données utilisée : {target}</translation>
    </message>
    <message>
        <source>A &amp;file on this computer</source>
        <translation>Un fic&amp;hier sur cet ordinateur</translation>
    </message>
    <message>
        <source>Keep the data in a file on this computer</source>
        <translation>Garder les données dans un fichier sur cet ordinateur</translation>
    </message>
    <message>
        <source>A PostgreSQL server on the lab's net&amp;work</source>
        <translation>Un serveur PostgreSQL sur le &amp;réseau du lieu</translation>
    </message>
    <message>
        <source>Keep the data on a PostgreSQL server</source>
        <translation>Garder les données sur un serveur PostgreSQL</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Fichier de la base de données</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Choose the database file</source>
        <translation>Choisir le fichier de la base de données</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Adresse du serveur :</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.20 or serveur.local</source>
        <translation>ex. 192.168.1.20 ou serveur.local</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de données :</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Require an encrypted connection (&amp;TLS)</source>
        <translation>Exiger une connexion &amp;chiffrée (TLS)</translation>
    </message>
    <message>
        <source>Require an encrypted connection</source>
        <translation>Exiger une connexion chiffrée</translation>
    </message>
    <message>
        <source>The server installed with install-server.sh offers it. Untick only for a server on this very computer that has no certificate.</source>
        <translation>Le serveur installé avec install-server.sh la propose. Ne décochez que pour un serveur installé sur cet ordinateur même, sans certificat.</translation>
    </message>
    <message>
        <source>Test the co&amp;nnection</source>
        <translation>Tester la co&amp;nnexion</translation>
    </message>
    <message>
        <source>Test the connection to the server</source>
        <translation>Tester la connexion au serveur</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the database choice</source>
        <translation>Enregistrer le choix de la base de données</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Résultat du test de connexion</translation>
    </message>
    <message>
        <source>kept (type to change it)</source>
        <translation>enregistré (tapez-en un autre pour le changer)</translation>
    </message>
    <message>
        <source>Tiers-Lieu database (*.sqlite)</source>
        <translation>Base Tiers-Lieu (*.sqlite)</translation>
    </message>
    <message>
        <source>Connecting to {host}:{port}…</source>
        <translation>Connexion à {host}:{port}…</translation>
    </message>
    <message>
        <source>Connection works: this is a Tiers-Lieu database of an earlier version. It will be brought up to date at the next start.</source>
        <translation>La connexion fonctionne : c'est une base Tiers-Lieu d'une version précédente. Elle sera mise à jour au prochain démarrage.</translation>
    </message>
    <message>
        <source>Connection works: this is a Tiers-Lieu database.</source>
        <translation>La connexion fonctionne : c'est une base Tiers-Lieu.</translation>
    </message>
    <message>
        <source>Connection works. The database is empty: the application will create its tables at the next start.</source>
        <translation>La connexion fonctionne. La base est vide : l'application y créera ses tables au prochain démarrage.</translation>
    </message>
    <message>
        <source>No server answers at this address and port. Check the address, the port (usually 5432), that the server is on and that this computer is on the lab's network.</source>
        <translation>Aucun serveur ne répond à cette adresse et sur ce port. Vérifiez l'adresse, le port (en général 5432), que le serveur est allumé et que cet ordinateur est bien sur le réseau du lieu.</translation>
    </message>
    <message>
        <source>The server refuses this user or password. Check them with the person who installed the server.</source>
        <translation>Le serveur refuse cet utilisateur ou ce mot de passe. Vérifiez-les avec la personne qui a installé le serveur.</translation>
    </message>
    <message>
        <source>The server has no database of this name. Check its spelling, or ask for it to be created.</source>
        <translation>Le serveur n'a pas de base de données de ce nom. Vérifiez son orthographe, ou demandez qu'elle soit créée.</translation>
    </message>
    <message>
        <source>This database holds other tables: it is not a Tiers-Lieu database. Choose an empty database or the lab's one.</source>
        <translation>Cette base contient d'autres tables : ce n'est pas une base Tiers-Lieu. Choisissez une base vide ou celle du lieu.</translation>
    </message>
    <message>
        <source>This database comes from a newer version of Tiers-Lieu Desktop: update the application on this computer first.</source>
        <translation>Cette base vient d'une version plus récente de Tiers-Lieu Desktop : mettez d'abord à jour l'application sur cet ordinateur.</translation>
    </message>
    <message>
        <source>This server does not offer an encrypted connection. Ask the person who installed it to run install-server.sh again (it sets up TLS); untick « Require an encrypted connection » only for a server on this computer.</source>
        <translation>Ce serveur ne propose pas de connexion chiffrée. Demandez à la personne qui l'a installé de relancer install-server.sh (il met en place le chiffrement TLS) ; ne décochez « Exiger une connexion chiffrée » que pour un serveur installé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The connection failed. The server said: {detail}</source>
        <translation>La connexion a échoué. Le serveur a répondu : {detail}</translation>
    </message>
    <message>
        <source>Saved: this database will be used the next time the application starts.</source>
        <translation>Enregistré : cette base de données sera utilisée au prochain démarrage de l'application.</translation>
    </message>
</context>
<context>
    <name>DecisionDelegate</name>
    <message>
        <source>What to do with this duplicate</source>
        <translation>Que faire de ce doublon</translation>
    </message>
</context>
<context>
    <name>DepositDialog</name>
    <message>
        <source>Bank deposit</source>
        <translation>Remise en banque</translation>
    </message>
    <message>
        <source>Cheques not deposited yet (click a row to check or uncheck it)</source>
        <translation>Chèques pas encore remis (cliquer sur une ligne pour la cocher ou la décocher)</translation>
    </message>
    <message>
        <source>Cheques to deposit</source>
        <translation>Chèques à remettre</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Remettre</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <source>Cheque no.</source>
        <translation>N° du chèque</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation>Tireur</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Check &amp;all</source>
        <translation>Tout coc&amp;her</translation>
    </message>
    <message>
        <source>Check all the cheques</source>
        <translation>Cocher tous les chèques</translation>
    </message>
    <message>
        <source>Check &amp;none</source>
        <translation>Tout déc&amp;ocher</translation>
    </message>
    <message>
        <source>Uncheck all the cheques</source>
        <translation>Décocher tous les chèques</translation>
    </message>
    <message>
        <source>&amp;Cash from the till:</source>
        <translation>&amp;Espèces prises dans la caisse :</translation>
    </message>
    <message>
        <source>Cash on hand: {amount}</source>
        <translation>Espèces en caisse : {amount}</translation>
    </message>
    <message>
        <source>Bank &amp;reference:</source>
        <translation>&amp;Référence bancaire :</translation>
    </message>
    <message>
        <source>number printed on the bank's slip (optional)</source>
        <translation>numéro imprimé sur le bordereau de la banque (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Jour :</translation>
    </message>
    <message>
        <source>&amp;Save and print the slip</source>
        <translation>&amp;Enregistrer et imprimer le bordereau</translation>
    </message>
    <message>
        <source>Save and print the slip</source>
        <translation>Enregistrer et imprimer le bordereau</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <source>%Ln cheques checked: {amount}</source>
        <translation>
            <numerusform>%Ln chèque coché : {amount}</numerusform>
            <numerusform>%Ln chèques cochés : {amount}</numerusform>
        </translation>
    </message>
    <message>
        <source>cash: {amount}</source>
        <translation>espèces : {amount}</translation>
    </message>
</context>
<context>
    <name>DepositsTab</name>
    <message>
        <source>Save the deposit slip</source>
        <translation>Enregistrer le bordereau de remise</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>&amp;Bank deposit…</source>
        <translation>Remise en &amp;banque…</translation>
    </message>
    <message>
        <source>Bank deposit</source>
        <translation>Remise en banque</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B, from any tab of the page</source>
        <translation>Ctrl+Maj+B, depuis n'importe quel onglet de la page</translation>
    </message>
    <message>
        <source>&amp;Reprint the slip…</source>
        <translation>&amp;Réimprimer le bordereau…</translation>
    </message>
    <message>
        <source>Reprint the slip</source>
        <translation>Réimprimer le bordereau</translation>
    </message>
    <message>
        <source>Ca&amp;ncel the deposit…</source>
        <translation>A&amp;nnuler la remise…</translation>
    </message>
    <message>
        <source>Cancel the deposit</source>
        <translation>Annuler la remise</translation>
    </message>
    <message>
        <source>Cheques</source>
        <translation>Chèques</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation>Bons</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Bank reference</source>
        <translation>Référence bancaire</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <source>Past deposits</source>
        <translation>Remises passées</translation>
    </message>
    <message>
        <source>cancels {number}</source>
        <translation>annule {number}</translation>
    </message>
    <message>
        <source>cancelled by {number}</source>
        <translation>annulée par {number}</translation>
    </message>
    <message numerus="yes">
        <source>Waiting: %Ln cheques, {cheques} · cash in the till: {cash}</source>
        <translation>
            <numerusform>En attente : %Ln chèque, {cheques} · espèces en caisse : {cash}</numerusform>
            <numerusform>En attente : %Ln chèques, {cheques} · espèces en caisse : {cash}</numerusform>
        </translation>
    </message>
    <message>
        <source>Deposit {numbers} saved; slip written: {path}</source>
        <translation>Remise {numbers} enregistrée ; bordereau écrit : {path}</translation>
    </message>
    <message>
        <source>Deposit {numbers} saved; its slip can be printed again here.</source>
        <translation>Remise {numbers} enregistrée ; son bordereau peut être réimprimé ici.</translation>
    </message>
    <message>
        <source>Slip written: {path}</source>
        <translation>Bordereau écrit : {path}</translation>
    </message>
    <message>
        <source>Cancel the deposit {number} by a reversing deposit dated today? Its cheques will wait to be deposited again.</source>
        <translation>Annuler la remise {number} par une remise inverse datée d'aujourd'hui ? Ses chèques seront de nouveau à remettre.</translation>
    </message>
</context>
<context>
    <name>DesktopFiles</name>
    <message>
        <source>Where the file is</source>
        <translation>Emplacement du fichier</translation>
    </message>
    <message>
        <source>No file manager could be opened. The file is here:</source>
        <translation>Aucun gestionnaire de fichiers n'a pu être ouvert. Le fichier se trouve ici :</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Impossible d'ouvrir le fichier</translation>
    </message>
    <message>
        <source>No application on this computer opens “{name}” (no PDF viewer or spreadsheet installed?).</source>
        <translation>Aucune application de cet ordinateur n'ouvre « {name} » (pas de lecteur PDF ni de tableur installé ?).</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primer…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Afficher dans le &amp;dossier</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Saved: {name}</source>
        <translation>Enregistré : {name}</translation>
    </message>
    <message>
        <source>File saved</source>
        <translation>Fichier enregistré</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>{title} — from {first} to {last}</source>
        <translation>{title} — du {first} au {last}</translation>
    </message>
    <message>
        <source>Lines behind the figure</source>
        <translation>Écritures du chiffre</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Chiffre</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Inscription</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Adhésion</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Pack</translation>
    </message>
    <message>
        <source>Cyber-base vouchers</source>
        <translation>Pass numérique (cyber-base)</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Subvention</translation>
    </message>
    <message>
        <source>In kind</source>
        <translation>Contribution en nature</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>Dépense</translation>
    </message>
    <message>
        <source>Depreciation</source>
        <translation>Amortissement</translation>
    </message>
    <message>
        <source>{count} lines · total {total}</source>
        <translation>{count} écritures · total {total}</translation>
    </message>
    <message>
        <source>No line behind this figure for the period.</source>
        <translation>Aucune écriture derrière ce chiffre pour la période.</translation>
    </message>
    <message>
        <source>Total of the lines</source>
        <translation>Total des écritures</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>DropInDialog</name>
    <message>
        <source>Edit the visit</source>
        <translation>Modifier la visite</translation>
    </message>
    <message>
        <source>T&amp;ime:</source>
        <translation>&amp;Heure :</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>Remar&amp;que :</translation>
    </message>
</context>
<context>
    <name>DropInFields</name>
    <message>
        <source>&amp;Kind:</source>
        <translation>T&amp;ype :</translation>
    </message>
    <message>
        <source>&amp;Helped by:</source>
        <translation>Acc&amp;ompagnant :</translation>
    </message>
    <message>
        <source>who gave the individual support</source>
        <translation>qui a accompagné la personne</translation>
    </message>
    <message>
        <source>&amp;Public:</source>
        <translation>&amp;Public :</translation>
    </message>
    <message>
        <source>&amp;Age band:</source>
        <translation>Tranche d'â&amp;ge :</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>&amp;Town:</source>
        <translation>&amp;Commune :</translation>
    </message>
    <message>
        <source>where the visitor lives (optional)</source>
        <translation>où habite la personne (facultatif)</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>Duration {n} minutes</source>
        <translation>Durée {n} minutes</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>D&amp;urée :</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Pass &amp;numérique vouchers:</source>
        <translation>Pass &amp;numérique reçus :</translation>
    </message>
    <message>
        <source>Voucher n&amp;umbers:</source>
        <translation>N° des &amp;bons :</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>A&amp;dhérent :</translation>
    </message>
    <message>
        <source>Linked member</source>
        <translation>Adhérent lié</translation>
    </message>
</context>
<context>
    <name>DropInLogModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Tranche d'âge</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Helped by</source>
        <translation>Accompagnant</translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation>Pass reçus</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Adhérent</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
</context>
<context>
    <name>DropInTab</name>
    <message>
        <source>Da&amp;y:</source>
        <translation>&amp;Jour :</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>T&amp;oday</source>
        <translation>Aujourd'&amp;hui</translation>
    </message>
    <message>
        <source>Back to today</source>
        <translation>Revenir à aujourd'hui</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Help on the cyber-base desk</source>
        <translation>Aide sur l'accueil cyber-base</translation>
    </message>
    <message>
        <source>The user guide (here F1 counts a visit: the guide is this button)</source>
        <translation>Le guide d'utilisation (ici F1 compte une visite : le guide, c'est ce bouton)</translation>
    </message>
    <message>
        <source>Drop-in visits</source>
        <translation>Visites libres</translation>
    </message>
    <message>
        <source>Individual support</source>
        <translation>Accompagnements individuels</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Pass numérique vouchers</source>
        <translation>Pass numérique reçus</translation>
    </message>
    <message>
        <source>Vouchers close to expiry</source>
        <translation>Bons bientôt périmés</translation>
    </message>
    <message>
        <source>Count a visit: one click per visitor</source>
        <translation>Compter une visite : un clic par personne</translation>
    </message>
    <message>
        <source>Count one visit for this purpose ({key})</source>
        <translation>Compter une visite pour ce motif ({key})</translation>
    </message>
    <message>
        <source>Settings kept between clicks</source>
        <translation>Réglages gardés d'un clic à l'autre</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Dernière action</translation>
    </message>
    <message>
        <source>Visits of the day</source>
        <translation>Visites du jour</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Edit the visit</source>
        <translation>Modifier la visite</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Delete the visit</source>
        <translation>Supprimer la visite</translation>
    </message>
    <message>
        <source>&amp;Undo the last click (Ctrl+Z)</source>
        <translation>Annul&amp;er le dernier clic (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo the last click</source>
        <translation>Annuler le dernier clic</translation>
    </message>
    <message>
        <source>Visits of {date}</source>
        <translation>Visites du {date}</translation>
    </message>
    <message>
        <source>Clicks are counted on {date}, not today.</source>
        <translation>Les clics sont comptés le {date}, pas aujourd'hui.</translation>
    </message>
    <message>
        <source>Pass numérique vouchers expiring by {day}: {n}. Have them claimed from the issuer (Checkout &amp; invoices › Vouchers: issuers' settlements › Claims).</source>
        <translation>Bons Pass numérique arrivant à échéance d'ici le {day} : {n}. Faites-les rembourser par l'émetteur (Caisse &amp; factures › Règlements des émetteurs de bons › Demandes de remboursement).</translation>
    </message>
    <message>
        <source>Check the highlighted field.</source>
        <translation>Vérifiez le champ signalé.</translation>
    </message>
    <message>
        <source>Individual support counted: {purpose} ({n} min)</source>
        <translation>Accompagnement compté : {purpose} ({n} min)</translation>
    </message>
    <message>
        <source>Visit counted: {purpose} ({n} min)</source>
        <translation>Visite comptée : {purpose} ({n} min)</translation>
    </message>
    <message>
        <source>Visit cancelled</source>
        <translation>Visite annulée</translation>
    </message>
    <message>
        <source>Visit updated</source>
        <translation>Visite modifiée</translation>
    </message>
    <message>
        <source>Delete the visit of {time} ({purpose})? It will no longer be counted.</source>
        <translation>Supprimer la visite de {time} ({purpose}) ? Elle ne sera plus comptée.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Visit deleted</source>
        <translation>Visite supprimée</translation>
    </message>
</context>
<context>
    <name>EditLineDialog</name>
    <message>
        <source>Change the line</source>
        <translation>Modifier la ligne</translation>
    </message>
    <message>
        <source>&amp;Designation:</source>
        <translation>&amp;Désignation :</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>&amp;Quantité :</translation>
    </message>
    <message>
        <source>Unit &amp;price incl. VAT (€):</source>
        <translation>&amp;Prix unitaire TTC (€) :</translation>
    </message>
    <message>
        <source>&amp;Discount (€):</source>
        <translation>&amp;Remise (€) :</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>This text is too long: {limit} characters at most.</source>
        <translation>Ce texte est trop long : {limit} caractères au maximum.</translation>
    </message>
    <message>
        <source>This text has too many lines: {limit} at most.</source>
        <translation>Ce texte a trop de lignes : {limit} au maximum.</translation>
    </message>
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
        <source>This amount is ambiguous: write 1500 for one thousand five hundred euros, or 1,50 for one euro fifty.</source>
        <translation>Ce montant est ambigu : écrivez 1500 pour mille cinq cents euros, ou 1,50 pour un euro cinquante.</translation>
    </message>
    <message>
        <source>An amount has at most 2 decimals (example: 12,50).</source>
        <translation>Un montant a au plus 2 décimales (exemple : 12,50).</translation>
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
        <source>This text is too long.</source>
        <translation>Ce texte est trop long.</translation>
    </message>
    <message>
        <source>This text holds an invisible control character (pasted from another program?): type it again.</source>
        <translation>Ce texte contient un caractère de contrôle invisible (collé depuis un autre logiciel ?) : saisissez-le de nouveau.</translation>
    </message>
    <message>
        <source>The hour counter cannot be negative.</source>
        <translation>Le compteur horaire ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>This file is not an image that can be read (use PNG or JPEG).</source>
        <translation>Ce fichier n'est pas une image lisible (utilisez un PNG ou un JPEG).</translation>
    </message>
    <message>
        <source>Choose a member in the list (type part of the name to find them).</source>
        <translation>Choisissez un membre dans la liste (tapez une partie du nom pour le trouver).</translation>
    </message>
    <message>
        <source>Choose a step of 5, 10, 15, 20, 30 or 60 minutes.</source>
        <translation>Choisissez des tranches de 5, 10, 15, 20, 30 ou 60 minutes.</translation>
    </message>
    <message>
        <source>The minimum duration must be at least one step.</source>
        <translation>La durée minimale doit être d'au moins une tranche.</translation>
    </message>
    <message>
        <source>The maximum duration must be at least the minimum duration.</source>
        <translation>La durée maximale doit être au moins égale à la durée minimale.</translation>
    </message>
    <message>
        <source>The preparation time is between 0 and 240 minutes.</source>
        <translation>Le temps de préparation est compris entre 0 et 240 minutes.</translation>
    </message>
    <message>
        <source>Bookings can be opened from 1 to 730 days ahead.</source>
        <translation>Les réservations s'ouvrent de 1 à 730 jours à l'avance.</translation>
    </message>
    <message>
        <source>Write the hours like 09:00-12:30, 13:30-18:00 (leave empty when closed).</source>
        <translation>Écrivez les horaires sous la forme 09:00-12:30, 13:30-18:00 (laissez vide si c'est fermé).</translation>
    </message>
    <message>
        <source>Each range must start before it ends, between 00:00 and 24:00.</source>
        <translation>Chaque plage doit commencer avant de finir, entre 00:00 et 24:00.</translation>
    </message>
    <message>
        <source>Two ranges of this day overlap.</source>
        <translation>Deux plages de ce jour se chevauchent.</translation>
    </message>
    <message>
        <source>Quantities were already recorded in this unit: it can no longer change.</source>
        <translation>Des quantités ont déjà été enregistrées dans cette unité : elle ne peut plus changer.</translation>
    </message>
    <message>
        <source>This value cannot be negative.</source>
        <translation>Cette valeur ne peut pas être négative.</translation>
    </message>
    <message>
        <source>This value must be greater than zero.</source>
        <translation>Cette valeur doit être supérieure à zéro.</translation>
    </message>
    <message>
        <source>This choice no longer exists: another desk may have changed it.</source>
        <translation>Ce choix n'existe plus : un autre poste l'a peut-être modifié.</translation>
    </message>
    <message>
        <source>This value is not valid.</source>
        <translation>Cette valeur n'est pas valide.</translation>
    </message>
    <message>
        <source>Consumables are priced per unit; machines and spaces per hour, session or flat rate.</source>
        <translation>Les consommables se tarifent à l'unité ; les machines et les espaces à l'heure, à la séance ou au forfait.</translation>
    </message>
    <message>
        <source>A billing step only applies to an hourly price.</source>
        <translation>Un pas de facturation ne s'applique qu'à un tarif horaire.</translation>
    </message>
    <message>
        <source>The percentage must be more than 0 and at most 100.</source>
        <translation>Le pourcentage doit être supérieur à 0 et au plus égal à 100.</translation>
    </message>
    <message>
        <source>A price already exists for this resource and this public in this period.</source>
        <translation>Un tarif existe déjà pour cette ressource et ce public sur cette période.</translation>
    </message>
    <message>
        <source>A fee already exists for this public and this duration in this period.</source>
        <translation>Une cotisation existe déjà pour ce public et cette durée sur cette période.</translation>
    </message>
    <message>
        <source>Enter the stock first: a low-stock threshold needs a followed stock.</source>
        <translation>Saisissez d'abord le stock : un seuil de stock bas suppose un stock suivi.</translation>
    </message>
    <message>
        <source>The amount must be more than 0.</source>
        <translation>Le montant doit être supérieur à 0.</translation>
    </message>
    <message>
        <source>Payment terms are between 0 (on receipt) and 60 days.</source>
        <translation>Le délai de paiement va de 0 (à réception) à 60 jours.</translation>
    </message>
    <message>
        <source>Choose a French VAT rate: 20 %, 10 %, 5.5 % or 2.1 %.</source>
        <translation>Choisissez un taux de TVA français : 20 %, 10 %, 5,5 % ou 2,1 %.</translation>
    </message>
    <message>
        <source>The pattern needs {counter} (or {counter:06}) and may only use {year}, {yy} and {month}.</source>
        <translation>Le modèle doit contenir {counter} (ou {counter:06}) et ne peut utiliser que {year}, {yy} et {month}.</translation>
    </message>
    <message>
        <source>The discount cannot be more than the line's amount.</source>
        <translation>La remise ne peut pas dépasser le montant de la ligne.</translation>
    </message>
    <message>
        <source>The quantity must be more than 0.</source>
        <translation>La quantité doit être supérieure à 0.</translation>
    </message>
    <message>
        <source>The price of a usage was fixed at check-out: give a discount instead.</source>
        <translation>Le prix d'une utilisation a été figé à la sortie : accordez plutôt une remise.</translation>
    </message>
    <message>
        <source>The quantity of this line cannot be changed.</source>
        <translation>La quantité de cette ligne ne peut pas être modifiée.</translation>
    </message>
    <message>
        <source>Choose a payment method from the list.</source>
        <translation>Choisissez un moyen de paiement dans la liste.</translation>
    </message>
    <message>
        <source>The cash handed over is less than the amount paid.</source>
        <translation>Les espèces remises sont inférieures au montant payé.</translation>
    </message>
    <message>
        <source>Number of vouchers × their value must equal the amount paid.</source>
        <translation>Le nombre de chèques × leur valeur doit être égal au montant payé.</translation>
    </message>
    <message>
        <source>Unknown numbering series.</source>
        <translation>Série de numérotation inconnue.</translation>
    </message>
    <message>
        <source>A price cannot go down by more than 100 %.</source>
        <translation>Un prix ne peut pas baisser de plus de 100 %.</translation>
    </message>
    <message>
        <source>A machine training needs the machine it authorizes.</source>
        <translation>Une formation machine indique la machine qu'elle habilite.</translation>
    </message>
    <message>
        <source>Another activity already has this name.</source>
        <translation>Une autre activité porte déjà ce nom.</translation>
    </message>
    <message>
        <source>A session starts and ends on the same day.</source>
        <translation>Une séance commence et finit le même jour.</translation>
    </message>
    <message>
        <source>Choose a member, an organisation or give the group's name.</source>
        <translation>Choisissez un adhérent, une organisation, ou donnez le nom du groupe.</translation>
    </message>
    <message>
        <source>A member registers alone: register a group for several people.</source>
        <translation>Un adhérent s'inscrit seul : inscrivez un groupe pour plusieurs personnes.</translation>
    </message>
    <message>
        <source>The date must be between 01/01/2000 and 12/31/2100.</source>
        <translation>La date doit être comprise entre le 01/01/2000 et le 31/12/2100.</translation>
    </message>
    <message>
        <source>The year must be between 2000 and 2100.</source>
        <translation>L'année doit être comprise entre 2000 et 2100.</translation>
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
        <source>The database is read-only: nothing was saved. Check the rights on the file and its folder, then restart the application.</source>
        <translation>La base est en lecture seule : rien n'a été enregistré. Vérifiez les droits du fichier et de son dossier, puis relancez l'application.</translation>
    </message>
    <message>
        <source>The database is busy: another desk is saving. Nothing of this action was saved; wait a moment and try again.</source>
        <translation>La base est occupée par un autre poste qui enregistre. Rien de cette action n'a été enregistré : attendez un instant et réessayez.</translation>
    </message>
    <message>
        <source>The account "{account}" of "{key}" is not a valid account number (digits only): correct it in Finances › Accounts. The FEC was not written.</source>
        <translation>Le compte « {account} » de « {key} » n'est pas un numéro de compte valable (chiffres seulement) : corrigez-le dans Finances › Comptes. Le FEC n'a pas été écrit.</translation>
    </message>
    <message>
        <source>The linked organisation must be an existing organisation.</source>
        <translation>La structure liée doit être une organisation existante.</translation>
    </message>
    <message>
        <source>Some communes are not recognised (named below): correct their spelling, add the postcode or type their INSEE code.</source>
        <translation>Certaines communes ne sont pas reconnues (indiquées ci-dessous) : corrigez leur orthographe, ajoutez le code postal ou saisissez leur code INSEE.</translation>
    </message>
    <message>
        <source>This VAT number does not match the SIRET: a French VAT number is FR, a 2-digit key computed from the SIREN, then the SIREN (the first 9 digits of the SIRET).</source>
        <translation>Ce numéro de TVA ne correspond pas au SIRET : un numéro de TVA français s'écrit FR, une clé de 2 chiffres calculée à partir du SIREN, puis le SIREN (les 9 premiers chiffres du SIRET).</translation>
    </message>
    <message>
        <source>A checked cheque is already on a deposit slip: reload the list.</source>
        <translation>Un chèque coché est déjà sur un bordereau de remise : rouvrez la liste.</translation>
    </message>
    <message>
        <source>A checked cheque no longer exists or is not a cheque received.</source>
        <translation>Un chèque coché n'existe plus ou n'est pas un chèque reçu.</translation>
    </message>
    <message>
        <source>More cash than the till holds on that day.</source>
        <translation>Plus d'espèces que la caisse n'en contient ce jour-là.</translation>
    </message>
    <message>
        <source>This day is in a closed period: choose a later day.</source>
        <translation>Ce jour est dans une période clôturée : choisissez un jour plus tard.</translation>
    </message>
    <message>
        <source>Nothing to deposit: check cheques or type an amount of cash.</source>
        <translation>Rien à remettre : cochez des chèques ou saisissez un montant d'espèces.</translation>
    </message>
    <message>
        <source>This day is before a checked cheque was received (or before the deposit).</source>
        <translation>Ce jour précède la réception d'un chèque coché (ou la remise).</translation>
    </message>
    <message>
        <source>This deposit is already cancelled.</source>
        <translation>Cette remise est déjà annulée.</translation>
    </message>
    <message>
        <source>A cancellation cannot be cancelled: deposit the cheques again.</source>
        <translation>Une annulation ne s'annule pas : remettez de nouveau les chèques.</translation>
    </message>
    <message>
        <source>This is more than the issuer still owes for the vouchers received.</source>
        <translation>C'est plus que ce que l'émetteur doit encore pour les bons reçus.</translation>
    </message>
    <message>
        <source>A PIN has 4 to 6 digits.</source>
        <translation>Un code a 4 à 6 chiffres.</translation>
    </message>
    <message>
        <source>A password has at least 8 characters (or choose a PIN of 4 to 6 digits).</source>
        <translation>Un mot de passe a au moins 8 caractères (ou choisissez un code de 4 à 6 chiffres).</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>Les deux saisies sont différentes.</translation>
    </message>
    <message>
        <source>This is not your current password or PIN.</source>
        <translation>Ce n'est pas votre mot de passe ou code actuel.</translation>
    </message>
    <message>
        <source>The same voucher number is typed twice for this visit.</source>
        <translation>Le même numéro de bon est saisi deux fois pour cette visite.</translation>
    </message>
    <message>
        <source>The database refused a value (a text too long or holding an invalid character): nothing was saved. Shorten or retype what you entered.</source>
        <translation>La base a refusé une valeur (un texte trop long ou contenant un caractère non valable) : rien n'a été enregistré. Raccourcissez ou retapez ce que vous avez saisi.</translation>
    </message>
    <message>
        <source>This member was anonymised: the card can no longer be changed.</source>
        <translation>Cet adhérent a été anonymisé : sa fiche ne peut plus être modifiée.</translation>
    </message>
    <message>
        <source>This member cannot be anonymised yet: settle their basket, invoices, bookings and registrations first.</source>
        <translation>Cet adhérent ne peut pas encore être anonymisé : réglez d'abord son panier, ses factures, ses réservations et ses inscriptions.</translation>
    </message>
    <message>
        <source>Type the member's number exactly to confirm.</source>
        <translation>Tapez exactement le numéro de l'adhérent pour confirmer.</translation>
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
        <source>This is the last administrator who can log in: give the Administration role to another account first.</source>
        <translation>C'est le dernier administrateur qui peut se connecter : donnez d'abord le rôle Administration à un autre compte.</translation>
    </message>
    <message>
        <source>The administrator account already exists: log in with it.</source>
        <translation>Le compte administrateur existe déjà : connectez-vous avec lui.</translation>
    </message>
    <message>
        <source>Wrong password or PIN.</source>
        <translation>Mot de passe ou code incorrect.</translation>
    </message>
    <message>
        <source>Too many tries: try again in {seconds} s.</source>
        <translation>Trop d'essais : réessayez dans {seconds} s.</translation>
    </message>
    <message>
        <source>Nobody is logged in at this desk: log in first.</source>
        <translation>Personne n'est connecté à ce poste : connectez-vous d'abord.</translation>
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
        <source>The space “{space}” is archived: restore it first.</source>
        <translation>L'espace « {space} » est archivé : restaurez-le d'abord.</translation>
    </message>
    <message>
        <source>{resource} is already booked by {who} from {start} to {end} (with {buffer} min of preparation after each booking).</source>
        <translation>{resource} a déjà une réservation de {who} du {start} au {end} (avec {buffer} min de préparation après chaque réservation).</translation>
    </message>
    <message>
        <source>{resource} is already booked by {who} from {start} to {end}.</source>
        <translation>{resource} a déjà une réservation de {who} du {start} au {end}.</translation>
    </message>
    <message>
        <source>Outside opening hours: on {day} the place is open {ranges}.</source>
        <translation>En dehors des horaires d'ouverture : le {day}, le lieu est ouvert {ranges}.</translation>
    </message>
    <message>
        <source>The place is closed on {day} ({reason}).</source>
        <translation>Le lieu est fermé le {day} ({reason}).</translation>
    </message>
    <message>
        <source>The place is closed on {day}.</source>
        <translation>Le lieu est fermé le {day}.</translation>
    </message>
    <message>
        <source>{resource} is booked by steps of {step} minutes (e.g. 10:00, 10:{step}).</source>
        <translation>{resource} se réserve par tranches de {step} minutes (ex. 10:00, 10:{step}).</translation>
    </message>
    <message>
        <source>A booking of {resource} lasts at least {minutes} minutes.</source>
        <translation>Une réservation de {resource} dure au moins {minutes} minutes.</translation>
    </message>
    <message>
        <source>A booking of {resource} lasts at most {minutes} minutes.</source>
        <translation>Une réservation de {resource} dure au plus {minutes} minutes.</translation>
    </message>
    <message>
        <source>{resource} can be booked at most {days} days ahead.</source>
        <translation>{resource} se réserve au plus {days} jours à l'avance.</translation>
    </message>
    <message>
        <source>This time is already past: choose a time to come.</source>
        <translation>Cet horaire est déjà passé : choisissez un horaire à venir.</translation>
    </message>
    <message>
        <source>{resource} cannot be booked: it is {status}.</source>
        <translation>Réservation impossible pour {resource} : la machine est {status}.</translation>
    </message>
    <message>
        <source>{resource} is not a space that can be booked (see Machines &amp; spaces).</source>
        <translation>{resource} n'est pas un espace réservable (voir Machines &amp; espaces).</translation>
    </message>
    <message>
        <source>{resource} is archived: it cannot be booked.</source>
        <translation>Réservation impossible : {resource} est dans les archives.</translation>
    </message>
    <message>
        <source>{member} is archived: restore the member first.</source>
        <translation>La fiche de {member} est archivée : restaurez d'abord l'adhérent.</translation>
    </message>
    <message>
        <source>{member} is not authorized on {resource}: book after a training, or give the reason for an exception.</source>
        <translation>{member} n'a pas d'habilitation sur {resource} : réservez après une formation, ou indiquez la raison d'une exception.</translation>
    </message>
    <message>
        <source>This booking is {status}: it can no longer be changed.</source>
        <translation>Cette réservation est {status} : elle ne peut plus être modifiée.</translation>
    </message>
    <message>
        <source>This booking is in progress: only its end can still change.</source>
        <translation>Cette réservation est en cours : seule son heure de fin peut encore changer.</translation>
    </message>
    <message>
        <source>Usages were already priced with this tariff: close it instead of deleting it.</source>
        <translation>Des passages ont déjà été tarifés avec ce tarif : clôturez-le au lieu de le supprimer.</translation>
    </message>
    <message>
        <source>Line {line} of the file is not valid (column {field}): nothing was imported.</source>
        <translation>La ligne {line} du fichier n'est pas valide (colonne {field}) : rien n'a été importé.</translation>
    </message>
    <message>
        <source>The wallet does not hold enough money for this payment.</source>
        <translation>Le porte-monnaie ne contient pas assez d'argent pour ce paiement.</translation>
    </message>
    <message>
        <source>The pack {name} is no longer sold.</source>
        <translation>Le forfait {name} n'est plus vendu.</translation>
    </message>
    <message>
        <source>The period of {day} is closed: nothing can be issued into it any more.</source>
        <translation>La période du {day} est clôturée : plus rien ne peut y être émis.</translation>
    </message>
    <message>
        <source>The period from {start} to {end} is not over yet: it cannot be closed.</source>
        <translation>La période du {start} au {end} n'est pas terminée : elle ne peut pas encore être clôturée.</translation>
    </message>
    <message>
        <source>The period from {start} to {end} is already closed.</source>
        <translation>La période du {start} au {end} est déjà clôturée.</translation>
    </message>
    <message>
        <source>This basket has already been validated or cancelled.</source>
        <translation>Ce panier a déjà été validé ou abandonné.</translation>
    </message>
    <message>
        <source>The basket is empty: add a line before validating.</source>
        <translation>Le panier est vide : ajoutez une ligne avant de valider.</translation>
    </message>
    <message>
        <source>A membership, a pack, the wallet or a top-up need a member: choose the member first.</source>
        <translation>Une adhésion, un carnet, le porte-monnaie ou un versement nécessitent un adhérent : choisissez d'abord l'adhérent.</translation>
    </message>
    <message>
        <source>This usage is already invoiced or in another basket.</source>
        <translation>Cette utilisation est déjà facturée ou dans un autre panier.</translation>
    </message>
    <message>
        <source>This usage belongs to another member: it cannot go in this basket.</source>
        <translation>Cette utilisation appartient à un autre adhérent : elle ne peut pas aller dans ce panier.</translation>
    </message>
    <message>
        <source>This usage has not been checked out yet: it has no price.</source>
        <translation>Cette utilisation n'a pas encore été clôturée : elle n'a pas de prix.</translation>
    </message>
    <message>
        <source>The payments are more than what is left to pay.</source>
        <translation>Les paiements dépassent ce qui reste à payer.</translation>
    </message>
    <message>
        <source>Invoice {number} is already paid.</source>
        <translation>La facture {number} est déjà payée.</translation>
    </message>
    <message>
        <source>{number} is a credit note, not an invoice.</source>
        <translation>{number} est un avoir, pas une facture.</translation>
    </message>
    <message>
        <source>This is more than what is left to credit on invoice {number}.</source>
        <translation>C'est plus que ce qui reste à créditer sur la facture {number}.</translation>
    </message>
    <message>
        <source>The refund cannot be more than the credit note nor than what was paid beyond what is still due.</source>
        <translation>Le remboursement ne peut dépasser ni l'avoir ni ce qui a été payé au-delà de ce qui reste dû.</translation>
    </message>
    <message>
        <source>Enter the structure's name and address (Settings → Structure) before invoicing.</source>
        <translation>Saisissez le nom et l'adresse de la structure (Paramètres → Structure) avant de facturer.</translation>
    </message>
    <message>
        <source>Number {number} is already used: change the numbering pattern (Settings).</source>
        <translation>Le numéro {number} est déjà utilisé : changez le modèle de numérotation (Paramètres).</translation>
    </message>
    <message>
        <source>This booking holds a machine or a room for the session “{activity}”: change or cancel the session on the Activity page.</source>
        <translation>Cette réservation bloque une machine ou une salle pour la séance « {activity} » : modifiez ou annulez la séance depuis la page Activité.</translation>
    </message>
    <message>
        <source>The activity “{activity}” is archived: no new session.</source>
        <translation>L'activité « {activity} » est archivée : pas de nouvelle séance.</translation>
    </message>
    <message>
        <source>This session is cancelled.</source>
        <translation>Cette séance est annulée.</translation>
    </message>
    <message>
        <source>Attendance has already been ticked for this session: it took place and cannot be cancelled.</source>
        <translation>Les présences de cette séance sont déjà pointées : elle a eu lieu et ne peut plus être annulée.</translation>
    </message>
    <message>
        <source>{registered} seats are already taken: the capacity cannot be lower. Cancel registrations first.</source>
        <translation>{registered} places sont déjà prises : la capacité ne peut pas être inférieure. Annulez d'abord des inscriptions.</translation>
    </message>
    <message>
        <source>Not enough free seats: {free} left in this session.</source>
        <translation>Pas assez de places libres : il en reste {free} dans cette séance.</translation>
    </message>
    <message>
        <source>{member} is already registered or waiting for this session.</source>
        <translation>{member} est déjà inscrit·e ou en liste d'attente pour cette séance.</translation>
    </message>
    <message>
        <source>The group “{group}” is already registered for this session: change its head-count in the list of registrations.</source>
        <translation>Le groupe « {group} » est déjà inscrit à cette séance : changez son effectif dans la liste des inscriptions.</translation>
    </message>
    <message>
        <source>This registration is already cancelled.</source>
        <translation>Cette inscription est déjà annulée.</translation>
    </message>
    <message>
        <source>The session has started: a registration can no longer be cancelled. Tick the person absent or excused instead.</source>
        <translation>La séance a commencé : l'inscription ne peut plus être annulée. Pointez plutôt la personne absente ou excusée.</translation>
    </message>
    <message>
        <source>Attendance is ticked only for registered people, not the waiting list.</source>
        <translation>Les présences se pointent pour les inscrits, pas pour la liste d'attente.</translation>
    </message>
    <message>
        <source>Attendance can be ticked from the day of the session on.</source>
        <translation>Les présences se pointent à partir du jour de la séance.</translation>
    </message>
    <message>
        <source>This registration is already on an invoice or in a basket.</source>
        <translation>Cette inscription est déjà sur une facture ou dans un panier.</translation>
    </message>
    <message>
        <source>The year {year} is outside the accepted years (2000 to 2100).</source>
        <translation>L'année {year} est hors des années acceptées (2000 à 2100).</translation>
    </message>
    <message>
        <source>Line {line} of the file holds characters that are neither UTF-8 nor Windows-1252 (Latin-1): save it again as “CSV UTF-8”. Nothing was imported.</source>
        <translation>La ligne {line} du fichier contient des caractères illisibles, ni en UTF-8 ni en Windows-1252 (Latin-1) : enregistrez-le de nouveau en « CSV UTF-8 ». Rien n'a été importé.</translation>
    </message>
    <message>
        <source>The database server does not answer. Nothing was saved; what you typed is kept. Trying again automatically…</source>
        <translation>Le serveur de la base de données ne répond pas. Rien n'a été enregistré ; votre saisie est conservée. Nouvel essai automatique…</translation>
    </message>
    <message>
        <source>The database file cannot be found ({target}): the network share or the disk that holds it may be disconnected. Nothing was saved; what you typed is kept. Trying again automatically…</source>
        <translation>Le fichier de la base de données est introuvable ({target}) : le partage réseau ou le disque qui le contient est peut-être débranché. Rien n'a été enregistré ; votre saisie est conservée. Nouvel essai automatique…</translation>
    </message>
    <message>
        <source>The structure's SIRET is missing or not valid (Settings › Structure): the e-reporting names the declarant by its SIREN. No file was written.</source>
        <translation>Le SIRET de la structure manque ou n'est pas valable (Paramètres › Structure) : l'e-reporting identifie le déclarant par son SIREN. Aucun fichier n'a été écrit.</translation>
    </message>
    <message>
        <source>The e-reporting period ends after it starts and lasts two days at least. No file was written.</source>
        <translation>La période d'e-reporting finit après son début et dure au moins deux jours. Aucun fichier n'a été écrit.</translation>
    </message>
    <message>
        <source>The entry of the piece {piece} does not balance (debit {debit}, credit {credit}, in cents). The FEC was not written.</source>
        <translation>L'écriture de la pièce {piece} n'est pas équilibrée (débit {debit}, crédit {credit}, en centimes). Le FEC n'a pas été écrit.</translation>
    </message>
    <message>
        <source>The piece {piece} uses the account "{key}", which Finances › Accounts does not list. The FEC was not written.</source>
        <translation>La pièce {piece} utilise le compte « {key} », absent de Finances › Comptes. Le FEC n'a pas été écrit.</translation>
    </message>
    <message>
        <source>A PostgreSQL database is not backed up by the application: back it up on the server (pg_dump).</source>
        <translation>Une base PostgreSQL n'est pas sauvegardée par l'application : sauvegardez-la sur le serveur (pg_dump).</translation>
    </message>
    <message>
        <source>A PostgreSQL database is restored on the server, with every desk closed (pg_restore): follow “Restoring a backup” in the server guide. Nothing was changed.</source>
        <translation>Une base PostgreSQL se restaure sur le serveur, tous les postes fermés (pg_restore) : suivez « Restaurer une sauvegarde » dans le guide du serveur. Rien n'a été modifié.</translation>
    </message>
    <message>
        <source>PostgreSQL's {tool} command is not installed on this computer: install the package {package}, then try again. Nothing was written.</source>
        <translation>La commande {tool} de PostgreSQL n'est pas installée sur ce poste : installez le paquet {package}, puis recommencez. Rien n'a été écrit.</translation>
    </message>
    <message>
        <source>pg_dump could not back up the database: {detail}</source>
        <translation>pg_dump n'a pas pu sauvegarder la base : {detail}</translation>
    </message>
    <message>
        <source>The file {file} no longer exists.</source>
        <translation>Le fichier {file} n'existe plus.</translation>
    </message>
    <message>
        <source>{file} is the database itself: nothing was changed.</source>
        <translation>{file} est la base elle-même : rien n'a été modifié.</translation>
    </message>
    <message>
        <source>The backup {file} is damaged (or cut short): it was not restored and the database is unchanged. Choose another backup.</source>
        <translation>La sauvegarde {file} est endommagée (ou tronquée) : elle n'a pas été restaurée et la base est inchangée. Choisissez une autre sauvegarde.</translation>
    </message>
    <message>
        <source>The backup {file} was written but SQLite finds it damaged: the database may be damaged too. Run “tierslieu verify”.</source>
        <translation>La sauvegarde {file} a été écrite mais SQLite la trouve endommagée : la base l'est peut-être aussi. Lancez « tierslieu verify ».</translation>
    </message>
    <message>
        <source>{file} is not a Tiers-Lieu database: nothing was changed.</source>
        <translation>{file} n'est pas une base Tiers-Lieu : rien n'a été modifié.</translation>
    </message>
    <message>
        <source>{file} comes from a newer version of Tiers-Lieu Desktop: update the application first. Nothing was changed.</source>
        <translation>{file} vient d'une version plus récente de Tiers-Lieu Desktop : mettez d'abord l'application à jour. Rien n'a été modifié.</translation>
    </message>
    <message>
        <source>The grant {grant} has payments or expenses attached: it cannot be deleted. Remove them first, or edit the grant.</source>
        <translation>La subvention {grant} a des versements ou des dépenses rattachés : elle ne peut pas être supprimée. Retirez-les d'abord, ou modifiez la subvention.</translation>
    </message>
    <message>
        <source>The database is open on another desk (or in another window): close it there, then try again. Nothing was changed.</source>
        <translation>La base est ouverte sur un autre poste (ou dans une autre fenêtre) : fermez-la là-bas, puis recommencez. Rien n'a été modifié.</translation>
    </message>
    <message>
        <source>This backup is encrypted: type its passphrase.</source>
        <translation>Cette sauvegarde est chiffrée : tapez sa phrase de passe.</translation>
    </message>
    <message>
        <source>This is not the passphrase of this backup: nothing was changed. Check the capital letters and accents.</source>
        <translation>Ce n'est pas la phrase de passe de cette sauvegarde : rien n'a été modifié. Vérifiez les majuscules et les accents.</translation>
    </message>
    <message>
        <source>The backup could not be restored ({detail}): the database is unchanged.</source>
        <translation>La sauvegarde n'a pas pu être restaurée ({detail}) : la base est inchangée.</translation>
    </message>
    <message>
        <source>This usage is on invoice {number}: it can no longer be corrected. Issue a credit note on that invoice (Checkout &amp; invoices › Invoices), then bill the right amount.</source>
        <translation>Cet usage figure sur la facture {number} : il ne peut plus être corrigé. Faites un avoir sur cette facture (Caisse &amp; factures › Factures), puis facturez le bon montant.</translation>
    </message>
    <message>
        <source>Voucher {number} was already recorded at the visit of {at} (visit no. {drop_in_id}): a voucher is taken only once. Nothing was saved.</source>
        <translation>Le bon {number} a déjà été enregistré lors de la visite du {at} (visite n° {drop_in_id}) : un bon n'est pris qu'une fois. Rien n'a été enregistré.</translation>
    </message>
    <message>
        <source>Voucher {number} is on the claim list {claim} sent to the issuer: it stays with its visit.</source>
        <translation>Le bon {number} figure sur la demande de remboursement {claim} envoyée à l'émetteur : il reste attaché à sa visite.</translation>
    </message>
    <message>
        <source>No voucher of that month is left to claim.</source>
        <translation>Aucun bon de ce mois ne reste à demander.</translation>
    </message>
    <message>
        <source>The claim list {reference} is already recorded as reimbursed.</source>
        <translation>La demande {reference} est déjà enregistrée comme remboursée.</translation>
    </message>
    <message>
        <source>There is no claim list {reference}.</source>
        <translation>Il n'existe pas de demande de remboursement {reference}.</translation>
    </message>
    <message>
        <source>The action could not be completed ({code}).</source>
        <translation>L'action n'a pas pu aboutir ({code}).</translation>
    </message>
    <message>
        <source>Database busy</source>
        <translation>Base occupée</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Try the action again</source>
        <translation>Réessayer l'action</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Action impossible</translation>
    </message>
    <message>
        <source>Your account ({roles}) does not allow: {action}.</source>
        <translation>Votre compte ({roles}) ne permet pas : {action}.</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <source>Exceptional closure or opening</source>
        <translation>Fermeture ou ouverture exceptionnelle</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>Closed all day</source>
        <translation>Fermé toute la journée</translation>
    </message>
    <message>
        <source>Closed from … to …</source>
        <translation>Fermé de … à …</translation>
    </message>
    <message>
        <source>Open from … to … (outside the usual hours)</source>
        <translation>Ouvert de … à … (en dehors des horaires habituels)</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Quoi :</translation>
    </message>
    <message>
        <source>Closed during a range of hours</source>
        <translation>Fermé sur une plage horaire</translation>
    </message>
    <message>
        <source>Open during a range of hours</source>
        <translation>Ouvert sur une plage horaire</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>D&amp;e :</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;À :</translation>
    </message>
    <message>
        <source>e.g. Staff training, village fête</source>
        <translation>ex. Formation de l'équipe, fête du village</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>This space only ({space})</source>
        <translation>Cet espace seulement ({space})</translation>
    </message>
    <message>
        <source>Every space</source>
        <translation>Tous les espaces</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Pour :</translation>
    </message>
    <message>
        <source>This space only</source>
        <translation>Cet espace seulement</translation>
    </message>
</context>
<context>
    <name>ExpenseDialog</name>
    <message>
        <source>Expense</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>New expense</source>
        <translation>Nouvelle dépense</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Catégorie :</translation>
    </message>
    <message>
        <source>&amp;Activity:</source>
        <translation>&amp;Activité :</translation>
    </message>
    <message>
        <source>A&amp;mount (€):</source>
        <translation>&amp;Montant (€) :</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé :</translation>
    </message>
    <message>
        <source>&amp;Supplier:</source>
        <translation>&amp;Fournisseur :</translation>
    </message>
    <message>
        <source>&amp;Paid on:</source>
        <translation>&amp;Payée le :</translation>
    </message>
    <message>
        <source>Leave empty while the expense is not paid</source>
        <translation>Laisser vide tant que la dépense n'est pas payée</translation>
    </message>
    <message>
        <source>Pa&amp;yment method:</source>
        <translation>Mode de pai&amp;ement :</translation>
    </message>
    <message>
        <source>Mac&amp;hine:</source>
        <translation>Mac&amp;hine :</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Financed by &amp;grant:</source>
        <translation>Financée par la &amp;subvention :</translation>
    </message>
</context>
<context>
    <name>ExpensesTab</name>
    <message>
        <source>From:</source>
        <translation>Du :</translation>
    </message>
    <message>
        <source>Expenses from</source>
        <translation>Dépenses du</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>au :</translation>
    </message>
    <message>
        <source>Expenses until</source>
        <translation>Dépenses jusqu'au</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Catégorie :</translation>
    </message>
    <message>
        <source>Category of the expenses shown</source>
        <translation>Catégorie des dépenses affichées</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Dépenses</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Total of the expenses shown</source>
        <translation>Total des dépenses affichées</translation>
    </message>
    <message>
        <source>New expense…</source>
        <translation>Nouvelle dépense…</translation>
    </message>
    <message>
        <source>New expense</source>
        <translation>Nouvelle dépense</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Inser</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Edit the expense</source>
        <translation>Modifier la dépense</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the expense</source>
        <translation>Supprimer la dépense</translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation>Touche Suppr</translation>
    </message>
    <message>
        <source>Import a CSV file…</source>
        <translation>Importer un fichier CSV…</translation>
    </message>
    <message>
        <source>Import expenses from a CSV file</source>
        <translation>Importer des dépenses depuis un fichier CSV</translation>
    </message>
    <message>
        <source>Columns: date;categorie;activite;montant;libelle;fournisseur</source>
        <translation>Colonnes : date;categorie;activite;montant;libelle;fournisseur</translation>
    </message>
    <message>
        <source>Budget of the year</source>
        <translation>Budget de l'année</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Année :</translation>
    </message>
    <message>
        <source>Year of the budget</source>
        <translation>Année du budget</translation>
    </message>
    <message>
        <source>Budget lines</source>
        <translation>Lignes du budget</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Amount (€)</source>
        <translation>Montant (€)</translation>
    </message>
    <message>
        <source>Save the budget</source>
        <translation>Enregistrer le budget</translation>
    </message>
    <message>
        <source>{count} expenses · total {total}</source>
        <translation>{count} dépenses · total {total}</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Non payée</translation>
    </message>
    <message>
        <source>{day}, {method}</source>
        <translation>{day}, {method}</translation>
    </message>
    <message>
        <source>Delete the expense “{label}” of {amount} on {day}?</source>
        <translation>Supprimer la dépense « {label} » de {amount} du {day} ?</translation>
    </message>
    <message>
        <source>Expense deleted.</source>
        <translation>Dépense supprimée.</translation>
    </message>
    <message>
        <source>Import expenses</source>
        <translation>Importer des dépenses</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Le fichier n'a pas pu être lu.</translation>
    </message>
    <message>
        <source>Importing the expenses…</source>
        <translation>Import des dépenses en cours…</translation>
    </message>
    <message>
        <source>{count} expenses imported.</source>
        <translation>{count} dépenses importées.</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Produits</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>Line “{category}”: the amount is not valid.</source>
        <translation>Ligne « {category} » : le montant n'est pas valide.</translation>
    </message>
    <message>
        <source>Budget {year} saved.</source>
        <translation>Budget {year} enregistré.</translation>
    </message>
</context>
<context>
    <name>ExportsTab</name>
    <message>
        <source>Members</source>
        <translation>Adhérents</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Réservations</translation>
    </message>
    <message>
        <source>Usages</source>
        <translation>Utilisations</translation>
    </message>
    <message>
        <source>Invoices and credit notes</source>
        <translation>Factures et avoirs</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Règlements</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>Subventions</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Dépenses</translation>
    </message>
    <message>
        <source>Export a table</source>
        <translation>Exporter un tableau</translation>
    </message>
    <message>
        <source>Table to export</source>
        <translation>Tableau à exporter</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>&amp;Tableau :</translation>
    </message>
    <message>
        <source>Year of the rows</source>
        <translation>Année des lignes</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Année :</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Format du fichier</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Classeur Excel (XLSX)</translation>
    </message>
    <message>
        <source>CSV for French spreadsheets (;)</source>
        <translation>CSV pour tableur français (;)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source>E&amp;xport the table…</source>
        <translation>E&amp;xporter le tableau…</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>Exporter le tableau</translation>
    </message>
    <message>
        <source>Accounting entries file (FEC)</source>
        <translation>Fichier des écritures comptables (FEC)</translation>
    </message>
    <message>
        <source>The FEC of a fiscal year (1 January to 31 December): sales, credit notes and payments, for the accountant or a tax audit.</source>
        <translation>Le FEC d'un exercice (1er janvier au 31 décembre) : ventes, avoirs et règlements, pour l'expert-comptable ou un contrôle fiscal.</translation>
    </message>
    <message>
        <source>Fiscal year of the FEC</source>
        <translation>Exercice du FEC</translation>
    </message>
    <message>
        <source>Fiscal &amp;year:</source>
        <translation>&amp;Exercice :</translation>
    </message>
    <message>
        <source>Export the FE&amp;C…</source>
        <translation>Exporter le FE&amp;C…</translation>
    </message>
    <message>
        <source>Export the FEC</source>
        <translation>Exporter le FEC</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Résultat de l'export</translation>
    </message>
    <message>
        <source>E-reporting of sales to consumers</source>
        <translation>E-reporting des ventes aux particuliers</translation>
    </message>
    <message>
        <source>The XML your approved platform sends to the tax administration (DGFiP flux 10): the day's sales to consumers per VAT rate, or the payments received for services when VAT is due on receipts.</source>
        <translation>Le fichier XML que votre plateforme agréée transmet à l'administration fiscale (flux 10 de la DGFiP) : les ventes du jour aux particuliers par taux de TVA, ou les paiements reçus pour les services quand la TVA est due à l'encaissement.</translation>
    </message>
    <message>
        <source>First day of the e-reporting period</source>
        <translation>Premier jour de la période d'e-reporting</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>Pre&amp;mier jour :</translation>
    </message>
    <message>
        <source>Last day of the e-reporting period</source>
        <translation>Dernier jour de la période d'e-reporting</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>Dernier &amp;jour :</translation>
    </message>
    <message>
        <source>What to report</source>
        <translation>Ce qui est déclaré</translation>
    </message>
    <message>
        <source>Transactions (flux 10.3)</source>
        <translation>Transactions (flux 10.3)</translation>
    </message>
    <message>
        <source>Payments (flux 10.4)</source>
        <translation>Paiements (flux 10.4)</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Déclaration :</translation>
    </message>
    <message>
        <source>Registration number of the platform</source>
        <translation>Matricule de la plateforme agréée</translation>
    </message>
    <message>
        <source>4 characters, optional</source>
        <translation>4 caractères, facultatif</translation>
    </message>
    <message>
        <source>&amp;Platform number:</source>
        <translation>Matricule de la &amp;plateforme :</translation>
    </message>
    <message>
        <source>Name of the platform</source>
        <translation>Nom de la plateforme agréée</translation>
    </message>
    <message>
        <source>Platform &amp;name:</source>
        <translation>&amp;Nom de la plateforme :</translation>
    </message>
    <message>
        <source>Export the e-reportin&amp;g…</source>
        <translation>Exporter l'e-reportin&amp;g…</translation>
    </message>
    <message>
        <source>Export the e-reporting</source>
        <translation>Exporter l'e-reporting</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Fichier CSV (*.csv)</translation>
    </message>
    <message>
        <source>Folder of the FEC</source>
        <translation>Dossier du FEC</translation>
    </message>
    <message>
        <source>XML file (*.xml)</source>
        <translation>Fichier XML (*.xml)</translation>
    </message>
    <message>
        <source>The platform number has 4 characters and goes with the platform's name.</source>
        <translation>Le matricule de la plateforme a 4 caractères et s'accompagne de son nom.</translation>
    </message>
    <message>
        <source>The period ends after it starts, and lasts two days at least.</source>
        <translation>La période finit après son début et dure au moins deux jours.</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>Impossible d'écrire {0} : {1}</translation>
    </message>
    <message>
        <source>the structure is exempt from VAT (art. 261-7-1° CGI): exempt operations are outside e-reporting.</source>
        <translation>la structure est exonérée de TVA (art. 261-7-1° du CGI) : les opérations exonérées sont hors du champ de l'e-reporting.</translation>
    </message>
    <message>
        <source>no payment data is due: VAT on services is not due on receipts.</source>
        <translation>aucune donnée de paiement n'est due : la TVA des services n'est pas exigible à l'encaissement.</translation>
    </message>
    <message>
        <source>no sale to a consumer in the period.</source>
        <translation>aucune vente à un particulier sur la période.</translation>
    </message>
    <message>
        <source>Nothing to report, no file written: {0}</source>
        <translation>Rien à déclarer, aucun fichier écrit : {0}</translation>
    </message>
    <message>
        <source>E-reporting written to {0}: {1} received for taxed services.</source>
        <translation>E-reporting écrit dans {0} : {1} encaissés pour des services taxés.</translation>
    </message>
    <message numerus="yes">
        <source>Refunds exceed the payments on %Ln days: the flux takes no negative amount, tell your platform.</source>
        <translation>
            <numerusform>Les remboursements dépassent les paiements sur %Ln journée : le flux n'accepte pas de montant négatif, signalez-le à votre plateforme.</numerusform>
            <numerusform>Les remboursements dépassent les paiements sur %Ln journées : le flux n'accepte pas de montant négatif, signalez-les à votre plateforme.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows exported to {path}.</source>
        <translation>
            <numerusform>%Ln ligne exportée dans {path}.</numerusform>
            <numerusform>%Ln lignes exportées dans {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>E-reporting written to {0}: {1} excl. VAT, VAT {2}.</source>
        <translation>E-reporting écrit dans {0} : {1} HT, TVA {2}.</translation>
    </message>
    <message>
        <source>Could not write in {0}: {1}</source>
        <translation>Impossible d'écrire dans {0} : {1}</translation>
    </message>
    <message>
        <source>FEC written: {0}</source>
        <translation>FEC écrit : {0}</translation>
    </message>
    <message>
        <source>Default accounts used for every account: none is saved in Finances › Accounts.</source>
        <translation>Comptes par défaut utilisés pour tous les comptes : aucun n'est enregistré dans Finances › Comptes.</translation>
    </message>
    <message>
        <source>Default accounts used for: {0} (none saved in Finances › Accounts).</source>
        <translation>Comptes par défaut utilisés pour : {0} (aucun enregistré dans Finances › Comptes).</translation>
    </message>
</context>
<context>
    <name>FeeDialog</name>
    <message>
        <source>Membership fee</source>
        <translation>Cotisation</translation>
    </message>
    <message>
        <source>New membership fee</source>
        <translation>Nouvelle cotisation</translation>
    </message>
    <message>
        <source>P&amp;ublic:</source>
        <translation>P&amp;ublic :</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Durée :</translation>
    </message>
    <message>
        <source>&amp;Amount (€):</source>
        <translation>&amp;Montant (€) :</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>À &amp;partir du :</translation>
    </message>
    <message>
        <source>U&amp;ntil:</source>
        <translation>&amp;Jusqu'au :</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu'au</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé :</translation>
    </message>
</context>
<context>
    <name>FeesSection</name>
    <message>
        <source>Membership fees</source>
        <translation>Cotisations d'adhésion</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>&amp;New fee…</source>
        <translation>&amp;Nouvelle cotisation…</translation>
    </message>
    <message>
        <source>Edit the selected fee</source>
        <translation>Modifier la cotisation sélectionnée</translation>
    </message>
</context>
<context>
    <name>FiguresTab</name>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Année :</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Other period</source>
        <translation>Autre période</translation>
    </message>
    <message>
        <source>&amp;from</source>
        <translation>&amp;du</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>a&amp;u</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>&amp;Export to XLSX…</source>
        <translation>&amp;Exporter en XLSX…</translation>
    </message>
    <message>
        <source>Export to XLSX</source>
        <translation>Exporter en XLSX</translation>
    </message>
    <message>
        <source>One sheet per table, for the funders (Ctrl+E)</source>
        <translation>Une feuille par tableau, pour les financeurs (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;National model…</source>
        <translation>Modèle &amp;national…</translation>
    </message>
    <message>
        <source>Export on the national model</source>
        <translation>Exporter au modèle national</translation>
    </message>
    <message>
        <source>The cyber-base's activities in the columns of the Coop de la médiation numérique (XLSX), or the activity report of the period (PDF)</source>
        <translation>Les activités de la cyber-base dans les colonnes de la Coop de la médiation numérique (XLSX), ou le rapport d'activité de la période (PDF)</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>séances</translation>
    </message>
    <message>
        <source>participants</source>
        <translation>participants</translation>
    </message>
    <message>
        <source>participant-hours</source>
        <translation>heures-participants</translation>
    </message>
    <message>
        <source>attendance rate</source>
        <translation>taux de présence</translation>
    </message>
    <message>
        <source>drop-in visits</source>
        <translation>visites libres</translation>
    </message>
    <message>
        <source>individual support sessions</source>
        <translation>accompagnements individuels</translation>
    </message>
    <message>
        <source>Pass numérique vouchers</source>
        <translation>chèques Pass numérique</translation>
    </message>
    <message>
        <source>Workshops and trainings by</source>
        <translation>Ateliers et formations par</translation>
    </message>
    <message>
        <source>Participants by</source>
        <translation>Participants par</translation>
    </message>
    <message>
        <source>Cyber-base drop-ins by</source>
        <translation>Passages cyber-base par</translation>
    </message>
    <message>
        <source>Drop-ins by</source>
        <translation>Passages par</translation>
    </message>
    <message>
        <source>kind of activity</source>
        <translation>type d'activité</translation>
    </message>
    <message>
        <source>public</source>
        <translation>public</translation>
    </message>
    <message>
        <source>age band</source>
        <translation>tranche d'âge</translation>
    </message>
    <message>
        <source>town</source>
        <translation>commune</translation>
    </message>
    <message>
        <source>Workshops and trainings</source>
        <translation>Ateliers et formations</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>&amp;Par :</translation>
    </message>
    <message>
        <source>Cyber-base</source>
        <translation>Cyber-base</translation>
    </message>
    <message>
        <source>B&amp;y:</source>
        <translation>P&amp;ar :</translation>
    </message>
    <message>
        <source>The last day is before the first day.</source>
        <translation>Le dernier jour est avant le premier jour.</translation>
    </message>
    <message>
        <source>This period has not begun: nothing held yet.</source>
        <translation>Cette période n'a pas commencé : rien n'a encore eu lieu.</translation>
    </message>
    <message>
        <source>From {first} to {last}: {registered} seats booked; attendance rate: people present out of the people whose attendance was ticked; cyber-base time: {minutes}.</source>
        <translation>Du {first} au {last} : {registered} places réservées ; taux de présence : personnes présentes sur les personnes dont la présence a été pointée ; temps passé à la cyber-base : {minutes}.</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Participant-hours</source>
        <translation>Heures-participants</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visites</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Accomp.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation>Pass num.</translation>
    </message>
    <message>
        <source>Individual support sessions</source>
        <translation>Accompagnements individuels</translation>
    </message>
    <message>
        <source>Pass numérique vouchers received</source>
        <translation>Chèques Pass numérique reçus</translation>
    </message>
    <message>
        <source>A drop-in with several themes counts once in each of them: the lines add up to more than the total, which counts each drop-in once.</source>
        <translation>Un passage avec plusieurs thématiques compte une fois dans chacune : les lignes font plus que le total, qui compte chaque passage une fois.</translation>
    </message>
    <message>
        <source>A drop-in where several devices were used counts once for each of them: the lines add up to more than the total, which counts each drop-in once.</source>
        <translation>Un passage où plusieurs matériels ont servi compte une fois pour chacun : les lignes font plus que le total, qui compte chaque passage une fois.</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;PDF report (*.pdf)</source>
        <translation>Classeur Excel (*.xlsx);;Rapport PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the figures</source>
        <translation>Exporter les chiffres</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>thématique</translation>
    </message>
    <message>
        <source>age range</source>
        <translation>tranche d'âge</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>genre</translation>
    </message>
    <message>
        <source>situation</source>
        <translation>statut</translation>
    </message>
    <message>
        <source>place</source>
        <translation>lieu</translation>
    </message>
    <message>
        <source>autonomy reached</source>
        <translation>autonomie</translation>
    </message>
    <message>
        <source>device used</source>
        <translation>matériel utilisé</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>Impossible d'écrire {path} : {error}</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file to import: a spreadsheet saved as CSV or XLSX, or the export of HelloAsso, Paheko or Fab Manager. Nothing is written before the last step.</source>
        <translation>Choisissez le fichier à importer : un tableur enregistré en CSV ou XLSX, ou l'export de HelloAsso, Paheko ou Fab Manager. Rien n'est écrit avant la dernière étape.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Aucun fichier choisi</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Fichier à importer</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>&amp;Choisir un fichier…</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Choisir le fichier à importer</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Source :</translation>
    </message>
    <message>
        <source>Source of the file</source>
        <translation>Source du fichier</translation>
    </message>
</context>
<context>
    <name>FinanceDetails</name>
    <message>
        <source>Usage of {day}</source>
        <translation>Usage du {day}</translation>
    </message>
    <message>
        <source>Membership {year}</source>
        <translation>Adhésion {year}</translation>
    </message>
    <message>
        <source>Pack bought {day}</source>
        <translation>Pack acheté le {day}</translation>
    </message>
    <message>
        <source>Registration of {day}</source>
        <translation>Inscription du {day}</translation>
    </message>
    <message>
        <source>Grant {year}</source>
        <translation>Subvention {year}</translation>
    </message>
</context>
<context>
    <name>FinanceDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>FinanceLabels</name>
    <message>
        <source>60 – Purchases</source>
        <translation>60 – Achats</translation>
    </message>
    <message>
        <source>61 – External services</source>
        <translation>61 – Services extérieurs</translation>
    </message>
    <message>
        <source>62 – Other external services</source>
        <translation>62 – Autres services extérieurs</translation>
    </message>
    <message>
        <source>63 – Taxes</source>
        <translation>63 – Impôts et taxes</translation>
    </message>
    <message>
        <source>64 – Staff costs</source>
        <translation>64 – Charges de personnel</translation>
    </message>
    <message>
        <source>65 – Other current costs</source>
        <translation>65 – Autres charges de gestion courante</translation>
    </message>
    <message>
        <source>66 – Financial costs</source>
        <translation>66 – Charges financières</translation>
    </message>
    <message>
        <source>67 – Exceptional costs</source>
        <translation>67 – Charges exceptionnelles</translation>
    </message>
    <message>
        <source>68 – Depreciation and provisions</source>
        <translation>68 – Dotations aux amortissements et provisions</translation>
    </message>
    <message>
        <source>86 – In-kind contributions</source>
        <translation>86 – Contributions volontaires en nature</translation>
    </message>
    <message>
        <source>70 – Own revenue (sales, services)</source>
        <translation>70 – Recettes propres (ventes, prestations)</translation>
    </message>
    <message>
        <source>74 – This grant</source>
        <translation>74 – La présente subvention</translation>
    </message>
    <message>
        <source>756 – Membership fees</source>
        <translation>756 – Cotisations</translation>
    </message>
    <message>
        <source>75 – Sponsorship and donations</source>
        <translation>75 – Mécénat et dons</translation>
    </message>
    <message>
        <source>87 – In-kind contributions received</source>
        <translation>87 – Contributions volontaires en nature reçues</translation>
    </message>
    <message>
        <source>None: only the costs assigned to the grant</source>
        <translation>Aucune : seulement les charges affectées à la subvention</translation>
    </message>
    <message>
        <source>Machine hours (the grant's machines ÷ all machines)</source>
        <translation>Heures machines (machines de la subvention ÷ toutes les machines)</translation>
    </message>
    <message>
        <source>Staff time (staff costs assigned to the grant ÷ all staff costs)</source>
        <translation>Temps de personnel (charges de personnel affectées ÷ toutes les charges de personnel)</translation>
    </message>
    <message>
        <source>Fixed percentage</source>
        <translation>Pourcentage fixe</translation>
    </message>
    <message>
        <source>&amp;Objectives:</source>
        <translation>&amp;Objectifs :</translation>
    </message>
    <message>
        <source>Actions &amp;carried out:</source>
        <translation>Actions réa&amp;lisées :</translation>
    </message>
    <message>
        <source>&amp;Publics reached:</source>
        <translation>&amp;Publics touchés :</translation>
    </message>
    <message>
        <source>Pa&amp;rtners:</source>
        <translation>Pa&amp;rtenaires :</translation>
    </message>
    <message>
        <source>&amp;Difficulties:</source>
        <translation>&amp;Difficultés :</translation>
    </message>
    <message>
        <source>P&amp;erspectives:</source>
        <translation>P&amp;erspectives :</translation>
    </message>
    <message>
        <source>Objective: distinct &amp;users:</source>
        <translation>Objectif : &amp;usagers distincts :</translation>
    </message>
    <message>
        <source>Objective: machine &amp;hours:</source>
        <translation>Objectif : &amp;heures machines :</translation>
    </message>
    <message>
        <source>Objective: sess&amp;ions:</source>
        <translation>Objectif : sé&amp;ances :</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>jj/mm/aaaa</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privé</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Intermunicipality (EPCI)</source>
        <translation>Intercommunalité (EPCI)</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Département</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>European Union</source>
        <translation>Union européenne</translation>
    </message>
    <message>
        <source>Social bodies (CAF…)</source>
        <translation>Organismes sociaux (CAF…)</translation>
    </message>
    <message>
        <source>Employment (France Travail…)</source>
        <translation>Emploi (France Travail…)</translation>
    </message>
    <message>
        <source>Foundation</source>
        <translation>Fondation</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Individuals</source>
        <translation>Particuliers</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Volunteering</source>
        <translation>Bénévolat</translation>
    </message>
    <message>
        <source>Operating</source>
        <translation>Fonctionnement</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>Investissement</translation>
    </message>
    <message>
        <source>Donation</source>
        <translation>Don</translation>
    </message>
    <message>
        <source>No report</source>
        <translation>Pas de compte rendu</translation>
    </message>
    <message>
        <source>To write</source>
        <translation>À rédiger</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <source>Premises</source>
        <translation>Locaux</translation>
    </message>
    <message>
        <source>Staff made available</source>
        <translation>Personnel mis à disposition</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>Biens</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Prestations</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Consumables</source>
        <translation>Consommables</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>Loyer et charges</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Énergie</translation>
    </message>
    <message>
        <source>Depreciation</source>
        <translation>Amortissements</translation>
    </message>
    <message>
        <source>Other costs</source>
        <translation>Autres charges</translation>
    </message>
    <message>
        <source>In-kind contributions</source>
        <translation>Contributions en nature</translation>
    </message>
    <message>
        <source>Fablab</source>
        <translation>Fablab</translation>
    </message>
    <message>
        <source>Coworking</source>
        <translation>Coworking</translation>
    </message>
    <message>
        <source>Digital public space</source>
        <translation>Espace public numérique</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Direct debit</source>
        <translation>Prélèvement</translation>
    </message>
    <message>
        <source>Services (706)</source>
        <translation>Prestations (706)</translation>
    </message>
    <message>
        <source>Sales (707)</source>
        <translation>Ventes (707)</translation>
    </message>
    <message>
        <source>Memberships (756)</source>
        <translation>Cotisations (756)</translation>
    </message>
    <message>
        <source>Other revenue (708)</source>
        <translation>Autres produits (708)</translation>
    </message>
    <message>
        <source>Public funding</source>
        <translation>Financements publics</translation>
    </message>
    <message>
        <source>Private funding</source>
        <translation>Financements privés</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Recette</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Subvention</translation>
    </message>
    <message>
        <source>In kind</source>
        <translation>En nature</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Règlement</translation>
    </message>
    <message>
        <source>Use of machines and spaces</source>
        <translation>Utilisation des machines et espaces</translation>
    </message>
    <message>
        <source>Packs of hours</source>
        <translation>Packs d'heures</translation>
    </message>
    <message>
        <source>Trainings and workshops</source>
        <translation>Formations et ateliers</translation>
    </message>
    <message>
        <source>Free lines / sold at no price</source>
        <translation>Ventes gratuites / à prix nul</translation>
    </message>
    <message>
        <source>Goods sold</source>
        <translation>Ventes de marchandises</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>Adhésions</translation>
    </message>
    <message>
        <source>Other revenue</source>
        <translation>Autres recettes</translation>
    </message>
    <message>
        <source>Spent from the wallet</source>
        <translation>Dépenses sur le porte-monnaie</translation>
    </message>
    <message>
        <source>Wallet top-ups</source>
        <translation>Recharges du porte-monnaie</translation>
    </message>
    <message>
        <source>Investment (share of the year)</source>
        <translation>Investissement (quote-part de l'année)</translation>
    </message>
    <message>
        <source>In-kind contributions received</source>
        <translation>Contributions en nature reçues</translation>
    </message>
    <message>
        <source>In-kind contributions used</source>
        <translation>Contributions en nature employées</translation>
    </message>
    <message>
        <source>Retained earnings (credit balance)</source>
        <translation>Report à nouveau (solde créditeur)</translation>
    </message>
    <message>
        <source>Retained earnings (debit balance)</source>
        <translation>Report à nouveau (solde débiteur)</translation>
    </message>
    <message>
        <source>Bank account (deposits)</source>
        <translation>Banque (remises)</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte bancaire</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>Chèque</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Virement</translation>
    </message>
    <message>
        <source>Card (until the bank credits it)</source>
        <translation>Carte bancaire (jusqu'au crédit de la banque)</translation>
    </message>
    <message>
        <source>Administrative mandate</source>
        <translation>Mandat administratif</translation>
    </message>
    <message>
        <source>Pass numérique</source>
        <translation>Pass numérique</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Porte-monnaie</translation>
    </message>
    <message>
        <source>VAT collected</source>
        <translation>TVA collectée</translation>
    </message>
    <message>
        <source>Investment grants (decided)</source>
        <translation>Subventions d'investissement (accordées)</translation>
    </message>
    <message>
        <source>Investment grants released to the result</source>
        <translation>Subventions d'investissement virées au résultat</translation>
    </message>
    <message>
        <source>Public funders (grants receivable)</source>
        <translation>Financeurs publics (subventions à recevoir)</translation>
    </message>
    <message>
        <source>Private funders (receivable)</source>
        <translation>Financeurs privés (produits à recevoir)</translation>
    </message>
    <message>
        <source>Premises made available (use)</source>
        <translation>Locaux mis à disposition (emploi)</translation>
    </message>
    <message>
        <source>Premises made available (source)</source>
        <translation>Locaux mis à disposition (contribution)</translation>
    </message>
    <message>
        <source>Staff made available (use)</source>
        <translation>Personnel mis à disposition (emploi)</translation>
    </message>
    <message>
        <source>Staff made available (source)</source>
        <translation>Personnel mis à disposition (contribution)</translation>
    </message>
    <message>
        <source>Services in kind (use)</source>
        <translation>Prestations en nature (emploi)</translation>
    </message>
    <message>
        <source>Services in kind (source)</source>
        <translation>Prestations en nature (contribution)</translation>
    </message>
    <message>
        <source>Goods given (use)</source>
        <translation>Dons en nature (emploi)</translation>
    </message>
    <message>
        <source>Goods given (source)</source>
        <translation>Dons en nature (contribution)</translation>
    </message>
    <message>
        <source>Volunteers (use)</source>
        <translation>Personnel bénévole (emploi)</translation>
    </message>
    <message>
        <source>Volunteering (source)</source>
        <translation>Bénévolat (contribution)</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>Fournisseurs</translation>
    </message>
    <message>
        <source>Salaries payable</source>
        <translation>Rémunérations dues</translation>
    </message>
    <message>
        <source>Machines (fixed assets)</source>
        <translation>Machines (immobilisations)</translation>
    </message>
    <message>
        <source>Computers (fixed assets)</source>
        <translation>Matériel informatique (immobilisations)</translation>
    </message>
    <message>
        <source>Suppliers of fixed assets</source>
        <translation>Fournisseurs d'immobilisations</translation>
    </message>
    <message>
        <source>Accumulated depreciation of machines</source>
        <translation>Amortissements des machines</translation>
    </message>
    <message>
        <source>Accumulated depreciation of computers</source>
        <translation>Amortissements du matériel informatique</translation>
    </message>
    <message>
        <source>Accumulated depreciation of other assets</source>
        <translation>Amortissements des autres immobilisations</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>VAT awaiting payment</source>
        <translation>TVA collectée en attente d'encaissement</translation>
    </message>
    <message>
        <source>Pass numérique vouchers to be paid by their issuer</source>
        <translation>Bons Pass numérique à recevoir de l'émetteur</translation>
    </message>
</context>
<context>
    <name>FinancesPage</name>
    <message>
        <source>Finances</source>
        <translation>Finances</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>Other dates…</source>
        <translation>Autres dates…</translation>
    </message>
    <message>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation>Premier jour de la période</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>Dernier jour de la période</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Funders and grants</source>
        <translation>&amp;Financeurs et subventions</translation>
    </message>
    <message>
        <source>E&amp;xpenses</source>
        <translation>Dé&amp;penses</translation>
    </message>
    <message>
        <source>&amp;Simulator</source>
        <translation>&amp;Simulateur</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>Co&amp;mptes</translation>
    </message>
</context>
<context>
    <name>FreeLineDialog</name>
    <message>
        <source>Free line</source>
        <translation>Ligne libre</translation>
    </message>
    <message>
        <source>&amp;Designation:</source>
        <translation>&amp;Désignation :</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>&amp;Quantité :</translation>
    </message>
    <message>
        <source>U&amp;nit:</source>
        <translation>U&amp;nité :</translation>
    </message>
    <message>
        <source>piece</source>
        <translation>pièce</translation>
    </message>
    <message>
        <source>Unit &amp;price incl. VAT (€):</source>
        <translation>&amp;Prix unitaire TTC (€) :</translation>
    </message>
    <message>
        <source>&amp;Add to the basket</source>
        <translation>&amp;Ajouter au panier</translation>
    </message>
</context>
<context>
    <name>FunderDialog</name>
    <message>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <source>New funder</source>
        <translation>Nouveau financeur</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>e.g. Région Occitanie, CAF, Fondation Orange</source>
        <translation>ex. Région Occitanie, CAF, Fondation Orange</translation>
    </message>
    <message>
        <source>&amp;Sector:</source>
        <translation>&amp;Secteur :</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Niveau :</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>&amp;Contact :</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otes :</translation>
    </message>
</context>
<context>
    <name>FundersTab</name>
    <message>
        <source>Funders</source>
        <translation>Financeurs</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>New funder…</source>
        <translation>Nouveau financeur…</translation>
    </message>
    <message>
        <source>New funder</source>
        <translation>Nouveau financeur</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Edit the funder</source>
        <translation>Modifier le financeur</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>Archiver…</translation>
    </message>
    <message>
        <source>Archive the funder</source>
        <translation>Archiver le financeur</translation>
    </message>
    <message>
        <source>In-kind contributions</source>
        <translation>Contributions en nature</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Année :</translation>
    </message>
    <message>
        <source>Year of the in-kind contributions</source>
        <translation>Année des contributions en nature</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Apporté par</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>New contribution…</source>
        <translation>Nouvelle contribution…</translation>
    </message>
    <message>
        <source>New in-kind contribution</source>
        <translation>Nouvelle contribution en nature</translation>
    </message>
    <message>
        <source>Edit the contribution</source>
        <translation>Modifier la contribution</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Delete the contribution</source>
        <translation>Supprimer la contribution</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>Subventions</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>Show the grants of all years</source>
        <translation>Afficher les subventions de toutes les années</translation>
    </message>
    <message>
        <source>Year of the grants</source>
        <translation>Année des subventions</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Accordé</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Report due</source>
        <translation>Compte rendu dû</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Compte rendu</translation>
    </message>
    <message>
        <source>Payments of the grant:</source>
        <translation>Versements de la subvention :</translation>
    </message>
    <message>
        <source>Payments of the grant</source>
        <translation>Versements de la subvention</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>New grant…</source>
        <translation>Nouvelle subvention…</translation>
    </message>
    <message>
        <source>New grant</source>
        <translation>Nouvelle subvention</translation>
    </message>
    <message>
        <source>Edit the grant</source>
        <translation>Modifier la subvention</translation>
    </message>
    <message>
        <source>Payment received…</source>
        <translation>Versement reçu…</translation>
    </message>
    <message>
        <source>Record a payment of the grant</source>
        <translation>Enregistrer un versement de la subvention</translation>
    </message>
    <message>
        <source>Delete the grant</source>
        <translation>Supprimer la subvention</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>Archive {name}? It leaves the list of funders; its grants and contributions stay.</source>
        <translation>Archiver {name} ? Il quitte la liste des financeurs ; ses subventions et contributions restent.</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Delete the grant “{purpose}”? Do it only for a grant entered by mistake: it is kept in the journal, with your reason.</source>
        <translation>Supprimer la subvention « {purpose} » ? Seulement pour une subvention saisie par erreur : elle reste dans le journal, avec votre motif.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the contribution “{what}”?</source>
        <translation>Supprimer la contribution « {what} » ?</translation>
    </message>
    <message>
        <source>⚠ Report due soon: {items}</source>
        <translation>⚠ Compte rendu à rendre bientôt : {items}</translation>
    </message>
    <message>
        <source>⚠ Report overdue: {items}</source>
        <translation>⚠ Compte rendu en retard : {items}</translation>
    </message>
    <message>
        <source>⚠ {day}, overdue</source>
        <translation>⚠ {day}, en retard</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Bénévoles</translation>
    </message>
</context>
<context>
    <name>FutureBookingsDialog</name>
    <message>
        <source>Bookings on {machine}</source>
        <translation>Réservations de {machine}</translation>
    </message>
    <message>
        <source>{machine} will be {status}. These bookings are still to come: move each one to another machine, cancel it or keep it.</source>
        <translation>{machine} sera {status}. Ces réservations sont encore à venir : déplacez chacune sur une autre machine, annulez-la ou gardez-la.</translation>
    </message>
    <message>
        <source>Keep them all</source>
        <translation>Toutes les garder</translation>
    </message>
    <message>
        <source>Keep every booking</source>
        <translation>Garder toutes les réservations</translation>
    </message>
    <message>
        <source>Cancel them all</source>
        <translation>Toutes les annuler</translation>
    </message>
    <message>
        <source>Cancel every booking</source>
        <translation>Annuler toutes les réservations</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>La garder</translation>
    </message>
    <message>
        <source>Move to {machine}</source>
        <translation>La déplacer sur {machine}</translation>
    </message>
    <message>
        <source>Cancel it</source>
        <translation>L'annuler</translation>
    </message>
    <message>
        <source>What to do with the booking of {who} on {when}</source>
        <translation>Que faire de la réservation de {who} le {when}</translation>
    </message>
    <message>
        <source>No other available machine of the category “{category}”.</source>
        <translation>Aucune autre machine disponible dans la catégorie « {category} ».</translation>
    </message>
    <message>
        <source>&amp;Reason for cancelling:</source>
        <translation>&amp;Motif de l'annulation :</translation>
    </message>
    <message>
        <source>e.g. Laser tube broken</source>
        <translation>ex. Tube laser cassé</translation>
    </message>
    <message>
        <source>Apply and change the status</source>
        <translation>Appliquer et changer l'état</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <source>Grant an authorization</source>
        <translation>Habiliter un membre</translation>
    </message>
    <message>
        <source>Type a name, a member number or a town</source>
        <translation>Saisissez un nom, un numéro d'adhérent ou une commune</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>&amp;Membre :</translation>
    </message>
    <message>
        <source>Find a member</source>
        <translation>Rechercher un membre</translation>
    </message>
    <message>
        <source>Matching members</source>
        <translation>Membres trouvés</translation>
    </message>
    <message>
        <source>This machine only ({machine})</source>
        <translation>Cette machine seulement ({machine})</translation>
    </message>
    <message>
        <source>Every machine of the category “{category}”</source>
        <translation>Toutes les machines de la catégorie « {category} »</translation>
    </message>
    <message>
        <source>Covers:</source>
        <translation>Porte sur :</translation>
    </message>
    <message>
        <source>This machine only</source>
        <translation>Cette machine seulement</translation>
    </message>
    <message>
        <source>Every machine of the category</source>
        <translation>Toutes les machines de la catégorie</translation>
    </message>
    <message>
        <source>&amp;Trained on:</source>
        <translation>Formé &amp;le :</translation>
    </message>
    <message>
        <source>T&amp;rainer:</source>
        <translation>&amp;Formateur :</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Subvention</translation>
    </message>
    <message>
        <source>New grant</source>
        <translation>Nouvelle subvention</translation>
    </message>
    <message>
        <source>Grant sections</source>
        <translation>Parties de la subvention</translation>
    </message>
    <message>
        <source>Funder report</source>
        <translation>Compte rendu financier</translation>
    </message>
    <message>
        <source>&amp;Funder:</source>
        <translation>&amp;Financeur :</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Objet :</translation>
    </message>
    <message>
        <source>Na&amp;ture:</source>
        <translation>Na&amp;ture :</translation>
    </message>
    <message>
        <source>Period &amp;from:</source>
        <translation>Période &amp;du :</translation>
    </message>
    <message>
        <source>Period &amp;until:</source>
        <translation>Période &amp;au :</translation>
    </message>
    <message>
        <source>&amp;Requested (€):</source>
        <translation>&amp;Demandé (€) :</translation>
    </message>
    <message>
        <source>Requested on:</source>
        <translation>Demandé le :</translation>
    </message>
    <message>
        <source>&amp;Granted (€):</source>
        <translation>Accor&amp;dé (€) :</translation>
    </message>
    <message>
        <source>empty = not decided yet</source>
        <translation>vide = pas encore décidé</translation>
    </message>
    <message>
        <source>Granted on:</source>
        <translation>Accordé le :</translation>
    </message>
    <message>
        <source>Report &amp;due on:</source>
        <translation>Compte rendu &amp;dû le :</translation>
    </message>
    <message>
        <source>Report &amp;status:</source>
        <translation>&amp;État du compte rendu :</translation>
    </message>
    <message>
        <source>&amp;Actions financed:</source>
        <translation>&amp;Actions financées :</translation>
    </message>
    <message>
        <source>&amp;Machines financed:</source>
        <translation>&amp;Machines financées :</translation>
    </message>
    <message>
        <source>&amp;Planned budget:</source>
        <translation>&amp;Budget prévisionnel :</translation>
    </message>
    <message>
        <source>CERFA category</source>
        <translation>Catégorie CERFA</translation>
    </message>
    <message>
        <source>Amount (€)</source>
        <translation>Montant (€)</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otes :</translation>
    </message>
    <message>
        <source>Allocation &amp;key of shared costs:</source>
        <translation>&amp;Clé de répartition des charges communes :</translation>
    </message>
    <message>
        <source>Fixed &amp;share (%):</source>
        <translation>Part fi&amp;xe (%) :</translation>
    </message>
    <message>
        <source>e.g. 42</source>
        <translation>ex. 42</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
<context>
    <name>GrantReportsTab</name>
    <message>
        <source>The financial report owed to a funder for a grant: planned and actual budget of the financed action, payments received, activity indicators and a signature block.</source>
        <translation>Le compte rendu financier dû au financeur d'une subvention : budget prévisionnel et réalisé de l'action financée, versements reçus, indicateurs d'activité et signature.</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Accordé</translation>
    </message>
    <message>
        <source>Report due</source>
        <translation>Compte rendu dû le</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>État du compte rendu</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>Subventions</translation>
    </message>
    <message>
        <source>&amp;Write the financial report…</source>
        <translation>&amp;Rédiger le compte rendu financier…</translation>
    </message>
    <message>
        <source>Write the financial report of the grant</source>
        <translation>Rédiger le compte rendu financier de la subvention</translation>
    </message>
    <message>
        <source>&amp;Print the financial report…</source>
        <translation>&amp;Imprimer le compte rendu financier…</translation>
    </message>
    <message>
        <source>Print the financial report of the grant</source>
        <translation>Imprimer le compte rendu financier de la subvention</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>à faire</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>Print the financial report</source>
        <translation>Imprimer le compte rendu financier</translation>
    </message>
    <message>
        <source>financial-report-%1.pdf</source>
        <translation>compte-rendu-financier-%1.pdf</translation>
    </message>
    <message>
        <source>Save the financial report</source>
        <translation>Enregistrer le compte rendu financier</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>Le compte rendu n'a pas pu être enregistré : %1</translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation>Compte rendu enregistré dans %1.</translation>
    </message>
</context>
<context>
    <name>GroupRegistrationDialog</name>
    <message>
        <source>Register a group</source>
        <translation>Inscrire un groupe</translation>
    </message>
    <message>
        <source>School, association… (optional)</source>
        <translation>École, association… (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Structure :</translation>
    </message>
    <message>
        <source>&amp;Group name:</source>
        <translation>Nom du &amp;groupe :</translation>
    </message>
    <message>
        <source>Year 6 class, youth club…</source>
        <translation>Classe de CM2, centre de loisirs…</translation>
    </message>
    <message>
        <source>&amp;Responsible adult:</source>
        <translation>Adulte &amp;responsable :</translation>
    </message>
    <message>
        <source> people</source>
        <translation> personnes</translation>
    </message>
    <message>
        <source>&amp;Head-count:</source>
        <translation>&amp;Effectif :</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Non renseignée</translation>
    </message>
    <message>
        <source>&amp;Age band:</source>
        <translation>&amp;Tranche d'âge :</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Inscrire</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Tiers-Lieu Desktop user guide</source>
        <translation>Guide d'utilisation de Tiers-Lieu Desktop</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Précédent</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Forward ▶</source>
        <translation>Suivant ▶</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Sommaire</translation>
    </message>
    <message>
        <source>Contents of the guide</source>
        <translation>Sommaire du guide</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>Chercher dans le guide</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>Résultat de la recherche</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide d'utilisation</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>No change recorded.</source>
        <translation>Aucune modification enregistrée.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>History of the record</source>
        <translation>Historique de la fiche</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
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
        <source>Settings › Backups…</source>
        <translation>Paramètres › Sauvegardes…</translation>
    </message>
    <message>
        <source>Open the backup settings</source>
        <translation>Ouvrir les réglages des sauvegardes</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd'hui</translation>
    </message>
    <message>
        <source>&amp;Arrival</source>
        <translation>&amp;Arrivée</translation>
    </message>
    <message>
        <source>Check in the selected booking</source>
        <translation>Enregistrer l'arrivée de la réservation choisie</translation>
    </message>
    <message>
        <source>The member has arrived (Enter on the row)</source>
        <translation>Le membre est arrivé (Entrée sur la ligne)</translation>
    </message>
    <message>
        <source>&amp;Departure…</source>
        <translation>&amp;Départ…</translation>
    </message>
    <message>
        <source>Record the departure</source>
        <translation>Enregistrer le départ</translation>
    </message>
    <message>
        <source>Record the real times and the consumables used (Enter on the row)</source>
        <translation>Noter les heures réelles et les consommables utilisés (Entrée sur la ligne)</translation>
    </message>
    <message>
        <source>A&amp;bsent</source>
        <translation>A&amp;bsent</translation>
    </message>
    <message>
        <source>Mark the member absent</source>
        <translation>Noter le membre absent</translation>
    </message>
    <message>
        <source>Correct the usage…</source>
        <translation>Corriger l'usage…</translation>
    </message>
    <message>
        <source>Correct the usage of the selected booking</source>
        <translation>Corriger l'usage de la réservation choisie</translation>
    </message>
    <message>
        <source>Times and consumables of a departure recorded, until it is invoiced</source>
        <translation>Heures et consommables d'un départ enregistré, tant qu'il n'est pas facturé</translation>
    </message>
    <message>
        <source>&amp;Walk-in without booking…</source>
        <translation>&amp;Passage sans réservation…</translation>
    </message>
    <message>
        <source>Walk-in without booking</source>
        <translation>Passage sans réservation</translation>
    </message>
    <message>
        <source>Today's bookings</source>
        <translation>Réservations du jour</translation>
    </message>
    <message>
        <source>No booking today. A walk-in can still be recorded.</source>
        <translation>Aucune réservation aujourd'hui. Un passage sans réservation peut toujours être enregistré.</translation>
    </message>
    <message>
        <source>⚠ The automatic backup of {when} failed ({folder}).</source>
        <translation>⚠ La sauvegarde automatique du {when} a échoué ({folder}).</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>⚠ No backup has left this PC for {days} days (last one off the PC: {when}). Choose a USB stick, a NAS or a synced folder.</source>
        <translation>⚠ Aucune sauvegarde n'a quitté ce PC depuis {days} jours (dernière hors du PC : {when}). Choisissez une clé USB, un NAS ou un dossier synchronisé.</translation>
    </message>
    <message>
        <source>{name} ({quantity})</source>
        <translation>{name} ({quantity})</translation>
    </message>
    <message>
        <source>⚠ Low stock: {items}</source>
        <translation>⚠ Stock bas : {items}</translation>
    </message>
    <message>
        <source>{funder} — {purpose} (late since {day})</source>
        <translation>{funder} — {purpose} (en retard depuis le {day})</translation>
    </message>
    <message>
        <source>{funder} — {purpose} (by {day})</source>
        <translation>{funder} — {purpose} (pour le {day})</translation>
    </message>
    <message>
        <source>⚠ Grant report due: {items}</source>
        <translation>⚠ Compte rendu de subvention à rendre : {items}</translation>
    </message>
    <message>
        <source>{date} · today at the front desk</source>
        <translation>{date} · aujourd'hui à l'accueil</translation>
    </message>
    <message>
        <source>expected: {expected} · in: {present} · late to check out: {late_out} · late arrivals: {late_in} · done: {done}</source>
        <translation>attendus : {expected} · présents : {present} · en retard au départ : {late_out} · arrivées en retard : {late_in} · terminés : {done}</translation>
    </message>
    <message>
        <source>Member absent</source>
        <translation>Membre absent</translation>
    </message>
    <message>
        <source>{who} did not come for {resource} at {time}? The slot is freed.</source>
        <translation>Absence de {who} pour {resource} à {time} ? Le créneau est libéré.</translation>
    </message>
    <message>
        <source>Mark absent</source>
        <translation>Noter absent</translation>
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
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <source>Opening hours</source>
        <translation>Horaires d'ouverture</translation>
    </message>
    <message>
        <source>When the spaces the assistant creates are open: a booking must fit these hours. Type the ranges of each day, e.g. “10:00-12:30, 14:00-18:00”; leave a day empty when it is closed. Public holidays are closed; exceptions are set later on Machines &amp; spaces.</source>
        <translation>Quand les espaces créés par l'assistant sont ouverts : une réservation doit tenir dans ces horaires. Tapez les plages de chaque jour, ex. « 10:00-12:30, 14:00-18:00 » ; laissez vide un jour de fermeture. Les jours fériés sont fermés ; les exceptions se règlent ensuite dans Machines &amp; espaces.</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <source>{day}:</source>
        <translation>{day} :</translation>
    </message>
    <message>
        <source>Tuesday's hours from Monday to Saturday</source>
        <translation>Les horaires du mardi du lundi au samedi</translation>
    </message>
    <message>
        <source>Copy Tuesday's hours to every day from Monday to Saturday</source>
        <translation>Copier les horaires du mardi sur chaque jour du lundi au samedi</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Your structure</source>
        <translation>Votre structure</translation>
    </message>
    <message>
        <source>Its name and legal identity are printed on every invoice and report. The SIRET is checked (14 digits and their check key).</source>
        <translation>Son nom et son identité légale figurent sur chaque facture et chaque rapport. Le SIRET est vérifié (14 chiffres et leur clé de contrôle).</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>e.g. Fablab du Causse</source>
        <translation>ex. Fablab du Causse</translation>
    </message>
    <message>
        <source>Legal form:</source>
        <translation>Forme juridique :</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Forme juridique</translation>
    </message>
    <message>
        <source>SIRET:</source>
        <translation>SIRET :</translation>
    </message>
    <message>
        <source>14 digits, e.g. 123 456 789 00012</source>
        <translation>14 chiffres, ex. 123 456 789 00012</translation>
    </message>
    <message>
        <source>RNA number:</source>
        <translation>Numéro RNA :</translation>
    </message>
    <message>
        <source>W + 9 digits (associations)</source>
        <translation>W + 9 chiffres (associations)</translation>
    </message>
    <message>
        <source>&lt;b&gt;VAT&lt;/b&gt; — which rule applies to your sales?</source>
        <translation>&lt;b&gt;TVA&lt;/b&gt; — quelle règle s'applique à vos ventes ?</translation>
    </message>
    <message>
        <source>A non-profit association: what you sell to your members carries no VAT. What you sell to non-members stays without VAT up to a yearly limit ({limit}); the Finances page warns you near it.</source>
        <translation>Une association à but non lucratif : ce que vous vendez à vos adhérents est sans TVA. Ce que vous vendez aux non-adhérents reste sans TVA jusqu'à un plafond annuel ({limit}) ; la page Finances vous prévient à son approche.</translation>
    </message>
    <message>
        <source>A small company or an association with commercial sales: no VAT while your yearly sales stay under the franchise threshold ({limit} for services). Invoices say « TVA non applicable, art. 293 B du CGI ».</source>
        <translation>Une petite entreprise ou une association aux ventes commerciales : pas de TVA tant que vos ventes annuelles restent sous le seuil de la franchise ({limit} pour les prestations de services). Les factures portent « TVA non applicable, art. 293 B du CGI ».</translation>
    </message>
    <message>
        <source>Above the threshold, or by choice: you add VAT to your prices and declare it. You need an intra-EU VAT number.</source>
        <translation>Au-delà du seuil, ou par choix : vous ajoutez la TVA à vos prix et la déclarez. Il vous faut un numéro de TVA intracommunautaire.</translation>
    </message>
    <message>
        <source>VAT number:</source>
        <translation>N° de TVA :</translation>
    </message>
    <message>
        <source>FR + 11 characters</source>
        <translation>FR + 11 caractères</translation>
    </message>
    <message>
        <source>Recommended for an association: not liable to VAT (art. 261-7-1° of the CGI). A tax adviser can confirm it.</source>
        <translation>Recommandé pour une association : non assujettie à la TVA (art. 261-7-1° du CGI). Un conseiller fiscal peut le confirmer.</translation>
    </message>
    <message>
        <source>Recommended for a structure that starts: the franchise (art. 293 B of the CGI), as long as its yearly sales stay under {limit}. A tax adviser can confirm it.</source>
        <translation>Recommandé pour une structure qui démarre : la franchise en base (art. 293 B du CGI), tant que ses ventes annuelles restent sous {limit}. Un conseiller fiscal peut le confirmer.</translation>
    </message>
    <message>
        <source>Recommended: liable to VAT.</source>
        <translation>Recommandé : assujettie à la TVA.</translation>
    </message>
</context>
<context>
    <name>ImportEntry</name>
    <message>
        <source>Import members</source>
        <translation>Importer des membres</translation>
    </message>
    <message>
        <source>Import machines</source>
        <translation>Importer des machines</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel: nothing is written</source>
        <translation>Annuler : rien n'est écrit</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>Back to the previous step</source>
        <translation>Revenir à l'étape précédente</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Étape suivante</translation>
    </message>
    <message>
        <source>Si&amp;mulate (nothing written)</source>
        <translation>Si&amp;muler (aucune écriture)</translation>
    </message>
    <message>
        <source>Simulate the import: nothing is written</source>
        <translation>Simuler l'import : rien n'est écrit</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Import the file</source>
        <translation>Importer le fichier</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the import</source>
        <translation>Fermer l'import</translation>
    </message>
    <message>
        <source>Spreadsheet (CSV or XLSX)</source>
        <translation>Tableur (CSV ou XLSX)</translation>
    </message>
    <message>
        <source>Step 1 of 4 — The file</source>
        <translation>Étape 1 sur 4 — Le fichier</translation>
    </message>
    <message>
        <source>Step 2 of 4 — The columns</source>
        <translation>Étape 2 sur 4 — Les colonnes</translation>
    </message>
    <message>
        <source>Step 3 of 4 — Preview: nothing is written yet</source>
        <translation>Étape 3 sur 4 — Aperçu : rien n'est encore écrit</translation>
    </message>
    <message>
        <source>Step 4 of 4 — Result</source>
        <translation>Étape 4 sur 4 — Résultat</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Choisir le fichier à importer</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Tableurs (*.csv *.xlsx *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Spreadsheet (XLSX), {count} columns.</source>
        <translation>Classeur (XLSX), {count} colonnes.</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <source>CSV file, {count} columns, separated by {separator}, {encoding}.</source>
        <translation>Fichier CSV, {count} colonnes, séparées par {separator}, {encoding}.</translation>
    </message>
    <message>
        <source>Source recognised: {source} (change it above if it is not).</source>
        <translation>Source reconnue : {source} (changez-la ci-dessus si ce n'est pas elle).</translation>
    </message>
    <message>
        <source>Columns: {columns}</source>
        <translation>Colonnes : {columns}</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 avec BOM</translation>
    </message>
    <message>
        <source>Windows-1252 (older Excel)</source>
        <translation>Windows-1252 (Excel ancien)</translation>
    </message>
    <message>
        <source>No column for: {fields}. Lines where nothing else fills them will be refused.</source>
        <translation>Aucune colonne pour : {fields}. Les lignes où rien d'autre ne les remplit seront refusées.</translation>
    </message>
    <message>
        <source>e.g. {value}</source>
        <translation>ex. : {value}</translation>
    </message>
    <message>
        <source>Checking the whole file…</source>
        <translation>Vérification de tout le fichier…</translation>
    </message>
    <message>
        <source>Checking stopped: only the first {count} lines are checked; check the whole file to import it.</source>
        <translation>Vérification interrompue : seules les {count} premières lignes sont vérifiées ; vérifiez tout le fichier pour l'importer.</translation>
    </message>
    <message>
        <source>Line {line} matches an existing record: {record}</source>
        <translation>La ligne {line} correspond à une fiche existante : {record}</translation>
    </message>
    <message>
        <source>Lines: {total} — to create: {create}, to merge: {merge}, skipped: {skip}, refused: {refused}.</source>
        <translation>Lignes : {total} — à créer : {create}, à fusionner : {merge}, ignorées : {skip}, refusées : {refused}.</translation>
    </message>
    <message>
        <source>(the first {count} lines; the rest is being checked)</source>
        <translation>(les {count} premières lignes ; le reste est en cours de vérification)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused lines block the import: correct the file, or tick “Skip the refused lines” to import the others.</source>
        <translation>
            <numerusform>%Ln ligne refusée bloque l'import : corrigez le fichier, ou cochez « Ignorer les lignes refusées » pour importer les autres.</numerusform>
            <numerusform>%Ln lignes refusées bloquent l'import : corrigez le fichier, ou cochez « Ignorer les lignes refusées » pour importer les autres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import this file? To create: {create}, to merge: {merge}, skipped: {skip}.</source>
        <translation>Importer ce fichier ? À créer : {create}, à fusionner : {merge}, ignorées : {skip}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused lines are left out.</source>
        <translation>
            <numerusform>%Ln ligne refusée est laissée de côté.</numerusform>
            <numerusform>%Ln lignes refusées sont laissées de côté.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <source>Simulation: nothing was written.</source>
        <translation>Simulation : rien n'a été écrit.</translation>
    </message>
    <message>
        <source>Would be created: {count}</source>
        <translation>Seraient créés : {count}</translation>
    </message>
    <message>
        <source>Would be merged: {count}</source>
        <translation>Seraient fusionnés : {count}</translation>
    </message>
    <message>
        <source>Would be skipped: {count}</source>
        <translation>Seraient ignorés : {count}</translation>
    </message>
    <message>
        <source>Import done.</source>
        <translation>Import terminé.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n'a été importé.</translation>
    </message>
    <message>
        <source>Created: {count}</source>
        <translation>Créés : {count}</translation>
    </message>
    <message>
        <source>Merged: {count}</source>
        <translation>Fusionnés : {count}</translation>
    </message>
    <message>
        <source>Skipped: {count}</source>
        <translation>Ignorés : {count}</translation>
    </message>
    <message>
        <source>Refused lines: {count}</source>
        <translation>Lignes refusées : {count}</translation>
    </message>
    <message>
        <source>… and more in the report.</source>
        <translation>… et d'autres dans le rapport.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusees</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation>Créer quand même</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
</context>
<context>
    <name>InKindDialog</name>
    <message>
        <source>In-kind contribution</source>
        <translation>Contribution en nature</translation>
    </message>
    <message>
        <source>New in-kind contribution</source>
        <translation>Nouvelle contribution en nature</translation>
    </message>
    <message>
        <source>&amp;Given by:</source>
        <translation>&amp;Apporté par :</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Bénévoles</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Année :</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Nature :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>&amp;Hours:</source>
        <translation>&amp;Heures :</translation>
    </message>
    <message>
        <source>for volunteering or staff</source>
        <translation>pour le bénévolat ou le personnel</translation>
    </message>
    <message>
        <source>&amp;Value (€):</source>
        <translation>&amp;Valeur (€) :</translation>
    </message>
</context>
<context>
    <name>InvoiceDetail</name>
    <message>
        <source>Issued on</source>
        <translation>Émise le</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Credits invoice</source>
        <translation>Avoir sur la facture</translation>
    </message>
    <message>
        <source>Designation</source>
        <translation>Désignation</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>base</source>
        <translation>base</translation>
    </message>
    <message>
        <source>Total excl. VAT</source>
        <translation>Total HT</translation>
    </message>
    <message>
        <source>Total incl. VAT</source>
        <translation>Total TTC</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Credit notes</source>
        <translation>Avoirs</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Reste dû</translation>
    </message>
</context>
<context>
    <name>InvoiceIssuedDialog</name>
    <message>
        <source>Invoice issued</source>
        <translation>Facture émise</translation>
    </message>
    <message>
        <source>Invoice {number} issued: {total}.</source>
        <translation>Facture {number} émise : {total}.</translation>
    </message>
    <message>
        <source>Still to be paid: {amount}.</source>
        <translation>Reste à payer : {amount}.</translation>
    </message>
    <message>
        <source>Change to give back: {amount}</source>
        <translation>Monnaie à rendre : {amount}</translation>
    </message>
    <message>
        <source>&amp;Print the ticket…</source>
        <translation>&amp;Imprimer le ticket…</translation>
    </message>
    <message>
        <source>Print the &amp;invoice…</source>
        <translation>Imprimer la &amp;facture…</translation>
    </message>
    <message>
        <source>&amp;Open the PDF</source>
        <translation>&amp;Ouvrir le PDF</translation>
    </message>
    <message>
        <source>&amp;Save the invoice PDF…</source>
        <translation>&amp;Enregistrer la facture PDF…</translation>
    </message>
    <message>
        <source>Print the ticket</source>
        <translation>Imprimer le ticket</translation>
    </message>
    <message>
        <source>Print the invoice</source>
        <translation>Imprimer la facture</translation>
    </message>
    <message>
        <source>Save the invoice</source>
        <translation>Enregistrer la facture</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>InvoicesTab</name>
    <message>
        <source>Number or buyer</source>
        <translation>Numéro ou client</translation>
    </message>
    <message>
        <source>Search invoices by number or buyer</source>
        <translation>Chercher une facture par numéro ou client</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Kind of document</source>
        <translation>Type de document</translation>
    </message>
    <message>
        <source>Invoices and credit notes</source>
        <translation>Factures et avoirs</translation>
    </message>
    <message>
        <source>&amp;Unpaid only</source>
        <translation>&amp;Impayées seulement</translation>
    </message>
    <message>
        <source>Unpaid only</source>
        <translation>Impayées seulement</translation>
    </message>
    <message>
        <source>until</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Total incl. VAT</source>
        <translation>Total TTC</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Reste dû</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Document detail</source>
        <translation>Détail du document</translation>
    </message>
    <message>
        <source>Add a &amp;payment…</source>
        <translation>Ajouter un &amp;paiement…</translation>
    </message>
    <message>
        <source>Make a credit &amp;note…</source>
        <translation>Faire un &amp;avoir…</translation>
    </message>
    <message>
        <source>P&amp;DF…</source>
        <translation>P&amp;DF…</translation>
    </message>
    <message>
        <source>Factur-&amp;X…</source>
        <translation>Factur-&amp;X…</translation>
    </message>
    <message>
        <source>&amp;Ticket…</source>
        <translation>&amp;Ticket…</translation>
    </message>
    <message>
        <source>Pr&amp;int…</source>
        <translation>Imp&amp;rimer…</translation>
    </message>
    <message>
        <source>Print the tic&amp;ket…</source>
        <translation>Imprimer le tic&amp;ket…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln documents</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a payment</source>
        <translation>Ajouter un paiement</translation>
    </message>
    <message>
        <source>{number} — {buyer}</source>
        <translation>{number} — {buyer}</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print {number}</source>
        <translation>Imprimer {number}</translation>
    </message>
    <message>
        <source>Print the ticket</source>
        <translation>Imprimer le ticket</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>Enregistrer le PDF</translation>
    </message>
    <message>
        <source>Save the Factur-X PDF</source>
        <translation>Enregistrer le PDF Factur-X</translation>
    </message>
    <message>
        <source>Save the ticket</source>
        <translation>Enregistrer le ticket</translation>
    </message>
</context>
<context>
    <name>InvoicingTab</name>
    <message>
        <source>Invoices and credit notes are numbered in two continuous series, without gaps or duplicates. A new pattern applies to documents issued from now on; the patterns used before stay in the history.</source>
        <translation>Les factures et les avoirs sont numérotés en deux séries continues, sans trou ni doublon. Un nouveau modèle s'applique aux documents émis à partir de maintenant ; les modèles utilisés avant restent dans l'historique.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tokens&lt;/b&gt;: &lt;tt&gt;{year}&lt;/tt&gt; the year (2026), &lt;tt&gt;{yy}&lt;/tt&gt; the year on two digits (26), &lt;tt&gt;{month}&lt;/tt&gt; the month (03), &lt;tt&gt;{counter}&lt;/tt&gt; the counter (124), &lt;tt&gt;{counter:06}&lt;/tt&gt; the counter on 6 digits (000124). The counter starts again at 1 every month with &lt;tt&gt;{month}&lt;/tt&gt; (which needs the year too), every year with &lt;tt&gt;{year}&lt;/tt&gt; or &lt;tt&gt;{yy}&lt;/tt&gt;, never otherwise. Any other text (letters, digits, dashes) is kept as it is; no spaces.</source>
        <translation>&lt;b&gt;Jetons&lt;/b&gt; : &lt;tt&gt;{year}&lt;/tt&gt; l'année (2026), &lt;tt&gt;{yy}&lt;/tt&gt; l'année sur deux chiffres (26), &lt;tt&gt;{month}&lt;/tt&gt; le mois (03), &lt;tt&gt;{counter}&lt;/tt&gt; le compteur (124), &lt;tt&gt;{counter:06}&lt;/tt&gt; le compteur sur 6 chiffres (000124). Le compteur repart à 1 chaque mois avec &lt;tt&gt;{month}&lt;/tt&gt; (qui demande aussi l'année), chaque année avec &lt;tt&gt;{year}&lt;/tt&gt; ou &lt;tt&gt;{yy}&lt;/tt&gt;, jamais sinon. Tout autre texte (lettres, chiffres, tirets) est repris tel quel ; pas d'espace.</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>first name</source>
        <translation>prénom</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <source>email</source>
        <translation>courriel</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>code postal</translation>
    </message>
    <message>
        <source>town</source>
        <translation>commune</translation>
    </message>
    <message>
        <source>birth year</source>
        <translation>année de naissance</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>status</source>
        <translation>état</translation>
    </message>
    <message>
        <source>start</source>
        <translation>début</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <source>until</source>
        <translation>au</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>montant</translation>
    </message>
    <message>
        <source>fee</source>
        <translation>cotisation</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>coût</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <source>label</source>
        <translation>libellé</translation>
    </message>
    <message>
        <source>supplier</source>
        <translation>fournisseur</translation>
    </message>
    <message>
        <source>category</source>
        <translation>catégorie</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>activité</translation>
    </message>
    <message>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motif</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archivé</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>formateur</translation>
    </message>
    <message>
        <source>granted on</source>
        <translation>accordée le</translation>
    </message>
    <message>
        <source>member</source>
        <translation>adhérent</translation>
    </message>
    <message>
        <source>machine</source>
        <translation>machine</translation>
    </message>
    <message>
        <source>space</source>
        <translation>espace</translation>
    </message>
    <message>
        <source>deleted on</source>
        <translation>supprimé le</translation>
    </message>
    <message>
        <source>deleted by</source>
        <translation>supprimé par</translation>
    </message>
    <message>
        <source>reason of the removal</source>
        <translation>motif de la suppression</translation>
    </message>
    <message>
        <source>paid on</source>
        <translation>payée le</translation>
    </message>
    <message>
        <source>payment method</source>
        <translation>moyen de paiement</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Adhérent</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Adhésion</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Réservation</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Habilitation</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Calendar exception</source>
        <translation>Exception du calendrier</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>Dépense</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Subvention</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <source>In-kind contribution</source>
        <translation>Contribution en nature</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>Basket</source>
        <translation>Panier</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Inscription</translation>
    </message>
    <message>
        <source>created</source>
        <translation>créé</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>rétabli</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>(effacé)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>JournalTab</name>
    <message>
        <source>Every change made in the application: who, when, and each field before → after. The journal cannot be changed; each finished day is sealed into the integrity chain.</source>
        <translation>Chaque modification faite dans l'application : qui, quand, et chaque champ avant → après. Le journal ne peut pas être modifié ; chaque journée terminée est scellée dans la chaîne d'intégrité.</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Type de fiche</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Only the changes of a period</source>
        <translation>Seulement les modifications d'une période</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>Opérateur :</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Fiche :</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Journal of the changes</source>
        <translation>Journal des modifications</translation>
    </message>
    <message>
        <source>&amp;Newer</source>
        <translation>Plus &amp;récentes</translation>
    </message>
    <message>
        <source>Newer changes</source>
        <translation>Modifications plus récentes</translation>
    </message>
    <message>
        <source>O&amp;lder</source>
        <translation>Plus &amp;anciennes</translation>
    </message>
    <message>
        <source>Older changes</source>
        <translation>Modifications plus anciennes</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Changes {first}–{last} of {total}</source>
        <translation>Modifications {first} à {last} sur {total}</translation>
    </message>
    <message>
        <source>No change recorded.</source>
        <translation>Aucune modification enregistrée.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Under 12</source>
        <translation>Moins de 12 ans</translation>
    </message>
    <message>
        <source>12 to 17</source>
        <translation>12 à 17 ans</translation>
    </message>
    <message>
        <source>18 to 25</source>
        <translation>18 à 25 ans</translation>
    </message>
    <message>
        <source>26 to 39</source>
        <translation>26 à 39 ans</translation>
    </message>
    <message>
        <source>40 to 59</source>
        <translation>40 à 59 ans</translation>
    </message>
    <message>
        <source>60 and over</source>
        <translation>60 ans et plus</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <source>School or college</source>
        <translation>Établissement scolaire</translation>
    </message>
    <message>
        <source>Public body</source>
        <translation>Collectivité ou organisme public</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>Femme</translation>
    </message>
    <message>
        <source>Man</source>
        <translation>Homme</translation>
    </message>
    <message>
        <source>Pupil (school)</source>
        <translation>Scolaire (élève)</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Étudiant</translation>
    </message>
    <message>
        <source>In employment</source>
        <translation>En emploi</translation>
    </message>
    <message>
        <source>Job seeker</source>
        <translation>Demandeur d'emploi</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retraité</translation>
    </message>
    <message>
        <source>Other situation</source>
        <translation>Autre situation</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Salarié</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Bénévole</translation>
    </message>
    <message>
        <source>Civic service</source>
        <translation>Service civique</translation>
    </message>
    <message>
        <source>Non-profit association, not liable to VAT (CGI art. 261-7-1°)</source>
        <translation>Association non lucrative, non assujettie à la TVA (CGI art. 261-7-1°)</translation>
    </message>
    <message>
        <source>VAT franchise (CGI art. 293 B)</source>
        <translation>Franchise en base de TVA (CGI art. 293 B)</translation>
    </message>
    <message>
        <source>Liable to VAT</source>
        <translation>Assujettie à la TVA</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>réservée</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>in maintenance</source>
        <translation>en maintenance</translation>
    </message>
    <message>
        <source>out of order</source>
        <translation>hors service</translation>
    </message>
</context>
<context>
    <name>LanguageTab</name>
    <message>
        <source>Interface language:</source>
        <translation>Langue de l'interface :</translation>
    </message>
    <message>
        <source>The new language will be used the next time the application starts.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage de l'application.</translation>
    </message>
</context>
<context>
    <name>ListSection</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked desk: log in</source>
        <translation>Poste verrouillé : connectez-vous</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>&amp;Administrator:</source>
        <translation>&amp;Administrateur :</translation>
    </message>
    <message>
        <source>Operator who becomes the administrator</source>
        <translation>Opérateur qui devient l'administrateur</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Name of the administrator account</source>
        <translation>Nom du compte administrateur</translation>
    </message>
    <message>
        <source>&amp;Password or PIN:</source>
        <translation>&amp;Mot de passe ou code :</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Mot de passe ou code</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Encore une fois :</translation>
    </message>
    <message>
        <source>Password or PIN again</source>
        <translation>Mot de passe ou code, encore une fois</translation>
    </message>
    <message>
        <source>A password of at least 8 characters, or a PIN of 4 to 6 digits.</source>
        <translation>Un mot de passe d'au moins 8 caractères, ou un code de 4 à 6 chiffres.</translation>
    </message>
    <message>
        <source>Tiers-Lieu Desktop</source>
        <translation>Tiers-Lieu Desktop</translation>
    </message>
    <message>
        <source>Who is at the desk?</source>
        <translation>Qui est à l'accueil ?</translation>
    </message>
    <message>
        <source>Click your name, then type your password or PIN.</source>
        <translation>Cliquez sur votre nom, puis tapez votre mot de passe ou votre code.</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Create the administrator account</source>
        <translation>Créer le compte administrateur</translation>
    </message>
    <message>
        <source>The administrator manages the accounts of the people at the desk and their roles. Choose their name and password.</source>
        <translation>L'administrateur gère les comptes des personnes de l'accueil et leurs rôles. Choisissez son nom et son mot de passe.</translation>
    </message>
    <message>
        <source>This database has just been updated: choose the administrator's password.</source>
        <translation>Cette base vient d'être mise à jour : choisissez le mot de passe de l'administrateur.</translation>
    </message>
    <message>
        <source>A new account…</source>
        <translation>Un nouveau compte…</translation>
    </message>
    <message>
        <source>&amp;Create the account</source>
        <translation>&amp;Créer le compte</translation>
    </message>
    <message>
        <source>Click your name in the list first.</source>
        <translation>Cliquez d'abord sur votre nom dans la liste.</translation>
    </message>
    <message>
        <source>Type your password or PIN.</source>
        <translation>Tapez votre mot de passe ou votre code.</translation>
    </message>
    <message>
        <source>Type the administrator's name.</source>
        <translation>Tapez le nom de l'administrateur.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
</context>
<context>
    <name>MachineDialog</name>
    <message>
        <source>Edit machine</source>
        <translation>Modifier la machine</translation>
    </message>
    <message>
        <source>New machine</source>
        <translation>Nouvelle machine</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>e.g. Laser cutter Trotec</source>
        <translation>ex. Découpeuse laser Trotec</translation>
    </message>
    <message>
        <source>Choose or type a new category</source>
        <translation>Choisissez ou saisissez une nouvelle catégorie</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Catégorie :</translation>
    </message>
    <message>
        <source>&amp;Space:</source>
        <translation>&amp;Espace :</translation>
    </message>
    <message>
        <source>&amp;Make:</source>
        <translation>&amp;Marque :</translation>
    </message>
    <message>
        <source>Mo&amp;del:</source>
        <translation>Mo&amp;dèle :</translation>
    </message>
    <message>
        <source>Se&amp;rial number:</source>
        <translation>N° de &amp;série :</translation>
    </message>
    <message>
        <source>Training required before use</source>
        <translation>Formation obligatoire avant utilisation</translation>
    </message>
    <message>
        <source>Training:</source>
        <translation>Formation :</translation>
    </message>
    <message>
        <source>&amp;Hour counter:</source>
        <translation>Compteur &amp;horaire :</translation>
    </message>
    <message>
        <source>&amp;Purchase date:</source>
        <translation>Date d'&amp;achat :</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>ex. {example}</translation>
    </message>
    <message>
        <source>Purchase &amp;value (€):</source>
        <translation>&amp;Valeur d'achat (€) :</translation>
    </message>
    <message>
        <source>&amp;Funded by:</source>
        <translation>&amp;Financée par :</translation>
    </message>
    <message>
        <source>e.g. Region, LEADER programme, own funds</source>
        <translation>ex. Région, programme LEADER, fonds propres</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>Descri&amp;ption :</translation>
    </message>
    <message>
        <source>“{name}” is a new category: it will be created with the machine.</source>
        <translation>« {name} » est une nouvelle catégorie : elle sera créée avec la machine.</translation>
    </message>
</context>
<context>
    <name>MachineStatus</name>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>In maintenance</source>
        <translation>En maintenance</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>Hors service</translation>
    </message>
</context>
<context>
    <name>MachinesPage</name>
    <message>
        <source>Machines &amp; spaces</source>
        <translation>Machines &amp; espaces</translation>
    </message>
    <message>
        <source>New machine</source>
        <translation>Nouvelle machine</translation>
    </message>
    <message>
        <source>New machine (Ctrl+Shift+N)</source>
        <translation>Nouvelle machine (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>New space</source>
        <translation>Nouvel espace</translation>
    </message>
    <message>
        <source>Import machines…</source>
        <translation>Importer des machines…</translation>
    </message>
    <message>
        <source>Import machines</source>
        <translation>Importer des machines</translation>
    </message>
    <message>
        <source>Bring a list of machines in from a spreadsheet (CSV or XLSX), with a preview</source>
        <translation>Reprendre une liste de machines depuis un tableur (CSV ou XLSX), avec un aperçu</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>Archiver…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historique…</translation>
    </message>
    <message>
        <source>History of the record</source>
        <translation>Historique de la fiche</translation>
    </message>
    <message>
        <source>Filter by name, make or model</source>
        <translation>Filtrer par nom, marque ou modèle</translation>
    </message>
    <message>
        <source>Filter machines</source>
        <translation>Filtrer les machines</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Afficher les archives</translation>
    </message>
    <message>
        <source>Show archived machines and spaces</source>
        <translation>Afficher les machines et espaces archivés</translation>
    </message>
    <message>
        <source>Machines by space and category</source>
        <translation>Machines par espace et par catégorie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation>Habilités</translation>
    </message>
    <message>
        <source>Members authorized to use the machine</source>
        <translation>Membres habilités à utiliser la machine</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Changer l'état…</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Changer l'état</translation>
    </message>
    <message>
        <source>Space:</source>
        <translation>Espace :</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Catégorie :</translation>
    </message>
    <message>
        <source>Make:</source>
        <translation>Marque :</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle :</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>N° de série :</translation>
    </message>
    <message>
        <source>Training:</source>
        <translation>Formation :</translation>
    </message>
    <message>
        <source>Hour counter:</source>
        <translation>Compteur horaire :</translation>
    </message>
    <message>
        <source>Purchase date:</source>
        <translation>Date d'achat :</translation>
    </message>
    <message>
        <source>Purchase value:</source>
        <translation>Valeur d'achat :</translation>
    </message>
    <message>
        <source>Funded by:</source>
        <translation>Financée par :</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Créée le :</translation>
    </message>
    <message>
        <source>Last change:</source>
        <translation>Dernière modification :</translation>
    </message>
    <message>
        <source>Authorized members</source>
        <translation>Membres habilités</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Porte sur</translation>
    </message>
    <message>
        <source>Trained on</source>
        <translation>Formé le</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Formateur</translation>
    </message>
    <message>
        <source>Nobody is authorized on this machine yet.</source>
        <translation>Personne n'est encore habilité sur cette machine.</translation>
    </message>
    <message>
        <source>Grant authorization…</source>
        <translation>Habiliter un membre…</translation>
    </message>
    <message>
        <source>Grant authorization</source>
        <translation>Habiliter un membre</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>Revoke authorization</source>
        <translation>Retirer l'habilitation</translation>
    </message>
    <message>
        <source>Export bookings (.ics)…</source>
        <translation>Exporter les réservations (.ics)…</translation>
    </message>
    <message>
        <source>Export bookings to a calendar file</source>
        <translation>Exporter les réservations dans un fichier agenda</translation>
    </message>
    <message>
        <source>Bookings from a month ago to a year ahead, for Thunderbird, Outlook or a phone</source>
        <translation>Réservations d'il y a un mois à dans un an, pour Thunderbird, Outlook ou un téléphone</translation>
    </message>
    <message>
        <source>Maintenance log</source>
        <translation>Carnet d'entretien</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>No maintenance recorded yet.</source>
        <translation>Aucun entretien enregistré pour l'instant.</translation>
    </message>
    <message>
        <source>Add an entry…</source>
        <translation>Ajouter une intervention…</translation>
    </message>
    <message>
        <source>Add a maintenance entry</source>
        <translation>Ajouter une intervention d'entretien</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Remove the maintenance entry</source>
        <translation>Supprimer l'intervention d'entretien</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>Capacité :</translation>
    </message>
    <message>
        <source>Booking:</source>
        <translation>Réservation :</translation>
    </message>
    <message>
        <source>Booking rules:</source>
        <translation>Règles de réservation :</translation>
    </message>
    <message>
        <source>Opening hours:</source>
        <translation>Horaires :</translation>
    </message>
    <message>
        <source>Machines:</source>
        <translation>Machines :</translation>
    </message>
    <message>
        <source>Edit space…</source>
        <translation>Modifier l'espace…</translation>
    </message>
    <message>
        <source>Edit space</source>
        <translation>Modifier l'espace</translation>
    </message>
    <message>
        <source>Opening hours…</source>
        <translation>Horaires d'ouverture…</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Horaires d'ouverture</translation>
    </message>
    <message>
        <source>Add a machine here…</source>
        <translation>Ajouter une machine ici…</translation>
    </message>
    <message>
        <source>Add a machine to this space</source>
        <translation>Ajouter une machine à cet espace</translation>
    </message>
    <message>
        <source>Rename category…</source>
        <translation>Renommer la catégorie…</translation>
    </message>
    <message>
        <source>Rename category</source>
        <translation>Renommer la catégorie</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name} (aux archives)</translation>
    </message>
    <message>
        <source>Training required before use</source>
        <translation>Formation obligatoire avant utilisation</translation>
    </message>
    <message>
        <source>No space yet. Start with “New space” (for example “Fablab”), then add its machines with “New machine”.</source>
        <translation>Aucun espace pour l'instant. Commencez par « Nouvel espace » (par exemple « Fablab »), puis ajoutez ses machines avec « Nouvelle machine ».</translation>
    </message>
    <message>
        <source>No machine matches the filter.</source>
        <translation>Aucune machine ne correspond au filtre.</translation>
    </message>
    <message>
        <source>No machine yet: add the first one with “New machine”.</source>
        <translation>Aucune machine pour l'instant : ajoutez la première avec « Nouvelle machine ».</translation>
    </message>
    <message>
        <source>Select a machine to see its details and who may use it.</source>
        <translation>Sélectionnez une machine pour voir sa fiche et qui peut l'utiliser.</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>État : {status}</translation>
    </message>
    <message>
        <source>Required before use</source>
        <translation>Obligatoire avant utilisation</translation>
    </message>
    <message>
        <source>Not required</source>
        <translation>Non obligatoire</translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation>{when} par {who}</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>Cette machine</translation>
    </message>
    <message>
        <source>Category “{category}”</source>
        <translation>Catégorie « {category} »</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>Total : {amount}</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} personnes</translation>
    </message>
    <message>
        <source>The space itself can be booked</source>
        <translation>L'espace lui-même peut être réservé</translation>
    </message>
    <message>
        <source>Only its machines are booked</source>
        <translation>Seules ses machines se réservent</translation>
    </message>
    <message>
        <source>Closed on public holidays</source>
        <translation>Fermé les jours fériés</translation>
    </message>
    <message>
        <source>Opening hours not set: bookable all day</source>
        <translation>Horaires non définis : réservable toute la journée</translation>
    </message>
    <message>
        <source>Machines of this category, all spaces together: {count}. An authorization on the category covers each of them.</source>
        <translation>Machines de cette catégorie, tous espaces confondus : {count}. Une habilitation sur la catégorie vaut pour chacune d'elles.</translation>
    </message>
    <message>
        <source>Create a space first</source>
        <translation>Créez d'abord un espace</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurer…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>History of {name}</source>
        <translation>Historique de {name}</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Remove the entry of {day} (“{what}”) from the log?</source>
        <translation>Supprimer du carnet l'intervention du {day} (« {what} ») ?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Export the bookings of {name}</source>
        <translation>Exporter les réservations de {name}</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Fichiers agenda (*.ics)</translation>
    </message>
    <message>
        <source>Export bookings</source>
        <translation>Exporter les réservations</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>Le fichier n'a pas pu être enregistré : {error}</translation>
    </message>
    <message>
        <source>No booking in this period: {file} is an empty calendar.</source>
        <translation>Aucune réservation sur la période : {file} est un agenda vide.</translation>
    </message>
    <message>
        <source>1 booking exported to {file}.</source>
        <translation>1 réservation exportée dans {file}.</translation>
    </message>
    <message>
        <source>{count} bookings exported to {file}.</source>
        <translation>{count} réservations exportées dans {file}.</translation>
    </message>
    <message>
        <source>Revoke the authorization</source>
        <translation>Retirer l'habilitation</translation>
    </message>
    <message>
        <source>Revoke the authorization of {member} ({through})? They will need a new training to use the machine.</source>
        <translation>Retirer l'habilitation de {member} ({through}) ? Une nouvelle formation sera nécessaire pour utiliser la machine.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Restore the machine “{name}”?</source>
        <translation>Restaurer la machine « {name} » ?</translation>
    </message>
    <message>
        <source>Archive the machine “{name}”? It will no longer be offered; its history and authorizations are kept.</source>
        <translation>Archiver la machine « {name} » ? Elle ne sera plus proposée ; son historique et ses habilitations sont conservés.</translation>
    </message>
    <message>
        <source>Restore the space “{name}”?</source>
        <translation>Restaurer l'espace « {name} » ?</translation>
    </message>
    <message>
        <source>Archive the space “{name}”? Its history is kept.</source>
        <translation>Archiver l'espace « {name} » ? Son historique est conservé.</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
    <message>
        <source>Tick the equipment you have and how many. Each comes with its typical consumables, booking rules and a starter price per public that you adjust on the next steps, then any time in Settings › Tariffs.</source>
        <translation>Cochez l'équipement dont vous disposez, et combien. Chacun arrive avec ses consommables habituels, ses règles de réservation et un prix de départ par public, que vous ajustez aux étapes suivantes puis à tout moment dans Paramètres › Tarifs.</translation>
    </message>
    <message>
        <source>Equipment catalogue</source>
        <translation>Catalogue d'équipements</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Équipement</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>Combien</translation>
    </message>
    <message>
        <source>Training required</source>
        <translation>Habilitation requise</translation>
    </message>
    <message>
        <source>How many: {item}</source>
        <translation>Combien : {item}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>&lt;b&gt;{item}&lt;/b&gt;: booked by slots of {step} min, from {min} min to {max} min.</source>
        <translation>&lt;b&gt;{item}&lt;/b&gt; : réservée par créneaux de {step} min, de {min} min à {max} min.</translation>
    </message>
    <message>
        <source>Starter price for adults: {price} an hour.</source>
        <translation>Prix de départ pour les adultes : {price} de l'heure.</translation>
    </message>
    <message>
        <source>Members need a training (authorization) to book it.</source>
        <translation>Les adhérents doivent être habilités (formés) pour la réserver.</translation>
    </message>
    <message>
        <source>Consumables: {names}.</source>
        <translation>Consommables : {names}.</translation>
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
        <source>Activity</source>
        <translation>Activité</translation>
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
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Read-only database: no change will be saved</source>
        <translation>Base en lecture seule : aucune modification ne sera enregistrée</translation>
    </message>
    <message>
        <source>Damaged database: SQLite reports {problem}. Restore a backup; what is saved now may be lost.</source>
        <translation>Base endommagée : SQLite signale « {problem} ». Restaurez une sauvegarde ; ce qui est enregistré maintenant peut être perdu.</translation>
    </message>
    <message>
        <source>Integrity check of the invoices failed: {problem} Run 'tierslieu verify' for the whole list.</source>
        <translation>Contrôle d'intégrité des factures en échec : {problem} Lancez « tierslieu verify » pour la liste complète.</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Sauvegarde de la base…</translation>
    </message>
    <message>
        <source>Operator logged in at the desk</source>
        <translation>Opérateur connecté à ce poste</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>Changer mon mot de passe…</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>Verrouiller (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lock the desk</source>
        <translation>Verrouiller le poste</translation>
    </message>
    <message>
        <source>Lock the desk: the next operator logs in with their password or PIN.</source>
        <translation>Verrouiller le poste : la personne suivante se connecte avec son mot de passe ou son code.</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>Help: user guide and About</source>
        <translation>Aide : guide d'utilisation et À propos</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide d'utilisation</translation>
    </message>
    <message>
        <source>About Tiers-Lieu Desktop…</source>
        <translation>À propos de Tiers-Lieu Desktop…</translation>
    </message>
    <message>
        <source>{name} ({roles})</source>
        <translation>{name} ({roles})</translation>
    </message>
    <message>
        <source>Logged in: {who}</source>
        <translation>Connecté : {who}</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Base de données : {path}</translation>
    </message>
    <message numerus="yes">
        <source>(%Ln other problems)</source>
        <translation>
            <numerusform>(%Ln autre anomalie)</numerusform>
            <numerusform>(%Ln autres anomalies)</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
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
    <name>MaintenanceDialog</name>
    <message>
        <source>Maintenance of {machine}</source>
        <translation>Entretien de {machine}</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>&amp;What was done:</source>
        <translation>&amp;Intervention :</translation>
    </message>
    <message>
        <source>e.g. Lens cleaned, belt tension adjusted</source>
        <translation>ex. Lentille nettoyée, tension de la courroie réglée</translation>
    </message>
    <message>
        <source>&amp;Cost (€):</source>
        <translation>&amp;Coût (€) :</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>ex. {example}</translation>
    </message>
    <message>
        <source>Done &amp;by:</source>
        <translation>&amp;Par :</translation>
    </message>
    <message>
        <source>e.g. Léa, the Trotec technician</source>
        <translation>ex. Léa, le technicien Trotec</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>For each field, the column of the file that fills it. The columns recognised are already chosen; your choice is remembered for this source. Fields marked * are required.</source>
        <translation>Pour chaque champ, la colonne du fichier qui le remplit. Les colonnes reconnues sont déjà choisies ; votre choix est retenu pour cette source. Les champs marqués * sont obligatoires.</translation>
    </message>
    <message>
        <source>Column for “{field}” (required)</source>
        <translation>Colonne pour « {field} » (obligatoire)</translation>
    </message>
    <message>
        <source>Column for “{field}”</source>
        <translation>Colonne pour « {field} »</translation>
    </message>
    <message>
        <source>(no column)</source>
        <translation>(aucune colonne)</translation>
    </message>
    <message>
        <source>(column without a title)</source>
        <translation>(colonne sans titre)</translation>
    </message>
</context>
<context>
    <name>MemberDetailPanel</name>
    <message>
        <source>Select a member to see their details.</source>
        <translation>Sélectionnez un adhérent pour voir sa fiche.</translation>
    </message>
    <message>
        <source>&amp;Book…</source>
        <translation>Ré&amp;server…</translation>
    </message>
    <message>
        <source>Book a machine or a space for the member</source>
        <translation>Réserver une machine ou un espace pour l'adhérent</translation>
    </message>
    <message>
        <source>Check &amp;out…</source>
        <translation>&amp;Encaisser…</translation>
    </message>
    <message>
        <source>Open the member's basket</source>
        <translation>Ouvrir le panier de l'adhérent</translation>
    </message>
    <message>
        <source>Export bookings (.ics)…</source>
        <translation>Exporter les réservations (.ics)…</translation>
    </message>
    <message>
        <source>Export the member's bookings</source>
        <translation>Exporter les réservations de l'adhérent</translation>
    </message>
    <message>
        <source>&amp;Register…</source>
        <translation>&amp;Inscrire…</translation>
    </message>
    <message>
        <source>Register the member for a session</source>
        <translation>Inscrire l'adhérent à une séance</translation>
    </message>
    <message>
        <source>Activity › Sessions: choose the session, then “Register a member…”</source>
        <translation>Activité › Séances : choisissez la séance, puis « Inscrire un adhérent… »</translation>
    </message>
    <message>
        <source>Personal &amp;data…</source>
        <translation>&amp;Données personnelles…</translation>
    </message>
    <message>
        <source>Export or anonymise the member's personal data</source>
        <translation>Exporter ou anonymiser les données personnelles de l'adhérent</translation>
    </message>
    <message>
        <source>Public:</source>
        <translation>Public :</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Structure :</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>SIRET:</source>
        <translation>SIRET :</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail :</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>Age:</source>
        <translation>Âge :</translation>
    </message>
    <message>
        <source>Legal guardian:</source>
        <translation>Responsable légal :</translation>
    </message>
    <message>
        <source>Consents:</source>
        <translation>Consentements :</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes :</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Fiche :</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>Adhésions</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Cotisation</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>Add a membership</source>
        <translation>Ajouter une adhésion</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Remove the membership</source>
        <translation>Supprimer l'adhésion</translation>
    </message>
    <message>
        <source>Renew the membership</source>
        <translation>Renouveler l'adhésion</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Porte-monnaie</translation>
    </message>
    <message>
        <source>&amp;Credit…</source>
        <translation>&amp;Créditer…</translation>
    </message>
    <message>
        <source>Credit the wallet</source>
        <translation>Créditer le porte-monnaie</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Wallet history</source>
        <translation>Historique du porte-monnaie</translation>
    </message>
    <message>
        <source>Prepaid packs</source>
        <translation>Forfaits prépayés</translation>
    </message>
    <message>
        <source>&amp;Sell a pack…</source>
        <translation>&amp;Vendre un forfait…</translation>
    </message>
    <message>
        <source>Sell a pack</source>
        <translation>Vendre un forfait</translation>
    </message>
    <message>
        <source>Movements…</source>
        <translation>Mouvements…</translation>
    </message>
    <message>
        <source>Movements of the pack</source>
        <translation>Mouvements du forfait</translation>
    </message>
    <message>
        <source>Machine authorizations</source>
        <translation>Habilitations machines</translation>
    </message>
    <message>
        <source>Machine or category</source>
        <translation>Machine ou catégorie</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Formateur</translation>
    </message>
    <message>
        <source>Authorizations are granted from the Machines &amp; spaces page.</source>
        <translation>Les habilitations se donnent depuis la page Machines &amp; espaces.</translation>
    </message>
    <message>
        <source>People of this organisation</source>
        <translation>Personnes de cette structure</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <source>History of the member's record</source>
        <translation>Historique de la fiche de l'adhérent</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>Member {number} · {kind}</source>
        <translation>Adhérent {number} · {kind}</translation>
    </message>
    <message>
        <source>archived on {date}</source>
        <translation>archivé le {date}</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>born in {year}</source>
        <translation>naissance en {year}</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>mineur</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>newsletter: {newsletter} · photos: {photos}</source>
        <translation>lettre d'information : {newsletter} · photos : {photos}</translation>
    </message>
    <message>
        <source>created {created} by {created_by}; changed {updated} by {updated_by}</source>
        <translation>créée le {created} par {created_by} ; modifiée le {updated} par {updated_by}</translation>
    </message>
    <message>
        <source>{category} (whole category)</source>
        <translation>{category} (toute la catégorie)</translation>
    </message>
    <message>
        <source>Membership expired on {date} — renew</source>
        <translation>Adhésion expirée le {date} — renouveler</translation>
    </message>
    <message>
        <source>No membership — join</source>
        <translation>Pas d'adhésion — adhérer</translation>
    </message>
    <message>
        <source>Wallet: {amount}</source>
        <translation>Porte-monnaie : {amount}</translation>
    </message>
    <message>
        <source>{name} — {left} left, until {date}</source>
        <translation>{name} — reste {left}, jusqu'au {date}</translation>
    </message>
    <message>
        <source>{name} — expired on {date}</source>
        <translation>{name} — expiré le {date}</translation>
    </message>
    <message>
        <source>{change} on {date}</source>
        <translation>{change} le {date}</translation>
    </message>
    <message>
        <source>History of {name}</source>
        <translation>Historique de {name}</translation>
    </message>
    <message>
        <source>Export the bookings of {name}</source>
        <translation>Exporter les réservations de {name}</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Fichiers agenda (*.ics)</translation>
    </message>
    <message>
        <source>Export bookings</source>
        <translation>Exporter les réservations</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>Le fichier n'a pas pu être enregistré : {error}</translation>
    </message>
    <message>
        <source>Remove this membership of {name}? Do it only for a membership entered by mistake.</source>
        <translation>Supprimer cette adhésion de {name} ? À faire uniquement pour une adhésion saisie par erreur.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>New member</source>
        <translation>Nouvel adhérent</translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation>Modifier l'adhérent</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Personne</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Structure (organisation)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Structure (organisation)</translation>
    </message>
    <message>
        <source>Identity and contact</source>
        <translation>Identité et coordonnées</translation>
    </message>
    <message>
        <source>Public, links and consents</source>
        <translation>Public, liens et consentements</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>P&amp;rénom :</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>SIRET:</source>
        <translation>SIRET :</translation>
    </message>
    <message>
        <source>14 digits</source>
        <translation>14 chiffres</translation>
    </message>
    <message>
        <source>VAT number:</source>
        <translation>N° de TVA :</translation>
    </message>
    <message>
        <source>e.g. FR40303265045 (if any)</source>
        <translation>ex. FR40303265045 (s'il y en a un)</translation>
    </message>
    <message>
        <source>Chorus Pro service code:</source>
        <translation>Code service Chorus Pro :</translation>
    </message>
    <message>
        <source>given by the public body (optional)</source>
        <translation>donné par l'organisme public (facultatif)</translation>
    </message>
    <message>
        <source>Commitment number:</source>
        <translation>N° d'engagement :</translation>
    </message>
    <message>
        <source>engagement juridique given by the public buyer (optional)</source>
        <translation>engagement juridique donné par l'acheteur public (facultatif)</translation>
    </message>
    <message>
        <source>Invoicing:</source>
        <translation>Facturation :</translation>
    </message>
    <message>
        <source>Monthly invoicing</source>
        <translation>Facturation mensuelle</translation>
    </message>
    <message>
        <source>Its usages are invoiced once a month, in one batch, instead of at the desk.</source>
        <translation>Ses usages sont facturés une fois par mois, en un seul lot, au lieu de l'être à l'accueil.</translation>
    </message>
    <message>
        <source>&amp;Birth year:</source>
        <translation>&amp;Année de naissance :</translation>
    </message>
    <message>
        <source>e.g. 1987 (optional)</source>
        <translation>ex. 1987 (facultatif)</translation>
    </message>
    <message>
        <source>Age band:</source>
        <translation>Tranche d'âge :</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail :</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Téléphone :</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>Code &amp;postal :</translation>
    </message>
    <message>
        <source>&amp;Commune:</source>
        <translation>&amp;Commune :</translation>
    </message>
    <message>
        <source>P&amp;ublic:</source>
        <translation>P&amp;ublic :</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>Genre :</translation>
    </message>
    <message>
        <source>Situation:</source>
        <translation>Situation :</translation>
    </message>
    <message>
        <source>Optional: asked for the funders' figures, never required.</source>
        <translation>Facultatif : demandé pour les chiffres des financeurs, jamais obligatoire.</translation>
    </message>
    <message>
        <source>Member of the organisation:</source>
        <translation>Membre de la structure :</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Newsletter:</source>
        <translation>Lettre d'information :</translation>
    </message>
    <message>
        <source>Agrees to receive the newsletter</source>
        <translation>Accepte de recevoir la lettre d'information</translation>
    </message>
    <message>
        <source>Photos:</source>
        <translation>Photos :</translation>
    </message>
    <message>
        <source>Agrees to appear in photos of the lab</source>
        <translation>Accepte d'apparaître sur les photos du lieu</translation>
    </message>
    <message>
        <source>Legal &amp;guardian:</source>
        <translation>Responsable &amp;légal :</translation>
    </message>
    <message>
        <source>required for a minor</source>
        <translation>obligatoire pour un mineur</translation>
    </message>
    <message>
        <source>Guardian's phone:</source>
        <translation>Téléphone du responsable :</translation>
    </message>
    <message>
        <source>Guardian's email:</source>
        <translation>E-mail du responsable :</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>N&amp;otes :</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Organisation &amp;name:</source>
        <translation>&amp;Nom de la structure :</translation>
    </message>
    <message>
        <source>Member {number} — {name}</source>
        <translation>Adhérent {number} — {name}</translation>
    </message>
</context>
<context>
    <name>MemberLink</name>
    <message>
        <source>optional: name, member number or town</source>
        <translation>facultatif : nom, n° d'adhérent ou commune</translation>
    </message>
    <message>
        <source>Linked member</source>
        <translation>Adhérent lié</translation>
    </message>
</context>
<context>
    <name>MemberRegistrationDialog</name>
    <message>
        <source>Register a member</source>
        <translation>Inscrire un adhérent</translation>
    </message>
    <message>
        <source>Type a name, a member number or a town</source>
        <translation>Tapez un nom, un numéro d'adhérent ou une commune</translation>
    </message>
    <message>
        <source>M&amp;ember:</source>
        <translation>A&amp;dhérent :</translation>
    </message>
    <message>
        <source>Find a member</source>
        <translation>Chercher un adhérent</translation>
    </message>
    <message>
        <source>Matching members</source>
        <translation>Adhérents trouvés</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Inscrire</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Member until</source>
        <translation>Fin d'adhésion</translation>
    </message>
    <message>
        <source>Archived member</source>
        <translation>Adhérent archivé</translation>
    </message>
    <message>
        <source>{name} (organisation)</source>
        <translation>{name} (structure)</translation>
    </message>
    <message>
        <source>{name} — archived</source>
        <translation>{name} — archivé</translation>
    </message>
    <message>
        <source>no membership</source>
        <translation>aucune adhésion</translation>
    </message>
    <message>
        <source>expired {date}</source>
        <translation>expiré {date}</translation>
    </message>
</context>
<context>
    <name>MemberUsagesBox</name>
    <message>
        <source>Usages not invoiced</source>
        <translation>Usages non facturés</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Machine or space</source>
        <translation>Machine ou espace</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Basket</source>
        <translation>Panier</translation>
    </message>
    <message>
        <source>Correct the usage…</source>
        <translation>Corriger l'usage…</translation>
    </message>
    <message>
        <source>Correct the selected usage</source>
        <translation>Corriger l'usage choisi</translation>
    </message>
    <message>
        <source>{day}, {start}–{end}</source>
        <translation>{day}, {start}–{end}</translation>
    </message>
    <message>
        <source>in the basket</source>
        <translation>dans le panier</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Search by name, member number, email or commune (Ctrl+F)</source>
        <translation>Rechercher par nom, n° d'adhérent, e-mail ou commune (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search members</source>
        <translation>Rechercher des adhérents</translation>
    </message>
    <message>
        <source>Filter by public</source>
        <translation>Filtrer par public</translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation>Filtrer par type</translation>
    </message>
    <message>
        <source>People and organisations</source>
        <translation>Personnes et structures</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Structures</translation>
    </message>
    <message>
        <source>Show &amp;archived</source>
        <translation>Afficher les &amp;archivés</translation>
    </message>
    <message>
        <source>Show archived members</source>
        <translation>Afficher les adhérents archivés</translation>
    </message>
    <message>
        <source>&amp;New member</source>
        <translation>&amp;Nouvel adhérent</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Nouvel adhérent</translation>
    </message>
    <message>
        <source>Create a member (Ctrl+N)</source>
        <translation>Créer un adhérent (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Edit the selected member</source>
        <translation>Modifier l'adhérent sélectionné</translation>
    </message>
    <message>
        <source>Open the selected member (Enter)</source>
        <translation>Ouvrir l'adhérent sélectionné (Entrée)</translation>
    </message>
    <message>
        <source>A&amp;rchive</source>
        <translation>A&amp;rchiver</translation>
    </message>
    <message>
        <source>Archive or restore the selected member</source>
        <translation>Archiver ou restaurer l'adhérent sélectionné</translation>
    </message>
    <message>
        <source>Im&amp;port members…</source>
        <translation>Im&amp;porter des membres…</translation>
    </message>
    <message>
        <source>Import members from a file</source>
        <translation>Importer des membres depuis un fichier</translation>
    </message>
    <message>
        <source>A spreadsheet, HelloAsso, Paheko or Fab Manager, with a preview (Ctrl+Shift+I)</source>
        <translation>Un tableur, HelloAsso, Paheko ou Fab Manager, avec un aperçu (Ctrl+Maj+I)</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Import members…</source>
        <translation>Importer des membres…</translation>
    </message>
    <message>
        <source>All publics</source>
        <translation>Tous les publics</translation>
    </message>
    <message>
        <source>No member matches “{query}”.</source>
        <translation>Aucun adhérent ne correspond à « {query} ».</translation>
    </message>
    <message>
        <source>1 member</source>
        <translation>1 adhérent</translation>
    </message>
    <message>
        <source>{count} members</source>
        <translation>{count} adhérents</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Archive the member</source>
        <translation>Archiver l'adhérent</translation>
    </message>
    <message>
        <source>Archive {name}? The member disappears from searches; every record is kept and you can restore them with “Show archived”.</source>
        <translation>Archiver {name} ? L'adhérent disparaît des recherches ; tout son historique est conservé et vous pouvez le restaurer avec « Afficher les archivés ».</translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <source>New membership</source>
        <translation>Nouvelle adhésion</translation>
    </message>
    <message>
        <source>P&amp;ublic:</source>
        <translation>P&amp;ublic :</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Au :</translation>
    </message>
    <message>
        <source>&amp;Fee (€):</source>
        <translation>&amp;Cotisation (€) :</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <source>Renew the membership</source>
        <translation>Renouveler l'adhésion</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>No membership fee is set for this public.</source>
        <translation>Aucune cotisation n'est fixée pour ce public.</translation>
    </message>
    <message>
        <source>Fee in force: {amount} ({duration})</source>
        <translation>Cotisation en vigueur : {amount} ({duration})</translation>
    </message>
    <message>
        <source>calendar year</source>
        <translation>année civile</translation>
    </message>
    <message>
        <source>school year</source>
        <translation>année scolaire</translation>
    </message>
    <message>
        <source>12 months</source>
        <translation>12 mois</translation>
    </message>
    <message>
        <source>one month</source>
        <translation>un mois</translation>
    </message>
</context>
<context>
    <name>MembershipLineDialog</name>
    <message>
        <source>Membership</source>
        <translation>Adhésion</translation>
    </message>
    <message>
        <source>&amp;Public:</source>
        <translation>&amp;Public :</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>A&amp;u :</translation>
    </message>
    <message>
        <source>F&amp;ee (€):</source>
        <translation>&amp;Cotisation (€) :</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé :</translation>
    </message>
    <message>
        <source>A membership already covers today: this one adds another.</source>
        <translation>Une adhésion couvre déjà aujourd'hui : celle-ci en ajoute une autre.</translation>
    </message>
    <message>
        <source>Last membership ended on {day}.</source>
        <translation>Dernière adhésion terminée le {day}.</translation>
    </message>
    <message>
        <source>&amp;Add to the basket</source>
        <translation>&amp;Ajouter au panier</translation>
    </message>
</context>
<context>
    <name>MonthlyTab</name>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Mois :</translation>
    </message>
    <message>
        <source>Month to invoice</source>
        <translation>Mois à facturer</translation>
    </message>
    <message>
        <source>Members invoiced monthly with usages not yet billed in that month. One invoice per member; stopping keeps the invoices already issued.</source>
        <translation>Adhérents facturés au mois ayant des utilisations non facturées ce mois-là. Une facture par adhérent ; arrêter garde les factures déjà émises.</translation>
    </message>
    <message>
        <source>Members to invoice</source>
        <translation>Adhérents à facturer</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Adhérent</translation>
    </message>
    <message>
        <source>Usages</source>
        <translation>Utilisations</translation>
    </message>
    <message>
        <source>Total incl. VAT</source>
        <translation>Total TTC</translation>
    </message>
    <message>
        <source>&amp;Invoice</source>
        <translation>&amp;Facturer</translation>
    </message>
    <message>
        <source>Monthly invoicing</source>
        <translation>Facturation mensuelle</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Facturer</translation>
    </message>
    <message>
        <source>Issuing the invoices…</source>
        <translation>Émission des factures…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Monthly invoicing progress</source>
        <translation>Avancement de la facturation mensuelle</translation>
    </message>
    <message numerus="yes">
        <source>%Ln members, {amount}</source>
        <translation>
            <numerusform>%Ln adhérent, {amount}</numerusform>
            <numerusform>%Ln adhérents, {amount}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issue %Ln invoices for {month}? Issued invoices cannot be changed.</source>
        <translation>
            <numerusform>Émettre %Ln facture pour {month} ? Une facture émise ne peut plus être modifiée.</numerusform>
            <numerusform>Émettre %Ln factures pour {month} ? Une facture émise ne peut plus être modifiée.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop the monthly invoicing</source>
        <translation>Arrêter la facturation mensuelle</translation>
    </message>
    <message>
        <source>Stopping after the invoice being issued…</source>
        <translation>Arrêt après la facture en cours d’émission…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoices issued.</source>
        <translation>
            <numerusform>%Ln facture émise.</numerusform>
            <numerusform>%Ln factures émises.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln members skipped.</source>
        <translation>
            <numerusform>%Ln adhérent ignoré.</numerusform>
            <numerusform>%Ln adhérents ignorés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped before the end: run it again for the rest.</source>
        <translation>Arrêtée avant la fin : relancez-la pour le reste.</translation>
    </message>
</context>
<context>
    <name>NationalDetails</name>
    <message>
        <source>Details (national model)</source>
        <translation>Détails (modèle national)</translation>
    </message>
    <message>
        <source>Optional: the fields of the national report of digital inclusion. They stay from one visit to the next.</source>
        <translation>Facultatif : les champs du compte rendu national de la médiation numérique. Ils restent d'une visite à l'autre.</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>Our premises</source>
        <translation>Nos locaux</translation>
    </message>
    <message>
        <source>From the purpose</source>
        <translation>Selon le motif</translation>
    </message>
    <message>
        <source>Referred elsewhere</source>
        <translation>Réorienté</translation>
    </message>
    <message>
        <source>Not referred</source>
        <translation>Non réorienté</translation>
    </message>
    <message>
        <source>Which structure?</source>
        <translation>Quelle structure ?</translation>
    </message>
    <message>
        <source>From the age band</source>
        <translation>Selon la tranche d'âge</translation>
    </message>
    <message>
        <source>from the town</source>
        <translation>selon la commune</translation>
    </message>
    <message>
        <source>First support</source>
        <translation>Premier accompagnement</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Lieu :</translation>
    </message>
    <message>
        <source>Equipment:</source>
        <translation>Matériel :</translation>
    </message>
    <message>
        <source>Themes:</source>
        <translation>Thématiques :</translation>
    </message>
    <message>
        <source>Autonomy:</source>
        <translation>Autonomie :</translation>
    </message>
    <message>
        <source>Referral:</source>
        <translation>Réorientation :</translation>
    </message>
    <message>
        <source>Referred to:</source>
        <translation>Réorienté vers :</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>Genre :</translation>
    </message>
    <message>
        <source>Age range:</source>
        <translation>Tranche d'âge :</translation>
    </message>
    <message>
        <source>Situation:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <source>INSEE code:</source>
        <translation>Code INSEE :</translation>
    </message>
    <message>
        <source>Activity type</source>
        <translation>Type d'activité</translation>
    </message>
    <message>
        <source>Place of the support</source>
        <translation>Lieu de l'accompagnement</translation>
    </message>
    <message>
        <source>Equipment used</source>
        <translation>Matériel numérique utilisé</translation>
    </message>
    <message>
        <source>Themes of the support</source>
        <translation>Thématiques de l'accompagnement</translation>
    </message>
    <message>
        <source>Autonomy reached</source>
        <translation>Niveau d'autonomie</translation>
    </message>
    <message>
        <source>Structure referred to</source>
        <translation>Structure de réorientation</translation>
    </message>
    <message>
        <source>Gender of the person</source>
        <translation>Genre de la personne</translation>
    </message>
    <message>
        <source>Age range of the person</source>
        <translation>Tranche d'âge de la personne</translation>
    </message>
    <message>
        <source>Situation of the person</source>
        <translation>Statut de la personne</translation>
    </message>
    <message>
        <source>INSEE code of the person's town</source>
        <translation>Code INSEE de la commune de la personne</translation>
    </message>
</context>
<context>
    <name>NationalLabels</name>
    <message>
        <source>Individual support</source>
        <translation>Accompagnement individuel</translation>
    </message>
    <message>
        <source>Group workshop</source>
        <translation>Atelier collectif</translation>
    </message>
    <message>
        <source>At our premises</source>
        <translation>Lieu d’activité</translation>
    </message>
    <message>
        <source>Another place</source>
        <translation>Autre lieu</translation>
    </message>
    <message>
        <source>At home</source>
        <translation>À domicile</translation>
    </message>
    <message>
        <source>Remotely</source>
        <translation>À distance</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Ordinateur</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation>Tablette</translation>
    </message>
    <message>
        <source>Other device</source>
        <translation>Autre matériel</translation>
    </message>
    <message>
        <source>No device</source>
        <translation>Pas de matériel</translation>
    </message>
    <message>
        <source>Digital skills check</source>
        <translation>Diagnostic numérique</translation>
    </message>
    <message>
        <source>Getting to grips with a device</source>
        <translation>Prendre en main du matériel</translation>
    </message>
    <message>
        <source>Device maintenance</source>
        <translation>Maintenance de matériel</translation>
    </message>
    <message>
        <source>Managing one's digital content</source>
        <translation>Gérer ses contenus numériques</translation>
    </message>
    <message>
        <source>Browsing the internet</source>
        <translation>Navigation sur internet</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Office software</source>
        <translation>Bureautique</translation>
    </message>
    <message>
        <source>Social networks, communication</source>
        <translation>Réseaux sociaux communication</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Online banking and shopping</source>
        <translation>Banque et achats en ligne</translation>
    </message>
    <message>
        <source>Supporting a professional</source>
        <translation>Accompagner un professionnel</translation>
    </message>
    <message>
        <source>Finding work</source>
        <translation>Insertion professionnelle</translation>
    </message>
    <message>
        <source>Staying safe online</source>
        <translation>Prévention en sécurité numérique</translation>
    </message>
    <message>
        <source>Parenting</source>
        <translation>Parentalité</translation>
    </message>
    <message>
        <source>School and digital</source>
        <translation>Scolarité et numérique</translation>
    </message>
    <message>
        <source>Creating with digital tools</source>
        <translation>Créer avec le numérique</translation>
    </message>
    <message>
        <source>Digital culture</source>
        <translation>Culture numérique</translation>
    </message>
    <message>
        <source>Artificial intelligence (AI)</source>
        <translation>Intelligence artificielle (IA)</translation>
    </message>
    <message>
        <source>Help with administrative procedures</source>
        <translation>Aide aux démarches administratives</translation>
    </message>
    <message>
        <source>Procedure: papers, elections, citizenship</source>
        <translation>Papiers - Élections - Citoyenneté</translation>
    </message>
    <message>
        <source>Procedure: family, schooling</source>
        <translation>Famille - Scolarité</translation>
    </message>
    <message>
        <source>Procedure: social, health</source>
        <translation>Social - Santé</translation>
    </message>
    <message>
        <source>Procedure: work, training, business</source>
        <translation>Travail - Formation - Entreprise</translation>
    </message>
    <message>
        <source>Procedure: housing</source>
        <translation>Logement</translation>
    </message>
    <message>
        <source>Procedure: transport, mobility</source>
        <translation>Transports - Mobilité</translation>
    </message>
    <message>
        <source>Procedure: money, taxes</source>
        <translation>Argent - Impôts</translation>
    </message>
    <message>
        <source>Procedure: justice</source>
        <translation>Justice</translation>
    </message>
    <message>
        <source>Procedure: foreigners, Europe</source>
        <translation>Étrangers - Europe</translation>
    </message>
    <message>
        <source>Procedure: leisure, sports, culture</source>
        <translation>Loisirs - Sports - Culture</translation>
    </message>
    <message>
        <source>Procedure: associations</source>
        <translation>Associations</translation>
    </message>
    <message>
        <source>With guidance</source>
        <translation>Avec guidage</translation>
    </message>
    <message>
        <source>Autonomous, guided when needed</source>
        <translation>Autonome avec guidage en cas de besoin</translation>
    </message>
    <message>
        <source>Autonomous</source>
        <translation>Autonome</translation>
    </message>
    <message>
        <source>Administration (town hall, prefecture…)</source>
        <translation>Administration (mairie, préfecture…)</translation>
    </message>
    <message>
        <source>Another digital inclusion place</source>
        <translation>Autre structure de médiation numérique</translation>
    </message>
    <message>
        <source>The body in charge of the procedure</source>
        <translation>Opérateur ou organisme en charge de la démarche administrative</translation>
    </message>
    <message>
        <source>Social help (social centre…)</source>
        <translation>Structure d’aide sociale (maison des solidarités, centre social…)</translation>
    </message>
    <message>
        <source>Employment help (France Travail, mission locale…)</source>
        <translation>Structure d’insertion professionnelle (France Travail, mission locale, chambre de commerce…)</translation>
    </message>
    <message>
        <source>Help with procedures (France Services…)</source>
        <translation>Structure d’aide aux démarches administratives (France Services…)</translation>
    </message>
    <message>
        <source>Other structure</source>
        <translation>Autre structure</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <source>Under 12</source>
        <translation>Moins de 12 ans</translation>
    </message>
    <message>
        <source>12–17</source>
        <translation>12 - 17 ans</translation>
    </message>
    <message>
        <source>18–24</source>
        <translation>18 - 24 ans</translation>
    </message>
    <message>
        <source>25–39</source>
        <translation>25 - 39 ans</translation>
    </message>
    <message>
        <source>40–59</source>
        <translation>40 - 59 ans</translation>
    </message>
    <message>
        <source>60–69</source>
        <translation>60 - 69 ans</translation>
    </message>
    <message>
        <source>70 and over</source>
        <translation>70 ans et plus</translation>
    </message>
    <message>
        <source>In school</source>
        <translation>Scolarisé</translation>
    </message>
    <message>
        <source>Unemployed</source>
        <translation>Sans emploi</translation>
    </message>
    <message>
        <source>Employed</source>
        <translation>En emploi</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retraité</translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation>Débutant</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>Intermédiaire</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Password or PIN:</source>
        <translation>&amp;Mot de passe ou code :</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Encore une fois :</translation>
    </message>
    <message>
        <source>A password of at least 8 characters, or a PIN of 4 to 6 digits.</source>
        <translation>Un mot de passe d'au moins 8 caractères, ou un code de 4 à 6 chiffres.</translation>
    </message>
</context>
<context>
    <name>NumberingPage</name>
    <message>
        <source>Invoice numbers</source>
        <translation>Numérotation des factures</translation>
    </message>
    <message>
        <source>Invoices and credit notes are numbered in one continuous sequence each, without gaps. {year} is the year, {counter:06} the counter on 6 digits (it starts again each year when the year is in the pattern). Keep the suggestion unless your accountant asks otherwise.</source>
        <translation>Factures et avoirs sont numérotés chacun en une suite continue, sans trou. {year} est l'année, {counter:06} le compteur sur 6 chiffres (il repart chaque année quand l'année figure dans le modèle). Gardez la proposition sauf si votre comptable demande autre chose.</translation>
    </message>
    <message>
        <source>Invoices:</source>
        <translation>Factures :</translation>
    </message>
    <message>
        <source>Credit notes:</source>
        <translation>Avoirs :</translation>
    </message>
    <message>
        <source>Next number: {number}</source>
        <translation>Prochain numéro : {number}</translation>
    </message>
</context>
<context>
    <name>OccurrenceModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Horaire</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Can be booked</source>
        <translation>Peut être réservée</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>Refusée : {reason}</translation>
    </message>
</context>
<context>
    <name>OpeningHours</name>
    <message>
        <source>{days}: {hours}</source>
        <translation>{days} : {hours}</translation>
    </message>
    <message>
        <source>Closed all day</source>
        <translation>Fermé toute la journée</translation>
    </message>
    <message>
        <source>Open {hours}</source>
        <translation>Ouvert {hours}</translation>
    </message>
    <message>
        <source>Closed {hours}</source>
        <translation>Fermé {hours}</translation>
    </message>
</context>
<context>
    <name>OpeningHoursDialog</name>
    <message>
        <source>Opening hours of {space}</source>
        <translation>Horaires d'ouverture : {space}</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Chaque semaine</translation>
    </message>
    <message>
        <source>Type the opening ranges of each day, e.g. “09:00-12:30, 13:30-18:00” (or “9h-12h30, 13h30-18h”). Leave a day empty when it is closed.</source>
        <translation>Saisissez les plages d'ouverture de chaque jour, par exemple « 09:00-12:30, 13:30-18:00 » (ou « 9h-12h30, 13h30-18h »). Laissez vide un jour de fermeture.</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <source>{day}:</source>
        <translation>{day} :</translation>
    </message>
    <message>
        <source>Copy Monday to Tuesday–Friday</source>
        <translation>Recopier le lundi du mardi au vendredi</translation>
    </message>
    <message>
        <source>Copy Monday's hours to Tuesday to Friday</source>
        <translation>Recopier les horaires du lundi du mardi au vendredi</translation>
    </message>
    <message>
        <source>Closed on public holidays</source>
        <translation>Fermé les jours fériés</translation>
    </message>
    <message>
        <source>Exceptional closures and openings</source>
        <translation>Fermetures et ouvertures exceptionnelles</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horaires</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>No exceptional closure or opening to come.</source>
        <translation>Aucune fermeture ni ouverture exceptionnelle à venir.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>Add an exceptional closure or opening</source>
        <translation>Ajouter une fermeture ou une ouverture exceptionnelle</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Remove the exceptional closure or opening</source>
        <translation>Supprimer la fermeture ou l'ouverture exceptionnelle</translation>
    </message>
    <message>
        <source>Added and removed at once.</source>
        <translation>Ajoutées et supprimées immédiatement.</translation>
    </message>
    <message>
        <source>Next public holidays:</source>
        <translation>Prochains jours fériés :</translation>
    </message>
    <message>
        <source>Every space</source>
        <translation>Tous les espaces</translation>
    </message>
    <message>
        <source>This space</source>
        <translation>Cet espace</translation>
    </message>
    <message>
        <source>Remove “{what}” on {day}? It applies to every space.</source>
        <translation>Supprimer « {what} » le {day} ? Cela concerne tous les espaces.</translation>
    </message>
    <message>
        <source>Remove “{what}” on {day}?</source>
        <translation>Supprimer « {what} » le {day} ?</translation>
    </message>
    <message>
        <source>Remove the exception</source>
        <translation>Supprimer l'exception</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <source>ends on</source>
        <translation>se termine le</translation>
    </message>
    <message>
        <source>{name}: has an end</source>
        <translation>{name} : a une fin</translation>
    </message>
</context>
<context>
    <name>OwnSecretDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Changer mon mot de passe</translation>
    </message>
    <message>
        <source>&amp;Current password or PIN:</source>
        <translation>Mot de passe ou code &amp;actuel :</translation>
    </message>
    <message>
        <source>&amp;New password or PIN:</source>
        <translation>&amp;Nouveau mot de passe ou code :</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Encore une fois :</translation>
    </message>
</context>
<context>
    <name>PackLineDialog</name>
    <message>
        <source>Pack</source>
        <translation>Forfait</translation>
    </message>
    <message>
        <source>&amp;Pack:</source>
        <translation>&amp;Forfait :</translation>
    </message>
    <message>
        <source>&amp;Add to the basket</source>
        <translation>&amp;Ajouter au panier</translation>
    </message>
</context>
<context>
    <name>PackMovementsDialog</name>
    <message>
        <source>Pack movements</source>
        <translation>Mouvements du forfait</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>use no. {id}</source>
        <translation>utilisation n° {id}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>PackTypeDialog</name>
    <message>
        <source>Pack</source>
        <translation>Forfait</translation>
    </message>
    <message>
        <source>New pack</source>
        <translation>Nouveau forfait</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>e.g. 10 hours of laser</source>
        <translation>ex. 10 heures de laser</translation>
    </message>
    <message>
        <source>&amp;Applies to:</source>
        <translation>&amp;S'applique à :</translation>
    </message>
    <message>
        <source>&amp;Hours:</source>
        <translation>&amp;Heures :</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mois</translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation>&amp;Valable :</translation>
    </message>
    <message>
        <source>&amp;Price (€):</source>
        <translation>&amp;Prix (€) :</translation>
    </message>
</context>
<context>
    <name>PacksTab</name>
    <message>
        <source>Prepaid packs of hours sold at the desk</source>
        <translation>Forfaits d'heures prépayées vendus à l'accueil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>S'applique à</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>Validité</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>&amp;New pack…</source>
        <translation>&amp;Nouveau forfait…</translation>
    </message>
    <message>
        <source>Edit the selected pack</source>
        <translation>Modifier le forfait sélectionné</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archiver</translation>
    </message>
    <message>
        <source>Archive or restore the selected pack</source>
        <translation>Archiver ou restaurer le forfait sélectionné</translation>
    </message>
    <message>
        <source>Show archived packs</source>
        <translation>Afficher les forfaits archivés</translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation>(archivé)</translation>
    </message>
    <message>
        <source>{count} months</source>
        <translation>{count} mois</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Archive the pack</source>
        <translation>Archiver le forfait</translation>
    </message>
    <message>
        <source>Archive the pack “{name}”? It is no longer sold; packs already bought stay usable.</source>
        <translation>Archiver le forfait « {name} » ? Il n'est plus vendu ; les forfaits déjà achetés restent utilisables.</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Backup passphrase</source>
        <translation>Phrase de passe des sauvegardes</translation>
    </message>
    <message>
        <source>Backups will be encrypted with this passphrase. Write it down and keep it away from the PC: without it an encrypted backup cannot be restored, by anyone. At least {n} characters; a sentence is easier to remember.</source>
        <translation>Les sauvegardes seront chiffrées avec cette phrase de passe. Notez-la et rangez-la loin du PC : sans elle, personne ne peut restaurer une sauvegarde chiffrée. Au moins {n} caractères ; une phrase se retient mieux.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Phrase de passe, une seconde fois</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase de passe :</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Encore une fois :</translation>
    </message>
    <message>
        <source>Encrypt the backups</source>
        <translation>Chiffrer les sauvegardes</translation>
    </message>
    <message>
        <source>Passphrase: at least {n} characters.</source>
        <translation>Phrase de passe : au moins {n} caractères.</translation>
    </message>
    <message>
        <source>Passphrase: the two entries differ.</source>
        <translation>Phrase de passe : les deux saisies diffèrent.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>To pay: {amount}</source>
        <translation>À payer : {amount}</translation>
    </message>
    <message>
        <source>&amp;Add a payment method</source>
        <translation>&amp;Ajouter un mode de paiement</translation>
    </message>
    <message>
        <source>Add a payment method</source>
        <translation>Ajouter un mode de paiement</translation>
    </message>
    <message>
        <source>Remaining to pay</source>
        <translation>Reste à payer</translation>
    </message>
    <message>
        <source>&amp;Validate the payment</source>
        <translation>&amp;Valider l'encaissement</translation>
    </message>
    <message>
        <source>Paid later by mandate: {amount}</source>
        <translation>Payé plus tard par mandat : {amount}</translation>
    </message>
    <message>
        <source>Remaining to pay: {amount}</source>
        <translation>Reste à payer : {amount}</translation>
    </message>
    <message>
        <source>Fully paid</source>
        <translation>Entièrement payé</translation>
    </message>
    <message>
        <source>Too much: {amount}</source>
        <translation>Trop perçu : {amount}</translation>
    </message>
    <message>
        <source>Payment received for “{purpose}”</source>
        <translation>Versement reçu pour « {purpose} »</translation>
    </message>
    <message>
        <source>&amp;Received on:</source>
        <translation>&amp;Reçu le :</translation>
    </message>
    <message>
        <source>&amp;Amount (€):</source>
        <translation>&amp;Montant (€) :</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
</context>
<context>
    <name>PaymentLine</name>
    <message>
        <source>Payment method</source>
        <translation>Mode de paiement</translation>
    </message>
    <message>
        <source>Amount paid (€)</source>
        <translation>Montant payé (€)</translation>
    </message>
    <message>
        <source>Tendered:</source>
        <translation>Remis :</translation>
    </message>
    <message>
        <source>Amount tendered (€)</source>
        <translation>Montant remis (€)</translation>
    </message>
    <message>
        <source>Change to give back</source>
        <translation>Monnaie à rendre</translation>
    </message>
    <message>
        <source>No.:</source>
        <translation>N° :</translation>
    </message>
    <message>
        <source>Cheque number</source>
        <translation>Numéro du chèque</translation>
    </message>
    <message>
        <source>Bank:</source>
        <translation>Banque :</translation>
    </message>
    <message>
        <source>Bank of the cheque</source>
        <translation>Banque du chèque</translation>
    </message>
    <message>
        <source>Terminal ref.:</source>
        <translation>Réf. TPE :</translation>
    </message>
    <message>
        <source>Card terminal reference</source>
        <translation>Référence du TPE</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Référence :</translation>
    </message>
    <message>
        <source>Transfer reference</source>
        <translation>Référence du virement</translation>
    </message>
    <message>
        <source>Number of vouchers</source>
        <translation>Nombre de chèques Pass</translation>
    </message>
    <message>
        <source>Value of one voucher (€)</source>
        <translation>Valeur d'un chèque Pass (€)</translation>
    </message>
    <message>
        <source>Nothing is paid now: the public body pays on its mandate.</source>
        <translation>Rien n'est payé maintenant : l'organisme public paie sur mandat.</translation>
    </message>
    <message>
        <source>Balance: {amount}</source>
        <translation>Solde : {amount}</translation>
    </message>
    <message>
        <source>Remove this payment</source>
        <translation>Retirer ce paiement</translation>
    </message>
    <message>
        <source>Not enough</source>
        <translation>Insuffisant</translation>
    </message>
    <message>
        <source>Change: {amount}</source>
        <translation>Monnaie : {amount}</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>Front desk</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Digital mediation</source>
        <translation>Médiation numérique</translation>
    </message>
    <message>
        <source>Treasury</source>
        <translation>Trésorerie</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>aucun rôle</translation>
    </message>
    <message>
        <source>manage members and their memberships</source>
        <translation>gérer les adhérents et leurs adhésions</translation>
    </message>
    <message>
        <source>book machines and record their use</source>
        <translation>réserver et enregistrer les passages</translation>
    </message>
    <message>
        <source>take payments at the desk</source>
        <translation>encaisser à l'accueil</translation>
    </message>
    <message>
        <source>follow machine maintenance</source>
        <translation>suivre l'entretien des machines</translation>
    </message>
    <message>
        <source>manage workshops and registrations</source>
        <translation>gérer les ateliers et les inscriptions</translation>
    </message>
    <message>
        <source>keep the cyber-base log</source>
        <translation>tenir le registre de la cyber-base</translation>
    </message>
    <message>
        <source>invoice and follow payments</source>
        <translation>facturer et suivre les encaissements</translation>
    </message>
    <message>
        <source>issue a credit note</source>
        <translation>émettre un avoir</translation>
    </message>
    <message>
        <source>close a period</source>
        <translation>clôturer une période</translation>
    </message>
    <message>
        <source>see and change the finances</source>
        <translation>consulter et modifier les finances</translation>
    </message>
    <message>
        <source>produce the reports</source>
        <translation>produire les rapports</translation>
    </message>
    <message>
        <source>export the accounts and tables</source>
        <translation>exporter la comptabilité et les tableaux</translation>
    </message>
    <message>
        <source>change the prices</source>
        <translation>modifier les tarifs</translation>
    </message>
    <message>
        <source>manage machines and spaces</source>
        <translation>gérer les machines et les espaces</translation>
    </message>
    <message>
        <source>change the structure's settings</source>
        <translation>modifier les paramètres de la structure</translation>
    </message>
    <message>
        <source>manage the accounts</source>
        <translation>gérer les comptes</translation>
    </message>
    <message>
        <source>import files</source>
        <translation>importer des fichiers</translation>
    </message>
    <message>
        <source>back up and restore the database</source>
        <translation>sauvegarder et restaurer la base</translation>
    </message>
    <message>
        <source>handle members' personal data</source>
        <translation>gérer les données personnelles des adhérents</translation>
    </message>
</context>
<context>
    <name>PersonalData</name>
    <message>
        <source>Newsletter given</source>
        <translation>Lettre d'information acceptée</translation>
    </message>
    <message>
        <source>Newsletter withdrawn</source>
        <translation>Lettre d'information retirée</translation>
    </message>
    <message>
        <source>Photos given</source>
        <translation>Photos acceptées</translation>
    </message>
    <message>
        <source>Photos withdrawn</source>
        <translation>Photos retirées</translation>
    </message>
    <message>
        <source>a basket is open in the member's name (validate or cancel it)</source>
        <translation>un panier est ouvert à son nom (validez-le ou annulez-le)</translation>
    </message>
    <message>
        <source>usages are not invoiced yet</source>
        <translation>des utilisations ne sont pas encore facturées</translation>
    </message>
    <message>
        <source>an invoice is not fully paid (or a credit note not refunded)</source>
        <translation>une facture n'est pas soldée (ou un avoir n'est pas remboursé)</translation>
    </message>
    <message>
        <source>bookings are to come or in progress</source>
        <translation>des réservations sont à venir ou en cours</translation>
    </message>
    <message>
        <source>registrations to sessions to come</source>
        <translation>des inscriptions à des séances à venir</translation>
    </message>
</context>
<context>
    <name>PersonalDataDialog</name>
    <message>
        <source>Personal data of {name}</source>
        <translation>Données personnelles de {name}</translation>
    </message>
    <message>
        <source>Personal data of the member</source>
        <translation>Données personnelles de l'adhérent</translation>
    </message>
    <message>
        <source>Everything held about {name} (no. {number}) can be handed over as a PDF to read and a JSON file (GDPR art. 15 and 20).</source>
        <translation>Tout ce qui est conservé sur {name} (n° {number}) peut lui être remis en PDF lisible et en fichier JSON (RGPD, art. 15 et 20).</translation>
    </message>
    <message>
        <source>Consents and their history</source>
        <translation>Consentements et leur historique</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Enregistré par</translation>
    </message>
    <message>
        <source>Consents history</source>
        <translation>Historique des consentements</translation>
    </message>
    <message>
        <source>&amp;Export (PDF and JSON)…</source>
        <translation>&amp;Exporter (PDF et JSON)…</translation>
    </message>
    <message>
        <source>Export the member's personal data</source>
        <translation>Exporter les données personnelles de l'adhérent</translation>
    </message>
    <message>
        <source>Anonymise</source>
        <translation>Anonymiser</translation>
    </message>
    <message>
        <source>Type the member's number to confirm:</source>
        <translation>Tapez le numéro de l'adhérent pour confirmer :</translation>
    </message>
    <message>
        <source>Member's number to confirm</source>
        <translation>Numéro de l'adhérent à confirmer</translation>
    </message>
    <message>
        <source>&amp;Anonymise</source>
        <translation>&amp;Anonymiser</translation>
    </message>
    <message>
        <source>Anonymise the member</source>
        <translation>Anonymiser l'adhérent</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Anonymised on {date}.</source>
        <translation>Anonymisé le {date}.</translation>
    </message>
    <message>
        <source>Cannot be anonymised yet: {reasons}.</source>
        <translation>Anonymisation impossible pour l'instant : {reasons}.</translation>
    </message>
    <message>
        <source>Irreversible: the name becomes “Anonyme n° {number}”; e-mail, phone, address, birth year, notes and consents are erased.</source>
        <translation>Irréversible : le nom devient « Anonyme n° {number} » ; courriel, téléphone, adresse, année de naissance, notes et consentements sont effacés.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoices and credit notes keep the buyer as issued (kept 10 years).</source>
        <translation>
            <numerusform>%Ln facture ou avoir garde l'acheteur tel qu'émis (conservé 10 ans).</numerusform>
            <numerusform>%Ln factures et avoirs gardent l'acheteur tel qu'émis (conservés 10 ans).</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the personal data of {name}</source>
        <translation>Exporter les données personnelles de {name}</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the personal data</source>
        <translation>Exporter les données personnelles</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>Le fichier n'a pas pu être écrit : {error}</translation>
    </message>
</context>
<context>
    <name>PersonalDataTab</name>
    <message>
        <source>Retention of members' data</source>
        <translation>Conservation des données des adhérents</translation>
    </message>
    <message>
        <source>A member's data is kept while they come and for a few years after their last activity, then anonymised. Their invoices stay, with the buyer as issued (10 years).</source>
        <translation>Les données d'un adhérent sont conservées tant qu'il vient, et quelques années après sa dernière activité, puis anonymisées. Ses factures restent, avec l'acheteur tel qu'émis (10 ans).</translation>
    </message>
    <message>
        <source>&amp;Without activity for:</source>
        <translation>&amp;Sans activité depuis :</translation>
    </message>
    <message>
        <source> years</source>
        <translation> ans</translation>
    </message>
    <message>
        <source>Years without activity</source>
        <translation>Années sans activité</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Lister</translation>
    </message>
    <message>
        <source>List the members without activity</source>
        <translation>Lister les adhérents sans activité</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Members without activity</source>
        <translation>Adhérents sans activité</translation>
    </message>
    <message>
        <source>&amp;Anonymise them…</source>
        <translation>&amp;Les anonymiser…</translation>
    </message>
    <message>
        <source>Anonymise the members listed</source>
        <translation>Anonymiser les adhérents listés</translation>
    </message>
    <message>
        <source>Register of processing activities</source>
        <translation>Registre des activités de traitement</translation>
    </message>
    <message>
        <source>The processings this software performs, with their purposes, legal bases, data, recipients and retention periods (GDPR art. 30).</source>
        <translation>Les traitements que ce logiciel réalise, avec leurs finalités, bases légales, données, destinataires et durées de conservation (RGPD, art. 30).</translation>
    </message>
    <message>
        <source>&amp;Register (PDF)…</source>
        <translation>&amp;Registre (PDF)…</translation>
    </message>
    <message>
        <source>Write the register of processing</source>
        <translation>Écrire le registre des traitements</translation>
    </message>
    <message>
        <source>can be anonymised</source>
        <translation>peut être anonymisé</translation>
    </message>
    <message numerus="yes">
        <source>%Ln members without activity;</source>
        <translation>
            <numerusform>%Ln adhérent sans activité ;</numerusform>
            <numerusform>%Ln adhérents sans activité ;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln can be anonymised.</source>
        <translation>
            <numerusform>%Ln peut être anonymisé.</numerusform>
            <numerusform>%Ln peuvent être anonymisés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Anonymise the members</source>
        <translation>Anonymiser les adhérents</translation>
    </message>
    <message numerus="yes">
        <source>Anonymise these %Ln members? This cannot be undone: their names, contact details, notes and consents are erased; their invoices stay.</source>
        <translation>
            <numerusform>Anonymiser cet adhérent ? C'est irréversible : son nom, ses coordonnées, ses notes et ses consentements sont effacés ; ses factures restent.</numerusform>
            <numerusform>Anonymiser ces %Ln adhérents ? C'est irréversible : leurs noms, coordonnées, notes et consentements sont effacés ; leurs factures restent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Anonymise %Ln members</source>
        <translation>
            <numerusform>Anonymiser %Ln adhérent</numerusform>
            <numerusform>Anonymiser %Ln adhérents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Anonymising %Ln members…</source>
        <translation>
            <numerusform>Anonymisation de %Ln adhérent…</numerusform>
            <numerusform>Anonymisation de %Ln adhérents…</numerusform>
        </translation>
    </message>
    <message>
        <source>Anonymisation progress</source>
        <translation>Avancement de l'anonymisation</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the anonymisation</source>
        <translation>Annuler l'anonymisation</translation>
    </message>
    <message>
        <source>Cancelling: nothing will be anonymised…</source>
        <translation>Annulation : rien ne sera anonymisé…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln members anonymised.</source>
        <translation>
            <numerusform>%Ln adhérent anonymisé.</numerusform>
            <numerusform>%Ln adhérents anonymisés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nobody was anonymised.</source>
        <translation>Annulé : personne n'a été anonymisé.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>Le fichier n'a pas pu être écrit : {error}</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Existing record</source>
        <translation>Fiche existante</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>{record} ({reason})</source>
        <translation>{record} ({reason})</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher :</translation>
    </message>
    <message>
        <source>Lines shown</source>
        <translation>Lignes affichées</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>Toutes les lignes</translation>
    </message>
    <message>
        <source>Refused lines</source>
        <translation>Lignes refusées</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <source>Lines of the file</source>
        <translation>Lignes du fichier</translation>
    </message>
    <message>
        <source>&amp;Duplicate:</source>
        <translation>&amp;Doublon :</translation>
    </message>
    <message>
        <source>What to do with the selected duplicate</source>
        <translation>Que faire du doublon sélectionné</translation>
    </message>
    <message>
        <source>Apply to &amp;all duplicates</source>
        <translation>Appliquer à &amp;tous les doublons</translation>
    </message>
    <message>
        <source>Apply this choice to all duplicates</source>
        <translation>Appliquer ce choix à tous les doublons</translation>
    </message>
    <message>
        <source>Check the &amp;whole file</source>
        <translation>&amp;Vérifier tout le fichier</translation>
    </message>
    <message>
        <source>Check the whole file again</source>
        <translation>Vérifier à nouveau tout le fichier</translation>
    </message>
    <message>
        <source>Skip the &amp;refused lines and import the others</source>
        <translation>Ignorer les lignes &amp;refusées et importer les autres</translation>
    </message>
    <message>
        <source>Skip the refused lines</source>
        <translation>Ignorer les lignes refusées</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <source>Price of {name}</source>
        <translation>Prix de {name}</translation>
    </message>
    <message>
        <source>&amp;Amount (€):</source>
        <translation>&amp;Montant (€) :</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Unité :</translation>
    </message>
    <message>
        <source>&amp;Billed:</source>
        <translation>&amp;Facturé :</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>À &amp;partir du :</translation>
    </message>
</context>
<context>
    <name>PriceReasons</name>
    <message>
        <source>{free} free this month ({left} left)</source>
        <translation>{free} gratuite du mois (reste {left})</translation>
    </message>
    <message>
        <source>{audience} price</source>
        <translation>tarif {audience}</translation>
    </message>
    <message>
        <source>{audience} member price</source>
        <translation>tarif {audience} adhérent</translation>
    </message>
    <message>
        <source>{audience} non-member price</source>
        <translation>tarif {audience} non adhérent</translation>
    </message>
    <message>
        <source>all-publics price</source>
        <translation>tarif tous publics</translation>
    </message>
    <message>
        <source>member price</source>
        <translation>tarif adhérent</translation>
    </message>
    <message>
        <source>non-member price</source>
        <translation>tarif non adhérent</translation>
    </message>
    <message>
        <source>price of public no. {audience_id}</source>
        <translation>tarif du public n° {audience_id}</translation>
    </message>
    <message>
        <source>per started quarter of an hour</source>
        <translation>au quart d'heure entamé</translation>
    </message>
    <message>
        <source>per started half hour</source>
        <translation>à la demi-heure entamée</translation>
    </message>
    <message>
        <source>per started hour</source>
        <translation>à l'heure entamée</translation>
    </message>
    <message>
        <source>per started {step}</source>
        <translation>par tranche de {step} entamée</translation>
    </message>
    <message>
        <source>per person and per session</source>
        <translation>par personne et par séance</translation>
    </message>
    <message>
        <source>flat rate per session</source>
        <translation>forfait par séance</translation>
    </message>
    <message>
        <source>no price in force</source>
        <translation>aucun tarif en vigueur</translation>
    </message>
    <message>
        <source>pack {label} ({left} left)</source>
        <translation>forfait {label} (reste {left})</translation>
    </message>
    <message>
        <source>prepaid pack ({left} left)</source>
        <translation>forfait prépayé (reste {left})</translation>
    </message>
    <message>
        <source>{percent} reduction</source>
        <translation>réduction {percent}</translation>
    </message>
    <message>
        <source>{label} reduction {percent}</source>
        <translation>réduction {label} {percent}</translation>
    </message>
</context>
<context>
    <name>PriceSummary</name>
    <message>
        <source>Estimated price</source>
        <translation>Prix estimé</translation>
    </message>
    <message>
        <source>No tariff in force</source>
        <translation>Aucun tarif en vigueur</translation>
    </message>
    <message>
        <source>instead of {price}</source>
        <translation>au lieu de {price}</translation>
    </message>
    <message>
        <source>no tariff in force</source>
        <translation>aucun tarif en vigueur</translation>
    </message>
</context>
<context>
    <name>PricedLinesTable</name>
    <message>
        <source>Item</source>
        <translation>Désignation</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>Prix catalogue</translation>
    </message>
    <message>
        <source>Reduction</source>
        <translation>Réduction</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>À payer</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Explication</translation>
    </message>
    <message>
        <source>Priced lines</source>
        <translation>Lignes tarifées</translation>
    </message>
    <message>
        <source>No tariff in force for a line: it is priced 0 €.</source>
        <translation>Aucun tarif en vigueur pour une ligne : elle est comptée 0 €.</translation>
    </message>
    <message>
        <source>No tariff in force</source>
        <translation>Aucun tarif en vigueur</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>PricesPage</name>
    <message>
        <source>Prices</source>
        <translation>Tarifs</translation>
    </message>
    <message>
        <source>Hourly price per public, from the catalogue's typical prices: type yours. The adults' price is also the price for anyone without a public. A price of 0 makes the use free for that public.</source>
        <translation>Prix de l'heure par public, d'après les prix habituels du catalogue : tapez les vôtres. Le prix adultes est aussi celui de toute personne sans public. Un prix de 0 rend l'usage gratuit pour ce public.</translation>
    </message>
    <message>
        <source>Starter prices per hour and per public</source>
        <translation>Prix de départ par heure et par public</translation>
    </message>
    <message>
        <source>Also set the consumables' typical prices (per unit, every public)</source>
        <translation>Fixer aussi les prix habituels des consommables (à l'unité, tous publics)</translation>
    </message>
    <message>
        <source>No equipment was picked: there is no price to set.</source>
        <translation>Aucun équipement choisi : il n'y a pas de prix à fixer.</translation>
    </message>
    <message>
        <source>{item} / {public}</source>
        <translation>{item} / {public}</translation>
    </message>
    <message>
        <source>Price not valid (example: 12,50) for: {cells}.</source>
        <translation>Prix non valide (exemple : 12,50) pour : {cells}.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The document could not be read for printing.</source>
        <translation>Le document n'a pas pu être lu pour l'impression.</translation>
    </message>
</context>
<context>
    <name>QuantityWarnings</name>
    <message>
        <source>more than the {stock} left in stock</source>
        <translation>plus que les {stock} en stock</translation>
    </message>
    <message>
        <source>{times} times the usual quantity (up to {usual})</source>
        <translation>c'est {times} fois la quantité habituelle (jusqu'à {usual})</translation>
    </message>
    <message>
        <source>{quantity} of {name}, that is {price}</source>
        <translation>{quantity} de {name}, soit {price}</translation>
    </message>
    <message>
        <source>{quantity} of {name}</source>
        <translation>{quantity} de {name}</translation>
    </message>
    <message>
        <source>{what}: {reasons}.</source>
        <translation>{what} : {reasons}.</translation>
    </message>
    <message>
        <source>Confirm?</source>
        <translation>Confirmer ?</translation>
    </message>
    <message>
        <source>Check the quantity</source>
        <translation>Vérifier la quantité</translation>
    </message>
    <message>
        <source>Confirm the quantity</source>
        <translation>Confirmer la quantité</translation>
    </message>
</context>
<context>
    <name>QuantityWords</name>
    <message>
        <source>sheet</source>
        <translation>plaque</translation>
    </message>
    <message>
        <source>sheets</source>
        <translation>plaques</translation>
    </message>
    <message>
        <source>piece</source>
        <translation>pièce</translation>
    </message>
    <message>
        <source>pieces</source>
        <translation>pièces</translation>
    </message>
    <message>
        <source>stitch</source>
        <translation>point</translation>
    </message>
    <message>
        <source>stitches</source>
        <translation>points</translation>
    </message>
    <message>
        <source>person</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>people</source>
        <translation>personnes</translation>
    </message>
    <message>
        <source>session</source>
        <translation>séance</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>séances</translation>
    </message>
</context>
<context>
    <name>QuotaDialog</name>
    <message>
        <source>Free quota</source>
        <translation>Gratuité mensuelle</translation>
    </message>
    <message>
        <source>New free quota</source>
        <translation>Nouvelle gratuité mensuelle</translation>
    </message>
    <message>
        <source>P&amp;ublic:</source>
        <translation>P&amp;ublic :</translation>
    </message>
    <message>
        <source>&amp;Applies to:</source>
        <translation>&amp;S'applique à :</translation>
    </message>
    <message>
        <source>&amp;Free hours per month:</source>
        <translation>&amp;Heures gratuites par mois :</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>À &amp;partir du :</translation>
    </message>
    <message>
        <source>U&amp;ntil:</source>
        <translation>&amp;Jusqu'au :</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu'au</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé :</translation>
    </message>
</context>
<context>
    <name>QuotasSection</name>
    <message>
        <source>Free monthly quotas</source>
        <translation>Gratuités mensuelles</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>S'applique à</translation>
    </message>
    <message>
        <source>Free per month</source>
        <translation>Gratuit par mois</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>New &amp;quota…</source>
        <translation>Nouvelle &amp;gratuité…</translation>
    </message>
    <message>
        <source>Edit the selected quota</source>
        <translation>Modifier la gratuité sélectionnée</translation>
    </message>
    <message>
        <source>End the &amp;quota</source>
        <translation>Terminer la g&amp;ratuité</translation>
    </message>
    <message>
        <source>End the selected quota</source>
        <translation>Terminer la gratuité sélectionnée</translation>
    </message>
    <message>
        <source>End the quota</source>
        <translation>Terminer la gratuité</translation>
    </message>
    <message>
        <source>End the free quota of {hours} per month for {public} on {day}?</source>
        <translation>Terminer la gratuité de {hours} par mois pour {public} le {day} ?</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason (kept in the journal):</source>
        <translation>Motif (gardé dans le journal) :</translation>
    </message>
    <message>
        <source>Reason of the removal</source>
        <translation>Motif de la suppression</translation>
    </message>
    <message>
        <source>e.g. entered twice</source>
        <translation>p. ex. saisie en double</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ReductionDialog</name>
    <message>
        <source>Reduction</source>
        <translation>Réduction</translation>
    </message>
    <message>
        <source>New reduction</source>
        <translation>Nouvelle réduction</translation>
    </message>
    <message>
        <source>P&amp;ublic:</source>
        <translation>P&amp;ublic :</translation>
    </message>
    <message>
        <source>&amp;Applies to:</source>
        <translation>&amp;S'applique à :</translation>
    </message>
    <message>
        <source>&amp;Reduction (%):</source>
        <translation>&amp;Réduction (%) :</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>À &amp;partir du :</translation>
    </message>
    <message>
        <source>U&amp;ntil:</source>
        <translation>&amp;Jusqu'au :</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu'au</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé :</translation>
    </message>
</context>
<context>
    <name>ReductionsSection</name>
    <message>
        <source>Percentage reductions</source>
        <translation>Réductions en pourcentage</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>S'applique à</translation>
    </message>
    <message>
        <source>Reduction</source>
        <translation>Réduction</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>&amp;New reduction…</source>
        <translation>&amp;Nouvelle réduction…</translation>
    </message>
    <message>
        <source>Edit the selected reduction</source>
        <translation>Modifier la réduction sélectionnée</translation>
    </message>
    <message>
        <source>E&amp;nd</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <source>End the selected reduction</source>
        <translation>Terminer la réduction sélectionnée</translation>
    </message>
    <message>
        <source>End the reduction</source>
        <translation>Terminer la réduction</translation>
    </message>
    <message>
        <source>End the reduction of {percent} for {public} on {day}? It no longer applies after that day.</source>
        <translation>Terminer la réduction de {percent} pour {public} le {day} ? Elle ne s'applique plus après ce jour.</translation>
    </message>
</context>
<context>
    <name>RegistrationTableModel</name>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Présence</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présents</translation>
    </message>
    <message>
        <source>waiting list no. {n}</source>
        <translation>liste d'attente n° {n}</translation>
    </message>
    <message>
        <source>not ticked</source>
        <translation>non pointé</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>Annual report</source>
        <translation>Rapport annuel</translation>
    </message>
    <message>
        <source>Funder reports</source>
        <translation>Comptes rendus aux financeurs</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
</context>
<context>
    <name>ResetSecretDialog</name>
    <message>
        <source>New password for {name}</source>
        <translation>Nouveau mot de passe pour {name}</translation>
    </message>
    <message>
        <source>Give them this password or PIN; they can change it once logged in.</source>
        <translation>Donnez-lui ce mot de passe ou ce code ; une fois connecté, il pourra le changer.</translation>
    </message>
    <message>
        <source>&amp;New password or PIN:</source>
        <translation>&amp;Nouveau mot de passe ou code :</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Encore une fois :</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Backups in {folder}, the newest first:</source>
        <translation>Sauvegardes dans {folder}, la plus récente d'abord :</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Adhérents</translation>
    </message>
    <message>
        <source>Invoices and credit notes</source>
        <translation>Factures et avoirs</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>Lecture des sauvegardes…</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase de passe :</translation>
    </message>
    <message>
        <source>Passphrase of the encrypted backup</source>
        <translation>Phrase de passe de la sauvegarde chiffrée</translation>
    </message>
    <message>
        <source>&amp;Other file…</source>
        <translation>&amp;Autre fichier…</translation>
    </message>
    <message>
        <source>Choose a backup file elsewhere</source>
        <translation>Choisir un fichier de sauvegarde ailleurs</translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation>&amp;Restaurer cette sauvegarde</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>Restaurer cette sauvegarde</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} Ko</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} Mo</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>endommagée</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>chiffrée</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>intègre</translation>
    </message>
    <message>
        <source>No backup in this folder: browse for a backup file elsewhere.</source>
        <translation>Aucune sauvegarde dans ce dossier : choisissez un fichier de sauvegarde ailleurs.</translation>
    </message>
    <message>
        <source>This backup is damaged: it cannot be restored. Choose another one.</source>
        <translation>Cette sauvegarde est endommagée : elle ne peut pas être restaurée. Choisissez-en une autre.</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Choisir une sauvegarde</translation>
    </message>
    <message>
        <source>Backups (*.sqlite *.sqlite.enc *.enc);;All files (*)</source>
        <translation>Sauvegardes (*.sqlite *.sqlite.enc *.enc);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read {file}: {e}</source>
        <translation>Impossible de lire {file} : {e}</translation>
    </message>
    <message>
        <source>Passphrase: type the passphrase of this backup.</source>
        <translation>Phrase de passe : tapez la phrase de passe de cette sauvegarde.</translation>
    </message>
    <message>
        <source>The current database will be set aside in {folder} (as {name}.before-restore-….sqlite); the application starts again on the backup of {when}. Whatever was recorded since then will only be in the file set aside.</source>
        <translation>La base actuelle sera mise de côté dans {folder} (sous le nom {name}.before-restore-….sqlite) ; l'application repart sur la sauvegarde du {when}. Ce qui a été enregistré depuis ne sera plus que dans le fichier mis de côté.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>&amp;Save the report…</source>
        <translation>&amp;Enregistrer le rapport…</translation>
    </message>
    <message>
        <source>Save the refused lines as a CSV report</source>
        <translation>Enregistrer les lignes refusées dans un rapport CSV</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <source>Roles of {name}</source>
        <translation>Rôles de {name}</translation>
    </message>
</context>
<context>
    <name>RulesGroup</name>
    <message>
        <source>Booking rules</source>
        <translation>Règles de réservation</translation>
    </message>
    <message>
        <source>Booked in s&amp;teps of:</source>
        <translation>Pa&amp;r tranches de :</translation>
    </message>
    <message>
        <source>M&amp;inimum duration:</source>
        <translation>Durée m&amp;inimale :</translation>
    </message>
    <message>
        <source>Ma&amp;ximum duration:</source>
        <translation>Durée ma&amp;ximale :</translation>
    </message>
    <message>
        <source>Prep&amp;aration after:</source>
        <translation>Préparati&amp;on après :</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Cleaning, cooling…: the resource stays blocked this long after each booking.</source>
        <translation>Nettoyage, refroidissement… : la ressource reste bloquée ce temps-là après chaque réservation.</translation>
    </message>
    <message>
        <source> days ahead</source>
        <translation> jours à l'avance</translation>
    </message>
    <message>
        <source>Bookable up t&amp;o:</source>
        <translation>Réservable jus&amp;qu'à :</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
</context>
<context>
    <name>SafeFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Type de fichier :</translation>
    </message>
    <message>
        <source>“{name}” is the database open in the application, or one of its working files: it cannot be used here. Choose another file.</source>
        <translation>« {name} » est la base de données ouverte dans l'application ou l'un de ses fichiers de travail : ce fichier ne peut pas être utilisé ici. Choisissez-en un autre.</translation>
    </message>
</context>
<context>
    <name>SellPackDialog</name>
    <message>
        <source>Sell a pack</source>
        <translation>Vendre un forfait</translation>
    </message>
    <message>
        <source>&amp;Pack:</source>
        <translation>&amp;Forfait :</translation>
    </message>
    <message>
        <source>{name} — {hours}, {price}</source>
        <translation>{name} — {hours}, {price}</translation>
    </message>
    <message>
        <source>&amp;Sold on:</source>
        <translation>&amp;Vendu le :</translation>
    </message>
    <message>
        <source>No pack is on sale: create pack types in Settings, Tariffs.</source>
        <translation>Aucun forfait en vente : créez des types de forfaits dans Réglages, Tarifs.</translation>
    </message>
    <message>
        <source>&amp;Sell</source>
        <translation>&amp;Vendre</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Vendre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>every machine and space</source>
        <translation>toutes les machines et tous les espaces</translation>
    </message>
    <message>
        <source>{hours} on {scope}, valid {months} months. Price: {price}.</source>
        <translation>{hours} sur {scope}, valable {months} mois. Prix : {price}.</translation>
    </message>
</context>
<context>
    <name>SeriesBox</name>
    <message>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <source>Credit notes</source>
        <translation>Avoirs</translation>
    </message>
    <message>
        <source>Number &amp;pattern:</source>
        <translation>&amp;Modèle de numéro :</translation>
    </message>
    <message>
        <source>Next number:</source>
        <translation>Prochain numéro :</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <source>Undo the pattern changes</source>
        <translation>Annuler les modifications du modèle</translation>
    </message>
    <message>
        <source>Use this pattern</source>
        <translation>Utiliser ce modèle</translation>
    </message>
    <message>
        <source>Use this pattern for invoices</source>
        <translation>Utiliser ce modèle pour les factures</translation>
    </message>
    <message>
        <source>Use this pattern for credit notes</source>
        <translation>Utiliser ce modèle pour les avoirs</translation>
    </message>
    <message>
        <source>Patterns used so far:</source>
        <translation>Modèles utilisés jusqu'ici :</translation>
    </message>
    <message>
        <source>History of the invoice patterns</source>
        <translation>Historique des modèles de numéro des factures</translation>
    </message>
    <message>
        <source>History of the credit note patterns</source>
        <translation>Historique des modèles de numéro des avoirs</translation>
    </message>
    <message>
        <source>{pattern} — default pattern, never changed</source>
        <translation>{pattern} — modèle par défaut, jamais modifié</translation>
    </message>
    <message>
        <source>{pattern} — since {date}</source>
        <translation>{pattern} — depuis le {date}</translation>
    </message>
    <message>
        <source>Invoices issued from now on will be numbered like {number}. Invoices already issued keep their numbers. Change the pattern?</source>
        <translation>Les factures émises à partir de maintenant seront numérotées comme {number}. Les factures déjà émises gardent leur numéro. Changer le modèle ?</translation>
    </message>
    <message>
        <source>Credit notes issued from now on will be numbered like {number}. Credit notes already issued keep their numbers. Change the pattern?</source>
        <translation>Les avoirs émis à partir de maintenant seront numérotés comme {number}. Les avoirs déjà émis gardent leur numéro. Changer le modèle ?</translation>
    </message>
    <message>
        <source>Change the number pattern</source>
        <translation>Changer le modèle de numéro</translation>
    </message>
    <message>
        <source>Change the pattern</source>
        <translation>Changer le modèle</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>SeriesDialog</name>
    <message>
        <source>Weekly series</source>
        <translation>Série hebdomadaire</translation>
    </message>
    <message>
        <source>{total} occurrences: one cannot be booked (in red). Skip it and book the {bookable} others, or cancel to change the booking.</source>
        <translation>{total} occurrences : une ne peut pas être réservée (en rouge). Ignorez-la et réservez les {bookable} autres, ou annulez pour modifier la réservation.</translation>
    </message>
    <message>
        <source>{total} occurrences: {refused} cannot be booked (listed in red). Skip them and book the {bookable} others, or cancel to change the booking.</source>
        <translation>{total} occurrences : {refused} ne peuvent pas être réservées (en rouge). Ignorez-les et réservez les {bookable} autres, ou annulez pour modifier la réservation.</translation>
    </message>
    <message>
        <source>{total} occurrences, all can be booked.</source>
        <translation>{total} occurrences, toutes réservables.</translation>
    </message>
    <message>
        <source>Occurrences of the series</source>
        <translation>Occurrences de la série</translation>
    </message>
    <message>
        <source>&amp;Skip it and book the {count} others</source>
        <translation>&amp;L'ignorer et réserver les {count} autres</translation>
    </message>
    <message>
        <source>&amp;Skip them and book the {count} others</source>
        <translation>&amp;Les ignorer et réserver les {count} autres</translation>
    </message>
    <message>
        <source>&amp;Book the {count} occurrences</source>
        <translation>&amp;Réserver les {count} occurrences</translation>
    </message>
    <message>
        <source>No occurrence of this series can be booked: change the booking.</source>
        <translation>Aucune occurrence de cette série ne peut être réservée : modifiez la réservation.</translation>
    </message>
</context>
<context>
    <name>SessionCalendar</name>
    <message>
        <source>Calendar of sessions</source>
        <translation>Calendrier des séances</translation>
    </message>
    <message>
        <source>Sessions of the day</source>
        <translation>Séances du jour</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Mois précédent</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Mois suivant</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Days of the month</source>
        <translation>Jours du mois</translation>
    </message>
    <message>
        <source>{session} (cancelled)</source>
        <translation>{session} (annulée)</translation>
    </message>
    <message>
        <source>Sessions of {day}</source>
        <translation>Séances du {day}</translation>
    </message>
    <message>
        <source>No session on {day}</source>
        <translation>Aucune séance le {day}</translation>
    </message>
</context>
<context>
    <name>SessionDetail</name>
    <message>
        <source>Registrations</source>
        <translation>Inscriptions</translation>
    </message>
    <message>
        <source>Double-click or F2 on the attendance to tick present, absent or excused.</source>
        <translation>Double-clic ou F2 sur la présence pour pointer présent, absent ou excusé.</translation>
    </message>
    <message>
        <source>Register a &amp;member…</source>
        <translation>Inscrire un &amp;adhérent…</translation>
    </message>
    <message>
        <source>Register a &amp;group…</source>
        <translation>Inscrire un &amp;groupe…</translation>
    </message>
    <message>
        <source>Import a &amp;list…</source>
        <translation>Importer une &amp;liste…</translation>
    </message>
    <message>
        <source>Register a class list or a list of participants from a spreadsheet</source>
        <translation>Inscrire une liste de classe ou de participants depuis un tableur</translation>
    </message>
    <message>
        <source>Cancel the re&amp;gistration</source>
        <translation>Annuler l'inscri&amp;ption</translation>
    </message>
    <message>
        <source>All &amp;present</source>
        <translation>&amp;Tous présents</translation>
    </message>
    <message>
        <source>Attendance &amp;sheet (PDF)</source>
        <translation>&amp;Feuille d'émargement (PDF)</translation>
    </message>
    <message>
        <source>Print the attendance s&amp;heet…</source>
        <translation>&amp;Imprimer la feuille d'émargement…</translation>
    </message>
    <message>
        <source>&amp;Edit the session…</source>
        <translation>&amp;Modifier la séance…</translation>
    </message>
    <message>
        <source>Cancel the sess&amp;ion</source>
        <translation>Annuler la séan&amp;ce</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>Aucune séance sélectionnée</translation>
    </message>
    <message>
        <source>Choose a session in the calendar or in the list of upcoming sessions.</source>
        <translation>Choisissez une séance dans le calendrier ou dans la liste des prochaines séances.</translation>
    </message>
    <message>
        <source>{session} (cancelled)</source>
        <translation>{session} (annulée)</translation>
    </message>
    <message>
        <source>{day}, {start} – {end} ({duration})</source>
        <translation>{day}, {start} – {end} ({duration})</translation>
    </message>
    <message>
        <source>Space: {space}</source>
        <translation>Espace : {space}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Machines held: {machines}</source>
        <translation>Machines réservées : {machines}</translation>
    </message>
    <message>
        <source>no machine</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Trainer: {trainer}</source>
        <translation>Formateur : {trainer}</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>Registered: {seats} — fill rate {percent}, {free} free, {waiting} waiting</source>
        <translation>Inscrits : {seats} — remplissage {percent}, {free} libres, {waiting} en attente</translation>
    </message>
    <message>
        <source>Present: {n} people</source>
        <translation>Présents : {n} personnes</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Note : {note}</translation>
    </message>
    <message>
        <source>{who}: attendance cleared.</source>
        <translation>{who} : présence effacée.</translation>
    </message>
    <message>
        <source>{who}: {n} people present.</source>
        <translation>{who} : {n} personnes présentes.</translation>
    </message>
    <message>
        <source>{who}: {attendance}.</source>
        <translation>{who} : {attendance}.</translation>
    </message>
    <message>
        <source>1 registration ticked present.</source>
        <translation>1 inscription pointée présente.</translation>
    </message>
    <message>
        <source>{n} registrations ticked present.</source>
        <translation>{n} inscriptions pointées présentes.</translation>
    </message>
    <message>
        <source>{who} is on the waiting list (no. {n}).</source>
        <translation>{who} est sur la liste d'attente (n° {n}).</translation>
    </message>
    <message>
        <source>{who} is registered ({price}).</source>
        <translation>{who} est inscrit·e ({price}).</translation>
    </message>
    <message>
        <source>Import a list</source>
        <translation>Importer une liste</translation>
    </message>
    <message>
        <source>Cancel the registration</source>
        <translation>Annuler l'inscription</translation>
    </message>
    <message>
        <source>Cancel the registration of {who}? Their seats go to the waiting list.</source>
        <translation>Annuler l'inscription de {who} ? Les places libérées vont à la liste d'attente.</translation>
    </message>
    <message>
        <source>The registration of {who} is cancelled.</source>
        <translation>L'inscription de {who} est annulée.</translation>
    </message>
    <message>
        <source>{who} moves from the waiting list to the registered.</source>
        <translation>{who} passe de la liste d'attente aux inscrits.</translation>
    </message>
    <message>
        <source>The session is changed.</source>
        <translation>La séance est modifiée.</translation>
    </message>
    <message>
        <source>Cancel the session</source>
        <translation>Annuler la séance</translation>
    </message>
    <message>
        <source>Cancel the session “{activity}”? Its machines and space are freed; the {n} registrations are kept but no longer hold seats.</source>
        <translation>Annuler la séance « {activity} » ? Ses machines et son espace sont libérés ; les {n} inscriptions sont conservées mais ne retiennent plus de places.</translation>
    </message>
    <message>
        <source>The session “{activity}” is cancelled.</source>
        <translation>La séance « {activity} » est annulée.</translation>
    </message>
    <message>
        <source>Print the attendance sheet</source>
        <translation>Imprimer la feuille d'émargement</translation>
    </message>
    <message>
        <source>Save the attendance sheet</source>
        <translation>Enregistrer la feuille d'émargement</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>Le fichier n'a pas pu être écrit : {error}</translation>
    </message>
    <message>
        <source>Attendance sheet saved: {path}</source>
        <translation>Feuille d'émargement enregistrée : {path}</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>New session</source>
        <translation>Nouvelle séance</translation>
    </message>
    <message>
        <source>Edit session</source>
        <translation>Modifier la séance</translation>
    </message>
    <message>
        <source>&amp;Activity:</source>
        <translation>&amp;Activité :</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Horaire :</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Heure de début</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Heure de fin</translation>
    </message>
    <message>
        <source>No space</source>
        <translation>Aucun espace</translation>
    </message>
    <message>
        <source>&amp;Space:</source>
        <translation>&amp;Espace :</translation>
    </message>
    <message>
        <source>&amp;Machines held:</source>
        <translation>&amp;Machines réservées :</translation>
    </message>
    <message>
        <source> seats</source>
        <translation> places</translation>
    </message>
    <message>
        <source>Ca&amp;pacity:</source>
        <translation>&amp;Places :</translation>
    </message>
    <message>
        <source>T&amp;rainer:</source>
        <translation>&amp;Formateur :</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <source>For the national model of digital inclusion (digital workshops)</source>
        <translation>Pour le modèle national de la médiation numérique (ateliers numériques)</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>Workshop level</source>
        <translation>Niveau de l'atelier</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>Ni&amp;veau :</translation>
    </message>
    <message>
        <source>T&amp;hemes:</source>
        <translation>&amp;Thématiques :</translation>
    </message>
    <message>
        <source>No theme</source>
        <translation>Aucune thématique</translation>
    </message>
    <message>
        <source>Workshop themes</source>
        <translation>Thématiques de l'atelier</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Horaire</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Formateur</translation>
    </message>
    <message>
        <source>Registered / seats</source>
        <translation>Inscrits / places</translation>
    </message>
    <message>
        <source>Fill rate</source>
        <translation>Remplissage</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Cancelled session</source>
        <translation>Séance annulée</translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <source>&amp;New session…</source>
        <translation>&amp;Nouvelle séance…</translation>
    </message>
    <message>
        <source>Plan a session (Ctrl+Shift+N)</source>
        <translation>Planifier une séance (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>Ac&amp;tivities…</source>
        <translation>Ac&amp;tivités…</translation>
    </message>
    <message>
        <source>Create, edit or archive the activities</source>
        <translation>Créer, modifier ou archiver les activités</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui vient de se passer</translation>
    </message>
    <message>
        <source>Upcoming sessions</source>
        <translation>Prochaines séances</translation>
    </message>
    <message>
        <source>The session is planned.</source>
        <translation>La séance est planifiée.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Setup assistant…</source>
        <translation>Assistant de configuration…</translation>
    </message>
    <message>
        <source>Open the setup assistant</source>
        <translation>Ouvrir l'assistant de configuration</translation>
    </message>
    <message>
        <source>I&amp;mport…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Import members or machines from a file</source>
        <translation>Importer des membres ou des machines depuis un fichier</translation>
    </message>
    <message>
        <source>Members…</source>
        <translation>Des membres…</translation>
    </message>
    <message>
        <source>Machines…</source>
        <translation>Des machines…</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Rubriques des paramètres</translation>
    </message>
    <message>
        <source>&amp;Structure</source>
        <translation>&amp;Structure</translation>
    </message>
    <message>
        <source>&amp;Publics</source>
        <translation>&amp;Publics</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>Co&amp;mptes</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Consumables</source>
        <translation>&amp;Consommables</translation>
    </message>
    <message>
        <source>&amp;Tariffs</source>
        <translation>&amp;Tarifs</translation>
    </message>
    <message>
        <source>&amp;Invoicing</source>
        <translation>&amp;Facturation</translation>
    </message>
    <message>
        <source>T&amp;eam</source>
        <translation>É&amp;quipe</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>Sau&amp;vegardes</translation>
    </message>
    <message>
        <source>Personal &amp;data</source>
        <translation>&amp;Données personnelles</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>D&amp;atabase</source>
        <translation>B&amp;ase de données</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Setup assistant</source>
        <translation>Assistant de configuration</translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation>Passer cette étape</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Étape suivante</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Étape précédente</translation>
    </message>
    <message>
        <source>Finish and save</source>
        <translation>Terminer et enregistrer</translation>
    </message>
    <message>
        <source>Cancel the assistant</source>
        <translation>Annuler l'assistant</translation>
    </message>
    <message>
        <source>Structure: {name}</source>
        <translation>Structure : {name}</translation>
    </message>
    <message>
        <source>Spaces: {names}</source>
        <translation>Espaces : {names}</translation>
    </message>
    <message>
        <source>Opening hours: set for the new spaces</source>
        <translation>Horaires d'ouverture : fixés pour les nouveaux espaces</translation>
    </message>
    <message>
        <source>Equipment: {names}</source>
        <translation>Équipements : {names}</translation>
    </message>
    <message>
        <source>Publics: {names}</source>
        <translation>Publics : {names}</translation>
    </message>
    <message>
        <source>New invoice numbering</source>
        <translation>Nouvelle numérotation des factures</translation>
    </message>
    <message>
        <source>Nothing to save: every step was skipped.</source>
        <translation>Rien à enregistrer : chaque étape a été passée.</translation>
    </message>
    <message>
        <source>Skipped: {steps}</source>
        <translation>Étapes passées : {steps}</translation>
    </message>
    <message>
        <source>{step} › {field}: {message}</source>
        <translation>{step} › {field} : {message}</translation>
    </message>
    <message>
        <source>Nothing was saved. {reasons}</source>
        <translation>Rien n'a été enregistré. {reasons}</translation>
    </message>
</context>
<context>
    <name>SimulatorTab</name>
    <message>
        <source>Re-price the usages of a period with other tariffs, to see what they would have brought in. Nothing is saved.</source>
        <translation>Recalculer les usages d’une période avec d’autres tarifs, pour voir ce qu’ils auraient rapporté. Rien n’est enregistré.</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>Début de la période</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Fin de la période</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Reload tariffs</source>
        <translation>Recharger les tarifs</translation>
    </message>
    <message>
        <source>Clear the scenario</source>
        <translation>Effacer le scénario</translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation>Simuler</translation>
    </message>
    <message>
        <source>Simulate (Ctrl+Enter)</source>
        <translation>Simuler (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Scenario editor</source>
        <translation>Éditeur du scénario</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Change (%)</source>
        <translation>Variation (%)</translation>
    </message>
    <message>
        <source>Change by public</source>
        <translation>Variation par public</translation>
    </message>
    <message>
        <source>By public</source>
        <translation>Par public</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Change by resource</source>
        <translation>Variation par ressource</translation>
    </message>
    <message>
        <source>By resource</source>
        <translation>Par ressource</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Nouveau prix</translation>
    </message>
    <message>
        <source>New prices of rules</source>
        <translation>Nouveaux prix des règles</translation>
    </message>
    <message>
        <source>New price for a rule</source>
        <translation>Nouveau prix d’une règle</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>Réel</translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation>Simulé</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Simulation result</source>
        <translation>Résultat de la simulation</translation>
    </message>
    <message>
        <source>Revenue by public</source>
        <translation>Recettes par public</translation>
    </message>
    <message>
        <source>Chart of real and simulated revenue by public</source>
        <translation>Graphique des recettes réelles et simulées par public</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Consumable</source>
        <translation>Consommable</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>de l’heure</translation>
    </message>
    <message>
        <source>per session</source>
        <translation>la séance</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>forfait</translation>
    </message>
    <message>
        <source>per unit</source>
        <translation>l’unité</translation>
    </message>
    <message>
        <source>(step {minutes} min)</source>
        <translation>(par tranche de {minutes} min)</translation>
    </message>
    <message>
        <source>No public / walk-in</source>
        <translation>Sans public / passage</translation>
    </message>
    <message>
        <source>All publics</source>
        <translation>Tous publics</translation>
    </message>
    <message>
        <source>members</source>
        <translation>adhérents</translation>
    </message>
    <message>
        <source>non-members</source>
        <translation>non-adhérents</translation>
    </message>
    <message>
        <source>Some cells are not valid (marked in red): a percentage such as +5 or -10,5, a price such as 12,50.</source>
        <translation>Certaines cases ne sont pas valides (en rouge) : un pourcentage comme +5 ou -10,5, un prix comme 12,50.</translation>
    </message>
    <message>
        <source>{count} usages from {first} to {last}.</source>
        <translation>{count} usages du {first} au {last}.</translation>
    </message>
    <message>
        <source>Revenue from usages: {real} real, {simulated} simulated ({diff}).</source>
        <translation>Recettes des usages : {real} réel, {simulated} simulé ({diff}).</translation>
    </message>
    <message>
        <source>Self-financing ratio: {before} before, {after} after.</source>
        <translation>Taux d’autofinancement : {before} avant, {after} après.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>SpaceDialog</name>
    <message>
        <source>Edit space</source>
        <translation>Modifier l'espace</translation>
    </message>
    <message>
        <source>New space</source>
        <translation>Nouvel espace</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>e.g. Fablab, Meeting room Causse</source>
        <translation>ex. Fablab, Salle de réunion du Causse</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non précisée</translation>
    </message>
    <message>
        <source> people</source>
        <translation> personnes</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>&amp;Capacité :</translation>
    </message>
    <message>
        <source>The space itself can be booked</source>
        <translation>L'espace lui-même peut être réservé</translation>
    </message>
    <message>
        <source>Booking:</source>
        <translation>Réservation :</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>Descri&amp;ption :</translation>
    </message>
    <message>
        <source>These rules apply when the space itself is booked.</source>
        <translation>Ces règles s'appliquent quand l'espace lui-même est réservé.</translation>
    </message>
</context>
<context>
    <name>SpaceKind</name>
    <message>
        <source>Fablab</source>
        <translation>Fablab</translation>
    </message>
    <message>
        <source>Coworking</source>
        <translation>Coworking</translation>
    </message>
    <message>
        <source>Meeting room</source>
        <translation>Salle de réunion</translation>
    </message>
    <message>
        <source>Cyber-base</source>
        <translation>Cyber-base</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>SpacesPage</name>
    <message>
        <source>Spaces</source>
        <translation>Espaces</translation>
    </message>
    <message>
        <source>The rooms of your tiers-lieu. Each machine belongs to a space and follows its opening hours. A space the machines you pick need is added anyway.</source>
        <translation>Les salles de votre tiers-lieu. Chaque machine appartient à un espace et suit ses horaires d'ouverture. L'espace dont les machines choisies ont besoin est ajouté de toute façon.</translation>
    </message>
    <message>
        <source>Another space:</source>
        <translation>Un autre espace :</translation>
    </message>
    <message>
        <source>e.g. Atelier bois (leave empty if none)</source>
        <translation>ex. Atelier bois (laisser vide s'il n'y en a pas)</translation>
    </message>
    <message>
        <source>Already in the database: {names}.</source>
        <translation>Déjà dans la base : {names}.</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <source>The people running the lab: employees, volunteers and civic service volunteers, with the hours they give a month. The annual report prints their head-count and hours.</source>
        <translation>Les personnes qui font vivre le lieu : salariés, bénévoles et volontaires en service civique, avec les heures qu'ils donnent par mois. Le rapport annuel en imprime l'effectif et les heures.</translation>
    </message>
    <message>
        <source>Staff and volunteers</source>
        <translation>Salariés et bénévoles</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Hours a month</source>
        <translation>Heures par mois</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Statut :</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>&amp;Rôle :</translation>
    </message>
    <message>
        <source>&amp;Hours a month:</source>
        <translation>&amp;Heures par mois :</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Jusqu'au :</translation>
    </message>
    <message>
        <source>Still here</source>
        <translation>Toujours présent</translation>
    </message>
    <message>
        <source>&amp;Left on:</source>
        <translation>Parti &amp;le :</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>No&amp;uveau</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Nouvelle personne</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the person</source>
        <translation>Enregistrer la personne</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Su&amp;pprimer</translation>
    </message>
    <message>
        <source>Remove the person</source>
        <translation>Supprimer la personne</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove {name}? Someone who left gets an end date instead.</source>
        <translation>Supprimer {name} ? Pour quelqu'un qui est parti, indiquez plutôt une date de départ.</translation>
    </message>
</context>
<context>
    <name>Stale</name>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Année de naissance</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Tranche d'âge</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Member of the organisation</source>
        <translation>Membre de la structure</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>VAT number</source>
        <translation>N° de TVA</translation>
    </message>
    <message>
        <source>Chorus Pro service code</source>
        <translation>Code service Chorus Pro</translation>
    </message>
    <message>
        <source>Commitment number</source>
        <translation>N° d'engagement</translation>
    </message>
    <message>
        <source>Monthly invoicing</source>
        <translation>Facturation mensuelle</translation>
    </message>
    <message>
        <source>Newsletter</source>
        <translation>Lettre d'information</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Legal guardian</source>
        <translation>Responsable légal</translation>
    </message>
    <message>
        <source>Guardian's phone</source>
        <translation>Téléphone du responsable</translation>
    </message>
    <message>
        <source>Guardian's email</source>
        <translation>E-mail du responsable</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Cotisation</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Adhérent</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valable du</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valable jusqu'au</translation>
    </message>
    <message>
        <source>Head-count</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>Responsible adult</source>
        <translation>Adulte responsable</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>Durée (minutes)</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>N° de série</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>Marque</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Hours per month</source>
        <translation>Heures par mois</translation>
    </message>
    <message>
        <source>Reduction</source>
        <translation>Réduction</translation>
    </message>
    <message>
        <source>Free minutes per month</source>
        <translation>Minutes offertes par mois</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Validity (months)</source>
        <translation>Validité (mois)</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Amount requested</source>
        <translation>Montant demandé</translation>
    </message>
    <message>
        <source>Amount granted</source>
        <translation>Montant accordé</translation>
    </message>
    <message>
        <source>Start of the period</source>
        <translation>Début de la période</translation>
    </message>
    <message>
        <source>End of the period</source>
        <translation>Fin de la période</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Échelon</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Reason for the status</source>
        <translation>Motif de l'état</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Adhésion</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>This record was changed on another desk ({by}, {at}) while you were typing.</source>
        <translation>Cette fiche a été modifiée sur un autre poste pendant votre saisie (par {by}, le {at}).</translation>
    </message>
    <message>
        <source>This record was changed on another desk ({at}) while you were typing.</source>
        <translation>Cette fiche a été modifiée sur un autre poste pendant votre saisie (le {at}).</translation>
    </message>
    <message>
        <source>This record was changed on another desk while you were typing.</source>
        <translation>Cette fiche a été modifiée sur un autre poste pendant votre saisie.</translation>
    </message>
    <message>
        <source>Current values: {values}.</source>
        <translation>Valeurs actuelles : {values}.</translation>
    </message>
    <message>
        <source>Nothing was saved: it is shown again as it is now; start again if needed.</source>
        <translation>Rien n'a été enregistré : l'affichage montre maintenant l'état actuel ; recommencez si besoin.</translation>
    </message>
    <message>
        <source>Your changes were not saved: reload the record and start again.</source>
        <translation>Vos modifications n'ont pas été enregistrées ; rechargez la fiche et recommencez.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <source>Reload the current values</source>
        <translation>Recharger les valeurs actuelles</translation>
    </message>
    <message>
        <source>Load the values saved by the other desk (what you typed here is replaced).</source>
        <translation>Charger les valeurs enregistrées par l'autre poste (ce que vous avez saisi ici est remplacé).</translation>
    </message>
</context>
<context>
    <name>StartBox</name>
    <message>
        <source>Usages billed before the software</source>
        <translation>Passages facturés avant le logiciel</translation>
    </message>
    <message>
        <source>If the lab billed its usages elsewhere before (a spreadsheet, another software), give the day invoicing starts here: older usages are never proposed in a basket nor in the monthly invoicing.</source>
        <translation>Si le lieu facturait ses passages ailleurs auparavant (tableur, autre logiciel), indiquez le jour où la facturation commence ici : les passages plus anciens ne sont jamais proposés dans un panier ni dans la facturation mensuelle.</translation>
    </message>
    <message>
        <source>Only propose the usages since</source>
        <translation>Ne proposer que les passages depuis le</translation>
    </message>
    <message>
        <source>Only propose the usages since a day</source>
        <translation>Ne proposer que les passages depuis une date</translation>
    </message>
    <message>
        <source>First day invoiced in the software</source>
        <translation>Premier jour facturé dans le logiciel</translation>
    </message>
    <message>
        <source>Save the day</source>
        <translation>Enregistrer la date</translation>
    </message>
    <message>
        <source>Save the first day invoiced</source>
        <translation>Enregistrer le premier jour facturé</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>No screen is available to open the window (run it from a desktop session). The database "{t}" is ready.</source>
        <translation>Aucun écran n'est disponible pour ouvrir la fenêtre (lancez l'application depuis une session de bureau). La base « {t} » est prête.</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Status of {machine}</source>
        <translation>État de {machine}</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Pourquoi :</translation>
    </message>
    <message>
        <source>e.g. Laser tube replaced, back on 12 March</source>
        <translation>ex. Tube laser remplacé, de retour le 12 mars</translation>
    </message>
    <message>
        <source>A note is required when the machine is not available.</source>
        <translation>Précisez pourquoi quand la machine n'est pas disponible.</translation>
    </message>
</context>
<context>
    <name>StructureTab</name>
    <message>
        <source>The identity of your tiers-lieu. It will be printed on invoices and reports.</source>
        <translation>L'identité de votre tiers-lieu. Elle figurera sur les factures et les rapports.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Legal form:</source>
        <translation>Forme juridique :</translation>
    </message>
    <message>
        <source>Share capital:</source>
        <translation>Capital social :</translation>
    </message>
    <message>
        <source>RCS city:</source>
        <translation>Ville du RCS :</translation>
    </message>
    <message>
        <source>SIRET:</source>
        <translation>SIRET :</translation>
    </message>
    <message>
        <source>RNA number:</source>
        <translation>N° RNA :</translation>
    </message>
    <message>
        <source>VAT number:</source>
        <translation>N° de TVA intracommunautaire :</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>Postcode:</source>
        <translation>Code postal :</translation>
    </message>
    <message>
        <source>Commune:</source>
        <translation>Commune :</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail :</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <source>Website:</source>
        <translation>Site web :</translation>
    </message>
    <message>
        <source>IBAN:</source>
        <translation>IBAN :</translation>
    </message>
    <message>
        <source>BIC:</source>
        <translation>BIC :</translation>
    </message>
    <message>
        <source>VAT regime:</source>
        <translation>Régime de TVA :</translation>
    </message>
    <message>
        <source>e.g. association loi 1901</source>
        <translation>ex. association loi 1901</translation>
    </message>
    <message>
        <source>W + 9 digits</source>
        <translation>W + 9 chiffres</translation>
    </message>
    <message>
        <source>e.g. 10 000 € (companies only)</source>
        <translation>ex. 10 000 € (sociétés seulement)</translation>
    </message>
    <message>
        <source>e.g. Cahors (companies only)</source>
        <translation>ex. Cahors (sociétés seulement)</translation>
    </message>
    <message>
        <source>Choose an image…</source>
        <translation>Choisir une image…</translation>
    </message>
    <message>
        <source>Choose a logo image</source>
        <translation>Choisir l'image du logo</translation>
    </message>
    <message>
        <source>Remove the logo</source>
        <translation>Retirer le logo</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo :</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>&amp;Annuler les modifications</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the structure</source>
        <translation>Enregistrer la structure</translation>
    </message>
    <message>
        <source>Default VAT rate:</source>
        <translation>Taux de TVA par défaut :</translation>
    </message>
    <message>
        <source>VAT on debits:</source>
        <translation>TVA sur les débits :</translation>
    </message>
    <message>
        <source>Option for paying VAT on debits (printed on invoices)</source>
        <translation>Option pour le paiement de la TVA d'après les débits (mentionnée sur les factures)</translation>
    </message>
    <message>
        <source>Fiscal year starts in:</source>
        <translation>Début de l'exercice comptable :</translation>
    </message>
    <message>
        <source>First month of the accounts' fiscal year (January: the calendar year). The FEC of year Y is the fiscal year that starts in Y.</source>
        <translation>Premier mois de l'exercice comptable (janvier : l'année civile). Le FEC de l'année A est l'exercice qui commence en A.</translation>
    </message>
    <message>
        <source>Card payments credited after:</source>
        <translation>Cartes bancaires créditées après :</translation>
    </message>
    <message>
        <source>Business days (weekends and public holidays skipped) between a card payment and the day the bank credits it: the accounts keep card payments on 5115 until then.</source>
        <translation>Jours ouvrés (hors week-ends et jours fériés) entre un paiement par carte et le jour où la banque le crédite : la comptabilité garde les paiements par carte au 5115 jusque-là.</translation>
    </message>
    <message>
        <source>Pass numérique voucher value (€):</source>
        <translation>Valeur d'un bon Pass numérique (€) :</translation>
    </message>
    <message>
        <source>The value of one voucher received at the cyber-base's drop-in desk, as the accounts count it (usually 10 €).</source>
        <translation>La valeur d'un bon reçu à l'accueil libre de la cyber-base, telle que la comptabilité la compte (10 € en général).</translation>
    </message>
    <message>
        <source>Payment terms:</source>
        <translation>Délai de paiement :</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>on receipt</source>
        <translation>à réception</translation>
    </message>
    <message>
        <source>Due date of invoices to organisations and of mandates: days after the invoice date (at most 60). Front-desk sales are paid at once.</source>
        <translation>Échéance des factures aux structures et des mandats administratifs : nombre de jours après la date de facture (60 au plus). Les ventes à l'accueil sont payées comptant.</translation>
    </message>
    <message>
        <source>Communes classified ZRR / FRR:</source>
        <translation>Communes classées ZRR / FRR :</translation>
    </message>
    <message>
        <source>Communes with a QPV:</source>
        <translation>Communes comptant un QPV :</translation>
    </message>
    <message>
        <source>INSEE codes or names, one a line or separated by commas</source>
        <translation>Codes INSEE ou noms, un par ligne ou séparés par des virgules</translation>
    </message>
    <message>
        <source>The communes of your territory in the funders' list (type or paste INSEE codes such as 46102, or names, with the postcode when several communes bear the name). The reports count the users living there.</source>
        <translation>Les communes de votre territoire figurant dans la liste des financeurs (saisissez ou collez des codes INSEE comme 46102, ou des noms, avec le code postal si plusieurs communes portent ce nom). Les rapports comptent les usagers qui y habitent.</translation>
    </message>
    <message>
        <source>Communes recognised: {count}.</source>
        <translation>Communes reconnues : {count}.</translation>
    </message>
    <message>
        <source>line {line}: “{entry}”</source>
        <translation>ligne {line} : « {entry} »</translation>
    </message>
    <message>
        <source>Not recognised: {entries}.</source>
        <translation>Non reconnues : {entries}.</translation>
    </message>
    <message numerus="yes">
        <source> business days</source>
        <translation>
            <numerusform> jour ouvré</numerusform>
            <numerusform> jours ouvrés</numerusform>
        </translation>
    </message>
    <message>
        <source>no logo</source>
        <translation>pas de logo</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Choisir le logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Ready</source>
        <translation>C'est prêt</translation>
    </message>
    <message>
        <source>« Finish » saves all of this at once; nothing is saved before.</source>
        <translation>« Terminer » enregistre tout cela d'un coup ; rien n'est enregistré avant.</translation>
    </message>
</context>
<context>
    <name>TariffGridModel</name>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>pas de prix</translation>
    </message>
    <message>
        <source>since {day}</source>
        <translation>depuis le {day}</translation>
    </message>
    <message>
        <source>until {day}</source>
        <translation>jusqu'au {day}</translation>
    </message>
    <message>
        <source>{price}, applied from: {source}</source>
        <translation>{price}, appliqué depuis : {source}</translation>
    </message>
    <message>
        <source>machine {name}</source>
        <translation>machine {name}</translation>
    </message>
    <message>
        <source>category {name}</source>
        <translation>catégorie {name}</translation>
    </message>
    <message>
        <source>space {name}</source>
        <translation>espace {name}</translation>
    </message>
    <message>
        <source>consumable {name}</source>
        <translation>consommable {name}</translation>
    </message>
    <message>
        <source>activity {name}</source>
        <translation>activité {name}</translation>
    </message>
    <message>
        <source>all publics</source>
        <translation>tous publics</translation>
    </message>
</context>
<context>
    <name>TariffGridTab</name>
    <message>
        <source>the first line must be: type;ressource;public;adhesion;unite;pas_minutes;prix;du;au</source>
        <translation>la première ligne doit être : type;ressource;public;adhesion;unite;pas_minutes;prix;du;au</translation>
    </message>
    <message>
        <source>the line must have 9 columns separated by ';'</source>
        <translation>la ligne doit avoir 9 colonnes séparées par « ; »</translation>
    </message>
    <message>
        <source>no such name in the database</source>
        <translation>ce nom n'existe pas dans la base</translation>
    </message>
    <message>
        <source>this value is not valid</source>
        <translation>cette valeur n'est pas valide</translation>
    </message>
    <message>
        <source>this value is required</source>
        <translation>cette valeur est obligatoire</translation>
    </message>
    <message>
        <source>the end date is before the start date</source>
        <translation>la date de fin est avant la date de début</translation>
    </message>
    <message>
        <source>Line {line}: {reason}</source>
        <translation>Ligne {line} : {reason}</translation>
    </message>
    <message>
        <source>Line {line}: the field {field} — {reason}</source>
        <translation>Ligne {line} : le champ {field} — {reason}</translation>
    </message>
    <message>
        <source>Prices in force on</source>
        <translation>Tarifs en vigueur le</translation>
    </message>
    <message>
        <source>Membership:</source>
        <translation>Adhésion :</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Adhésion</translation>
    </message>
    <message>
        <source>&amp;Edit the price…</source>
        <translation>&amp;Modifier le prix…</translation>
    </message>
    <message>
        <source>Edit the selected price</source>
        <translation>Modifier le prix sélectionné</translation>
    </message>
    <message>
        <source>&amp;Remove the price</source>
        <translation>&amp;Supprimer le prix</translation>
    </message>
    <message>
        <source>Remove the selected price</source>
        <translation>Supprimer le prix sélectionné</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>Show the history of the price</source>
        <translation>Afficher l'historique du prix</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xporter CSV…</translation>
    </message>
    <message>
        <source>Export the grid as CSV</source>
        <translation>Exporter la grille en CSV</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importer CSV…</translation>
    </message>
    <message>
        <source>Import prices from a CSV file</source>
        <translation>Importer des prix depuis un fichier CSV</translation>
    </message>
    <message>
        <source>Double-click a cell (or F2) to set its price from a date; Delete removes it from the grid date. Past prices are kept in the history.</source>
        <translation>Double-cliquez sur une case (ou F2) pour fixer son prix à partir d'une date ; Suppr le retire à partir de la date de la grille. Les anciens prix restent dans l'historique.</translation>
    </message>
    <message>
        <source>Prices in grey italics are inherited (from the machine's category, the every-public column or a price for members and non-members alike): they are what is charged until the cell gets its own price.</source>
        <translation>Les prix en gris italique sont hérités (de la catégorie de la machine, de la colonne « Tous publics » ou d'un prix sans distinction d'adhésion) : c'est ce qui est facturé tant que la case n'a pas son propre prix.</translation>
    </message>
    <message>
        <source>Price grid</source>
        <translation>Grille tarifaire</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>History of the price</source>
        <translation>Historique du prix</translation>
    </message>
    <message>
        <source>Price saved.</source>
        <translation>Prix enregistré.</translation>
    </message>
    <message>
        <source>Remove the price</source>
        <translation>Supprimer le prix</translation>
    </message>
    <message>
        <source>Remove the price of {resource} for {public} from {day} on? Earlier prices stay in the history.</source>
        <translation>Supprimer le prix de {resource} pour {public} à partir du {day} ? Les prix antérieurs restent dans l'historique.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>{resource}, {public}: {message}</source>
        <translation>{resource}, {public} : {message}</translation>
    </message>
    <message>
        <source>Price removed.</source>
        <translation>Prix supprimé.</translation>
    </message>
    <message>
        <source>Choose a cell of the grid to see its history.</source>
        <translation>Choisissez une case de la grille pour voir son historique.</translation>
    </message>
    <message>
        <source>History of {resource} — {public}</source>
        <translation>Historique de {resource} — {public}</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>sans fin</translation>
    </message>
    <message>
        <source>prices-{day}.csv</source>
        <translation>tarifs-{day}.csv</translation>
    </message>
    <message>
        <source>Export the prices</source>
        <translation>Exporter les tarifs</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>Le fichier n'a pas pu être écrit : {error}</translation>
    </message>
    <message>
        <source>Prices exported to {path}.</source>
        <translation>Tarifs exportés dans {path}.</translation>
    </message>
    <message>
        <source>Import prices</source>
        <translation>Importer des prix</translation>
    </message>
    <message>
        <source>The file could not be read: {error}</source>
        <translation>Le fichier n'a pas pu être lu : {error}</translation>
    </message>
    <message>
        <source>Importing the prices…</source>
        <translation>Import des prix en cours…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n'a été importé.</translation>
    </message>
    <message>
        <source>{count} prices imported from {day}.</source>
        <translation>{count} prix importés à partir du {day}.</translation>
    </message>
</context>
<context>
    <name>TariffWords</name>
    <message>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
    <message>
        <source>Machine categories</source>
        <translation>Catégories de machines</translation>
    </message>
    <message>
        <source>Spaces</source>
        <translation>Espaces</translation>
    </message>
    <message>
        <source>Consumables</source>
        <translation>Consommables</translation>
    </message>
    <message>
        <source>Workshops and trainings</source>
        <translation>Ateliers et formations</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Consumable</source>
        <translation>Consommable</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>per unit</source>
        <translation>par unité</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>à l'heure</translation>
    </message>
    <message>
        <source>per session per person</source>
        <translation>par séance et par personne</translation>
    </message>
    <message>
        <source>flat rate per session</source>
        <translation>forfait par séance</translation>
    </message>
    <message>
        <source>per started quarter of an hour</source>
        <translation>au quart d'heure entamé</translation>
    </message>
    <message>
        <source>per started half hour</source>
        <translation>à la demi-heure entamée</translation>
    </message>
    <message>
        <source>per started hour</source>
        <translation>à l'heure entamée</translation>
    </message>
    <message>
        <source>to the minute</source>
        <translation>à la minute</translation>
    </message>
    <message>
        <source>Calendar year</source>
        <translation>Année civile</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>Année scolaire</translation>
    </message>
    <message>
        <source>12 rolling months</source>
        <translation>12 mois glissants</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Sans distinction</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Adhérents</translation>
    </message>
    <message>
        <source>Non-members</source>
        <translation>Non-adhérents</translation>
    </message>
    <message>
        <source>g</source>
        <translation>g</translation>
    </message>
    <message>
        <source>sheet</source>
        <translation>plaque</translation>
    </message>
    <message>
        <source>m</source>
        <translation>m</translation>
    </message>
    <message>
        <source>m²</source>
        <translation>m²</translation>
    </message>
    <message>
        <source>1000 stitches</source>
        <translation>1000 points</translation>
    </message>
    <message>
        <source>piece</source>
        <translation>pièce</translation>
    </message>
    <message>
        <source>{amount}/h</source>
        <translation>{amount}/h</translation>
    </message>
    <message>
        <source>{amount}/session</source>
        <translation>{amount}/séance</translation>
    </message>
    <message>
        <source>{amount} flat</source>
        <translation>{amount} forfait</translation>
    </message>
    <message>
        <source>All publics</source>
        <translation>Tous publics</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>sans fin</translation>
    </message>
</context>
<context>
    <name>TariffsTab</name>
    <message>
        <source>Tariff sections</source>
        <translation>Sections des tarifs</translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation>&amp;Grille</translation>
    </message>
    <message>
        <source>&amp;Memberships</source>
        <translation>&amp;Adhésions</translation>
    </message>
    <message>
        <source>&amp;Reductions and free access</source>
        <translation>&amp;Réductions et gratuités</translation>
    </message>
    <message>
        <source>&amp;Packs</source>
        <translation>&amp;Forfaits</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>Time</source>
        <translation>Horaire</translation>
    </message>
    <message>
        <source>Machine or space</source>
        <translation>Machine ou espace</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} pers.</translation>
    </message>
    <message>
        <source>walk-in without booking</source>
        <translation>passage sans réservation</translation>
    </message>
    <message>
        <source>{status} — late (planned end {time})</source>
        <translation>{status} — en retard (fin prévue {time})</translation>
    </message>
    <message>
        <source>{status} — late (expected at {time})</source>
        <translation>{status} — en retard (arrivée prévue à {time})</translation>
    </message>
    <message>
        <source>{status} (walk-in)</source>
        <translation>{status} (passage)</translation>
    </message>
    <message>
        <source>Arrived at {time}</source>
        <translation>Arrivée à {time}</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>g</source>
        <translation>g</translation>
    </message>
    <message>
        <source>m</source>
        <translation>m</translation>
    </message>
    <message>
        <source>m²</source>
        <translation>m²</translation>
    </message>
    <message>
        <source>thousand stitches</source>
        <translation>milliers de points</translation>
    </message>
    <message>
        <source>sheet</source>
        <comment>after a number</comment>
        <translation>plaque</translation>
    </message>
    <message>
        <source>sheets</source>
        <comment>after a number</comment>
        <translation>plaques</translation>
    </message>
    <message>
        <source>piece</source>
        <comment>after a number</comment>
        <translation>pièce</translation>
    </message>
    <message>
        <source>pieces</source>
        <comment>after a number</comment>
        <translation>pièces</translation>
    </message>
    <message>
        <source>grams (g)</source>
        <translation>grammes (g)</translation>
    </message>
    <message>
        <source>sheets</source>
        <translation>plaques</translation>
    </message>
    <message>
        <source>metres (m)</source>
        <translation>mètres (m)</translation>
    </message>
    <message>
        <source>square metres (m²)</source>
        <translation>mètres carrés (m²)</translation>
    </message>
    <message>
        <source>thousands of stitches</source>
        <translation>milliers de points</translation>
    </message>
    <message>
        <source>pieces</source>
        <translation>pièces</translation>
    </message>
</context>
<context>
    <name>UnpaidTab</name>
    <message>
        <source>Unpaid invoices</source>
        <translation>Factures impayées</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Émise le</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>Âge (jours)</translation>
    </message>
    <message>
        <source>Overdue (days)</source>
        <translation>Retard (jours)</translation>
    </message>
    <message>
        <source>Total incl. VAT</source>
        <translation>Total TTC</translation>
    </message>
    <message>
        <source>Left to pay</source>
        <translation>Reste à payer</translation>
    </message>
    <message>
        <source>&amp;Reminder PDF…</source>
        <translation>&amp;Relance PDF…</translation>
    </message>
    <message>
        <source>A reminder letter listing every unpaid invoice of the selected buyer</source>
        <translation>Une lettre de relance listant toutes les factures impayées du client choisi</translation>
    </message>
    <message>
        <source>&amp;Print the reminder…</source>
        <translation>&amp;Imprimer la relance…</translation>
    </message>
    <message>
        <source>Reading the unpaid invoices…</source>
        <translation>Lecture des factures impayées…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unpaid, {amount} to collect</source>
        <translation>
            <numerusform>%Ln facture impayée, {amount} à encaisser</numerusform>
            <numerusform>%Ln factures impayées, {amount} à encaisser</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Relance</translation>
    </message>
    <message>
        <source>None of this buyer's unpaid invoices is due yet: nothing to remind.</source>
        <translation>Aucune facture impayée de ce client n'est encore échue : rien à relancer.</translation>
    </message>
    <message>
        <source>Save the reminder</source>
        <translation>Enregistrer la relance</translation>
    </message>
    <message>
        <source>reminder-{name}.pdf</source>
        <translation>relance-{name}.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print the reminder</source>
        <translation>Imprimer la relance</translation>
    </message>
</context>
<context>
    <name>UsageCorrection</name>
    <message>
        <source>Arrival</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Départ</translation>
    </message>
</context>
<context>
    <name>UsageCorrectionDialog</name>
    <message>
        <source>Correct the usage — {resource}</source>
        <translation>Corriger l'usage — {resource}</translation>
    </message>
    <message>
        <source>Actual &amp;arrival:</source>
        <translation>&amp;Arrivée réelle :</translation>
    </message>
    <message>
        <source>Actual &amp;departure:</source>
        <translation>&amp;Départ réel :</translation>
    </message>
    <message>
        <source>Actual arrival</source>
        <translation>Arrivée réelle</translation>
    </message>
    <message>
        <source>Actual departure</source>
        <translation>Départ réel</translation>
    </message>
    <message>
        <source>Consumables used (empty: none)</source>
        <translation>Consommables utilisés (vide : aucun)</translation>
    </message>
    <message>
        <source>Quantity of {name} ({unit})</source>
        <translation>Quantité de {name} ({unit})</translation>
    </message>
    <message>
        <source>No consumable on this usage.</source>
        <translation>Aucun consommable sur cet usage.</translation>
    </message>
    <message>
        <source>Price after the correction</source>
        <translation>Prix après correction</translation>
    </message>
    <message>
        <source>Priced lines after the correction</source>
        <translation>Lignes tarifées après correction</translation>
    </message>
    <message>
        <source>Corrections already made</source>
        <translation>Corrections déjà faites</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>&amp;Save the correction</source>
        <translation>&amp;Enregistrer la correction</translation>
    </message>
    <message>
        <source>Not invoiced yet: it can be corrected. Now charged {amount}.</source>
        <translation>Pas encore facturé : il peut être corrigé. Montant actuel : {amount}.</translation>
    </message>
    <message>
        <source>Its lines in the open basket follow the correction.</source>
        <translation>Ses lignes dans le panier ouvert suivent la correction.</translation>
    </message>
    <message>
        <source>The departure must be after the arrival.</source>
        <translation>Le départ doit être après l'arrivée.</translation>
    </message>
    <message>
        <source>Before: {before}. After the correction: {after}.</source>
        <translation>Avant : {before}. Après correction : {after}.</translation>
    </message>
</context>
<context>
    <name>VoucherClaimsDialog</name>
    <message>
        <source>Pass numérique claims</source>
        <translation>Demandes de remboursement Pass numérique</translation>
    </message>
    <message>
        <source>Each month, send the issuer the list of the voucher numbers taken at the cyber-base. When it pays, record the payment here: the accounts clear what it owed.</source>
        <translation>Chaque mois, envoyez à l'émetteur la liste des numéros de bons reçus à la cyber-base. Quand il paie, enregistrez le paiement ici : la comptabilité solde ce qu'il devait.</translation>
    </message>
    <message>
        <source>Vouchers close to expiry</source>
        <translation>Bons bientôt périmés</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Mois :</translation>
    </message>
    <message>
        <source>Month of the visits</source>
        <translation>Mois des visites</translation>
    </message>
    <message>
        <source>Vouchers left to claim</source>
        <translation>Bons restant à demander</translation>
    </message>
    <message>
        <source>&amp;Make the claim…</source>
        <translation>&amp;Établir la demande…</translation>
    </message>
    <message>
        <source>Make the month's claim and save it</source>
        <translation>Établir la demande du mois et l'enregistrer</translation>
    </message>
    <message>
        <source>Claims sent</source>
        <translation>Demandes envoyées</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation>Bons</translation>
    </message>
    <message>
        <source>Reimbursed</source>
        <translation>Remboursée</translation>
    </message>
    <message>
        <source>&amp;Paid on:</source>
        <translation>&amp;Payée le :</translation>
    </message>
    <message>
        <source>Day the issuer paid</source>
        <translation>Jour du paiement par l'émetteur</translation>
    </message>
    <message>
        <source>&amp;Record the reimbursement</source>
        <translation>Enregistrer le &amp;remboursement</translation>
    </message>
    <message>
        <source>Record the reimbursement of the claim</source>
        <translation>Enregistrer le remboursement de la demande</translation>
    </message>
    <message>
        <source>&amp;Save again…</source>
        <translation>Enregistrer de &amp;nouveau…</translation>
    </message>
    <message>
        <source>Save the claim again</source>
        <translation>Enregistrer de nouveau la demande</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Dernière action</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Vouchers not claimed yet that expire soon: {n} (the first, {number}, on {day}). Send them with this month's claim.</source>
        <translation>Bons pas encore demandés qui arrivent à échéance : {n} (le premier, {number}, le {day}). Envoyez-les avec la demande de ce mois.</translation>
    </message>
    <message>
        <source>Vouchers to claim: {n} ({amount})</source>
        <translation>Bons à demander : {n} ({amount})</translation>
    </message>
    <message>
        <source>Claim {reference} made ({amount}, vouchers: {n}).</source>
        <translation>Demande {reference} établie ({amount}, bons : {n}).</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Save the claim</source>
        <translation>Enregistrer la demande</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Reimbursement of {reference} recorded.</source>
        <translation>Remboursement de {reference} enregistré.</translation>
    </message>
</context>
<context>
    <name>VoucherNumbers</name>
    <message>
        <source>scan the voucher (or type its number, Enter)</source>
        <translation>scannez le bon (ou tapez son numéro, Entrée)</translation>
    </message>
    <message>
        <source>Pass numérique voucher number</source>
        <translation>Numéro de bon Pass numérique</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>Clear the voucher numbers</source>
        <translation>Vider les numéros de bons</translation>
    </message>
    <message>
        <source>Voucher numbers of this visit</source>
        <translation>Numéros de bons de cette visite</translation>
    </message>
    <message>
        <source>Voucher {number} is already in this visit's list.</source>
        <translation>Le bon {number} est déjà dans la liste de cette visite.</translation>
    </message>
    <message>
        <source>Vouchers: {numbers}</source>
        <translation>Bons : {numbers}</translation>
    </message>
</context>
<context>
    <name>VoucherSettlementDialog</name>
    <message>
        <source>&amp;Vouchers: issuers' settlements…</source>
        <translation>Règlements des émetteurs de &amp;bons…</translation>
    </message>
    <message>
        <source>Record a voucher issuer's settlement</source>
        <translation>Enregistrer le règlement d'un émetteur de bons</translation>
    </message>
    <message>
        <source>Pass numérique and other vouchers: what their issuers still owe, and record what they paid.</source>
        <translation>Pass numérique et autres chèques-services : ce que leurs émetteurs doivent encore, et l'enregistrement de ce qu'ils ont payé.</translation>
    </message>
    <message>
        <source>Voucher issuers' settlements</source>
        <translation>Règlements des émetteurs de chèques-services / Pass numérique</translation>
    </message>
    <message>
        <source>Vouchers received (paid invoices and the cyber-base's drop-in log) are owed by their issuer until it pays. Record here what it paid: the accounts move it from 4687 to the bank.</source>
        <translation>Les bons reçus (factures payées et accueil libre de la cyber-base) sont dus par leur émetteur jusqu'à son paiement. Enregistrez ici ce qu'il a payé : la comptabilité le passe du 4687 à la banque.</translation>
    </message>
    <message>
        <source>What each issuer owes</source>
        <translation>Ce que doit chaque émetteur</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payés</translation>
    </message>
    <message>
        <source>Still owed</source>
        <translation>Reste dû</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>É&amp;metteur :</translation>
    </message>
    <message>
        <source>&amp;Credited on:</source>
        <translation>&amp;Crédité le :</translation>
    </message>
    <message>
        <source>&amp;Vouchers:</source>
        <translation>&amp;Bons :</translation>
    </message>
    <message>
        <source>&amp;Amount (€):</source>
        <translation>Mon&amp;tant (€) :</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Référence :</translation>
    </message>
    <message>
        <source>the issuer's statement or the bank's</source>
        <translation>le relevé de l'émetteur ou de la banque</translation>
    </message>
    <message>
        <source>Record the &amp;settlement</source>
        <translation>Enregistrer le &amp;règlement</translation>
    </message>
    <message>
        <source>Record the settlement</source>
        <translation>Enregistrer le règlement</translation>
    </message>
    <message>
        <source>Pass numérique &amp;claims…</source>
        <translation>&amp;Demandes de remboursement…</translation>
    </message>
    <message>
        <source>Pass numérique claims</source>
        <translation>Demandes de remboursement Pass numérique</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>{count} · {amount}</source>
        <translation>{count} · {amount}</translation>
    </message>
    <message>
        <source>Recorded: {amount} on {day}.</source>
        <translation>Enregistré : {amount} le {day}.</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Walk-in without booking</source>
        <translation>Passage sans réservation</translation>
    </message>
    <message>
        <source>The member starts now; record the real times and consumables at the departure.</source>
        <translation>Le membre commence maintenant ; les heures réelles et les consommables s'enregistrent à son départ.</translation>
    </message>
    <message>
        <source>Type a name, a member number or a town</source>
        <translation>Saisissez un nom, un numéro d'adhérent ou une commune</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>&amp;Membre :</translation>
    </message>
    <message>
        <source>Find a member</source>
        <translation>Rechercher un membre</translation>
    </message>
    <message>
        <source>Matching members</source>
        <translation>Membres trouvés</translation>
    </message>
    <message>
        <source>Machine or &amp;space:</source>
        <translation>Machine ou &amp;espace :</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Planned &amp;end:</source>
        <translation>&amp;Fin prévue :</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Objet :</translation>
    </message>
    <message>
        <source>Reason for the exception:</source>
        <translation>Raison de l'exception :</translation>
    </message>
    <message>
        <source>e.g. trained today by the fab manager</source>
        <translation>p. ex. formation faite ce jour par le fabmanager</translation>
    </message>
    <message>
        <source>&amp;Start the walk-in</source>
        <translation>&amp;Commencer le passage</translation>
    </message>
</context>
<context>
    <name>WalletCreditDialog</name>
    <message>
        <source>Credit the wallet</source>
        <translation>Créditer le porte-monnaie</translation>
    </message>
    <message>
        <source>{name} — balance now: {balance}</source>
        <translation>{name} — solde actuel : {balance}</translation>
    </message>
    <message>
        <source>Balance now: {balance}</source>
        <translation>Solde actuel : {balance}</translation>
    </message>
    <message>
        <source>&amp;Amount (€):</source>
        <translation>&amp;Montant (€) :</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <source>e.g. paid in cash</source>
        <translation>ex. : payé en espèces</translation>
    </message>
    <message>
        <source>&amp;Credit</source>
        <translation>&amp;Créditer</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Créditer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>WalletTopupDialog</name>
    <message>
        <source>Wallet top-up</source>
        <translation>Crédit porte-monnaie</translation>
    </message>
    <message>
        <source>&amp;Amount (€):</source>
        <translation>&amp;Montant (€) :</translation>
    </message>
    <message>
        <source>Balance now: {amount}</source>
        <translation>Solde actuel : {amount}</translation>
    </message>
    <message>
        <source>&amp;Add to the basket</source>
        <translation>&amp;Ajouter au panier</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Tiers-Lieu Desktop</source>
        <translation>Bienvenue dans Tiers-Lieu Desktop</translation>
    </message>
    <message>
        <source>This assistant sets your tiers-lieu up in a few minutes: your structure and its VAT, your address and logo, opening hours, spaces, machines from a catalogue of common fablab and cyber-base equipment with their consumables and starter prices, your publics and your invoice numbers. Skip any step with « Skip this step » and come back with « Back »; nothing is saved before « Finish ». You can open it again from Settings.</source>
        <translation>Cet assistant configure votre tiers-lieu en quelques minutes : votre structure et sa TVA, votre adresse et votre logo, les horaires d'ouverture, les espaces, les machines choisies dans un catalogue d'équipements courants de fablab et de cyber-base avec leurs consommables et des prix de départ, vos publics et la numérotation de vos factures. Passez une étape avec « Passer cette étape » et revenez-y avec « Précédent » ; rien n'est enregistré avant « Terminer ». Vous pourrez le rouvrir depuis Paramètres.</translation>
    </message>
    <message>
        <source>Just looking? Try the application with a demonstration lab (members, bookings, invoices): it opens in its own window, on its own file; your database stays as it is.</source>
        <translation>Vous voulez seulement découvrir ? Essayez l'application avec un lieu de démonstration (adhérents, réservations, factures) : elle s'ouvre dans sa propre fenêtre, sur son propre fichier ; votre base reste telle quelle.</translation>
    </message>
    <message>
        <source>Try with demonstration data</source>
        <translation>Essayer avec des données de démonstration</translation>
    </message>
    <message>
        <source>User accounts and roles are not part of the application yet: whoever opens it at the desk can use it.</source>
        <translation>Les comptes utilisateurs et les rôles n'existent pas encore dans l'application : toute personne qui l'ouvre à l'accueil peut s'en servir.</translation>
    </message>
    <message>
        <source>The demonstration opens in another window (the first time it is built, which takes a few seconds).</source>
        <translation>La démonstration s'ouvre dans une autre fenêtre (la première fois, elle est construite : quelques secondes).</translation>
    </message>
    <message>
        <source>The demonstration could not be started. From a terminal: tierslieu --demo</source>
        <translation>La démonstration n'a pas pu être lancée. Depuis un terminal : tierslieu --demo</translation>
    </message>
</context>
<context>
    <name>_EndableSection</name>
    <message>
        <source>End</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Ended on {day}.</source>
        <translation>Terminé le {day}.</translation>
    </message>
</context>
</TS>
