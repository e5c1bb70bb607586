"""Writes to the chain: akkoord, ambities, opdrachten, programmadoelen, indicatoren, acties,
activiteiten and their multi-year budget."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from raadhuis.core.rechten import vereis
from raadhuis.uitvoering.models import (
    Actie,
    Activiteit,
    Akkoord,
    Ambitie,
    Budget,
    Indicator,
    Opdracht,
    Programmadoel,
    Streefwaarde,
)
from raadhuis.uitvoering.rechten import AGENDA_BEHEREN, OPDRACHTEN_BEHEREN
from raadhuis.uitvoering.services.hulp import velden_zetten

AKKOORDVELDEN = ("titel", "periode_van", "periode_tot", "vastgesteld_op", "omschrijving", "openbaar")
AMBITIEVELDEN = ("akkoord", "nummer", "titel", "omschrijving", "openbaar")
OPDRACHTVELDEN = ("ambitie", "tekst", "uiterlijk", "openbaar")
DOELVELDEN = ("ambitie", "programma", "taakveld", "nummer", "titel", "omschrijving", "openbaar")
INDICATORVELDEN = ("doel", "naam", "eenheid", "bron", "openbaar")
ACTIEVELDEN = ("doel", "titel", "omschrijving", "portefeuillehouder", "team", "begin", "einde", "openbaar")
ACTIVITEITVELDEN = (
    "actie",
    "titel",
    "omschrijving",
    "portefeuillehouder",
    "team",
    "begin",
    "einde",
    "openbaar",
)


def _unieke_slug(titel: str, pk: int | None) -> str:
    basis = slugify(titel)[:70] or "akkoord"
    slug, volgnummer = basis, 2
    andere = Akkoord.objects.exclude(pk=pk) if pk is not None else Akkoord.objects.all()
    while andere.filter(slug=slug).exists():
        slug, volgnummer = f"{basis}-{volgnummer}", volgnummer + 1
    return slug


@transaction.atomic
def akkoord_vastleggen(
    *,
    door: AbstractBaseUser,
    gegevens: dict[str, Any],
    fracties: Iterable[models.Model] | None = None,
    akkoord: Akkoord | None = None,
) -> Akkoord:
    """Records a raadsakkoord (or changes it) with the fracties that carried it."""
    vereis(door, OPDRACHTEN_BEHEREN, akkoord)
    akkoord = velden_zetten(akkoord or Akkoord(), gegevens, AKKOORDVELDEN)
    if not akkoord.slug:
        akkoord.slug = _unieke_slug(akkoord.titel, akkoord.pk)
    vastgesteld = akkoord.vastgesteld_op
    if vastgesteld and akkoord.periode_tot and vastgesteld > akkoord.periode_tot:
        raise ValidationError(
            {"vastgesteld_op": _("Een akkoord wordt niet vastgesteld na het einde van zijn periode.")}
        )
    akkoord.full_clean()
    akkoord.save()
    if fracties is not None:
        akkoord.fracties.set([fractie.pk for fractie in fracties])
    return akkoord


@transaction.atomic
def ambitie_vastleggen(
    *, door: AbstractBaseUser, gegevens: dict[str, Any], ambitie: Ambitie | None = None
) -> Ambitie:
    vereis(door, OPDRACHTEN_BEHEREN, ambitie)
    ambitie = velden_zetten(ambitie or Ambitie(), gegevens, AMBITIEVELDEN)
    ambitie.full_clean()
    ambitie.save()
    return ambitie


@transaction.atomic
def opdracht_vastleggen(
    *, door: AbstractBaseUser, gegevens: dict[str, Any], opdracht: Opdracht | None = None
) -> Opdracht:
    """An assignment the council gave the college in the akkoord; the griffie may record it."""
    vereis(door, OPDRACHTEN_BEHEREN, opdracht)
    opdracht = velden_zetten(opdracht or Opdracht(), gegevens, OPDRACHTVELDEN)
    opdracht.full_clean()
    opdracht.save()
    return opdracht


@transaction.atomic
def programmadoel_vastleggen(
    *, door: AbstractBaseUser, gegevens: dict[str, Any], doel: Programmadoel | None = None
) -> Programmadoel:
    """A goal booked on one of its programme's Iv3 taakvelden (BBV art. 8 lid 5)."""
    vereis(door, AGENDA_BEHEREN, doel)
    doel = velden_zetten(doel or Programmadoel(), gegevens, DOELVELDEN)
    doel.taakveld = (doel.taakveld or "").strip()
    doel.full_clean()
    if doel.taakveld not in doel.programma.taakvelden:
        raise ValidationError(
            {
                "taakveld": _(
                    "Taakveld %(taakveld)s hoort niet bij programma %(programma)s; "
                    "kies uit: %(codes)s (BBV art. 8 lid 5)."
                )
                % {
                    "taakveld": doel.taakveld or "—",
                    "programma": doel.programma,
                    "codes": ", ".join(doel.programma.taakvelden) or "—",
                }
            }
        )
    doel.save()
    return doel


@transaction.atomic
def indicator_vastleggen(
    *,
    door: AbstractBaseUser,
    gegevens: dict[str, Any],
    streefwaarden: dict[int, Decimal] | None = None,
    indicator: Indicator | None = None,
) -> Indicator:
    """A beleidsindicator of a goal with its target per year (a target for a year replaces the
    earlier target for that year; the realisation comes from the progress updates)."""
    vereis(door, AGENDA_BEHEREN, indicator)
    indicator = velden_zetten(indicator or Indicator(), gegevens, INDICATORVELDEN)
    indicator.full_clean()
    indicator.save()
    for jaar, waarde in (streefwaarden or {}).items():
        Streefwaarde.objects.update_or_create(indicator=indicator, jaar=jaar, defaults={"waarde": waarde})
    return indicator


@transaction.atomic
def actie_vastleggen(
    *,
    door: AbstractBaseUser,
    gegevens: dict[str, Any],
    opdrachten: Iterable[Opdracht] | None = None,
    moties: Iterable[models.Model] | None = None,
    toezeggingen: Iterable[models.Model] | None = None,
    actie: Actie | None = None,
) -> Actie:
    """An action carrying out a goal, linked to the council's assignments, moties and toezeggingen
    it answers. Its activities must stay within its period."""
    vereis(door, AGENDA_BEHEREN, actie)
    actie = velden_zetten(actie or Actie(), gegevens, ACTIEVELDEN)
    actie.full_clean()
    if actie.pk:
        buiten = actie.activiteiten.filter(models.Q(begin__lt=actie.begin) | models.Q(einde__gt=actie.einde))
        if buiten.exists():
            raise ValidationError(
                _(
                    "De activiteit '%(titel)s' valt dan buiten de periode van de actie; "
                    "pas eerst de activiteit aan."
                )
                % {"titel": buiten.first()}
            )
    actie.save()
    if opdrachten is not None:
        actie.opdrachten.set(list(opdrachten))
    if moties is not None:
        actie.moties.set([motie.pk for motie in moties])
    if toezeggingen is not None:
        actie.toezeggingen.set([toezegging.pk for toezegging in toezeggingen])
    return actie


def _budget_controleren(budget: dict[int, Decimal], activiteit: Activiteit) -> None:
    for jaar, bedrag in budget.items():
        if bedrag < 0:
            raise ValidationError(
                {
                    "budget": _(
                        "Het budget voor %(jaar)s is negatief (%(bedrag)s); een budget is nul of meer."
                    )
                    % {"jaar": jaar, "bedrag": bedrag}
                }
            )
        if not activiteit.begin.year <= jaar <= activiteit.einde.year:
            raise ValidationError(
                {
                    "budget": _(
                        "Budget voor %(jaar)s valt buiten de looptijd van de activiteit (%(van)s-%(tot)s)."
                    )
                    % {"jaar": jaar, "van": activiteit.begin.year, "tot": activiteit.einde.year}
                }
            )


@transaction.atomic
def activiteit_vastleggen(
    *,
    door: AbstractBaseUser,
    gegevens: dict[str, Any],
    budget: dict[int, Decimal] | None = None,
    activiteit: Activiteit | None = None,
) -> Activiteit:
    """An activity with owner, planned period within its action's, and its budget per year of the
    meerjarenraming (Gemeentewet art. 190). Its status changes only through progress updates."""
    vereis(door, AGENDA_BEHEREN, activiteit)
    activiteit = velden_zetten(activiteit or Activiteit(), gegevens, ACTIVITEITVELDEN)
    activiteit.full_clean()
    actie = activiteit.actie
    if activiteit.begin < actie.begin or activiteit.einde > actie.einde:
        raise ValidationError(
            {
                "begin" if activiteit.begin < actie.begin else "einde": _(
                    "De activiteit valt buiten de periode van de actie (%(van)s t/m %(tot)s)."
                )
                % {"van": actie.begin.strftime("%d-%m-%Y"), "tot": actie.einde.strftime("%d-%m-%Y")}
            }
        )
    if budget is not None:
        _budget_controleren(budget, activiteit)
    activiteit.save()
    if budget is not None:
        activiteit.budgetten.exclude(jaar__in=list(budget)).delete()
        for jaar, bedrag in budget.items():
            post = Budget(activiteit=activiteit, jaar=jaar, bedrag=bedrag)
            post.pk = (
                Budget.objects.filter(activiteit=activiteit, jaar=jaar).values_list("pk", flat=True).first()
            )
            post.full_clean(validate_unique=False)
            post.save()
    return activiteit
