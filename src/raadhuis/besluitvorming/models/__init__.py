"""Models of besluitvorming: bodies and people, meetings and papers, votes and decisions, registers."""

from raadhuis.besluitvorming.models.abonnementen import Abonnement, Melding
from raadhuis.besluitvorming.models.inspreken import Inspreekregeling, Spreekverzoek
from raadhuis.besluitvorming.models.organen import Fractie, Fractielidmaatschap, Lidmaatschap, Orgaan, Persoon
from raadhuis.besluitvorming.models.raadsvragen import (
    Deelvraag,
    Raadsvraag,
    Raadsvraagmelding,
    Raadsvragenregeling,
    Vraagsteller,
)
from raadhuis.besluitvorming.models.registers import Toezegging
from raadhuis.besluitvorming.models.stemmingen import (
    Besluit,
    Fractiestemresultaat,
    Indiener,
    Stem,
    Stemming,
    Stemverklaring,
    Voorstel,
)
from raadhuis.besluitvorming.models.vergaderingen import Aanwezigheid, Agendapunt, Stuk, Vergadering

__all__ = [
    "Aanwezigheid",
    "Abonnement",
    "Agendapunt",
    "Besluit",
    "Deelvraag",
    "Fractie",
    "Fractielidmaatschap",
    "Fractiestemresultaat",
    "Indiener",
    "Inspreekregeling",
    "Lidmaatschap",
    "Melding",
    "Orgaan",
    "Persoon",
    "Raadsvraag",
    "Raadsvraagmelding",
    "Raadsvragenregeling",
    "Spreekverzoek",
    "Stem",
    "Stemming",
    "Stemverklaring",
    "Stuk",
    "Toezegging",
    "Vergadering",
    "Voorstel",
    "Vraagsteller",
]
