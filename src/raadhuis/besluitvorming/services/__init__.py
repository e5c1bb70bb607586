"""Every write to besluitvorming; the modules below hold the services, this package re-exports them."""

from raadhuis.besluitvorming.services import abonnementen
from raadhuis.besluitvorming.services.geheimhouding import (
    geheimhouding_bekrachtigen,
    geheimhouding_opheffen,
)
from raadhuis.besluitvorming.services.organen import (
    fractie_aanmaken,
    fractie_wisselen,
    fractielidmaatschap_beeindigen,
    fractielidmaatschap_starten,
    lidmaatschap_beeindigen,
    lidmaatschap_starten,
    orgaan_aanmaken,
    orgaan_bijwerken,
    persoon_aanmaken,
    persoon_bijwerken,
    persoon_koppelen,
    zetels_voor_inwonertal,
)
from raadhuis.besluitvorming.services.registers import (
    motie_afhandeling_bijwerken,
    toezegging_afdoen,
    toezegging_vastleggen,
)
from raadhuis.besluitvorming.services.stemmingen import (
    hamerstuk_afhameren,
    stemming_over_personen_vastleggen,
    stemming_vastleggen,
    stemverklaring_vastleggen,
)
from raadhuis.besluitvorming.services.stukken import stuk_toevoegen
from raadhuis.besluitvorming.services.vergaderingen import (
    Opening,
    agenda_ordenen,
    agenda_publiceren,
    agendapunt_behandeld,
    agendapunt_bijwerken,
    agendapunt_naar_vergadering,
    agendapunt_toevoegen,
    agendapunt_verplaatsen,
    agendapunt_verwijderen,
    besluitenlijst_vaststellen,
    presentielijst_vastleggen,
    vergadering_annuleren,
    vergadering_bijwerken,
    vergadering_gehouden,
    vergadering_openen,
    vergadering_plannen,
    vervolgvergadering_plannen,
)
from raadhuis.besluitvorming.services.voorstellen import voorstel_indienen, voorstel_intrekken

__all__ = [
    "Opening",
    "agenda_ordenen",
    "agenda_publiceren",
    "agendapunt_behandeld",
    "agendapunt_bijwerken",
    "agendapunt_naar_vergadering",
    "agendapunt_toevoegen",
    "agendapunt_verplaatsen",
    "agendapunt_verwijderen",
    "besluitenlijst_vaststellen",
    "fractie_aanmaken",
    "fractie_wisselen",
    "fractielidmaatschap_beeindigen",
    "fractielidmaatschap_starten",
    "lidmaatschap_beeindigen",
    "lidmaatschap_starten",
    "orgaan_aanmaken",
    "orgaan_bijwerken",
    "persoon_aanmaken",
    "persoon_bijwerken",
    "persoon_koppelen",
    "presentielijst_vastleggen",
    "stuk_toevoegen",
    "vergadering_annuleren",
    "vergadering_bijwerken",
    "vergadering_gehouden",
    "vergadering_openen",
    "vergadering_plannen",
    "vervolgvergadering_plannen",
    "zetels_voor_inwonertal",
]
__all__ += [
    "hamerstuk_afhameren",
    "motie_afhandeling_bijwerken",
    "stemming_over_personen_vastleggen",
    "stemming_vastleggen",
    "stemverklaring_vastleggen",
    "toezegging_afdoen",
    "toezegging_vastleggen",
    "voorstel_indienen",
    "voorstel_intrekken",
]

# Secrecy of papers (Gemeentewet art. 25) and e-mail notifications.
__all__ += ["abonnementen", "geheimhouding_bekrachtigen", "geheimhouding_opheffen"]
