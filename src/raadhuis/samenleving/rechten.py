"""Who may work in samenleving, and the rules of its actions (registered in core.rechten from ready())."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.models import Rol
from raadhuis.core.rechten import een_van_rollen, registreren

WERKPLEK_ROLLEN: frozenset[str] = frozenset({Rol.GRIFFIE, Rol.COLLEGELID, Rol.BEHEERDER})

# -- consultaties --
# Putting a draft out for consultation, its documents, and the nota van beantwoording: the griffie
# (for the raad) and collegeleden (for the college).
CONSULTATIES_BEHEREN = "samenleving.consultaties_beheren"
# Approving or hiding reactions before they show in public: the griffie.
REACTIES_MODEREREN = "samenleving.reacties_modereren"
CONSULTATIE_ROLLEN: frozenset[str] = WERKPLEK_ROLLEN
MODERATIE_ROLLEN: frozenset[str] = frozenset({Rol.GRIFFIE, Rol.BEHEERDER})


def _consultaties_registreren() -> None:
    registreren(
        CONSULTATIES_BEHEREN,
        een_van_rollen(CONSULTATIE_ROLLEN),
        weigering=_("Alleen de griffie of een collegelid mag consultaties beheren."),
    )
    registreren(
        REACTIES_MODEREREN,
        een_van_rollen(MODERATIE_ROLLEN),
        weigering=_("Alleen de griffie mag reacties op consultaties modereren."),
    )


def registreren_voor_samenleving() -> None:
    """Each part (petities, consultaties, partners) registers its permissions here."""
    _consultaties_registreren()
