"""The demo data (idempotent) and the paragraaf verbonden partijen of the demo year: every demo
verbonden partij with every BBV art. 15 item, in HTML, PDF and CSV."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from django.core.management import call_command
from django.urls import reverse

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.pdf import pdf_naar_png
from raadhuis.core.tests.wereld import demo_draaien, klassewereld
from raadhuis.samenwerking.demo_gegevens import DEMO_JAAR
from raadhuis.samenwerking.models import Deelnemer, Jaarcijfers, Samenwerkingsverband, Wgrprocedure
from raadhuis.samenwerking.selectors.paragraaf import paragraaf
from raadhuis.samenwerking.selectors.procedures import dashboard

pytestmark = pytest.mark.django_db

VERBONDEN = {
    "Metropoolregio Rotterdam Den Haag",
    "Veiligheidsregio Haaglanden",
    "GGD en Veilig Thuis Haaglanden",
    "Omgevingsdienst Haaglanden",
    "Afvalbedrijf Haaglanden NV (demo)",
}


demo = klassewereld("samenwerking-demo", demo_draaien)


def _tellingen() -> tuple[int, ...]:
    return (
        Samenwerkingsverband.objects.count(),
        Deelnemer.objects.count(),
        Jaarcijfers.objects.count(),
        Wgrprocedure.objects.count(),
    )


@pytest.mark.usefixtures("demo")
class TestDemo:
    def test_as_the_sources_describe_it_and_idempotent(self) -> None:
        import datetime as dt

        from raadhuis.samenwerking.selectors.register import deelnemers_op

        mrdh = Samenwerkingsverband.objects.get(tooi_code="so0830")
        assert len(deelnemers_op(mrdh, dt.date(2015, 1, 1))) == 23
        assert len(deelnemers_op(mrdh, dt.date(2023, 1, 1))) == 21
        agenda = mrdh.agendas.get()
        assert (agenda.titel, agenda.vastgesteld_op) == ("Met elkaar, voor elkaar", dt.date(2023, 5, 26))
        assert agenda.opgaven.count() == 4
        assert sum(o.opdrachten.count() for o in agenda.opgaven.all()) == 6
        regio = Samenwerkingsverband.objects.get(naam="Arbeidsmarktregio Haaglanden")
        assert regio.verplicht
        assert not regio.is_verbonden_partij
        assert "SUWI art. 10" in regio.wettelijke_grondslag
        # The MRDH draft budget's zienswijze window is open on the demo's today, 28 November 2026.
        regels = dashboard(vandaag=dt.date(2026, 11, 28))
        open_mrdh = [
            r
            for r in regels
            if r.procedure.verband == mrdh and r.zienswijze and r.dagen_resterend and r.dagen_resterend > 0
        ]
        assert len(open_mrdh) == 1
        assert open_mrdh[0].vergaderingen
        # The VRH amendment's window has no raad meeting in it: the griffie is warned.
        assert any(r.geen_raadsvergadering for r in regels if "Veiligheidsregio" in r.procedure.titel)

        voor = _tellingen()
        call_command("demo", stdout=io.StringIO())
        assert _tellingen() == voor

    def test_paragraaf_lists_every_demo_verbonden_partij_with_every_item_in_html_pdf_csv(
        self, client: Any
    ) -> None:
        p = paragraaf(jaar=DEMO_JAAR)
        assert {r.partij.naam for r in p.regels} == VERBONDEN
        assert [naam for naam, regels in p.groepen if regels] == [
            "Gemeenschappelijke regelingen",
            "Vennootschappen en coöperaties",
        ]
        assert p.tekst is not None
        assert p.tekst.visie
        assert p.tekst.beleidsvoornemens
        for r in p.regels:
            assert r.partij.vestigingsplaats
            assert r.partij.openbaar_belang
            assert r.aandeel_begin is not None
            assert r.aandeel_eind is not None
            assert r.bijdrage is not None
            assert r.zetels_begin
            assert r.zetels_eind
            assert r.cijfers is not None
            assert None not in (
                r.cijfers.eigen_vermogen_begin,
                r.cijfers.eigen_vermogen_eind,
                r.cijfers.vreemd_vermogen_begin,
                r.cijfers.vreemd_vermogen_eind,
            )  # d
            assert r.resultaat is not None  # e

        client.force_login(MedewerkerFactory(rollen=[Rol.CONTROLLER]))
        html = client.get(reverse("samenwerking:paragraaf", args=[DEMO_JAAR])).content.decode()
        for naam in VERBONDEN:
            assert naam in html
        for item in (
            "a. Naam en vestigingsplaats",
            "b. Openbaar belang",
            "c. Belang van de gemeente",
            "d. Eigen en vreemd vermogen",
            "e. Verwacht financieel resultaat",
        ):
            assert html.count(item) == len(VERBONDEN)

        antwoord = client.get(reverse("samenwerking:paragraaf_pdf", args=[DEMO_JAAR]))
        assert antwoord["Content-Type"] == "application/pdf"
        with pymupdf.open(stream=antwoord.content, filetype="pdf") as document:  # type: ignore[no-untyped-call]
            tekst = "".join(pagina.get_text() for pagina in document)
            assert document.metadata["title"] == f"Paragraaf verbonden partijen, begroting {DEMO_JAAR}"
        assert "Metropoolregio Rotterdam Den Haag" in tekst
        assert "Omgevingsdienst Haaglanden" in tekst
        png = pdf_naar_png(antwoord.content)
        beeld = pymupdf.Pixmap(png)  # type: ignore[no-untyped-call]
        assert len(set(beeld.samples)) > 2  # not blank
        if os.environ.get("RAADHUIS_E2E_SCHERMAFDRUKKEN"):  # to look at it yourself
            Path(os.environ["RAADHUIS_E2E_SCHERMAFDRUKKEN"], "paragraaf_pdf.png").write_bytes(png)

        antwoord = client.get(
            reverse("samenwerking:paragraaf_csv", args=[DEMO_JAAR]) + "?document=jaarverslag"
        )
        rijen = list(csv.DictReader(io.StringIO(antwoord.content.decode())))
        assert {r["naam (lid 3a)"] for r in rijen} == VERBONDEN
        assert all(r["eigen vermogen eind (lid 3d)"] for r in rijen)
