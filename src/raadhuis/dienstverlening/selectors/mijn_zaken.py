"""Reads for "Mijn zaken": only the logged-in resident's or business's own cases."""

from __future__ import annotations

from django.db.models import QuerySet

from raadhuis.core.identiteit import Identiteit, Soort
from raadhuis.dienstverlening.models import Zaak


def eigen_zaken(identiteit: Identiteit) -> QuerySet[Zaak]:
    """Newest first, by the index on (initiator, registratiedatum, id). An identity without a BSN or
    KvK number owns nothing (an empty value must never match the cases of businesses or residents)."""
    if identiteit.soort is Soort.INWONER:
        if not identiteit.bsn:
            return Zaak.objects.none()
        zaken = Zaak.objects.filter(initiator_bsn=identiteit.bsn)
    else:
        if not identiteit.kvk_nummer:
            return Zaak.objects.none()
        zaken = Zaak.objects.filter(initiator_kvk=identiteit.kvk_nummer)
    return zaken.select_related("statustype", "resultaattype").order_by("-registratiedatum", "-id")
