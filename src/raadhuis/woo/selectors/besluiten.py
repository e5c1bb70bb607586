"""Reading what the decision on a Woo request needs and produces (woo.md, section 3): the
inventarislijst per document, the grounds used with their motivation, what still blocks the
decision, the outcome and the disclosure date it would get, and the hand-over of decided requests
to the publication module (Woo art. 3.3 lid 2 onder i).

The rows of the documents, their boxes and third parties are read here directly, so the decision
does not depend on the assessment pages' own selectors.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, QuerySet
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raadhuis.woo.gronden import GRONDEN
from raadhuis.woo.lakken import grond_normaliseren
from raadhuis.woo.models import (
    Beoordelingsstatus,
    Besluituitkomst,
    Derde,
    Document,
    Grondmotivering,
    Lakvak,
    Oordeel,
    Vakstatus,
    Verzoekstatus,
    WooBesluit,
    WooVerzoek,
)

__all__ = [
    "DOCUMENTSOORT_WOO_BESLUIT",
    "INFORMATIECATEGORIE_WOO",
    "OPENBAAR_TE_MAKEN",
    "UITSTEL_BIJ_BEZWAAR",
    "Belemmering",
    "Grondregel",
    "Inventarisregel",
    "Publicatiestuk",
    "belemmeringen",
    "besluit_van",
    "bezwaar_verwacht",
    "derden_bij_besluit",
    "grondregels",
    "inventaris",
    "openbaarmakingsdatum",
    "publicatiestukken",
    "te_publiceren",
    "uitkomst",
    "uitkomst_van",
]

# TOOI: informatiecategorie "Woo-verzoeken en -besluiten" (Woo art. 3.3 lid 2 onder i) and the
# documentsoort "beslissing op Wob-/Woo-verzoek" (core/data/tooi/*.csv; woo.md, sections 3 and 4).
INFORMATIECATEGORIE_WOO = "https://identifier.overheid.nl/tooi/def/thes/kern/c_3baef532"
DOCUMENTSOORT_WOO_BESLUIT = "https://identifier.overheid.nl/tooi/def/thes/kern/c_4f50ca9c"

# Woo art. 4.4 lid 5: "twee weken na bekendmaking" when a third party is expected to object; plain
# calendar days (the Atw does not move a date on which something may happen, only a term's end).
UITSTEL_BIJ_BEZWAAR = timedelta(days=14)

# The outcomes whose redacted PDF is published and bundled; niet openbaar is withheld and reeds
# openbaar is pointed to where it already is.
OPENBAAR_TE_MAKEN: frozenset[str] = frozenset({Oordeel.OPENBAAR, Oordeel.DEELS_OPENBAAR})

_VOLGORDE = {code: index for index, code in enumerate(GRONDEN)}


def _genormaliseerd(code: str) -> str:
    """The normalised code; a Wob code or a typo stays as written so it is still shown and checked."""
    try:
        return grond_normaliseren(code)
    except ValueError:
        return code.strip()


def _gesorteerd(codes: Iterable[str]) -> tuple[str, ...]:
    """Distinct codes in the order of the law (5.1.1a … 5.2), unknown ones last."""
    uniek = {_genormaliseerd(code) for code in codes if code and code.strip()}
    return tuple(sorted(uniek, key=lambda code: (_VOLGORDE.get(code, len(_VOLGORDE)), code)))


# --- the inventory ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Inventarisregel:
    """One row of the inventarislijst (woo.md, section 3; template minvws/nl-rdo-woo-web). A
    duplicate follows its original: its own assessment when it has one, else the original's."""

    document: Document
    nummer: str
    titel: str
    datum: date | None
    soort: str
    oordeel: str
    oordeel_label: str
    gronden: tuple[str, ...]
    opmerking: str
    vindplaats: str
    dubbel_van: str
    verwant_aan: tuple[str, ...]

    @property
    def openbaar_te_maken(self) -> bool:
        """Its redacted PDF is published: a non-duplicate document assessed openbaar or deels
        openbaar (a duplicate's content is published once, under its original's number)."""
        return not self.dubbel_van and self.oordeel in OPENBAAR_TE_MAKEN


def _nummer(document: Document) -> str:
    return document.nummer or f"#{document.pk}"


def _documenten(verzoek: WooVerzoek) -> QuerySet[Document]:
    """The request's documents in inventory order with what a row needs: the original of a
    duplicate, the related documents and the accepted boxes (their grounds), in four queries."""
    return (
        Document.objects.filter(verzoek=verzoek)
        .select_related("dubbel_van")
        .prefetch_related(
            Prefetch("verwant_aan", queryset=Document.objects.only("id", "nummer", "volgorde")),
            Prefetch(
                "lakvakken",
                queryset=Lakvak.objects.filter(status=Vakstatus.GEACCEPTEERD).only(
                    "id", "document_id", "grond"
                ),
                to_attr="geaccepteerde_vakken",
            ),
        )
        .order_by("volgorde", "id")
    )


def _gronden_van(document: Document, oordeel: str) -> tuple[str, ...]:
    """The grounds applied to the document: those of the whole document when it is withheld, those
    of its accepted boxes when it is partly disclosed (Woo art. 5.1, 5.2)."""
    if oordeel == Oordeel.NIET_OPENBAAR:
        return _gesorteerd(document.gronden or [])
    if oordeel == Oordeel.DEELS_OPENBAAR:
        return _gesorteerd(vak.grond for vak in getattr(document, "geaccepteerde_vakken", []))
    return ()


def _regel(document: Document, originelen: dict[int, Document]) -> Inventarisregel:
    origineel = originelen.get(document.dubbel_van_id) if document.dubbel_van_id is not None else None
    bron = origineel if origineel is not None and not document.oordeel else document
    oordeel = bron.oordeel
    gronden = _gronden_van(bron, oordeel)
    if not gronden and origineel is not None and origineel.oordeel == oordeel:
        # A duplicate carries no boxes of its own: the original's grounds apply to it.
        gronden = _gronden_van(origineel, oordeel)
    return Inventarisregel(
        document=document,
        nummer=_nummer(document),
        titel=document.titel or document.naam,
        datum=timezone.localdate(document.datum) if document.datum else None,
        soort=document.get_soort_display(),
        oordeel=oordeel,
        oordeel_label=str(Oordeel(oordeel).label) if oordeel in Oordeel.values else "",
        gronden=gronden,
        opmerking=document.opmerking or bron.opmerking,
        vindplaats=document.vindplaats or (bron.vindplaats if oordeel == Oordeel.REEDS_OPENBAAR else ""),
        dubbel_van=_nummer(document.dubbel_van) if document.dubbel_van is not None else "",
        verwant_aan=tuple(
            _nummer(verwant)
            for verwant in sorted(document.verwant_aan.all(), key=lambda d: (d.volgorde, d.pk))
        ),
    )


def inventaris(verzoek: WooVerzoek) -> list[Inventarisregel]:
    """Every document of the request as a row of the inventarislijst, in inventory order."""
    documenten = list(_documenten(verzoek))
    originelen = {document.pk: document for document in documenten}
    return [_regel(document, originelen) for document in documenten]


# --- the grounds used and their motivation ---------------------------------------------------------


def _gebruikte_gronden(verzoek: WooVerzoek) -> tuple[str, ...]:
    """The grounds the decision rests on: those of accepted boxes in non-duplicate documents
    assessed deels openbaar, and those of non-duplicate documents withheld as a whole.

    The same rule as `selectors.beoordeling.gebruikte_gronden` (part C); that one can replace this
    private reading once both are in."""
    in_vakken = (
        Lakvak.objects.filter(
            document__verzoek=verzoek,
            document__dubbel_van__isnull=True,
            document__oordeel=Oordeel.DEELS_OPENBAAR,
            status=Vakstatus.GEACCEPTEERD,
        )
        .values_list("grond", flat=True)
        .distinct()
    )
    in_documenten = Document.objects.filter(
        verzoek=verzoek, dubbel_van__isnull=True, oordeel=Oordeel.NIET_OPENBAAR
    ).values_list("gronden", flat=True)
    return _gesorteerd([*in_vakken, *(code for gronden in in_documenten for code in (gronden or []))])


@dataclass(frozen=True)
class Grondregel:
    """A ground used in the decision with the text of the law and the request's motivation (Awb
    3:46; for a relative ground the weighing against openness, Woo art. 5.1 lid 2)."""

    code: str
    artikel: str
    omschrijving: str
    absoluut: bool
    motivering: str
    aantal_documenten: int

    @property
    def bekend(self) -> bool:
        return self.code in GRONDEN


def grondregels(verzoek: WooVerzoek, regels: Sequence[Inventarisregel] | None = None) -> list[Grondregel]:
    """The grounds used, in the order of the law, each with its motivation ("" when none is
    recorded yet) and the number of non-duplicate documents it was applied to."""
    regels = inventaris(verzoek) if regels is None else regels
    motiveringen = {
        _genormaliseerd(motivering.grond): motivering.motivering.strip()
        for motivering in Grondmotivering.objects.filter(verzoek=verzoek)
    }
    resultaat = []
    for code in _gebruikte_gronden(verzoek):
        bekend = GRONDEN.get(code)
        resultaat.append(
            Grondregel(
                code=code,
                artikel=bekend.artikel if bekend else code,
                omschrijving=str(bekend.omschrijving) if bekend else "",
                absoluut=bekend.absoluut if bekend else False,
                motivering=motiveringen.get(code, ""),
                aantal_documenten=sum(
                    1 for regel in regels if not regel.dubbel_van and code in regel.gronden
                ),
            )
        )
    return resultaat


def derden_bij_besluit(verzoek: WooVerzoek) -> list[Derde]:
    """The third parties of the request, for the procedure in the letter and the disclosure date."""
    return list(Derde.objects.filter(verzoek=verzoek).order_by("zienswijze_gevraagd_op", "id"))


# --- outcome and disclosure ------------------------------------------------------------------------


def uitkomst(oordelen: Sequence[str]) -> str:
    """The outcome of the decision from the assessments of the (non-duplicate) documents."""
    if not oordelen:
        return Besluituitkomst.GEEN_DOCUMENTEN
    soorten = set(oordelen)
    if soorten == {Oordeel.OPENBAAR}:
        return Besluituitkomst.GEHEEL_OPENBAAR
    if soorten == {Oordeel.NIET_OPENBAAR}:
        return Besluituitkomst.GEHEEL_GEWEIGERD
    if soorten == {Oordeel.REEDS_OPENBAAR}:
        return Besluituitkomst.REEDS_OPENBAAR
    return Besluituitkomst.DEELS_OPENBAAR


def uitkomst_van(regels: Sequence[Inventarisregel]) -> str:
    return uitkomst([regel.oordeel for regel in regels if not regel.dubbel_van])


def bezwaar_verwacht(verzoek: WooVerzoek) -> bool:
    """A third party is expected to object (Woo art. 4.4 lid 5)."""
    return Derde.objects.filter(verzoek=verzoek, bezwaar_verwacht=True).exists()


def openbaarmakingsdatum(verzoek: WooVerzoek, besluitdatum: date) -> date:
    """The day the information goes out: with the decision, or two weeks after it was made known
    when a third party is expected to object (Woo art. 4.4 lid 5)."""
    return besluitdatum + UITSTEL_BIJ_BEZWAAR if bezwaar_verwacht(verzoek) else besluitdatum


# --- what blocks the decision ----------------------------------------------------------------------


@dataclass(frozen=True)
class Belemmering:
    """One reason the decision cannot be taken yet; `veld` is the key of the service's error."""

    veld: str
    melding: str


def _opsomming(nummers: Sequence[str], *, maximum: int = 10) -> str:
    if len(nummers) <= maximum:
        return ", ".join(nummers)
    return _("%(nummers)s en nog %(aantal)d") % {
        "nummers": ", ".join(nummers[:maximum]),
        "aantal": len(nummers) - maximum,
    }


def _gelakt_in_orde(document: Document) -> str | None:
    """Why the document's publishable PDF cannot go out, or None: there must be a redacted file
    that passed verification (no lakbevindingen) and that is still the file that was verified."""
    if not document.gelakt:
        return _("Document %(nummer)s heeft geen gelakte PDF; keur de beoordeling opnieuw goed.") % {
            "nummer": _nummer(document)
        }
    if document.lakbevindingen:
        return _(
            "De lakcontrole van document %(nummer)s vond tekst die nog te lezen is; openbaarmaking is "
            "geblokkeerd tot het document opnieuw is gelakt en goedgekeurd."
        ) % {"nummer": _nummer(document)}
    if document.gelakt_sha256:
        try:
            with document.gelakt.open("rb") as bestand:
                inhoud = bestand.read()
        except FileNotFoundError:
            inhoud = None
        if inhoud is None or hashlib.sha256(inhoud).hexdigest() != document.gelakt_sha256:
            return _(
                "De gelakte PDF van document %(nummer)s is niet meer het bestand dat is gecontroleerd; "
                "keur de beoordeling opnieuw goed."
            ) % {"nummer": _nummer(document)}
    return None


def belemmeringen(verzoek: WooVerzoek, regels: Sequence[Inventarisregel] | None = None) -> list[Belemmering]:
    """Everything that still blocks the decision, as the decision page's checklist shows it and
    `services.besluiten.besluit_nemen` refuses it: the request is closed, a document is not approved
    (four eyes), a used ground has no motivation (Awb 3:46), or a document to publish has no
    verified redacted PDF (woo.md, section 7: publication blocked when verification fails)."""
    if verzoek.status in (Verzoekstatus.BESLOTEN, Verzoekstatus.INGETROKKEN):
        return [
            Belemmering(
                "status",
                _("Het verzoek is %(status)s; er kan geen besluit meer worden genomen.")
                % {"status": verzoek.get_status_display().lower()},
            )
        ]
    regels = inventaris(verzoek) if regels is None else regels
    eigen = [regel for regel in regels if not regel.dubbel_van]
    gevonden: list[Belemmering] = []
    niet_goedgekeurd = [
        regel.nummer for regel in eigen if regel.document.beoordelingsstatus != Beoordelingsstatus.GOEDGEKEURD
    ]
    if niet_goedgekeurd:
        gevonden.append(
            Belemmering(
                "documenten",
                ngettext(
                    "%(aantal)d document is nog niet goedgekeurd: %(nummers)s.",
                    "%(aantal)d documenten zijn nog niet goedgekeurd: %(nummers)s.",
                    len(niet_goedgekeurd),
                )
                % {"aantal": len(niet_goedgekeurd), "nummers": _opsomming(niet_goedgekeurd)},
            )
        )
    for regel in eigen:
        if regel.document.beoordelingsstatus != Beoordelingsstatus.GOEDGEKEURD:
            continue
        if not regel.oordeel:
            gevonden.append(
                Belemmering(
                    "documenten",
                    _("Document %(nummer)s is goedgekeurd zonder oordeel.") % {"nummer": regel.nummer},
                )
            )
        elif regel.openbaar_te_maken:
            melding = _gelakt_in_orde(regel.document)
            if melding:
                gevonden.append(Belemmering("documenten", melding))
    for grond in grondregels(verzoek, regels):
        if not grond.bekend:
            gevonden.append(
                Belemmering(
                    "gronden",
                    _("Weigeringsgrond %(code)s is geen grond uit de Woo; pas de beoordeling aan.")
                    % {"code": grond.code},
                )
            )
        elif not grond.motivering:
            gevonden.append(
                Belemmering(
                    "gronden",
                    _(
                        "Er is geen motivering vastgelegd voor weigeringsgrond %(code)s (%(omschrijving)s); "
                        "het besluit moet elke gebruikte grond motiveren."
                    )
                    % {"code": grond.code, "omschrijving": grond.omschrijving},
                )
            )
    return gevonden


# --- the decision and its hand-over ----------------------------------------------------------------


def besluit_van(verzoek: WooVerzoek) -> WooBesluit | None:
    return WooBesluit.objects.filter(verzoek=verzoek).select_related("verzoek", "besloten_door").first()


def te_publiceren(*, op: date | None = None) -> QuerySet[WooBesluit]:
    """The decisions the publication module must take over (category 2i): disclosure date reached
    (Woo art. 4.4 lid 5: not before), not handed over yet; oldest first."""
    peildatum = op or timezone.localdate()
    return (
        WooBesluit.objects.filter(
            openbaarmaking_op__lte=peildatum,
            overgedragen_op__isnull=True,
            verzoek__status=Verzoekstatus.BESLOTEN,
        )
        .select_related("verzoek")
        .order_by("openbaarmaking_op", "id")
    )


@dataclass(frozen=True)
class Publicatiestuk:
    """One file the publication module publishes for a decision, with its DiWoo classification.
    `documentsoort` is empty for the released documents: their kind is not classified here."""

    titel: str
    bestand: FieldFile
    soort: str  # "besluit" | "inventarislijst" | "document"
    nummer: str
    mediatype: str
    informatiecategorie: str = INFORMATIECATEGORIE_WOO
    documentsoort: str = ""


def publicatiestukken(besluit: WooBesluit) -> list[Publicatiestuk]:
    """The decision letter, the inventarislijst (PDF and CSV) and every redacted document to be
    published, in inventory order. The letter names no requester (services.besluiten), and only
    the redacted, verified output of each document is offered, never the original."""
    verzoek = besluit.verzoek
    stukken = [
        Publicatiestuk(
            titel=_("Besluit op Woo-verzoek %(kenmerk)s") % {"kenmerk": verzoek.kenmerk},
            bestand=besluit.besluitbrief,
            soort="besluit",
            nummer="",
            mediatype="application/pdf",
            documentsoort=DOCUMENTSOORT_WOO_BESLUIT,
        ),
        Publicatiestuk(
            titel=_("Inventarislijst bij Woo-besluit %(kenmerk)s") % {"kenmerk": verzoek.kenmerk},
            bestand=besluit.inventarislijst_pdf,
            soort="inventarislijst",
            nummer="",
            mediatype="application/pdf",
            documentsoort=DOCUMENTSOORT_WOO_BESLUIT,
        ),
        Publicatiestuk(
            titel=_("Inventarislijst bij Woo-besluit %(kenmerk)s (CSV)") % {"kenmerk": verzoek.kenmerk},
            bestand=besluit.inventarislijst_csv,
            soort="inventarislijst",
            nummer="",
            mediatype="text/csv",
            documentsoort=DOCUMENTSOORT_WOO_BESLUIT,
        ),
    ]
    for regel in inventaris(verzoek):
        if regel.openbaar_te_maken and regel.document.gelakt:
            stukken.append(
                Publicatiestuk(
                    titel=regel.titel,
                    bestand=regel.document.gelakt,
                    soort="document",
                    nummer=regel.nummer,
                    mediatype="application/pdf",
                )
            )
    return stukken
