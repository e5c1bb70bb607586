"""The hand-over of decided Woo requests to the publication register (Woo art. 3.3 lid 2 onder i,
category 2i): the decision letter, the inventarislijst (PDF) and every redacted document
assessed openbaar or deels openbaar, published once the disclosure date is reached (Woo art. 4.4
lid 5), and then confirmed with `besluiten.overdracht_bevestigen`.

It runs once a day from the command `woo_publiceren` (which also picks up the decisions whose
disclosure was postponed by two weeks because a third party is expected to object), and as
`besluiten_publiceren_taak` once a decision taken through `besluit_nemen_en_overdragen` commits (the
decision page uses it; `besluit_nemen` itself stays free of the register, which builds on it).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import PurePosixPath

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django_tasks import task

from raadhuis.accounts.models import Medewerker
from raadhuis.core.taken import na_commit
from raadhuis.publicatie import services as publicatie
from raadhuis.publicatie import waardelijsten
from raadhuis.woo.models import WooBesluit, WooVerzoek
from raadhuis.woo.selectors import besluiten as selectors
from raadhuis.woo.services.besluiten import besluit_nemen, overdracht_bevestigen

__all__ = [
    "BRON",
    "besluit_nemen_en_overdragen",
    "besluit_publiceren",
    "besluiten_publiceren",
    "besluiten_publiceren_taak",
]

logger = logging.getLogger(__name__)

# The publication register keys a module's publications on (bron, bron_sleutel): the kenmerk.
BRON = "woo"


def _bestandsnaam(stuk: selectors.Publicatiestuk, kenmerk: str) -> str:
    """A readable, stable file name for the public URL; the stored name carries a random prefix."""
    extensie = PurePosixPath(stuk.bestand.name or "").suffix.lower() or (
        ".csv" if stuk.mediatype == "text/csv" else ".pdf"
    )
    if stuk.soort == "besluit":
        return f"besluit-{kenmerk}{extensie}"
    if stuk.soort == "inventarislijst":
        return f"inventarislijst-{kenmerk}{extensie}"
    naam = slugify(f"{stuk.nummer} {stuk.titel}")[:120] or "document"
    return f"{naam}{extensie}"


def _bronbestand(
    stuk: selectors.Publicatiestuk, kenmerk: str, besluitdatum: dt.date
) -> publicatie.Bronbestand:
    with stuk.bestand.open("rb") as bestand:
        inhoud = bestand.read()
    return publicatie.Bronbestand(
        titel=stuk.titel,
        bestandsnaam=_bestandsnaam(stuk, kenmerk),
        inhoud=inhoud,
        documentsoort=stuk.documentsoort,
        creatiedatum=besluitdatum,
    )


def _begin_van_de_dag(datum: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(datum, dt.time.min))


@transaction.atomic
def besluit_publiceren(besluit: WooBesluit, *, op: dt.datetime | None = None) -> WooBesluit:
    """Publishes one decision under category 2i and confirms the hand-over, in one transaction: a
    failure publishes nothing and leaves the decision waiting for the next run. Publishing the same
    decision again updates its publication (keyed on the kenmerk) instead of adding one. Refused by
    `overdracht_bevestigen` before the disclosure date (Woo art. 4.4 lid 5)."""
    moment = op or timezone.now()
    if timezone.localdate(moment) < besluit.openbaarmaking_op:
        # Checked before anything is published; overdracht_bevestigen raises the Dutch message.
        return overdracht_bevestigen(besluit, op=moment)
    verzoek = besluit.verzoek
    kenmerk = verzoek.kenmerk
    documenten = [
        _bronbestand(stuk, kenmerk.lower(), besluit.besluitdatum)
        for stuk in selectors.publicatiestukken(besluit)
        # The register takes what the shared upload check recognises by content, and CSV has no
        # signature to recognise: the inventarislijst goes out as PDF (the same rows).
        if stuk.mediatype != "text/csv"
    ]
    publicatie.publiceren_vanuit_bron(
        bron=BRON,
        bron_sleutel=kenmerk,
        publisher=settings.RAADHUIS_ORGANISATIE,
        officiele_titel=documenten[0].titel,
        informatiecategorieen=[selectors.INFORMATIECATEGORIE_WOO],
        handelingen=[
            publicatie.Handeling(
                soort=waardelijsten.VASTSTELLING, tijdstip=_begin_van_de_dag(besluit.besluitdatum)
            )
        ],
        documenten=documenten,
        omschrijving=besluit.get_uitkomst_display(),
        identificatoren=[kenmerk],
    )
    return overdracht_bevestigen(besluit, op=moment)


def besluiten_publiceren(*, op: dt.date | None = None) -> int:
    """Hands over every decision whose disclosure date is reached and that was not handed over yet
    (`selectors.besluiten.te_publiceren`); each in its own transaction, so one that fails (a file
    missing from storage) is logged and retried next time without holding up the others. Returns
    how many were published."""
    aantal = 0
    for besluit in selectors.te_publiceren(op=op):
        try:
            besluit_publiceren(besluit)
        except Exception:
            logger.exception("Woo-besluit %s kon niet worden gepubliceerd", besluit.pk)
        else:
            aantal += 1
    return aantal


@task()
def besluiten_publiceren_taak() -> int:
    """The background form, enqueued when a decision is committed and by `woo_publiceren --wachtrij`."""
    return besluiten_publiceren()


def besluit_nemen_en_overdragen(
    verzoek: WooVerzoek, *, besluitdatum: dt.date, toelichting: str, ondertekenaar: str, door: Medewerker
) -> WooBesluit:
    """Takes the decision (`besluiten.besluit_nemen`) and, once it has committed, hands what may be
    disclosed today to the publication register; a disclosure postponed by two weeks (Woo art. 4.4
    lid 5) waits for the daily `woo_publiceren`."""
    with transaction.atomic():
        besluit = besluit_nemen(
            verzoek,
            besluitdatum=besluitdatum,
            toelichting=toelichting,
            ondertekenaar=ondertekenaar,
            door=door,
        )
        na_commit(besluiten_publiceren_taak)
    return besluit
