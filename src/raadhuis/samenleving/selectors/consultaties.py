"""Reads about consultations: the public ones with only what is public, and the Werkplek's lists."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from raadhuis.core import logboek, zoeken
from raadhuis.core.logboek.activiteiten import CONSULTATIE_REACTIES
from raadhuis.samenleving.models import Consultatie, Reactie


def openbare_reacties() -> QuerySet[Reactie]:
    """The reactions the public may read: made public by the reactor and approved by moderation.
    A reaction not public is never shown, whatever its moderation."""
    return Reactie.objects.filter(openbaar=True, moderatie=Reactie.Moderatie.GOEDGEKEURD)


ZOEKSOORT = "consultatie"


def consultaties_zoeken(vraag: str) -> zoeken.Zoekresultaten:
    """Consultations whose title, summary, decision or published answers hold the words asked."""
    return zoeken.zoeken(vraag=vraag, soorten=(ZOEKSOORT,), aantal=50)


def consultaties() -> QuerySet[Consultatie]:
    """Every consultation is public once announced (the drafts and dates); newest first."""
    return Consultatie.objects.prefetch_related("documenten").order_by("-begindatum", "-pk")


def open_consultaties(vandaag: dt.date | None = None) -> QuerySet[Consultatie]:
    dag = vandaag or timezone.localdate()
    return (
        consultaties()
        .filter(begindatum__lte=dag, einddatum__gte=dag, nota_gepubliceerd_op__isnull=True)
        .order_by("einddatum", "pk")
    )


def consultatie_publiek(pk: int) -> Consultatie | None:
    """One consultation with its documents and its public reactions (`openbare_reacties_lijst`)."""
    return (
        Consultatie.objects.prefetch_related(
            "documenten",
            Prefetch(
                "reacties",
                queryset=openbare_reacties().order_by("thema", "ingediend_op", "pk"),
                to_attr="openbare_reacties_lijst",
            ),
        )
        .annotate(aantal_reacties=Count("reacties"))
        .filter(pk=pk)
        .first()
    )


def nota_reacties(consultatie: Consultatie) -> list[Reactie]:
    """The answered reactions of a published nota, by theme. A non-public reaction appears with its
    answer only (the template shows its text and sender only when `publiek_zichtbaar`)."""
    if consultatie.nota_gepubliceerd_op is None:
        return []
    return list(
        consultatie.reacties.exclude(moderatie=Reactie.Moderatie.VERBORGEN)
        .exclude(antwoord="")
        .order_by("thema", "ingediend_op", "pk")
    )


def werkplek_consultaties() -> QuerySet[Consultatie]:
    return Consultatie.objects.annotate(
        aantal_reacties=Count("reacties"),
        te_beoordelen=Count(
            "reacties",
            filter=Q(reacties__moderatie=Reactie.Moderatie.TE_BEOORDELEN, reacties__openbaar=True),
        ),
        onbeantwoord=Count(
            "reacties",
            filter=Q(reacties__antwoord="") & ~Q(reacties__moderatie=Reactie.Moderatie.VERBORGEN),
        ),
    ).order_by("-begindatum", "-pk")


def _betrokkenen(reacties: list[Reactie]) -> list[logboek.Betrokkene]:
    return [("e-mailadres", r.emailadres) for r in reacties if r.emailadres]


@logboek.leest_persoonsgegevens(
    naam="reacties op consultatie ingezien", activiteit=CONSULTATIE_REACTIES, betrokkenen=_betrokkenen
)
def reacties_voor_behandeling(*, consultatie: Consultatie, door: logboek.Door) -> list[Reactie]:
    """All reactions of a consultation with the reactors' details, for the griffie (logged)."""
    return list(consultatie.reacties.select_related("beoordeeld_door").order_by("ingediend_op", "pk"))


@logboek.leest_persoonsgegevens(
    naam="moderatiewachtrij ingezien", activiteit=CONSULTATIE_REACTIES, betrokkenen=_betrokkenen
)
def moderatiewachtrij(*, door: logboek.Door) -> list[Reactie]:
    """The public reactions waiting for moderation, oldest first (logged: they carry names)."""
    return list(
        Reactie.objects.filter(openbaar=True, moderatie=Reactie.Moderatie.TE_BEOORDELEN)
        .select_related("consultatie")
        .order_by("ingediend_op", "pk")
    )
