"""Contract tests of the ODS API: every resource's list and detail validate against the VNG ODS
Open Raadsinformatie OpenAPI document (OAS 3.0, read context), and nothing closed or secret leaks."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.utils import timezone
from openapi_schema_validator import OAS30ReadValidator, oas30_format_checker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from raadhuis.besluitvorming import api as ods_api
from raadhuis.besluitvorming.models import (
    Agendapunt,
    Fractielidmaatschap,
    Lidmaatschap,
    Stemming,
    Stuk,
    Vergadering,
)
from raadhuis.besluitvorming.tests.factories import (
    AgendapuntFactory,
    FractielidmaatschapFactory,
    LidmaatschapFactory,
    OrgaanFactory,
    StukFactory,
    VergaderingFactory,
    raad_met_leden,
)
from raadhuis.besluitvorming.tests.publiek_hulp import openbare_vergadering, scenario, stemming_vastleggen

pytestmark = pytest.mark.django_db

SPEC = Path(ods_api.__file__).resolve().parent / "data" / "ods" / "openapi.yaml"
PROBLEM = "application/problem+json"
ODS_URI = "https://ods.vng.nl/openapi.yaml"

# Resource path -> (list schema, detail schema) as named in the standard.
RESOURCES = {
    "vergaderingen": ("PaginatedVergaderingList", "Vergadering"),
    "agendapunten": ("PaginatedAgendapuntList", "Agendapunt"),
    "informatieobjecten": ("PaginatedInformatieObjectList", "InformatieObject"),
    "besluiten": ("PaginatedBesluitList", "Besluit"),
    "stemmingen": ("PaginatedStemmingList", "Stemming"),
    "stemmen": ("PaginatedStemList", "Stem"),
    "stemresultatenperfractie": ("PaginatedStemresultaatPerFractieList", "StemresultaatPerFractie"),
    "fracties": ("PaginatedFractieList", "Fractie"),
    "fractielidmaatschappen": ("PaginatedFractieLidmaatschapList", "FractieLidmaatschap"),
    "natuurlijkpersonen": ("PaginatedNatuurlijkPersoonList", "NatuurlijkPersoon"),
    "aanwezigedeelnemers": ("PaginatedAanwezigeDeelnemerList", "AanwezigeDeelnemer"),
}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@cache
def _document() -> dict[str, Any]:
    with SPEC.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def _validator(schema: str) -> OAS30ReadValidator:
    """Validates against one component schema; $refs resolve inside the whole document."""
    document = _document()
    registry = Registry().with_resource(ODS_URI, Resource(contents=document, specification=DRAFT4))
    return OAS30ReadValidator(
        {"$ref": f"{ODS_URI}#/components/schemas/{schema}"},
        registry=registry,
        format_checker=oas30_format_checker,
    )


def valideer(gegevens: Any, schema: str) -> None:
    fouten = sorted(_validator(schema).iter_errors(gegevens), key=lambda f: list(f.absolute_path))
    assert not fouten, "\n".join(f"{list(f.absolute_path)}: {f.message}" for f in fouten[:10])


@pytest.fixture
def gegevens(organisatie):
    s = scenario()
    # A motie with a related answer and an amendment, to exercise gerelateerdInformatieobject.
    vraag = StukFactory(orgaan=s.raad.orgaan, agendapunt=s.hamerstuk, soort=Stuk.Soort.VRAAG, titel="Vraag")
    StukFactory(
        orgaan=s.raad.orgaan,
        agendapunt=s.hamerstuk,
        soort=Stuk.Soort.ANTWOORD,
        titel="Antwoord",
        gerelateerd_aan=vraag,
    )
    StukFactory(
        orgaan=s.raad.orgaan,
        agendapunt=s.hamerstuk,
        soort=Stuk.Soort.AMENDEMENT,
        gerelateerd_aan=s.openbaar_stuk,
    )
    # An answer whose question is secret must not point at it.
    geheime_vraag = StukFactory(
        orgaan=s.raad.orgaan, soort=Stuk.Soort.VRAAG, openbaarheid=Stuk.Openbaarheid.GEHEIM
    )
    StukFactory(
        orgaan=s.raad.orgaan, soort=Stuk.Soort.ANTWOORD, titel="Los antwoord", gerelateerd_aan=geheime_vraag
    )
    lid = s.raad.leden[0]
    Fractielidmaatschap.objects.filter(persoon=lid).update(
        functie=Fractielidmaatschap.Functie.FRACTIEVOORZITTER, einde=dt.date(2026, 3, 1)
    )
    LidmaatschapFactory(orgaan=OrgaanFactory(college=True), functie=Lidmaatschap.Functie.WETHOUDER)
    FractielidmaatschapFactory()
    return s


@pytest.mark.parametrize("resource", RESOURCES)
def test_lijst_en_detail_valideren_tegen_ods_schema(client, gegevens, resource):
    lijst_schema, detail_schema = RESOURCES[resource]

    lijst = client.get(f"/api/v1/{resource}")

    assert lijst.status_code == 200, lijst.content
    inhoud = lijst.json()
    valideer(inhoud, lijst_schema)
    assert set(inhoud) == {"next", "previous", "results"}
    assert inhoud["results"], f"no {resource} served"
    for item in inhoud["results"]:
        valideer(item, detail_schema)
        detail = client.get(item["url"].removeprefix("http://testserver"))
        assert detail.status_code == 200, detail.content
        assert detail.json() == item
        valideer(detail.json(), detail_schema)


def test_enums_volgen_de_standaard(client, gegevens):
    s = gegevens
    stemming = client.get(f"/api/v1/stemmingen/{s.stemming.pk}").json()
    vergadering = client.get(f"/api/v1/vergaderingen/{s.vergadering.pk}").json()
    resultaten = client.get("/api/v1/stemresultatenperfractie", {"Stemming": s.stemming.pk}).json()["results"]
    stemmen = client.get("/api/v1/stemmen", {"stemming": s.stemming.pk}).json()["results"]

    assert stemming["stemmingstype"] == "hoofdelijk"
    assert stemming["resultaatMondelingeStemming"] == "voor"
    assert stemming["besluit"]["id"] == str(s.besluit.pk)
    assert stemming["informatieobject"]["id"] == str(s.openbaar_stuk.pk)
    assert vergadering["status"] == "gehouden"
    assert vergadering["vergaderingstype"] == "raadsvergadering"
    assert vergadering["gemeente"] == {"gemeentecode": "1926", "gemeentenaam": "Pijnacker-Nootdorp"}
    assert sorted(r["fractiestemresultaat"] for r in resultaten) == ["aangenomen", "verdeeld"]
    assert sorted(st["keuzeStemming"] for st in stemmen) == ["tegen", "voor", "voor", "voor", "voor"]


def test_besloten_vergadering_wordt_getoond_zonder_agenda(client, gegevens):
    s = gegevens

    vergadering = client.get(f"/api/v1/vergaderingen/{s.besloten_vergadering.pk}").json()

    assert "agendapunten" not in vergadering or vergadering["agendapunten"] == []
    assert "bijlagen" not in vergadering or vergadering["bijlagen"] == []


def _alle_ids(client, resource: str) -> set[str]:
    ids: set[str] = set()
    url = f"/api/v1/{resource}"
    while url:
        inhoud = client.get(url).json()
        ids |= {item["id"] for item in inhoud["results"]}
        url = (inhoud["next"] or "").removeprefix("http://testserver")
    return ids


def test_besloten_punten_en_geheime_stukken_komen_nooit_uit_de_api(client, gegevens):
    s = gegevens

    agendapunten = _alle_ids(client, "agendapunten")
    stukken = _alle_ids(client, "informatieobjecten")
    stemmingen = _alle_ids(client, "stemmingen")
    besluiten = _alle_ids(client, "besluiten")
    stemmen_van = {item["stemming"]["id"] for item in client.get("/api/v1/stemmen").json()["results"]}

    assert str(s.bespreekstuk.pk) in agendapunten
    assert str(s.besloten_punt.pk) not in agendapunten
    assert str(s.openbaar_stuk.pk) in stukken
    for stuk in (s.geheim_stuk, s.stuk_besloten_punt, s.stuk_besloten_vergadering):
        assert str(stuk.pk) not in stukken
        antwoord = client.get(f"/api/v1/informatieobjecten/{stuk.pk}")
        assert antwoord.status_code == 404
        assert antwoord["Content-Type"] == PROBLEM
    assert stemmingen == {str(s.stemming.pk)}
    assert stemmen_van == {str(s.stemming.pk)}
    assert besluiten == {str(s.besluit.pk)}
    for pad in (
        f"agendapunten/{s.besloten_punt.pk}",
        f"stemmingen/{s.stemming_besloten_punt.pk}",
        f"stemmingen/{s.stemming_besloten_vergadering.pk}",
    ):
        assert client.get(f"/api/v1/{pad}").status_code == 404
    tekst = client.get(f"/api/v1/agendapunten/{s.bespreekstuk.pk}").content.decode()
    assert f"informatieobjecten/{s.geheim_stuk.pk}" not in tekst


def test_antwoord_op_geheime_vraag_verwijst_er_niet_naar(client, gegevens):
    antwoorden = client.get("/api/v1/informatieobjecten", {"titel": "antwoord"}).json()["results"]

    per_titel = {item["titel"]: item for item in antwoorden}
    assert per_titel["Antwoord"]["gerelateerdInformatieobject"]["rol"] == "vraag"
    assert "gerelateerdInformatieobject" not in per_titel["Los antwoord"]


def test_stemmen_van_geheime_stemming_over_personen_blijven_geheim(client, organisatie):
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

    detail = client.get(f"/api/v1/stemmingen/{stemming.pk}").json()

    valideer(detail, "Stemming")
    assert detail.get("stemmen", []) == []
    assert "resultaatStemmingOverPersonen" in detail
    assert client.get("/api/v1/stemmen").json()["results"] == []
    assert client.get("/api/v1/stemresultatenperfractie").json()["results"] == []


def test_paginering_volgt_de_standaard(client, organisatie, monkeypatch):
    monkeypatch.setattr(ods_api, "PAGINAGROOTTE", 2)
    orgaan = OrgaanFactory()
    for _ in range(5):
        VergaderingFactory(orgaan=orgaan)

    eerste = client.get("/api/v1/vergaderingen", {"status": "gepland"}).json()
    derde = client.get(eerste["next"].removeprefix("http://testserver")).json()
    derde = client.get(derde["next"].removeprefix("http://testserver")).json()

    valideer(eerste, "PaginatedVergaderingList")
    assert eerste["previous"] is None
    assert "status=gepland" in eerste["next"]
    assert len(derde["results"]) == 1
    assert derde["next"] is None
    assert derde["previous"].startswith("http://testserver/api/v1/vergaderingen?")
    assert client.get("/api/v1/vergaderingen", {"page": 9}).status_code == 404


def test_filters_van_de_standaard(client, gegevens):
    s = gegevens

    punten = client.get("/api/v1/agendapunten", {"vergaderingsIdentificatie": s.vergadering.pk}).json()
    stukken = client.get("/api/v1/informatieobjecten", {"agendapuntIdentificatie": s.bespreekstuk.pk}).json()
    andere_gemeente = client.get("/api/v1/vergaderingen", {"gemeentecode": "0363"}).json()
    raadsvergaderingen = client.get("/api/v1/vergaderingen", {"vergaderingstype": "raadsvergadering"}).json()

    assert {p["id"] for p in punten["results"]} == {str(s.bespreekstuk.pk), str(s.hamerstuk.pk)}
    assert [st["id"] for st in stukken["results"]] == [str(s.openbaar_stuk.pk)]
    assert andere_gemeente["results"] == []
    assert len(raadsvergaderingen["results"]) == 2


def test_ongeldige_enumwaarde_geeft_400_problem_json(client, db):
    antwoord = client.get("/api/v1/vergaderingen", {"status": "bezig"})

    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == PROBLEM


def test_onbekende_id_geeft_404_problem_json(client, db):
    for resource in RESOURCES:
        antwoord = client.get(f"/api/v1/{resource}/999999")
        assert antwoord.status_code == 404, resource
        assert antwoord["Content-Type"] == PROBLEM


@pytest.mark.parametrize("waarde", ["³", "٣", "1²", "/api/v1/fracties/³"])
def test_id_filter_of_id_met_andere_cijfers_dan_0_9_vindt_niets(client, gegevens, waarde):
    """Found by the fuzzer: "³".isdigit() is true and int("³") fails (a 500), "٣" is read as 3."""
    for pad, filter_ in (("stemresultatenperfractie", "fractie"), ("fractielidmaatschappen", "fractie")):
        antwoord = client.get(f"/api/v1/{pad}", {filter_: waarde})
        assert antwoord.status_code == 200, (pad, waarde)
        assert antwoord.json()["results"] == [], (pad, waarde)
    assert client.get(f"/api/v1/fracties/{waarde.rsplit('/', 1)[-1]}").status_code == 404


def test_collegevergaderingen_staan_niet_in_de_ods_api(client, organisatie):
    """ODS VergaderingsType has no value for the college; its lists are Woo category 2d."""
    college = OrgaanFactory(college=True)
    vergadering = VergaderingFactory(orgaan=college)

    assert client.get(f"/api/v1/vergaderingen/{vergadering.pk}").status_code == 404


def test_api_is_open_voor_anonieme_gebruikers(client, db):
    for resource in RESOURCES:
        assert client.get(f"/api/v1/{resource}").status_code == 200, resource


def test_de_contractcontrole_zelf_vangt_afwijkingen():
    """Guards the tests above against a validator that accepts anything."""
    verwijzing = {"id": "1", "url": "http://testserver/api/v1/stemmingen/1"}
    goed = {
        "url": "http://x/api/v1/stemmen/1",
        "id": "1",
        "aanwezigeDeelnemer": verwijzing,
        "stemming": verwijzing,
    }

    valideer({**goed, "keuzeStemming": "voor"}, "Stem")
    with pytest.raises(AssertionError):
        valideer({**goed, "keuzeStemming": "blanco"}, "Stem")
    with pytest.raises(AssertionError):
        valideer({"url": "http://x/api/v1/vergaderingen/1", "id": "1"}, "Vergadering")
    with pytest.raises(AssertionError):
        valideer({"results": [{"id": "1"}]}, "PaginatedFractieList")


def _aantal_queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _vergadering_met(raad, punten: int, stukken: int):
    vergadering = openbare_vergadering(raad)
    agendapunten = [AgendapuntFactory(vergadering=vergadering, volgnummer=n + 1) for n in range(punten)]
    for n in range(stukken):
        StukFactory(orgaan=raad.orgaan, agendapunt=agendapunten[n % punten])
    for punt in agendapunten[:3]:
        stemming_vastleggen(raad=raad, vergadering=vergadering, agendapunt=punt, tegen=1)


def test_lijsten_kosten_een_vast_aantal_queries(client, organisatie):
    raad = raad_met_leden((3, 2))
    _vergadering_met(raad, 3, 4)
    klein = {resource: _aantal_queries(client, f"/api/v1/{resource}") for resource in RESOURCES}

    for _ in range(3):
        _vergadering_met(raad, 40, 60)
    groot = {resource: _aantal_queries(client, f"/api/v1/{resource}") for resource in RESOURCES}

    assert groot == klein


def test_gewijzigd_sinds_geeft_alleen_wat_veranderde(client, gegevens):
    s = gegevens
    voorbij = timezone.now() - dt.timedelta(days=1)
    Vergadering.objects.update(gewijzigd_op=voorbij)
    Agendapunt.objects.update(gewijzigd_op=voorbij)
    Stuk.objects.update(gewijzigd_op=voorbij)
    Stemming.objects.update(gewijzigd_op=voorbij)
    sinds = (timezone.now() - dt.timedelta(hours=1)).isoformat()

    assert client.get("/api/v1/vergaderingen", {"gewijzigdSinds": sinds}).json()["results"] == []
    # A paper on the hamerstuk changes: its meeting and item count as changed, nothing else.
    stuk = Stuk.objects.get(pk=s.openbaar_stuk.pk)
    stuk.titel = "Raadsvoorstel, herziene versie"
    stuk.save(update_fields=["titel"])
    vergaderingen = client.get("/api/v1/vergaderingen", {"gewijzigdSinds": sinds}).json()["results"]
    punten = client.get("/api/v1/agendapunten", {"gewijzigdSinds": sinds}).json()["results"]
    assert [v["id"] for v in vergaderingen] == [str(s.vergadering.pk)]
    assert [p["id"] for p in punten] == [str(stuk.agendapunt_id)]
    assert vergaderingen[0]["wijzigingsdatum"] == timezone.localdate().isoformat()
    valideer(vergaderingen[0], "Vergadering")


def test_gewijzigd_sinds_met_onzin_geeft_400(client, db):
    antwoord = client.get("/api/v1/vergaderingen", {"gewijzigdSinds": "gisteren"})
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == PROBLEM
