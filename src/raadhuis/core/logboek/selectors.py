"""Reads of the log and the register, with the joins each page needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import FieldDoesNotExist
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.functional import Promise

from raadhuis.core import bsn as bsn_module
from raadhuis.core.models import Logregel, Verwerkingsactiviteit


@dataclass(frozen=True)
class Logboekfilter:
    """A privacy officer's search. It holds the data subject's keyed hash, never the identifier."""

    betrokkene_type: str = ""
    betrokkene_hash: str = ""
    medewerker_id: str = ""
    activiteit: str = ""
    vanaf: date | None = None
    tot_en_met: date | None = None


def _begin_van(dag: date) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time.min))


def logregels(filter: Logboekfilter) -> QuerySet[Logregel]:
    """The entries matching the filter, newest first, with their register version."""
    regels = Logregel.objects.select_related("verwerkingsactiviteit").order_by("-volgnummer")
    if filter.betrokkene_hash:
        regels = regels.filter(betrokkene_type=filter.betrokkene_type, betrokkene_hash=filter.betrokkene_hash)
    if filter.medewerker_id:
        regels = regels.filter(door_soort=Logregel.DoorSoort.MEDEWERKER, door_id=filter.medewerker_id)
    if filter.activiteit:
        regels = regels.filter(verwerkingsactiviteit__sleutel=filter.activiteit)
    if filter.vanaf:
        regels = regels.filter(start_tijd__gte=_begin_van(filter.vanaf))
    if filter.tot_en_met:
        regels = regels.filter(start_tijd__lt=_begin_van(filter.tot_en_met + timedelta(days=1)))
    return regels


def verwerkingen_van_betrokkene(*, soort: str, sleutelhash: str) -> QuerySet[Logregel]:
    """What was processed about one data subject, for their own inzage (AVG art. 15)."""
    return (
        Logregel.objects.filter(betrokkene_type=soort, betrokkene_hash=sleutelhash)
        .select_related("verwerkingsactiviteit")
        .order_by("-volgnummer")
    )


def actuele_verwerkingsactiviteiten() -> QuerySet[Verwerkingsactiviteit]:
    """The register as it stands: the latest version of every entry."""
    laatste = (
        Verwerkingsactiviteit.objects.filter(sleutel=OuterRef("sleutel"))
        .order_by("-versie")
        .values("versie")[:1]
    )
    return Verwerkingsactiviteit.objects.filter(versie=Subquery(laatste)).order_by("naam")


def versies_van(sleutel: str) -> QuerySet[Verwerkingsactiviteit]:
    return Verwerkingsactiviteit.objects.filter(sleutel=sleutel).order_by("-versie")


def medewerkers_voor_filter() -> QuerySet[AbstractBaseUser]:
    return get_user_model().objects.order_by("username")


def betrokkene_gemaskeerd(regel: Logregel) -> str:
    """The data subject with all but the last three characters hidden (as on government letters)."""
    if not regel.betrokkene_versleuteld:
        return ""
    try:
        waarde = bsn_module.ontsleutel(regel.betrokkene_versleuteld)
    except ValueError:
        return "*********"  # written with a key that has since been removed
    return maskeren(regel.betrokkene_type, waarde)


def maskeren(soort: str, waarde: str) -> str:
    if soort == "BSN":
        return bsn_module.maskeer(waarde)
    return "*" * max(len(waarde) - 3, 3) + waarde[-3:]


@cache
def rol_labels() -> dict[str, str | Promise]:
    """Role codes to their names, read from the user model's role field without importing accounts."""
    try:
        relatie = get_user_model()._meta.get_field("roltoekenningen")
        model = relatie.related_model
        if model is None or isinstance(model, str):
            return {}
        veld = model._meta.get_field("rol")
    except FieldDoesNotExist:
        return {}
    # Lazy labels stay lazy: the cache must not freeze the language of the first request.
    return {str(code): label for code, label in getattr(veld, "flatchoices", [])}


def rollen_tonen(regel: Logregel) -> str:
    labels = rol_labels()
    return ", ".join(str(labels.get(rol, rol)) for rol in regel.door_rollen.split(",") if rol)
