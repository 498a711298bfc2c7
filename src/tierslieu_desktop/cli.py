"""Command line: ``tierslieu`` opens the window; sub-commands run headless."""

from __future__ import annotations

import argparse
import sys

from tierslieu_desktop import __version__, config


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tierslieu",
        description="Tiers-Lieu Desktop : gestion d'un fablab / tiers-lieu rural.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="fichier SQLite ou URL de base (défaut : $TIERSLIEU_DB, sinon le fichier "
        "de l'utilisateur)",
    )
    p.add_argument("--lang", choices=config.LANGUAGES, help="langue de l'interface (fr, en)")
    p.add_argument(
        "--demo",
        action="store_true",
        help="ouvrir la base de démonstration (créée au premier lancement)",
    )
    sub = p.add_subparsers(dest="command")
    demo = sub.add_parser("demo", help="créer une base de démonstration")
    demo.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    demo.add_argument("--size", choices=("small", "large"), default="small")
    demo.add_argument("--seed", type=int, default=46400)
    demo.add_argument("--force", action="store_true", help="remplacer une base existante")
    verify = sub.add_parser("verify", help="contrôler l'intégrité de la base")
    verify.add_argument("--db", dest="sub_db", metavar="PATH_OR_URL")
    return p


def _open_error_fr(exc) -> str:  # type: ignore[no-untyped-def]
    texts = {
        "not_a_database": "« {t} » n'est pas une base Tiers-Lieu : fichier laissé intact.",
        "foreign_database": "« {t} » est une base SQLite d'un autre logiciel : fichier laissé intact.",
        "newer_than_app": "« {t} » vient d'une version plus récente (schéma {d}) : "
        "mettez l'application à jour. Fichier laissé intact.",
        "cannot_open": "impossible d'ouvrir « {t} » : {d}",
        "not_found": "« {t} » n'existe pas.",
    }
    return texts.get(exc.code, "impossible d'ouvrir « {t} ».").format(t=exc.target, d=exc.detail)


def _fail(message: str) -> int:
    print(f"tierslieu: {message}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    target = getattr(args, "sub_db", None) or args.db
    if args.lang:
        config.save_setting("language", args.lang)
    if args.command == "demo":
        return _cmd_demo(target, args.size, args.seed, args.force)
    if args.command == "verify":
        return _cmd_verify(target)
    if args.demo and not target:
        target = str(config.demo_database_path())
        if not config.demo_database_path().exists():
            code = _cmd_demo(target, "small", 46400, False)
            if code:
                return code
    from tierslieu_desktop.app import run

    return run(target, args.lang)


def _cmd_demo(target: str | None, size: str, seed: int, force: bool) -> int:
    from pathlib import Path

    from tierslieu_desktop.db.engine import DatabaseOpenError, is_url, resolve_target
    from tierslieu_desktop.services.demo import DemoExists, build_demo

    target = resolve_target(target)
    if force and not is_url(target):
        path = Path(target)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    try:
        summary = build_demo(target, size=size, seed=seed)
    except DatabaseOpenError as exc:
        return _fail(_open_error_fr(exc))
    except DemoExists:
        return _fail(
            f"« {target} » contient déjà des données : choisissez un autre fichier "
            "ou ajoutez --force pour la remplacer."
        )
    print(f"Base de démonstration créée : {target} ({summary})")
    return 0


def _cmd_verify(target: str | None) -> int:
    from tierslieu_desktop.db.engine import DatabaseOpenError, open_database
    from tierslieu_desktop.services.integrity import verify

    try:
        db = open_database(target, create=False)
    except DatabaseOpenError as exc:
        return _fail(_open_error_fr(exc))
    problems = verify(db)
    db.dispose()
    if problems:
        for p in problems:
            print(f"tierslieu: {p}", file=sys.stderr)
        return 1
    print("Base intègre.")
    return 0
