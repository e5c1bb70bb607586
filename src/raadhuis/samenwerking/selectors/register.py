"""Reads about the register: the parties, one party with everything, participants on a date."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, Q, QuerySet

from raadhuis.samenwerking.models import (
    Deelnemer,
    Jaarcijfers,
    Opdracht,
    Opgave,
    Samenwerkingsverband,
    Strategischeagenda,
    Vertegenwoordiging,
)

VERBONDEN = Q(bestuurlijk_belang=True, financieel_belang=True)


def verbanden(*, alleen_verbonden_partijen: bool = False) -> QuerySet[Samenwerkingsverband]:
    """Every cooperation by name, with its programmes."""
    rijen = Samenwerkingsverband.objects.prefetch_related("programmas").order_by("naam")
    return rijen.filter(VERBONDEN) if alleen_verbonden_partijen else rijen


def verbonden_partijen_in(jaar: int) -> QuerySet[Samenwerkingsverband]:
    """The verbonden partijen (BBV art. 1 lid 1 onder b) that existed in a year."""
    return (
        Samenwerkingsverband.objects.filter(VERBONDEN, startdatum__year__lte=jaar)
        .exclude(einddatum__year__lt=jaar)
        .prefetch_related("programmas")
        .order_by("naam")
    )


def verband_met_alles(slug: str) -> Samenwerkingsverband:
    """One party with participants, representation, figures, risks, agenda and documents.
    Raises Samenwerkingsverband.DoesNotExist."""
    return Samenwerkingsverband.objects.prefetch_related(
        "programmas",
        "deelnemers",
        Prefetch("vertegenwoordigingen", queryset=Vertegenwoordiging.objects.select_related("persoon")),
        Prefetch("jaarcijfers", queryset=Jaarcijfers.objects.order_by("jaar")),
        "risicos",
        "documenten",
        "procedures",
        Prefetch(
            "agendas",
            queryset=Strategischeagenda.objects.prefetch_related(
                Prefetch(
                    "opgaven",
                    queryset=Opgave.objects.prefetch_related(
                        Prefetch("opdrachten", queryset=Opdracht.objects.order_by("nummer"))
                    ),
                )
            ),
        ),
    ).get(slug=slug)


def deelnemers_op(verband: Samenwerkingsverband, datum: dt.date) -> list[Deelnemer]:
    """The members on a date (joined on or before it, not yet left)."""
    return list(
        Deelnemer.objects.filter(verband=verband, toegetreden_op__lte=datum)
        .filter(Q(uitgetreden_op__isnull=True) | Q(uitgetreden_op__gte=datum))
        .order_by("naam")
    )


def vertegenwoordigers_op(verband: Samenwerkingsverband, datum: dt.date) -> list[Vertegenwoordiging]:
    """Who represents the gemeente on a date, per body and seat."""
    return list(
        Vertegenwoordiging.objects.filter(verband=verband, begin__lte=datum)
        .filter(Q(einde__isnull=True) | Q(einde__gte=datum))
        .select_related("persoon")
        .order_by("bestuursorgaan", "zetel")
    )
