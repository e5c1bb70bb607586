"""Search for every module: hand documents to `document_bijwerken`, ask with `zoeken`.

Dutch stemming on both sides (core.zoeken.taal), one engine per database (core.zoeken.motoren).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db import transaction

from raadhuis.core.models import Zoekdocument
from raadhuis.core.zoeken import motoren, taal

MAX_AANTAL = 100
FRAGMENT_LENGTE = 220


@dataclass(frozen=True)
class Treffer:
    soort: str
    sleutel: str
    titel: str
    url: str
    datum: dt.date | None
    # The snippet as (text, is a matching word) pieces, so a template marks matches without |safe.
    fragment: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class Zoekresultaten:
    vraag: str
    totaal: int  # exact up to motoren.TEL_TOT; see meer_dan
    treffers: list[Treffer]
    begin: int
    aantal: int

    @property
    def meer_dan(self) -> bool:
        """More matches than were counted: show "meer dan 1.000"."""
        return self.totaal > motoren.TEL_TOT


@transaction.atomic
def document_bijwerken(
    *,
    soort: str,
    sleutel: str,
    titel: str,
    tekst: str,
    url: str,
    openbaar: bool,
    datum: dt.date | None = None,
) -> Zoekdocument:
    """Adds or replaces a document in the index; call it from the service that changes the thing,
    inside its transaction, so the index never runs ahead of or behind the data."""
    document, _ = Zoekdocument.objects.update_or_create(
        soort=soort,
        sleutel=sleutel,
        defaults={"titel": titel[:500], "tekst": tekst, "url": url, "openbaar": openbaar, "datum": datum},
    )
    motoren.indexeren(document.pk, taal.geindexeerde_tekst(titel), taal.geindexeerde_tekst(tekst))
    return document


@transaction.atomic
def document_verwijderen(*, soort: str, sleutel: str) -> None:
    Zoekdocument.objects.filter(soort=soort, sleutel=sleutel).delete()


def zoeken(
    *,
    vraag: str,
    soorten: tuple[str, ...] = (),
    alleen_openbaar: bool = True,
    aantal: int = 20,
    begin: int = 0,
) -> Zoekresultaten:
    """Documents holding every (stemmed) word of the question, best first. Anything a person types
    is safe: only letters and digits reach the engine."""
    aantal = max(1, min(aantal, MAX_AANTAL))
    begin = max(0, begin)
    termen = list(dict.fromkeys(taal.termen(vraag)))
    if not termen:
        return Zoekresultaten(vraag=vraag, totaal=0, treffers=[], begin=begin, aantal=aantal)
    filter = motoren.Filter(soorten=tuple(soorten), alleen_openbaar=alleen_openbaar)
    totaal, ids = motoren.zoeken(termen, filter, aantal=aantal, begin=begin)
    documenten = Zoekdocument.objects.in_bulk(ids)
    gezocht = set(termen)
    treffers = [
        Treffer(
            soort=d.soort,
            sleutel=d.sleutel,
            titel=d.titel,
            url=d.url,
            datum=d.datum,
            fragment=fragment(d.tekst or d.titel, gezocht),
        )
        for d in (documenten[i] for i in ids if i in documenten)
    ]
    return Zoekresultaten(vraag=vraag, totaal=totaal, treffers=treffers, begin=begin, aantal=aantal)


WOORDGRENS = re.compile(r"\w+", re.UNICODE)


def fragment(tekst: str, gezocht: set[str]) -> tuple[tuple[str, bool], ...]:
    """A window of the original text around the first matching word, matches marked."""
    woorden = list(WOORDGRENS.finditer(tekst))
    treffers = [
        w for w in woorden if (taal.termen(w.group(), stopwoorden_weglaten=False) or [""])[0] in gezocht
    ]
    start = max(0, treffers[0].start() - FRAGMENT_LENGTE // 3) if treffers else 0
    einde = min(len(tekst), start + FRAGMENT_LENGTE)
    # Do not cut words in half at either end.
    while start > 0 and tekst[start - 1].isalnum():
        start -= 1
    while einde < len(tekst) and tekst[einde].isalnum():
        einde += 1
    stukken: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    positie = start
    for woord in treffers:
        if woord.start() < start or woord.end() > einde:
            continue
        if woord.start() > positie:
            stukken.append((tekst[positie : woord.start()], False))
        stukken.append((woord.group(), True))
        positie = woord.end()
    if positie < einde:
        stukken.append((tekst[positie:einde], False))
    if einde < len(tekst):
        stukken.append(("…", False))
    return tuple(stukken)
