"""Who may work in samenleving, and the rules of its actions (registered in core.rechten from ready())."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.models import Rol
from raadhuis.core.rechten import een_van_rollen, registreren

WERKPLEK_ROLLEN: frozenset[str] = frozenset({Rol.GRIFFIE, Rol.COLLEGELID, Rol.BEHEERDER})

# -- maatschappelijke partners --
# Partners, their contact persons and convenanten: the college enters into agreements
# (Gemeentewet art. 160 lid 1 onder e), so a collegelid, and the beheerder. The griffie has no
# part in it and does not need the contact persons (AVG art. 5 lid 1 onder c).
PARTNERS_BEHEREN = "samenleving.partners_beheren"
PARTNERS_ROLLEN: frozenset[str] = frozenset({Rol.COLLEGELID, Rol.BEHEERDER})
# Subsidieverplichtingen touch the budget (Gemeentewet art. 189, Awb art. 4:23 lid 3): concern
# control keeps them with the collegelid and the beheerder.
SUBSIDIES_BEHEREN = "samenleving.subsidies_beheren"
SUBSIDIE_ROLLEN: frozenset[str] = frozenset({Rol.CONTROLLER, Rol.COLLEGELID, Rol.BEHEERDER})
# Reading the Werkplek pages of partners (contact persons included): whoever manages either.
PARTNERS_INZIEN = "samenleving.partners_inzien"
PARTNERS_WERKPLEK_ROLLEN: frozenset[str] = PARTNERS_ROLLEN | SUBSIDIE_ROLLEN


def _partners_registreren() -> None:
    registreren(
        PARTNERS_BEHEREN,
        een_van_rollen(PARTNERS_ROLLEN),
        weigering=_("Alleen een collegelid of beheerder mag partners en convenanten beheren."),
    )
    registreren(
        SUBSIDIES_BEHEREN,
        een_van_rollen(SUBSIDIE_ROLLEN),
        weigering=_("Alleen een controller, collegelid of beheerder mag subsidieverplichtingen beheren."),
    )
    registreren(
        PARTNERS_INZIEN,
        een_van_rollen(PARTNERS_WERKPLEK_ROLLEN),
        weigering=_("U mag de maatschappelijke partners in de Werkplek niet inzien."),
    )


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


# -- petities en burgerinitiatieven --
# Petitions and burgerinitiatieven are addressed to the raad, so its griffie moderates and handles
# them (Gemeentewet art. 107a: the griffier assists the raad).
PETITIES_BEHEREN = "samenleving.petities_beheren"
PETITIES_ROLLEN: frozenset[str] = frozenset({Rol.GRIFFIE, Rol.BEHEERDER})


def _petities_registreren() -> None:
    registreren(
        PETITIES_BEHEREN,
        een_van_rollen(PETITIES_ROLLEN),
        weigering=_("Alleen de griffie mag petities en burgerinitiatieven beoordelen en afhandelen."),
    )


def registreren_voor_samenleving() -> None:
    """Each part (petities, consultaties, partners) registers its permissions here."""
    _partners_registreren()
    _consultaties_registreren()
    _petities_registreren()
