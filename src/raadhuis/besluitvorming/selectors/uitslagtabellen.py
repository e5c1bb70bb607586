"""The result tables of votes (per fractie and per member) as plain rows, for many votes at once.

A council meeting page held thirty votes of thirty-one members each: read as model instances with
their person and fractie, and rendered with a `reverse()` and a `get_keuze_display()` per row, that
was most of the page's 190 ms under load (bench/load/pagina.py). Here the tables come from two
queries of plain values and one of the persons; each person's link is made once, and each label
is translated once. The rows are dicts: the template language tries a key before an attribute.
The meeting page now asks only the fractie tables and the number of member votes (`per_lid=False`)
and links each vote's own page, which shows how every member voted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TypedDict

from django.db.models import Count, Q
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


def uitslagtabellen_toevoegen(
    stemmingen: Sequence[Stemming], *, stemmen_filter: Q | None = None, per_lid: bool = True
) -> None:
    """Sets `stemming.uitslag` (Uitslagtabellen) on each vote: fracties by name, members by fractie
    and name (with `per_lid=False` only their number). `stemmen_filter` narrows the members' votes
    and the fractie results (the public pages pass the secrecy rule of Gemeentewet art. 31)."""
    if not stemmingen:
        return
    filter_ = stemmen_filter if stemmen_filter is not None else Q()
    ids = [stemming.pk for stemming in stemmingen]
    fractie_urls: dict[str, str] = {}
    keuzes = {waarde: str(label) for waarde, label in Stem.Keuze.choices}
    resultaten = {waarde: str(label) for waarde, label in Fractiestemresultaat.Resultaat.choices}

    leden_per_stemming: dict[int, list[Lidstem]] = defaultdict(list)
    aantallen: dict[int, int] = {}
    stemmen_van = Stem.objects.filter(filter_, stemming__in=ids)
    if per_lid:
        volgorde = ("fractie__naam", "persoon__achternaam", "persoon__voornaam", "pk")
        stemmen = list(
            stemmen_van.order_by(*volgorde).values_list("stemming_id", "persoon_id", "fractie__naam", "keuze")
        )
        personen = {
            persoon.pk: (persoon.naam, reverse("besluitvorming:persoon", args=[persoon.slug]))
            for persoon in Persoon.objects.filter(pk__in={persoon_id for _, persoon_id, _, _ in stemmen})
        }
        for stemming_id, persoon_id, fractie, keuze in stemmen:
            naam, url = personen[persoon_id]
            leden_per_stemming[stemming_id].append(
                {"naam": naam, "url": url, "fractie": fractie or "", "keuze": keuzes[keuze]}
            )
        aantallen = {stemming_id: len(rijen) for stemming_id, rijen in leden_per_stemming.items()}
    else:
        per_stemming = stemmen_van.order_by().values("stemming_id").annotate(n=Count("pk"))
        aantallen = dict(per_stemming.values_list("stemming_id", "n"))
    per_fractie: dict[int, list[Fractieuitslag]] = defaultdict(list)
    for stemming_id, naam, slug, resultaat, voor, tegen in (
        Fractiestemresultaat.objects.filter(filter_, stemming__in=ids)
        .order_by("fractie__naam", "pk")
        .values_list("stemming_id", "fractie__naam", "fractie__slug", "resultaat", "voor", "tegen")
    ):
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
            per_lid=leden_per_stemming[stemming.pk],
            leden=aantallen.get(stemming.pk, 0),
        )
