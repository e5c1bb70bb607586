"""E-mail notifications of new agendas and besluitenlijsten: subscribing with double opt-in,
confirming, cancelling with one click, and sending each notification once.

An e-mail address is personal data: the subscription rests on consent (AVG art. 6 lid 1 sub a),
proven by the confirmation link, withdrawn as easily as given (art. 7 lid 3: one click, also from
the mail client through RFC 8058 List-Unsubscribe-Post), and every change is in the logboek."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from raadhuis.besluitvorming.models import Abonnement, Besluit, Melding, Orgaan, Vergadering
from raadhuis.besluitvorming.selectors.publiek import openbare_agendapunten, openbare_besluiten
from raadhuis.core import logboek
from raadhuis.core.logboek.activiteiten import MELDINGEN_ABONNEMENTEN

# An unconfirmed address is kept no longer than this (AVG art. 5 lid 1 sub e: storage limitation).
BEVESTIGEN_BINNEN = dt.timedelta(days=7)
TALEN = ("nl", "en")
WEBSITE = logboek.Systeemproces("website: meldingen over vergaderingen")
MELDER = logboek.Systeemproces("taak: meldingen over vergaderingen versturen")


def sleutel(abonnement: Abonnement) -> str:
    """The secret in the confirm and cancel links of this subscription."""
    return salted_hmac(
        "raadhuis.besluitvorming.abonnement", f"{abonnement.pk}:{abonnement.nonce}"
    ).hexdigest()


def sleutel_klopt(abonnement: Abonnement, gegeven: str) -> bool:
    return constant_time_compare(sleutel(abonnement), gegeven)


def _link(naam: str, abonnement: Abonnement) -> str:
    pad = reverse(f"besluitvorming:{naam}", args=[abonnement.pk, sleutel(abonnement)])
    return f"{settings.RAADHUIS_BASIS_URL}{pad}"


def _vastleggen(naam: str, abonnement: Abonnement) -> None:
    logboek.vastleggen(
        naam=naam,
        activiteit=MELDINGEN_ABONNEMENTEN,
        betrokkene=("e-mailadres", abonnement.emailadres),
        door=WEBSITE,
    )


def _versturen(
    abonnement: Abonnement, *, onderwerp: Callable[[], str], sjabloon: str, context: dict[str, object]
) -> None:
    """Writes the mail in the subscriber's language: subject and body are rendered inside it."""
    opzeggen = _link("abonnement_opzeggen", abonnement)
    with translation.override(abonnement.taal):
        tekst = render_to_string(
            sjabloon,
            {**context, "abonnement": abonnement, "opzeggen": opzeggen, "site": settings.RAADHUIS_BASIS_URL},
        )
        bericht = EmailMessage(
            subject=onderwerp(),
            body=tekst,
            to=[abonnement.emailadres],
            headers={
                "List-Unsubscribe": f"<{opzeggen}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
    bericht.send()


def _opruimen() -> None:
    Abonnement.objects.filter(
        bevestigd_op__isnull=True, aangevraagd_op__lt=timezone.now() - BEVESTIGEN_BINNEN
    ).delete()


@transaction.atomic
def abonnement_aanvragen(
    *,
    emailadres: str,
    orgaan: Orgaan | None,
    agendas: bool,
    besluiten: bool,
    taal: str = "nl",
    raadsvragen: bool = False,
) -> None:
    """Asks for a subscription and mails the confirmation link. The answer is the same whether the
    address was known or not, so the form reveals nobody's subscriptions; a known, confirmed address
    gets a mail saying so (with its cancel link) and nothing changes."""
    emailadres = emailadres.strip().lower()
    fouten: dict[str, list[str]] = {}
    try:
        validate_email(emailadres)
    except ValidationError:
        fouten["emailadres"] = [_("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")]
    if not (agendas or besluiten or raadsvragen):
        fouten["agendas"] = [_("Kies nieuwe agenda's, besluitenlijsten, raadsvragen of een combinatie.")]
    if fouten:
        raise ValidationError(fouten)
    _opruimen()
    bestaand = Abonnement.objects.select_for_update().filter(emailadres=emailadres, orgaan=orgaan).first()
    if bestaand is not None and bestaand.bevestigd_op is not None:
        _versturen(
            bestaand,
            onderwerp=lambda: _("U bent al geabonneerd op meldingen"),
            sjabloon="besluitvorming/mail/al_geabonneerd.txt",
            context={},
        )
        return
    abonnement = bestaand or Abonnement(emailadres=emailadres, orgaan=orgaan)
    abonnement.agendas, abonnement.besluiten = agendas, besluiten
    abonnement.raadsvragen = raadsvragen
    abonnement.taal = taal if taal in TALEN else "nl"
    abonnement.nonce = secrets.token_hex(16)
    abonnement.aangevraagd_op = timezone.now()
    abonnement.full_clean()
    try:
        with transaction.atomic():
            abonnement.save()
    except IntegrityError:
        return  # the same address asked twice at the same moment; the first request mails it
    _vastleggen("abonnement op meldingen aangevraagd", abonnement)
    _versturen(
        abonnement,
        onderwerp=lambda: _("Bevestig uw abonnement op meldingen"),
        sjabloon="besluitvorming/mail/bevestigen.txt",
        context={"bevestigen": _link("abonnement_bevestigen", abonnement), "dagen": BEVESTIGEN_BINNEN.days},
    )


@transaction.atomic
def abonnement_bevestigen(*, abonnement: Abonnement) -> Abonnement:
    """Confirms the subscription (the caller checked the link's key with `sleutel_klopt`)."""
    if abonnement.bevestigd_op is None:
        abonnement.bevestigd_op = timezone.now()
        abonnement.save(update_fields=["bevestigd_op"])
        _vastleggen("abonnement op meldingen bevestigd", abonnement)
    return abonnement


@transaction.atomic
def abonnement_opzeggen(*, abonnement: Abonnement) -> None:
    """Ends the subscription and forgets the address (the caller checked the link's key)."""
    _vastleggen("abonnement op meldingen opgezegd", abonnement)
    abonnement.delete()


def _abonnees(vergadering: Vergadering, *, soort: str) -> list[Abonnement]:
    veld = "agendas" if soort == Melding.Soort.AGENDA else "besluiten"
    return list(
        Abonnement.objects.filter(bevestigd_op__isnull=False, **{veld: True})
        .filter(Q(orgaan__isnull=True) | Q(orgaan=vergadering.orgaan))
        .exclude(meldingen__vergadering=vergadering, meldingen__soort=soort)
        .order_by("pk")
    )


def _melden(
    vergadering: Vergadering,
    *,
    soort: str,
    onderwerp: Callable[[], str],
    sjabloon: str,
    context: dict[str, object],
) -> int:
    """Sends one notification per subscriber, each in its own transaction with its Melding row: a
    failed send rolls back only that row, and a repeat run (at-least-once tasks) skips those sent."""
    verzonden = 0
    for abonnement in _abonnees(vergadering, soort=soort):
        with transaction.atomic():
            _, nieuw = Melding.objects.get_or_create(
                abonnement=abonnement, vergadering=vergadering, soort=soort
            )
            if not nieuw:
                continue
            _versturen(abonnement, onderwerp=onderwerp, sjabloon=sjabloon, context=context)
            logboek.vastleggen(
                naam=f"melding verstuurd: {soort}",
                activiteit=MELDINGEN_ABONNEMENTEN,
                betrokkene=("e-mailadres", abonnement.emailadres),
                door=MELDER,
            )
            verzonden += 1
    return verzonden


def _vergadering_link(vergadering: Vergadering) -> str:
    return f"{settings.RAADHUIS_BASIS_URL}{reverse('besluitvorming:vergadering', args=[vergadering.pk])}"


def agenda_melden(*, vergadering: Vergadering) -> int:
    """Tells subscribers that the agenda of a public meeting was published (Gemeentewet art. 19);
    only public items are named. A closed meeting (art. 23) or an unpublished agenda sends nothing."""
    if vergadering.besloten or vergadering.agenda_gepubliceerd_op is None:
        return 0
    punten = list(openbare_agendapunten().filter(vergadering=vergadering).order_by("volgnummer"))
    return _melden(
        vergadering,
        soort=Melding.Soort.AGENDA,
        onderwerp=lambda: _("Agenda gepubliceerd: %(titel)s") % {"titel": vergadering.titel},
        sjabloon="besluitvorming/mail/agenda.txt",
        context={"vergadering": vergadering, "punten": punten, "link": _vergadering_link(vergadering)},
    )


def besluiten_melden(*, vergadering: Vergadering) -> int:
    """Tells subscribers that the besluitenlijst of a public meeting was adopted (art. 23 lid 5),
    with the public decisions."""
    if vergadering.besloten or vergadering.besluitenlijst_vastgesteld_op is None:
        return 0
    besluiten: list[Besluit] = list(
        openbare_besluiten()
        .filter(agendapunt__vergadering=vergadering)
        .select_related("agendapunt")
        .order_by("agendapunt__volgnummer", "pk")
    )
    return _melden(
        vergadering,
        soort=Melding.Soort.BESLUITEN,
        onderwerp=lambda: _("Besluitenlijst vastgesteld: %(titel)s") % {"titel": vergadering.titel},
        sjabloon="besluitvorming/mail/besluiten.txt",
        context={"vergadering": vergadering, "besluiten": besluiten, "link": _vergadering_link(vergadering)},
    )
