"""Demo data for desk appointments and ceremonies: two locations with desks and opening hours (one
evening), the usual appointment types tied to the demo products, two wedding locations (a paid
trouwzaal and the free variant), three BABS, and appointments for the coming three weeks booked
through the real service.

Loading is idempotent: what exists (by slug or name) is left alone, and appointments are only
booked when none lie ahead yet.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import time, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.management.base import OutputWrapper
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.dienstverlening.models import Afspraak, Afspraaktype, Babs, Kanaal, Locatie, Trouwlocatie
from raadhuis.dienstverlening.selectors import afspraken as selectors
from raadhuis.dienstverlening.selectors.catalogus import product_met_slug
from raadhuis.dienstverlening.services import afspraken as services

MA, DI, WO, DO, VR, ZA = range(6)
OCHTEND = (time(9, 0), time(12, 30))
MIDDAG = (time(13, 30), time(17, 0))


@dataclass(frozen=True)
class DemoLocatie:
    naam: str
    slug: str
    adres: str
    postcode: str
    plaats: str
    balies: tuple[str, ...]
    openingstijden: tuple[tuple[int, time, time], ...]
    toelichting: str = ""


LOCATIES = (
    DemoLocatie(
        naam="Stadhuis",
        slug="stadhuis",
        adres="Oranjeplein 1",
        postcode="2641 EZ",
        plaats="Pijnacker",
        balies=("Balie 1", "Balie 2", "Balie 3"),
        # Mornings and afternoons with a lunch break; Thursday evening for people who work days.
        openingstijden=(
            *((dag, *OCHTEND) for dag in (MA, DI, WO, DO, VR)),
            *((dag, *MIDDAG) for dag in (MA, DI, WO, DO)),
            (DO, time(18, 0), time(20, 0)),
        ),
        toelichting="Rolstoeltoegankelijk; ingang aan het plein, met een ringleiding aan balie 1.",
    ),
    DemoLocatie(
        naam="Servicepunt Noord",
        slug="servicepunt-noord",
        adres="Dorpsstraat 12",
        postcode="2631 CR",
        plaats="Nootdorp",
        balies=("Balie",),
        openingstijden=((DI, *OCHTEND), (DO, *OCHTEND)),
        toelichting="In de bibliotheek, begane grond.",
    ),
)


@dataclass(frozen=True)
class DemoAfspraaktype:
    naam: str
    slug: str
    duur: int
    product: str
    locaties: tuple[str, ...]
    meenemen: str = ""
    online: bool = True
    gewicht: int = 1  # how often it is booked in the demo


AFSPRAAKTYPEN = (
    DemoAfspraaktype(
        "Paspoort aanvragen",
        "paspoort-aanvragen",
        15,
        "paspoort",
        ("stadhuis", "servicepunt-noord"),
        "Uw huidige paspoort of identiteitskaart en een pasfoto die niet ouder is dan 6 maanden.",
        gewicht=6,
    ),
    DemoAfspraaktype(
        "Identiteitskaart aanvragen",
        "identiteitskaart-aanvragen",
        15,
        "identiteitskaart",
        ("stadhuis", "servicepunt-noord"),
        "Uw huidige identiteitsbewijs en een pasfoto die niet ouder is dan 6 maanden.",
        gewicht=4,
    ),
    DemoAfspraaktype(
        "Reisdocument ophalen",
        "reisdocument-ophalen",
        10,
        "paspoort",
        ("stadhuis", "servicepunt-noord"),
        "Uw oude reisdocument; het wordt ongeldig gemaakt.",
        gewicht=5,
    ),
    DemoAfspraaktype(
        "Rijbewijs aanvragen",
        "rijbewijs-aanvragen",
        15,
        "rijbewijs",
        ("stadhuis",),
        "Uw huidige rijbewijs, een pasfoto en zo nodig de gezondheidsverklaring.",
        gewicht=2,
    ),
    DemoAfspraaktype(
        "Rijbewijs ophalen",
        "rijbewijs-ophalen",
        10,
        "rijbewijs",
        ("stadhuis", "servicepunt-noord"),
        "Uw oude rijbewijs.",
        gewicht=2,
    ),
    DemoAfspraaktype(
        "Aangifte overlijden",
        "aangifte-overlijden",
        30,
        "aangifte-overlijden",
        ("stadhuis",),
        "De verklaring van overlijden (A-verklaring) en de B-envelop van de arts, en uw identiteitsbewijs.",
    ),
    # Digital-first (Wet BRP art. 2.39): at the desk only on request, booked by phone.
    DemoAfspraaktype(
        "Verhuizing doorgeven aan de balie",
        "verhuizing-aan-de-balie",
        15,
        "verhuizing-doorgeven",
        ("stadhuis",),
        "Uw identiteitsbewijs en het huurcontract of de koopakte.",
        online=False,
    ),
)

BABS = ("A. (Anneke) de Wit", "M. (Mohamed) El Idrissi", "P. (Peter) van der Berg")
WERKDAGEN = (MA, DI, WO, DO, VR)
NAMEN = (
    "Sanne de Vries",
    "Daan Bakker",
    "Fatima Yilmaz",
    "Lucas Visser",
    "Emma Smit",
    "Noah Meijer",
    "Julia de Boer",
    "Sem Mulder",
    "Anouk de Groot",
    "Milan Bos",
    "Zoë Vos",
    "Jesse Peters",
    "Lotte Hendriks",
    "Thijs van Leeuwen",
    "Sara Dekker",
    "Bram Brouwer",
    "Yara Kaya",
    "Ruben Dijkstra",
)


def _locaties(beheerder: Medewerker) -> dict[str, Locatie]:
    locaties = {}
    for definitie in LOCATIES:
        locatie = Locatie.objects.filter(slug=definitie.slug).first()
        if locatie is None:
            locatie = services.locatie_aanmaken(
                naam=definitie.naam,
                slug=definitie.slug,
                adres=definitie.adres,
                postcode=definitie.postcode,
                plaats=definitie.plaats,
                tijdvak_minuten=5,
                toelichting=definitie.toelichting,
                door=beheerder,
            )
            for balie in definitie.balies:
                services.balie_toevoegen(locatie=locatie, naam=balie, door=beheerder)
            for weekdag, van, tot in definitie.openingstijden:
                services.openingstijd_toevoegen(
                    locatie=locatie, weekdag=weekdag, van=van, tot=tot, door=beheerder
                )
        locaties[definitie.slug] = locatie
    vandaag = timezone.localdate()
    for locatie in locaties.values():
        services.tijdsloten_aanmaken(locatie, vandaag, vandaag + services.HORIZON)
    return locaties


def _afspraaktypen(beheerder: Medewerker, locaties: dict[str, Locatie]) -> list[tuple[Afspraaktype, int]]:
    typen = []
    for definitie in AFSPRAAKTYPEN:
        afspraaktype = Afspraaktype.objects.filter(slug=definitie.slug).first()
        if afspraaktype is None:
            afspraaktype = services.afspraaktype_aanmaken(
                naam=definitie.naam,
                slug=definitie.slug,
                duur_minuten=definitie.duur,
                locaties=[locaties[slug] for slug in definitie.locaties],
                product=product_met_slug(definitie.product),
                meenemen=definitie.meenemen,
                online_boekbaar=definitie.online,
                door=beheerder,
            )
        typen.append((afspraaktype, definitie.gewicht))
    return typen


def _trouwen(beheerder: Medewerker) -> None:
    if not Trouwlocatie.objects.filter(slug="trouwzaal-stadhuis").exists():
        services.trouwlocatie_aanmaken(
            naam="Trouwzaal stadhuis",
            slug="trouwzaal-stadhuis",
            adres="Oranjeplein 1, 2641 EZ Pijnacker",
            tarief=Decimal("385.00"),
            tarief_demo=True,
            max_gasten=80,
            duur_minuten=45,
            toelichting="De raadzaal als trouwzaal, met ruimte voor 80 gasten.",
            momenten=[
                *(
                    (dag, tijd)
                    for dag in (WO, DO, VR)
                    for tijd in (time(10, 0), time(11, 30), time(14, 0), time(15, 30))
                ),
                (ZA, time(11, 0)),
                (ZA, time(13, 0)),
            ],
            door=beheerder,
        )
    if not Trouwlocatie.objects.filter(slug="spreekkamer").exists():
        services.trouwlocatie_aanmaken(
            naam="Spreekkamer",
            slug="spreekkamer",
            adres="Oranjeplein 1, 2641 EZ Pijnacker",
            gratis=True,
            max_gasten=6,
            duur_minuten=15,
            toelichting="Kosteloze, eenvoudige voltrekking zonder toespraak, met twee tot vier getuigen.",
            momenten=[(dag, tijd) for dag in (MA, DI) for tijd in (time(9, 0), time(9, 30))],
            door=beheerder,
        )
    bestaand = set(Babs.objects.values_list("naam", flat=True))
    for naam in BABS:
        if naam not in bestaand:
            services.babs_aanmaken(naam=naam, door=beheerder)


def _boeken(
    locaties: dict[str, Locatie], typen: list[tuple[Afspraaktype, int]], baliemedewerker: Medewerker
) -> int:
    """Books about ten appointments a day at the Stadhuis and three at Servicepunt Noord, for 3 weeks."""
    kans = random.Random(2641)  # noqa: S311 (repeatable demo data, not security)
    vandaag = timezone.localdate()
    aanbod = {
        slug: [(t, g) for t, g in typen if t.locaties.filter(pk=locatie.pk).exists()]
        for slug, locatie in locaties.items()
    }
    aantal = 0
    for dagen_vooruit in range(1, 22):
        dag = vandaag + timedelta(days=dagen_vooruit)
        for slug, locatie in locaties.items():
            per_dag = 10 if slug == "stadhuis" else 3
            aangeboden = aanbod[slug]
            for _poging in range(per_dag):
                afspraaktype = kans.choices([t for t, _g in aangeboden], weights=[g for _t, g in aangeboden])[
                    0
                ]
                tijden = selectors.beschikbare_tijden(afspraaktype=afspraaktype, locatie=locatie, dag=dag)
                if not tijden:
                    break
                naam = kans.choice(NAMEN)
                digitaal = afspraaktype.online_boekbaar and kans.random() < 0.7
                try:
                    services.afspraak_boeken(
                        afspraaktype=afspraaktype,
                        locatie=locatie,
                        start=kans.choice(tijden),
                        naam=naam,
                        emailadres=f"{naam.split()[0].lower()}@example.org" if digitaal else "",
                        telefoonnummer=f"06{kans.randrange(10_000_000, 99_999_999)}",
                        door=None if digitaal else baliemedewerker,
                        kanaal=Kanaal.DIGITAAL if digitaal else kans.choice([Kanaal.TELEFOON, Kanaal.BALIE]),
                    )
                except ValidationError:
                    continue
                aantal += 1
    return aantal


def laden(uitvoer: OutputWrapper) -> None:
    beheerder = medewerkers_met_rol(Rol.BEHEERDER).first()
    if beheerder is None:
        uitvoer.write("Afspraken overgeslagen: er is geen beheerder om de agenda in te richten.")
        return
    locaties = _locaties(beheerder)
    typen = _afspraaktypen(beheerder, locaties)
    _trouwen(beheerder)
    if Afspraak.objects.filter(start__gte=timezone.now()).exists():
        return
    baliemedewerker = medewerkers_met_rol(Rol.KCC_MEDEWERKER).first() or beheerder
    aantal = _boeken(locaties, typen, baliemedewerker)
    uitvoer.write(f"Afspraken: {len(locaties)} locaties, {len(typen)} soorten, {aantal} afspraken geboekt")
