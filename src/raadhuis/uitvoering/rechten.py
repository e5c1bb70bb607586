"""Who may work in uitvoering, and the rules of its actions (registered in core.rechten from ready())."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.models import Rol
from raadhuis.core.rechten import Gebruiker, een_van_rollen, heeft_rol, registreren

WERKPLEK_ROLLEN: frozenset[str] = frozenset(
    {Rol.GRIFFIE, Rol.RAADSLID, Rol.COLLEGELID, Rol.CONTROLLER, Rol.BEHEERDER}
)

# The college carries out the akkoord (Gemeentewet art. 160), concern control keeps the P&C chain:
# the chain (ambities, doelen, acties, activiteiten, budgets, indicators) and progress updates.
AGENDA_BEHEREN = "uitvoering.agenda_beheren"
VOORTGANG_VASTLEGGEN = "uitvoering.voortgang_vastleggen"
# The akkoord and its assignments are the council's (dualisme): the griffie records them, as do
# those who keep the chain.
OPDRACHTEN_BEHEREN = "uitvoering.opdrachten_beheren"
# The BBV figures (formatie, bezetting, ...) come from concern control.
KENGETALLEN_VASTLEGGEN = "uitvoering.kengetallen_vastleggen"

AGENDA_ROLLEN: frozenset[str] = frozenset({Rol.CONTROLLER, Rol.BEHEERDER, Rol.COLLEGELID})
OPDRACHTEN_ROLLEN: frozenset[str] = AGENDA_ROLLEN | {Rol.GRIFFIE}


def _eigen_portefeuille(gebruiker: Gebruiker, object: object | None) -> bool:
    """Controller and beheerder keep the whole agenda; a collegelid the activities of their own
    portefeuille (Gemeentewet art. 168). Whose account a Persoon is, is known only once besluitvorming
    links them (Persoon.medewerker); until then any collegelid may, as before."""
    if heeft_rol(gebruiker, Rol.CONTROLLER) or heeft_rol(gebruiker, Rol.BEHEERDER):
        return True
    if not heeft_rol(gebruiker, Rol.COLLEGELID):
        return False
    houder = getattr(object, "portefeuillehouder", None)
    if houder is None:
        actie = getattr(object, "actie", None)
        houder = getattr(actie, "portefeuillehouder", None)
    account = getattr(houder, "medewerker_id", None)
    return account is None or account == getattr(gebruiker, "pk", None)


def registreren_voor_uitvoering() -> None:
    registreren(
        AGENDA_BEHEREN,
        een_van_rollen(AGENDA_ROLLEN),
        weigering=_("Alleen een controller, beheerder of collegelid mag de uitvoeringsagenda wijzigen."),
    )
    registreren(
        VOORTGANG_VASTLEGGEN,
        _eigen_portefeuille,
        weigering=_(
            "Alleen een controller, beheerder of de portefeuillehouder mag voortgang van deze "
            "activiteit vastleggen."
        ),
    )
    registreren(
        OPDRACHTEN_BEHEREN,
        een_van_rollen(OPDRACHTEN_ROLLEN),
        weigering=_(
            "Alleen de griffie, een controller, beheerder of collegelid mag het akkoord en de "
            "opdrachten wijzigen."
        ),
    )
    registreren(
        KENGETALLEN_VASTLEGGEN,
        een_van_rollen({Rol.CONTROLLER, Rol.BEHEERDER}),
        weigering=_("Alleen een controller of beheerder mag de kengetallen vastleggen."),
    )
