"""Every write to the documents in scope of a Woo request (issue 9, point 3): adding uploads with
their attachments, removing them, and keeping the inventory (numbers, exact and near duplicates)
right for the whole request.

An upload becomes inventory items through `raadhuis.woo.documentverwerking.verwerken`; every item
is stored as a `Document` with its original and a PDF rendition (`raadhuis.woo.conversie`). The
inventory of the whole request is recomputed after every change: the numbers follow the dates, so
they move until the decision (the URLs use the id). Then the PII scan of part B runs in the
background (`documenten_scannen`, after commit).

The documents fall under Woo art. 4.1 lid 1 ("documenten over een bestuurlijke aangelegenheid")
and are listed in the inventarislijst of the decision (Woo art. 4.4; woo.md, section 3). Only
people with WOO_DOCUMENTEN_BEOORDELEN add or remove them, and only while the request is open.
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from raadhuis.accounts.models import Medewerker
from raadhuis.core import logboek
from raadhuis.core.logboek.activiteiten import WOO_VERZOEK_BEHANDELEN as ACTIVITEIT
from raadhuis.core.opslag import prive_opslag
from raadhuis.core.rechten import vereis
from raadhuis.core.taken import na_commit
from raadhuis.woo import conversie, documentverwerking
from raadhuis.woo.models import Beoordelingsstatus, Document, WooVerzoek
from raadhuis.woo.rechten import WOO_DOCUMENTEN_BEOORDELEN

__all__ = [
    "bestanden_toevoegen",
    "document_verwijderen",
    "documenten_scannen",
    "documenten_toevoegen",
    "inventaris_bijwerken",
]

logger = logging.getLogger(__name__)

# Assessment progress: when identical documents are found, the one furthest along stays the original.
_VOORTGANG = {
    Beoordelingsstatus.TE_BEOORDELEN: 0,
    Beoordelingsstatus.TER_CONTROLE: 1,
    Beoordelingsstatus.GOEDGEKEURD: 2,
}


def _vastleggen(naam: str, verzoek: WooVerzoek, door: Medewerker) -> None:
    """The processing in the logboek (AVG art. 30; BIO 12.4): the documents hold personal data of
    the requester and others. Last in the service's transaction."""
    logboek.vastleggen(
        naam=naam,
        activiteit=ACTIVITEIT,
        betrokkene=("BSN", verzoek.bsn) if verzoek.bsn else None,
        door=door,
    )


def _vergrendeld(verzoek: WooVerzoek) -> WooVerzoek:
    """The request row locked for the rest of the transaction: two uploads at the same moment
    renumber the inventory one after the other, not over each other."""
    return WooVerzoek.objects.select_for_update().get(pk=verzoek.pk)


def _open(verzoek: WooVerzoek) -> None:
    if verzoek.is_afgesloten:
        raise ValidationError(
            {
                "bestand": _("Het verzoek is %(status)s; de documenten veranderen niet meer.")
                % {"status": verzoek.get_status_display().lower()}
            }
        )


# --- adding -------------------------------------------------------------------------------------


def documenten_toevoegen(
    verzoek: WooVerzoek, *, naam: str, inhoud: bytes, door: Medewerker
) -> list[Document]:
    """Adds one upload (a PDF, an e-mail with its attachments, an image, text or an office file)
    to the request: one Document per item, the upload first. A ValidationError on `bestand` from
    `documentverwerking.verwerken` passes through unchanged; nothing is stored then."""
    return bestanden_toevoegen(verzoek, bestanden=[(naam, inhoud)], door=door)


def bestanden_toevoegen(
    verzoek: WooVerzoek, *, bestanden: Sequence[tuple[str, bytes]], door: Medewerker
) -> list[Document]:
    """Adds several uploads at once, all or nothing: when one is refused none is stored and the
    message (on `bestand`) names the file. Files written before a refusal are removed again.

    Reading and converting (LibreOffice, OCR: seconds each) happen before the transaction, so
    the request's row is locked only while the rows are written and the inventory renumbered."""
    vereis(door, WOO_DOCUMENTEN_BEOORDELEN)
    if not bestanden:
        raise ValidationError({"bestand": _("Kies een of meer bestanden.")})
    # Said before the conversion work; checked again under the lock.
    _open(WooVerzoek.objects.get(pk=verzoek.pk))
    voorbereid: list[tuple[documentverwerking.Bronstuk, conversie.Weergave]] = []
    for naam, inhoud in bestanden:
        # The source id: upload time first, so the inventory keeps undated uploads in upload order.
        bron = f"{timezone.now():%Y%m%d%H%M%S%f}-{uuid.uuid4().hex[:6]}"
        try:
            items = documentverwerking.verwerken(naam, inhoud, bron=bron)
        except ValidationError as fout:
            if len(bestanden) == 1:
                raise
            raise ValidationError({"bestand": [f"{naam}: {melding}" for melding in fout.messages]}) from fout
        voorbereid.extend((item, conversie.pdf_weergave(item)) for item in items)
    geschreven: list[str] = []
    try:
        return _opslaan(verzoek, voorbereid, door, geschreven)
    except BaseException:
        # The rows are rolled back; the files are not part of the transaction and go by hand.
        opslag = prive_opslag()
        for naam in geschreven:
            opslag.delete(naam)
        raise


@transaction.atomic
def _opslaan(
    verzoek: WooVerzoek,
    voorbereid: Sequence[tuple[documentverwerking.Bronstuk, conversie.Weergave]],
    door: Medewerker,
    geschreven: list[str],
) -> list[Document]:
    """One Document per item, parents before their attachments (verwerken's order); then the
    inventory of the whole request, the log entry and the scan after commit."""
    verzoek = _vergrendeld(verzoek)
    _open(verzoek)
    per_sleutel: dict[str, Document] = {}
    nieuw: list[Document] = []
    for item, weergave in voorbereid:
        document = Document(
            verzoek=verzoek,
            sleutel=item.sleutel,
            ouder=per_sleutel.get(item.ouder) if item.ouder else None,
            naam=item.naam[:255],
            titel=item.titel[:500],
            soort=item.soort,
            mediatype=item.mediatype[:150],
            datum=item.datum,
            afzender=item.afzender[:500],
            ontvangers=list(item.ontvangers),
            bericht_id=item.bericht_id[:500],
            verwijzingen=list(item.verwijzingen),
            tekst=weergave.tekst if weergave.tekst is not None else item.tekst,
            sha256=item.sha256,
            grootte=item.grootte,
            paginas=weergave.paginas,
            ocr_nodig=weergave.ocr_nodig,
            pdf_conversie_nodig=weergave.pdf_conversie_nodig,
            waarschuwingen=list(weergave.waarschuwingen),
            toegevoegd_door=door,
        )
        document.origineel.save(item.naam, ContentFile(item.inhoud), save=False)
        geschreven.append(document.origineel.name or "")
        if item.soort == documentverwerking.PDF:
            # A PDF is its own rendition: one file, not two copies of what may be 100 MB.
            document.pdf.name = document.origineel.name
        elif weergave.pdf is not None:
            document.pdf.save(f"{item.naam}.pdf", ContentFile(weergave.pdf), save=False)
            geschreven.append(document.pdf.name or "")
        document.save()
        per_sleutel[item.sleutel] = document
        nieuw.append(document)
    inventaris_bijwerken(verzoek, nieuw=nieuw)
    _vastleggen("woo-documenten.toevoegen", verzoek, door)
    te_scannen = [document.pk for document in nieuw if document.pdf]
    if te_scannen:
        na_commit(documenten_scannen, te_scannen)
    # Read again: the numbers and duplicates were set on the request's full list.
    vers = Document.objects.in_bulk([document.pk for document in nieuw])
    return [vers[document.pk] for document in nieuw]


# --- the inventory ----------------------------------------------------------------------------------


def _als_bronstuk(document: Document, sleutels: dict[int, str]) -> documentverwerking.Bronstuk:
    """A stored Document as the item documentverwerking numbers (without its bytes)."""
    bron, _hekje, pad = document.sleutel.partition("#")
    return documentverwerking.Bronstuk(
        sleutel=document.sleutel,
        bron=bron,
        pad=tuple(int(deel) for deel in pad.split(".")) if pad else (),
        ouder=sleutels.get(document.ouder_id) if document.ouder_id else None,
        naam=document.naam,
        titel=document.titel,
        soort=document.soort,
        mediatype=document.mediatype,
        datum=document.datum,
        afzender=document.afzender,
        ontvangers=tuple(document.ontvangers),
        tekst=document.tekst,
        sha256=document.sha256,
        grootte=document.grootte,
        paginas=document.paginas,
        bericht_id=document.bericht_id,
        verwijzingen=tuple(document.verwijzingen),
    )


def inventaris_bijwerken(verzoek: WooVerzoek, *, nieuw: Sequence[Document] = ()) -> None:
    """Renumbers the whole request's inventory (`documentverwerking.inventaris`: by date, each
    attachment under its e-mail) and recomputes the exact duplicates (`dubbel_van`) and near
    duplicates (`verwant_aan`) across all its documents.

    Of identical documents the original stays the original: a document already in the request
    before `nieuw` came, then the one furthest in its assessment, then the first in the inventory.
    So a new upload never turns an assessed document into a duplicate of an unassessed one."""
    documenten = list(Document.objects.filter(verzoek=verzoek).order_by("volgorde", "id"))
    if not documenten:
        return
    sleutels = {document.pk: document.sleutel for document in documenten}
    regels = documentverwerking.inventaris([_als_bronstuk(d, sleutels) for d in documenten])
    per_sleutel = {document.sleutel: document for document in documenten}
    per_nummer: dict[str, Document] = {}
    for volgorde, regel in enumerate(regels, start=1):
        document = per_sleutel[regel.sleutel]
        document.nummer = regel.nummer
        document.volgorde = volgorde
        per_nummer[regel.nummer] = document

    nieuwe_ids = {document.pk for document in nieuw}
    groepen: dict[str, list[Document]] = defaultdict(list)
    for document in documenten:
        groepen[document.sha256].append(document)
    for groep in groepen.values():
        origineel = min(
            groep,
            key=lambda d: (
                d.pk in nieuwe_ids,
                d.dubbel_van_id is not None,
                -_VOORTGANG.get(Beoordelingsstatus(d.beoordelingsstatus), 0),
                d.volgorde,
            ),
        )
        for document in groep:
            document.dubbel_van = None if document is origineel else origineel
    Document.objects.bulk_update(documenten, ["nummer", "volgorde", "dubbel_van"])

    verwant = Document.verwant_aan.through
    ids = [document.pk for document in documenten]
    verwant.objects.filter(from_document_id__in=ids).delete()
    verwant.objects.filter(to_document_id__in=ids).delete()
    paren: set[tuple[int, int]] = set()
    for regel in regels:
        van = per_sleutel[regel.sleutel]
        for nummer in regel.verwant_aan:
            naar = per_nummer[nummer]
            paren.add((van.pk, naar.pk))
            paren.add((naar.pk, van.pk))  # symmetrical: both rows, as Django's own add() writes
    verwant.objects.bulk_create(
        [verwant(from_document_id=van, to_document_id=naar) for van, naar in sorted(paren)]
    )


# --- removing ----------------------------------------------------------------------------------------


def _nakomelingen(document: Document) -> list[Document]:
    """The document and all its attachments, at any depth."""
    alle = list(Document.objects.filter(verzoek_id=document.verzoek_id))
    kinderen: dict[int | None, list[Document]] = defaultdict(list)
    for ander in alle:
        kinderen[ander.ouder_id].append(ander)
    gevonden: list[Document] = []
    rij = [next(d for d in alle if d.pk == document.pk)]
    while rij:
        huidig = rij.pop()
        gevonden.append(huidig)
        rij.extend(kinderen[huidig.pk])
    return gevonden


@transaction.atomic
def document_verwijderen(document: Document, *, door: Medewerker) -> None:
    """Removes a document from the request with its attachments (an e-mail goes with what was
    attached to it), its boxes and its files, and renumbers the inventory. Only while nothing of
    it has been assessed yet and the request is open: an assessed document is part of the
    decision's record (Woo art. 4.4; the inventarislijst)."""
    vereis(door, WOO_DOCUMENTEN_BEOORDELEN)
    verzoek = _vergrendeld(document.verzoek)
    if verzoek.is_afgesloten:
        raise ValidationError(
            {
                "document": _("Het verzoek is %(status)s; de documenten veranderen niet meer.")
                % {"status": verzoek.get_status_display().lower()}
            }
        )
    if not Document.objects.filter(pk=document.pk, verzoek=verzoek).exists():
        raise ValidationError({"document": _("Dit document hoort niet (meer) bij het verzoek.")})
    weg = _nakomelingen(document)
    beoordeeld = [d for d in weg if d.beoordelingsstatus != Beoordelingsstatus.TE_BEOORDELEN or d.oordeel]
    if beoordeeld:
        raise ValidationError(
            {
                "document": _(
                    "Dit document of een bijlage ervan is al beoordeeld; een beoordeeld document "
                    "wordt niet verwijderd. Stuur de beoordeling eerst terug."
                )
            }
        )
    namen = {
        naam
        for d in weg
        for naam in (d.origineel.name, d.pdf.name, d.gelakt.name)
        if naam  # a PDF shares its file with the original: one name, deleted once
    }
    Document.objects.filter(pk__in=[d.pk for d in weg]).delete()
    inventaris_bijwerken(verzoek)
    _vastleggen("woo-documenten.verwijderen", verzoek, door)
    # Files go only once the removal is certain: a rollback must find them still there.
    opslag = prive_opslag()

    def bestanden_weg() -> None:
        for naam in sorted(namen):
            opslag.delete(naam)

    transaction.on_commit(bestanden_weg)


# --- the PII scan (part B's voorstellen_maken), in the background ---------------------------------


@task()
def documenten_scannen(document_ids: list[int]) -> int:
    """Makes the PII suggestions for newly added documents (issue 9, point 5) with
    `raadhuis.woo.services.lakvakken.voorstellen_maken`. Idempotent: that service replaces only its
    own open suggestions, so a task that runs twice does no harm. A document removed or already
    assessed in the meantime is skipped; one that fails is logged and the rest still go."""
    # Imported here: the scan belongs to the boxes module and pulls in the PII recogniser (deduce),
    # which the upload itself does not need.
    from raadhuis.woo.services.lakvakken import voorstellen_maken

    aantal = 0
    documenten = (
        Document.objects.filter(pk__in=document_ids, beoordelingsstatus=Beoordelingsstatus.TE_BEOORDELEN)
        .exclude(pdf="")
        .select_related("verzoek")
        .order_by("volgorde", "id")
    )
    for document in documenten:
        try:
            aantal += voorstellen_maken(document)
        except Exception:  # one damaged document must not stop the scan of the others
            logger.exception("PII-scan van document %s is mislukt.", document.pk)
    return aantal
