"""The decision on a Woo request (woo.md, section 3): every rule that blocks it with its Dutch
message, the outcome from the documents, disclosure two weeks later when a third party is expected
to object (Woo art. 4.4 lid 5), the letter (read back with PyMuPDF), the inventarislijst as CSV,
the ZIP bundle, the mail to the requester, the withdrawal, the hand-over to publication, and the
pages with their permissions.

Documents are created here as approved rows directly (status goedgekeurd, oordeel set, a `gelakt`
PDF made with `raadhuis.woo.lakken.lakken`), so these tests do not depend on the assessment
services of the other parts."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import zipfile
from typing import Any

import pymupdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.models import Logregel, Organisatie
from raadhuis.woo import lakken
from raadhuis.woo.besluitdocumenten import CSV_KOLOMMEN, veilige_naam
from raadhuis.woo.models import (
    Beoordelingsstatus,
    Besluituitkomst,
    Derde,
    Document,
    Documentsoort,
    Grondmotivering,
    Herkomst,
    Kanaal,
    Lakvak,
    Oordeel,
    Vakstatus,
    Verzoekstatus,
    WooBesluit,
    WooVerzoek,
)
from raadhuis.woo.selectors import besluiten as selectors
from raadhuis.woo.services import besluiten as services
from raadhuis.woo.services import verzoeken as verzoekservices

pytestmark = pytest.mark.django_db

ONMIDDELLIJK = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
NAAM = "Hendrika Zwartkop"
MOTIVERING_LEVENSSFEER = (
    "De namen van omwonenden zijn weggelakt. Het belang van hun persoonlijke levenssfeer weegt "
    "zwaarder dan het belang van openbaarheid van hun namen."
)
MOTIVERING_FUNCTIONEREN = "Het interne overleg over de onderhandelingen moet vertrouwelijk kunnen blijven."


# --- building blocks ---------------------------------------------------------------------------------


def pdf_met_tekst(*regels: str) -> bytes:
    document = pymupdf.open()
    pagina = document.new_page()
    for nummer, regel in enumerate(regels):
        pagina.insert_text((72, 100 + nummer * 16), regel, fontsize=11)
    return bytes(document.tobytes())


def lees(veld: Any) -> bytes:
    """A stored file's bytes, from the start each time."""
    with veld.open("rb") as bestand:
        inhoud: bytes = bestand.read()
    return inhoud


def pdf_tekst(inhoud: bytes) -> str:
    with pymupdf.open(stream=inhoud, filetype="pdf") as document:
        tekst = " ".join(pagina.get_text() for pagina in document)
    return " ".join(tekst.split())


def _rechthoek(pdf: bytes, tekst: str) -> tuple[float, float, float, float]:
    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        gevonden = document[0].search_for(tekst)
    assert gevonden, tekst
    vak = gevonden[0]
    return (vak.x0, vak.y0, vak.x1, vak.y1)


def document_maken(
    verzoek: WooVerzoek,
    nummer: str,
    *,
    oordeel: str = Oordeel.OPENBAAR,
    titel: str | None = None,
    gronden: list[str] | None = None,
    lakken_tekst: str | None = None,
    grond: str = "5.1.2e",
    status: str = Beoordelingsstatus.GOEDGEKEURD,
    gelakt: bool = True,
    dubbel_van: Document | None = None,
    vindplaats: str = "",
    opmerking: str = "",
) -> Document:
    """An assessed document as part C leaves it after approval: for (deels) openbaar a redacted,
    verified PDF with its hash; a box over `lakken_tekst` accepted with `grond`."""
    titel = titel or f"Notitie {nummer} over de Stationsstraat"
    inhoud = pdf_met_tekst(titel, f"Gesprek met {NAAM} over het verkeersbesluit.", "Einde van de notitie.")
    document = Document(
        verzoek=verzoek,
        sleutel=f"upload-{nummer}",
        nummer=nummer,
        volgorde=int(float(nummer) * 10),
        naam=f"notitie-{nummer}.pdf",
        titel=titel,
        soort=Documentsoort.PDF,
        mediatype="application/pdf",
        datum=dt.datetime(2026, 2, 3, 10, 0, tzinfo=dt.UTC),
        sha256=hashlib.sha256(inhoud).hexdigest(),
        grootte=len(inhoud),
        paginas=1,
        oordeel=oordeel,
        gronden=gronden or [],
        vindplaats=vindplaats,
        opmerking=opmerking,
        beoordelingsstatus=status,
        dubbel_van=dubbel_van,
    )
    document.origineel.save(f"notitie-{nummer}.pdf", ContentFile(inhoud), save=False)
    document.pdf.save(f"notitie-{nummer}.pdf", ContentFile(inhoud), save=False)
    document.save()
    redacties = []
    if lakken_tekst:
        rechthoek = _rechthoek(inhoud, lakken_tekst)
        Lakvak.objects.create(
            document=document,
            pagina=1,
            x0=rechthoek[0],
            y0=rechthoek[1],
            x1=rechthoek[2],
            y1=rechthoek[3],
            tekst=lakken_tekst,
            soort="naam",
            grond=grond,
            herkomst=Herkomst.AUTOMATISCH,
            status=Vakstatus.GEACCEPTEERD,
        )
        redacties.append(lakken.Redactie(1, rechthoek, lakken_tekst, "naam", grond))
    if gelakt and oordeel in (Oordeel.OPENBAAR, Oordeel.DEELS_OPENBAAR) and dubbel_van is None:
        resultaat = lakken.lakken(inhoud, redacties)
        assert resultaat.controle.in_orde
        document.gelakt.save(f"gelakt-{nummer}.pdf", ContentFile(resultaat.inhoud), save=False)
        document.gelakt_sha256 = hashlib.sha256(resultaat.inhoud).hexdigest()
        document.gelakt_op = timezone.now()
        document.save()
    return document


def medewerker(*rollen: str, **velden: Any) -> Medewerker:
    gemaakt = MedewerkerFactory(rollen=list(rollen), **velden)
    assert isinstance(gemaakt, Medewerker)
    return gemaakt


def motiveren(verzoek: WooVerzoek, grond: str, motivering: str) -> Grondmotivering:
    return Grondmotivering.objects.create(verzoek=verzoek, grond=grond, motivering=motivering)


@pytest.fixture
def coordinator(organisatie: Organisatie) -> Medewerker:
    return medewerker(Rol.WOO_COORDINATOR, first_name="Wim", last_name="Woo")


@pytest.fixture
def verzoek(coordinator: Medewerker) -> WooVerzoek:
    return verzoekservices.verzoek_registreren(
        onderwerp="Verkeersbesluit Stationsstraat",
        omschrijving="Alle notities over het verkeersbesluit Stationsstraat.",
        ontvangen_op=timezone.localdate() - dt.timedelta(days=10),
        kanaal=Kanaal.EMAIL,
        verzoeker_naam="Jozef de Verzoeker",
        emailadres="jozef@example.org",
        postadres="Dorpsstraat 1, 2641 AA Pijnacker",
        door=coordinator,
    )


@pytest.fixture
def compleet(verzoek: WooVerzoek) -> WooVerzoek:
    """A request ready for a decision: four documents (openbaar, deels openbaar with a name
    redacted, niet openbaar, a copy of the first) and the two grounds used motivated."""
    eerste = document_maken(verzoek, "1")
    document_maken(verzoek, "2", oordeel=Oordeel.DEELS_OPENBAAR, lakken_tekst=NAAM)
    document_maken(
        verzoek,
        "3",
        oordeel=Oordeel.NIET_OPENBAAR,
        gronden=["5.1.2.i"],
        titel="Intern beraad onderhandelingen",
    )
    document_maken(verzoek, "4", dubbel_van=eerste, oordeel="", status=Beoordelingsstatus.TE_BEOORDELEN)
    motiveren(verzoek, "5.1.2e", MOTIVERING_LEVENSSFEER)
    motiveren(verzoek, "5.1.2i", MOTIVERING_FUNCTIONEREN)
    return verzoek


def besluiten(verzoek: WooVerzoek, door: Medewerker, **extra: Any) -> WooBesluit:
    gegevens: dict[str, Any] = {
        "besluitdatum": timezone.localdate(),
        "toelichting": "Wij hebben gezocht in het zaaksysteem en de mailboxen van het team Verkeer.",
        "ondertekenaar": "Mr. A. van Ambt, teamleider Juridische Zaken",
    }
    return services.besluit_nemen(verzoek, **(gegevens | extra), door=door)


def momentopname(verzoek: WooVerzoek) -> tuple[Any, ...]:
    """What a refused decision must leave alone."""
    ververst = WooVerzoek.objects.get(pk=verzoek.pk)
    return (ververst.status, ververst.besloten_op, WooBesluit.objects.count(), Logregel.objects.count())


def weigering(verzoek: WooVerzoek, door: Medewerker, **extra: Any) -> dict[str, list[str]]:
    voor = momentopname(verzoek)
    with pytest.raises(ValidationError) as fout:
        besluiten(verzoek, door, **extra)
    assert momentopname(verzoek) == voor
    return fout.value.message_dict


# --- the decision ------------------------------------------------------------------------------------


def test_besluit_met_deels_openbare_documenten(coordinator: Medewerker, compleet: WooVerzoek) -> None:
    besluit = besluiten(compleet, coordinator)
    compleet.refresh_from_db()
    assert besluit.uitkomst == Besluituitkomst.DEELS_OPENBAAR
    assert besluit.openbaarmaking_op == besluit.besluitdatum == timezone.localdate()
    assert compleet.status == Verzoekstatus.BESLOTEN
    assert compleet.besloten_op == timezone.localdate()
    assert besluit.besloten_door == coordinator
    for veld in (
        besluit.besluitbrief,
        besluit.inventarislijst_pdf,
        besluit.inventarislijst_csv,
        besluit.bundel,
    ):
        assert veld.name
        assert veld.name.startswith(f"woo/{compleet.kenmerk}/besluit/")
        assert veld.size > 0
    assert selectors.besluit_van(compleet) == besluit
    assert Logregel.objects.filter(naam="woo-verzoek.besluiten").count() == 1


@pytest.mark.parametrize(
    ("oordelen", "verwacht"),
    [
        ([], Besluituitkomst.GEEN_DOCUMENTEN),
        ([Oordeel.OPENBAAR, Oordeel.OPENBAAR], Besluituitkomst.GEHEEL_OPENBAAR),
        ([Oordeel.NIET_OPENBAAR], Besluituitkomst.GEHEEL_GEWEIGERD),
        ([Oordeel.REEDS_OPENBAAR, Oordeel.REEDS_OPENBAAR], Besluituitkomst.REEDS_OPENBAAR),
        ([Oordeel.OPENBAAR, Oordeel.NIET_OPENBAAR], Besluituitkomst.DEELS_OPENBAAR),
        ([Oordeel.DEELS_OPENBAAR], Besluituitkomst.DEELS_OPENBAAR),
        ([Oordeel.OPENBAAR, Oordeel.REEDS_OPENBAAR], Besluituitkomst.DEELS_OPENBAAR),
    ],
)
def test_uitkomst_volgt_uit_de_oordelen(oordelen: list[str], verwacht: str) -> None:
    assert selectors.uitkomst(oordelen) == verwacht


def test_zonder_documenten_luidt_de_uitkomst_geen_documenten(
    coordinator: Medewerker, verzoek: WooVerzoek
) -> None:
    besluit = besluiten(verzoek, coordinator)
    assert besluit.uitkomst == Besluituitkomst.GEEN_DOCUMENTEN
    tekst = pdf_tekst(lees(besluit.besluitbrief))
    assert "geen documenten gevonden" in tekst
    with zipfile.ZipFile(io.BytesIO(lees(besluit.bundel))) as archief:
        assert sorted(archief.namelist()) == ["besluit.pdf", "inventarislijst.csv", "inventarislijst.pdf"]


def test_geheel_geweigerd_en_een_kopie_telt_niet_mee(coordinator: Medewerker, verzoek: WooVerzoek) -> None:
    origineel = document_maken(verzoek, "1", oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.1.1c"])
    # The copy carries the original's assessment (part C copies it); it does not change the outcome.
    document_maken(verzoek, "2", oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.1.1c"], dubbel_van=origineel)
    motiveren(verzoek, "5.1.1c", "Bedrijfsgegevens die vertrouwelijk aan de gemeente zijn meegedeeld.")
    besluit = besluiten(verzoek, coordinator)
    assert besluit.uitkomst == Besluituitkomst.GEHEEL_GEWEIGERD
    tekst = pdf_tekst(lees(besluit.besluitbrief))
    assert "Wij maken de informatie waarom u vraagt niet openbaar" in tekst
    assert "absolute uitzonderingsgrond" in tekst
    assert "ontvangt u als bijlage" not in tekst
    with zipfile.ZipFile(io.BytesIO(lees(besluit.bundel))) as archief:
        assert not [naam for naam in archief.namelist() if naam.startswith("documenten/")]


def test_reeds_openbaar(coordinator: Medewerker, verzoek: WooVerzoek) -> None:
    document_maken(
        verzoek, "1", oordeel=Oordeel.REEDS_OPENBAAR, vindplaats="https://example.org/raadsbesluit"
    )
    besluit = besluiten(verzoek, coordinator)
    assert besluit.uitkomst == Besluituitkomst.REEDS_OPENBAAR
    regel = next(
        csv.reader(io.StringIO(lees(besluit.inventarislijst_csv).decode("utf-8-sig")), delimiter=";")
    )
    assert regel == list(CSV_KOLOMMEN)


# --- what blocks the decision -----------------------------------------------------------------------


def test_besloten_verzoek_krijgt_geen_tweede_besluit(coordinator: Medewerker, compleet: WooVerzoek) -> None:
    besluiten(compleet, coordinator)
    fouten = weigering(compleet, coordinator)
    assert fouten == {"status": ["Het verzoek is besloten; er kan geen besluit meer worden genomen."]}
    assert WooBesluit.objects.count() == 1


def test_ingetrokken_verzoek_krijgt_geen_besluit(coordinator: Medewerker, compleet: WooVerzoek) -> None:
    services.verzoek_intrekken(compleet, op=timezone.localdate(), toelichting="", door=coordinator)
    fouten = weigering(compleet, coordinator)
    assert fouten == {"status": ["Het verzoek is ingetrokken; er kan geen besluit meer worden genomen."]}


def test_niet_goedgekeurde_documenten_houden_het_besluit_tegen(
    coordinator: Medewerker, compleet: WooVerzoek
) -> None:
    document_maken(compleet, "5", status=Beoordelingsstatus.TER_CONTROLE, gelakt=False)
    document_maken(compleet, "6", oordeel="", status=Beoordelingsstatus.TE_BEOORDELEN, gelakt=False)
    fouten = weigering(compleet, coordinator)
    # The copy (4) is not approved either, but follows its original and does not block.
    assert fouten["documenten"] == ["2 documenten zijn nog niet goedgekeurd: 5, 6."]


def test_een_niet_goedgekeurd_document_in_enkelvoud(coordinator: Medewerker, verzoek: WooVerzoek) -> None:
    document_maken(verzoek, "1", status=Beoordelingsstatus.TE_BEOORDELEN, gelakt=False)
    assert weigering(verzoek, coordinator)["documenten"] == ["1 document is nog niet goedgekeurd: 1."]


def test_gebruikte_grond_zonder_motivering_houdt_het_besluit_tegen(
    coordinator: Medewerker, compleet: WooVerzoek
) -> None:
    Grondmotivering.objects.filter(verzoek=compleet, grond="5.1.2e").delete()
    Grondmotivering.objects.filter(verzoek=compleet, grond="5.1.2i").update(motivering="   ")
    fouten = weigering(compleet, coordinator)
    assert fouten["gronden"] == [
        "Er is geen motivering vastgelegd voor weigeringsgrond 5.1.2e (de eerbiediging van de persoonlijke "
        "levenssfeer); het besluit moet elke gebruikte grond motiveren.",
        "Er is geen motivering vastgelegd voor weigeringsgrond 5.1.2i (het goed functioneren van de Staat, "
        "andere publiekrechtelijke lichamen of bestuursorganen); het besluit moet elke gebruikte grond "
        "motiveren.",
    ]


def test_afgewezen_vakken_en_openbare_documenten_vragen_geen_motivering(
    coordinator: Medewerker, verzoek: WooVerzoek
) -> None:
    document = document_maken(verzoek, "1", oordeel=Oordeel.OPENBAAR)
    Lakvak.objects.create(
        document=document, pagina=1, x0=1, y0=1, x1=9, y1=9, soort="naam", grond="5.1.2e",
        herkomst=Herkomst.AUTOMATISCH, status=Vakstatus.AFGEWEZEN,
    )  # fmt: skip
    assert selectors.belemmeringen(verzoek) == []
    assert besluiten(verzoek, coordinator).uitkomst == Besluituitkomst.GEHEEL_OPENBAAR


def test_document_zonder_gelakte_pdf_houdt_het_besluit_tegen(
    coordinator: Medewerker, compleet: WooVerzoek
) -> None:
    document_maken(compleet, "5", oordeel=Oordeel.OPENBAAR, gelakt=False)
    fouten = weigering(compleet, coordinator)
    assert fouten["documenten"] == ["Document 5 heeft geen gelakte PDF; keur de beoordeling opnieuw goed."]


def test_mislukte_lakcontrole_blokkeert_openbaarmaking(coordinator: Medewerker, compleet: WooVerzoek) -> None:
    Document.objects.filter(verzoek=compleet, nummer="2").update(
        lakbevindingen=[f"'{NAAM}' is nog te vinden op pagina 1."]
    )
    fouten = weigering(compleet, coordinator)
    assert fouten["documenten"] == [
        "De lakcontrole van document 2 vond tekst die nog te lezen is; openbaarmaking is geblokkeerd tot "
        "het document opnieuw is gelakt en goedgekeurd."
    ]


def test_gewijzigde_gelakte_pdf_wordt_niet_gepubliceerd(
    coordinator: Medewerker, compleet: WooVerzoek
) -> None:
    # The stored file is no longer the one that passed verification: the original slipped in.
    document = Document.objects.get(verzoek=compleet, nummer="2")
    with document.gelakt.open("wb") as bestand:
        bestand.write(lees(document.pdf))
    fouten = weigering(compleet, coordinator)
    assert fouten["documenten"] == [
        "De gelakte PDF van document 2 is niet meer het bestand dat is gecontroleerd; keur de beoordeling "
        "opnieuw goed."
    ]


def test_goedgekeurd_zonder_oordeel(coordinator: Medewerker, verzoek: WooVerzoek) -> None:
    document_maken(verzoek, "1", oordeel="", gelakt=False)
    assert weigering(verzoek, coordinator)["documenten"] == ["Document 1 is goedgekeurd zonder oordeel."]


def test_onbekende_grond_houdt_het_besluit_tegen(coordinator: Medewerker, verzoek: WooVerzoek) -> None:
    document_maken(verzoek, "1", oordeel=Oordeel.NIET_OPENBAAR, gronden=["10.2.e"])
    motiveren(verzoek, "10.2.e", "Een oude Wob-grond.")
    assert weigering(verzoek, coordinator)["gronden"] == [
        "Weigeringsgrond 10.2.e is geen grond uit de Woo; pas de beoordeling aan."
    ]


def test_besluitdatum_voor_de_ontvangst_of_in_de_toekomst(
    coordinator: Medewerker, compleet: WooVerzoek
) -> None:
    voor_ontvangst = compleet.ontvangen_op - dt.timedelta(days=1)
    fouten = weigering(compleet, coordinator, besluitdatum=voor_ontvangst)
    assert fouten["besluitdatum"][0].startswith("De besluitdatum ligt vóór de ontvangst van het verzoek (")
    fouten = weigering(compleet, coordinator, besluitdatum=timezone.localdate() + dt.timedelta(days=1))
    assert fouten == {"besluitdatum": ["De besluitdatum ligt in de toekomst."]}


def test_ondertekenaar_is_verplicht(coordinator: Medewerker, compleet: WooVerzoek) -> None:
    assert weigering(compleet, coordinator, ondertekenaar="  ") == {
        "ondertekenaar": ["Vul in wie het besluit namens het bestuursorgaan ondertekent."]
    }
    assert "ondertekenaar" in weigering(compleet, coordinator, ondertekenaar="x" * 201)


def test_alle_belemmeringen_tegelijk(coordinator: Medewerker, verzoek: WooVerzoek) -> None:
    document_maken(verzoek, "1", oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.1.2e"], status="ter_controle")
    fouten = weigering(verzoek, coordinator, besluitdatum=timezone.localdate() + dt.timedelta(days=3))
    assert set(fouten) == {"documenten", "gronden", "besluitdatum"}


def test_alleen_de_woo_coordinator_besluit(compleet: WooVerzoek) -> None:
    for rol in (Rol.BEHANDELAAR, Rol.GRIFFIE):
        with pytest.raises(PermissionDenied):
            besluiten(compleet, medewerker(rol))
    assert WooBesluit.objects.count() == 0


# --- disclosure and the hand-over -------------------------------------------------------------------


def test_openbaarmaking_twee_weken_later_bij_verwacht_bezwaar(
    coordinator: Medewerker, compleet: WooVerzoek
) -> None:
    Derde.objects.create(verzoek=compleet, naam="Bouwbedrijf De Steiger", bezwaar_verwacht=True)
    besluitdatum = timezone.localdate() - dt.timedelta(days=2)
    besluit = besluiten(compleet, coordinator, besluitdatum=besluitdatum)
    assert besluit.openbaarmaking_op == besluitdatum + dt.timedelta(days=14)
    tekst = pdf_tekst(lees(besluit.besluitbrief))
    assert "niet eerder openbaar dan twee weken na de bekendmaking van dit besluit" in tekst
    assert "artikel 4.4, vijfde lid, Woo" in tekst
    assert "verstrekken wij op de datum van openbaarmaking" in tekst
    assert "ontvangt u als bijlage" not in tekst
    assert "Bouwbedrijf De Steiger" not in tekst
    # Not handed over before that day, and then once.
    assert besluit not in selectors.te_publiceren()
    assert besluit not in selectors.te_publiceren(op=besluit.openbaarmaking_op - dt.timedelta(days=1))
    assert list(selectors.te_publiceren(op=besluit.openbaarmaking_op)) == [besluit]
    with pytest.raises(ValidationError) as fout:
        services.overdracht_bevestigen(besluit)
    assert fout.value.message_dict["op"][0].startswith("Dit besluit mag pas op ")


def test_derde_zonder_verwacht_bezwaar_stelt_niet_uit(coordinator: Medewerker, compleet: WooVerzoek) -> None:
    Derde.objects.create(verzoek=compleet, naam="Buurman", bezwaar_verwacht=False)
    besluit = besluiten(compleet, coordinator)
    assert besluit.openbaarmaking_op == besluit.besluitdatum


def test_overdracht_aan_publicatie(coordinator: Medewerker, compleet: WooVerzoek) -> None:
    besluit = besluiten(compleet, coordinator)
    assert list(selectors.te_publiceren()) == [besluit]
    stukken = selectors.publicatiestukken(besluit)
    assert [(stuk.soort, stuk.nummer) for stuk in stukken] == [
        ("besluit", ""),
        ("inventarislijst", ""),
        ("inventarislijst", ""),
        ("document", "1"),
        ("document", "2"),
    ]
    assert {stuk.informatiecategorie for stuk in stukken} == {
        "https://identifier.overheid.nl/tooi/def/thes/kern/c_3baef532"
    }
    assert stukken[0].documentsoort == "https://identifier.overheid.nl/tooi/def/thes/kern/c_4f50ca9c"
    # Only the redacted output is offered: the name is gone from document 2.
    assert NAAM not in pdf_tekst(lees(stukken[4].bestand))
    assert stukken[4].bestand.name == Document.objects.get(verzoek=compleet, nummer="2").gelakt.name
    moment = timezone.now()
    services.overdracht_bevestigen(besluit, op=moment)
    services.overdracht_bevestigen(besluit, op=moment + dt.timedelta(hours=1))  # keeps the first
    besluit.refresh_from_db()
    assert besluit.overgedragen_op == moment
    assert list(selectors.te_publiceren()) == []


# --- the files --------------------------------------------------------------------------------------


def test_besluitbrief_noemt_gronden_met_motivering_en_rechtsmiddelen(
    coordinator: Medewerker, compleet: WooVerzoek
) -> None:
    verzoekservices.verdaging_besluiten(
        verzoek=compleet, reden="Omvangrijk: veel documenten", door=coordinator
    )
    derde = Derde.objects.create(
        verzoek=compleet, naam="Bouwbedrijf De Steiger", zienswijze_gevraagd_op=timezone.localdate()
    )
    derde.zienswijze_ontvangen_op = timezone.localdate()
    derde.save()
    besluit = besluiten(compleet, coordinator)
    tekst = pdf_tekst(lees(besluit.besluitbrief))
    for verwacht in (
        "Besluit op uw Woo-verzoek",
        compleet.kenmerk,
        "Geachte heer, mevrouw,",
        "Uw verzoek",
        "Verkeersbesluit Stationsstraat",
        "Procedure",
        "verdaagd (artikel 4.4, tweede lid, Woo), omdat: Omvangrijk: veel documenten.",
        "een derde-belanghebbende gevraagd om een zienswijze",
        "Wij hebben gezocht in het zaaksysteem",
        "Besluit",
        "Wij willigen uw verzoek gedeeltelijk in.",
        "Motivering",
        "5.1.2e: artikel 5.1, tweede lid, onder e, Woo (de eerbiediging van de persoonlijke levenssfeer)",
        MOTIVERING_LEVENSSFEER,
        "5.1.2i: artikel 5.1, tweede lid, onder i, Woo",
        MOTIVERING_FUNCTIONEREN,
        "relatieve uitzonderingsgrond",
        "Inventarislijst en documenten",
        "Openbaarmaking",
        "De informatie wordt openbaar gemaakt met dit besluit",
        "ontvangt u als bijlage bij dit besluit",
        "Woo-verzoeken en -besluiten",
        "Bezwaar",
        "binnen zes weken",
        "artikelen 6:7 en 6:8 van de Algemene wet bestuursrecht",
        "Hoogachtend,",
        "burgemeester en wethouders van Pijnacker-Nootdorp",
        "Mr. A. van Ambt, teamleider Juridische Zaken",
    ):
        assert verwacht in tekst, verwacht
    assert (
        tekst.index("Uw verzoek")
        < tekst.index("Procedure")
        < tekst.index("Motivering")
        < tekst.index("Bezwaar")
    )
    # It is published later: neither the requester nor the third party is named.
    for persoonsgegeven in (
        "Jozef de Verzoeker",
        "jozef@example.org",
        "Dorpsstraat 1",
        "Bouwbedrijf De Steiger",
    ):
        assert persoonsgegeven not in tekst
    with pymupdf.open(stream=lees(besluit.besluitbrief), filetype="pdf") as document:
        assert document.metadata["author"] == "gemeente Pijnacker-Nootdorp"


def test_brief_ook_in_het_nederlands_bij_engelse_schermtaal(
    coordinator: Medewerker, compleet: WooVerzoek
) -> None:
    from django.utils import translation

    with translation.override("en"):
        besluit = besluiten(compleet, coordinator)
    assert "Geachte heer, mevrouw," in pdf_tekst(lees(besluit.besluitbrief))


def test_inventarislijst_csv_voor_nederlandse_spreadsheets(
    coordinator: Medewerker, compleet: WooVerzoek
) -> None:
    document_maken(compleet, "5", titel='=HYPERLINK("https://example.org")', opmerking="Bijlage bij 1")
    besluit = besluiten(compleet, coordinator)
    ruw = lees(besluit.inventarislijst_csv)
    assert ruw.startswith(b"\xef\xbb\xbf")
    tekst = ruw.decode("utf-8-sig")
    assert tekst.splitlines()[0] == ";".join(CSV_KOLOMMEN)
    rijen = list(csv.DictReader(io.StringIO(tekst), delimiter=";"))
    assert [rij["Nummer"] for rij in rijen] == ["1", "2", "3", "4", "5"]
    per_nummer = {rij["Nummer"]: rij for rij in rijen}
    assert per_nummer["1"]["Oordeel"] == "Openbaar"
    assert per_nummer["1"]["Datum"] == "2026-02-03"
    assert per_nummer["1"]["Soort"] == "PDF"
    assert per_nummer["2"]["Oordeel"] == "Deels openbaar"
    assert per_nummer["2"]["Weigeringsgronden"] == "5.1.2e"
    assert per_nummer["3"]["Weigeringsgronden"] == "5.1.2i"
    assert per_nummer["3"]["Document"] == "Intern beraad onderhandelingen"
    # The copy follows its original's assessment and says whose copy it is.
    assert per_nummer["4"]["Dubbel van"] == "1"
    assert per_nummer["4"]["Oordeel"] == "Openbaar"
    # A title that a spreadsheet would run as a formula is kept as text.
    assert per_nummer["5"]["Document"].startswith("'=HYPERLINK")
    assert per_nummer["5"]["Opmerking"] == "Bijlage bij 1"


def test_meerdere_gronden_in_een_cel(coordinator: Medewerker, verzoek: WooVerzoek) -> None:
    document_maken(verzoek, "1", oordeel=Oordeel.NIET_OPENBAAR, gronden=["5.2", "5.1.1e", "5.1.2e"])
    for grond in ("5.2", "5.1.1e", "5.1.2e"):
        motiveren(verzoek, grond, f"Motivering {grond}")
    besluit = besluiten(verzoek, coordinator)
    rij = list(csv.reader(io.StringIO(lees(besluit.inventarislijst_csv).decode("utf-8-sig")), delimiter=";"))[
        1
    ]
    assert rij[5] == "5.1.1e;5.1.2e;5.2"  # in the order of the law


def test_inventarislijst_pdf(coordinator: Medewerker, compleet: WooVerzoek) -> None:
    besluit = besluiten(compleet, coordinator)
    tekst = pdf_tekst(lees(besluit.inventarislijst_pdf))
    assert f"Inventarislijst bij het besluit op Woo-verzoek {compleet.kenmerk}" in tekst
    for verwacht in (
        "Intern beraad onderhandelingen",
        "Deels openbaar",
        "5.1.2i",
        "Kopie van 1",
        "03-02-2026",
    ):
        assert verwacht in tekst, verwacht


def test_bundel_bevat_besluit_lijsten_en_alleen_gelakte_documenten(
    coordinator: Medewerker, compleet: WooVerzoek
) -> None:
    besluit = besluiten(compleet, coordinator)
    with zipfile.ZipFile(io.BytesIO(lees(besluit.bundel))) as archief:
        assert sorted(archief.namelist()) == [
            "besluit.pdf",
            "documenten/1 Notitie 1 over de Stationsstraat.pdf",
            "documenten/2 Notitie 2 over de Stationsstraat.pdf",
            "inventarislijst.csv",
            "inventarislijst.pdf",
        ]
        assert archief.read("besluit.pdf") == lees(besluit.besluitbrief)
        assert archief.read("inventarislijst.csv") == lees(besluit.inventarislijst_csv)
        deels = archief.read("documenten/2 Notitie 2 over de Stationsstraat.pdf")
    document = Document.objects.get(verzoek=compleet, nummer="2")
    assert deels == lees(document.gelakt)
    assert NAAM not in pdf_tekst(deels)
    assert "5.1.2e" in pdf_tekst(deels)  # the box carries its ground


@pytest.mark.parametrize(
    ("titel", "verwacht"),
    [
        ("Notitie: overleg 3/4 <concept>?", "Notitie overleg 3 4 concept"),
        ("../../etc/passwd", "etc passwd"),
        ("   ", "document"),
        ("a" * 200, "a" * 80),
    ],
)
def test_veilige_bestandsnaam(titel: str, verwacht: str) -> None:
    assert veilige_naam(titel) == verwacht


# --- the mail ---------------------------------------------------------------------------------------


def test_verzoeker_krijgt_het_besluit_per_mail_na_commit(
    coordinator: Medewerker,
    compleet: WooVerzoek,
    settings: Any,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.TASKS = ONMIDDELLIJK
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        besluiten(compleet, coordinator)
    assert mailoutbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["jozef@example.org"]
    assert compleet.kenmerk in mail.subject
    assert "Uitkomst: Deels openbaar gemaakt." in mail.body
    assert '"Verkeersbesluit Stationsstraat"' in mail.body  # plain text, not HTML-escaped
    assert "burgemeester en wethouders van Pijnacker-Nootdorp" in mail.body
    kenmerk = compleet.kenmerk.lower()
    assert [naam for naam, _inhoud, _soort in mail.attachments] == [
        f"besluit-{kenmerk}.pdf",
        f"inventarislijst-{kenmerk}.pdf",
        f"besluit-{kenmerk}.zip",
    ]


def test_mail_zonder_documenten_bij_uitgestelde_openbaarmaking(
    coordinator: Medewerker,
    compleet: WooVerzoek,
    settings: Any,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.TASKS = ONMIDDELLIJK
    Derde.objects.create(verzoek=compleet, naam="Bouwbedrijf De Steiger", bezwaar_verwacht=True)
    with django_capture_on_commit_callbacks(execute=True):
        besluit = besluiten(compleet, coordinator)
    mail = mailoutbox[0]
    assert len(mail.attachments) == 2  # letter and inventarislijst, not yet the documents
    assert "niet eerder openbaar dan op" in mail.body
    assert besluit.openbaarmaking_op.strftime("%Y") in mail.body


def test_geen_mail_zonder_emailadres(
    coordinator: Medewerker, settings: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    settings.TASKS = ONMIDDELLIJK
    verzoek = verzoekservices.verzoek_registreren(
        onderwerp="Brief zonder e-mail",
        omschrijving="",
        ontvangen_op=timezone.localdate(),
        kanaal=Kanaal.BRIEF,
        postadres="Dorpsstraat 1, 2641 AA Pijnacker",
        door=coordinator,
    )
    with django_capture_on_commit_callbacks(execute=True):
        besluiten(verzoek, coordinator)
    assert mailoutbox == []


# --- withdrawal -------------------------------------------------------------------------------------


def test_verzoek_intrekken(coordinator: Medewerker, verzoek: WooVerzoek) -> None:
    op = timezone.localdate() - dt.timedelta(days=1)
    services.verzoek_intrekken(verzoek, op=op, toelichting="  Per e-mail ingetrokken.  ", door=coordinator)
    verzoek.refresh_from_db()
    assert verzoek.status == Verzoekstatus.INGETROKKEN
    assert verzoek.ingetrokken_op == op
    assert verzoek.intrekking_toelichting == "Per e-mail ingetrokken."
    assert verzoek.is_afgesloten
    assert Logregel.objects.filter(naam="woo-verzoek.intrekken").count() == 1
    with pytest.raises(ValidationError) as fout:
        services.verzoek_intrekken(verzoek, op=op, toelichting="", door=coordinator)
    assert fout.value.message_dict == {
        "status": ["Het verzoek is ingetrokken; het kan niet meer worden ingetrokken."]
    }


def test_besloten_verzoek_kan_niet_worden_ingetrokken(coordinator: Medewerker, compleet: WooVerzoek) -> None:
    besluiten(compleet, coordinator)
    with pytest.raises(ValidationError) as fout:
        services.verzoek_intrekken(compleet, op=timezone.localdate(), toelichting="", door=coordinator)
    assert fout.value.message_dict == {
        "status": ["Het verzoek is besloten; het kan niet meer worden ingetrokken."]
    }


def test_intrekking_met_onmogelijke_datum_of_zonder_recht(
    coordinator: Medewerker, verzoek: WooVerzoek
) -> None:
    behandelaar = medewerker(Rol.BEHANDELAAR)
    voor = momentopname(verzoek)
    with pytest.raises(ValidationError) as fout:
        services.verzoek_intrekken(
            verzoek, op=timezone.localdate() + dt.timedelta(days=1), toelichting="", door=coordinator
        )
    assert fout.value.message_dict == {"op": ["De datum van intrekking ligt in de toekomst."]}
    with pytest.raises(ValidationError) as fout:
        services.verzoek_intrekken(
            verzoek, op=verzoek.ontvangen_op - dt.timedelta(days=1), toelichting="", door=coordinator
        )
    assert fout.value.message_dict["op"][0].startswith(
        "Een verzoek kan niet zijn ingetrokken vóór het is ontvangen"
    )
    with pytest.raises(PermissionDenied):
        services.verzoek_intrekken(verzoek, op=timezone.localdate(), toelichting="", door=behandelaar)
    assert momentopname(verzoek) == voor


# --- the pages --------------------------------------------------------------------------------------


def _url(naam: str, verzoek: WooVerzoek, *extra: str) -> str:
    return reverse(f"woo:{naam}", args=[verzoek.kenmerk, *extra])


def _formulier(**velden: str) -> dict[str, str]:
    gegevens = {
        "besluit-besluitdatum": timezone.localdate().isoformat(),
        "besluit-ondertekenaar": "Mr. A. van Ambt",
        "besluit-toelichting": "",
    }
    return gegevens | {f"besluit-{naam}": waarde for naam, waarde in velden.items()}


def test_besluitpagina_toont_wat_nog_ontbreekt(
    client: Any, coordinator: Medewerker, compleet: WooVerzoek
) -> None:
    Grondmotivering.objects.filter(verzoek=compleet, grond="5.1.2i").delete()
    client.force_login(coordinator)
    antwoord = client.get(_url("besluit", compleet))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Nog niet in orde:" in html
    assert "Er is geen motivering vastgelegd voor weigeringsgrond 5.1.2i" in html
    assert "Deels openbaar gemaakt" in html  # the outcome if decided now
    assert 'name="besluit-ondertekenaar"' in html


def test_besluit_nemen_via_de_pagina_en_downloaden(
    client: Any, coordinator: Medewerker, compleet: WooVerzoek
) -> None:
    client.force_login(coordinator)
    antwoord = client.post(_url("besluit", compleet), _formulier())
    assert antwoord.status_code == 302
    assert antwoord["Location"] == _url("besluit", compleet)
    compleet.refresh_from_db()
    assert compleet.status == Verzoekstatus.BESLOTEN
    html = client.get(_url("besluit", compleet)).content.decode()
    assert "Deels openbaar gemaakt" in html
    assert 'name="besluit-ondertekenaar"' not in html
    kenmerk = compleet.kenmerk.lower()
    for soort, type_, naam in (
        ("brief", "application/pdf", f"besluit-{kenmerk}.pdf"),
        ("inventarislijst-pdf", "application/pdf", f"inventarislijst-{kenmerk}.pdf"),
        ("inventarislijst-csv", "text/csv; charset=utf-8", f"inventarislijst-{kenmerk}.csv"),
        ("bundel", "application/zip", f"woo-besluit-{kenmerk}.zip"),
    ):
        url = _url("besluit_bestand", compleet, soort)
        assert url in html
        bestand = client.get(url)
        assert bestand.status_code == 200, soort
        assert bestand["Content-Type"] == type_
        assert f'filename="{naam}"' in bestand["Content-Disposition"]
        assert b"".join(bestand.streaming_content)
    assert client.get(_url("besluit_bestand", compleet, "origineel")).status_code == 404


def test_besluit_met_fouten_toont_ze_bij_het_formulier(
    client: Any, coordinator: Medewerker, compleet: WooVerzoek
) -> None:
    document_maken(compleet, "5", status=Beoordelingsstatus.TER_CONTROLE, gelakt=False)
    client.force_login(coordinator)
    antwoord = client.post(_url("besluit", compleet), _formulier(ondertekenaar=""))
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Dit veld is verplicht." in html or "This field is required." in html
    antwoord = client.post(_url("besluit", compleet), _formulier())
    assert antwoord.status_code == 400
    assert "1 document is nog niet goedgekeurd: 5." in antwoord.content.decode()
    assert WooBesluit.objects.count() == 0


def test_behandelaar_ziet_en_downloadt_maar_besluit_niet(
    client: Any, coordinator: Medewerker, compleet: WooVerzoek
) -> None:
    behandelaar = medewerker(Rol.BEHANDELAAR)
    client.force_login(behandelaar)
    antwoord = client.get(_url("besluit", compleet))
    assert antwoord.status_code == 200
    assert 'name="besluit-ondertekenaar"' not in antwoord.content.decode()
    assert client.post(_url("besluit", compleet), _formulier()).status_code == 403
    assert client.get(_url("besluit_bestand", compleet, "brief")).status_code == 404  # no decision yet
    assert client.get(_url("intrekken", compleet)).status_code == 403
    besluiten(compleet, coordinator)
    assert client.get(_url("besluit_bestand", compleet, "bundel")).status_code == 200


def test_downloads_alleen_voor_woo_medewerkers(
    client: Any, coordinator: Medewerker, compleet: WooVerzoek
) -> None:
    besluiten(compleet, coordinator)
    url = _url("besluit_bestand", compleet, "brief")
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(medewerker(Rol.GRIFFIE))
    assert client.get(url).status_code == 403
    assert client.get(_url("besluit", compleet)).status_code == 403
    assert client.get(reverse("woo:besluit_bestand", args=["WOO-1999-0001", "brief"])).status_code == 403


def test_onbekend_kenmerk_geeft_404(client: Any, coordinator: Medewerker) -> None:
    client.force_login(coordinator)
    assert client.get(reverse("woo:besluit", args=["WOO-1999-0001"])).status_code == 404
    assert client.get(reverse("woo:besluit_bestand", args=["WOO-1999-0001", "brief"])).status_code == 404


def test_intrekken_via_de_pagina(client: Any, coordinator: Medewerker, verzoek: WooVerzoek) -> None:
    client.force_login(coordinator)
    assert client.get(_url("intrekken", verzoek)).status_code == 200
    antwoord = client.post(
        _url("intrekken", verzoek),
        {
            "intrekken-op": (timezone.localdate() + dt.timedelta(days=2)).isoformat(),
            "intrekken-toelichting": "",
        },
    )
    assert antwoord.status_code == 400
    assert "De datum van intrekking ligt in de toekomst." in antwoord.content.decode()
    antwoord = client.post(
        _url("intrekken", verzoek),
        {"intrekken-op": timezone.localdate().isoformat(), "intrekken-toelichting": "Telefonisch"},
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("woo:verzoek", args=[verzoek.kenmerk])
    verzoek.refresh_from_db()
    assert verzoek.status == Verzoekstatus.INGETROKKEN
    # Once withdrawn: no form any more, and a second attempt is refused with a message.
    assert 'name="intrekken-op"' not in client.get(_url("intrekken", verzoek)).content.decode()
    antwoord = client.post(
        _url("intrekken", verzoek), {"intrekken-op": timezone.localdate().isoformat()}, follow=True
    )
    assert "kan niet meer worden ingetrokken" in antwoord.content.decode()
    assert client.get(_url("besluit", verzoek)).status_code == 200


def test_besluit_en_intrekken_alleen_met_post_of_get(
    client: Any, coordinator: Medewerker, verzoek: WooVerzoek
) -> None:
    client.force_login(coordinator)
    assert client.put(_url("besluit", verzoek)).status_code == 405
    assert client.post(_url("besluit_bestand", verzoek, "brief")).status_code == 405


def test_sectie_op_de_verzoekpagina(coordinator: Medewerker, compleet: WooVerzoek) -> None:
    context = {"verzoek": compleet, "besluit": None, "mag_behandelen": True}
    html = render_to_string("woo/_verzoek_besluit.html", context)
    assert _url("besluit", compleet) in html
    assert _url("intrekken", compleet) in html
    besluit = besluiten(compleet, coordinator)
    compleet.refresh_from_db()
    html = render_to_string("woo/_verzoek_besluit.html", {"verzoek": compleet, "besluit": besluit})
    assert _url("besluit_bestand", compleet, "bundel") in html
    assert _url("intrekken", compleet) not in html
