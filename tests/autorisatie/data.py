"""The concrete objects behind the matrix's path parameters: the demo data plus, for each resident,
a case, an application, an appointment and a survey invitation of their own."""

from __future__ import annotations

import datetime

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort
from raadhuis.dienstverlening.services import intake, zaken
from raadhuis.dienstverlening.services.afspraken import beheercode_hash
from raadhuis.dienstverlening.services.kto import code_hash
from raadhuis.dienstverlening.tests import factories as dv
from raadhuis.publicatie import services as publicatie_services
from raadhuis.publicatie.tests.test_services import aanmaken, maak_pdf
from raadhuis.samenleving.services import petities as petitie_services

BSN_A = "999993653"
BSN_B = "999990019"
KVK = "69599084"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# Secrets that belong to one resident; the matrix checks nobody else gets their pages.
AFSPRAAKCODE = {"a": "matrix-afspraak-a-0123456789", "b": "matrix-afspraak-b-0123456789"}
KTOCODE = {"a": "matrix-kto-a-0123456789abcdef", "b": "matrix-kto-b-0123456789abcdef"}


def _eerste(label: str, veld: str = "pk", **filters: object) -> str:
    model = apps.get_model(label)
    obj = model._default_manager.filter(**filters).order_by("pk").first()
    # A missing object makes the path unknown: the matrix then shows 404 where "ok" is declared.
    for deel in veld.split("__"):
        obj = getattr(obj, deel, None)
    return "0" if obj is None else str(obj)


def inwoner(bsn: str, naam: str) -> Identiteit:
    return Identiteit(
        soort=Soort.INWONER, niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL, bsn=bsn, naam=naam, middel="digid"
    )


def ondernemer() -> Identiteit:
    return Identiteit(
        soort=Soort.ONDERNEMER,
        niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
        kvk_nummer=KVK,
        naam="Uitvaartzorg De Linde",
        middel="eherkenning",
    )


def _resident(w: dict[str, str], letter: str, bsn: str) -> None:
    behandelaar = Medewerker.objects.get(username=Rol.BEHANDELAAR.value)
    zaak = dv.zaak(bsn=bsn, emailadres=f"{letter}@example.org")
    document = zaken.document_toevoegen(
        zaak=zaak,
        bestand=SimpleUploadedFile(f"besluit-{letter}.pdf", PDF, content_type="application/pdf"),
        titel=f"Besluit {letter}",
        door=behandelaar,
        zichtbaar_voor_aanvrager=True,
    )
    w[f"zaak_{letter}"] = zaak.identificatie
    w[f"zaakdocument_{letter}"] = str(document.pk)
    aanvraag = intake.aanvraag_starten(
        product=dv.product("verhuizing-doorgeven"), door=inwoner(bsn, letter.upper())
    )
    w[f"aanvraag_{letter}"] = str(aanvraag.id)
    w[f"aanvraagstap_{letter}"] = intake.formulier_van(aanvraag.product).stappen[0].naam
    # Appointments and survey invitations are reached with the code from their e-mail only; the
    # hash is set directly because booking needs a free slot at the moment the test runs.
    afspraak_model = apps.get_model("dienstverlening.Afspraak")
    afspraak = afspraak_model._default_manager.order_by("pk")[{"a": 0, "b": 1}[letter]]
    afspraak_model._default_manager.filter(pk=afspraak.pk).update(
        bsn=bsn, beheercode_hash=beheercode_hash(AFSPRAAKCODE[letter])
    )
    w[f"afspraakcode_{letter}"] = AFSPRAAKCODE[letter]
    uitnodiging_model = apps.get_model("dienstverlening.Uitnodiging")
    uitnodiging = uitnodiging_model._default_manager.order_by("pk")[{"a": 0, "b": 1}[letter]]
    uitnodiging_model._default_manager.filter(pk=uitnodiging.pk).update(
        code_hash=code_hash(KTOCODE[letter]),
        beantwoord_op=None,
        geldig_tot=datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=30),
    )
    w[f"ktocode_{letter}"] = KTOCODE[letter]


def bouwen(w: dict[str, str]) -> None:
    _resident(w, "a", BSN_A)
    _resident(w, "b", BSN_B)
    griffier = Medewerker.objects.get(username=Rol.GRIFFIE.value)

    # Publication register: a concept with a document beside the published ones.
    concept = aanmaken(griffier, officiele_titel="Matrix-concept niet openbaar")
    conceptdocument = publicatie_services.document_toevoegen(
        concept, titel="Matrix-concept", bestandsnaam="concept.pdf", inhoud=maak_pdf(), door=griffier
    )
    w["publicatie_concept"] = str(concept.uuid)
    w["publicatie_concept_titel"] = "Matrix-concept niet openbaar"
    w["publicatiedocument_concept"] = str(conceptdocument.uuid)
    w["publicatiedocument_concept_naam"] = conceptdocument.bestandsnaam
    w["publicatie"] = _eerste("publicatie.Publicatie", "uuid", status="gepubliceerd")
    gepubliceerd = (
        apps.get_model("publicatie.Publicatiedocument")
        ._default_manager.filter(publicatie__status="gepubliceerd")
        .order_by("pk")[0]
    )
    w["publicatiedocument"] = str(gepubliceerd.uuid)
    w["publicatiedocument_naam"] = gepubliceerd.bestandsnaam
    w["infocat"] = "011"

    # Council: public and closed-session (besloten, Gemeentewet art. 23-25) items and papers.
    w["vergadering"] = _eerste("besluitvorming.Vergadering", status="gehouden")
    besloten = (
        apps.get_model("besluitvorming.Agendapunt")._default_manager.filter(besloten=True).order_by("pk")[0]
    )
    w["agendapunt_besloten"] = str(besloten.pk)
    w["vergadering_besloten"] = str(besloten.vergadering_id)
    punt = (
        apps.get_model("besluitvorming.Agendapunt")
        ._default_manager.filter(besloten=False, vergadering_id=w["vergadering"])
        .order_by("pk")[0]
    )
    w["agendapunt"] = str(punt.pk)
    w["stuk_geheim"] = _eerste("besluitvorming.Stuk", openbaarheid="geheim")
    w["stuk"] = _eerste("besluitvorming.Stuk", openbaarheid="openbaar")
    w["stuk_geheim_titel"] = _eerste("besluitvorming.Stuk", "titel", openbaarheid="geheim")
    w["agendapunt_besloten_titel"] = besloten.titel
    for naam, label in {
        "orgaan": "besluitvorming.Orgaan",
        "persoon": "besluitvorming.Persoon",
        "fractie": "besluitvorming.Fractie",
        "lidmaatschap": "besluitvorming.Lidmaatschap",
        "fractielidmaatschap": "besluitvorming.Fractielidmaatschap",
        "voorstel": "besluitvorming.Voorstel",
        "stemming": "besluitvorming.Stemming",
        "toezegging": "besluitvorming.Toezegging",
        "besluit": "besluitvorming.Besluit",
        "stem": "besluitvorming.Stem",
        "fractiestemresultaat": "besluitvorming.Fractiestemresultaat",
        "aanwezigheid": "besluitvorming.Aanwezigheid",
    }.items():
        w[naam] = _eerste(label)
    w["stemming_openbaar"] = _eerste(
        "besluitvorming.Stemming",
        over_personen=False,
        vergadering__besloten=False,
        vergadering__agenda_gepubliceerd_op__isnull=False,
        agendapunt__besloten=False,
        stemmen__isnull=False,
    )
    w["stemming_besloten"] = _eerste("besluitvorming.Stemming", agendapunt__besloten=True)
    w["persoon_slug"] = _eerste("besluitvorming.Persoon", "slug")
    w["fractie_slug"] = _eerste("besluitvorming.Fractie", "slug")
    w["orgaan_slug"] = _eerste("besluitvorming.Orgaan", "slug")
    w["motie"] = _eerste("besluitvorming.Voorstel", soort="motie")
    # Inspreken (demo_inspreken): a pending request, an admitted one, and what only the griffie sees.
    w["spreekverzoek"] = _eerste("besluitvorming.Spreekverzoek", status="aangevraagd")
    w["spreekverzoek_toegelaten"] = _eerste("besluitvorming.Spreekverzoek", status="toegelaten")
    w["vergadering_inspreken"] = _eerste(
        "besluitvorming.Spreekverzoek", "vergadering_id", status="aangevraagd"
    )
    w["inspreker_zonder_toestemming"] = _eerste(
        "besluitvorming.Spreekverzoek", "naam", status="toegelaten", naam_publiceren=False
    )
    w["inspreker_emailadres"] = _eerste("besluitvorming.Spreekverzoek", "emailadres", status="aangevraagd")
    # Raadsvragen (Gemeentewet art. 155): an open one with a draft answer, an answered one, a concept.
    open_vraag = {"status": "in_behandeling", "concept_antwoord__gt": ""}
    w["raadsvraag"] = _eerste("besluitvorming.Raadsvraag", **open_vraag)
    w["raadsvraag_kenmerk"] = _eerste("besluitvorming.Raadsvraag", "kenmerk", **open_vraag)
    w["raadsvraag_conceptantwoord"] = _eerste("besluitvorming.Raadsvraag", "concept_antwoord", **open_vraag)
    w["raadsvraag_beantwoord"] = _eerste("besluitvorming.Raadsvraag", status="beantwoord")
    w["raadsvraag_concept"] = _eerste("besluitvorming.Raadsvraag", status="concept")
    w["raadsvraag_concept_onderwerp"] = _eerste("besluitvorming.Raadsvraag", "onderwerp", status="concept")

    # Uitvoering.
    w["akkoord_slug"] = _eerste("uitvoering.Akkoord", "slug")
    w["programma_slug"] = _eerste("core.Begrotingsprogramma", "slug")
    for naam, label in {
        "activiteit": "uitvoering.Activiteit",
        "ambitie": "uitvoering.Ambitie",
        "doel": "uitvoering.Programmadoel",
        "actie": "uitvoering.Actie",
    }.items():
        w[naam] = _eerste(label)

    # Samenwerking.
    w["verband_slug"] = _eerste("samenwerking.Samenwerkingsverband", "slug")
    w["wgrprocedure"] = _eerste("samenwerking.Wgrprocedure")
    w["samenwerkingsdocument"] = _eerste("samenwerking.Document")
    w["deelnemer"] = _eerste("samenwerking.Deelnemer", verband__slug=w["verband_slug"])
    w["jaar"] = str(timezone.localdate().year)

    # Samenleving: maatschappelijke partners (an active partner with a contact person).
    w["partner_slug"] = _eerste("samenleving.Partner", "slug", actief=True, contactpersonen__isnull=False)
    w["partner_contact_email"] = _eerste(
        "samenleving.Contactpersoon", "email", partner__slug=w["partner_slug"]
    )
    w["convenant"] = _eerste("samenleving.Convenant")
    w["subsidieverplichting"] = _eerste("samenleving.Subsidieverplichting")
    w["contactpersoon"] = _eerste("samenleving.Contactpersoon")

    # Dienstverlening.
    for naam, label in {
        "product": "dienstverlening.Product",
        "tarief": "dienstverlening.Tarief",
        "locatie": "dienstverlening.Locatie",
        "balie": "dienstverlening.Balie",
        "openingstijd": "dienstverlening.Openingstijd",
        "afspraaktype": "dienstverlening.Afspraaktype",
        "afspraak": "dienstverlening.Afspraak",
        "trouwlocatie": "dienstverlening.Trouwlocatie",
        "ceremoniemoment": "dienstverlening.Ceremoniemoment",
        "babs": "dienstverlening.Babs",
        "klantcontact": "dienstverlening.Klantcontact",
        "terugbelverzoek": "dienstverlening.Terugbelverzoek",
        "kennisartikel": "dienstverlening.Kennisartikel",
    }.items():
        w[naam] = _eerste(label)
    w["product_slug"] = _eerste("dienstverlening.Product", "slug", slug="verhuizing-doorgeven")
    w["tarief_van_product"] = _eerste("dienstverlening.Tarief")
    w["product"] = _eerste("dienstverlening.Tarief", "product_id")
    w["afspraaktype_slug"] = _eerste("dienstverlening.Afspraaktype", "slug")
    w["locatie_slug"] = _eerste("dienstverlening.Locatie", "slug")
    w["dag"] = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    w["zaaktype_slug"] = _eerste("dienstverlening.Zaaktype", "identificatie")

    # Woo: a request in progress with its documents (not yet public), its parties and decision.
    document = (
        apps.get_model("woo.Document")
        ._default_manager.filter(beoordelingsstatus="te_beoordelen")
        .order_by("pk")[0]
    )
    w["woo_kenmerk"] = document.verzoek.kenmerk
    w["woo_document"] = str(document.pk)
    w["woo_document_titel"] = document.titel or document.naam
    # Searched with part of the title, so the echoed search terms do not count as a hit.
    w["woo_document_zoekterm"] = " ".join(w["woo_document_titel"].split()[:2])
    w["lakvak"] = _eerste("woo.Lakvak", document_id=document.pk) if document.lakvakken.exists() else "1"
    w["woo_kenmerk_besloten"] = _eerste("woo.WooVerzoek", "kenmerk", status="besloten")
    w["derde_kenmerk"] = _eerste("woo.Derde", "verzoek__kenmerk")
    w["derde"] = _eerste("woo.Derde")
    w["zichtbare_naam"] = _eerste("woo.ZichtbareNaam")

    # Samenleving: consultaties from the demo (one finished with its nota, one open).
    w["consultatie_afgerond"] = _eerste("samenleving.Consultatie", nota_gepubliceerd_op__isnull=False)
    w["consultatie_open"] = _eerste("samenleving.Consultatie", nota_gepubliceerd_op__isnull=True)
    w["consultatiedocument"] = _eerste("samenleving.Consultatiedocument")
    w["reactie_niet_openbaar_naam"] = _eerste("samenleving.Reactie", "naam", openbaar=False)
    w["reactie_te_beoordelen"] = _eerste("samenleving.Reactie", moderatie="te_beoordelen", openbaar=True)
    w["reactie_te_beoordelen_tekst"] = _eerste(
        "samenleving.Reactie", "tekst", moderatie="te_beoordelen", openbaar=True
    )
    # Samenleving: the demo's open petition, and one that waits for the griffie (never public).
    w["petitie"] = _eerste("samenleving.Petitie", status="open")
    aangevraagd = petitie_services.petitie_indienen(
        soort="petitie",
        titel="Matrix-petitie nog niet beoordeeld",
        tekst="Een verzoek dat de griffie nog niet heeft bekeken.",
        initiatiefnemer_naam="M. Atrix",
        initiatiefnemer_email="matrix@example.org",
        ondertekenen_tot=timezone.localdate() + datetime.timedelta(days=30),
    )
    w["petitie_aangevraagd"] = str(aangevraagd.pk)
    w["petitie_aangevraagd_titel"] = aangevraagd.titel

    # Core.
    w["gelijkgestelde_dag"] = _eerste("core.GelijkgesteldeDag")
    w["verwerkingsactiviteit"] = _eerste("core.Verwerkingsactiviteit", "sleutel")
    w["medewerker"] = str(griffier.pk)
    # Objects of the admin's third-party models: their admin history pages look the object up
    # before checking permissions, so the id must exist on every database (sequences differ).
    # Not the griffier's: a confirmed device of an actor would make that actor need a second factor.
    eigenaar = Medewerker.objects.create_user(username="matrix-apparaat", password=None)
    w["totpdevice"] = str(
        apps.get_model("otp_totp.TOTPDevice")._default_manager.create(user=eigenaar, name="matrix").pk
    )
    w["toegangslog"] = str(
        apps.get_model("axes.AccessLog")
        ._default_manager.create(
            username=eigenaar.get_username(), ip_address="127.0.0.1", user_agent="matrix", path_info="/"
        )
        .pk
    )
