"""Reads for the employees' work queue and case page: the keyset-paged queue, one case with its
roles (a logged read of personal data) and the case's timeline."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils import timezone

from raadhuis.accounts.models import Medewerker
from raadhuis.accounts.models import Rol as Medewerkerrol
from raadhuis.core.logboek import Betrokkene, leest_persoonsgegevens
from raadhuis.core.logboek.activiteiten import PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN
from raadhuis.core.rechten import vereis
from raadhuis.dienstverlening import cachesleutels
from raadhuis.dienstverlening.models import (
    Product,
    Statustype,
    Team,
    Zaak,
    Zaakbericht,
    Zaakdocument,
    Zaaknotitie,
    Zaakstatus,
)
from raadhuis.dienstverlening.rechten import ZAAK_INZIEN

MAX_AANTAL = 100
# What a row of the queue shows. The rest of a case (its request data, notes) and of its product
# (descriptions, conditions) is not read: on the first page those columns were most of the
# query's time and of the rows' decoding.
LIJSTVELDEN = (
    "id",
    "identificatie",
    "omschrijving",
    "kanaal",
    "einddatum",
    "einddatum_gepland",
    # The foreign keys select_related follows must be loaded.
    "product",
    "statustype",
    "resultaattype",
    "behandelaar",
    "product__naam",
    "statustype__omschrijving",
    "resultaattype__omschrijving",
    "behandelaar__first_name",
    "behandelaar__last_name",
    "behandelaar__username",
)


class Termijn(StrEnum):
    """The expected end date (einddatum_gepland) against today."""

    ALLE = ""
    TE_LAAT = "te_laat"  # the expected end date has passed
    DEZE_WEEK = "deze_week"  # due from today up to and including this Sunday


@dataclass(frozen=True)
class Werkvoorraadfilter:
    """What the queue shows. `behandelaar_id` is a person (the form turns "me" into the employee's
    own id); `zonder_behandelaar` the cases nobody has claimed. Without `afgesloten` and without an
    end status only open cases are shown."""

    team_id: int | None = None
    behandelaar_id: int | None = None
    zonder_behandelaar: bool = False
    product_id: int | None = None
    statustype_id: int | None = None
    kanaal: str = ""
    termijn: Termijn = Termijn.ALLE
    afgesloten: bool = False


@dataclass(frozen=True)
class Cursor:
    """The last row of a page. Open cases run by (einddatum_gepland, id) ascending, closed ones by
    (einddatum, id) descending; the flag keeps a cursor from being applied to the other order."""

    afgesloten: bool
    datum: dt.date
    id: int

    def coderen(self) -> str:
        ruw = f"{'a' if self.afgesloten else 'o'}:{self.datum.isoformat()}:{self.id}"
        return base64.urlsafe_b64encode(ruw.encode()).decode().rstrip("=")

    @classmethod
    def decoderen(cls, waarde: str) -> Cursor:
        """Raises ValueError on anything this module did not write."""
        try:
            ruw = base64.urlsafe_b64decode(waarde + "=" * (-len(waarde) % 4)).decode()
        except (binascii.Error, UnicodeDecodeError) as fout:
            raise ValueError("ongeldige cursor") from fout
        delen = ruw.split(":")
        if len(delen) != 3 or delen[0] not in ("a", "o"):
            raise ValueError("ongeldige cursor")
        return cls(afgesloten=delen[0] == "a", datum=dt.date.fromisoformat(delen[1]), id=int(delen[2]))


@dataclass(frozen=True)
class Pagina:
    zaken: list[Zaak]
    volgende: str | None  # the cursor of the next page, None on the last one


def _toont_afgesloten(filters: Werkvoorraadfilter) -> bool:
    if filters.afgesloten:
        return True
    if filters.statustype_id is None:
        return False
    return Statustype.objects.filter(pk=filters.statustype_id, is_eindstatus=True).exists()


def _gefilterd(filters: Werkvoorraadfilter, *, afgesloten: bool, vandaag: dt.date) -> QuerySet[Zaak]:
    # Every filter is an equality or a range on the expected end date, so PostgreSQL walks one of the
    # partial indexes zaak_open_* (team, behandelaar, product or the plain urgency one) in order and
    # stops after one page: no sort, no count, no offset (prestaties.md).
    zaken = Zaak.objects.filter(einddatum__isnull=not afgesloten)
    if filters.team_id is not None:
        zaken = zaken.filter(team_id=filters.team_id)
    if filters.zonder_behandelaar:
        zaken = zaken.filter(behandelaar__isnull=True)
    elif filters.behandelaar_id is not None:
        zaken = zaken.filter(behandelaar_id=filters.behandelaar_id)
    if filters.product_id is not None:
        zaken = zaken.filter(product_id=filters.product_id)
    if filters.statustype_id is not None:
        zaken = zaken.filter(statustype_id=filters.statustype_id)
    if filters.kanaal:
        zaken = zaken.filter(kanaal=filters.kanaal)
    if filters.termijn is Termijn.TE_LAAT:
        zaken = zaken.filter(einddatum_gepland__lt=vandaag)
    elif filters.termijn is Termijn.DEZE_WEEK:
        zondag = vandaag + dt.timedelta(days=6 - vandaag.weekday())
        zaken = zaken.filter(einddatum_gepland__gte=vandaag, einddatum_gepland__lte=zondag)
    return zaken


def werkvoorraad_query(
    *, filters: Werkvoorraadfilter, na: str | Cursor | None = None
) -> tuple[QuerySet[Zaak], bool]:
    """The ordered query behind one page (and whether it lists closed cases); `werkvoorraad` slices
    it, the tests EXPLAIN it. An unreadable or foreign cursor starts at the first page."""
    afgesloten = _toont_afgesloten(filters)
    zaken = _gefilterd(filters, afgesloten=afgesloten, vandaag=timezone.localdate())
    cursor: Cursor | None
    if isinstance(na, str):
        try:
            cursor = Cursor.decoderen(na) if na else None
        except ValueError:
            cursor = None
    else:
        cursor = na
    if cursor is not None and cursor.afgesloten != afgesloten:
        cursor = None
    # The redundant bound (>= or <= the cursor's date) lets the index range scan start at the cursor.
    if afgesloten:
        if cursor is not None:
            zaken = zaken.filter(einddatum__lte=cursor.datum).filter(
                Q(einddatum__lt=cursor.datum) | Q(id__lt=cursor.id)
            )
        zaken = zaken.order_by("-einddatum", "-id")
    else:
        if cursor is not None:
            zaken = zaken.filter(einddatum_gepland__gte=cursor.datum).filter(
                Q(einddatum_gepland__gt=cursor.datum) | Q(id__gt=cursor.id)
            )
        zaken = zaken.order_by("einddatum_gepland", "id")
    return (
        zaken.select_related("product", "statustype", "resultaattype", "behandelaar").only(*LIJSTVELDEN),
        afgesloten,
    )


def werkvoorraad(*, filters: Werkvoorraadfilter, na: str | Cursor | None = None, aantal: int = 25) -> Pagina:
    """One page of the queue, most urgent first, starting after the cursor `na` (keyset
    pagination: one query of aantal + 1 rows, no COUNT, no OFFSET)."""
    aantal = max(1, min(aantal, MAX_AANTAL))
    zaken, afgesloten = werkvoorraad_query(filters=filters, na=na)
    rijen = list(zaken[: aantal + 1])
    volgende = None
    if len(rijen) > aantal:
        rijen = rijen[:aantal]
        laatste = rijen[-1]
        datum = (laatste.einddatum or laatste.einddatum_gepland) if afgesloten else laatste.einddatum_gepland
        volgende = Cursor(afgesloten=afgesloten, datum=datum, id=laatste.pk).coderen()
    return Pagina(zaken=rijen, volgende=volgende)


# --- choices for the filter and assignment forms ---------------------------------------------------


def teams() -> QuerySet[Team]:
    return Team.objects.order_by("naam")


# The filter's choices as (value, label) pairs, read as tuples: model instances for every product,
# status type and behandelaar were most of the filter form's time on each request.

# They change when a team, product, status type or behandelaar is added or renamed, a few times a
# year, and every page of the queue reads them: kept in the cache (shared by the processes in
# production) for a minute, four queries fewer a page. The catalogue's services clear it when they
# add or change a team, product or zaaktype; a new colleague shows within that minute.
FILTERKEUZES_CACHEDUUR = 60


@dataclass(frozen=True)
class Filterkeuzes:
    teams: list[tuple[str, str]]
    behandelaars: list[tuple[str, str]]
    producten: list[tuple[str, str]]
    statustypen: list[tuple[str, list[tuple[str, str]]]]


def filterkeuzes() -> Filterkeuzes:
    """The work queue filter's choices, at most FILTERKEUZES_CACHEDUUR seconds old."""
    keuzes = cache.get(cachesleutels.FILTERKEUZES)
    if not isinstance(keuzes, Filterkeuzes):
        keuzes = _filterkeuzes_lezen()
        cache.set(cachesleutels.FILTERKEUZES, keuzes, FILTERKEUZES_CACHEDUUR)
    return keuzes


def _filterkeuzes_lezen() -> Filterkeuzes:
    return Filterkeuzes(
        teams=[(str(pk), naam) for pk, naam in teams().values_list("pk", "naam")],
        behandelaars=behandelaarkeuzes(),
        producten=productkeuzes(),
        statustypen=statustypkeuzes(),
    )


def productkeuzes() -> list[tuple[str, str]]:
    return [
        (str(pk), naam)
        for pk, naam in Product.objects.filter(zaaktype__isnull=False)
        .order_by("naam")
        .values_list("pk", "naam")
    ]


def statustypkeuzes() -> list[tuple[str, list[tuple[str, str]]]]:
    """The status types grouped by zaaktype, for an optgroup per zaaktype."""
    groepen: dict[str, list[tuple[str, str]]] = defaultdict(list)
    rijen = Statustype.objects.order_by("zaaktype__omschrijving", "volgnummer").values_list(
        "pk", "omschrijving", "zaaktype__omschrijving"
    )
    for pk, omschrijving, zaaktype in rijen:
        groepen[zaaktype].append((str(pk), omschrijving))
    return list(groepen.items())


def _behandelaars() -> QuerySet[Medewerker]:
    # Mirrors who holds ZAAK_BEHANDELEN (dienstverlening.rechten); the service checks it again.
    return (
        Medewerker.objects.filter(
            is_active=True, roltoekenningen__rol__in=[Medewerkerrol.BEHANDELAAR, Medewerkerrol.BEHEERDER]
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def behandelaarkeuzes() -> list[tuple[str, str]]:
    """Everyone who may handle cases, for the queue's behandelaar filter: (pk, name shown)."""
    rijen = _behandelaars().values_list("pk", "first_name", "last_name", "username")
    return [(str(pk), Medewerker.naam_uit(*namen)) for pk, *namen in rijen]


def behandelaars_voor(zaak: Zaak) -> QuerySet[Medewerker]:
    """Whom the case can be assigned to: the behandelaars of its team (all of them without a team)."""
    if zaak.team_id is None:
        return _behandelaars()
    return _behandelaars().filter(dienstverleningsteams=zaak.team_id)


# --- one case ---------------------------------------------------------------------------------------


def _betrokkenen(zaak: Zaak | None) -> Iterable[Betrokkene]:
    if zaak is None:
        return []
    gevonden: list[Betrokkene] = []
    for rol in zaak.rollen.all():
        if rol.bsn:
            gevonden.append(("BSN", rol.bsn))
        elif rol.kvk_nummer:
            gevonden.append(("KVK", rol.kvk_nummer))
    return list(dict.fromkeys(gevonden))


@leest_persoonsgegevens(
    naam="zaak.raadplegen", activiteit=PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN, betrokkenen=_betrokkenen
)
def zaak_voor_medewerker(identificatie: str, *, door: Medewerker) -> Zaak | None:
    """The case with its roles for the case page; the read is logged for every resident or business
    in a role (AVG art. 5 lid 2; Logboek Dataverwerkingen)."""
    vereis(door, ZAAK_INZIEN)
    return (
        Zaak.objects.select_related(
            "zaaktype", "product", "statustype", "resultaattype", "team", "behandelaar"
        )
        .prefetch_related("rollen__roltype", "rollen__medewerker")
        .filter(identificatie=identificatie)
        .first()
    )


def zaakdocument(zaak: Zaak, pk: int) -> Zaakdocument | None:
    return Zaakdocument.objects.filter(zaak=zaak, pk=pk).first()


# --- the timeline -----------------------------------------------------------------------------------


class Soort(StrEnum):
    STATUS = "status"
    NOTITIE = "notitie"
    DOCUMENT = "document"
    BERICHT_AAN_AANVRAGER = "aan_aanvrager"
    BERICHT_VAN_AANVRAGER = "van_aanvrager"
    EMAIL = "email"


@dataclass(frozen=True)
class Gebeurtenis:
    """One line of the timeline; `object` is the status, note, document or message itself."""

    moment: dt.datetime
    soort: Soort
    door: Medewerker | None
    object: Zaakstatus | Zaaknotitie | Zaakdocument | Zaakbericht


def tijdlijn(zaak: Zaak) -> list[Gebeurtenis]:
    """Status history, notes, documents, messages both ways and the e-mails sent, oldest first. Four
    queries whatever the length (one per kind)."""
    gebeurtenissen: list[Gebeurtenis] = []
    for status in Zaakstatus.objects.filter(zaak=zaak).select_related("statustype", "gezet_door"):
        gebeurtenissen.append(Gebeurtenis(status.datum_status_gezet, Soort.STATUS, status.gezet_door, status))
    for notitie in Zaaknotitie.objects.filter(zaak=zaak).select_related("door"):
        gebeurtenissen.append(Gebeurtenis(notitie.geschreven_op, Soort.NOTITIE, notitie.door, notitie))
    for document in Zaakdocument.objects.filter(zaak=zaak).select_related("toegevoegd_door"):
        gebeurtenissen.append(
            Gebeurtenis(document.toegevoegd_op, Soort.DOCUMENT, document.toegevoegd_door, document)
        )
    for bericht in Zaakbericht.objects.filter(zaak=zaak).select_related("door"):
        gebeurtenissen.append(Gebeurtenis(bericht.aangemaakt_op, Soort(bericht.soort), bericht.door, bericht))
    volgorde = list(Soort)
    gebeurtenissen.sort(key=lambda g: (g.moment, volgorde.index(g.soort), g.object.pk))
    return gebeurtenissen
