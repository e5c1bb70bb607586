"""Records a resident's or business's login in the Logboek Dataverwerkingen (core.logboek)."""

from __future__ import annotations

from django.db import transaction

from raadhuis.core.identiteit import Identiteit, Soort
from raadhuis.core.logboek import vastleggen
from raadhuis.core.logboek.activiteiten import INLOGGEN_DIGID, INLOGGEN_EHERKENNING


def inloggen_vastleggen(*, identiteit: Identiteit) -> None:
    """A login processes the BSN or KvK number the broker sends (AVG art. 5 lid 2 and art. 30;
    wdo-en-beveiliging.md section 6): the data subject is the person or business itself, acting
    in their own session. Stored encrypted and as a keyed hash by the logboek, never in plain text."""
    activiteit = INLOGGEN_DIGID if identiteit.soort is Soort.INWONER else INLOGGEN_EHERKENNING
    with transaction.atomic():
        vastleggen(
            naam=f"inloggen.{identiteit.middel}",
            activiteit=activiteit,
            betrokkene=identiteit.betrokkene_sleutel,
            door=identiteit,
        )
