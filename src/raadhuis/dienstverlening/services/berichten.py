"""E-mails to the applicant about a case: written in the case's language when the change is made
(so the timeline shows what was sent), sent by a background task once the transaction commits.

A rolled-back change sends nothing (the task is enqueued on commit); a worker that dies mid-task
has its task requeued (core.taken), and a mail already marked sent is not sent again.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from raadhuis.core.taken import na_commit
from raadhuis.dienstverlening.models import Berichtsoort, Rol, RolGeneriek, Zaak, Zaakbericht

ONDERWERPEN = {
    "ontvangen": _("Wij hebben uw aanvraag ontvangen (%(zaak)s)"),
    "status": _("Nieuwe stap in uw zaak %(zaak)s"),
    "afgesloten": _("Uw zaak %(zaak)s is afgehandeld"),
    "bericht": _("Er staat een bericht voor u klaar (%(zaak)s)"),
}


def _emailadres(zaak: Zaak) -> str:
    rol = Rol.objects.filter(zaak=zaak, roltype__omschrijving_generiek=RolGeneriek.INITIATOR).first()
    return rol.emailadres if rol else ""


def zaak_mailen(zaak: Zaak, *, sjabloon: str, aan: str | None = None) -> Zaakbericht | None:
    """Prepares the e-mail `sjabloon` (ontvangen, status, afgesloten, bericht) to the initiator, if
    they gave an address (`aan` when the caller has it at hand), and enqueues sending it on commit."""
    aan = _emailadres(zaak) if aan is None else aan
    if not aan:
        return None
    with translation.override(zaak.taal):
        onderwerp = str(ONDERWERPEN[sjabloon]) % {"zaak": zaak.identificatie}
        tekst = render_to_string(
            f"dienstverlening/mail/zaak_{sjabloon}.txt",
            {
                "zaak": zaak,
                "mijn_zaken": settings.RAADHUIS_BASIS_URL + reverse("dienstverlening:mijn_zaken"),
                "site": settings.RAADHUIS_BASIS_URL,
            },
        )
    bericht = Zaakbericht.objects.create(
        zaak=zaak, soort=Berichtsoort.EMAIL, onderwerp=onderwerp[:200], tekst=tekst, aan=aan
    )
    na_commit(zaakmail_versturen, bericht.pk)
    return bericht


@task()
def zaakmail_versturen(bericht_id: int) -> bool:
    """Sends one prepared e-mail; False when it was sent already or no longer exists."""
    with transaction.atomic():
        bericht = (
            Zaakbericht.objects.select_for_update()
            .filter(pk=bericht_id, soort=Berichtsoort.EMAIL, verzonden_op__isnull=True)
            .first()
        )
        if bericht is None:
            return False
        EmailMessage(subject=bericht.onderwerp, body=bericht.tekst, to=[bericht.aan]).send()
        bericht.verzonden_op = timezone.now()
        bericht.save(update_fields=["verzonden_op"])
    return True
