"""Demo data of maatschappelijke partners: a woningcorporatie, a welzijnsorganisatie and an
ondernemersvereniging with convenanten and subsidies (the seed's "onze maatschappelijke partners";
the MRDH is a verbonden partij, kept in samenwerking). Organisations, people and KvK numbers are
fictional."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import OutputWrapper
from django.utils.html import format_html

from raadhuis.accounts.models import Rol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.core import pdf
from raadhuis.samenleving.models import Partner
from raadhuis.samenleving.selectors.partners import Doelkeuze, programmadoelen
from raadhuis.samenleving.services import partners as services

EERSTE_SLUG = "woonstichting-oostland-demo"


def _doelen(*woorden: str) -> list[int]:
    """Goals of the uitvoeringsagenda whose title holds one of the words (none when uitvoering has no
    demo data)."""
    alle: list[Doelkeuze] = programmadoelen()
    return [d.pk for d in alle if any(w.lower() in d.label.lower() for w in woorden)]


def _document(titel: str, tekst: str) -> SimpleUploadedFile:
    html = format_html("<h1>{}</h1><p>{}</p>", titel, tekst)
    return SimpleUploadedFile(
        "convenant.pdf", pdf.html_naar_pdf(html, titel=titel), content_type="application/pdf"
    )


def _partner(door: AbstractBaseUser, woorden: tuple[str, ...] = (), **gegevens: object) -> Partner:
    doelen = _doelen("verbinding met de samenleving", *woorden)
    return services.partner_vastleggen(door=door, gegevens=dict(gegevens), doelen=doelen)


def laden(uitvoer: OutputWrapper) -> None:
    if Partner.objects.filter(slug=EERSTE_SLUG).exists():
        return
    door = medewerkers_met_rol(Rol.BEHEERDER).first()
    controller = medewerkers_met_rol(Rol.CONTROLLER).first() or door
    if door is None or controller is None:
        uitvoer.write("Partners overgeslagen: er is geen beheerder-account.")
        return
    wonen = _partner(
        door,
        naam="Woonstichting Oostland (demo)",
        kvk_nummer="90000012",
        soort="woningcorporatie",
        website="https://www.example.org/woonstichting-oostland",
        omschrijving="Verhuurt sociale huurwoningen in Pijnacker, Nootdorp en Delfgauw en maakt met de "
        "gemeente en de huurdersorganisatie prestatieafspraken over bouwen, betaalbaarheid en verduurzaming.",
        actief=True,
        woorden=("woning",),
    )
    welzijn = _partner(
        door,
        naam="Stichting Welzijn Oostland (demo)",
        kvk_nummer="90000024",
        soort="welzijn",
        website="https://www.example.org/welzijn-oostland",
        omschrijving="Buurtwerk, jongerenwerk, ouderenadvies en ondersteuning van mantelzorgers en "
        "vrijwilligers.",
        actief=True,
        woorden=("zorg en ondersteuning",),
    )
    ondernemers = _partner(
        door,
        naam="Ondernemersvereniging Pijnacker-Nootdorp (demo)",
        kvk_nummer="90000036",
        soort="ondernemers",
        website="https://www.example.org/ondernemers-pn",
        omschrijving="Vereniging van ondernemers in de kernen en op de bedrijventerreinen; partner in "
        "centrummanagement en veilig ondernemen.",
        actief=True,
        woorden=("dienstverlening",),
    )
    _partner(
        door,
        naam="Stichting Dorpshuis De Kern (demo)",
        kvk_nummer="90000048",
        soort="maatschappelijk",
        omschrijving="Beheerde tot 2025 het dorpshuis; de samenwerking is beëindigd.",
        actief=False,
    )
    for partner, naam, functie, email in (
        (wonen, "A. Jansen (demo)", "Manager wonen", "a.jansen@example.org"),
        (welzijn, "B. de Groot (demo)", "Coördinator buurtwerk", "b.degroot@example.org"),
        (ondernemers, "C. Bakker (demo)", "Secretaris", "secretaris@example.org"),
    ):
        services.contactpersoon_toevoegen(
            door=door,
            partner=partner,
            gegevens={"naam": naam, "functie": functie, "email": email, "telefoon": "015 000 00 00"},
        )
    titel = "Prestatieafspraken wonen 2026-2029 (demo)"
    prestatieafspraken = services.convenant_vastleggen(
        door=door,
        gegevens={
            "titel": titel,
            "onderwerp": "Afspraken over nieuwbouw van sociale huurwoningen, betaalbaarheid, verduurzaming "
            "en wonen met zorg en welzijn in de wijken (Woningwet art. 44, verify locally).",
            "ondertekend_op": dt.date(2025, 12, 15),
            "geldig_van": dt.date(2026, 1, 1),
            "geldig_tot": dt.date(2029, 12, 31),
        },
        partners=[wonen, welzijn],
        doelen=_doelen("woning"),
        document=_document(
            titel, "De gemeente, Woonstichting Oostland en Stichting Welzijn Oostland spreken af ..."
        ),
    )
    services.convenant_publiceren(door=door, convenant=prestatieafspraken)
    titel = "Convenant veilig ondernemen bedrijventerrein Oostland (demo)"
    services.convenant_vastleggen(
        door=door,
        gegevens={
            "titel": titel,
            "onderwerp": "Samen werken aan een veilig bedrijventerrein: camerabeveiliging, surveillance en "
            "een keurmerk veilig ondernemen.",
            "ondertekend_op": dt.date(2026, 9, 1),
            "geldig_van": dt.date(2026, 9, 1),
            "geldig_tot": None,
        },
        partners=[ondernemers],
        document=_document(titel, "De gemeente en de ondernemersvereniging spreken af ..."),
    )
    buurtwerk = services.subsidie_vastleggen(
        door=controller,
        gegevens={
            "partner": welzijn,
            "doel": "Buurtwerk en ondersteuning van mantelzorgers 2026 (demo)",
            "toelichting": "Uitvoeringsovereenkomst met jaarlijkse verantwoording van de activiteiten.",
            "bedrag": Decimal("485000.00"),
            "van_jaar": 2026,
            "tot_en_met_jaar": 2026,
            "vorm": "overeenkomst",
            "grondslag": "verordening",
            "grondslag_toelichting": "Algemene subsidieverordening Pijnacker-Nootdorp (demo)",
            "aangegaan_op": dt.date(2025, 12, 1),
        },
        doelen=_doelen("zorg en ondersteuning"),
    )
    services.subsidie_publiceren(door=controller, subsidie=buurtwerk)
    services.subsidie_vastleggen(
        door=controller,
        gegevens={
            "partner": ondernemers,
            "doel": "Centrummanagement Pijnacker-Centrum (demo)",
            "toelichting": "",
            "bedrag": Decimal("25000.00"),
            "van_jaar": 2026,
            "tot_en_met_jaar": 2027,
            "vorm": "overeenkomst",
            "grondslag": "incidenteel",
            "grondslag_toelichting": "",
            "aangegaan_op": dt.date(2026, 3, 1),
        },
    )
    uitvoer.write(
        f"Partners: {Partner.objects.count()} maatschappelijke partners, 2 convenanten en 2 "
        "subsidieverplichtingen (1 van elk gepubliceerd)"
    )
