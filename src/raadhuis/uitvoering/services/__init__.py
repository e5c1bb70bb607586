"""Every write to uitvoering; the modules below hold the services, this package re-exports them."""

from raadhuis.uitvoering.services.agenda import (
    actie_vastleggen,
    activiteit_vastleggen,
    akkoord_vastleggen,
    ambitie_vastleggen,
    indicator_vastleggen,
    opdracht_vastleggen,
    programmadoel_vastleggen,
)
from raadhuis.uitvoering.services.rapporten import mid_term_review_vastleggen
from raadhuis.uitvoering.services.voortgang import kengetal_vastleggen, voortgang_vastleggen

__all__ = [
    "actie_vastleggen",
    "activiteit_vastleggen",
    "akkoord_vastleggen",
    "ambitie_vastleggen",
    "indicator_vastleggen",
    "kengetal_vastleggen",
    "mid_term_review_vastleggen",
    "opdracht_vastleggen",
    "programmadoel_vastleggen",
    "voortgang_vastleggen",
]
