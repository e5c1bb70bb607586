"""Aangifte overlijden: BW 1 art. 19h (place of aangifte); burial or cremation not before 36 hours
and at the latest on the 6th working day (Wet op de lijkbezorging art. 16 and 17, which
dienstverlening.md lists under BW 1 art. 19h), with the Atw's working days."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.core.termijnen import is_werkdag
from raadhuis.dienstverlening import regels


def test_bw1_art_19h_aangifte_in_de_gemeente_van_overlijden() -> None:
    regels.overlijden_aangifte_plaats(in_deze_gemeente=True)
    with pytest.raises(ValidationError) as fout:
        regels.overlijden_aangifte_plaats(in_deze_gemeente=False)
    assert "art. 19h" in fout.value.message_dict["in_deze_gemeente"][0]


def test_zesde_werkdag_telt_weekend_en_feestdagen_niet() -> None:
    # Thursday 23 April 2026: Fri 24 (1), Mon 27 is Koningsdag (no), Tue 28 (2), Wed 29 (3),
    # Thu 30 (4), Fri 1 May (5), Mon 4 May (6).
    assert regels.uiterste_uitvaartdatum(date(2026, 4, 23)) == date(2026, 5, 4)
    # Christmas 2026: Thu 24 Dec; Fri 25 is Kerstmis, Mon 28 to Thu 31 (1-4), Fri 1 January is
    # Nieuwjaarsdag, Mon 4 (5), Tue 5 January 2027 (6).
    assert regels.uiterste_uitvaartdatum(date(2026, 12, 24)) == date(2027, 1, 5)


def test_wlb_art_16_niet_binnen_36_uur_bw1_art_19h() -> None:
    overleden = datetime.combine(date(2026, 11, 23), time(10, 0))
    regels.uitvaart_termijn(overleden_op=overleden, uitvaart_op=overleden + timedelta(hours=36))
    with pytest.raises(ValidationError) as fout:
        regels.uitvaart_termijn(
            overleden_op=overleden, uitvaart_op=overleden + timedelta(hours=35, minutes=59)
        )
    bericht = fout.value.message_dict["uitvaart_datum"][0]
    assert "36 uur" in bericht
    assert "art. 19h" in bericht


def test_wlb_art_17_uiterlijk_zesde_werkdag_tenzij_burgemeester_uitstel_geeft() -> None:
    overleden = datetime.combine(date(2026, 11, 23), time(10, 0))  # a Monday
    zesde = datetime.combine(date(2026, 12, 1), time(14, 0))  # Tuesday of the next week
    regels.uitvaart_termijn(overleden_op=overleden, uitvaart_op=zesde)
    with pytest.raises(ValidationError) as fout:
        regels.uitvaart_termijn(overleden_op=overleden, uitvaart_op=zesde + timedelta(days=1))
    assert "zesde werkdag" in fout.value.message_dict["uitvaart_datum"][0]
    regels.uitvaart_termijn(
        overleden_op=overleden, uitvaart_op=zesde + timedelta(days=1), uitstel_burgemeester=True
    )


def test_bw1_art_19h_aangifte_uiterlijk_op_de_zesde_werkdag() -> None:
    regels.overlijden_aangifte_termijn(overleden_op=date(2026, 11, 23), aangifte_op=date(2026, 12, 1))
    with pytest.raises(ValidationError) as fout:
        regels.overlijden_aangifte_termijn(overleden_op=date(2026, 11, 23), aangifte_op=date(2026, 12, 2))
    assert "art. 19h" in fout.value.message_dict["overleden_datum"][0]
    with pytest.raises(ValidationError):
        regels.overlijden_aangifte_termijn(overleden_op=date(2026, 11, 24), aangifte_op=date(2026, 11, 23))


@given(
    dag=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    uur=st.integers(min_value=0, max_value=23),
    uren_later=st.integers(min_value=0, max_value=24 * 20),
)
def test_uitvaartvenster_eigenschap(dag: date, uur: int, uren_later: int) -> None:
    overleden = datetime.combine(dag, time(uur))
    uitvaart = overleden + timedelta(hours=uren_later)
    uiterlijk = regels.uiterste_uitvaartdatum(dag)
    toegestaan = uren_later >= 36 and uitvaart.date() <= uiterlijk
    if toegestaan:
        regels.uitvaart_termijn(overleden_op=overleden, uitvaart_op=uitvaart)
    else:
        with pytest.raises(ValidationError):
            regels.uitvaart_termijn(overleden_op=overleden, uitvaart_op=uitvaart)


@given(dag=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)))
def test_zesde_werkdag_eigenschap(dag: date) -> None:
    uiterlijk = regels.uiterste_uitvaartdatum(dag)
    assert is_werkdag(uiterlijk, regels.GELIJKGESTELDE_DAGEN)
    tussen = [dag + timedelta(days=n) for n in range(1, (uiterlijk - dag).days + 1)]
    assert sum(is_werkdag(d, regels.GELIJKGESTELDE_DAGEN) for d in tussen) == 6
