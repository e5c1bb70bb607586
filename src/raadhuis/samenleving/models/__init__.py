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
# -- consultaties (explicit re-exports, one line per part, so the parts merge without conflicts) --
from raadhuis.samenleving.models.abonnementen import Abonnement as Abonnement
from raadhuis.samenleving.models.abonnementen import Melding as Melding
from raadhuis.samenleving.models.consultaties import Consultatie as Consultatie
from raadhuis.samenleving.models.consultaties import Consultatiedocument as Consultatiedocument
from raadhuis.samenleving.models.consultaties import Reactie as Reactie
