"""Public pages: which cooperation the gemeente takes part in, why, who represents it, what it costs."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.samenwerking.models import Samenwerkingsverband
from raadhuis.samenwerking.selectors.register import (
    deelnemers_op,
    verband_met_alles,
    verbanden,
    vertegenwoordigers_op,
)


def samenwerking(request: HttpRequest) -> HttpResponse:
    vandaag = timezone.localdate()
    actief = [v for v in verbanden() if v.einddatum is None or v.einddatum >= vandaag]
    return render(
        request,
        "samenwerking/samenwerking.html",
        {
            "kruimelpad": [(_("Home"), reverse("core:home")), (_("Samenwerking"), None)],
            "verbonden": [v for v in actief if v.is_verbonden_partij],
            "overige": [v for v in actief if not v.is_verbonden_partij],
        },
    )


def verband(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        gevonden = verband_met_alles(slug)
    except Samenwerkingsverband.DoesNotExist as fout:
        raise Http404 from fout
    vandaag = timezone.localdate()
    cijfers = [c for c in gevonden.jaarcijfers.all() if c.jaar <= vandaag.year + 1][-5:]
    return render(
        request,
        "samenwerking/publiek/verband.html",
        {
            "kruimelpad": [
                (_("Home"), reverse("core:home")),
                (_("Samenwerking"), reverse("samenwerking:samenwerking")),
                (gevonden.naam, None),
            ],
            "verband": gevonden,
            "deelnemers": deelnemers_op(gevonden, vandaag),
            "vertegenwoordigers": vertegenwoordigers_op(gevonden, vandaag),
            "cijfers": cijfers,
        },
    )
