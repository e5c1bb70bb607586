"""Demo data of besluitvorming: the raad of Pijnacker-Nootdorp (fictional members), its college and a
commissie, the adoption of the raadsakkoord on 15 June 2022, and a year of meetings (2024)."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import pymupdf
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import OutputWrapper
from django.utils.text import slugify

from raadhuis.accounts.models import Rol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.besluitvorming import services
from raadhuis.besluitvorming.models import (
    Agendapunt,
    Fractie,
    Fractielidmaatschap,
    Lidmaatschap,
    Orgaan,
    Persoon,
    Stem,
    Stemming,
    Stuk,
    Vergadering,
    Voorstel,
)
from raadhuis.besluitvorming.selectors.organen import leden_met_functie
from raadhuis.besluitvorming.selectors.publiek import orgaan_op_slug
from raadhuis.besluitvorming.selectors.stemmingen import fracties_op, zitting_hebbende_leden_op

TZ = ZoneInfo("Europe/Amsterdam")
RAAD_SLUG = "gemeenteraad"
# Gemeentewet art. 8 lid 1: 50,001-60,000 inhabitants give 31 seats.
INWONERTAL = 57_000
RAADSPERIODE = dt.date(2022, 3, 30)
WETHOUDERS_BENOEMD = dt.date(2022, 6, 30)
LOCATIE = "Raadzaal, Oranjeplein 1, Pijnacker"
VOOR, TEGEN = Stem.Keuze.VOOR, Stem.Keuze.TEGEN

# (afkorting, naam, zetels); every name is fictional and says so.
FRACTIES: tuple[tuple[str, str, int], ...] = (
    ("LB", "Lokaal Belang (demo)", 7),
    ("GD", "Groen Dorp (demo)", 5),
    ("LM", "Liberaal Midden (demo)", 4),
    ("SPN", "Sociaal Pijnacker-Nootdorp (demo)", 4),
    ("CV", "Christelijk Verbond (demo)", 3),
    ("JN", "Jong Nootdorp (demo)", 3),
    ("OPD", "Ouderenpartij Delfgauw (demo)", 2),
    ("DG", "Dorpsgezind (demo)", 2),
    ("OR", "Onafhankelijke Raadsfractie (demo)", 1),
)
NAMEN: tuple[tuple[str, str, str], ...] = (
    ("Anouk", "", "Verbeek"),
    ("Bram", "van", "Leeuwen"),
    ("Carla", "", "Smit"),
    ("Daan", "de", "Graaf"),
    ("Esther", "", "Koster"),
    ("Frank", "van der", "Heijden"),
    ("Gerda", "", "Vos"),
    ("Hamid", "", "El Amrani"),
    ("Ilse", "", "Brouwer"),
    ("Joost", "van", "Dam"),
    ("Karin", "", "Mulder"),
    ("Lucas", "", "Bosman"),
    ("Marloes", "de", "Wit"),
    ("Niels", "", "Hoekstra"),
    ("Olga", "van", "Rijn"),
    ("Pieter", "", "Zwart"),
    ("Quirine", "", "Dekker"),
    ("Ruben", "ter", "Horst"),
    ("Sanne", "", "Vermeulen"),
    ("Tim", "", "Jansen"),
    ("Ursula", "", "Kok"),
    ("Vincent", "", "Peeters"),
    ("Wendy", "van", "Vliet"),
    ("Youssef", "", "Bakkali"),
    ("Zoë", "", "Hendriks"),
    ("Arjen", "", "Schouten"),
    ("Bianca", "", "Meijer"),
    ("Cor", "van", "Wijk"),
    ("Dewi", "", "Pranoto"),
    ("Evert", "", "Prins"),
    ("Fleur", "", "Lammers"),
)
OPVOLGER = ("Gijs", "", "Versteeg")
# (voornaam, tussenvoegsel, achternaam, portefeuille)
COLLEGE: tuple[tuple[str, str, str, str], ...] = (
    ("Marianne", "van", "Houten", "Openbare orde en veiligheid, bestuurlijke zaken, regionale samenwerking"),
    ("Hans", "", "Brinkman", "Ruimtelijke ordening, wonen en grondzaken"),
    ("Saskia", "", "Willemsen", "Financiën, economie en dienstverlening"),
    ("Rachid", "", "Benali", "Zorg, jeugd en onderwijs"),
    ("Jolanda", "", "Kuipers", "Duurzaamheid, mobiliteit en openbare ruimte"),
    ("Thijs", "van den", "Berg", "Sport, cultuur en participatie"),
)
BURGERLEDEN: tuple[tuple[str, str, str], ...] = (
    ("Mila", "", "Groen"),
    ("Sem", "", "Vink"),
    ("Nadia", "", "Amrani"),
    ("Koen", "", "Dijkstra"),
)
GRIFFIER = ("Lotte", "", "Griffioen")
# Members who change: LM4 joins Dorpsgezind (demo); SPN3 resigns, the seat is vacant until Gijs Versteeg
# is admitted.
WISSEL = ("LM4", "DG", dt.date(2024, 2, 1))
VERTREK = ("SPN3", dt.date(2024, 3, 31))
ALLEN = frozenset(afkorting for afkorting, _naam, _zetels in FRACTIES)
BREED = ALLEN - {"OR"}
MEERDERHEID = frozenset({"LB", "GD", "LM", "SPN", "CV"})
OPPOSITIE = frozenset({"JN", "OPD", "DG", "OR"})
# 15 seats in 2024, after the wissel: with one LB member away, a tie.
GELIJK = frozenset({"GD", "SPN", "CV", "JN"})


@dataclass(frozen=True)
class Motie:
    titel: str
    indiener: str
    voor: frozenset[str]
    portefeuille: int = 1
    vreemd: bool = False
    # Moties register: "afgedaan", "niet_uitgevoerd" or "" (still open).
    afhandeling: str = ""


@dataclass(frozen=True)
class Punt:
    titel: str
    portefeuille: int = 1
    hamerstuk: bool = False
    voor: frozenset[str] = BREED
    onderwerp: str = Agendapunt.Onderwerp.OVERIG
    besloten: bool = False
    amendementen: tuple[tuple[str, str, frozenset[str]], ...] = ()
    moties: tuple[Motie, ...] = ()
    tegen_aangetekend: tuple[str, ...] = ()
    stemverklaring: tuple[str, str] | None = None
    # A vote on a motie postponed at an earlier meeting (Gemeentewet art. 32 lid 4).
    uitgestelde_motie: str = ""
    toelating: bool = False


@dataclass(frozen=True)
class Raadsvergadering:
    datum: dt.date
    punten: tuple[Punt, ...]
    afwezig: tuple[str, ...] = ()
    titel: str = ""


@dataclass
class Demo:
    door: AbstractBaseUser
    raad: Orgaan
    college: Orgaan
    commissie: Orgaan
    fracties: dict[str, Fractie] = field(default_factory=dict)
    leden: dict[str, Persoon] = field(default_factory=dict)
    collegeleden: list[Persoon] = field(default_factory=list)
    moties: dict[str, Voorstel] = field(default_factory=dict)
    raadszetels: dict[str, Lidmaatschap] = field(default_factory=dict)
    fractieleden: dict[str, Fractielidmaatschap] = field(default_factory=dict)
    aanwezig: set[int] = field(default_factory=set)
    tellingen: Counter[str] = field(default_factory=Counter)


TIE_MOTIE = "Motie Tijdelijke woningen voor starters"

RAADSVERGADERINGEN: tuple[Raadsvergadering, ...] = (
    Raadsvergadering(
        dt.date(2024, 1, 25),
        (
            Punt("Verordening Rekenkamercommissie Pijnacker-Nootdorp 2024", portefeuille=0, hamerstuk=True),
            Punt(
                "Startnotitie Omgevingsvisie Pijnacker-Nootdorp 2040",
                amendementen=(("Amendement Groene verbindingen tussen de kernen", "GD1", ALLEN - {"LM"}),),
                moties=(
                    Motie(
                        "Motie Jongeren praten mee over de omgevingsvisie",
                        "JN1",
                        BREED,
                        5,
                        afhandeling="afgedaan",
                    ),
                ),
            ),
        ),
        afwezig=("OPD2",),
    ),
    Raadsvergadering(
        dt.date(2024, 2, 22),
        (
            Punt(
                "Zienswijze ontwerpbegroting 2025 Metropoolregio Rotterdam Den Haag",
                portefeuille=0,
                hamerstuk=True,
            ),
            Punt(
                "Woningbouwprogramma 2024-2030",
                voor=MEERDERHEID | {"JN"},
                moties=(Motie(TIE_MOTIE, "SPN1", GELIJK),),
                stemverklaring=("OPD1", "Wij stemmen voor, maar vragen aandacht voor woningen voor ouderen."),
            ),
        ),
        afwezig=("LB7",),
    ),
    Raadsvergadering(
        dt.date(2024, 3, 21),
        (
            Punt(
                "Wijziging Afvalstoffenverordening 2024",
                portefeuille=4,
                hamerstuk=True,
                tegen_aangetekend=("OR1",),
            ),
            Punt(
                TIE_MOTIE + " (stemming na staking van stemmen)", portefeuille=1, uitgestelde_motie=TIE_MOTIE
            ),
            Punt(
                "Opvolging aanbevelingen Rekenkamerrapport Digitale dienstverlening",
                portefeuille=2,
                moties=(Motie("Motie Digitaal waar het kan, persoonlijk waar nodig", "CV1", ALLEN, 2),),
            ),
        ),
        afwezig=("LB6",),
    ),
    Raadsvergadering(
        dt.date(2024, 4, 18),
        (
            Punt(
                "Regionale Energiestrategie Rotterdam Den Haag 2.0",
                portefeuille=4,
                voor=ALLEN - {"OPD", "OR"},
            ),
            Punt(
                "Verkeersveiligheidsplan 2024-2028",
                portefeuille=4,
                moties=(Motie("Motie Gratis parkeren in de dorpskernen", "OPD1", OPPOSITIE, 4),),
            ),
        ),
    ),
    Raadsvergadering(
        dt.date(2024, 5, 16),
        (
            Punt(
                "Onderzoek geloofsbrieven en toelating van een nieuw raadslid",
                portefeuille=0,
                hamerstuk=True,
                onderwerp=Agendapunt.Onderwerp.TOELATING,
                toelating=True,
            ),
            Punt(
                "Kadernota 2025",
                portefeuille=2,
                voor=MEERDERHEID | {"DG"},
                moties=(
                    Motie(
                        "Motie Sportverenigingen toekomstbestendig",
                        "LB2",
                        BREED,
                        5,
                        afhandeling="niet_uitgevoerd",
                    ),
                    Motie("Motie Onderzoek naar een gemeentelijke woonwinkel", "SPN2", GELIJK | {"DG"}, 1),
                ),
            ),
        ),
        afwezig=("CV3", "LB4"),
    ),
    Raadsvergadering(
        dt.date(2024, 6, 20),
        (
            Punt(
                "Jaarstukken 2023 Gemeenschappelijke Regeling Midden-Delfland", portefeuille=0, hamerstuk=True
            ),
            Punt("Herijking Integraal Huisvestingsplan Onderwijs", portefeuille=3, hamerstuk=True),
        ),
        afwezig=("GD5",),
    ),
    Raadsvergadering(
        dt.date(2024, 7, 11),
        (
            Punt(
                "Jaarrekening 2023",
                portefeuille=2,
                onderwerp=Agendapunt.Onderwerp.JAARREKENING,
                voor=ALLEN - {"OR"},
                stemverklaring=(
                    "OR1",
                    "De fractie stemt tegen vanwege de overschrijding bij het sociaal domein.",
                ),
            ),
            Punt(
                "Grondtransactie bedrijventerrein Heron (besloten)",
                portefeuille=1,
                hamerstuk=True,
                besloten=True,
            ),
        ),
    ),
    Raadsvergadering(
        dt.date(2024, 8, 29),
        (Punt("Vaststelling bestemmingsplan Tuindersweg-Oost", portefeuille=1, voor=ALLEN - {"GD"}),),
        afwezig=("JN3", "DG1"),
    ),
    Raadsvergadering(
        dt.date(2024, 9, 26),
        (
            Punt(
                "Startnotitie Visie op dienstverlening 2025-2030",
                portefeuille=2,
                amendementen=(("Amendement Eén loket voor ondernemers", "LM1", OPPOSITIE | {"LM"}),),
                moties=(Motie("Motie Telefonisch spreekuur voor inwoners zonder DigiD", "OPD1", BREED, 2),),
            ),
        ),
        afwezig=("SPN1",),
    ),
    Raadsvergadering(
        dt.date(2024, 10, 31),
        (
            Punt("Strategische Agenda MRDH 2023-2026: voortgangsrapportage", portefeuille=0, hamerstuk=True),
            Punt(
                "Uitvoeringsprogramma Schoolomgevingen 2025",
                portefeuille=4,
                hamerstuk=True,
                # Not vreemd aan de orde van de dag: the public templates cannot yet show a vote without
                # an agendapunt (reported with the demo).
                moties=(Motie("Motie Veilige schoolroutes", "CV2", ALLEN, 4),),
            ),
        ),
        afwezig=("LB3",),
    ),
    Raadsvergadering(
        dt.date(2024, 11, 7),
        (
            Punt(
                "Programmabegroting 2025-2028",
                portefeuille=2,
                onderwerp=Agendapunt.Onderwerp.BEGROTING,
                voor=MEERDERHEID | {"JN", "DG"},
                amendementen=(
                    ("Amendement Extra middelen jongerenwerk", "JN1", GELIJK | {"LM", "OPD"}),
                    ("Amendement Schrappen verhoging toeristenbelasting", "OR1", OPPOSITIE),
                ),
                moties=(
                    Motie("Motie Armoedeval voorkomen", "SPN2", BREED, 3, afhandeling="afgedaan"),
                    Motie("Motie Bomenplan voor elke wijk", "GD1", GELIJK | {"LB"}, 4),
                ),
                stemverklaring=(
                    "DG1",
                    "Dorpsgezind stemt in met de begroting, met zorg over de lastenstijging.",
                ),
            ),
        ),
        titel="Begrotingsraad 7 november 2024",
    ),
    Raadsvergadering(
        dt.date(2024, 11, 28),
        (
            Punt(
                "Belastingverordeningen 2025",
                portefeuille=2,
                hamerstuk=True,
                onderwerp=Agendapunt.Onderwerp.BELASTINGEN,
                tegen_aangetekend=("OR1", "OPD2"),
            ),
            Punt("Verordening Woo-register en actieve openbaarmaking", portefeuille=0, hamerstuk=True),
        ),
        afwezig=("LM2",),
    ),
    Raadsvergadering(
        dt.date(2024, 12, 19),
        (
            Punt(
                "Mid-term review raadsakkoord 'Bouwen aan de toekomst'",
                portefeuille=0,
                voor=BREED,
                moties=(Motie("Motie Uitvoeringsagenda zichtbaar voor inwoners", "LB1", ALLEN, 0),),
            ),
        ),
        afwezig=("GD2",),
    ),
)

# (date, titles of the items: bespreekpunten with a raadsinformatiebrief each)
COMMISSIEVERGADERINGEN: tuple[tuple[dt.date, tuple[str, ...]], ...] = (
    (
        dt.date(2024, 1, 15),
        ("Startnotitie Omgevingsvisie Pijnacker-Nootdorp 2040", "Raadsinformatiebrief Woo-verzoeken 2023"),
    ),
    (dt.date(2024, 2, 12), ("Woningbouwprogramma 2024-2030",)),
    (dt.date(2024, 3, 11), ("Opvolging aanbevelingen Rekenkamerrapport Digitale dienstverlening",)),
    (
        dt.date(2024, 4, 8),
        ("Regionale Energiestrategie Rotterdam Den Haag 2.0", "Verkeersveiligheidsplan 2024-2028"),
    ),
    (dt.date(2024, 5, 6), ("Kadernota 2025",)),
    (dt.date(2024, 6, 10), ("Raadsinformatiebrief Klanttevredenheid publieksdienstverlening",)),
    (dt.date(2024, 7, 1), ("Jaarrekening 2023",)),
    (dt.date(2024, 8, 19), ("Vaststelling bestemmingsplan Tuindersweg-Oost",)),
    (dt.date(2024, 9, 16), ("Startnotitie Visie op dienstverlening 2025-2030",)),
    (dt.date(2024, 10, 21), ("Raadsinformatiebrief Wet digitale overheid: stand van zaken",)),
    (dt.date(2024, 10, 28), ("Programmabegroting 2025-2028",)),
    (dt.date(2024, 12, 9), ("Mid-term review raadsakkoord 'Bouwen aan de toekomst'",)),
)

# (commissie meeting index, portefeuille, toezegging, deadline, answer or "" if still open)
TOEZEGGINGEN: tuple[tuple[int, int, str, dt.date, str], ...] = (
    (
        0,
        1,
        "De wethouder stuurt de raad voor de zomer een overzicht van de participatiebijeenkomsten.",
        dt.date(2024, 6, 30),
        "Het overzicht is op 20 juni 2024 als raadsinformatiebrief verstuurd.",
    ),
    (
        1,
        1,
        "De wethouder informeert de raad over het aandeel sociale huur per bouwproject.",
        dt.date(2024, 9, 1),
        "",
    ),
    (
        2,
        2,
        "Het college komt met een planning voor de startnotitie visie op dienstverlening.",
        dt.date(2024, 7, 1),
        "De planning staat in de raadsinformatiebrief van 24 juni 2024 (Q3 2024).",
    ),
    (
        3,
        4,
        "De wethouder deelt de resultaten van de verkeerstellingen rond de scholen.",
        dt.date(2024, 12, 31),
        "",
    ),
    (
        6,
        2,
        "Het college licht de overschrijding in het sociaal domein schriftelijk toe.",
        dt.date(2024, 9, 30),
        "Toegelicht in de eerste bestuursrapportage 2024.",
    ),
    (8, 2, "De wethouder onderzoekt of de balie op zaterdag open kan.", dt.date(2025, 3, 1), ""),
    (10, 3, "Het college rapporteert over het bereik van de armoederegelingen.", dt.date(2027, 6, 1), ""),
)

ALINEAS = (
    "Aanleiding. Het college legt de raad dit stuk voor in het kader van het raadsakkoord 2022-2026 "
    "'Bouwen aan de toekomst' en de Uitvoeringsagenda 2022-2026.",
    "Beoogd effect. Met dit besluit zet de gemeente een volgende stap in goede democratische besluitvorming, "
    "in verbinding met inwoners, ondernemers en maatschappelijke partners.",
    "Argumenten. Het voorstel past binnen de kaders die de raad eerder heeft gesteld. De uitvoering is "
    "haalbaar binnen de begroting en sluit aan bij de afspraken in de Metropoolregio Rotterdam Den Haag.",
    "Financiële gevolgen. De kosten worden gedekt binnen de bestaande budgetten van het programma "
    "Bestuur en Dienstverlening.",
    "Dit is een fictief demostuk van Raadhuis; het is geen officieel document van de gemeente.",
)


def _pdf(titel: str, alineas: Sequence[str]) -> SimpleUploadedFile:
    document = pymupdf.open()  # type: ignore[no-untyped-call]
    pagina = document.new_page()
    pagina.insert_text((72, 80), titel, fontsize=14)
    y = 120
    for alinea in alineas:
        for regel in textwrap.wrap(alinea, 85):
            pagina.insert_text((72, y), regel, fontsize=10)
            y += 14
        y += 10
    inhoud: bytes = document.tobytes(deflate=True)  # type: ignore[no-untyped-call]
    document.close()  # type: ignore[no-untyped-call]
    return SimpleUploadedFile(f"{slugify(titel)[:80]}.pdf", inhoud, content_type="application/pdf")


def _moment(datum: dt.date, uur: int = 20, minuut: int = 0) -> dt.datetime:
    return dt.datetime(datum.year, datum.month, datum.day, uur, minuut, tzinfo=TZ)


def _persoon(demo: Demo, naam: tuple[str, str, str]) -> Persoon:
    voornaam, tussenvoegsel, achternaam = naam
    return services.persoon_aanmaken(
        voornaam=voornaam,
        voorletters=f"{voornaam[0]}.",
        tussenvoegsel=tussenvoegsel,
        achternaam=achternaam,
        woonplaats="Pijnacker-Nootdorp",
        door=demo.door,
    )


def _organen(door: AbstractBaseUser) -> Demo:
    raad = services.orgaan_aanmaken(
        soort=Orgaan.Soort.RAAD,
        naam="Gemeenteraad Pijnacker-Nootdorp",
        afkorting="Raad",
        slug=RAAD_SLUG,
        inwonertal=INWONERTAL,
        actief_vanaf=RAADSPERIODE,
        omschrijving="De gemeenteraad is het hoogste besluitvormende orgaan van de gemeente (demogegevens).",
        door=door,
    )
    college = services.orgaan_aanmaken(
        soort=Orgaan.Soort.COLLEGE,
        naam="College van burgemeester en wethouders",
        afkorting="College",
        slug="college",
        zetels=len(COLLEGE),
        actief_vanaf=RAADSPERIODE,
        door=door,
    )
    commissie = services.orgaan_aanmaken(
        soort=Orgaan.Soort.COMMISSIE,
        naam="Commissie Bestuur en Dienstverlening",
        afkorting="Commissie B&D",
        slug="commissie-bestuur-en-dienstverlening",
        actief_vanaf=dt.date(2022, 5, 1),
        omschrijving="Bereidt de besluitvorming van de raad voor over bestuur, financiën en dienstverlening.",
        door=door,
    )
    return Demo(door=door, raad=raad, college=college, commissie=commissie)


def _leden(demo: Demo) -> None:
    door, namen = demo.door, iter(NAMEN)
    for afkorting, naam, zetels in FRACTIES:
        fractie = services.fractie_aanmaken(
            naam=naam, afkorting=afkorting, slug=slugify(naam), actief_vanaf=RAADSPERIODE, door=door
        )
        demo.fracties[afkorting] = fractie
        for nummer in range(1, zetels + 1):
            persoon = _persoon(demo, next(namen))
            demo.leden[f"{afkorting}{nummer}"] = persoon
            demo.raadszetels[f"{afkorting}{nummer}"] = services.lidmaatschap_starten(
                persoon=persoon,
                orgaan=demo.raad,
                functie=Lidmaatschap.Functie.LID,
                begin=RAADSPERIODE,
                door=door,
            )
            demo.fractieleden[f"{afkorting}{nummer}"] = services.fractielidmaatschap_starten(
                persoon=persoon,
                fractie=fractie,
                begin=RAADSPERIODE,
                functie=Fractielidmaatschap.Functie.FRACTIEVOORZITTER
                if nummer == 1
                else Fractielidmaatschap.Functie.LID,
                door=door,
            )
    griffier = _persoon(demo, GRIFFIER)
    for voornaam, tussenvoegsel, achternaam, portefeuille in COLLEGE:
        persoon = _persoon(demo, (voornaam, tussenvoegsel, achternaam))
        burgemeester = not demo.collegeleden
        demo.collegeleden.append(persoon)
        services.lidmaatschap_starten(
            persoon=persoon,
            orgaan=demo.college,
            functie=Lidmaatschap.Functie.BURGEMEESTER if burgemeester else Lidmaatschap.Functie.WETHOUDER,
            begin=RAADSPERIODE if burgemeester else WETHOUDERS_BENOEMD,
            portefeuille=portefeuille,
            door=door,
        )
    # The burgemeester chairs the raad without being a member (Gemeentewet art. 9).
    for orgaan in (demo.raad, demo.commissie):
        services.lidmaatschap_starten(
            persoon=griffier,
            orgaan=orgaan,
            functie=Lidmaatschap.Functie.GRIFFIER,
            begin=orgaan.actief_vanaf,
            door=door,
        )
    services.lidmaatschap_starten(
        persoon=demo.collegeleden[0],
        orgaan=demo.raad,
        functie=Lidmaatschap.Functie.VOORZITTER,
        begin=RAADSPERIODE,
        door=door,
    )
    begin = demo.commissie.actief_vanaf
    for sleutel in ("LB2", "GD2", "LM1", "SPN2", "CV2", "JN2", "OPD1", "DG2", "OR1"):
        services.lidmaatschap_starten(
            persoon=demo.leden[sleutel],
            orgaan=demo.commissie,
            functie=Lidmaatschap.Functie.LID,
            begin=begin,
            door=door,
        )
    services.lidmaatschap_starten(
        persoon=demo.leden["CV1"],
        orgaan=demo.commissie,
        functie=Lidmaatschap.Functie.VOORZITTER,
        begin=begin,
        door=door,
    )
    for burgerlid, partij in zip(BURGERLEDEN, ("LB", "GD", "SPN", "LM"), strict=True):
        persoon = _persoon(demo, burgerlid)
        demo.leden[f"burgerlid-{partij}"] = persoon
        services.lidmaatschap_starten(
            persoon=persoon,
            orgaan=demo.commissie,
            functie=Lidmaatschap.Functie.BURGERLID,
            begin=begin,
            door=door,
        )
        services.fractielidmaatschap_starten(
            persoon=persoon,
            fractie=demo.fracties[partij],
            begin=begin,
            functie=Fractielidmaatschap.Functie.BURGERLID,
            door=door,
        )


def _wijzigingen_in_de_raad(demo: Demo) -> None:
    """The fractie change and the vacancy of 2024 (Gemeentewet art. 27: the seat stays with the member)."""
    sleutel, naar, per = WISSEL
    services.fractie_wisselen(
        persoon=demo.leden[sleutel], fractie=demo.fracties[naar], per=per, door=demo.door
    )
    sleutel, einde = VERTREK
    services.lidmaatschap_beeindigen(lidmaatschap=demo.raadszetels[sleutel], einde=einde, door=demo.door)
    services.fractielidmaatschap_beeindigen(
        fractielidmaatschap=demo.fractieleden[sleutel], einde=einde, door=demo.door
    )


def _opvolger_toelaten(demo: Demo, datum: dt.date) -> None:
    opvolger = _persoon(demo, OPVOLGER)
    demo.leden["SPN5"] = opvolger
    services.lidmaatschap_starten(
        persoon=opvolger, orgaan=demo.raad, functie=Lidmaatschap.Functie.LID, begin=datum, door=demo.door
    )
    services.fractielidmaatschap_starten(
        persoon=opvolger, fractie=demo.fracties["SPN"], begin=datum, door=demo.door
    )


def _stuk(
    demo: Demo, punt: Agendapunt, soort: str, titel: str, datum: dt.date, *, geheim: bool = False
) -> Stuk:
    # Secrecy imposed by the college lapses unless the raad confirms it (Gemeentewet art. 25).
    stuk = services.stuk_toevoegen(
        agendapunt=punt,
        soort=soort,
        titel=titel,
        datum=datum,
        bestand=_pdf(titel, ALINEAS),
        openbaarheid=Stuk.Openbaarheid.GEHEIM if geheim else Stuk.Openbaarheid.OPENBAAR,
        geheim_tot_bekrachtiging=geheim,
        door=demo.door,
    )
    demo.tellingen["stukken"] += 1
    return stuk


def _openen(demo: Demo, vergadering: Vergadering, afwezig: Iterable[str]) -> None:
    weg = {demo.leden[sleutel].pk for sleutel in afwezig}
    dag = vergadering.begin.astimezone(TZ).date()
    aanwezigen = [lm.persoon for lm in leden_met_functie(vergadering.orgaan, dag) if lm.persoon_id not in weg]
    services.presentielijst_vastleggen(vergadering=vergadering, aanwezigen=aanwezigen, door=demo.door)
    demo.aanwezig = {persoon.pk for persoon in aanwezigen}
    opening = services.vergadering_openen(vergadering=vergadering, door=demo.door)
    if not opening.geopend:
        raise RuntimeError(f"Demo: {vergadering} kon niet worden geopend.")


def _afsluiten(demo: Demo, vergadering: Vergadering, punten: Iterable[Agendapunt]) -> None:
    for punt in punten:
        services.agendapunt_behandeld(agendapunt=punt, behandeld=True, door=demo.door)
    services.vergadering_gehouden(vergadering=vergadering, door=demo.door)
    services.besluitenlijst_vaststellen(vergadering=vergadering, door=demo.door)


def _aanwezige_leden(demo: Demo, vergadering: Vergadering) -> list[Persoon]:
    """The seated members present (the chair and the griffier sign the presentielijst but do not vote)."""
    dag = vergadering.begin.astimezone(TZ).date()
    return [p for p in zitting_hebbende_leden_op(orgaan=vergadering.orgaan, op=dag) if p.pk in demo.aanwezig]


def _stemmen(demo: Demo, vergadering: Vergadering, voor: frozenset[str]) -> dict[Persoon, str]:
    """A roll call in which every present member votes with their fractie (art. 27 allows otherwise)."""
    leden = _aanwezige_leden(demo, vergadering)
    fractie_van = fracties_op(personen=leden, op=vergadering.begin.astimezone(TZ).date())
    return {persoon: VOOR if fractie_van[persoon.pk].afkorting in voor else TEGEN for persoon in leden}


def _stemming(
    demo: Demo,
    vergadering: Vergadering,
    voorstel: Voorstel,
    voor: frozenset[str],
    minuten: int,
    agendapunt: Agendapunt | None = None,
) -> Stemming:
    stemmen = _stemmen(demo, vergadering, voor)
    stemming = services.stemming_vastleggen(
        voorstel=voorstel,
        agendapunt=agendapunt,
        stemmen=stemmen,
        aanwezig=list(stemmen),
        moment=vergadering.begin + dt.timedelta(minutes=minuten),
        door=demo.door,
    )
    demo.tellingen["stemmingen"] += 1
    return stemming


def _raadsakkoord(demo: Demo) -> None:
    """Seed: the raadsakkoord 2022-2026 'Bouwen aan de toekomst', written with 8 of the 9 fracties,
    adopted on 15 June 2022."""
    datum = dt.date(2022, 6, 15)
    vergadering = services.vergadering_plannen(
        orgaan=demo.raad,
        titel="Raadsvergadering 15 juni 2022",
        begin=_moment(datum),
        einde=_moment(datum, 22, 30),
        locatie=LOCATIE,
        door=demo.door,
    )
    titel = "Raadsakkoord op hoofdlijnen 2022-2026 'Bouwen aan de toekomst'"
    punt = services.agendapunt_toevoegen(
        vergadering=vergadering,
        titel=titel,
        omschrijving="Het raadsakkoord is tot stand gekomen met medewerking van acht van de negen fracties.",
        kenmerk="5",
        portefeuillehouder=demo.collegeleden[0],
        door=demo.door,
    )
    stuk = _stuk(demo, punt, Stuk.Soort.VOORSTEL, f"Raadsvoorstel {titel}", datum - dt.timedelta(days=14))
    services.agenda_publiceren(vergadering=vergadering, door=demo.door)
    _openen(demo, vergadering, ())
    voorstel = services.voorstel_indienen(
        vergadering=vergadering,
        agendapunt=punt,
        soort=Voorstel.Soort.VOORSTEL,
        titel=titel,
        tekst="De raad stelt het raadsakkoord op hoofdlijnen 2022-2026 'Bouwen aan de toekomst' vast.",
        stuk=stuk,
        ingediend_op=_moment(datum, 20),
        door=demo.door,
    )
    stemming = _stemming(demo, vergadering, voorstel, BREED, 90)
    services.stemverklaring_vastleggen(
        stemming=stemming,
        persoon=demo.leden["OR1"],
        tekst="Onze fractie heeft niet meegeschreven aan het akkoord en stemt daarom tegen.",
        door=demo.door,
    )
    demo.tellingen["stemverklaringen"] += 1
    _afsluiten(demo, vergadering, [punt])
    demo.tellingen["vergaderingen"] += 1


def _motie_indienen(demo: Demo, vergadering: Vergadering, punt: Agendapunt | None, motie: Motie) -> Voorstel:
    indiener = demo.leden[motie.indiener]
    return services.voorstel_indienen(
        vergadering=vergadering,
        agendapunt=None if motie.vreemd else punt,
        soort=Voorstel.Soort.MOTIE_VREEMD if motie.vreemd else Voorstel.Soort.MOTIE,
        titel=motie.titel,
        tekst="De raad, in vergadering bijeen, verzoekt het college: "
        f"{motie.titel.removeprefix('Motie ').lower()}.",
        indieners=[indiener],
        ingediend_op=vergadering.begin + dt.timedelta(minutes=30),
        door=demo.door,
    )


def _raadsvergadering(demo: Demo, gegevens: Raadsvergadering) -> None:
    datum = gegevens.datum
    toelating = any(punt.toelating for punt in gegevens.punten)
    if toelating:
        _opvolger_toelaten(demo, datum)
    vergadering = services.vergadering_plannen(
        orgaan=demo.raad,
        titel=gegevens.titel or f"Raadsvergadering {_datumtekst(datum)}",
        begin=_moment(datum),
        einde=_moment(datum, 23),
        locatie=LOCATIE,
        door=demo.door,
    )
    punten: list[tuple[Punt, Agendapunt, Stuk | None]] = []
    for volgnummer, gegeven in enumerate(gegevens.punten, start=1):
        punt = services.agendapunt_toevoegen(
            vergadering=vergadering,
            titel=gegeven.titel,
            kenmerk=f"{volgnummer}",
            onderwerp=gegeven.onderwerp,
            hamerstuk=gegeven.hamerstuk,
            besloten=gegeven.besloten,
            portefeuillehouder=demo.collegeleden[gegeven.portefeuille],
            door=demo.door,
        )
        stuk = None
        alleen_moties_vreemd = bool(gegeven.moties) and all(motie.vreemd for motie in gegeven.moties)
        if gegeven.toelating:
            _stuk(
                demo,
                punt,
                Stuk.Soort.BESLUITVORMINGSSTUK,
                "Rapport van de commissie onderzoek geloofsbrieven",
                datum,
            )
        elif not gegeven.uitgestelde_motie and not alleen_moties_vreemd:
            stuk = _stuk(
                demo,
                punt,
                Stuk.Soort.VOORSTEL,
                f"Raadsvoorstel {gegeven.titel}",
                datum - dt.timedelta(days=21),
                geheim=gegeven.besloten,
            )
        punten.append((gegeven, punt, stuk))
    services.agenda_publiceren(vergadering=vergadering, door=demo.door)
    _openen(demo, vergadering, gegevens.afwezig)
    minuten = 10
    for gegeven, punt, stuk in punten:
        minuten += 20
        if gegeven.uitgestelde_motie:
            _stemming(
                demo, vergadering, demo.moties[gegeven.uitgestelde_motie], GELIJK, minuten, agendapunt=punt
            )
            continue
        if gegeven.toelating:
            services.hamerstuk_afhameren(
                agendapunt=punt,
                aanwezig=_aanwezige_leden(demo, vergadering),
                moment=vergadering.begin + dt.timedelta(minutes=minuten),
                door=demo.door,
            )
            demo.tellingen["hamerstukken"] += 1
            continue
        voorstel = None
        if stuk is not None:
            voorstel = services.voorstel_indienen(
                vergadering=vergadering,
                agendapunt=punt,
                soort=Voorstel.Soort.VOORSTEL,
                titel=gegeven.titel,
                tekst=f"De raad besluit: {gegeven.titel} vast te stellen.",
                stuk=stuk,
                ingediend_op=vergadering.begin,
                door=demo.door,
            )
        if gegeven.hamerstuk:
            moties = [_motie_indienen(demo, vergadering, punt, motie) for motie in gegeven.moties]
            if voorstel is not None:
                services.hamerstuk_afhameren(
                    agendapunt=punt,
                    tegen_aangetekend=[demo.leden[sleutel] for sleutel in gegeven.tegen_aangetekend],
                    aanwezig=_aanwezige_leden(demo, vergadering),
                    moment=vergadering.begin + dt.timedelta(minutes=minuten),
                    door=demo.door,
                )
                demo.tellingen["hamerstukken"] += 1
            for motie, gegevens_motie in zip(moties, gegeven.moties, strict=True):
                minuten += 5
                _motie_stemmen(demo, vergadering, motie, gegevens_motie, minuten)
            continue
        if voorstel is None:
            continue
        for titel, indiener, voor in gegeven.amendementen:
            amendement = services.voorstel_indienen(
                vergadering=vergadering,
                agendapunt=punt,
                soort=Voorstel.Soort.AMENDEMENT,
                wijzigt=voorstel,
                titel=titel,
                tekst="De raad besluit het voorstel te wijzigen: "
                f"{titel.removeprefix('Amendement ').lower()}.",
                indieners=[demo.leden[indiener]],
                ingediend_op=vergadering.begin + dt.timedelta(minutes=15),
                door=demo.door,
            )
            demo.tellingen["amendementen"] += 1
            minuten += 5
            _stemming(demo, vergadering, amendement, voor, minuten)
        moties = [_motie_indienen(demo, vergadering, punt, motie) for motie in gegeven.moties]
        minuten += 5
        stemming = _stemming(demo, vergadering, voorstel, gegeven.voor, minuten)
        if gegeven.stemverklaring is not None:
            sleutel, tekst = gegeven.stemverklaring
            services.stemverklaring_vastleggen(
                stemming=stemming, persoon=demo.leden[sleutel], tekst=tekst, door=demo.door
            )
            demo.tellingen["stemverklaringen"] += 1
        for motie, gegevens_motie in zip(moties, gegeven.moties, strict=True):
            minuten += 5
            _motie_stemmen(demo, vergadering, motie, gegevens_motie, minuten)
    _afsluiten(demo, vergadering, [punt for _gegeven, punt, _stuk in punten])
    demo.tellingen["vergaderingen"] += 1


def _motie_stemmen(
    demo: Demo, vergadering: Vergadering, motie: Voorstel, gegevens: Motie, minuten: int
) -> None:
    demo.tellingen["moties"] += 1
    demo.moties[gegevens.titel] = motie
    _stemming(demo, vergadering, motie, gegevens.voor, minuten)
    motie.refresh_from_db()
    if motie.status != Voorstel.Status.AANGENOMEN:
        return
    datum = vergadering.begin.astimezone(TZ).date()
    services.motie_afhandeling_bijwerken(
        motie=motie,
        portefeuillehouder=demo.collegeleden[gegevens.portefeuille],
        uiterste_datum=datum + dt.timedelta(days=180),
        door=demo.door,
    )
    if gegevens.afhandeling:
        services.motie_afhandeling_bijwerken(
            motie=motie,
            antwoord_college=(
                "Het college heeft de motie uitgevoerd; de raad is per raadsinformatiebrief geïnformeerd."
                if gegevens.afhandeling == Voorstel.Afhandeling.AFGEDAAN
                else "Het college voert de motie niet uit: de kosten passen niet binnen de begroting."
            ),
            afhandeling=gegevens.afhandeling,
            afgedaan_op=datum + dt.timedelta(days=120),
            door=demo.door,
        )


def _commissievergaderingen(demo: Demo) -> list[tuple[Vergadering, Agendapunt]]:
    vergaderingen = []
    for datum, titels in COMMISSIEVERGADERINGEN:
        vergadering = services.vergadering_plannen(
            orgaan=demo.commissie,
            titel=f"Commissie Bestuur en Dienstverlening {_datumtekst(datum)}",
            begin=_moment(datum, 19, 30),
            einde=_moment(datum, 22, 30),
            locatie="Commissiekamer, Oranjeplein 1, Pijnacker",
            door=demo.door,
        )
        punten = []
        for volgnummer, titel in enumerate(titels, start=1):
            punt = services.agendapunt_toevoegen(
                vergadering=vergadering, titel=titel, kenmerk=str(volgnummer), door=demo.door
            )
            brief = titel.startswith("Raadsinformatiebrief")
            _stuk(
                demo,
                punt,
                Stuk.Soort.MEDEDELING if brief else Stuk.Soort.VOORSTEL,
                titel if brief else f"Raadsvoorstel {titel} (commissieversie)",
                datum - dt.timedelta(days=10),
            )
            punten.append(punt)
        services.agenda_publiceren(vergadering=vergadering, door=demo.door)
        _openen(demo, vergadering, ())
        _afsluiten(demo, vergadering, punten)
        vergaderingen.append((vergadering, punten[0]))
        demo.tellingen["vergaderingen"] += 1
    return vergaderingen


def _toezeggingen(demo: Demo, vergaderingen: Sequence[tuple[Vergadering, Agendapunt]]) -> None:
    for index, portefeuille, tekst, uiterste_datum, antwoord in TOEZEGGINGEN:
        vergadering, punt = vergaderingen[index]
        toezegging = services.toezegging_vastleggen(
            vergadering=vergadering,
            agendapunt=punt,
            portefeuillehouder=demo.collegeleden[portefeuille],
            tekst=tekst,
            uiterste_datum=uiterste_datum,
            door=demo.door,
        )
        demo.tellingen["toezeggingen"] += 1
        if antwoord:
            services.toezegging_afdoen(
                toezegging=toezegging,
                antwoord=antwoord,
                afgedaan_op=uiterste_datum - dt.timedelta(days=10),
                door=demo.door,
            )


_MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def _datumtekst(datum: dt.date) -> str:
    return f"{datum.day} {_MAANDEN[datum.month - 1]} {datum.year}"


def laden(uitvoer: OutputWrapper) -> None:
    if orgaan_op_slug(RAAD_SLUG) is not None:
        return
    door = medewerkers_met_rol(Rol.GRIFFIE).first()
    if door is None:
        uitvoer.write(
            "Besluitvorming overgeslagen: er is geen griffie-account om de gegevens vast te leggen."
        )
        return
    demo = _organen(door)
    _leden(demo)
    _raadsakkoord(demo)
    _wijzigingen_in_de_raad(demo)
    commissie = _commissievergaderingen(demo)
    for gegevens in RAADSVERGADERINGEN:
        _raadsvergadering(demo, gegevens)
    _toezeggingen(demo, commissie)
    t = demo.tellingen
    uitvoer.write(
        f"Besluitvorming: {demo.raad.zetels} zetels, {len(demo.fracties)} fracties, "
        f"{len(demo.collegeleden)} collegeleden, {t['vergaderingen']} vergaderingen, {t['stukken']} stukken, "
        f"{t['stemmingen']} stemmingen, {t['hamerstukken']} hamerstukken, {t['moties']} moties, "
        f"{t['amendementen']} amendementen, {t['stemverklaringen']} stemverklaringen, "
        f"{t['toezeggingen']} toezeggingen"
    )
