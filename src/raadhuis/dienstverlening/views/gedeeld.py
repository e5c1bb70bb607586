"""What the views of dienstverlening share: the acting employee, the breadcrumb root, and the case
lists' dates and links."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from raadhuis.accounts.models import Medewerker
from raadhuis.core.toegang import ingelogde_gebruiker
from raadhuis.dienstverlening.models import Zaak

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


class Datums:
    """Dates as the case lists show them ("7 december 2026"), each formatted once per page: a month
    name per row, through the template engine, was a third of a list's rows' rendering
    (docs/benchmarks.md)."""

    def __init__(self) -> None:
        self._teksten: dict[date, str] = {}

    def __call__(self, dag: date) -> str:
        tekst = self._teksten.get(dag)
        if tekst is None:
            tekst = self._teksten[dag] = date_format(dag, "j F Y")
        return tekst


def zaaklink(basis_url: str, identificatie: str) -> str:
    """A case's page under the list's own URL: one reverse() per page, not one per row."""
    return f"{basis_url}{quote(identificatie, safe='/')}/"


def statustekst(zaak: Zaak, *, resultaat_klein: bool = False) -> str:
    """The case's status as the lists show it, with the result once there is one ("Afgehandeld
    (verleend)" on the resident's own page, where the result reads as part of the sentence)."""
    if zaak.resultaattype is None:
        return zaak.statustype.omschrijving
    resultaat = zaak.resultaattype.omschrijving
    return f"{zaak.statustype.omschrijving} ({resultaat.lower() if resultaat_klein else resultaat})"
