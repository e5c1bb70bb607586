"""Every change to the publication register (Woo art. 3.3; woo.md §§4–6).

People work through the Werkplek (`publicatie_aanmaken`, `document_toevoegen`, `publiceren`,
`intrekken`, `vervangen`: each checks PUBLICATIE_BEHEREN); the other modules publish through the one
call `publiceren_vanuit_bron` (and withdraw through `intrekken_vanuit_bron`), as a system process
after their own service checked the right. Each service validates everything first and changes
nothing on bad input (one transaction).

Published documents go into the shared search index (soort "publicatie") and every change marks the
sitemap blocks of the documents it touches, so the background task rewrites only those files
(`publicatie.sitemaps`).
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from pathlib import PurePosixPath
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.accounts.models import Medewerker
from raadhuis.core import pdf, tooi, uploads, zoeken
from raadhuis.core.logboek import Systeemproces
from raadhuis.core.rechten import vereis
from raadhuis.core.taken import na_commit
from raadhuis.publicatie import facetten, selectors, waardelijsten
from raadhuis.publicatie.models import (
    NEDERLANDS,
    Documenthandeling,
    Publicatie,
    Publicatiedocument,
    Publicatiegebeurtenis,
    Publicatiestatus,
)
from raadhuis.publicatie.rechten import PUBLICATIE_BEHEREN

__all__ = [
    "BESTANDSSOORTEN",
    "MAX_BYTES",
    "ZOEKSOORT",
    "Bronbestand",
    "Handeling",
    "document_toevoegen",
    "document_verwijderen",
    "intrekken",
    "intrekken_vanuit_bron",
    "publicatie_aanmaken",
    "publiceren",
    "publiceren_vanuit_bron",
    "vervangen",
    "zoekvelden",
]

# Publications hold no personal data by design (what is published was assessed first), so their
# transitions are not processings for the Logboek Dataverwerkingen; this audit trail records them.
audit = logging.getLogger("raadhuis.publicatie.audit")
logger = logging.getLogger(__name__)

ZOEKSOORT = selectors.ZOEKSOORT
MAX_BYTES = 200_000_000
# The part of a CSV file that goes into the search index (a register of thousands of rows is
# found by its first ones as well as by all of them).
MAX_CSV_TEKST = 1_000_000
# Every kind the shared upload check knows whose format is on the TOOI file-type list; CSV for
# open data (subsidy registers, figures), last because it is recognised by content alone.
BESTANDSSOORTEN = (*uploads.DOCUMENTEN, uploads.CSV)

Door = Medewerker | Systeemproces


@dataclass(frozen=True)
class Handeling:
    """A DiWoo documenthandeling: `soort` a URI from soorthandelinglijst (waardelijsten.ONTVANGST,
    VASTSTELLING, ONDERTEKENING), `actor` a TOOI organisation code (empty: the publisher)."""

    soort: str
    tijdstip: datetime
    actor: str = ""


@dataclass(frozen=True)
class Bronbestand:
    """One file a module hands over with `publiceren_vanuit_bron`."""

    titel: str
    bestandsnaam: str
    inhoud: bytes
    documentsoort: str = ""
    creatiedatum: date | None = None


@dataclass(frozen=True)
class _Voorbereid:
    """A file checked and made ready to store: stripped bytes, format, hash and search text."""

    bestandsnaam: str
    inhoud: bytes
    mediatype: str
    bestandsformaat: str
    sha256: str
    tekst: str


# --- audit and side effects -------------------------------------------------------------------------


def _door_tekst(door: Door) -> str:
    if isinstance(door, Systeemproces):
        return f"systeem:{door.naam}"
    return f"medewerker:{door.pk}"


def _vastleggen(
    handeling: Publicatiegebeurtenis.Handeling, publicatie: Publicatie, door: Door, **extra: object
) -> None:
    """The audit trail: a row in the same transaction (shown in the Werkplek; a rollback leaves
    none), and a log line once it commits, for the central log store."""
    Publicatiegebeurtenis.objects.create(
        publicatie=publicatie,
        handeling=handeling,
        medewerker=None if isinstance(door, Systeemproces) else door,
        systeemproces=door.naam if isinstance(door, Systeemproces) else "",
        status=publicatie.status,
        gegevens={sleutel: str(waarde) for sleutel, waarde in extra.items()},
    )
    gegevens = " ".join(f"{sleutel}={waarde}" for sleutel, waarde in extra.items())
    regel = (
        f"publicatie.{handeling} publicatie={publicatie.uuid} status={publicatie.status} "
        f"door={_door_tekst(door)} {gegevens}"
    )
    transaction.on_commit(lambda: audit.info(regel.strip()))


def _sitemaps_markeren(document_ids: Iterable[int]) -> None:
    """Marks the sitemap blocks of these documents stale and schedules the regeneration after
    commit. Imported here, not at the top, so the register does not depend on the sitemap code at
    import time (and tests can patch it)."""
    ids = sorted(set(document_ids))
    if not ids:
        return
    from raadhuis.publicatie import sitemaps

    sitemaps.blokken_markeren(ids)
    na_commit(sitemaps.sitemaps_bijwerken)


def zoekvelden(publicatie: Publicatie) -> list[dict[str, Any]]:
    """What the search index holds for each document of a published publication: found by its
    text, its title and the publication's title and description, filed under the search facets.
    One dict of `zoeken.document_bijwerken` arguments per document (a bulk load writes the same)."""
    url = reverse("publicatie:publicatie", args=[publicatie.uuid])
    datum = facetten.documentdatum(publicatie)
    return [
        {
            "soort": ZOEKSOORT,
            "sleutel": str(document.uuid),
            # A result reading only "Bijlage 2" says nothing; the publication's title comes first.
            "titel": document.titel
            if document.titel == publicatie.officiele_titel
            else f"{publicatie.officiele_titel}: {document.titel}",
            "tekst": "\n".join(
                deel for deel in (publicatie.officiele_titel, publicatie.omschrijving, document.tekst) if deel
            ),
            "url": url,
            "openbaar": True,
            "datum": datum,
            "kenmerken": facetten.kenmerken(publicatie, document, datum),
        }
        for document in publicatie.documenten.all()
    ]


def _zoekindex_bijwerken(publicatie: Publicatie) -> None:
    for velden in zoekvelden(publicatie):
        zoeken.document_bijwerken(**velden)


def _zoekindex_verwijderen(documenten: Iterable[Publicatiedocument]) -> None:
    for document in documenten:
        zoeken.document_verwijderen(soort=ZOEKSOORT, sleutel=str(document.uuid))


# --- validation ---------------------------------------------------------------------------------------


def _uit_lijst(waarde: str, lijst: dict[str, str]) -> bool:
    return waarde in lijst


def _metadata_fouten(
    *,
    publisher: str,
    officiele_titel: str,
    verkorte_titel: str,
    informatiecategorieen: Sequence[str],
    themas: Sequence[str],
    taal: str,
    periode_van: date | None,
    periode_tot: date | None,
    identificatoren: Sequence[str],
    handelingen: Sequence[Handeling],
) -> dict[str, str]:
    """The DiWoo 0.9.8 rules (woo.md §5): required publisher, officiële titel, ≥1 category and ≥1
    handeling; every value from its official list, so nothing custom reaches a sitemap."""
    fouten: dict[str, str] = {}
    if tooi.organisatie(publisher) is None:
        fouten["publisher"] = _("Kies een organisatie uit de TOOI-lijsten (bijvoorbeeld gm1926).")
    if not officiele_titel.strip():
        fouten["officiele_titel"] = _("Vul de officiële titel in.")
    elif len(officiele_titel) > 1000:
        fouten["officiele_titel"] = _("De officiële titel is langer dan 1000 tekens.")
    if len(verkorte_titel) > 500:
        fouten["verkorte_titel"] = _("De verkorte titel is langer dan 500 tekens.")
    if not informatiecategorieen:
        fouten["informatiecategorieen"] = _("Kies ten minste één informatiecategorie.")
    elif any(not _uit_lijst(c, waardelijsten.informatiecategorieen()) for c in informatiecategorieen):
        fouten["informatiecategorieen"] = _("Kies informatiecategorieën uit de lijst van de Woo.")
    if any(not _uit_lijst(t, waardelijsten.themas()) for t in themas):
        fouten["themas"] = _("Kies thema's uit de TOP-lijst.")
    if not _uit_lijst(taal, waardelijsten.talen()):
        fouten["taal"] = _("Kies een taal uit de lijst.")
    if periode_van and periode_tot and periode_tot < periode_van:
        fouten["periode_tot"] = _("Het einde van de periode ligt voor het begin.")
    if any(not str(i).strip() or len(str(i)) > 200 for i in identificatoren):
        fouten["identificatoren"] = _("Een kenmerk mag niet leeg zijn en is hoogstens 200 tekens.")
    if not handelingen:
        fouten["handelingen"] = _("Geef ten minste één handeling (ontvangst, vaststelling of ondertekening).")
    for handeling in handelingen:
        if not _uit_lijst(handeling.soort, waardelijsten.soorten_handeling()):
            fouten["handelingen"] = _("Kies de soort handeling uit ontvangst, vaststelling of ondertekening.")
        elif timezone.is_naive(handeling.tijdstip):
            fouten["handelingen"] = _("Het tijdstip van een handeling heeft een tijdzone nodig.")
        elif handeling.actor and tooi.organisatie(handeling.actor) is None:
            fouten["handelingen"] = _("De organisatie van een handeling staat niet in de TOOI-lijsten.")
    return fouten


_ONVEILIG = re.compile(r"[^A-Za-z0-9._-]+")


def _veilige_bestandsnaam(bestandsnaam: str, formaat: str) -> str:
    """A name that is safe as the last segment of the document's stable URL: no path, ASCII
    letters, digits, dot, dash and underscore, with the extension of the recognised format."""
    naam = PurePosixPath(bestandsnaam.replace("\\", "/")).name
    naam = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode("ascii")
    naam = _ONVEILIG.sub("-", naam).strip(".-_") or "document"
    pad = PurePosixPath(naam)
    extensie = "." + formaat.rsplit("/", 1)[-1].lower()
    stam = pad.stem if pad.suffix.lower() == extensie else naam
    return f"{stam[:150].strip('.-_') or 'document'}{extensie}"


def _kantoortekst(inhoud: bytes) -> str:
    """The plain text of a DOCX/XLSX/PPTX or OpenDocument file, for search only."""
    delen: list[str] = []
    try:
        with zipfile.ZipFile(BytesIO(inhoud)) as archief:
            for naam in archief.namelist():
                if naam == "content.xml" or (
                    naam.endswith(".xml")
                    and naam.startswith(("word/document", "xl/sharedStrings", "ppt/slides/slide"))
                ):
                    xml = archief.read(naam).decode("utf-8", "replace")
                    delen.append(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", xml)).strip())
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as fout:
        logger.warning("Tekst van kantoordocument niet te lezen: %s", fout)
    return "\n".join(deel for deel in delen if deel)


def _voorbereiden(bestandsnaam: str, inhoud: bytes, *, veld: str = "bestand") -> _Voorbereid:
    """The shared upload check (type by content, size), only formats on the TOOI file-type list,
    and PDFs without metadata, attachments, annotations and scripts before they go public."""
    bestand = SimpleUploadedFile(bestandsnaam or "document", inhoud)
    try:
        soort = uploads.valideer_upload(bestand, toegestaan=BESTANDSSOORTEN, max_bytes=MAX_BYTES)
    except ValidationError as fout:
        raise ValidationError({veld: fout.messages}) from fout
    formaat = waardelijsten.bestandsformaat_voor(soort.mediatype, bestandsnaam)
    if formaat is None:
        raise ValidationError({veld: _("Dit bestandsformaat staat niet op de lijst van de Woo-index.")})
    tekst = ""
    if soort is uploads.PDF:
        try:
            inhoud = pdf.metadata_verwijderen(inhoud)
            tekst = pdf.pdf_tekst(inhoud).strip()
        except (RuntimeError, ValueError) as fout:
            raise ValidationError(
                {veld: _("Deze PDF is beschadigd en kan niet worden gepubliceerd.")}
            ) from fout
    elif soort is uploads.CSV:
        tekst = inhoud[:MAX_CSV_TEKST].decode("utf-8-sig", "ignore")
    else:
        tekst = _kantoortekst(inhoud)
    return _Voorbereid(
        bestandsnaam=_veilige_bestandsnaam(bestandsnaam, formaat),
        inhoud=inhoud,
        mediatype=soort.mediatype,
        bestandsformaat=formaat,
        sha256=hashlib.sha256(inhoud).hexdigest(),
        tekst=tekst,
    )


def _documentvelden_fouten(*, titel: str, documentsoort: str) -> dict[str, str]:
    fouten: dict[str, str] = {}
    if not titel.strip():
        fouten["titel"] = _("Vul de titel van het document in.")
    elif len(titel) > 1000:
        fouten["titel"] = _("De titel is langer dan 1000 tekens.")
    if documentsoort and documentsoort not in waardelijsten.documentsoorten():
        fouten["documentsoort"] = _("Kies een documentsoort uit de lijst.")
    return fouten


def _opslaan(
    publicatie: Publicatie,
    voorbereid: _Voorbereid,
    *,
    titel: str,
    documentsoort: str,
    creatiedatum: date | None,
    volgorde: int,
) -> Publicatiedocument:
    document = Publicatiedocument(
        publicatie=publicatie,
        volgorde=volgorde,
        titel=titel.strip(),
        documentsoort=documentsoort,
        bestandsnaam=voorbereid.bestandsnaam,
        mediatype=voorbereid.mediatype,
        bestandsformaat=voorbereid.bestandsformaat,
        grootte=len(voorbereid.inhoud),
        sha256=voorbereid.sha256,
        tekst=voorbereid.tekst,
        creatiedatum=creatiedatum,
    )
    document.bestand.save(voorbereid.bestandsnaam, ContentFile(voorbereid.inhoud), save=False)
    document.save()
    return document


def _bestand_opruimen(document: Publicatiedocument) -> None:
    """The stored file of a deleted document, removed only once the deletion commits (a rollback
    keeps the row, so it must keep its file)."""
    naam, opslag = document.bestand.name, document.bestand.storage
    if naam:
        transaction.on_commit(lambda: opslag.delete(naam))


def _handelingen_opslaan(publicatie: Publicatie, handelingen: Sequence[Handeling]) -> None:
    publicatie.handelingen.all().delete()
    Documenthandeling.objects.bulk_create(
        Documenthandeling(publicatie=publicatie, soort=h.soort, tijdstip=h.tijdstip, actor=h.actor)
        for h in handelingen
    )


def _vergrendeld(publicatie: Publicatie) -> Publicatie:
    return Publicatie.objects.select_for_update().get(pk=publicatie.pk)


# --- manual work in the Werkplek --------------------------------------------------------------------


@transaction.atomic
def publicatie_aanmaken(
    *,
    publisher: str,
    officiele_titel: str,
    informatiecategorieen: Sequence[str],
    door: Medewerker,
    handelingen: Sequence[Handeling],
    omschrijving: str = "",
    themas: Sequence[str] = (),
    taal: str = NEDERLANDS,
    periode_van: date | None = None,
    periode_tot: date | None = None,
    identificatoren: Sequence[str] = (),
    verkorte_titel: str = "",
    documenten: Sequence[Bronbestand] = (),
) -> Publicatie:
    """A new publication as concept, for a category a module does not feed (convenanten, adviezen,
    onderzoeksrapporten, ...; Woo art. 3.3 lid 2), with its first files if given (all or none:
    one bad file stores nothing). Publishing is a separate step."""
    vereis(door, PUBLICATIE_BEHEREN)
    publisher = publisher.strip().lower()
    fouten = _metadata_fouten(
        publisher=publisher,
        officiele_titel=officiele_titel,
        verkorte_titel=verkorte_titel,
        informatiecategorieen=informatiecategorieen,
        themas=themas,
        taal=taal,
        periode_van=periode_van,
        periode_tot=periode_tot,
        identificatoren=identificatoren,
        handelingen=handelingen,
    )
    if fouten:
        raise ValidationError(fouten)
    publicatie = Publicatie.objects.create(
        publisher=publisher,
        officiele_titel=officiele_titel.strip(),
        verkorte_titel=verkorte_titel.strip(),
        omschrijving=omschrijving.strip(),
        informatiecategorieen=list(dict.fromkeys(informatiecategorieen)),
        themas=list(dict.fromkeys(themas)),
        taal=taal,
        periode_van=periode_van,
        periode_tot=periode_tot,
        identificatoren=[str(i).strip() for i in identificatoren],
        aangemaakt_door=door,
    )
    _handelingen_opslaan(publicatie, handelingen)
    _vastleggen(Publicatiegebeurtenis.Handeling.AANMAKEN, publicatie, door)
    for bestand in documenten:
        document_toevoegen(
            publicatie,
            titel=bestand.titel,
            bestandsnaam=bestand.bestandsnaam,
            inhoud=bestand.inhoud,
            documentsoort=bestand.documentsoort,
            creatiedatum=bestand.creatiedatum,
            door=door,
        )
    return publicatie


@transaction.atomic
def document_toevoegen(
    publicatie: Publicatie,
    *,
    titel: str,
    bestandsnaam: str,
    inhoud: bytes,
    door: Medewerker,
    documentsoort: str = "",
    creatiedatum: date | None = None,
) -> Publicatiedocument:
    """Adds a file to a concept publication, after the shared upload check; PDFs lose their
    metadata first (what is published must not carry author names or comments along)."""
    vereis(door, PUBLICATIE_BEHEREN)
    publicatie = _vergrendeld(publicatie)
    if publicatie.status != Publicatiestatus.CONCEPT:
        raise ValidationError(
            {"bestand": _("Documenten toevoegen kan alleen bij een publicatie die nog concept is.")}
        )
    fouten = _documentvelden_fouten(titel=titel, documentsoort=documentsoort)
    if fouten:
        raise ValidationError(fouten)
    voorbereid = _voorbereiden(bestandsnaam, inhoud)
    volgorde = publicatie.documenten.count()
    document = _opslaan(
        publicatie,
        voorbereid,
        titel=titel,
        documentsoort=documentsoort,
        creatiedatum=creatiedatum,
        volgorde=volgorde,
    )
    _vastleggen(Publicatiegebeurtenis.Handeling.DOCUMENT_TOEVOEGEN, publicatie, door, document=document.uuid)
    return document


@transaction.atomic
def document_verwijderen(document: Publicatiedocument, *, door: Medewerker) -> None:
    """Removes a file from a concept publication (a published one is withdrawn or replaced
    instead, so its history stays visible)."""
    vereis(door, PUBLICATIE_BEHEREN)
    publicatie = _vergrendeld(document.publicatie)
    if publicatie.status != Publicatiestatus.CONCEPT:
        raise ValidationError({"bestand": _("Alleen documenten van een concept kunnen worden verwijderd.")})
    document.delete()
    _bestand_opruimen(document)
    _vastleggen(
        Publicatiegebeurtenis.Handeling.DOCUMENT_VERWIJDEREN, publicatie, door, document=document.uuid
    )


def _publiceren(publicatie: Publicatie, door: Door) -> Publicatie:
    if not publicatie.documenten.exists():
        raise ValidationError({"documenten": _("Voeg eerst ten minste één document toe.")})
    publicatie.status = Publicatiestatus.GEPUBLICEERD
    publicatie.gepubliceerd_op = publicatie.gepubliceerd_op or timezone.now()
    publicatie.save(update_fields=["status", "gepubliceerd_op", "gewijzigd_op"])
    _zoekindex_bijwerken(publicatie)
    _sitemaps_markeren(publicatie.documenten.values_list("id", flat=True))
    _vastleggen(Publicatiegebeurtenis.Handeling.PUBLICEREN, publicatie, door)
    return publicatie


@transaction.atomic
def publiceren(publicatie: Publicatie, *, door: Medewerker) -> Publicatie:
    """Makes a concept public (Woo art. 3.3): its documents are served at their stable URLs, found
    by the search and announced in the next sitemap generation."""
    vereis(door, PUBLICATIE_BEHEREN)
    publicatie = _vergrendeld(publicatie)
    if publicatie.status != Publicatiestatus.CONCEPT:
        raise ValidationError({"status": _("Alleen een concept kan worden gepubliceerd.")})
    return _publiceren(publicatie, door)


def _redenlabel(reden: str) -> str:
    return waardelijsten.redenen_verwijdering().get(reden, reden)


def _reden_fout(reden: str) -> dict[str, str]:
    if reden not in waardelijsten.redenen_verwijdering():
        return {"reden": _("Kies een reden uit de lijst.")}
    return {}


def _terugtrekken(publicatie: Publicatie, *, status: str, reden: str, toelichting: str) -> None:
    """What withdrawing and replacing share: the status with its reason, out of the search index
    and the sitemap blocks marked, so the next generation announces the change (woo.md §6)."""
    publicatie.status = status
    publicatie.ingetrokken_op = timezone.now()
    publicatie.reden_intrekking = reden
    publicatie.toelichting_intrekking = toelichting.strip()
    publicatie.save()
    documenten = list(publicatie.documenten.all())
    _zoekindex_verwijderen(documenten)
    _sitemaps_markeren(d.pk for d in documenten)


@transaction.atomic
def intrekken(
    publicatie: Publicatie, *, reden: str, door: Medewerker | Systeemproces, toelichting: str = ""
) -> Publicatie:
    """Withdraws a published publication with a reason from the DiWoo list
    redenVerwijderingVervanging (e.g. privacy-sensitive data published by mistake). Its pages then
    say so (410 Gone) and it leaves the search."""
    if not isinstance(door, Systeemproces):
        vereis(door, PUBLICATIE_BEHEREN)
    publicatie = _vergrendeld(publicatie)
    fouten = _reden_fout(reden)
    if publicatie.status != Publicatiestatus.GEPUBLICEERD:
        fouten["status"] = _("Alleen een gepubliceerde publicatie kan worden ingetrokken.")
    if len(toelichting) > 2000:
        fouten["toelichting"] = _("De toelichting is langer dan 2000 tekens.")
    if fouten:
        raise ValidationError(fouten)
    _terugtrekken(publicatie, status=Publicatiestatus.INGETROKKEN, reden=reden, toelichting=toelichting)
    _vastleggen(Publicatiegebeurtenis.Handeling.INTREKKEN, publicatie, door, reden=_redenlabel(reden))
    return publicatie


@transaction.atomic
def vervangen(
    oud: Publicatie, *, nieuw: Publicatie, reden: str, door: Medewerker, toelichting: str = ""
) -> Publicatie:
    """Replaces a published publication by a newer one (published now if it is still a concept);
    the old one points at the new one, and both changes reach the sitemaps."""
    vereis(door, PUBLICATIE_BEHEREN)
    oud = _vergrendeld(oud)
    nieuw = _vergrendeld(nieuw)
    fouten = _reden_fout(reden)
    if oud.status != Publicatiestatus.GEPUBLICEERD:
        fouten["status"] = _("Alleen een gepubliceerde publicatie kan worden vervangen.")
    if nieuw.pk == oud.pk:
        fouten["nieuw"] = _("Een publicatie kan zichzelf niet vervangen.")
    elif nieuw.status not in (Publicatiestatus.CONCEPT, Publicatiestatus.GEPUBLICEERD):
        fouten["nieuw"] = _("De nieuwe publicatie is ingetrokken of zelf vervangen.")
    elif not nieuw.documenten.exists():
        fouten["nieuw"] = _("De nieuwe publicatie heeft nog geen documenten.")
    if fouten:
        raise ValidationError(fouten)
    if nieuw.status == Publicatiestatus.CONCEPT:
        _publiceren(nieuw, door)
    oud.vervangen_door = nieuw
    _terugtrekken(oud, status=Publicatiestatus.VERVANGEN, reden=reden, toelichting=toelichting)
    _vastleggen(
        Publicatiegebeurtenis.Handeling.VERVANGEN, oud, door, reden=_redenlabel(reden), nieuw=nieuw.uuid
    )
    return oud


# --- the one entry point for the modules -------------------------------------------------------------


def _systeem(bron: str) -> Systeemproces:
    return Systeemproces(f"publicatie-{bron}")


def _bronpublicatie_vergrendeld(
    bron: str, bron_sleutel: str, publisher: str, officiele_titel: str
) -> tuple[Publicatie, bool]:
    """The publication under the module's key, locked for this transaction, and whether it is new.
    When two processes publish the same new key at once, the second waits on the unique index, gets
    an IntegrityError inside its savepoint and then locks the row the first one committed, so both
    end as one publication instead of one of them failing the module's transaction."""
    bestaand = Publicatie.objects.select_for_update().filter(bron=bron, bron_sleutel=bron_sleutel).first()
    if bestaand is not None:
        return bestaand, False
    try:
        with transaction.atomic():
            nieuw = Publicatie.objects.create(
                bron=bron, bron_sleutel=bron_sleutel, publisher=publisher, officiele_titel=officiele_titel
            )
        return nieuw, True
    except IntegrityError:
        return Publicatie.objects.select_for_update().get(bron=bron, bron_sleutel=bron_sleutel), False


@transaction.atomic
def publiceren_vanuit_bron(
    *,
    bron: str,
    bron_sleutel: str,
    publisher: str,
    officiele_titel: str,
    informatiecategorieen: Sequence[str],
    handelingen: Sequence[Handeling],
    documenten: Sequence[Bronbestand],
    omschrijving: str = "",
    themas: Sequence[str] = (),
    identificatoren: Sequence[str] = (),
    periode_van: date | None = None,
    periode_tot: date | None = None,
    verkorte_titel: str = "",
) -> Publicatie:
    """Publishes what a module made public (Woo art. 3.3), or updates it: idempotent per
    (bron, bron_sleutel). Metadata and handelingen are replaced; a file whose content (SHA-256 after
    metadata stripping) is unchanged keeps its document and stable URL, new files are added and
    files no longer handed over are removed. A withdrawn or replaced publication under the same key
    is published again, as the module decided. No permission check: the calling module's service
    checked its own right; this runs as the system process "publicatie-<bron>"."""
    door = _systeem(bron)
    publisher = publisher.strip().lower()
    fouten = _metadata_fouten(
        publisher=publisher,
        officiele_titel=officiele_titel,
        verkorte_titel=verkorte_titel,
        informatiecategorieen=informatiecategorieen,
        themas=themas,
        taal=NEDERLANDS,
        periode_van=periode_van,
        periode_tot=periode_tot,
        identificatoren=identificatoren,
        handelingen=handelingen,
    )
    if not bron.strip() or len(bron) > 60:
        fouten["bron"] = _("Geef de bron (de module) op, hoogstens 60 tekens.")
    if not bron_sleutel.strip() or len(bron_sleutel) > 200:
        fouten["bron_sleutel"] = _("Geef de sleutel in de bron op, hoogstens 200 tekens.")
    if not documenten:
        fouten["documenten"] = _("Een publicatie heeft ten minste één document.")
    for bestand in documenten:
        documentfouten = _documentvelden_fouten(titel=bestand.titel, documentsoort=bestand.documentsoort)
        if documentfouten:
            fouten["documenten"] = next(iter(documentfouten.values()))
    if fouten:
        raise ValidationError(fouten)
    voorbereid = [_voorbereiden(b.bestandsnaam, b.inhoud, veld="documenten") for b in documenten]

    publicatie, nieuw = _bronpublicatie_vergrendeld(bron, bron_sleutel, publisher, officiele_titel)
    if not nieuw:
        # Before the change: the blocks of the old category (if it changes) must be rewritten too.
        _sitemaps_markeren(publicatie.documenten.values_list("id", flat=True))
    publicatie.publisher = publisher
    publicatie.officiele_titel = officiele_titel.strip()
    publicatie.verkorte_titel = verkorte_titel.strip()
    publicatie.omschrijving = omschrijving.strip()
    publicatie.informatiecategorieen = list(dict.fromkeys(informatiecategorieen))
    publicatie.themas = list(dict.fromkeys(themas))
    publicatie.taal = NEDERLANDS
    publicatie.periode_van = periode_van
    publicatie.periode_tot = periode_tot
    publicatie.identificatoren = [str(i).strip() for i in identificatoren]
    publicatie.status = Publicatiestatus.CONCEPT
    publicatie.ingetrokken_op = None
    publicatie.reden_intrekking = ""
    publicatie.toelichting_intrekking = ""
    publicatie.vervangen_door = None
    publicatie.save()
    _handelingen_opslaan(publicatie, handelingen)

    bestaand = {d.sha256: d for d in publicatie.documenten.all()}
    gehouden: set[int] = set()
    for volgorde, (bestand, klaar) in enumerate(zip(documenten, voorbereid, strict=True)):
        document = bestaand.get(klaar.sha256)
        if document is not None and document.pk not in gehouden:
            document.titel = bestand.titel.strip()
            document.documentsoort = bestand.documentsoort
            document.creatiedatum = bestand.creatiedatum
            document.volgorde = volgorde
            document.save()
        else:
            document = _opslaan(
                publicatie,
                klaar,
                titel=bestand.titel,
                documentsoort=bestand.documentsoort,
                creatiedatum=bestand.creatiedatum,
                volgorde=volgorde,
            )
        gehouden.add(document.pk)
    weg = [d for d in bestaand.values() if d.pk not in gehouden]
    _zoekindex_verwijderen(weg)
    for document in weg:
        document.delete()
        _bestand_opruimen(document)

    _publiceren(publicatie, door)
    _vastleggen(Publicatiegebeurtenis.Handeling.VANUIT_BRON, publicatie, door, bron=bron, nieuw=nieuw)
    return publicatie


@transaction.atomic
def intrekken_vanuit_bron(
    *, bron: str, bron_sleutel: str, reden: str, toelichting: str = ""
) -> Publicatie | None:
    """Withdraws what a module published under (bron, bron_sleutel), e.g. a paper that turned out
    to be confidential; None when nothing was published under that key (nothing to withdraw)."""
    if reden not in waardelijsten.redenen_verwijdering():
        raise ValidationError(_reden_fout(reden))
    publicatie = Publicatie.objects.filter(bron=bron, bron_sleutel=bron_sleutel).first()
    if publicatie is None or publicatie.status != Publicatiestatus.GEPUBLICEERD:
        return publicatie
    return intrekken(publicatie, reden=reden, toelichting=toelichting, door=_systeem(bron))
