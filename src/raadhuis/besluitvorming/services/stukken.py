"""Writes about council papers (stukken): upload through the shared validator into private storage,
text for search, secrecy (Gemeentewet art. 25)."""

from __future__ import annotations

import datetime as dt
import logging

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from raadhuis.besluitvorming.models import Agendapunt, Stuk
from raadhuis.besluitvorming.rechten import AGENDA_BEHEREN
from raadhuis.besluitvorming.services.publicatie import vergadering_publiceren_taak
from raadhuis.besluitvorming.services.stukindex import ZOEKSOORT_STUK, _stuk_indexeren
from raadhuis.besluitvorming.services.vergaderingen import _punt_vergrendelen
from raadhuis.core import uploads
from raadhuis.core.rechten import vereis
from raadhuis.core.taken import na_commit

__all__ = ["ZOEKSOORT_STUK", "pdf_tekst", "stuk_toevoegen"]

logger = logging.getLogger(__name__)

STUK_MAX_BYTES = 50_000_000
STUK_BESTANDSSOORTEN = (uploads.PDF, *uploads.KANTOORDOCUMENTEN)

# --- stukken --------------------------------------------------------------------------------------


def pdf_tekst(inhoud: bytes) -> str:
    """The text of a PDF for search (PyMuPDF); an unreadable PDF gives no text rather than an error."""
    import pymupdf

    try:
        with pymupdf.open(stream=inhoud, filetype="pdf") as document:  # type: ignore[no-untyped-call]
            return "\n".join(pagina.get_text() for pagina in document).strip()
    except (RuntimeError, ValueError, pymupdf.FileDataError) as fout:
        logger.warning("Tekst van PDF niet te lezen: %s", fout)
        return ""


@transaction.atomic
def stuk_toevoegen(
    *,
    agendapunt: Agendapunt,
    soort: str,
    titel: str,
    datum: dt.date,
    bestand: UploadedFile[bytes] | None,
    door: AbstractBaseUser,
    kenmerk: str = "",
    openbaarheid: str = Stuk.Openbaarheid.OPENBAAR,
    geheim_tot_bekrachtiging: bool = False,
) -> Stuk:
    """Adds a paper to an item. The file's type and size are checked before anything is stored; the
    text of a PDF is kept for search. Secrecy (Gemeentewet art. 25) imposed by the college, the
    burgemeester or a commissie lapses unless the raad confirms it: `geheim_tot_bekrachtiging`."""
    vereis(door, AGENDA_BEHEREN)
    punt, vergadering = _punt_vergrendelen(agendapunt)
    soort_bestand = None
    if bestand is not None:
        try:
            soort_bestand = uploads.valideer_upload(
                bestand, toegestaan=STUK_BESTANDSSOORTEN, max_bytes=STUK_MAX_BYTES
            )
        except ValidationError as fout:
            raise ValidationError({"bestand": fout.messages}) from fout
    if geheim_tot_bekrachtiging and openbaarheid != Stuk.Openbaarheid.GEHEIM:
        raise ValidationError(
            {
                "geheim_tot_bekrachtiging": _(
                    "Alleen bij een geheim stuk kan de geheimhouding worden bekrachtigd."
                )
            }
        )
    stuk = Stuk(
        agendapunt=punt,
        orgaan=vergadering.orgaan,
        soort=soort,
        titel=titel,
        kenmerk=kenmerk,
        datum=datum,
        openbaarheid=openbaarheid,
        geheim_tot_bekrachtiging=geheim_tot_bekrachtiging,
    )
    if bestand is not None and soort_bestand is not None:
        stuk.bestandsnaam = (bestand.name or "")[:255]
        stuk.mediatype = soort_bestand.mediatype
        if soort_bestand == uploads.PDF:
            bestand.seek(0)
            stuk.tekst = pdf_tekst(bestand.read())
            bestand.seek(0)
    stuk.full_clean(exclude=["bestand"])
    if bestand is not None:
        stuk.bestand.save(stuk.bestandsnaam or "stuk", bestand, save=False)
    try:
        stuk.save()
        _stuk_indexeren(stuk, punt, vergadering)
    except Exception:
        if stuk.bestand:
            stuk.bestand.delete(save=False)
        raise
    if vergadering.agenda_gepubliceerd_op is not None:
        # A paper added to a published agenda is public at once (unless geheim or on a besloten
        # item: the task publishes only what selectors.publiek allows).
        na_commit(vergadering_publiceren_taak, vergadering.pk)
    return stuk
