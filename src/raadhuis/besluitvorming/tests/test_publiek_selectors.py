"""Public selectors: nothing closed or secret comes out, and the query count does not grow."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from raadhuis.besluitvorming import woo_categorieen
from raadhuis.besluitvorming.models import Aanwezigheid, Orgaan, Stemming, Stuk
from raadhuis.besluitvorming.selectors import publiceerbare_stukken, publiek
from raadhuis.besluitvorming.tests.factories import (
    AgendapuntFactory,
    FractieFactory,
    OrgaanFactory,
    StukFactory,
    VergaderingFactory,
    raad_met_leden,
)
from raadhuis.besluitvorming.tests.publiek_hulp import openbare_vergadering, scenario, stemming_vastleggen

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_openbare_stukken_laten_geheime_en_besloten_stukken_weg():
    s = scenario()

    stukken = set(publiek.openbare_stukken())

    assert s.openbaar_stuk in stukken
    assert s.geheim_stuk not in stukken
    assert s.stuk_besloten_punt not in stukken
    assert s.stuk_besloten_vergadering not in stukken


def test_stuk_van_ongepubliceerde_agenda_is_nog_niet_openbaar():
    raad = raad_met_leden((1,))
    concept = VergaderingFactory(orgaan=raad.orgaan, agenda_gepubliceerd_op=None)
    stuk = StukFactory(orgaan=raad.orgaan, agendapunt=AgendapuntFactory(vergadering=concept))

    assert stuk not in publiek.openbare_stukken()
    assert publiek.openbaar_stuk(stuk.pk) is None


def test_openbare_stemmingen_laten_besloten_punten_en_vergaderingen_weg():
    s = scenario()

    stemmingen = set(publiek.openbare_stemmingen())

    assert stemmingen == {s.stemming}
    assert {stem.stemming_id for stem in publiek.openbare_stemmen()} == {s.stemming.pk}
    assert {r.stemming_id for r in publiek.openbare_fractieresultaten()} == {s.stemming.pk}
    assert set(publiek.openbare_besluiten()) == {s.besluit}


def test_stemmen_bij_een_stemming_over_personen_zijn_geheim():
    """Gemeentewet art. 31: only the outcome of a vote about persons is public."""
    raad = raad_met_leden((2, 1))
    vergadering = openbare_vergadering(raad)
    punt = AgendapuntFactory(vergadering=vergadering, titel="Benoeming wethouder")
    stemming = stemming_vastleggen(
        raad=raad,
        vergadering=vergadering,
        agendapunt=punt,
        type=Stemming.Type.SCHRIFTELIJK,
        over_personen=True,
    )

    assert stemming in publiek.openbare_stemmingen()
    assert not publiek.openbare_stemmen().exists()
    assert not publiek.openbare_fractieresultaten().exists()


def _benoeming_en_open_stemming():
    raad = raad_met_leden((2, 1))
    vergadering = openbare_vergadering(raad)
    benoeming = stemming_vastleggen(
        raad=raad,
        vergadering=vergadering,
        agendapunt=AgendapuntFactory(vergadering=vergadering, volgnummer=1, titel="Benoeming wethouder"),
        type=Stemming.Type.SCHRIFTELIJK,
        over_personen=True,
    )
    open_ = stemming_vastleggen(
        raad=raad,
        vergadering=vergadering,
        agendapunt=AgendapuntFactory(vergadering=vergadering, volgnummer=2),
        tegen=1,
    )
    return vergadering, benoeming, open_


def test_vergaderpagina_telt_de_stemmen_per_lid_maar_toont_ze_op_de_pagina_van_de_stemming():
    """Gemeentewet art. 31: a secret vote about persons has no member votes to show; an open one
    has them counted on the meeting page and listed on its own page."""
    vergadering, benoeming, open_ = _benoeming_en_open_stemming()

    pagina = publiek.vergadering_publiek(vergadering)

    assert pagina is not None
    stemmingen = {stemming.pk: stemming for regel in pagina.agenda for stemming in regel.stemmingen}
    assert stemmingen[benoeming.pk].uitslag == {"per_fractie": [], "per_lid": [], "leden": 0}
    assert stemmingen[open_.pk].uitslag["leden"] == 3
    assert stemmingen[open_.pk].uitslag["per_lid"] == []
    fracties = stemmingen[open_.pk].uitslag["per_fractie"]
    assert {fractie["resultaat"] for fractie in fracties} <= {"voor", "tegen", "verdeeld"}


def test_pagina_van_een_stemming_toont_ieder_lid_behalve_bij_een_geheime_stemming():
    _vergadering, benoeming, open_ = _benoeming_en_open_stemming()

    geheim = publiek.stemming_publiek(benoeming.pk)
    openbaar = publiek.stemming_publiek(open_.pk)

    assert geheim is not None
    assert geheim.uitslag == {"per_fractie": [], "per_lid": [], "leden": 0}
    assert openbaar is not None
    leden = openbaar.uitslag["per_lid"]
    assert openbaar.uitslag["leden"] == len(leden) == 3
    assert sorted(stem["keuze"] for stem in leden) == ["tegen", "voor", "voor"]
    assert all(stem["url"].startswith("/bestuur/personen/") for stem in leden)
    assert [lid["fractie"] for lid in leden] == sorted(lid["fractie"] for lid in leden)


def test_stemming_van_een_besloten_punt_of_vergadering_heeft_geen_pagina():
    s = scenario()

    assert publiek.stemming_publiek(s.stemming_besloten_punt.pk) is None
    assert publiek.stemming_publiek(s.stemming.pk) is not None
    assert publiek.stemming_publiek(999999) is None


def test_vergaderpagina_van_besloten_vergadering_toont_geen_agenda():
    s = scenario()

    pagina = publiek.vergadering_publiek(s.besloten_vergadering)

    assert pagina is not None
    assert pagina.agenda == []
    assert pagina.aanwezigheden == []
    assert pagina.overige_stemmingen == []


def test_vergaderpagina_toont_alleen_openbare_punten_stukken_en_stemmingen():
    s = scenario()

    pagina = publiek.vergadering_publiek(s.vergadering)

    assert pagina is not None
    assert [regel.agendapunt for regel in pagina.agenda] == [s.bespreekstuk, s.hamerstuk]
    bespreekstuk = pagina.agenda[0]
    assert bespreekstuk.stukken == [s.openbaar_stuk]
    assert bespreekstuk.stemmingen == [s.stemming]
    assert bespreekstuk.besluiten == [s.besluit]
    assert len(pagina.aanwezigheden) == len(s.raad.leden)


def _grote_vergadering(agendapunten: int, stukken: int):
    raad = raad_met_leden((4, 3, 2, 1))
    vergadering = openbare_vergadering(raad)
    punten = [AgendapuntFactory(vergadering=vergadering, volgnummer=n + 1) for n in range(agendapunten)]
    # The presentielijst too: its rows are read narrowed (only what the page shows), and a field
    # left out that Django sets on them would cost a query per row.
    for lid in raad.leden:
        Aanwezigheid.objects.create(vergadering=vergadering, persoon=lid, aanwezig=True)
    for n in range(stukken):
        StukFactory(orgaan=raad.orgaan, agendapunt=punten[n % agendapunten])
    for punt in punten[:: max(1, agendapunten // 5)]:
        stemming_vastleggen(raad=raad, vergadering=vergadering, agendapunt=punt, tegen=2)
    return vergadering


def test_vergaderpagina_met_40_punten_en_200_stukken_kost_een_vast_aantal_queries(django_assert_num_queries):
    klein = _grote_vergadering(2, 3)
    groot = _grote_vergadering(40, 200)

    with django_assert_num_queries(8):
        publiek.vergadering_publiek(klein)
    with django_assert_num_queries(8):
        pagina = publiek.vergadering_publiek(groot)
    # Its version, the agenda's cache key: one query on PostgreSQL, which hashes the same rows
    # where they are; elsewhere the same eight queries, walked in Python.
    with django_assert_num_queries(1 if connection.vendor == "postgresql" else 8):
        publiek.vergadering_publiek_versie(groot)

    assert pagina is not None
    assert len(pagina.agenda) == 40
    assert sum(len(regel.stukken) for regel in pagina.agenda) == 200


def test_feed_vergaderingen_kost_een_vast_aantal_queries(django_assert_num_queries):
    for _ in range(3):
        _grote_vergadering(10, 20)
    sinds = timezone.now() - dt.timedelta(days=30)

    with django_assert_num_queries(2):
        vergaderingen = list(publiek.feed_vergaderingen(sinds=sinds))

    assert len(vergaderingen) == 3
    assert all(len(v.openbare_agendapunten) == 10 for v in vergaderingen)


def test_stemgedrag_van_persoon_en_fractie_tonen_alleen_openbare_stemmingen():
    s = scenario()
    lid = s.raad.leden[0]
    fractie = s.raad.fracties[0]

    assert [stem.stemming for stem in publiek.stemgedrag_van_persoon(lid)] == [s.stemming]
    assert [r.stemming for r in publiek.stemgedrag_van_fractie(fractie)] == [s.stemming]


def test_kalender_scheidt_komende_en_afgelopen_vergaderingen_en_filtert_op_orgaan():
    raad = OrgaanFactory()
    commissie = OrgaanFactory(commissie=True)
    later = VergaderingFactory(orgaan=raad, begin=timezone.now() + dt.timedelta(days=9))
    eerder = VergaderingFactory(orgaan=raad, begin=timezone.now() + dt.timedelta(days=2))
    voorbij = VergaderingFactory(orgaan=raad, begin=timezone.now() - dt.timedelta(days=20))
    commissievergadering = VergaderingFactory(orgaan=commissie, begin=timezone.now() + dt.timedelta(days=1))

    assert list(publiek.kalender(orgaan=raad)) == [eerder, later]
    assert list(publiek.kalender(orgaan=raad, komend=False)) == [voorbij]
    assert publiek.kalender().first() == commissievergadering


def test_publiceerbare_stukken_zijn_de_openbare_stukken_met_hun_woo_categorie():
    s = scenario()
    college = OrgaanFactory(college=True)
    collegebesluitenlijst = StukFactory(orgaan=college, soort=Stuk.Soort.BESLUITVORMINGSSTUK)

    stukken = list(publiceerbare_stukken())

    assert s.openbaar_stuk in stukken
    assert collegebesluitenlijst in stukken
    assert s.geheim_stuk not in stukken
    assert s.stuk_besloten_punt not in stukken
    assert woo_categorieen.voor_stuk(s.openbaar_stuk) == (
        woo_categorieen.VERGADERSTUKKEN_DECENTRALE_OVERHEDEN,
    )
    assert woo_categorieen.voor_stuk(collegebesluitenlijst) == (
        woo_categorieen.AGENDAS_EN_BESLUITENLIJSTEN_BESTUURSCOLLEGES,
    )


def test_publiceerbare_vergaderingen_zonder_besloten_of_concept():
    s = scenario()
    concept = VergaderingFactory(orgaan=s.raad.orgaan)

    vergaderingen = set(publiek.publiceerbare_vergaderingen())

    assert s.vergadering in vergaderingen
    assert s.besloten_vergadering not in vergaderingen
    assert concept not in vergaderingen


def test_woo_categorieen_staan_in_de_tooi_lijst():
    import csv

    from raadhuis.core.tooi import DATA_DIR

    with (DATA_DIR / "informatiecategorielijst.csv").open(encoding="utf-8") as handle:
        lijst = {rij["uri"]: rij["label"] for rij in csv.DictReader(handle)}

    for categorie in woo_categorieen.ALLE:
        assert lijst[categorie.uri] == categorie.label
    assert woo_categorieen.voor_orgaan(OrgaanFactory.build(soort=Orgaan.Soort.COMMISSIE)).uri.endswith(
        "c_db4862c3"
    )


def test_fracties_en_organen_voor_de_bestuurspagina():
    fractie = FractieFactory(naam="Aaa-partij")
    assert publiek.fracties().first() == fractie
