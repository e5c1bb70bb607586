"""The `raadhuis` command: Django's management commands with start-up checks and plain errors."""

from __future__ import annotations

import os
import sys

# Commands that must work without a reachable database or a valid organisation setting.
ZONDER_CONTROLE = {
    "help",
    "--help",
    "-h",
    "version",
    "--version",
    "check",
    "makemigrations",
    "compilemessages",
    "makemessages",
    "collectstatic",
    "shell",
    "test",
    # Bulk redaction of PDF files (woo): no database involved.
    "lakken",
}


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadhuis.settings")

    import django
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    from raadhuis.core.opstart import Configuratiefout, controleer_alles

    try:
        django.setup()
        commando = argv[1] if len(argv) > 1 else "help"
        if commando not in ZONDER_CONTROLE:
            controleer_alles()
    except (ImproperlyConfigured, Configuratiefout) as fout:
        sys.stderr.write(f"raadhuis: {fout}\n")
        raise SystemExit(2) from None

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
