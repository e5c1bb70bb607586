"""Who may work in publicatie; the Werkplek menu, the services and the views all read this."""

from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.models import Rol
from raadhuis.core.rechten import een_van_rollen, registreren

WERKPLEK_ROLLEN: frozenset[str] = frozenset({Rol.WOO_COORDINATOR, Rol.GRIFFIE, Rol.BEHEERDER})

# Making a publication, publishing, withdrawing and replacing it (the Woo coordinator for the
# organisation, the griffie for the council's papers).
PUBLICATIE_BEHEREN = "publicatie.beheren"


def registreren_voor_publicatie() -> None:
    registreren(
        PUBLICATIE_BEHEREN,
        een_van_rollen(sorted(WERKPLEK_ROLLEN)),
        weigering=_("Alleen de Woo-coördinator, de griffie en de beheerder beheren publicaties."),
    )
