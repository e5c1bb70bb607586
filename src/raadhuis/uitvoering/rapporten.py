"""Renders the generated reports: the programme chapter (HTML, PDF, CSV) and the mid-term review
(HTML, PDF). The HTML fragment is the same for page and PDF; the page is the accessible version."""

from __future__ import annotations

import csv
import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from raadhuis.core import pdf
from raadhuis.uitvoering.selectors import MidTermReviewInhoud, Programmahoofdstuk


def hoofdstuk_pdf(hoofdstuk: Programmahoofdstuk) -> bytes:
    html = render_to_string("uitvoering/rapport/hoofdstuk_pdf.html", {"hoofdstuk": hoofdstuk, "pdf": True})
    return pdf.html_naar_pdf(html, titel=hoofdstuk.titel)


def mid_term_review_pdf(review: MidTermReviewInhoud) -> bytes:
    html = render_to_string("uitvoering/rapport/mid_term_review_pdf.html", {"review": review, "pdf": True})
    return pdf.html_naar_pdf(html, titel=review.titel)


def _bedrag(waarde: object) -> str:
    return "" if waarde is None else str(waarde)


def hoofdstuk_csv(hoofdstuk: Programmahoofdstuk) -> str:
    """The chapter's figures as CSV (semicolon-separated, as Dutch spreadsheets expect): costs per
    goal, indicators per goal, and the BBV indicators with their numerator and denominator."""
    uitvoer = io.StringIO()
    schrijver = csv.writer(uitvoer, delimiter=";")
    schrijver.writerow(
        [
            _("onderdeel"),
            _("doel"),
            _("naam"),
            _("taakveld"),
            _("eenheid"),
            _("begroot / streefwaarde"),
            _("werkelijk / realisatie"),
            _("teller"),
            _("noemer"),
            _("peildatum"),
            _("bron"),
        ]
    )
    for regel in hoofdstuk.doelen:
        schrijver.writerow(
            [
                _("lasten"),
                regel.doel.nummer,
                regel.doel.titel,
                regel.doel.taakveld,
                "EUR",
                _bedrag(regel.begroot),
                _bedrag(regel.besteed),
                "",
                "",
                "",
                "",
            ]
        )
        for reeks, streef, realisatie in regel.indicatoren:
            schrijver.writerow(
                [
                    _("indicator"),
                    regel.doel.nummer,
                    reeks.indicator.naam,
                    regel.doel.taakveld,
                    reeks.indicator.eenheid,
                    _bedrag(streef),
                    _bedrag(realisatie),
                    "",
                    "",
                    "",
                    reeks.indicator.bron,
                ]
            )
    for bijdrage in hoofdstuk.verbonden_partijen:
        schrijver.writerow(
            [
                _("verbonden partij"),
                "",
                bijdrage.partij,
                "",
                "EUR",
                _bedrag(bijdrage.begroot),
                _bedrag(bijdrage.werkelijk),
                "",
                "",
                "",
                "",
            ]
        )
    for bbv in hoofdstuk.bbv_indicatoren:
        kengetal = bbv.kengetal
        schrijver.writerow(
            [
                _("BBV-indicator"),
                "",
                bbv.label,
                "",
                bbv.definitie.eenheid,
                "",
                _bedrag(bbv.waarde),
                _bedrag(kengetal.teller if kengetal else None),
                _bedrag(kengetal.noemer if kengetal else None),
                kengetal.peildatum.isoformat() if kengetal else "",
                kengetal.bron if kengetal else "",
            ]
        )
    return uitvoer.getvalue()
