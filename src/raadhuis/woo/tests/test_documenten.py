"""The documents of a Woo request: adding uploads (PDF, e-mail with attachments, images, office
files) with their renditions, the inventory numbers, exact and near duplicates across the whole
request, removing, the PII scan task, the selectors, and the pages with real uploads (bad input:
400 next to the field, nothing stored; permissions; downloads logged)."""

from __future__ import annotations

import datetime as dt
import sys
import types
import uuid
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pymupdf
import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.models import Logregel
from raadhuis.core.tests.taken_hulp import wachtende_taken
from raadhuis.woo import conversie
from raadhuis.woo.models import (
    Beoordelingsstatus,
    Document,
    Herkomst,
    Kanaal,
    Lakvak,
    Vakstatus,
    Verzoekstatus,
    WooVerzoek,
)
from raadhuis.woo.selectors import documenten as selectors
from raadhuis.woo.services import documenten as services
from raadhuis.woo.services import verzoeken

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ONMIDDELLIJK = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
BRIEF = (
    "Geachte heer Jansen, hierbij ontvangt u het advies van de bomendeskundige over de eik aan de "
    "Kerkstraat. Het advies is om de boom te kappen en elders twee nieuwe bomen te planten."
)


# --- helpers ---------------------------------------------------------------------------------------


def maak_pdf(tekst: str, *, gemaakt: dt.datetime | None = None) -> bytes:
    document = pymupdf.open()
    pagina = document.new_page()
    pagina.insert_textbox(pymupdf.Rect(72, 72, 520, 400), tekst, fontsize=11)
    if gemaakt is not None:
        document.set_metadata({"creationDate": gemaakt.strftime("D:%Y%m%d%H%M%S+01'00'")})
    inhoud = bytes(document.tobytes())
    document.close()
    return inhoud


def maak_email(
    *, onderwerp: str = "Advies eik Kerkstraat", datum: dt.datetime, bijlagen: list[tuple[str, bytes]]
) -> bytes:
    bericht = EmailMessage()
    bericht["From"] = "Pieter Jansen <p.jansen@voorbeeld.nl>"
    bericht["To"] = "Gemeente <info@gemeente.nl>"
    bericht["Subject"] = onderwerp
    bericht["Date"] = format_datetime(datum)
    bericht["Message-ID"] = f"<{datum.timestamp()}@voorbeeld.nl>"
    bericht.set_content("Beste gemeente,\n\nBijgaand het advies.\n\nMet vriendelijke groet,\nPieter Jansen")
    for naam, data in bijlagen:
        bericht.add_attachment(data, maintype="application", subtype="pdf", filename=naam)
    return bericht.as_bytes()


def maak_png() -> bytes:
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 30), False)
    pixmap.clear_with(200)
    return bytes(pixmap.tobytes("png"))


MAART = dt.datetime(2025, 3, 3, 10, 0, tzinfo=AMSTERDAM)
JANUARI = dt.datetime(2025, 1, 15, 9, 0, tzinfo=AMSTERDAM)


@pytest.fixture
def coordinator(db: None) -> Medewerker:
    medewerker: Medewerker = MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR])
    return medewerker


@pytest.fixture
def behandelaar(db: None) -> Medewerker:
    medewerker: Medewerker = MedewerkerFactory(rollen=[Rol.BEHANDELAAR])
    return medewerker


@pytest.fixture
def verzoek(coordinator: Medewerker) -> WooVerzoek:
    return verzoeken.verzoek_registreren(
        onderwerp="Kap eik Kerkstraat",
        omschrijving="Alle stukken over de kap van de eik aan de Kerkstraat.",
        ontvangen_op=timezone.localdate() - dt.timedelta(days=3),
        kanaal=Kanaal.EMAIL,
        verzoeker_naam="Jan Jansen",
        emailadres="jan@example.org",
        door=coordinator,
    )


@pytest.fixture(autouse=True)
def _geen_ocr_of_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same outcome on every machine; conversion itself is test_conversie.py's subject."""
    monkeypatch.setattr(conversie, "tessdata_map", lambda: None)
    monkeypatch.setattr(conversie, "soffice_pad", lambda: None)


@pytest.fixture
def scan(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Part B's voorstellen_maken as a stand-in module: records the documents it is called for."""
    gescand: list[int] = []

    def voorstellen_maken(document: Document) -> int:
        gescand.append(document.pk)
        return 2

    module = types.ModuleType("raadhuis.woo.services.lakvakken")
    module.voorstellen_maken = voorstellen_maken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "raadhuis.woo.services.lakvakken", module)
    return gescand


_MERK = "testdocumenten"


@pytest.fixture(autouse=True)
def _herkenbare_bestandsnamen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The private folder is shared with other tests (also in parallel workers): this test's files
    get a name of their own, so a snapshot sees only them; they are removed afterwards."""
    teller = iter(range(1_000_000))
    merk = f"{_MERK}{uuid.uuid4().hex[:8]}"
    nep = types.SimpleNamespace(uuid4=lambda: types.SimpleNamespace(hex=f"{merk}{next(teller):06d}"))
    monkeypatch.setattr("raadhuis.woo.models.documenten.uuid", nep)
    monkeypatch.setattr(sys.modules[__name__], "_MERK", merk)
    yield
    for pad in prive_bestanden():
        pad.unlink(missing_ok=True)


def prive_bestanden() -> set[Path]:
    """The files this test wrote to private storage."""
    return {pad for pad in Path(settings.RAADHUIS_PRIVE_ROOT).rglob(f"*{_MERK}*") if pad.is_file()}


def momentopname() -> tuple[Any, ...]:
    return (list(Document.objects.order_by("pk").values()), Logregel.objects.count(), prive_bestanden())


def toevoegen(verzoek: WooVerzoek, door: Medewerker, naam: str, inhoud: bytes) -> list[Document]:
    return services.documenten_toevoegen(verzoek, naam=naam, inhoud=inhoud, door=door)


# --- adding ------------------------------------------------------------------------------------------


def test_pdf_wordt_document_met_origineel_als_weergave_en_logregel(
    verzoek: WooVerzoek, coordinator: Medewerker, django_capture_on_commit_callbacks: Any
) -> None:
    # Given a request
    logregels = Logregel.objects.count()
    # When a PDF is uploaded
    with django_capture_on_commit_callbacks():
        (document,) = toevoegen(verzoek, coordinator, "advies.pdf", maak_pdf(BRIEF, gemaakt=MAART))
    # Then it is document 1, its own PDF rendition (one file), added by the coordinator
    assert document.nummer == "1"
    assert document.volgorde == 1
    assert document.soort == "pdf"
    assert document.pdf.name == document.origineel.name
    assert document.origineel.name.startswith(f"woo/{verzoek.kenmerk}/origineel/")
    assert "advies" not in document.origineel.name  # the uploader's file name is not a path
    assert document.toegevoegd_door == coordinator
    assert document.paginas == 1
    assert "bomendeskundige" in document.tekst
    assert document.datum == MAART
    assert selectors.pdf_van(document).startswith(b"%PDF")
    # and the processing is logged, and the PII scan is queued once the upload is committed
    assert Logregel.objects.count() == logregels + 1
    assert Logregel.objects.order_by("-volgnummer").first().naam == "woo-documenten.toevoegen"  # type: ignore[union-attr]
    assert wachtende_taken(services.documenten_scannen) == 1


def test_pii_scan_draait_na_commit_voor_de_nieuwe_documenten(
    verzoek: WooVerzoek,
    coordinator: Medewerker,
    scan: list[int],
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # Given tasks that run at once and part B's scan
    settings.TASKS = ONMIDDELLIJK
    # When an e-mail with a PDF attachment is uploaded
    with django_capture_on_commit_callbacks(execute=True):
        documenten = toevoegen(
            verzoek,
            coordinator,
            "bericht.eml",
            maak_email(datum=MAART, bijlagen=[("advies.pdf", maak_pdf(BRIEF))]),
        )
    # Then both are scanned
    assert sorted(scan) == sorted(d.pk for d in documenten)


def test_pii_scan_niet_bij_teruggedraaide_toevoeging(
    verzoek: WooVerzoek, coordinator: Medewerker, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(ValidationError):
        toevoegen(verzoek, coordinator, "leeg.pdf", b"")
    assert callbacks == []
    assert wachtende_taken(services.documenten_scannen) == 0


def test_email_met_bijlage_wordt_genummerd_met_weergave_per_stuk(
    verzoek: WooVerzoek, coordinator: Medewerker
) -> None:
    # When an e-mail with a PDF attachment is uploaded
    bijlage = maak_pdf(BRIEF)
    email, pdf = toevoegen(
        verzoek, coordinator, "bericht.eml", maak_email(datum=MAART, bijlagen=[("advies.pdf", bijlage)])
    )
    # Then the e-mail is 1 and its attachment 1.1 under it
    assert (email.nummer, pdf.nummer) == ("1", "1.1")
    assert pdf.ouder == email
    assert email.soort == "e-mail"
    assert pdf.soort == "pdf"
    assert email.afzender == "Pieter Jansen <p.jansen@voorbeeld.nl>"
    # and the e-mail has a rendition of its own with the headers; the attachment is its own PDF
    assert email.pdf.name != email.origineel.name
    weergave = pymupdf.open(stream=selectors.pdf_van(email), filetype="pdf")
    tekst = "".join(str(pagina.get_text()) for pagina in weergave)
    assert "Onderwerp" in tekst
    assert "Advies eik Kerkstraat" in tekst
    assert "advies.pdf" in tekst
    assert email.paginas == 1
    assert selectors.pdf_van(pdf) == bijlage


def test_nummering_volgt_de_datum_over_het_hele_verzoek(verzoek: WooVerzoek, coordinator: Medewerker) -> None:
    # Given a document from March
    (maart,) = toevoegen(verzoek, coordinator, "maart.pdf", maak_pdf("Verslag maart", gemaakt=MAART))
    # When an e-mail from January with an attachment is added
    januari, bijlage = toevoegen(
        verzoek, coordinator, "jan.eml", maak_email(datum=JANUARI, bijlagen=[("a.pdf", maak_pdf("Bijlage"))])
    )
    # Then the January e-mail and its attachment come first and March moves to 2
    assert (januari.nummer, bijlage.nummer) == ("1", "1.1")
    maart.refresh_from_db()
    assert maart.nummer == "2"
    assert [d.nummer for d in selectors.documenten_van(verzoek)] == ["1", "1.1", "2"]


def test_exact_dubbel_over_uploads_heen_houdt_het_bestaande_origineel(
    verzoek: WooVerzoek, coordinator: Medewerker
) -> None:
    # Given an advice uploaded on its own (dated March)
    advies = maak_pdf(BRIEF, gemaakt=MAART)
    (los,) = toevoegen(verzoek, coordinator, "advies.pdf", advies)
    # When an older e-mail (January) brings the very same file
    _email, bijlage = toevoegen(
        verzoek, coordinator, "jan.eml", maak_email(datum=JANUARI, bijlagen=[("advies.pdf", advies)])
    )
    # Then the attachment is the duplicate, the document already there stays the original
    los.refresh_from_db()
    assert bijlage.dubbel_van == los
    assert los.dubbel_van is None
    assert selectors.documentoverzicht(verzoek).aantal_dubbel == 1


def test_bijna_dubbel_wordt_als_verwant_gemarkeerd(verzoek: WooVerzoek, coordinator: Medewerker) -> None:
    # Given the advice as PDF and the same text saved as plain text with a closing line added
    (pdf,) = toevoegen(verzoek, coordinator, "advies.pdf", maak_pdf(BRIEF, gemaakt=MAART))
    (tekst,) = toevoegen(verzoek, coordinator, "advies.txt", (BRIEF + "\nMet vriendelijke groet.").encode())
    # Then each is related to the other, neither is an exact duplicate
    assert list(tekst.verwant_aan.all()) == [pdf]
    assert list(pdf.verwant_aan.all()) == [tekst]
    assert tekst.dubbel_van is None
    assert tekst.pdf.name.endswith(".pdf")
    assert not tekst.pdf_conversie_nodig


def test_afbeelding_en_kantoordocument_zonder_ocr_en_libreoffice_worden_gemarkeerd(
    verzoek: WooVerzoek, coordinator: Medewerker
) -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        archief.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archief.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>Nota over de eik</w:t></w:r></w:p></w:body></w:document>",
        )
    (afbeelding,) = toevoegen(verzoek, coordinator, "scan.png", maak_png())
    (nota,) = toevoegen(verzoek, coordinator, "nota.docx", buffer.getvalue())
    assert afbeelding.ocr_nodig
    assert afbeelding.pdf
    assert nota.pdf_conversie_nodig
    assert nota.pdf
    assert any("opmaak niet behouden" in w for w in nota.waarschuwingen)
    overzicht = selectors.documentoverzicht(verzoek)
    assert (overzicht.aantal_ocr_nodig, overzicht.aantal_conversie_nodig) == (1, 1)


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("leeg.pdf", b"", "leeg"),
        ("virus.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 4, "niet herkend"),
        ("nep.pdf", b"Dit is platte tekst en geen PDF.", "past niet bij de extensie"),
    ],
)
def test_ongeldig_bestand_wordt_geweigerd_en_verandert_niets(
    verzoek: WooVerzoek, coordinator: Medewerker, naam: str, inhoud: bytes, melding: str
) -> None:
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        toevoegen(verzoek, coordinator, naam, inhoud)
    assert melding in " ".join(fout.value.message_dict["bestand"])
    assert momentopname() == voor


def test_meerdere_bestanden_alles_of_niets_met_de_naam_in_de_melding(
    verzoek: WooVerzoek, coordinator: Medewerker
) -> None:
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.bestanden_toevoegen(
            verzoek,
            bestanden=[("goed.pdf", maak_pdf(BRIEF)), ("fout.pdf", b"geen pdf maar tekst")],
            door=coordinator,
        )
    (melding,) = fout.value.message_dict["bestand"]
    assert melding.startswith("fout.pdf: ")
    # the good file written before the refusal is removed again
    assert momentopname() == voor


def test_geen_bestanden_wordt_geweigerd(verzoek: WooVerzoek, coordinator: Medewerker) -> None:
    with pytest.raises(ValidationError) as fout:
        services.bestanden_toevoegen(verzoek, bestanden=[], door=coordinator)
    assert "bestand" in fout.value.message_dict


@pytest.mark.parametrize("status", [Verzoekstatus.BESLOTEN, Verzoekstatus.INGETROKKEN])
def test_afgesloten_verzoek_krijgt_geen_documenten(
    verzoek: WooVerzoek, coordinator: Medewerker, status: str
) -> None:
    WooVerzoek.objects.filter(pk=verzoek.pk).update(status=status)
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        toevoegen(verzoek, coordinator, "advies.pdf", maak_pdf(BRIEF))
    assert "veranderen niet meer" in fout.value.message_dict["bestand"][0]
    assert momentopname() == voor


def test_zonder_recht_geen_documenten(verzoek: WooVerzoek, griffier: Medewerker) -> None:
    voor = momentopname()
    with pytest.raises(PermissionDenied):
        toevoegen(verzoek, griffier, "advies.pdf", maak_pdf(BRIEF))
    assert momentopname() == voor


def test_behandelaar_mag_documenten_toevoegen(verzoek: WooVerzoek, behandelaar: Medewerker) -> None:
    assert len(toevoegen(verzoek, behandelaar, "advies.pdf", maak_pdf(BRIEF))) == 1


# --- removing ----------------------------------------------------------------------------------------


def test_verwijderen_neemt_bijlagen_en_bestanden_mee_en_hernummert(
    verzoek: WooVerzoek, coordinator: Medewerker, django_capture_on_commit_callbacks: Any
) -> None:
    # Given an e-mail (January) with an attachment, and a PDF from March identical to that attachment
    advies = maak_pdf(BRIEF, gemaakt=MAART)
    email, bijlage = toevoegen(
        verzoek, coordinator, "jan.eml", maak_email(datum=JANUARI, bijlagen=[("advies.pdf", advies)])
    )
    (los,) = toevoegen(verzoek, coordinator, "advies.pdf", advies)
    los.refresh_from_db()
    assert (los.nummer, los.dubbel_van) == ("2", bijlage)
    bestanden = {email.origineel.path, email.pdf.path, bijlage.origineel.path}
    # When the e-mail is removed
    with django_capture_on_commit_callbacks(execute=True):
        services.document_verwijderen(email, door=coordinator)
    # Then its attachment goes too, the loose PDF is the original now and number 1
    assert list(Document.objects.filter(verzoek=verzoek)) == [los]
    los.refresh_from_db()
    assert (los.nummer, los.dubbel_van) == ("1", None)
    # and the files are gone, the loose PDF's file stays
    assert not any(Path(pad).exists() for pad in bestanden)
    assert Path(los.origineel.path).exists()
    assert Logregel.objects.order_by("-volgnummer").first().naam == "woo-documenten.verwijderen"  # type: ignore[union-attr]


def test_beoordeeld_document_wordt_niet_verwijderd(verzoek: WooVerzoek, coordinator: Medewerker) -> None:
    email, bijlage = toevoegen(
        verzoek, coordinator, "jan.eml", maak_email(datum=JANUARI, bijlagen=[("a.pdf", maak_pdf(BRIEF))])
    )
    # The attachment is assessed: the e-mail would take it along, so it is refused
    Document.objects.filter(pk=bijlage.pk).update(beoordelingsstatus=Beoordelingsstatus.TER_CONTROLE)
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.document_verwijderen(email, door=coordinator)
    assert "al beoordeeld" in fout.value.message_dict["document"][0]
    assert momentopname() == voor


def test_verwijderen_geweigerd_bij_afgesloten_verzoek_of_zonder_recht(
    verzoek: WooVerzoek, coordinator: Medewerker, griffier: Medewerker
) -> None:
    (document,) = toevoegen(verzoek, coordinator, "advies.pdf", maak_pdf(BRIEF))
    voor = momentopname()
    with pytest.raises(PermissionDenied):
        services.document_verwijderen(document, door=griffier)
    WooVerzoek.objects.filter(pk=verzoek.pk).update(status=Verzoekstatus.BESLOTEN)
    with pytest.raises(ValidationError):
        services.document_verwijderen(document, door=coordinator)
    assert momentopname() == voor


# --- the scan task ---------------------------------------------------------------------------------


def test_scantaak_slaat_verwijderde_en_beoordeelde_over_en_gaat_door_na_een_fout(
    verzoek: WooVerzoek, coordinator: Medewerker, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, c = (toevoegen(verzoek, coordinator, f"{n}.pdf", maak_pdf(f"{BRIEF} {n}"))[0] for n in "abc")
    Document.objects.filter(pk=b.pk).update(beoordelingsstatus=Beoordelingsstatus.GOEDGEKEURD)
    gescand: list[int] = []

    def voorstellen_maken(document: Document) -> int:
        gescand.append(document.pk)
        if document.pk == a.pk:
            raise RuntimeError("kapotte PDF")
        return 3

    module = types.ModuleType("raadhuis.woo.services.lakvakken")
    module.voorstellen_maken = voorstellen_maken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "raadhuis.woo.services.lakvakken", module)
    assert services.documenten_scannen.call([a.pk, b.pk, c.pk, 999_999]) == 3
    assert gescand == [a.pk, c.pk]


# --- selectors -----------------------------------------------------------------------------------------


def lakvak(document: Document, status: str, y: float = 100) -> Lakvak:
    return Lakvak.objects.create(
        document=document, pagina=1, x0=72, y0=y, x1=200, y1=y + 12, tekst="Jansen",
        soort="naam", grond="5.1.2e", herkomst=Herkomst.AUTOMATISCH, status=status,
    )  # fmt: skip


def test_documenten_van_telt_lakvakken_per_status(verzoek: WooVerzoek, coordinator: Medewerker) -> None:
    email, bijlage = toevoegen(
        verzoek, coordinator, "jan.eml", maak_email(datum=JANUARI, bijlagen=[("a.pdf", maak_pdf(BRIEF))])
    )
    for y, status in enumerate([Vakstatus.VOORGESTELD] * 3 + [Vakstatus.GEACCEPTEERD, Vakstatus.AFGEWEZEN]):
        lakvak(bijlage, status, y=100 + 20 * y)
    eerste, tweede = selectors.documenten_van(verzoek)
    assert (eerste, tweede) == (email, bijlage)
    assert (eerste.aantal_voorgesteld, eerste.aantal_geaccepteerd, eerste.aantal_bijlagen) == (0, 0, 1)  # type: ignore[attr-defined]
    assert (tweede.aantal_voorgesteld, tweede.aantal_geaccepteerd, tweede.aantal_bijlagen) == (3, 1, 0)  # type: ignore[attr-defined]


def test_document_van_op_id_of_nummer_alleen_binnen_het_verzoek(
    verzoek: WooVerzoek, coordinator: Medewerker
) -> None:
    (document,) = toevoegen(verzoek, coordinator, "advies.pdf", maak_pdf(BRIEF))
    ander = verzoeken.verzoek_registreren(
        onderwerp="Ander", omschrijving="x", ontvangen_op=timezone.localdate(), kanaal=Kanaal.EMAIL,
        emailadres="a@example.org", door=coordinator,
    )  # fmt: skip
    assert selectors.document_van(verzoek, document.pk) == document
    assert selectors.document_van(verzoek, "1") == document
    assert selectors.document_van(ander, document.pk) is None
    assert selectors.document_van(verzoek, "7") is None


def test_documentoverzicht_en_alle_goedgekeurd(verzoek: WooVerzoek, coordinator: Medewerker) -> None:
    # No documents: nothing blocks a decision that no documents were found
    leeg = selectors.documentoverzicht(verzoek)
    assert (leeg.totaal, leeg.alle_goedgekeurd) == (0, True)
    # An original and its duplicate, both to be assessed
    advies = maak_pdf(BRIEF)
    (origineel,) = toevoegen(verzoek, coordinator, "a.pdf", advies)
    (dubbel,) = toevoegen(verzoek, coordinator, "b.pdf", advies)
    assert dubbel.dubbel_van == origineel
    overzicht = selectors.documentoverzicht(verzoek)
    assert (overzicht.totaal, overzicht.te_beoordelen, overzicht.aantal_dubbel) == (2, 2, 1)
    assert not overzicht.alle_goedgekeurd
    # Only the original approved: the duplicate follows it, so all is approved
    Document.objects.filter(pk=origineel.pk).update(beoordelingsstatus=Beoordelingsstatus.GOEDGEKEURD)
    overzicht = selectors.documentoverzicht(verzoek)
    assert overzicht.alle_goedgekeurd
    assert overzicht.per_status == {"te_beoordelen": 1, "ter_controle": 0, "goedgekeurd": 1}


def test_pdf_van_zonder_weergave_is_leeg(verzoek: WooVerzoek, coordinator: Medewerker) -> None:
    (document,) = toevoegen(verzoek, coordinator, "advies.pdf", maak_pdf(BRIEF))
    Document.objects.filter(pk=document.pk).update(pdf="")
    document.refresh_from_db()
    assert selectors.pdf_van(document) == b""


# --- the pages -----------------------------------------------------------------------------------------


def url(naam: str, verzoek: WooVerzoek, *extra: int) -> str:
    return reverse(f"woo:{naam}", args=[verzoek.kenmerk, *extra])


@pytest.fixture
def ingelogd(client: Any, behandelaar: Medewerker) -> Medewerker:
    client.force_login(behandelaar)
    return behandelaar


def upload(naam: str, inhoud: bytes, soort: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud, content_type=soort)


def test_pagina_toont_inventaris_en_uploadformulier(
    client: Any, ingelogd: Medewerker, verzoek: WooVerzoek
) -> None:
    toevoegen(verzoek, ingelogd, "jan.eml", maak_email(datum=JANUARI, bijlagen=[("a.pdf", maak_pdf(BRIEF))]))
    antwoord = client.get(url("documenten", verzoek))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "<caption" in html
    assert 'scope="col"' in html
    assert 'scope="row"' in html
    assert "Advies eik Kerkstraat" in html
    assert "bijlage bij 1" in html
    assert 'enctype="multipart/form-data"' in html
    assert "multiple" in html
    assert '<label class="utrecht-form-label" for="id_bestanden">' in html
    assert url("document_origineel", verzoek, Document.objects.first().pk) in html  # type: ignore[union-attr]
    assert "style=" not in html
    assert "<script>" not in html


def test_verzoekpagina_linkt_naar_de_documenten(
    client: Any, ingelogd: Medewerker, verzoek: WooVerzoek
) -> None:
    html = client.get(url("verzoek", verzoek)).content.decode()
    assert url("documenten", verzoek) in html


def test_upload_van_meerdere_bestanden_met_een_echte_upload(
    client: Any, ingelogd: Medewerker, verzoek: WooVerzoek, django_capture_on_commit_callbacks: Any
) -> None:
    # When a PDF and an e-mail with a PDF attachment are uploaded in one go
    with django_capture_on_commit_callbacks():
        antwoord = client.post(
            url("documenten", verzoek),
            {
                "bestanden": [
                    upload("besluit.pdf", maak_pdf("Besluit kap", gemaakt=MAART), "application/pdf"),
                    upload(
                        "bericht.eml",
                        maak_email(datum=JANUARI, bijlagen=[("a.pdf", maak_pdf(BRIEF))]),
                        "message/rfc822",
                    ),
                ]
            },
        )
    # Then back to the list (POST-redirect-GET) with three numbered documents and one scan queued
    assert antwoord.status_code == 302
    assert antwoord["Location"] == url("documenten", verzoek)
    assert [d.nummer for d in selectors.documenten_van(verzoek)] == ["1", "1.1", "2"]
    assert wachtende_taken(services.documenten_scannen) == 1
    html = client.get(antwoord["Location"]).content.decode()
    assert "3 document(en) toegevoegd" in html


def test_ongeldige_upload_geeft_400_met_fout_bij_het_veld_en_slaat_niets_op(
    client: Any, ingelogd: Medewerker, verzoek: WooVerzoek
) -> None:
    voor = momentopname()
    antwoord = client.post(
        url("documenten", verzoek),
        {"bestanden": [upload("goed.pdf", maak_pdf(BRIEF)), upload("nep.pdf", b"platte tekst, geen pdf")]},
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert 'id="id_bestanden_error"' in html
    assert "nep.pdf: De inhoud van nep.pdf past niet bij de extensie" in html
    assert 'href="#id_bestanden"' in html  # the error summary links to the field
    assert Document.objects.count() == 0
    assert prive_bestanden() == voor[2]


def test_upload_zonder_bestand_geeft_400(client: Any, ingelogd: Medewerker, verzoek: WooVerzoek) -> None:
    antwoord = client.post(url("documenten", verzoek), {})
    assert antwoord.status_code == 400
    assert 'id="id_bestanden_error"' in antwoord.content.decode()


def test_afgesloten_verzoek_heeft_geen_uploadformulier_en_weigert_upload(
    client: Any, ingelogd: Medewerker, verzoek: WooVerzoek
) -> None:
    WooVerzoek.objects.filter(pk=verzoek.pk).update(status=Verzoekstatus.BESLOTEN)
    assert 'name="bestanden"' not in client.get(url("documenten", verzoek)).content.decode()
    antwoord = client.post(url("documenten", verzoek), {"bestanden": [upload("a.pdf", maak_pdf(BRIEF))]})
    assert antwoord.status_code == 400
    assert "veranderen niet meer" in antwoord.content.decode()
    assert not Document.objects.exists()


def test_origineel_en_pdf_downloaden_wordt_gelogd(
    client: Any, ingelogd: Medewerker, verzoek: WooVerzoek
) -> None:
    bericht = maak_email(datum=JANUARI, bijlagen=[])
    (email,) = toevoegen(verzoek, ingelogd, "bericht.eml", bericht)
    logregels = Logregel.objects.count()
    antwoord = client.get(url("document_origineel", verzoek, email.pk))
    assert antwoord.status_code == 200
    assert b"".join(antwoord.streaming_content) == bericht
    assert antwoord["Content-Disposition"].startswith('attachment; filename="bericht.eml"')
    assert antwoord["Content-Type"] == "message/rfc822"
    assert "no-store" in antwoord["Cache-Control"]
    pdf = client.get(url("document_pdf", verzoek, email.pk))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert pdf["Content-Disposition"].startswith('inline; filename="bericht.pdf"')
    assert Logregel.objects.count() == logregels + 2


def test_document_van_een_ander_verzoek_geeft_404(
    client: Any, ingelogd: Medewerker, verzoek: WooVerzoek, coordinator: Medewerker
) -> None:
    ander = verzoeken.verzoek_registreren(
        onderwerp="Ander", omschrijving="x", ontvangen_op=timezone.localdate(), kanaal=Kanaal.EMAIL,
        emailadres="a@example.org", door=coordinator,
    )  # fmt: skip
    (document,) = toevoegen(ander, coordinator, "a.pdf", maak_pdf(BRIEF))
    assert client.get(url("document_origineel", verzoek, document.pk)).status_code == 404
    assert client.get(url("document_pdf", verzoek, document.pk)).status_code == 404
    assert client.post(url("document_verwijderen", verzoek, document.pk)).status_code == 404
    assert client.get(reverse("woo:documenten", args=["WOO-1999-9999"])).status_code == 404


def test_zonder_recht_geen_toegang(client: Any, verzoek: WooVerzoek, coordinator: Medewerker) -> None:
    (document,) = toevoegen(verzoek, coordinator, "a.pdf", maak_pdf(BRIEF))
    paginas: list[Callable[[], Any]] = [
        lambda: client.get(url("documenten", verzoek)),
        lambda: client.post(url("documenten", verzoek), {"bestanden": [upload("b.pdf", maak_pdf("x"))]}),
        lambda: client.get(url("document_origineel", verzoek, document.pk)),
        lambda: client.get(url("document_pdf", verzoek, document.pk)),
        lambda: client.post(url("document_verwijderen", verzoek, document.pk)),
    ]
    # Not logged in: to the login page
    for pagina in paginas:
        assert pagina().status_code == 302
    # Another role: refused
    client.force_login(MedewerkerFactory(rollen=[Rol.GRIFFIE]))
    for pagina in paginas:
        assert pagina().status_code == 403
    assert Document.objects.count() == 1


def test_verwijderen_via_de_pagina(client: Any, ingelogd: Medewerker, verzoek: WooVerzoek) -> None:
    (eerste,) = toevoegen(verzoek, ingelogd, "a.pdf", maak_pdf(BRIEF, gemaakt=JANUARI))
    (tweede,) = toevoegen(verzoek, ingelogd, "b.pdf", maak_pdf("Tweede document", gemaakt=MAART))
    html = client.get(url("documenten", verzoek)).content.decode()
    assert url("document_verwijderen", verzoek, eerste.pk) in html
    antwoord = client.post(url("document_verwijderen", verzoek, eerste.pk))
    assert antwoord.status_code == 302
    tweede.refresh_from_db()
    assert tweede.nummer == "1"
    # An assessed document: refused with the reason, 400, nothing changed
    Document.objects.filter(pk=tweede.pk).update(beoordelingsstatus=Beoordelingsstatus.TER_CONTROLE)
    antwoord = client.post(url("document_verwijderen", verzoek, tweede.pk))
    assert antwoord.status_code == 400
    assert "al beoordeeld" in antwoord.content.decode()
    assert Document.objects.filter(pk=tweede.pk).exists()


def test_geen_verwijderknop_voor_beoordeelde_documenten(
    client: Any, ingelogd: Medewerker, verzoek: WooVerzoek
) -> None:
    (document,) = toevoegen(verzoek, ingelogd, "a.pdf", maak_pdf(BRIEF))
    Document.objects.filter(pk=document.pk).update(beoordelingsstatus=Beoordelingsstatus.GOEDGEKEURD)
    html = client.get(url("documenten", verzoek)).content.decode()
    assert url("document_verwijderen", verzoek, document.pk) not in html


def test_verzoekpagina_sectie_toont_de_cijfers(verzoek: WooVerzoek, coordinator: Medewerker) -> None:
    from django.template.loader import render_to_string

    (document,) = toevoegen(verzoek, coordinator, "a.pdf", maak_pdf(BRIEF))
    html = render_to_string(
        "woo/_verzoek_documenten.html",
        {"verzoek": verzoek, "documentoverzicht": selectors.documentoverzicht(verzoek)},
    )
    assert "1 document in de inventaris." in html
    assert "Nog niet alle documenten zijn beoordeeld en goedgekeurd." in html
    assert url("documenten", verzoek) in html
    Document.objects.filter(pk=document.pk).update(beoordelingsstatus=Beoordelingsstatus.GOEDGEKEURD)
    html = render_to_string(
        "woo/_verzoek_documenten.html",
        {"verzoek": verzoek, "documentoverzicht": selectors.documentoverzicht(verzoek)},
    )
    assert "Alle documenten zijn beoordeeld en goedgekeurd." in html


def test_te_groot_bestand_wordt_geweigerd_voordat_het_gelezen_wordt(
    client: Any, ingelogd: Medewerker, verzoek: WooVerzoek, monkeypatch: pytest.MonkeyPatch
) -> None:
    from raadhuis.woo import documentverwerking
    from raadhuis.woo.views import documenten as views

    monkeypatch.setattr(documentverwerking, "MAX_GROOTTE", 2_000_000)
    groot = upload("groot.pdf", b"%PDF-1.7\n" + b"0" * 2_000_001)
    antwoord = client.post(url("documenten", verzoek), {"bestanden": [groot]})
    assert antwoord.status_code == 400
    assert "groot.pdf is groter dan 2 MB." in antwoord.content.decode()
    # and several files together have a limit of their own
    monkeypatch.setattr(views, "MAX_SAMEN", 1_000_000)
    stukken = [upload(f"{n}.pdf", b"%PDF-1.7\n" + b"0" * 600_000) for n in "ab"]
    antwoord = client.post(url("documenten", verzoek), {"bestanden": stukken})
    assert antwoord.status_code == 400
    assert "samen groter dan 1 MB" in antwoord.content.decode()
    assert not Document.objects.exists()


def test_bijlage_zonder_eigen_datum_toont_de_datum_van_de_email(
    client: Any, ingelogd: Medewerker, verzoek: WooVerzoek
) -> None:
    toevoegen(verzoek, ingelogd, "jan.eml", maak_email(datum=JANUARI, bijlagen=[("a.pdf", maak_pdf(BRIEF))]))
    html = client.get(url("documenten", verzoek)).content.decode()
    assert html.count("15 januari 2025") == 2
    assert "datum van de e-mail" in html


def test_inventarispagina_zonder_n_plus_1(client: Any, ingelogd: Medewerker, verzoek: WooVerzoek) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def vragen() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url("documenten", verzoek)).status_code == 200
        return len(context)

    toevoegen(verzoek, ingelogd, "a.eml", maak_email(datum=JANUARI, bijlagen=[("a.pdf", maak_pdf(BRIEF))]))
    weinig = vragen()
    for nummer in range(3):
        toevoegen(
            verzoek,
            ingelogd,
            f"{nummer}.eml",
            maak_email(
                datum=MAART, onderwerp=f"Onderwerp {nummer}", bijlagen=[("b.pdf", maak_pdf(f"Stuk {nummer}"))]
            ),
        )
    assert vragen() == weinig
