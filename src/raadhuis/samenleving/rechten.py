"""Who may work in samenleving, and the rules of its actions (registered in core.rechten from ready())."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.models import Rol
from raadhuis.core.rechten import een_van_rollen, registreren

WERKPLEK_ROLLEN: frozenset[str] = frozenset({Rol.GRIFFIE, Rol.COLLEGELID, Rol.BEHEERDER})

# Petitions and burgerinitiatieven are addressed to the raad, so its griffie moderates and handles
# them (Gemeentewet art. 107a: the griffier assists the raad).
PETITIES_BEHEREN = "samenleving.petities_beheren"
PETITIES_ROLLEN: frozenset[str] = frozenset({Rol.GRIFFIE, Rol.BEHEERDER})


def registreren_voor_samenleving() -> None:
    """Each part (petities, consultaties, partners) registers its permissions here."""
    registreren(
        PETITIES_BEHEREN,
        een_van_rollen(PETITIES_ROLLEN),
        weigering=_("Alleen de griffie mag petities en burgerinitiatieven beoordelen en afhandelen."),
    )
