"""The Woo demo loads whatever the clock does while it runs."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core.management.base import OutputWrapper
from freezegun import freeze_time

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.woo import demo
from raadhuis.woo.models import Kanaal, WooVerzoek

VOORBEELDEN = (
    "_besloten_met_documenten",
    "_in_beoordeling_bijna_verlopen",
    "_verlopen_met_ingebrekestelling",
    "_verdaagd",
    "_zienswijze",
    "_verduidelijking",
    "_ingetrokken",
)


@pytest.mark.django_db
def test_demo_die_over_middernacht_loopt_registreert_het_webverzoek_op_de_nieuwe_dag(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The web form only accepts the day it is sent on (woo.services.verzoeken): a demo started at
    23:59 in Amsterdam that passes midnight while loading registers it on the new day."""
    MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR])
    MedewerkerFactory(rollen=[Rol.BEHANDELAAR])
    # The requests with documents take half a minute to make and do not matter here.
    for maker in VOORBEELDEN:
        monkeypatch.setattr(demo, maker, lambda *args: None)
    with freeze_time("2026-03-10 22:59:30") as klok:  # 23:59:30 in Amsterdam (CET)

        def historie_tot_na_middernacht(mensen: demo.Mensen, vandaag: date) -> int:
            assert vandaag == date(2026, 3, 10)
            klok.tick(timedelta(minutes=1))
            return 0

        monkeypatch.setattr(demo, "_historie", historie_tot_na_middernacht)
        demo.laden(OutputWrapper(io.StringIO()))

    webverzoek = WooVerzoek.objects.get(kanaal=Kanaal.WEBFORMULIER)
    assert webverzoek.ontvangen_op == date(2026, 3, 11)
