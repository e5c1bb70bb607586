"""The page view of a Woo document: one page image with its boxes drawn over it (an inline SVG,
the boxes in PDF points, so they scale with the image and need no style attribute under the
strict CSP), the list of boxes on the page with accept and reject buttons (the accessible
equivalent of the drawing), a form to draw a box by typing its corners or by dragging on the page
(frontend/src/lakken.js fills the same fields), and a search term withheld in every document of
the request. Also the list of officials whose names stay visible.

Every action is a plain POST followed by a redirect; bad input re-renders the page with the error
next to the field, status 400, and changes nothing (issue 9, points 4 and 5)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, URLPattern, path, reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_stubs_ext import StrOrPromise

from raadhuis.accounts.models import Medewerker
from raadhuis.core import logboek
from raadhuis.core import persoonsgegevens as pg
from raadhuis.core.forms import RaadhuisForm, formulier_uitvoeren
from raadhuis.core.logboek.activiteiten import WOO_VERZOEK_BEHANDELEN as ACTIVITEIT
from raadhuis.core.rechten import mag
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.woo import gronden
from raadhuis.woo.models import Beoordelingsstatus, Document, Lakvak, Vakstatus, WooVerzoek
from raadhuis.woo.rechten import WOO_DOCUMENTEN_BEOORDELEN, WOO_ZICHTBARE_NAMEN_BEHEREN
from raadhuis.woo.selectors import lakvakken as selectors
from raadhuis.woo.selectors.verzoeken import verzoek_met_kenmerk
from raadhuis.woo.services import lakvakken as services

Kruimelpad = list[tuple[str, str | None]]

# The kinds of `raadhuis.core.persoonsgegevens` and the boxes a person made, as the list names them.
SOORTLABELS: dict[str, StrOrPromise] = {
    pg.BSN: gettext_lazy("BSN"),
    pg.IBAN: gettext_lazy("IBAN"),
    pg.EMAIL: gettext_lazy("e-mailadres"),
    pg.TELEFOON: gettext_lazy("telefoonnummer"),
    pg.POSTCODE: gettext_lazy("postcode en huisnummer"),
    pg.KENTEKEN: gettext_lazy("kenteken"),
    pg.KVK: gettext_lazy("KvK-nummer"),
    pg.NAAM: gettext_lazy("naam"),
    pg.LOCATIE: gettext_lazy("plaats of adres"),
    services.HANDMATIG: gettext_lazy("door een medewerker"),
}


@dataclass(frozen=True)
class Vakregel:
    """A row of the list of boxes on the page: the box as drawn, with its kind and ground in words."""

    weergave: selectors.Vakweergave
    soort: StrOrPromise
    grond: str

    @property
    def vak(self) -> Lakvak:
        return self.weergave.lakvak


def _vakregels(vakken: list[selectors.Vakweergave]) -> list[Vakregel]:
    regels = []
    for weergave in vakken:
        grond = gronden.GRONDEN.get(weergave.lakvak.grond)
        regels.append(
            Vakregel(
                weergave=weergave,
                soort=SOORTLABELS.get(weergave.lakvak.soort, weergave.lakvak.soort),
                grond=grond.label if grond is not None else weergave.lakvak.grond,
            )
        )
    return regels


# --- forms: shape only, the services check the rules ---------------------------------------------


class LakvakBeoordelenForm(RaadhuisForm):
    status = forms.ChoiceField(
        label=gettext_lazy("Beslissing"),
        choices=[
            (Vakstatus.GEACCEPTEERD, gettext_lazy("Lakken")),
            (Vakstatus.AFGEWEZEN, gettext_lazy("Niet lakken")),
        ],
    )
    overal = forms.BooleanField(
        label=gettext_lazy("Dezelfde beslissing in alle documenten van dit verzoek"), required=False
    )
    motivering = forms.CharField(label=gettext_lazy("Motivering"), required=False, max_length=2000)


def _coordinaat(label: StrOrPromise) -> forms.FloatField:
    return forms.FloatField(
        label=label,
        min_value=0,
        widget=forms.NumberInput(attrs={"step": "0.1", "inputmode": "decimal", "data-lakken-veld": ""}),
    )


class LakvakTekenenForm(RaadhuisForm):
    pagina = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    x0 = _coordinaat(gettext_lazy("Linkerkant (punten vanaf links)"))
    y0 = _coordinaat(gettext_lazy("Bovenkant (punten vanaf boven)"))
    x1 = _coordinaat(gettext_lazy("Rechterkant (punten vanaf links)"))
    y1 = _coordinaat(gettext_lazy("Onderkant (punten vanaf boven)"))
    grond = forms.ChoiceField(label=gettext_lazy("Weigeringsgrond"), choices=gronden.keuzes, initial="5.1.2e")
    motivering = forms.CharField(
        label=gettext_lazy("Motivering"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Waarom deze passage niet openbaar wordt, als dat niet vanzelf spreekt."),
    )

    def __init__(
        self, *args: Any, breedte: float | None = None, hoogte: float | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if breedte and hoogte:
            for naam in ("x0", "x1"):
                self.fields[naam].widget.attrs["max"] = f"{breedte:.1f}"
            for naam in ("y0", "y1"):
                self.fields[naam].widget.attrs["max"] = f"{hoogte:.1f}"


class ZoektermForm(RaadhuisForm):
    term = forms.CharField(
        label=gettext_lazy("Zoekterm"),
        max_length=200,
        help_text=gettext_lazy(
            "Elke plek waar deze woorden staan, in alle documenten van dit verzoek, wordt gelakt. "
            "Hoofdletters maken niet uit."
        ),
    )
    grond = forms.ChoiceField(label=gettext_lazy("Weigeringsgrond"), choices=gronden.keuzes, initial="5.1.2e")


class ZichtbareNaamForm(RaadhuisForm):
    naam = forms.CharField(
        label=gettext_lazy("Naam"),
        max_length=200,
        help_text=gettext_lazy("Zoals de naam in documenten staat, bijvoorbeeld ‘Karin Smit’."),
    )
    functie = forms.CharField(label=gettext_lazy("Functie"), max_length=200, required=False)


# --- helpers ---------------------------------------------------------------------------------------


def _medewerker(request: HttpRequest) -> Medewerker:
    """The logged-in employee (the view's @werkplek has checked the login and the permission)."""
    gebruiker = ingelogde_gebruiker(request)
    if not isinstance(gebruiker, Medewerker):
        raise PermissionDenied
    return gebruiker


def _url_of_niets(naam: str, *args: object) -> str | None:
    """A link to a page another part of the Woo module provides, or None while it has none."""
    try:
        return reverse(naam, args=args)
    except NoReverseMatch:
        return None


def _verzoek_en_document(kenmerk: str, document_id: int) -> tuple[WooVerzoek, Document]:
    verzoek = verzoek_met_kenmerk(kenmerk)
    if verzoek is None:
        raise Http404
    document = selectors.document_van_verzoek(verzoek, document_id)
    if document is None:
        raise Http404
    return verzoek, document


def _pagina(request: HttpRequest) -> int:
    """The page asked for (?pagina=N, from 1); anything else is page 1."""
    try:
        return max(1, int(request.GET.get("pagina", "1")))
    except ValueError:
        return 1


def _document_url(verzoek: WooVerzoek, document: Document, pagina: int, anker: str = "") -> str:
    url = reverse("woo:document", args=[verzoek.kenmerk, document.pk]) + f"?pagina={pagina}"
    return url + (f"#{anker}" if anker else "")


def _bewerkbaar(verzoek: WooVerzoek, document: Document) -> bool:
    return not verzoek.is_afgesloten and document.beoordelingsstatus != Beoordelingsstatus.GOEDGEKEURD


def _documentpagina(
    request: HttpRequest,
    verzoek: WooVerzoek,
    document: Document,
    pagina: int,
    *,
    forms_: dict[str, BaseForm] | None = None,
    fouten: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    medewerker = _medewerker(request)
    weergave = selectors.paginaweergave(document, pagina)
    if weergave is None and document.pdf and pagina != 1:
        raise Http404
    bewerkbaar = _bewerkbaar(verzoek, document)
    formulieren: dict[str, BaseForm] = {}
    fouten = list(fouten or [])
    if bewerkbaar and weergave is not None:
        formulieren["tekenen"] = LakvakTekenenForm(
            initial={"pagina": pagina}, breedte=weergave.breedte, hoogte=weergave.hoogte
        )
        formulieren["zoekterm"] = ZoektermForm()
        formulieren |= forms_ or {}
    else:
        # No forms on the page (approved, closed, or no PDF): a refused action is still explained.
        fouten += [
            str(fout)
            for form in (forms_ or {}).values()
            for meldingen in form.errors.values()
            for fout in meldingen
        ]
    documenten_url = _url_of_niets("woo:documenten", verzoek.kenmerk)
    # The page shows the personal data in the document: a processing (logboek).
    with logboek.verwerking(naam="woo-document.inzien", activiteit=ACTIVITEIT, door=medewerker):
        vakken = weergave.vakken if weergave is not None else []
        context: dict[str, Any] = {
            "verzoek": verzoek,
            "document": document,
            "weergave": weergave,
            "pagina": pagina,
            "vakken": vakken,
            "regels": _vakregels(vakken),
            "aantallen": selectors.aantallen_per_status(document),
            "bewerkbaar": bewerkbaar,
            "mag_zichtbare_namen": mag(medewerker, WOO_ZICHTBARE_NAMEN_BEHEREN),
            "formulieren": formulieren,
            "tekenen_form": formulieren.get("tekenen"),
            "zoekterm_form": formulieren.get("zoekterm"),
            "fouten": fouten,
            "heeft_fouten": bool(fouten) or any(form.errors for form in formulieren.values()),
            "beoordeling_url": _url_of_niets("woo:beoordeling", verzoek.kenmerk, document.pk),
            "documenten_url": documenten_url,
            "kruimelpad": [
                (_("Werkplek"), reverse("core:werkplek")),
                (_("Woo-verzoeken"), reverse("woo:werkplek")),
                (verzoek.kenmerk, reverse("woo:verzoek", args=[verzoek.kenmerk])),
                *([(_("Documenten"), documenten_url)] if documenten_url else []),
                (_("Document %(nummer)s") % {"nummer": document.nummer or document.pk}, None),
            ],
        }
        antwoord = render(request, "woo/document.html", context, status=status)
    return antwoord


# --- the page view ---------------------------------------------------------------------------------


@never_cache
@require_GET
@werkplek(actie=WOO_DOCUMENTEN_BEOORDELEN)
def document(request: HttpRequest, kenmerk: str, document_id: int) -> HttpResponse:
    """One page of the document with its boxes (?pagina=N)."""
    verzoek, doc = _verzoek_en_document(kenmerk, document_id)
    return _documentpagina(request, verzoek, doc, _pagina(request))


@require_GET
@werkplek(actie=WOO_DOCUMENTEN_BEOORDELEN)
def document_pagina_png(request: HttpRequest, kenmerk: str, document_id: int, pagina: int) -> HttpResponse:
    """The page image, rendered at 1.5 times its size; kept only in the browser's own cache (it
    shows personal data, so no shared cache may keep it)."""
    _verzoek, doc = _verzoek_en_document(kenmerk, document_id)
    png = selectors.pagina_png(doc, pagina)
    if png is None:
        raise Http404
    antwoord = HttpResponse(png, content_type="image/png")
    patch_cache_control(antwoord, private=True, max_age=3600)
    antwoord["Content-Disposition"] = f'inline; filename="pagina-{pagina}.png"'
    return antwoord


# --- actions -----------------------------------------------------------------------------------------


@require_POST
@werkplek(actie=WOO_DOCUMENTEN_BEOORDELEN)
def lakvak_beoordelen(request: HttpRequest, kenmerk: str, document_id: int, lakvak_id: int) -> HttpResponse:
    """Accept or reject one box, and with `overal` the same datum in every document (issue 9, 5)."""
    verzoek, doc = _verzoek_en_document(kenmerk, document_id)
    vak = selectors.lakvak_van(doc, lakvak_id)
    if vak is None:
        raise Http404
    form = LakvakBeoordelenForm(request.POST)
    uitgevoerd = formulier_uitvoeren(
        form,
        lambda gegevens: services.lakvak_beoordelen(
            vak,
            status=gegevens["status"],
            overal=gegevens["overal"],
            motivering=gegevens["motivering"],
            door=_medewerker(request),
        ),
    )
    if uitgevoerd is not None:
        aantal = uitgevoerd.uitkomst
        gelakt = form.cleaned_data["status"] == Vakstatus.GEACCEPTEERD
        if aantal > 1:
            melding = (
                _("‘%(tekst)s’ wordt gelakt, ook op %(anderen)s andere plekken in dit verzoek.")
                if gelakt
                else _("‘%(tekst)s’ blijft leesbaar, ook op %(anderen)s andere plekken in dit verzoek.")
            )
        else:
            melding = _("‘%(tekst)s’ wordt gelakt.") if gelakt else _("‘%(tekst)s’ blijft leesbaar.")
        messages.success(request, melding % {"tekst": vak.tekst or _("het vak"), "anderen": aantal - 1})
        return redirect(_document_url(verzoek, doc, vak.pagina, f"vak-{vak.pk}"))
    fouten = [
        _("Lakvak %(tekst)s: %(fout)s") % {"tekst": vak.tekst or vak.pk, "fout": fout}
        for meldingen in form.errors.values()
        for fout in meldingen
    ]
    return _documentpagina(
        request, verzoek, _verzoek_en_document(kenmerk, document_id)[1], vak.pagina, fouten=fouten, status=400
    )


@require_POST
@werkplek(actie=WOO_DOCUMENTEN_BEOORDELEN)
def lakvak_tekenen(request: HttpRequest, kenmerk: str, document_id: int) -> HttpResponse:
    """A box drawn on the page (by dragging, or by typing its corners), accepted at once."""
    verzoek, doc = _verzoek_en_document(kenmerk, document_id)
    form = LakvakTekenenForm(request.POST)
    uitgevoerd = formulier_uitvoeren(
        form,
        lambda gegevens: services.lakvak_tekenen(
            doc,
            pagina=gegevens["pagina"],
            x0=gegevens["x0"],
            y0=gegevens["y0"],
            x1=gegevens["x1"],
            y1=gegevens["y1"],
            grond=gegevens["grond"],
            motivering=gegevens["motivering"],
            door=_medewerker(request),
        ),
    )
    pagina = form.cleaned_data.get("pagina") if hasattr(form, "cleaned_data") else None
    pagina = pagina or _pagina(request)
    if uitgevoerd is not None:
        messages.success(request, _("Het getekende vak wordt gelakt."))
        return redirect(_document_url(verzoek, doc, pagina, f"vak-{uitgevoerd.uitkomst.pk}"))
    # The page is a hidden field: what is wrong with it is said above the form.
    paginafouten = form.errors.pop("pagina", None)
    if paginafouten:
        form.add_error(None, list(paginafouten))
    _verzoek, doc = _verzoek_en_document(kenmerk, document_id)
    weergave = selectors.paginaweergave(doc, pagina)
    if weergave is not None:
        for naam, maat in (("x0", weergave.breedte), ("x1", weergave.breedte)):
            form.fields[naam].widget.attrs["max"] = f"{maat:.1f}"
        for naam, maat in (("y0", weergave.hoogte), ("y1", weergave.hoogte)):
            form.fields[naam].widget.attrs["max"] = f"{maat:.1f}"
    return _documentpagina(request, verzoek, doc, pagina, forms_={"tekenen": form}, status=400)


@require_POST
@werkplek(actie=WOO_DOCUMENTEN_BEOORDELEN)
def lakvak_verwijderen(request: HttpRequest, kenmerk: str, document_id: int, lakvak_id: int) -> HttpResponse:
    """Removes a drawn box or one found with a search term."""
    verzoek, doc = _verzoek_en_document(kenmerk, document_id)
    vak = selectors.lakvak_van(doc, lakvak_id)
    if vak is None:
        raise Http404
    form = forms.Form(request.POST)
    verwijderd = formulier_uitvoeren(
        form, lambda _gegevens: services.lakvak_verwijderen(vak, door=_medewerker(request))
    )
    if verwijderd is not None:
        messages.success(request, _("Het lakvak is verwijderd."))
        return redirect(_document_url(verzoek, doc, vak.pagina, "lakvakken"))
    fouten = [str(fout) for fout in form.non_field_errors()]
    return _documentpagina(
        request, verzoek, _verzoek_en_document(kenmerk, document_id)[1], vak.pagina, fouten=fouten, status=400
    )


@require_POST
@werkplek(actie=WOO_DOCUMENTEN_BEOORDELEN)
def zoekterm_lakken(request: HttpRequest, kenmerk: str, document_id: int) -> HttpResponse:
    """Withholds a search term in every document of the request, from this document's page."""
    verzoek, doc = _verzoek_en_document(kenmerk, document_id)
    pagina = _pagina(request)
    form = ZoektermForm(request.POST)
    uitgevoerd = formulier_uitvoeren(
        form,
        lambda gegevens: services.zoekterm_lakken(
            verzoek, term=gegevens["term"], grond=gegevens["grond"], door=_medewerker(request)
        ),
        standaardveld="term",
    )
    if uitgevoerd is not None:
        aantal = uitgevoerd.uitkomst
        term = form.cleaned_data["term"]
        if aantal:
            messages.success(
                request,
                _("‘%(term)s’ wordt op %(aantal)s plekken in dit verzoek gelakt.")
                % {"term": term, "aantal": aantal},
            )
        else:
            messages.info(
                request,
                _("‘%(term)s’ staat nergens (meer) ongelakt in de documenten van dit verzoek.")
                % {"term": term},
            )
        return redirect(_document_url(verzoek, doc, pagina, "lakvakken"))
    return _documentpagina(
        request,
        verzoek,
        _verzoek_en_document(kenmerk, document_id)[1],
        pagina,
        forms_={"zoekterm": form},
        status=400,
    )


# --- the names that stay visible -------------------------------------------------------------------


def _zichtbare_namen_pagina(
    request: HttpRequest, form: ZichtbareNaamForm, *, fouten: list[str] | None = None, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "woo/zichtbare_namen.html",
        {
            "form": form,
            "namen": selectors.zichtbare_namen_lijst(),
            "bestuurders": selectors.bestuurders(),
            "fouten": fouten or [],
            "kruimelpad": [
                (_("Werkplek"), reverse("core:werkplek")),
                (_("Woo-verzoeken"), reverse("woo:werkplek")),
                (_("Zichtbare namen"), None),
            ],
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=WOO_ZICHTBARE_NAMEN_BEHEREN)
def zichtbare_namen(request: HttpRequest) -> HttpResponse:
    """The officials whose names are never proposed as a redaction (woo.md, section 8)."""
    form = ZichtbareNaamForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        uitgevoerd = formulier_uitvoeren(
            form,
            lambda gegevens: services.zichtbare_naam_toevoegen(
                naam=gegevens["naam"], functie=gegevens["functie"], door=_medewerker(request)
            ),
            standaardveld="naam",
        )
        if uitgevoerd is not None:
            messages.success(
                request,
                _("‘%(naam)s’ staat op de lijst met zichtbare namen.") % {"naam": uitgevoerd.uitkomst.naam},
            )
            return redirect("woo:zichtbare_namen")
    return _zichtbare_namen_pagina(request, form, status=400 if form.errors else 200)


@require_POST
@werkplek(actie=WOO_ZICHTBARE_NAMEN_BEHEREN)
def zichtbare_naam_verwijderen(request: HttpRequest, zichtbare_naam_id: int) -> HttpResponse:
    zichtbaar = selectors.zichtbare_naam_van(zichtbare_naam_id)
    if zichtbaar is None:
        raise Http404
    services.zichtbare_naam_verwijderen(zichtbaar, door=_medewerker(request))
    messages.success(
        request, _("‘%(naam)s’ staat niet meer op de lijst met zichtbare namen.") % {"naam": zichtbaar.naam}
    )
    return redirect("woo:zichtbare_namen")


_DOCUMENT = "werkplek/woo/verzoeken/<str:kenmerk>/documenten/<int:document_id>/"

urlpatterns: list[URLPattern] = [
    path(_DOCUMENT, document, name="document"),
    path(_DOCUMENT + "pagina/<int:pagina>.png", document_pagina_png, name="document_pagina_png"),
    path(_DOCUMENT + "lakvakken/tekenen/", lakvak_tekenen, name="lakvak_tekenen"),
    path(_DOCUMENT + "lakvakken/<int:lakvak_id>/beoordelen/", lakvak_beoordelen, name="lakvak_beoordelen"),
    path(_DOCUMENT + "lakvakken/<int:lakvak_id>/verwijderen/", lakvak_verwijderen, name="lakvak_verwijderen"),
    path(_DOCUMENT + "zoekterm/", zoekterm_lakken, name="zoekterm_lakken"),
    path("werkplek/woo/zichtbare-namen/", zichtbare_namen, name="zichtbare_namen"),
    path(
        "werkplek/woo/zichtbare-namen/<int:zichtbare_naam_id>/verwijderen/",
        zichtbare_naam_verwijderen,
        name="zichtbare_naam_verwijderen",
    ),
]
