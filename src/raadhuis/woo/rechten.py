"""Who may work in woo; the Werkplek menu and the views both read this."""

from raadhuis.accounts.models import Rol

WERKPLEK_ROLLEN: frozenset[str] = frozenset({Rol.WOO_COORDINATOR, Rol.BEHEERDER})
