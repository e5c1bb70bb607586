"""The assessment of a Woo request's documents (issue 9, point 4) and the approval that makes the
publishable PDF (point 6): the rules per oordeel, four eyes, a failed redaction check blocking the
approval, duplicates following their original, the motivation per ground, and third parties whose
zienswijze suspends the decision term (Woo art. 4.4 lid 3). The services first, then the pages.

The documents are generated PDFs with known text, stored as a Document with Lakvak rows made
directly (the upload and the box screens are other parts of the module)."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

import pymupdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.models import Logregel
from raadhuis.woo.models import (
    Beoordelingsstatus,
    Derde,
    Document,
    Documentsoort,
    Grondmotivering,
    Herkomst,
    Kanaal,
    Lakvak,
    Oordeel,
    Opschorting,
    Opschortingssoort,
    Vakstatus,
    Verzoekstatus,
    WooVerzoek,
)
from raadhuis.woo.selectors import beoordeling as selectors
from raadhuis.woo.services import beoordeling as services
from raadhuis.woo.services import verzoeken as verzoekservices

pytestmark = pytest.mark.django_db

NAAM = "Jan Jansen"
BSN = "999993653"
REGELS = (
    f"Geachte heer {NAAM},",
    f"Uw burgerservicenummer is {BSN}.",
    "De subsidie voor de sportclub is toegekend.",
)


def medewerker(*rollen: str, **velden: str) -> Medewerker:
    gemaakt = MedewerkerFactory(rollen=list(rollen), **velden)
    assert isinstance(gemaakt, Medewerker)
    return gemaakt


# --- fixtures and helpers -------------------------------------------------------------------------


@pytest.fixture
def behandelaar(db: None) -> Medewerker:
    """Assesses documents but may not approve (WOO_DOCUMENTEN_BEOORDELEN only)."""
    return medewerker(Rol.BEHANDELAAR, first_name="Bea", last_name="Beoordelaar")


@pytest.fixture
def coordinator(db: None) -> Medewerker:
    """The second pair of eyes (WOO_BEOORDELING_GOEDKEUREN) who also handles the request."""
    return medewerker(Rol.WOO_COORDINATOR, first_name="Coco", last_name="Coördinator")


def sportverzoek(door: Medewerker) -> WooVerzoek:
    """The request these tests assess, registered by `door` (e-mail, received today)."""
    return verzoekservices.verzoek_registreren(
        onderwerp="Subsidies sportclubs",
        omschrijving="Alle brieven over subsidies aan sportclubs.",
        ontvangen_op=timezone.localdate(),
        kanaal=Kanaal.EMAIL,
        verzoeker_naam="A. Verzoeker",
        emailadres="verzoeker@example.org",
        door=door,
    )


@pytest.fixture
def verzoek(coordinator: Medewerker) -> WooVerzoek:
    return sportverzoek(coordinator)


def pdf_maken(*regels: str, auteur: str = "") -> bytes:
    """A one-page PDF with the lines given (and an author in its metadata, if given)."""
    with pymupdf.open() as pdf:
        pagina = pdf.new_page()
        for index, regel in enumerate(regels):
            pagina.insert_text((72, 72 + 24 * index), regel, fontsize=11)
        if auteur:
            pdf.set_metadata({"author": auteur, "title": "Vertrouwelijk"})
        inhoud: bytes = pdf.tobytes()
    return inhoud


def pdf_tekst(inhoud: bytes) -> str:
    with pymupdf.open(stream=inhoud, filetype="pdf") as pdf:
        return "".join(pagina.get_text() for pagina in pdf)


def rechthoek(inhoud: bytes, tekst: str) -> tuple[float, float, float, float]:
    with pymupdf.open(stream=inhoud, filetype="pdf") as pdf:
        treffer = pdf[0].search_for(tekst)[0]
        return (treffer.x0, treffer.y0, treffer.x1, treffer.y1)


def document_maken(
    verzoek: WooVerzoek,
    *,
    nummer: str = "1",
    inhoud: bytes | None = None,
    dubbel_van: Document | None = None,
) -> Document:
    inhoud = inhoud if inhoud is not None else pdf_maken(*REGELS)
    document = Document(
        verzoek=verzoek,
        sleutel=f"upload-{nummer}",
        nummer=nummer,
        volgorde=int(nummer.split(".")[0]),
        naam=f"brief-{nummer}.pdf",
        titel=f"Brief {nummer}",
        soort=Documentsoort.PDF,
        mediatype="application/pdf",
        sha256=hashlib.sha256(inhoud).hexdigest(),
        grootte=len(inhoud),
        paginas=1,
        dubbel_van=dubbel_van,
    )
    document.origineel.save("brief.pdf", ContentFile(inhoud), save=False)
    document.pdf.save("brief.pdf", ContentFile(inhoud), save=False)
    document.save()
    return document


def vak_maken(
    document: Document,
    tekst: str,
    *,
    status: str = Vakstatus.GEACCEPTEERD,
    grond: str = "5.1.2e",
    soort: str = "naam",
    op: tuple[float, float, float, float] | None = None,
) -> Lakvak:
    """A box over `tekst` where it stands in the PDF, or at `op` (then it may not cover it)."""
    with document.pdf.open("rb") as bestand:
        inhoud = bestand.read()
    x0, y0, x1, y1 = op if op is not None else rechthoek(inhoud, tekst)
    vak: Lakvak = Lakvak.objects.create(
        document=document,
        pagina=1,
        x0=x0,
        y0=y0,
        x1=x1,
        y1=y1,
        tekst=tekst,
        soort=soort,
        grond=grond,
        herkomst=Herkomst.AUTOMATISCH,
        status=status,
    )
    return vak


def beoordelen(document: Document, door: Medewerker, **extra: Any) -> Document:
    gegevens: dict[str, Any] = {
        "oordeel": Oordeel.DEELS_OPENBAAR,
        "gronden": [],
        "motivering": "Namen en het BSN van de aanvrager zijn gelakt.",
    }
    return services.document_beoordelen(document, **(gegevens | extra), door=door)


def momentopname() -> tuple[Any, ...]:
    """What a refused change must leave alone."""
    return (
        list(Document.objects.order_by("pk").values()),
        list(Lakvak.objects.order_by("pk").values()),
        list(Derde.objects.order_by("pk").values()),
        list(Grondmotivering.objects.order_by("pk").values("grond", "motivering")),
        list(Opschorting.objects.order_by("pk").values()),
        list(WooVerzoek.objects.order_by("pk").values()),
        Logregel.objects.count(),
    )


def gelakte_inhoud(document: Document) -> bytes:
    with document.gelakt.open("rb") as bestand:
        inhoud: bytes = bestand.read()
    return inhoud


# --- assessing and approving: the happy path ------------------------------------------------------


def test_deels_openbaar_beoordeeld_en_door_een_ander_goedgekeurd_geeft_een_echt_gelakte_pdf(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    # Given a letter with a name and a BSN, both accepted as boxes
    document = document_maken(verzoek, inhoud=pdf_maken(*REGELS, auteur="Ambtenaar Geheim"))
    vak_maken(document, NAAM)
    vak_maken(document, BSN, grond="5.1.1e", soort="bsn")
    # When the behandelaar assesses it deels openbaar
    document = beoordelen(document, behandelaar)
    # Then it waits for a second person
    assert document.beoordelingsstatus == Beoordelingsstatus.TER_CONTROLE
    assert document.beoordeeld_door == behandelaar
    assert document.beoordeeld_op is not None
    # When the coordinator approves it
    document = services.beoordeling_goedkeuren(document, door=coordinator)
    # Then the redacted PDF is stored, verified, and the redacted strings cannot be extracted
    document.refresh_from_db()
    assert document.beoordelingsstatus == Beoordelingsstatus.GOEDGEKEURD
    assert document.gecontroleerd_door == coordinator
    assert document.gecontroleerd_op is not None
    assert document.lakbevindingen == []
    inhoud = gelakte_inhoud(document)
    assert document.gelakt_sha256 == hashlib.sha256(inhoud).hexdigest()
    assert document.gelakt_op is not None
    tekst = pdf_tekst(inhoud)
    assert NAAM not in tekst
    assert BSN not in tekst
    assert "De subsidie voor de sportclub is toegekend." in tekst
    assert "5.1.2e" in tekst
    assert "5.1.1e" in tekst
    with pymupdf.open(stream=inhoud, filetype="pdf") as pdf:
        assert not any(v for k, v in (pdf.metadata or {}).items() if k not in {"format", "encryption"})
    # and both steps are in the logboek
    assert Logregel.objects.filter(naam="woo-document.beoordelen").count() == 1
    assert Logregel.objects.filter(naam="woo-document.goedkeuren").count() == 1


def test_openbaar_krijgt_een_pdf_zonder_lakvakken_maar_zonder_metadata(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    document = document_maken(verzoek, inhoud=pdf_maken("Openbare notitie.", auteur="P. Geheim"))
    vak_maken(document, "Openbare", status=Vakstatus.AFGEWEZEN)
    beoordelen(document, behandelaar, oordeel=Oordeel.OPENBAAR)
    document = services.beoordeling_goedkeuren(document, door=coordinator)
    inhoud = gelakte_inhoud(document)
    assert "Openbare notitie." in pdf_tekst(inhoud)
    with pymupdf.open(stream=inhoud, filetype="pdf") as pdf:
        assert not (pdf.metadata or {}).get("author")
        assert not (pdf.metadata or {}).get("title")


@pytest.mark.parametrize(
    ("oordeel", "extra"),
    [
        (Oordeel.NIET_OPENBAAR, {"gronden": ["5.1.2.e"]}),
        (Oordeel.REEDS_OPENBAAR, {"vindplaats": "https://www.example.nl/besluit.pdf"}),
    ],
)
def test_niet_en_reeds_openbaar_krijgen_geen_gelakte_pdf(
    verzoek: WooVerzoek,
    behandelaar: Medewerker,
    coordinator: Medewerker,
    oordeel: str,
    extra: dict[str, Any],
) -> None:
    document = document_maken(verzoek)
    vak_maken(document, NAAM, status=Vakstatus.VOORGESTELD)
    beoordelen(document, behandelaar, oordeel=oordeel, **extra)
    document = services.beoordeling_goedkeuren(document, door=coordinator)
    document.refresh_from_db()
    assert document.beoordelingsstatus == Beoordelingsstatus.GOEDGEKEURD
    assert not document.gelakt
    assert document.gelakt_sha256 == ""
    if oordeel == Oordeel.NIET_OPENBAAR:
        assert document.gronden == ["5.1.2e"]
    else:
        assert document.vindplaats == "https://www.example.nl/besluit.pdf"


def test_getekend_vak_zonder_tekst_over_een_handtekening_wordt_geverifieerd(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    # Given a box drawn over a signature line: the box records no text
    document = document_maken(verzoek, inhoud=pdf_maken("Brief over de subsidie.", "Handtekening Pietersen"))
    vak_maken(
        document,
        "",
        soort="handmatig",
        op=rechthoek(
            pdf_maken("Brief over de subsidie.", "Handtekening Pietersen"), "Handtekening Pietersen"
        ),
    )
    beoordelen(document, behandelaar)
    # When it is approved, the check passes and the signature line is gone
    document = services.beoordeling_goedkeuren(document, door=coordinator)
    tekst = pdf_tekst(gelakte_inhoud(document))
    assert "Pietersen" not in tekst
    assert "Brief over de subsidie." in tekst


# --- four eyes ------------------------------------------------------------------------------------


def test_wie_beoordeelde_mag_niet_zelf_goedkeuren(verzoek: WooVerzoek, coordinator: Medewerker) -> None:
    # Given a document the coordinator assessed herself
    document = document_maken(verzoek)
    vak_maken(document, NAAM)
    beoordelen(document, coordinator)
    voor = momentopname()
    # When she tries to approve it, it is refused and nothing changes
    with pytest.raises(ValidationError) as fout:
        services.beoordeling_goedkeuren(document, door=coordinator)
    assert "zelf beoordeeld" in str(fout.value)
    assert momentopname() == voor
    # and she cannot send it back either
    with pytest.raises(ValidationError):
        services.beoordeling_terugsturen(document, opmerking="Graag opnieuw", door=coordinator)
    assert momentopname() == voor


def test_zonder_het_recht_tot_goedkeuren_wordt_geweigerd(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    # Given a document the coordinator assessed
    document = document_maken(verzoek)
    vak_maken(document, NAAM)
    beoordelen(document, coordinator)
    voor = momentopname()
    # When the behandelaar (another person, but without the right) approves or sends it back
    with pytest.raises(PermissionDenied):
        services.beoordeling_goedkeuren(document, door=behandelaar)
    with pytest.raises(PermissionDenied):
        services.beoordeling_terugsturen(document, opmerking="Niet goed", door=behandelaar)
    # Then nothing changed
    assert momentopname() == voor


def test_een_griffiemedewerker_mag_niet_beoordelen(verzoek: WooVerzoek) -> None:
    document = document_maken(verzoek)
    griffier = medewerker(Rol.GRIFFIE)
    with pytest.raises(PermissionDenied):
        beoordelen(document, griffier, oordeel=Oordeel.OPENBAAR)


def test_terugsturen_met_opmerking_en_daarna_opnieuw_beoordelen(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    document = document_maken(verzoek)
    vak_maken(document, NAAM)
    beoordelen(document, behandelaar)
    # Without a reason it is refused
    with pytest.raises(ValidationError) as fout:
        services.beoordeling_terugsturen(document, opmerking="  ", door=coordinator)
    assert "opmerking" in fout.value.message_dict
    # With one the document goes back to the assessor
    document = services.beoordeling_terugsturen(
        document, opmerking="Het BSN staat er nog in.", door=coordinator
    )
    assert document.beoordelingsstatus == Beoordelingsstatus.TE_BEOORDELEN
    assert document.controle_opmerking == "Het BSN staat er nog in."
    # and it cannot be approved until assessed again
    with pytest.raises(ValidationError):
        services.beoordeling_goedkeuren(document, door=coordinator)
    vak_maken(document, BSN, grond="5.1.1e", soort="bsn")
    beoordelen(document, behandelaar)
    document = services.beoordeling_goedkeuren(document, door=coordinator)
    assert document.beoordelingsstatus == Beoordelingsstatus.GOEDGEKEURD
    assert BSN not in pdf_tekst(gelakte_inhoud(document))


# --- a failed verification blocks the approval ----------------------------------------------------


def test_mislukte_lakcontrole_weigert_goedkeuring_en_bewaart_alleen_de_bevindingen(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    # Given a box that claims to redact the name but lies elsewhere on the page (the name stays)
    document = document_maken(verzoek)
    vak = vak_maken(document, NAAM, op=(300.0, 600.0, 400.0, 620.0))
    beoordelen(document, behandelaar)
    # When the coordinator approves
    with pytest.raises(ValidationError) as fout:
        services.beoordeling_goedkeuren(document, door=coordinator)
    # Then the approval is refused, listing what the check found
    meldingen = fout.value.message_dict["lakbevindingen"]
    assert "mislukt" in meldingen[0]
    assert any("gelakte tekst nog leesbaar" in melding for melding in meldingen[1:])
    # and only the findings were stored: no redacted file, not approved, publication blocked
    document.refresh_from_db()
    assert document.beoordelingsstatus == Beoordelingsstatus.TER_CONTROLE
    assert document.lakbevindingen
    assert "gelakte tekst nog leesbaar" in document.lakbevindingen[0]
    assert not document.gelakt
    assert document.gelakt_sha256 == ""
    assert document.gecontroleerd_door is None
    assert Logregel.objects.filter(naam="woo-document.lakcontrole-mislukt").count() == 1
    # When the box is put where the name is and the document is approved again
    with document.pdf.open("rb") as bestand:
        vak.x0, vak.y0, vak.x1, vak.y1 = rechthoek(bestand.read(), NAAM)
    vak.save()
    document = services.beoordeling_goedkeuren(document, door=coordinator)
    # Then it passes and the findings are gone
    document.refresh_from_db()
    assert document.beoordelingsstatus == Beoordelingsstatus.GOEDGEKEURD
    assert document.lakbevindingen == []
    assert NAAM not in pdf_tekst(gelakte_inhoud(document))


# --- the rules per oordeel ------------------------------------------------------------------------


def test_niet_openbaar_vraagt_een_bekende_grond_en_normaliseert_de_code(
    verzoek: WooVerzoek, behandelaar: Medewerker
) -> None:
    document = document_maken(verzoek)
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        beoordelen(document, behandelaar, oordeel=Oordeel.NIET_OPENBAAR, gronden=[])
    assert "gronden" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        beoordelen(document, behandelaar, oordeel=Oordeel.NIET_OPENBAAR, gronden=["9.9.9z"])
    assert "geen weigeringsgrond" in fout.value.message_dict["gronden"][0]
    assert momentopname() == voor
    document = beoordelen(
        document, behandelaar, oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.2", "5.1.2.e", "5.1.2e "]
    )
    # Known codes, each once, in the order of the law
    assert document.gronden == ["5.1.2e", "5.2"]


def test_deels_openbaar_vraagt_een_geaccepteerd_vak_en_geen_openstaande(
    verzoek: WooVerzoek, behandelaar: Medewerker
) -> None:
    document = document_maken(verzoek)
    with pytest.raises(ValidationError) as fout:
        beoordelen(document, behandelaar)
    assert "ten minste één gelakte passage" in fout.value.message_dict["oordeel"][0]
    vak_maken(document, NAAM)
    vak_maken(document, BSN, status=Vakstatus.VOORGESTELD, soort="bsn", grond="5.1.1e")
    with pytest.raises(ValidationError) as fout:
        beoordelen(document, behandelaar)
    assert "voorgestelde lakvakken" in fout.value.message_dict["oordeel"][0]
    Lakvak.objects.filter(tekst=BSN).update(status=Vakstatus.AFGEWEZEN)
    assert beoordelen(document, behandelaar).oordeel == Oordeel.DEELS_OPENBAAR


def test_openbaar_mag_geen_geaccepteerde_of_openstaande_vakken_hebben(
    verzoek: WooVerzoek, behandelaar: Medewerker
) -> None:
    document = document_maken(verzoek)
    vak = vak_maken(document, NAAM)
    with pytest.raises(ValidationError) as fout:
        beoordelen(document, behandelaar, oordeel=Oordeel.OPENBAAR)
    assert "deels openbaar" in fout.value.message_dict["oordeel"][0]
    vak.status = Vakstatus.VOORGESTELD
    vak.save()
    with pytest.raises(ValidationError) as fout:
        beoordelen(document, behandelaar, oordeel=Oordeel.OPENBAAR)
    assert "voorgestelde" in fout.value.message_dict["oordeel"][0]
    vak.status = Vakstatus.AFGEWEZEN
    vak.save()
    assert beoordelen(document, behandelaar, oordeel=Oordeel.OPENBAAR).oordeel == Oordeel.OPENBAAR


@pytest.mark.parametrize(
    ("extra", "veld"),
    [
        ({"oordeel": Oordeel.REEDS_OPENBAAR}, "vindplaats"),
        ({"oordeel": Oordeel.REEDS_OPENBAAR, "vindplaats": "ergens op internet"}, "vindplaats"),
        ({"oordeel": Oordeel.REEDS_OPENBAAR, "vindplaats": "javascript:alert(1)"}, "vindplaats"),
        ({"oordeel": Oordeel.OPENBAAR, "gronden": ["5.1.2e"]}, "gronden"),
        ({"oordeel": "half_openbaar"}, "oordeel"),
        ({"oordeel": Oordeel.NIET_OPENBAAR, "gronden": ["5.1.2e"], "opmerking": "x" * 501}, "opmerking"),
    ],
)
def test_ongeldige_beoordeling_wordt_geweigerd_en_verandert_niets(
    verzoek: WooVerzoek, behandelaar: Medewerker, extra: dict[str, Any], veld: str
) -> None:
    document = document_maken(verzoek)
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        beoordelen(document, behandelaar, **extra)
    assert veld in fout.value.message_dict
    assert momentopname() == voor


def test_vindplaats_alleen_bij_reeds_openbaar(verzoek: WooVerzoek, behandelaar: Medewerker) -> None:
    document = document_maken(verzoek)
    document = beoordelen(
        document,
        behandelaar,
        oordeel=Oordeel.NIET_OPENBAAR,
        gronden=["5.1.1d"],
        vindplaats="https://www.example.nl/",
    )
    assert document.vindplaats == ""


def test_goedgekeurd_of_afgesloten_verandert_de_beoordeling_niet(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    document = document_maken(verzoek)
    beoordelen(document, behandelaar, oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.1.2e"])
    services.beoordeling_goedkeuren(document, door=coordinator)
    with pytest.raises(ValidationError) as fout:
        beoordelen(document, behandelaar, oordeel=Oordeel.OPENBAAR)
    assert "al goedgekeurd" in fout.value.message_dict["oordeel"][0]
    # A decided request: no assessment, approval or sending back any more
    ander = document_maken(verzoek, nummer="2")
    beoordelen(ander, behandelaar, oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.1.2e"])
    WooVerzoek.objects.filter(pk=verzoek.pk).update(status=Verzoekstatus.BESLOTEN)
    voor = momentopname()
    with pytest.raises(ValidationError):
        beoordelen(ander, behandelaar, oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.1.2e"])
    with pytest.raises(ValidationError):
        services.beoordeling_goedkeuren(ander, door=coordinator)
    with pytest.raises(ValidationError):
        services.beoordeling_terugsturen(ander, opmerking="Opnieuw", door=coordinator)
    assert momentopname() == voor


def test_vakken_gewijzigd_na_beoordeling_blokkeren_de_goedkeuring(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    # Given an assessment openbaar, after which a new suggestion came in
    document = document_maken(verzoek)
    beoordelen(document, behandelaar, oordeel=Oordeel.OPENBAAR)
    vak_maken(document, NAAM, status=Vakstatus.VOORGESTELD)
    # Then the rules are checked again on approval
    with pytest.raises(ValidationError) as fout:
        services.beoordeling_goedkeuren(document, door=coordinator)
    assert "voorgestelde" in fout.value.message_dict["oordeel"][0]


# --- duplicates -----------------------------------------------------------------------------------


def test_een_dubbel_volgt_het_origineel(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    origineel = document_maken(verzoek)
    dubbel = document_maken(verzoek, nummer="2", dubbel_van=origineel)
    # A duplicate is not assessed on its own: the message points at the original
    with pytest.raises(ValidationError) as fout:
        beoordelen(dubbel, behandelaar, oordeel=Oordeel.OPENBAAR)
    assert "dubbel van document 1" in fout.value.message_dict["oordeel"][0]
    # Taking over is refused while the original is not approved
    with pytest.raises(ValidationError):
        services.beoordeling_overnemen(dubbel, door=behandelaar)
    # When the original is assessed and approved, the duplicate takes over the assessment
    vak_maken(origineel, NAAM)
    beoordelen(origineel, behandelaar)
    services.beoordeling_goedkeuren(origineel, door=coordinator)
    dubbel.refresh_from_db()
    assert dubbel.oordeel == Oordeel.DEELS_OPENBAAR
    assert dubbel.beoordelingsstatus == Beoordelingsstatus.GOEDGEKEURD
    assert dubbel.gecontroleerd_door == coordinator
    assert dubbel.gelakt
    assert dubbel.gelakt.name != origineel.gelakt.name
    assert NAAM not in pdf_tekst(gelakte_inhoud(dubbel))
    assert dubbel.gelakt_sha256 == hashlib.sha256(gelakte_inhoud(dubbel)).hexdigest()


def test_een_later_gevonden_dubbel_neemt_de_goedgekeurde_beoordeling_over(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    origineel = document_maken(verzoek)
    vak_maken(origineel, NAAM)
    beoordelen(origineel, behandelaar)
    services.beoordeling_goedkeuren(origineel, door=coordinator)
    dubbel = document_maken(verzoek, nummer="2", dubbel_van=origineel)
    dubbel = services.beoordeling_overnemen(dubbel, door=behandelaar)
    assert dubbel.beoordelingsstatus == Beoordelingsstatus.GOEDGEKEURD
    assert dubbel.oordeel == Oordeel.DEELS_OPENBAAR
    assert NAAM not in pdf_tekst(gelakte_inhoud(dubbel))
    # A document that is no duplicate has nothing to take over
    with pytest.raises(ValidationError):
        services.beoordeling_overnemen(document_maken(verzoek, nummer="3"), door=behandelaar)


# --- the motivation per ground and the grounds used -----------------------------------------------


def test_grondmotivering_wordt_bijgewerkt_en_gecontroleerd(
    verzoek: WooVerzoek, behandelaar: Medewerker
) -> None:
    services.grondmotivering_vastleggen(
        verzoek, grond="5.1.2.e", motivering="Eerste versie.", door=behandelaar
    )
    services.grondmotivering_vastleggen(
        verzoek, grond="5.1.2e", motivering="  De privacy weegt zwaarder.  ", door=behandelaar
    )
    assert list(Grondmotivering.objects.values_list("grond", "motivering")) == [
        ("5.1.2e", "De privacy weegt zwaarder.")
    ]
    griffier = medewerker(Rol.GRIFFIE)
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.grondmotivering_vastleggen(verzoek, grond="10.2.e", motivering="Wob", door=behandelaar)
    assert "grond" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        services.grondmotivering_vastleggen(verzoek, grond="5.2", motivering=" ", door=behandelaar)
    assert "motivering" in fout.value.message_dict
    with pytest.raises(PermissionDenied):
        services.grondmotivering_vastleggen(verzoek, grond="5.2", motivering="Tekst", door=griffier)
    assert momentopname() == voor


def test_gebruikte_gronden_en_ontbrekende_motiveringen(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    # Given a deels openbaar document with accepted and rejected boxes
    deels = document_maken(verzoek)
    vak_maken(deels, NAAM)
    vak_maken(deels, BSN, grond="5.1.1.e", soort="bsn")
    vak_maken(deels, "subsidie", grond="5.1.2f", status=Vakstatus.AFGEWEZEN)
    beoordelen(deels, behandelaar)
    # a niet openbaar document, a duplicate carrying a stray ground, and an openbaar one whose
    # boxes were all rejected
    geweigerd = document_maken(verzoek, nummer="2")
    beoordelen(geweigerd, behandelaar, oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.2"])
    dubbel = document_maken(verzoek, nummer="3", dubbel_van=geweigerd)
    Document.objects.filter(pk=dubbel.pk).update(oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.1.2i"])
    # Then the grounds used are those of the accepted boxes and the withheld document, in law order
    assert selectors.gebruikte_gronden(verzoek) == ["5.1.1e", "5.1.2e", "5.2"]
    assert selectors.ontbrekende_motiveringen(verzoek) == ["5.1.1e", "5.1.2e", "5.2"]
    services.grondmotivering_vastleggen(verzoek, grond="5.1.2e", motivering="Privacy.", door=behandelaar)
    assert selectors.ontbrekende_motiveringen(verzoek) == ["5.1.1e", "5.2"]
    assert [m.grond for m in selectors.grondmotiveringen_van(verzoek)] == ["5.1.2e"]
    # and the accepted boxes are grouped by ground for the page
    groepen = selectors.geaccepteerde_vakken_per_grond(deels)
    assert [(g.code, [v.tekst for v in g.vakken]) for g in groepen] == [("5.1.1e", [BSN]), ("5.1.2e", [NAAM])]


def test_te_controleren_toont_niet_wat_je_zelf_beoordeelde(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    eigen = document_maken(verzoek)
    beoordelen(eigen, coordinator, oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.2"])
    van_ander = document_maken(verzoek, nummer="2")
    beoordelen(van_ander, behandelaar, oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.2"])
    document_maken(verzoek, nummer="3")
    assert list(selectors.te_controleren(coordinator)) == [van_ander]
    assert list(selectors.te_controleren(behandelaar)) == [eigen]
    WooVerzoek.objects.filter(pk=verzoek.pk).update(status=Verzoekstatus.INGETROKKEN)
    assert not selectors.te_controleren(coordinator).exists()


# --- third parties and the zienswijze suspension (Woo art. 4.4 lid 3) -----------------------------


@pytest.fixture
def tijdstip() -> Any:
    with freeze_time("2026-03-10 10:00"):
        yield


def test_derde_toevoegen_met_documenten(verzoek: WooVerzoek, behandelaar: Medewerker) -> None:
    document = document_maken(verzoek)
    derde = services.derde_toevoegen(
        verzoek,
        naam=" Bouwbedrijf De Steen B.V. ",
        emailadres="info@desteen.example",
        postadres="",
        document_ids=[document.pk],
        bezwaar_verwacht=True,
        door=behandelaar,
    )
    assert derde.naam == "Bouwbedrijf De Steen B.V."
    assert list(derde.documenten.all()) == [document]
    assert list(selectors.derden_van(verzoek)) == [derde]
    assert Logregel.objects.filter(naam="woo-verzoek.derde-toevoegen").count() == 1


@pytest.mark.parametrize(
    ("velden", "veld"),
    [
        ({"naam": " "}, "naam"),
        ({"emailadres": "geen-adres"}, "emailadres"),
        ({"emailadres": "", "postadres": ""}, "emailadres"),
        ({"document_ids": "ander"}, "document_ids"),
    ],
)
def test_ongeldige_derde_wordt_geweigerd(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker, velden: dict[str, Any], veld: str
) -> None:
    ander_verzoek = verzoekservices.verzoek_registreren(
        onderwerp="Ander verzoek",
        omschrijving="",
        ontvangen_op=timezone.localdate(),
        kanaal=Kanaal.BRIEF,
        postadres="Dorpsstraat 1",
        door=coordinator,
    )
    vreemd = document_maken(ander_verzoek)
    gegevens: dict[str, Any] = {
        "naam": "Bouwbedrijf De Steen B.V.",
        "emailadres": "info@desteen.example",
        "postadres": "",
        "document_ids": [],
        "bezwaar_verwacht": False,
    } | velden
    if gegevens["document_ids"] == "ander":
        gegevens["document_ids"] = [vreemd.pk]
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.derde_toevoegen(verzoek, **gegevens, door=behandelaar)
    assert veld in fout.value.message_dict
    assert momentopname() == voor


@pytest.mark.usefixtures("tijdstip")
def test_zienswijze_vragen_schort_de_termijn_op_tot_de_laatste_binnen_is(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    vandaag = date(2026, 3, 10)
    assert verzoek.beslistermijn_einde is not None
    eerste = services.derde_toevoegen(
        verzoek,
        naam="Bedrijf A",
        emailadres="a@example.org",
        postadres="",
        document_ids=[],
        bezwaar_verwacht=False,
        door=behandelaar,
    )
    tweede = services.derde_toevoegen(
        verzoek,
        naam="Bedrijf B",
        emailadres="",
        postadres="Kerkstraat 2",
        document_ids=[],
        bezwaar_verwacht=False,
        door=behandelaar,
    )
    # The behandelaar may record third parties but not suspend the term
    with pytest.raises(PermissionDenied):
        services.zienswijze_vragen(eerste, op=vandaag, door=behandelaar)
    # When the coordinator asks the first one today
    services.zienswijze_vragen(eerste, op=vandaag, door=coordinator)
    # Then the term stands still from tomorrow (Woo art. 4.4 lid 3)
    opschorting = Opschorting.objects.get()
    assert opschorting.soort == Opschortingssoort.ZIENSWIJZE
    assert (opschorting.van, opschorting.tot) == (vandaag + timedelta(days=1), None)
    verzoek.refresh_from_db()
    assert verzoek.status == Verzoekstatus.ZIENSWIJZE_GEVRAAGD
    assert verzoek.beslistermijn_einde is None
    # Asking the second one shares the running suspension; asking twice is refused
    services.zienswijze_vragen(tweede, op=vandaag, door=coordinator)
    assert Opschorting.objects.count() == 1
    with pytest.raises(ValidationError) as fout:
        services.zienswijze_vragen(tweede, op=vandaag, door=coordinator)
    assert "al gevraagd" in fout.value.message_dict["op"][0]
    # The first zienswijze arrives: the second is still awaited, the clock stands still
    with freeze_time("2026-03-17 10:00"):
        services.zienswijze_ontvangen(
            eerste, op=date(2026, 3, 16), zienswijze="Geen bezwaar.", door=coordinator
        )
        assert Opschorting.objects.get().tot is None
        # The second one objects: the suspension ends that day and disclosure will wait
        services.zienswijze_ontvangen(
            tweede,
            op=date(2026, 3, 17),
            zienswijze="Wij maken bezwaar tegen openbaarmaking.",
            bezwaar_verwacht=True,
            door=coordinator,
        )
    opschorting.refresh_from_db()
    assert opschorting.tot == date(2026, 3, 17)
    verzoek.refresh_from_db()
    assert verzoek.status != Verzoekstatus.ZIENSWIJZE_GEVRAAGD
    assert verzoek.beslistermijn_einde is not None
    tweede.refresh_from_db()
    assert tweede.bezwaar_verwacht is True
    assert tweede.zienswijze_ontvangen_op == date(2026, 3, 17)


@pytest.mark.usefixtures("tijdstip")
def test_ongeldige_zienswijzedatums_worden_geweigerd(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    derde = services.derde_toevoegen(
        verzoek,
        naam="Bedrijf A",
        emailadres="a@example.org",
        postadres="",
        document_ids=[],
        bezwaar_verwacht=False,
        door=behandelaar,
    )
    voor = momentopname()
    # Not received before it was asked
    with pytest.raises(ValidationError) as fout:
        services.zienswijze_ontvangen(derde, op=date(2026, 3, 10), zienswijze="Iets", door=coordinator)
    assert "nog geen zienswijze gevraagd" in fout.value.message_dict["op"][0]
    # Not asked in the future or before the request came in
    with pytest.raises(ValidationError):
        services.zienswijze_vragen(derde, op=date(2026, 3, 11), door=coordinator)
    with pytest.raises(ValidationError):
        services.zienswijze_vragen(derde, op=verzoek.ontvangen_op - timedelta(days=1), door=coordinator)
    assert momentopname() == voor
    services.zienswijze_vragen(derde, op=date(2026, 3, 10), door=coordinator)
    voor = momentopname()
    with pytest.raises(ValidationError):
        services.zienswijze_ontvangen(derde, op=date(2026, 3, 9), zienswijze="Iets", door=coordinator)
    with pytest.raises(ValidationError) as fout:
        services.zienswijze_ontvangen(derde, op=date(2026, 3, 10), zienswijze=" ", door=coordinator)
    assert "zienswijze" in fout.value.message_dict
    assert momentopname() == voor


@pytest.mark.usefixtures("tijdstip")
def test_zienswijze_tijdens_verduidelijking_wordt_geweigerd(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    verzoekservices.verduidelijking_vragen(verzoek=verzoek, reden="Te algemeen", door=coordinator)
    derde = services.derde_toevoegen(
        verzoek,
        naam="Bedrijf A",
        emailadres="a@example.org",
        postadres="",
        document_ids=[],
        bezwaar_verwacht=False,
        door=behandelaar,
    )
    voor = momentopname()
    with pytest.raises(ValidationError) as fout:
        services.zienswijze_vragen(derde, op=date(2026, 3, 10), door=coordinator)
    assert "verduidelijking" in fout.value.message_dict["op"][0]
    assert momentopname() == voor


# --- the pages ------------------------------------------------------------------------------------


def _url(naam: str, verzoek: WooVerzoek, *args: int) -> str:
    return reverse(f"woo:{naam}", args=[verzoek.kenmerk, *args])


def test_beoordelingspagina_toont_vakken_per_grond_en_legt_beoordeling_vast(
    client: Any, verzoek: WooVerzoek, behandelaar: Medewerker
) -> None:
    document = document_maken(verzoek)
    vak_maken(document, NAAM)
    vak_maken(document, BSN, status=Vakstatus.VOORGESTELD, grond="5.1.1e", soort="bsn")
    client.force_login(behandelaar)
    url = _url("beoordeling", verzoek, document.pk)
    html = client.get(url).content.decode()
    assert NAAM in html
    assert "5.1.2e" in html
    assert "1 voorgesteld lakvak" in html
    assert 'name="oordeel"' in html
    assert 'type="radio"' in html
    assert "<legend" in html
    assert Logregel.objects.filter(naam="woo-document.beoordeling-inzien").count() == 1
    # Bad input: the error next to the field, status 400, nothing changed
    voor = momentopname()
    antwoord = client.post(url, {"oordeel": Oordeel.DEELS_OPENBAAR, "motivering": "Namen gelakt"})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert 'id="id_oordeel_error"' in html
    assert "voorgestelde lakvakken" in html
    assert momentopname()[0] == voor[0]
    # A valid assessment goes ter controle
    Lakvak.objects.filter(tekst=BSN).update(status=Vakstatus.GEACCEPTEERD)
    antwoord = client.post(url, {"oordeel": Oordeel.DEELS_OPENBAAR, "motivering": "Namen gelakt"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == url
    document.refresh_from_db()
    assert document.beoordelingsstatus == Beoordelingsstatus.TER_CONTROLE
    # The assessor sees no approve button
    html = client.get(url).content.decode()
    assert "zelf beoordeeld" in html
    assert _url("beoordeling_goedkeuren", verzoek, document.pk) not in html
    # and may not approve through the URL either
    assert client.post(_url("beoordeling_goedkeuren", verzoek, document.pk)).status_code == 403


def test_controleur_keurt_goed_of_ziet_de_bevindingen_van_een_mislukte_lakcontrole(
    client: Any, verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    document = document_maken(verzoek)
    vak = vak_maken(document, NAAM, op=(300.0, 600.0, 400.0, 620.0))
    beoordelen(document, behandelaar)
    client.force_login(coordinator)
    url = _url("beoordeling", verzoek, document.pk)
    html = client.get(url).content.decode()
    assert _url("beoordeling_goedkeuren", verzoek, document.pk) in html
    # The second person approves or sends back; she does not assess it over
    assert 'name="oordeel"' not in html
    # A failing check: 400 with the findings, not approved
    antwoord = client.post(_url("beoordeling_goedkeuren", verzoek, document.pk))
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Lakcontrole mislukt" in html
    assert "gelakte tekst nog leesbaar" in html
    document.refresh_from_db()
    assert document.beoordelingsstatus == Beoordelingsstatus.TER_CONTROLE
    # Sending back without a reason is refused next to the field
    antwoord = client.post(_url("beoordeling_terugsturen", verzoek, document.pk), {"opmerking": ""})
    assert antwoord.status_code == 400
    assert 'id="id_opmerking_error"' in antwoord.content.decode()
    # With the box in its place, approval succeeds
    with document.pdf.open("rb") as bestand:
        vak.x0, vak.y0, vak.x1, vak.y1 = rechthoek(bestand.read(), NAAM)
    vak.save()
    antwoord = client.post(_url("beoordeling_goedkeuren", verzoek, document.pk))
    assert antwoord.status_code == 302
    document.refresh_from_db()
    assert document.beoordelingsstatus == Beoordelingsstatus.GOEDGEKEURD
    assert "Lakcontrole mislukt" not in client.get(url).content.decode()


def test_terugsturen_via_de_pagina(
    client: Any, verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    document = document_maken(verzoek)
    beoordelen(document, behandelaar, oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.2"])
    client.force_login(coordinator)
    antwoord = client.post(
        _url("beoordeling_terugsturen", verzoek, document.pk), {"opmerking": "Motiveer 5.2 beter."}
    )
    assert antwoord.status_code == 302
    client.force_login(behandelaar)
    html = client.get(_url("beoordeling", verzoek, document.pk)).content.decode()
    assert "Motiveer 5.2 beter." in html


def test_paginas_weigeren_wie_geen_woo_werk_doet_en_onbekende_documenten(
    client: Any, verzoek: WooVerzoek, coordinator: Medewerker
) -> None:
    document = document_maken(verzoek)
    client.force_login(medewerker(Rol.GRIFFIE))
    assert client.get(_url("beoordeling", verzoek, document.pk)).status_code == 403
    assert client.get(_url("derden", verzoek)).status_code == 403
    assert client.get(_url("grondmotiveringen", verzoek)).status_code == 403
    client.force_login(coordinator)
    assert client.get(_url("beoordeling", verzoek, document.pk + 100)).status_code == 404
    assert client.get(reverse("woo:derden", args=["WOO-1999-9999"])).status_code == 404


def test_grondmotiveringen_pagina(client: Any, verzoek: WooVerzoek, behandelaar: Medewerker) -> None:
    document = document_maken(verzoek)
    beoordelen(document, behandelaar, oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.1.2e"])
    client.force_login(behandelaar)
    url = _url("grondmotiveringen", verzoek)
    html = client.get(url).content.decode()
    assert "de eerbiediging van de persoonlijke levenssfeer" in html
    assert "Nog zonder motivering" in html
    antwoord = client.post(url, {"grond": "5.1.2e", "motivering": ""})
    assert antwoord.status_code == 400
    assert 'id="id_5-1-2e_motivering_error"' in antwoord.content.decode()
    assert not Grondmotivering.objects.exists()
    antwoord = client.post(url, {"grond": "5.1.2e", "motivering": "Privacy weegt zwaarder."})
    assert antwoord.status_code == 302
    assert Grondmotivering.objects.get().motivering == "Privacy weegt zwaarder."
    # Another ground through the last form
    antwoord = client.post(url, {"formulier": "anders", "grond": "5.2", "motivering": "Intern beraad."})
    assert antwoord.status_code == 302
    assert set(Grondmotivering.objects.values_list("grond", flat=True)) == {"5.1.2e", "5.2"}
    assert "Nog zonder motivering" not in client.get(url).content.decode()


@pytest.mark.usefixtures("tijdstip")
def test_derdenpagina_toevoegen_en_zienswijze_vragen(
    client: Any, verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    document = document_maken(verzoek)
    client.force_login(behandelaar)
    url = _url("derden", verzoek)
    html = client.get(url).content.decode()
    assert "Brief 1" in html
    antwoord = client.post(url, {"naam": "Bedrijf A", "emailadres": "", "postadres": ""})
    assert antwoord.status_code == 400
    assert 'id="id_emailadres_error"' in antwoord.content.decode()
    assert not Derde.objects.exists()
    antwoord = client.post(
        url, {"naam": "Bedrijf A", "emailadres": "a@example.org", "document_ids": [str(document.pk)]}
    )
    assert antwoord.status_code == 302
    derde = Derde.objects.get()
    assert list(derde.documenten.all()) == [document]
    # The behandelaar sees no form to suspend the term, and may not post it
    assert _url("zienswijze_vragen", verzoek, derde.pk) not in client.get(url).content.decode()
    assert client.post(_url("zienswijze_vragen", verzoek, derde.pk), {"op": "2026-03-10"}).status_code == 403
    client.force_login(coordinator)
    antwoord = client.post(_url("zienswijze_vragen", verzoek, derde.pk), {"op": "2026-03-11"})
    assert antwoord.status_code == 400
    assert f'id="id_vragen_{derde.pk}_op_error"' in antwoord.content.decode()
    antwoord = client.post(_url("zienswijze_vragen", verzoek, derde.pk), {"op": "2026-03-10"})
    assert antwoord.status_code == 302
    assert Opschorting.objects.get().van == date(2026, 3, 11)
    antwoord = client.post(
        _url("zienswijze_ontvangen", verzoek, derde.pk),
        {"op": "2026-03-10", "zienswijze": "Geen bezwaar."},
    )
    assert antwoord.status_code == 302
    assert Opschorting.objects.get().tot is not None
    assert "Geen bezwaar." in client.get(url).content.decode()


def test_dubbel_op_de_pagina_neemt_de_beoordeling_over(
    client: Any, verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    origineel = document_maken(verzoek)
    beoordelen(origineel, behandelaar, oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.1.2e"])
    services.beoordeling_goedkeuren(origineel, door=coordinator)
    dubbel = document_maken(verzoek, nummer="2", dubbel_van=origineel)
    client.force_login(behandelaar)
    html = client.get(_url("beoordeling", verzoek, dubbel.pk)).content.decode()
    # No form of its own: a link to the original and the button to take its assessment over
    assert "dubbel van document 1" in html
    assert _url("beoordeling", verzoek, origineel.pk) in html
    assert 'name="oordeel"' not in html
    antwoord = client.post(_url("beoordeling_overnemen", verzoek, dubbel.pk))
    assert antwoord.status_code == 302
    dubbel.refresh_from_db()
    assert dubbel.beoordelingsstatus == Beoordelingsstatus.GOEDGEKEURD
    # Taking over twice is refused on the page with a message (400)
    antwoord = client.post(_url("beoordeling_overnemen", verzoek, dubbel.pk))
    assert antwoord.status_code == 400
    assert "al goedgekeurd" in antwoord.content.decode()


def test_afgesloten_verzoek_toont_geen_formulieren(
    client: Any, verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    document = document_maken(verzoek)
    beoordelen(document, behandelaar, oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.2"])
    services.derde_toevoegen(
        verzoek,
        naam="Bedrijf A",
        emailadres="a@example.org",
        postadres="",
        document_ids=[document.pk],
        bezwaar_verwacht=False,
        door=behandelaar,
    )
    WooVerzoek.objects.filter(pk=verzoek.pk).update(status=Verzoekstatus.BESLOTEN)
    client.force_login(coordinator)
    for url in (
        _url("beoordeling", verzoek, document.pk),
        _url("grondmotiveringen", verzoek),
        _url("derden", verzoek),
    ):
        antwoord = client.get(url)
        assert antwoord.status_code == 200
        assert 'action="/werkplek/woo/' not in antwoord.content.decode()
