"""Reading the publication register: the Werkplek list, the public pages and what other modules ask."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from raadhuis.publicatie import waardelijsten
from raadhuis.publicatie.models import (
    Documenthandeling,
    Publicatie,
    Publicatiedocument,
    Publicatiestatus,
)

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


def gepubliceerde_publicaties(*, categorie: str | None = None) -> QuerySet[Publicatie]:
    """What the public sees listed: published only, newest first."""
    qs = Publicatie.objects.filter(status=Publicatiestatus.GEPUBLICEERD)
    if categorie:
        qs = qs.filter(_categorie_filter(categorie))
    return qs.order_by("-gepubliceerd_op", "-id")


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
