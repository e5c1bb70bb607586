"""Who may work in besluitvorming, and the rules of its actions (registered in core.rechten from ready())."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.models import Rol
from raadhuis.core.rechten import een_van_rollen, registreren

WERKPLEK_ROLLEN: frozenset[str] = frozenset(
    {Rol.GRIFFIE, Rol.RAADSLID, Rol.COLLEGELID, Rol.CONTROLLER, Rol.BEHEERDER}
)

# Bodies, people, memberships and fracties: the griffie keeps the council's public record.
ORGANEN_BEHEREN = "besluitvorming.organen_beheren"
# Meetings, their agenda, presentielijst, opening, stukken and besluitenlijst.
AGENDA_BEHEREN = "besluitvorming.agenda_beheren"
# Stukken under geheimhouding (Gemeentewet art. 25): those bound by it, and the griffie.
GEHEIME_STUKKEN_INZIEN = "besluitvorming.geheime_stukken_inzien"

GRIFFIE_ROLLEN: frozenset[str] = frozenset({Rol.GRIFFIE, Rol.BEHEERDER})


def registreren_voor_besluitvorming() -> None:
    griffie = een_van_rollen(GRIFFIE_ROLLEN)
    registreren(
        ORGANEN_BEHEREN,
        griffie,
        weigering=_("Alleen de griffie mag organen, leden en fracties beheren."),
    )
    registreren(
        AGENDA_BEHEREN,
        griffie,
        weigering=_("Alleen de griffie mag vergaderingen en agenda's beheren."),
    )
    registreren(
        GEHEIME_STUKKEN_INZIEN,
        een_van_rollen({Rol.GRIFFIE, Rol.BEHEERDER, Rol.RAADSLID, Rol.COLLEGELID}),
        weigering=_("U mag geheime stukken niet inzien."),
    )


# Votes, hamerstukken, stemverklaringen and the resulting besluiten (Gemeentewet arts. 28-32): the
# griffie records what the raad did.
STEMMEN_VASTLEGGEN = "besluitvorming.stemmen_vastleggen"
# Moties and amendementen (art. 147a-147b): a raadslid submits, the griffie on a member's behalf.
# Which Persoon a Medewerker is, is not modelled yet, so "own proposals only" is not checked here.
VOORSTEL_INDIENEN = "besluitvorming.voorstel_indienen"
# The registers of toezeggingen and moties: owner, deadline and status are kept by the griffie,
REGISTERS_BIJWERKEN = "besluitvorming.registers_bijwerken"
# and the college's answer (art. 169) also by a collegelid.
REGISTERS_BEANTWOORDEN = "besluitvorming.registers_beantwoorden"


def registreren_voor_stemmingen() -> None:
    griffie = een_van_rollen(GRIFFIE_ROLLEN)
    registreren(
        STEMMEN_VASTLEGGEN,
        griffie,
        weigering=_("Alleen de griffie mag stemmingen en besluiten vastleggen."),
    )
    registreren(
        VOORSTEL_INDIENEN,
        een_van_rollen(GRIFFIE_ROLLEN | {Rol.RAADSLID}),
        weigering=_("Alleen een raadslid of de griffie mag moties en amendementen indienen."),
    )
    registreren(
        REGISTERS_BIJWERKEN,
        griffie,
        weigering=_("Alleen de griffie mag de registers van moties en toezeggingen bijwerken."),
    )
    registreren(
        REGISTERS_BEANTWOORDEN,
        een_van_rollen(GRIFFIE_ROLLEN | {Rol.COLLEGELID}),
        weigering=_("Alleen de griffie of een collegelid mag de afdoening door het college vastleggen."),
    )
