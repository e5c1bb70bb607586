"""Who may work in samenleving, and the rules of its actions (registered in core.rechten from ready())."""

from __future__ import annotations

from raadhuis.accounts.models import Rol

WERKPLEK_ROLLEN: frozenset[str] = frozenset({Rol.GRIFFIE, Rol.COLLEGELID, Rol.BEHEERDER})


def registreren_voor_samenleving() -> None:
    """Each part (petities, consultaties, partners) registers its permissions here."""
