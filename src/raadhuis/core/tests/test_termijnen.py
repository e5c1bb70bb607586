"""Tests for the legal deadline engine (Algemene termijnenwet, suspension, extension)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.core.termijnen import (
    GELIJKGESTELDE_DAGEN,
    Eenheid,
    Termijn,
    bereken_termijn,
    datum_nl,
    feestdagen,
    is_feestdag,
    is_werkdag,
    paaszondag,
    volgende_werkdag,
)

DAGEN = Eenheid.DAGEN
WEKEN = Eenheid.WEKEN
MAANDEN = Eenheid.MAANDEN
WERKDAGEN = Eenheid.WERKDAGEN


def einde(gebeurtenis, aantal, eenheid, **kwargs):
    return bereken_termijn(gebeurtenis=gebeurtenis, termijn=Termijn(aantal, eenheid), **kwargs).einddatum


# --- holidays (Atw art. 3) ---


@pytest.mark.parametrize(
    ("jaar", "pasen"),
    [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
    ],
)
def test_paaszondag_volgens_bekende_data(jaar, pasen):
    assert paaszondag(jaar) == pasen


def test_feestdagen_2025_volledige_lijst():
    assert feestdagen(2025) == {
        date(2025, 1, 1): "Nieuwjaarsdag",
        date(2025, 4, 18): "Goede Vrijdag",
        date(2025, 4, 21): "tweede Paasdag",
        date(2025, 4, 26): "Koningsdag",
        date(2025, 5, 5): "Bevrijdingsdag (5 mei)",
        date(2025, 5, 29): "Hemelvaartsdag",
        date(2025, 6, 9): "tweede Pinksterdag",
        date(2025, 12, 25): "eerste Kerstdag",
        date(2025, 12, 26): "tweede Kerstdag",
    }


def test_koningsdag_2025_op_26_april_omdat_27_april_een_zondag_is():
    assert date(2025, 4, 27).weekday() == 6
    assert is_feestdag(date(2025, 4, 26))
    assert not is_feestdag(date(2025, 4, 27))


def test_koningsdag_op_27_april_als_dat_geen_zondag_is():
    assert is_feestdag(date(2026, 4, 27))
    assert not is_feestdag(date(2026, 4, 26))


@pytest.mark.parametrize("jaar", [2025, 2026, 2027])
def test_vijf_mei_is_elk_jaar_een_feestdag_niet_alleen_in_lustrumjaren(jaar):
    assert is_feestdag(date(jaar, 5, 5))


def test_samenvallende_feestdagen_houden_beide_namen():
    # Hemelvaartsdag 2016 fell on 5 May.
    assert feestdagen(2016)[date(2016, 5, 5)] == "Bevrijdingsdag (5 mei) en Hemelvaartsdag"


def test_gelijkgestelde_dag_telt_alleen_als_hij_wordt_meegegeven():
    assert not is_feestdag(date(2024, 5, 10))
    assert is_feestdag(date(2024, 5, 10), GELIJKGESTELDE_DAGEN)


def test_volgende_werkdag_slaat_paasweekend_over():
    assert volgende_werkdag(date(2024, 3, 28)) == date(2024, 4, 2)
    assert volgende_werkdag(date(2024, 4, 2), inclusief=True) == date(2024, 4, 2)
    assert volgende_werkdag(date(2024, 3, 29), inclusief=True) == date(2024, 4, 2)


def test_datum_nl_zonder_locale():
    assert datum_nl(date(2024, 5, 30)) == "30 mei 2024"
    assert datum_nl(date(2024, 5, 31), weekdag=True) == "vrijdag 31 mei 2024"


# --- Atw art. 1 on concrete dates ---


def test_termijn_eindigend_op_goede_vrijdag_loopt_door_na_tweede_paasdag():
    # Monday 18 March 2024 + 11 days = Goede Vrijdag 29 March; then weekend and tweede Paasdag 1 April.
    uitkomst = bereken_termijn(gebeurtenis=date(2024, 3, 18), termijn=Termijn(11, DAGEN))
    assert uitkomst.einddatum == date(2024, 4, 2)
    assert uitkomst.uitleg[-1] == (
        "29 maart 2024 is Goede Vrijdag, 30 maart 2024 een zaterdag, 31 maart 2024 een zondag en "
        "1 april 2024 tweede Paasdag; de termijn loopt door tot dinsdag 2 april 2024 "
        "(Algemene termijnenwet art. 1)"
    )


def test_termijn_eindigend_op_hemelvaartsdag():
    uitkomst = bereken_termijn(gebeurtenis=date(2025, 5, 1), termijn=Termijn(4, WEKEN))
    assert uitkomst.einddatum == date(2025, 5, 30)
    assert uitkomst.uitleg == [
        "4 weken na ontvangst op 1 mei 2025: 29 mei 2025",
        "29 mei 2025 is Hemelvaartsdag; de termijn loopt door tot vrijdag 30 mei 2025 "
        "(Algemene termijnenwet art. 1)",
    ]


def test_gelijkgestelde_vrijdag_na_hemelvaart_schuift_door_naar_maandag():
    assert einde(date(2024, 5, 2), 7, DAGEN) == date(2024, 5, 10)
    assert einde(date(2024, 5, 2), 7, DAGEN, extra_feestdagen=GELIJKGESTELDE_DAGEN) == date(2024, 5, 13)


def test_koningsdag_2026_schuift_termijn_een_dag():
    assert einde(date(2026, 4, 13), 14, DAGEN) == date(2026, 4, 28)


def test_vijf_mei_in_lustrumjaar_2025():
    assert einde(date(2025, 4, 21), 14, DAGEN) == date(2025, 5, 6)


def test_vijf_mei_in_gewoon_jaar_2026():
    assert einde(date(2026, 4, 21), 14, DAGEN) == date(2026, 5, 6)


def test_kerst_met_en_zonder_gelijkgestelde_dag():
    assert einde(date(2024, 12, 11), 14, DAGEN) == date(2024, 12, 27)
    assert einde(date(2024, 12, 11), 14, DAGEN, extra_feestdagen=GELIJKGESTELDE_DAGEN) == date(2024, 12, 30)


def test_nieuwjaar_met_en_zonder_gelijkgestelde_dag():
    assert einde(date(2025, 12, 18), 14, DAGEN) == date(2026, 1, 2)
    assert einde(date(2025, 12, 18), 14, DAGEN, extra_feestdagen=GELIJKGESTELDE_DAGEN) == date(2026, 1, 5)


def test_zonder_atw_blijft_de_kale_einddatum_staan():
    assert einde(date(2025, 5, 1), 4, WEKEN, atw=False) == date(2025, 5, 29)


# --- Atw art. 2 ---


def test_termijn_van_drie_dagen_over_het_weekend_krijgt_twee_werkdagen():
    # Friday + 3 days = Monday, with only one working day in it: runs to Tuesday.
    uitkomst = bereken_termijn(gebeurtenis=date(2024, 6, 7), termijn=Termijn(3, DAGEN))
    assert uitkomst.einddatum == date(2024, 6, 11)
    assert uitkomst.uitleg[-1].endswith("(Algemene termijnenwet art. 2)")


def test_termijn_van_twee_dagen_valt_niet_onder_artikel_2():
    assert einde(date(2024, 6, 6), 2, DAGEN) == date(2024, 6, 10)  # Saturday -> Monday by art. 1 only


# --- month arithmetic and start rule ---


@pytest.mark.parametrize(
    ("gebeurtenis", "maanden", "verwacht"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 3, 31), 1, date(2024, 4, 30)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
        (date(2024, 8, 15), 6, date(2025, 2, 17)),  # 15 Feb 2025 is a Saturday
    ],
)
def test_maanden_per_kalender(gebeurtenis, maanden, verwacht):
    assert einde(gebeurtenis, maanden, MAANDEN) == verwacht


def test_termijn_begint_standaard_de_dag_na_de_gebeurtenis():
    assert einde(date(2024, 5, 2), 4, WEKEN) == date(2024, 5, 30)
    uitkomst = bereken_termijn(gebeurtenis=date(2024, 5, 2), termijn=Termijn(4, WEKEN), eerste_dag_telt=True)
    assert uitkomst.einddatum == date(2024, 5, 29)
    assert uitkomst.uitleg[0] == "4 weken vanaf ontvangst op 2 mei 2024: 29 mei 2024"


def test_werkdagen_slaan_feestdagen_over():
    # Thursday 28 March 2024: Goede Vrijdag, weekend and tweede Paasdag do not count.
    assert einde(date(2024, 3, 28), 3, WERKDAGEN) == date(2024, 4, 4)
    # One werkdag is not a period of three days, so Atw art. 2 does not stretch it.
    assert einde(date(2024, 3, 28), 1, WERKDAGEN) == date(2024, 4, 2)


def test_termijn_van_nul_is_ongeldig():
    with pytest.raises(ValueError, match="ten minste 1"):
        Termijn(0, DAGEN)


# --- suspension and extension ---


def test_woo_voorbeeld_met_opschorting_en_verlenging():
    uitkomst = bereken_termijn(
        gebeurtenis=date(2024, 5, 2),
        termijn=Termijn(4, WEKEN),
        opschortingen=[(date(2024, 5, 10), date(2024, 5, 16))],
        verlenging=Termijn(2, WEKEN),
    )
    assert uitkomst.einddatum == date(2024, 6, 20)
    assert uitkomst.uitleg == [
        "4 weken na ontvangst op 2 mei 2024: 30 mei 2024",
        "Verlengd met 2 weken: 13 juni 2024",
        "Opgeschort van 10 mei 2024 tot en met 16 mei 2024 (7 dagen): 20 juni 2024",
    ]


def test_overlappende_opschortingen_tellen_dagen_eenmaal():
    uitkomst = bereken_termijn(
        gebeurtenis=date(2024, 5, 2),
        termijn=Termijn(4, WEKEN),
        opschortingen=[(date(2024, 5, 10), date(2024, 5, 16)), (date(2024, 5, 14), date(2024, 5, 20))],
    )
    assert uitkomst.einddatum == date(2024, 6, 10)  # 30 May + 11 days


def test_opschorting_na_einde_telt_niet_maar_wel_als_verschoven_einde_hem_bereikt():
    los = [(date(2024, 6, 3), date(2024, 6, 4))]
    assert einde(date(2024, 5, 2), 4, WEKEN, opschortingen=los) == date(2024, 5, 30)
    samen = [(date(2024, 5, 10), date(2024, 5, 16)), *los]
    # 6 June + 2 days = Saturday 8 June -> Monday 10 June
    assert einde(date(2024, 5, 2), 4, WEKEN, opschortingen=samen) == date(2024, 6, 10)


def test_opschorting_voor_de_gebeurtenis_telt_niet():
    vooraf = [(date(2024, 4, 1), date(2024, 5, 2))]
    assert einde(date(2024, 5, 2), 4, WEKEN, opschortingen=vooraf) == date(2024, 5, 30)


def test_opschorting_die_eindigt_voor_ze_begint_is_ongeldig():
    with pytest.raises(ValueError, match="Opschorting"):
        einde(date(2024, 5, 2), 4, WEKEN, opschortingen=[(date(2024, 5, 10), date(2024, 5, 9))])


def test_opschorting_binnen_verlenging_telt_mee():
    binnen_verlenging = [(date(2024, 6, 3), date(2024, 6, 5))]
    assert einde(
        date(2024, 5, 2), 4, WEKEN, opschortingen=binnen_verlenging, verlenging=Termijn(2, WEKEN)
    ) == date(2024, 6, 17)  # 13 June + 3 days = Sunday 16 June -> Monday 17 June


# --- properties ---

gebeurtenissen = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
termijnen = st.builds(
    Termijn, aantal=st.integers(min_value=1, max_value=120), eenheid=st.sampled_from(list(Eenheid))
)
extra = st.sampled_from([frozenset(), GELIJKGESTELDE_DAGEN])


@st.composite
def opschortingen(draw, gebeurtenis):
    result = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        van = gebeurtenis + timedelta(days=draw(st.integers(min_value=-10, max_value=400)))
        result.append((van, van + timedelta(days=draw(st.integers(min_value=0, max_value=60)))))
    return result


@given(gebeurtenis=gebeurtenissen, termijn=termijnen, extra_dagen=extra, data=st.data())
def test_met_atw_eindigt_termijn_nooit_op_weekend_of_feestdag(gebeurtenis, termijn, extra_dagen, data):
    uitkomst = bereken_termijn(
        gebeurtenis=gebeurtenis,
        termijn=termijn,
        opschortingen=data.draw(opschortingen(gebeurtenis)),
        verlenging=data.draw(st.none() | termijnen),
        extra_feestdagen=extra_dagen,
    )
    assert is_werkdag(uitkomst.einddatum, extra_dagen)
    assert uitkomst.einddatum > gebeurtenis


@given(gebeurtenis=gebeurtenissen, termijn=termijnen, data=st.data())
def test_opschorting_maakt_termijn_nooit_korter(gebeurtenis, termijn, data):
    bestaande = data.draw(opschortingen(gebeurtenis))
    nieuwe = data.draw(opschortingen(gebeurtenis).filter(bool))
    verlenging = data.draw(st.none() | termijnen)
    zonder = einde(
        gebeurtenis, termijn.aantal, termijn.eenheid, opschortingen=bestaande, verlenging=verlenging
    )
    met = einde(
        gebeurtenis, termijn.aantal, termijn.eenheid, opschortingen=bestaande + nieuwe, verlenging=verlenging
    )
    assert met >= zonder


@given(gebeurtenis=gebeurtenissen, termijn=termijnen, atw=st.booleans())
def test_langere_termijn_eindigt_nooit_eerder(gebeurtenis, termijn, atw):
    korter = einde(gebeurtenis, termijn.aantal, termijn.eenheid, atw=atw)
    langer = einde(gebeurtenis, termijn.aantal + 1, termijn.eenheid, atw=atw)
    assert langer >= korter


@given(gebeurtenis=gebeurtenissen, termijn=termijnen, extra_dagen=extra)
def test_termijn_van_drie_dagen_of_meer_bevat_twee_werkdagen(gebeurtenis, termijn, extra_dagen):
    eind = einde(gebeurtenis, termijn.aantal, termijn.eenheid, extra_feestdagen=extra_dagen)
    begin = gebeurtenis + timedelta(days=1)
    if termijn.eenheid in (WEKEN, MAANDEN) or termijn.aantal >= 3:
        dagen = [begin + timedelta(days=n) for n in range((eind - begin).days + 1)]
        assert sum(is_werkdag(d, extra_dagen) for d in dagen) >= 2


def test_uitleg_volgt_de_actieve_taal():
    from django.utils import translation

    with translation.override("en"):
        uitkomst = bereken_termijn(gebeurtenis=date(2025, 5, 1), termijn=Termijn(4, WEKEN))

    assert uitkomst.einddatum == date(2025, 5, 30)
    assert uitkomst.uitleg[0] == "4 weeks after receipt on 1 May 2025: 29 May 2025"
    assert "Ascension Day" in uitkomst.uitleg[1]
    assert "Friday 30 May 2025" in uitkomst.uitleg[1]


def test_opschorting_in_de_verlenging_door_de_atw_telt_mee() -> None:
    """Received Friday 1 March 2024: four weeks end on Good Friday 29 March, and Atw art. 1 lets the
    period run to Tuesday 2 April (Easter Monday 1 April is a holiday too). A suspension from that
    Tuesday up to and including Friday 5 April (4 days) starts while the period still runs: the end
    moves from 2 April to Saturday 6 April, and Atw art. 1 again to Monday 8 April."""
    zonder = bereken_termijn(gebeurtenis=date(2024, 3, 1), termijn=Termijn(4, Eenheid.WEKEN))
    assert zonder.einddatum == date(2024, 4, 2)
    met = bereken_termijn(
        gebeurtenis=date(2024, 3, 1),
        termijn=Termijn(4, Eenheid.WEKEN),
        opschortingen=[(date(2024, 4, 2), date(2024, 4, 5))],
    )
    assert met.einddatum == date(2024, 4, 8)
    assert not any("telt niet mee" in regel for regel in met.uitleg)
