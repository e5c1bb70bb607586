"""Public pages: calendar, meeting, person and fractie pages and stuk downloads, for anonymous visitors."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from raadhuis.besluitvorming.models import Vergadering
from raadhuis.besluitvorming.tests.factories import FractieFactory, OrgaanFactory, VergaderingFactory
from raadhuis.besluitvorming.tests.publiek_hulp import PDF, scenario, stemming_vastleggen

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_bestuurspagina_linkt_naar_kalender_organen_en_fracties(client):
    orgaan = OrgaanFactory(naam="Gemeenteraad Pijnacker-Nootdorp")
    fractie = FractieFactory(naam="Groen Links Pijnacker")

    antwoord = client.get(reverse("besluitvorming:bestuur"))

    inhoud = antwoord.content.decode()
    assert reverse("besluitvorming:kalender") in inhoud
    assert orgaan.naam in inhoud
    assert reverse("besluitvorming:orgaan_vergaderingen_ical", args=[orgaan.slug]) in inhoud
    assert reverse("besluitvorming:fractie", args=[fractie.slug]) in inhoud


def test_kalender_toont_komende_vergaderingen_per_maand_en_filtert_op_orgaan(client):
    raad = OrgaanFactory(naam="Gemeenteraad")
    commissie = OrgaanFactory(commissie=True, naam="Commissie Samenleving")
    VergaderingFactory(orgaan=raad, titel="Raadsvergadering juni")
    VergaderingFactory(orgaan=commissie, titel="Commissievergadering juni")
    VergaderingFactory(
        orgaan=raad, titel="Oude raadsvergadering", begin=timezone.now() - dt.timedelta(days=40)
    )

    alles = client.get(reverse("besluitvorming:kalender")).content.decode()
    alleen_raad = client.get(reverse("besluitvorming:kalender"), {"orgaan": raad.slug}).content.decode()
    afgelopen = client.get(reverse("besluitvorming:kalender"), {"periode": "afgelopen"}).content.decode()

    assert "Raadsvergadering juni" in alles
    assert "Commissievergadering juni" in alles
    assert "Oude raadsvergadering" not in alles
    assert "Commissievergadering juni" not in alleen_raad
    assert "Oude raadsvergadering" in afgelopen
    assert "utrecht-heading-3" in alles  # a heading per month


def test_vergaderpagina_toont_agenda_stukken_stemmingen_en_presentielijst(client):
    s = scenario()

    antwoord = client.get(reverse("besluitvorming:vergadering", args=[s.vergadering.pk]))

    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Woningbouw Keijzershof" in inhoud
    assert "Hamerstuk" in inhoud
    assert "Bespreekstuk" in inhoud
    assert reverse("besluitvorming:stuk_downloaden", args=[s.openbaar_stuk.pk]) in inhoud
    assert "Uitslag per fractie" in inhoud
    # Per member on the vote's own page (a meeting of thirty votes was 450 KB with them).
    assert reverse("besluitvorming:stemming", args=[s.stemming.pk]) in inhoud
    assert 'caption class="utrecht-table__caption">Hoe ieder lid stemde' not in inhoud
    assert "Wij stemmen tegen omdat..." in inhoud
    assert "Gemeentewet art. 29" in inhoud  # the explanation of the outcome
    assert "Presentielijst" in inhoud
    assert s.raad.leden[0].naam in inhoud
    assert '<caption class="utrecht-table__caption">' in inhoud
    assert 'scope="col"' in inhoud


def test_stemmingpagina_toont_uitkomst_uitleg_en_ieder_lid(client):
    s = scenario()

    antwoord = client.get(reverse("besluitvorming:stemming", args=[s.stemming.pk]))

    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert '<caption class="utrecht-table__caption">Hoe ieder lid stemde</caption>' in inhoud
    for lid in s.raad.leden:
        assert reverse("besluitvorming:persoon", args=[lid.slug]) in inhoud
    assert "Gemeentewet art. 29" in inhoud
    assert "Wij stemmen tegen omdat..." in inhoud
    assert reverse("besluitvorming:vergadering", args=[s.vergadering.pk]) in inhoud
    assert 'id="stemming-' in inhoud
    assert "<h4" not in inhoud


def test_stemming_van_besloten_punt_en_onbekende_stemming_geven_404(client):
    s = scenario()

    for pk in (s.stemming_besloten_punt.pk, 999999):
        assert client.get(reverse("besluitvorming:stemming", args=[pk])).status_code == 404


def test_vergaderpagina_toont_geen_besloten_punten_of_geheime_stukken(client):
    s = scenario()

    inhoud = client.get(reverse("besluitvorming:vergadering", args=[s.vergadering.pk])).content.decode()

    assert "Grondaankoop perceel 12" not in inhoud
    assert "Notitie grondaankoop" not in inhoud
    assert "Geheime taxatie" not in inhoud
    assert f"stemming-{s.stemming_besloten_punt.pk}" not in inhoud


def test_besloten_vergadering_toont_geen_agenda(client):
    s = scenario()

    inhoud = client.get(
        reverse("besluitvorming:vergadering", args=[s.besloten_vergadering.pk])
    ).content.decode()

    assert "besloten vergadering" in inhoud
    assert "Personele aangelegenheid" not in inhoud
    assert "Vertrouwelijke notitie" not in inhoud


def test_onbekende_vergadering_geeft_404(client, db):
    assert client.get(reverse("besluitvorming:vergadering", args=[999999])).status_code == 404


def test_persoonspagina_toont_functies_fracties_en_stemgedrag(client):
    s = scenario()
    lid = s.raad.leden[0]

    antwoord = client.get(reverse("besluitvorming:persoon", args=[lid.slug]))

    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert s.raad.orgaan.naam in inhoud
    assert s.raad.fracties[0].naam in inhoud
    assert "Raadsvoorstel woningbouw Keijzershof" in inhoud
    assert "Grondaankoop" not in inhoud


def test_stemgedrag_is_gepagineerd(client):
    s = scenario()
    for n in range(30):
        stemming_vastleggen(
            raad=s.raad,
            vergadering=s.vergadering,
            agendapunt=s.hamerstuk,
            moment=s.vergadering.begin + dt.timedelta(minutes=n),
        )
    lid = s.raad.leden[0]

    eerste = client.get(reverse("besluitvorming:persoon", args=[lid.slug])).content.decode()
    tweede = client.get(reverse("besluitvorming:persoon", args=[lid.slug]), {"pagina": 2}).content.decode()

    assert "Pagina 1 van 2" in eerste
    assert "Pagina 2 van 2" in tweede


def test_fractiepagina_toont_leden_en_stemgedrag(client):
    s = scenario()
    fractie = s.raad.fracties[0]

    antwoord = client.get(reverse("besluitvorming:fractie", args=[fractie.slug]))

    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert s.raad.leden[0].naam in inhoud
    assert "Raadsvoorstel woningbouw Keijzershof" in inhoud
    assert "Verdeeld" in inhoud or "verdeeld" in inhoud  # one member of three voted against


def test_onbekende_persoon_en_fractie_geven_404(client, db):
    assert client.get(reverse("besluitvorming:persoon", args=["niemand"])).status_code == 404
    assert client.get(reverse("besluitvorming:fractie", args=["geen"])).status_code == 404


def test_openbaar_stuk_wordt_gedownload_met_bestandsnaam(client):
    s = scenario()

    antwoord = client.get(reverse("besluitvorming:stuk_downloaden", args=[s.openbaar_stuk.pk]))

    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord["Content-Disposition"].startswith("attachment;")
    assert "Raadsvoorstel" in antwoord["Content-Disposition"]
    assert b"".join(antwoord.streaming_content) == PDF


def test_geheim_stuk_en_stuk_van_besloten_punt_geven_404(client):
    s = scenario()

    for stuk in (s.geheim_stuk, s.stuk_besloten_punt, s.stuk_besloten_vergadering):
        assert client.get(reverse("besluitvorming:stuk_downloaden", args=[stuk.pk])).status_code == 404


def test_geannuleerde_vergadering_is_herkenbaar_in_de_kalender(client):
    VergaderingFactory(titel="Vervallen commissie", status=Vergadering.Status.GEANNULEERD)

    inhoud = client.get(reverse("besluitvorming:kalender")).content.decode()

    assert "geannuleerd" in inhoud


def test_paginas_hebben_geen_inline_script_of_style(client):
    s = scenario()
    urls = [
        reverse("besluitvorming:kalender"),
        reverse("besluitvorming:vergadering", args=[s.vergadering.pk]),
        reverse("besluitvorming:persoon", args=[s.raad.leden[0].slug]),
        reverse("besluitvorming:fractie", args=[s.raad.fracties[0].slug]),
    ]
    for url in urls:
        inhoud = client.get(url).content.decode()
        assert " style=" not in inhoud, url
        assert "<style" not in inhoud, url
        assert "<script>" not in inhoud, url


def test_bestanden_van_stukken_zijn_niet_rechtstreeks_via_media_te_openen(client):
    """Only the download view, which checks openbaarheid, serves a stuk's file."""
    from django.urls import Resolver404, resolve

    from raadhuis.core.views import openbaar_bestand

    s = scenario()

    assert resolve("/media/organisatie/logo.svg").func is openbaar_bestand
    with pytest.raises(Resolver404):
        resolve(f"/media/{s.geheim_stuk.bestand.name}")
    assert client.get(f"/media/{s.geheim_stuk.bestand.name}").status_code == 404


def test_stemming_over_motie_vreemd_zonder_agendapunt_breekt_geen_pagina(client):
    from raadhuis.besluitvorming.models import Voorstel
    from raadhuis.besluitvorming.tests.factories import VoorstelFactory

    s = scenario()
    motie = VoorstelFactory(
        vergadering=s.vergadering,
        agendapunt=None,
        soort=Voorstel.Soort.MOTIE_VREEMD,
        motie_type=Voorstel.MotieType.VREEMD,
        titel="Motie vreemd: ijsbaan Pijnacker",
    )
    stemming_vastleggen(raad=s.raad, vergadering=s.vergadering, agendapunt=None, voorstel=motie)

    paginas = [
        reverse("besluitvorming:vergadering", args=[s.vergadering.pk]),
        reverse("besluitvorming:persoon", args=[s.raad.leden[0].slug]),
        reverse("besluitvorming:fractie", args=[s.raad.fracties[0].slug]),
    ]

    for pagina in paginas:
        antwoord = client.get(pagina)
        assert antwoord.status_code == 200, pagina
        assert "ijsbaan Pijnacker" in antwoord.content.decode()
