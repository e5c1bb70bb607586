"""Pure voting-rule engine of the raad and the college (Gemeentewet arts. 20, 27-32, 56-59); no models."""

from raadhuis.besluitvorming.stemregels.college import quorum_college, stemming_college
from raadhuis.besluitvorming.stemregels.fracties import FractieUitslag, fractie_resultaten
from raadhuis.besluitvorming.stemregels.kern import meerderheid, stemming_geldig
from raadhuis.besluitvorming.stemregels.personen import (
    Loting,
    Persoonsuitkomst,
    Ronde,
    Stembriefjes,
    stemming_over_personen,
)
from raadhuis.besluitvorming.stemregels.raad import hamerstuk, quorum_raad, stemming_raad
from raadhuis.besluitvorming.stemregels.typen import (
    FractieStemResultaat,
    Quorum,
    Stem,
    StemKeuze,
    StemmingResultaat,
    StemmingsType,
    Stemmingsuitkomst,
    StemregelFout,
    Stemsituatie,
    Uitkomst,
    Voorstelsoort,
    meer_dan_de_helft,
)
from raadhuis.besluitvorming.stemregels.volgorde import Stemonderwerp, stemvolgorde

__all__ = [
    "FractieStemResultaat",
    "FractieUitslag",
    "Loting",
    "Persoonsuitkomst",
    "Quorum",
    "Ronde",
    "Stem",
    "StemKeuze",
    "Stembriefjes",
    "StemmingResultaat",
    "StemmingsType",
    "Stemmingsuitkomst",
    "Stemonderwerp",
    "StemregelFout",
    "Stemsituatie",
    "Uitkomst",
    "Voorstelsoort",
    "fractie_resultaten",
    "hamerstuk",
    "meer_dan_de_helft",
    "meerderheid",
    "quorum_college",
    "quorum_raad",
    "stemming_college",
    "stemming_geldig",
    "stemming_over_personen",
    "stemming_raad",
    "stemvolgorde",
]
