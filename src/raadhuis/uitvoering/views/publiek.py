"""The public pages: residents follow the akkoord's progress. Only what is marked public shows, at
every level; no login."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from raadhuis.uitvoering import selectors
from raadhuis.uitvoering.models import Status
from raadhuis.uitvoering.views.hulp import huidig_akkoord


def publiek(request: HttpRequest) -> HttpResponse:
    akkoord = huidig_akkoord(alleen_openbaar=True)
    return (
        akkoord_publiek(request, akkoord.slug)
        if akkoord
        else render(
            request,
            "uitvoering/publiek/akkoord.html",
            {"akkoord": None, "kruimelpad": [(_("Home"), reverse("core:home")), (_("Raadsakkoord"), None)]},
        )
    )


def akkoord_publiek(request: HttpRequest, slug: str) -> HttpResponse:
    akkoord = selectors.akkoord_op_slug(slug, alleen_openbaar=True)
    if akkoord is None:
        raise Http404
    boom = selectors.agendaboom(akkoord, selectors.Boomfilter(alleen_openbaar=True))
    statussen = [
        activiteit.status
        for tak in boom
        for doel in tak.doelen
        for actie in doel.acties
        for activiteit in actie.activiteiten
    ]
    telling = [(waarde, label, statussen.count(waarde)) for waarde, label in Status.choices]
    return render(
        request,
        "uitvoering/publiek/akkoord.html",
        {
            "akkoord": akkoord,
            "boom": boom,
            "telling": telling,
            "kruimelpad": [(_("Home"), reverse("core:home")), (akkoord.titel, None)],
        },
    )
