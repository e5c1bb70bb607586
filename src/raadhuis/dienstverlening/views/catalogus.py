"""Pages of dienstverlening."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from raadhuis.core import bsn
from raadhuis.core.digitale_dienst import toegang_weigeren, vereiste_identiteit
from raadhuis.core.identiteit import Soort
from raadhuis.core.toegang import werkplek
from raadhuis.dienstverlening.rechten import WERKPLEK_ROLLEN
from raadhuis.dienstverlening.selectors.catalogus import actief_product, actieve_producten


def dienstverlening(request: HttpRequest) -> HttpResponse:
    kruimelpad = [(_("Home"), reverse("core:home")), (_("Dienstverlening"), None)]
    return render(
        request,
        "dienstverlening/dienstverlening.html",
        {"kruimelpad": kruimelpad, "producten": actieve_producten()},
    )


@never_cache
def product_starten(request: HttpRequest, slug: str) -> HttpResponse:
    """A product's digital start, behind its level of assurance (Wdo; eIDAS art. 8)."""
    product = actief_product(slug)
    if product is None:
        raise Http404
    weigering = toegang_weigeren(
        request,
        minimum=product.minimum_niveau,
        doelgroep=product.doelgroep_enum,
        dienst=product.naam,
        reden=product.niveau_toelichting,
    )
    if weigering is not None:
        return weigering
    identiteit = vereiste_identiteit(request)
    kruimelpad = [
        (_("Home"), reverse("core:home")),
        (_("Dienstverlening"), reverse("dienstverlening:dienstverlening")),
        (product.naam, None),
    ]
    return render(
        request,
        "dienstverlening/product_starten.html",
        {
            "kruimelpad": kruimelpad,
            "product": product,
            "identiteit": identiteit,
            "is_inwoner": identiteit.soort is Soort.INWONER,
            "gemaskeerd_bsn": bsn.maskeer(identiteit.bsn) if identiteit.bsn else "",
        },
    )


@werkplek(*WERKPLEK_ROLLEN)
def werkplek_dienstverlening(request: HttpRequest) -> HttpResponse:
    kruimelpad = [(_("Werkplek"), reverse("core:werkplek")), (_("Dienstverlening"), None)]
    return render(request, "dienstverlening/werkplek.html", {"kruimelpad": kruimelpad})
