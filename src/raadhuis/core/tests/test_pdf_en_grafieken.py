"""Generated reports: HTML to PDF, and charts with their data tables."""

from __future__ import annotations

import io
from decimal import Decimal

import pymupdf
import pytest
from django.template.loader import render_to_string
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.core import grafieken, pdf


def test_pdf_has_title_language_page_numbers_and_all_text():
    rijen = "".join(f"<tr><td>Regel {i}</td><td>{i}</td></tr>" for i in range(120))
    html = (
        f"<h1>Jaarverslag 2023</h1><h2>Wat wilden we bereiken?</h2><p>€ 1.234 — ë</p><table>{rijen}</table>"
    )
    inhoud = pdf.html_naar_pdf(html, titel="Jaarverslag 2023, programma 1")
    document = pymupdf.open("pdf", inhoud)
    assert document.metadata["title"] == "Jaarverslag 2023, programma 1"
    assert document.page_count == pdf.aantal_paginas(inhoud) > 1
    tekst = pdf.pdf_tekst(inhoud)
    assert "Wat wilden we bereiken?" in tekst
    assert "€ 1.234" in tekst
    assert "Regel 119" in tekst
    assert f"1 / {document.page_count}" in tekst


def test_pdf_page_renders_as_a_non_blank_image():
    inhoud = pdf.html_naar_pdf("<h1>Paragraaf verbonden partijen</h1><p>MRDH</p>", titel="Paragraaf")
    png = pdf.pdf_naar_png(inhoud)
    assert png.startswith(b"\x89PNG")
    pixels = pymupdf.Pixmap(io.BytesIO(png).getvalue())
    monsters = pixels.samples  # a copy per access: read it once
    donker = sum(1 for i in range(0, len(monsters), pixels.n) if monsters[i] < 128)
    assert donker > 100  # the heading is drawn, not an empty page


def test_pdf_does_not_load_external_resources():
    # The layout engine gets no archive: an <img> pointing elsewhere draws nothing and fails nothing.
    inhoud = pdf.html_naar_pdf('<p>tekst</p><img src="https://example.org/x.png">', titel="t")
    assert "tekst" in pdf.pdf_tekst(inhoud)


def test_bar_chart_prints_values_and_table_in_dutch_notation():
    grafiek = grafieken.staafdiagram(
        titel="Bijdrage per partij",
        categorieen=["MRDH", "GGD"],
        reeksen=[
            grafieken.Reeks("Begroot", [Decimal("1234567"), 80000]),
            grafieken.Reeks("Werkelijk", [None, -5]),
        ],
        eenheid="€",
    )
    html = render_to_string("raadhuis/components/grafiek.html", {"grafiek": grafiek})
    for stuk in ('role="img"', "<table", "<title", "€ 1.234.567", "€ -5", "–"):
        assert stuk in html
    assert grafiek.rijen[0].waarden == ("€ 1.234.567", "–")
    assert "style=" not in html  # the CSP allows no inline styles


def test_stacked_chart_refuses_negative_values():
    with pytest.raises(ValueError, match="negatieve"):
        grafieken.staafdiagram(
            titel="t", categorieen=["a"], reeksen=[grafieken.Reeks("x", [-1])], gestapeld=True
        )


def test_series_must_match_categories():
    with pytest.raises(ValueError, match="waarden voor"):
        grafieken.lijndiagram(titel="t", categorieen=["2022", "2023"], reeksen=[grafieken.Reeks("x", [1])])


def test_line_chart_axis_steps_are_round_and_cover_the_data():
    grafiek = grafieken.lijndiagram(
        titel="Formatie",
        categorieen=["2021", "2022", "2023"],
        reeksen=[grafieken.Reeks("fte", [5.8, 6.4, None])],
    )
    assen = [t.tekst for t in grafiek.teksten if t.anker == "end"]
    assert assen == ["0", "2", "4", "6", "8"]
    assert grafiek.lijnen[0].punten.count(",") == 2  # the missing year is skipped, not drawn as zero


@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.integers(-(10**9), 10**9)), min_size=3, max_size=3),
        min_size=1,
        max_size=5,
    )
)
def test_bars_stay_inside_the_picture(waarden):
    reeksen = [grafieken.Reeks(f"r{i}", rij) for i, rij in enumerate(waarden)]
    grafiek = grafieken.staafdiagram(titel="t", categorieen=["a", "b", "c"], reeksen=reeksen)
    for staaf in grafiek.staven:
        assert staaf.breedte >= 0
        assert staaf.x >= 0
        assert staaf.x + staaf.breedte <= grafiek.breedte + 0.01
        assert staaf.y >= 0
        assert staaf.y + staaf.hoogte <= grafiek.hoogte


def test_line_chart_with_many_series_cycles_colours_and_dashes():
    reeksen = [grafieken.Reeks(f"Partij {i}", [i, i + 1]) for i in range(9)]
    grafiek = grafieken.lijndiagram(titel="Bijdragen", categorieen=["2026", "2027"], reeksen=reeksen)
    assert len(grafiek.legenda) == 9
    assert grafiek.legenda[4].streep == grafiek.legenda[0].streep
