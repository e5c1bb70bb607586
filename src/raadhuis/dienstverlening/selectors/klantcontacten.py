"""Reads for klantcontacten: the keyset-paged contact list, open questions, callbacks for an employee
and their teams, one contact (a logged read), the 360° view of a party (a logged read) and the
knowledge base search."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Q, QuerySet
from django.utils import timezone

from raadhuis.accounts.models import Medewerker
from raadhuis.accounts.models import Rol as Medewerkerrol
from raadhuis.core import zoeken
from raadhuis.core.logboek import Betrokkene, leest_persoonsgegevens
from raadhuis.core.rechten import vereis
from raadhuis.core.validators import alleen_cijfers
from raadhuis.dienstverlening.models import (
    Afspraak,
    Kennisartikel,
    Klantcontact,
    Product,
    Taakstatus,
    Team,
    Terugbelverzoek,
    Zaak,
)
from raadhuis.dienstverlening.rechten import KLANTBEELD_INZIEN, KLANTCONTACT_REGISTREREN

ACTIVITEIT = "klantcontact-registreren"
MAX_AANTAL = 100
# The 360° view shows at most this many of each kind (newest first); older ones are in the archive.
KLANTBEELD_PER_SOORT = 200
RECENT_AFGEHANDELD = 20


# --- the contact list ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Contactfilter:
    kanaal: str = ""
    afgehandeld: bool | None = None
    van: dt.date | None = None
    tot: dt.date | None = None  # inclusive


@dataclass(frozen=True)
class Cursor:
    """The last row of a page: (plaatsgevonden_op, id), newest first."""

    moment: dt.datetime
    id: int

    def coderen(self) -> str:
        ruw = f"{self.moment.isoformat()}|{self.id}"
        return base64.urlsafe_b64encode(ruw.encode()).decode().rstrip("=")

    @classmethod
    def decoderen(cls, waarde: str) -> Cursor:
        """Raises ValueError on anything this module did not write."""
        try:
            ruw = base64.urlsafe_b64decode(waarde + "=" * (-len(waarde) % 4)).decode()
        except (binascii.Error, UnicodeDecodeError) as fout:
            raise ValueError("ongeldige cursor") from fout
        delen = ruw.split("|")
        if len(delen) != 2:
            raise ValueError("ongeldige cursor")
        moment = dt.datetime.fromisoformat(delen[0])
        if moment.tzinfo is None:
            raise ValueError("ongeldige cursor")
        return cls(moment=moment, id=int(delen[1]))


@dataclass(frozen=True)
class Pagina:
    contacten: list[Klantcontact]
    volgende: str | None


def _begin_van(datum: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(datum, dt.time.min))


def klantcontacten(*, filters: Contactfilter, na: str | None = None, aantal: int = 25) -> Pagina:
    """One page of contacts, newest first, after the cursor `na` (keyset: one query, no COUNT).
    An unreadable cursor starts at the first page."""
    aantal = max(1, min(aantal, MAX_AANTAL))
    contacten = Klantcontact.objects.all()
    if filters.kanaal:
        contacten = contacten.filter(kanaal=filters.kanaal)
    if filters.afgehandeld is not None:
        contacten = contacten.filter(afgehandeld=filters.afgehandeld)
    if filters.van is not None:
        contacten = contacten.filter(plaatsgevonden_op__gte=_begin_van(filters.van))
    if filters.tot is not None:
        contacten = contacten.filter(plaatsgevonden_op__lt=_begin_van(filters.tot + dt.timedelta(days=1)))
    cursor: Cursor | None = None
    if na:
        try:
            cursor = Cursor.decoderen(na)
        except ValueError:
            cursor = None
    if cursor is not None:
        contacten = contacten.filter(plaatsgevonden_op__lte=cursor.moment).filter(
            Q(plaatsgevonden_op__lt=cursor.moment) | Q(id__lt=cursor.id)
        )
    rijen = list(
        contacten.select_related("product", "zaak", "geregistreerd_door", "team").order_by(
            "-plaatsgevonden_op", "-id"
        )[: aantal + 1]
    )
    volgende = None
    if len(rijen) > aantal:
        rijen = rijen[:aantal]
        volgende = Cursor(moment=rijen[-1].plaatsgevonden_op, id=rijen[-1].pk).coderen()
    return Pagina(contacten=rijen, volgende=volgende)


def open_vragen(*, aantal: int = 50) -> list[Klantcontact]:
    """Contacts waiting for an answer (a web-form question, a letter), oldest first; a contact with
    an open callback is in the callback lists instead."""
    return list(
        Klantcontact.objects.filter(afgehandeld=False)
        .exclude(terugbelverzoeken__status=Taakstatus.TE_VERWERKEN)
        .select_related("product", "zaak")
        .order_by("plaatsgevonden_op", "id")[: max(1, min(aantal, MAX_AANTAL))]
    )


# --- callbacks --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Terugbelregel:
    verzoek: Terugbelverzoek
    te_laat: bool
    voor_mij: bool  # assigned to me in person (else to one of my teams)


@dataclass(frozen=True)
class Terugbellijst:
    open: list[Terugbelregel]
    recent_afgehandeld: list[Terugbelverzoek]


def _voor(medewerker: Medewerker) -> Q:
    # A subquery, not a join through the team members: a join would repeat a callback per member.
    mijn_teams = Team.objects.filter(leden=medewerker).values("pk")
    return Q(medewerker=medewerker) | Q(team_id__in=mijn_teams)


def terugbelverzoeken_voor(*, medewerker: Medewerker, nu: dt.datetime | None = None) -> Terugbellijst:
    """The employee's own and their teams' callbacks: the open ones by deadline (overdue marked),
    then the last ones done. Two queries."""
    nu = nu or timezone.now()
    open_verzoeken = (
        Terugbelverzoek.objects.filter(_voor(medewerker), status=Taakstatus.TE_VERWERKEN)
        .select_related("klantcontact", "medewerker", "team")
        .order_by("deadline", "id")[:MAX_AANTAL]
    )
    afgehandeld = (
        Terugbelverzoek.objects.filter(_voor(medewerker), status=Taakstatus.VERWERKT)
        .select_related("klantcontact", "medewerker", "team", "afgehandeld_door")
        .order_by("-afgehandeld_op", "-id")[:RECENT_AFGEHANDELD]
    )
    return Terugbellijst(
        open=[
            Terugbelregel(verzoek=v, te_laat=v.deadline < nu, voor_mij=v.medewerker_id == medewerker.pk)
            for v in open_verzoeken
        ],
        recent_afgehandeld=list(afgehandeld),
    )


def terugbelverzoeken_van(contact: Klantcontact) -> QuerySet[Terugbelverzoek]:
    return Terugbelverzoek.objects.filter(klantcontact=contact).select_related(
        "medewerker", "team", "afgehandeld_door", "aangemaakt_door"
    )


def _betrokkenen_van_verzoek(verzoek: Terugbelverzoek | None) -> Iterable[Betrokkene]:
    return _betrokkenen_van_contact(verzoek.klantcontact if verzoek else None)


def _betrokkenen_van_contact(contact: Klantcontact | None) -> Iterable[Betrokkene]:
    if contact is None:
        return []
    if contact.bsn:
        return [("BSN", contact.bsn)]
    if contact.kvk_nummer:
        return [("KVK", contact.kvk_nummer)]
    return []


@leest_persoonsgegevens(
    naam="terugbelverzoek.inzien", activiteit=ACTIVITEIT, betrokkenen=_betrokkenen_van_verzoek
)
def terugbelverzoek_voor_medewerker(pk: int, *, door: Medewerker) -> Terugbelverzoek | None:
    """One callback with its contact (name and phone number to call): a logged read."""
    vereis(door, KLANTCONTACT_REGISTREREN)
    return (
        Terugbelverzoek.objects.select_related(
            "klantcontact__product", "medewerker", "team", "afgehandeld_door", "aangemaakt_door"
        )
        .filter(pk=pk)
        .first()
    )


# --- one contact ------------------------------------------------------------------------------------


@leest_persoonsgegevens(
    naam="klantcontact.inzien", activiteit=ACTIVITEIT, betrokkenen=_betrokkenen_van_contact
)
def klantcontact_voor_medewerker(pk: int, *, door: Medewerker) -> Klantcontact | None:
    """One contact with its party's details for the contact page: a logged read (AVG art. 5 lid 2)."""
    vereis(door, KLANTCONTACT_REGISTREREN)
    return (
        Klantcontact.objects.select_related(
            "product", "zaak", "zaak__statustype", "kennisartikel", "geregistreerd_door", "team"
        )
        .filter(pk=pk)
        .first()
    )


# --- the 360° view -----------------------------------------------------------------------------------


class Soort(StrEnum):
    KLANTCONTACT = "klantcontact"
    ZAAK = "zaak"
    AFSPRAAK = "afspraak"


@dataclass(frozen=True)
class Regel:
    moment: dt.datetime
    soort: Soort
    object: Klantcontact | Zaak | Afspraak


@dataclass(frozen=True)
class Klantbeeld:
    betrokkene: Betrokkene
    tijdlijn: list[Regel]

    @property
    def aantal_contacten(self) -> int:
        return sum(1 for regel in self.tijdlijn if regel.soort is Soort.KLANTCONTACT)

    @property
    def aantal_zaken(self) -> int:
        return sum(1 for regel in self.tijdlijn if regel.soort is Soort.ZAAK)


def _betrokkene_van_beeld(beeld: Klantbeeld) -> list[Betrokkene]:
    return [beeld.betrokkene]


@leest_persoonsgegevens(naam="klantbeeld.inzien", activiteit=ACTIVITEIT, betrokkenen=_betrokkene_van_beeld)
def klantbeeld(*, door: Medewerker, bsn: str = "", kvk: str = "") -> Klantbeeld:
    """All contacts, cases and appointments of one resident (BSN) or business (KvK) on every channel
    in one timeline, newest first. The read is logged for that party, with who looked (AVG art. 5
    lid 2; Logboek Dataverwerkingen). Three queries for a resident, two for a business (appointments
    are booked by BSN only)."""
    vereis(door, KLANTBEELD_INZIEN)
    if bool(bsn) == bool(kvk):
        raise ValueError("klantbeeld vraagt een BSN of een KvK-nummer")
    regels: list[Regel] = []
    if bsn:
        contacten = Klantcontact.objects.filter(bsn=bsn)
        zaken = Zaak.objects.filter(initiator_bsn=bsn)
    else:
        contacten = Klantcontact.objects.filter(kvk_nummer=kvk)
        zaken = Zaak.objects.filter(initiator_kvk=kvk)
    for contact in contacten.select_related("product", "zaak", "geregistreerd_door").order_by(
        "-plaatsgevonden_op", "-id"
    )[:KLANTBEELD_PER_SOORT]:
        regels.append(Regel(contact.plaatsgevonden_op, Soort.KLANTCONTACT, contact))
    for zaak in zaken.select_related("product", "statustype", "resultaattype").order_by(
        "-registratiedatum", "-id"
    )[:KLANTBEELD_PER_SOORT]:
        regels.append(Regel(zaak.aangemaakt_op, Soort.ZAAK, zaak))
    if bsn:
        for afspraak in (
            Afspraak.objects.filter(bsn=bsn)
            .select_related("afspraaktype", "locatie")
            .order_by("-start", "-id")[:KLANTBEELD_PER_SOORT]
        ):
            regels.append(Regel(afspraak.start, Soort.AFSPRAAK, afspraak))
    regels.sort(key=lambda regel: (regel.moment, regel.object.pk), reverse=True)
    return Klantbeeld(betrokkene=("BSN", bsn) if bsn else ("KVK", kvk), tijdlijn=regels)


# --- the knowledge base ------------------------------------------------------------------------------


def kennisartikelen_zoeken(
    vraag: str, product: Product | None = None, *, aantal: int = 20
) -> list[Kennisartikel]:
    """Active standard answers matching the question, best first (core search, internal documents);
    with a product, that product's answers and the general ones. Two queries."""
    aantal = max(1, min(aantal, MAX_AANTAL))
    resultaten = zoeken.zoeken(
        vraag=vraag, soorten=("kennisartikel",), alleen_openbaar=False, aantal=MAX_AANTAL
    )
    volgorde = [int(treffer.sleutel) for treffer in resultaten.treffers if alleen_cijfers(treffer.sleutel)]
    if not volgorde:
        return []
    artikelen = Kennisartikel.objects.filter(pk__in=volgorde, actief=True).select_related("product")
    if product is not None:
        artikelen = artikelen.filter(Q(product=product) | Q(product__isnull=True))
    gevonden = {artikel.pk: artikel for artikel in artikelen}
    return [gevonden[pk] for pk in volgorde if pk in gevonden][:aantal]


def kennisartikel_met_id(pk: int) -> Kennisartikel | None:
    return Kennisartikel.objects.select_related("product", "gewijzigd_door").filter(pk=pk).first()


def kennisartikelen(*, product: Product | None = None, inactief: bool = False) -> QuerySet[Kennisartikel]:
    """The knowledge base's list, by question; one query."""
    artikelen = Kennisartikel.objects.select_related("product", "gewijzigd_door")
    if not inactief:
        artikelen = artikelen.filter(actief=True)
    if product is not None:
        artikelen = artikelen.filter(product=product)
    return artikelen.order_by("titel", "id")


def producten() -> QuerySet[Product]:
    return Product.objects.order_by("naam")


def teams() -> QuerySet[Team]:
    return Team.objects.order_by("naam")


def medewerkers_voor_terugbellen() -> QuerySet[Medewerker]:
    """Who can be asked to call back: active employees of the front office (mirrors
    KLANTCONTACT_REGISTREREN in dienstverlening.rechten; the service checks it again)."""
    return (
        Medewerker.objects.filter(
            is_active=True,
            roltoekenningen__rol__in=[
                Medewerkerrol.KCC_MEDEWERKER,
                Medewerkerrol.BEHANDELAAR,
                Medewerkerrol.BEHEERDER,
            ],
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
