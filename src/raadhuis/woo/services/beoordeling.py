"""Every write of the assessment of a Woo request: the oordeel per document, the four-eyes approval
that makes the publishable PDF, sending an assessment back, the motivation per ground, and third
parties with their zienswijze (which suspends the decision term).

The rules follow the Woo: a document is openbaar, deels openbaar, niet openbaar or reeds openbaar
(woo.md, section 3); what is withheld carries a ground of art. 5.1 or 5.2; only the redacted,
stripped and verified output of `raadhuis.woo.lakken` may be published (issue 9, point 6), and it
is made when a second person approves the assessment. Each service checks the permission first,
locks the rows it changes, changes nothing on bad input and logs the processing last.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.accounts.models import Medewerker
from raadhuis.core import logboek
from raadhuis.core.logboek.activiteiten import WOO_VERZOEK_BEHANDELEN as ACTIVITEIT
from raadhuis.core.rechten import vereis
from raadhuis.core.termijnen import datum_nl
from raadhuis.woo import gronden as woo_gronden
from raadhuis.woo import lakken
from raadhuis.woo.models import (
    Beoordelingsstatus,
    Derde,
    Document,
    Grondmotivering,
    Lakvak,
    Oordeel,
    Opschortingssoort,
    Vakstatus,
    WooVerzoek,
)
from raadhuis.woo.rechten import (
    WOO_BEOORDELING_GOEDKEUREN,
    WOO_DOCUMENTEN_BEOORDELEN,
    WOO_VERZOEK_BEHANDELEN,
)
from raadhuis.woo.selectors.documenten import pdf_van
from raadhuis.woo.selectors.lakvakken import geaccepteerde_redacties
from raadhuis.woo.services import verzoeken as verzoekservices

__all__ = [
    "beoordeling_goedkeuren",
    "beoordeling_overnemen",
    "beoordeling_terugsturen",
    "derde_toevoegen",
    "document_beoordelen",
    "grondmotivering_vastleggen",
    "zienswijze_ontvangen",
    "zienswijze_vragen",
]

# The fields of the assessment a duplicate takes over from its original.
_BEOORDELINGSVELDEN = (
    "oordeel",
    "gronden",
    "motivering",
    "vindplaats",
    "opmerking",
    "beoordelingsstatus",
    "beoordeeld_door",
    "beoordeeld_op",
    "gecontroleerd_door",
    "gecontroleerd_op",
    "gelakt_sha256",
    "gelakt_op",
    "lakbevindingen",
)

ZIENSWIJZE_REDEN = "Zienswijze gevraagd van een derde-belanghebbende (Woo art. 4.4 lid 3, Awb 4:8)."


# --- helpers ---------------------------------------------------------------------------------------


def _vastleggen(naam: str, verzoek: WooVerzoek, door: Medewerker) -> None:
    """The processing in the logboek (AVG art. 30; BIO 12.4), last in the service's transaction: an
    assessment reads and withholds the personal data in the request's documents."""
    betrokkene: logboek.Betrokkene | None = ("BSN", verzoek.bsn) if verzoek.bsn else None
    logboek.vastleggen(naam=naam, activiteit=ACTIVITEIT, betrokkene=betrokkene, door=door)


def _vergrendeld(document: Document) -> Document:
    """The document row locked for the rest of the transaction, fresh from the database."""
    return Document.objects.select_for_update().get(pk=document.pk)


def _niet_afgesloten(verzoek: WooVerzoek, veld: str = "oordeel") -> None:
    if verzoek.is_afgesloten:
        raise ValidationError(
            {
                veld: _("Het verzoek is %(status)s; de beoordeling verandert niet meer.")
                % {"status": verzoek.get_status_display().lower()}
            }
        )


def _nummer(document: Document) -> str:
    return document.nummer or str(document.pk)


def _gronden_normaliseren(codes: Iterable[str]) -> list[str]:
    """Known grounds (woo.gronden) in the order of the law, each once; "5.1.2.e" is "5.1.2e"."""
    gevonden: set[str] = set()
    for code in codes:
        if not code.strip():
            continue
        try:
            gevonden.add(woo_gronden.grond(code).code)
        except KeyError:
            raise ValidationError(
                {"gronden": _("%(code)s is geen weigeringsgrond van de Woo.") % {"code": code}}
            ) from None
    return [code for code in woo_gronden.GRONDEN if code in gevonden]


def _aantallen(document: Document) -> tuple[int, int]:
    """(accepted, still proposed) boxes of the document."""
    vakken = Lakvak.objects.filter(document=document)
    return (
        vakken.filter(status=Vakstatus.GEACCEPTEERD).count(),
        vakken.filter(status=Vakstatus.VOORGESTELD).count(),
    )


def _regels_toetsen(document: Document, *, oordeel: str, gronden: Sequence[str], vindplaats: str) -> None:
    """The rules per oordeel (woo.md, section 3), checked when assessing and again on approval,
    because boxes may be accepted or drawn in between."""
    fouten: dict[str, str] = {}
    geaccepteerd, voorgesteld = _aantallen(document)
    if oordeel in (Oordeel.OPENBAAR, Oordeel.DEELS_OPENBAAR):
        if voorgesteld:
            fouten["oordeel"] = _(
                "Er staan nog %(aantal)d voorgestelde lakvakken open; accepteer of wijs ze eerst af."
            ) % {"aantal": voorgesteld}
        elif oordeel == Oordeel.OPENBAAR and geaccepteerd:
            fouten["oordeel"] = _(
                "Dit document heeft gelakte passages; kies ‘deels openbaar’ of wijs de lakvakken af."
            )
        elif oordeel == Oordeel.DEELS_OPENBAAR and not geaccepteerd:
            fouten["oordeel"] = _(
                "Deels openbaar vraagt ten minste één gelakte passage; "
                "lak een passage of kies een ander oordeel."
            )
        elif not document.pdf:
            fouten["oordeel"] = _(
                "Van dit document is geen PDF-weergave; het kan niet openbaar worden gemaakt."
            )
    if oordeel == Oordeel.NIET_OPENBAAR and not gronden:
        fouten["gronden"] = _("Kies ten minste één weigeringsgrond (Woo artikel 5.1 of 5.2).")
    if oordeel != Oordeel.NIET_OPENBAAR and gronden:
        fouten["gronden"] = _(
            "Weigeringsgronden voor het hele document horen alleen bij ‘niet openbaar’; "
            "bij gelakte passages staat de grond bij elk lakvak."
        )
    if oordeel == Oordeel.REEDS_OPENBAAR:
        if not vindplaats:
            fouten["vindplaats"] = _("Geef aan waar het document al openbaar is (een webadres).")
        else:
            try:
                URLValidator(schemes=["http", "https"])(vindplaats)
            except ValidationError:
                fouten["vindplaats"] = _("Vul een geldig webadres in, beginnend met https://.")
            if len(vindplaats) > 500:
                fouten["vindplaats"] = _("Een webadres heeft ten hoogste 500 tekens.")
    if fouten:
        raise ValidationError(fouten)


# --- the assessment (Woo art. 5.1, 5.2) --------------------------------------------------------------


@transaction.atomic
def document_beoordelen(
    document: Document,
    *,
    oordeel: str,
    gronden: list[str],
    motivering: str,
    vindplaats: str = "",
    opmerking: str = "",
    door: Medewerker,
) -> Document:
    """Records the oordeel on one document and puts it ter controle for a second person (four eyes).

    Openbaar and deels openbaar need every proposed box decided; openbaar has no accepted box,
    deels openbaar at least one (each with its own ground). Niet openbaar names its grounds of Woo
    art. 5.1 or 5.2 for the whole document. Reeds openbaar gives where the information can already
    be found (the vindplaats in the inventarislijst). A duplicate follows its original and is not
    assessed on its own."""
    vereis(door, WOO_DOCUMENTEN_BEOORDELEN)
    document = _vergrendeld(document)
    verzoek = document.verzoek
    _niet_afgesloten(verzoek)
    if document.dubbel_van_id is not None:
        origineel = Document.objects.get(pk=document.dubbel_van_id)
        raise ValidationError(
            {
                "oordeel": _(
                    "Dit document is een dubbel van document %(nummer)s; beoordeel dat document. "
                    "Deze kopie neemt de beoordeling over zodra het origineel is goedgekeurd."
                )
                % {"nummer": _nummer(origineel)}
            }
        )
    if document.beoordelingsstatus == Beoordelingsstatus.GOEDGEKEURD:
        raise ValidationError({"oordeel": _("Dit document is al goedgekeurd; de beoordeling staat vast.")})
    if oordeel not in Oordeel.values:
        raise ValidationError({"oordeel": _("Kies een oordeel.")})
    codes = _gronden_normaliseren(gronden)
    vindplaats, opmerking, motivering = vindplaats.strip(), opmerking.strip(), motivering.strip()
    _regels_toetsen(document, oordeel=oordeel, gronden=codes, vindplaats=vindplaats)
    if len(opmerking) > 500:
        raise ValidationError({"opmerking": _("Een opmerking heeft ten hoogste 500 tekens.")})
    document.oordeel = oordeel
    document.gronden = codes
    document.motivering = motivering
    document.vindplaats = vindplaats if oordeel == Oordeel.REEDS_OPENBAAR else ""
    document.opmerking = opmerking
    document.beoordelingsstatus = Beoordelingsstatus.TER_CONTROLE
    document.beoordeeld_door = door
    document.beoordeeld_op = timezone.now()
    document.gecontroleerd_door = None
    document.gecontroleerd_op = None
    document.save(
        update_fields=[
            "oordeel",
            "gronden",
            "motivering",
            "vindplaats",
            "opmerking",
            "beoordelingsstatus",
            "beoordeeld_door",
            "beoordeeld_op",
            "gecontroleerd_door",
            "gecontroleerd_op",
        ]
    )
    _vastleggen("woo-document.beoordelen", verzoek, door)
    return document


def _gelakt_maken(document: Document) -> lakken.Gelakt:
    """Redacts the document's PDF with its accepted boxes (none for openbaar: metadata, scripts
    and attachments are still stripped) and verifies the result (issue 9, point 6)."""
    redacties = geaccepteerde_redacties(document) if document.oordeel == Oordeel.DEELS_OPENBAAR else []
    try:
        gelakt = lakken.lakken(pdf_van(document), redacties)
    except ValueError as fout:
        raise ValidationError({"lakbevindingen": str(fout)}) from None
    return gelakt


def _bestand_vervangen(document: Document, inhoud: bytes | None) -> None:
    """Stores `inhoud` as the document's redacted PDF (None: none); an earlier file is removed
    once the change has committed."""
    oud = document.gelakt.name if document.gelakt else ""
    if inhoud is None:
        document.gelakt = ""
    else:
        document.gelakt.save("gelakt.pdf", ContentFile(inhoud), save=False)
    if oud:
        opslag = document.gelakt.storage
        transaction.on_commit(lambda: opslag.delete(oud))


def _dubbelen_bijwerken(origineel: Document, inhoud: bytes | None) -> int:
    """Every duplicate of the approved original takes over its assessment and gets its own copy
    of the redacted PDF (the same content: an exact duplicate has the same bytes)."""
    aantal = 0
    for dubbel in Document.objects.select_for_update().filter(dubbel_van=origineel):
        for veld in _BEOORDELINGSVELDEN:
            setattr(dubbel, veld, getattr(origineel, veld))
        _bestand_vervangen(dubbel, inhoud)
        dubbel.save(update_fields=[*_BEOORDELINGSVELDEN, "gelakt"])
        aantal += 1
    return aantal


def _vier_ogen(document: Document, door: Medewerker, *, veld: str) -> None:
    """The second person is not the assessor (issue 9, point 4: four-eyes approval)."""
    if document.beoordeeld_door_id is not None and document.beoordeeld_door_id == door.pk:
        raise ValidationError(
            {veld: _("U heeft dit document zelf beoordeeld; een andere medewerker moet het controleren.")}
        )


def _ter_controle(document: Document, *, veld: str) -> None:
    if document.beoordelingsstatus != Beoordelingsstatus.TER_CONTROLE:
        raise ValidationError({veld: _("Dit document staat niet ter controle.")})


def beoordeling_goedkeuren(document: Document, *, door: Medewerker) -> Document:
    """The second person approves the assessment (four eyes) and the publishable PDF is made.

    For openbaar and deels openbaar the document's PDF is redacted with the accepted boxes,
    stripped of metadata and verified (`raadhuis.woo.lakken`). When the verification finds
    anything, the approval is refused and publication stays blocked: only the findings are stored,
    so the page can show them. Niet openbaar and reeds openbaar publish no file of the document."""
    vereis(door, WOO_BEOORDELING_GOEDKEUREN)
    with transaction.atomic():
        document = _vergrendeld(document)
        verzoek = document.verzoek
        _niet_afgesloten(verzoek, "beoordeling")
        _ter_controle(document, veld="beoordeling")
        _vier_ogen(document, door, veld="beoordeling")
        _regels_toetsen(
            document, oordeel=document.oordeel, gronden=document.gronden, vindplaats=document.vindplaats
        )
        gelakt = (
            _gelakt_maken(document)
            if document.oordeel in (Oordeel.OPENBAAR, Oordeel.DEELS_OPENBAAR)
            else None
        )
        if gelakt is not None and not gelakt.controle.in_orde:
            # Kept although the approval is refused: the findings block publication and the
            # assessor needs them to fix the boxes. This block commits; the error follows below.
            bevindingen = list(gelakt.controle.bevindingen)
            document.lakbevindingen = bevindingen
            document.save(update_fields=["lakbevindingen"])
            _vastleggen("woo-document.lakcontrole-mislukt", verzoek, door)
        else:
            nu = timezone.now()
            inhoud = gelakt.inhoud if gelakt is not None else None
            _bestand_vervangen(document, inhoud)
            document.gelakt_sha256 = hashlib.sha256(inhoud).hexdigest() if inhoud is not None else ""
            document.gelakt_op = nu if inhoud is not None else None
            document.lakbevindingen = []
            document.beoordelingsstatus = Beoordelingsstatus.GOEDGEKEURD
            document.gecontroleerd_door = door
            document.gecontroleerd_op = nu
            document.save(
                update_fields=[
                    "gelakt",
                    "gelakt_sha256",
                    "gelakt_op",
                    "lakbevindingen",
                    "beoordelingsstatus",
                    "gecontroleerd_door",
                    "gecontroleerd_op",
                ]
            )
            _dubbelen_bijwerken(document, inhoud)
            _vastleggen("woo-document.goedkeuren", verzoek, door)
            return document
    raise ValidationError(
        {
            "lakbevindingen": [
                _(
                    "De controle van de gelakte PDF is mislukt; het document is niet goedgekeurd en "
                    "kan niet worden gepubliceerd. Pas de lakvakken aan en beoordeel het opnieuw."
                ),
                *bevindingen,
            ]
        }
    )


@transaction.atomic
def beoordeling_terugsturen(document: Document, *, opmerking: str, door: Medewerker) -> Document:
    """The second person sends the assessment back to be done again, saying why (four eyes: not
    the assessor)."""
    vereis(door, WOO_BEOORDELING_GOEDKEUREN)
    document = _vergrendeld(document)
    _niet_afgesloten(document.verzoek, "opmerking")
    _ter_controle(document, veld="opmerking")
    _vier_ogen(document, door, veld="opmerking")
    opmerking = opmerking.strip()
    if not opmerking:
        raise ValidationError({"opmerking": _("Schrijf op wat er anders moet.")})
    document.beoordelingsstatus = Beoordelingsstatus.TE_BEOORDELEN
    document.controle_opmerking = opmerking
    document.gecontroleerd_door = None
    document.gecontroleerd_op = None
    document.save(
        update_fields=["beoordelingsstatus", "controle_opmerking", "gecontroleerd_door", "gecontroleerd_op"]
    )
    _vastleggen("woo-document.terugsturen", document.verzoek, door)
    return document


@transaction.atomic
def beoordeling_overnemen(document: Document, *, door: Medewerker) -> Document:
    """A duplicate added after its original was approved takes over the original's assessment and
    redacted PDF (it has the same content, so the four eyes already looked at it)."""
    vereis(door, WOO_DOCUMENTEN_BEOORDELEN)
    document = _vergrendeld(document)
    _niet_afgesloten(document.verzoek)
    if document.dubbel_van_id is None:
        raise ValidationError({"oordeel": _("Dit document is geen dubbel van een ander document.")})
    if document.beoordelingsstatus == Beoordelingsstatus.GOEDGEKEURD:
        raise ValidationError({"oordeel": _("Dit document is al goedgekeurd; de beoordeling staat vast.")})
    origineel = Document.objects.select_for_update().get(pk=document.dubbel_van_id)
    if origineel.beoordelingsstatus != Beoordelingsstatus.GOEDGEKEURD:
        raise ValidationError(
            {
                "oordeel": _("Document %(nummer)s, waarvan dit een dubbel is, is nog niet goedgekeurd.")
                % {"nummer": _nummer(origineel)}
            }
        )
    inhoud: bytes | None = None
    if origineel.gelakt:
        with origineel.gelakt.open("rb") as bestand:
            inhoud = bestand.read()
    for veld in _BEOORDELINGSVELDEN:
        setattr(document, veld, getattr(origineel, veld))
    _bestand_vervangen(document, inhoud)
    document.save(update_fields=[*_BEOORDELINGSVELDEN, "gelakt"])
    _vastleggen("woo-document.beoordeling-overnemen", document.verzoek, door)
    return document


# --- motivation per ground (Awb 3:46, 7:12) -----------------------------------------------------------


@transaction.atomic
def grondmotivering_vastleggen(
    verzoek: WooVerzoek, *, grond: str, motivering: str, door: Medewerker
) -> Grondmotivering:
    """Records (or replaces) why a ground applies in this request; the besluit letter gives it per
    ground used (Awb 3:46). For a relative ground (Woo art. 5.1 lid 2) it must weigh the interest
    of openness against the interest protected."""
    vereis(door, WOO_DOCUMENTEN_BEOORDELEN)
    verzoek = WooVerzoek.objects.select_for_update().get(pk=verzoek.pk)
    _niet_afgesloten(verzoek, "motivering")
    try:
        code = woo_gronden.grond(grond).code
    except KeyError:
        raise ValidationError({"grond": _("Kies een weigeringsgrond van de Woo.")}) from None
    motivering = motivering.strip()
    if not motivering:
        raise ValidationError({"motivering": _("Schrijf de motivering voor deze grond.")})
    opgeslagen, _nieuw = Grondmotivering.objects.update_or_create(
        verzoek=verzoek, grond=code, defaults={"motivering": motivering, "door": door}
    )
    _vastleggen("woo-verzoek.grondmotivering-vastleggen", verzoek, door)
    return opgeslagen


# --- third parties and their zienswijze (Woo art. 4.4 lid 3, 5 and 6; Awb 4:8) ------------------------


@transaction.atomic
def derde_toevoegen(
    verzoek: WooVerzoek,
    *,
    naam: str,
    emailadres: str,
    postadres: str,
    document_ids: Sequence[int],
    bezwaar_verwacht: bool,
    door: Medewerker,
) -> Derde:
    """Records a third party whose interests the documents touch, to be heard before the decision
    (Awb 4:8; Woo art. 4.4 lid 3). `bezwaar_verwacht` moves disclosure to two weeks after the
    decision is made known (Woo art. 4.4 lid 5)."""
    vereis(door, WOO_DOCUMENTEN_BEOORDELEN)
    verzoek = WooVerzoek.objects.select_for_update().get(pk=verzoek.pk)
    _niet_afgesloten(verzoek, "naam")
    naam, emailadres, postadres = naam.strip(), emailadres.strip(), postadres.strip()
    fouten: dict[str, str] = {}
    if not naam:
        fouten["naam"] = _("Geef de naam van de derde-belanghebbende.")
    elif len(naam) > 200:
        fouten["naam"] = _("Een naam heeft ten hoogste 200 tekens.")
    if emailadres:
        try:
            validate_email(emailadres)
        except ValidationError:
            fouten["emailadres"] = _("Vul een geldig e-mailadres in.")
    elif not postadres:
        fouten["emailadres"] = _(
            "Geef een e-mailadres of een postadres, zodat de derde om een zienswijze kan worden gevraagd."
        )
    ids = set(document_ids)
    documenten = list(Document.objects.filter(verzoek=verzoek, pk__in=ids))
    if len(documenten) != len(ids):
        fouten["document_ids"] = _("Kies alleen documenten van dit verzoek.")
    if fouten:
        raise ValidationError(fouten)
    derde = Derde.objects.create(
        verzoek=verzoek,
        naam=naam,
        emailadres=emailadres,
        postadres=postadres,
        bezwaar_verwacht=bezwaar_verwacht,
    )
    derde.documenten.set(documenten)
    _vastleggen("woo-verzoek.derde-toevoegen", verzoek, door)
    return derde


def _derde_vergrendeld(derde: Derde) -> Derde:
    return Derde.objects.select_for_update().get(pk=derde.pk)


@transaction.atomic
def zienswijze_vragen(derde: Derde, *, op: date, door: Medewerker) -> Derde:
    """The third party is asked for its zienswijze on `op`, the day the verzoeker is told as well
    (Woo art. 4.4 lid 6). The decision term stands still from the next day until the zienswijze
    arrives (art. 4.4 lid 3): one suspension covers every third party asked while it runs."""
    vereis(door, WOO_VERZOEK_BEHANDELEN)
    derde = _derde_vergrendeld(derde)
    verzoek = WooVerzoek.objects.select_for_update().get(pk=derde.verzoek_id)
    _niet_afgesloten(verzoek, "op")
    if derde.zienswijze_gevraagd_op is not None:
        raise ValidationError(
            {
                "op": _("De zienswijze is al gevraagd op %(datum)s.")
                % {"datum": datum_nl(derde.zienswijze_gevraagd_op)}
            }
        )
    if op > timezone.localdate():
        raise ValidationError({"op": _("Deze datum ligt in de toekomst.")})
    if op < verzoek.ontvangen_op:
        raise ValidationError({"op": _("Deze datum ligt vóór de ontvangst van het verzoek.")})
    lopend = verzoek.opschortingen.filter(tot__isnull=True).first()
    if lopend is None:
        try:
            verzoekservices.zienswijze_opschorting_registreren(
                verzoek=verzoek, van=op + timedelta(days=1), reden=ZIENSWIJZE_REDEN, door=door
            )
        except ValidationError as fout:
            raise ValidationError({"op": [m for ms in fout.message_dict.values() for m in ms]}) from None
    elif lopend.soort != Opschortingssoort.ZIENSWIJZE:
        raise ValidationError(
            {"op": _("De termijn staat al stil voor een verduidelijking; vraag de zienswijze daarna.")}
        )
    derde.zienswijze_gevraagd_op = op
    derde.save(update_fields=["zienswijze_gevraagd_op"])
    _vastleggen("woo-verzoek.zienswijze-vragen", verzoek, door)
    return derde


@transaction.atomic
def zienswijze_ontvangen(
    derde: Derde,
    *,
    op: date,
    zienswijze: str,
    door: Medewerker,
    bezwaar_verwacht: bool | None = None,
) -> Derde:
    """The zienswijze arrived on `op`. When no other third party asked is still awaited, the
    suspension ends that day and the term runs again (Woo art. 4.4 lid 3). `bezwaar_verwacht`
    (when given) records whether the third party is expected to object, which moves disclosure
    (art. 4.4 lid 5)."""
    vereis(door, WOO_VERZOEK_BEHANDELEN)
    derde = _derde_vergrendeld(derde)
    verzoek = WooVerzoek.objects.select_for_update().get(pk=derde.verzoek_id)
    _niet_afgesloten(verzoek, "op")
    if derde.zienswijze_gevraagd_op is None:
        raise ValidationError({"op": _("Aan deze derde is nog geen zienswijze gevraagd.")})
    if derde.zienswijze_ontvangen_op is not None:
        raise ValidationError(
            {
                "op": _("De zienswijze is al ontvangen op %(datum)s.")
                % {"datum": datum_nl(derde.zienswijze_ontvangen_op)}
            }
        )
    if op > timezone.localdate():
        raise ValidationError({"op": _("Deze datum ligt in de toekomst.")})
    if op < derde.zienswijze_gevraagd_op:
        raise ValidationError({"op": _("De zienswijze kan niet binnenkomen vóór zij werd gevraagd.")})
    zienswijze = zienswijze.strip()
    if not zienswijze:
        raise ValidationError({"zienswijze": _("Geef de zienswijze weer (of vat haar samen).")})
    derde.zienswijze_ontvangen_op = op
    derde.zienswijze = zienswijze
    if bezwaar_verwacht is not None:
        derde.bezwaar_verwacht = bezwaar_verwacht
    derde.save(update_fields=["zienswijze_ontvangen_op", "zienswijze", "bezwaar_verwacht"])
    wachtend = Derde.objects.filter(
        verzoek=verzoek, zienswijze_gevraagd_op__isnull=False, zienswijze_ontvangen_op__isnull=True
    )
    lopend = verzoek.opschortingen.filter(tot__isnull=True, soort=Opschortingssoort.ZIENSWIJZE).first()
    if lopend is not None and not wachtend.exists():
        # The clock runs again from the day the last zienswijze awaited during this suspension
        # arrived (those asked on or after the day before it began).
        laatste = Derde.objects.filter(
            verzoek=verzoek, zienswijze_gevraagd_op__gte=lopend.van - timedelta(days=1)
        ).aggregate(laatste=Max("zienswijze_ontvangen_op"))["laatste"]
        verzoekservices.opschorting_beeindigen(verzoek=verzoek, tot=max(laatste or op, op), door=door)
    _vastleggen("woo-verzoek.zienswijze-ontvangen", verzoek, door)
    return derde
