"""The one permission question, "may this person do X on Y", and the registry of its rules.

core holds the mechanism and the rules for core's own actions; every app registers the rules for
its actions in its own ``rechten.py``, loaded from its AppConfig.ready(). An action nobody
registered is refused: a typo must never turn into access (OWASP ASVS 4.0.3 V4.1.3, least
privilege; V4.1.5, access controls fail securely).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

Gebruiker = AbstractBaseUser | AnonymousUser
Regel = Callable[[Gebruiker, object | None], bool]

# Role names core needs itself; the roles are defined in accounts.models.Rol.
BEHEERDER = "beheerder"
PRIVACY_OFFICER = "privacy-officer"
CONTROLLER = "controller"

# core's own actions.
ORGANISATIE_BEHEREN = "organisatie.beheren"
LOGBOEK_INZIEN = "logboek.inzien"
BEHEER_GEBRUIKEN = "beheer.gebruiken"  # Django's admin at /beheer/
TERMIJNEN_BEHEREN = "termijnen.beheren"  # the days equated with holidays (Atw art. 3 lid 3)
# The programmes of the programmabegroting (Gemeentewet art. 186, BBV art. 7-8): the controller
# (concern control keeps the P&C structure) and the beheerder.
PROGRAMMAS_BEHEREN = "programmas.beheren"


class OnbekendeActie(LookupError):
    """Asked about an action nobody registered: a programming error, not a refusal to a user."""


@dataclass(frozen=True)
class Recht:
    actie: str
    regel: Regel
    weigering: str | Promise  # the Dutch message vereis() gives when the rule says no


_rechten: dict[str, Recht] = {}


def registreren(actie: str, regel: Regel, *, weigering: str | Promise | None = None) -> None:
    """Registers the rule for an action, once; a second registration is a configuration error."""
    bestaand = _rechten.get(actie)
    if bestaand is not None and bestaand.regel is not regel:
        raise ImproperlyConfigured(f"Het recht {actie!r} is al geregistreerd.")
    _rechten[actie] = Recht(
        actie=actie,
        regel=regel,
        weigering=weigering or gettext_lazy("U heeft geen toestemming voor deze handeling."),
    )


def geregistreerde_acties() -> frozenset[str]:
    return frozenset(_rechten)


def heeft_rol(gebruiker: Gebruiker, rol: str) -> bool:
    """Roles live on the user model (accounts); core asks through its `heeft_rol` method."""
    if not gebruiker.is_authenticated:
        return False
    vraag = getattr(gebruiker, "heeft_rol", None)
    return bool(vraag(rol)) if callable(vraag) else False


def een_van_rollen(rollen: Iterable[str]) -> Regel:
    """A rule granting the action to holders of any of these roles, whatever the object."""
    vast = frozenset(rollen)

    def regel(gebruiker: Gebruiker, object: object | None) -> bool:
        return any(heeft_rol(gebruiker, rol) for rol in vast)

    return regel


def _strikt() -> bool:
    return bool(settings.DEBUG or getattr(settings, "RAADHUIS_RECHTEN_STRIKT", False))


def mag(gebruiker: Gebruiker, actie: str, object: object | None = None) -> bool:
    """May this person do ``actie`` (on ``object``)? Inactive and anonymous users may nothing.

    An unknown action is refused; in DEBUG and in tests (RAADHUIS_RECHTEN_STRIKT) it raises
    OnbekendeActie instead, so a misspelt action fails loudly rather than quietly denying.
    """
    recht = _rechten.get(actie)
    if recht is None:
        if _strikt():
            raise OnbekendeActie(f"Onbekend recht {actie!r}: registreer het in de rechten.py van de app.")
        logger.error("Onbekend recht %r gevraagd; geweigerd.", actie)
        return False
    if not gebruiker.is_authenticated or not getattr(gebruiker, "is_active", False):
        return False
    return bool(recht.regel(gebruiker, object))


def vereis(gebruiker: Gebruiker, actie: str, object: object | None = None) -> None:
    """Raises PermissionDenied with the action's Dutch message unless ``mag`` says yes."""
    if not mag(gebruiker, actie, object):
        recht = _rechten.get(actie)
        raise PermissionDenied(str(recht.weigering) if recht else _("Onbekende handeling."))


def mag_organisatie_beheren(gebruiker: Gebruiker) -> bool:
    """Kept for existing callers; new code asks ``mag(gebruiker, ORGANISATIE_BEHEREN)``."""
    return mag(gebruiker, ORGANISATIE_BEHEREN)


def core_rechten_registreren() -> None:
    """core's own actions; called from CoreConfig.ready()."""
    registreren(
        ORGANISATIE_BEHEREN,
        _alleen_beheerder,
        weigering=gettext_lazy("Alleen een beheerder mag de organisatiegegevens wijzigen."),
    )
    registreren(
        LOGBOEK_INZIEN,
        # Who saw whose data is itself sensitive: the privacy officer answers for it (AVG art. 38-39),
        # the technical beheerder does not need it.
        _alleen_privacy_officer,
        weigering=gettext_lazy("Alleen de privacy officer mag het logboek inzien."),
    )
    registreren(
        TERMIJNEN_BEHEREN,
        _alleen_beheerder,
        weigering=gettext_lazy("Alleen een beheerder mag gelijkgestelde dagen vastleggen."),
    )
    registreren(
        PROGRAMMAS_BEHEREN,
        een_van_rollen([CONTROLLER, BEHEERDER]),
        weigering=gettext_lazy("Alleen een controller of beheerder mag begrotingsprogramma's beheren."),
    )
    registreren(
        BEHEER_GEBRUIKEN,
        _alleen_beheerder,
        weigering=gettext_lazy("Alleen een beheerder mag het technisch beheer gebruiken."),
    )


_alleen_beheerder = een_van_rollen([BEHEERDER])
_alleen_privacy_officer = een_van_rollen([PRIVACY_OFFICER])
