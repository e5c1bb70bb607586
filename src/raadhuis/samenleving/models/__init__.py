"""The models of samenleving, one module per part."""

from raadhuis.samenleving.models.partners import (
    Contactpersoon,
    Convenant,
    Openbaarmaking,
    Partner,
    Partnersoort,
    Subsidiegrondslag,
    Subsidieverplichting,
    Subsidievorm,
)

__all__ = [
    "Contactpersoon",
    "Convenant",
    "Openbaarmaking",
    "Partner",
    "Partnersoort",
    "Subsidiegrondslag",
    "Subsidieverplichting",
    "Subsidievorm",
]
