"""Who may work in besluitvorming, and the rules of its actions (registered in core.rechten from ready())."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.models import Rol
from raadhuis.besluitvorming.models import Indiener, Persoon, Raadsvraag, Voorstel, Vraagsteller
from raadhuis.core.rechten import Gebruiker, een_van_rollen, heeft_rol, registreren

WERKPLEK_ROLLEN: frozenset[str] = frozenset(
    {Rol.GRIFFIE, Rol.RAADSLID, Rol.COLLEGELID, Rol.CONTROLLER, Rol.BEHEERDER}
)

# Bodies, people, memberships and fracties: the griffie keeps the council's public record.
ORGANEN_BEHEREN = "besluitvorming.organen_beheren"
# Meetings, their agenda, presentielijst, opening, stukken and besluitenlijst.
AGENDA_BEHEREN = "besluitvorming.agenda_beheren"
# Stukken under geheimhouding (Gemeentewet art. 25): those bound by it, and the griffie.
GEHEIME_STUKKEN_INZIEN = "besluitvorming.geheime_stukken_inzien"
# Requests to speak (inspreken): the griffie admits or declines them for the chair and sets the order
# (Reglement van Orde, verify locally); it sees the requesters' contact details.
INSPREKEN_BEHANDELEN = "besluitvorming.inspreken_behandelen"

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
    registreren(
        INSPREKEN_BEHANDELEN,
        griffie,
        weigering=_("Alleen de griffie mag aanmeldingen om in te spreken behandelen."),
    )


# Votes, hamerstukken, stemverklaringen and the resulting besluiten (Gemeentewet arts. 28-32): the
# griffie records what the raad did.
STEMMEN_VASTLEGGEN = "besluitvorming.stemmen_vastleggen"
# Moties and amendementen (art. 147a-147b): a raadslid submits and withdraws only proposals they are an
# indiener of (their Medewerker account is linked to their Persoon); the griffie does so for any member.
# Asked without an object (may this user open the form at all?), every raadslid may.
VOORSTEL_INDIENEN = "besluitvorming.voorstel_indienen"
# The registers of toezeggingen and moties: owner, deadline and status are kept by the griffie,
REGISTERS_BIJWERKEN = "besluitvorming.registers_bijwerken"
# and the college's answer (art. 169) also by a collegelid.
REGISTERS_BEANTWOORDEN = "besluitvorming.registers_beantwoorden"


def _eigen_indiening(gebruiker: Gebruiker, object: object | None, eigen: Callable[[int], bool]) -> bool:
    """A raadslid acts only on what they are an indiener of, the griffie for any member. The object is
    the thing itself (to withdraw it; `eigen` asks whether the member with this account is an indiener)
    or the persons who submit it (to submit it); asked without an object, every raadslid may."""
    if any(heeft_rol(gebruiker, rol) for rol in GRIFFIE_ROLLEN):
        return True
    if not heeft_rol(gebruiker, Rol.RAADSLID):
        return False
    if object is None:
        return True
    if gebruiker.pk is None:
        return False
    if isinstance(object, Iterable) and not isinstance(object, str | bytes):
        return any(isinstance(p, Persoon) and p.medewerker_id == gebruiker.pk for p in object)
    return eigen(int(gebruiker.pk))


def _is_eigen_voorstel(gebruiker: Gebruiker, object: object | None) -> bool:
    """The rule of VOORSTEL_INDIENEN (the object is a Voorstel or its indieners)."""

    def eigen(pk: int) -> bool:
        return (
            isinstance(object, Voorstel)
            and Indiener.objects.filter(voorstel=object, persoon__medewerker_id=pk).exists()
        )

    return _eigen_indiening(gebruiker, object, eigen)


def registreren_voor_stemmingen() -> None:
    griffie = een_van_rollen(GRIFFIE_ROLLEN)
    registreren(
        STEMMEN_VASTLEGGEN,
        griffie,
        weigering=_("Alleen de griffie mag stemmingen en besluiten vastleggen."),
    )
    registreren(
        VOORSTEL_INDIENEN,
        _is_eigen_voorstel,
        weigering=_(
            "Een raadslid dient alleen eigen moties en amendementen in of trekt die in; de griffie mag dat "
            "namens ieder lid."
        ),
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


# Raadsvragen (Gemeentewet art. 155): a raadslid puts and withdraws only questions they are an indiener
# of; the griffie registers them on behalf of any member. Asked without an object, every raadslid may.
RAADSVRAAG_STELLEN = "besluitvorming.raadsvraag_stellen"
# The griffie routes a question (portefeuillehouder, links) and keeps the answer term of the RvO.
RAADSVRAAG_BEHANDELEN = "besluitvorming.raadsvraag_behandelen"
# Uitstel of the answer is asked by the college and registered by the griffie or a collegelid.
RAADSVRAAG_UITSTELLEN = "besluitvorming.raadsvraag_uitstellen"
# The college answers (art. 155, art. 169): drafts and sends the answer; nobody else.
RAADSVRAAG_BEANTWOORDEN = "besluitvorming.raadsvraag_beantwoorden"
# The draft answer is the college's working text: the college and the griffie see it, raadsleden not.
RAADSVRAAG_CONCEPTANTWOORD_INZIEN = "besluitvorming.raadsvraag_conceptantwoord_inzien"


def _is_eigen_raadsvraag(gebruiker: Gebruiker, object: object | None) -> bool:
    """The rule of RAADSVRAAG_STELLEN (the object is a Raadsvraag or its indieners)."""

    def eigen(pk: int) -> bool:
        return (
            isinstance(object, Raadsvraag)
            and Vraagsteller.objects.filter(raadsvraag=object, persoon__medewerker_id=pk).exists()
        )

    return _eigen_indiening(gebruiker, object, eigen)


def registreren_voor_raadsvragen() -> None:
    registreren(
        RAADSVRAAG_STELLEN,
        _is_eigen_raadsvraag,
        weigering=_(
            "Een raadslid stelt alleen eigen raadsvragen of trekt die in; de griffie mag dat namens ieder "
            "raadslid."
        ),
    )
    registreren(
        RAADSVRAAG_BEHANDELEN,
        een_van_rollen(GRIFFIE_ROLLEN),
        weigering=_("Alleen de griffie mag raadsvragen toewijzen en de antwoordtermijn beheren."),
    )
    registreren(
        RAADSVRAAG_UITSTELLEN,
        een_van_rollen(GRIFFIE_ROLLEN | {Rol.COLLEGELID}),
        weigering=_("Alleen de griffie of een collegelid mag uitstel van het antwoord vastleggen."),
    )
    registreren(
        RAADSVRAAG_BEANTWOORDEN,
        een_van_rollen({Rol.COLLEGELID}),
        weigering=_("Alleen het college beantwoordt raadsvragen."),
    )
    registreren(
        RAADSVRAAG_CONCEPTANTWOORD_INZIEN,
        een_van_rollen(GRIFFIE_ROLLEN | {Rol.COLLEGELID}),
        weigering=_("Alleen het college en de griffie zien het conceptantwoord."),
    )
