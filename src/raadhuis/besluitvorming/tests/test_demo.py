"""Demo data of besluitvorming: loads on an empty database through the services, once."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management.base import OutputWrapper
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts import demo as accounts_demo
from raadhuis.besluitvorming import demo, demo_gegevens
from raadhuis.besluitvorming.models import (
    Aanwezigheid,
    Besluit,
    Fractie,
    Fractiestemresultaat,
    Orgaan,
    Persoon,
    Spreekverzoek,
    Stem,
    Stemming,
    Stuk,
    Toezegging,
    Vergadering,
    Voorstel,
)
from raadhuis.core.tests.wereld import klassewereld

pytestmark = pytest.mark.django_db

MODELLEN = (
    Orgaan,
    Fractie,
    Persoon,
    Vergadering,
    Aanwezigheid,
    Stuk,
    Voorstel,
    Stemming,
    Stem,
    Fractiestemresultaat,
    Besluit,
    Toezegging,
)


def besluitvorming_laden(tmp: Path) -> str:
    """The demo accounts and besluitvorming's demo; what it printed."""
    accounts_demo.laden(OutputWrapper(io.StringIO()))
    uitvoer = io.StringIO()
    demo.laden(OutputWrapper(uitvoer))
    return uitvoer.getvalue()


# Loaded once for the tests of TestGeladen, each in a savepoint (a load takes seconds).
geladen = klassewereld("besluitvorming-demo", besluitvorming_laden)


def tellingen() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELLEN}


@pytest.mark.django_db
class TestGeladen:
    def test_raad_heeft_31_zetels_en_9_fracties(self, geladen: str) -> None:
        raad = Orgaan.objects.get(slug=demo.RAAD_SLUG)
        assert raad.zetels == 31
        assert Fractie.objects.count() == 9
        assert all("(demo)" in naam for naam in Fractie.objects.values_list("naam", flat=True))
        assert "Besluitvorming: 31 zetels, 9 fracties" in geladen

    def test_raadsakkoord_aangenomen_met_8_van_9_fracties(self, geladen: str) -> None:
        stemming = Stemming.objects.get(
            vergadering__begin__date=dt.date(2022, 6, 15), voorstel__titel__contains="Bouwen aan de toekomst"
        )
        assert stemming.uitkomst == Stemming.Uitkomst.AANGENOMEN
        resultaten = list(stemming.fractieresultaten.values_list("resultaat", flat=True))
        assert resultaten.count(Fractiestemresultaat.Resultaat.AANGENOMEN) == 8
        assert resultaten.count(Fractiestemresultaat.Resultaat.VERWORPEN) == 1

    def test_staking_van_stemmen_uitgesteld_en_daarna_verworpen(self, geladen: str) -> None:
        motie = Voorstel.objects.get(titel=demo_gegevens.TIE_MOTIE)
        uitkomsten = list(motie.stemmingen.order_by("moment").values_list("uitkomst", flat=True))
        assert uitkomsten == [Stemming.Uitkomst.UITGESTELD, Stemming.Uitkomst.VERWORPEN]
        assert Stemming.objects.filter(uitkomst=Stemming.Uitkomst.UITGESTELD).count() == 1

    def test_alle_vergaderingen_gehouden_met_gepubliceerde_agenda(self, geladen: str) -> None:
        # Except the one coming commissie meeting where residents may still sign up to speak (demo_inspreken).
        komend = Vergadering.objects.filter(begin__gt=timezone.now())
        assert [v.orgaan.slug for v in komend] == ["commissie-bestuur-en-dienstverlening"]
        assert komend.get().agenda_gepubliceerd_op is not None
        vergaderingen = Vergadering.objects.exclude(pk__in=komend)
        assert not vergaderingen.exclude(status=Vergadering.Status.GEHOUDEN).exists()
        assert not vergaderingen.filter(agenda_gepubliceerd_op__isnull=True).exists()
        assert not vergaderingen.filter(besluitenlijst_vastgesteld_op__isnull=True).exists()
        assert Stuk.objects.filter(openbaarheid=Stuk.Openbaarheid.GEHEIM).count() == 1

    def test_tweede_keer_laden_verandert_niets(self, geladen: str) -> None:
        eerst = tellingen()
        uitvoer = io.StringIO()

        demo.laden(OutputWrapper(uitvoer))

        assert tellingen() == eerst
        assert uitvoer.getvalue() == ""

    def test_openbare_pagina_van_een_demovergadering(self, geladen: str, client: Client) -> None:
        vergadering = Vergadering.objects.filter(orgaan__slug=demo.RAAD_SLUG).order_by("-begin").first()
        assert vergadering is not None
        antwoord = client.get(f"/bestuur/vergaderingen/{vergadering.pk}/")
        assert antwoord.status_code == 200
        assert vergadering.titel in antwoord.content.decode()

    def test_komende_commissievergadering_met_insprekers(self, geladen: str, client: Client) -> None:
        assert "Inspreken: " in geladen
        verzoeken = Spreekverzoek.objects.order_by("pk")
        assert [(v.status, v.naam_publiceren) for v in verzoeken] == [
            (Spreekverzoek.Status.TOEGELATEN, True),
            (Spreekverzoek.Status.TOEGELATEN, False),
            (Spreekverzoek.Status.AANGEVRAAGD, True),
        ]
        pagina = client.get(reverse("besluitvorming:vergadering", args=[verzoeken[0].vergadering_id]))
        tekst = pagina.content.decode()
        assert "Fatma Yilmaz (demo)" in tekst
        assert "Jan de Vries (demo)" not in tekst  # admitted, but without consent to show the name
        assert "Anouk Jansen (demo)" not in tekst  # not admitted yet
        assert "Aanmelden om in te spreken" in tekst


def test_zonder_griffie_account_wordt_niets_geladen() -> None:
    uitvoer = io.StringIO()
    demo.laden(OutputWrapper(uitvoer))
    assert not Orgaan.objects.exists()
    assert "overgeslagen" in uitvoer.getvalue()
