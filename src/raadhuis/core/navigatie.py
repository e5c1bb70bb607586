"""Menus for the public site and the Werkplek; the project declares them, core renders them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.module_loading import import_string

from raadhuis.core.rechten import heeft_rol


@dataclass(frozen=True)
class Menuitem:
    label: str | Promise
    url_naam: str
    # Empty: every logged-in employee sees it; otherwise one of these roles is needed.
    rollen: frozenset[str] = field(default_factory=frozenset)

    @property
    def url(self) -> str:
        return reverse(self.url_naam)


@cache
def _menu(instelling: str) -> tuple[Menuitem, ...]:
    items: Sequence[Menuitem] = import_string(getattr(settings, instelling))
    return tuple(items)


def publiek_menu() -> tuple[Menuitem, ...]:
    return _menu("RAADHUIS_PUBLIEK_MENU")


def werkplek_menu(gebruiker: AbstractBaseUser | AnonymousUser) -> list[Menuitem]:
    """The Werkplek items this person's roles give access to."""
    if not gebruiker.is_authenticated:
        return []
    return [
        item
        for item in _menu("RAADHUIS_WERKPLEK_MENU")
        if not item.rollen or any(heeft_rol(gebruiker, rol) for rol in item.rollen)
    ]
