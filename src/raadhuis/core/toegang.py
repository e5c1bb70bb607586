"""View guards for the Werkplek: logged in, and holding one of the given roles."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from raadhuis.core.rechten import heeft_rol

P = ParamSpec("P")
View = Callable[Concatenate[HttpRequest, P], HttpResponse]


def werkplek(*rollen: str) -> Callable[[View[P]], View[P]]:
    """Only for logged-in employees; with roles given, only for holders of one of them."""

    def decorator(view: View[P]) -> View[P]:
        @wraps(view)
        def bewaakt(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
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
