"""The demo: loads after besluitvorming's, links to its fracties, meeting and moties; idempotent; and
produces the 2023 chapter of "Bestuur en Dienstverlening" in the seed's shape."""

from __future__ import annotations

import io
from pathlib import Path

import pymupdf
import pytest
from django.core.management.base import OutputWrapper

from raadhuis.accounts import demo as accounts_demo
from raadhuis.besluitvorming import demo as besluitvorming_demo
from raadhuis.core.pdf import pdf_naar_png, pdf_tekst
from raadhuis.core.selectors import begrotingsprogrammas
from raadhuis.core.tests.wereld import klassewereld
from raadhuis.uitvoering import demo, rapporten, selectors
from raadhuis.uitvoering.models import Activiteit, Kengetal, MidTermReview, Voortgangsupdate

pytestmark = pytest.mark.django_db

SEED_DOELEN = (
    "Zorgen voor goede besluitvorming in de gemeenteraad en het college en in verbinding met de samenleving",
    "Deelnemen aan, benutten en bewaken van intergemeentelijke samenwerkingsverbanden",
    "Doorontwikkelen van de (digitale) dienstverlening",
)


def _laden(tmp: Path) -> str:
    accounts_demo.laden(OutputWrapper(io.StringIO()))
    besluitvorming_demo.laden(OutputWrapper(io.StringIO()))
    uitvoer = io.StringIO()
    demo.laden(OutputWrapper(uitvoer))
    return uitvoer.getvalue()


# Loaded once for the tests of TestGeladen, each in a savepoint (a load takes seconds).
geladen = klassewereld("uitvoering-demo", _laden)


@pytest.mark.django_db
class TestGeladen:
    def test_akkoord_met_8_van_9_fracties_idempotent_en_mid_term_review_als_stuk(self, geladen: str) -> None:
        akkoord = selectors.akkoord_op_slug("bouwen-aan-de-toekomst")
        assert akkoord is not None
        assert akkoord.fracties.count() == 8
        assert str(akkoord.vastgesteld_op) == "2022-06-15"
        assert "8 fracties" in geladen
        voor = (Activiteit.objects.count(), Voortgangsupdate.objects.count(), Kengetal.objects.count())
        demo.laden(OutputWrapper(io.StringIO()))
        assert (
            Activiteit.objects.count(),
            Voortgangsupdate.objects.count(),
            Kengetal.objects.count(),
        ) == voor
        review = MidTermReview.objects.get()
        assert review.stuk is not None
        assert review.stuk.titel.startswith("Mid-term review Bouwen aan de toekomst")

    def test_hoofdstuk_2023_in_de_vorm_van_het_seed_als_pdf_en_csv(
        self, geladen: str, tmp_path: Path
    ) -> None:
        hoofdstuk = _hoofdstuk_2023()
        tekst = pdf_tekst(rapporten.hoofdstuk_pdf(hoofdstuk))
        for vraag in ("Wat wilden we bereiken?", "Wat hebben we daarvoor gedaan?", "Wat heeft het gekost?"):
            assert vraag in tekst
        platte_tekst = " ".join(tekst.split())
        for doel in SEED_DOELEN:
            assert doel in platte_tekst
        for indicator in ("Formatie", "Bezetting", "Apparaatskosten", "Externe inhuur", "Overhead"):
            assert indicator in tekst
        assert "6,18" in tekst  # formatie: 352.4 fte / 57,000 inwoners * 1,000
        assert "10,50" in tekst  # externe inhuur: 3.15 M / (26.85 M + 3.15 M)
        assert hoofdstuk.begroot > 0
        assert hoofdstuk.besteed is not None
        assert "Startnotitie visie op dienstverlening" in platte_tekst
        assert "Totaal" in tekst
        png = pdf_naar_png(rapporten.hoofdstuk_pdf(hoofdstuk))
        (tmp_path / "hoofdstuk.png").write_bytes(png)
        beeld = pymupdf.Pixmap(png)
        assert beeld.width > 500
        waarden = set(beeld.samples)
        assert min(waarden) < 100 < max(waarden)  # dark text on a light page
        assert len(waarden) > 10  # more than a blank page with a rule
        csv = rapporten.hoofdstuk_csv(hoofdstuk)
        assert "Formatie;" in csv.replace("BBV-indicator;;", "")
        assert "lasten;1;Zorgen voor goede besluitvorming" in csv


def _hoofdstuk_2023() -> selectors.Programmahoofdstuk:
    programma = next(p for p in begrotingsprogrammas() if p.naam == "Bestuur en Dienstverlening")
    return selectors.programmahoofdstuk(programma=programma, jaar=2023, soort=selectors.JAARVERSLAG)
