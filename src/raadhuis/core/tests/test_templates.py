"""Checks over every template of the project's apps."""

from __future__ import annotations

import re
from pathlib import Path

import raadhuis

TEMPLATES = sorted(Path(raadhuis.__file__).parent.glob("*/templates/**/*.*"))
# `{# … #}` must close on its own line: Django's lexer does not take a comment across lines, so
# an unclosed one is shown on the page as text (`{% comment %}` spans lines).
OPEN_COMMENTAAR = re.compile(r"\{#(?:(?!#\}).)*$", re.MULTILINE)


def test_every_template_comment_closes_on_its_line() -> None:
    assert TEMPLATES
    open_commentaar = [
        f"{pad.relative_to(Path(raadhuis.__file__).parent)}:{tekst[: m.start()].count(chr(10)) + 1}"
        for pad in TEMPLATES
        if pad.suffix in {".html", ".txt", ".xml"}
        for tekst in [pad.read_text(encoding="utf-8")]
        for m in OPEN_COMMENTAAR.finditer(tekst)
    ]
    assert open_commentaar == []
