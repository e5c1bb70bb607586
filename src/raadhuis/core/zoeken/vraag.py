"""What a person types, as search terms and "quoted phrases" (stemmed like the index)."""

from __future__ import annotations

import re

from raadhuis.core.zoeken import taal

# A phrase is what stands between two double quotes (straight or typographic); an unpaired quote
# is ignored, so half a phrase still searches its words.
ZIN = re.compile(r'["“”„](.*?)["“”„]', re.DOTALL)
# More than this in one question is not a question; it also keeps the engine's work bounded.
MAX_DELEN = 32


def ontleden(vraag: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(terms, phrases). Terms lose stop words; phrases keep them, because the index holds every
    word in its place and "kosten van de zorg" should match only that order."""
    zinnen: list[tuple[str, ...]] = []
    for gevonden in ZIN.finditer(vraag):
        zin = tuple(taal.termen(gevonden.group(1), stopwoorden_weglaten=False))
        if zin and zin not in zinnen:
            zinnen.append(zin)
    rest = ZIN.sub(" ", vraag)
    termen = list(dict.fromkeys(taal.termen(rest)))
    in_zinnen = {term for zin in zinnen for term in zin}
    # A word also inside a phrase adds nothing the phrase does not already require.
    termen = [term for term in termen if term not in in_zinnen]
    return tuple(termen[:MAX_DELEN]), tuple(zinnen[: max(0, MAX_DELEN - len(termen))])
