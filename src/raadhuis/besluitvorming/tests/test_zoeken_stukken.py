"""Searching council papers: indexed by the stuk service, public search shows only what is public now."""

from __future__ import annotations

import datetime as dt

import pymupdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from raadhuis.besluitvorming import services
from raadhuis.besluitvorming.models import Stuk
from raadhuis.besluitvorming.tests.factories import AgendapuntFactory, VergaderingFactory

pytestmark = pytest.mark.django_db


def pdf(tekst: str) -> bytes:
    document = pymupdf.open()
    document.new_page().insert_text((72, 72), tekst)
    return document.tobytes()


def stuk(punt, titel, tekst, door, openbaarheid=Stuk.Openbaarheid.OPENBAAR):
    return services.stuk_toevoegen(
        agendapunt=punt,
        soort=Stuk.Soort.VOORSTEL,
        titel=titel,
        datum=dt.date(2024, 3, 1),
        bestand=SimpleUploadedFile("stuk.pdf", pdf(tekst), "application/pdf"),
        door=door,
        openbaarheid=openbaarheid,
    )


@pytest.fixture
def gepubliceerde_vergadering():
    return VergaderingFactory(agenda_gepubliceerd_op=timezone.now())


def test_openbaar_stuk_wordt_gevonden_op_een_vervoeging(
    client: Client, organisatie, griffier, gepubliceerde_vergadering
):
    punt = AgendapuntFactory(vergadering=gepubliceerde_vergadering)
    stuk(punt, "Raadsvoorstel warmtenet Oostlaan", "De gemeente investeert in warmtenetten.", griffier)

    antwoord = client.get("/bestuur/zoeken/", {"q": "warmtenetten"})

    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Raadsvoorstel warmtenet Oostlaan" in html
    assert "<mark>" in html


def test_geheim_stuk_en_besloten_punt_worden_nooit_gevonden(
    client: Client, organisatie, griffier, gepubliceerde_vergadering
):
    stuk(
        AgendapuntFactory(vergadering=gepubliceerde_vergadering),
        "Grondprijzen Keijzershof",
        "geheim",
        griffier,
        Stuk.Openbaarheid.GEHEIM,
    )
    stuk(
        AgendapuntFactory(vergadering=gepubliceerde_vergadering, besloten=True),
        "Grondprijzen besloten",
        "besloten",
        griffier,
    )

    html = client.get("/bestuur/zoeken/", {"q": "grondprijzen"}).content.decode()

    assert "Keijzershof" not in html
    assert "Grondprijzen besloten" not in html


def test_stuk_van_een_nog_niet_gepubliceerde_agenda_wordt_niet_getoond(client: Client, organisatie, griffier):
    punt = AgendapuntFactory(vergadering=VergaderingFactory(agenda_gepubliceerd_op=None))
    stuk(punt, "Concept raadsvoorstel Ruime Zuid", "concept", griffier)

    assert "Ruime Zuid" not in client.get("/bestuur/zoeken/", {"q": "ruime zuid"}).content.decode()


def test_zoeken_zonder_vraag_toont_alleen_het_formulier(client: Client, organisatie):
    antwoord = client.get("/bestuur/zoeken/")

    assert antwoord.status_code == 200
    assert 'role="search"' in antwoord.content.decode()


def test_zoeken_is_begrensd(client: Client, organisatie, settings):
    settings.RAADHUIS_SNELHEIDSLIMIETEN = {**settings.RAADHUIS_SNELHEIDSLIMIETEN, "zoeken": "2/m"}

    codes = [client.get("/bestuur/zoeken/", {"q": "motie"}).status_code for _ in range(3)]

    assert codes == [200, 200, 429]


def test_stukbestand_staat_buiten_media_en_is_daar_niet_op_te_vragen(
    client: Client, organisatie, griffier, settings
):
    nieuw = stuk(AgendapuntFactory(), "Raadsvoorstel", "tekst", griffier)

    pad = nieuw.bestand.path
    assert pad.startswith(str(settings.RAADHUIS_PRIVE_ROOT))
    assert not pad.startswith(str(settings.MEDIA_ROOT))
    assert client.get(f"/media/{nieuw.bestand.name}").status_code == 404
