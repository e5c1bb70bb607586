"""The search index entry of a stuk (core.zoeken): kept apart so every service that changes a
stuk's openbaarheid can update it without importing the meeting services."""

from __future__ import annotations

from django.urls import reverse

from raadhuis.besluitvorming.models import Agendapunt, Stuk, Vergadering
from raadhuis.core import zoeken

ZOEKSOORT_STUK = "besluitvorming.stuk"


def _stuk_indexeren(stuk: Stuk, punt: Agendapunt, vergadering: Vergadering) -> None:
    """Hands the paper to core.zoeken in the same transaction. `openbaar` is what may ever be public;
    the public search also applies the publication rules of the moment (selectors.publiek)."""
    zoeken.document_bijwerken(
        soort=ZOEKSOORT_STUK,
        sleutel=str(stuk.pk),
        titel=stuk.titel,
        tekst=stuk.tekst,
        url=reverse("besluitvorming:vergadering", args=[vergadering.pk]),
        openbaar=stuk.openbaarheid == Stuk.Openbaarheid.OPENBAAR
        and not punt.besloten
        and not vergadering.besloten,
        datum=stuk.datum,
    )
