"""Reads for the intake: the open drafts of an identity or employee, one draft for its owner, and
the summary of the answers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise

from raadhuis.accounts.models import Medewerker
from raadhuis.core.identiteit import Identiteit, Soort
from raadhuis.dienstverlening.formulieren.basis import Agenda, weergave
from raadhuis.dienstverlening.models import Aanvraag, Product
from raadhuis.dienstverlening.selectors.afspraken import vrije_ceremoniemomenten
from raadhuis.dienstverlening.services.afspraken import ceremonie_reserveren
from raadhuis.dienstverlening.services.intake import (
    BEWAARTERMIJN,
    context_van,
    formulier_van,
    opgeslagen_antwoorden,
)

Door = Medewerker | Identiteit

# What the intake's marriage form uses of the appointments part; callers hand it to the intake
# services (which may not import selectors themselves).
AGENDA = Agenda(vrije_ceremoniemomenten=vrije_ceremoniemomenten, ceremonie_reserveren=ceremonie_reserveren)


def _van(door: Door) -> QuerySet[Aanvraag]:
    """Drafts the actor owns; an identity without a BSN or KvK number owns nothing."""
    if isinstance(door, Identiteit):
        if door.soort is Soort.INWONER:
            if not door.bsn:
                return Aanvraag.objects.none()
            return Aanvraag.objects.filter(bsn=door.bsn, medewerker__isnull=True)
        if not door.kvk_nummer:
            return Aanvraag.objects.none()
        return Aanvraag.objects.filter(kvk_nummer=door.kvk_nummer, medewerker__isnull=True)
    return Aanvraag.objects.filter(medewerker=door)


def open_aanvragen(door: Door, *, product: Product | None = None) -> QuerySet[Aanvraag]:
    """Drafts not submitted and touched within the last 30 days, newest first (the index on
    (bsn|kvk_nummer, -bijgewerkt_op))."""
    aanvragen = _van(door).filter(zaak__isnull=True, bijgewerkt_op__gte=timezone.now() - BEWAARTERMIJN)
    if product is not None:
        aanvragen = aanvragen.filter(product=product)
    return aanvragen.select_related("product").order_by("-bijgewerkt_op")


def aanvraag_van(*, id: uuid.UUID, door: Door) -> Aanvraag | None:
    """The draft (or submitted request) with this id, only for its owner; None for anyone else."""
    return _van(door).select_related("product", "zaak", "zaak__statustype").filter(pk=id).first()


@dataclass(frozen=True)
class Samenvattingsstap:
    naam: str
    titel: str | Promise
    regels: list[tuple[str, str]]


def samenvatting(aanvraag: Aanvraag) -> list[Samenvattingsstap]:
    """Per step its title and (question, answer) pairs as the summary shows them."""
    bewaard = opgeslagen_antwoorden(aanvraag)
    uit: list[Samenvattingsstap] = []
    antwoorden: dict[str, Any] = {}
    context = context_van(aanvraag, agenda=AGENDA)
    for stap in formulier_van(aanvraag.product).stappen:
        form = stap.formulier(data=bewaard.get(stap.naam, {}), antwoorden=dict(antwoorden), context=context)
        regels: list[tuple[str, str]] = []
        if stap.naam in bewaard and form.is_valid():
            antwoorden.update(form.cleaned_data)
            regels = [
                (str(veld.label), weergave(form, naam, form.cleaned_data.get(naam)))
                for naam, veld in form.fields.items()
            ]
        uit.append(Samenvattingsstap(stap.naam, stap.titel, regels))
    return uit


def aan_te_vragen_producten() -> QuerySet[Product]:
    """Active products with an intake form and a zaaktype: what the assisted intake offers."""
    return Product.objects.filter(actief=True, zaaktype__isnull=False).exclude(formulier="").order_by("naam")
