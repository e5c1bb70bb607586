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


def _zip(onderdelen: dict[str, bytes], *, eerst: tuple[str, bytes] | None = None) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archief:
        if eerst is not None:
            archief.writestr(zipfile.ZipInfo(eerst[0]), eerst[1], compress_type=zipfile.ZIP_STORED)
        for naam, inhoud in onderdelen.items():
            archief.writestr(naam, inhoud)
    return buffer.getvalue()


DOCX_INHOUD = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX_INHOUD = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT_INHOUD = _zip(
    {"content.xml": b"<office:document-content/>"},
    eerst=("mimetype", b"application/vnd.oasis.opendocument.text"),
)


@pytest.mark.parametrize(
    ("inhoud", "verwacht"),
    [(DOCX_INHOUD, uploads.DOCX), (XLSX_INHOUD, uploads.XLSX), (ODT_INHOUD, uploads.ODT)],
)
def test_kantoordocumenten_worden_herkend_aan_hun_inhoud(inhoud, verwacht):
    bestand = SimpleUploadedFile("naam-doet-er-niet-toe.bin", inhoud, "application/octet-stream")

    assert uploads.valideer_upload(bestand, toegestaan=uploads.DOCUMENTEN, max_bytes=10_000_000) is verwacht


@pytest.mark.parametrize(
    "inhoud",
    [
        _zip({"gewoon.txt": b"een zip, geen document"}),
        _zip(
            {
                "[Content_Types].xml": b"<Types/>",
                "word/document.xml": b"<w/>",
                "word/vbaProject.bin": b"macro",
            }
        ),
        _zip(
            {"content.xml": b"<x/>", "Basic/Standard/Module1.xml": b"macro"},
            eerst=("mimetype", b"application/vnd.oasis.opendocument.text"),
        ),
        _zip({"content.xml": b"<x/>"}, eerst=("mimetype", b"application/x-iets-anders")),
        b"PK\x03\x04 kapotte zip",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 oud Word-formaat",
    ],
    ids=["zip-zonder-document", "docx-met-macro", "odt-met-basic", "vreemd-mimetype", "kapot", "doc-ole2"],
)
def test_verdachte_of_onbekende_kantoorbestanden_worden_geweigerd(inhoud):
    bestand = SimpleUploadedFile(
        "rapport.docx", inhoud, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )

    with pytest.raises(ValidationError) as fout:
        uploads.valideer_upload(bestand, toegestaan=uploads.DOCUMENTEN, max_bytes=10_000_000)

    assert fout.value.code == "type"


def test_zipbom_wordt_geweigerd():
    bom = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"0" * 5_000_000})

    with pytest.raises(ValidationError):
        uploads.valideer_upload(
            SimpleUploadedFile("bom.docx", bom), toegestaan=uploads.DOCUMENTEN, max_bytes=10_000_000
        )


def test_afbeeldingen_toestaan_betekent_geen_documenten():
    with pytest.raises(ValidationError) as fout:
        uploads.valideer_upload(
            SimpleUploadedFile("logo.png", DOCX_INHOUD), toegestaan=uploads.AFBEELDINGEN, max_bytes=10_000_000
        )

    assert "PNG, JPEG" in fout.value.messages[0]


def test_odt_met_kapotte_gecomprimeerde_mimetype_wordt_geweigerd_niet_een_fout():
    """A damaged deflate stream raises zlib.error inside zipfile; the upload is refused, no 500."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("mimetype", b"application/vnd.oasis.opendocument.text" * 50)
        archief.writestr("content.xml", b"<office:document-content/>")
    inhoud = bytearray(buffer.getvalue())
    for positie in range(40, 60):  # inside the first entry's compressed data
        inhoud[positie] ^= 0xFF
    bestand = SimpleUploadedFile("brief.odt", bytes(inhoud), "application/vnd.oasis.opendocument.text")

    with pytest.raises(ValidationError) as fout:
        uploads.valideer_upload(bestand, toegestaan=uploads.DOCUMENTEN, max_bytes=10_000_000)

    assert fout.value.code == "type"


@pytest.mark.parametrize(
    "inhoud",
    [
        b"naam,bedrag\nSportvereniging De Bal,1500\nMuziekschool,2500.50\n",
        b"naam;bedrag\nSportvereniging De Bal;1500\nMuziekschool;-250,50\n",
        '\ufeffontvanger;bedrag\nCoöperatie Energie;"1.000"\n'.encode(),
        b"kenmerk\n2026-0001\n",
    ],
)
def test_csv_wordt_herkend(inhoud):
    bestand = SimpleUploadedFile("lijst.csv", inhoud)

    assert (
        uploads.valideer_upload(bestand, toegestaan=(uploads.PDF, uploads.CSV), max_bytes=10_000)
        is uploads.CSV
    )


@pytest.mark.parametrize(
    "inhoud",
    [
        b'naam,bedrag\n=HYPERLINK("http://evil"),1\n',  # a formula a spreadsheet would run
        b"naam,bedrag\n@SUM(1+1),1\n",
        b"naam,bedrag\n-cmd|' /C calc'!A0,1\n",
        b"naam,bedrag,extra\nalleen twee,velden\n",  # ragged rows: not a table
        b"\x89PNG\r\n\x1a\n\x00\x00",  # binary
        b"naam,bedrag\nJos\xe9,1\n",  # not UTF-8
        b"\n\n",
    ],
)
def test_geen_csv(inhoud):
    bestand = SimpleUploadedFile("lijst.csv", inhoud)

    with pytest.raises(ValidationError):
        uploads.valideer_upload(bestand, toegestaan=(uploads.CSV,), max_bytes=10_000)
