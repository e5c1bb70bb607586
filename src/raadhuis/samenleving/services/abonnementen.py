"""E-mail notifications about meedoen (consultations and petitions): subscribing with double
opt-in, confirming, cancelling with one click, and sending each event once.

An e-mail address is personal data: the subscription rests on consent (AVG art. 6 lid 1 sub a),
proven by the confirmation link, withdrawn as easily as given (art. 7 lid 3), and every change is
in the logboek. The link secrets and the mail come from core.dubbele_optin, shared with
besluitvorming's notifications."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from raadhuis.core import dubbele_optin, logboek
from raadhuis.core.logboek.activiteiten import MELDINGEN_MEEDOEN
from raadhuis.samenleving.models import Abonnement, Melding

MELDER = logboek.Systeemproces("taak: meldingen over meedoen versturen")
AANMELDING = dubbele_optin.Aanmelding(
    zout="raadhuis.samenleving.abonnement",
    bevestigen_url="samenleving:abonnement_bevestigen",
    opzeggen_url="samenleving:abonnement_opzeggen",
    sjabloon_bevestigen="samenleving/abonnementen/mail/bevestigen.txt",
    sjabloon_al_geabonneerd="samenleving/abonnementen/mail/al_geabonneerd.txt",
    onderwerp_bevestigen=lambda: _("Bevestig uw abonnement op meldingen over meedoen"),
    onderwerp_al_geabonneerd=lambda: _("U bent al geabonneerd op meldingen over meedoen"),
    activiteit=MELDINGEN_MEEDOEN,
    naam="abonnement op meldingen over meedoen",
    website=logboek.Systeemproces("website: meldingen over meedoen"),
)


class Onderwerp:
    CONSULTATIES = "consultaties"
    PETITIES = "petities"
    ALLE = (CONSULTATIES, PETITIES)


def sleutel(abonnement: Abonnement) -> str:
    return AANMELDING.sleutel(abonnement)


def sleutel_klopt(abonnement: Abonnement, gegeven: str) -> bool:
    return AANMELDING.sleutel_klopt(abonnement, gegeven)


@transaction.atomic
def abonnement_aanvragen(*, emailadres: str, consultaties: bool, petities: bool, taal: str = "nl") -> None:
    """Asks for a subscription and mails the confirmation link. The answer is the same whether the
    address was known or not, so the form reveals nobody's subscription."""
    emailadres, fouten = dubbele_optin.adres_en_fouten(emailadres)
    if not (consultaties or petities):
        fouten["consultaties"] = [_("Kies consultaties, petities of allebei.")]
    if fouten:
        raise ValidationError(fouten)
    Abonnement.objects.filter(
        bevestigd_op__isnull=True, aangevraagd_op__lt=AANMELDING.verlopen_voor()
    ).delete()

    def instellen(abonnement: Abonnement) -> None:
        abonnement.consultaties, abonnement.petities = consultaties, petities

    AANMELDING.aanvragen(
        bestaand=Abonnement.objects.select_for_update().filter(emailadres=emailadres).first(),
        nieuw=lambda: Abonnement(emailadres=emailadres),
        instellen=instellen,
        taal=taal,
    )


@transaction.atomic
def abonnement_bevestigen(*, abonnement: Abonnement) -> Abonnement:
    """Confirms the subscription (the caller checked the link's key with `sleutel_klopt`)."""
    return AANMELDING.bevestigen(abonnement)


@transaction.atomic
def abonnement_opzeggen(*, abonnement: Abonnement) -> None:
    """Ends the subscription and forgets the address (the caller checked the link's key)."""
    AANMELDING.opzeggen_vastleggen(abonnement)
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
            AANMELDING.versturen(
                abonnement,
                onderwerp=lambda: titel,
                sjabloon="samenleving/abonnementen/mail/melding.txt",
                context={"titel": titel, "url": url, "tekst": tekst},
            )
            AANMELDING.vastleggen(f"melding verstuurd: {sleutel}", abonnement, MELDER)
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
