"""Who may work in samenwerking; the Werkplek menu and the views both read this.

Actions are registered in core.rechten from the AppConfig's ready()."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.models import Rol
from raadhuis.core.rechten import een_van_rollen, registreren

WERKPLEK_ROLLEN: frozenset[str] = frozenset(
    {Rol.GRIFFIE, Rol.RAADSLID, Rol.COLLEGELID, Rol.CONTROLLER, Rol.BEHEERDER}
)

# The register and the financieel belang: the college keeps the register of GRs (Wgr art. 27) and
# concern control the P&C figures; the controller, the beheerder and a collegelid.
REGISTER_BEHEREN = "samenwerking.register_beheren"
REGISTER_ROLLEN: frozenset[str] = frozenset({Rol.CONTROLLER, Rol.BEHEERDER, Rol.COLLEGELID})
# Wgr procedures of the raad (zienswijzen, the council agenda): the griffie and the beheerder.
PROCEDURES_BEHEREN = "samenwerking.procedures_beheren"
PROCEDURE_ROLLEN: frozenset[str] = frozenset({Rol.GRIFFIE, Rol.BEHEERDER})
# Reading the Werkplek pages and private documents.
INZIEN = "samenwerking.inzien"


def registreren_voor_samenwerking() -> None:
    registreren(
        REGISTER_BEHEREN,
        een_van_rollen(REGISTER_ROLLEN),
        weigering=_(
            "Alleen een controller, collegelid of beheerder mag het register van verbonden partijen "
            "bijwerken."
        ),
    )
    registreren(
        PROCEDURES_BEHEREN,
        een_van_rollen(PROCEDURE_ROLLEN),
        weigering=_("Alleen de griffie mag Wgr-procedures en zienswijzen beheren."),
    )
    registreren(
        INZIEN,
        een_van_rollen(WERKPLEK_ROLLEN),
        weigering=_("U mag de samenwerkingsverbanden in de Werkplek niet inzien."),
    )
