"""Demo data of samenwerking: the MRDH as the seed and shared/domain/samenwerking.md describe it, the
arbeidsmarktregio, the Haaglanden GRs and a waste company. Names and figures the sources do not give
are marked "(demo)"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

# The begroting being prepared on the demo's "today" (28 November 2026).
DEMO_JAAR = 2027

# MRDH: 23 members when the GR took effect on 1 January 2015; since 1 January 2023, 21 after Brielle,
# Hellevoetsluis and Westvoorne merged into Voorne aan Zee.
MRDH_LEDEN_2015 = (
    "gm0613",
    "gm0489",
    "gm0502",
    "gm0503",
    "gm0518",
    "gm0542",
    "gm1621",
    "gm1916",
    "gm0556",
    "gm1842",
    "gm1930",
    "gm1926",
    "gm0597",
    "gm0603",
    "gm0599",
    "gm0606",
    "gm0622",
    "gm0629",
    "gm1783",
    "gm0637",
    "gm0501",
    "gm0530",
    "gm0614",
)
MRDH_GEFUSEERD = ("gm0501", "gm0530", "gm0614")
VOORNE_AAN_ZEE = "gm1992"
FUSIEDATUM = dt.date(2023, 1, 1)
# Haaglanden: the nine gemeenten of the veiligheidsregio, GGD, omgevingsdienst and arbeidsmarktregio.
HAAGLANDEN = ("gm0503", "gm0518", "gm1916", "gm1842", "gm1926", "gm0603", "gm0629", "gm1783", "gm0637")

MRDH_OPGAVEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Bereikbare regio (demo)",
        ("Openbaar vervoer en fiets als ruggengraat (demo)", "Verkeersveiligheid in de regio (demo)"),
    ),
    ("Sterke economie (demo)", ("Vestigingsklimaat en werklocaties (demo)", "Innovatie en talent (demo)")),
    ("Duurzame regio (demo)", ("Energie- en mobiliteitstransitie (demo)",)),
    ("Samenwerkende regio (demo)", ("Samenwerking met raden en partners (demo)",)),
)
MRDH_VOORTGANG = (
    (60, "op_koers"),
    (45, "op_koers"),
    (70, "op_koers"),
    (30, "aandacht"),
    (50, "op_koers"),
    (80, "op_koers"),
)

J = Decimal


def reeks(basis: int, groei: str, jaren: range) -> dict[int, Decimal]:
    """Generated demo contributions: a base amount growing by a fixed percentage a year."""
    factor = 1 + J(groei) / 100
    return {jaar: (J(basis) * factor ** (jaar - jaren.start)).quantize(J(1)) for jaar in jaren}


# Texts (the public interest of each party from its regeling; the rest demo).
MRDH_BELANG = (
    "Regionale samenwerking van gemeenten in de metropoolregio (sinds de keuze van 23 gemeenten in 2014) "
    "voor een goed bereikbare regio en een sterk economisch vestigingsklimaat; als vervoerregio verleent "
    "de MRDH de concessies voor het openbaar vervoer."
)
VRH_BELANG = "Brandweerzorg, rampenbestrijding, crisisbeheersing en geneeskundige hulpverlening in de regio."
GGD_BELANG = (
    "Publieke gezondheidszorg, jeugdgezondheidszorg en Veilig Thuis (advies- en meldpunt huiselijk "
    "geweld en kindermishandeling)."
)
ODH_BELANG = "Vergunningverlening, toezicht en handhaving in het fysieke domein (milieu)."
AFVAL_BELANG = (
    "Inzameling en verwerking van huishoudelijk afval tegen maatschappelijk verantwoorde tarieven (demo)."
)
REGIO_BELANG = (
    "Samenwerking van gemeenten en UWV op de regionale arbeidsmarkt, met een werkgeversservicepunt; "
    "geen eigen rechtspersoon, dus geen verbonden partij (BBV art. 1)."
)
VISIE = (
    "De gemeente werkt samen waar dat de inwoners beter bedient dan alleen (demo). Een verbonden partij "
    "is een middel, geen doel: de gemeente stuurt via haar vertegenwoordigers en via de zienswijzen van "
    "de raad op de begrotingen (demo)."
)
BELEIDSVOORNEMENS = (
    "In dit jaar evalueert de gemeente de deelname aan de Omgevingsdienst Haaglanden (demo).\n"
    "De raad wordt vroeg betrokken bij de nieuwe Strategische Agenda van de MRDH (demo)."
)
CONCEPT_MRDH = (
    "De raad van Pijnacker-Nootdorp heeft kennisgenomen van de ontwerpbegroting (demo).\n"
    "De raad stemt in met de ontwerpbegroting en vraagt het dagelijks bestuur de stijging van de "
    "gemeentelijke bijdrage te beperken tot de indexatie uit de kaderbrief (demo)."
)
