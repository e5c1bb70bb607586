"""E-mail notifications of new agendas and besluitenlijsten: subscribing with double opt-in,
confirming, cancelling with one click, and sending each notification once.

An e-mail address is personal data: the subscription rests on consent (AVG art. 6 lid 1 sub a),
proven by the confirmation link, withdrawn as easily as given (art. 7 lid 3: one click, also from
the mail client through RFC 8058 List-Unsubscribe-Post), and every change is in the logboek."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from raadhuis.besluitvorming.models import Abonnement, Besluit, Melding, Orgaan, Vergadering
from raadhuis.besluitvorming.selectors.publiek import openbare_agendapunten, openbare_besluiten
from raadhuis.core import dubbele_optin, logboek
from raadhuis.core.logboek.activiteiten import MELDINGEN_ABONNEMENTEN

# An unconfirmed address is kept no longer than this (AVG art. 5 lid 1 sub e: storage limitation).
BEVESTIGEN_BINNEN = dubbele_optin.BEVESTIGEN_BINNEN
MELDER = logboek.Systeemproces("taak: meldingen over vergaderingen versturen")
AANMELDING = dubbele_optin.Aanmelding(
    zout="raadhuis.besluitvorming.abonnement",
    bevestigen_url="besluitvorming:abonnement_bevestigen",
    opzeggen_url="besluitvorming:abonnement_opzeggen",
    sjabloon_bevestigen="besluitvorming/mail/bevestigen.txt",
    sjabloon_al_geabonneerd="besluitvorming/mail/al_geabonneerd.txt",
    onderwerp_bevestigen=lambda: _("Bevestig uw abonnement op meldingen"),
    onderwerp_al_geabonneerd=lambda: _("U bent al geabonneerd op meldingen"),
    activiteit=MELDINGEN_ABONNEMENTEN,
    naam="abonnement op meldingen",
    website=logboek.Systeemproces("website: meldingen over vergaderingen"),
)


def sleutel(abonnement: Abonnement) -> str:
    """The secret in the confirm and cancel links of this subscription."""
    return AANMELDING.sleutel(abonnement)


def sleutel_klopt(abonnement: Abonnement, gegeven: str) -> bool:
    return AANMELDING.sleutel_klopt(abonnement, gegeven)


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
    emailadres, fouten = dubbele_optin.adres_en_fouten(emailadres)
    if not (agendas or besluiten or raadsvragen):
        fouten["agendas"] = [_("Kies nieuwe agenda's, besluitenlijsten, raadsvragen of een combinatie.")]
    if fouten:
        raise ValidationError(fouten)
    Abonnement.objects.filter(
        bevestigd_op__isnull=True, aangevraagd_op__lt=AANMELDING.verlopen_voor()
    ).delete()

    def instellen(abonnement: Abonnement) -> None:
        abonnement.agendas, abonnement.besluiten = agendas, besluiten
        abonnement.raadsvragen = raadsvragen

    AANMELDING.aanvragen(
        bestaand=Abonnement.objects.select_for_update().filter(emailadres=emailadres, orgaan=orgaan).first(),
        nieuw=lambda: Abonnement(emailadres=emailadres, orgaan=orgaan),
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
            AANMELDING.versturen(abonnement, onderwerp=onderwerp, sjabloon=sjabloon, context=context)
            AANMELDING.vastleggen(f"melding verstuurd: {soort}", abonnement, MELDER)
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
