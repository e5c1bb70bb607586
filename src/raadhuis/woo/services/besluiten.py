"""The end of a Woo request: the decision with its letter, inventarislijst and bundle (Woo art. 4.4,
woo.md section 3), the withdrawal of a request, and the confirmation that the publication module
took a decision over (Woo art. 3.3 lid 2 onder i).

A decision is taken once, when everything is in order: every document approved by a second person,
every ground used motivated, every document to publish redacted and verified. The files are made
from what is stored at that moment and are not regenerated afterwards.
"""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from raadhuis.accounts.models import Medewerker
from raadhuis.core import logboek
from raadhuis.core.logboek.activiteiten import WOO_VERZOEK_BEHANDELEN as ACTIVITEIT
from raadhuis.core.rechten import vereis
from raadhuis.core.taken import na_commit
from raadhuis.core.termijnen import datum_nl
from raadhuis.woo.besluitdocumenten import afzender, besluitstukken_maken
from raadhuis.woo.models import Besluituitkomst, Verzoekstatus, WooBesluit, WooVerzoek
from raadhuis.woo.rechten import WOO_VERZOEK_BEHANDELEN
from raadhuis.woo.selectors import besluiten as selectors

__all__ = [
    "MAXIMALE_BIJLAGE",
    "besluit_mailen",
    "besluit_nemen",
    "overdracht_bevestigen",
    "verzoek_intrekken",
]

# Attachments above this size are left out of the mail; the letter says where the documents are.
MAXIMALE_BIJLAGE = 10 * 1024 * 1024


def _vergrendeld(verzoek: WooVerzoek) -> WooVerzoek:
    """The request row locked until the transaction ends: a second decision or a withdrawal at the
    same moment waits here and then finds the request closed."""
    return WooVerzoek.objects.select_for_update().get(pk=verzoek.pk)


def _datumfouten(verzoek: WooVerzoek, besluitdatum: date) -> dict[str, list[str]]:
    if besluitdatum > timezone.localdate():
        return {"besluitdatum": [_("De besluitdatum ligt in de toekomst.")]}
    if besluitdatum < verzoek.ontvangen_op:
        return {
            "besluitdatum": [
                _("De besluitdatum ligt vóór de ontvangst van het verzoek (%(datum)s).")
                % {"datum": datum_nl(verzoek.ontvangen_op)}
            ]
        }
    return {}


def _vastleggen(naam: str, verzoek: WooVerzoek, door: Medewerker) -> None:
    """The processing in the logboek (AVG art. 30; BIO 12.4), last in the service's transaction,
    as services.verzoeken does: the requester is the data subject when known by BSN."""
    logboek.vastleggen(
        naam=naam,
        activiteit=ACTIVITEIT,
        betrokkene=("BSN", verzoek.bsn) if verzoek.bsn else None,
        door=door,
    )


@transaction.atomic
def besluit_nemen(
    verzoek: WooVerzoek, *, besluitdatum: date, toelichting: str, ondertekenaar: str, door: Medewerker
) -> WooBesluit:
    """Takes the decision on the request (Woo art. 4.4 lid 1) and generates its files.

    Refused, with nothing changed, when the request is closed; when a non-duplicate document is not
    approved (four eyes); when a ground used has no motivation (Awb 3:46); when a document to
    publish has no redacted PDF that passed verification (woo.md, section 7); when the decision date
    lies before the receipt or in the future; or without a signatory. The outcome follows from the
    documents; the disclosure date is the decision date, or two weeks later when a third party is
    expected to object (Woo art. 4.4 lid 5). The requester gets the decision by e-mail once it is
    committed, when an address is known."""
    vereis(door, WOO_VERZOEK_BEHANDELEN)
    verzoek = _vergrendeld(verzoek)
    ondertekenaar = ondertekenaar.strip()
    toelichting = toelichting.strip()
    regels = selectors.inventaris(verzoek)
    fouten: dict[str, list[str]] = {}
    for belemmering in selectors.belemmeringen(verzoek, regels):
        fouten.setdefault(belemmering.veld, []).append(belemmering.melding)
    if "status" not in fouten:
        fouten |= _datumfouten(verzoek, besluitdatum)
        if not ondertekenaar:
            fouten["ondertekenaar"] = [_("Vul in wie het besluit namens het bestuursorgaan ondertekent.")]
        elif len(ondertekenaar) > 200:
            fouten["ondertekenaar"] = [_("De naam van de ondertekenaar heeft ten hoogste 200 tekens.")]
        if len(toelichting) > 10000:
            fouten["toelichting"] = [_("De toelichting heeft ten hoogste 10.000 tekens.")]
    if fouten:
        raise ValidationError(fouten)
    uitkomst = selectors.uitkomst_van(regels)
    openbaarmaking_op = selectors.openbaarmakingsdatum(verzoek, besluitdatum)
    derden = selectors.derden_bij_besluit(verzoek)
    stukken = besluitstukken_maken(
        verzoek,
        besluitdatum=besluitdatum,
        toelichting=toelichting,
        ondertekenaar=ondertekenaar,
        uitkomst=uitkomst,
        openbaarmaking_op=openbaarmaking_op,
        regels=regels,
        gronden=selectors.grondregels(verzoek, regels),
        derden=derden,
    )
    besluit = WooBesluit(
        verzoek=verzoek,
        besluitdatum=besluitdatum,
        uitkomst=uitkomst,
        toelichting=toelichting,
        ondertekenaar=ondertekenaar,
        openbaarmaking_op=openbaarmaking_op,
        besloten_door=door,
    )
    kenmerk = verzoek.kenmerk.lower()
    bestanden = (
        (besluit.besluitbrief, f"besluit-{kenmerk}.pdf", stukken.brief),
        (besluit.inventarislijst_pdf, f"inventarislijst-{kenmerk}.pdf", stukken.inventarislijst_pdf),
        (besluit.inventarislijst_csv, f"inventarislijst-{kenmerk}.csv", stukken.inventarislijst_csv),
        (besluit.bundel, f"besluit-{kenmerk}.zip", stukken.bundel),
    )
    try:
        for veld, naam, inhoud in bestanden:
            veld.save(naam, ContentFile(inhoud), save=False)
        besluit.save(force_insert=True)
        verzoek.status = Verzoekstatus.BESLOTEN
        verzoek.besloten_op = besluitdatum
        verzoek.save(update_fields=["status", "besloten_op"])
        if verzoek.emailadres:
            na_commit(besluit_mailen, besluit_id=besluit.pk)
        _vastleggen("woo-verzoek.besluiten", verzoek, door)
    except BaseException:
        # The files are written outside the database: a rollback would leave them orphaned.
        for veld, _naam, _inhoud in bestanden:
            if veld.name:
                veld.storage.delete(veld.name)
        raise
    return besluit


@task()
def besluit_mailen(*, besluit_id: int) -> bool:
    """Sends the decision to the requester (enqueued on commit): the letter and the inventarislijst
    attached, and the bundle of released documents when they go out now and the ZIP is not too big
    for mail; otherwise the mail says when they are published."""
    besluit = WooBesluit.objects.select_related("verzoek").filter(pk=besluit_id).first()
    if besluit is None or not besluit.verzoek.emailadres:
        return False
    verzoek = besluit.verzoek
    # Documents are released only with an outcome that releases some, and not before the
    # disclosure date (Woo art. 4.4 lid 5).
    documenten_vrij = besluit.uitkomst in (Besluituitkomst.GEHEEL_OPENBAAR, Besluituitkomst.DEELS_OPENBAAR)
    documenten_bijgevoegd = (
        documenten_vrij
        and besluit.openbaarmaking_op <= besluit.besluitdatum
        and besluit.bundel.size <= MAXIMALE_BIJLAGE
    )
    with translation.override("nl"):
        onderwerp = _("Besluit op uw Woo-verzoek (%(kenmerk)s)") % {"kenmerk": verzoek.kenmerk}
        tekst = render_to_string(
            "woo/mail/besluit.txt",
            {
                "verzoek": verzoek,
                "besluit": besluit,
                "uitkomst": besluit.get_uitkomst_display(),
                "besluitdatum": datum_nl(besluit.besluitdatum),
                "openbaarmaking_op": datum_nl(besluit.openbaarmaking_op),
                "uitgesteld": besluit.openbaarmaking_op > besluit.besluitdatum,
                "documenten_bijgevoegd": documenten_bijgevoegd,
                "documenten_vrij": documenten_vrij,
                "afzender": afzender(),
                "site": settings.RAADHUIS_BASIS_URL,
            },
        )
    bericht = EmailMessage(subject=onderwerp[:200], body=tekst, to=[verzoek.emailadres])
    kenmerk = verzoek.kenmerk.lower()
    with besluit.besluitbrief.open("rb") as bestand:
        bericht.attach(f"besluit-{kenmerk}.pdf", bestand.read(), "application/pdf")
    with besluit.inventarislijst_pdf.open("rb") as bestand:
        bericht.attach(f"inventarislijst-{kenmerk}.pdf", bestand.read(), "application/pdf")
    if documenten_bijgevoegd:
        with besluit.bundel.open("rb") as bestand:
            bericht.attach(f"besluit-{kenmerk}.zip", bestand.read(), "application/zip")
    bericht.send()
    return True


@transaction.atomic
def verzoek_intrekken(verzoek: WooVerzoek, *, op: date, toelichting: str, door: Medewerker) -> WooVerzoek:
    """Records that the requester withdrew the request on `op` (by letter, e-mail or phone): the
    decision term stops and no decision follows. Refused when the request is already decided or
    withdrawn, and for a date before receipt or in the future."""
    vereis(door, WOO_VERZOEK_BEHANDELEN)
    verzoek = _vergrendeld(verzoek)
    if verzoek.is_afgesloten:
        raise ValidationError(
            {
                "status": _("Het verzoek is %(status)s; het kan niet meer worden ingetrokken.")
                % {"status": verzoek.get_status_display().lower()}
            }
        )
    if op > timezone.localdate():
        raise ValidationError({"op": _("De datum van intrekking ligt in de toekomst.")})
    if op < verzoek.ontvangen_op:
        raise ValidationError(
            {
                "op": _("Een verzoek kan niet zijn ingetrokken vóór het is ontvangen (%(datum)s).")
                % {"datum": datum_nl(verzoek.ontvangen_op)}
            }
        )
    toelichting = toelichting.strip()
    if len(toelichting) > 2000:
        raise ValidationError({"toelichting": _("De toelichting heeft ten hoogste 2000 tekens.")})
    verzoek.status = Verzoekstatus.INGETROKKEN
    verzoek.ingetrokken_op = op
    verzoek.intrekking_toelichting = toelichting
    verzoek.save(update_fields=["status", "ingetrokken_op", "intrekking_toelichting"])
    _vastleggen("woo-verzoek.intrekken", verzoek, door)
    return verzoek


@transaction.atomic
def overdracht_bevestigen(besluit: WooBesluit, *, op: datetime | None = None) -> WooBesluit:
    """The publication module confirms it took the decision over (category 2i) at `op` (default
    now). Refused before the disclosure date (Woo art. 4.4 lid 5: not before two weeks after the
    decision when a third party is expected to object); confirming twice keeps the first moment."""
    besluit = WooBesluit.objects.select_for_update().select_related("verzoek").get(pk=besluit.pk)
    moment = op or timezone.now()
    if besluit.overgedragen_op is not None:
        return besluit
    if timezone.localdate(moment) < besluit.openbaarmaking_op:
        raise ValidationError(
            {
                "op": _("Dit besluit mag pas op %(datum)s openbaar worden gemaakt.")
                % {"datum": datum_nl(besluit.openbaarmaking_op)}
            }
        )
    besluit.overgedragen_op = moment
    # Not logged as a processing of personal data: what is handed over names no requester and
    # holds only redacted documents.
    besluit.save(update_fields=["overgedragen_op"])
    return besluit
