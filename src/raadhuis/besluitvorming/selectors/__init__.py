"""Every read of besluitvorming, with its prefetching; the modules below hold them, re-exported here."""

from raadhuis.besluitvorming.selectors.organen import (
    FractieMetZetels,
    fractie_op,
    fracties_met_zetels,
    leden_met_functie,
    organen_op,
    vacatures,
    zittende_leden,
)
from raadhuis.besluitvorming.selectors.publiek import publiceerbare_stukken, publiceerbare_vergaderingen
from raadhuis.besluitvorming.selectors.registers import (
    Registerfilter,
    Registerregel,
    achterstallige_moties,
    achterstallige_toezeggingen,
    moties_register,
    toezeggingen_register,
)
from raadhuis.besluitvorming.selectors.stemmingen import (
    stemgedrag_van_fractie,
    stemgedrag_van_persoon,
    stemmingen_met_details,
    stemmingen_van_vergadering,
    stemvolgorde_voor,
    voorstellen_van_agendapunt,
)
from raadhuis.besluitvorming.selectors.uitslagtabellen import uitslagtabellen_toevoegen
from raadhuis.besluitvorming.selectors.vergaderingen import (
    Presentieregel,
    andere_geplande_vergaderingen,
    openbare_vergadering_met_agenda,
    openbare_vergaderingen_van,
    presentielijst,
    vergadering_met_agenda,
    vergaderingen_van,
)

__all__ = [
    "FractieMetZetels",
    "Presentieregel",
    "andere_geplande_vergaderingen",
    "fractie_op",
    "fracties_met_zetels",
    "leden_met_functie",
    "openbare_vergadering_met_agenda",
    "openbare_vergaderingen_van",
    "organen_op",
    "presentielijst",
    "publiceerbare_stukken",
    "publiceerbare_vergaderingen",
    "vacatures",
    "vergadering_met_agenda",
    "vergaderingen_van",
    "zittende_leden",
]
__all__ += [
    "Registerfilter",
    "Registerregel",
    "achterstallige_moties",
    "achterstallige_toezeggingen",
    "moties_register",
    "stemgedrag_van_fractie",
    "stemgedrag_van_persoon",
    "stemmingen_met_details",
    "stemmingen_van_vergadering",
    "stemvolgorde_voor",
    "toezeggingen_register",
    "uitslagtabellen_toevoegen",
    "voorstellen_van_agendapunt",
]
