"""E-mail notifications about meedoen (consultations and petitions): subscribing with double
opt-in, confirming, cancelling with one click, and sending each event once.

An e-mail address is personal data: the subscription rests on consent (AVG art. 6 lid 1 sub a),
proven by the confirmation link, withdrawn as easily as given (art. 7 lid 3), and every change is
in the logboek. The link secrets and the mail come from core.dubbele_optin, shared with
besluitvorming's notifications."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.core import dubbele_optin, logboek
from raadhuis.core.logboek.activiteiten import MELDINGEN_MEEDOEN
from raadhuis.samenleving.models import Abonnement, Melding

# An unconfirmed address is kept no longer than this (AVG art. 5 lid 1 sub e: storage limitation).
BEVESTIGEN_BINNEN = dt.timedelta(days=7)
TALEN = ("nl", "en")
ZOUT = "raadhuis.samenleving.abonnement"
WEBSITE = logboek.Systeemproces("website: meldingen over meedoen")
MELDER = logboek.Systeemproces("taak: meldingen over meedoen versturen")


class Onderwerp:
    CONSULTATIES = "consultaties"
    PETITIES = "petities"
    ALLE = (CONSULTATIES, PETITIES)


def sleutel(abonnement: Abonnement) -> str:
    return dubbele_optin.linksleutel(ZOUT, abonnement.pk, abonnement.nonce)


def sleutel_klopt(abonnement: Abonnement, gegeven: str) -> bool:
    return dubbele_optin.linksleutel_klopt(ZOUT, abonnement.pk, abonnement.nonce, gegeven)


def _link(naam: str, abonnement: Abonnement) -> str:
    pad = reverse(f"samenleving:{naam}", args=[abonnement.pk, sleutel(abonnement)])
    return f"{settings.RAADHUIS_BASIS_URL}{pad}"


def _vastleggen(naam: str, abonnement: Abonnement, door: logboek.Systeemproces = WEBSITE) -> None:
    logboek.vastleggen(
        naam=naam,
        activiteit=MELDINGEN_MEEDOEN,
        betrokkene=("e-mailadres", abonnement.emailadres),
        door=door,
    )


def _versturen(
    abonnement: Abonnement, *, onderwerp: Callable[[], str], sjabloon: str, context: dict[str, object]
) -> None:
    dubbele_optin.mail_versturen(
        aan=abonnement.emailadres,
        taal=abonnement.taal,
        onderwerp=onderwerp,
        sjabloon=sjabloon,
        context={**context, "abonnement": abonnement},
        opzeggen=_link("abonnement_opzeggen", abonnement),
    )


@transaction.atomic
def abonnement_aanvragen(*, emailadres: str, consultaties: bool, petities: bool, taal: str = "nl") -> None:
    """Asks for a subscription and mails the confirmation link. The answer is the same whether the
    address was known or not, so the form reveals nobody's subscription."""
    emailadres = emailadres.strip().lower()
    fouten: dict[str, list[str]] = {}
    try:
        validate_email(emailadres)
    except ValidationError:
        fouten["emailadres"] = [_("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")]
    if not (consultaties or petities):
        fouten["consultaties"] = [_("Kies consultaties, petities of allebei.")]
    if fouten:
        raise ValidationError(fouten)
    Abonnement.objects.filter(
        bevestigd_op__isnull=True, aangevraagd_op__lt=timezone.now() - BEVESTIGEN_BINNEN
    ).delete()
    bestaand = Abonnement.objects.select_for_update().filter(emailadres=emailadres).first()
    if bestaand is not None and bestaand.bevestigd_op is not None:
        _versturen(
            bestaand,
            onderwerp=lambda: _("U bent al geabonneerd op meldingen over meedoen"),
            sjabloon="samenleving/abonnementen/mail/al_geabonneerd.txt",
            context={},
        )
        return
    abonnement = bestaand or Abonnement(emailadres=emailadres)
    abonnement.consultaties, abonnement.petities = consultaties, petities
    abonnement.taal = taal if taal in TALEN else "nl"
    abonnement.nonce = secrets.token_hex(16)
    abonnement.aangevraagd_op = timezone.now()
    abonnement.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            abonnement.save()
    except IntegrityError:
        return  # the same address asked twice at the same moment; the first request mails it
    _vastleggen("abonnement op meldingen over meedoen aangevraagd", abonnement)
    _versturen(
        abonnement,
        onderwerp=lambda: _("Bevestig uw abonnement op meldingen over meedoen"),
        sjabloon="samenleving/abonnementen/mail/bevestigen.txt",
        context={"bevestigen": _link("abonnement_bevestigen", abonnement), "dagen": BEVESTIGEN_BINNEN.days},
    )


@transaction.atomic
def abonnement_bevestigen(*, abonnement: Abonnement) -> Abonnement:
    """Confirms the subscription (the caller checked the link's key with `sleutel_klopt`)."""
    if abonnement.bevestigd_op is None:
        abonnement.bevestigd_op = timezone.now()
        abonnement.save(update_fields=["bevestigd_op"])
        _vastleggen("abonnement op meldingen over meedoen bevestigd", abonnement)
    return abonnement


@transaction.atomic
def abonnement_opzeggen(*, abonnement: Abonnement) -> None:
    """Ends the subscription and forgets the address (the caller checked the link's key)."""
    _vastleggen("abonnement op meldingen over meedoen opgezegd", abonnement)
    abonnement.delete()


def melden(*, onderwerp: str, sleutel: str, titel: str, url: str, tekst: str = "") -> int:
    """Tells the confirmed subscribers of `onderwerp` about one event, named by `sleutel` (e.g.
    "petitie-12-geopend"): each subscriber gets it once, however often this runs (at-least-once
    tasks). Each mail in its own transaction with its Melding row, so a failed send rolls back
    only that row. Returns the number sent."""
    if onderwerp not in Onderwerp.ALLE:
        raise ValueError(f"Onbekend onderwerp {onderwerp!r}.")
    abonnees = list(
        Abonnement.objects.filter(bevestigd_op__isnull=False, **{onderwerp: True})
        .exclude(meldingen__sleutel=sleutel)
        .order_by("pk")
    )
    verzonden = 0
    for abonnement in abonnees:
        with transaction.atomic():
            _, nieuw = Melding.objects.get_or_create(abonnement=abonnement, sleutel=sleutel)
            if not nieuw:
                continue
            _versturen(
                abonnement,
                onderwerp=lambda: titel,
                sjabloon="samenleving/abonnementen/mail/melding.txt",
                context={"titel": titel, "url": url, "tekst": tekst},
            )
            _vastleggen(f"melding verstuurd: {sleutel}", abonnement, MELDER)
            verzonden += 1
    return verzonden


def petitie_geopend_melden(*, titel: str, url: str, sleutel: str) -> int:
    """For the petitions part: a new petition is open for signatures. `url` is absolute or a path."""
    adres = url if url.startswith("http") else f"{settings.RAADHUIS_BASIS_URL}{url}"
    return melden(
        onderwerp=Onderwerp.PETITIES,
        sleutel=sleutel,
        titel=_("Nieuwe petitie: %(titel)s") % {"titel": titel},
        url=adres,
    )
