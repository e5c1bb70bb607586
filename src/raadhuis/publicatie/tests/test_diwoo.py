"""DiWoo 0.9.8 XML for one document (publicatie.diwoo): valid against the vendored XSD for every
category and lifecycle state, and refusing values that are not on the value lists."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from lxml import etree

from raadhuis.publicatie import waardelijsten
from raadhuis.publicatie.diwoo import (
    DIWOO_NS,
    OngeldigeMetadata,
    Urls,
    absolute_url,
    datumtijd,
    document_element,
    document_url,
    fouten,
    publicatie_url,
)
from raadhuis.publicatie.models import (
    Documenthandeling,
    Publicatie,
    Publicatiedocument,
    Publicatierelatie,
    Publicatiestatus,
)

pytestmark = pytest.mark.django_db
PDF = waardelijsten.BESTANDSTYPE + "PDF"


def publicatie_maken(**velden: Any) -> Publicatie:
    handelingen = velden.pop("handelingen", [(waardelijsten.VASTSTELLING, "")])
    standaard: dict[str, Any] = {
        "publisher": "gm1926",
        "officiele_titel": "Besluitenlijst raad 12 maart 2025",
        "informatiecategorieen": [waardelijsten.CATEGORIE_VERGADERSTUKKEN_DECENTRAAL],
        "status": Publicatiestatus.GEPUBLICEERD,
        "gepubliceerd_op": timezone.now(),
    }
    publicatie = Publicatie.objects.create(**(standaard | velden))
    for soort, actor in handelingen:
        Documenthandeling.objects.create(
            publicatie=publicatie,
            soort=soort,
            tijdstip=dt.datetime(2025, 3, 12, 22, 0, tzinfo=ZoneInfo("Europe/Amsterdam")),
            actor=actor,
        )
    return publicatie


def document_maken(publicatie: Publicatie, **velden: Any) -> Publicatiedocument:
    standaard: dict[str, Any] = {
        "titel": publicatie.officiele_titel,
        "bestandsnaam": "besluitenlijst.pdf",
        "mediatype": "application/pdf",
        "bestandsformaat": PDF,
        "grootte": 8,
        "sha256": "0" * 64,
        "bestand": ContentFile(b"%PDF-1.7", name="besluitenlijst.pdf"),
    }
    return Publicatiedocument.objects.create(publicatie=publicatie, **(standaard | velden))


def d(element: etree._Element, pad: str) -> list[etree._Element]:
    return list(element.iterfind(pad, namespaces={"diwoo": DIWOO_NS}))


def test_minimal_document_is_valid_with_the_required_elements() -> None:
    document = document_maken(publicatie_maken())
    element = document_element(document)
    assert fouten(element) == []
    assert element.tag == f"{{{DIWOO_NS}}}Document"
    publisher = d(element, "diwoo:DiWoo/diwoo:publisher")[0]
    assert publisher.get("resource") == "https://identifier.overheid.nl/tooi/id/gemeente/gm1926"
    assert publisher.text == "gemeente Pijnacker-Nootdorp"
    assert d(element, "diwoo:DiWoo/diwoo:titelcollectie/diwoo:officieleTitel")[0].text == document.titel
    categorie = d(element, ".//diwoo:informatiecategorie")[0]
    assert categorie.get("resource") == waardelijsten.CATEGORIE_VERGADERSTUKKEN_DECENTRAAL
    assert categorie.text == "vergaderstukken decentrale overheden"
    handeling = d(element, ".//diwoo:documenthandeling")[0]
    assert d(handeling, "diwoo:soortHandeling")[0].get("resource") == waardelijsten.VASTSTELLING
    assert d(handeling, "diwoo:atTime")[0].text == "2025-03-12T22:00:00+01:00"
    assert d(element, ".//diwoo:format")[0].get("resource") == PDF
    assert d(element, ".//diwoo:language")[0].text == "Nederlands"
    assert not d(element, ".//diwoo:redenVerwijderingVervanging")


def test_full_metadata_is_valid() -> None:
    gerelateerd = publicatie_maken(officiele_titel="Raadsvoorstel begroting")
    publicatie = publicatie_maken(
        verkorte_titel="Besluitenlijst 12-3",
        omschrijving="De besluiten van de raad & de stemmingen <alle>.",
        themas=[next(iter(waardelijsten.themas()))],
        identificatoren=["RAAD-2025-12", "zaak 7"],
        informatiecategorieen=[
            waardelijsten.CATEGORIE_VERGADERSTUKKEN_DECENTRAAL,
            waardelijsten.CATEGORIE_AGENDAS_BESLUITENLIJSTEN_BESTUUR,
        ],
        handelingen=[(waardelijsten.ONTVANGST, "so0830"), (waardelijsten.ONDERTEKENING, "gm1926")],
    )
    Publicatierelatie.objects.create(
        van=publicatie, naar=gerelateerd, rol=waardelijsten.RELATIE_VERWIJST_NAAR
    )
    document = document_maken(
        publicatie,
        documentsoort=waardelijsten.DOCUMENTSOORT_BESLUITENLIJST,
        creatiedatum=dt.date(2025, 3, 13),
    )
    element = document_element(document)
    assert fouten(element) == []
    assert [e.text for e in d(element, ".//diwoo:identifier")] == ["RAAD-2025-12", "zaak 7"]
    assert d(element, ".//diwoo:verkorteTitel")[0].text == "Besluitenlijst 12-3"
    assert d(element, ".//diwoo:omschrijving")[0].text == publicatie.omschrijving
    assert len(d(element, ".//diwoo:informatiecategorie")) == 2
    assert (
        d(element, ".//diwoo:documentsoort")[0].get("resource") == waardelijsten.DOCUMENTSOORT_BESLUITENLIJST
    )
    assert d(element, ".//diwoo:thema")
    assert d(element, ".//diwoo:creatiedatum")[0].text == "2025-03-13"
    actoren = [e.get("resource") for e in d(element, ".//diwoo:wasAssociatedWith")]
    assert actoren[0].endswith("/so0830")
    relatie = d(element, ".//diwoo:documentrelatie/diwoo:relation")[0]
    assert relatie.get("resource") == absolute_url(f"/openbaarheid/publicaties/{gerelateerd.uuid}/")
    assert d(element, ".//diwoo:isPartOf")[0].get("resource").endswith(f"/publicaties/{publicatie.uuid}/")
    # Escaped on the way out and read back unchanged.
    terug = etree.fromstring(etree.tostring(element))
    assert d(terug, ".//diwoo:omschrijving")[0].text == publicatie.omschrijving


def test_relation_to_an_unpublished_publication_is_left_out() -> None:
    concept = publicatie_maken(status=Publicatiestatus.CONCEPT, gepubliceerd_op=None)
    publicatie = publicatie_maken()
    Publicatierelatie.objects.create(van=publicatie, naar=concept, rol=waardelijsten.RELATIE_HEEFT_BIJLAGE)
    element = document_element(document_maken(publicatie))
    assert not d(element, ".//diwoo:documentrelaties")
    assert fouten(element) == []


@pytest.mark.parametrize("categorie", list(waardelijsten.informatiecategorieen()))
def test_every_information_category_validates(categorie: str) -> None:
    element = document_element(document_maken(publicatie_maken(informatiecategorieen=[categorie])))
    assert fouten(element) == []


@pytest.mark.parametrize("formaat", list(waardelijsten.bestandsformaten()))
def test_every_file_type_validates(formaat: str) -> None:
    element = document_element(document_maken(publicatie_maken(), bestandsformaat=formaat))
    assert fouten(element) == []


@pytest.mark.parametrize("status", [Publicatiestatus.INGETROKKEN, Publicatiestatus.VERVANGEN])
def test_withdrawn_or_replaced_document_carries_its_reason_and_validates(status: str) -> None:
    publicatie = publicatie_maken(
        status=status, reden_intrekking=waardelijsten.REDEN_PRIVACY, ingetrokken_op=timezone.now()
    )
    element = document_element(document_maken(publicatie))
    reden = d(element, "diwoo:DiWoo/diwoo:redenVerwijderingVervanging")
    assert [(r.get("resource"), r.text) for r in reden] == [
        (waardelijsten.REDEN_PRIVACY, "correctie privacygevoelige gegevens")
    ]
    assert fouten(element) == []


def test_replacement_carries_the_reason_of_the_publication_it_replaces() -> None:
    nieuw = publicatie_maken()
    publicatie_maken(
        status=Publicatiestatus.VERVANGEN,
        reden_intrekking=waardelijsten.REDEN_PROCEDURELE_FOUT,
        vervangen_door=nieuw,
    )
    element = document_element(document_maken(nieuw))
    reden = d(element, ".//diwoo:redenVerwijderingVervanging")[0]
    assert reden.get("resource") == waardelijsten.REDEN_PROCEDURELE_FOUT
    assert fouten(element) == []


@pytest.mark.parametrize(
    ("publicatievelden", "documentvelden"),
    [
        ({"informatiecategorieen": ["https://example.org/eigen-categorie"]}, {}),
        ({"informatiecategorieen": []}, {}),
        ({"publisher": "gm0000"}, {}),
        ({"publisher": ""}, {}),
        ({"themas": ["https://example.org/thema"]}, {}),
        ({"taal": "http://publications.europa.eu/resource/authority/language/XXX"}, {}),
        ({"handelingen": []}, {}),
        ({"handelingen": [("https://example.org/handeling", "")]}, {}),
        ({"handelingen": [(waardelijsten.VASTSTELLING, "xx999")]}, {}),
        ({"reden_intrekking": "https://example.org/reden", "status": Publicatiestatus.INGETROKKEN}, {}),
        ({}, {"bestandsformaat": "http://publications.europa.eu/resource/authority/file-type/EXE"}),
        ({}, {"bestandsformaat": ""}),
        ({}, {"documentsoort": "https://example.org/soort"}),
        ({"officiele_titel": " "}, {"titel": " "}),
    ],
)
def test_values_off_the_lists_are_refused(
    publicatievelden: dict[str, Any], documentvelden: dict[str, Any]
) -> None:
    document = document_maken(publicatie_maken(**publicatievelden), **documentvelden)
    with pytest.raises(OngeldigeMetadata):
        document_element(document)


def test_relation_with_an_unknown_role_is_refused() -> None:
    publicatie = publicatie_maken()
    Publicatierelatie.objects.create(van=publicatie, naar=publicatie_maken(), rol="https://example.org/rol")
    with pytest.raises(OngeldigeMetadata):
        document_element(document_maken(publicatie))


def test_the_schema_rejects_what_the_lists_do_not_hold() -> None:
    """The vendored XSD really checks: a custom category URI or a missing handling is an error."""
    element = document_element(document_maken(publicatie_maken()))
    d(element, ".//diwoo:informatiecategorie")[0].set("resource", "https://example.org/eigen")
    assert fouten(element)
    element = document_element(document_maken(publicatie_maken()))
    diwoo = d(element, "diwoo:DiWoo")[0]
    diwoo.remove(d(diwoo, "diwoo:documenthandelingen")[0])
    assert fouten(element)


def test_datetimes_carry_their_offset() -> None:
    zomer = dt.datetime(2025, 7, 1, 10, 0, tzinfo=dt.UTC)
    assert datumtijd(zomer) == "2025-07-01T12:00:00+02:00"
    assert datumtijd(dt.datetime(2025, 1, 1, 10, 0, 30, 123456)) == "2025-01-01T10:00:30+01:00"  # noqa: DTZ001


def test_absolute_urls_are_https_on_the_configured_host(settings: Any) -> None:
    settings.RAADHUIS_BASIS_URL = "http://open.example.nl"
    assert absolute_url("/x") == "https://open.example.nl/x"
    settings.RAADHUIS_BASIS_URL = "https://open.example.nl"
    assert absolute_url("/x") == "https://open.example.nl/x"


@pytest.mark.parametrize(
    "naam", ["besluit.pdf", "raads besluit & bijlage (1).pdf", "overzicht 100%.pdf", "één–twee.pdf"]
)
def test_url_template_matches_reverse(naam: str) -> None:
    """The sitemap fills in a once-resolved path; it must give exactly what `reverse()` gives."""
    document = document_maken(publicatie_maken(), bestandsnaam=naam)
    assert Urls().document(document) == document_url(document)
    assert Urls().publicatie(document.publicatie.uuid) == publicatie_url(document.publicatie)
