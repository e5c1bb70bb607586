"""The decision page of a Woo request: what still blocks the decision, the form to take it, and
afterwards the letter, the inventarislijst (PDF, CSV) and the bundle as downloads; and the page to
record a withdrawal. Every action is a POST followed by a redirect; bad input or a refusal shows
the page again with the error next to the field (or above the form), status 400, nothing changed.

Who sees the request's pages (WOO_WERKPLEK_INZIEN) sees the checklist and downloads the files;
deciding and withdrawing need WOO_VERZOEK_BEHANDELEN (the Woo-coördinator)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from raadhuis.accounts.models import Medewerker
from raadhuis.core.forms import DatumInvoer, RaadhuisForm, formulier_uitvoeren
from raadhuis.core.rechten import mag, vereis
from raadhuis.core.toegang import ingelogde_gebruiker, poortwachters_vragen, werkplek
from raadhuis.woo.models import Besluituitkomst, WooBesluit, WooVerzoek
from raadhuis.woo.rechten import WOO_VERZOEK_BEHANDELEN, WOO_WERKPLEK_INZIEN
from raadhuis.woo.selectors import besluiten as selectors
from raadhuis.woo.selectors.verzoeken import verzoek_met_kenmerk
from raadhuis.woo.services import besluiten as services
from raadhuis.woo.services import publicatie as publicatieservices

__all__ = ["BESTANDSSOORTEN", "BesluitForm", "IntrekkenForm", "besluit", "besluit_bestand", "intrekken"]


def _vandaag() -> Any:
    return timezone.localdate()


class BesluitForm(RaadhuisForm):
    """What the behandelaar adds to the decision; the rest follows from the documents."""

    besluitdatum = forms.DateField(label=gettext_lazy("Besluitdatum"), widget=DatumInvoer(), initial=_vandaag)
    ondertekenaar = forms.CharField(
        label=gettext_lazy("Ondertekenaar"),
        max_length=200,
        help_text=gettext_lazy(
            "Naam en functie van wie namens het bestuursorgaan tekent, bijvoorbeeld "
            "'J. Jansen, teamleider Juridische Zaken'."
        ),
    )
    toelichting = forms.CharField(
        label=gettext_lazy("Toelichting voor de brief"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "Het verloop van de behandeling en de zoekslag in uw eigen woorden; dit komt in de brief "
            "onder Procedure. Het besluit wordt gepubliceerd: noem geen namen van de verzoeker of van "
            "derden."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "besluit")
        super().__init__(*args, **kwargs)


class IntrekkenForm(RaadhuisForm):
    op = forms.DateField(
        label=gettext_lazy("Ingetrokken op"),
        widget=DatumInvoer(),
        initial=_vandaag,
        help_text=gettext_lazy("De dag waarop de intrekking van de verzoeker binnenkwam."),
    )
    toelichting = forms.CharField(
        label=gettext_lazy("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Bijvoorbeeld: per e-mail van de verzoeker, of telefonisch na overleg over de omvang."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "intrekken")
        super().__init__(*args, **kwargs)


def _medewerker(request: HttpRequest) -> Medewerker:
    gebruiker = ingelogde_gebruiker(request)
    if not isinstance(gebruiker, Medewerker):
        raise PermissionDenied
    return gebruiker


def _verzoek_of_404(kenmerk: str) -> WooVerzoek:
    verzoek = verzoek_met_kenmerk(kenmerk)
    if verzoek is None:
        raise Http404
    return verzoek


def _als_meldingen(request: HttpRequest, form: forms.BaseForm) -> None:
    for meldingen in form.errors.get_json_data().values():
        for melding in meldingen:
            messages.error(request, str(melding["message"]))


def _kruimelpad(verzoek: WooVerzoek, stap: str) -> list[tuple[str, str | None]]:
    return [
        (_("Werkplek"), reverse("core:werkplek")),
        (_("Woo-verzoeken"), reverse("woo:werkplek")),
        (verzoek.kenmerk, reverse("woo:verzoek", args=[verzoek.kenmerk])),
        (stap, None),
    ]


# --- the decision page -----------------------------------------------------------------------------


def _besluitpagina(
    request: HttpRequest, verzoek: WooVerzoek, *, form: BesluitForm | None = None, status: int = 200
) -> HttpResponse:
    mag_behandelen = mag(_medewerker(request), WOO_VERZOEK_BEHANDELEN)
    genomen = selectors.besluit_van(verzoek)
    if form is not None and (genomen is not None or verzoek.is_afgesloten):
        # No form on the page any more (decided or withdrawn meanwhile): the refusal is still said.
        _als_meldingen(request, form)
    context: dict[str, Any] = {
        "verzoek": verzoek,
        "besluit": genomen,
        "bestanden": _bestanden(genomen) if genomen else [],
        "mag_behandelen": mag_behandelen,
        "kruimelpad": _kruimelpad(verzoek, _("Besluit")),
    }
    if genomen is None and not verzoek.is_afgesloten:
        regels = selectors.inventaris(verzoek)
        vandaag = timezone.localdate()
        context |= {
            "regels": regels,
            "belemmeringen": selectors.belemmeringen(verzoek, regels),
            "gronden": selectors.grondregels(verzoek, regels),
            "uitkomst_label": Besluituitkomst(selectors.uitkomst_van(regels)).label,
            "bezwaar_verwacht": selectors.bezwaar_verwacht(verzoek),
            "openbaarmaking_vandaag": selectors.openbaarmakingsdatum(verzoek, vandaag),
            "form": (form or BesluitForm()) if mag_behandelen else None,
        }
    return render(request, "woo/besluit.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=WOO_WERKPLEK_INZIEN)
def besluit(request: HttpRequest, kenmerk: str) -> HttpResponse:
    """The checklist, the form and, once decided, the files (Woo art. 4.4; woo.md section 3)."""
    verzoek = _verzoek_of_404(kenmerk)
    if request.method != "POST":
        return _besluitpagina(request, verzoek)
    medewerker = _medewerker(request)
    vereis(medewerker, WOO_VERZOEK_BEHANDELEN)
    form = BesluitForm(request.POST)
    uitgevoerd = formulier_uitvoeren(
        form,
        lambda gegevens: publicatieservices.besluit_nemen_en_overdragen(
            verzoek,
            besluitdatum=gegevens["besluitdatum"],
            toelichting=gegevens["toelichting"],
            ondertekenaar=gegevens["ondertekenaar"],
            door=medewerker,
        ),
    )
    if uitgevoerd is not None:
        messages.success(
            request,
            _("Het besluit is genomen: %(uitkomst)s.")
            % {"uitkomst": uitgevoerd.uitkomst.get_uitkomst_display()},
        )
        return redirect(reverse("woo:besluit", args=[verzoek.kenmerk]))
    # Read again: the page shows the request as it is; the refused attempt left nothing behind.
    return _besluitpagina(request, _verzoek_of_404(kenmerk), form=form, status=400)


# --- the files --------------------------------------------------------------------------------------

# soort in the URL → (label, file name pattern, media type)
BESTANDSSOORTEN: dict[str, tuple[Promise, str, str]] = {
    "brief": (gettext_lazy("Besluitbrief (PDF)"), "besluit-{kenmerk}.pdf", "application/pdf"),
    "inventarislijst-pdf": (
        gettext_lazy("Inventarislijst (PDF)"),
        "inventarislijst-{kenmerk}.pdf",
        "application/pdf",
    ),
    "inventarislijst-csv": (
        gettext_lazy("Inventarislijst (CSV, voor Excel)"),
        "inventarislijst-{kenmerk}.csv",
        "text/csv; charset=utf-8",
    ),
    "bundel": (
        gettext_lazy("Alles in één ZIP-bestand: besluit, inventarislijst en gelakte documenten"),
        "woo-besluit-{kenmerk}.zip",
        "application/zip",
    ),
}


def _bestand(besluit: WooBesluit, soort: str) -> FieldFile:
    if soort == "brief":
        return besluit.besluitbrief
    if soort == "inventarislijst-pdf":
        return besluit.inventarislijst_pdf
    if soort == "inventarislijst-csv":
        return besluit.inventarislijst_csv
    if soort == "bundel":
        return besluit.bundel
    raise Http404


def _bestanden(besluit: WooBesluit) -> list[tuple[str, str]]:
    """(label, url) of each file of the decision, for the pages' download lists."""
    return [
        (str(label), reverse("woo:besluit_bestand", args=[besluit.verzoek.kenmerk, soort]))
        for soort, (label, _naam, _type) in BESTANDSSOORTEN.items()
    ]


@never_cache
@require_GET
def besluit_bestand(request: HttpRequest, kenmerk: str, soort: str) -> HttpResponseBase:
    """One file of the decision from private storage, only through this check. The guard is
    @werkplek's, written out because a file is streamed (FileResponse), not an HttpResponse. Not
    logged as a processing of personal data: the files name no requester and hold only redacted
    documents (besluitdocumenten)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    antwoord = poortwachters_vragen(request)
    if antwoord is not None:
        return antwoord
    vereis(request.user, WOO_WERKPLEK_INZIEN)
    if soort not in BESTANDSSOORTEN:
        raise Http404
    genomen = selectors.besluit_van(_verzoek_of_404(kenmerk))
    if genomen is None:
        raise Http404
    veld = _bestand(genomen, soort)
    if not veld:
        raise Http404
    try:
        inhoud = veld.open("rb")
    except FileNotFoundError as fout:
        raise Http404 from fout
    _label, naam, mediatype = BESTANDSSOORTEN[soort]
    return FileResponse(
        inhoud,
        as_attachment=True,
        filename=naam.format(kenmerk=genomen.verzoek.kenmerk.lower()),
        content_type=mediatype,
    )


# --- withdrawal -------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=WOO_VERZOEK_BEHANDELEN)
def intrekken(request: HttpRequest, kenmerk: str) -> HttpResponse:
    """The requester withdrew the request: the term stops, no decision follows."""
    verzoek = _verzoek_of_404(kenmerk)
    medewerker = _medewerker(request)
    form = IntrekkenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        uitgevoerd = formulier_uitvoeren(
            form,
            lambda gegevens: services.verzoek_intrekken(
                verzoek, op=gegevens["op"], toelichting=gegevens["toelichting"], door=medewerker
            ),
        )
        if uitgevoerd is not None:
            messages.success(request, _("Het verzoek is ingetrokken."))
            return redirect(reverse("woo:verzoek", args=[verzoek.kenmerk]))
        verzoek = _verzoek_of_404(kenmerk)
        if verzoek.is_afgesloten:
            _als_meldingen(request, form)
    return render(
        request,
        "woo/intrekken.html",
        {
            "verzoek": verzoek,
            "form": form if not verzoek.is_afgesloten else None,
            "kruimelpad": _kruimelpad(verzoek, _("Intrekken")),
        },
        status=400 if form.errors else 200,
    )


urlpatterns: list[URLPattern] = [
    path("werkplek/woo/verzoeken/<str:kenmerk>/besluit/", besluit, name="besluit"),
    path(
        "werkplek/woo/verzoeken/<str:kenmerk>/besluit/<str:soort>/", besluit_bestand, name="besluit_bestand"
    ),
    path("werkplek/woo/verzoeken/<str:kenmerk>/intrekken/", intrekken, name="intrekken"),
]
