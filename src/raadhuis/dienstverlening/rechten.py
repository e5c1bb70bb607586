"""Who may work in dienstverlening; the Werkplek menu and the views both read this."""

from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.models import Rol
from raadhuis.core.rechten import een_van_rollen, registreren

WERKPLEK_ROLLEN: frozenset[str] = frozenset(
    {Rol.KCC_MEDEWERKER, Rol.BEHANDELAAR, Rol.CONTROLLER, Rol.BEHEERDER}
)

# The product catalogue (PDC) and each product's level of assurance: a choice of the municipality
# (Wdo; wdo-en-beveiliging.md section 2).
PRODUCT_BEHEREN = "product.beheren"


def registreren_voor_dienstverlening() -> None:
    registreren(
        PRODUCT_BEHEREN,
        een_van_rollen([Rol.BEHEERDER]),
        weigering=_("Alleen een beheerder mag producten en hun betrouwbaarheidsniveau vastleggen."),
    )
