"""The public publication API under /api/v1/: anonymous, only published publications, DiWoo
metadata as URI + label, keyset paging that neither repeats nor skips when new publications arrive,
filters, bad input 422 problem+json in Dutch, 404 for a concept, 410 with the reason for a withdrawn
or replaced one, a query count independent of the page size, and the OpenAPI document."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.publicatie import services
from raadhuis.publicatie import waardelijsten as w
from raadhuis.publicatie.api import cursor_maken
from raadhuis.publicatie.models import Publicatie
from raadhuis.publicatie.services import Handeling
from raadhuis.publicatie.tests.test_services import (
    VASTGESTELD,
    aanmaken,
    bron,
    gepubliceerd,
    maak_pdf,
    medewerker,
    sitemaps,  # noqa: F401 - the autouse fixture that stands in for the sitemap hooks
)

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/publicaties"


@pytest.fixture
def auteur(db: None) -> Medewerker:
    return medewerker(Rol.GRIFFIE)


def _detail(publicatie: Publicatie) -> str:
    return f"/api/v1/publicaties/{publicatie.uuid}"


def _snel(door: Medewerker, titel: str, **velden: Any) -> Publicatie:
    """A published publication with one small document."""
    return gepubliceerd(door, titel=titel, **velden)


def _alle_paginas(client: Client, url: str) -> list[str]:
    titels: list[str] = []
    while url:
        antwoord = client.get(url)
        assert antwoord.status_code == 200, antwoord.content
        inhoud = antwoord.json()
        titels += [p["officiele_titel"] for p in inhoud["resultaten"]]
        url = inhoud["volgende"]
    return titels


# --- list ---------------------------------------------------------------------------------------------


def test_anoniem_alleen_gepubliceerd_nieuwste_eerst(client: Client, auteur: Medewerker) -> None:
    eerste = _snel(auteur, "Eerste")
    tweede = _snel(auteur, "Tweede")
    aanmaken(auteur, officiele_titel="Geheim concept")
    ingetrokken = _snel(auteur, "Ingetrokken")
    services.intrekken(ingetrokken, reden=w.REDEN_PRIVACY, toelichting="", door=auteur)
    antwoord = client.get(LIJST)
    assert antwoord.status_code == 200
    inhoud = antwoord.json()
    assert [p["uuid"] for p in inhoud["resultaten"]] == [str(tweede.uuid), str(eerste.uuid)]
    assert inhoud["volgende"] is None


def test_diwoo_metadata_met_uri_en_label(client: Client, auteur: Medewerker) -> None:
    publicatie = bron(
        themas=[next(iter(w.themas()))],
        identificatoren=["WOO-2026-0001"],
        handelingen=[Handeling(soort=w.VASTSTELLING, tijdstip=VASTGESTELD, actor="so0830")],
    )
    item = client.get(LIJST).json()["resultaten"][0]
    assert item["uuid"] == str(publicatie.uuid)
    assert item["url"] == "http://testserver" + reverse("publicatie:publicatie", args=[publicatie.uuid])
    assert item["officiele_titel"] == "Besluit op Woo-verzoek over bomenkap"
    assert item["publisher"]["code"] == "gm1926"
    assert item["publisher"]["naam"] == "gemeente Pijnacker-Nootdorp"
    assert item["publisher"]["uri"].endswith("/gm1926")
    assert item["informatiecategorieen"] == [
        {"uri": w.CATEGORIE_WOO_VERZOEKEN, "label": "Woo-verzoeken en -besluiten"}
    ]
    assert item["themas"][0]["uri"] == next(iter(w.themas()))
    assert item["taal"]["label"] == "Nederlands"
    assert item["identificatoren"] == ["WOO-2026-0001"]
    (handeling,) = item["documenthandelingen"]
    assert handeling["soort"] == {"uri": w.VASTSTELLING, "label": "vaststelling"}
    assert dt.datetime.fromisoformat(handeling["tijdstip"]) == VASTGESTELD
    assert handeling["actor"]["code"] == "so0830"
    besluit, inventaris = item["documenten"]
    document = publicatie.documenten.get(titel="Besluit")
    assert besluit["uuid"] == str(document.uuid)
    assert besluit["documentsoort"] == {
        "uri": w.DOCUMENTSOORT_WOO_BESLISSING,
        "label": "beslissing op Wob-/Woo-verzoek",
    }
    assert inventaris["documentsoort"] is None
    assert besluit["bestandsformaat"]["uri"].endswith("/file-type/PDF")
    assert besluit["mediatype"] == "application/pdf"
    assert besluit["grootte"] == document.grootte
    assert besluit["sha256"] == document.sha256
    assert besluit["url"] == "http://testserver" + reverse(
        "publicatie:document", args=[document.uuid, document.bestandsnaam]
    )
    # The URL leads to the file itself.
    assert client.get(besluit["url"]).status_code == 200


def test_keyset_paginas_zonder_dubbele_of_gaten_ook_als_er_nieuwe_bijkomen(
    client: Client, auteur: Medewerker
) -> None:
    for nummer in range(7):
        _snel(auteur, f"Publicatie {nummer}")
    eerste = client.get(LIJST, {"aantal": 3}).json()
    assert [p["officiele_titel"] for p in eerste["resultaten"]] == [
        "Publicatie 6",
        "Publicatie 5",
        "Publicatie 4",
    ]
    assert eerste["volgende"].startswith("http://testserver/api/v1/publicaties?")
    assert "aantal=3" in eerste["volgende"]
    # Two new publications arrive while the client pages on: they come before the cursor.
    _snel(auteur, "Nieuw A")
    _snel(auteur, "Nieuw B")
    rest = _alle_paginas(client, eerste["volgende"])
    assert rest == ["Publicatie 3", "Publicatie 2", "Publicatie 1", "Publicatie 0"]


def test_keyset_met_gelijke_publicatiemomenten(client: Client, auteur: Medewerker) -> None:
    """Publications of the same moment (a module publishing a batch) are told apart by id."""
    publicaties = [_snel(auteur, f"Gelijk {nummer}") for nummer in range(5)]
    moment = timezone.now()
    Publicatie.objects.filter(pk__in=[p.pk for p in publicaties]).update(gepubliceerd_op=moment)
    titels = _alle_paginas(client, f"{LIJST}?aantal=2")
    assert titels == [f"Gelijk {nummer}" for nummer in reversed(range(5))]


def test_filters(client: Client, auteur: Medewerker) -> None:
    convenant = _snel(auteur, "Convenant")
    woo = bron()
    mrdh = _snel(auteur, "Voor de MRDH", publisher="so0830")

    def uuids(**parameters: Any) -> list[str]:
        antwoord = client.get(LIJST, parameters)
        assert antwoord.status_code == 200, antwoord.content
        return [p["uuid"] for p in antwoord.json()["resultaten"]]

    assert uuids(categorie="014") == [str(woo.uuid)]
    assert uuids(categorie=w.CATEGORIE_CONVENANTEN) == [str(mrdh.uuid), str(convenant.uuid)]
    assert uuids(publisher="so0830") == [str(mrdh.uuid)]
    assert uuids(publisher="SO0830", categorie="011") == [str(mrdh.uuid)]
    # gewijzigd_sinds: only what changed after the moment (also a naive time, read as local).
    Publicatie.objects.filter(pk__in=[convenant.pk, woo.pk]).update(
        gewijzigd_op=timezone.now() - dt.timedelta(days=10)
    )
    convenant.documenten.update(gewijzigd_op=timezone.now() - dt.timedelta(days=10))
    gisteren = timezone.now() - dt.timedelta(days=1)
    assert set(uuids(gewijzigd_sinds=gisteren.isoformat())) == {str(mrdh.uuid), str(woo.uuid)}
    woo.documenten.update(gewijzigd_op=timezone.now() - dt.timedelta(days=10))
    assert uuids(gewijzigd_sinds=gisteren.isoformat()) == [str(mrdh.uuid)]
    assert uuids(gewijzigd_sinds=timezone.localtime(gisteren).replace(tzinfo=None).isoformat()) == [
        str(mrdh.uuid)
    ]


@pytest.mark.parametrize(
    ("parameters", "veld"),
    [
        ({"cursor": "dit-is-geen-cursor"}, "cursor"),
        ({"cursor": "MjAyNi0wMS0wMVQwMDowMDowMHxhYmM"}, "cursor"),  # 2026-01-01T00:00:00|abc
        ({"cursor": "MjAyNi0wMS0wMVQwMDowMDowMHw1"}, "cursor"),  # naive moment
        ({"categorie": "999"}, "categorie"),
        ({"categorie": "https://example.org/eigen"}, "categorie"),
        ({"publisher": "gm9999"}, "publisher"),
        ({"gewijzigd_sinds": "gisteren"}, "gewijzigd_sinds"),
        ({"aantal": 101}, "aantal"),
        ({"aantal": 0}, "aantal"),
        ({"aantal": "veel"}, "aantal"),
    ],
)
def test_foute_invoer_422_problem_json_in_het_nederlands(
    client: Client, parameters: dict[str, Any], veld: str
) -> None:
    antwoord = client.get(LIJST, parameters)
    assert antwoord.status_code == 422
    assert antwoord["Content-Type"] == "application/problem+json"
    inhoud = antwoord.json()
    assert inhoud["title"] == "De invoer is ongeldig."
    assert [p["name"] for p in inhoud["invalid_params"]] == [veld]
    # Dutch, not pydantic's English.
    assert inhoud["invalid_params"][0]["reason"].startswith(("Deze", "Dit"))


def test_vervolgcode_is_ondoorzichtig(auteur: Medewerker) -> None:
    publicatie = _snel(auteur, "Een")
    code = cursor_maken(publicatie)
    assert "|" not in code
    assert "=" not in code
    assert publicatie.gepubliceerd_op is not None
    assert publicatie.gepubliceerd_op.isoformat() not in code


def test_aantal_queries_hangt_niet_af_van_de_paginagrootte(client: Client, auteur: Medewerker) -> None:
    for nummer in range(12):
        _snel(auteur, f"Publicatie {nummer}", themas=[next(iter(w.themas()))])

    def tellen(aantal: int) -> int:
        with CaptureQueriesContext(connection) as vragen:
            antwoord = client.get(LIJST, {"aantal": aantal})
        assert antwoord.status_code == 200
        assert len(antwoord.json()["resultaten"]) == aantal
        return len(vragen.captured_queries)

    klein, groot = tellen(2), tellen(12)
    assert klein == groot
    assert groot <= 5


# --- one publication / document -----------------------------------------------------------------------


def test_publicatie_en_document(client: Client, auteur: Medewerker) -> None:
    publicatie = bron()
    antwoord = client.get(_detail(publicatie))
    assert antwoord.status_code == 200
    inhoud = antwoord.json()
    assert inhoud["uuid"] == str(publicatie.uuid)
    assert len(inhoud["documenten"]) == 2
    document = publicatie.documenten.get(titel="Besluit")
    antwoord = client.get(f"/api/v1/documenten/{document.uuid}")
    assert antwoord.status_code == 200
    metadata = antwoord.json()
    assert metadata["titel"] == "Besluit"
    assert metadata["sha256"] == document.sha256
    assert metadata["url"].endswith(
        reverse("publicatie:document", args=[document.uuid, document.bestandsnaam])
    )
    assert metadata["publicatie"] == "http://testserver" + _detail(publicatie)
    assert metadata["publicatie_uuid"] == str(publicatie.uuid)


def test_concept_en_onbekend_404(client: Client, auteur: Medewerker) -> None:
    concept = aanmaken(auteur)
    document = services.document_toevoegen(
        concept, titel="Concept", bestandsnaam="c.pdf", inhoud=maak_pdf(), door=auteur
    )
    for url in (
        _detail(concept),
        f"/api/v1/documenten/{document.uuid}",
        f"/api/v1/publicaties/{uuid.uuid4()}",
        f"/api/v1/documenten/{uuid.uuid4()}",
    ):
        antwoord = client.get(url)
        assert antwoord.status_code == 404, url
        assert antwoord["Content-Type"] == "application/problem+json"
        assert antwoord.json()["title"] == "Niet gevonden."
    assert client.get("/api/v1/publicaties/geen-uuid").status_code == 422


def test_ingetrokken_410_met_reden(client: Client, auteur: Medewerker) -> None:
    publicatie = _snel(auteur, "Besluit met een naam erin")
    document = publicatie.documenten.get()
    services.intrekken(
        publicatie, reden=w.REDEN_PRIVACY, toelichting="Een naam stond er niet gelakt in.", door=auteur
    )
    for url in (_detail(publicatie), f"/api/v1/documenten/{document.uuid}"):
        antwoord = client.get(url)
        assert antwoord.status_code == 410
        assert antwoord["Content-Type"] == "application/problem+json"
        inhoud = antwoord.json()
        assert inhoud["title"] == "Deze publicatie is ingetrokken."
        assert inhoud["detail"] == "Een naam stond er niet gelakt in."
        assert inhoud["reden"]["uri"] == w.REDEN_PRIVACY
        assert inhoud["reden"]["label"] == "correctie privacygevoelige gegevens"
        assert "vervangen_door" not in inhoud


def test_vervangen_410_verwijst_naar_nieuwe_versie(client: Client, auteur: Medewerker) -> None:
    oud = _snel(auteur, "Versie 1")
    nieuw = _snel(auteur, "Versie 2")
    services.vervangen(oud, nieuw=nieuw, reden=w.REDEN_PROCEDURELE_FOUT, door=auteur)
    antwoord = client.get(_detail(oud))
    assert antwoord.status_code == 410
    inhoud = antwoord.json()
    assert inhoud["title"] == "Deze publicatie is vervangen."
    assert inhoud["reden"]["uri"] == w.REDEN_PROCEDURELE_FOUT
    assert inhoud["vervangen_door"] == "http://testserver" + _detail(nieuw)
    assert client.get(inhoud["vervangen_door"]).status_code == 200


# --- OpenAPI --------------------------------------------------------------------------------------


def test_openapi_beschrijft_de_paden(client: Client) -> None:
    antwoord = client.get("/api/v1/openapi.json")
    assert antwoord.status_code == 200
    document = antwoord.json()
    paden = document["paths"]
    assert "/api/v1/publicaties" in paden
    assert "/api/v1/publicaties/{publicatie_uuid}" in paden
    assert "/api/v1/documenten/{document_uuid}" in paden
    lijst = paden["/api/v1/publicaties"]["get"]
    assert "security" not in lijst  # anonymous
    namen = {p["name"] for p in lijst["parameters"]}
    assert {"categorie", "publisher", "gewijzigd_sinds", "aantal", "cursor"} <= namen
    assert "410" in paden["/api/v1/publicaties/{publicatie_uuid}"]["get"]["responses"]
    # Our schemas do not take the name of another app's (Ninja names components by class).
    schemas = document["components"]["schemas"]
    assert "uuid" in schemas["PublicatiedocumentUit"]["properties"]
    assert "sha256" not in schemas["DocumentUit"]["properties"]
