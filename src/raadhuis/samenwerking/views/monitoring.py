"""The monitoring dashboard: contributions over the years, totals per programme, the risk map,
signals (negative equity, steep rises) and the deadlines coming up."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.core import grafieken
from raadhuis.core.toegang import werkplek
from raadhuis.samenwerking.rechten import INZIEN
from raadhuis.samenwerking.selectors import bijdragen_per_partij, risicokaart, signalen, totalen_per_programma
from raadhuis.samenwerking.selectors.procedures import komende_termijnen

STANDAARD_DREMPEL = Decimal(5)


def _getal(tekst: str | None, standaard: int) -> int:
    try:
        return int(tekst or standaard)
    except ValueError:
        return standaard


@werkplek(actie=INZIEN)
def monitoring(request: HttpRequest) -> HttpResponse:
    vandaag = timezone.localdate()
    jaar = max(2000, min(2100, _getal(request.GET.get("jaar"), vandaag.year + 1)))
    try:
        drempel = Decimal(request.GET.get("drempel") or STANDAARD_DREMPEL)
    except InvalidOperation:
        drempel = STANDAARD_DREMPEL
    jaren = list(range(jaar - 3, jaar + 1))
    per_partij = bijdragen_per_partij(van_jaar=jaren[0], tot_en_met_jaar=jaren[-1])
    # Grouped bars (a party per group, a year per bar): readable with many parties, where a line
    # chart runs out of distinguishable line styles.
    trend = grafieken.staafdiagram(
        titel=_("Begrote bijdrage per verbonden partij, %(van)s-%(tot)s")
        % {"van": jaren[0], "tot": jaren[-1]},
        categorieen=list(per_partij),
        reeksen=[grafieken.Reeks(str(j), [waarden[j] for waarden in per_partij.values()]) for j in jaren],
        eenheid="€",
    )
    totalen = totalen_per_programma(jaar=jaar)
    programmagrafiek = grafieken.staafdiagram(
        titel=_("Bijdragen aan verbonden partijen per programma, %(jaar)s") % {"jaar": jaar},
        categorieen=[str(p) for p, _b, _w in totalen],
        reeksen=[
            grafieken.Reeks(_("begroot"), [b for _p, b, _w in totalen]),
            grafieken.Reeks(_("werkelijk"), [w for _p, _b, w in totalen]),
        ],
        eenheid="€",
    )
    return render(
        request,
        "samenwerking/werkplek/monitoring.html",
        {
            "kruimelpad": [
                (_("Werkplek"), reverse("core:werkplek")),
                (_("Samenwerking"), reverse("samenwerking:werkplek")),
                (_("Monitoring"), None),
            ],
            "jaar": jaar,
            "drempel": drempel,
            "trend": trend,
            "programmagrafiek": programmagrafiek,
            "kaart": [(5 - i, rij) for i, rij in enumerate(risicokaart())],
            "kansen": range(1, 6),
            "signalen": signalen(jaar=jaar, drempel_procent=drempel),
            "termijnen": komende_termijnen(vandaag=vandaag, dagen=90),
        },
    )
