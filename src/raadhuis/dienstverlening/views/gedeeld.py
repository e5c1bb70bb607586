"""What the Werkplek views of dienstverlening share: the acting employee and the breadcrumb root."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from raadhuis.accounts.models import Medewerker
from raadhuis.core.toegang import ingelogde_gebruiker

Kruimelpad = list[tuple[str, str | None]]


def ingelogde_medewerker(request: HttpRequest) -> Medewerker:
    """The logged-in employee (the view's @werkplek has checked the login and the role)."""
    gebruiker = ingelogde_gebruiker(request)
    if not isinstance(gebruiker, Medewerker):
        raise PermissionDenied
    return gebruiker


def werkplek_kruimelpad(*stappen: tuple[str, str | None]) -> Kruimelpad:
    return [
        (_("Werkplek"), reverse("core:werkplek")),
        (_("Dienstverlening"), reverse("dienstverlening:werkplek")),
        *stappen,
    ]
