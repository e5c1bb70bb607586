"""Desk appointments and marriage ceremonies: setting up locations, materialising time slots,
booking, moving and cancelling, and the confirmation e-mails with an iCalendar attachment.

Booking design (see models/afspraken.py): a location's opening hours are cut into `Tijdslot` rows
whose capacity is the number of active desks. A booking takes one place in every slot its
duration covers with a conditional UPDATE (`bezet < capaciteit`); the row lock the UPDATE takes
serialises concurrent bookings of the same slot, so the last place goes to exactly one of them and
the others see rowcount 0 and roll back. The database's check constraint backs this up.

Who may book (decision, see `afspraak_boeken`):
- anyone, without logging in, for an appointment type that is `online_boekbaar` (kanaal digitaal);
  with a DigiD session (an `Identiteit`) the BSN is recorded with the appointment;
- an employee with AFSPRAAK_BEHEREN for every active type, for a caller (telefoon) or a visitor
  (balie); types that are not online bookable (for instance a removal at the desk, which is
  digital-first and only booked on request) can only be booked this way.

The person manages the appointment from a link that carries a random code (`beheercode`); only
its SHA-256 is stored. A move issues a new code (the old link stops working) and mails the new link.
"""

from __future__ import annotations

import hashlib
import math
import secrets
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from email.mime.base import MIMEBase
from email.mime.text import MIMEText
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task
from icalendar import Calendar, Event, vCalAddress

from raadhuis.accounts.models import Medewerker
from raadhuis.core import bsn as bsn_module
from raadhuis.core import logboek
from raadhuis.core.identiteit import Identiteit, Soort
from raadhuis.core.rechten import vereis
from raadhuis.core.selectors import gelijkgestelde_dagen, huidige_organisatie
from raadhuis.core.taken import na_commit
from raadhuis.core.termijnen import is_feestdag
from raadhuis.dienstverlening.models import (
    Afspraak,
    Afspraakstatus,
    Afspraaktype,
    Babs,
    Balie,
    Ceremonie,
    Ceremoniemoment,
    Ceremoniestatus,
    Kanaal,
    Locatie,
    Openingstijd,
    Product,
    Sluitingsdag,
    Tijdslot,
    Trouwlocatie,
    Zaak,
)
from raadhuis.dienstverlening.rechten import AFSPRAAK_BEHEREN, AGENDA_INRICHTEN

ACTIVITEIT = "afspraak-maken"
# How far ahead slots are materialised when a location's hours change (the booking pages offer 6 weeks).
HORIZON = timedelta(weeks=10)
TAAL_KEUZES = ("nl", "en")
# BW 1 art. 44: the notice of an intended marriage is made at least 2 weeks and at most 1 year before
# the ceremony; the reservation keeps to the same window (the intake checks the notice itself).
CEREMONIE_MINIMAAL = timedelta(days=14)
CEREMONIE_MAXIMAAL_DAGEN = 365

Door = Medewerker | Identiteit

ONDERWERPEN = {
    "bevestiging": gettext_lazy("Bevestiging van uw afspraak: %(type)s op %(datum)s"),
    "verzet": gettext_lazy("Uw afspraak is verzet: %(type)s op %(datum)s"),
    "geannuleerd": gettext_lazy("Uw afspraak is geannuleerd: %(type)s op %(datum)s"),
}


# -- Set-up (AGENDA_INRICHTEN) ---------------------------------------------------------------------


@transaction.atomic
def locatie_aanmaken(
    *,
    naam: str,
    slug: str,
    adres: str,
    postcode: str,
    plaats: str,
    door: Medewerker,
    tijdvak_minuten: int = 15,
    toelichting: str = "",
) -> Locatie:
    vereis(door, AGENDA_INRICHTEN)
    if tijdvak_minuten not in (5, 10, 15, 20, 30, 60):
        raise ValidationError({"tijdvak_minuten": _("Kies een tijdvak van 5, 10, 15, 20, 30 of 60 minuten.")})
    if Locatie.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("Er is al een locatie met deze korte naam.")})
    return Locatie.objects.create(
        naam=naam.strip(),
        slug=slug,
        adres=adres.strip(),
        postcode=postcode.strip(),
        plaats=plaats.strip(),
        tijdvak_minuten=tijdvak_minuten,
        toelichting=toelichting,
    )


@transaction.atomic
def balie_toevoegen(*, locatie: Locatie, naam: str, door: Medewerker) -> Balie:
    """Adds a desk; the capacity of the location's future slots grows with it."""
    vereis(door, AGENDA_INRICHTEN)
    if Balie.objects.filter(locatie=locatie, naam=naam.strip()).exists():
        raise ValidationError({"naam": _("Deze locatie heeft al een balie met deze naam.")})
    balie = Balie.objects.create(locatie=locatie, naam=naam.strip())
    Tijdslot.objects.filter(locatie=locatie, start__gt=timezone.now()).update(capaciteit=F("capaciteit") + 1)
    return balie


@transaction.atomic
def openingstijd_toevoegen(
    *, locatie: Locatie, weekdag: int, van: time, tot: time, door: Medewerker
) -> Openingstijd:
    """Adds an opening period (a lunch break is two periods on one day) and materialises its slots."""
    vereis(door, AGENDA_INRICHTEN)
    if not 0 <= weekdag <= 6:
        raise ValidationError({"weekdag": _("Kies een weekdag van maandag tot en met zondag.")})
    if van >= tot:
        raise ValidationError({"tot": _("De sluitingstijd moet na de openingstijd liggen.")})
    if Openingstijd.objects.filter(locatie=locatie, weekdag=weekdag, van__lt=tot, tot__gt=van).exists():
        raise ValidationError({"van": _("Deze tijden overlappen met een andere openingstijd op die dag.")})
    openingstijd = Openingstijd.objects.create(locatie=locatie, weekdag=weekdag, van=van, tot=tot)
    vandaag = timezone.localdate()
    tijdsloten_aanmaken(locatie, vandaag, vandaag + HORIZON, weekdag=weekdag)
    return openingstijd


@transaction.atomic
def sluitingsdag_toevoegen(*, locatie: Locatie, datum: date, reden: str, door: Medewerker) -> Sluitingsdag:
    """Closes the location on `datum`: free slots go, booked ones accept nobody new (the booked
    appointments stay for the desk to reschedule)."""
    vereis(door, AGENDA_INRICHTEN)
    sluitingsdag, _nieuw = Sluitingsdag.objects.get_or_create(
        locatie=locatie, datum=datum, defaults={"reden": reden.strip()}
    )
    van, tot = _dag_grenzen(datum)
    sloten = Tijdslot.objects.filter(locatie=locatie, start__gte=van, start__lt=tot)
    sloten.filter(bezet=0).delete()
    sloten.update(capaciteit=F("bezet"))
    return sluitingsdag


@transaction.atomic
def afspraaktype_aanmaken(
    *,
    naam: str,
    slug: str,
    duur_minuten: int,
    locaties: Iterable[Locatie],
    door: Medewerker,
    product: Product | None = None,
    meenemen: str = "",
    online_boekbaar: bool = True,
) -> Afspraaktype:
    vereis(door, AGENDA_INRICHTEN)
    locaties = list(locaties)
    if duur_minuten < 5:
        raise ValidationError({"duur_minuten": _("Een afspraak duurt minstens 5 minuten.")})
    for locatie in locaties:
        if duur_minuten % locatie.tijdvak_minuten:
            raise ValidationError(
                {
                    "duur_minuten": _(
                        "De duur past niet in het tijdvak van %(minuten)s minuten van %(locatie)s."
                    )
                    % {"minuten": locatie.tijdvak_minuten, "locatie": locatie.naam}
                }
            )
    if Afspraaktype.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("Er is al een afspraaktype met deze korte naam.")})
    afspraaktype = Afspraaktype.objects.create(
        naam=naam.strip(),
        slug=slug,
        duur_minuten=duur_minuten,
        product=product,
        meenemen=meenemen,
        online_boekbaar=online_boekbaar,
    )
    afspraaktype.locaties.set(locaties)
    return afspraaktype


@transaction.atomic
def balie_deactiveren(*, balie: Balie, door: Medewerker) -> Balie:
    """Takes a desk out of use; the capacity of the location's future slots shrinks with it, but
    never below what is booked (booked appointments stay for the desk to reschedule)."""
    vereis(door, AGENDA_INRICHTEN)
    balie = Balie.objects.select_for_update().get(pk=balie.pk)
    if not balie.actief:
        raise ValidationError({"balie": _("Deze balie is al buiten gebruik.")})
    balie.actief = False
    balie.save(update_fields=["actief"])
    Tijdslot.objects.filter(locatie_id=balie.locatie_id, start__gt=timezone.now()).update(
        capaciteit=Greatest(F("bezet"), F("capaciteit") - 1)
    )
    return balie


@transaction.atomic
def openingstijd_verwijderen(*, openingstijd: Openingstijd, door: Medewerker) -> None:
    """Removes a weekly opening period: its free future slots go, booked ones accept nobody new."""
    vereis(door, AGENDA_INRICHTEN)
    locatie = openingstijd.locatie
    weekdag, van, tot = openingstijd.weekdag, openingstijd.van, openingstijd.tot
    openingstijd.delete()
    vandaag = timezone.localdate()
    starts = []
    dag = vandaag
    while dag <= vandaag + HORIZON:
        if dag.weekday() == weekdag:
            starts.append((_lokaal(dag, van), _lokaal(dag, tot)))
        dag += timedelta(days=1)
    nu = timezone.now()
    for begin, eind in starts:
        sloten = Tijdslot.objects.filter(locatie=locatie, start__gte=max(begin, nu), start__lt=eind)
        sloten.filter(bezet=0).delete()
        sloten.update(capaciteit=F("bezet"))


def _lokaal(dag: date, tijd: time) -> datetime:
    return timezone.make_aware(datetime.combine(dag, tijd))


@transaction.atomic
def afspraaktype_wijzigen(
    *,
    afspraaktype: Afspraaktype,
    naam: str,
    duur_minuten: int,
    locaties: Iterable[Locatie],
    door: Medewerker,
    product: Product | None = None,
    meenemen: str = "",
    online_boekbaar: bool = True,
    actief: bool = True,
) -> Afspraaktype:
    """Changes an appointment type (its slug, part of the booking links, stays). The duration cannot
    change while appointments of this type are booked ahead: they hold places for the old duration."""
    vereis(door, AGENDA_INRICHTEN)
    afspraaktype = Afspraaktype.objects.select_for_update().get(pk=afspraaktype.pk)
    locaties = list(locaties)
    if not naam.strip():
        raise ValidationError({"naam": _("Vul de naam in.")})
    if duur_minuten < 5:
        raise ValidationError({"duur_minuten": _("Een afspraak duurt minstens 5 minuten.")})
    for locatie in locaties:
        if duur_minuten % locatie.tijdvak_minuten:
            raise ValidationError(
                {
                    "duur_minuten": _(
                        "De duur past niet in het tijdvak van %(minuten)s minuten van %(locatie)s."
                    )
                    % {"minuten": locatie.tijdvak_minuten, "locatie": locatie.naam}
                }
            )
    if (
        duur_minuten != afspraaktype.duur_minuten
        and Afspraak.objects.filter(
            afspraaktype=afspraaktype, status=Afspraakstatus.GEBOEKT, start__gt=timezone.now()
        ).exists()
    ):
        raise ValidationError(
            {
                "duur_minuten": _(
                    "Er zijn nog afspraken van dit type geboekt; de duur kan pas daarna veranderen."
                )
            }
        )
    afspraaktype.naam = naam.strip()
    afspraaktype.duur_minuten = duur_minuten
    afspraaktype.product = product
    afspraaktype.meenemen = meenemen
    afspraaktype.online_boekbaar = online_boekbaar
    afspraaktype.actief = actief
    afspraaktype.save()
    afspraaktype.locaties.set(locaties)
    return afspraaktype


def _dag_grenzen(dag: date) -> tuple[datetime, datetime]:
    return (
        timezone.make_aware(datetime.combine(dag, time.min)),
        timezone.make_aware(datetime.combine(dag + timedelta(days=1), time.min)),
    )


def gesloten_dagen(locatie: Locatie, van: date, tot: date) -> set[date]:
    """The location's own closing days and the days equated with public holidays by royal decree
    (Atw art. 3 lid 3, core's gelijkgestelde dagen) from `van` to `tot`."""
    eigen = Sluitingsdag.objects.filter(locatie=locatie, datum__gte=van, datum__lte=tot)
    return set(eigen.values_list("datum", flat=True)) | {
        dag for dag in gelijkgestelde_dagen() if van <= dag <= tot
    }


def is_gesloten(dag: date, gesloten: Iterable[date] = ()) -> bool:
    """Closed on public holidays (Atw art. 3 lid 1-2) and on the days in `gesloten`."""
    return is_feestdag(dag) or dag in gesloten


def tijdsloten_aanmaken(locatie: Locatie, van: date, tot: date, *, weekdag: int | None = None) -> int:
    """Materialises the slots of the open hours from `van` up to and including `tot`; capacity is the
    number of active desks. No slots on public holidays or closing days. Existing slots are left
    as they are (ignore_conflicts), so this can run any number of times. Returns the number asked for."""
    capaciteit = locatie.balies.filter(actief=True).count()
    if capaciteit == 0 or not locatie.actief:
        return 0
    perioden: dict[int, list[tuple[time, time]]] = {}
    for openingstijd in locatie.openingstijden.all():
        perioden.setdefault(openingstijd.weekdag, []).append((openingstijd.van, openingstijd.tot))
    gesloten = gesloten_dagen(locatie, van, tot)
    stap = timedelta(minutes=locatie.tijdvak_minuten)
    nieuw = []
    dag = van
    while dag <= tot:
        if (weekdag is None or dag.weekday() == weekdag) and not is_gesloten(dag, gesloten):
            for begin, eind in perioden.get(dag.weekday(), []):
                moment = datetime.combine(dag, begin)
                while moment + stap <= datetime.combine(dag, eind):
                    nieuw.append(
                        Tijdslot(locatie=locatie, start=timezone.make_aware(moment), capaciteit=capaciteit)
                    )
                    moment += stap
        dag += timedelta(days=1)
    Tijdslot.objects.bulk_create(nieuw, ignore_conflicts=True, batch_size=500)
    return len(nieuw)


def tijdsloten_bijhouden(locatie: Locatie) -> None:
    """Makes sure the location's slots reach HORIZON ahead; does the work once a day per location
    (the booking pages call it, so no scheduler is needed for the agenda to move along)."""
    vandaag = timezone.localdate()
    if cache.add(f"tijdsloten:{locatie.pk}:{vandaag.isoformat()}", 1, timeout=60 * 60 * 24):
        tijdsloten_aanmaken(locatie, vandaag, vandaag + HORIZON)


@task()
def tijdsloten_aanvullen() -> int:
    """Keeps every active location's slots materialised up to HORIZON ahead (run daily)."""
    vandaag = timezone.localdate()
    return sum(
        tijdsloten_aanmaken(locatie, vandaag, vandaag + HORIZON)
        for locatie in Locatie.objects.filter(actief=True)
    )


# -- Booking ---------------------------------------------------------------------------------------


def beheercode_hash(beheercode: str) -> str:
    return hashlib.sha256(beheercode.encode()).hexdigest()


def benodigde_starts(locatie: Locatie, afspraaktype: Afspraaktype, start: datetime) -> list[datetime]:
    """The starts of the slots an appointment of this type at `start` covers."""
    aantal = math.ceil(afspraaktype.duur_minuten / locatie.tijdvak_minuten)
    return [start + timedelta(minutes=locatie.tijdvak_minuten * i) for i in range(aantal)]


def _controleer_tijdstip(afspraaktype: Afspraaktype, locatie: Locatie, start: datetime) -> None:
    if not afspraaktype.actief or not locatie.actief:
        raise ValidationError({"afspraaktype": _("Deze afspraak kan niet meer worden gemaakt.")})
    if not afspraaktype.locaties.filter(pk=locatie.pk).exists():
        raise ValidationError({"locatie": _("Deze afspraak kan niet op deze locatie worden gemaakt.")})
    if afspraaktype.duur_minuten % locatie.tijdvak_minuten:
        raise ValidationError(
            {"afspraaktype": _("De duur van deze afspraak past niet in de agenda van deze locatie.")}
        )
    if start <= timezone.now():
        raise ValidationError({"start": _("Kies een tijdstip in de toekomst.")})
    lokaal = timezone.localtime(start)
    if lokaal.second or lokaal.microsecond or (lokaal.hour * 60 + lokaal.minute) % locatie.tijdvak_minuten:
        raise ValidationError(
            {
                "start": _("Kies een begintijd in stappen van %(minuten)s minuten.")
                % {"minuten": locatie.tijdvak_minuten}
            }
        )
    dag = lokaal.date()
    if is_gesloten(dag, gesloten_dagen(locatie, dag, dag)):
        raise ValidationError({"start": _("De locatie is op deze dag gesloten.")})
    eind = lokaal + timedelta(minutes=afspraaktype.duur_minuten)
    binnen = Openingstijd.objects.filter(
        locatie=locatie, weekdag=dag.weekday(), van__lte=lokaal.time(), tot__gte=eind.time()
    ).exists()
    if not binnen or eind.date() != dag:
        raise ValidationError({"start": _("De afspraak valt (deels) buiten de openingstijden.")})


def _dag_materialiseren(locatie: Locatie, dag: date) -> None:
    """The day's slots, when they were not made yet (beyond the horizon)."""
    van, tot = _dag_grenzen(dag)
    if not Tijdslot.objects.filter(locatie=locatie, start__gte=van, start__lt=tot).exists():
        tijdsloten_aanmaken(locatie, dag, dag)


def _plaatsen_nemen(locatie: Locatie, starts: list[datetime]) -> None:
    """Takes one place in each slot, in time order (so concurrent bookings lock rows in the same
    order and cannot deadlock). Raises when any is full; the caller's transaction rolls back."""
    for start in sorted(starts):
        slot_id = Tijdslot.objects.filter(locatie=locatie, start=start).values_list("pk", flat=True).first()
        if slot_id is None:
            raise ValidationError({"start": _("De afspraak valt (deels) buiten de openingstijden.")})
        genomen = Tijdslot.objects.filter(pk=slot_id, bezet__lt=F("capaciteit")).update(bezet=F("bezet") + 1)
        if genomen == 0:
            raise ValidationError(
                {"start": _("Dit tijdstip is net door iemand anders geboekt; kies een ander tijdstip.")}
            )


def _plaatsen_vrijgeven(locatie: Locatie, starts: list[datetime]) -> None:
    Tijdslot.objects.filter(locatie=locatie, start__in=starts, bezet__gt=0).update(bezet=F("bezet") - 1)


def _controleer_boeker(*, afspraaktype: Afspraaktype, door: Door | None, kanaal: str) -> None:
    if isinstance(door, Medewerker):
        vereis(door, AFSPRAAK_BEHEREN)
        if kanaal not in (Kanaal.TELEFOON, Kanaal.BALIE):
            raise ValidationError(
                {"kanaal": _("Kies het kanaal waarop de afspraak werd gevraagd: telefoon of balie.")}
            )
        return
    if kanaal != Kanaal.DIGITAAL:
        raise ValidationError({"kanaal": _("Een afspraak op de website wordt digitaal gemaakt.")})
    if isinstance(door, Identiteit) and door.soort is not Soort.INWONER:
        raise PermissionDenied(
            _("Een afspraak aan de balie maakt u als inwoner, met DigiD of zonder in te loggen.")
        )
    if not afspraaktype.online_boekbaar:
        raise PermissionDenied(_("Voor deze afspraak belt u met de gemeente."))


def _betrokkene(afspraak: Afspraak) -> tuple[str, str] | None:
    if afspraak.bsn:
        return ("BSN", afspraak.bsn)
    if afspraak.emailadres:
        return ("e-mailadres", afspraak.emailadres)
    return None


def _log_door(door: Door | None) -> Medewerker | Identiteit | logboek.Systeemproces:
    return door if door is not None else logboek.Systeemproces(naam="afspraak-online-zonder-inloggen")


@transaction.atomic
def afspraak_boeken(
    *,
    afspraaktype: Afspraaktype,
    locatie: Locatie,
    start: datetime,
    naam: str,
    emailadres: str,
    telefoonnummer: str,
    door: Door | None,
    kanaal: str,
    bsn: str = "",
    taal: str = "nl",
    zaak: Zaak | None = None,
) -> tuple[Afspraak, str]:
    """Books an appointment and returns it with its management code (shown once, mailed once).

    `door` is None for an online booking without logging in, an Identiteit for one with DigiD (its
    BSN is used; a `bsn` argument is ignored), a Medewerker for a caller or visitor."""
    _controleer_boeker(afspraaktype=afspraaktype, door=door, kanaal=kanaal)
    if isinstance(door, Identiteit):
        bsn = door.bsn
    elif bsn and not bsn_module.is_geldig_bsn(bsn):
        raise ValidationError({"bsn": _("Dit is geen geldig burgerservicenummer.")})
    if not naam.strip():
        raise ValidationError({"naam": _("Vul uw naam in.")})
    if kanaal == Kanaal.DIGITAAL and not emailadres.strip():
        raise ValidationError(
            {"emailadres": _("Vul uw e-mailadres in; daar sturen wij de bevestiging heen.")}
        )
    if taal not in TAAL_KEUZES:
        taal = "nl"
    _controleer_tijdstip(afspraaktype, locatie, start)
    _dag_materialiseren(locatie, timezone.localdate(start))
    _plaatsen_nemen(locatie, benodigde_starts(locatie, afspraaktype, start))
    beheercode = secrets.token_urlsafe(24)
    afspraak = Afspraak.objects.create(
        locatie=locatie,
        afspraaktype=afspraaktype,
        start=start,
        eind=start + timedelta(minutes=afspraaktype.duur_minuten),
        naam=naam.strip()[:200],
        emailadres=emailadres.strip(),
        telefoonnummer=telefoonnummer.strip()[:20],
        bsn=bsn,
        kanaal=kanaal,
        geboekt_door=door if isinstance(door, Medewerker) else None,
        zaak=zaak,
        beheercode_hash=beheercode_hash(beheercode),
        taal=taal,
    )
    logboek.vastleggen(
        naam="afspraak.boeken", activiteit=ACTIVITEIT, betrokkene=_betrokkene(afspraak), door=_log_door(door)
    )
    afspraak_mailen(afspraak, soort="bevestiging", beheercode=beheercode)
    return afspraak, beheercode


def _vergrendeld(afspraak: Afspraak) -> Afspraak:
    return (
        Afspraak.objects.select_for_update(of=("self",))
        .select_related("locatie", "afspraaktype")
        .get(pk=afspraak.pk)
    )


def _controleer_beheerder(door: Door | None) -> None:
    """A Medewerker needs AFSPRAAK_BEHEREN; a resident proves it is theirs with the code (the view
    looked the appointment up by it) and passes None or their Identiteit."""
    if isinstance(door, Medewerker):
        vereis(door, AFSPRAAK_BEHEREN)


@transaction.atomic
def afspraak_verzetten(*, afspraak: Afspraak, start: datetime, door: Door | None) -> tuple[Afspraak, str]:
    """Moves a booked appointment to `start` (same type and location). The new slots are taken first,
    then the old ones released, in one transaction: a full new slot leaves everything as it was.
    Slots the old and new time share keep their place. Returns the appointment and its new code."""
    _controleer_beheerder(door)
    afspraak = _vergrendeld(afspraak)
    if afspraak.status != Afspraakstatus.GEBOEKT or afspraak.start <= timezone.now():
        raise ValidationError({"start": _("Deze afspraak kan niet meer worden verzet.")})
    if start == afspraak.start:
        raise ValidationError({"start": _("Kies een ander tijdstip dan het huidige.")})
    locatie, afspraaktype = afspraak.locatie, afspraak.afspraaktype
    _controleer_tijdstip(afspraaktype, locatie, start)
    _dag_materialiseren(locatie, timezone.localdate(start))
    oud = set(benodigde_starts(locatie, afspraaktype, afspraak.start))
    nieuw = set(benodigde_starts(locatie, afspraaktype, start))
    _plaatsen_nemen(locatie, sorted(nieuw - oud))
    _plaatsen_vrijgeven(locatie, sorted(oud - nieuw))
    beheercode = secrets.token_urlsafe(24)
    afspraak.start = start
    afspraak.eind = start + timedelta(minutes=afspraaktype.duur_minuten)
    afspraak.beheercode_hash = beheercode_hash(beheercode)
    afspraak.save(update_fields=["start", "eind", "beheercode_hash", "gewijzigd_op"])
    logboek.vastleggen(
        naam="afspraak.verzetten",
        activiteit=ACTIVITEIT,
        betrokkene=_betrokkene(afspraak),
        door=_log_door(door),
    )
    afspraak_mailen(afspraak, soort="verzet", beheercode=beheercode)
    return afspraak, beheercode


@transaction.atomic
def afspraak_annuleren(*, afspraak: Afspraak, door: Door | None) -> Afspraak:
    """Cancels a booked appointment in the future and gives its places back."""
    _controleer_beheerder(door)
    afspraak = _vergrendeld(afspraak)
    if afspraak.status != Afspraakstatus.GEBOEKT:
        raise ValidationError(_("Deze afspraak is al geannuleerd of afgehandeld."))
    if afspraak.start <= timezone.now():
        raise ValidationError(_("Een afspraak die al begonnen is, kan niet meer worden geannuleerd."))
    _plaatsen_vrijgeven(
        afspraak.locatie, benodigde_starts(afspraak.locatie, afspraak.afspraaktype, afspraak.start)
    )
    afspraak.status = Afspraakstatus.GEANNULEERD
    afspraak.save(update_fields=["status", "gewijzigd_op"])
    logboek.vastleggen(
        naam="afspraak.annuleren",
        activiteit=ACTIVITEIT,
        betrokkene=_betrokkene(afspraak),
        door=_log_door(door),
    )
    afspraak_mailen(afspraak, soort="geannuleerd")
    return afspraak


@transaction.atomic
def afspraak_afhandelen(*, afspraak: Afspraak, status: str, door: Medewerker) -> Afspraak:
    """The desk marks an appointment of today or earlier as done or as a no-show."""
    vereis(door, AFSPRAAK_BEHEREN)
    if status not in (Afspraakstatus.AFGEROND, Afspraakstatus.NIET_VERSCHENEN):
        raise ValidationError({"status": _("Kies afgerond of niet verschenen.")})
    afspraak = _vergrendeld(afspraak)
    if afspraak.status != Afspraakstatus.GEBOEKT:
        raise ValidationError({"status": _("Deze afspraak is al geannuleerd of afgehandeld.")})
    if timezone.localdate(afspraak.start) > timezone.localdate():
        raise ValidationError({"status": _("Een afspraak in de toekomst kan nog niet worden afgehandeld.")})
    afspraak.status = status
    afspraak.save(update_fields=["status", "gewijzigd_op"])
    logboek.vastleggen(
        naam="afspraak.afhandelen", activiteit=ACTIVITEIT, betrokkene=_betrokkene(afspraak), door=door
    )
    return afspraak


# -- The desk's queue: reporting and calling (waiting time against the VNG 15-minute norm) ---------


@transaction.atomic
def afspraak_aanmelden(*, afspraak: Afspraak, door: Medewerker) -> Afspraak:
    """The visitor reports at the desk: the start of the waiting time the monitoring measures
    (VNG kwaliteitshandvest: a visitor waits at most 15 minutes). Only a booked appointment of
    today, once."""
    vereis(door, AFSPRAAK_BEHEREN)
    afspraak = _vergrendeld(afspraak)
    if afspraak.status != Afspraakstatus.GEBOEKT:
        raise ValidationError({"aangemeld_op": _("Deze afspraak is al geannuleerd of afgehandeld.")})
    if timezone.localdate(afspraak.start) != timezone.localdate():
        raise ValidationError(
            {"aangemeld_op": _("Een bezoeker meldt zich alleen aan op de dag van de afspraak.")}
        )
    if afspraak.aangemeld_op is not None:
        raise ValidationError({"aangemeld_op": _("Deze bezoeker heeft zich al aangemeld.")})
    afspraak.aangemeld_op = timezone.now()
    afspraak.full_clean()
    afspraak.save(update_fields=["aangemeld_op", "gewijzigd_op"])
    logboek.vastleggen(
        naam="afspraak.aanmelden", activiteit=ACTIVITEIT, betrokkene=_betrokkene(afspraak), door=door
    )
    return afspraak


@transaction.atomic
def afspraak_oproepen(*, afspraak: Afspraak, door: Medewerker) -> Afspraak:
    """The visitor is called to a desk: the end of the waiting time. Only after reporting, once."""
    vereis(door, AFSPRAAK_BEHEREN)
    afspraak = _vergrendeld(afspraak)
    if afspraak.status != Afspraakstatus.GEBOEKT:
        raise ValidationError({"opgeroepen_op": _("Deze afspraak is al geannuleerd of afgehandeld.")})
    if afspraak.aangemeld_op is None:
        raise ValidationError(
            {"opgeroepen_op": _("Roep een bezoeker pas op nadat hij zich heeft aangemeld.")}
        )
    if afspraak.opgeroepen_op is not None:
        raise ValidationError({"opgeroepen_op": _("Deze bezoeker is al opgeroepen.")})
    # The database checks opgeroepen_op >= aangemeld_op; a clock step back must not break that.
    afspraak.opgeroepen_op = max(timezone.now(), afspraak.aangemeld_op)
    afspraak.full_clean()
    afspraak.save(update_fields=["opgeroepen_op", "gewijzigd_op"])
    logboek.vastleggen(
        naam="afspraak.oproepen", activiteit=ACTIVITEIT, betrokkene=_betrokkene(afspraak), door=door
    )
    return afspraak


# -- E-mail with iCalendar -------------------------------------------------------------------------


def volgnummer(afspraak: Afspraak) -> int:
    """The iCalendar SEQUENCE (RFC 5545 3.8.7.4): 0 when booked, higher after every change (seconds
    between booking and the last change, so it only grows without a counter column)."""
    return max(0, int((afspraak.gewijzigd_op - afspraak.aangemaakt_op).total_seconds()))


def ical(afspraak: Afspraak, *, methode: str) -> bytes:
    """The appointment as an iTIP message (RFC 5546): REQUEST when booked or moved, CANCEL when cancelled."""
    host = urlsplit(settings.RAADHUIS_BASIS_URL).hostname or "localhost"
    kalender = Calendar()
    kalender.add("prodid", "-//Raadhuis//Afspraken//NL")
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("method", methode)
    event = Event()
    event.add("uid", f"afspraak-{afspraak.pk}@{host}")
    event.add("sequence", volgnummer(afspraak))
    event.add("dtstamp", timezone.now().astimezone(UTC).replace(microsecond=0))
    event.add("dtstart", timezone.localtime(afspraak.start).replace(microsecond=0))
    event.add("dtend", timezone.localtime(afspraak.eind).replace(microsecond=0))
    event.add("summary", _("Afspraak gemeente: %(type)s") % {"type": afspraak.afspraaktype.naam})
    locatie = afspraak.locatie
    event.add("location", f"{locatie.naam}, {locatie.adres}, {locatie.postcode} {locatie.plaats}")
    if afspraak.afspraaktype.meenemen:
        event.add("description", _("Neem mee: %(meenemen)s") % {"meenemen": afspraak.afspraaktype.meenemen})
    organisator = vCalAddress(f"mailto:{_afzender_adres()}")
    organisatie = huidige_organisatie()
    organisator.params["cn"] = organisatie.naam if organisatie is not None else _("Gemeente")
    event.add("organizer", organisator)
    if afspraak.emailadres:
        deelnemer = vCalAddress(f"mailto:{afspraak.emailadres}")
        deelnemer.params["cn"] = afspraak.naam
        event.add("attendee", deelnemer)
    event.add("status", "CANCELLED" if methode == "CANCEL" else "CONFIRMED")
    kalender.add_component(event)
    kalender.add_missing_timezones()
    return bytes(kalender.to_ical())


def _afzender_adres() -> str:
    afzender = str(settings.DEFAULT_FROM_EMAIL)
    return afzender.split("<")[-1].rstrip(">").strip() if "<" in afzender else afzender


def afspraak_mailen(afspraak: Afspraak, *, soort: str, beheercode: str = "") -> bool:
    """Prepares the e-mail `soort` (bevestiging, verzet, geannuleerd) in the appointment's language,
    with the iCalendar attachment, and enqueues sending it once the transaction commits."""
    if not afspraak.emailadres:
        return False
    methode = "CANCEL" if soort == "geannuleerd" else "REQUEST"
    with translation.override(afspraak.taal):
        datum = timezone.localtime(afspraak.start)
        onderwerp = str(ONDERWERPEN[soort]) % {
            "type": afspraak.afspraaktype.naam,
            "datum": f"{_datum(datum)} {datum:%H:%M}",
        }
        beheren = (
            settings.RAADHUIS_BASIS_URL + reverse("dienstverlening:afspraak_beheren", args=[beheercode])
            if beheercode
            else ""
        )
        tekst = render_to_string(
            f"dienstverlening/mail/afspraak_{soort}.txt",
            {"afspraak": afspraak, "beheren": beheren, "site": settings.RAADHUIS_BASIS_URL},
        )
        bijlage = ical(afspraak, methode=methode).decode()
    # One mail per kind and version: the code (its hash) changes with every booking and move.
    sleutel = f"{afspraak.pk}:{soort}:{afspraak.beheercode_hash[:16]}"
    na_commit(
        afspraakmail_versturen,
        sleutel=sleutel,
        aan=afspraak.emailadres,
        onderwerp=onderwerp[:200],
        tekst=tekst,
        ical=bijlage,
        methode=methode,
    )
    return True


def _datum(moment: datetime) -> str:
    from django.utils.formats import date_format

    return date_format(moment, "l j F Y")


@task()
def afspraakmail_versturen(
    *, sleutel: str, aan: str, onderwerp: str, tekst: str, ical: str, methode: str
) -> bool:
    """Sends one prepared appointment e-mail; False when this one (`sleutel`: appointment, kind,
    sequence) was sent already. The guard lives in the shared cache (Redis in production), so a
    requeued task does not mail twice."""
    if not cache.add(f"afspraakmail:{sleutel}", "verzonden", timeout=60 * 60 * 24 * 30):
        return False
    bericht = EmailMessage(subject=onderwerp, body=tekst, to=[aan])
    deel: MIMEBase = MIMEText(ical, "calendar", "utf-8")
    deel.set_param("method", methode)
    deel.add_header("Content-Disposition", "attachment", filename="afspraak.ics")
    bericht.attach(deel)
    try:
        bericht.send()
    except Exception:
        cache.delete(f"afspraakmail:{sleutel}")
        raise
    return True


# -- Ceremonies ------------------------------------------------------------------------------------


@transaction.atomic
def trouwlocatie_aanmaken(
    *,
    naam: str,
    slug: str,
    adres: str,
    door: Medewerker,
    gratis: bool = False,
    tarief: Decimal = Decimal(0),
    tarief_demo: bool = False,
    max_gasten: int | None = None,
    duur_minuten: int = 30,
    toelichting: str = "",
    momenten: Iterable[tuple[int, time]] = (),
) -> Trouwlocatie:
    vereis(door, AGENDA_INRICHTEN)
    if Trouwlocatie.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("Er is al een trouwlocatie met deze korte naam.")})
    if gratis and tarief:
        raise ValidationError({"tarief": _("De gratis variant heeft geen tarief.")})
    trouwlocatie = Trouwlocatie.objects.create(
        naam=naam.strip(),
        slug=slug,
        adres=adres.strip(),
        gratis=gratis,
        tarief=tarief,
        tarief_demo=tarief_demo,
        max_gasten=max_gasten,
        duur_minuten=duur_minuten,
        toelichting=toelichting,
    )
    for weekdag, tijd in momenten:
        ceremoniemoment_toevoegen(trouwlocatie=trouwlocatie, weekdag=weekdag, tijd=tijd, door=door)
    return trouwlocatie


@transaction.atomic
def ceremoniemoment_toevoegen(
    *, trouwlocatie: Trouwlocatie, weekdag: int, tijd: time, door: Medewerker
) -> Ceremoniemoment:
    vereis(door, AGENDA_INRICHTEN)
    if not 0 <= weekdag <= 6:
        raise ValidationError({"weekdag": _("Kies een weekdag van maandag tot en met zondag.")})
    moment, _nieuw = Ceremoniemoment.objects.get_or_create(
        trouwlocatie=trouwlocatie, weekdag=weekdag, tijd=tijd
    )
    return moment


@transaction.atomic
def babs_aanmaken(*, naam: str, door: Medewerker, emailadres: str = "") -> Babs:
    """A buitengewoon ambtenaar van de burgerlijke stand (BW 1 art. 16)."""
    vereis(door, AGENDA_INRICHTEN)
    if not naam.strip():
        raise ValidationError({"naam": _("Vul de naam in.")})
    return Babs.objects.create(naam=naam.strip(), emailadres=emailadres.strip())


@transaction.atomic
def ceremoniemoment_verwijderen(*, moment: Ceremoniemoment, door: Medewerker) -> None:
    """Removes a weekly moment; ceremonies already reserved at it stay as they are."""
    vereis(door, AGENDA_INRICHTEN)
    moment.delete()


@transaction.atomic
def babs_deactiveren(*, babs: Babs, door: Medewerker) -> Babs:
    """Takes a BABS (BW 1 art. 16) off the list for new ceremonies; ceremonies already assigned keep
    theirs (the desk reassigns them with babs_toewijzen where needed)."""
    vereis(door, AGENDA_INRICHTEN)
    babs = Babs.objects.select_for_update().get(pk=babs.pk)
    if not babs.actief:
        raise ValidationError({"babs": _("Deze babs is al niet meer actief.")})
    babs.actief = False
    babs.save(update_fields=["actief"])
    return babs


def _controleer_ceremoniemoment(trouwlocatie: Trouwlocatie, start: datetime) -> None:
    if not trouwlocatie.actief:
        raise ValidationError({"trouwlocatie": _("Op deze locatie worden geen huwelijken meer voltrokken.")})
    lokaal = timezone.localtime(start)
    if not Ceremoniemoment.objects.filter(
        trouwlocatie=trouwlocatie, weekdag=lokaal.weekday(), tijd=lokaal.time()
    ).exists():
        raise ValidationError({"start": _("Op dit moment is er op deze locatie geen ceremonie mogelijk.")})
    if is_feestdag(lokaal.date()):
        raise ValidationError({"start": _("Op een feestdag worden geen huwelijken voltrokken.")})
    # BW 1 art. 44: the notice comes at least 2 weeks and at most 1 year before the ceremony.
    vandaag = timezone.localdate()
    if lokaal.date() < vandaag + CEREMONIE_MINIMAAL:
        raise ValidationError(
            {"start": _("Een ceremonie reserveert u minstens twee weken van tevoren (BW 1 artikel 44).")}
        )
    if lokaal.date() > vandaag + timedelta(days=CEREMONIE_MAXIMAAL_DAGEN):
        raise ValidationError(
            {"start": _("Een ceremonie reserveert u hoogstens een jaar van tevoren (BW 1 artikel 44).")}
        )


def vrije_babs(start: datetime, duur_minuten: int, *, behalve: int | None = None) -> list[Babs]:
    """Active BABS without another ceremony (than `behalve`) overlapping [start, start + duration)."""
    eind = start + timedelta(minutes=duur_minuten)
    bezet: set[int] = set()
    for ceremonie in (
        Ceremonie.objects.exclude(status=Ceremoniestatus.GEANNULEERD)
        .filter(babs__isnull=False, start__lt=eind, start__gt=start - timedelta(hours=4))
        .exclude(pk=behalve or 0)
        .select_related("trouwlocatie")
    ):
        einde = ceremonie.start + timedelta(minutes=ceremonie.trouwlocatie.duur_minuten)
        if ceremonie.babs_id is not None and einde > start:
            bezet.add(ceremonie.babs_id)
    return list(Babs.objects.filter(actief=True).exclude(pk__in=bezet).order_by("pk"))


@transaction.atomic
def ceremonie_reserveren(
    *,
    trouwlocatie: Trouwlocatie,
    start: datetime,
    partner_1: str,
    partner_2: str,
    zaak: Zaak | None,
    door: Door,
) -> Ceremonie:
    """Reserves a ceremony at one of the location's weekly moments and assigns a free BABS when
    there is one (else the desk assigns one later). Two reservations of the same moment: the
    database's unique constraint lets one win, the other gets a ValidationError."""
    if isinstance(door, Medewerker):
        vereis(door, AFSPRAAK_BEHEREN)
    elif door.soort is not Soort.INWONER:
        raise PermissionDenied(_("Een huwelijksceremonie reserveert u als inwoner met DigiD."))
    if not partner_1.strip() or not partner_2.strip():
        raise ValidationError({"partner_2": _("Vul de namen van beide partners in.")})
    _controleer_ceremoniemoment(trouwlocatie, start)
    try:
        with transaction.atomic():
            ceremonie = Ceremonie.objects.create(
                trouwlocatie=trouwlocatie,
                start=start,
                partner_1=partner_1.strip()[:200],
                partner_2=partner_2.strip()[:200],
                zaak=zaak,
            )
    except IntegrityError:
        raise ValidationError(
            {"start": _("Dit moment is net door iemand anders gereserveerd; kies een ander moment.")}
        ) from None
    for babs in vrije_babs(start, trouwlocatie.duur_minuten):
        if not _babs_vastzetten(babs, start, trouwlocatie.duur_minuten, ceremonie):
            continue
        ceremonie.babs = babs
        break
    betrokkene = (
        door.betrokkene_sleutel
        if isinstance(door, Identiteit)
        else (("BSN", zaak.initiator_bsn) if zaak is not None and zaak.initiator_bsn else None)
    )
    logboek.vastleggen(naam="ceremonie.reserveren", activiteit=ACTIVITEIT, betrokkene=betrokkene, door=door)
    return ceremonie


def _babs_vastzetten(babs: Babs, start: datetime, duur_minuten: int, ceremonie: Ceremonie) -> bool:
    """Assigns `babs` if still free. The BABS row is locked first and availability checked again, so
    two reservations at overlapping (not only equal) times cannot both get the same person."""
    Babs.objects.select_for_update().filter(pk=babs.pk).first()
    if babs not in vrije_babs(start, duur_minuten, behalve=ceremonie.pk):
        return False
    try:
        with transaction.atomic():
            Ceremonie.objects.filter(pk=ceremonie.pk).update(babs=babs)
    except IntegrityError:
        return False  # taken at this very moment by a concurrent reservation
    return True


@transaction.atomic
def babs_toewijzen(*, ceremonie: Ceremonie, babs: Babs | None, door: Medewerker) -> Ceremonie:
    """Assigns a BABS by hand (or takes it off with None), for instance when none was free."""
    vereis(door, AFSPRAAK_BEHEREN)
    if babs is not None and not _babs_vastzetten(
        babs, ceremonie.start, ceremonie.trouwlocatie.duur_minuten, ceremonie
    ):
        raise ValidationError({"babs": _("Deze babs is op dat moment niet beschikbaar.")})
    if babs is None:
        Ceremonie.objects.filter(pk=ceremonie.pk).update(babs=None)
    ceremonie.babs = babs
    return ceremonie


@transaction.atomic
def ceremonie_annuleren(*, ceremonie: Ceremonie, door: Door) -> Ceremonie:
    """Cancels a reservation; the moment and the BABS become free again."""
    if isinstance(door, Medewerker):
        vereis(door, AFSPRAAK_BEHEREN)
    ceremonie = Ceremonie.objects.select_for_update(of=("self",)).select_related("zaak").get(pk=ceremonie.pk)
    if isinstance(door, Identiteit):
        eigen = ceremonie.zaak is not None and door.bsn and ceremonie.zaak.initiator_bsn == door.bsn
        if not eigen:
            raise PermissionDenied(_("U kunt alleen uw eigen reservering annuleren."))
    if ceremonie.status == Ceremoniestatus.GEANNULEERD:
        raise ValidationError(_("Deze ceremonie is al geannuleerd."))
    ceremonie.status = Ceremoniestatus.GEANNULEERD
    ceremonie.save(update_fields=["status"])
    betrokkene = (
        ("BSN", ceremonie.zaak.initiator_bsn) if ceremonie.zaak and ceremonie.zaak.initiator_bsn else None
    )
    logboek.vastleggen(naam="ceremonie.annuleren", activiteit=ACTIVITEIT, betrokkene=betrokkene, door=door)
    return ceremonie
