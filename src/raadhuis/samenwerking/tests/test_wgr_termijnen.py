"""Wgr deadlines: both regimes (before and since 1 July 2022), chosen by date, with the Algemene
termijnenwet applied to windows after receipt (holidays and weekends)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raadhuis.core.selectors import gelijkgestelde_dagen
from raadhuis.core.termijnen import is_werkdag
from raadhuis.samenwerking.models import Rechtsvorm, Samenwerkingsverband, Wgrprocedure
from raadhuis.samenwerking.selectors.procedures import termijnen_van, zienswijzetermijn
from raadhuis.samenwerking.wgr import regel_voor, regels

pytestmark = pytest.mark.django_db

GR = Samenwerkingsverband(
    naam="MRDH", slug="mrdh", rechtsvorm=Rechtsvorm.OPENBAAR_LICHAAM, startdatum=dt.date(2015, 1, 1)
)


def procedure(
    soort: str, jaar: int, ontvangen_op: dt.date | None = None, ab: dt.date | None = None
) -> Wgrprocedure:
    return Wgrprocedure(
        verband=GR, soort=soort, jaar=jaar, titel="t", ontvangen_op=ontvangen_op, ab_vergadering=ab
    )


def per_stap(p: Wgrprocedure) -> dict[str, dt.date]:
    return {t.stap: t.datum for t in termijnen_van(p)}


def test_rules_are_data_with_validity_dates() -> None:
    assert regel_voor("zienswijze_begroting", dt.date(2022, 6, 30)).weken == 8  # type: ignore[union-attr]
    assert regel_voor("zienswijze_begroting", dt.date(2022, 7, 1)).weken == 12  # type: ignore[union-attr]
    assert regel_voor("zienswijze_regeling", dt.date(2022, 6, 30)) is None
    # No two rules for one step overlap in time.
    for regel in regels():
        for ander in regels():
            if regel is not ander and regel.stap == ander.stap:
                assert (regel.tot or dt.date.max) < (ander.vanaf or dt.date.min) or (
                    ander.tot or dt.date.max
                ) < (regel.vanaf or dt.date.min)


def test_domain_example_current_regime() -> None:
    """AB adopts on Friday 4 July 2025: the draft goes out by 11 April 2025 (12 weeks before), the
    raad's window of 12 weeks from receipt ends 4 July, the adopted budget reaches GS before 15 September."""
    stappen = per_stap(
        procedure("ontwerpbegroting", 2026, ontvangen_op=dt.date(2025, 4, 11), ab=dt.date(2025, 7, 4))
    )
    assert stappen == {
        "ontwerpbegroting_toezenden": dt.date(2025, 4, 11),
        "zienswijze_begroting": dt.date(2025, 7, 4),
        "begroting_naar_gs": dt.date(2025, 9, 15),
    }


def test_old_regime_eight_weeks_and_first_of_august() -> None:
    stappen = per_stap(
        procedure("ontwerpbegroting", 2022, ontvangen_op=dt.date(2021, 4, 15), ab=dt.date(2021, 7, 1))
    )
    assert stappen == {
        "ontwerpbegroting_toezenden": dt.date(2021, 5, 6),
        "zienswijze_begroting": dt.date(2021, 6, 10),
        "begroting_naar_gs": dt.date(2021, 8, 1),
    }


def test_kaderbrief_15_april_before_and_30_april_since_2022() -> None:
    assert per_stap(procedure("kaderbrief", 2023)) == {"kaderbrief": dt.date(2022, 4, 15)}
    assert per_stap(procedure("kaderbrief", 2024)) == {"kaderbrief": dt.date(2023, 4, 30)}


def test_jaarrekening_to_gs_by_15_july_in_both_regimes() -> None:
    assert per_stap(procedure("jaarrekening", 2020)) == {"jaarrekening_naar_gs": dt.date(2021, 7, 15)}
    assert per_stap(procedure("jaarrekening", 2025)) == {"jaarrekening_naar_gs": dt.date(2026, 7, 15)}


def test_window_ending_on_koningsdag_runs_to_the_next_working_day() -> None:
    """Receipt 2 February 2026 + 12 weeks = Monday 27 April 2026, Koningsdag: Atw art. 1 moves it to
    28 April."""
    termijn = zienswijzetermijn(procedure("ontwerpbegroting", 2027, ontvangen_op=dt.date(2026, 2, 2)))
    assert termijn is not None
    assert termijn.datum == dt.date(2026, 4, 28)
    assert any("Koningsdag" in stap for stap in termijn.uitkomst.uitleg)
    assert "regime sinds 1 juli 2022" in termijn.uitkomst.uitleg[-1]


def test_old_regime_window_ending_on_hemelvaartsdag() -> None:
    """Receipt 18 March 2021 + 8 weeks = Thursday 13 May 2021, Hemelvaartsdag: to Friday 14 May."""
    termijn = zienswijzetermijn(procedure("ontwerpbegroting", 2022, ontvangen_op=dt.date(2021, 3, 18)))
    assert termijn is not None
    assert termijn.datum == dt.date(2021, 5, 14)
    assert termijn.regime == "regime vóór 1 juli 2022"


def test_zienswijze_on_amended_regeling_only_since_2022() -> None:
    assert zienswijzetermijn(procedure("regelingwijziging", 2022, ontvangen_op=dt.date(2022, 3, 1))) is None
    termijn = zienswijzetermijn(procedure("regelingwijziging", 2026, ontvangen_op=dt.date(2026, 3, 2)))
    assert termijn is not None
    assert termijn.datum == dt.date(2026, 4, 27 + 1)


@settings(max_examples=150, deadline=None)
@given(ontvangen=st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31)))
def test_window_is_regime_length_then_next_working_day(ontvangen: dt.date) -> None:
    termijn = zienswijzetermijn(procedure("ontwerpbegroting", ontvangen.year + 1, ontvangen_op=ontvangen))
    assert termijn is not None
    weken = 12 if ontvangen >= dt.date(2022, 7, 1) else 8
    nominaal = ontvangen + dt.timedelta(weeks=weken)
    assert nominaal <= termijn.datum <= nominaal + dt.timedelta(days=5)
    # Days equated with holidays by royal decree (Atw art. 3 lid 3) count as holidays too.
    extra = gelijkgestelde_dagen()
    assert is_werkdag(termijn.datum, extra)
    # Every day skipped was not a working day.
    dag = nominaal
    while dag < termijn.datum:
        assert not is_werkdag(dag, extra)
        dag += dt.timedelta(days=1)
