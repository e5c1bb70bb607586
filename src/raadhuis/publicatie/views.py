"""Pages of publicatie: the public Openbaarheid pages with the stable URL of every publication and
document (the `loc` the Woo index harvests), and the register in the Werkplek.

Public: a concept does not exist (404); a withdrawn or replaced publication or document says so
with its reason and answers 410 Gone, so the harvester and search engines drop it. Werkplek actions
are plain POSTs followed by a redirect; bad input re-renders the page with the error next to the
field, status 400, and changes nothing."""

from __future__ import annotations

from datetime import datetime, time
from functools import partial
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
    require_safe,
)

from raadhuis.accounts.models import Medewerker
from raadhuis.core import tooi
from raadhuis.core.forms import formulier_uitvoeren, fout_naar_formulier, weergavegegevens
from raadhuis.core.snelheid import snelheidslimiet
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.core.vingerafdruk import fragmentsleutel, renderen_met_versie
from raadhuis.publicatie import selectors, services, waardelijsten
from raadhuis.publicatie.forms import (
    IntrekkenForm,
    PublicatieForm,
    RegisterFilterForm,
    VervangenForm,
    ZoekForm,
)
from raadhuis.publicatie.models import Publicatie, Publicatiedocument, Publicatiestatus
from raadhuis.publicatie.rechten import PUBLICATIE_BEHEREN, WERKPLEK_ROLLEN

Kruimelpad = list[tuple[str, str | None]]

PER_PAGINA = 25
LAATSTE = 10


def _medewerker(request: HttpRequest) -> Medewerker:
    gebruiker = ingelogde_gebruiker(request)
    if not isinstance(gebruiker, Medewerker):
        raise PermissionDenied
    return gebruiker


def _publiek_kruimelpad(*stappen: tuple[str, str | None]) -> Kruimelpad:
    return [
        (_("Home"), reverse("core:home")),
        (_("Openbaarheid"), reverse("publicatie:openbaarheid")),
        *stappen,
    ]


def _labels(publicatie: Publicatie) -> dict[str, Any]:
    """The metadata in Dutch words for the pages (the URIs stay behind the scenes)."""
    organisatie = tooi.organisatie(publicatie.publisher)
    return {
        "publisher": organisatie.naam if organisatie else publicatie.publisher,
        "categorieen": [
            waardelijsten.informatiecategorieen().get(uri, uri) for uri in publicatie.informatiecategorieen
        ],
        "themas": [waardelijsten.themas().get(uri, uri) for uri in publicatie.themas],
        "taal": waardelijsten.talen().get(publicatie.taal, publicatie.taal),
        "handelingen": [
            (waardelijsten.soorten_handeling().get(h.soort, h.soort), h.tijdstip, _actor(h.actor))
            for h in publicatie.handelingen.all()
        ],
        "reden": waardelijsten.redenen_verwijdering().get(publicatie.reden_intrekking, ""),
    }


def _actor(code: str) -> str:
    if not code:
        return ""
    organisatie = tooi.organisatie(code)
    return organisatie.naam if organisatie else code


def _documentsoort(document: Publicatiedocument) -> str:
    return waardelijsten.documentsoorten().get(document.documentsoort, "")


def _formaat(document: Publicatiedocument) -> str:
    return waardelijsten.bestandsformaten().get(document.bestandsformaat, "")


# --- public ------------------------------------------------------------------------------------------


@require_GET
def openbaarheid(request: HttpRequest) -> HttpResponse:
    kruimelpad = [(_("Home"), reverse("core:home")), (_("Openbaarheid"), None)]
    return render(
        request,
        "publicatie/openbaarheid.html",
        {
            "kruimelpad": kruimelpad,
            "laatste": list(selectors.gepubliceerde_publicaties()[:LAATSTE]),
            "categorieen": [(c, n) for c, n in selectors.aantallen_per_categorie() if n and c.infocat],
        },
    )


def _zonder(querydict: QueryDict, naam: str, waarde: str | None = None) -> str:
    """The query string without one value of a parameter (or the whole parameter), from page 1."""
    kopie = querydict.copy()
    kopie.pop("pagina", None)
    if waarde is None:
        kopie.pop(naam, None)
    else:
        kopie.setlist(naam, [w for w in kopie.getlist(naam) if w != waarde])
    return kopie.urlencode()


def _met_pagina(querydict: QueryDict, pagina: int | None) -> str | None:
    if pagina is None:
        return None
    kopie = querydict.copy()
    kopie["pagina"] = str(pagina)
    return kopie.urlencode()


# The search page's cached fragments live in it; its source is part of their keys.
ZOEKTEMPLATES = ("publicatie/zoeken.html",)


@require_GET
@snelheidslimiet("zoeken", methoden=("GET",))
def zoeken(request: HttpRequest) -> HttpResponse:
    """The public search over every published document: words and phrases, facets, period and
    sorting, all in the query string, so every search has a stable address to share or bookmark.
    Bad input answers 400 with the message next to the filter and searches nothing."""
    form = ZoekForm(request.GET)
    resultaat = selectors.publicaties_zoeken(form.opdracht()) if form.is_valid() else None
    gekozen: list[tuple[str, str, str]] = []
    if resultaat is not None:
        gekozen = [
            (str(groep.facet.label), waarde.label, _zonder(request.GET, groep.facet.naam, waarde.waarde))
            for groep in resultaat.facetten
            for waarde in groep.zichtbaar
            if waarde.gekozen
        ]
    vorige = _met_pagina(request.GET, resultaat.vorige) if resultaat else None
    volgende = _met_pagina(request.GET, resultaat.volgende) if resultaat else None
    context = {
        "kruimelpad": _publiek_kruimelpad((_("Zoeken"), None)),
        "form": form,
        "resultaat": resultaat,
        "gekozen": gekozen,
        # The question and the filters (hundreds of checkboxes) are rendered once per set of
        # counts and form values.
        "filters_sleutel": fragmentsleutel(
            ZOEKTEMPLATES, resultaat.facetten if resultaat else None, weergavegegevens(form)
        ),
        "vorige": vorige,
        "volgende": volgende,
    }
    if resultaat is None:
        return render(request, "publicatie/zoeken.html", context, status=400)
    # The hits and the paging once per state of the documents on the page (a withdrawn one is not
    # among them), keyed by a fingerprint made in the database: a cached page reads no hit.
    versie = selectors.zoektreffers_versie(resultaat)
    sleutel = fragmentsleutel(
        ZOEKTEMPLATES,
        versie,
        resultaat.antwoord.ids,
        sorted(resultaat.antwoord.gezocht),  # the words the snippets mark
        resultaat.opdracht.pagina,
        resultaat.laatste_pagina,
        vorige,
        volgende,
    )
    return renderen_met_versie(
        request,
        "publicatie/zoeken.html",
        {**context, "treffers_sleutel": sleutel},
        fragment="zoekresultaten",
        sleutel=sleutel,
        lui={"treffers": partial(selectors.zoektreffers, resultaat)},
        versie=partial(selectors.zoektreffers_versie, resultaat),
        gezien=versie,
    )


@require_GET
def categorie(request: HttpRequest, infocat: str) -> HttpResponse:
    gevonden = waardelijsten.categorie_met_infocat(infocat)
    if gevonden is None:
        raise Http404
    pagina = Paginator(selectors.gepubliceerde_publicaties(categorie=gevonden.uri), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "publicatie/categorie.html",
        {
            "kruimelpad": _publiek_kruimelpad((gevonden.label, None)),
            "categorie": gevonden,
            "pagina": pagina,
        },
    )


@require_GET
def publicatie(request: HttpRequest, publicatie_uuid: UUID) -> HttpResponse:
    gevonden = selectors.publicatie_met_uuid(publicatie_uuid, alleen_zichtbaar=True)
    if gevonden is None:
        raise Http404
    documenten = [(d, _documentsoort(d), _formaat(d)) for d in gevonden.documenten.all()]
    return render(
        request,
        "publicatie/publicatie.html",
        {
            "kruimelpad": _publiek_kruimelpad((gevonden.officiele_titel, None)),
            "publicatie": gevonden,
            "labels": _labels(gevonden),
            "documenten": documenten,
            "ingetrokken": gevonden.status != Publicatiestatus.GEPUBLICEERD,
        },
        status=200 if gevonden.status == Publicatiestatus.GEPUBLICEERD else 410,
    )


@require_safe
def document(request: HttpRequest, document_uuid: UUID, bestandsnaam: str) -> HttpResponseBase:
    """The file itself: the `loc` of its sitemap entry. A wrong file name redirects to the right
    one (the UUID identifies the document; the name only makes the URL readable)."""
    gevonden = selectors.document_met_uuid(document_uuid, alleen_zichtbaar=True)
    if gevonden is None:
        raise Http404
    if gevonden.publicatie.status != Publicatiestatus.GEPUBLICEERD:
        return render(
            request,
            "publicatie/ingetrokken.html",
            {
                "kruimelpad": _publiek_kruimelpad((gevonden.titel, None)),
                "publicatie": gevonden.publicatie,
                "labels": _labels(gevonden.publicatie),
            },
            status=410,
        )
    if bestandsnaam != gevonden.bestandsnaam:
        return redirect(
            "publicatie:document", document_uuid=gevonden.uuid, bestandsnaam=gevonden.bestandsnaam
        )
    etag = f'"{gevonden.sha256}"'
    gewijzigd = int(gevonden.gewijzigd_op.timestamp())
    # If-None-Match / If-Modified-Since: a harvester that has this version gets 304 and no file.
    niet_gewijzigd = get_conditional_response(request, etag=etag, last_modified=gewijzigd)
    if niet_gewijzigd is not None:
        return niet_gewijzigd
    antwoord = FileResponse(
        gevonden.bestand.open("rb"),
        content_type=gevonden.mediatype,
        as_attachment=False,
        filename=gevonden.bestandsnaam,
    )
    antwoord["ETag"] = etag
    antwoord["Last-Modified"] = http_date(gewijzigd)
    antwoord["X-Content-Type-Options"] = "nosniff"
    # A published file may be cached by anyone, but must be checked again: it can be withdrawn.
    antwoord["Cache-Control"] = "public, max-age=0, must-revalidate"
    return antwoord


# --- Werkplek ----------------------------------------------------------------------------------------


def _werkplek_kruimelpad(*stappen: tuple[str, str | None]) -> Kruimelpad:
    return [
        (_("Werkplek"), reverse("core:werkplek")),
        (_("Openbaarheid"), reverse("publicatie:werkplek")),
        *stappen,
    ]


@require_GET
@werkplek(*WERKPLEK_ROLLEN)
def werkplek_publicatie(request: HttpRequest) -> HttpResponse:
    """The register: every publication with its status, filtered by status and category."""
    form = RegisterFilterForm(request.GET or None)
    status = categorie_uri = ""
    if form.is_valid():
        status = form.cleaned_data["status"]
        categorie_uri = form.cleaned_data["categorie"]
    pagina = Paginator(
        selectors.publicaties(status=status or None, categorie=categorie_uri or None), PER_PAGINA
    ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "publicatie/werkplek.html",
        {
            "kruimelpad": [(_("Werkplek"), reverse("core:werkplek")), (_("Openbaarheid"), None)],
            "form": form,
            "pagina": pagina,
            "categorielabels": waardelijsten.informatiecategorieen(),
            "filter": request.GET.urlencode() if form.is_valid() else "",
        },
        status=200 if form.is_bound is False or form.is_valid() else 400,
    )


def _handeling(gegevens: dict[str, Any]) -> services.Handeling:
    tijdstip = timezone.make_aware(datetime.combine(gegevens["handeling_datum"], time(0, 0)))
    return services.Handeling(soort=gegevens["soort_handeling"], tijdstip=tijdstip)


# Service field names → the form's, so an error stands next to the field that caused it.
_VELDNAMEN = {
    "informatiecategorieen": "informatiecategorie",
    "themas": "thema",
    "handelingen": "handeling_datum",
    "identificatoren": "kenmerk",
    "bestand": "bestanden",
    "titel": "bestanden",
}


@require_http_methods(["GET", "POST"])
@werkplek(*WERKPLEK_ROLLEN, actie=PUBLICATIE_BEHEREN)
def nieuw(request: HttpRequest) -> HttpResponse:
    """A manual publication for what no module feeds (convenanten, adviezen, onderzoeksrapporten,
    jaarplannen, klachtoordelen, ...): created as concept with its files, published on its page."""
    medewerker = _medewerker(request)
    form = PublicatieForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        bestanden = gegevens["bestanden"]
        try:
            nieuwe = services.publicatie_aanmaken(
                publisher=gegevens["publisher"],
                officiele_titel=gegevens["officiele_titel"],
                verkorte_titel=gegevens["verkorte_titel"],
                omschrijving=gegevens["omschrijving"],
                informatiecategorieen=[gegevens["informatiecategorie"]],
                themas=[gegevens["thema"]] if gegevens["thema"] else [],
                periode_van=gegevens["periode_van"],
                periode_tot=gegevens["periode_tot"],
                identificatoren=[gegevens["kenmerk"]] if gegevens["kenmerk"] else [],
                handelingen=[_handeling(gegevens)],
                documenten=[
                    services.Bronbestand(
                        # One file carries the publication's title; several are told apart by name.
                        titel=gegevens["officiele_titel"]
                        if len(bestanden) == 1
                        else (bestand.name or "document").rsplit(".", 1)[0],
                        bestandsnaam=bestand.name or "document",
                        inhoud=bestand.read(),
                        documentsoort=gegevens["documentsoort"],
                    )
                    for bestand in bestanden
                ],
                door=medewerker,
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout, veldnamen=_VELDNAMEN)
        else:
            messages.success(
                request, _("De publicatie is als concept opgeslagen. Controleer haar en publiceer.")
            )
            return redirect("publicatie:detail", publicatie_uuid=nieuwe.uuid)
    return render(
        request,
        "publicatie/nieuw.html",
        {"kruimelpad": _werkplek_kruimelpad((_("Nieuwe publicatie"), None)), "form": form},
        status=400 if form.is_bound else 200,
    )


def _werkplek_publicatie(publicatie_uuid: UUID) -> Publicatie:
    gevonden = selectors.publicatie_met_uuid(publicatie_uuid)
    if gevonden is None:
        raise Http404
    return gevonden


def _detail(
    request: HttpRequest,
    gevonden: Publicatie,
    *,
    intrekken_form: IntrekkenForm | None = None,
    vervangen_form: VervangenForm | None = None,
    fouten: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "publicatie/detail.html",
        {
            "kruimelpad": _werkplek_kruimelpad((gevonden.officiele_titel, None)),
            "publicatie": gevonden,
            "labels": _labels(gevonden),
            "documenten": [(d, _documentsoort(d), _formaat(d)) for d in gevonden.documenten.all()],
            "intrekken_form": intrekken_form or IntrekkenForm(),
            "vervangen_form": vervangen_form
            or VervangenForm(kandidaten=selectors.vervangbare_publicaties(gevonden)),
            "fouten": fouten or [],
            "status_labels": dict(Publicatiestatus.choices),
            "gebeurtenissen": list(selectors.gebeurtenissen_van(gevonden)),
        },
        status=status,
    )


def _actie_mislukt(
    request: HttpRequest,
    publicatie_uuid: UUID,
    *,
    intrekken_form: IntrekkenForm | None = None,
    vervangen_form: VervangenForm | None = None,
) -> HttpResponse:
    """The page again with the form's errors next to its fields (400). When the publication is no
    longer published (someone else withdrew it meanwhile), the forms are not shown, so the errors
    stand at the top of the page instead."""
    actueel = _werkplek_publicatie(publicatie_uuid)
    form = intrekken_form or vervangen_form
    fouten: list[str] = []
    if form is not None and actueel.status != Publicatiestatus.GEPUBLICEERD:
        fouten = [str(melding) for meldingen in form.errors.values() for melding in meldingen]
    return _detail(
        request,
        actueel,
        intrekken_form=intrekken_form,
        vervangen_form=vervangen_form,
        fouten=fouten,
        status=400,
    )


@require_GET
@werkplek(*WERKPLEK_ROLLEN)
def detail(request: HttpRequest, publicatie_uuid: UUID) -> HttpResponse:
    return _detail(request, _werkplek_publicatie(publicatie_uuid))


@require_POST
@werkplek(*WERKPLEK_ROLLEN, actie=PUBLICATIE_BEHEREN)
def publiceren(request: HttpRequest, publicatie_uuid: UUID) -> HttpResponse:
    gevonden = _werkplek_publicatie(publicatie_uuid)
    try:
        services.publiceren(gevonden, door=_medewerker(request))
    except ValidationError as fout:
        return _detail(request, _werkplek_publicatie(publicatie_uuid), fouten=fout.messages, status=400)
    messages.success(request, _("De publicatie is gepubliceerd."))
    return redirect("publicatie:detail", publicatie_uuid=gevonden.uuid)


@require_POST
@werkplek(*WERKPLEK_ROLLEN, actie=PUBLICATIE_BEHEREN)
def intrekken(request: HttpRequest, publicatie_uuid: UUID) -> HttpResponse:
    gevonden = _werkplek_publicatie(publicatie_uuid)
    form = IntrekkenForm(request.POST)
    uitgevoerd = formulier_uitvoeren(
        form,
        lambda gegevens: services.intrekken(
            gevonden, reden=gegevens["reden"], toelichting=gegevens["toelichting"], door=_medewerker(request)
        ),
        standaardveld="reden",
    )
    if uitgevoerd is None:
        return _actie_mislukt(request, publicatie_uuid, intrekken_form=form)
    messages.success(request, _("De publicatie is ingetrokken."))
    return redirect("publicatie:detail", publicatie_uuid=gevonden.uuid)


@require_POST
@werkplek(*WERKPLEK_ROLLEN, actie=PUBLICATIE_BEHEREN)
def vervangen(request: HttpRequest, publicatie_uuid: UUID) -> HttpResponse:
    gevonden = _werkplek_publicatie(publicatie_uuid)
    form = VervangenForm(request.POST, kandidaten=selectors.vervangbare_publicaties(gevonden))
    uitgevoerd = formulier_uitvoeren(
        form,
        lambda gegevens: services.vervangen(
            gevonden,
            nieuw=gegevens["nieuw"],
            reden=gegevens["reden"],
            toelichting=gegevens["toelichting"],
            door=_medewerker(request),
        ),
        standaardveld="nieuw",
    )
    if uitgevoerd is None:
        return _actie_mislukt(request, publicatie_uuid, vervangen_form=form)
    messages.success(request, _("De publicatie is vervangen."))
    return redirect("publicatie:detail", publicatie_uuid=gevonden.uuid)
