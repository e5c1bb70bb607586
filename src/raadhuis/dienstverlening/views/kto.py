"""The satisfaction survey (public, reached by the code in the invitation link, no login), the
desk invitation with its QR code, and the results per Burgerpeiling code in the Werkplek."""

from __future__ import annotations

import segno
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from raadhuis.core import grafieken
from raadhuis.core.forms import fout_naar_formulier
from raadhuis.core.toegang import werkplek
from raadhuis.dienstverlening.forms.kto import PeriodeForm, VragenlijstForm
from raadhuis.dienstverlening.models import Uitnodiging
from raadhuis.dienstverlening.rechten import KLANTCONTACT_REGISTREREN, MONITORING_INZIEN
from raadhuis.dienstverlening.selectors.kto import (
    STELLINGEN,
    KtoResultaten,
    klantcontact_voor_uitnodiging,
)
from raadhuis.dienstverlening.selectors.kto import (
    kto_resultaten as resultaten_lezen,
)
from raadhuis.dienstverlening.services import kto
from raadhuis.dienstverlening.views.gedeeld import ingelogde_medewerker, werkplek_kruimelpad

TEMPLATES = "dienstverlening/kto/"


def _zonder_verwijzer(antwoord: HttpResponse) -> HttpResponse:
    # The code in the address is the key to the survey: never pass it on to another site. Not
    # "no-referrer": then the browser sends "Origin: null" with the form and Django's CSRF check
    # (rightly) refuses it; "same-origin" keeps the address on this site only.
    antwoord["Referrer-Policy"] = "same-origin"
    return antwoord


def _niet_beschikbaar(request: HttpRequest, uitnodiging: Uitnodiging | None, reden: str) -> HttpResponse:
    status = 404 if uitnodiging is None else 410
    return _zonder_verwijzer(
        render(request, TEMPLATES + "niet_beschikbaar.html", {"reden": reden}, status=status)
    )


@never_cache
@require_http_methods(["GET", "POST"])
def kto_vragenlijst(request: HttpRequest, code: str) -> HttpResponse:
    """The survey. An unknown, used or expired code gets a page saying so (404 or 410), not an error."""
    uitnodiging = kto.uitnodiging_bij_code(code)
    reden = kto.weigering(uitnodiging)
    if reden or uitnodiging is None:
        return _niet_beschikbaar(request, uitnodiging, reden)
    digitaal = kto.is_digitaal(uitnodiging.kanaal)
    if request.method == "POST":
        form = VragenlijstForm(request.POST, digitaal=digitaal)
        if form.is_valid():
            try:
                kto.reactie_geven(code=code, **form.antwoorden())
            except ValidationError as fout:
                if "code" in getattr(fout, "error_dict", {}):
                    # Answered or expired between showing the form and sending it.
                    return _niet_beschikbaar(request, uitnodiging, " ".join(fout.message_dict["code"]))
                fout_naar_formulier(form, fout)
            else:
                return _zonder_verwijzer(redirect("dienstverlening:kto_bedankt"))
        status = 400
    else:
        form = VragenlijstForm(digitaal=digitaal)
        status = 200
    context = {
        "form": form,
        "rapportcijfers": [
            form[veld]
            for veld in ("dv01_rapportcijfer", "dv06_rapportcijfer_digitaal")
            if veld in form.fields
        ],
        "stellingen": [form[veld] for veld in VragenlijstForm.STELLINGEN],
        "uitnodiging": uitnodiging,
    }
    return _zonder_verwijzer(render(request, TEMPLATES + "vragenlijst.html", context, status=status))


@require_GET
def kto_bedankt(request: HttpRequest) -> HttpResponse:
    return render(request, TEMPLATES + "bedankt.html")


def _qr_svg(url: str) -> str:
    """The link as an inline SVG (segno), as the two-factor set-up renders its QR: no data: URI,
    no script, no style attribute, so it passes a strict Content-Security-Policy."""
    svg: str = segno.make(url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", border=4, svgclass="raadhuis-qr", title=_("QR-code")
    )
    label = _("QR-code met de link naar de vragenlijst")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=KLANTCONTACT_REGISTREREN)
def kto_uitnodiging_balie(request: HttpRequest, pk: int) -> HttpResponse:
    """After a contact at the desk: POST makes the invitation and shows its link and QR code once."""
    klantcontact = klantcontact_voor_uitnodiging(pk)
    if klantcontact is None:
        raise Http404
    context: dict[str, object] = {
        "klantcontact": klantcontact,
        "kruimelpad": werkplek_kruimelpad(
            (_("Klantcontacten"), reverse("dienstverlening:klantcontacten")),
            (klantcontact.onderwerp, reverse("dienstverlening:klantcontact", args=[klantcontact.pk])),
            (_("Uitnodiging tevredenheidsonderzoek"), None),
        ),
    }
    status = 200
    if request.method == "POST":
        try:
            uitnodiging, code = kto.uitnodiging_balie_aanmaken(
                klantcontact=klantcontact, door=ingelogde_medewerker(request)
            )
        except ValidationError as fout:
            context["fout"] = " ".join(fout.messages)
            status = 400
        else:
            url = kto.vragenlijst_url(code)
            context |= {"uitnodiging": uitnodiging, "url": url, "qr": _qr_svg(url)}
    return render(request, TEMPLATES + "uitnodiging_balie.html", context, status=status)


def _grafieken(resultaten: KtoResultaten) -> list[grafieken.Grafiek]:
    kanalen = [u for u in resultaten.per_kanaal if u.reacties]
    namen = [u.naam for u in kanalen]
    return [
        grafieken.staafdiagram(
            titel=_("Gemiddeld rapportcijfer per kanaal (dv01, dv06)"),
            categorieen=namen,
            reeksen=[
                grafieken.Reeks(_("dienstverlening (dv01)"), [u.dv01.gemiddelde for u in kanalen]),
                grafieken.Reeks(_("digitaal (dv06)"), [u.dv06.gemiddelde for u in kanalen]),
            ],
        ),
        grafieken.staafdiagram(
            titel=_("Tevreden (rapportcijfer 7 of hoger) per kanaal, dv01"),
            categorieen=namen,
            reeksen=[grafieken.Reeks(_("tevreden"), [u.dv01.tevreden_procent for u in kanalen])],
            eenheid="%",
        ),
        grafieken.staafdiagram(
            titel=_("Eens of helemaal eens met de stellingen (dv05, dv07)"),
            categorieen=[f"{s.vraag} ({s.code})" for s in resultaten.totaal.stellingen],
            reeksen=[
                grafieken.Reeks(_("eens"), [s.eens_procent for s in resultaten.totaal.stellingen]),
            ],
            eenheid="%",
        ),
    ]


@never_cache
@require_GET
@werkplek(actie=MONITORING_INZIEN)
def kto_resultaten(request: HttpRequest) -> HttpResponse:
    """The figures per Burgerpeiling code for a period, in total and per channel, product and team."""
    standaard = PeriodeForm.standaard()
    form = (
        PeriodeForm(request.GET)
        if request.GET
        else PeriodeForm(initial={"van": standaard.van, "tot": standaard.tot})
    )
    periode = form.periode() if form.is_bound else standaard
    resultaten = resultaten_lezen(periode=periode)
    context = {
        "form": form,
        "resultaten": resultaten,
        "grafieken": _grafieken(resultaten) if resultaten.totaal.reacties else [],
        "stellingen": STELLINGEN,
        "groepen": [
            ("kanaal", _("Per kanaal (dv12)"), resultaten.per_kanaal),
            ("product", _("Per product"), resultaten.per_product),
            ("team", _("Per team"), resultaten.per_team),
        ],
        "kruimelpad": werkplek_kruimelpad((_("Tevredenheid"), None)),
    }
    return render(request, TEMPLATES + "resultaten.html", context, status=400 if form.errors else 200)
