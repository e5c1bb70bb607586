"""The models of samenleving, one module per part (explicit re-exports)."""

from raadhuis.samenleving.models.abonnementen import Abonnement as Abonnement
from raadhuis.samenleving.models.abonnementen import Melding as Melding
from raadhuis.samenleving.models.consultaties import Consultatie as Consultatie
from raadhuis.samenleving.models.consultaties import Consultatiedocument as Consultatiedocument
from raadhuis.samenleving.models.consultaties import Reactie as Reactie
from raadhuis.samenleving.models.partners import Contactpersoon as Contactpersoon
from raadhuis.samenleving.models.partners import Convenant as Convenant
from raadhuis.samenleving.models.partners import Openbaarmaking as Openbaarmaking
from raadhuis.samenleving.models.partners import Partner as Partner
from raadhuis.samenleving.models.partners import Partnersoort as Partnersoort
from raadhuis.samenleving.models.partners import Subsidiegrondslag as Subsidiegrondslag
from raadhuis.samenleving.models.partners import Subsidieverplichting as Subsidieverplichting
from raadhuis.samenleving.models.partners import Subsidievorm as Subsidievorm
from raadhuis.samenleving.models.petities import Ondertekening as Ondertekening
from raadhuis.samenleving.models.petities import Petitie as Petitie
