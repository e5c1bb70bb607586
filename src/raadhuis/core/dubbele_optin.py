"""E-mail subscriptions with double opt-in, shared by the modules that send notifications: the secret
in the confirm and cancel links, and a notification mail in the subscriber's language.

The links carry an HMAC of (pk, nonce) under SECRET_KEY, so a copy of the database alone cannot
confirm or cancel anyone's subscription; cancelling takes one click, also from the mail client
through RFC 8058 List-Unsubscribe-Post (AVG art. 7 lid 3: withdrawn as easily as given)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac


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
