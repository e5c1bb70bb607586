"""The paragraaf verbonden partijen (BBV art. 15) in HTML, PDF and CSV, its lid 1 text, and its
publication in the register (Woo art. 3.3 lid 2 onder g)."""

from __future__ import annotations

import csv
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from raadhuis.core import pdf
from raadhuis.core.forms import RaadhuisForm, formulier_uitvoeren
from raadhuis.core.rechten import mag
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.publicatie import selectors as publicatieselectors
from raadhuis.samenwerking import services
from raadhuis.samenwerking.forms import ParagraaftekstForm, fout_naar_formulier
from raadhuis.samenwerking.models import Paragraaftekst
from raadhuis.samenwerking.rechten import INZIEN, REGISTER_BEHEREN
from raadhuis.samenwerking.selectors.paragraaf import Paragraaf, paragraaf
from raadhuis.samenwerking.services import publicatie as publiceren

DOCUMENTEN = dict(Paragraaftekst.Document.choices)


def _jaren() -> range:
    """The years a paragraaf is offered for: the last four jaarverslagen and the coming begrotingen.
    A fixed window, so the year links end somewhere (a window around the shown year never does)."""
    dit_jaar = timezone.localdate().year
    return range(dit_jaar - 4, dit_jaar + 3)


def _jaar_controleren(jaar: int) -> None:
    if jaar not in _jaren():
        raise Http404


def _document(request: HttpRequest) -> str:
    document = request.GET.get("document") or request.POST.get("document") or "begroting"
    if document not in DOCUMENTEN:
        raise Http404
    return document


def _titel(p: Paragraaf) -> str:
    return _("Paragraaf verbonden partijen, %(document)s %(jaar)s") % {
        "document": DOCUMENTEN[p.document],
        "jaar": p.jaar,
    }


class PublicerenForm(RaadhuisForm):
    """Which document of the page's year to publish; the page fills it in, the service checks the rest."""

    document = forms.ChoiceField(
        label=gettext_lazy("Document"), choices=Paragraaftekst.Document.choices, widget=forms.HiddenInput
    )


@werkplek(actie=INZIEN)
def paragraaf_html(request: HttpRequest, jaar: int) -> HttpResponse:
    _jaar_controleren(jaar)
    p = paragraaf(jaar=jaar, document=_document(request))
    mag_beheren = mag(request.user, REGISTER_BEHEREN)
    form = (
        ParagraaftekstForm(request.POST or None, instance=p.tekst or Paragraaftekst())
        if mag_beheren
        else None
    )
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.paragraaftekst_vastleggen(
                door=ingelogde_gebruiker(request), jaar=jaar, document=p.document, **form.cleaned_data
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("De tekst is opgeslagen."))
            return redirect(reverse("samenwerking:paragraaf", args=[jaar]) + f"?document={p.document}")
    return _paragraafpagina(
        request,
        p,
        form=form,
        publicerenform=PublicerenForm(initial={"document": p.document}),
        status=400 if form is not None and form.errors else 200,
    )


def _paragraafpagina(
    request: HttpRequest,
    p: Paragraaf,
    *,
    form: ParagraaftekstForm | None,
    publicerenform: PublicerenForm,
    status: int = 200,
) -> HttpResponse:
    """The page of `p`: the text form for who may edit it, the publish button for who may publish."""
    return render(
        request,
        "samenwerking/werkplek/paragraaf.html",
        {
            "kruimelpad": [
                (_("Werkplek"), reverse("core:werkplek")),
                (_("Samenwerking"), reverse("samenwerking:werkplek")),
                (_("Paragraaf"), None),
            ],
            "p": p,
            "titel": _titel(p),
            "form": form,
            "publicerenform": publicerenform,
            "mag_publiceren": mag(request.user, REGISTER_BEHEREN),
            "jaren": _jaren(),
        },
        status=status,
    )


def _gepubliceerd(sleutel: str) -> SafeString | str:
    """The success message, linking to the public page of what was just published."""
    gevonden = publicatieselectors.publicatie_van_bron(publiceren.BRON, sleutel)
    if gevonden is None:  # the service published it in this request; kept for the type checker
        return _("De paragraaf is gepubliceerd.")
    return format_html(
        '{} <a class="utrecht-link" href="{}">{}</a>',
        _("De paragraaf is gepubliceerd."),
        reverse("publicatie:publicatie", args=[gevonden.uuid]),
        _("Bekijk de publicatie"),
    )


@require_POST
@werkplek(actie=REGISTER_BEHEREN)
def paragraaf_publiceren(request: HttpRequest, jaar: int) -> HttpResponse:
    """Publishes the paragraaf of `jaar` for the posted document in the register (Woo art. 3.3 lid 2
    onder g); bad input shows the page again with the error, status 400."""
    _jaar_controleren(jaar)
    publicerenform = PublicerenForm(request.POST)
    door = ingelogde_gebruiker(request)
    uitgevoerd = formulier_uitvoeren(
        publicerenform,
        lambda gegevens: publiceren.paragraaf_publiceren(door=door, jaar=jaar, document=gegevens["document"]),
        standaardveld="document",
    )
    if uitgevoerd is None:
        # A document the page does not know shows the begroting, with the error above the button.
        gevraagd = publicerenform.data.get("document")
        p = paragraaf(jaar=jaar, document=gevraagd if gevraagd in DOCUMENTEN else "begroting")
        return _paragraafpagina(
            request,
            p,
            form=ParagraaftekstForm(instance=p.tekst or Paragraaftekst()),
            publicerenform=publicerenform,
            status=400,
        )
    messages.success(request, _gepubliceerd(uitgevoerd.uitkomst))
    document = publicerenform.cleaned_data["document"]
    return redirect(reverse("samenwerking:paragraaf", args=[jaar]) + f"?document={document}")


@werkplek(actie=INZIEN)
def paragraaf_pdf(request: HttpRequest, jaar: int) -> HttpResponse:
    _jaar_controleren(jaar)
    p = paragraaf(jaar=jaar, document=_document(request))
    titel = _titel(p)
    html = render_to_string("samenwerking/pdf/paragraaf.html", {"p": p, "titel": titel})
    antwoord = HttpResponse(pdf.html_naar_pdf(html, titel=titel), content_type="application/pdf")
    antwoord["Content-Disposition"] = (
        f'inline; filename="paragraaf-verbonden-partijen-{p.document}-{jaar}.pdf"'
    )
    return antwoord


def _bedrag(waarde: Decimal | None) -> str:
    return "" if waarde is None else f"{waarde:.2f}"


CSV_KOPPEN = (
    "groep (art. 15 lid 2)",
    "naam (lid 3a)",
    "vestigingsplaats (lid 3a)",
    "tooi_code",
    "openbaar belang (lid 3b)",
    "aandeel begin % (lid 3c)",
    "aandeel eind % (lid 3c)",
    "bijdrage (lid 3c)",
    "zetels begin (lid 3c)",
    "zetels eind (lid 3c)",
    "eigen vermogen begin (lid 3d)",
    "eigen vermogen eind (lid 3d)",
    "vreemd vermogen begin (lid 3d)",
    "vreemd vermogen eind (lid 3d)",
    "resultaat (lid 3e)",
)


@werkplek(actie=INZIEN)
def paragraaf_csv(request: HttpRequest, jaar: int) -> HttpResponse:
    _jaar_controleren(jaar)
    p = paragraaf(jaar=jaar, document=_document(request))
    antwoord = HttpResponse(content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = (
        f'attachment; filename="paragraaf-verbonden-partijen-{p.document}-{jaar}.csv"'
    )
    schrijver = csv.writer(antwoord)
    schrijver.writerow(CSV_KOPPEN)
    for groep, regels in p.groepen:
        for r in regels:
            c = r.cijfers
            schrijver.writerow(
                [
                    groep,
                    r.partij.naam,
                    r.partij.vestigingsplaats,
                    r.partij.tooi_code,
                    r.partij.openbaar_belang,
                    _bedrag(r.aandeel_begin),
                    _bedrag(r.aandeel_eind),
                    _bedrag(r.bijdrage),
                    "; ".join(r.zetels_begin),
                    "; ".join(r.zetels_eind),
                    _bedrag(c.eigen_vermogen_begin if c else None),
                    _bedrag(c.eigen_vermogen_eind if c else None),
                    _bedrag(c.vreemd_vermogen_begin if c else None),
                    _bedrag(c.vreemd_vermogen_eind if c else None),
                    _bedrag(r.resultaat),
                ]
            )
    return antwoord
