from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from raadhuis.core import uploads


def test_type_volgt_uit_inhoud_niet_uit_naam():
    pdf_als_png = SimpleUploadedFile("plaatje.png", b"%PDF-1.7\n...", "image/png")

    soort = uploads.valideer_upload(pdf_als_png, toegestaan=(uploads.PDF,), max_bytes=100)

    assert soort is uploads.PDF


@pytest.mark.parametrize(
    ("inhoud", "code"),
    [(b"", "leeg"), (b"MZ\x90\x00 executable", "type"), (b"%PDF-" + b"x" * 200, "te_groot")],
)
def test_afgewezen_uploads(inhoud, code):
    bestand = SimpleUploadedFile("bestand.pdf", inhoud, "application/pdf")

    with pytest.raises(ValidationError) as fout:
        uploads.valideer_upload(bestand, toegestaan=(uploads.PDF,), max_bytes=100)

    assert fout.value.code == code
