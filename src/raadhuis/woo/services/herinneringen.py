"""Reminders about the decision term of open Woo requests (issue 9, point 2): an e-mail to the
behandelaar and every active Woo-coördinator when the term ends within five working days, on its
last day, and once it has lapsed (Woo art. 4.4; Atw art. 1–3 for the working days).

Run daily by `raadhuis woo_herinneringen` (cron or a systemd timer, or as a background task with
`--wachtrij`). Each kind is sent once per end date of the term: the Herinnering row is written in
the same transaction as the mails are queued, under the request's row lock and the table's unique
constraint, so a second run, a requeued task or two workers at once send nothing twice; a term
moved by a verdaging or a suspension has a new end date and gets its reminders again. A request
whose clock stands still (an open suspension) gets none until it runs again.
"""

from __future__ import annotations

import logging
from datetime import date

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.core import logboek
from raadhuis.core.logboek.activiteiten import WOO_VERZOEK_BEHANDELEN as ACTIVITEIT
from raadhuis.core.selectors import gelijkgestelde_dagen
from raadhuis.core.taken import na_commit
from raadhuis.core.termijnen import datum_nl
from raadhuis.woo.models import AFGESLOTEN_STATUSSEN, Herinnering, Herinneringssoort, WooVerzoek
from raadhuis.woo.selectors.verzoeken import opschortingen_van, termijn_van
from raadhuis.woo.services.verzoeken import woo_mail_versturen
from raadhuis.woo.termijnen import BIJNA_VERLOPEN_WERKDAGEN, Beslistermijn

__all__ = [
    "HERINNERINGEN",
    "herinnering_soort",
    "herinneringen_taak",
    "herinneringen_versturen",
    "ontvangers_van",
    "stilgezet",
]

logger = logging.getLogger(__name__)

HERINNERINGEN = logboek.Systeemproces(naam="woo-herinneringen")


def stilgezet(verzoek: WooVerzoek, op: date) -> bool:
    """Whether the clock stands still on `op`: a suspension that is still open, or one that runs
    over `op` (`van` <= op < `tot`; Woo art. 4.4 lid 3, Awb 4:15). Days left mean nothing then."""
    return any(o.tot is None or o.van <= op < o.tot for o in opschortingen_van(verzoek))


def herinnering_soort(termijn: Beslistermijn) -> str | None:
    """The reminder due on the term's day: lapsed after the last day, the last day itself, or within
    five working days of it. A window rather than the exact fifth day, so that a run missed on that
    day (a server down) still warns the next day; each kind goes out once per end date anyway."""
    einde = termijn.einddatum
    if einde is None:
        return None
    if termijn.op > einde:
        return Herinneringssoort.VERLOPEN
    if termijn.op == einde:
        return Herinneringssoort.EEN_DAG
    if termijn.werkdagen_over <= BIJNA_VERLOPEN_WERKDAGEN:
        return Herinneringssoort.VIJF_DAGEN
    return None


def ontvangers_van(verzoek: WooVerzoek) -> list[str]:
    """The behandelaar and every active Woo-coördinator with an e-mail address, each address once
    (compared without regard to case), the behandelaar first."""
    medewerkers: list[Medewerker] = []
    if verzoek.behandelaar is not None and verzoek.behandelaar.is_active:
        medewerkers.append(verzoek.behandelaar)
    medewerkers += list(medewerkers_met_rol(Rol.WOO_COORDINATOR))
    adressen: list[str] = []
    gezien: set[str] = set()
    for medewerker in medewerkers:
        adres = (medewerker.email or "").strip()
        if adres and adres.lower() not in gezien:
            gezien.add(adres.lower())
            adressen.append(adres)
    return adressen


def _onderwerp(verzoek: WooVerzoek, soort: str, einde: date) -> str:
    if soort == Herinneringssoort.VERLOPEN:
        tekst = _("Beslistermijn verstreken: Woo-verzoek %(kenmerk)s (uiterlijk %(datum)s)")
    elif soort == Herinneringssoort.EEN_DAG:
        tekst = _("Vandaag laatste dag: Woo-verzoek %(kenmerk)s")
    else:
        tekst = _("Herinnering: Woo-verzoek %(kenmerk)s uiterlijk %(datum)s beslissen")
    return (tekst % {"kenmerk": verzoek.kenmerk, "datum": datum_nl(einde)})[:200]


def _versturen(verzoek: WooVerzoek, termijn: Beslistermijn, soort: str, ontvangers: list[str]) -> None:
    """Queues one mail per recipient, sent once the transaction commits (a rollback sends none). The
    mail names the request by kenmerk and subject only: no personal data of the requester."""
    assert termijn.einddatum is not None  # noqa: S101  (herinnering_soort returned a kind)
    tekst = render_to_string(
        "woo/mail/herinnering.txt",
        {
            "verzoek": verzoek,
            "soort": soort,
            "einde": datum_nl(termijn.einddatum, weekdag=True),
            "samenvatting": termijn.samenvatting,
            "verdaagd": termijn.verdaagd,
            "behandelaar": verzoek.behandelaar.weergavenaam if verzoek.behandelaar is not None else "",
            "url": settings.RAADHUIS_BASIS_URL + reverse("woo:verzoek", args=[verzoek.kenmerk]),
        },
    )
    onderwerp = _onderwerp(verzoek, soort, termijn.einddatum)
    for aan in ontvangers:
        na_commit(woo_mail_versturen, aan=aan, onderwerp=onderwerp, tekst=tekst)


def _herinneren(pk: int, *, op: date, feestdagen: frozenset[date]) -> bool:
    """Sends the reminder due for one request, if any and not sent before; True when sent."""
    with transaction.atomic():
        # The row lock makes concurrent runs queue here; the second then finds the Herinnering.
        verzoek = (
            WooVerzoek.objects.select_for_update(of=("self",))
            .select_related("behandelaar", "verdaging")
            .prefetch_related("opschortingen")
            .get(pk=pk)
        )
        if verzoek.status in AFGESLOTEN_STATUSSEN or stilgezet(verzoek, op):
            return False
        termijn = termijn_van(verzoek, op=op, extra_feestdagen=feestdagen)
        soort = herinnering_soort(termijn)
        if soort is None or termijn.einddatum is None:
            return False
        if Herinnering.objects.filter(
            verzoek=verzoek, soort=soort, beslistermijn_einde=termijn.einddatum
        ).exists():
            return False
        ontvangers = ontvangers_van(verzoek)
        if not ontvangers:
            # Nothing is recorded, so the reminder goes out on a later run once someone can get it.
            logger.warning("Woo request %s: no one to remind (no behandelaar or coordinator e-mail).", pk)
            return False
        Herinnering.objects.create(
            verzoek=verzoek, soort=soort, beslistermijn_einde=termijn.einddatum, ontvangers=ontvangers
        )
        _versturen(verzoek, termijn, soort, ontvangers)
        # The mail is about the request, so reading it for the reminder is a processing (AVG art. 30).
        logboek.vastleggen(
            naam="woo-verzoek.herinneren",
            activiteit=ACTIVITEIT,
            betrokkene=("BSN", verzoek.bsn) if verzoek.bsn else None,
            door=HERINNERINGEN,
        )
        return True


def herinneringen_versturen(*, op: date | None = None) -> int:
    """E-mails the behandelaar and the active Woo-coördinatoren about every open request whose
    decision term (Woo art. 4.4, with verdaging and suspensions) ends within five working days
    (Atw), ends on `op` (default today), or has lapsed; each kind once per end date of the term.
    Requests that are decided or withdrawn, or whose clock stands still, are skipped. Returns the
    number of reminders sent (a reminder to several people counts once). One transaction per
    request, so one failure does not hold back the others' reminders."""
    peildatum = op or timezone.localdate()
    feestdagen = gelijkgestelde_dagen()
    verstuurd = 0
    kandidaten = (
        WooVerzoek.objects.exclude(status__in=AFGESLOTEN_STATUSSEN)
        .prefetch_related("opschortingen")
        .select_related("verdaging")
        .order_by("pk")
    )
    for verzoek in kandidaten:
        if stilgezet(verzoek, peildatum):
            continue
        termijn = termijn_van(verzoek, op=peildatum, extra_feestdagen=feestdagen)
        if herinnering_soort(termijn) is None:
            continue
        if _herinneren(verzoek.pk, op=peildatum, feestdagen=feestdagen):
            verstuurd += 1
    logger.info("Sent %d Woo deadline reminder(s).", verstuurd)
    return verstuurd


@task()
def herinneringen_taak() -> int:
    """The daily run as a background task (`raadhuis woo_herinneringen --wachtrij`); a repeat sends
    nothing twice."""
    return herinneringen_versturen(op=timezone.localdate())
