"""The Woo decision term (Woo art. 4.4, Atw, Awb 4:15 and 6:12) as pure rules.

Every expected date below was worked out by hand with a calendar; the comment next to it shows the
count. The rules count four weeks from the day after receipt (28 days after the day of receipt),
then let Atw art. 1 move an end on a Saturday, Sunday or holiday (Atw art. 3, including the days
equated by decree, core.termijnen.GELIJKGESTELDE_DAGEN) to the next working day.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.core.termijnen import GELIJKGESTELDE_DAGEN, is_werkdag, volgende_werkdag
from raadhuis.woo.termijnen import (
    Opschorting,
    Status,
    Verdaging,
    beslistermijn,
    eerste_termijn_einde,
    ingebrekestelling,
    ingebrekestelling_toetsen,
    opschorting_toetsen,
    verdaging_toetsen,
)

ZIENSWIJZE = "Zienswijze van een derde-belanghebbende gevraagd"
OMVANG = "Omvangrijk verzoek: 340 documenten moeten worden beoordeeld"


def einde(ontvangen_op, **kwargs):
    return beslistermijn(ontvangen_op, op=ontvangen_op, **kwargs).einddatum


# --- the four weeks around the holidays (Woo art. 4.4 lid 1, Atw art. 1 and 3) ---------------------


def test_beslistermijn_zonder_feestdag_is_vier_weken_na_de_dag_van_ontvangst():
    # Thursday 2 May 2024 + 28 days = Thursday 30 May 2024, a working day.
    assert einde(date(2024, 5, 2)) == date(2024, 5, 30)


def test_beslistermijn_op_goede_vrijdag_loopt_door_tot_na_tweede_paasdag_2024():
    # Easter Sunday 2024 is 31 March. Friday 1 March + 28 = Goede Vrijdag 29 March; Saturday 30,
    # Sunday 31, tweede Paasdag Monday 1 April are no working days -> Tuesday 2 April.
    termijn = beslistermijn(date(2024, 3, 1), op=date(2024, 3, 1))
    assert termijn.einddatum == date(2024, 4, 2)
    assert termijn.uitleg[-1] == (
        "29 maart 2024 is Goede Vrijdag, 30 maart 2024 een zaterdag, 31 maart 2024 een zondag en "
        "1 april 2024 tweede Paasdag; de termijn loopt door tot dinsdag 2 april 2024 "
        "(Algemene termijnenwet art. 1)"
    )


def test_beslistermijn_op_tweede_paasdag_2025_schuift_een_dag():
    # Easter Sunday 2025 is 20 April. Monday 24 March + 28 = Monday 21 April (tweede Paasdag)
    # -> Tuesday 22 April.
    assert einde(date(2025, 3, 24)) == date(2025, 4, 22)


def test_beslistermijn_op_goede_vrijdag_2025():
    # Friday 21 March 2025 + 28 = Goede Vrijdag 18 April; 19/20 weekend, 21 tweede Paasdag
    # -> Tuesday 22 April.
    assert einde(date(2025, 3, 21)) == date(2025, 4, 22)


def test_beslistermijn_op_hemelvaart_2025_slaat_ook_de_gelijkgestelde_vrijdag_over():
    # Thursday 1 May 2025 + 28 = Hemelvaartsdag Thursday 29 May; Friday 30 May 2025 is equated by
    # decree; then the weekend -> Monday 2 June.
    termijn = beslistermijn(date(2025, 5, 1), op=date(2025, 5, 1))
    assert termijn.einddatum == date(2025, 6, 2)
    assert "29 mei 2025 is Hemelvaartsdag" in termijn.uitleg[-1]
    assert "gelijkgestelde dag" in termijn.uitleg[-1]


def test_zonder_gelijkgestelde_dagen_eindigt_de_termijn_op_de_vrijdag_na_hemelvaart():
    # Same as above but without the decree: Friday 30 May 2025 is a working day.
    assert einde(date(2025, 5, 1), extra_feestdagen=()) == date(2025, 5, 30)


def test_beslistermijn_op_gelijkgestelde_vrijdag_na_hemelvaart_2024():
    # Hemelvaartsdag 2024 is Thursday 9 May. Friday 12 April + 28 = Friday 10 May (equated)
    # -> Monday 13 May.
    assert einde(date(2024, 4, 12)) == date(2024, 5, 13)


def test_koningsdag_2025_valt_op_zaterdag_26_april_omdat_27_april_een_zondag_is():
    # Saturday 29 March 2025 + 28 = Saturday 26 April, Koningsdag (27 April 2025 is a Sunday);
    # Sunday 27 April -> Monday 28 April. The explanation names Koningsdag, not just "zaterdag".
    termijn = beslistermijn(date(2025, 3, 29), op=date(2025, 3, 29))
    assert termijn.einddatum == date(2025, 4, 28)
    assert "26 april 2025 is Koningsdag" in termijn.uitleg[-1]


def test_koningsdag_2026_op_maandag_27_april():
    # Monday 30 March 2026 + 28 = Monday 27 April, Koningsdag -> Tuesday 28 April.
    assert einde(date(2026, 3, 30)) == date(2026, 4, 28)


def test_koningsdag_2028_met_gelijkgestelde_vrijdag():
    # Thursday 30 March 2028 + 28 = Thursday 27 April (Koningsdag); Friday 28 April 2028 is equated;
    # weekend 29/30 -> Monday 1 May.
    assert einde(date(2028, 3, 30)) == date(2028, 5, 1)


def test_vijf_mei_telt_ook_buiten_lustrumjaren():
    # 2026 is no lustrum year. Tuesday 7 April 2026 + 28 = Tuesday 5 May -> Wednesday 6 May.
    assert einde(date(2026, 4, 7)) == date(2026, 5, 6)


def test_vijf_mei_hemelvaart_en_gelijkgestelde_vrijdag_2027_achter_elkaar():
    # Easter 2027 is 28 March, so Hemelvaartsdag is Thursday 6 May and Friday 7 May is equated.
    # Wednesday 7 April + 28 = Wednesday 5 May; 5, 6, 7 May and the weekend -> Monday 10 May.
    assert einde(date(2027, 4, 7)) == date(2027, 5, 10)


def test_kerst_2024_met_gelijkgestelde_27_december():
    # Wednesday 27 November 2024 + 28 = Wednesday 25 December; 26 December, Friday 27 December
    # (equated) and the weekend -> Monday 30 December.
    assert einde(date(2024, 11, 27)) == date(2024, 12, 30)


def test_nieuwjaar_2026_met_gelijkgestelde_2_januari():
    # Thursday 4 December 2025 + 28 = Thursday 1 January 2026; Friday 2 January is equated; weekend
    # -> Monday 5 January.
    assert einde(date(2025, 12, 4)) == date(2026, 1, 5)


# --- opschorting (Woo art. 4.4 lid 3, Awb 4:15) ----------------------------------------------------


def test_opschorting_voor_zienswijze_telt_de_dagen_tot_de_ontvangst():
    # Receipt Thursday 2 May 2024 -> 30 May. The third party was told on 9 May, so the clock stands
    # still from 10 May; the zienswijze arrived on 17 May, when the clock runs again: 10..16 May
    # = 7 days. 30 May + 7 = Thursday 6 June.
    termijn = beslistermijn(
        date(2024, 5, 2),
        opschortingen=[Opschorting(date(2024, 5, 10), date(2024, 5, 17), ZIENSWIJZE)],
        op=date(2024, 5, 20),
    )
    assert termijn.einddatum == date(2024, 6, 6)
    assert not termijn.opgeschort
    assert termijn.uitleg[0].endswith("(Wet open overheid art. 4.4 lid 1)")
    assert (
        f"Opgeschort vanaf 10 mei 2024; de termijn loopt weer vanaf 17 mei 2024: {ZIENSWIJZE}"
        in termijn.uitleg
    )


def test_opschorting_duwt_de_termijn_op_goede_vrijdag():
    # Monday 26 February 2024 + 28 = Monday 25 March (2024 is a leap year: 26 + 28 = 54 - 29).
    # Suspended 5..8 March (van 5 March, answer on Saturday 9 March) = 4 days -> Goede Vrijdag
    # 29 March; weekend and tweede Paasdag 1 April -> Tuesday 2 April.
    opschorting = Opschorting(date(2024, 3, 5), date(2024, 3, 9), "Verzoek om verduidelijking (Awb 4:15)")
    assert einde(date(2024, 2, 26), opschortingen=[opschorting]) == date(2024, 4, 2)


def test_opschorting_die_eindigt_op_de_dag_dat_ze_begint_telt_geen_dag():
    # The zienswijze arrived on the first day of the suspension: no day stands still.
    opschorting = Opschorting(date(2024, 5, 10), date(2024, 5, 10), ZIENSWIJZE)
    assert einde(date(2024, 5, 2), opschortingen=[opschorting]) == date(2024, 5, 30)


def test_open_opschorting_laat_de_einddatum_onbekend_en_toont_de_vroegste():
    # Receipt 2 May 2024 -> 30 May. Suspended since 10 May, still open on Monday 20 May: 10..20 May
    # = 11 days stand still so far, so the term ends on 10 June at the earliest (30 May + 11),
    # 21 calendar days after 20 May.
    termijn = beslistermijn(
        date(2024, 5, 2),
        opschortingen=[Opschorting(date(2024, 5, 10), None, ZIENSWIJZE)],
        op=date(2024, 5, 20),
    )
    assert termijn.einddatum is None
    assert termijn.opgeschort
    assert termijn.status is Status.OPGESCHORT
    assert termijn.vroegste_einddatum == date(2024, 6, 10)
    assert termijn.kalenderdagen_over == 21
    assert termijn.samenvatting == "Opgeschort; op zijn vroegst af op 10 juni 2024"
    assert termijn.uitleg[-1] == (
        "De termijn staat stil zolang de opschorting loopt; als die op 20 mei 2024 eindigt, "
        "is de beslistermijn op zijn vroegst maandag 10 juni 2024"
    )


def test_open_opschorting_die_de_volgende_dag_sluit_geeft_de_vroegste_einddatum():
    # Closing the suspension above with the answer on 21 May suspends 10..20 May: again 10 June.
    gesloten = beslistermijn(
        date(2024, 5, 2),
        opschortingen=[Opschorting(date(2024, 5, 10), date(2024, 5, 21), ZIENSWIJZE)],
        op=date(2024, 5, 21),
    )
    assert gesloten.einddatum == date(2024, 6, 10)


# --- verdaging (Woo art. 4.4 lid 2) ----------------------------------------------------------------


def test_verdaging_voegt_twee_weken_toe():
    # 2 May 2024 -> 30 May; + 14 days = Thursday 13 June.
    verdaging = Verdaging(date(2024, 5, 28), OMVANG)
    termijn = beslistermijn(date(2024, 5, 2), verdaging=verdaging, op=date(2024, 5, 28))
    assert termijn.einddatum == date(2024, 6, 13)
    assert termijn.eerste_termijn_einde == date(2024, 5, 30)
    assert termijn.verdaagd
    assert (
        f"Verdaagd bij besluit van 28 mei 2024 (Wet open overheid art. 4.4 lid 2): {OMVANG}" in termijn.uitleg
    )


def test_verdaging_in_de_kerstweek_2024():
    # Wednesday 13 November 2024 + 28 = Wednesday 11 December; + 14 = Wednesday 25 December;
    # 26, 27 (equated), 28, 29 December -> Monday 30 December.
    verdaging = Verdaging(date(2024, 12, 9), OMVANG)
    assert einde(date(2024, 11, 13), verdaging=verdaging) == date(2024, 12, 30)


def test_verdaging_en_opschorting_samen():
    # 2 May 2024 -> 30 May; verdaging -> 13 June; suspended 10..16 May (7 days) -> Thursday 20 June.
    termijn = beslistermijn(
        date(2024, 5, 2),
        opschortingen=[Opschorting(date(2024, 5, 10), date(2024, 5, 17), ZIENSWIJZE)],
        verdaging=Verdaging(date(2024, 6, 3), OMVANG),
        op=date(2024, 6, 3),
    )
    assert termijn.einddatum == date(2024, 6, 20)
    # Without the verdaging the first term ended on 6 June (30 May + 7).
    assert termijn.eerste_termijn_einde == date(2024, 6, 6)


def test_verdaging_telt_vanaf_het_einde_voor_de_atw_verschuiving():
    # Friday 1 March 2024 + 28 = Goede Vrijdag 29 March; the verdaging counts from there (our reading,
    # docs/woo-termijnen.md: verify): 29 March + 14 = Friday 12 April, a working day. Counted from
    # the Atw end (Tuesday 2 April) it would be 16 April.
    verdaging = Verdaging(date(2024, 4, 1), OMVANG)
    assert einde(date(2024, 3, 1), verdaging=verdaging) == date(2024, 4, 12)


def test_kortere_verdaging_telt_haar_eigen_dagen():
    # 2 May 2024 -> 30 May; a verdaging of 10 days -> Sunday 9 June -> Monday 10 June.
    verdaging = Verdaging(date(2024, 5, 28), OMVANG, dagen=10)
    assert einde(date(2024, 5, 2), verdaging=verdaging) == date(2024, 6, 10)


def test_verdaging_op_tweede_paasdag_is_nog_op_tijd():
    # The first term of a request received on 1 March 2024 ends on Tuesday 2 April (Atw art. 1), so a
    # verdaging decided on 1 or 2 April is in time and one on 3 April is not.
    for besloten_op in (date(2024, 4, 1), date(2024, 4, 2)):
        verdaging_toetsen(ontvangen_op=date(2024, 3, 1), verdaging=Verdaging(besloten_op, OMVANG))
    with pytest.raises(ValidationError) as fout:
        verdaging_toetsen(ontvangen_op=date(2024, 3, 1), verdaging=Verdaging(date(2024, 4, 3), OMVANG))
    assert fout.value.message_dict == {
        "besloten_op": [
            "De eerste beslistermijn eindigde op 2 april 2024; daarna kan niet meer worden verdaagd "
            "(Wet open overheid art. 4.4 lid 2)."
        ]
    }


def test_verdaging_na_afloop_van_de_eerste_termijn_wordt_geweigerd():
    # 2 May 2024 -> 30 May: on the last day in time, the day after too late.
    verdaging_toetsen(ontvangen_op=date(2024, 5, 2), verdaging=Verdaging(date(2024, 5, 30), OMVANG))
    with pytest.raises(ValidationError) as fout:
        verdaging_toetsen(ontvangen_op=date(2024, 5, 2), verdaging=Verdaging(date(2024, 5, 31), OMVANG))
    assert set(fout.value.message_dict) == {"besloten_op"}


def test_verdaging_na_vier_weken_maar_binnen_de_opgeschorte_termijn_is_op_tijd():
    # 2 May 2024 -> 30 May, suspended 10..16 May (answer 17 May) -> first term ends 6 June.
    opschortingen = [Opschorting(date(2024, 5, 10), date(2024, 5, 17), ZIENSWIJZE)]
    verdaging_toetsen(
        ontvangen_op=date(2024, 5, 2),
        verdaging=Verdaging(date(2024, 6, 6), OMVANG),
        opschortingen=opschortingen,
    )
    with pytest.raises(ValidationError):
        verdaging_toetsen(
            ontvangen_op=date(2024, 5, 2),
            verdaging=Verdaging(date(2024, 6, 7), OMVANG),
            opschortingen=opschortingen,
        )


def test_verdaging_terwijl_de_klok_stilstaat_is_op_tijd():
    # Suspended since 20 May 2024 and still open on 5 June: 20 May..5 June (17 days) stand still, so
    # the first term runs at least to 30 May + 17 = Sunday 16 June -> Monday 17 June.
    verdaging_toetsen(
        ontvangen_op=date(2024, 5, 2),
        verdaging=Verdaging(date(2024, 6, 5), OMVANG),
        opschortingen=[Opschorting(date(2024, 5, 20), None, ZIENSWIJZE)],
    )


def test_tweede_verdaging_wordt_geweigerd():
    with pytest.raises(ValidationError) as fout:
        verdaging_toetsen(
            ontvangen_op=date(2024, 5, 2),
            verdaging=Verdaging(date(2024, 5, 20), OMVANG),
            eerdere_verdaging=Verdaging(date(2024, 5, 10), OMVANG),
        )
    assert fout.value.message_dict == {
        "besloten_op": [
            "De beslistermijn is al eens verdaagd; de Wet open overheid staat één verdaging toe "
            "(art. 4.4 lid 2)."
        ]
    }


@pytest.mark.parametrize("reden", ["", "   "])
def test_verdaging_zonder_reden_wordt_geweigerd(reden):
    with pytest.raises(ValidationError) as fout:
        verdaging_toetsen(ontvangen_op=date(2024, 5, 2), verdaging=Verdaging(date(2024, 5, 20), reden))
    assert set(fout.value.message_dict) == {"reden"}


@pytest.mark.parametrize("dagen", [0, 15, 28])
def test_verdaging_van_meer_dan_twee_weken_wordt_geweigerd(dagen):
    with pytest.raises(ValidationError) as fout:
        verdaging_toetsen(
            ontvangen_op=date(2024, 5, 2), verdaging=Verdaging(date(2024, 5, 20), OMVANG, dagen=dagen)
        )
    assert set(fout.value.message_dict) == {"dagen"}


def test_verdaging_voor_ontvangst_wordt_geweigerd():
    with pytest.raises(ValidationError) as fout:
        verdaging_toetsen(ontvangen_op=date(2024, 5, 2), verdaging=Verdaging(date(2024, 5, 1), OMVANG))
    assert set(fout.value.message_dict) == {"besloten_op"}


def test_verdaging_met_meerdere_fouten_noemt_ze_allemaal():
    with pytest.raises(ValidationError) as fout:
        verdaging_toetsen(ontvangen_op=date(2024, 5, 2), verdaging=Verdaging(date(2024, 7, 1), "", dagen=21))
    assert set(fout.value.message_dict) == {"besloten_op", "reden", "dagen"}


# --- opschorting toetsen ---------------------------------------------------------------------------


def test_geldige_opschorting_wordt_aanvaard():
    opschorting_toetsen(
        ontvangen_op=date(2024, 5, 2),
        opschorting=Opschorting(date(2024, 5, 17), date(2024, 5, 24), ZIENSWIJZE),
        bestaande=[Opschorting(date(2024, 5, 10), date(2024, 5, 17), ZIENSWIJZE)],  # adjacent, no overlap
    )


def test_opschorting_die_eindigt_voor_ze_begint_wordt_geweigerd():
    with pytest.raises(ValidationError) as fout:
        opschorting_toetsen(
            ontvangen_op=date(2024, 5, 2),
            opschorting=Opschorting(date(2024, 5, 10), date(2024, 5, 9), ZIENSWIJZE),
        )
    assert fout.value.message_dict == {
        "tot": ["Een opschorting kan niet eindigen (9 mei 2024) vóór ze begint (10 mei 2024)."]
    }


@pytest.mark.parametrize("van", [date(2024, 4, 30), date(2024, 5, 2)])
def test_opschorting_die_begint_voor_de_dag_na_ontvangst_wordt_geweigerd(van):
    with pytest.raises(ValidationError) as fout:
        opschorting_toetsen(ontvangen_op=date(2024, 5, 2), opschorting=Opschorting(van, None, ZIENSWIJZE))
    assert fout.value.message_dict == {
        "van": ["Een opschorting begint op zijn vroegst op de dag na ontvangst van het verzoek (3 mei 2024)."]
    }


@pytest.mark.parametrize(
    ("van", "tot"),
    [
        (date(2024, 5, 16), date(2024, 5, 20)),  # starts inside the existing one
        (date(2024, 5, 6), date(2024, 5, 11)),  # ends inside it
        (date(2024, 5, 6), None),  # open, so it runs into it
    ],
)
def test_overlappende_opschorting_wordt_geweigerd(van, tot):
    with pytest.raises(ValidationError) as fout:
        opschorting_toetsen(
            ontvangen_op=date(2024, 5, 2),
            opschorting=Opschorting(van, tot, ZIENSWIJZE),
            bestaande=[Opschorting(date(2024, 5, 10), date(2024, 5, 17), ZIENSWIJZE)],
        )
    assert fout.value.message_dict == {
        "van": ["Deze opschorting overlapt met de opschorting vanaf 10 mei 2024."]
    }


def test_opschorting_na_een_nog_open_opschorting_wordt_geweigerd():
    with pytest.raises(ValidationError) as fout:
        opschorting_toetsen(
            ontvangen_op=date(2024, 5, 2),
            opschorting=Opschorting(date(2024, 6, 1), date(2024, 6, 5), ZIENSWIJZE),
            bestaande=[Opschorting(date(2024, 5, 10), None, ZIENSWIJZE)],
        )
    assert set(fout.value.message_dict) == {"van"}


def test_opschorting_van_een_verstreken_termijn_wordt_geweigerd():
    # 2 May 2024 -> 30 May: a suspension may still start on 30 May, not on 31 May.
    opschorting_toetsen(
        ontvangen_op=date(2024, 5, 2), opschorting=Opschorting(date(2024, 5, 30), None, ZIENSWIJZE)
    )
    with pytest.raises(ValidationError) as fout:
        opschorting_toetsen(
            ontvangen_op=date(2024, 5, 2), opschorting=Opschorting(date(2024, 5, 31), None, ZIENSWIJZE)
        )
    assert set(fout.value.message_dict) == {"van"}
    # With a verdaging the term runs to 13 June, so 31 May is in time.
    opschorting_toetsen(
        ontvangen_op=date(2024, 5, 2),
        opschorting=Opschorting(date(2024, 5, 31), None, ZIENSWIJZE),
        verdaging=Verdaging(date(2024, 5, 28), OMVANG),
    )


def test_opschorting_zonder_reden_wordt_geweigerd():
    with pytest.raises(ValidationError) as fout:
        opschorting_toetsen(
            ontvangen_op=date(2024, 5, 2), opschorting=Opschorting(date(2024, 5, 10), None, " ")
        )
    assert set(fout.value.message_dict) == {"reden"}


# --- status for the dashboard ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "werkdagen", "kalenderdagen", "status", "samenvatting"),
    [
        # End date Thursday 30 May 2024. From 22 May: 23, 24, 27, 28, 29, 30 May = 6 working days.
        (date(2024, 5, 22), 6, 8, Status.OP_SCHEMA, "Nog 6 werkdagen"),
        # From 23 May: 24, 27, 28, 29, 30 = 5 working days.
        (date(2024, 5, 23), 5, 7, Status.BIJNA_VERLOPEN, "Nog 5 werkdagen"),
        (date(2024, 5, 29), 1, 1, Status.BIJNA_VERLOPEN, "Nog 1 werkdag"),
        (date(2024, 5, 30), 0, 0, Status.BIJNA_VERLOPEN, "Vandaag de laatste dag"),
        # Friday 31 May is one working day late.
        (date(2024, 5, 31), -1, -1, Status.VERLOPEN, "1 werkdag te laat"),
        # Monday 3 June: 31 May and 3 June are working days late, 4 calendar days.
        (date(2024, 6, 3), -2, -4, Status.VERLOPEN, "2 werkdagen te laat"),
    ],
)
def test_status_en_resterende_dagen(op, werkdagen, kalenderdagen, status, samenvatting):
    termijn = beslistermijn(date(2024, 5, 2), op=op)
    assert termijn.werkdagen_over == werkdagen
    assert termijn.kalenderdagen_over == kalenderdagen
    assert termijn.status is status
    assert termijn.samenvatting == samenvatting


def test_status_labels_zijn_leesbaar():
    assert Status.VERLOPEN.label == "Termijn verstreken"
    assert Status.BIJNA_VERLOPEN.label == "Binnen 5 werkdagen"


# --- ingebrekestelling (Awb 6:12 lid 2) ------------------------------------------------------------


def test_beroep_niet_tijdig_beslissen_twee_weken_na_ingebrekestelling():
    # Received Monday 3 June 2024; the two weeks run 4..17 June; beroep from Tuesday 18 June.
    assert ingebrekestelling(date(2024, 6, 3)) == date(2024, 6, 18)


def test_ingebrekestelling_rond_kerst_schuift_met_de_atw():
    # Received Thursday 12 December 2024; + 14 = Thursday 26 December (tweede Kerstdag), Friday 27
    # equated, weekend -> the two weeks end Monday 30 December; beroep from Tuesday 31 December.
    assert ingebrekestelling(date(2024, 12, 12)) == date(2024, 12, 31)


def test_ingebrekestelling_voor_afloop_van_de_termijn_is_premature():
    termijn = beslistermijn(date(2024, 5, 2), op=date(2024, 6, 3))  # ends 30 May
    with pytest.raises(ValidationError) as fout:
        ingebrekestelling_toetsen(ontvangen_op=date(2024, 5, 30), termijn=termijn)
    assert set(fout.value.message_dict) == {"ontvangen_op"}
    ingebrekestelling_toetsen(ontvangen_op=date(2024, 5, 31), termijn=termijn)


def test_ingebrekestelling_tijdens_open_opschorting_is_premature():
    termijn = beslistermijn(
        date(2024, 5, 2),
        opschortingen=[Opschorting(date(2024, 5, 10), None, ZIENSWIJZE)],
        op=date(2024, 7, 1),
    )
    with pytest.raises(ValidationError):
        ingebrekestelling_toetsen(ontvangen_op=date(2024, 7, 1), termijn=termijn)


# --- properties ------------------------------------------------------------------------------------

ontvangstdata = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
feestdagensets = st.sampled_from([frozenset(), GELIJKGESTELDE_DAGEN])


@st.composite
def opschortingen(draw, ontvangen_op, binnen_dagen=200):
    result = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        van = ontvangen_op + timedelta(days=draw(st.integers(min_value=1, max_value=binnen_dagen)))
        tot = van + timedelta(days=draw(st.integers(min_value=0, max_value=40)))
        result.append(Opschorting(van, tot, ZIENSWIJZE))
    return result


verdagingen = st.none() | st.builds(
    Verdaging, besloten_op=st.just(date(2000, 1, 1)), reden=st.just(OMVANG), dagen=st.integers(1, 14)
)


@given(ontvangen_op=ontvangstdata, extra=feestdagensets, data=st.data())
def test_einddatum_is_altijd_een_werkdag(ontvangen_op, extra, data):
    termijn = beslistermijn(
        ontvangen_op,
        opschortingen=data.draw(opschortingen(ontvangen_op)),
        verdaging=data.draw(verdagingen),
        op=ontvangen_op,
        extra_feestdagen=extra,
    )
    assert termijn.einddatum is not None
    assert is_werkdag(termijn.einddatum, extra)
    assert termijn.einddatum >= ontvangen_op + timedelta(days=28)


@given(ontvangen_op=ontvangstdata, data=st.data())
def test_meer_opschorting_eindigt_nooit_eerder(ontvangen_op, data):
    bestaande = data.draw(opschortingen(ontvangen_op))
    extra_opschorting = data.draw(opschortingen(ontvangen_op).filter(bool))
    verdaging = data.draw(verdagingen)
    zonder = einde(ontvangen_op, opschortingen=bestaande, verdaging=verdaging)
    met = einde(ontvangen_op, opschortingen=bestaande + extra_opschorting, verdaging=verdaging)
    assert zonder is not None
    assert met is not None
    assert met >= zonder


@given(ontvangen_op=ontvangstdata, dagen=st.integers(1, 14), data=st.data())
def test_verdaging_eindigt_nooit_eerder(ontvangen_op, dagen, data):
    bestaande = data.draw(opschortingen(ontvangen_op))
    zonder = einde(ontvangen_op, opschortingen=bestaande)
    met = einde(ontvangen_op, opschortingen=bestaande, verdaging=Verdaging(ontvangen_op, OMVANG, dagen))
    assert zonder is not None
    assert met is not None
    assert met >= zonder


@given(ontvangen_op=ontvangstdata, dagen=st.integers(1, 14), extra=feestdagensets, data=st.data())
def test_verdaging_voegt_ten_hoogste_veertien_dagen_plus_atw_toe(ontvangen_op, dagen, extra, data):
    # Suspensions inside the first four weeks count with and without verdaging alike; one that only
    # the longer term reaches would add its own days, which is not the verdaging's doing.
    bestaande = data.draw(opschortingen(ontvangen_op, binnen_dagen=28))
    zonder = einde(ontvangen_op, opschortingen=bestaande, extra_feestdagen=extra)
    met = einde(
        ontvangen_op,
        opschortingen=bestaande,
        verdaging=Verdaging(ontvangen_op, OMVANG, dagen),
        extra_feestdagen=extra,
    )
    assert zonder is not None
    assert met is not None
    assert met <= volgende_werkdag(zonder + timedelta(days=14), extra, inclusief=True)


@given(ontvangen_op=ontvangstdata, van_na=st.integers(1, 27), stil=st.integers(0, 60))
def test_open_opschorting_schuift_de_vroegste_einddatum_mee(ontvangen_op, van_na, stil):
    # Each day the clock stands still, the earliest end date moves along; it is always a working day.
    van = ontvangen_op + timedelta(days=van_na)
    op = van + timedelta(days=stil)
    vandaag = beslistermijn(ontvangen_op, opschortingen=[Opschorting(van, None, ZIENSWIJZE)], op=op)
    morgen = beslistermijn(
        ontvangen_op, opschortingen=[Opschorting(van, None, ZIENSWIJZE)], op=op + timedelta(days=1)
    )
    assert vandaag.einddatum is None
    assert vandaag.status is Status.OPGESCHORT
    assert morgen.vroegste_einddatum >= vandaag.vroegste_einddatum
    assert is_werkdag(vandaag.vroegste_einddatum, GELIJKGESTELDE_DAGEN)


def test_eerste_termijn_einde_zonder_opschorting_is_de_gewone_beslistermijn():
    assert eerste_termijn_einde(date(2024, 3, 1)) == date(2024, 4, 2)


def test_aangekondigde_opschorting_die_nog_moet_beginnen_laat_de_klok_lopen():
    # Received 2 May 2024; on 8 May a suspension from 10 May is registered. On 8 May the clock still
    # runs: the end date is unknown, but at the earliest 30 May (no day suspended yet); 9, 10, 13,
    # 14, ... 30 May are more than 5 working days away.
    termijn = beslistermijn(
        date(2024, 5, 2),
        opschortingen=[Opschorting(date(2024, 5, 10), None, ZIENSWIJZE)],
        op=date(2024, 5, 8),
    )
    assert termijn.einddatum is None
    assert not termijn.opgeschort
    assert termijn.vroegste_einddatum == date(2024, 5, 30)
    assert termijn.status is Status.OP_SCHEMA
