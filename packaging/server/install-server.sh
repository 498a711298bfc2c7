#!/usr/bin/env bash
# Tiers-Lieu Desktop — installe le serveur PostgreSQL du lab (Debian 12 / Ubuntu 22.04+).
#
#   sudo bash install-server.sh 192.168.1.0/24              installe ou met à jour
#   bash install-server.sh --dry-run 192.168.1.0/24         dit ce qu'il ferait, ne change rien
#
# Le réseau donné (ici 192.168.1.0/24) est celui des postes du lab : seuls eux peuvent se
# connecter, en TLS, avec le mot de passe du rôle « tierslieu ». Relancer le script ne
# casse rien : ce qui est déjà fait est laissé tel quel (le mot de passe n'est pas changé,
# sauf avec --nouveau-mot-de-passe). Voir README-SERVEUR.md à côté de ce fichier.
set -euo pipefail

DB_NAME="tierslieu"
DB_ROLE="tierslieu"
PORT="5432"
BACKUP_DIR="/var/backups/tierslieu"
KEEP_DAYS="30"
BACKUP_SCRIPT="/usr/local/sbin/tierslieu-sauvegarde"
SERVICE_FILE="/etc/systemd/system/tierslieu-sauvegarde.service"
TIMER_FILE="/etc/systemd/system/tierslieu-sauvegarde.timer"
CRON_FILE="/etc/cron.d/tierslieu-sauvegarde"
SNAKEOIL_CERT="/etc/ssl/certs/ssl-cert-snakeoil.pem"
SNAKEOIL_KEY="/etc/ssl/private/ssl-cert-snakeoil.key"
HBA_MARK="# tierslieu: postes du lab"

DRY_RUN=0
NEW_PASSWORD=0
NETWORK=""

usage() {
    cat <<'EOF'
Usage : sudo bash install-server.sh [--dry-run] [--port N] [--nouveau-mot-de-passe] RESEAU

  RESEAU                  le réseau des postes du lab, par exemple 192.168.1.0/24
  --dry-run               affiche ce qui serait fait, sans rien changer (ni root requis)
  --port N                le port du serveur (5432 par défaut)
  --nouveau-mot-de-passe  génère un nouveau mot de passe pour le rôle tierslieu
EOF
}

say() { printf '%s\n' "$*"; }
fail() { printf 'install-server : %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
    case "$1" in
        --dry-run) DRY_RUN=1 ;;
        --port)
            [ $# -ge 2 ] || fail "--port attend un numéro"
            PORT="$2"
            shift
            ;;
        --nouveau-mot-de-passe | --reset-password) NEW_PASSWORD=1 ;;
        -h | --help) usage; exit 0 ;;
        -*) usage >&2; fail "option inconnue : $1" ;;
        *)
            [ -z "$NETWORK" ] || fail "un seul réseau, par exemple 192.168.1.0/24"
            NETWORK="$1"
            ;;
    esac
    shift
done

[ -n "$NETWORK" ] || { usage >&2; fail "donnez le réseau des postes, par exemple 192.168.1.0/24"; }
ipv4='^([0-9]{1,3}\.){3}[0-9]{1,3}/([0-9]|[12][0-9]|3[0-2])$'
ipv6='^[0-9a-fA-F:]+/([0-9]|[1-9][0-9]|1[01][0-9]|12[0-8])$'
if ! [[ "$NETWORK" =~ $ipv4 || "$NETWORK" =~ $ipv6 ]]; then
    fail "« $NETWORK » n'est pas un réseau (attendu : 192.168.1.0/24 ou 10.0.0.0/8)"
fi
if [[ "$NETWORK" =~ $ipv4 ]]; then
    IFS=./ read -r a b c d _mask <<<"$NETWORK"
    for n in "$a" "$b" "$c" "$d"; do
        [ "$n" -le 255 ] || fail "« $NETWORK » n'est pas un réseau IPv4 valide"
    done
fi
if ! [[ "$PORT" =~ ^[0-9]+$ ]] || [ "$PORT" -lt 1 ] || [ "$PORT" -gt 65535 ]; then
    fail "port invalide : $PORT"
fi
if [ "$DRY_RUN" -eq 0 ] && [ "$(id -u)" -ne 0 ]; then
    fail "à lancer en administrateur : sudo bash $0 $NETWORK (ou --dry-run pour voir)"
fi

# --- what changes the machine goes through these two ------------------------------------

run() {
    # a command that changes the machine: shown, and run unless --dry-run
    if [ "$DRY_RUN" -eq 1 ]; then
        say "[simulation] $*"
    else
        "$@"
    fi
}

write_file() {
    # write_file PATH MODE: the content comes on stdin; left alone when already the same
    local path="$1" mode="$2" content
    content="$(cat)"
    if [ -f "$path" ] && [ "$(cat "$path")" = "$content" ]; then
        say "déjà à jour : $path"
        return
    fi
    if [ "$DRY_RUN" -eq 1 ]; then
        say "[simulation] écrire $path (mode $mode) :"
        printf '%s\n' "$content" | sed 's/^/    | /'
        return
    fi
    install -d "$(dirname "$path")"
    printf '%s\n' "$content" >"$path"
    chmod "$mode" "$path"
    say "écrit : $path"
}

as_postgres() {
    # a read-only question to the server, as its administrator (nothing in --dry-run
    # when the server is not there yet)
    if command -v runuser >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

sql_literal() { printf "'%s'" "${1//\'/\'\'}"; }

# --- 1. the packages -------------------------------------------------------------------

say "== 1. Paquets : postgresql, ssl-cert (certificat du serveur)"
if dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q "install ok installed" &&
    dpkg-query -W -f='${Status}' ssl-cert 2>/dev/null | grep -q "install ok installed"; then
    say "déjà installés"
else
    run apt-get update
    run env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql ssl-cert
fi
# Debian's snakeoil certificate (made by ssl-cert at its installation): the one the
# postgresql package already names in postgresql.conf
if [ ! -f "$SNAKEOIL_CERT" ] || [ ! -f "$SNAKEOIL_KEY" ]; then
    run make-ssl-cert generate-default-snakeoil
fi
run adduser --quiet postgres ssl-cert

# the cluster the package made: /etc/postgresql/<version>/main
VERSION=""
if [ -d /etc/postgresql ]; then
    VERSION="$(find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V | tail -n 1)"
fi
if [ -z "$VERSION" ]; then
    [ "$DRY_RUN" -eq 1 ] || fail "aucun cluster PostgreSQL dans /etc/postgresql après l'installation"
    VERSION="<version>"
fi
CONF_DIR="/etc/postgresql/$VERSION/main"
say "cluster : $CONF_DIR"

# --- 2. listening on the lab's network, TLS, passwords hashed by SCRAM --------------------

say "== 2. Réseau et chiffrement (TLS)"
write_file "$CONF_DIR/conf.d/tierslieu.conf" 644 <<EOF
# Tiers-Lieu Desktop (install-server.sh) : les postes du lab se connectent par le réseau
listen_addresses = '*'
port = $PORT
ssl = on
ssl_cert_file = '$SNAKEOIL_CERT'
ssl_key_file = '$SNAKEOIL_KEY'
password_encryption = scram-sha-256
EOF

HBA="$CONF_DIR/pg_hba.conf"
HBA_LINE="hostssl $DB_NAME $DB_ROLE $NETWORK scram-sha-256"
if [ -f "$HBA" ] && grep -qxF "$HBA_LINE" "$HBA"; then
    say "déjà autorisé dans $HBA : $HBA_LINE"
elif [ "$DRY_RUN" -eq 1 ]; then
    say "[simulation] ajouter à $HBA : $HBA_MARK"
    say "[simulation]                 $HBA_LINE"
else
    printf '%s\n%s\n' "$HBA_MARK" "$HBA_LINE" >>"$HBA"
    say "ajouté à $HBA : $HBA_LINE"
fi

if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    run systemctl enable postgresql
    run systemctl restart postgresql
else
    run pg_ctlcluster "$VERSION" main restart
fi

# --- 3. the role and the database ------------------------------------------------------

say "== 3. Rôle et base « $DB_NAME »"
role_exists=0
db_exists=0
if [ "$DRY_RUN" -eq 0 ] || command -v psql >/dev/null 2>&1; then
    if as_postgres psql -p "$PORT" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_ROLE'" 2>/dev/null | grep -q 1; then
        role_exists=1
    fi
    if as_postgres psql -p "$PORT" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" 2>/dev/null | grep -q 1; then
        db_exists=1
    fi
fi

PASSWORD=""
if [ "$role_exists" -eq 0 ] || [ "$NEW_PASSWORD" -eq 1 ]; then
    # 24 letters and digits: typed once in Paramètres on each desk, then kept there
    PASSWORD="$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 24 || true)"
    verb="ALTER"
    [ "$role_exists" -eq 1 ] || verb="CREATE"
    statement="$verb ROLE $DB_ROLE LOGIN PASSWORD $(sql_literal "$PASSWORD")"
    if [ "$DRY_RUN" -eq 1 ]; then
        say "[simulation] psql : $verb ROLE $DB_ROLE LOGIN PASSWORD '<généré>'"
    else
        # on psql's standard input: the password never shows in the process list
        printf '%s;\n' "$statement" | as_postgres psql -p "$PORT" -q -v ON_ERROR_STOP=1
    fi
else
    say "le rôle $DB_ROLE existe déjà : mot de passe inchangé (--nouveau-mot-de-passe pour en changer)"
fi
if [ "$db_exists" -eq 1 ]; then
    say "la base $DB_NAME existe déjà : laissée telle quelle"
elif [ "$DRY_RUN" -eq 1 ]; then
    say "[simulation] createdb -O $DB_ROLE -E UTF8 -T template0 $DB_NAME"
else
    as_postgres createdb -p "$PORT" -O "$DB_ROLE" -E UTF8 -T template0 "$DB_NAME"
    say "base créée : $DB_NAME (propriétaire $DB_ROLE)"
fi

# --- 4. the nightly backup --------------------------------------------------------------

say "== 4. Sauvegarde chaque nuit dans $BACKUP_DIR ($KEEP_DAYS jours gardés)"
run install -d -o postgres -g postgres -m 700 "$BACKUP_DIR"
write_file "$BACKUP_SCRIPT" 755 <<EOF
#!/bin/sh
# Tiers-Lieu Desktop : sauvegarde de la base $DB_NAME (pg_dump, format custom), en tant
# que postgres ; les sauvegardes de plus de $KEEP_DAYS jours sont effacées.
set -eu
# lancé à la main par root (sudo tierslieu-sauvegarde) : refait en tant que postgres
if [ "\$(id -un)" != postgres ]; then exec runuser -u postgres -- "\$0" "\$@"; fi
umask 077
name="$BACKUP_DIR/tierslieu-\$(date -u +%Y%m%d-%H%M%S).dump"
trap 'rm -f "\$name.partiel"' EXIT  # une copie interrompue ne reste pas
pg_dump -p $PORT -Fc -f "\$name.partiel" $DB_NAME
mv "\$name.partiel" "\$name"
find "$BACKUP_DIR" -maxdepth 1 -name 'tierslieu-*.dump' -mtime +$KEEP_DAYS -delete
find "$BACKUP_DIR" -maxdepth 1 -name 'tierslieu-*.dump.partiel' -mtime +1 -delete
EOF
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    write_file "$SERVICE_FILE" 644 <<EOF
[Unit]
Description=Tiers-Lieu Desktop : sauvegarde de la base $DB_NAME
After=postgresql.service

[Service]
Type=oneshot
User=postgres
ExecStart=$BACKUP_SCRIPT
EOF
    write_file "$TIMER_FILE" 644 <<EOF
[Unit]
Description=Tiers-Lieu Desktop : sauvegarde chaque nuit

[Timer]
OnCalendar=*-*-* 02:30:00
Persistent=true

[Install]
WantedBy=timers.target
EOF
    run systemctl daemon-reload
    run systemctl enable --now tierslieu-sauvegarde.timer
else
    # no systemd (a container, an old NAS): cron does it
    write_file "$CRON_FILE" 644 <<EOF
# Tiers-Lieu Desktop : sauvegarde de la base $DB_NAME chaque nuit à 2 h 30
30 2 * * * postgres $BACKUP_SCRIPT
EOF
fi

# --- 5. the firewall, when ufw guards this machine ---------------------------------------

say "== 5. Pare-feu"
if command -v ufw >/dev/null 2>&1 && ufw status 2>/dev/null | grep -q "Status: active"; then
    run ufw allow from "$NETWORK" to any port "$PORT" proto tcp
else
    say "ufw n'est pas actif : si un autre pare-feu protège ce serveur, ouvrez-y le port $PORT/tcp pour $NETWORK"
fi

# --- what to type on each desk -----------------------------------------------------------

address="$(hostname -I 2>/dev/null | awk '{print $1}' || true)"
[ -n "$address" ] || address="$(hostname)"
say ""
say "== Terminé. Sur chaque poste : Paramètres › Base de données › Serveur PostgreSQL"
say "   Adresse du serveur : $address"
say "   Port               : $PORT"
say "   Base               : $DB_NAME"
say "   Utilisateur        : $DB_ROLE"
if [ -n "$PASSWORD" ] && [ "$DRY_RUN" -eq 0 ]; then
    say "   Mot de passe       : $PASSWORD"
    say ""
    say "   Notez ce mot de passe maintenant (sur papier, rangé) : il n'est affiché qu'une fois."
elif [ "$DRY_RUN" -eq 1 ]; then
    say "   Mot de passe       : (généré et affiché une seule fois, à la vraie installation)"
else
    say "   Mot de passe       : celui donné à la première installation"
fi
say "   Puis « Tester la connexion », et « Enregistrer »."
