"""Reads for the griffie's management of bodies, people and fracties in the Werkplek."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from raadhuis.accounts.models import Medewerker
from raadhuis.besluitvorming.models import (
    Agendapunt,
    Fractie,
    Fractielidmaatschap,
    Lidmaatschap,
    Orgaan,
    Persoon,
    Stemming,
    Vergadering,
    Voorstel,
)
from raadhuis.besluitvorming.selectors.organen import vacatures, zittende_lidmaatschappen
from raadhuis.besluitvorming.selectors.stemmingen import zitting_hebbende_leden_op


@dataclass(frozen=True)
class OrgaanMetZetels:
    """A body with the members seated on a date and its empty seats (derived, never stored)."""

    orgaan: Orgaan
    zittend: tuple[Lidmaatschap, ...]
    vacatures: int


def orgaan_met_zetels(orgaan: Orgaan, datum: dt.date) -> OrgaanMetZetels:
    return OrgaanMetZetels(
        orgaan=orgaan,
        zittend=tuple(zittende_lidmaatschappen(orgaan, datum)),
        vacatures=vacatures(orgaan, datum),
    )


def organen_met_zetels(datum: dt.date) -> list[OrgaanMetZetels]:
    """Every body (also those no longer active), with its seats on the date."""
    return [orgaan_met_zetels(orgaan, datum) for orgaan in Orgaan.objects.order_by("soort", "naam")]


def lidmaatschappen_van_orgaan(orgaan: Orgaan) -> QuerySet[Lidmaatschap]:
    """All functions in the body over time, the running and latest first."""
    return (
        Lidmaatschap.objects.filter(orgaan=orgaan)
        .select_related("persoon")
        .order_by("-begin", "persoon__achternaam", "pk")
    )


def personen() -> QuerySet[Persoon]:
    return Persoon.objects.select_related("medewerker").order_by("achternaam", "voornaam", "pk")


def persoon_met_lidmaatschappen(pk: int) -> Persoon:
    """A person with their functions and fractie memberships; raises Persoon.DoesNotExist."""
    return (
        Persoon.objects.select_related("medewerker")
        .prefetch_related(
            Prefetch(
                "lidmaatschappen",
                queryset=Lidmaatschap.objects.select_related("orgaan").order_by("-begin", "pk"),
            ),
            Prefetch(
                "fractielidmaatschappen",
                queryset=Fractielidmaatschap.objects.select_related("fractie").order_by("-begin", "pk"),
            ),
        )
        .get(pk=pk)
    )


def fracties_met_leden() -> QuerySet[Fractie]:
    """Every fractie with its memberships over time (`lidmaatschappen`), the latest first."""
    return Fractie.objects.prefetch_related(
        Prefetch(
            "lidmaatschappen",
            queryset=Fractielidmaatschap.objects.select_related("persoon").order_by("-begin", "pk"),
        )
    ).order_by("naam")


def fracties_voor_keuze() -> QuerySet[Fractie]:
    """Fracties to choose from; the service checks that the fractie exists on the date chosen."""
    return Fractie.objects.order_by("naam")


def te_koppelen_medewerkers() -> QuerySet[Medewerker]:
    """Active employee accounts a person can be linked to."""
    return Medewerker.objects.filter(is_active=True).order_by("last_name", "first_name", "username")


# -- moties en amendementen in the Werkplek ------------------------------------------------------------


def voorstellen_van_vergadering(vergadering: Vergadering) -> QuerySet[Voorstel]:
    """The proposals submitted in a meeting, with their agendapunt, what they amend and their indieners."""
    return (
        Voorstel.objects.filter(
            Q(agendapunt__vergadering=vergadering) | Q(vergadering=vergadering, agendapunt=None)
        )
        .select_related("agendapunt", "wijzigt")
        .prefetch_related("indieners__persoon")
        .order_by("agendapunt__volgnummer", "ingediend_op", "pk")
    )


def te_wijzigen_voorstellen(vergadering: Vergadering, agendapunt: Agendapunt | None) -> QuerySet[Voorstel]:
    """What an amendement or subamendement can amend: the pending raadsvoorstellen and amendementen on
    the agendapunt (on any agendapunt of the meeting when none is chosen yet)."""
    voorstellen = Voorstel.objects.filter(
        soort__in=(Voorstel.Soort.VOORSTEL, Voorstel.Soort.AMENDEMENT),
        status__in=(Voorstel.Status.INGEDIEND, Voorstel.Status.UITGESTELD),
    )
    # A raadsvoorstel travels with its agendapunt when that moves to another meeting.
    if agendapunt is not None:
        voorstellen = voorstellen.filter(agendapunt=agendapunt)
    else:
        voorstellen = voorstellen.filter(agendapunt__vergadering=vergadering)
    return voorstellen.select_related("agendapunt").order_by("agendapunt__volgnummer", "soort", "pk")


def persoon_van_medewerker(medewerker: object) -> Persoon | None:
    """The Persoon an employee account is linked to (a raadslid, collegelid or griffier), if any."""
    pk = getattr(medewerker, "pk", None)
    return Persoon.objects.filter(medewerker_id=pk).first() if pk is not None else None


def komende_vergaderingen(van: dt.date) -> QuerySet[Vergadering]:
    """Meetings from a date on that are still planned: where moties and amendementen can be submitted."""
    return (
        Vergadering.objects.filter(begin__date__gte=van, status=Vergadering.Status.GEPLAND)
        .select_related("orgaan")
        .order_by("begin", "pk")
    )


def leden_die_kunnen_indienen(vergadering: Vergadering) -> QuerySet[Persoon]:
    """The members seated in the meeting's body on its date: who may (mede-)indienen."""
    datum = timezone.localdate(vergadering.begin)
    leden = [lid.pk for lid in zitting_hebbende_leden_op(orgaan=vergadering.orgaan, op=datum)]
    return Persoon.objects.filter(pk__in=leden).order_by("achternaam", "voornaam", "pk")


def vervallende_wijzigingen(voorstel: Voorstel) -> list[Voorstel]:
    """The pending (sub)amendementen that lapse when `voorstel` is withdrawn, to show before confirming."""
    vervallen: list[Voorstel] = []
    for wijziging in voorstel.wijzigingen.filter(
        status__in=(Voorstel.Status.INGEDIEND, Voorstel.Status.UITGESTELD)
    ).order_by("pk"):
        vervallen += [wijziging, *vervallende_wijzigingen(wijziging)]
    return vervallen


def agendapunten_van(vergadering: Vergadering) -> QuerySet[Agendapunt]:
    return Agendapunt.objects.filter(vergadering=vergadering).order_by("volgnummer", "pk")


def laatste_stemming_over_personen(agendapunt: Agendapunt) -> Stemming | None:
    """The latest secret vote on persons at an agendapunt (art. 31): open while rounds follow, or done."""
    return (
        Stemming.objects.filter(agendapunt=agendapunt, over_personen=True)
        .prefetch_related("aanwezig", "moeten_onthouden")
        .order_by("-moment", "-pk")
        .first()
    )
