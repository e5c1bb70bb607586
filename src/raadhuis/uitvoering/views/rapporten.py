"""The generated reports in the Werkplek: the programme chapter (HTML, PDF, CSV, published in the
register), the mid-term review (HTML, PDF, stored as a council paper) and the BBV figures behind the
mandatory indicators."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from raadhuis.besluitvorming import selectors as besluitvorming
from raadhuis.besluitvorming.selectors.publiek import orgaan_op_slug
from raadhuis.core.forms import formulier_uitvoeren
from raadhuis.core.models import Begrotingsprogramma
from raadhuis.core.rechten import mag
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.publicatie import selectors as publicatieselectors
from raadhuis.uitvoering import bbv, rapporten, selectors, services
from raadhuis.uitvoering.forms import HoofdstukForm, KengetalForm, PeildatumForm, StukForm
from raadhuis.uitvoering.models import Akkoord
from raadhuis.uitvoering.rechten import (
    AGENDA_BEHEREN,
    KENGETALLEN_VASTLEGGEN,
    OPDRACHTEN_BEHEREN,
    WERKPLEK_ROLLEN,
)
from raadhuis.uitvoering.services import publicatie as publiceren
from raadhuis.uitvoering.views.hulp import fout_naar_formulier, kruimelpad
from raadhuis.uitvoering.views.werkplek import programma_of_404

RAAD = "gemeenteraad"


def _bestand(inhoud: bytes | str, *, naam: str, mediatype: str, bijlage: bool) -> HttpResponse:
    antwoord = HttpResponse(inhoud, content_type=mediatype)
    antwoord["Content-Disposition"] = f'{"attachment" if bijlage else "inline"}; filename="{naam}"'
    return antwoord


@werkplek(*WERKPLEK_ROLLEN)
def hoofdstuk(request: HttpRequest, slug: str, formaat: str = "") -> HttpResponse:
    programma = programma_of_404(slug)
    vorig_jaar = timezone.localdate().year - 1
    form = HoofdstukForm(request.GET or {"jaar": vorig_jaar, "soort": selectors.JAARVERSLAG})
    if form.is_valid() and formaat:
        inhoud = selectors.programmahoofdstuk(
            programma=programma, jaar=form.cleaned_data["jaar"], soort=form.cleaned_data["soort"]
        )
        naam = f"{slugify(programma.naam)}-{inhoud.soort}-{inhoud.jaar}"
        if formaat == "pdf":
            return _bestand(
                rapporten.hoofdstuk_pdf(inhoud),
                naam=f"{naam}.pdf",
                mediatype="application/pdf",
                bijlage=False,
            )
        if formaat == "csv":
            return _bestand(
                rapporten.hoofdstuk_csv(inhoud),
                naam=f"{naam}.csv",
                mediatype="text/csv; charset=utf-8",
                bijlage=True,
            )
    if formaat:
        raise Http404
    return _hoofdstukpagina(request, programma, form)


def _hoofdstukpagina(
    request: HttpRequest, programma: Begrotingsprogramma, form: HoofdstukForm, *, status: int = 200
) -> HttpResponse:
    """The chapter for the year and kind in `form`; a form with errors (a refused publication,
    too) shows them next to its fields and no chapter."""
    inhoud = (
        selectors.programmahoofdstuk(
            programma=programma, jaar=form.cleaned_data["jaar"], soort=form.cleaned_data["soort"]
        )
        if form.is_valid()
        else None
    )
    return render(
        request,
        "uitvoering/werkplek/hoofdstuk.html",
        {
            "programma": programma,
            "form": form,
            "hoofdstuk": inhoud,
            "mag_publiceren": mag(request.user, AGENDA_BEHEREN),
            "kruimelpad": kruimelpad(
                (_("Programmahoofdstuk %(programma)s") % {"programma": programma}, None)
            ),
        },
        status=status,
    )


def _gepubliceerd(bron: str, sleutel: str) -> SafeString | str:
    """The success message, linking to the public page of what was just published."""
    gevonden = publicatieselectors.publicatie_van_bron(bron, sleutel)
    if gevonden is None:  # the service published it in this request; kept for the type checker
        return _("Het hoofdstuk is gepubliceerd.")
    return format_html(
        '{} <a class="utrecht-link" href="{}">{}</a>',
        _("Het hoofdstuk is gepubliceerd."),
        reverse("publicatie:publicatie", args=[gevonden.uuid]),
        _("Bekijk de publicatie"),
    )


@require_POST
@werkplek(actie=AGENDA_BEHEREN)
def hoofdstuk_publiceren(request: HttpRequest, slug: str) -> HttpResponse:
    """Publishes the chapter the page shows in the register (Woo art. 3.3 lid 2 onder g); bad input
    shows the page again with the error next to the field, status 400."""
    programma = programma_of_404(slug)
    form = HoofdstukForm(request.POST)
    door = ingelogde_gebruiker(request)
    uitgevoerd = formulier_uitvoeren(
        form,
        lambda gegevens: publiceren.hoofdstuk_publiceren(
            door=door, programma=programma, jaar=gegevens["jaar"], soort=gegevens["soort"]
        ),
    )
    if uitgevoerd is None:
        return _hoofdstukpagina(request, programma, form, status=400)
    messages.success(request, _gepubliceerd(publiceren.BRON, uitgevoerd.uitkomst))
    terug = urlencode({"jaar": form.cleaned_data["jaar"], "soort": form.cleaned_data["soort"]})
    return redirect(f"{reverse('uitvoering:hoofdstuk', args=[programma.slug])}?{terug}")


def _akkoord_of_404(slug: str) -> Akkoord:
    akkoord = selectors.akkoord_op_slug(slug)
    if akkoord is None:
        raise Http404
    return akkoord


def _agendapunten() -> dict[int, tuple[str, Any]]:
    """The agenda items of the raad's meetings of the last three years, by pk with a label: where
    the review can be discussed."""
    raad = orgaan_op_slug(RAAD)
    if raad is None:
        return {}
    van = timezone.localdate() - dt.timedelta(days=366 * 3)
    punten: dict[int, tuple[str, Any]] = {}
    for vergadering in besluitvorming.vergaderingen_van(raad, van=van):
        for punt in besluitvorming.vergadering_met_agenda(vergadering.pk).agendapunten.all():
            punten[punt.pk] = (f"{vergadering.titel} — {punt.volgnummer}. {punt.titel}", punt)
    return punten


@werkplek(*WERKPLEK_ROLLEN)
def mid_term_review(request: HttpRequest, slug: str, formaat: str = "") -> HttpResponse:
    akkoord = _akkoord_of_404(slug)
    midden = akkoord.periode_van + (akkoord.periode_tot - akkoord.periode_van) / 2
    form = PeildatumForm(request.GET or {"peildatum": min(timezone.localdate(), midden)})
    inhoud = (
        selectors.mid_term_review(akkoord=akkoord, peildatum=form.cleaned_data["peildatum"])
        if form.is_valid()
        else None
    )
    if formaat == "pdf":
        if inhoud is None:
            raise Http404
        return _bestand(
            rapporten.mid_term_review_pdf(inhoud),
            naam=f"mid-term-review-{akkoord.slug}-{inhoud.peildatum.isoformat()}.pdf",
            mediatype="application/pdf",
            bijlage=False,
        )
    mag_vastleggen = mag(request.user, OPDRACHTEN_BEHEREN, akkoord)
    stukform = None
    if mag_vastleggen:
        punten = _agendapunten()
        stukform = StukForm(
            request.POST or None,
            agendapunten=[(pk, label) for pk, (label, _punt) in punten.items()],
            prefix="stuk",
            initial={"peildatum": inhoud.peildatum if inhoud else None},
        )
        if request.method == "POST" and stukform.is_valid():
            _label, punt = punten[stukform.cleaned_data["agendapunt"]]
            try:
                review = services.mid_term_review_vastleggen(
                    door=ingelogde_gebruiker(request),
                    akkoord=akkoord,
                    peildatum=stukform.cleaned_data["peildatum"],
                    agendapunt=punt,
                )
            except ValidationError as fout:
                fout_naar_formulier(stukform, fout)
            else:
                messages.success(
                    request,
                    _("De mid-term review is als stuk bij de vergadering gevoegd: %(titel)s.")
                    % {"titel": review.stuk.titel if review.stuk else ""},
                )
                return redirect("uitvoering:mid_term_review", slug=akkoord.slug)
    return render(
        request,
        "uitvoering/werkplek/mid_term_review.html",
        {
            "akkoord": akkoord,
            "form": form,
            "stukform": stukform,
            "review": inhoud,
            "reviews": akkoord.reviews.select_related("stuk"),
            "kruimelpad": kruimelpad((_("Mid-term review"), None)),
        },
        status=400 if request.method == "POST" else 200,
    )


@werkplek(actie=KENGETALLEN_VASTLEGGEN)
def kengetallen(request: HttpRequest) -> HttpResponse:
    form = KengetalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.kengetal_vastleggen(door=ingelogde_gebruiker(request), **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("Het kengetal is vastgelegd."))
            return redirect("uitvoering:kengetallen")
    jaar = timezone.localdate().year - 1
    return render(
        request,
        "uitvoering/werkplek/kengetallen.html",
        {
            "form": form,
            "jaren": [(j, selectors.bbv_indicatoren(j)) for j in (jaar, jaar - 1)],
            "definities": list(bbv.DEFINITIES.values()),
            "kruimelpad": kruimelpad((_("BBV-kengetallen"), None)),
        },
        status=400 if request.method == "POST" else 200,
    )
