"""The demo's content: the seed programme "Bestuur en Dienstverlening" (goals and actions from the
jaarstukken 2023 text in shared/seed) and generated programmes marked "(demo)"."""

# ruff: noqa: E501  (demo text: long sentences read better unbroken)
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

D = dt.date

# (statusdate, moment, year, status, text, spent or None)
Update = tuple[dt.date, str, int, str, str, Decimal | None]


@dataclass(frozen=True)
class Act:
    titel: str
    begin: dt.date
    einde: dt.date
    budget: dict[int, Decimal]
    updates: tuple[Update, ...] = ()
    team: str = ""
    openbaar: bool = True


@dataclass(frozen=True)
class Actiegegevens:
    titel: str
    omschrijving: str
    begin: dt.date
    einde: dt.date
    portefeuille: str  # a word in the wethouder's portefeuille (besluitvorming demo)
    activiteiten: tuple[Act, ...]
    motie: str = ""
    toezegging: str = ""
    openbaar: bool = True


@dataclass(frozen=True)
class Indicatorgegevens:
    naam: str
    eenheid: str
    bron: str
    streef: dict[int, Decimal]
    realisatie: dict[int, Decimal]


@dataclass(frozen=True)
class Doelgegevens:
    nummer: int
    titel: str
    omschrijving: str
    taakveld: str
    ambitie: int  # index in AMBITIES
    acties: tuple[Actiegegevens, ...]
    indicatoren: tuple[Indicatorgegevens, ...] = field(default=())


AKKOORD_TITEL = "Bouwen aan de toekomst"
AKKOORD_OMSCHRIJVING = (
    "Raadsakkoord op hoofdlijnen 2022-2026, tot stand gekomen met medewerking van acht van de negen fracties. "
    "Het raadsakkoord verwoordt de gemeentelijke ambities binnen het ruimtelijk en sociaal domein en de afspraken "
    "per begrotingsprogramma met opdrachten aan het college; de Uitvoeringsagenda 2022-2026 werkt die uit in "
    "programmadoelstellingen en acties met concrete activiteiten voor de meerjarenbegroting."
)

# (titel, omschrijving)
AMBITIES: tuple[tuple[str, str], ...] = (
    (
        "Goede democratische besluitvorming",
        "De raad stelt kaders en geeft opdracht aan het college vanuit dualisme; "
        "het college voert uit en de raad controleert of wat beoogd is ook is gerealiseerd.",
    ),
    (
        "Onze positie in de Metropoolregio is benut",
        "Voor onderwerpen die de gemeentegrenzen overschrijden werken we "
        "samen in regioverband: samen staan we sterker.",
    ),
    (
        "De publieksdienstverlening is naar tevredenheid van inwoners en ondernemers",
        "Digitaal waar het kan, persoonlijk "
        "waar nodig; met de Wet open overheid (Woo) en de Wet digitale overheid (Wdo) als kader.",
    ),
    ("Veilig en leefbaar in elke kern (demo)", "Gegenereerde demo-ambitie."),
    ("Bereikbaar en verkeersveilig (demo)", "Gegenereerde demo-ambitie."),
    ("Bouwen aan woningen voor iedereen (demo)", "Gegenereerde demo-ambitie."),
    ("Iedereen doet mee (demo)", "Gegenereerde demo-ambitie."),
)

OPDRACHTEN: tuple[tuple[int, str], ...] = (
    (
        0,
        "Werk halverwege de raadsperiode een mid-term review uit als tussenbalans van raadsakkoord en uitvoeringsagenda.",
    ),
    (
        2,
        "Kom na het Rekenkamerrapport over digitale dienstverlening met een startnotitie voor het herijken van de visie.",
    ),
    (
        2,
        "Bereid de organisatie voor op de Wet digitale overheid met een plan van aanpak en een implementatieplan.",
    ),
)

PROGRAMMA_1 = {
    "nummer": 1,
    "naam": "Bestuur en Dienstverlening",
    "taakvelden": ["0.1", "0.2", "0.4"],
    "vanaf_jaar": 2022,
    "omschrijving": "Dit programma bestaat uit drie onderdelen: Bestuur; Samenwerkingsverbanden; Dienstverlening. "
    "Het gaat zowel over de voorwaarden voor het bestuur om zijn wettelijke en autonome taken te kunnen uitvoeren en "
    "om de bestuurlijke en politieke ambities te kunnen realiseren als over onze dienstverlening. "
    "(Bedragen, indicatorwaarden en voortgang zijn demogegevens.)",
}
# (nummer, naam, taakvelden, ambitie index, doel, actie, activiteiten)
ANDERE_PROGRAMMAS: tuple[tuple[int, str, list[str], int, str, str, tuple[str, ...]], ...] = (
    (
        2,
        "Veiligheid",
        ["1.1", "1.2"],
        3,
        "Inwoners voelen zich veilig in hun buurt (demo)",
        "Wijkgericht werken aan veiligheid (demo)",
        ("Buurtpreventie-apps ondersteunen (demo)", "Inzet extra boa's in de kernen (demo)"),
    ),
    (
        3,
        "Verkeer en Vervoer",
        ["2.1", "2.5"],
        4,
        "Veilige schoolroutes (demo)",
        "Verkeersveiligheidsplan 2024-2028 (demo)",
        ("Schoolzones herinrichten (demo)", "Fietsroute Delfgauw-Pijnacker verbeteren (demo)"),
    ),
    (
        8,
        "Wonen en Ruimte",
        ["8.1", "8.3"],
        5,
        "Meer betaalbare woningen (demo)",
        "Woningbouwprogramma 2024-2030 (demo)",
        ("Bestemmingsplan Tuindersweg-Oost (demo)", "Sociale huur per bouwproject monitoren (demo)"),
    ),
    (
        6,
        "Sociaal Domein",
        ["6.1", "6.2"],
        6,
        "Toegankelijke zorg en ondersteuning (demo)",
        "Sociaal wijkteam versterken (demo)",
        ("Inloopspreekuur in elke kern (demo)", "Mantelzorgwaardering vernieuwen (demo)"),
    ),
)

J = Decimal
NIET_GESTART, OP_SCHEMA, RISICO, VERTRAAGD, AFGEROND = (
    "niet_gestart",
    "op_schema",
    "risico",
    "vertraagd",
    "afgerond",
)

DOELEN: tuple[Doelgegevens, ...] = (
    Doelgegevens(
        1,
        "Zorgen voor goede besluitvorming in de gemeenteraad en het college en in verbinding met de samenleving",
        "In de gemeente is de raad het hoogste besluitvormende orgaan. De raad stelt kaders en geeft opdracht aan het "
        "college vanuit dualisme.",
        "0.1",
        0,
        (
            Actiegegevens(
                "Uitvoeringsagenda 2022-2026",
                "Het raadsakkoord uitwerken in programmadoelstellingen en acties met concrete activiteiten voor de "
                "meerjarenbegroting.",
                D(2022, 7, 1),
                D(2026, 3, 31),
                "bestuurlijke zaken",
                (
                    Act(
                        "Uitvoeringsagenda opstellen en vaststellen",
                        D(2022, 7, 1),
                        D(2023, 3, 31),
                        {2022: J(40000), 2023: J(15000)},
                        (
                            (
                                D(2022, 11, 1),
                                "begroting",
                                2022,
                                OP_SCHEMA,
                                "Concept besproken met de fractievoorzitters.",
                                J(31000),
                            ),
                            (
                                D(2023, 4, 15),
                                "jaarverslag",
                                2023,
                                AFGEROND,
                                "In 2023 is volgens planning gewerkt aan het raadsakkoord en de bijbehorende Uitvoeringsagenda 2022-2026.",
                                J(14200),
                            ),
                        ),
                        team="Concernstaf",
                    ),
                    Act(
                        "Voortgang per P&C-moment rapporteren",
                        D(2023, 1, 1),
                        D(2026, 3, 31),
                        {2023: J(10000), 2024: J(10000), 2025: J(10000), 2026: J(5000)},
                        (
                            (
                                D(2024, 4, 15),
                                "jaarverslag",
                                2023,
                                OP_SCHEMA,
                                "Voortgang gerapporteerd bij voorjaarsnota, begroting en jaarverslag.",
                                J(9400),
                            ),
                            (
                                D(2024, 10, 1),
                                "bestuursrapportage",
                                2024,
                                OP_SCHEMA,
                                "Rapportage loopt mee in de P&C-cyclus.",
                                J(6100),
                            ),
                        ),
                        team="Financiën en control",
                    ),
                ),
            ),
            Actiegegevens(
                "Mid-term review raadsakkoord en uitvoeringsagenda",
                "Halverwege de raadsperiode wordt een mid-term review uitgewerkt voor een tussenbalans van zowel het "
                "raadsakkoord als de uitvoeringsagenda.",
                D(2024, 1, 1),
                D(2024, 12, 31),
                "bestuurlijke zaken",
                (
                    Act(
                        "Tussenbalans opstellen met raad en college",
                        D(2024, 3, 1),
                        D(2024, 12, 19),
                        {2024: J(25000)},
                        (
                            (
                                D(2024, 6, 1),
                                "voorjaarsnota",
                                2024,
                                OP_SCHEMA,
                                "Opzet besproken in het presidium.",
                                J(6000),
                            ),
                            (
                                D(2024, 10, 1),
                                "bestuursrapportage",
                                2024,
                                RISICO,
                                "Planning krap door de samenloop met de begrotingsbehandeling.",
                                J(17500),
                            ),
                            (
                                D(2024, 12, 19),
                                "mid_term_review",
                                2024,
                                AFGEROND,
                                "De mid-term review is op 19 december 2024 in de raad besproken.",
                                J(24100),
                            ),
                        ),
                        team="Concernstaf",
                    ),
                ),
                motie="Motie Uitvoeringsagenda zichtbaar voor inwoners",
            ),
        ),
        (
            Indicatorgegevens(
                "Raadsvoorstellen tijdig aangeleverd (demo)",
                "%",
                "Griffie, registratie raadsvoorstellen (demo)",
                {2023: J(90), 2024: J(92), 2025: J(95)},
                {2023: J(86), 2024: J(89)},
            ),
        ),
    ),
    Doelgegevens(
        2,
        "Deelnemen aan, benutten en bewaken van intergemeentelijke samenwerkingsverbanden",
        "Samenwerking tussen gemeenten is essentieel en soms verplicht; de positie van Pijnacker-Nootdorp in de "
        "Metropoolregio Rotterdam Den Haag (MRDH) benutten we voor onze inwoners.",
        "0.1",
        1,
        (
            Actiegegevens(
                "Inbreng in de Strategische Agenda MRDH 2023-2026 'Met elkaar, voor elkaar'",
                "Het algemeen bestuur van de MRDH stelde op 26 mei 2023 de Strategische Agenda vast: vier opgaven, "
                "zes concrete opdrachten.",
                D(2023, 1, 1),
                D(2026, 3, 31),
                "regionale samenwerking",
                (
                    Act(
                        "Zienswijze en inbreng op de strategische agenda",
                        D(2023, 1, 1),
                        D(2023, 5, 26),
                        {2023: J(12000)},
                        (
                            (
                                D(2023, 6, 1),
                                "voorjaarsnota",
                                2023,
                                AFGEROND,
                                "Strategische agenda op 26 mei 2023 vastgesteld.",
                                J(11300),
                            ),
                        ),
                    ),
                    Act(
                        "Regionale opdrachten volgen en de raad informeren",
                        D(2023, 6, 1),
                        D(2026, 3, 31),
                        {2023: J(8000), 2024: J(8000), 2025: J(8000)},
                        (
                            (
                                D(2024, 4, 15),
                                "jaarverslag",
                                2023,
                                OP_SCHEMA,
                                "Voortgangsrapportage MRDH besproken in de raad.",
                                J(7600),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        (
            Indicatorgegevens(
                "Regionale opdrachten MRDH op schema (demo)",
                "%",
                "Voortgangsrapportage MRDH (demo)",
                {2023: J(80), 2024: J(85)},
                {2023: J(83)},
            ),
        ),
    ),
    Doelgegevens(
        3,
        "Doorontwikkelen van de (digitale) dienstverlening",
        "Ons doel is de digitale dienstverlening klantgericht te versterken en maatwerk te bieden waar nodig, ook in de "
        "vorm van persoonlijk contact: digitaal waar het kan, persoonlijk waar nodig.",
        "0.2",
        2,
        (
            Actiegegevens(
                "Herijking visie op dienstverlening",
                "Naar aanleiding van het Rekenkamerrapport over digitale dienstverlening (maart 2023) heeft de raad het "
                "college verzocht om een startnotitie voor het herijken van de visie; het college besloot eind 2023 de "
                "gehele visie op de dienstverlening te herijken.",
                D(2023, 3, 1),
                D(2025, 12, 31),
                "dienstverlening",
                (
                    Act(
                        "Aanbevelingen Rekenkamerrapport digitale dienstverlening verwerken",
                        D(2023, 3, 1),
                        D(2023, 12, 31),
                        {2023: J(20000)},
                        (
                            (
                                D(2024, 4, 15),
                                "jaarverslag",
                                2023,
                                AFGEROND,
                                "Het college heeft eind 2023 besloten om de gehele visie op de dienstverlening te herijken, "
                                "inclusief digitale dienstverlening.",
                                J(18700),
                            ),
                        ),
                    ),
                    Act(
                        "Startnotitie visie op dienstverlening (gepland Q3 2024)",
                        D(2024, 7, 1),
                        D(2024, 9, 30),
                        {2024: J(30000)},
                        (
                            (
                                D(2024, 4, 15),
                                "jaarverslag",
                                2023,
                                NIET_GESTART,
                                "Een startnotitie is gepland voor Q3 2024; de aanbevelingen uit het Rekenkamerrapport krijgen "
                                "hierin een plek.",
                                None,
                            ),
                            (
                                D(2024, 9, 16),
                                "bestuursrapportage",
                                2024,
                                OP_SCHEMA,
                                "Startnotitie besproken in de commissie van 16 september 2024.",
                                J(21000),
                            ),
                        ),
                        team="Dienstverlening",
                    ),
                    Act(
                        "Nieuwe visie op dienstverlening 2025-2030",
                        D(2025, 1, 1),
                        D(2025, 12, 31),
                        {2025: J(60000)},
                    ),
                ),
                toezegging="De wethouder onderzoekt of de balie op zaterdag open kan.",
            ),
            Actiegegevens(
                "Implementatie Wet open overheid (Woo)",
                "De Woo is op 1 mei 2022 deels in werking getreden; onze systemen worden ingericht en gekoppeld aan het "
                "landelijke platform voor overheidsinformatie.",
                D(2022, 5, 1),
                D(2025, 12, 31),
                "dienstverlening",
                (
                    Act(
                        "Woo-verzoekenproces inrichten",
                        D(2022, 5, 1),
                        D(2022, 12, 31),
                        {2022: J(35000)},
                        (
                            (
                                D(2023, 4, 15),
                                "jaarverslag",
                                2022,
                                AFGEROND,
                                "De Woo-verzoeken (voorheen Wob-verzoeken) worden via het bijbehorende proces afgehandeld.",
                                J(33800),
                            ),
                        ),
                    ),
                    Act(
                        "Koppeling landelijk platform en actieve openbaarmaking",
                        D(2023, 1, 1),
                        D(2025, 12, 31),
                        {2023: J(45000), 2024: J(45000), 2025: J(30000)},
                        (
                            (
                                D(2024, 4, 15),
                                "jaarverslag",
                                2023,
                                OP_SCHEMA,
                                "De gedeeltelijke inwerkingtreding van de Woo is goed verlopen; we voldoen aan de geldende wet- en regelgeving.",
                                J(41200),
                            ),
                        ),
                    ),
                ),
            ),
            Actiegegevens(
                "Plan van aanpak en implementatieplan Wet digitale overheid (Wdo)",
                "Bij de kadernota 2023 is afgesproken een plan van aanpak en een implementatieplan digitale "
                "dienstverlening op te stellen; de Wdo is per 1 juli 2023 in werking.",
                D(2023, 1, 1),
                D(2025, 12, 31),
                "dienstverlening",
                (
                    Act(
                        "Plan van aanpak en implementatieplan digitale dienstverlening",
                        D(2023, 1, 1),
                        D(2024, 12, 31),
                        {2023: J(25000), 2024: J(25000)},
                        (
                            (
                                D(2023, 10, 1),
                                "bestuursrapportage",
                                2023,
                                RISICO,
                                "Afhankelijk van het Rekenkameronderzoek.",
                                J(3000),
                            ),
                            (
                                D(2024, 4, 15),
                                "jaarverslag",
                                2023,
                                VERTRAAGD,
                                "Beide plannen zijn uitgesteld in afwachting van de uitkomsten van een onderzoek door de "
                                "Rekenkamercommissie naar onze digitale dienstverlening.",
                                J(4500),
                            ),
                        ),
                        team="Informatievoorziening",
                    ),
                ),
            ),
        ),
        (
            Indicatorgegevens(
                "Klanttevredenheid publieksdienstverlening (demo)",
                "rapportcijfer",
                "KTO publieksdienstverlening (demo)",
                {2023: J("7.5"), 2024: J("7.6"), 2025: J("7.7")},
                {2022: J("7.3"), 2023: J("7.4"), 2024: J("7.5")},
            ),
            Indicatorgegevens(
                "Digitaal afgehandelde aanvragen (demo)",
                "%",
                "Zaaksysteem (demo)",
                {2023: J(70), 2024: J(75)},
                {2023: J(68), 2024: J(73)},
            ),
        ),
    ),
)

INWONERS_2023 = J(57000)
# (soort, teller, noemer, peildatum, bron): demo figures for 2023, marked as demo in the database.
KENGETALLEN_2023: tuple[tuple[str, Decimal, Decimal, dt.date, str], ...] = (
    (
        "formatie",
        J("352.4"),
        INWONERS_2023,
        D(2023, 1, 1),
        "Begroting 2023, paragraaf bedrijfsvoering (demo)",
    ),
    ("bezetting", J("331.9"), INWONERS_2023, D(2023, 12, 31), "Personeelsadministratie (demo)"),
    ("apparaatskosten", J(38760000), INWONERS_2023, D(2023, 12, 31), "Jaarrekening 2023 (demo)"),
    ("externe_inhuur", J(3150000), J(26850000), D(2023, 12, 31), "Jaarrekening 2023 (demo)"),
    ("overhead", J(13200000), J(132000000), D(2023, 12, 31), "Jaarrekening 2023, taakveld 0.4 (demo)"),
)
