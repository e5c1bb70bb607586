"""Who may work in dienstverlening; the Werkplek menu and the views both read this."""

from raadhuis.accounts.models import Rol

WERKPLEK_ROLLEN: frozenset[str] = frozenset(
    {Rol.KCC_MEDEWERKER, Rol.BEHANDELAAR, Rol.CONTROLLER, Rol.BEHEERDER}
)
