"""Woo documents with the uploads on S3 (RAADHUIS_OPSLAG=s3, moto's server over HTTP): an upload
through the Werkplek lands in the bucket's private prefix, the original comes back only through
the permission-checking view (with its Logboek entry), redaction reads and writes through the
store, and removing a document removes its objects after the commit."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.conftest import S3Proef
from raadhuis.core.models import Logregel
from raadhuis.woo.models import Document, WooVerzoek
from raadhuis.woo.services import beoordeling as beoordelingsservices
from raadhuis.woo.services import documenten as documentservices
from raadhuis.woo.tests.test_beoordeling import (
    BSN,
    NAAM,
    REGELS,
    beoordelen,
    gelakte_inhoud,
    medewerker,
    pdf_maken,
    pdf_tekst,
    sportverzoek,
    vak_maken,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def behandelaar() -> Medewerker:
    return medewerker(Rol.BEHANDELAAR)


@pytest.fixture
def coordinator() -> Medewerker:
    return medewerker(Rol.WOO_COORDINATOR)


@pytest.fixture
def verzoek(coordinator: Medewerker) -> WooVerzoek:
    return sportverzoek(coordinator)


def _url(naam: str, verzoek: WooVerzoek, *extra: int) -> str:
    return reverse(f"woo:{naam}", args=[verzoek.kenmerk, *extra])


def test_upload_en_download_via_de_werkplek_uit_de_bucket(
    s3: S3Proef,
    client: Any,
    behandelaar: Medewerker,
    verzoek: WooVerzoek,
) -> None:
    # Given a letter uploaded through the Werkplek
    inhoud = pdf_maken(*REGELS)
    client.force_login(behandelaar)
    antwoord = client.post(
        _url("documenten", verzoek),
        {"bestanden": [SimpleUploadedFile("brief.pdf", inhoud, content_type="application/pdf")]},
    )
    assert antwoord.status_code == 302
    document = Document.objects.get(verzoek=verzoek)
    # Then it is an object under the private prefix, nothing under the public one
    assert s3.sleutels() == [f"prive/{document.origineel.name}"]
    # And the original comes back through the view, logged as a look at personal data
    gelezen = client.get(_url("document_origineel", verzoek, document.pk))
    assert gelezen.status_code == 200
    assert b"".join(gelezen.streaming_content) == inhoud
    assert gelezen["Cache-Control"] == "private, no-store"
    assert Logregel.objects.filter(naam="woo-document.origineel_downloaden").count() == 1
    # But not for someone who is not logged in
    client.logout()
    geweigerd = client.get(_url("document_origineel", verzoek, document.pk))
    assert geweigerd.status_code == 302
    assert geweigerd["Location"].startswith(reverse(settings.LOGIN_URL))


def test_lakken_leest_en_schrijft_via_de_bucket(
    s3: S3Proef,
    behandelaar: Medewerker,
    coordinator: Medewerker,
    verzoek: WooVerzoek,
) -> None:
    # Given a letter in the bucket with its name and BSN marked
    [document] = documentservices.documenten_toevoegen(
        verzoek, naam="brief.pdf", inhoud=pdf_maken(*REGELS), door=coordinator
    )
    vak_maken(document, NAAM)
    vak_maken(document, BSN, grond="5.1.1e", soort="bsn")
    # When it is assessed and approved (PyMuPDF redacts what it read from the store)
    beoordelen(document, behandelaar)
    document = beoordelingsservices.beoordeling_goedkeuren(document, door=coordinator)
    document.refresh_from_db()
    # Then the redacted PDF is a new object in the bucket, and the redacted text is gone from it
    assert f"prive/{document.gelakt.name}" in s3.sleutels()
    tekst = pdf_tekst(gelakte_inhoud(document))
    assert NAAM not in tekst
    assert BSN not in tekst


def test_verwijderen_haalt_de_objecten_na_de_commit_weg(
    s3: S3Proef,
    coordinator: Medewerker,
    verzoek: WooVerzoek,
    django_capture_on_commit_callbacks: Any,
) -> None:
    [document] = documentservices.documenten_toevoegen(
        verzoek, naam="brief.pdf", inhoud=pdf_maken(*REGELS), door=coordinator
    )
    assert s3.sleutels() != []

    with django_capture_on_commit_callbacks(execute=True):
        documentservices.document_verwijderen(document, door=coordinator)

    assert s3.sleutels() == []
