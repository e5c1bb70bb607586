"""The register's services against the database: creating, adding files (upload check, formats,
PDF metadata stripped), publishing into the search index and the sitemap blocks, withdrawing,
replacing, and the modules' idempotent `publiceren_vanuit_bron`; bad input changes nothing."""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest import mock

import pymupdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core import pdf, zoeken
from raadhuis.core.models import Zoekdocument
from raadhuis.publicatie import selectors, services
from raadhuis.publicatie import waardelijsten as w
from raadhuis.publicatie.models import Publicatie, Publicatiedocument, Publicatiestatus
from raadhuis.publicatie.services import Bronbestand, Handeling

pytestmark = pytest.mark.django_db

VASTGESTELD = dt.datetime(2026, 3, 12, 21, 0, tzinfo=dt.UTC)
ZONDER_TIJDZONE = dt.datetime(2026, 1, 1)  # noqa: DTZ001 - naive on purpose: the service refuses it


# --- helpers (also used by test_views) ----------------------------------------------------------


def maak_pdf(
    tekst: str = "Besluit over de subsidie voor sportverenigingen", *, met_metadata: bool = True
) -> bytes:
    """A one-page PDF; with metadata it also carries an author, XMP, an attachment and a comment."""
    document: Any = pymupdf.open()
    pagina = document.new_page()
    pagina.insert_text((72, 72), tekst)
    if met_metadata:
        document.set_metadata({"author": "Jan Ambtenaar", "title": "Concept", "producer": "Kantoor 2019"})
        document.set_xml_metadata(
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><auteur>Jan Ambtenaar</auteur></x:xmpmeta>'
        )
        document.embfile_add("aantekeningen.txt", b"interne aantekening")
        pagina.add_text_annot((100, 100), "Nog even met Piet overleggen")
    inhoud = bytes(document.tobytes())
    document.close()
    return inhoud


def maak_docx(tekst: str = "Convenant over afvalinzameling") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        archief.writestr("[Content_Types].xml", "<Types/>")
        archief.writestr("word/document.xml", f"<w:document><w:body><w:t>{tekst}</w:t></w:body></w:document>")
    return buffer.getvalue()


def medewerker(*rollen: str) -> Medewerker:
    gebruiker = MedewerkerFactory(rollen=list(rollen))
    assert isinstance(gebruiker, Medewerker)
    return gebruiker


@pytest.fixture
def coordinator(db: None) -> Medewerker:
    return medewerker(Rol.WOO_COORDINATOR)


@pytest.fixture
def raadslid(db: None) -> Medewerker:
    return medewerker(Rol.RAADSLID)


@pytest.fixture(autouse=True)
def sitemaps(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """R's sitemap hooks replaced, so these tests see which documents were marked."""
    # The task's path leads back here: the outbox (core.taken) stores it and imports it at commit.
    taak = mock.Mock(module_path="raadhuis.publicatie.sitemaps.sitemaps_bijwerken")
    nep = SimpleNamespace(blokken_markeren=mock.Mock(return_value=1), sitemaps_bijwerken=taak)
    import raadhuis.publicatie as pakket

    monkeypatch.setitem(sys.modules, "raadhuis.publicatie.sitemaps", nep)
    monkeypatch.setattr(pakket, "sitemaps", nep, raising=False)
    return nep


def gemarkeerd(sitemaps: SimpleNamespace) -> set[int]:
    return {pk for aanroep in sitemaps.blokken_markeren.call_args_list for pk in aanroep.args[0]}


def aanmaken(door: Medewerker, **velden: Any) -> Publicatie:
    gegevens: dict[str, Any] = {
        "publisher": "gm1926",
        "officiele_titel": "Convenant afvalinzameling 2026",
        "informatiecategorieen": [w.CATEGORIE_CONVENANTEN],
        "handelingen": [Handeling(soort=w.ONDERTEKENING, tijdstip=VASTGESTELD)],
        "door": door,
    }
    gegevens.update(velden)
    return services.publicatie_aanmaken(**gegevens)


def gepubliceerd(
    door: Medewerker, titel: str = "Convenant afvalinzameling 2026", **velden: Any
) -> Publicatie:
    publicatie = aanmaken(door, officiele_titel=titel, **velden)
    services.document_toevoegen(
        publicatie, titel=titel, bestandsnaam="convenant.pdf", inhoud=maak_pdf(), door=door
    )
    return services.publiceren(publicatie, door=door)


def bron(**velden: Any) -> Publicatie:
    gegevens: dict[str, Any] = {
        "bron": "woo",
        "bron_sleutel": "WOO-2026-0001",
        "publisher": "gm1926",
        "officiele_titel": "Besluit op Woo-verzoek over bomenkap",
        "informatiecategorieen": [w.CATEGORIE_WOO_VERZOEKEN],
        "handelingen": [Handeling(soort=w.VASTSTELLING, tijdstip=VASTGESTELD)],
        "documenten": [
            Bronbestand(
                titel="Besluit",
                bestandsnaam="besluit.pdf",
                inhoud=maak_pdf("Besluit bomenkap Dorpsstraat"),
                documentsoort=w.DOCUMENTSOORT_WOO_BESLISSING,
            ),
            Bronbestand(
                titel="Inventarislijst", bestandsnaam="inventaris.pdf", inhoud=maak_pdf("Inventaris")
            ),
        ],
    }
    gegevens.update(velden)
    return services.publiceren_vanuit_bron(**gegevens)


# --- PDF metadata ---------------------------------------------------------------------------------


def test_metadata_verwijderen_haalt_auteur_xmp_bijlagen_en_opmerkingen_weg() -> None:
    schoon = pdf.metadata_verwijderen(maak_pdf())
    with pymupdf.open(stream=schoon, filetype="pdf") as document:
        assert not any(document.metadata.get(sleutel) for sleutel in ("author", "title", "producer"))
        assert document.get_xml_metadata() == ""
        assert document.embfile_count() == 0
        assert list(document[0].annots()) == []
        assert "sportverenigingen" in document[0].get_text()
    assert b"Jan Ambtenaar" not in schoon
    assert b"Piet" not in schoon
    assert pdf.metadata_verwijderen(maak_pdf()) == schoon  # deterministic: unchanged files keep their hash


def test_metadata_verwijderen_haalt_javascript_weg() -> None:
    document: Any = pymupdf.open()
    document.new_page().insert_text((72, 72), "Agenda")
    actie = document.get_new_xref()
    document.update_object(actie, "<</S/JavaScript/JS(app.alert\\('hallo'\\))>>")
    document.xref_set_key(document.pdf_catalog(), "OpenAction", f"{actie} 0 R")
    met_script = bytes(document.tobytes())
    document.close()
    assert b"app.alert" in met_script
    schoon = pdf.metadata_verwijderen(met_script)
    assert b"app.alert" not in schoon
    assert b"JavaScript" not in schoon


# --- publicatie_aanmaken ----------------------------------------------------------------------------


def test_aanmaken_als_concept(coordinator: Medewerker) -> None:
    publicatie = aanmaken(
        coordinator,
        themas=[next(iter(w.themas()))],
        identificatoren=["  CONV-12 "],
        periode_van=dt.date(2026, 1, 1),
        periode_tot=dt.date(2026, 12, 31),
        publisher=" GM1926 ",
    )
    assert publicatie.status == Publicatiestatus.CONCEPT
    assert publicatie.publisher == "gm1926"
    assert publicatie.identificatoren == ["CONV-12"]
    assert publicatie.aangemaakt_door == coordinator
    assert [(h.soort, h.tijdstip) for h in publicatie.handelingen.all()] == [(w.ONDERTEKENING, VASTGESTELD)]


@pytest.mark.parametrize(
    ("velden", "veld"),
    [
        ({"publisher": "gm9999"}, "publisher"),
        ({"officiele_titel": "  "}, "officiele_titel"),
        ({"officiele_titel": "x" * 1001}, "officiele_titel"),
        ({"informatiecategorieen": []}, "informatiecategorieen"),
        ({"informatiecategorieen": ["https://example.org/eigen-categorie"]}, "informatiecategorieen"),
        ({"themas": ["https://example.org/thema"]}, "themas"),
        ({"taal": "nl"}, "taal"),
        ({"periode_van": dt.date(2026, 2, 1), "periode_tot": dt.date(2026, 1, 1)}, "periode_tot"),
        ({"identificatoren": [""]}, "identificatoren"),
        ({"handelingen": []}, "handelingen"),
        ({"handelingen": [Handeling(soort=w.KERN + "c_onbekend", tijdstip=VASTGESTELD)]}, "handelingen"),
        ({"handelingen": [Handeling(soort=w.VASTSTELLING, tijdstip=ZONDER_TIJDZONE)]}, "handelingen"),
        (
            {"handelingen": [Handeling(soort=w.VASTSTELLING, tijdstip=VASTGESTELD, actor="xx1")]},
            "handelingen",
        ),
    ],
)
def test_aanmaken_weigert_slechte_invoer(coordinator: Medewerker, velden: dict[str, Any], veld: str) -> None:
    with pytest.raises(ValidationError) as fout:
        aanmaken(coordinator, **velden)
    assert veld in fout.value.message_dict
    assert Publicatie.objects.count() == 0


def test_aanmaken_alleen_met_recht(raadslid: Medewerker) -> None:
    with pytest.raises(PermissionDenied):
        aanmaken(raadslid)
    assert Publicatie.objects.count() == 0


def test_griffie_mag_publiceren(griffier: Medewerker) -> None:
    assert gepubliceerd(griffier).status == Publicatiestatus.GEPUBLICEERD


# --- document_toevoegen -----------------------------------------------------------------------------


def test_pdf_wordt_opgeschoond_opgeslagen(coordinator: Medewerker) -> None:
    publicatie = aanmaken(coordinator)
    document = services.document_toevoegen(
        publicatie,
        titel="Convenant",
        bestandsnaam="../../Convenant afval (definitief) é.PDF",
        inhoud=maak_pdf(),
        documentsoort=w.DOCUMENTSOORT_BESLUIT,
        creatiedatum=dt.date(2026, 3, 1),
        door=coordinator,
    )
    opgeslagen = document.bestand.read()
    assert b"Jan Ambtenaar" not in opgeslagen
    assert document.sha256 == __import__("hashlib").sha256(opgeslagen).hexdigest()
    assert document.grootte == len(opgeslagen)
    assert document.mediatype == "application/pdf"
    assert document.bestandsformaat == w.BESTANDSTYPE + "PDF"
    assert document.bestandsnaam == "Convenant-afval-definitief-e.pdf"
    assert "sportverenigingen" in document.tekst
    assert document.creatiedatum == dt.date(2026, 3, 1)


def test_kantoordocument_met_tekst(coordinator: Medewerker) -> None:
    publicatie = aanmaken(coordinator)
    document = services.document_toevoegen(
        publicatie, titel="Convenant", bestandsnaam="convenant", inhoud=maak_docx(), door=coordinator
    )
    assert document.bestandsformaat == w.BESTANDSTYPE + "DOCX"
    assert document.bestandsnaam == "convenant.docx"
    assert "afvalinzameling" in document.tekst


@pytest.mark.parametrize(
    ("velden", "veld"),
    [
        ({"titel": ""}, "titel"),
        ({"documentsoort": "https://example.org/soort"}, "documentsoort"),
        ({"inhoud": b""}, "bestand"),
        ({"inhoud": b"\x89PNG\r\n\x1a\n" + b"0" * 100, "bestandsnaam": "foto.png"}, "bestand"),
        ({"inhoud": b"MZ\x90\x00 uitvoerbaar", "bestandsnaam": "virus.pdf"}, "bestand"),
        ({"inhoud": b"%PDF-1.7 kapot"}, "bestand"),
    ],
)
def test_document_toevoegen_weigert_slechte_invoer(
    coordinator: Medewerker, velden: dict[str, Any], veld: str
) -> None:
    publicatie = aanmaken(coordinator)
    gegevens: dict[str, Any] = {"titel": "Convenant", "bestandsnaam": "convenant.pdf", "inhoud": maak_pdf()}
    gegevens.update(velden)
    with pytest.raises(ValidationError) as fout:
        services.document_toevoegen(publicatie, door=coordinator, **gegevens)
    assert veld in fout.value.message_dict
    assert not Publicatiedocument.objects.exists()


def test_document_toevoegen_niet_na_publicatie_en_niet_zonder_recht(
    coordinator: Medewerker, raadslid: Medewerker
) -> None:
    publicatie = gepubliceerd(coordinator)
    with pytest.raises(ValidationError) as fout:
        services.document_toevoegen(
            publicatie, titel="Nog een", bestandsnaam="x.pdf", inhoud=maak_pdf(), door=coordinator
        )
    assert "bestand" in fout.value.message_dict
    concept = aanmaken(coordinator, officiele_titel="Ander convenant")
    with pytest.raises(PermissionDenied):
        services.document_toevoegen(
            concept, titel="x", bestandsnaam="x.pdf", inhoud=maak_pdf(), door=raadslid
        )
    assert Publicatiedocument.objects.count() == 1


def test_document_verwijderen_alleen_bij_concept(coordinator: Medewerker) -> None:
    concept = aanmaken(coordinator)
    document = services.document_toevoegen(
        concept, titel="x", bestandsnaam="x.pdf", inhoud=maak_pdf(), door=coordinator
    )
    services.document_verwijderen(document, door=coordinator)
    assert not concept.documenten.exists()
    publicatie = gepubliceerd(coordinator, titel="Gepubliceerd")
    with pytest.raises(ValidationError):
        services.document_verwijderen(publicatie.documenten.get(), door=coordinator)
    assert publicatie.documenten.count() == 1


# --- publiceren ---------------------------------------------------------------------------------------


def test_publiceren_zet_in_zoekindex_en_markeert_sitemap(
    coordinator: Medewerker, sitemaps: SimpleNamespace, django_capture_on_commit_callbacks: Any
) -> None:
    publicatie = aanmaken(coordinator, omschrijving="Afspraken met de inzamelaar")
    document = services.document_toevoegen(
        publicatie, titel="Convenant", bestandsnaam="c.pdf", inhoud=maak_pdf(), door=coordinator
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.publiceren(publicatie, door=coordinator)
    publicatie.refresh_from_db()
    assert publicatie.status == Publicatiestatus.GEPUBLICEERD
    assert publicatie.gepubliceerd_op is not None
    sitemaps.blokken_markeren.assert_called_once_with([document.pk])
    sitemaps.sitemaps_bijwerken.enqueue.assert_called_once_with()
    indexregel = Zoekdocument.objects.get(soort=services.ZOEKSOORT, sleutel=str(document.uuid))
    assert indexregel.openbaar
    assert indexregel.url == f"/openbaarheid/publicaties/{publicatie.uuid}/"
    treffers = zoeken.zoeken(vraag="sportverenigingen", soorten=(services.ZOEKSOORT,))
    assert [t.sleutel for t in treffers.treffers] == [str(document.uuid)]


def test_publiceren_weigert_zonder_documenten_en_tweemaal(
    coordinator: Medewerker, raadslid: Medewerker, sitemaps: SimpleNamespace
) -> None:
    leeg = aanmaken(coordinator)
    with pytest.raises(ValidationError) as fout:
        services.publiceren(leeg, door=coordinator)
    assert "documenten" in fout.value.message_dict
    leeg.refresh_from_db()
    assert leeg.status == Publicatiestatus.CONCEPT
    publicatie = gepubliceerd(coordinator, titel="Eenmaal")
    with pytest.raises(ValidationError) as fout:
        services.publiceren(publicatie, door=coordinator)
    assert "status" in fout.value.message_dict
    with pytest.raises(PermissionDenied):
        services.publiceren(leeg, door=raadslid)
    assert not Zoekdocument.objects.filter(sleutel__in=[str(d.uuid) for d in leeg.documenten.all()]).exists()


# --- intrekken en vervangen ---------------------------------------------------------------------------


def test_intrekken_haalt_uit_zoekindex(coordinator: Medewerker, sitemaps: SimpleNamespace) -> None:
    publicatie = gepubliceerd(coordinator)
    document = publicatie.documenten.get()
    sitemaps.blokken_markeren.reset_mock()
    services.intrekken(
        publicatie, reden=w.REDEN_PRIVACY, toelichting="Naam van een inwoner", door=coordinator
    )
    publicatie.refresh_from_db()
    assert publicatie.status == Publicatiestatus.INGETROKKEN
    assert publicatie.reden_intrekking == w.REDEN_PRIVACY
    assert publicatie.toelichting_intrekking == "Naam van een inwoner"
    assert publicatie.ingetrokken_op is not None
    assert not Zoekdocument.objects.filter(sleutel=str(document.uuid)).exists()
    assert gemarkeerd(sitemaps) == {document.pk}


@pytest.mark.parametrize(
    ("reden", "toelichting", "veld"),
    [
        ("https://example.org/reden", "", "reden"),
        ("", "", "reden"),
        (w.REDEN_PRIVACY, "x" * 2001, "toelichting"),
    ],
)
def test_intrekken_weigert_slechte_invoer(
    coordinator: Medewerker, reden: str, toelichting: str, veld: str
) -> None:
    publicatie = gepubliceerd(coordinator)
    with pytest.raises(ValidationError) as fout:
        services.intrekken(publicatie, reden=reden, toelichting=toelichting, door=coordinator)
    assert veld in fout.value.message_dict
    publicatie.refresh_from_db()
    assert publicatie.status == Publicatiestatus.GEPUBLICEERD
    assert Zoekdocument.objects.filter(soort=services.ZOEKSOORT).count() == 1


def test_intrekken_alleen_gepubliceerd_en_met_recht(coordinator: Medewerker, raadslid: Medewerker) -> None:
    concept = aanmaken(coordinator)
    with pytest.raises(ValidationError) as fout:
        services.intrekken(concept, reden=w.REDEN_PRIVACY, door=coordinator)
    assert "status" in fout.value.message_dict
    publicatie = gepubliceerd(coordinator, titel="Andere")
    with pytest.raises(PermissionDenied):
        services.intrekken(publicatie, reden=w.REDEN_PRIVACY, door=raadslid)
    publicatie.refresh_from_db()
    assert publicatie.status == Publicatiestatus.GEPUBLICEERD


def test_vervangen_door_concept_publiceert_het(coordinator: Medewerker, sitemaps: SimpleNamespace) -> None:
    oud = gepubliceerd(coordinator, titel="Versie 1")
    nieuw = aanmaken(coordinator, officiele_titel="Versie 2")
    services.document_toevoegen(
        nieuw, titel="Versie 2", bestandsnaam="v2.pdf", inhoud=maak_pdf("Tweede versie"), door=coordinator
    )
    sitemaps.blokken_markeren.reset_mock()
    services.vervangen(oud, nieuw=nieuw, reden=w.REDEN_PROCEDURELE_FOUT, door=coordinator)
    oud.refresh_from_db()
    nieuw.refresh_from_db()
    assert oud.status == Publicatiestatus.VERVANGEN
    assert oud.vervangen_door == nieuw
    assert oud.reden_intrekking == w.REDEN_PROCEDURELE_FOUT
    assert nieuw.status == Publicatiestatus.GEPUBLICEERD
    assert gemarkeerd(sitemaps) == {oud.documenten.get().pk, nieuw.documenten.get().pk}
    assert [t.titel for t in zoeken.zoeken(vraag="versie", soorten=(services.ZOEKSOORT,)).treffers] == [
        "Versie 2"
    ]


def test_vervangen_weigert_slechte_invoer(coordinator: Medewerker, raadslid: Medewerker) -> None:
    oud = gepubliceerd(coordinator, titel="Versie 1")
    leeg = aanmaken(coordinator, officiele_titel="Zonder documenten")
    ingetrokken = gepubliceerd(coordinator, titel="Ingetrokken")
    services.intrekken(ingetrokken, reden=w.REDEN_PRIVACY, door=coordinator)
    gevallen = [
        ({"nieuw": oud, "reden": w.REDEN_PRIVACY}, "nieuw"),
        ({"nieuw": leeg, "reden": w.REDEN_PRIVACY}, "nieuw"),
        ({"nieuw": ingetrokken, "reden": w.REDEN_PRIVACY}, "nieuw"),
        ({"nieuw": gepubliceerd(coordinator, titel="Versie 2"), "reden": "onzin"}, "reden"),
    ]
    for velden, veld in gevallen:
        nieuw, reden = velden["nieuw"], velden["reden"]
        assert isinstance(nieuw, Publicatie)
        assert isinstance(reden, str)
        with pytest.raises(ValidationError) as fout:
            services.vervangen(oud, nieuw=nieuw, reden=reden, door=coordinator)
        assert veld in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        services.vervangen(leeg, nieuw=oud, reden=w.REDEN_PRIVACY, door=coordinator)
    assert "status" in fout.value.message_dict
    with pytest.raises(PermissionDenied):
        services.vervangen(oud, nieuw=leeg, reden=w.REDEN_PRIVACY, door=raadslid)
    oud.refresh_from_db()
    assert oud.status == Publicatiestatus.GEPUBLICEERD
    assert oud.vervangen_door is None


# --- publiceren_vanuit_bron ---------------------------------------------------------------------------


def test_vanuit_bron_publiceert_zonder_recht_als_systeemproces(
    sitemaps: SimpleNamespace, django_capture_on_commit_callbacks: Any, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level("INFO", logger="raadhuis.publicatie.audit"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        publicatie = bron()
    assert publicatie.status == Publicatiestatus.GEPUBLICEERD
    assert (publicatie.bron, publicatie.bron_sleutel) == ("woo", "WOO-2026-0001")
    assert publicatie.aangemaakt_door is None
    assert [d.titel for d in selectors.documenten_van(publicatie)] == ["Besluit", "Inventarislijst"]
    assert Zoekdocument.objects.filter(soort=services.ZOEKSOORT).count() == 2
    assert gemarkeerd(sitemaps) == set(publicatie.documenten.values_list("pk", flat=True))
    assert "door=systeem:publicatie-woo" in caplog.text
    assert "publicatie.vanuit-bron" in caplog.text


def test_vanuit_bron_is_idempotent_en_houdt_ongewijzigde_bestanden(sitemaps: SimpleNamespace) -> None:
    eerste = bron()
    besluit = eerste.documenten.get(titel="Besluit")
    inventaris = eerste.documenten.get(titel="Inventarislijst")
    tweede = bron(
        officiele_titel="Besluit op Woo-verzoek over bomenkap (gecorrigeerd)",
        informatiecategorieen=[w.CATEGORIE_WOO_VERZOEKEN, w.CATEGORIE_OVERIGE_BESLUITEN],
        documenten=[
            Bronbestand(
                titel="Besluit (definitief)",
                bestandsnaam="besluit.pdf",
                inhoud=maak_pdf("Besluit bomenkap Dorpsstraat"),
            ),
            Bronbestand(titel="Bijlage", bestandsnaam="bijlage.docx", inhoud=maak_docx("Kaart van de bomen")),
        ],
    )
    assert tweede.pk == eerste.pk
    assert Publicatie.objects.count() == 1
    documenten = list(selectors.documenten_van(tweede))
    assert [d.titel for d in documenten] == ["Besluit (definitief)", "Bijlage"]
    assert documenten[0].pk == besluit.pk  # unchanged file: same document, same stable URL
    assert documenten[0].uuid == besluit.uuid
    assert not Publicatiedocument.objects.filter(pk=inventaris.pk).exists()
    assert not Zoekdocument.objects.filter(sleutel=str(inventaris.uuid)).exists()
    assert inventaris.pk in gemarkeerd(sitemaps)  # its block is rewritten without it
    assert tweede.informatiecategorieen == [w.CATEGORIE_WOO_VERZOEKEN, w.CATEGORIE_OVERIGE_BESLUITEN]
    assert tweede.handelingen.count() == 1


def test_vanuit_bron_publiceert_ingetrokken_opnieuw() -> None:
    publicatie = bron()
    services.intrekken_vanuit_bron(bron="woo", bron_sleutel="WOO-2026-0001", reden=w.REDEN_PRIVACY)
    publicatie.refresh_from_db()
    assert publicatie.status == Publicatiestatus.INGETROKKEN
    assert bron().status == Publicatiestatus.GEPUBLICEERD
    publicatie.refresh_from_db()
    assert publicatie.reden_intrekking == ""


@pytest.mark.parametrize(
    ("velden", "veld"),
    [
        ({"bron": ""}, "bron"),
        ({"bron_sleutel": " "}, "bron_sleutel"),
        ({"documenten": []}, "documenten"),
        ({"documenten": [Bronbestand(titel="", bestandsnaam="a.pdf", inhoud=b"%PDF-")]}, "documenten"),
        (
            {"documenten": [Bronbestand(titel="Foto", bestandsnaam="a.png", inhoud=b"\x89PNG\r\n\x1a\n0")]},
            "documenten",
        ),
        ({"informatiecategorieen": ["eigen"]}, "informatiecategorieen"),
        ({"publisher": "onbekend"}, "publisher"),
        ({"handelingen": []}, "handelingen"),
    ],
)
def test_vanuit_bron_weigert_slechte_invoer_en_laat_bestaande_staan(
    velden: dict[str, Any], veld: str
) -> None:
    bestaand = bron()
    documenten = set(bestaand.documenten.values_list("pk", flat=True))
    with pytest.raises(ValidationError) as fout:
        bron(**velden)
    assert veld in fout.value.message_dict
    bestaand.refresh_from_db()
    assert bestaand.status == Publicatiestatus.GEPUBLICEERD
    assert bestaand.officiele_titel == "Besluit op Woo-verzoek over bomenkap"
    assert set(bestaand.documenten.values_list("pk", flat=True)) == documenten


def test_intrekken_vanuit_bron() -> None:
    assert (
        services.intrekken_vanuit_bron(bron="woo", bron_sleutel="bestaat-niet", reden=w.REDEN_PRIVACY) is None
    )
    with pytest.raises(ValidationError):
        services.intrekken_vanuit_bron(bron="woo", bron_sleutel="bestaat-niet", reden="onzin")
    publicatie = bron()
    with pytest.raises(ValidationError):
        services.intrekken_vanuit_bron(bron="woo", bron_sleutel="WOO-2026-0001", reden="onzin")
    ingetrokken = services.intrekken_vanuit_bron(
        bron="woo",
        bron_sleutel="WOO-2026-0001",
        reden=w.REDEN_PROCEDURELE_FOUT,
        toelichting="Verkeerde bijlage",
    )
    assert ingetrokken is not None
    assert ingetrokken.pk == publicatie.pk
    assert ingetrokken.status == Publicatiestatus.INGETROKKEN
    # A second call finds nothing to do.
    nogmaals = services.intrekken_vanuit_bron(bron="woo", bron_sleutel="WOO-2026-0001", reden=w.REDEN_PRIVACY)
    assert nogmaals is not None
    assert nogmaals.reden_intrekking == w.REDEN_PROCEDURELE_FOUT
    assert not Zoekdocument.objects.filter(soort=services.ZOEKSOORT).exists()


# --- selectors ----------------------------------------------------------------------------------------


def test_selectors(coordinator: Medewerker) -> None:
    concept = aanmaken(coordinator, officiele_titel="Concept")
    openbaar = gepubliceerd(coordinator, titel="Openbaar")
    woo = bron()
    assert set(selectors.publicaties()) == {concept, openbaar, woo}
    assert list(selectors.publicaties(status=Publicatiestatus.CONCEPT)) == [concept]
    assert set(selectors.publicaties(categorie=w.CATEGORIE_CONVENANTEN)) == {concept, openbaar}
    assert list(selectors.gepubliceerde_publicaties(categorie=w.CATEGORIE_WOO_VERZOEKEN)) == [woo]
    aantallen = {c.uri: n for c, n in selectors.aantallen_per_categorie()}
    assert aantallen[w.CATEGORIE_CONVENANTEN] == 1
    assert aantallen[w.CATEGORIE_WOO_VERZOEKEN] == 1
    assert aantallen[w.CATEGORIE_ADVIEZEN] == 0
    assert selectors.publicatie_met_uuid(concept.uuid) == concept
    assert selectors.publicatie_met_uuid(concept.uuid, alleen_zichtbaar=True) is None
    assert selectors.publicatie_van_bron("woo", "WOO-2026-0001") == woo
    document = woo.documenten.first()
    assert document is not None
    assert selectors.document_met_uuid(document.uuid, alleen_zichtbaar=True) == document
    assert set(selectors.vervangbare_publicaties(openbaar)) == {woo}
    assert timezone.is_aware(woo.gepubliceerd_op or timezone.now())


def test_elke_overgang_staat_in_de_geschiedenis(coordinator: Medewerker) -> None:
    publicatie = gepubliceerd(coordinator)
    services.intrekken(publicatie, reden=next(iter(w.redenen_verwijdering())), door=coordinator)

    stappen = [(g.handeling, g.medewerker, g.status) for g in selectors.gebeurtenissen_van(publicatie)]

    assert stappen == [
        ("aanmaken", coordinator, "concept"),
        ("document-toevoegen", coordinator, "concept"),
        ("publiceren", coordinator, "gepubliceerd"),
        ("intrekken", coordinator, "ingetrokken"),
    ]
    assert selectors.gebeurtenissen_van(publicatie).last().gegevens["reden"] == next(
        iter(w.redenen_verwijdering().values())
    )


def test_een_module_staat_als_systeemproces_in_de_geschiedenis() -> None:
    publicatie = bron()

    laatste = selectors.gebeurtenissen_van(publicatie).last()

    assert laatste.handeling == "vanuit-bron"
    assert laatste.medewerker is None
    assert laatste.systeemproces == "publicatie-woo"


def test_een_geweigerde_overgang_laat_geen_geschiedenis_na(coordinator: Medewerker) -> None:
    publicatie = aanmaken(coordinator)
    aantal = publicatie.gebeurtenissen.count()

    with pytest.raises(ValidationError):
        services.publiceren(publicatie, door=coordinator)  # no documents yet

    assert publicatie.gebeurtenissen.count() == aantal


def test_open_data_als_csv(coordinator: Medewerker) -> None:
    publicatie = aanmaken(coordinator, informatiecategorieen=[w.CATEGORIE_INSPANNINGSVERPLICHTING])

    document = services.document_toevoegen(
        publicatie,
        titel="Subsidieregister 2026",
        bestandsnaam="subsidies 2026.csv",
        inhoud=b"ontvanger;bedrag\nSportvereniging De Bal;1500\nMuziekschool Pijnacker;2500\n",
        door=coordinator,
    )
    services.publiceren(publicatie, door=coordinator)

    assert document.bestandsnaam == "subsidies-2026.csv"
    assert document.mediatype == "text/csv"
    assert document.bestandsformaat.endswith("/file-type/CSV")
    assert [
        t.sleutel for t in zoeken.zoeken(vraag="muziekschool", soorten=(services.ZOEKSOORT,)).treffers
    ] == [str(document.uuid)]


def test_csv_met_formule_wordt_geweigerd(coordinator: Medewerker) -> None:
    publicatie = aanmaken(coordinator)

    with pytest.raises(ValidationError) as fout:
        services.document_toevoegen(
            publicatie, titel="Lijst", bestandsnaam="lijst.csv", inhoud=b"a,b\n=1+1,2\n", door=coordinator
        )

    assert "bestand" in fout.value.message_dict
    assert not publicatie.documenten.exists()


def test_een_upload_bij_volle_schijf_laat_niets_achter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Through a real service: publishing a file when the private storage is full."""
    from raadhuis.core.tests.test_opslag import _VolleSchijf

    monkeypatch.setattr("django.core.files.storage.filesystem.os.fdopen", _VolleSchijf)
    map_ = Path(Publicatiedocument._meta.get_field("bestand").storage.path(""))
    voor = {p for p in map_.rglob("*") if p.is_file()}
    coordinator = medewerker(Rol.WOO_COORDINATOR)
    publicatie = services.publicatie_aanmaken(
        publisher="gm1926",
        officiele_titel="Convenant",
        informatiecategorieen=[w.CATEGORIE_CONVENANTEN],
        handelingen=[services.Handeling(soort=w.VASTSTELLING, tijdstip=VASTGESTELD)],
        door=coordinator,
    )

    with pytest.raises(ValidationError) as fout:
        services.document_toevoegen(
            publicatie, titel="Lijst", bestandsnaam="lijst.csv", inhoud=b"a,b\n1,2\n" * 10, door=coordinator
        )

    assert "de opslag is vol" in str(fout.value)
    assert not Publicatiedocument.objects.exists()
    assert {p for p in map_.rglob("*") if p.is_file()} == voor
