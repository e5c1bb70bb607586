"""The automatic check of a reaction's text for abusive content, against the shipped word list."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from django.utils.translation import gettext as _

LIJST = Path(__file__).parent / "data" / "ongepaste_woorden.txt"
_CIJFERS = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_WOORD = re.compile(r"[a-z]+")


def _woorden(tekst: str) -> list[str]:
    zonder_accenten = "".join(
        teken for teken in unicodedata.normalize("NFKD", tekst.lower()) if not unicodedata.combining(teken)
    )
    return _WOORD.findall(zonder_accenten.translate(_CIJFERS))


@functools.cache
def _lijst() -> tuple[tuple[str, ...], ...]:
    regels = LIJST.read_text(encoding="utf-8").splitlines()
    return tuple(
        tuple(_woorden(regel)) for regel in regels if regel.strip() and not regel.lstrip().startswith("#")
    )


def ongepaste_woorden(tekst: str) -> list[str]:
    """The entries of the list found in the text, as whole words or whole phrases, in list order."""
    woorden = _woorden(tekst)
    gevonden: list[str] = []
    for zin in _lijst():
        lengte = len(zin)
        if any(tuple(woorden[i : i + lengte]) == zin for i in range(len(woorden) - lengte + 1)):
            gevonden.append(" ".join(zin))
    return gevonden


def bezwaar(tekst: str) -> str | None:
    """The Dutch message for a text with words from the list, or None when it has none."""
    gevonden = ongepaste_woorden(tekst)
    if not gevonden:
        return None
    return _(
        "Uw reactie bevat woorden die wij niet plaatsen of doorsturen (scheldwoorden, beledigingen of "
        "bedreigingen): %(woorden)s. Pas uw tekst aan en verstuur hem opnieuw."
    ) % {"woorden": ", ".join(f"“{woord}”" for woord in gevonden)}
