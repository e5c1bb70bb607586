"""Pages of the product catalogue: the public catalogue and product pages, the digital start behind
the level of assurance, and the Werkplek's management of products, leges and zaaktypen."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from raadhuis.core import bsn
from raadhuis.core.digitale_dienst import standaard_reden, toegang_weigeren, vereiste_identiteit
from raadhuis.core.forms import fout_naar_formulier
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Soort
from raadhuis.core.rechten import mag
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.dienstverlening.forms.catalogus import UPL_LIJST_ID, ProductForm, TariefForm
from raadhuis.dienstverlening.models import Kanaal, Product, Tarief
from raadhuis.dienstverlening.rechten import PRODUCT_BEHEREN, WERKPLEK_ROLLEN
from raadhuis.dienstverlening.selectors.catalogus import (
    actief_product,
    alle_producten,
    gemeentelijke_upl_producten,
    product_voor_beheer,
    producten_per_doelgroep,
    publiek_product,
    zaaktypen_met_normen,
)
from raadhuis.dienstverlening.services import catalogus as diensten
from raadhuis.dienstverlening.views.gedeeld import werkplek_kruimelpad

# The service's argument names that differ from the form's field names.
VELDNAMEN = {"minimum_niveau": "minimum_betrouwbaarheidsniveau"}
TEMPLATES = "dienstverlening/catalogus/"


def _url_of_leeg(naam: str, *args: object) -> str:
    # Routes of other parts (appointments, intake) may not be mounted yet; link only when they are.
    try:
        return reverse(naam, args=args)
    except NoReverseMatch:
        return ""


def _kruimelpad_publiek(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [
        (_("Home"), reverse("core:home")),
        (_("Dienstverlening"), reverse("dienstverlening:dienstverlening")),
        *stappen,
    ]


# -- Public ----------------------------------------------------------------------------------------


def dienstverlening(request: HttpRequest) -> HttpResponse:
    kruimelpad = [(_("Home"), reverse("core:home")), (_("Dienstverlening"), None)]
    return render(
        request,
        "dienstverlening/dienstverlening.html",
        {"kruimelpad": kruimelpad, "groepen": producten_per_doelgroep()},
    )


def product(request: HttpRequest, slug: str) -> HttpResponse:
    """The public product page (PDC): what it is, the conditions, the legal basis, this year's
    leges, the channels and the level of assurance needed to request it online. No login needed."""
    jaar = timezone.localdate().year
    gevonden = publiek_product(slug, jaar=jaar)
    if gevonden is None:
        raise Http404
    kanalen = [Kanaal(kanaal) for kanaal in gevonden.kanalen if kanaal in Kanaal.values]
    digitaal = Kanaal.DIGITAAL in kanalen
    aanvraag_url = ""
    if digitaal:
        # The intake's form (/dienstverlening/<slug>/aanvragen/) when the product has one and the
        # intake is mounted; else the start page behind the level gate.
        intake_url = ""
        if gevonden.formulier:
            intake_url = _url_of_leeg("dienstverlening:aanvraag_starten", gevonden.slug) or _url_of_leeg(
                "dienstverlening:aanvragen", gevonden.slug
            )
        aanvraag_url = intake_url or reverse("dienstverlening:product_starten", args=[gevonden.slug])
    afspraak_url = ""
    if gevonden.baliebezoek_nodig or Kanaal.BALIE in kanalen:
        basis = _url_of_leeg("dienstverlening:afspraak_maken")
        afspraak_url = f"{basis}?product={gevonden.slug}" if basis else ""
    zaaktype = gevonden.zaaktype
    behandelduur = ""
    if zaaktype is not None:
        behandelduur = str(zaaktype.servicenorm or zaaktype.doorlooptijd)
    niveau = gevonden.minimum_niveau
    tarieven: list[Tarief] = gevonden.tarieven_van_jaar  # type: ignore[attr-defined]
    return render(
        request,
        TEMPLATES + "product.html",
        {
            "kruimelpad": _kruimelpad_publiek((gevonden.naam, None)),
            "product": gevonden,
            "jaar": jaar,
            "tarieven": tarieven,
            "heeft_voorbeeld": any(tarief.demo for tarief in tarieven),
            "kanalen": [kanaal.label for kanaal in kanalen],
            "aanvraag_url": aanvraag_url,
            "afspraak_url": afspraak_url,
            "behandelduur": behandelduur,
            "niveau": niveau,
            "niveau_uitleg": gevonden.niveau_toelichting or standaard_reden(niveau),
            "middel": _inlogmiddel(gevonden, niveau),
        },
    )


def _inlogmiddel(product: Product, niveau: Betrouwbaarheidsniveau) -> str:
    """The login means that reach the level, in words, for the audience of the product."""
    digid = {
        Betrouwbaarheidsniveau.LAAG: "DigiD",
        # DigiD with sms check (Midden) is eIDAS laag (core.identiteit.BROKER_NIVEAUS).
        Betrouwbaarheidsniveau.SUBSTANTIEEL: _("DigiD Substantieel (de DigiD-app met ID-check)"),
        Betrouwbaarheidsniveau.HOOG: _("DigiD Hoog (de DigiD-app leest de chip van uw identiteitsbewijs)"),
    }[niveau]
    eherkenning = {
        Betrouwbaarheidsniveau.LAAG: "eHerkenning EH2",
        Betrouwbaarheidsniveau.SUBSTANTIEEL: "eHerkenning EH3",
        Betrouwbaarheidsniveau.HOOG: "eHerkenning EH4",
    }[niveau]
    soorten = product.doelgroep_enum.soorten
    if soorten == (Soort.INWONER,):
        return digid
    if soorten == (Soort.ONDERNEMER,):
        return eherkenning
    return _("%(digid)s of %(eherkenning)s") % {"digid": digid, "eherkenning": eherkenning}


@never_cache
def product_starten(request: HttpRequest, slug: str) -> HttpResponse:
    """A product's digital start, behind its level of assurance (Wdo; eIDAS art. 8)."""
    gevonden = actief_product(slug)
    if gevonden is None:
        raise Http404
    weigering = toegang_weigeren(
        request,
        minimum=gevonden.minimum_niveau,
        doelgroep=gevonden.doelgroep_enum,
        dienst=gevonden.naam,
        reden=gevonden.niveau_toelichting,
    )
    if weigering is not None:
        return weigering
    identiteit = vereiste_identiteit(request)
    return render(
        request,
        "dienstverlening/product_starten.html",
        {
            "kruimelpad": _kruimelpad_publiek(
                (gevonden.naam, reverse("dienstverlening:product", args=[gevonden.slug])),
                (_("Aanvragen"), None),
            ),
            "product": gevonden,
            "identiteit": identiteit,
            "is_inwoner": identiteit.soort is Soort.INWONER,
            "gemaskeerd_bsn": bsn.maskeer(identiteit.bsn) if identiteit.bsn else "",
        },
    )


# -- Werkplek --------------------------------------------------------------------------------------


@werkplek(*WERKPLEK_ROLLEN)
def werkplek_dienstverlening(request: HttpRequest) -> HttpResponse:
    kruimelpad = [(_("Werkplek"), reverse("core:werkplek")), (_("Dienstverlening"), None)]
    return render(request, "dienstverlening/werkplek.html", {"kruimelpad": kruimelpad})


@werkplek(*WERKPLEK_ROLLEN)
def werkplek_producten(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        TEMPLATES + "werkplek_producten.html",
        {
            "kruimelpad": werkplek_kruimelpad((_("Productcatalogus"), None)),
            "producten": alle_producten(),
            "mag_beheren": mag(request.user, PRODUCT_BEHEREN),
        },
    )


def _productvelden(gegevens: dict[str, Any]) -> dict[str, Any]:
    return {
        "naam": gegevens["naam"],
        "upl_naam": gegevens["upl_naam"].strip(),
        "doelgroep": gegevens["doelgroep"],
        "minimum_niveau": Betrouwbaarheidsniveau(gegevens["minimum_betrouwbaarheidsniveau"]),
        "niveau_toelichting": gegevens["niveau_toelichting"],
        "omschrijving": gegevens["omschrijving"],
        "voorwaarden": gegevens["voorwaarden"],
        "wettelijke_grondslag": gegevens["wettelijke_grondslag"],
        "kanalen": list(gegevens["kanalen"]),
        "baliebezoek_nodig": gegevens["baliebezoek_nodig"],
        "formulier": gegevens["formulier"],
        "actief": gegevens["actief"],
    }


def _productformulier(
    request: HttpRequest,
    form: ProductForm,
    *,
    titel: str,
    kruimelpad: list[tuple[str, str | None]],
    terug: str,
    product: Product | None = None,
) -> HttpResponse:
    return render(
        request,
        TEMPLATES + "werkplek_product_formulier.html",
        {
            "form": form,
            "titel": titel,
            "kruimelpad": kruimelpad,
            "terug": terug,
            "upl_lijst_id": UPL_LIJST_ID,
            "upl_producten": gemeentelijke_upl_producten(),
            "product": product,
        },
        status=400 if form.errors else 200,
    )


@werkplek(actie=PRODUCT_BEHEREN)
def werkplek_product_nieuw(request: HttpRequest) -> HttpResponse:
    form = ProductForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            nieuw = diensten.product_aanmaken(
                door=ingelogde_gebruiker(request),
                slug=form.cleaned_data["slug"],
                zaaktype=form.cleaned_data["zaaktype"],
                **_productvelden(form.cleaned_data),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout, veldnamen=VELDNAMEN)
        else:
            messages.success(request, _("Het product is toegevoegd."))
            return redirect("dienstverlening:werkplek_product", pk=nieuw.pk)
    terug = reverse("dienstverlening:werkplek_producten")
    return _productformulier(
        request,
        form,
        titel=_("Nieuw product"),
        kruimelpad=werkplek_kruimelpad((_("Productcatalogus"), terug), (_("Nieuw product"), None)),
        terug=terug,
    )


def _beheerd_product(pk: int) -> Product:
    gevonden = product_voor_beheer(pk)
    if gevonden is None:
        raise Http404
    return gevonden


@werkplek(actie=PRODUCT_BEHEREN)
def werkplek_product_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    bestaand = _beheerd_product(pk)
    form = ProductForm(
        request.POST if request.method == "POST" else None,
        bestaand=True,
        initial=ProductForm.beginwaarden(bestaand),
    )
    if request.method == "POST" and form.is_valid():
        zaaktype = form.cleaned_data["zaaktype"]
        try:
            diensten.product_bijwerken(
                product=bestaand,
                door=ingelogde_gebruiker(request),
                zaaktype=zaaktype,
                zaaktype_wissen=zaaktype is None,
                **_productvelden(form.cleaned_data),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout, veldnamen=VELDNAMEN)
            bestaand.refresh_from_db()
        else:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("dienstverlening:werkplek_product", pk=bestaand.pk)
    producten_url = reverse("dienstverlening:werkplek_producten")
    terug = reverse("dienstverlening:werkplek_product", args=[bestaand.pk])
    titel = _("%(naam)s bewerken") % {"naam": bestaand.naam}
    return _productformulier(
        request,
        form,
        titel=titel,
        kruimelpad=werkplek_kruimelpad(
            (_("Productcatalogus"), producten_url), (bestaand.naam, terug), (titel, None)
        ),
        terug=terug,
        product=bestaand,
    )


def _productpagina(request: HttpRequest, gevonden: Product, tariefform: TariefForm) -> HttpResponse:
    return render(
        request,
        TEMPLATES + "werkplek_product.html",
        {
            "kruimelpad": werkplek_kruimelpad(
                (_("Productcatalogus"), reverse("dienstverlening:werkplek_producten")), (gevonden.naam, None)
            ),
            "product": gevonden,
            "tarieven": gevonden.alle_tarieven,  # type: ignore[attr-defined]
            "kanalen": [Kanaal(kanaal).label for kanaal in gevonden.kanalen if kanaal in Kanaal.values],
            "tariefform": tariefform,
            "mag_beheren": mag(request.user, PRODUCT_BEHEREN),
        },
        status=400 if tariefform.errors else 200,
    )


@werkplek(*WERKPLEK_ROLLEN)
def werkplek_product(request: HttpRequest, pk: int) -> HttpResponse:
    return _productpagina(request, _beheerd_product(pk), TariefForm())


@require_POST
@werkplek(actie=PRODUCT_BEHEREN)
def werkplek_tarief_vastleggen(request: HttpRequest, pk: int) -> HttpResponse:
    """Adds or replaces a tariff of a year; on bad input the product page again, with the error."""
    gevonden = _beheerd_product(pk)
    form = TariefForm(request.POST)
    if form.is_valid():
        try:
            diensten.tarief_vastleggen(
                product=gevonden,
                jaar=form.cleaned_data["jaar"],
                omschrijving=form.cleaned_data["omschrijving"],
                bedrag=form.cleaned_data["bedrag"],
                demo=form.cleaned_data["demo"],
                door=ingelogde_gebruiker(request),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout, veldnamen=VELDNAMEN)
        else:
            messages.success(request, _("Het tarief is vastgelegd."))
            return redirect(reverse("dienstverlening:werkplek_product", args=[gevonden.pk]) + "#leges")
    return _productpagina(request, gevonden, form)


@require_POST
@werkplek(actie=PRODUCT_BEHEREN)
def werkplek_tarief_verwijderen(request: HttpRequest, pk: int, tarief_pk: int) -> HttpResponse:
    tarief = get_object_or_404(Tarief, pk=tarief_pk, product_id=pk)
    diensten.tarief_verwijderen(tarief=tarief, door=ingelogde_gebruiker(request))
    messages.success(request, _("Het tarief is verwijderd."))
    return redirect(reverse("dienstverlening:werkplek_product", args=[pk]) + "#leges")


@werkplek(*WERKPLEK_ROLLEN)
def werkplek_zaaktypen(request: HttpRequest) -> HttpResponse:
    """Read-only: each zaaktype with its terms, statuses with norms, results and roles."""
    return render(
        request,
        TEMPLATES + "werkplek_zaaktypen.html",
        {
            "kruimelpad": werkplek_kruimelpad(
                (_("Productcatalogus"), reverse("dienstverlening:werkplek_producten")), (_("Zaaktypen"), None)
            ),
            "zaaktypen": zaaktypen_met_normen(),
        },
    )
