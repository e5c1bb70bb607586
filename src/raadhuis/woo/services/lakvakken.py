"""Every write to the boxes (lakvakken) of Woo documents and to the list of names that stay visible.

A box withholds one passage on one page with its ground (Woo art. 5.1, 5.2). Boxes come three
ways: proposed automatically for personal data (`voorstellen_maken`, ground 5.1.2e, or 5.1.1e for
the BSN), found with a search term over every document of the request (`zoekterm_lakken`), or
drawn by the assessor on the page view (`lakvak_tekenen`). A person accepts or rejects every
proposal (issue 9, point 5); one decision is carried to the same datum in every document of the
request, so one person is treated the same throughout. Only accepted boxes are applied when the
assessment is approved (`raadhuis.woo.services.beoordeling`, four eyes).

Nothing changes once the document is approved or the request is decided or withdrawn. Employees
need WOO_DOCUMENTEN_BEOORDELEN (the visible names: WOO_ZICHTBARE_NAMEN_BEHEREN); every change is
logged in the logboek, last in its transaction.
"""

from __future__ import annotations

import math
import re

import pymupdf
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.accounts.models import Medewerker
from raadhuis.core import logboek
from raadhuis.core.logboek.activiteiten import WOO_VERZOEK_BEHANDELEN as ACTIVITEIT
from raadhuis.core.rechten import vereis
from raadhuis.woo import gronden, lakken
from raadhuis.woo.models import (
    Beoordelingsstatus,
    Document,
    Herkomst,
    Lakvak,
    Vakstatus,
    WooVerzoek,
    ZichtbareNaam,
)
from raadhuis.woo.rechten import WOO_DOCUMENTEN_BEOORDELEN, WOO_ZICHTBARE_NAMEN_BEHEREN
from raadhuis.woo.selectors.documenten import pdf_van
from raadhuis.woo.selectors.lakvakken import (
    bekende_namen,
    beslissingen_elders,
    vaksleutel,
    zichtbare_namen,
)

__all__ = [
    "HANDMATIG",
    "SCANNER",
    "lakvak_beoordelen",
    "lakvak_tekenen",
    "lakvak_verwijderen",
    "voorstellen_maken",
    "zichtbare_naam_toevoegen",
    "zichtbare_naam_verwijderen",
    "zoekterm_lakken",
]

# The actor of the automatic scan after an upload (no person acts).
SCANNER = logboek.Systeemproces(naam="woo-documenten-scannen")
# `Lakvak.soort` of a box a person drew or found with a search term.
HANDMATIG = "handmatig"
# A box smaller than this (in points) covers nothing a reader could see; it is a slip of the mouse.
MINIMALE_ZIJDE = 2.0
# Room for rounding when a box is dragged up to the page edge.
_MARGE = 0.01

Rechthoek = tuple[float, float, float, float]


def _vastleggen(naam: str, door: Medewerker | logboek.Systeemproces) -> None:
    """The processing in the logboek (AVG art. 30; BIO 12.4), last in the service's transaction.
    The people in a document are not identified by a number, so no betrokkene is recorded."""
    logboek.vastleggen(naam=naam, activiteit=ACTIVITEIT, betrokkene=None, door=door)


def _vergrendeld(document: Document) -> Document:
    """The document row locked for the rest of the transaction, fresh from the database, with its
    request: two assessors working on one document queue here."""
    return Document.objects.select_for_update(of=("self",)).select_related("verzoek").get(pk=document.pk)


def _bewerkbaar(document: Document) -> None:
    """Boxes change only while the request is open and the document not approved: the approved
    redaction is what gets published (Woo art. 5.1; issue 9, point 6)."""
    verzoek = document.verzoek
    if verzoek.is_afgesloten:
        raise ValidationError(
            {
                "status": _("Het verzoek is %(status)s; de lakvakken veranderen niet meer.")
                % {"status": verzoek.get_status_display().lower()}
            }
        )
    if document.beoordelingsstatus == Beoordelingsstatus.GOEDGEKEURD:
        raise ValidationError(
            {
                "document": _("Document %(nummer)s is goedgekeurd; de lakvakken veranderen niet meer.")
                % {"nummer": document.nummer or document.pk}
            }
        )


def _grond(code: str, veld: str = "grond") -> str:
    """The normalised code of a ground of the Woo (chapter 5), or a ValidationError on `veld`."""
    try:
        return gronden.grond(code).code
    except KeyError:
        raise ValidationError(
            {veld: _("Kies een weigeringsgrond uit de Woo (artikel 5.1 of 5.2).")}
        ) from None


def _motivering(motivering: str) -> str:
    motivering = motivering.strip()
    if len(motivering) > 2000:
        raise ValidationError({"motivering": _("Een motivering heeft ten hoogste 2000 tekens.")})
    return motivering


def _afgerond(rechthoek: Rechthoek) -> Rechthoek:
    x0, y0, x1, y1 = rechthoek
    return (round(x0, 1), round(y0, 1), round(x1, 1), round(y1, 1))


def _met_oppervlak(rechthoek: Rechthoek) -> Rechthoek:
    """A box with area: a character box can be flat (a rule, a zero-height glyph); it is widened
    rather than dropped, since a dropped box would leave the passage readable."""
    x0, y0, x1, y1 = rechthoek
    return (x0, y0, max(x1, x0 + 0.5), max(y1, y0 + 0.5))


def _openen(inhoud: bytes) -> pymupdf.Document:
    return pymupdf.open(stream=inhoud, filetype="pdf")  # type: ignore[no-untyped-call]


# --- automatic suggestions ----------------------------------------------------------------------


def voorstellen_maken(document: Document) -> int:
    """Proposes a box for every piece of personal data in the document's PDF (issue 9, point 5):
    ground 5.1.1e for the BSN (Woo art. 5.1 lid 1 e), 5.1.2e for the rest (art. 5.1 lid 2 e).

    Officials on the visible list and members of the raad and college are not proposed. Names
    proposed or accepted in the request's other documents are looked for here too, and a datum
    already decided elsewhere in the request gets that decision (a name rejected elsewhere comes
    in rejected), so one person is treated the same throughout. A re-run replaces only the
    automatic proposals nobody decided on yet. Run by the scan task after an upload (a system
    process, no person); returns the number of boxes made. An approved document, or one of a
    closed request, is left as it is (0)."""
    # The scan takes seconds (deduce): outside the transaction, so no row stays locked meanwhile.
    inhoud = pdf_van(document)
    waarschuwing = ""
    redacties: list[lakken.Redactie] = []
    if inhoud:
        try:
            redacties = lakken.suggesties(
                inhoud, zichtbare_namen=zichtbare_namen(), bekende_namen=bekende_namen(document)
            )
        except ValueError as fout:
            waarschuwing = _("Geen lakvoorstellen gemaakt: %(reden)s") % {"reden": fout}
    with transaction.atomic():
        document = _vergrendeld(document)
        if document.verzoek.is_afgesloten or document.beoordelingsstatus == Beoordelingsstatus.GOEDGEKEURD:
            return 0
        beslist = beslissingen_elders(document)
        automatisch = Lakvak.objects.filter(document=document, herkomst=Herkomst.AUTOMATISCH)
        automatisch.filter(status=Vakstatus.VOORGESTELD).delete()
        # Boxes someone already decided on stay as they are and are not proposed again.
        bekend = {(vak.pagina, _afgerond(vak.rechthoek), vak.tekst) for vak in automatisch}
        nu = timezone.now()
        nieuw: list[Lakvak] = []
        for redactie in redacties:
            sleutel = (redactie.pagina, _afgerond(redactie.rechthoek), redactie.tekst)
            if sleutel in bekend:
                continue
            bekend.add(sleutel)
            status = beslist.get(vaksleutel(redactie.soort, redactie.tekst), Vakstatus.VOORGESTELD)
            x0, y0, x1, y1 = _met_oppervlak(redactie.rechthoek)
            nieuw.append(
                Lakvak(
                    document=document,
                    pagina=redactie.pagina,
                    x0=x0,
                    y0=y0,
                    x1=x1,
                    y1=y1,
                    tekst=redactie.tekst,
                    soort=redactie.soort,
                    grond=redactie.grond,
                    herkomst=Herkomst.AUTOMATISCH,
                    status=status,
                    motivering=""
                    if status == Vakstatus.VOORGESTELD
                    else _("Dezelfde beslissing als elders in dit verzoek."),
                    beoordeeld_op=None if status == Vakstatus.VOORGESTELD else nu,
                )
            )
        Lakvak.objects.bulk_create(nieuw)
        document.gescand_op = nu
        velden = ["gescand_op"]
        if waarschuwing and waarschuwing not in document.waarschuwingen:
            document.waarschuwingen = [*document.waarschuwingen, waarschuwing]
            velden.append("waarschuwingen")
        document.save(update_fields=velden)
        _vastleggen("woo-document.lakvoorstellen-maken", SCANNER)
    return len(nieuw)


# --- the assessor's decisions -------------------------------------------------------------------


def lakvak_beoordelen(
    lakvak: Lakvak, *, status: str, door: Medewerker, overal: bool = True, motivering: str = ""
) -> int:
    """Accepts (geaccepteerd: the passage is withheld) or rejects (afgewezen: it stays readable)
    a box. With `overal` the same decision goes to every box still proposed for the same datum
    (kind and normalised text) in all documents of the request that can still change, so one
    person is treated the same throughout (issue 9, point 5). Returns the number of boxes decided."""
    vereis(door, WOO_DOCUMENTEN_BEOORDELEN)
    if status not in {Vakstatus.GEACCEPTEERD, Vakstatus.AFGEWEZEN}:
        raise ValidationError({"status": _("Kies of het vak gelakt wordt of niet.")})
    motivering = _motivering(motivering)
    with transaction.atomic():
        document = _vergrendeld(lakvak.document)
        _bewerkbaar(document)
        vak = Lakvak.objects.select_for_update().get(pk=lakvak.pk)
        nu = timezone.now()
        te_beslissen = [vak]
        if overal:
            sleutel = vaksleutel(vak.soort, vak.tekst)
            anderen = (
                Lakvak.objects.select_for_update(of=("self",))
                .filter(
                    document__verzoek_id=document.verzoek_id,
                    status=Vakstatus.VOORGESTELD,
                    soort=vak.soort,
                )
                .exclude(pk=vak.pk)
                .exclude(document__beoordelingsstatus=Beoordelingsstatus.GOEDGEKEURD)
            )
            te_beslissen += [ander for ander in anderen if vaksleutel(ander.soort, ander.tekst) == sleutel]
        for beslist in te_beslissen:
            beslist.status = status
            beslist.beoordeeld_door = door
            beslist.beoordeeld_op = nu
            beslist.motivering = motivering
        Lakvak.objects.bulk_update(te_beslissen, ["status", "beoordeeld_door", "beoordeeld_op", "motivering"])
        _vastleggen("woo-lakvak.beoordelen", door)
    lakvak.refresh_from_db()
    return len(te_beslissen)


def _woorden_onder(pagina: pymupdf.Page, vak: Rechthoek) -> str:
    """The words more than half under the box: what the redaction removes and the verification
    then looks for (`raadhuis.woo.lakken.verifieren`)."""
    woorden = []
    for x0, y0, x1, y1, woord, *_rest in pagina.get_text("words", sort=True):  # type: ignore[no-untyped-call]
        breedte = min(x1, vak[2]) - max(x0, vak[0])
        hoogte = min(y1, vak[3]) - max(y0, vak[1])
        if breedte > 0 and hoogte > 0 and breedte * hoogte > 0.5 * (x1 - x0) * (y1 - y0):
            woorden.append(str(woord))
    return " ".join(woorden)


def _rechthoek_toetsen(
    x0: float, y0: float, x1: float, y1: float, *, breedte: float, hoogte: float
) -> dict[str, str]:
    """Per field what is wrong with a box on a page of breedte × hoogte points (as shown)."""
    fouten: dict[str, str] = {}
    waarden = {"x0": x0, "y0": y0, "x1": x1, "y1": y1}
    for veld, waarde in waarden.items():
        if not math.isfinite(waarde):
            fouten[veld] = _("Vul een getal in.")
    if fouten:
        return fouten
    for veld, waarde, maat in (
        ("x0", x0, breedte),
        ("x1", x1, breedte),
        ("y0", y0, hoogte),
        ("y1", y1, hoogte),
    ):
        if waarde < -_MARGE or waarde > maat + _MARGE:
            fouten[veld] = _("Dit punt ligt buiten de pagina (0 tot %(maat)s punten).") % {
                "maat": f"{maat:.0f}"
            }
    if "x1" not in fouten and "x0" not in fouten:
        if x1 <= x0:
            fouten["x1"] = _("De rechterkant moet rechts van de linkerkant liggen.")
        elif x1 - x0 < MINIMALE_ZIJDE:
            fouten["x1"] = _("Een lakvak is minstens %(minimum)s punten breed.") % {"minimum": "2"}
    if "y1" not in fouten and "y0" not in fouten:
        if y1 <= y0:
            fouten["y1"] = _("De onderkant moet onder de bovenkant liggen.")
        elif y1 - y0 < MINIMALE_ZIJDE:
            fouten["y1"] = _("Een lakvak is minstens %(minimum)s punten hoog.") % {"minimum": "2"}
    return fouten


def lakvak_tekenen(
    document: Document,
    *,
    pagina: int,
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    grond: str,
    motivering: str = "",
    door: Medewerker,
) -> Lakvak:
    """A box the assessor draws (over a signature, an image, a passage the scan missed), accepted
    at once with its ground (Woo art. 5.1, 5.2). The coordinates are in points of the page as it
    is shown on the page view, origin top left (for a page without rotation the same as
    `raadhuis.woo.lakken.Redactie`); the box is stored in the PDF's own page coordinates. It must
    lie on the page and be at least 2 × 2 points."""
    vereis(door, WOO_DOCUMENTEN_BEOORDELEN)
    fouten: dict[str, str] = {}
    try:
        code = _grond(grond)
    except ValidationError as fout:
        fouten |= {veld: meldingen[0] for veld, meldingen in fout.message_dict.items()}
        code = ""
    try:
        motivering = _motivering(motivering)
    except ValidationError as fout:
        fouten |= {veld: meldingen[0] for veld, meldingen in fout.message_dict.items()}
    with transaction.atomic():
        document = _vergrendeld(document)
        _bewerkbaar(document)
        inhoud = pdf_van(document)
        if not inhoud:
            raise ValidationError({"pagina": _("Dit document heeft geen PDF om op te lakken.")})
        with _openen(inhoud) as pdf:
            if not 1 <= pagina <= pdf.page_count:
                fouten["pagina"] = _(
                    "Dit document heeft geen pagina %(pagina)s (1 tot en met %(aantal)s)."
                ) % {
                    "pagina": pagina,
                    "aantal": pdf.page_count,
                }
                raise ValidationError(fouten)
            pdfpagina = pdf[pagina - 1]
            fouten |= _rechthoek_toetsen(
                x0, y0, x1, y1, breedte=pdfpagina.rect.width, hoogte=pdfpagina.rect.height
            )
            if fouten:
                raise ValidationError(fouten)
            getoond = pymupdf.Rect(max(x0, 0.0), max(y0, 0.0), x1, y1)  # type: ignore[no-untyped-call]
            opgeslagen = getoond * pdfpagina.derotation_matrix
            opgeslagen.normalize()
            rechthoek: Rechthoek = (opgeslagen.x0, opgeslagen.y0, opgeslagen.x1, opgeslagen.y1)
            tekst = _woorden_onder(pdfpagina, rechthoek)
        vak = Lakvak.objects.create(
            document=document,
            pagina=pagina,
            x0=rechthoek[0],
            y0=rechthoek[1],
            x1=rechthoek[2],
            y1=rechthoek[3],
            tekst=tekst,
            soort=HANDMATIG,
            grond=code,
            herkomst=Herkomst.GETEKEND,
            status=Vakstatus.GEACCEPTEERD,
            motivering=motivering,
            beoordeeld_door=door,
            beoordeeld_op=timezone.now(),
        )
        _vastleggen("woo-lakvak.tekenen", door)
    return vak


def _zoekpatroon(term: str) -> re.Pattern[str]:
    """The term as whole words, any case, any whitespace (a line break too) between its words."""
    woorden = term.split()
    return re.compile(
        r"(?<!\w)" + r"\s+".join(re.escape(woord) for woord in woorden) + r"(?!\w)", re.IGNORECASE
    )


def zoekterm_lakken(verzoek: WooVerzoek, *, term: str, grond: str, door: Medewerker) -> int:
    """Withholds every occurrence of `term` (whole words, any case) in all documents of the
    request with the ground given (Woo art. 5.1, 5.2): an accepted box per line it occupies,
    `herkomst` zoekterm. Approved documents are left alone (their redaction is final). Running
    the same term again adds nothing twice. Returns the number of boxes made."""
    vereis(door, WOO_DOCUMENTEN_BEOORDELEN)
    term = " ".join(term.split())
    fouten: dict[str, str] = {}
    if sum(teken.isalnum() for teken in term) < 2:
        fouten["term"] = _("Geef een zoekterm van minstens twee letters of cijfers.")
    elif len(term) > 200:
        fouten["term"] = _("Een zoekterm heeft ten hoogste 200 tekens.")
    try:
        code = _grond(grond)
    except ValidationError as fout:
        fouten |= {veld: meldingen[0] for veld, meldingen in fout.message_dict.items()}
    if fouten:
        raise ValidationError(fouten)
    patroon = _zoekpatroon(term)
    with transaction.atomic():
        verzoek = WooVerzoek.objects.select_for_update().get(pk=verzoek.pk)
        if verzoek.is_afgesloten:
            raise ValidationError(
                {
                    "term": _("Het verzoek is %(status)s; de lakvakken veranderen niet meer.")
                    % {"status": verzoek.get_status_display().lower()}
                }
            )
        documenten = (
            Document.objects.select_for_update()
            .filter(verzoek=verzoek)
            .exclude(beoordelingsstatus=Beoordelingsstatus.GOEDGEKEURD)
            .exclude(pdf="")
            .order_by("volgorde", "id")
        )
        nu = timezone.now()
        nieuw: list[Lakvak] = []
        for document in documenten:
            try:
                treffers = lakken.zoeken(pdf_van(document), patroon, soort=HANDMATIG)
            except ValueError:
                continue
            bestaand = {
                (vak.pagina, _afgerond(vak.rechthoek))
                for vak in Lakvak.objects.filter(document=document, status=Vakstatus.GEACCEPTEERD)
            }
            for nummer, tekst, gevonden in treffers:
                rechthoek = _met_oppervlak(gevonden)
                if (nummer, _afgerond(rechthoek)) in bestaand:
                    continue
                bestaand.add((nummer, _afgerond(rechthoek)))
                x0, y0, x1, y1 = rechthoek
                nieuw.append(
                    Lakvak(
                        document=document,
                        pagina=nummer,
                        x0=x0,
                        y0=y0,
                        x1=x1,
                        y1=y1,
                        tekst=tekst,
                        soort=HANDMATIG,
                        grond=code,
                        herkomst=Herkomst.ZOEKTERM,
                        status=Vakstatus.GEACCEPTEERD,
                        beoordeeld_door=door,
                        beoordeeld_op=nu,
                    )
                )
        Lakvak.objects.bulk_create(nieuw)
        _vastleggen("woo-lakvak.zoekterm", door)
    return len(nieuw)


def lakvak_verwijderen(lakvak: Lakvak, *, door: Medewerker) -> None:
    """Removes a box a person drew or found with a search term. An automatic proposal is not
    removed but rejected (`lakvak_beoordelen`), so the decision not to withhold stays on record."""
    vereis(door, WOO_DOCUMENTEN_BEOORDELEN)
    with transaction.atomic():
        document = _vergrendeld(lakvak.document)
        _bewerkbaar(document)
        vak = Lakvak.objects.select_for_update().filter(pk=lakvak.pk, document=document).first()
        if vak is None:
            raise ValidationError({"lakvak": _("Dit lakvak bestaat niet meer.")})
        if vak.herkomst == Herkomst.AUTOMATISCH:
            raise ValidationError(
                {"lakvak": _("Een automatisch voorstel verwijdert u niet; kies ‘Niet lakken’.")}
            )
        vak.delete()
        _vastleggen("woo-lakvak.verwijderen", door)


# --- the names that stay visible ----------------------------------------------------------------


def zichtbare_naam_toevoegen(*, naam: str, functie: str = "", door: Medewerker) -> ZichtbareNaam:
    """Adds an official whose name stays visible when acting in their function (woo.md,
    section 8): never proposed as a redaction in documents scanned from now on."""
    vereis(door, WOO_ZICHTBARE_NAMEN_BEHEREN)
    naam, functie = " ".join(naam.split()), " ".join(functie.split())
    fouten: dict[str, str] = {}
    if len(naam) < 2:
        fouten["naam"] = _("Vul de naam in zoals die in documenten staat, bijvoorbeeld ‘Karin Smit’.")
    elif len(naam) > 200:
        fouten["naam"] = _("Een naam heeft ten hoogste 200 tekens.")
    if len(functie) > 200:
        fouten["functie"] = _("Een functie heeft ten hoogste 200 tekens.")
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        if ZichtbareNaam.objects.filter(naam__iexact=naam).exists():
            raise ValidationError({"naam": _("Deze naam staat al op de lijst.")})
        zichtbaar = ZichtbareNaam.objects.create(naam=naam, functie=functie, toegevoegd_door=door)
        _vastleggen("woo-zichtbare-naam.toevoegen", door)
    return zichtbaar


def zichtbare_naam_verwijderen(zichtbare_naam: ZichtbareNaam, *, door: Medewerker) -> None:
    """Takes a name off the list: documents scanned from now on propose it again."""
    vereis(door, WOO_ZICHTBARE_NAMEN_BEHEREN)
    with transaction.atomic():
        ZichtbareNaam.objects.filter(pk=zichtbare_naam.pk).delete()
        _vastleggen("woo-zichtbare-naam.verwijderen", door)
