"""The result tables of votes (per fractie and per member) as plain rows, for many votes at once.

A council meeting page held thirty votes of thirty-one members each: read as model instances with
their person and fractie, and rendered with a `reverse()` and a `get_keuze_display()` per row, that
was most of the page's 190 ms under load (bench/load/pagina.py). Here the tables come from two
queries of plain values (the members' with their names joined in); each person's link is made
once, and each label is translated once. The rows are dicts: the template language tries a key
before an attribute. The meeting page shows only the fractie tables and the number of member
votes (`uitslagtabellen_zonder_leden`) and links each vote's own page, which shows how every
member voted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, TypedDict

from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from raadhuis.besluitvorming.models import Fractiestemresultaat, Persoon, Stem, Stemming


class Lidstem(TypedDict):
    naam: str
    url: str
    fractie: str
    keuze: str


class Fractieuitslag(TypedDict):
    naam: str
    url: str
    resultaat: str
    voor: int
    tegen: int


class Uitslagtabellen(TypedDict):
    per_fractie: list[Fractieuitslag]
    per_lid: list[Lidstem]  # empty when not asked for
    leden: int  # how many members' votes may be shown


# The rows of uitslagvragen: (stemming id, number of member votes) and (stemming id, fractie name,
# fractie slug, resultaat, voor, tegen).
Aantalrij = tuple[int, int]
Fractierij = tuple[int, str, str, str, int, int]


def uitslagvragen(welke: Q) -> tuple[QuerySet[Any, Aantalrij], QuerySet[Fractiestemresultaat, Fractierij]]:
    """The two queries behind the tables without members: each vote's number of member votes and
    its fractie results by fractie name, of the votes `welke` selects (a Q on `stemming__`: ids,
    or a meeting's public votes, with the secrecy rule where it applies). A meeting page also
    fingerprints them in the database (core.vingerafdruk.vingerafdruk_in_database)."""
    aantallen = (
        Stem.objects.filter(welke)
        .order_by()
        .values("stemming_id")
        .annotate(n=Count("pk"))
        .values_list("stemming_id", "n")
    )
    fracties = (
        Fractiestemresultaat.objects.filter(welke)
        .order_by("fractie__naam", "pk")
        .values_list("stemming_id", "fractie__naam", "fractie__slug", "resultaat", "voor", "tegen")
    )
    return aantallen, fracties


# A member's vote as a row of `ledenvraag`: stemming id, fractie name, keuze, and the person's
# slug and name fields (Persoon.naam is made from them).
Lidrij = tuple[int, str | None, str, str, str, str, str, str]
PERSOON_NAAMVELDEN = ("slug", "voornaam", "voorletters", "tussenvoegsel", "achternaam")


def ledenvraag(welke: Q) -> QuerySet[Stem, Lidrij]:
    """How each member voted in the votes `welke` selects, by fractie and name, with the person's
    name in the same row (one query; a vote's page also fingerprints it in the database)."""
    return (
        Stem.objects.filter(welke)
        .order_by("fractie__naam", "persoon__achternaam", "persoon__voornaam", "pk")
        .values_list(
            "stemming_id", "fractie__naam", "keuze", *(f"persoon__{veld}" for veld in PERSOON_NAAMVELDEN)
        )
    )


def uitslagtabellen_toevoegen(stemmingen: Sequence[Stemming], *, stemmen_filter: Q | None = None) -> None:
    """Sets `stemming.uitslag` (Uitslagtabellen) on each vote: fracties by name, members by fractie
    and name. `stemmen_filter` narrows the members' votes and the fractie results (the public pages
    pass the secrecy rule of Gemeentewet art. 31)."""
    if not stemmingen:
        return
    welke = (stemmen_filter if stemmen_filter is not None else Q()) & Q(
        stemming__in=[stemming.pk for stemming in stemmingen]
    )
    uitslagtabellen_met_leden(stemmingen, leden=ledenvraag(welke), fractieresultaten=uitslagvragen(welke)[1])


def uitslagtabellen_met_leden(
    stemmingen: Sequence[Stemming], *, leden: Iterable[Lidrij], fractieresultaten: Iterable[Fractierij]
) -> None:
    """Sets `stemming.uitslag` from the rows of `ledenvraag` and `uitslagvragen`."""
    keuzes = {waarde: str(label) for waarde, label in Stem.Keuze.choices}
    personen: dict[str, tuple[str, str]] = {}  # each member's name and link made once
    leden_per_stemming: dict[int, list[Lidstem]] = defaultdict(list)
    for stemming_id, fractie, keuze, slug, *naamvelden in leden:
        if slug not in personen:
            persoon = Persoon(slug=slug, **dict(zip(PERSOON_NAAMVELDEN[1:], naamvelden, strict=True)))
            personen[slug] = (persoon.naam, reverse("besluitvorming:persoon", args=[slug]))
        naam, url = personen[slug]
        leden_per_stemming[stemming_id].append(
            {"naam": naam, "url": url, "fractie": fractie or "", "keuze": keuzes[keuze]}
        )
    _tabellen_zetten(
        stemmingen,
        fractieresultaten,
        leden_per_stemming,
        {stemming_id: len(rijen) for stemming_id, rijen in leden_per_stemming.items()},
    )


def uitslagtabellen_zonder_leden(
    stemmingen: Sequence[Stemming],
    *,
    aantallen: Iterable[Aantalrij],
    fractieresultaten: Iterable[Fractierij],
) -> None:
    """Sets `stemming.uitslag` with the fractie tables and only the number of member votes, from
    the rows of `uitslagvragen` (the meeting page reads them with the rest of its queries)."""
    _tabellen_zetten(stemmingen, fractieresultaten, defaultdict(list), dict(aantallen))


def _tabellen_zetten(
    stemmingen: Sequence[Stemming],
    fractieresultaten: Iterable[Fractierij],
    leden_per_stemming: dict[int, list[Lidstem]],
    aantallen: dict[int, int],
) -> None:
    resultaten = {waarde: str(label) for waarde, label in Fractiestemresultaat.Resultaat.choices}
    fractie_urls: dict[str, str] = {}
    per_fractie: dict[int, list[Fractieuitslag]] = defaultdict(list)
    for stemming_id, naam, slug, resultaat, voor, tegen in fractieresultaten:
        if slug not in fractie_urls:
            fractie_urls[slug] = reverse("besluitvorming:fractie", args=[slug])
        per_fractie[stemming_id].append(
            {
                "naam": naam,
                "url": fractie_urls[slug],
                "resultaat": resultaten[resultaat],
                "voor": voor,
                "tegen": tegen,
            }
        )
    for stemming in stemmingen:
        stemming.uitslag = Uitslagtabellen(  # type: ignore[attr-defined]
            per_fractie=per_fractie[stemming.pk],
            per_lid=leden_per_stemming.get(stemming.pk, []),
            leden=aantallen.get(stemming.pk, 0),
        )
