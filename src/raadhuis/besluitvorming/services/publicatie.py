"""Active publication of council and college work in the publication register (Woo art. 3.3 lid 2
onder a, c and d; woo.md section 4): a meeting's agenda once published, its besluitenlijst once
adopted, and every paper of it that is public now.

What is public is decided by `selectors.publiek` alone (Gemeentewet arts. 19, 23 and 25): a
besloten meeting, a besloten agenda item and a geheim paper are never handed over; a paper whose
secrecy ends is published from then on, and a paper that is no longer public (its item made
besloten) is withdrawn. The category of each comes from `woo_categorieen`.

The services enqueue `vergadering_publiceren_taak` on commit, so a meeting's publication never
slows down or breaks the griffie's own transaction; running it twice changes nothing (the
register keys each publication on (bron, bron_sleutel) and keeps unchanged files).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_tasks import task

from raadhuis.besluitvorming import woo_categorieen
from raadhuis.besluitvorming.models import Stuk, Vergadering
from raadhuis.besluitvorming.selectors import publiek
from raadhuis.core import pdf
from raadhuis.publicatie import selectors as publicatieselectors
from raadhuis.publicatie import services as publicatie
from raadhuis.publicatie import waardelijsten

__all__ = ["BRON", "vergadering_publiceren", "vergadering_publiceren_taak"]

logger = logging.getLogger(__name__)

BRON = "besluitvorming"


def _begin_van_de_dag(datum: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(datum, dt.time.min))


def _datum(vergadering: Vergadering) -> str:
    return f"{timezone.localtime(vergadering.begin):%d-%m-%Y}"


def _pdf(titel: str, inhoud: str) -> bytes:
    html = format_html("<h1>{}</h1>{}", titel, inhoud)
    return pdf.html_naar_pdf(html, titel=titel)


def _agenda(vergadering: Vergadering) -> bytes:
    """The public agenda as a PDF: only the items the public may see (never a besloten one)."""
    punten = publiek.openbare_agendapunten().filter(vergadering=vergadering).order_by("volgnummer")
    regels = format_html_join(
        "",
        "<li><strong>{}</strong> {}<p>{}</p></li>",
        ((punt.kenmerk or punt.volgnummer, punt.titel, punt.omschrijving) for punt in punten),
    )
    kop = format_html(
        "<p>{}: {}<br>{}: {}</p>",
        _("Aanvang"),
        f"{timezone.localtime(vergadering.begin):%d-%m-%Y %H:%M}",
        _("Locatie"),
        vergadering.locatie or "-",
    )
    return _pdf(_agendatitel(vergadering), format_html("{}<ol>{}</ol>", kop, regels))


def _agendatitel(vergadering: Vergadering) -> str:
    return _("Agenda %(orgaan)s %(datum)s") % {
        "orgaan": vergadering.orgaan.naam,
        "datum": _datum(vergadering),
    }


def _besluitenlijsttitel(vergadering: Vergadering) -> str:
    return _("Besluitenlijst %(orgaan)s %(datum)s") % {
        "orgaan": vergadering.orgaan.naam,
        "datum": _datum(vergadering),
    }


def _besluitenlijst(vergadering: Vergadering) -> bytes:
    """The adopted besluitenlijst as a PDF: the decisions on public items only (art. 23 lid 5)."""
    besluiten = (
        publiek.openbare_besluiten()
        .filter(agendapunt__vergadering=vergadering)
        .select_related("agendapunt")
        .order_by("agendapunt__volgnummer", "pk")
    )
    regels = format_html_join(
        "",
        "<li><strong>{}</strong>: {}<p>{}</p></li>",
        (
            (besluit.agendapunt.titel, besluit.get_resultaat_display(), besluit.toelichting)
            for besluit in besluiten
        ),
    )
    inhoud = (
        format_html("<ol>{}</ol>", regels) if besluiten else format_html("<p>{}</p>", _("Geen besluiten."))
    )
    return _pdf(_besluitenlijsttitel(vergadering), inhoud)


def _publiceren(
    *,
    sleutel: str,
    titel: str,
    categorieen: list[str],
    handeling: str,
    tijdstip: dt.datetime,
    bestand: publicatie.Bronbestand,
    vergadering: Vergadering,
) -> None:
    """One publication in its own savepoint: a paper the register refuses (a file type not on the
    TOOI list) is logged and skipped without losing the rest of the meeting."""
    try:
        with transaction.atomic():
            publicatie.publiceren_vanuit_bron(
                bron=BRON,
                bron_sleutel=sleutel,
                publisher=settings.RAADHUIS_ORGANISATIE,
                officiele_titel=titel[:1000],
                informatiecategorieen=categorieen,
                handelingen=[publicatie.Handeling(soort=handeling, tijdstip=tijdstip)],
                documenten=[bestand],
                omschrijving=_("%(orgaan)s, vergadering van %(datum)s")
                % {"orgaan": vergadering.orgaan.naam, "datum": _datum(vergadering)},
            )
    except ValidationError as fout:
        logger.warning("%s/%s niet gepubliceerd: %s", BRON, sleutel, fout.messages)


def _ongewijzigd(sleutel: str, titel: str, inhoud: bytes) -> bool:
    """A generated agenda or besluitenlijst whose text did not change since it was published: it
    is left alone, so its document keeps its URL and the sitemap its lastmod (a regenerated PDF
    differs in its random file ID even when nothing in it changed)."""
    bestaand = publicatieselectors.publicatie_van_bron(BRON, sleutel)
    if bestaand is None or bestaand.status != "gepubliceerd" or bestaand.officiele_titel != titel:
        return False
    documenten = list(publicatieselectors.documenten_van(bestaand))
    return len(documenten) == 1 and documenten[0].tekst == pdf.pdf_tekst(inhoud).strip()


def _stuk_bestand(stuk: Stuk) -> publicatie.Bronbestand:
    with stuk.bestand.open("rb") as bestand:
        inhoud = bestand.read()
    opgeslagen = PurePosixPath(stuk.bestand.name or "")
    naam = PurePosixPath(stuk.bestandsnaam or opgeslagen.name).name
    if not PurePosixPath(naam).suffix:
        naam = f"{slugify(stuk.titel)[:100] or 'stuk'}{opgeslagen.suffix}"
    return publicatie.Bronbestand(
        titel=stuk.titel,
        bestandsnaam=naam,
        inhoud=inhoud,
        documentsoort=waardelijsten.DOCUMENTSOORT_INGEKOMEN_STUK
        if stuk.soort == Stuk.Soort.INGEKOMEN_STUK
        else "",
        creatiedatum=stuk.datum,
    )


def _stukken_publiceren(vergadering: Vergadering) -> None:
    """Publishes the meeting's public papers with a file and withdraws those published earlier that
    are public no longer; a geheim paper or one of a besloten item is never published."""
    openbaar = list(publiek.publiceerbare_stukken().filter(agendapunt__vergadering=vergadering))
    for stuk in openbaar:
        if not stuk.bestand:
            continue
        ingekomen = stuk.soort == Stuk.Soort.INGEKOMEN_STUK
        _publiceren(
            sleutel=f"stuk-{stuk.pk}",
            titel=stuk.titel,
            categorieen=[categorie.uri for categorie in woo_categorieen.voor_stuk(stuk)],
            handeling=waardelijsten.ONTVANGST if ingekomen else waardelijsten.VASTSTELLING,
            tijdstip=_begin_van_de_dag(stuk.datum),
            bestand=_stuk_bestand(stuk),
            vergadering=vergadering,
        )
    niet_meer_openbaar = (
        Stuk.objects.filter(agendapunt__vergadering=vergadering)
        .exclude(pk__in=[stuk.pk for stuk in openbaar])
        .values_list("pk", flat=True)
    )
    for pk in niet_meer_openbaar:
        _intrekken(f"stuk-{pk}")


def _intrekken(sleutel: str) -> None:
    publicatie.intrekken_vanuit_bron(
        bron=BRON, bron_sleutel=sleutel, reden=waardelijsten.REDEN_PROCEDURELE_FOUT
    )


def vergadering_publiceren(vergadering_id: int) -> bool:
    """Brings the register in line with what of the meeting is public now: its agenda, its
    besluitenlijst once adopted, and its public papers. Returns False, publishing nothing, for a
    besloten meeting or one whose agenda is not published (Gemeentewet arts. 19 and 23)."""
    vergadering = publiek.publiceerbare_vergaderingen().filter(pk=vergadering_id).first()
    # publiceerbare_vergaderingen has only meetings with a published agenda; checked again for mypy.
    if vergadering is None or vergadering.agenda_gepubliceerd_op is None:
        return False
    categorie = woo_categorieen.voor_vergadering(vergadering).uri
    dag = timezone.localdate(vergadering.begin)
    stukken_van_de_vergadering: list[tuple[str, str, bytes, dt.datetime, str, str]] = [
        (
            f"agenda-{vergadering.pk}",
            _agendatitel(vergadering),
            _agenda(vergadering),
            vergadering.agenda_gepubliceerd_op,
            waardelijsten.DOCUMENTSOORT_AGENDA,
            f"agenda-{vergadering.orgaan.slug}-{dag}.pdf",
        ),
    ]
    if vergadering.besluitenlijst_vastgesteld_op is not None:
        stukken_van_de_vergadering.append(
            (
                f"besluitenlijst-{vergadering.pk}",
                _besluitenlijsttitel(vergadering),
                _besluitenlijst(vergadering),
                vergadering.besluitenlijst_vastgesteld_op,
                waardelijsten.DOCUMENTSOORT_BESLUITENLIJST,
                f"besluitenlijst-{vergadering.orgaan.slug}-{dag}.pdf",
            )
        )
    for sleutel, titel, inhoud, vastgesteld_op, documentsoort, bestandsnaam in stukken_van_de_vergadering:
        if _ongewijzigd(sleutel, titel, inhoud):
            continue
        _publiceren(
            sleutel=sleutel,
            titel=titel,
            categorieen=[categorie],
            handeling=waardelijsten.VASTSTELLING,
            tijdstip=vastgesteld_op,
            bestand=publicatie.Bronbestand(
                titel=titel,
                bestandsnaam=bestandsnaam,
                inhoud=inhoud,
                documentsoort=documentsoort,
                creatiedatum=timezone.localdate(vastgesteld_op),
            ),
            vergadering=vergadering,
        )
    _stukken_publiceren(vergadering)
    return True


@task()
def vergadering_publiceren_taak(vergadering_id: int) -> bool:
    """Enqueued on commit by the services that make something of a meeting public."""
    with transaction.atomic():
        return vergadering_publiceren(vergadering_id)
