"""Who may work in uitvoering; the Werkplek menu and the views both read this."""

from raadhuis.accounts.models import Rol

WERKPLEK_ROLLEN: frozenset[str] = frozenset(
    {Rol.GRIFFIE, Rol.RAADSLID, Rol.COLLEGELID, Rol.CONTROLLER, Rol.BEHEERDER}
)
