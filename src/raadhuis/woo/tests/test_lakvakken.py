"""The boxes of Woo documents against the database: automatic proposals for personal data with their
ground (Woo art. 5.1.1e for the BSN, 5.1.2e for the rest), officials on the visible list left
alone, one decision per datum across the request, boxes drawn on a page (also a rotated one) and
withheld search terms, each refused on bad input, without the right, on an approved document or a
closed request, and changing nothing then; and the accepted boxes really redacted by the engine."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections.abc import Sequence
from typing import Any

import pymupdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming.tests.factories import LidmaatschapFactory
from raadhuis.core.models import Logregel
from raadhuis.woo import lakken
from raadhuis.woo.models import (
    Beoordelingsstatus,
    Document,
    Documentsoort,
    Herkomst,
    Kanaal,
    Lakvak,
    Vakstatus,
    Verzoekstatus,
    WooVerzoek,
    ZichtbareNaam,
)
from raadhuis.woo.selectors import lakvakken as selectors
from raadhuis.woo.selectors.documenten import pdf_van
from raadhuis.woo.services import lakvakken as services
from raadhuis.woo.services import verzoeken

pytestmark = pytest.mark.django_db

BSN = "999993653"  # passes the 11-proef
IBAN = "NL91ABNA0417164300"  # passes mod-97
EMAIL = "jan.devries@example.org"
NAAM = "Jan de Vries"

BRIEF = [
    "Geachte heer De Vries,",
    f"Uw BSN is {BSN} en uw rekeningnummer is {IBAN}.",
    f"U kunt mailen naar {EMAIL} met vragen.",
    "Wethouder Karin Smit heeft hierover besloten.",
    "Het Project Zeemeeuw loopt door tot de zomer.",
    "Met vriendelijke groet,",
    NAAM,
]
NOTITIE = [
    f"Notitie: {NAAM} belde over het Project Zeemeeuw.",
    "Daarna is niets meer gebeurd.",
]

_sleutels = itertools.count(1)


def pdf_maken(*paginas: Sequence[str], rotatie: int = 0) -> bytes:
    """A PDF with one A4 page per list of lines (11 pt Helvetica, 20 pt apart), optionally rotated."""
    with pymupdf.open() as pdf:
        for regels in paginas:
            pagina = pdf.new_page(width=595, height=842)
            for nummer, regel in enumerate(regels):
                pagina.insert_text((72, 72 + 20 * nummer), regel, fontsize=11, fontname="helv")
            if rotatie:
                pagina.set_rotation(rotatie)
        return bytes(pdf.tobytes())


def document_maken(verzoek: WooVerzoek, pdf: bytes, *, titel: str = "Brief aan de heer De Vries") -> Document:
    """A PDF document of the request as part A stores it: the original is the PDF itself."""
    volgnummer = next(_sleutels)
    with pymupdf.open(stream=pdf, filetype="pdf") as gelezen:
        paginas = gelezen.page_count
    return Document.objects.create(
        verzoek=verzoek,
        sleutel=f"upload-{volgnummer}",
        nummer=str(volgnummer),
        volgorde=volgnummer,
        naam=f"document-{volgnummer}.pdf",
        titel=titel,
        soort=Documentsoort.PDF,
        mediatype="application/pdf",
        sha256=hashlib.sha256(pdf).hexdigest(),
        grootte=len(pdf),
        paginas=paginas,
        origineel=ContentFile(pdf, name="brief.pdf"),
        pdf=ContentFile(pdf, name="brief.pdf"),
    )


def verzoek_maken(door: Medewerker) -> WooVerzoek:
    return verzoeken.verzoek_registreren(
        onderwerp="Project Zeemeeuw",
        omschrijving="Alle brieven en notities over het project Zeemeeuw.",
        ontvangen_op=timezone.localdate() - dt.timedelta(days=3),
        kanaal=Kanaal.EMAIL,
        verzoeker_naam="Petra Verzoeker",
        emailadres="petra@example.org",
        door=door,
    )


def teksten(document: Document, **filters: Any) -> list[str]:
    return [
        vak.tekst
        for vak in Lakvak.objects.filter(document=document, **filters).order_by("pagina", "y0", "x0")
    ]


def momentopname() -> tuple[Any, ...]:
    """What a refused change must leave alone."""
    return (
        list(Lakvak.objects.order_by("pk").values()),
        list(Document.objects.order_by("pk").values("pk", "gescand_op", "beoordelingsstatus")),
        list(ZichtbareNaam.objects.order_by("pk").values()),
        Logregel.objects.count(),
    )


@pytest.fixture
def coordinator(db: None) -> Medewerker:
    medewerker: Medewerker = MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR])
    return medewerker


@pytest.fixture
def behandelaar(db: None) -> Medewerker:
    medewerker: Medewerker = MedewerkerFactory(rollen=[Rol.BEHANDELAAR])
    return medewerker


@pytest.fixture
def griffiemedewerker(db: None) -> Medewerker:
    medewerker: Medewerker = MedewerkerFactory(rollen=[Rol.GRIFFIE])
    return medewerker


@pytest.fixture
def verzoek(coordinator: Medewerker) -> WooVerzoek:
    return verzoek_maken(coordinator)


@pytest.fixture
def brief(verzoek: WooVerzoek) -> Document:
    return document_maken(verzoek, pdf_maken(BRIEF))


# --- automatic proposals ---------------------------------------------------------------------------


def test_voorstellen_maken_stelt_de_persoonsgegevens_voor_met_hun_grond(brief: Document) -> None:
    # Given a letter with a BSN, an IBAN, an e-mail address and a name
    logregels = Logregel.objects.count()
    # When it is scanned
    aantal = services.voorstellen_maken(brief)
    # Then every piece is proposed, the BSN with the absolute ground for identification numbers
    vakken = {vak.tekst: vak for vak in Lakvak.objects.filter(document=brief)}
    assert aantal == len(vakken) >= 5
    assert vakken[BSN].grond == "5.1.1e"
    assert vakken[BSN].soort == "bsn"
    assert vakken[IBAN].grond == "5.1.2e"
    assert vakken[IBAN].soort == "iban"
    assert vakken[EMAIL].grond == "5.1.2e"
    assert vakken[EMAIL].soort == "email"
    assert vakken[NAAM].soort == "naam"
    assert all(vak.status == Vakstatus.VOORGESTELD for vak in vakken.values())
    assert all(vak.herkomst == Herkomst.AUTOMATISCH for vak in vakken.values())
    assert all(vak.x1 > vak.x0 and vak.y1 > vak.y0 and vak.pagina == 1 for vak in vakken.values())
    # And the scan is recorded on the document and in the logboek as a system process
    brief.refresh_from_db()
    assert brief.gescand_op is not None
    regel = Logregel.objects.order_by("-pk").first()
    assert Logregel.objects.count() == logregels + 1
    assert regel is not None
    assert regel.naam == "woo-document.lakvoorstellen-maken"
    assert regel.door_soort == Logregel.DoorSoort.SYSTEEM


def test_functionarissen_op_de_lijst_en_bestuurders_worden_niet_voorgesteld(
    verzoek: WooVerzoek, coordinator: Medewerker
) -> None:
    # Given Karin Smit on the visible list and wethouder Pieter Bakker in the college
    services.zichtbare_naam_toevoegen(naam="Karin Smit", functie="wethouder", door=coordinator)
    LidmaatschapFactory(
        persoon__voornaam="Pieter",
        persoon__achternaam="Bakker",
        orgaan__college=True,
        functie="wethouder",
    )
    document = document_maken(
        verzoek, pdf_maken(["Wethouder Karin Smit en wethouder Pieter Bakker spraken met", NAAM])
    )
    # When the document is scanned
    services.voorstellen_maken(document)
    # Then only the private person is proposed
    gevonden = " ".join(teksten(document))
    assert NAAM in gevonden
    assert "Smit" not in gevonden
    assert "Bakker" not in gevonden
    assert "Pieter Bakker" in selectors.zichtbare_namen()
    assert "Karin Smit" in selectors.zichtbare_namen()


def test_opnieuw_scannen_vervangt_alleen_de_onbesliste_voorstellen(
    brief: Document, coordinator: Medewerker
) -> None:
    # Given a scanned letter whose BSN box was accepted
    services.voorstellen_maken(brief)
    bsn = Lakvak.objects.get(document=brief, tekst=BSN)
    services.lakvak_beoordelen(bsn, status=Vakstatus.GEACCEPTEERD, door=coordinator, overal=False)
    voor = sorted(teksten(brief))
    # When it is scanned again
    services.voorstellen_maken(brief)
    # Then the same boxes are there once each, and the decision stands
    assert sorted(teksten(brief)) == voor
    bsn.refresh_from_db()
    assert bsn.status == Vakstatus.GEACCEPTEERD
    assert bsn.beoordeeld_door == coordinator
    assert Lakvak.objects.filter(document=brief, tekst=BSN).count() == 1


def test_een_elders_afgewezen_naam_komt_afgewezen_binnen(
    verzoek: WooVerzoek, brief: Document, coordinator: Medewerker
) -> None:
    # Given the name rejected (stays readable) in the letter, the e-mail address accepted
    services.voorstellen_maken(brief)
    naam = Lakvak.objects.filter(document=brief, tekst=NAAM).first()
    assert naam is not None
    services.lakvak_beoordelen(naam, status=Vakstatus.AFGEWEZEN, door=coordinator)
    email = Lakvak.objects.get(document=brief, tekst=EMAIL)
    services.lakvak_beoordelen(email, status=Vakstatus.GEACCEPTEERD, door=coordinator)
    # When a second document with the same name and address is scanned
    notitie = document_maken(verzoek, pdf_maken([f"{NAAM} mailde vanaf {EMAIL}."]), titel="Notitie")
    services.voorstellen_maken(notitie)
    # Then it comes in with the same decisions
    assert {vak.tekst: vak.status for vak in Lakvak.objects.filter(document=notitie)} == {
        NAAM: Vakstatus.AFGEWEZEN,
        EMAIL: Vakstatus.GEACCEPTEERD,
    }


def test_namen_uit_andere_documenten_worden_ook_gezocht(
    verzoek: WooVerzoek, brief: Document, coordinator: Medewerker, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a letter whose names were proposed, one of them later rejected
    services.voorstellen_maken(brief)
    de_vries = Lakvak.objects.get(document=brief, tekst="De Vries")
    services.lakvak_beoordelen(de_vries, status=Vakstatus.AFGEWEZEN, door=coordinator)
    notitie = document_maken(verzoek, pdf_maken(NOTITIE), titel="Notitie")
    gevraagd: dict[str, Any] = {}

    def suggesties(inhoud: bytes, **opties: Any) -> list[lakken.Redactie]:
        gevraagd.update(opties)
        return []

    monkeypatch.setattr(services.lakken, "suggesties", suggesties)
    # When the second document is scanned
    assert services.voorstellen_maken(notitie) == 0
    # Then the name still proposed elsewhere is looked for, the rejected one is not
    assert NAAM in gevraagd["bekende_namen"]
    assert "De Vries" not in gevraagd["bekende_namen"]
    notitie.refresh_from_db()
    assert notitie.gescand_op is not None


def test_een_goedgekeurd_document_wordt_niet_opnieuw_gescand(brief: Document) -> None:
    Document.objects.filter(pk=brief.pk).update(beoordelingsstatus=Beoordelingsstatus.GOEDGEKEURD)
    assert services.voorstellen_maken(brief) == 0
    assert not Lakvak.objects.filter(document=brief).exists()


def test_een_onleesbare_pdf_geeft_een_waarschuwing_en_geen_voorstellen(verzoek: WooVerzoek) -> None:
    document = document_maken(verzoek, pdf_maken(["Leeg"]))
    document.pdf.save("kapot.pdf", ContentFile(b"%PDF-1.7 kapot"), save=True)
    assert services.voorstellen_maken(document) == 0
    document.refresh_from_db()
    assert document.gescand_op is not None
    assert any("Geen lakvoorstellen" in waarschuwing for waarschuwing in document.waarschuwingen)


# --- deciding on proposals -------------------------------------------------------------------------


def test_een_beslissing_geldt_overal_in_het_verzoek(
    verzoek: WooVerzoek, brief: Document, behandelaar: Medewerker
) -> None:
    # Given the name proposed in two documents
    notitie = document_maken(verzoek, pdf_maken(NOTITIE), titel="Notitie")
    services.voorstellen_maken(brief)
    services.voorstellen_maken(notitie)
    naam = Lakvak.objects.filter(document=brief, tekst=NAAM).first()
    assert naam is not None
    # When a behandelaar accepts it once, for the whole request
    aantal = services.lakvak_beoordelen(
        naam, status=Vakstatus.GEACCEPTEERD, door=behandelaar, motivering="Particulier"
    )
    # Then every box with that name is accepted, in both documents, and nothing else
    namen = Lakvak.objects.filter(document__verzoek=verzoek, tekst=NAAM)
    assert aantal == namen.count() >= 2
    assert set(namen.values_list("status", "beoordeeld_door", "motivering")) == {
        (Vakstatus.GEACCEPTEERD, behandelaar.pk, "Particulier")
    }
    assert Lakvak.objects.get(document=brief, tekst=BSN).status == Vakstatus.VOORGESTELD
    naam.refresh_from_db()
    assert naam.beoordeeld_op is not None


def test_zonder_overal_geldt_de_beslissing_alleen_dit_vak(
    verzoek: WooVerzoek, brief: Document, coordinator: Medewerker
) -> None:
    notitie = document_maken(verzoek, pdf_maken(NOTITIE), titel="Notitie")
    services.voorstellen_maken(brief)
    services.voorstellen_maken(notitie)
    naam = Lakvak.objects.filter(document=brief, tekst=NAAM).first()
    assert naam is not None
    assert services.lakvak_beoordelen(naam, status=Vakstatus.AFGEWEZEN, door=coordinator, overal=False) == 1
    assert Lakvak.objects.get(document=notitie, tekst=NAAM).status == Vakstatus.VOORGESTELD


@pytest.mark.parametrize("status", ["voorgesteld", "misschien", ""])
def test_beoordelen_vraagt_lakken_of_niet_lakken(
    brief: Document, coordinator: Medewerker, status: str
) -> None:
    services.voorstellen_maken(brief)
    vak = Lakvak.objects.get(document=brief, tekst=BSN)
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.lakvak_beoordelen(vak, status=status, door=coordinator)
    assert "status" in fout.value.message_dict
    assert momentopname() == voor


def test_beoordelen_weigert_een_te_lange_motivering(brief: Document, coordinator: Medewerker) -> None:
    services.voorstellen_maken(brief)
    vak = Lakvak.objects.get(document=brief, tekst=BSN)
    with pytest.raises(ValidationError) as fout:
        services.lakvak_beoordelen(
            vak, status=Vakstatus.GEACCEPTEERD, door=coordinator, motivering="x" * 2001
        )
    assert "motivering" in fout.value.message_dict


def test_beoordelen_zonder_het_recht_wordt_geweigerd(brief: Document, griffiemedewerker: Medewerker) -> None:
    services.voorstellen_maken(brief)
    vak = Lakvak.objects.get(document=brief, tekst=BSN)
    voor = momentopname()
    with pytest.raises(PermissionDenied):
        services.lakvak_beoordelen(vak, status=Vakstatus.GEACCEPTEERD, door=griffiemedewerker)
    assert momentopname() == voor


def _goedkeuren(document: Document) -> None:
    Document.objects.filter(pk=document.pk).update(beoordelingsstatus=Beoordelingsstatus.GOEDGEKEURD)


def _besluiten(verzoek: WooVerzoek) -> None:
    WooVerzoek.objects.filter(pk=verzoek.pk).update(status=Verzoekstatus.BESLOTEN)


@pytest.mark.parametrize(("afsluiten", "veld"), [(_goedkeuren, "document"), (_besluiten, "status")])
def test_na_goedkeuring_of_besluit_veranderen_de_vakken_niet(
    brief: Document, coordinator: Medewerker, afsluiten: Any, veld: str
) -> None:
    # Given a scanned letter with a drawn box, then approved (or the request decided)
    services.voorstellen_maken(brief)
    getekend = services.lakvak_tekenen(
        brief, pagina=1, x0=400, y0=700, x1=500, y1=760, grond="5.1.2e", door=coordinator
    )
    afsluiten(brief.verzoek if veld == "status" else brief)
    vak = Lakvak.objects.get(document=brief, tekst=BSN)
    voor = momentopname()
    # When anyone tries to change its boxes
    pogingen = [
        lambda: services.lakvak_beoordelen(vak, status=Vakstatus.AFGEWEZEN, door=coordinator),
        lambda: services.lakvak_tekenen(
            brief, pagina=1, x0=10, y0=10, x1=50, y1=50, grond="5.1.2e", door=coordinator
        ),
        lambda: services.lakvak_verwijderen(getekend, door=coordinator),
    ]
    # Then each is refused, saying why, and nothing changes
    for poging in pogingen:
        with pytest.raises(ValidationError) as fout:
            poging()
        assert veld in fout.value.message_dict
    assert momentopname() == voor


# --- drawing a box ---------------------------------------------------------------------------------


def _woordvak(pdf: bytes, woord: str, *, gedraaid: bool = False) -> tuple[float, float, float, float]:
    """Where `woord` is on page 1: in the PDF's page coordinates, or as shown (rotation applied)."""
    with pymupdf.open(stream=pdf, filetype="pdf") as gelezen:
        pagina = gelezen[0]
        vak = pagina.search_for(woord)[0]
        if gedraaid:
            vak = vak * pagina.rotation_matrix
            vak.normalize()
        return (vak.x0, vak.y0, vak.x1, vak.y1)


def test_een_getekend_vak_wordt_meteen_gelakt(verzoek: WooVerzoek, coordinator: Medewerker) -> None:
    # Given a letter with a signature line
    pdf = pdf_maken(BRIEF)
    document = document_maken(verzoek, pdf)
    x0, y0, x1, y1 = _woordvak(pdf, "Zeemeeuw")
    # When the assessor draws a box over "Zeemeeuw"
    vak = services.lakvak_tekenen(
        document,
        pagina=1,
        x0=x0 - 1,
        y0=y0,
        x1=x1 + 1,
        y1=y1,
        grond="5.1.2.i",
        motivering="Lopend onderzoek",
        door=coordinator,
    )
    # Then it is stored accepted, with the normalised ground and the word under it
    assert vak.status == Vakstatus.GEACCEPTEERD
    assert vak.herkomst == Herkomst.GETEKEND
    assert vak.grond == "5.1.2i"
    assert vak.soort == services.HANDMATIG
    assert vak.tekst == "Zeemeeuw"
    assert vak.beoordeeld_door == coordinator
    assert vak.motivering == "Lopend onderzoek"
    assert vak.rechthoek == pytest.approx((x0 - 1, y0, x1 + 1, y1))


def test_een_vak_over_een_lege_plek_heeft_geen_tekst_en_wordt_geverifieerd(
    verzoek: WooVerzoek, coordinator: Medewerker
) -> None:
    # Given a box drawn where a signature image would be (no text under it)
    pdf = pdf_maken(BRIEF)
    document = document_maken(verzoek, pdf)
    vak = services.lakvak_tekenen(
        document, pagina=1, x0=72, y0=300, x1=250, y1=360, grond="5.1.2e", door=coordinator
    )
    assert vak.tekst == ""
    # When it is applied, the verification has nothing to look for but the box itself
    gelakt = lakken.lakken(pdf, selectors.geaccepteerde_redacties(document))
    assert gelakt.controle.in_orde, gelakt.controle.bevindingen


def test_een_vak_op_een_gedraaide_pagina_komt_op_de_getoonde_plek(
    verzoek: WooVerzoek, coordinator: Medewerker
) -> None:
    # Given a page shown rotated by 90 degrees
    pdf = pdf_maken(BRIEF, rotatie=90)
    document = document_maken(verzoek, pdf)
    x0, y0, x1, y1 = _woordvak(pdf, "Zeemeeuw", gedraaid=True)
    # When a box is drawn where the word is shown
    vak = services.lakvak_tekenen(
        document, pagina=1, x0=x0, y0=y0 - 1, x1=x1, y1=y1 + 1, grond="5.1.2e", door=coordinator
    )
    # Then it lies over the word in the PDF's own coordinates, and the page view shows it there
    assert vak.tekst == "Zeemeeuw"
    assert vak.rechthoek == pytest.approx(_woordvak(pdf, "Zeemeeuw"), abs=1.1)
    weergave = selectors.paginaweergave(document, 1)
    assert weergave is not None
    assert (weergave.breedte, weergave.hoogte) == (842, 595)
    getoond = weergave.vakken[0]
    assert (getoond.x, getoond.y, getoond.breedte, getoond.hoogte) == pytest.approx(
        (x0, y0 - 1, x1 - x0, y1 - y0 + 2), abs=0.01
    )
    # And the redaction engine removes the word from the rotated page
    gelakt = lakken.lakken(pdf, selectors.geaccepteerde_redacties(document))
    assert gelakt.controle.in_orde, gelakt.controle.bevindingen
    with pymupdf.open(stream=gelakt.inhoud, filetype="pdf") as uitvoer:
        assert "Zeemeeuw" not in uitvoer[0].get_text()
        assert "Wethouder" in uitvoer[0].get_text()


@pytest.mark.parametrize(
    ("invoer", "veld"),
    [
        ({"pagina": 2}, "pagina"),
        ({"pagina": 0}, "pagina"),
        ({"x0": -5}, "x0"),
        ({"x1": 600}, "x1"),
        ({"y1": 900}, "y1"),
        ({"x1": 100}, "x1"),  # right of the left edge
        ({"x1": 101.5}, "x1"),  # 1.5 pt wide
        ({"y1": 201}, "y1"),  # 1 pt high
        ({"y0": float("nan")}, "y0"),
        ({"grond": "9.9"}, "grond"),
        ({"grond": "10.2.e"}, "grond"),  # a Wob code: kept on old files, not chosen for new ones
        ({"motivering": "x" * 2001}, "motivering"),
    ],
)
def test_een_getekend_vak_moet_op_de_pagina_liggen_met_een_bekende_grond(
    brief: Document, coordinator: Medewerker, invoer: dict[str, Any], veld: str
) -> None:
    gegevens: dict[str, Any] = {"pagina": 1, "x0": 100, "y0": 200, "x1": 300, "y1": 250, "grond": "5.1.2e"}
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.lakvak_tekenen(brief, **(gegevens | invoer), door=coordinator)
    assert veld in fout.value.message_dict
    assert momentopname() == voor


def test_tekenen_meldt_alle_fouten_tegelijk(brief: Document, coordinator: Medewerker) -> None:
    with pytest.raises(ValidationError) as fout:
        services.lakvak_tekenen(brief, pagina=1, x0=100, y0=200, x1=90, y1=900, grond="", door=coordinator)
    assert set(fout.value.message_dict) == {"x1", "y1", "grond"}


def test_tekenen_zonder_het_recht_wordt_geweigerd(brief: Document, griffiemedewerker: Medewerker) -> None:
    with pytest.raises(PermissionDenied):
        services.lakvak_tekenen(
            brief, pagina=1, x0=100, y0=200, x1=300, y1=250, grond="5.1.2e", door=griffiemedewerker
        )
    assert not Lakvak.objects.exists()


def test_een_document_zonder_pdf_kan_geen_vak_krijgen(verzoek: WooVerzoek, coordinator: Medewerker) -> None:
    document = document_maken(verzoek, pdf_maken(["Leeg"]))
    Document.objects.filter(pk=document.pk).update(pdf="")
    document.refresh_from_db()
    with pytest.raises(ValidationError) as fout:
        services.lakvak_tekenen(
            document, pagina=1, x0=100, y0=200, x1=300, y1=250, grond="5.1.2e", door=coordinator
        )
    assert "pagina" in fout.value.message_dict


def test_getekende_vakken_worden_verwijderd_voorstellen_afgewezen(
    brief: Document, coordinator: Medewerker
) -> None:
    services.voorstellen_maken(brief)
    getekend = services.lakvak_tekenen(
        brief, pagina=1, x0=400, y0=700, x1=500, y1=760, grond="5.1.2e", door=coordinator
    )
    services.lakvak_verwijderen(getekend, door=coordinator)
    assert not Lakvak.objects.filter(pk=getekend.pk).exists()
    voorstel = Lakvak.objects.get(document=brief, tekst=BSN)
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.lakvak_verwijderen(voorstel, door=coordinator)
    assert "lakvak" in fout.value.message_dict
    assert momentopname() == voor


# --- search terms ----------------------------------------------------------------------------------


def test_een_zoekterm_wordt_in_alle_documenten_gelakt(
    verzoek: WooVerzoek, brief: Document, coordinator: Medewerker
) -> None:
    # Given the project name in two documents, once over a line break, and an approved third one
    notitie = document_maken(verzoek, pdf_maken(NOTITIE), titel="Notitie")
    verslag = document_maken(verzoek, pdf_maken(["Over het Project", "Zeemeeuw is nog niets besloten."]))
    goedgekeurd = document_maken(verzoek, pdf_maken(["Project Zeemeeuw"]))
    _goedkeuren(goedgekeurd)
    # When the assessor withholds the term, in lower case
    aantal = services.zoekterm_lakken(verzoek, term="  project   zeemeeuw ", grond="5.1.2i", door=coordinator)
    # Then every occurrence is an accepted box (two lines where it breaks), the approved one untouched
    vakken = Lakvak.objects.filter(herkomst=Herkomst.ZOEKTERM)
    assert aantal == vakken.count() == 4
    assert {vak.document_id for vak in vakken} == {brief.pk, notitie.pk, verslag.pk}
    assert set(vakken.values_list("status", "grond", "soort")) == {
        (Vakstatus.GEACCEPTEERD, "5.1.2i", services.HANDMATIG)
    }
    assert set(teksten(verslag)) == {"Project Zeemeeuw"}
    assert not Lakvak.objects.filter(document=goedgekeurd).exists()
    # And the same term again adds nothing
    assert services.zoekterm_lakken(verzoek, term="Project Zeemeeuw", grond="5.1.2i", door=coordinator) == 0
    # And the redaction removes it, also over the line break
    gelakt = lakken.lakken(
        pdf_maken(["Over het Project", "Zeemeeuw is nog niets besloten."]),
        selectors.geaccepteerde_redacties(verslag),
    )
    assert gelakt.controle.in_orde, gelakt.controle.bevindingen


def test_een_zoekterm_vindt_alleen_hele_woorden(verzoek: WooVerzoek, coordinator: Medewerker) -> None:
    document = document_maken(verzoek, pdf_maken(["De Bosch-brug bij het bos en Bosman."]))
    assert services.zoekterm_lakken(verzoek, term="Bos", grond="5.1.2e", door=coordinator) == 1
    assert teksten(document) == ["bos"]


@pytest.mark.parametrize(
    ("term", "grond", "velden"),
    [
        ("a", "5.1.2e", {"term"}),
        ("  ", "5.1.2e", {"term"}),
        ("x" * 201, "5.1.2e", {"term"}),
        ("Zeemeeuw", "5.3", {"grond"}),
    ],
)
def test_een_zoekterm_heeft_twee_tekens_en_een_bekende_grond(
    verzoek: WooVerzoek, brief: Document, coordinator: Medewerker, term: str, grond: str, velden: set[str]
) -> None:
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.zoekterm_lakken(verzoek, term=term, grond=grond, door=coordinator)
    assert set(fout.value.message_dict) == velden
    assert momentopname() == voor


def test_een_zoekterm_in_een_besloten_verzoek_wordt_geweigerd(
    verzoek: WooVerzoek, brief: Document, coordinator: Medewerker, griffiemedewerker: Medewerker
) -> None:
    with pytest.raises(PermissionDenied):
        services.zoekterm_lakken(verzoek, term="Zeemeeuw", grond="5.1.2e", door=griffiemedewerker)
    _besluiten(verzoek)
    with pytest.raises(ValidationError) as fout:
        services.zoekterm_lakken(verzoek, term="Zeemeeuw", grond="5.1.2e", door=coordinator)
    assert "term" in fout.value.message_dict
    assert not Lakvak.objects.exists()


# --- the visible names -----------------------------------------------------------------------------


def test_zichtbare_namen_toevoegen_en_verwijderen(coordinator: Medewerker) -> None:
    naam = services.zichtbare_naam_toevoegen(naam="  Karin   Smit ", functie="wethouder", door=coordinator)
    assert (naam.naam, naam.functie, naam.toegevoegd_door) == ("Karin Smit", "wethouder", coordinator)
    assert "Karin Smit" in selectors.zichtbare_namen()
    with pytest.raises(ValidationError) as fout:
        services.zichtbare_naam_toevoegen(naam="karin smit", door=coordinator)
    assert "naam" in fout.value.message_dict
    services.zichtbare_naam_verwijderen(naam, door=coordinator)
    assert "Karin Smit" not in selectors.zichtbare_namen()


@pytest.mark.parametrize(
    ("naam", "functie", "veld"),
    [("", "", "naam"), ("K", "", "naam"), ("x" * 201, "", "naam"), ("Karin Smit", "x" * 201, "functie")],
)
def test_een_zichtbare_naam_moet_kloppen(coordinator: Medewerker, naam: str, functie: str, veld: str) -> None:
    with pytest.raises(ValidationError) as fout:
        services.zichtbare_naam_toevoegen(naam=naam, functie=functie, door=coordinator)
    assert veld in fout.value.message_dict
    assert not ZichtbareNaam.objects.exists()


def test_alleen_de_coordinator_beheert_de_zichtbare_namen(
    behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    with pytest.raises(PermissionDenied):
        services.zichtbare_naam_toevoegen(naam="Karin Smit", door=behandelaar)
    naam = services.zichtbare_naam_toevoegen(naam="Karin Smit", door=coordinator)
    with pytest.raises(PermissionDenied):
        services.zichtbare_naam_verwijderen(naam, door=behandelaar)
    assert ZichtbareNaam.objects.count() == 1


# --- what the approval applies ---------------------------------------------------------------------


def test_de_geaccepteerde_vakken_worden_echt_gelakt(brief: Document, coordinator: Medewerker) -> None:
    # Given every proposal accepted except the name, which stays readable
    services.voorstellen_maken(brief)
    for vak in Lakvak.objects.filter(document=brief, status=Vakstatus.VOORGESTELD):
        vak.refresh_from_db()
        if vak.status == Vakstatus.VOORGESTELD:
            status = Vakstatus.AFGEWEZEN if vak.soort == "naam" else Vakstatus.GEACCEPTEERD
            services.lakvak_beoordelen(vak, status=status, door=coordinator)
    redacties = selectors.geaccepteerde_redacties(brief)
    assert {redactie.tekst for redactie in redacties} >= {BSN, IBAN, EMAIL}
    assert all(redactie.soort != "naam" for redactie in redacties)
    # When the engine applies them
    gelakt = lakken.lakken(pdf_van(brief), redacties)
    # Then they are gone and verified, and the rest is intact
    assert gelakt.controle.in_orde, gelakt.controle.bevindingen
    with pymupdf.open(stream=gelakt.inhoud, filetype="pdf") as uitvoer:
        tekst = uitvoer[0].get_text()
    assert BSN not in tekst
    assert IBAN not in tekst
    assert EMAIL not in tekst
    assert NAAM in tekst
    assert "Met vriendelijke groet" in tekst


def test_lakvakken_van_geeft_de_vakken_per_pagina_in_leesvolgorde(
    verzoek: WooVerzoek, coordinator: Medewerker
) -> None:
    document = document_maken(verzoek, pdf_maken(BRIEF, NOTITIE))
    services.voorstellen_maken(document)
    alle = list(selectors.lakvakken_van(document))
    assert [vak.pagina for vak in alle] == sorted(vak.pagina for vak in alle)
    tweede = list(selectors.lakvakken_van(document, pagina=2))
    assert tweede
    assert all(vak.pagina == 2 for vak in tweede)
    assert [vak.y0 for vak in tweede] == sorted(vak.y0 for vak in tweede)
    assert selectors.aantallen_per_status(document)["voorgesteld"] == len(alle)
