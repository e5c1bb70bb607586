"""Document processing for Woo requests: every input is generated here (PDFs with PyMuPDF, e-mails
with email.message.EmailMessage, office files with zipfile, images with PyMuPDF pixmaps)."""

from __future__ import annotations

import io
import textwrap
import zipfile
from datetime import UTC, date, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

import pymupdf
import pytest
from django.core.exceptions import ValidationError

from raadhuis.woo import documentverwerking as dv
from raadhuis.woo.documentverwerking import (
    AFBEELDING,
    BIJLAGE,
    EMAIL,
    KANTOORDOCUMENT,
    PDF,
    TEKST,
    bijna_dubbelen,
    draden,
    exacte_dubbelen,
    inventaris,
    onderwerp_normaliseren,
    verwerken,
)

CET = timezone(timedelta(hours=1))

# --- builders ---------------------------------------------------------------------------------


def maak_pdf(tekst: str, *, titel: str = "", gemaakt: str = "", paginas: int = 1) -> bytes:
    document = pymupdf.open()
    for _ in range(paginas):
        pagina = document.new_page()
        pagina.insert_text((72, 72), tekst, fontsize=11)
    document.set_metadata({"title": titel, "creationDate": gemaakt})
    inhoud = document.tobytes()
    document.close()
    return inhoud


def maak_afbeelding(formaat: str) -> bytes:
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 4, 3), False)
    pixmap.clear_with(200)
    return pixmap.tobytes(formaat)


def maak_docx(alineas: list[str], *, titel: str = "", extra: dict[str, bytes] | None = None) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{alinea}</w:t></w:r></w:p>" for alinea in alineas)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archief.writestr(
            "word/document.xml", f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
        )
        archief.writestr(
            "docProps/core.xml",
            '<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/">'
            f"<dc:title>{titel}</dc:title><dcterms:created>2025-02-14T09:30:00Z</dcterms:created>"
            "</cp:coreProperties>",
        )
        for naam, data in (extra or {}).items():
            archief.writestr(naam, data)
    return buffer.getvalue()


def maak_odt(alineas: list[str]) -> bytes:
    tekst = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    body = "".join(f"<text:p>{alinea}</text:p>" for alinea in alineas)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        archief.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archief.writestr(
            "content.xml",
            f'<office:document-content xmlns:office="{office}" xmlns:text="{tekst}">'
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>",
        )
    return buffer.getvalue()


def maak_email(
    *,
    onderwerp: str,
    tekst: str,
    van: str = "Pieter Jansen <p.jansen@voorbeeld.nl>",
    aan: str = "Gemeente <info@gemeente.nl>",
    datum: datetime = datetime(2025, 3, 3, 10, 0, tzinfo=CET),
    bijlagen: list[tuple[str, bytes]] | None = None,
    doorgestuurd: EmailMessage | None = None,
) -> EmailMessage:
    bericht = EmailMessage()
    bericht["From"] = van
    bericht["To"] = aan
    bericht["Subject"] = onderwerp
    bericht["Date"] = format_datetime(datum)
    bericht.set_content(tekst)
    for naam, data in bijlagen or []:
        bericht.add_attachment(data, maintype="application", subtype="octet-stream", filename=naam)
    if doorgestuurd is not None:
        bericht.add_attachment(doorgestuurd)
    return bericht


ORIGINEEL = (
    "Beste gemeente,\n\nGraag ontvang ik alle stukken over de kapvergunning voor de eik aan de "
    "Kerkstraat, inclusief de adviezen van de bomendeskundige en de correspondentie met de "
    "aanvrager over de herplantplicht.\n\nMet vriendelijke groet,\nPieter Jansen"
)


def antwoord_op(origineel: str) -> str:
    geciteerd = "\n".join("> " + regel for regel in origineel.splitlines())
    return (
        "Beste heer Jansen,\n\nDank voor uw verzoek; wij nemen het in behandeling.\n\n"
        f"Op 3 maart 2025 om 10:00 schreef Pieter Jansen <p.jansen@voorbeeld.nl>:\n{geciteerd}"
    )


def fout_code(fout: ValidationError) -> str:
    return fout.error_dict["bestand"][0].code or ""


# --- one document per type --------------------------------------------------------------------


def test_pdf_geeft_tekst_datum_titel_paginas_en_hash():
    inhoud = maak_pdf(
        "Advies bomendeskundige", titel="Advies eik", gemaakt="D:20250301101500+01'00'", paginas=2
    )

    [item] = verwerken("advies.pdf", inhoud)

    assert item.soort == PDF
    assert item.titel == "Advies eik"
    assert item.datum == datetime(2025, 3, 1, 10, 15, tzinfo=CET)
    assert item.paginas == 2
    assert item.tekst.count("Advies bomendeskundige") == 2
    assert item.sleutel == "advies.pdf"
    assert item.ouder is None
    assert item.pad == ()
    assert len(item.sha256) == 64
    assert item.ocr_nodig is False
    assert item.pdf_conversie_nodig is False


def test_pdf_zonder_tekst_vraagt_om_ocr():
    document = pymupdf.open()
    pagina = document.new_page()
    pagina.insert_image(pymupdf.Rect(50, 50, 150, 150), stream=maak_afbeelding("png"))
    inhoud = document.tobytes()

    [item] = verwerken("scan.pdf", inhoud)

    assert item.ocr_nodig is True
    assert item.titel == "scan.pdf"  # no title in the metadata: the file name
    assert any("OCR" in w for w in item.waarschuwingen)


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        ("D:20250301101500+01'00'", datetime(2025, 3, 1, 10, 15, tzinfo=CET)),
        ("D:20250301101500Z", datetime(2025, 3, 1, 10, 15, tzinfo=UTC)),
        ("D:2025", datetime(2025, 1, 1, tzinfo=dv.AMSTERDAM)),
        ("D:20251301", None),
        ("gisteren", None),
    ],
)
def test_pdf_datum_volgens_iso_32000(waarde, verwacht):
    assert dv._pdf_datum(waarde) == verwacht


def test_email_met_bijlage_en_doorgestuurd_bericht_wordt_boom_van_stukken():
    bijlage_binnen = maak_pdf("Herplantplan", titel="Herplantplan")
    binnen = maak_email(
        onderwerp="Herplant eik",
        tekst="Zie het plan in de bijlage.",
        van="Bomendienst <bomen@gemeente.nl>",
        bijlagen=[("herplant.pdf", bijlage_binnen)],
    )
    buiten = maak_email(
        onderwerp="FW: Herplant eik",
        tekst="Ter info doorgestuurd.",
        aan="Karin Smit <k.smit@gemeente.nl>, Woo <woo@gemeente.nl>",
        bijlagen=[("besluit.pdf", maak_pdf("Besluit kapvergunning"))],
        doorgestuurd=binnen,
    )

    items = verwerken("bericht.eml", buiten.as_bytes(), bron="doc-7")

    assert [(i.sleutel, i.soort, i.ouder) for i in items] == [
        ("doc-7", EMAIL, None),
        ("doc-7#1", PDF, "doc-7"),
        ("doc-7#2", EMAIL, "doc-7"),
        ("doc-7#2.1", PDF, "doc-7#2"),
    ]
    email, besluit, doorgestuurd, herplant = items
    assert email.titel == "FW: Herplant eik"
    assert email.afzender == "Pieter Jansen <p.jansen@voorbeeld.nl>"
    assert email.ontvangers == ("Karin Smit <k.smit@gemeente.nl>", "Woo <woo@gemeente.nl>")
    assert email.datum == datetime(2025, 3, 3, 10, 0, tzinfo=CET)
    assert email.tekst.strip() == "Ter info doorgestuurd."
    assert besluit.naam == "besluit.pdf"
    assert "Besluit kapvergunning" in besluit.tekst
    assert doorgestuurd.afzender == "Bomendienst <bomen@gemeente.nl>"
    assert herplant.titel == "Herplantplan"
    assert herplant.inhoud == bijlage_binnen
    assert herplant.sha256 == verwerken("los.pdf", bijlage_binnen)[0].sha256


def test_eml_als_bestand_in_een_eml_wordt_ook_uitgepakt():
    binnen = maak_email(
        onderwerp="Origineel", tekst="Het origineel", bijlagen=[("plan.pdf", maak_pdf("Plan"))]
    )
    buiten = maak_email(
        onderwerp="Zie eml", tekst="Bijgevoegd", bijlagen=[("origineel.eml", binnen.as_bytes())]
    )

    items = verwerken("buiten.eml", buiten.as_bytes())

    assert [(i.sleutel, i.soort, i.titel) for i in items] == [
        ("buiten.eml", EMAIL, "Zie eml"),
        ("buiten.eml#1", EMAIL, "Origineel"),
        ("buiten.eml#1.1", PDF, "plan.pdf"),
    ]


def test_html_email_wordt_leesbare_tekst():
    bericht = maak_email(onderwerp="Vraag", tekst="")
    bericht.set_content(
        "<html><head><style>p{color:red}</style></head><body><p>Eerste&nbsp;alinea</p>"
        "<p>Tweede <b>alinea</b></p><script>alert(1)</script></body></html>",
        subtype="html",
    )

    [item] = verwerken("vraag.eml", bericht.as_bytes())

    assert item.tekst == "Eerste alinea\n\nTweede alinea"  # no-break space folded too


def test_docx_geeft_tekst_uit_xml_en_vraagt_pdf_conversie():
    inhoud = maak_docx(["Notitie kapvergunning", "Tweede alinea"], titel="Notitie")

    [item] = verwerken("notitie.docx", inhoud)

    assert item.soort == KANTOORDOCUMENT
    assert item.tekst == "Notitie kapvergunning\nTweede alinea"
    assert item.titel == "Notitie"
    assert item.datum == datetime(2025, 2, 14, 9, 30, tzinfo=UTC)
    assert item.pdf_conversie_nodig is True


def test_docx_met_opmerkingen_en_verwijderde_tekst_krijgt_waarschuwingen():
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    opmerkingen = (
        f'<w:comments xmlns:w="{w}"><w:comment><w:p><w:r><w:t>Niet delen!</w:t></w:r></w:p>'
        "</w:comment></w:comments>"
    )
    inhoud = maak_docx(["Zichtbaar"], extra={"word/comments.xml": opmerkingen.encode()})

    [item] = verwerken("notitie.docx", inhoud)

    assert "Niet delen!" in item.tekst
    assert any("opmerkingen" in w for w in item.waarschuwingen)


def test_xlsx_en_pptx_geven_tekst():
    s = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    xlsx, pptx = io.BytesIO(), io.BytesIO()
    with zipfile.ZipFile(xlsx, "w") as archief:
        archief.writestr("[Content_Types].xml", "<Types/>")
        archief.writestr("xl/workbook.xml", f'<workbook xmlns="{s}"/>')
        archief.writestr("xl/sharedStrings.xml", f'<sst xmlns="{s}"><si><t>Begroting</t></si></sst>')
    with zipfile.ZipFile(pptx, "w") as archief:
        archief.writestr("[Content_Types].xml", "<Types/>")
        archief.writestr("ppt/presentation.xml", "<p/>")
        for nummer in (10, 2):
            archief.writestr(
                f"ppt/slides/slide{nummer}.xml",
                f'<sld xmlns:a="{a}"><a:p><a:r><a:t>Dia {nummer}</a:t></a:r></a:p></sld>',
            )

    [rekenblad] = verwerken("begroting.xlsx", xlsx.getvalue())
    [presentatie] = verwerken("presentatie.pptx", pptx.getvalue())

    assert rekenblad.tekst == "Begroting"
    assert presentatie.tekst == "Dia 2\nDia 10"  # slide order, not name order


def test_odt_geeft_tekst():
    [item] = verwerken("brief.odt", maak_odt(["Geachte heer,", "Met groet"]))

    assert item.soort == KANTOORDOCUMENT
    assert item.tekst == "Geachte heer,\nMet groet"
    assert item.pdf_conversie_nodig is True


@pytest.mark.parametrize(("formaat", "naam"), [("png", "foto.png"), ("jpg", "foto.jpg")])
def test_afbeelding_zonder_ocr(formaat, naam):
    inhoud = maak_afbeelding(formaat)

    [item] = verwerken(naam, inhoud)

    assert item.soort == AFBEELDING
    assert item.tekst == ""
    assert item.ocr_nodig is True
    assert item.paginas == 1


def test_afmetingen_uit_de_kop_zonder_decoderen():
    assert dv._png_afmetingen(maak_afbeelding("png")) == (4, 3)
    assert dv._jpeg_afmetingen(maak_afbeelding("jpg")) == (4, 3)
    assert dv._jpeg_afmetingen(b"\xff\xd8\xff\x00kapot") is None


def test_platte_tekst_ook_windows_1252():
    [utf8] = verwerken("notitie.txt", "Overleg café".encode())
    [ansi] = verwerken("notitie.txt", "Overleg café".encode("cp1252"))

    assert utf8.soort == ansi.soort == TEKST
    assert utf8.tekst == ansi.tekst == "Overleg café"


# --- refused input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("naam", "inhoud", "code"),
    [
        ("leeg.pdf", b"", "leeg"),
        ("programma.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "type"),
        ("factuur.pdf", b"Dit is echt een PDF, vertrouw me", "type"),  # text disguised as PDF
        ("foto.png", maak_pdf("geen foto"), "type"),  # the name says PNG, the content is a PDF
        ("kapot.pdf", b"%PDF-1.7\nrommel zonder objecten", "pdf"),
        ("bericht.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "type"),
    ],
)
def test_onbekende_of_vermomde_inhoud_wordt_geweigerd(naam, inhoud, code):
    with pytest.raises(ValidationError) as fout:
        verwerken(naam, inhoud)

    assert fout_code(fout.value) == code


def test_beschadigde_zip_wordt_geweigerd():
    inhoud = bytearray(maak_docx(["Tekst die lang genoeg is om te comprimeren " * 20]))
    with zipfile.ZipFile(io.BytesIO(bytes(inhoud))) as archief:
        info = archief.getinfo("word/document.xml")
    begin = info.header_offset + 30 + len(info.filename) + len(info.extra)
    inhoud[begin : begin + info.compress_size] = b"\xff" * info.compress_size  # no valid deflate

    with pytest.raises(ValidationError) as fout:
        verwerken("kapot.docx", bytes(inhoud))

    assert fout_code(fout.value) == "kantoor"


def test_docx_met_macro_wordt_geweigerd():
    inhoud = maak_docx(["Tekst"], extra={"word/vbaProject.bin": b"\x00macro"})

    with pytest.raises(ValidationError) as fout:
        verwerken("notitie.docx", inhoud)

    assert fout_code(fout.value) == "type"


def test_zipbom_wordt_geweigerd():
    inhoud = maak_docx(["Bom"], extra={"word/header1.xml": b" " * 5_000_000})  # ~1000x compressed

    with pytest.raises(ValidationError) as fout:
        verwerken("bom.docx", inhoud)

    assert fout_code(fout.value) == "zipbom"


def test_zipbom_in_bijlage_weigert_de_hele_email():
    bom = maak_docx(["Bom"], extra={"word/header1.xml": b" " * 5_000_000})
    bericht = maak_email(onderwerp="Stukken", tekst="Bijgaand.", bijlagen=[("stukken.docx", bom)])

    with pytest.raises(ValidationError) as fout:
        verwerken("stukken.eml", bericht.as_bytes())

    assert fout_code(fout.value) == "zipbom"


def test_xml_met_entiteiten_wordt_geweigerd():
    bom = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document/>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        archief.writestr("[Content_Types].xml", "<Types/>")
        archief.writestr("word/document.xml", bom)

    with pytest.raises(ValidationError) as fout:
        verwerken("lach.docx", buffer.getvalue())

    assert fout_code(fout.value) == "dtd"


def test_versleutelde_pdf_wordt_geweigerd_maar_als_bijlage_vermeld():
    document = pymupdf.open()
    document.new_page().insert_text((72, 72), "Geheim")
    versleuteld = document.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="x", owner_pw="y")
    bericht = maak_email(onderwerp="Stukken", tekst="Bijgaand.", bijlagen=[("geheim.pdf", versleuteld)])

    with pytest.raises(ValidationError) as fout:
        verwerken("geheim.pdf", versleuteld)
    email, bijlage = verwerken("stukken.eml", bericht.as_bytes())

    assert fout_code(fout.value) == "versleuteld"
    assert bijlage.soort == BIJLAGE
    assert bijlage.ouder == email.sleutel
    assert "versleuteld" in bijlage.waarschuwingen[0]


def test_afbeeldingbom_wordt_geweigerd_zonder_te_decoderen():
    png = bytearray(maak_afbeelding("png"))
    png[16:24] = (100_000).to_bytes(4, "big") * 2  # IHDR claims 100,000 x 100,000 pixels

    with pytest.raises(ValidationError) as fout:
        verwerken("groot.png", bytes(png))

    assert fout_code(fout.value) == "te_groot"


def test_te_diep_geneste_doorgestuurde_berichten_worden_geweigerd():
    bericht = maak_email(onderwerp="Niveau 0", tekst="binnenste")
    for niveau in range(1, dv.MAX_DIEPTE + 2):
        bericht = maak_email(onderwerp=f"Niveau {niveau}", tekst="doorgestuurd", doorgestuurd=bericht)

    with pytest.raises(ValidationError) as fout:
        verwerken("diep.eml", bericht.as_bytes())

    assert fout_code(fout.value) == "te_diep"


def test_nesting_tot_de_grens_wordt_verwerkt():
    bericht = maak_email(onderwerp="Niveau 0", tekst="binnenste")
    for niveau in range(1, dv.MAX_DIEPTE + 1):
        bericht = maak_email(onderwerp=f"Niveau {niveau}", tekst="doorgestuurd", doorgestuurd=bericht)

    items = verwerken("diep.eml", bericht.as_bytes())

    assert len(items) == dv.MAX_DIEPTE + 1
    assert items[-1].diepte == dv.MAX_DIEPTE
    assert items[-1].titel == "Niveau 0"


def test_te_groot_bestand_wordt_geweigerd(monkeypatch):
    monkeypatch.setattr(dv, "MAX_GROOTTE", 100)

    with pytest.raises(ValidationError) as fout:
        verwerken("lang.txt", b"a" * 101)

    assert fout_code(fout.value) == "te_groot"


def test_onleesbare_bijlage_blijft_in_de_lijst_als_bijlage():
    bericht = maak_email(
        onderwerp="Stukken",
        tekst="Bijgaand.",
        bijlagen=[("setup.exe", b"MZ\x90\x00\x03\x00"), ("nep.pdf", b"geen pdf")],
    )

    items = verwerken("stukken.eml", bericht.as_bytes())

    assert [(i.naam, i.soort) for i in items[1:]] == [("setup.exe", BIJLAGE), ("nep.pdf", BIJLAGE)]
    assert all(i.waarschuwingen and i.tekst == "" for i in items[1:])


# --- duplicates and threads -------------------------------------------------------------------


def test_exacte_dubbelen_op_inhoud_ook_als_bijlage():
    pdf = maak_pdf("Besluit", gemaakt="D:20250301000000Z")
    bericht = maak_email(onderwerp="Besluit", tekst="Zie bijlage", bijlagen=[("kopie.pdf", pdf)])
    items = [
        *verwerken("besluit.pdf", pdf, bron="a"),
        *verwerken("bericht.eml", bericht.as_bytes(), bron="b"),
        *verwerken("nogmaals.pdf", pdf, bron="c"),
        *verwerken("anders.pdf", maak_pdf("Iets anders"), bron="d"),
    ]

    groepen = exacte_dubbelen(items)

    assert [[i.sleutel for i in groep] for groep in groepen] == [["a", "b#1", "c"]]


def test_bijna_dubbel_hand_berekend():
    # 10 distinct words: 6 five-word shingles; 2 words more: 8 shingles, of which 6 shared.
    kort = "een twee drie vier vijf zes zeven acht negen tien"
    lang = kort + " elf twaalf"
    items = [*verwerken("kort.txt", kort.encode()), *verwerken("lang.txt", lang.encode())]

    [paar] = bijna_dubbelen(items, drempel=0.8)

    assert (paar.a, paar.b) == ("kort.txt", "lang.txt") or (paar.a, paar.b) == ("lang.txt", "kort.txt")
    assert paar.jaccard == 0.75  # 6 / 8
    assert paar.omvat == 1.0  # 6 / 6
    assert bijna_dubbelen(items, drempel=1.0) == [paar]
    assert bijna_dubbelen([*items, *verwerken("los.txt", b"geheel iets anders dan dit hier")]) == [paar]


def test_antwoord_met_citaat_is_bijna_dubbel_van_het_origineel():
    origineel = maak_email(onderwerp="Woo-verzoek kap eik", tekst=ORIGINEEL)
    antwoord = maak_email(
        onderwerp="Antw: Woo-verzoek kap eik",
        tekst=antwoord_op(ORIGINEEL),
        van="Gemeente <info@gemeente.nl>",
        aan="Pieter Jansen <p.jansen@voorbeeld.nl>",
        datum=datetime(2025, 3, 4, 9, 0, tzinfo=CET),
    )
    ander = maak_email(
        onderwerp="Parkeren", tekst="Waarom is de parkeervergunning zo duur geworden dit jaar?"
    )
    items = [
        *verwerken("1.eml", origineel.as_bytes()),
        *verwerken("2.eml", antwoord.as_bytes()),
        *verwerken("3.eml", ander.as_bytes()),
    ]

    [paar] = bijna_dubbelen(items)

    assert {paar.a, paar.b} == {"1.eml", "2.eml"}
    assert paar.omvat == 1.0
    assert paar.jaccard < 1.0


def test_zelfde_tekst_in_ander_formaat_is_bijna_dubbel():
    items = [
        *verwerken("brief.pdf", maak_pdf(textwrap.fill(ORIGINEEL, 70))),
        *verwerken("brief.docx", maak_docx(ORIGINEEL.split("\n"))),
    ]

    [paar] = bijna_dubbelen(items)

    assert paar.jaccard == 1.0
    assert not exacte_dubbelen(items)


@pytest.mark.parametrize(
    ("onderwerp", "verwacht"),
    [
        ("RE: Antw: FW: [EXTERN] Kapvergunning  Eik", "kapvergunning eik"),
        ("Doorst: re[2]: Kapvergunning eik", "kapvergunning eik"),
        ("Referentie: kapvergunning", "referentie: kapvergunning"),
    ],
)
def test_onderwerp_normaliseren(onderwerp, verwacht):
    assert onderwerp_normaliseren(onderwerp) == verwacht


def test_draad_op_onderwerp_en_deelnemers():
    jansen, gemeente, smit = (
        "Pieter Jansen <p.jansen@voorbeeld.nl>",
        "Gemeente <info@gemeente.nl>",
        "k.smit@gemeente.nl",
    )
    berichten = [
        maak_email(onderwerp="Kap eik", tekst="Vraag", van=jansen, aan=gemeente),
        maak_email(onderwerp="Re: Kap eik", tekst="Antwoord", van=gemeente, aan=jansen),
        maak_email(onderwerp="Doorst: RE: Kap eik", tekst="Ter info", van=gemeente, aan=f"{smit}, {jansen}"),
        maak_email(onderwerp="Kap eik", tekst="Andere burger", van="x@voorbeeld.nl", aan=gemeente),
        maak_email(onderwerp="Parkeren", tekst="Vraag", van=jansen, aan=gemeente),
    ]
    items = [i for n, b in enumerate(berichten) for i in verwerken(f"{n}.eml", b.as_bytes())]

    groepen = draden(items)

    assert [[i.sleutel for i in groep] for groep in groepen] == [["0.eml", "1.eml", "2.eml"]]


def test_draad_via_in_reply_to_ook_met_ander_onderwerp():
    vraag = maak_email(onderwerp="Kap eik", tekst="Vraag")
    vraag["Message-ID"] = "<vraag-1@voorbeeld.nl>"
    antwoord = maak_email(onderwerp="Uw verzoek 2025-17", tekst="Antwoord", van="info@gemeente.nl")
    antwoord["In-Reply-To"] = "<vraag-1@voorbeeld.nl>"
    items = [*verwerken("1.eml", vraag.as_bytes()), *verwerken("2.eml", antwoord.as_bytes())]

    [groep] = draden(items)

    assert [i.sleutel for i in groep] == ["1.eml", "2.eml"]
    assert items[1].verwijzingen == ("<vraag-1@voorbeeld.nl>",)


# --- inventory --------------------------------------------------------------------------------


def test_inventaris_nummert_op_datum_met_bijlagen_onder_hun_email():
    pdf_oud = maak_pdf("Advies", titel="Advies", gemaakt="D:20250301090000+01'00'")
    binnen = maak_email(
        onderwerp="Plan",
        tekst="Plan bijgevoegd",
        datum=datetime(2025, 2, 20, 8, 0, tzinfo=CET),
        bijlagen=[("plan.pdf", maak_pdf("Plan"))],
    )
    bericht = maak_email(
        onderwerp="FW: Plan",
        tekst="Zie bijlagen",
        datum=datetime(2025, 3, 5, 23, 30, tzinfo=UTC),  # 6 March in Amsterdam
        bijlagen=[("advies-kopie.pdf", pdf_oud)],
        doorgestuurd=binnen,
    )
    items = [
        *verwerken("foto.png", maak_afbeelding("png"), bron="c"),
        *verwerken("bericht.eml", bericht.as_bytes(), bron="b"),
        *verwerken("advies.pdf", pdf_oud, bron="a"),
    ]

    regels = inventaris(items)

    assert [(r.nummer, r.bron, r.titel, r.soort, r.datum, r.dubbel_van) for r in regels] == [
        ("1", "advies.pdf", "Advies", PDF, date(2025, 3, 1), None),
        ("2", "bericht.eml", "FW: Plan", EMAIL, date(2025, 3, 6), None),
        ("2.1", "bericht.eml", "Advies", PDF, date(2025, 3, 1), "1"),
        ("2.2", "bericht.eml", "Plan", EMAIL, date(2025, 2, 20), None),
        ("2.2.1", "bericht.eml", "plan.pdf", PDF, date(2025, 2, 20), None),  # its e-mail's date
        ("3", "foto.png", "foto.png", AFBEELDING, None, None),  # undated last
    ]


def test_inventaris_noemt_bijna_dubbelen():
    origineel = maak_email(onderwerp="Woo-verzoek", tekst=ORIGINEEL)
    antwoord = maak_email(
        onderwerp="Re: Woo-verzoek", tekst=antwoord_op(ORIGINEEL), datum=datetime(2025, 3, 4, tzinfo=UTC)
    )
    items = [*verwerken("2.eml", antwoord.as_bytes()), *verwerken("1.eml", origineel.as_bytes())]

    regels = inventaris(items)

    assert [(r.nummer, r.sleutel, r.verwant_aan) for r in regels] == [
        ("1", "1.eml", ("2",)),
        ("2", "2.eml", ("1",)),
    ]
