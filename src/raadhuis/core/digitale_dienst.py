"""The level-of-assurance gate for digital services: who may use a service, and at which level.

Wdo (Wet digitale overheid) and the Besluit identificatiemiddelen: every digital service is
classified at an eIDAS level of assurance (Verordening (EU) 910/2014 art. 8); a person logged in at a
lower level is refused with an explanation and offered to log in again at the needed level.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort, huidige_identiteit

P = ParamSpec("P")
View = Callable[Concatenate[HttpRequest, P], HttpResponse]

MIDDELEN = {Soort.INWONER: ("digid", "DigiD"), Soort.ONDERNEMER: ("eherkenning", "eHerkenning")}


class Doelgroep(enum.StrEnum):
    INWONER = "inwoner"
    ONDERNEMER = "ondernemer"
    BEIDE = "beide"

    def staat_toe(self, soort: Soort) -> bool:
        return self is Doelgroep.BEIDE or self.value == soort.value

    @property
    def soorten(self) -> tuple[Soort, ...]:
        if self is Doelgroep.BEIDE:
            return (Soort.INWONER, Soort.ONDERNEMER)
        return (Soort(self.value),)


def standaard_reden(minimum: Betrouwbaarheidsniveau) -> str:
    if minimum >= Betrouwbaarheidsniveau.HOOG:
        return _(
            "Met deze dienst kunnen gevolgen ontstaan die moeilijk terug te draaien zijn. Daarom moet de "
            "gemeente heel zeker weten dat u het bent: u logt in met een middel dat uw identiteitsbewijs "
            "uitleest (eIDAS niveau hoog)."
        )
    if minimum >= Betrouwbaarheidsniveau.SUBSTANTIEEL:
        return _(
            "Met deze dienst ziet of wijzigt u persoonsgegevens. Daarom moet de gemeente zeker weten dat u "
            "het bent: u logt in met een middel waarbij uw identiteitsbewijs eenmalig is gecontroleerd "
            "(eIDAS niveau substantieel)."
        )
    return _("Voor deze dienst is inloggen met een eenvoudig inlogmiddel voldoende (eIDAS niveau laag).")


def inlog_url(*, soort: Soort, minimum: Betrouwbaarheidsniveau, terug_naar: str) -> str:
    """The login at the right broker and level that returns to the service (no personal data)."""
    middel = MIDDELEN[soort][0]
    query = urlencode({"niveau": minimum.name.lower(), "next": terug_naar})
    return f"{reverse('inwoner:inloggen', kwargs={'middel': middel})}?{query}"


def toegang_weigeren(
    request: HttpRequest,
    *,
    minimum: Betrouwbaarheidsniveau,
    doelgroep: Doelgroep,
    dienst: str | Promise,
    reden: str | Promise = "",
) -> HttpResponse | None:
    """None when the logged-in identity may use the service; otherwise the page that explains why
    not (not logged in, wrong kind of login, or a level below the service's minimum)."""
    identiteit = huidige_identiteit(request.session)
    if identiteit is not None and doelgroep.staat_toe(identiteit.soort) and identiteit.voldoet_aan(minimum):
        return None
    terug_naar = request.get_full_path()
    if identiteit is None:
        situatie, status = "niet_ingelogd", 200
    elif not doelgroep.staat_toe(identiteit.soort):
        situatie, status = "verkeerde_doelgroep", 403
    else:
        situatie, status = "niveau_te_laag", 403
    knoppen = [
        {
            "url": inlog_url(soort=soort, minimum=minimum, terug_naar=terug_naar),
            "label": (
                _("Opnieuw inloggen met %(middel)s op niveau %(niveau)s")
                if situatie == "niveau_te_laag"
                else _("Inloggen met %(middel)s op niveau %(niveau)s")
            )
            % {"middel": MIDDELEN[soort][1], "niveau": minimum.label},
        }
        for soort in doelgroep.soorten
    ]
    return render(
        request,
        "raadhuis/digitale_dienst.html",
        {
            "situatie": situatie,
            "dienst": dienst,
            "identiteit": identiteit,
            "minimum": minimum,
            "reden": reden or standaard_reden(minimum),
            "knoppen": knoppen,
            "kruimelpad": [(_("Home"), reverse("core:home")), (dienst, None)],
        },
        status=status,
    )


def vereiste_identiteit(request: HttpRequest) -> Identiteit:
    """The identity inside a view guarded by ``digitale_dienst`` (typed, never None there)."""
    identiteit = huidige_identiteit(request.session)
    if identiteit is None:
        raise PermissionDenied
    return identiteit


def digitale_dienst(
    *,
    minimum: Betrouwbaarheidsniveau,
    doelgroep: Doelgroep,
    dienst: str | Promise,
    reden: str | Promise = "",
) -> Callable[[View[P]], View[P]]:
    """Guards a view of a digital service with a fixed minimum level and audience."""

    def decorator(view: View[P]) -> View[P]:
        @wraps(view)
        def bewaakt(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            weigering = toegang_weigeren(
                request, minimum=minimum, doelgroep=doelgroep, dienst=dienst, reden=reden
            )
            if weigering is not None:
                return weigering
            return view(request, *args, **kwargs)

        return bewaakt

    return decorator
