"""Shared helpers of the consultation tests: consultations in each state, made directly."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from raadhuis.samenleving.models import Consultatie, Reactie


def vandaag() -> dt.date:
    return timezone.localdate()


def consultatie(*, begin: int = -7, eind: int = 14, **velden: Any) -> Consultatie:
    """A consultation whose period runs from `begin` to `eind` days from today."""
    waarden: dict[str, Any] = {
        "titel": "Ontwerp-Parkeerbeleid 2027",
        "samenvatting": "Nieuwe parkeernormen voor de kernen.",
        "initiatiefnemer": Consultatie.Initiatiefnemer.COLLEGE,
        "begindatum": vandaag() + dt.timedelta(days=begin),
        "einddatum": vandaag() + dt.timedelta(days=eind),
        "contact": "Team Verkeer",
        **velden,
    }
    return Consultatie.objects.create(**waarden)


def reactie(consultatie: Consultatie, **velden: Any) -> Reactie:
    waarden: dict[str, Any] = {
        "naam": "Fatima el Amrani",
        "emailadres": "fatima@example.org",
        "tekst": "Meer fietsparkeerplekken bij het station graag.",
        "openbaar": True,
        "naam_tonen": True,
        **velden,
    }
    return Reactie.objects.create(consultatie=consultatie, **waarden)
