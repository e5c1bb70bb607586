"""View guards for the Werkplek: logged in, past every registered gatekeeper, and allowed the action."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from raadhuis.core.rechten import heeft_rol, vereis

P = ParamSpec("P")
View = Callable[Concatenate[HttpRequest, P], HttpResponse]
# A gatekeeper may answer instead of the view (e.g. "enrol two-factor authentication first").
Poortwachter = Callable[[HttpRequest], HttpResponse | None]

_poortwachters: list[Poortwachter] = []


def poortwachter_registreren(poortwachter: Poortwachter) -> None:
    """Adds a check every Werkplek page runs after login; apps register theirs in ready().

    core cannot know about accounts' two-factor rules, so accounts registers them here.
    """
    if poortwachter not in _poortwachters:
        _poortwachters.append(poortwachter)


def poortwachters_vragen(request: HttpRequest) -> HttpResponse | None:
    """The first gatekeeper's answer, or None when every one lets the request through."""
    for poortwachter in _poortwachters:
        antwoord = poortwachter(request)
        if antwoord is not None:
            return antwoord
    return None


def werkplek(*rollen: str, actie: str | None = None) -> Callable[[View[P]], View[P]]:
    """Only for logged-in employees who pass the gatekeepers; with ``actie``, only for those who
    ``mag`` do it (core.rechten); with roles given, only for holders of one of them."""

    def decorator(view: View[P]) -> View[P]:
        @wraps(view)
        def bewaakt(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            antwoord = poortwachters_vragen(request)
            if antwoord is not None:
                return antwoord
            if actie is not None:
                vereis(request.user, actie)
            if rollen and not any(heeft_rol(request.user, rol) for rol in rollen):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return bewaakt

    return decorator


def ingelogde_gebruiker(request: HttpRequest) -> AbstractBaseUser:
    """The acting user of a guarded view, typed for the services' ``door=``."""
    gebruiker = request.user
    if not isinstance(gebruiker, AbstractBaseUser):
        raise PermissionDenied
    return gebruiker
