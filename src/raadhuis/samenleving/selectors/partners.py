"""Reads about maatschappelijke partners: public lists and pages (never contact persons), the
Werkplek pages, and the programme goals to choose from (through uitvoering's selectors)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Prefetch, Q, QuerySet

from raadhuis.core import zoeken
from raadhuis.core.logboek import leest_persoonsgegevens
from raadhuis.core.selectors import begrotingsprogrammas
from raadhuis.core.validators import alleen_cijfers
from raadhuis.samenleving.models import (
    Contactpersoon,
    Convenant,
    Openbaarmaking,
    Partner,
    Subsidieverplichting,
)
from raadhuis.uitvoering.selectors import doelen_van_programma

# The register entry (AVG art. 30) for keeping and reading contact persons; seeded by the
# migration samenleving 0002_verwerking_partners.
VERWERKING_CONTACTPERSONEN = "partner-contactpersonen"

GEPUBLICEERD = Openbaarmaking.GEPUBLICEERD
# The kind of the partners' documents in the site search (core.zoeken).
ZOEKSOORT_PARTNER = "samenleving.partner"


@dataclass(frozen=True)
class Doelkeuze:
    """A programme goal as a choice: its id, its label, its programme and the akkoord it serves."""

    pk: int
    label: str
    programma: str
    akkoord_slug: str
    openbaar: bool


def programmadoelen(*, alleen_openbaar: bool = False) -> list[Doelkeuze]:
    """Every goal of every programme of the begroting, in programme order (uitvoering's selector per
    programme: a handful of programmes, so a handful of queries). Public: the goal, its ambitie and
    its akkoord are public, as uitvoering marks them."""
    keuzes = []
    for programma in begrotingsprogrammas():
        for doel in doelen_van_programma(programma, alleen_openbaar=alleen_openbaar):
            akkoord = doel.ambitie.akkoord
            openbaar = doel.openbaar and doel.ambitie.openbaar and akkoord.openbaar
            if alleen_openbaar and not openbaar:
                continue
            keuzes.append(
                Doelkeuze(
                    pk=doel.pk,
                    label=str(doel),
                    programma=str(programma),
                    akkoord_slug=akkoord.slug,
                    openbaar=openbaar,
                )
            )
    return keuzes


def openbare_partners(*, soort: str = "", doel: int | None = None, zoekterm: str = "") -> QuerySet[Partner]:
    """The active partners for the public list, filtered by kind, by a programme goal they (or one of
    their published convenanten or subsidies) contribute to, and by a word in name or description."""
    partners = Partner.objects.filter(actief=True)
    if soort:
        partners = partners.filter(soort=soort)
    if doel is not None:
        partners = partners.filter(
            Q(doelen=doel)
            | Q(convenanten__doelen=doel, convenanten__status=GEPUBLICEERD)
            | Q(subsidieverplichtingen__doelen=doel, subsidieverplichtingen__status=GEPUBLICEERD)
        )
    if zoekterm.strip():
        # The site search: Dutch stemming, and it also finds a partner by its published convenanten
        # and subsidies (services.partner_indexeren); only public documents.
        gevonden = zoeken.zoeken(vraag=zoekterm, soorten=(ZOEKSOORT_PARTNER,), aantal=zoeken.MAX_AANTAL)
        partners = partners.filter(
            pk__in=[int(t.sleutel) for t in gevonden.treffers if alleen_cijfers(t.sleutel)]
        )
    return partners.distinct().order_by("naam")


def openbare_partner(slug: str) -> Partner | None:
    """An active partner with its published convenanten and subsidies; no contact persons."""
    return (
        Partner.objects.filter(actief=True, slug=slug)
        .prefetch_related(
            Prefetch(
                "convenanten",
                queryset=Convenant.objects.filter(status=GEPUBLICEERD).prefetch_related("partners"),
            ),
            Prefetch(
                "subsidieverplichtingen",
                queryset=Subsidieverplichting.objects.filter(status=GEPUBLICEERD),
            ),
        )
        .first()
    )


def doelen_van_partner(partner: Partner, *, alleen_openbaar: bool) -> list[Doelkeuze]:
    """The goals the partner contributes to: its own, and those of its convenanten and subsidies
    (published ones only, for the public)."""
    convenanten = partner.convenanten.all()
    subsidies = partner.subsidieverplichtingen.all()
    if alleen_openbaar:
        convenanten = convenanten.filter(status=GEPUBLICEERD)
        subsidies = subsidies.filter(status=GEPUBLICEERD)
    ids = (
        set(partner.doelen.values_list("pk", flat=True))
        | set(convenanten.values_list("doelen", flat=True))
        | set(subsidies.values_list("doelen", flat=True))
    )
    return [d for d in programmadoelen(alleen_openbaar=alleen_openbaar) if d.pk in ids]


def partners_bij_doel(doel_id: int) -> list[Partner]:
    """The active partners contributing to one programme goal, for uitvoering's public goal page."""
    return list(openbare_partners(doel=doel_id))


def partners_op_naam() -> QuerySet[Partner]:
    """Every partner by name, for choice lists."""
    return Partner.objects.order_by("naam")


def alle_partners() -> QuerySet[Partner]:
    """Every partner for the Werkplek, with counts of what is recorded."""
    return Partner.objects.prefetch_related("convenanten", "subsidieverplichtingen").order_by("naam")


def partner_voor_werkplek(slug: str) -> Partner | None:
    """One partner with its convenanten, subsidies and goals (contact persons: `contactpersonen_van`)."""
    return (
        Partner.objects.filter(slug=slug)
        .prefetch_related(
            "doelen",
            Prefetch("convenanten", queryset=Convenant.objects.prefetch_related("partners")),
            "subsidieverplichtingen",
        )
        .first()
    )


def _betrokkenen(contactpersonen: list[Contactpersoon]) -> list[tuple[str, str]]:
    return [("e-mailadres", c.email) for c in contactpersonen if c.email]


@leest_persoonsgegevens(
    naam="partner.contactpersonen.inzien", activiteit=VERWERKING_CONTACTPERSONEN, betrokkenen=_betrokkenen
)
def contactpersonen_van(partner: Partner, *, door: AbstractBaseUser) -> list[Contactpersoon]:
    """The contact persons of a partner; every read is logged (AVG art. 5 lid 2)."""
    return list(partner.contactpersonen.order_by("naam", "pk"))


def contactpersoon_op_pk(pk: int) -> Contactpersoon | None:
    """One contact person with their partner (to remove them; not a read of their details)."""
    return Contactpersoon.objects.select_related("partner").filter(pk=pk).first()


def convenant_voor_werkplek(pk: int) -> Convenant | None:
    return Convenant.objects.filter(pk=pk).prefetch_related("partners", "doelen").first()


def subsidie_voor_werkplek(pk: int) -> Subsidieverplichting | None:
    return (
        Subsidieverplichting.objects.filter(pk=pk)
        .select_related("partner")
        .prefetch_related("doelen")
        .first()
    )


def convenanten() -> QuerySet[Convenant]:
    return Convenant.objects.prefetch_related("partners").order_by("-ondertekend_op", "titel")


def subsidieverplichtingen() -> QuerySet[Subsidieverplichting]:
    return Subsidieverplichting.objects.select_related("partner").order_by("-van_jaar", "partner__naam", "pk")
