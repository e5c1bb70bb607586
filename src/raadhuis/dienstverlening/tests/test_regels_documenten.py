"""Reisdocumenten (Paspoortwet art. 26 and 16a) and rijbewijs (Wegenverkeerswet 1994 art. 107)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from raadhuis.dienstverlening import regels
from raadhuis.dienstverlening.regels import Reisdocument, Rijbewijsaanvraag

VANDAAG = date(2026, 11, 29)


def test_paspoortwet_art_26_toestemming_gezaghouders_voor_paspoort_onder_18() -> None:
    kind = date(2009, 11, 30)  # 16 today, 17 tomorrow
    assert regels.toestemming_gezaghouders_nodig(
        soort=Reisdocument.PASPOORT, geboortedatum=kind, aanvraagdatum=VANDAAG
    )
    with pytest.raises(ValidationError) as fout:
        regels.reisdocument_toestemming(
            soort=Reisdocument.PASPOORT, geboortedatum=kind, aanvraagdatum=VANDAAG, toestemming=False
        )
    assert "Paspoortwet art. 26" in fout.value.message_dict["toestemming_gezaghouders"][0]
    regels.reisdocument_toestemming(
        soort=Reisdocument.PASPOORT, geboortedatum=kind, aanvraagdatum=VANDAAG, toestemming=True
    )
    regels.reisdocument_toestemming(
        soort=Reisdocument.PASPOORT,
        geboortedatum=date(2008, 11, 29),
        aanvraagdatum=VANDAAG,
        toestemming=False,
    )


def test_paspoortwet_art_16a_toestemming_voor_identiteitskaart_onder_12() -> None:
    regels.reisdocument_toestemming(
        soort=Reisdocument.IDENTITEITSKAART,
        geboortedatum=date(2014, 11, 29),
        aanvraagdatum=VANDAAG,
        toestemming=False,
    )
    with pytest.raises(ValidationError) as fout:
        regels.reisdocument_toestemming(
            soort=Reisdocument.IDENTITEITSKAART,
            geboortedatum=date(2014, 11, 30),
            aanvraagdatum=VANDAAG,
            toestemming=False,
        )
    assert "Paspoortwet art. 16a" in fout.value.message_dict["toestemming_gezaghouders"][0]


def test_paspoortwet_art_26_geldig_10_jaar_vanaf_18_en_5_jaar_daaronder() -> None:
    assert regels.reisdocument_geldig_tot(geboortedatum=date(2000, 1, 1), uitgifte=VANDAAG) == date(
        2036, 11, 29
    )
    assert regels.reisdocument_geldig_tot(geboortedatum=date(2010, 1, 1), uitgifte=VANDAAG) == date(
        2031, 11, 29
    )
    assert regels.reisdocument_geldig_tot(geboortedatum=date(2000, 1, 1), uitgifte=date(2028, 2, 29)) == date(
        2038, 2, 28
    )


def test_wvw_1994_art_107_geldigheid_rijbewijs() -> None:
    assert regels.rijbewijs_geldig_tot(geboortedatum=date(1980, 5, 1), afgifte=VANDAAG) == date(2036, 11, 29)
    # Issued between 65 and 70: until the 75th birthday.
    assert regels.rijbewijs_geldig_tot(geboortedatum=date(1960, 5, 1), afgifte=VANDAAG) == date(2035, 5, 1)
    # Issued at 70 or older: five years.
    assert regels.rijbewijs_geldig_tot(geboortedatum=date(1950, 5, 1), afgifte=VANDAAG) == date(2031, 11, 29)
    # Categories C and D: five years.
    assert regels.rijbewijs_geldig_tot(
        geboortedatum=date(1980, 5, 1), afgifte=VANDAAG, groot_rijbewijs=True
    ) == date(2031, 11, 29)


def test_wvw_1994_art_107_online_alleen_verlengen() -> None:
    regels.rijbewijs_digitaal(soort=Rijbewijsaanvraag.VERLENGEN, digitaal=True)
    regels.rijbewijs_digitaal(soort=Rijbewijsaanvraag.EERSTE, digitaal=False)
    for soort in (Rijbewijsaanvraag.EERSTE, Rijbewijsaanvraag.VERVANGEN):
        with pytest.raises(ValidationError) as fout:
            regels.rijbewijs_digitaal(soort=soort, digitaal=True)
        assert "Wegenverkeerswet 1994 art. 107" in fout.value.message_dict["soort"][0]


def test_wvw_1994_art_111_minimumleeftijd_17() -> None:
    regels.rijbewijs_minimumleeftijd(geboortedatum=date(2009, 11, 29), aanvraagdatum=VANDAAG)
    with pytest.raises(ValidationError):
        regels.rijbewijs_minimumleeftijd(geboortedatum=date(2009, 11, 30), aanvraagdatum=VANDAAG)
