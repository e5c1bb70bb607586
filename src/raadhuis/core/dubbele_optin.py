"""E-mail subscriptions with double opt-in, shared by the modules that send notifications: asking
(with the confirmation mail), confirming, cancelling, the secret in the links, and a mail in the
subscriber's language.

An e-mail address is personal data: the subscription rests on consent (AVG art. 6 lid 1 sub a),
proven by the confirmation link, withdrawn as easily as given (art. 7 lid 3: one click, also from
the mail client through RFC 8058 List-Unsubscribe-Post), an unconfirmed address is kept no longer
than BEVESTIGEN_BINNEN (art. 5 lid 1 sub e), and every change is in the logboek. The links carry an
HMAC of (pk, nonce) under SECRET_KEY, so a copy of the database alone cannot confirm or cancel
anyone's subscription."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from raadhuis.core import logboek

BEVESTIGEN_BINNEN = dt.timedelta(days=7)
TALEN = ("nl", "en")


class Abonnee(Protocol):
    """What a module's subscription model has for this to work with."""

    pk: Any
    emailadres: str
    taal: str
    nonce: str
    aangevraagd_op: dt.datetime
    bevestigd_op: dt.datetime | None

    def full_clean(self) -> None: ...

    def save(self, *, update_fields: list[str] | None = None) -> None: ...


A = TypeVar("A", bound=Abonnee)


def linksleutel(zout: str, pk: int, nonce: str) -> str:
    """The secret in the confirm and cancel links of one subscription; `zout` names the module."""
    return salted_hmac(zout, f"{pk}:{nonce}").hexdigest()


def linksleutel_klopt(zout: str, pk: int, nonce: str, gegeven: str) -> bool:
    return constant_time_compare(linksleutel(zout, pk, nonce), gegeven)


def mail_versturen(
    *,
    aan: str,
    taal: str,
    onderwerp: Callable[[], str],
    sjabloon: str,
    context: Mapping[str, object],
    opzeggen: str,
) -> None:
    """Writes the mail in the subscriber's language (subject and body are rendered inside it), with
    the one-click unsubscribe headers; the template gets `opzeggen` and `site` besides `context`."""
    with translation.override(taal):
        tekst = render_to_string(
            sjabloon, {**context, "opzeggen": opzeggen, "site": settings.RAADHUIS_BASIS_URL}
        )
        bericht = EmailMessage(
            subject=onderwerp(),
            body=tekst,
            to=[aan],
            headers={
                "List-Unsubscribe": f"<{opzeggen}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
    bericht.send()


def adres_en_fouten(emailadres: str) -> tuple[str, dict[str, list[str]]]:
    """The address as stored (trimmed, lower case) and the form errors if it is not one."""
    adres = emailadres.strip().lower()
    try:
        validate_email(adres)
    except ValidationError:
        return adres, {"emailadres": [_("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")]}
    return adres, {}


@dataclass(frozen=True)
class Aanmelding:
    """One module's double opt-in: the salt of its links, the URL names of its confirm and cancel
    pages (taking pk and key), its mail templates (`bevestigen` gets `bevestigen` and `dagen`), its
    logboek activity and how its log lines name the subscription."""

    zout: str
    bevestigen_url: str
    opzeggen_url: str
    sjabloon_bevestigen: str
    sjabloon_al_geabonneerd: str
    onderwerp_bevestigen: Callable[[], str]
    onderwerp_al_geabonneerd: Callable[[], str]
    activiteit: str
    naam: str  # e.g. "abonnement op meldingen"
    website: logboek.Systeemproces

    def sleutel(self, abonnement: Abonnee) -> str:
        return linksleutel(self.zout, abonnement.pk, abonnement.nonce)

    def sleutel_klopt(self, abonnement: Abonnee, gegeven: str) -> bool:
        return linksleutel_klopt(self.zout, abonnement.pk, abonnement.nonce, gegeven)

    def link(self, url: str, abonnement: Abonnee) -> str:
        return f"{settings.RAADHUIS_BASIS_URL}{reverse(url, args=[abonnement.pk, self.sleutel(abonnement)])}"

    def vastleggen(self, handeling: str, abonnement: Abonnee, door: logboek.Door | None = None) -> None:
        logboek.vastleggen(
            naam=handeling,
            activiteit=self.activiteit,
            betrokkene=("e-mailadres", abonnement.emailadres),
            door=door or self.website,
        )

    def versturen(
        self,
        abonnement: Abonnee,
        *,
        onderwerp: Callable[[], str],
        sjabloon: str,
        context: Mapping[str, object],
    ) -> None:
        mail_versturen(
            aan=abonnement.emailadres,
            taal=abonnement.taal,
            onderwerp=onderwerp,
            sjabloon=sjabloon,
            context={**context, "abonnement": abonnement},
            opzeggen=self.link(self.opzeggen_url, abonnement),
        )

    def aanvragen(
        self, *, bestaand: A | None, nieuw: Callable[[], A], instellen: Callable[[A], None], taal: str
    ) -> None:
        """Asks for a subscription (the caller validated the input, removed expired requests and
        looked up `bestaand` under select_for_update) and mails the confirmation link. A known,
        confirmed address gets a mail saying so and nothing changes, so the form's answer reveals
        nobody's subscription."""
        if bestaand is not None and bestaand.bevestigd_op is not None:
            self.versturen(
                bestaand,
                onderwerp=self.onderwerp_al_geabonneerd,
                sjabloon=self.sjabloon_al_geabonneerd,
                context={},
            )
            return
        abonnement = bestaand or nieuw()
        instellen(abonnement)
        abonnement.taal = taal if taal in TALEN else "nl"
        abonnement.nonce = secrets.token_hex(16)
        abonnement.aangevraagd_op = timezone.now()
        abonnement.full_clean()
        try:
            with transaction.atomic():
                abonnement.save()
        except IntegrityError:
            return  # the same address asked twice at the same moment; the first request mails it
        self.vastleggen(f"{self.naam} aangevraagd", abonnement)
        self.versturen(
            abonnement,
            onderwerp=self.onderwerp_bevestigen,
            sjabloon=self.sjabloon_bevestigen,
            context={
                "bevestigen": self.link(self.bevestigen_url, abonnement),
                "dagen": BEVESTIGEN_BINNEN.days,
            },
        )

    def bevestigen(self, abonnement: A) -> A:
        """Confirms the subscription (the caller checked the link's key with `sleutel_klopt`)."""
        if abonnement.bevestigd_op is None:
            abonnement.bevestigd_op = timezone.now()
            abonnement.save(update_fields=["bevestigd_op"])
            self.vastleggen(f"{self.naam} bevestigd", abonnement)
        return abonnement

    def opzeggen_vastleggen(self, abonnement: Abonnee) -> None:
        """Logs the cancellation; the caller deletes the subscription (forgetting the address)."""
        self.vastleggen(f"{self.naam} opgezegd", abonnement)

    @staticmethod
    def verlopen_voor() -> dt.datetime:
        """Unconfirmed requests from before this moment are deleted (AVG art. 5 lid 1 sub e)."""
        return timezone.now() - BEVESTIGEN_BINNEN


@dataclass(frozen=True)
class Linkpaginas(Generic[A]):
    """The pages behind the confirm and cancel links of a module's subscriptions. GET asks, POST
    acts: mail scanners open links and must not confirm or cancel for the reader. Cancelling also
    takes the RFC 8058 one-click POST of a mail client (no form, so no CSRF token: the key in the
    link is the proof); a second cancel changes nothing. The templates (`sjablonen` +
    bevestigen/opzeggen/opgezegd/ongeldig.html) get `abonnement` and `kruimelpad`."""

    vinden: Callable[[int, str], A | None]  # the subscription if the key fits
    bevestigen: Callable[[A], object]
    opzeggen: Callable[[A], None]
    sjablonen: str
    kruimelpad: Callable[[str], list[tuple[str, str | None]]]

    def _pagina(
        self, request: HttpRequest, sjabloon: str, stap: str, status: int = 200, **context: Any
    ) -> HttpResponse:
        return render(
            request,
            self.sjablonen + sjabloon,
            {**context, "kruimelpad": self.kruimelpad(stap)},
            status=status,
        )

    def bevestigen_view(self, request: HttpRequest, pk: int, sleutel: str) -> HttpResponse:
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        abonnement = self.vinden(pk, sleutel)
        if abonnement is None:
            return self._pagina(request, "ongeldig.html", _("Ongeldige link"), status=404)
        if request.method == "POST":
            self.bevestigen(abonnement)
        return self._pagina(request, "bevestigen.html", _("Bevestigen"), abonnement=abonnement)

    def opzeggen_view(self, request: HttpRequest, pk: int, sleutel: str) -> HttpResponse:
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        abonnement = self.vinden(pk, sleutel)
        if abonnement is None:
            if request.method == "POST":  # already cancelled: a second click changes nothing
                return self._pagina(request, "opgezegd.html", _("Afgemeld"))
            return self._pagina(request, "ongeldig.html", _("Ongeldige link"), status=404)
        if request.method == "POST":
            self.opzeggen(abonnement)
            return self._pagina(request, "opgezegd.html", _("Afgemeld"))
        return self._pagina(request, "opzeggen.html", _("Afmelden"), abonnement=abonnement)
