"""Demo consultations: one finished, with reactions and a published nota van beantwoording, and one
open for reactions. Loaded once; a second run changes nothing."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html

from raadhuis.accounts.models import Rol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.core import pdf
from raadhuis.samenleving.models import Consultatie
from raadhuis.samenleving.services import consultaties as services

AFGEROND = "Ontwerp-Inspraakverordening Pijnacker-Nootdorp"
OPEN = "Ontwerp-beleidsplan Maatschappelijke partners en subsidies"

REACTIES = [
    # (naam, organisatie, tekst, openbaar, naam tonen, thema, antwoord, ontwerp aangepast)
    (
        "Sanne de Wit",
        "",
        "Zes weken om te reageren is kort in de zomervakantie. "
        "Kunt u de termijn in juli en augustus verlengen?",
        True,
        True,
        "Termijnen",
        "De termijn wordt verlengd met twee weken als hij grotendeels in de zomervakantie valt.",
        True,
    ),
    (
        "Wijkvereniging Keijzershof",
        "Wijkvereniging Keijzershof",
        "Wij vragen om een informatieavond in de wijk bij plannen die een wijk direct raken.",
        True,
        True,
        "Betrekken van inwoners",
        "Bij plannen met grote gevolgen voor een wijk organiseert het college een bijeenkomst in die wijk.",
        True,
    ),
    (
        "Pieter Jansen",
        "",
        "Ik wil graag dat reacties niet met naam op internet komen.",
        False,
        False,
        "Privacy",
        "U kiest zelf of uw reactie openbaar is, en of uw naam erbij staat. "
        "Uw e-mailadres publiceren wij nooit.",
        False,
    ),
]


def _pdf(titel: str, tekst: str) -> bytes:
    return pdf.html_naar_pdf(format_html("<h1>{}</h1><p>{}</p>", titel, tekst), titel=titel)


def _ontwerp(consultatie: Consultatie, door: AbstractBaseUser, tekst: str) -> None:
    bestand = SimpleUploadedFile(
        "ontwerp.pdf", _pdf(consultatie.titel, tekst), content_type="application/pdf"
    )
    services.document_toevoegen(consultatie=consultatie, titel=consultatie.titel, bestand=bestand, door=door)


@transaction.atomic
def laden(uitvoer: OutputWrapper) -> None:
    if Consultatie.objects.filter(titel__in=[AFGEROND, OPEN]).exists():
        return
    griffier = medewerkers_met_rol(Rol.GRIFFIE).first()
    if griffier is None:
        return
    vandaag = timezone.localdate()

    # A finished consultation: reactions came in while it was open (the demo then moves its period
    # into the past), were moderated and answered, and the nota was published with the decision.
    afgerond = services.consultatie_aanmaken(
        titel=AFGEROND,
        samenvatting=(
            "De raad stelt een nieuwe inspraakverordening vast (Gemeentewet artikel 150): wie wordt gehoord "
            "over voorgenomen beleid, hoe lang, en hoe de gemeente reacties beantwoordt."
        ),
        initiatiefnemer=Consultatie.Initiatiefnemer.RAAD,
        begindatum=vandaag - dt.timedelta(days=41),
        einddatum=vandaag,
        contact="Griffie, griffie@pijnacker-nootdorp.nl",
        door=griffier,
    )
    _ontwerp(afgerond, griffier, "Artikel 1. Inspraak wordt verleend over voorgenomen beleid ...")
    for naam, organisatie, tekst, openbaar, naam_tonen, thema, antwoord, gewijzigd in REACTIES:
        reactie = services.reactie_indienen(
            consultatie=afgerond,
            naam=naam,
            emailadres=f"{naam.split()[0].lower()}@example.org",
            organisatie=organisatie,
            tekst=tekst,
            openbaar=openbaar,
            naam_tonen=naam_tonen,
        )
        if openbaar:
            services.reactie_beoordelen(reactie=reactie, goedkeuren=True, door=griffier)
        services.reactie_beantwoorden(
            reactie=reactie, thema=thema, antwoord=antwoord, ontwerp_gewijzigd=gewijzigd, door=griffier
        )
    Consultatie.objects.filter(pk=afgerond.pk).update(
        begindatum=vandaag - dt.timedelta(days=90), einddatum=vandaag - dt.timedelta(days=49)
    )
    afgerond.reacties.update(ingediend_op=timezone.now() - dt.timedelta(days=60))
    services.nota_publiceren(
        consultatie=Consultatie.objects.get(pk=afgerond.pk),
        inleiding="Er kwamen drie reacties binnen. Twee ervan hebben tot aanpassing van het ontwerp geleid.",
        besluit_omschrijving="De raad heeft de Inspraakverordening Pijnacker-Nootdorp vastgesteld, met de "
        "aanpassingen uit deze nota.",
        door=griffier,
    )

    # An open consultation with one public reaction waiting for moderation.
    open_ = services.consultatie_aanmaken(
        titel=OPEN,
        samenvatting=(
            "Het college legt het ontwerp-beleidsplan voor de samenwerking met maatschappelijke partners "
            "voor: welke doelen de gemeente met subsidies en convenanten nastreeft en hoe de resultaten "
            "worden gevolgd."
        ),
        initiatiefnemer=Consultatie.Initiatiefnemer.COLLEGE,
        begindatum=vandaag - dt.timedelta(days=7),
        einddatum=vandaag + dt.timedelta(days=35),
        contact="Team Samenleving, samenleving@pijnacker-nootdorp.nl",
        door=griffier,
    )
    _ontwerp(open_, griffier, "1. Inleiding. Besturen doen we samen met onze maatschappelijke partners ...")
    services.reactie_indienen(
        consultatie=open_,
        naam="Henk Bos",
        emailadres="henk@example.org",
        tekst="Graag meer aandacht voor sportverenigingen in Delfgauw.",
        openbaar=True,
        naam_tonen=False,
    )
    uitvoer.write("Samenleving: 2 consultaties (1 afgerond met nota van beantwoording, 1 open).")
