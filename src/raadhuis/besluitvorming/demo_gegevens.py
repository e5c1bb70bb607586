"""The facts of the besluitvorming demo: the raad of Pijnacker-Nootdorp with fictional members (marked
"(demo)"), its college, and the meetings of 2022 and 2024 with their items, moties and votes. Data
only; demo.py turns it into records through the services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from raadhuis.besluitvorming.models import Agendapunt

TZ = ZoneInfo("Europe/Amsterdam")
RAAD_SLUG = "gemeenteraad"
# Gemeentewet art. 8 lid 1: 50,001-60,000 inhabitants give 31 seats.
INWONERTAL = 57_000
RAADSPERIODE = dt.date(2022, 3, 30)
WETHOUDERS_BENOEMD = dt.date(2022, 6, 30)
LOCATIE = "Raadzaal, Oranjeplein 1, Pijnacker"

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
