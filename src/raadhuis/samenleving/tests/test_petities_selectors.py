"""Reads of petitions: one query for a public list with its counts, the site search finds open
petitions and never a refused one, and the demo loads once."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management.base import OutputWrapper
from django.utils import timezone

from raadhuis.accounts.models import Medewerker
from raadhuis.core import zoeken
from raadhuis.samenleving import demo
from raadhuis.samenleving.models import Ondertekening, Petitie
from raadhuis.samenleving.selectors import petities as selectors
from raadhuis.samenleving.services import petities as services

pytestmark = pytest.mark.django_db


def _petitie(titel: str, tekst: str) -> Petitie:
    return services.petitie_indienen(
        soort=Petitie.Soort.PETITIE,
        titel=titel,
        tekst=tekst,
        initiatiefnemer_naam="N",
        initiatiefnemer_email="n@example.org",
        ondertekenen_tot=timezone.localdate() + dt.timedelta(days=10),
    )


def test_openbare_lijst_in_een_query(
    griffier: Medewerker, django_assert_num_queries: Callable[..., Any]
) -> None:
    for nummer in range(3):
        petitie = services.petitie_openen(petitie=_petitie(f"P{nummer}", "t"), door=griffier)
        services.ondertekenen_met_digid(petitie=petitie, bsn=f"99999{nummer}")
    with django_assert_num_queries(1):
        aantallen = [p.aantal for p in selectors.openbare_petities()]
    assert aantallen == [1, 1, 1]


def test_zoeken_vindt_open_petitie_en_geen_geweigerde(griffier: Medewerker) -> None:
    services.petitie_openen(
        petitie=_petitie("Zebrapad Oostlaan", "Een veilige oversteekplaats."), door=griffier
    )
    services.petitie_weigeren(
        petitie=_petitie("Oversteekplaats weg", "Een oversteekplaats weg."), reden="x", door=griffier
    )
    treffers = zoeken.zoeken(vraag="oversteekplaats", soorten=[services.ZOEKSOORT]).treffers
    assert [t.titel for t in treffers] == ["Zebrapad Oostlaan"]


def test_demo_laadt_eenmaal(griffier: Medewerker) -> None:
    uitvoer = OutputWrapper(io.StringIO())
    demo.laden(uitvoer)
    aantallen = (Petitie.objects.count(), Ondertekening.objects.count())
    assert aantallen == (3, 23 + 12 + 31)
    assert Petitie.objects.filter(status=Petitie.Status.AFGEHANDELD).count() == 1
    assert Petitie.objects.get(soort=Petitie.Soort.BURGERINITIATIEF).ontvankelijkheid == "onbeslist"
    demo.laden(uitvoer)
    assert (Petitie.objects.count(), Ondertekening.objects.count()) == aantallen
