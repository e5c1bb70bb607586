"""Who may work in woo; the Werkplek menu, the services and the views all read this."""

from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.models import Rol
from raadhuis.core.rechten import een_van_rollen, registreren

WERKPLEK_ROLLEN: frozenset[str] = frozenset({Rol.WOO_COORDINATOR, Rol.BEHEERDER})

# Registering and handling Woo requests: intake from e-mail or letter, suspensions, verdaging,
# ingebrekestellingen and the behandelaar (the woo-coordinator).
WOO_VERZOEK_BEHANDELEN = "woo.verzoek.behandelen"


def registreren_voor_woo() -> None:
    registreren(
        WOO_VERZOEK_BEHANDELEN,
        een_van_rollen([Rol.WOO_COORDINATOR, Rol.BEHEERDER]),
        weigering=_("Alleen de Woo-coördinator mag Woo-verzoeken registreren en behandelen."),
    )
