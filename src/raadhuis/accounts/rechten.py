"""The permission rules for accounts' actions, registered in core.rechten from AccountsConfig.ready()."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.models import Rol
from raadhuis.core.rechten import Gebruiker, een_van_rollen, registreren

MEDEWERKER_ONTGRENDELEN = "medewerker.ontgrendelen"
INLOGBLOKKADES_INZIEN = "inlogblokkades.inzien"
TWEESTAPSVERIFICATIE_BEHEREN = "tweestapsverificatie.beheren"


def _eigen_account(gebruiker: Gebruiker, object: object | None) -> bool:
    """Only the person themself manages their second factor; a beheerder cannot enrol for them."""
    return object is not None and getattr(object, "pk", None) == getattr(gebruiker, "pk", None)


def registreren_voor_accounts() -> None:
    alleen_beheerder = een_van_rollen([Rol.BEHEERDER])
    registreren(
        MEDEWERKER_ONTGRENDELEN,
        alleen_beheerder,
        weigering=_("Alleen een beheerder mag een inlogblokkade opheffen."),
    )
    registreren(
        INLOGBLOKKADES_INZIEN,
        alleen_beheerder,
        weigering=_("Alleen een beheerder mag de inlogblokkades inzien."),
    )
    registreren(
        TWEESTAPSVERIFICATIE_BEHEREN,
        _eigen_account,
        weigering=_("U kunt alleen uw eigen tweestapsverificatie beheren."),
    )
