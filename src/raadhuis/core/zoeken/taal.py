"""Dutch text to search terms: the same tokenising and Snowball stemming on index and query side.

Both engines get already-stemmed terms (SQLite FTS5 has no Dutch stemmer; PostgreSQL's `dutch`
configuration would stem differently from ours), so a query finds the same documents on either.
"""

from __future__ import annotations

import re
import sys
import threading
import unicodedata
from collections.abc import Iterable
from functools import cache

import Stemmer

# Words too common to help ranking; kept short on purpose (a Woo-zoeker may look for "niet").
STOPWOORDEN = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "in",
        "op",
        "te",
        "voor",
        "met",
        "aan",
        "als",
        "bij",
        "door",
        "dat",
        "die",
        "dit",
        "er",
        "is",
        "of",
        "om",
        "over",
        "tot",
        "uit",
        "zijn",
        "wordt",
        "worden",
        "naar",
        "ook",
        "nog",
        "wel",
        "al",
        "dan",
    ]
)
WOORD = re.compile(r"[0-9a-z]+")
_lokaal = threading.local()  # PyStemmer objects are not thread-safe


def _stemmer() -> Stemmer.Stemmer:
    stemmer = getattr(_lokaal, "stemmer", None)
    if stemmer is None:
        stemmer = Stemmer.Stemmer("dutch")
        _lokaal.stemmer = stemmer
    return stemmer


@cache
def _zonder_combinerende_tekens() -> dict[int, None]:
    """Every combining mark of Unicode, for str.translate: one pass in C instead of a Python test
    per character (indexing a document spent most of its time there)."""
    return {code: None for code in range(sys.maxunicode + 1) if unicodedata.combining(chr(code))}


def normaliseren(tekst: str) -> str:
    """Lower case without diacritics ("coöperatie" and "cooperatie" are one word to a searcher)."""
    if tekst.isascii():
        return tekst.lower()  # the same as casefold + NFKD for ASCII, and most text is ASCII
    return unicodedata.normalize("NFKD", tekst.casefold()).translate(_zonder_combinerende_tekens())


def woorden(tekst: str) -> list[str]:
    return WOORD.findall(normaliseren(tekst))


def termen(tekst: str, *, stopwoorden_weglaten: bool = True) -> list[str]:
    """The stemmed terms of a text, in order."""
    gevonden = [w for w in woorden(tekst) if not (stopwoorden_weglaten and w in STOPWOORDEN)]
    return list(_stemmer().stemWords(gevonden))


def geindexeerde_tekst(tekst: str) -> str:
    return " ".join(termen(tekst, stopwoorden_weglaten=False))


def stammen(tokens: list[str]) -> list[str]:
    """The stems of already normalised tokens, in one call."""
    return list(_stemmer().stemWords(tokens))


def stam_per_woord(woorden_in_tekst: Iterable[str]) -> dict[str, str]:
    """The stem of each word as it stands in a text (its first token; "" if it has none), stemmed
    in one call: a snippet looks up every distinct word of a document."""
    uniek = list(dict.fromkeys(woorden_in_tekst))
    tokens = [(woorden(woord) or [""])[0] for woord in uniek]
    return dict(zip(uniek, _stemmer().stemWords(tokens), strict=True))
