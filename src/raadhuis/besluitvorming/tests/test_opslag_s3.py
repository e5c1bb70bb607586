"""Council papers with the uploads on S3 (RAADHUIS_OPSLAG=s3, moto's server over HTTP): the
griffie's upload lands in the bucket's private prefix, anyone downloads a public stuk through
the app, a geheim stuk (Gemeentewet art. 25) stays 404, and only the griffie may upload."""

from __future__ import annotations

import pymupdf
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Medewerker
from raadhuis.besluitvorming.models import Stuk
from raadhuis.besluitvorming.tests.factories import AgendapuntFactory, VergaderingFactory
from raadhuis.conftest import S3Proef

pytestmark = pytest.mark.django_db


def _pdf(tekst: str) -> bytes:
    with pymupdf.open() as document:
        document.new_page().insert_text((72, 72), tekst)
        inhoud: bytes = document.tobytes()
    return inhoud


def _uploaden(
    client: Client, punt_pk: int, vergadering_pk: int, titel: str, openbaarheid: str, inhoud: bytes = b""
) -> int:
    antwoord = client.post(
        reverse("besluitvorming:werkplek_stuk_nieuw", args=[vergadering_pk, punt_pk]),
        {
            "soort": Stuk.Soort.VOORSTEL,
            "titel": titel,
            "datum": "2026-03-01",
            "openbaarheid": openbaarheid,
            "bestand": SimpleUploadedFile(f"{titel}.pdf", inhoud or _pdf(titel), "application/pdf"),
        },
    )
    return antwoord.status_code


def test_stukken_in_de_bucket_en_alleen_het_openbare_is_te_downloaden(
    s3: S3Proef, client: Client, griffier: Medewerker
) -> None:
    # Given a public and a secret paper uploaded by the griffie to a published agenda
    vergadering = VergaderingFactory(agenda_gepubliceerd_op=timezone.now())
    punt = AgendapuntFactory(vergadering=vergadering, titel="Oostlaan")
    client.force_login(griffier)
    voorstel = _pdf("Raadsvoorstel")
    assert (
        _uploaden(client, punt.pk, punt.vergadering_id, "Raadsvoorstel", Stuk.Openbaarheid.OPENBAAR, voorstel)
        == 302
    )
    assert _uploaden(client, punt.pk, punt.vergadering_id, "Bijlage", Stuk.Openbaarheid.GEHEIM) == 302
    openbaar = Stuk.objects.get(titel="Raadsvoorstel")
    geheim = Stuk.objects.get(titel="Bijlage")
    # Then both are objects under the private prefix, and the text was read for search
    assert s3.sleutels() == sorted(f"prive/{s.bestand.name}" for s in (openbaar, geheim))
    assert "Raadsvoorstel" in openbaar.tekst
    # When someone who is not logged in downloads them
    client.logout()
    gedownload = client.get(reverse("besluitvorming:stuk_downloaden", args=[openbaar.pk]))
    # Then the public one streams from the bucket through the app, the secret one does not exist
    assert gedownload.status_code == 200
    assert b"".join(gedownload.streaming_content) == voorstel  # type: ignore[attr-defined]
    assert client.get(reverse("besluitvorming:stuk_downloaden", args=[geheim.pk])).status_code == 404


def test_zonder_inloggen_geen_upload_en_niets_in_de_bucket(s3: S3Proef, client: Client) -> None:
    punt = AgendapuntFactory(vergadering=VergaderingFactory(), titel="Oostlaan")

    status = _uploaden(client, punt.pk, punt.vergadering_id, "Raadsvoorstel", Stuk.Openbaarheid.OPENBAAR)

    assert status == 302
    assert not Stuk.objects.exists()
    assert s3.sleutels() == []
    assert settings.RAADHUIS_OPSLAG == "s3"
