"""Storing a generated report as a council paper."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from raadhuis.besluitvorming import services as besluitvorming
from raadhuis.core.rechten import vereis
from raadhuis.uitvoering import rapporten, selectors
from raadhuis.uitvoering.models import Akkoord, MidTermReview
from raadhuis.uitvoering.rechten import OPDRACHTEN_BEHEREN


@transaction.atomic
def mid_term_review_vastleggen(
    *, door: AbstractBaseUser, akkoord: Akkoord, peildatum: dt.date, agendapunt: models.Model
) -> MidTermReview:
    """Generates the mid-term review on `peildatum` and adds its PDF as a raadsinformatiebrief to the
    agenda item of the meeting that discusses it (the griffie manages the meeting's papers)."""
    vereis(door, OPDRACHTEN_BEHEREN, akkoord)
    if not akkoord.periode_van <= peildatum <= akkoord.periode_tot:
        raise ValidationError(
            {
                "peildatum": _("De peildatum valt buiten de periode van het akkoord (%(van)s t/m %(tot)s).")
                % {
                    "van": akkoord.periode_van.strftime("%d-%m-%Y"),
                    "tot": akkoord.periode_tot.strftime("%d-%m-%Y"),
                }
            }
        )
    inhoud = selectors.mid_term_review(akkoord=akkoord, peildatum=peildatum)
    bestand = SimpleUploadedFile(
        f"mid-term-review-{slugify(akkoord.titel)}-{peildatum.isoformat()}.pdf",
        rapporten.mid_term_review_pdf(inhoud),
        content_type="application/pdf",
    )
    stuk = besluitvorming.stuk_toevoegen(
        agendapunt=agendapunt,  # type: ignore[arg-type]
        soort="mededeling",
        titel=inhoud.titel,
        datum=peildatum,
        bestand=bestand,
        door=door,
    )
    review = MidTermReview(akkoord=akkoord, peildatum=peildatum, stuk=stuk, door_id=door.pk)
    review.full_clean()
    review.save()
    return review
