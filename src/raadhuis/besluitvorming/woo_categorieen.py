"""The Woo information categories council and college papers belong to (Woo art. 3.3 lid 2).

The URIs are the TOOI concepts of the list `scw_woo_informatiecategorieen`, as copied into
core/data/tooi/informatiecategorielijst.csv; the publication module (a later issue) publishes what
`selectors.publiek.publiceerbare_stukken()` and `publiceerbare_vergaderingen()` return under these.
"""

from __future__ import annotations

from dataclasses import dataclass

from raadhuis.besluitvorming.models import Orgaan, Stuk, Vergadering

TOOI_KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"


@dataclass(frozen=True)
class Informatiecategorie:
    uri: str
    label: str


# Woo art. 3.3 lid 2 onder c: agendas, papers and reports of the raad and its commissies.
VERGADERSTUKKEN_DECENTRALE_OVERHEDEN = Informatiecategorie(
    uri=f"{TOOI_KERN}c_db4862c3", label="vergaderstukken decentrale overheden"
)
# Woo art. 3.3 lid 2 onder d: agendas and besluitenlijsten of the college (Gemeentewet art. 60 lid 3).
AGENDAS_EN_BESLUITENLIJSTEN_BESTUURSCOLLEGES = Informatiecategorie(
    uri=f"{TOOI_KERN}c_3a248e3a", label="agenda’s en besluitenlijsten bestuurscolleges"
)
# Woo art. 3.3 lid 2 onder a: stukken that came in for the raad.
INGEKOMEN_STUKKEN = Informatiecategorie(
    uri=f"{TOOI_KERN}c_8c840238", label="bij vertegenwoordigende organen ingekomen stukken"
)

ALLE = (
    VERGADERSTUKKEN_DECENTRALE_OVERHEDEN,
    AGENDAS_EN_BESLUITENLIJSTEN_BESTUURSCOLLEGES,
    INGEKOMEN_STUKKEN,
)


def voor_orgaan(orgaan: Orgaan) -> Informatiecategorie:
    """The category of a body's agendas and besluitenlijsten: the college's are 'bestuurscolleges',
    those of the raad, its commissies and the presidium are 'vergaderstukken decentrale overheden'."""
    if orgaan.soort == Orgaan.Soort.COLLEGE:
        return AGENDAS_EN_BESLUITENLIJSTEN_BESTUURSCOLLEGES
    return VERGADERSTUKKEN_DECENTRALE_OVERHEDEN


def voor_vergadering(vergadering: Vergadering) -> Informatiecategorie:
    return voor_orgaan(vergadering.orgaan)


def voor_stuk(stuk: Stuk) -> tuple[Informatiecategorie, ...]:
    """A paper of a meeting; an ingekomen stuk of the raad is also in the category of art. 3.3 lid 2a."""
    categorieen = [voor_orgaan(stuk.orgaan)]
    if stuk.soort == Stuk.Soort.INGEKOMEN_STUK and stuk.orgaan.soort != Orgaan.Soort.COLLEGE:
        categorieen.append(INGEKOMEN_STUKKEN)
    return tuple(categorieen)
