"""Publishing a programme chapter of the begroting or the jaarverslag in the publication register
(Woo art. 3.3 lid 2 onder g, jaarplannen en jaarverslagen; woo.md section 4): its PDF, generated
from what is public only (`alleen_openbaar`: activities and actions marked openbaar).

The mid-term review needs no call here: it is stored as a council paper
(`services.rapporten.mid_term_review_vastleggen`) and published with its meeting.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from raadhuis.core.models import Begrotingsprogramma
from raadhuis.core.rechten import vereis
from raadhuis.publicatie import services as publicatie
from raadhuis.publicatie import waardelijsten
from raadhuis.uitvoering import rapporten, selectors
from raadhuis.uitvoering.rechten import AGENDA_BEHEREN

__all__ = ["BRON", "DOCUMENTSOORTEN", "hoofdstuk_publiceren"]

BRON = "uitvoering"

# TOOI documentsoorten (core/data/tooi/documentsoortlijst.csv): begroting c_dfa0ff1f, jaarverslag c_3d782f30.
DOCUMENTSOORTEN = {
    selectors.BEGROTING: waardelijsten.KERN + "c_dfa0ff1f",
    selectors.JAARVERSLAG: waardelijsten.KERN + "c_3d782f30",
}


@transaction.atomic
def hoofdstuk_publiceren(
    *,
    door: AbstractBaseUser,
    programma: Begrotingsprogramma,
    jaar: int,
    soort: str,
    op: dt.datetime | None = None,
) -> str:
    """Publishes the programme chapter of `jaar` (begroting or jaarverslag) under category 2g with
    its PDF (not its CSV: the register takes only what the shared upload check recognises by
    content); publishing it again replaces the file (keyed on programme, kind and year).
    Only the public parts are included. Returns the key in the register."""
    vereis(door, AGENDA_BEHEREN)
    if soort not in DOCUMENTSOORTEN:
        raise ValidationError({"soort": _("Kies begroting of jaarverslag.")})
    if not programma.vanaf_jaar <= jaar <= (programma.tot_en_met_jaar or jaar):
        raise ValidationError(
            {
                "jaar": _("Het programma %(programma)s bestaat niet in %(jaar)s.")
                % {"programma": programma, "jaar": jaar}
            }
        )
    hoofdstuk = selectors.programmahoofdstuk(
        programma=programma, jaar=jaar, soort=soort, alleen_openbaar=True
    )
    naam = f"{slugify(programma.naam)}-{soort}-{jaar}"
    sleutel = f"hoofdstuk-{programma.pk}-{soort}-{jaar}"
    moment = op or timezone.now()
    publicatie.publiceren_vanuit_bron(
        bron=BRON,
        bron_sleutel=sleutel,
        publisher=settings.RAADHUIS_ORGANISATIE,
        officiele_titel=hoofdstuk.titel,
        informatiecategorieen=[waardelijsten.CATEGORIE_JAARPLANNEN],
        handelingen=[publicatie.Handeling(soort=waardelijsten.VASTSTELLING, tijdstip=moment)],
        documenten=[
            publicatie.Bronbestand(
                titel=hoofdstuk.titel,
                bestandsnaam=f"{naam}.pdf",
                inhoud=rapporten.hoofdstuk_pdf(hoofdstuk),
                documentsoort=DOCUMENTSOORTEN[soort],
                creatiedatum=timezone.localdate(moment),
            ),
        ],
        omschrijving=programma.omschrijving,
        periode_van=dt.date(jaar, 1, 1),
        periode_tot=dt.date(jaar, 12, 31),
    )
    return sleutel
