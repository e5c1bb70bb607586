"""The publication pages: public Openbaarheid pages and stable URLs (a concept 404, a withdrawn or
replaced publication 410 with its reason, the file itself with its media type and cache headers),
and the register in the Werkplek with its actions, bad input (400, error next to the field,
nothing changed) and permissions (403)."""

from __future__ import annotations

import re
import uuid
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.publicatie import services
from raadhuis.publicatie import waardelijsten as w
from raadhuis.publicatie.models import Publicatie, Publicatiestatus
from raadhuis.publicatie.tests.test_services import (
    aanmaken,
    bron,
    gepubliceerd,
    maak_docx,
    maak_pdf,
    medewerker,
)

pytestmark = pytest.mark.django_db

# The autouse fixture that stands in for the sitemap hooks (see test_services).
from raadhuis.publicatie.tests.test_services import sitemaps  # noqa: E402, F401

WERKPLEK = reverse("publicatie:werkplek")
NIEUW = reverse("publicatie:nieuw")


@pytest.fixture
def coordinator(client: Any) -> Medewerker:
    ingelogd = medewerker(Rol.WOO_COORDINATOR)
    client.force_login(ingelogd)
    return ingelogd


@pytest.fixture
def auteur(db: None) -> Medewerker:
    """Someone with the right who is not logged in in the client (for setting up data)."""
    return medewerker(Rol.GRIFFIE)


def _detail(publicatie: Publicatie) -> str:
    return reverse("publicatie:detail", args=[publicatie.uuid])


def _openbaar(publicatie: Publicatie) -> str:
    return reverse("publicatie:publicatie", args=[publicatie.uuid])


# --- public pages -------------------------------------------------------------------------------------


def test_openbaarheid_toont_laatste_en_aantallen(client: Any, auteur: Medewerker) -> None:
    publicatie = gepubliceerd(auteur, titel="Convenant groenonderhoud")
    aanmaken(auteur, officiele_titel="Geheim concept")
    antwoord = client.get(reverse("publicatie:openbaarheid"))
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Convenant groenonderhoud" in inhoud
    assert _openbaar(publicatie) in inhoud
    assert "Geheim concept" not in inhoud
    assert reverse("woo:verzoek_indienen") in inhoud
    assert reverse("publicatie:categorie", args=["011"]) in inhoud
    assert "Convenanten" in inhoud


def test_categorie_pagina(client: Any, auteur: Medewerker) -> None:
    gepubliceerd(auteur, titel="Convenant een")
    bron()
    antwoord = client.get(reverse("publicatie:categorie", args=["011"]))
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Convenant een" in inhoud
    assert "bomenkap" not in inhoud
    assert "2f" in inhoud
    assert client.get(reverse("publicatie:categorie", args=["999"])).status_code == 404
    assert client.get(reverse("publicatie:categorie", args=["abc"])).status_code == 404
    assert client.get(reverse("publicatie:categorie", args=["014"]) + "?pagina=99").status_code == 200


def test_publicatie_pagina_in_nederlandse_woorden(client: Any, auteur: Medewerker) -> None:
    publicatie = bron()
    antwoord = client.get(_openbaar(publicatie))
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "gemeente Pijnacker-Nootdorp" in inhoud
    assert "Woo-verzoeken en -besluiten" in inhoud
    assert "Vaststelling" in inhoud
    assert "beslissing op Wob-/Woo-verzoek" in inhoud
    assert "Nederlands" in inhoud
    assert "identifier.overheid.nl" not in inhoud
    for document in publicatie.documenten.all():
        assert reverse("publicatie:document", args=[document.uuid, document.bestandsnaam]) in inhoud


def test_concept_en_onbekend_bestaan_niet(client: Any, auteur: Medewerker) -> None:
    concept = aanmaken(auteur)
    document = services.document_toevoegen(
        concept, titel="Concept", bestandsnaam="c.pdf", inhoud=maak_pdf(), door=auteur
    )
    assert client.get(_openbaar(concept)).status_code == 404
    assert client.get(reverse("publicatie:document", args=[document.uuid, "c.pdf"])).status_code == 404
    assert client.get(reverse("publicatie:publicatie", args=[uuid.uuid4()])).status_code == 404
    assert client.get(reverse("publicatie:document", args=[uuid.uuid4(), "x.pdf"])).status_code == 404


def test_ingetrokken_is_weg_met_reden(client: Any, auteur: Medewerker) -> None:
    publicatie = gepubliceerd(auteur, titel="Besluit met een naam erin")
    document = publicatie.documenten.get()
    services.intrekken(
        publicatie, reden=w.REDEN_PRIVACY, toelichting="Een naam stond er niet gelakt in.", door=auteur
    )
    antwoord = client.get(_openbaar(publicatie))
    assert antwoord.status_code == 410
    inhoud = antwoord.content.decode()
    assert "ingetrokken" in inhoud
    assert "correctie privacygevoelige gegevens" in inhoud
    assert "Een naam stond er niet gelakt in." in inhoud
    assert reverse("publicatie:document", args=[document.uuid, document.bestandsnaam]) not in inhoud
    bestand = client.get(reverse("publicatie:document", args=[document.uuid, document.bestandsnaam]))
    assert bestand.status_code == 410
    assert "correctie privacygevoelige gegevens" in bestand.content.decode()


def test_vervangen_verwijst_naar_nieuwe_versie(client: Any, auteur: Medewerker) -> None:
    oud = gepubliceerd(auteur, titel="Versie 1")
    nieuw = gepubliceerd(auteur, titel="Versie 2")
    services.vervangen(oud, nieuw=nieuw, reden=w.REDEN_PROCEDURELE_FOUT, door=auteur)
    antwoord = client.get(_openbaar(oud))
    assert antwoord.status_code == 410
    inhoud = antwoord.content.decode()
    assert "vervangen" in inhoud
    assert _openbaar(nieuw) in inhoud


def test_document_is_het_bestand_zelf(client: Any, auteur: Medewerker) -> None:
    publicatie = gepubliceerd(auteur)
    document = publicatie.documenten.get()
    url = reverse("publicatie:document", args=[document.uuid, document.bestandsnaam])
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord["Content-Disposition"].startswith("inline")
    assert document.bestandsnaam in antwoord["Content-Disposition"]
    assert antwoord["ETag"] == f'"{document.sha256}"'
    assert "Last-Modified" in antwoord
    assert antwoord["X-Content-Type-Options"] == "nosniff"
    inhoud = b"".join(antwoord.streaming_content)
    assert inhoud.startswith(b"%PDF-")
    assert b"Jan Ambtenaar" not in inhoud
    with CaptureQueriesContext(connection) as vragen:
        assert client.get(url, HTTP_IF_NONE_MATCH=antwoord["ETag"]).status_code == 304
    assert sum("publicatie_publicatiedocument" in v["sql"] for v in vragen.captured_queries) == 1
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405
    verkeerd = client.get(reverse("publicatie:document", args=[document.uuid, "andere-naam.pdf"]))
    assert verkeerd.status_code == 302
    assert verkeerd["Location"] == url


# --- Werkplek -----------------------------------------------------------------------------------------


def test_werkplek_alleen_voor_de_juiste_rollen(client: Any) -> None:
    assert client.get(WERKPLEK).status_code == 302  # to the login
    client.force_login(MedewerkerFactory(rollen=[Rol.RAADSLID]))
    assert client.get(WERKPLEK).status_code == 403
    assert client.get(NIEUW).status_code == 403
    assert client.post(NIEUW, {}).status_code == 403


def test_register_met_filters(client: Any, coordinator: Medewerker) -> None:
    aanmaken(coordinator, officiele_titel="Concept convenant")
    gepubliceerd(coordinator, titel="Gepubliceerd convenant")
    bron()
    inhoud = client.get(WERKPLEK).content.decode()
    assert "Concept convenant" in inhoud
    assert "Gepubliceerd convenant" in inhoud
    assert "bomenkap" in inhoud
    inhoud = client.get(WERKPLEK, {"status": "concept"}).content.decode()
    assert "Concept convenant" in inhoud
    assert "Gepubliceerd convenant" not in inhoud
    inhoud = client.get(WERKPLEK, {"categorie": w.CATEGORIE_WOO_VERZOEKEN}).content.decode()
    assert "bomenkap" in inhoud
    assert "Gepubliceerd convenant" not in inhoud
    assert client.get(WERKPLEK, {"status": "onzin"}).status_code == 400


def _formulier(**velden: Any) -> dict[str, Any]:
    gegevens: dict[str, Any] = {
        "officiele_titel": "Onderzoeksrapport parkeerdruk",
        "informatiecategorie": w.CATEGORIE_ONDERZOEKSRAPPORTEN,
        "documentsoort": w.DOCUMENTSOORT_ONDERZOEKSRAPPORT,
        "thema": "",
        "publisher": "gm1926",
        "soort_handeling": w.VASTSTELLING,
        "handeling_datum": "2026-03-12",
        "bestanden": [
            SimpleUploadedFile("rapport.pdf", maak_pdf("Parkeerdruk in het centrum"), "application/pdf"),
            SimpleUploadedFile("bijlage.docx", maak_docx("Tellingen"), "application/octet-stream"),
        ],
    }
    gegevens.update(velden)
    return gegevens


def test_nieuwe_publicatie(client: Any, coordinator: Medewerker) -> None:
    assert client.get(NIEUW).status_code == 200
    antwoord = client.post(NIEUW, _formulier(kenmerk="RAP-7"))
    publicatie = Publicatie.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == _detail(publicatie)
    assert publicatie.status == Publicatiestatus.CONCEPT
    assert publicatie.identificatoren == ["RAP-7"]
    assert [d.titel for d in publicatie.documenten.all()] == ["rapport", "bijlage"]
    assert publicatie.handelingen.get().soort == w.VASTSTELLING


@pytest.mark.parametrize(
    ("velden", "veld", "melding"),
    [
        ({"officiele_titel": ""}, "officiele_titel", "Dit veld is verplicht"),
        ({"informatiecategorie": "https://example.org/x"}, "informatiecategorie", "geen beschikbare keuze"),
        ({"publisher": "gm0000"}, "publisher", "TOOI-lijsten"),
        ({"periode_van": "2026-05-01", "periode_tot": "2026-01-01"}, "periode_tot", "voor het begin"),
        (
            {"bestanden": [SimpleUploadedFile("foto.png", b"\x89PNG\r\n\x1a\n0000", "image/png")]},
            "bestanden",
            "niet toegestaan",
        ),
        ({"bestanden": []}, "bestanden", "verplicht"),
    ],
)
def test_nieuwe_publicatie_met_fouten(
    client: Any, coordinator: Medewerker, velden: dict[str, Any], veld: str, melding: str
) -> None:
    antwoord = client.post(NIEUW, _formulier(**velden))
    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert f'id="id_{veld}_error"' in inhoud
    fout = inhoud.split(f'id="id_{veld}_error"', 1)[1].split("</div>", 1)[0]
    assert melding in fout
    assert not Publicatie.objects.exists()


def test_detail_en_publiceren(client: Any, coordinator: Medewerker, sitemaps: SimpleNamespace) -> None:  # noqa: F811
    publicatie = aanmaken(coordinator)
    leeg = client.post(reverse("publicatie:publiceren", args=[publicatie.uuid]))
    assert leeg.status_code == 400
    assert "Voeg eerst ten minste één document toe." in leeg.content.decode()
    services.document_toevoegen(
        publicatie, titel="C", bestandsnaam="c.pdf", inhoud=maak_pdf(), door=coordinator
    )
    assert client.get(_detail(publicatie)).status_code == 200
    assert client.get(reverse("publicatie:publiceren", args=[publicatie.uuid])).status_code == 405
    antwoord = client.post(reverse("publicatie:publiceren", args=[publicatie.uuid]))
    assert antwoord.status_code == 302
    publicatie.refresh_from_db()
    assert publicatie.status == Publicatiestatus.GEPUBLICEERD
    assert sitemaps.blokken_markeren.called
    inhoud = client.get(_detail(publicatie)).content.decode()
    assert reverse("publicatie:intrekken", args=[publicatie.uuid]) in inhoud
    # The history names every step and who took it.
    assert "Geschiedenis" in inhoud
    assert "Document toegevoegd" in inhoud
    assert inhoud.count(coordinator.get_full_name() or coordinator.get_username()) >= 3
    assert client.get(reverse("publicatie:detail", args=[uuid.uuid4()])).status_code == 404


def test_intrekken_via_werkplek(client: Any, coordinator: Medewerker) -> None:
    publicatie = gepubliceerd(coordinator)
    url = reverse("publicatie:intrekken", args=[publicatie.uuid])
    fout = client.post(url, {"intrekken-reden": "", "intrekken-toelichting": "x"})
    assert fout.status_code == 400
    assert 'id="id_intrekken-reden_error"' in fout.content.decode()
    publicatie.refresh_from_db()
    assert publicatie.status == Publicatiestatus.GEPUBLICEERD
    antwoord = client.post(url, {"intrekken-reden": w.REDEN_PRIVACY, "intrekken-toelichting": "Naam"})
    assert antwoord.status_code == 302
    publicatie.refresh_from_db()
    assert publicatie.status == Publicatiestatus.INGETROKKEN
    # A second time: the service's refusal stands next to the reason field.
    nogmaals = client.post(url, {"intrekken-reden": w.REDEN_PRIVACY})
    assert nogmaals.status_code == 400
    assert "Alleen een gepubliceerde publicatie kan worden ingetrokken." in nogmaals.content.decode()


def test_vervangen_via_werkplek(client: Any, coordinator: Medewerker) -> None:
    oud = gepubliceerd(coordinator, titel="Versie 1")
    nieuw = gepubliceerd(coordinator, titel="Versie 2")
    url = reverse("publicatie:vervangen", args=[oud.uuid])
    fout = client.post(url, {"vervangen-nieuw": str(uuid.uuid4()), "vervangen-reden": w.REDEN_PRIVACY})
    assert fout.status_code == 400
    assert 'id="id_vervangen-nieuw_error"' in fout.content.decode()
    antwoord = client.post(
        url, {"vervangen-nieuw": str(nieuw.uuid), "vervangen-reden": w.REDEN_PROCEDURELE_FOUT}
    )
    assert antwoord.status_code == 302
    oud.refresh_from_db()
    assert oud.status == Publicatiestatus.VERVANGEN
    assert oud.vervangen_door == nieuw


def test_acties_vragen_het_recht(client: Any, auteur: Medewerker) -> None:
    publicatie = gepubliceerd(auteur)
    client.force_login(MedewerkerFactory(rollen=[Rol.RAADSLID]))
    for naam in ("publiceren", "intrekken", "vervangen"):
        assert client.post(reverse(f"publicatie:{naam}", args=[publicatie.uuid])).status_code == 403
    assert client.get(_detail(publicatie)).status_code == 403
    publicatie.refresh_from_db()
    assert publicatie.status == Publicatiestatus.GEPUBLICEERD


def test_twee_keer_versturen_maakt_een_publicatie(client: Any, coordinator: Medewerker) -> None:
    """A double click or a reload of the answer sends the same rendered form again: it is done once
    (core.idempotentie, the form key of the shared form component)."""
    pagina = client.get(NIEUW).content.decode()
    sleutel = re.search(r'name="_formuliersleutel" value="([0-9a-f]{32})"', pagina)
    assert sleutel is not None

    eerste = client.post(NIEUW, _formulier(_formuliersleutel=sleutel.group(1)))
    tweede = client.post(NIEUW, _formulier(_formuliersleutel=sleutel.group(1)))

    assert eerste.status_code == tweede.status_code == 302
    assert tweede["Location"] == eerste["Location"]
    assert tweede["Idempotent-Replayed"] == "true"
    assert Publicatie.objects.count() == 1


def test_een_formulier_met_fouten_kan_opnieuw_worden_verstuurd(client: Any, coordinator: Medewerker) -> None:
    sleutel = "a" * 32

    fout = client.post(NIEUW, _formulier(officiele_titel="", _formuliersleutel=sleutel))
    goed = client.post(NIEUW, _formulier(_formuliersleutel=sleutel))

    assert fout.status_code == 400
    assert goed.status_code == 302
    assert Publicatie.objects.count() == 1


def test_een_zoekformulier_krijgt_geen_formuliersleutel(client: Any, coordinator: Medewerker) -> None:
    assert "_formuliersleutel" not in client.get(reverse("publicatie:werkplek")).content.decode()
