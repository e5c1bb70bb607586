"""Who may work in publicatie; the Werkplek menu and the views both read this."""

from raadhuis.accounts.models import Rol

WERKPLEK_ROLLEN: frozenset[str] = frozenset({Rol.WOO_COORDINATOR, Rol.GRIFFIE, Rol.BEHEERDER})
