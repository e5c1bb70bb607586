"""Publishing the paragraaf verbonden partijen (BBV art. 15) of a begroting or jaarverslag in the
publication register (Woo art. 3.3 lid 2 onder g, jaarplannen en jaarverslagen; woo.md section 4):
the same PDF the Werkplek generates (`samenwerking/pdf/paragraaf.html`).

A concept zienswijze needs no call here: `procedures.zienswijze_agenderen` stores it as a council
paper, which is published with its meeting.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.core import pdf
from raadhuis.core.rechten import vereis
from raadhuis.publicatie import services as publicatie
from raadhuis.publicatie import waardelijsten
from raadhuis.samenwerking.models import Paragraaftekst
from raadhuis.samenwerking.rechten import REGISTER_BEHEREN
from raadhuis.samenwerking.selectors.paragraaf import paragraaf

__all__ = ["BRON", "DOCUMENTSOORTEN", "paragraaf_publiceren"]

BRON = "samenwerking"

# TOOI documentsoorten (core/data/tooi/documentsoortlijst.csv): begroting c_dfa0ff1f, jaarverslag c_3d782f30.
DOCUMENTSOORTEN: dict[str, str] = {
    Paragraaftekst.Document.BEGROTING: waardelijsten.KERN + "c_dfa0ff1f",
    Paragraaftekst.Document.JAARVERSLAG: waardelijsten.KERN + "c_3d782f30",
}


def paragraaftitel(*, jaar: int, document: str) -> str:
    return _("Paragraaf verbonden partijen, %(document)s %(jaar)s") % {
        "document": Paragraaftekst.Document(document).label,
        "jaar": jaar,
    }


@transaction.atomic
def paragraaf_publiceren(
    *, door: AbstractBaseUser, jaar: int, document: str, op: dt.datetime | None = None
) -> str:
    """Publishes the paragraaf of `jaar` for the begroting or jaarverslag under category 2g;
    publishing it again replaces the PDF (keyed on document and year). Returns the key in the
    register."""
    vereis(door, REGISTER_BEHEREN)
    if document not in DOCUMENTSOORTEN:
        raise ValidationError({"document": _("Kies begroting of jaarverslag.")})
    if not 1900 < jaar < 2200:
        raise ValidationError({"jaar": _("Vul een geldig jaar in.")})
    p = paragraaf(jaar=jaar, document=document)
    titel = paragraaftitel(jaar=jaar, document=document)
    html = render_to_string("samenwerking/pdf/paragraaf.html", {"p": p, "titel": titel})
    moment = op or timezone.now()
    sleutel = f"paragraaf-{document}-{jaar}"
    publicatie.publiceren_vanuit_bron(
        bron=BRON,
        bron_sleutel=sleutel,
        publisher=settings.RAADHUIS_ORGANISATIE,
        officiele_titel=titel,
        informatiecategorieen=[waardelijsten.CATEGORIE_JAARPLANNEN],
        handelingen=[publicatie.Handeling(soort=waardelijsten.VASTSTELLING, tijdstip=moment)],
        documenten=[
            publicatie.Bronbestand(
                titel=titel,
                bestandsnaam=f"paragraaf-verbonden-partijen-{document}-{jaar}.pdf",
                inhoud=pdf.html_naar_pdf(html, titel=titel),
                documentsoort=DOCUMENTSOORTEN[document],
                creatiedatum=timezone.localdate(moment),
            )
        ],
        periode_van=dt.date(jaar, 1, 1),
        periode_tot=dt.date(jaar, 12, 31),
    )
    return sleutel
