"""Reads for "Mijn zaken": only the logged-in resident's or business's own cases.

Every read that returns a case is logged in the Logboek Dataverwerkingen with the resident or
business as both actor and data subject (AVG art. 5 lid 2, art. 30). Lists are keyset-paginated
on the "Mijn zaken" index (initiator, registratiedatum desc, id desc): no COUNT, no OFFSET
(prestaties.md; Open Zaak #1574, #1647)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from raadhuis.core import logboek
from raadhuis.core.identiteit import Identiteit, Soort
from raadhuis.core.logboek.activiteiten import PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN
from raadhuis.dienstverlening.models import Berichtsoort, Zaak, Zaakbericht, Zaakdocument, Zaakstatus

# Open cases are few per person; the page shows them all up to this bound.
MAX_LOPENDE_ZAKEN = 100
PAGINAGROOTTE = 20
MAX_PAGINAGROOTTE = 100
# What the applicant sees of the messages: not the internal notes (another model) and not the
# e-mails the platform sent (they only say that a message is waiting).
ZICHTBARE_BERICHTEN = (Berichtsoort.BERICHT_AAN_AANVRAGER, Berichtsoort.BERICHT_VAN_AANVRAGER)


def eigen_zaken(identiteit: Identiteit) -> QuerySet[Zaak]:
    """Newest first, by the index on (initiator, registratiedatum, id). An identity without a BSN or
    KvK number owns nothing (an empty value must never match the cases of businesses or residents)."""
    if identiteit.soort is Soort.INWONER:
        if not identiteit.bsn:
            return Zaak.objects.none()
        zaken = Zaak.objects.filter(initiator_bsn=identiteit.bsn)
    else:
        if not identiteit.kvk_nummer:
            return Zaak.objects.none()
        zaken = Zaak.objects.filter(initiator_kvk=identiteit.kvk_nummer)
    return zaken.select_related("statustype", "resultaattype").order_by("-registratiedatum", "-id")


def _betrokkene(identiteit: Identiteit) -> logboek.Betrokkene | None:
    soort, waarde = identiteit.betrokkene_sleutel
    return (soort, waarde) if waarde else None


# -- Keyset cursor ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cursor:
    """The last case of a page: the next page starts after (registratiedatum, id). Holds no
    personal data, so it may travel in a URL."""

    registratiedatum: dt.date
    id: int

    def __str__(self) -> str:
        return f"{self.registratiedatum.isoformat()}_{self.id}"

    @classmethod
    def van_zaak(cls, zaak: Zaak) -> Cursor:
        return cls(registratiedatum=zaak.registratiedatum, id=zaak.pk)

    @classmethod
    def lezen(cls, tekst: str) -> Cursor:
        datum, _sep, nummer = tekst.partition("_")
        try:
            return cls(registratiedatum=dt.date.fromisoformat(datum), id=int(nummer))
        except ValueError as fout:
            raise ValidationError({"na": _("Deze vervolgcode voor de lijst is ongeldig.")}) from fout


class Stand(StrEnum):
    LOPEND = "lopend"
    AFGESLOTEN = "afgesloten"


@dataclass(frozen=True)
class Pagina:
    zaken: list[Zaak]
    volgende: str | None = None


def _pagina(zaken: QuerySet[Zaak], *, na: str, aantal: int) -> Pagina:
    if na:
        cursor = Cursor.lezen(na)
        zaken = zaken.filter(
            Q(registratiedatum__lt=cursor.registratiedatum)
            | Q(registratiedatum=cursor.registratiedatum, id__lt=cursor.id)
        )
    aantal = max(1, min(aantal, MAX_PAGINAGROOTTE))
    rijen = list(zaken[: aantal + 1])
    if len(rijen) > aantal:
        return Pagina(zaken=rijen[:aantal], volgende=str(Cursor.van_zaak(rijen[aantal - 1])))
    return Pagina(zaken=rijen)


def zaken_pagina(
    *, door: Identiteit, na: str = "", aantal: int = PAGINAGROOTTE, stand: Stand | None = None
) -> Pagina:
    """A page of the identity's own cases, newest first; ``stand`` narrows to open or closed.
    One query, plus the log entry."""
    betrokkene = _betrokkene(door)
    if betrokkene is None:
        return Pagina(zaken=[])
    zaken = eigen_zaken(door)
    if stand is Stand.LOPEND:
        zaken = zaken.filter(einddatum__isnull=True)
    elif stand is Stand.AFGESLOTEN:
        zaken = zaken.filter(einddatum__isnull=False)
    with logboek.verwerking(
        naam="mijn_zaken.lijst",
        activiteit=PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN,
        door=door,
        betrokkene=betrokkene,
    ):
        return _pagina(zaken, na=na, aantal=aantal)


@dataclass(frozen=True)
class Overzicht:
    lopend: list[Zaak]
    afgesloten: Pagina


def mijn_zaken_overzicht(*, door: Identiteit, na: str = "", aantal: int = PAGINAGROOTTE) -> Overzicht:
    """The "Mijn zaken" page: every open case (bounded) and a page of the closed ones. Two queries
    on the index, plus one log entry."""
    betrokkene = _betrokkene(door)
    if betrokkene is None:
        return Overzicht(lopend=[], afgesloten=Pagina(zaken=[]))
    zaken = eigen_zaken(door)
    with logboek.verwerking(
        naam="mijn_zaken.lijst",
        activiteit=PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN,
        door=door,
        betrokkene=betrokkene,
    ):
        lopend = list(zaken.filter(einddatum__isnull=True)[:MAX_LOPENDE_ZAKEN])
        afgesloten = _pagina(zaken.filter(einddatum__isnull=False), na=na, aantal=aantal)
    return Overzicht(lopend=lopend, afgesloten=afgesloten)


@dataclass(frozen=True)
class ZaakInzage:
    """What the applicant sees of a case: no internal notes, no hidden documents, no e-mails."""

    zaak: Zaak
    statussen: list[Zaakstatus] = field(default_factory=list)
    documenten: list[Zaakdocument] = field(default_factory=list)
    berichten: list[Zaakbericht] = field(default_factory=list)


def _eigen_zaak(identiteit: Identiteit, identificatie: str) -> QuerySet[Zaak]:
    return eigen_zaken(identiteit).filter(identificatie=identificatie)


def mijn_zaak(*, door: Identiteit, identificatie: str) -> ZaakInzage | None:
    """The identity's own case with its status history, visible documents and messages (four
    queries); None when it does not exist or is someone else's, so a caller cannot tell the two apart."""
    betrokkene = _betrokkene(door)
    if betrokkene is None:
        return None
    zaak = (
        _eigen_zaak(door, identificatie)
        .select_related("zaaktype", "product")
        .prefetch_related(
            Prefetch(
                "statussen",
                queryset=Zaakstatus.objects.select_related("statustype").order_by("datum_status_gezet", "id"),
                to_attr="zichtbare_statussen",
            ),
            Prefetch(
                "documenten",
                queryset=Zaakdocument.objects.filter(zichtbaar_voor_aanvrager=True).order_by(
                    "toegevoegd_op", "id"
                ),
                to_attr="zichtbare_documenten",
            ),
            Prefetch(
                "berichten",
                queryset=Zaakbericht.objects.filter(soort__in=ZICHTBARE_BERICHTEN).order_by(
                    "aangemaakt_op", "id"
                ),
                to_attr="zichtbare_berichten",
            ),
        )
        .first()
    )
    if zaak is None:
        return None
    logboek.vastleggen(
        naam="mijn_zaken.zaak",
        activiteit=PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN,
        betrokkene=betrokkene,
        door=door,
    )
    return ZaakInzage(
        zaak=zaak,
        statussen=zaak.zichtbare_statussen,
        documenten=zaak.zichtbare_documenten,
        berichten=zaak.zichtbare_berichten,
    )


def eigen_zaak_voor_wijziging(*, door: Identiteit, identificatie: str) -> Zaak | None:
    """The identity's own case to add a message or document to (the service checks ownership again)."""
    if _betrokkene(door) is None:
        return None
    return _eigen_zaak(door, identificatie).first()


def eigen_document(*, door: Identiteit, identificatie: str, pk: int) -> Zaakdocument | None:
    """A document the applicant may download: of their own case and marked visible to them. The
    ownership is checked here again, not taken from the page that linked to it."""
    betrokkene = _betrokkene(door)
    if betrokkene is None:
        return None
    document = (
        Zaakdocument.objects.filter(
            pk=pk,
            zichtbaar_voor_aanvrager=True,
            zaak__in=_eigen_zaak(door, identificatie).values("pk"),
        )
        .select_related("zaak")
        .first()
    )
    if document is None:
        return None
    logboek.vastleggen(
        naam="mijn_zaken.document",
        activiteit=PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN,
        betrokkene=betrokkene,
        door=door,
    )
    return document
