"""Permission questions core itself needs answered, asked of the user model's roles."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

BEHEERDER = "beheerder"


def heeft_rol(gebruiker: AbstractBaseUser | AnonymousUser, rol: str) -> bool:
    """Roles live on the user model (accounts); core asks through its `heeft_rol` method."""
    if not gebruiker.is_authenticated:
        return False
    vraag = getattr(gebruiker, "heeft_rol", None)
    return bool(vraag(rol)) if callable(vraag) else False


def mag_organisatie_beheren(gebruiker: AbstractBaseUser | AnonymousUser) -> bool:
    return heeft_rol(gebruiker, BEHEERDER)
