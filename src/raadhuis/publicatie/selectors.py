"""Reading the publication register: the Werkplek list, the public pages and what other modules ask."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from raadhuis.core import zoeken as zoekmachine
from raadhuis.core.models import Zoekdocument
from raadhuis.core.replica import leest_van_replica
from raadhuis.core.vingerafdruk import vingerafdruk_in_database
from raadhuis.publicatie import facetten, waardelijsten
from raadhuis.publicatie.models import (
    Documenthandeling,
    Publicatie,
    Publicatiedocument,
    Publicatiegebeurtenis,
    Publicatiestatus,
)

# The search index kind of a published document (publicatie.services files them under it).
ZOEKSOORT = "publicatie"

# What the public may see (a page or file that exists for them): published, or withdrawn /
# replaced (then the page says so, 410). A concept is not there at all (404).
ZICHTBAAR = (Publicatiestatus.GEPUBLICEERD, Publicatiestatus.INGETROKKEN, Publicatiestatus.VERVANGEN)


def _categorie_filter(categorie: str) -> Q:
    """Publications carrying this category URI (JSON list). A plain substring test on the JSON text
    works on SQLite and PostgreSQL alike; the quotes make it match a whole URI."""
    return Q(informatiecategorieen__icontains=f'"{categorie}"')


def publicaties(*, status: str | None = None, categorie: str | None = None) -> QuerySet[Publicatie]:
    """The register, newest first, optionally by status and information category (URI)."""
    qs = Publicatie.objects.annotate(aantal_documenten=Count("documenten"))
    if status:
        qs = qs.filter(status=status)
    if categorie:
        qs = qs.filter(_categorie_filter(categorie))
    return qs.order_by("-gepubliceerd_op", "-aangemaakt_op", "-id")


@leest_van_replica
def gepubliceerde_publicaties(*, categorie: str | None = None) -> QuerySet[Publicatie]:
    """What the public sees listed: published only, newest first."""
    qs = Publicatie.objects.filter(status=Publicatiestatus.GEPUBLICEERD)
    if categorie:
        qs = qs.filter(_categorie_filter(categorie))
    return qs.order_by("-gepubliceerd_op", "-id")


@leest_van_replica
def aantallen_per_categorie() -> list[tuple[waardelijsten.Categorie, int]]:
    """Published publications per information category (art. 3.3 order); a publication with two
    categories counts in both."""
    lijsten = Publicatie.objects.filter(status=Publicatiestatus.GEPUBLICEERD).values_list(
        "informatiecategorieen", flat=True
    )
    tellingen: dict[str, int] = {}
    for lijst in lijsten.iterator(chunk_size=2000):
        for uri in lijst or ():
            tellingen[uri] = tellingen.get(uri, 0) + 1
    return [(c, tellingen.get(c.uri, 0)) for c in waardelijsten.categorieen()]


def _met_details(qs: QuerySet[Publicatie]) -> QuerySet[Publicatie]:
    return qs.select_related("vervangen_door").prefetch_related(
        Prefetch("documenten", queryset=Publicatiedocument.objects.order_by("volgorde", "id")),
        Prefetch("handelingen", queryset=Documenthandeling.objects.order_by("tijdstip", "id")),
    )


@leest_van_replica
def publicatie_met_uuid(publicatie_uuid: UUID | str, *, alleen_zichtbaar: bool = False) -> Publicatie | None:
    """One publication with documents and handelingen; `alleen_zichtbaar` hides concepts."""
    qs = _met_details(Publicatie.objects.filter(uuid=publicatie_uuid))
    if alleen_zichtbaar:
        qs = qs.filter(status__in=ZICHTBAAR)
    return qs.first()


def publicatie_van_bron(bron: str, bron_sleutel: str) -> Publicatie | None:
    """What a module published under its own key (for its pages: "published at ...")."""
    return Publicatie.objects.filter(bron=bron, bron_sleutel=bron_sleutel).first()


def document_met_uuid(
    document_uuid: UUID | str, *, alleen_zichtbaar: bool = False
) -> Publicatiedocument | None:
    qs = Publicatiedocument.objects.select_related("publicatie").filter(uuid=document_uuid)
    if alleen_zichtbaar:
        qs = qs.filter(publicatie__status__in=ZICHTBAAR)
    return qs.first()


def documenten_van(publicatie: Publicatie) -> QuerySet[Publicatiedocument]:
    return publicatie.documenten.order_by("volgorde", "id")


def vervangbare_publicaties(oud: Publicatie) -> QuerySet[Publicatie]:
    """Candidates to replace `oud`: concepts with documents and published ones, not itself."""
    return (
        Publicatie.objects.filter(status__in=(Publicatiestatus.CONCEPT, Publicatiestatus.GEPUBLICEERD))
        .exclude(pk=oud.pk)
        .filter(documenten__isnull=False)
        .distinct()
        .order_by("-aangemaakt_op", "-id")
    )


@leest_van_replica
def gepubliceerde_publicaties_na(
    *,
    categorie: str | None = None,
    publisher: str | None = None,
    gewijzigd_sinds: datetime | None = None,
    na: tuple[datetime, int] | None = None,
    aantal: int = 50,
) -> list[Publicatie]:
    """One keyset page for the public API: published only, newest first ((gepubliceerd_op, id)
    descending), starting after `na`, with documents and handelingen prefetched (three queries
    whatever the page size). Returns up to `aantal` + 1 rows: the extra one tells there is more.

    Keyset, not offset: publications published between two requests land before the cursor, so a
    client paging on never sees one twice nor misses one. `gewijzigd_sinds` also matches a
    publication whose document changed since then."""
    qs = gepubliceerde_publicaties(categorie=categorie).filter(gepubliceerd_op__isnull=False)
    if publisher:
        qs = qs.filter(publisher=publisher)
    if gewijzigd_sinds is not None:
        qs = qs.filter(
            Q(gewijzigd_op__gte=gewijzigd_sinds)
            | Exists(
                Publicatiedocument.objects.filter(
                    publicatie=OuterRef("pk"), gewijzigd_op__gte=gewijzigd_sinds
                )
            )
        )
    if na is not None:
        moment, pk = na
        qs = qs.filter(Q(gepubliceerd_op__lt=moment) | Q(gepubliceerd_op=moment, id__lt=pk))
    return list(_met_details(qs)[: aantal + 1])


# --- the public search (issue 10 point 4) -------------------------------------------------------------

ZOEK_PER_PAGINA = 20
# Values per facet shown before "more" (chosen values are always shown).
FACET_ZICHTBAAR = 12


@dataclass(frozen=True)
class Zoekopdracht:
    vraag: str = ""
    # facet name -> chosen values (codes); values within a facet combine with OR, facets with AND.
    filters: dict[str, list[str]] = field(default_factory=dict)
    van: date | None = None
    tot: date | None = None
    sortering: str = zoekmachine.Sortering.RELEVANTIE
    pagina: int = 1


@dataclass(frozen=True)
class Facetwaarde:
    waarde: str
    label: str
    aantal: int
    gekozen: bool


@dataclass(frozen=True)
class Facetgroep:
    facet: facetten.Facet
    # The most frequent values, and every chosen one; the rest behind "more".
    zichtbaar: list[Facetwaarde]
    meer: list[Facetwaarde]

    @property
    def waarden(self) -> list[Facetwaarde]:
        return self.zichtbaar + self.meer


@dataclass(frozen=True)
class Zoektreffer:
    """One hit as the results list shows it."""

    publicatie_uuid: UUID
    document_uuid: UUID
    document_titel: str
    bestandsnaam: str
    grootte: int
    titel: str
    datum: date | None
    fragment: tuple[tuple[str, bool], ...]
    categorieen: list[str]
    documentsoort: str
    organisatie: str


@dataclass(frozen=True)
class Zoekpagina:
    """The engine's answer for a page of the portal: the hits are read from it by `zoektreffers`,
    only when they must be rendered (their rendering is cached under `zoektreffers_versie`)."""

    opdracht: Zoekopdracht
    antwoord: zoekmachine.Zoekantwoord
    facetten: list[Facetgroep]

    @property
    def totaal(self) -> int:
        return self.antwoord.totaal

    @property
    def vorige(self) -> int | None:
        return self.opdracht.pagina - 1 if self.opdracht.pagina > 1 else None

    @property
    def volgende(self) -> int | None:
        return self.opdracht.pagina + 1 if self.totaal > self.opdracht.pagina * ZOEK_PER_PAGINA else None

    @property
    def laatste_pagina(self) -> int:
        return max(1, -(-self.totaal // ZOEK_PER_PAGINA))


def _facetgroep(facet: facetten.Facet, tellingen: list[tuple[str, int]], gekozen: list[str]) -> Facetgroep:
    waarden = [
        Facetwaarde(waarde=w, label=facetten.label(facet.naam, w), aantal=n, gekozen=w in gekozen)
        for w, n in tellingen
    ]
    if facet.naam == facetten.JAAR:
        waarden.sort(key=lambda f: f.waarde, reverse=True)
    # A chosen value with no matches left still shows, so it can be unchosen.
    bekend = {f.waarde for f in waarden}
    waarden += [
        Facetwaarde(waarde=w, label=facetten.label(facet.naam, w), aantal=0, gekozen=True)
        for w in gekozen
        if w not in bekend
    ]
    zichtbaar = waarden[:FACET_ZICHTBAAR] + [w for w in waarden[FACET_ZICHTBAAR:] if w.gekozen]
    return Facetgroep(
        facet=facet, zichtbaar=zichtbaar, meer=[w for w in waarden[FACET_ZICHTBAAR:] if not w.gekozen]
    )


@leest_van_replica
def publicaties_zoeken(opdracht: Zoekopdracht) -> Zoekpagina:
    """The page of published documents matching the question and filters (the engine's ids, best
    first or by date) and every facet's counts over all matches. Reads no document; the hits are
    `zoektreffers(pagina)`."""
    antwoord = zoekmachine.zoekantwoord(
        vraag=opdracht.vraag,
        soorten=(ZOEKSOORT,),
        filters=opdracht.filters,
        van=opdracht.van,
        tot=opdracht.tot,
        facetten=True,
        sortering=opdracht.sortering,
        alles_bij_lege_vraag=True,
        aantal=ZOEK_PER_PAGINA,
        begin=(opdracht.pagina - 1) * ZOEK_PER_PAGINA,
    )
    return Zoekpagina(
        opdracht=opdracht,
        antwoord=antwoord,
        facetten=[
            _facetgroep(facet, antwoord.facetten.get(facet.naam, []), opdracht.filters.get(facet.naam, []))
            for facet in facetten.FACETTEN
        ],
    )


def _treffervragen(ids: Sequence[int]) -> tuple[QuerySet[Zoekdocument], QuerySet[Publicatiedocument]]:
    """The two queries the hits are read from, and the fingerprint of their rendering made of:
    the index rows (title, date, facets, the text's start for the snippet) and the documents
    among them that are published now, with what a hit shows of them. Only what is published now:
    a document withdrawn a moment ago is dropped even if the index has not caught up yet."""
    return (
        zoekmachine.treffersvraag(ids),
        Publicatiedocument.objects.select_related("publicatie")
        .filter(
            uuid__in=zoekmachine.sleutels_als_uuid(ids, soort=ZOEKSOORT),
            publicatie__status=Publicatiestatus.GEPUBLICEERD,
        )
        .only("uuid", "titel", "bestandsnaam", "grootte", "publicatie__uuid", "publicatie__publisher")
        .order_by(),
    )


@leest_van_replica
def zoektreffers_versie(pagina: Zoekpagina) -> str:
    """A fingerprint of everything `zoektreffers(pagina)` reads, made in the database (one query on
    PostgreSQL) without reading it: the key of the hits' cached rendering, with the ids' order."""
    return vingerafdruk_in_database(*_treffervragen(pagina.antwoord.ids))


@leest_van_replica
def zoektreffers(pagina: Zoekpagina) -> list[Zoektreffer]:
    """The page's hits in the engine's order, with their snippets and their publication (two
    queries); a document not published now is left out."""
    rijen, gepubliceerd = _treffervragen(pagina.antwoord.ids)
    documenten = {str(d.uuid): d for d in gepubliceerd}
    return [
        Zoektreffer(
            publicatie_uuid=document.publicatie.uuid,
            document_uuid=document.uuid,
            document_titel=document.titel,
            bestandsnaam=document.bestandsnaam,
            grootte=document.grootte,
            titel=treffer.titel,
            datum=treffer.datum,
            fragment=treffer.fragment,
            categorieen=[
                facetten.label(facetten.CATEGORIE, c) for c in treffer.kenmerken.get(facetten.CATEGORIE, [])
            ],
            documentsoort=", ".join(
                facetten.label(facetten.DOCUMENTSOORT, d)
                for d in treffer.kenmerken.get(facetten.DOCUMENTSOORT, [])
            ),
            organisatie=facetten.label(facetten.ORGANISATIE, document.publicatie.publisher),
        )
        for treffer in zoekmachine.treffers(pagina.antwoord, rijen)
        if (document := documenten.get(treffer.sleutel)) is not None
    ]


def gebeurtenissen_van(publicatie: Publicatie) -> QuerySet[Publicatiegebeurtenis]:
    """The publication's audit trail, oldest first, with who did it (one query)."""
    return publicatie.gebeurtenissen.select_related("medewerker").order_by("tijdstip", "id")
