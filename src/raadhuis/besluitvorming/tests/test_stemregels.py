"""Tests for the voting-rule engine (Gemeentewet arts. 20, 27-32, 56-59; local reglement van orde)."""

import random

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from raadhuis.besluitvorming.stemregels import (
    FractieStemResultaat,
    Ronde,
    Stem,
    Stembriefjes,
    StemKeuze,
    StemmingResultaat,
    StemmingsType,
    Stemonderwerp,
    StemregelFout,
    Stemsituatie,
    Uitkomst,
    Voorstelsoort,
    fractie_resultaten,
    hamerstuk,
    meer_dan_de_helft,
    quorum_college,
    quorum_raad,
    stemming_college,
    stemming_geldig,
    stemming_over_personen,
    stemming_raad,
    stemvolgorde,
)

VOOR, TEGEN, AFWEZIG, ONTHOUDEN = StemKeuze.VOOR, StemKeuze.TEGEN, StemKeuze.AFWEZIG, StemKeuze.ONTHOUDEN


def leden(aantal, voorvoegsel="lid"):
    return [f"{voorvoegsel}{n:02d}" for n in range(1, aantal + 1)]


def situatie(zitting=31, aanwezig=None, onthouden=(), **kwargs):
    """The first `aanwezig` members are present; `onthouden` are member names obliged to abstain."""
    alle = leden(zitting)
    return Stemsituatie(
        zitting_hebbende_leden=frozenset(alle),
        aanwezig=frozenset(alle if aanwezig is None else alle[:aanwezig]),
        moeten_onthouden=frozenset(onthouden),
        **kwargs,
    )


def zaad(seed):
    return random.Random(seed)  # noqa: S311 - a reproducible lot in a test, not a secret


def hoofdelijk(sit, voor):
    """Roll-call votes: the first `voor` present stemgerechtigde members vote voor, the rest tegen."""
    stemmers = sorted(set(sit.aanwezig) - set(sit.moeten_onthouden))
    return [Stem(lid, VOOR if i < voor else TEGEN) for i, lid in enumerate(stemmers)]


# --- art. 20: opening quorum ---


def test_vergadering_opent_als_meer_dan_de_helft_aanwezig_is():
    quorum = quorum_raad(zitting_hebbende_leden=31, aanwezig=16)
    assert quorum.gehaald
    assert quorum.vereist == 16


def test_vergadering_opent_niet_bij_precies_de_helft():
    quorum = quorum_raad(zitting_hebbende_leden=30, aanwezig=15)
    assert not quorum.gehaald
    assert "quorum 16 (meer dan de helft) niet gehaald (Gemeentewet art. 20 lid 1)" in quorum.uitleg[0]


def test_vacatures_tellen_niet_mee_voor_het_quorum():
    # 31 seats, one vacant: 30 zitting hebbende leden, so 16 suffices.
    assert quorum_raad(zitting_hebbende_leden=30, aanwezig=16).gehaald


def test_opnieuw_belegde_vergadering_heeft_geen_quorum_nodig_voor_de_oorspronkelijke_agendapunten():
    quorum = quorum_raad(
        zitting_hebbende_leden=31,
        aanwezig=3,
        na_niet_geopende_vergadering=True,
        agendapunt_van_niet_geopende_vergadering=True,
    )
    assert quorum.gehaald
    assert quorum.vereist is None
    assert "art. 20 lid 3" in quorum.uitleg[0]


def test_besluit_over_oorspronkelijk_agendapunt_in_opnieuw_belegde_vergadering_met_weinig_leden():
    sit = situatie(
        31, aanwezig=3, na_niet_geopende_vergadering=True, agendapunt_van_niet_geopende_vergadering=True
    )
    uitkomst = stemming_raad(situatie=sit, stemmen=hoofdelijk(sit, voor=2))
    # Art. 29 lid 2 onder b lifts the validity requirement for these items too.
    assert uitkomst.uitkomst is Uitkomst.AANGENOMEN
    assert uitkomst.geldig


def test_ander_agendapunt_in_opnieuw_belegde_vergadering_vraagt_wel_quorum():
    sit = situatie(31, aanwezig=10, na_niet_geopende_vergadering=True)
    uitkomst = stemming_raad(situatie=sit, stemmen=hoofdelijk(sit, voor=10))
    assert uitkomst.uitkomst is Uitkomst.GEEN_QUORUM
    assert "art. 20 lid 3" in uitkomst.samenvatting
    assert hamerstuk(situatie=sit).uitkomst is Uitkomst.GEEN_QUORUM


def test_quorum_van_art_20_geldt_alleen_voor_de_opening_daarna_beslist_art_29():
    sit = situatie(31, aanwezig=15)
    uitkomst = stemming_raad(situatie=sit, stemmen=hoofdelijk(sit, voor=15))
    assert uitkomst.uitkomst is Uitkomst.ONGELDIG
    assert any("geldt alleen voor de opening" in stap for stap in uitkomst.uitleg)


def test_meer_aanwezigen_dan_zitting_hebbende_leden_geweigerd():
    with pytest.raises(StemregelFout, match="tussen 0 en het aantal zitting hebbende leden"):
        quorum_raad(zitting_hebbende_leden=5, aanwezig=6)


def test_aanwezige_zonder_zitting_geweigerd():
    with pytest.raises(StemregelFout, match="heeft geen zitting"):
        Stemsituatie(zitting_hebbende_leden=frozenset({"a"}), aanwezig=frozenset({"a", "b"}))


# --- art. 28: obliged abstainers ---


def test_lid_dat_zich_moet_onthouden_telt_niet_mee_voor_de_geldigheid():
    # 9 seated, 2 obliged to abstain: 4 of the 7 others is more than half (3,5); of 9 it would not be.
    sit = situatie(9, aanwezig=6, onthouden={"lid01", "lid02"})
    uitkomst = stemming_raad(situatie=sit, stemmen=hoofdelijk(sit, voor=3))
    assert uitkomst.geldig
    assert uitkomst.uitkomst is Uitkomst.AANGENOMEN
    assert any("(Gemeentewet art. 28): lid01, lid02" in stap for stap in uitkomst.uitleg)


def test_lid_dat_zich_moet_onthouden_kan_niet_stemmen():
    sit = situatie(9, onthouden={"lid01"})
    stemmen = [*hoofdelijk(sit, voor=5), Stem("lid01", VOOR)]
    with pytest.raises(StemregelFout, match=r"lid01 moet zich van deelneming .* art\. 28"):
        stemming_raad(situatie=sit, stemmen=stemmen)


def test_lid_dat_zich_moet_onthouden_hoeft_niet_te_stemmen_bij_hoofdelijke_stemming():
    sit = situatie(9, onthouden={"lid09"})
    assert stemming_raad(situatie=sit, stemmen=hoofdelijk(sit, voor=5)).voltallig


def test_kandidaat_in_herstemming_die_lid_is_telt_niet_als_stemgerechtigd():
    # Art. 28 lid 3: lid01 and lid02 are personally concerned in the herstemming between them.
    sit = situatie(9, aanwezig=6)
    uitkomst = stemming_over_personen(
        situatie=sit,
        voordracht=["lid01", "lid02"],
        rondes=[Stembriefjes({"lid01": 2, "lid02": 2})],
    )
    assert "7 leden stemgerechtigd" in uitkomst.uitleg[0]
    # 4 ballots of 7 stemgerechtigden is valid (> 3,5); the tie leads to a herstemming (art. 31 lid 2).
    assert uitkomst.volgende_ronde is Ronde.HERSTEMMING_NA_STAKING


# --- art. 29: validity ---


def test_stemming_ongeldig_als_niet_meer_dan_de_helft_deelneemt():
    sit = situatie(30, aanwezig=15)
    uitkomst = stemming_raad(situatie=sit, stemmen=hoofdelijk(sit, voor=10))
    assert uitkomst.uitkomst is Uitkomst.ONGELDIG
    assert uitkomst.geldig is False
    assert "niet meer dan de helft (15)" in " ".join(uitkomst.uitleg)


def test_nieuwe_stemming_na_ongeldige_stemming_in_eerdere_vergadering_is_geldig_met_weinig_deelnemers():
    sit = situatie(30, aanwezig=5, eerder_ongeldig=True)
    uitkomst = stemming_raad(situatie=sit, stemmen=hoofdelijk(sit, voor=3))
    assert uitkomst.uitkomst is Uitkomst.AANGENOMEN
    assert any("art. 29 lid 2 onder a" in stap for stap in uitkomst.uitleg)


def test_geldigheid_volgens_de_rekenregel_van_art_29():
    assert stemming_geldig(deelnemers=13, zitting_hebbende_leden=25)
    assert not stemming_geldig(deelnemers=12, zitting_hebbende_leden=25)
    assert stemming_geldig(deelnemers=12, zitting_hebbende_leden=25, moeten_onthouden=2)
    assert stemming_geldig(deelnemers=0, zitting_hebbende_leden=25, vrijgesteld=True)


# --- art. 30: majority of votes cast ---


def test_aangenomen_met_volstrekte_meerderheid_met_nederlandse_uitleg():
    sit = situatie(31, aanwezig=29)
    uitkomst = stemming_raad(situatie=sit, stemmen=hoofdelijk(sit, voor=17))
    assert uitkomst.uitkomst is Uitkomst.AANGENOMEN
    assert uitkomst.resultaat is StemmingResultaat.VOOR
    assert (uitkomst.voor, uitkomst.tegen, uitkomst.afwezig) == (17, 12, 2)
    assert (
        uitkomst.samenvatting
        == "Aangenomen: 17 voor, 12 tegen, 2 afwezig; quorum 16 gehaald (Gemeentewet art. 20)"
    )
    assert (
        "29 stemmen uitgebracht; de volstrekte meerderheid is 15 (Gemeentewet art. 30 lid 1)"
        in uitkomst.uitleg
    )


def test_verworpen_als_de_meerderheid_tegen_stemt():
    sit = situatie(31)
    uitkomst = stemming_raad(situatie=sit, stemmen=hoofdelijk(sit, voor=15))
    assert uitkomst.uitkomst is Uitkomst.VERWORPEN
    assert uitkomst.resultaat is StemmingResultaat.TEGEN


def test_stembriefjes_rekenvoorbeeld_blanco_en_ongeldig_tellen_voor_geldigheid_niet_voor_meerderheid():
    # 25 seated, 20 ballots of which 2 blank and 1 invalid: participation 20 > 12,5; cast 17; majority 9.
    sit = situatie(25, aanwezig=20)
    uitkomst = stemming_over_personen(
        situatie=sit, rondes=[Stembriefjes({"Jansen": 9, "De Vries": 8}, blanco=2, ongeldig=1)]
    )
    assert uitkomst.uitkomst is Uitkomst.GEKOZEN
    assert uitkomst.gekozen == "Jansen"
    assert "20 is meer dan de helft (12,5): geldig (Gemeentewet art. 29)" in uitkomst.uitleg
    assert any(
        "17 stemmen uitgebracht (art. 30 lid 2)" in s and "meerderheid 9" in s for s in uitkomst.uitleg
    )


def test_kandidaat_met_precies_de_helft_van_de_stemmen_is_niet_gekozen():
    sit = situatie(25, aanwezig=20)
    uitkomst = stemming_over_personen(
        situatie=sit, rondes=[Stembriefjes({"Jansen": 8, "De Vries": 7, "Bakker": 1}, blanco=4)]
    )
    assert uitkomst.uitkomst is Uitkomst.VOLGENDE_RONDE
    assert uitkomst.volgende_ronde is Ronde.TWEEDE


# --- art. 31: votes on persons ---


def test_tweede_vrije_stemming_en_dan_herstemming_tussen_de_twee_met_de_meeste_stemmen():
    sit = situatie(25)
    eerste = Stembriefjes({"A": 10, "B": 8, "C": 7})
    tweede = Stembriefjes({"A": 11, "B": 9, "C": 5})
    uitkomst = stemming_over_personen(situatie=sit, rondes=[eerste, tweede])
    assert uitkomst.volgende_ronde is Ronde.HERSTEMMING
    assert uitkomst.kandidaten == ("A", "B")
    uitkomst = stemming_over_personen(situatie=sit, rondes=[eerste, tweede, Stembriefjes({"A": 12, "B": 13})])
    assert uitkomst.gekozen == "B"


def test_volstrekte_meerderheid_wint_in_de_tweede_ronde():
    sit = situatie(25)
    rondes = [Stembriefjes({"A": 10, "B": 8, "C": 7}), Stembriefjes({"A": 13, "B": 8, "C": 4})]
    assert stemming_over_personen(situatie=sit, rondes=rondes).gekozen == "A"


def test_tussenstemming_als_de_tweede_plaats_gelijk_is():
    sit = situatie(25)
    rondes = [Stembriefjes({"A": 10, "B": 8, "C": 7}), Stembriefjes({"A": 11, "B": 7, "C": 7})]
    uitkomst = stemming_over_personen(situatie=sit, rondes=rondes)
    assert uitkomst.volgende_ronde is Ronde.TUSSENSTEMMING
    assert uitkomst.kandidaten == ("B", "C")
    uitkomst = stemming_over_personen(situatie=sit, rondes=[*rondes, Stembriefjes({"B": 10, "C": 15})])
    assert uitkomst.volgende_ronde is Ronde.HERSTEMMING
    assert uitkomst.kandidaten == ("A", "C")


def test_staking_in_tussenstemming_het_lot_bepaalt_wie_in_de_herstemming_komt():
    sit = situatie(25)
    rondes = [
        Stembriefjes({"A": 10, "B": 8, "C": 7}),
        Stembriefjes({"A": 11, "B": 7, "C": 7}),
        Stembriefjes({"B": 12, "C": 12}),
    ]
    uitkomst = stemming_over_personen(situatie=sit, rondes=rondes, lot=["C"])
    assert uitkomst.volgende_ronde is Ronde.HERSTEMMING
    assert uitkomst.kandidaten == ("A", "C")
    assert uitkomst.lotingen[0].getrokken == ("C",)


def test_staking_bij_voordracht_geeft_herstemming_in_dezelfde_vergadering():
    uitkomst = stemming_over_personen(
        situatie=situatie(25), voordracht=["A", "B"], rondes=[Stembriefjes({"A": 12, "B": 12})]
    )
    assert uitkomst.volgende_ronde is Ronde.HERSTEMMING_NA_STAKING
    assert "Gemeentewet art. 31 lid 2" in uitkomst.uitleg[-1]


def test_opnieuw_staken_het_lot_beslist_terstond_met_opgegeven_uitslag():
    sit = situatie(25)
    rondes = [Stembriefjes({"A": 12, "B": 12}), Stembriefjes({"A": 11, "B": 11}, blanco=2)]
    uitkomst = stemming_over_personen(situatie=sit, voordracht=["A", "B"], rondes=rondes, lot=["B"])
    assert uitkomst.uitkomst is Uitkomst.GEKOZEN
    assert uitkomst.gekozen == "B"
    assert uitkomst.lotingen[0].uit == ("A", "B")
    assert uitkomst.samenvatting == "Gekozen: B, door het lot (Gemeentewet art. 31 lid 3)"


def test_zonder_lotuitslag_vraagt_de_uitkomst_om_het_lot():
    rondes = [Stembriefjes({"A": 12, "B": 12}), Stembriefjes({"A": 12, "B": 12})]
    uitkomst = stemming_over_personen(situatie=situatie(25), voordracht=["A", "B"], rondes=rondes)
    assert uitkomst.uitkomst is Uitkomst.VOLGENDE_RONDE
    assert uitkomst.volgende_ronde is Ronde.LOT
    assert uitkomst.kandidaten == ("A", "B")


def test_lot_met_seeded_rng_is_reproduceerbaar_en_vastgelegd():
    rondes = [Stembriefjes({"A": 12, "B": 12}), Stembriefjes({"A": 12, "B": 12})]
    eerste = stemming_over_personen(situatie=situatie(25), voordracht=["A", "B"], rondes=rondes, rng=zaad(7))
    tweede = stemming_over_personen(situatie=situatie(25), voordracht=["A", "B"], rondes=rondes, rng=zaad(7))
    assert eerste.gekozen == tweede.gekozen
    assert eerste.gekozen in {"A", "B"}
    assert eerste.lotingen[0].getrokken == (eerste.gekozen,)


def test_herstemming_tussen_twee_na_vrije_rondes_staakt_dan_herstemming_en_lot():
    sit = situatie(25)
    rondes = [
        Stembriefjes({"A": 10, "B": 10, "C": 5}),
        Stembriefjes({"A": 10, "B": 10, "C": 5}),
        Stembriefjes({"A": 12, "B": 12}),
    ]
    uitkomst = stemming_over_personen(situatie=sit, rondes=rondes)
    assert uitkomst.volgende_ronde is Ronde.HERSTEMMING_NA_STAKING
    uitkomst = stemming_over_personen(
        situatie=sit, rondes=[*rondes, Stembriefjes({"A": 12, "B": 12})], lot=["A"]
    )
    assert uitkomst.gekozen == "A"


def test_lotuitslag_buiten_de_gelijk_geeindigden_geweigerd():
    rondes = [Stembriefjes({"A": 12, "B": 12}), Stembriefjes({"A": 12, "B": 12})]
    with pytest.raises(StemregelFout, match="C hoort daar niet bij"):
        stemming_over_personen(situatie=situatie(25), voordracht=["A", "B"], rondes=rondes, lot=["C"])


def test_stem_op_persoon_buiten_de_voordracht_geweigerd():
    with pytest.raises(StemregelFout, match="beperkt tot A en B"):
        stemming_over_personen(
            situatie=situatie(25), voordracht=["A", "B"], rondes=[Stembriefjes({"A": 10, "C": 3})]
        )


def test_meer_stembriefjes_dan_aanwezige_leden_geweigerd():
    with pytest.raises(StemregelFout, match="meer dan de 20 aanwezige leden"):
        stemming_over_personen(situatie=situatie(25, aanwezig=20), rondes=[Stembriefjes({"A": 20}, blanco=1)])


def test_stemming_over_personen_ongeldig_bij_te_weinig_stembriefjes():
    uitkomst = stemming_over_personen(situatie=situatie(25, aanwezig=12), rondes=[Stembriefjes({"A": 12})])
    assert uitkomst.uitkomst is Uitkomst.ONGELDIG


def test_ronde_na_een_gekozen_persoon_geweigerd():
    with pytest.raises(StemregelFout, match="overbodig"):
        stemming_over_personen(
            situatie=situatie(25), rondes=[Stembriefjes({"A": 20}), Stembriefjes({"A": 20})]
        )


def test_negatief_aantal_stembriefjes_geweigerd():
    with pytest.raises(StemregelFout, match="negatief"):
        Stembriefjes({"A": -1})


# --- art. 32 lid 1-2: hoofdelijke stemming ---


def test_hoofdelijke_stemming_weigert_ontbrekende_stem_van_aanwezig_lid():
    sit = situatie(9)
    with pytest.raises(StemregelFout, match=r"lid09 is aanwezig maar heeft niet gestemd.*art\. 32 lid 2"):
        stemming_raad(situatie=sit, stemmen=hoofdelijk(sit, voor=5)[:-1])


def test_regulier_stemmen_vraagt_geen_stem_van_elk_aanwezig_lid():
    sit = situatie(9)
    uitkomst = stemming_raad(
        situatie=sit, stemmen=hoofdelijk(sit, voor=5)[:-1], stemmingstype=StemmingsType.REGULIER
    )
    assert uitkomst.uitkomst is Uitkomst.AANGENOMEN
    assert uitkomst.deelnemers == 8


def test_stem_van_lid_zonder_zitting_geweigerd():
    sit = situatie(9)
    with pytest.raises(StemregelFout, match="wethouder heeft geen zitting in de raad"):
        stemming_raad(situatie=sit, stemmen=[*hoofdelijk(sit, voor=5), Stem("wethouder", VOOR)])


def test_stem_van_afwezig_lid_geweigerd():
    sit = situatie(9, aanwezig=8)
    with pytest.raises(StemregelFout, match="lid09 is volgens de presentielijst niet aanwezig"):
        stemming_raad(situatie=sit, stemmen=[*hoofdelijk(sit, voor=5), Stem("lid09", TEGEN)])


def test_afwezig_lid_mag_als_afwezig_worden_vastgelegd_een_aanwezig_lid_niet():
    sit = situatie(9, aanwezig=8)
    uitkomst = stemming_raad(situatie=sit, stemmen=[*hoofdelijk(sit, voor=5), Stem("lid09", AFWEZIG)])
    assert uitkomst.afwezig == 1
    with pytest.raises(StemregelFout, match="kan niet als afwezig"):
        stemming_raad(situatie=sit, stemmen=[*hoofdelijk(sit, voor=5)[:-1], Stem("lid08", AFWEZIG)])


def test_lid_dat_twee_keer_stemt_geweigerd():
    sit = situatie(9)
    with pytest.raises(StemregelFout, match="lid01 heeft meer dan één keer gestemd"):
        stemming_raad(situatie=sit, stemmen=[*hoofdelijk(sit, voor=5), Stem("lid01", TEGEN)])


def test_meer_stemmen_dan_leden_geweigerd():
    sit = situatie(3)
    stemmen = [Stem("lid01", VOOR), Stem("lid02", VOOR), Stem("lid03", VOOR), Stem("lid03", VOOR)]
    with pytest.raises(StemregelFout, match="4 stemmen opgegeven, meer dan de 3 leden"):
        stemming_raad(situatie=sit, stemmen=stemmen)


def test_onthouden_geweigerd_buiten_importmodus():
    sit = situatie(9)
    stemmen = [*hoofdelijk(sit, voor=5)[:-1], Stem("lid09", ONTHOUDEN)]
    with pytest.raises(StemregelFout, match=r"lid09 wil zich onthouden.*art\. 32 lid 2"):
        stemming_raad(situatie=sit, stemmen=stemmen)


def test_onthouden_in_importmodus_vastgelegd_als_onregelmatig():
    sit = situatie(9)
    stemmen = [*hoofdelijk(sit, voor=5)[:-1], Stem("lid09", ONTHOUDEN)]
    uitkomst = stemming_raad(situatie=sit, stemmen=stemmen, import_modus=True)
    assert uitkomst.uitkomst is Uitkomst.AANGENOMEN
    assert uitkomst.onthouden == 1
    assert uitkomst.deelnemers == 9
    assert "vormgebrek" in uitkomst.onregelmatigheden[0]


def test_weigering_is_een_valueerror_met_alle_nederlandse_meldingen():
    sit = situatie(3)
    with pytest.raises(ValueError, match="geen zitting") as fout:
        stemming_raad(situatie=sit, stemmen=[Stem("x", VOOR), Stem("lid01", VOOR)])
    assert len(fout.value.meldingen) == 3  # x, and lid02 and lid03 did not vote


def test_schriftelijke_stemming_over_een_voorstel_verwijst_naar_personen():
    with pytest.raises(StemregelFout, match="stemming_over_personen"):
        stemming_raad(situatie=situatie(3), stemmen=[], stemmingstype=StemmingsType.SCHRIFTELIJK)


# --- art. 32 lid 3: hamerstuk ---


def test_hamerstuk_aangenomen_zonder_stemming_met_aantekening_van_tegenstemmers():
    uitkomst = hamerstuk(situatie=situatie(31, aanwezig=29), tegen_aangetekend=["lid03", "lid07"])
    assert uitkomst.uitkomst is Uitkomst.AANGENOMEN_ZONDER_STEMMING
    assert uitkomst.resultaat is None
    assert uitkomst.tegen_aangetekend == ("lid03", "lid07")
    assert "lid03 en lid07" in uitkomst.uitleg[-2]
    assert "art. 32 lid 3" in uitkomst.samenvatting


def test_hamerstuk_aantekening_door_afwezig_lid_geweigerd():
    with pytest.raises(StemregelFout, match="lid31 is volgens de presentielijst niet aanwezig"):
        hamerstuk(situatie=situatie(31, aanwezig=29), tegen_aangetekend=["lid31"])


# --- art. 32 lid 4-6: ties ---


def test_voorstel_uitgesteld_bij_staken_der_stemmen_in_niet_voltallige_vergadering():
    sit = situatie(31, aanwezig=30)
    uitkomst = stemming_raad(situatie=sit, stemmen=hoofdelijk(sit, voor=15))
    assert uitkomst.uitkomst is Uitkomst.UITGESTELD
    assert uitkomst.resultaat is StemmingResultaat.GELIJK
    assert not uitkomst.voltallig
    assert "art. 32 lid 4" in uitkomst.samenvatting


def test_motie_verworpen_bij_staken_der_stemmen_in_voltallige_vergadering():
    sit = situatie(30)
    uitkomst = stemming_raad(situatie=sit, stemmen=hoofdelijk(sit, voor=15), soort=Voorstelsoort.MOTIE)
    assert uitkomst.uitkomst is Uitkomst.VERWORPEN
    assert uitkomst.voltallig
    assert "de motie is niet aangenomen (art. 32 lid 5)" in uitkomst.samenvatting


def test_amendement_verworpen_bij_opnieuw_staken_in_de_volgende_vergadering():
    sit = situatie(31, aanwezig=28)
    uitkomst = stemming_raad(
        situatie=sit, stemmen=hoofdelijk(sit, voor=14), soort=Voorstelsoort.AMENDEMENT, eerder_gestaakt=True
    )
    assert uitkomst.uitkomst is Uitkomst.VERWORPEN
    assert "het amendement is niet aangenomen (Gemeentewet art. 32 lid 5)" in uitkomst.samenvatting


def test_voltallig_rekent_zonder_leden_die_zich_moeten_onthouden():
    # Art. 32 lid 6: 30 seated, 2 obliged to abstain (and present); the other 28 all vote.
    sit = situatie(30, onthouden={"lid01", "lid02"})
    uitkomst = stemming_raad(situatie=sit, stemmen=hoofdelijk(sit, voor=14))
    assert uitkomst.voltallig
    assert uitkomst.uitkomst is Uitkomst.VERWORPEN


# --- college: arts. 56, 58, 59 ---


def test_college_quorum_is_ten_minste_de_helft():
    assert quorum_college(zitting_hebbende_leden=6, aanwezig=3).gehaald
    assert not quorum_raad(zitting_hebbende_leden=6, aanwezig=3).gehaald
    assert not quorum_college(zitting_hebbende_leden=5, aanwezig=2).gehaald


def test_college_besluit_niet_zonder_quorum():
    sit = situatie(6, aanwezig=2)
    uitkomst = stemming_college(situatie=sit, stemmen=hoofdelijk(sit, voor=2), voorzitter="lid01")
    assert uitkomst.uitkomst is Uitkomst.GEEN_QUORUM
    assert "art. 56 lid 1" in uitkomst.samenvatting


def test_college_nieuwe_vergadering_zonder_quorum_voor_de_oorspronkelijke_punten():
    sit = situatie(
        6, aanwezig=2, na_niet_geopende_vergadering=True, agendapunt_van_niet_geopende_vergadering=True
    )
    uitkomst = stemming_college(situatie=sit, stemmen=hoofdelijk(sit, voor=2), voorzitter="lid01")
    assert uitkomst.uitkomst is Uitkomst.AANGENOMEN


def test_college_lid_dat_zich_moet_onthouden_kan_niet_stemmen_art_58_met_28():
    sit = situatie(6, onthouden={"lid02"})
    with pytest.raises(StemregelFout, match=r"art\. 28"):
        stemming_college(situatie=sit, stemmen=[Stem("lid02", VOOR)], voorzitter="lid01")


def test_college_lid_hoeft_niet_voor_of_tegen_te_stemmen_art_32_geldt_niet():
    sit = situatie(6)
    stemmen = [Stem("lid01", VOOR), Stem("lid02", VOOR), Stem("lid03", VOOR), Stem("lid04", TEGEN)]
    uitkomst = stemming_college(situatie=sit, stemmen=stemmen, voorzitter="lid01")
    assert uitkomst.uitkomst is Uitkomst.AANGENOMEN
    assert uitkomst.deelnemers == 4


def test_college_stemming_ongeldig_bij_te_weinig_deelnemers_art_58_met_29():
    sit = situatie(6)
    uitkomst = stemming_college(situatie=sit, stemmen=hoofdelijk(sit, voor=6)[:3], voorzitter="lid01")
    assert uitkomst.uitkomst is Uitkomst.ONGELDIG


def test_college_staking_leidt_tot_nieuwe_stemming():
    sit = situatie(6)
    uitkomst = stemming_college(situatie=sit, stemmen=hoofdelijk(sit, voor=3), voorzitter="lid01")
    assert uitkomst.uitkomst is Uitkomst.OPNIEUW_STEMMEN
    assert "art. 59 lid 1" in uitkomst.samenvatting


@pytest.mark.parametrize(
    ("voorzitter", "verwacht"), [("lid01", Uitkomst.AANGENOMEN), ("lid06", Uitkomst.VERWORPEN)]
)
def test_college_andermaal_staken_de_stem_van_de_voorzitter_beslist(voorzitter, verwacht):
    sit = situatie(6)
    uitkomst = stemming_college(
        situatie=sit, stemmen=hoofdelijk(sit, voor=3), voorzitter=voorzitter, herstemming=True
    )
    assert uitkomst.uitkomst is verwacht
    assert "art. 59 lid 2" in uitkomst.samenvatting


def test_college_andermaal_staken_zonder_stem_van_de_voorzitter_is_verworpen():
    sit = situatie(7, onthouden={"lid07"})
    uitkomst = stemming_college(
        situatie=sit, stemmen=hoofdelijk(sit, voor=3), voorzitter="lid07", herstemming=True
    )
    assert uitkomst.uitkomst is Uitkomst.VERWORPEN


# --- art. 27: fractie results ---


def test_fractieresultaten_eensgezind_voor_eensgezind_tegen_en_verdeeld():
    fractie_van = {"a1": "A", "a2": "A", "b1": "B", "b2": "B", "c1": "C", "c2": "C", "d1": "D"}
    stemmen = [
        Stem("a1", VOOR), Stem("a2", VOOR), Stem("b1", TEGEN), Stem("b2", TEGEN),
        Stem("c1", VOOR), Stem("c2", TEGEN), Stem("d1", AFWEZIG),
    ]  # fmt: skip
    uitslag = fractie_resultaten(stemmen=stemmen, fractie_van=fractie_van)
    assert uitslag["A"].resultaat is FractieStemResultaat.AANGENOMEN
    assert uitslag["B"].resultaat is FractieStemResultaat.VERWORPEN
    assert uitslag["C"].resultaat is FractieStemResultaat.VERDEELD
    assert (uitslag["C"].voor, uitslag["C"].tegen) == (1, 1)
    assert uitslag["D"].resultaat is None
    assert uitslag["D"].niet_gestemd == 1


def test_fractieresultaat_voor_lid_zonder_fractie_geweigerd():
    with pytest.raises(StemregelFout, match="Van x is geen fractie bekend"):
        fractie_resultaten(stemmen=[Stem("x", VOOR)], fractie_van={})


# --- voting order (reglement van orde, art. 16) ---


def test_stemvolgorde_subamendement_amendement_voorstel_moties_en_motie_vreemd_laatst():
    onderwerpen = [
        Stemonderwerp("motie vreemd", Voorstelsoort.MOTIE_VREEMD),
        Stemonderwerp("motie 1", Voorstelsoort.MOTIE),
        Stemonderwerp("voorstel", Voorstelsoort.VOORSTEL),
        Stemonderwerp("amendement A", Voorstelsoort.AMENDEMENT, strekking=1),
        Stemonderwerp("amendement B", Voorstelsoort.AMENDEMENT, strekking=5),
        Stemonderwerp("sub A1", Voorstelsoort.SUBAMENDEMENT, wijzigt="amendement A"),
    ]
    assert [o.id for o in stemvolgorde(onderwerpen)] == [
        "amendement B",
        "sub A1",
        "amendement A",
        "voorstel",
        "motie 1",
        "motie vreemd",
    ]


def test_subamendement_zonder_aanhangig_amendement_geweigerd():
    with pytest.raises(StemregelFout, match="wijzigt geen aanhangig amendement"):
        stemvolgorde([Stemonderwerp("sub", Voorstelsoort.SUBAMENDEMENT, wijzigt="weg")])


# --- properties ---


@st.composite
def raadsstemmingen(draw, gelijk=False):
    """A valid roll-call vote: seated members, who is present, who must abstain, and every vote."""
    zitting = draw(st.integers(min_value=1, max_value=45))
    alle = leden(zitting)
    aanwezig = draw(st.sets(st.sampled_from(alle)))
    onthouden = draw(st.sets(st.sampled_from(alle), max_size=3))
    stemmers = sorted(aanwezig - onthouden)
    if gelijk and len(stemmers) % 2:
        # An even number of voters: the last one is not present after all.
        aanwezig.discard(stemmers.pop())
    if gelijk:
        keuzes = [VOOR] * (len(stemmers) // 2) + [TEGEN] * (len(stemmers) // 2)
        keuzes = draw(st.permutations(keuzes))
    else:
        keuzes = draw(
            st.lists(st.sampled_from([VOOR, TEGEN]), min_size=len(stemmers), max_size=len(stemmers))
        )
    sit = Stemsituatie(
        zitting_hebbende_leden=frozenset(alle),
        aanwezig=frozenset(aanwezig),
        moeten_onthouden=frozenset(onthouden),
        eerder_ongeldig=draw(st.booleans()),
    )
    return sit, [Stem(lid, keuze) for lid, keuze in zip(stemmers, keuzes, strict=True)]


@given(raadsstemmingen(), st.randoms(use_true_random=False), st.booleans())
def test_eigenschap_volgorde_van_de_stemmen_verandert_de_uitkomst_niet(stemming, rnd, eerder_gestaakt):
    sit, stemmen = stemming
    geschud = list(stemmen)
    rnd.shuffle(geschud)
    a = stemming_raad(situatie=sit, stemmen=stemmen, eerder_gestaakt=eerder_gestaakt)
    b = stemming_raad(situatie=sit, stemmen=geschud, eerder_gestaakt=eerder_gestaakt)
    assert (a.uitkomst, a.resultaat, a.voor, a.tegen, a.geldig, a.uitleg) == (
        b.uitkomst, b.resultaat, b.voor, b.tegen, b.geldig, b.uitleg
    )  # fmt: skip


@given(raadsstemmingen(gelijk=True), st.booleans())
def test_eigenschap_staken_der_stemmen_is_nooit_aangenomen(stemming, eerder_gestaakt):
    sit, stemmen = stemming
    uitkomst = stemming_raad(situatie=sit, stemmen=stemmen, eerder_gestaakt=eerder_gestaakt)
    assert uitkomst.uitkomst is not Uitkomst.AANGENOMEN
    if uitkomst.geldig:
        assert uitkomst.uitkomst in {Uitkomst.UITGESTELD, Uitkomst.VERWORPEN}
        assert uitkomst.uitkomst is (
            Uitkomst.VERWORPEN if uitkomst.voltallig or eerder_gestaakt else Uitkomst.UITGESTELD
        )
    college = stemming_college(situatie=sit, stemmen=stemmen, voorzitter=min(sit.zitting_hebbende_leden))
    assert college.uitkomst is not Uitkomst.AANGENOMEN


RANG = {Uitkomst.VERWORPEN: 0, Uitkomst.UITGESTELD: 1, Uitkomst.AANGENOMEN: 2}


@given(raadsstemmingen(), st.data())
def test_eigenschap_een_extra_voorstem_maakt_aangenomen_nooit_verworpen(stemming, data):
    sit, stemmen = stemming
    voor = stemming_raad(situatie=sit, stemmen=stemmen)
    afwezigen = sorted(sit.stemgerechtigd - set(sit.aanwezig))
    tegenstemmers = [s.lid for s in stemmen if s.keuze is TEGEN]
    if not (afwezigen or tegenstemmers):
        return  # everyone entitled already voted voor
    if afwezigen and (not tegenstemmers or data.draw(st.booleans())):
        # A member who was absent comes in and votes voor.
        nieuw_lid = data.draw(st.sampled_from(afwezigen))
        sit = Stemsituatie(
            zitting_hebbende_leden=sit.zitting_hebbende_leden,
            aanwezig=frozenset({*sit.aanwezig, nieuw_lid}),
            moeten_onthouden=sit.moeten_onthouden,
            eerder_ongeldig=sit.eerder_ongeldig,
        )
        stemmen = [*stemmen, Stem(nieuw_lid, VOOR)]
    else:
        # A member who voted tegen votes voor instead.
        omzetter = data.draw(st.sampled_from(tegenstemmers))
        stemmen = [Stem(s.lid, VOOR) if s.lid == omzetter else s for s in stemmen]
    na = stemming_raad(situatie=sit, stemmen=stemmen)
    if voor.uitkomst is Uitkomst.AANGENOMEN:
        assert na.uitkomst is Uitkomst.AANGENOMEN
    if voor.geldig:
        # Stronger: the outcome never gets worse (verworpen < uitgesteld < aangenomen).
        assert RANG[na.uitkomst] >= RANG[voor.uitkomst]


@given(raadsstemmingen(), st.data())
def test_eigenschap_fractieresultaten_kloppen_met_de_stemmen_van_de_leden(stemming, data):
    sit, stemmen = stemming
    fracties = ["VVD", "GL", "CDA", "Lokaal"]
    fractie_van = {lid: data.draw(st.sampled_from(fracties)) for lid in sorted(sit.zitting_hebbende_leden)}
    uitslag = fractie_resultaten(stemmen=stemmen, fractie_van=fractie_van)
    assert sum(u.voor for u in uitslag.values()) == sum(s.keuze is VOOR for s in stemmen)
    assert sum(u.tegen for u in uitslag.values()) == sum(s.keuze is TEGEN for s in stemmen)
    assert sum(u.voor + u.tegen + u.onthouden + u.niet_gestemd for u in uitslag.values()) == len(fractie_van)
    for fractie, u in uitslag.items():
        keuzes = {s.keuze for s in stemmen if fractie_van[s.lid] == fractie} & {VOOR, TEGEN}
        verwacht = {
            frozenset({VOOR}): FractieStemResultaat.AANGENOMEN,
            frozenset({TEGEN}): FractieStemResultaat.VERWORPEN,
            frozenset({VOOR, TEGEN}): FractieStemResultaat.VERDEELD,
        }.get(frozenset(keuzes))
        assert u.resultaat is verwacht


@given(raadsstemmingen())
def test_eigenschap_geldigheid_volgt_de_rekenregel_van_art_29(stemming):
    sit, stemmen = stemming
    uitkomst = stemming_raad(situatie=sit, stemmen=stemmen)
    verwacht = sit.eerder_ongeldig or 2 * len(stemmen) > len(sit.stemgerechtigd)
    assert uitkomst.geldig is verwacht
    assert (uitkomst.uitkomst is Uitkomst.ONGELDIG) is not verwacht


@given(st.integers(0, 100), st.integers(0, 100), st.integers(0, 10), st.booleans())
def test_eigenschap_stemming_geldig_is_meer_dan_de_helft(deelnemers, zitting, onthouden, vrijgesteld):
    assume(onthouden <= zitting)
    geldig = stemming_geldig(
        deelnemers=deelnemers,
        zitting_hebbende_leden=zitting,
        moeten_onthouden=onthouden,
        vrijgesteld=vrijgesteld,
    )
    assert geldig is (vrijgesteld or deelnemers >= meer_dan_de_helft(zitting - onthouden))


@given(
    st.dictionaries(st.sampled_from("ABCDE"), st.integers(0, 12), min_size=1),
    st.integers(0, 3),
    st.integers(0, 2),
)
def test_eigenschap_wie_gekozen_wordt_heeft_meer_dan_de_helft_van_de_uitgebrachte_stemmen(
    stemmen, blanco, ongeldig
):
    briefjes = Stembriefjes(stemmen, blanco=blanco, ongeldig=ongeldig)
    assume(briefjes.ingeleverd <= 45)
    uitkomst = stemming_over_personen(situatie=situatie(45, eerder_ongeldig=True), rondes=[briefjes])
    if uitkomst.uitkomst is Uitkomst.GEKOZEN:
        assert 2 * stemmen[uitkomst.gekozen] > briefjes.uitgebracht
    else:
        assert all(2 * n <= briefjes.uitgebracht for n in stemmen.values())
