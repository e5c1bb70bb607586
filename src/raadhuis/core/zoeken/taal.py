"""Dutch text to search terms: the same tokenising and Snowball stemming on index and query side.

Both engines get already-stemmed terms (SQLite FTS5 has no Dutch stemmer; PostgreSQL's `dutch`
configuration would stem differently from ours), so a query finds the same documents on either.
"""

from __future__ import annotations

import re
import threading
import unicodedata

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


def normaliseren(tekst: str) -> str:
    """Lower case without diacritics ("coöperatie" and "cooperatie" are one word to a searcher)."""
    ontleed = unicodedata.normalize("NFKD", tekst.casefold())
    return "".join(teken for teken in ontleed if not unicodedata.combining(teken))


def woorden(tekst: str) -> list[str]:
    return WOORD.findall(normaliseren(tekst))


def termen(tekst: str, *, stopwoorden_weglaten: bool = True) -> list[str]:
    """The stemmed terms of a text, in order."""
    gevonden = [w for w in woorden(tekst) if not (stopwoorden_weglaten and w in STOPWOORDEN)]
    return list(_stemmer().stemWords(gevonden))


def geindexeerde_tekst(tekst: str) -> str:
    return " ".join(termen(tekst, stopwoorden_weglaten=False))
