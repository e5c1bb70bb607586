"""Writes to the registers of toezeggingen and adopted moties: owner, deadline, status, answer."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from raadhuis.besluitvorming.models import Agendapunt, Persoon, Toezegging, Vergadering, Voorstel
from raadhuis.besluitvorming.rechten import REGISTERS_BEANTWOORDEN, REGISTERS_BIJWERKEN
from raadhuis.besluitvorming.selectors.stemmingen import is_collegelid_op
from raadhuis.core.rechten import vereis

MOTIES = (Voorstel.Soort.MOTIE, Voorstel.Soort.MOTIE_VREEMD)


def _portefeuillehouder_controleren(persoon: Persoon, op: dt.date) -> list[str]:
    """The college and each wethouder answer to the raad (Gemeentewet art. 169): the owner of a
    toezegging or motie is a wethouder or the burgemeester in the college on that date."""
    if is_collegelid_op(persoon=persoon, op=op):
        return []
    return [
        f"{persoon.naam} is op {op:%d-%m-%Y} geen wethouder of burgemeester en kan geen "
        "portefeuillehouder zijn."
    ]


@transaction.atomic
def toezegging_vastleggen(
    *,
    vergadering: Vergadering,
    portefeuillehouder: Persoon,
    tekst: str,
    uiterste_datum: dt.date,
    door: AbstractBaseUser,
    agendapunt: Agendapunt | None = None,
) -> Toezegging:
    """Records what the college or a wethouder promised the raad in a meeting, with owner and deadline."""
    vereis(door, REGISTERS_BIJWERKEN, vergadering)
    datum = timezone.localdate(vergadering.begin)
    fouten = _portefeuillehouder_controleren(portefeuillehouder, datum)
    if agendapunt is not None and agendapunt.vergadering_id != vergadering.pk:
        fouten.append("Het agendapunt hoort niet bij deze vergadering.")
    if uiterste_datum < datum:
        fouten.append(
            "De uiterste datum kan niet vóór de vergadering liggen waarin de toezegging werd gedaan."
        )
    if fouten:
        raise ValidationError(fouten)
    toezegging = Toezegging(
        vergadering=vergadering,
        agendapunt=agendapunt,
        portefeuillehouder=portefeuillehouder,
        tekst=tekst.strip(),
        uiterste_datum=uiterste_datum,
    )
    toezegging.full_clean()
    toezegging.save()
    return toezegging


@transaction.atomic
def toezegging_afdoen(
    *,
    toezegging: Toezegging,
    antwoord: str,
    door: AbstractBaseUser,
    status: str = Toezegging.Status.AFGEDAAN,
    afgedaan_op: dt.date | None = None,
) -> Toezegging:
    """Closes an open toezegging with the college's answer (afgedaan) or why it lapsed (vervallen)."""
    vereis(door, REGISTERS_BEANTWOORDEN, toezegging)
    fouten: list[str] = []
    if toezegging.status != Toezegging.Status.OPEN:
        fouten.append(f"De toezegging is al {toezegging.get_status_display()}.")
    if status not in (Toezegging.Status.AFGEDAAN, Toezegging.Status.VERVALLEN):
        fouten.append("Een toezegging wordt afgedaan of vervalt.")
    if not antwoord.strip():
        fouten.append("Geef het antwoord van het college, of waarom de toezegging vervalt.")
    if fouten:
        raise ValidationError(fouten)
    toezegging.status = status
    toezegging.antwoord = antwoord.strip()
    toezegging.afgedaan_op = afgedaan_op or timezone.localdate()
    toezegging.full_clean()
    toezegging.save(update_fields=["status", "antwoord", "afgedaan_op"])
    return toezegging


@transaction.atomic
def motie_afhandeling_bijwerken(
    *,
    motie: Voorstel,
    door: AbstractBaseUser,
    portefeuillehouder: Persoon | None = None,
    uiterste_datum: dt.date | None = None,
    afhandeling: str | None = None,
    antwoord_college: str | None = None,
    afgedaan_op: dt.date | None = None,
) -> Voorstel:
    """Keeps an adopted motie's entry in the moties register. Owner and deadline are the griffie's
    (registers_bijwerken); the college's answer and whether it is done may also come from a collegelid
    (registers_beantwoorden). Only the given fields change."""
    if portefeuillehouder is not None or uiterste_datum is not None:
        vereis(door, REGISTERS_BIJWERKEN, motie)
    if afhandeling is not None or antwoord_college is not None:
        vereis(door, REGISTERS_BEANTWOORDEN, motie)
    fouten: list[str] = []
    if motie.soort not in MOTIES or motie.status != Voorstel.Status.AANGENOMEN:
        raise ValidationError("Alleen een aangenomen motie staat in het moties register.")
    vandaag = timezone.localdate()
    velden: list[str] = []
    if portefeuillehouder is not None:
        fouten += _portefeuillehouder_controleren(portefeuillehouder, vandaag)
        motie.portefeuillehouder = portefeuillehouder
        velden.append("portefeuillehouder")
    if uiterste_datum is not None:
        motie.uiterste_datum = uiterste_datum
        velden.append("uiterste_datum")
    if antwoord_college is not None:
        motie.antwoord_college = antwoord_college.strip()
        velden.append("antwoord_college")
    if afhandeling is not None:
        if afhandeling not in Voorstel.Afhandeling.values:
            fouten.append(f"Onbekende afhandeling: {afhandeling}.")
        motie.afhandeling = afhandeling
        klaar = afhandeling != Voorstel.Afhandeling.OPEN
        if klaar and not motie.antwoord_college:
            fouten.append("Geef het antwoord van het college bij een afgehandelde motie.")
        motie.afgedaan_op = (afgedaan_op or vandaag) if klaar else None
        velden += ["afhandeling", "afgedaan_op"]
    if fouten:
        raise ValidationError(fouten)
    motie.full_clean()
    if velden:
        motie.save(update_fields=velden)
    return motie
