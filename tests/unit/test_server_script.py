"""packaging/server/install-server.sh (issue 20, point 7): the lab's PostgreSQL server set
up by one command. Here: its syntax, shellcheck when installed, and its dry run — what
it would do on a Debian/Ubuntu machine, printed, nothing changed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "server" / "install-server.sh"
GUIDE = SCRIPT.with_name("README-SERVEUR.md")

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or shutil.which("bash") is None, reason="a bash script"
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT), *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_the_script_parses_and_shellcheck_finds_nothing():
    assert subprocess.run(["bash", "-n", str(SCRIPT)], check=False).returncode == 0
    if shutil.which("shellcheck"):
        done = subprocess.run(
            ["shellcheck", str(SCRIPT)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stdout


def test_the_dry_run_says_every_step_and_changes_nothing():
    marker = Path("/etc/cron.d/tierslieu-sauvegarde")
    before = marker.exists()
    done = _run("--dry-run", "192.168.1.0/24")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    # the lab's network only, over TLS, with a SCRAM password
    assert "hostssl tierslieu tierslieu 192.168.1.0/24 scram-sha-256" in out
    assert "ssl = on" in out and "listen_addresses = '*'" in out
    assert "password_encryption = scram-sha-256" in out
    # the nightly pg_dump, named like the application's backups, 30 days kept
    assert "pg_dump -p 5432 -Fc" in out and "tierslieu-$(date -u +%Y%m%d-%H%M%S).dump" in out
    assert "-mtime +30 -delete" in out
    assert "02:30" in out or "30 2 * * *" in out
    # what to type on each desk; no password shown by a dry run
    assert "Paramètres › Base de données" in out and "Port               : 5432" in out
    assert "Mot de passe       : (généré et affiché une seule fois" in out
    assert "[simulation]" in out
    assert marker.exists() == before


def test_another_port_and_a_wrong_network():
    done = _run("--dry-run", "--port", "5433", "10.0.0.0/8")
    assert done.returncode == 0 and "port = 5433" in done.stdout
    for bad in ("192.168.1.0", "300.1.1.0/24", "réseau"):
        refused = _run("--dry-run", bad)
        assert refused.returncode == 1
        assert f"« {bad} » n'est pas un réseau" in refused.stderr
    assert _run("--dry-run").returncode == 1


def test_the_server_guide_is_there_in_french():
    text = GUIDE.read_text(encoding="utf-8")
    for words in (
        "install-server.sh",
        "Paramètres › Base de données",
        "5432",
        "sslmode=require",
        "pg_restore",
        "tierslieu migrate --from",
        "/var/backups/tierslieu",
    ):
        assert words in text, words
