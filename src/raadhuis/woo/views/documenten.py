"""The documents of a Woo request in the Werkplek (issue 9, point 3): the inventory with its
numbers, duplicates and warnings, uploading (several files at once; an e-mail brings its
attachments), downloading the original and the PDF rendition from private storage, and removing
a document that was not assessed yet. Every action is a POST followed by a redirect; bad input
shows the page again with the error next to the field (400) and changes nothing. Access:
WOO_DOCUMENTEN_BEOORDELEN; every page and download that shows document contents is logged."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from raadhuis.accounts.models import Medewerker
from raadhuis.core import logboek
from raadhuis.core.forms import RaadhuisForm, formulier_uitvoeren
from raadhuis.core.logboek.activiteiten import WOO_VERZOEK_BEHANDELEN as ACTIVITEIT
from raadhuis.core.rechten import vereis
from raadhuis.core.toegang import ingelogde_gebruiker, poortwachters_vragen, werkplek
from raadhuis.woo import documentverwerking
from raadhuis.woo.models import Document, WooVerzoek
from raadhuis.woo.rechten import WOO_DOCUMENTEN_BEOORDELEN
from raadhuis.woo.selectors import documenten as selectors
from raadhuis.woo.selectors.verzoeken import verzoek_met_kenmerk
from raadhuis.woo.services import documenten as services

MAX_BESTANDEN = 50
# All files of one upload are read into memory before they are processed together (all or nothing).
MAX_SAMEN = 250_000_000


class MeerdereBestanden(forms.FileInput):
    allow_multiple_selected = True


class BestandenVeld(forms.FileField):
    """One or more files from one <input type="file" multiple>; each is checked on its own."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MeerdereBestanden())
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[Any]]:
        bestanden = list(data) if isinstance(data, list | tuple) else [data] if data else []
        if not bestanden:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(bestanden) > MAX_BESTANDEN:
            raise ValidationError(
                _("Kies ten hoogste %(max)s bestanden tegelijk.") % {"max": MAX_BESTANDEN}, code="te_veel"
            )
        schoon: list[UploadedFile[Any]] = []
        for bestand in bestanden:
            enkel = super().clean(bestand, initial)
            # Said before reading it into memory; verwerken refuses it too.
            if enkel.size is not None and enkel.size > documentverwerking.MAX_GROOTTE:
                raise ValidationError(
                    _("%(naam)s is groter dan %(max)s MB.")
                    % {"naam": enkel.name, "max": documentverwerking.MAX_GROOTTE // 1_000_000},
                    code="te_groot",
                )
            schoon.append(enkel)
        if sum(bestand.size or 0 for bestand in schoon) > MAX_SAMEN:
            raise ValidationError(
                _("De bestanden zijn samen groter dan %(max)s MB; voeg ze in delen toe.")
                % {"max": MAX_SAMEN // 1_000_000},
                code="te_groot",
            )
        return schoon


class DocumentenToevoegenForm(RaadhuisForm):
    bestanden = BestandenVeld(
        label=gettext_lazy("Bestanden"),
        help_text=gettext_lazy(
            "PDF, e-mail (EML, met bijlagen), afbeelding (PNG, JPEG), tekst of kantoordocument "
            "(Word, Excel, PowerPoint, OpenDocument); hoogstens 100 MB per bestand. U kunt meerdere "
            "bestanden tegelijk kiezen."
        ),
    )


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


def _betrokkene(verzoek: WooVerzoek) -> logboek.Betrokkene | None:
    return ("BSN", verzoek.bsn) if verzoek.bsn else None


def _documenten_url(verzoek: WooVerzoek) -> str:
    return reverse("woo:documenten", args=[verzoek.kenmerk])


def _pagina(
    request: HttpRequest,
    verzoek: WooVerzoek,
    *,
    form: DocumentenToevoegenForm | None = None,
    fouten: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    medewerker = _medewerker(request)
    # The inventory shows titles, senders and recipients: a processing of personal data.
    with logboek.verwerking(
        naam="woo-documenten.inzien", activiteit=ACTIVITEIT, door=medewerker, betrokkene=_betrokkene(verzoek)
    ):
        documenten = list(selectors.documenten_van(verzoek))
    context = {
        "verzoek": verzoek,
        "documenten": documenten,
        "overzicht": selectors.documentoverzicht(verzoek),
        "form": form if form is not None else DocumentenToevoegenForm(),
        "mag_wijzigen": not verzoek.is_afgesloten,
        "fouten": fouten or [],
        "kruimelpad": [
            (_("Werkplek"), reverse("core:werkplek")),
            (_("Woo-verzoeken"), reverse("woo:werkplek")),
            (verzoek.kenmerk, reverse("woo:verzoek", args=[verzoek.kenmerk])),
            (_("Documenten"), None),
        ],
    }
    return render(request, "woo/documenten.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=WOO_DOCUMENTEN_BEOORDELEN)
def documenten(request: HttpRequest, kenmerk: str) -> HttpResponse:
    """The inventory and the upload form (Woo art. 4.1: the documents in scope of the request)."""
    verzoek = _verzoek_of_404(kenmerk)
    if request.method != "POST":
        return _pagina(request, verzoek)
    medewerker = _medewerker(request)
    form = DocumentenToevoegenForm(request.POST, request.FILES)
    uitgevoerd = formulier_uitvoeren(
        form,
        lambda gegevens: services.bestanden_toevoegen(
            verzoek,
            bestanden=[(bestand.name or "bestand", bestand.read()) for bestand in gegevens["bestanden"]],
            door=medewerker,
        ),
        standaardveld="bestanden",
    )
    if uitgevoerd is None:
        return _pagina(request, _verzoek_of_404(kenmerk), form=form, status=400)
    aantal = len(uitgevoerd.uitkomst)
    messages.success(
        request,
        _(
            "%(aantal)s document(en) toegevoegd en genummerd; persoonsgegevens worden op de "
            "achtergrond opgespoord."
        )
        % {"aantal": aantal},
    )
    return redirect(_documenten_url(verzoek))


@require_POST
@werkplek(actie=WOO_DOCUMENTEN_BEOORDELEN)
def document_verwijderen(request: HttpRequest, kenmerk: str, document_id: int) -> HttpResponse:
    verzoek = _verzoek_of_404(kenmerk)
    document = selectors.document_van(verzoek, document_id)
    if document is None:
        raise Http404
    try:
        services.document_verwijderen(document, door=_medewerker(request))
    except ValidationError as fout:
        return _pagina(request, _verzoek_of_404(kenmerk), fouten=fout.messages, status=400)
    messages.success(
        request,
        _("Document %(nummer)s is verwijderd; de nummering is bijgewerkt.") % {"nummer": document.nummer},
    )
    return redirect(_documenten_url(verzoek))


def _bewaakt(request: HttpRequest) -> HttpResponseBase | None:
    """@werkplek's guard, written out because a file is streamed (FileResponse), not an HttpResponse."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    antwoord = poortwachters_vragen(request)
    if antwoord is not None:
        return antwoord
    vereis(request.user, WOO_DOCUMENTEN_BEOORDELEN)
    return None


def _bestand(request: HttpRequest, kenmerk: str, document_id: int, *, soort: str) -> HttpResponseBase:
    geweigerd = _bewaakt(request)
    if geweigerd is not None:
        return geweigerd
    verzoek = _verzoek_of_404(kenmerk)
    document: Document | None = selectors.document_van(verzoek, document_id)
    if document is None:
        raise Http404
    veld = document.origineel if soort == "origineel" else document.pdf
    if not veld:
        raise Http404
    with logboek.verwerking(
        naam=f"woo-document.{soort}_downloaden",
        activiteit=ACTIVITEIT,
        door=_medewerker(request),
        betrokkene=_betrokkene(verzoek),
    ):
        try:
            bestand = veld.open("rb")
        except FileNotFoundError as fout:
            raise Http404 from fout
    if soort == "origineel":
        antwoord = FileResponse(bestand, as_attachment=True, filename=document.naam)
        antwoord["Content-Type"] = document.mediatype
    else:
        naam = (
            document.naam if document.soort == "pdf" else f"{PurePath(document.naam).stem or 'document'}.pdf"
        )
        antwoord = FileResponse(bestand, as_attachment=False, filename=naam)
        antwoord["Content-Type"] = "application/pdf"
    antwoord["Cache-Control"] = "private, no-store"
    antwoord["X-Content-Type-Options"] = "nosniff"
    return antwoord


@require_GET
def document_origineel(request: HttpRequest, kenmerk: str, document_id: int) -> HttpResponseBase:
    """The original as uploaded (or as attached): back office only, never published."""
    return _bestand(request, kenmerk, document_id, soort="origineel")


@require_GET
def document_pdf(request: HttpRequest, kenmerk: str, document_id: int) -> HttpResponseBase:
    """The PDF rendition that is assessed and redacted (not the redacted copy)."""
    return _bestand(request, kenmerk, document_id, soort="pdf")


_BASIS = "werkplek/woo/verzoeken/<str:kenmerk>/documenten/"

urlpatterns: list[URLPattern] = [
    path(_BASIS, documenten, name="documenten"),
    path(f"{_BASIS}<int:document_id>/origineel/", document_origineel, name="document_origineel"),
    path(f"{_BASIS}<int:document_id>/pdf/", document_pdf, name="document_pdf"),
    path(f"{_BASIS}<int:document_id>/verwijderen/", document_verwijderen, name="document_verwijderen"),
]
