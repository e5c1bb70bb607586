"""Writes about proposals: submitting and withdrawing raadsvoorstellen, moties and (sub)amendementen
(Gemeentewet art. 147a-147b); the votes on them are in services.stemmingen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from raadhuis.besluitvorming.models import (
    Agendapunt,
    Besluit,
    Indiener,
    Persoon,
    Stuk,
    Vergadering,
    Voorstel,
)
from raadhuis.besluitvorming.rechten import VOORSTEL_INDIENEN
from raadhuis.besluitvorming.selectors.stemmingen import (
    fracties_op,
    zitting_hebbende_leden_op,
)
from raadhuis.core.rechten import vereis

# Proposals the raad can still decide on.
AANHANGIG = (Voorstel.Status.INGEDIEND, Voorstel.Status.UITGESTELD)
AMENDEMENTEN = (Voorstel.Soort.AMENDEMENT, Voorstel.Soort.SUBAMENDEMENT)
MOTIES = (Voorstel.Soort.MOTIE, Voorstel.Soort.MOTIE_VREEMD)


def _datum(vergadering: Vergadering) -> dt.date:
    return timezone.localdate(vergadering.begin)


def _naam(voorstel: Voorstel) -> str:
    return f"{voorstel.get_soort_display()} '{voorstel.titel}'"


def _vergrendelen(voorstel: Voorstel | None, agendapunt: Agendapunt | None) -> None:
    """Locks the matter voted on, so two clicks on "vastleggen" cannot record two votes; the caller's
    instances are refreshed in place to what the database holds now."""
    if voorstel is not None:
        list(Voorstel.objects.select_for_update().filter(pk=voorstel.pk).values_list("pk"))
        voorstel.refresh_from_db()
    if agendapunt is not None:
        list(Agendapunt.objects.select_for_update().filter(pk=agendapunt.pk).values_list("pk"))


# -- moties en amendementen ------------------------------------------------------------------------


@transaction.atomic
def voorstel_indienen(
    *,
    vergadering: Vergadering,
    soort: str,
    titel: str,
    door: AbstractBaseUser,
    indieners: Sequence[Persoon] = (),
    mede_indieners: Sequence[Persoon] = (),
    agendapunt: Agendapunt | None = None,
    motie_type: str = "",
    wijzigt: Voorstel | None = None,
    tekst: str = "",
    gewijzigde_tekst: str = "",
    strekking: int = 0,
    stuk: Stuk | None = None,
    ingediend_op: dt.datetime | None = None,
) -> Voorstel:
    """Submits a raadsvoorstel, (sub)amendement or motie. Every raadslid may submit amendementen and
    initiatiefvoorstellen (Gemeentewet arts. 147a-147b) and moties (reglement van orde); an amendement
    changes a raadsvoorstel on the same agendapunt, a subamendement an amendement; a motie vreemd aan de
    orde van de dag has no agendapunt. Indieners and mede-indieners hold a seat on the meeting's date;
    the first indiener is marked as such. A raadslid submits only as one of the indieners (rechten)."""
    vereis(door, VOORSTEL_INDIENEN, tuple(indieners))
    fouten: list[str] = []
    if soort not in Voorstel.Soort.values:
        raise ValidationError({"soort": f"Onbekende soort voorstel: {soort}."})
    if agendapunt is None and wijzigt is not None and soort in AMENDEMENTEN:
        agendapunt = wijzigt.agendapunt
    if soort == Voorstel.Soort.MOTIE_VREEMD:
        if agendapunt is not None:
            fouten.append("Een motie vreemd aan de orde van de dag hoort niet bij een agendapunt.")
        motie_type = motie_type or Voorstel.MotieType.VREEMD
    elif agendapunt is None:
        fouten.append("Kies het agendapunt waarbij het voorstel wordt ingediend.")
    elif agendapunt.vergadering_id != vergadering.pk:
        fouten.append("Het agendapunt hoort niet bij deze vergadering.")
    if soort in MOTIES:
        motie_type = motie_type or Voorstel.MotieType.VOORSTEL
    elif motie_type:
        fouten.append("Alleen een motie heeft een soort motie.")
    vereist = {
        Voorstel.Soort.AMENDEMENT: Voorstel.Soort.VOORSTEL,
        Voorstel.Soort.SUBAMENDEMENT: Voorstel.Soort.AMENDEMENT,
    }.get(Voorstel.Soort(soort))
    if vereist is None and wijzigt is not None:
        fouten.append("Alleen een amendement of subamendement wijzigt een ander voorstel.")
    elif vereist is not None:
        soortnaam = "amendement" if soort == Voorstel.Soort.AMENDEMENT else "subamendement"
        doel = "een raadsvoorstel" if vereist == Voorstel.Soort.VOORSTEL else "een amendement"
        if wijzigt is None:
            fouten.append(f"Een {soortnaam} wijzigt {doel}; kies welk (Gemeentewet art. 147b).")
        elif wijzigt.soort != vereist:
            fouten.append(f"Een {soortnaam} wijzigt {doel}, niet {_naam(wijzigt)}.")
        elif agendapunt is not None and wijzigt.agendapunt_id != agendapunt.pk:
            fouten.append(f"{_naam(wijzigt).capitalize()} staat niet op hetzelfde agendapunt.")
        elif wijzigt.status not in AANHANGIG:
            fouten.append(
                f"{_naam(wijzigt).capitalize()} is {wijzigt.get_status_display()} en kan niet meer "
                "worden gewijzigd."
            )
    if soort != Voorstel.Soort.VOORSTEL and not indieners:
        fouten.append("Een motie of amendement wordt door ten minste één raadslid ingediend.")
    alle = [*indieners, *mede_indieners]
    dubbel = sorted({p.naam for p in alle if sum(q.pk == p.pk for q in alle) > 1})
    fouten += [f"{naam} staat meer dan één keer bij de indieners." for naam in dubbel]
    datum = _datum(vergadering)
    zittend = {persoon.pk for persoon in zitting_hebbende_leden_op(orgaan=vergadering.orgaan, op=datum)}
    fouten += [
        f"{persoon.naam} heeft op {datum:%d-%m-%Y} geen zitting in {vergadering.orgaan} en kan niet indienen."
        for persoon in alle
        if persoon.pk not in zittend
    ]
    if fouten:
        raise ValidationError(fouten)
    voorstel = Voorstel(
        vergadering=vergadering,
        agendapunt=agendapunt,
        soort=soort,
        motie_type=motie_type,
        wijzigt=wijzigt,
        titel=titel,
        tekst=tekst,
        gewijzigde_tekst=gewijzigde_tekst,
        strekking=strekking,
        stuk=stuk,
        ingediend_op=ingediend_op or timezone.now(),
    )
    voorstel.full_clean()
    voorstel.save()
    fractie_van = fracties_op(personen=alle, op=datum)
    for nummer, persoon in enumerate(alle):
        indiener = Indiener(
            voorstel=voorstel, persoon=persoon, fractie=fractie_van.get(persoon.pk), eerste=nummer == 0
        )
        indiener.full_clean()
        indiener.save()
    return voorstel


def _vervallen(voorstel: Voorstel) -> list[Voorstel]:
    """The pending (sub)amendementen that lapse with `voorstel`: they have nothing left to amend."""
    vervallen: list[Voorstel] = []
    for wijziging in voorstel.wijzigingen.filter(status__in=AANHANGIG):
        vervallen += [wijziging, *_vervallen(wijziging)]
    return vervallen


@transaction.atomic
def voorstel_intrekken(*, voorstel: Voorstel, door: AbstractBaseUser) -> Voorstel:
    """Withdraws a proposal before it is decided; its pending (sub)amendementen lapse with it. A
    withdrawn raadsvoorstel is recorded as the besluit on its agendapunt."""
    vereis(door, VOORSTEL_INDIENEN, voorstel)
    _vergrendelen(voorstel, None)
    if voorstel.status not in (*AANHANGIG, Voorstel.Status.AANGEHOUDEN):
        raise ValidationError(
            f"{_naam(voorstel).capitalize()} is {voorstel.get_status_display()} en kan niet meer worden "
            "ingetrokken."
        )
    for ingetrokken in [voorstel, *_vervallen(voorstel)]:
        ingetrokken.status = Voorstel.Status.INGETROKKEN
        ingetrokken.full_clean()
        ingetrokken.save(update_fields=["status"])
    if voorstel.soort == Voorstel.Soort.VOORSTEL and voorstel.agendapunt is not None:
        besluit = Besluit(
            agendapunt=voorstel.agendapunt,
            voorstel=voorstel,
            resultaat=Besluit.Resultaat.INGETROKKEN,
            toelichting="Het voorstel is ingetrokken.",
            genomen_op=timezone.localdate(),
        )
        besluit.full_clean()
        besluit.save()
    return voorstel
