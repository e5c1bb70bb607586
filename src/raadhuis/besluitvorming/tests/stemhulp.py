"""Set-ups shared by the vote tests: a raad in a meeting, proposals submitted through the services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils import timezone

from raadhuis.besluitvorming import services
from raadhuis.besluitvorming.models import Agendapunt, Persoon, Stem, Vergadering, Voorstel
from raadhuis.besluitvorming.tests.factories import (
    AgendapuntFactory,
    LidmaatschapFactory,
    OrgaanFactory,
    Raad,
    VergaderingFactory,
)

VERGADERDAG = dt.datetime(2024, 3, 14, 19, 30, tzinfo=dt.UTC)
VOOR, TEGEN, AFWEZIG = Stem.Keuze.VOOR, Stem.Keuze.TEGEN, Stem.Keuze.AFWEZIG


def vergadering_van(raad: Raad, *, dagen_later: int = 0) -> Vergadering:
    return VergaderingFactory(orgaan=raad.orgaan, begin=VERGADERDAG + dt.timedelta(days=dagen_later))


def agendapunt_van(vergadering: Vergadering) -> Agendapunt:
    return AgendapuntFactory(vergadering=vergadering)


def indienen(
    door: object,
    raad: Raad,
    agendapunt: Agendapunt | None,
    *,
    soort: str = Voorstel.Soort.MOTIE,
    wijzigt: Voorstel | None = None,
    vergadering: Vergadering | None = None,
    titel: str = "Motie Groen doet goed",
    strekking: int = 0,
) -> Voorstel:
    vergadering = vergadering or (agendapunt.vergadering if agendapunt else None)
    assert vergadering is not None
    return services.voorstel_indienen(
        vergadering=vergadering,
        agendapunt=agendapunt,
        soort=soort,
        titel=titel,
        indieners=[] if soort == Voorstel.Soort.VOORSTEL else [raad.leden[0]],
        mede_indieners=[] if soort == Voorstel.Soort.VOORSTEL else [raad.leden[-1]],
        wijzigt=wijzigt,
        strekking=strekking,
        door=door,
        ingediend_op=timezone.now(),
    )


def hoofdelijk(aanwezig: Sequence[Persoon], voor: int) -> dict[Persoon, str]:
    """The first `voor` present members vote voor, the others tegen."""
    return {lid: VOOR if i < voor else TEGEN for i, lid in enumerate(aanwezig)}


def collegeleden(aantal: int = 5) -> tuple[object, list[Persoon], Persoon]:
    """A college with a burgemeester (chair, with a vote) and wethouders; returns (orgaan, leden, bm)."""
    from raadhuis.besluitvorming.models import Lidmaatschap

    college = OrgaanFactory(college=True, zetels=aantal)
    burgemeester = LidmaatschapFactory(orgaan=college, functie=Lidmaatschap.Functie.BURGEMEESTER).persoon
    wethouders = [
        LidmaatschapFactory(orgaan=college, functie=Lidmaatschap.Functie.WETHOUDER).persoon
        for _ in range(aantal - 1)
    ]
    return college, [burgemeester, *wethouders], burgemeester
