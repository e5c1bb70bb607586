"""Votes through the services against the database, one rule per test with its article (Gemeentewet)."""

from __future__ import annotations

import random

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming import services
from raadhuis.besluitvorming.models import (
    Aanwezigheid,
    Besluit,
    Fractiestemresultaat,
    Indiener,
    Stem,
    Stemming,
    Voorstel,
)
from raadhuis.besluitvorming.stemregels import Stembriefjes
from raadhuis.besluitvorming.tests.factories import PersoonFactory, VergaderingFactory, raad_met_leden
from raadhuis.besluitvorming.tests.stemhulp import (
    AFWEZIG,
    TEGEN,
    VERGADERDAG,
    VOOR,
    agendapunt_van,
    collegeleden,
    hoofdelijk,
    indienen,
    vergadering_van,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def raad():
    return raad_met_leden()  # 31 seats in 7 fracties (9, 7, 5, 4, 3, 2, 1)


@pytest.fixture
def punt(raad):
    return agendapunt_van(vergadering_van(raad))


def fouten(info: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(info.value.messages)


# -- indienen en intrekken -------------------------------------------------------------------------


def test_motie_wordt_ingediend_met_indieners_en_hun_fractie(griffier: Medewerker, raad, punt) -> None:
    motie = services.voorstel_indienen(
        vergadering=punt.vergadering,
        agendapunt=punt,
        soort=Voorstel.Soort.MOTIE,
        motie_type=Voorstel.MotieType.AFKEURING,
        titel="Motie van afkeuring",
        indieners=[raad.leden[0]],
        mede_indieners=[raad.leden[10], raad.leden[20]],
        door=griffier,
    )
    indieners = {i.persoon_id: i for i in Indiener.objects.filter(voorstel=motie)}
    assert indieners[raad.leden[0].pk].eerste
    assert not indieners[raad.leden[10].pk].eerste
    assert indieners[raad.leden[20].pk].fractie == raad.fractie_van[raad.leden[20].pk]
    assert motie.status == Voorstel.Status.INGEDIEND


def test_indiener_zonder_zitting_wordt_geweigerd(griffier: Medewerker, raad, punt) -> None:
    buitenstaander = PersoonFactory(voornaam="Bert", achternaam="Buiten")
    with pytest.raises(ValidationError) as info:
        services.voorstel_indienen(
            vergadering=punt.vergadering,
            agendapunt=punt,
            soort=Voorstel.Soort.MOTIE,
            titel="Motie",
            indieners=[buitenstaander],
            door=griffier,
        )
    assert "Bert Buiten heeft op 14-03-2024 geen zitting" in fouten(info)
    assert not Voorstel.objects.exists()


def test_motie_vreemd_heeft_geen_agendapunt(griffier: Medewerker, raad, punt) -> None:
    with pytest.raises(ValidationError) as info:
        indienen(griffier, raad, punt, soort=Voorstel.Soort.MOTIE_VREEMD)
    assert "hoort niet bij een agendapunt" in fouten(info)
    motie = indienen(griffier, raad, None, soort=Voorstel.Soort.MOTIE_VREEMD, vergadering=punt.vergadering)
    assert motie.agendapunt is None
    assert motie.motie_type == Voorstel.MotieType.VREEMD


def test_amendement_wijzigt_een_raadsvoorstel_op_hetzelfde_agendapunt(griffier, raad, punt) -> None:
    """Gemeentewet art. 147b: an amendment changes a draft decision; a subamendement an amendement."""
    raadsvoorstel = indienen(griffier, raad, punt, soort=Voorstel.Soort.VOORSTEL, titel="Raadsvoorstel")
    motie = indienen(griffier, raad, punt)
    ander_punt = agendapunt_van(punt.vergadering)
    with pytest.raises(ValidationError, match="wijzigt een raadsvoorstel"):
        indienen(griffier, raad, punt, soort=Voorstel.Soort.AMENDEMENT, wijzigt=motie)
    with pytest.raises(ValidationError, match="niet op hetzelfde agendapunt"):
        indienen(griffier, raad, ander_punt, soort=Voorstel.Soort.AMENDEMENT, wijzigt=raadsvoorstel)
    with pytest.raises(ValidationError, match="wijzigt een amendement"):
        indienen(griffier, raad, punt, soort=Voorstel.Soort.SUBAMENDEMENT, wijzigt=raadsvoorstel)
    amendement = indienen(griffier, raad, punt, soort=Voorstel.Soort.AMENDEMENT, wijzigt=raadsvoorstel)
    sub = indienen(griffier, raad, punt, soort=Voorstel.Soort.SUBAMENDEMENT, wijzigt=amendement)
    assert sub.wijzigt == amendement


def test_intrekken_laat_de_amendementen_vervallen_en_is_het_besluit(griffier, raad, punt) -> None:
    raadsvoorstel = indienen(griffier, raad, punt, soort=Voorstel.Soort.VOORSTEL)
    amendement = indienen(griffier, raad, punt, soort=Voorstel.Soort.AMENDEMENT, wijzigt=raadsvoorstel)
    services.voorstel_intrekken(voorstel=raadsvoorstel, door=griffier)
    amendement.refresh_from_db()
    assert amendement.status == Voorstel.Status.INGETROKKEN
    assert Besluit.objects.get(agendapunt=punt).resultaat == Besluit.Resultaat.INGETROKKEN
    with pytest.raises(ValidationError, match="ingetrokken"):
        services.stemming_vastleggen(voorstel=raadsvoorstel, stemmen={}, door=griffier)


def test_raadslid_mag_indienen_maar_geen_stemming_vastleggen(raad, punt) -> None:
    raadslid = MedewerkerFactory(rollen=[Rol.RAADSLID])
    # The raadslid is the first indiener (see test_rechten_indienen.py for the rule).
    raad.leden[0].medewerker = raadslid
    raad.leden[0].save()
    motie = indienen(raadslid, raad, punt)
    with pytest.raises(PermissionDenied):
        services.stemming_vastleggen(
            voorstel=motie, aanwezig=raad.leden, stemmen=hoofdelijk(raad.leden, 31), door=raadslid
        )


# -- de uitkomst van een stemming ------------------------------------------------------------------


def test_aangenomen_met_uitleg_per_lid_en_per_fractie(griffier: Medewerker, raad, punt) -> None:
    """Art. 20 (quorum), 29 (valid), 30 (majority of votes cast); fracties derived (art. 27)."""
    motie = indienen(griffier, raad, punt)
    aanwezig = raad.leden[:29]  # the last two, of the 2- and 1-seat fracties, are absent
    stemming = services.stemming_vastleggen(
        voorstel=motie, aanwezig=aanwezig, stemmen=hoofdelijk(aanwezig, 17), door=griffier
    )
    assert stemming.uitkomst == Stemming.Uitkomst.AANGENOMEN
    assert (stemming.aantal_voor, stemming.aantal_tegen, stemming.aantal_afwezig) == (17, 12, 2)
    assert stemming.geldig
    assert not stemming.voltallig
    assert (
        stemming.samenvatting
        == "Aangenomen: 17 voor, 12 tegen, 2 afwezig; quorum 16 gehaald (Gemeentewet art. 20)"
    )
    assert any("art. 29 lid 1" in regel for regel in stemming.uitleg)
    keuzes = dict(Stem.objects.filter(stemming=stemming).values_list("persoon_id", "keuze"))
    assert len(keuzes) == 31
    assert keuzes[raad.leden[30].pk] == AFWEZIG
    resultaten = {r.fractie_id: r for r in Fractiestemresultaat.objects.filter(stemming=stemming)}
    grootste, tweede, derde, vierde = raad.fracties[:4]
    assert resultaten[grootste.pk].resultaat == "aangenomen"
    assert resultaten[grootste.pk].voor == 9
    assert resultaten[tweede.pk].resultaat == "aangenomen"
    assert resultaten[derde.pk].resultaat == "verdeeld"  # members 17-21: only the 17th voted voor
    assert (resultaten[derde.pk].voor, resultaten[derde.pk].tegen) == (1, 4)
    assert resultaten[vierde.pk].resultaat == "verworpen"
    assert raad.fracties[-1].pk not in resultaten  # its only member was absent
    motie.refresh_from_db()
    assert motie.status == Voorstel.Status.AANGENOMEN
    assert motie.afhandeling == Voorstel.Afhandeling.OPEN  # into the moties register
    assert Besluit.objects.get(stemming=stemming).resultaat == Besluit.Resultaat.AANGENOMEN


def test_verworpen_bij_meerderheid_tegen(griffier, raad, punt) -> None:
    """Art. 30 lid 1: voor must be more than half of the votes cast."""
    motie = indienen(griffier, raad, punt)
    stemming = services.stemming_vastleggen(
        voorstel=motie, aanwezig=raad.leden, stemmen=hoofdelijk(raad.leden, 15), door=griffier
    )
    assert stemming.uitkomst == Stemming.Uitkomst.VERWORPEN
    assert stemming.voltallig
    motie.refresh_from_db()
    assert motie.status == Voorstel.Status.VERWORPEN


def test_staking_in_niet_voltallige_vergadering_stelt_uit(griffier, raad, punt) -> None:
    """Art. 32 lid 4: a tie postpones the decision to a next meeting unless the meeting is voltallig."""
    raadsvoorstel = indienen(griffier, raad, punt, soort=Voorstel.Soort.VOORSTEL)
    aanwezig = raad.leden[:30]
    stemming = services.stemming_vastleggen(
        voorstel=raadsvoorstel, aanwezig=aanwezig, stemmen=hoofdelijk(aanwezig, 15), door=griffier
    )
    assert stemming.uitkomst == Stemming.Uitkomst.UITGESTELD
    assert stemming.resultaat == Stemming.Resultaat.GELIJK
    assert "art. 32 lid 4" in stemming.samenvatting
    raadsvoorstel.refresh_from_db()
    assert raadsvoorstel.status == Voorstel.Status.UITGESTELD
    assert Besluit.objects.get(stemming=stemming).resultaat == Besluit.Resultaat.UITGESTELD


def test_staking_in_voltallige_vergadering_verwerpt_en_art28_telt_niet_mee(griffier, raad, punt) -> None:
    """Art. 28: the member obliged to abstain does not count; art. 32 lid 6: voltallig means every other
    member voted; a tie then rejects (lid 5)."""
    motie = indienen(griffier, raad, punt)
    onthouder, stemmers = raad.leden[0], raad.leden[1:]
    stemming = services.stemming_vastleggen(
        voorstel=motie,
        aanwezig=raad.leden,
        moeten_onthouden=[onthouder],
        stemmen=hoofdelijk(stemmers, 15),
        door=griffier,
    )
    assert stemming.uitkomst == Stemming.Uitkomst.VERWORPEN
    assert stemming.voltallig
    assert "art. 32 lid 6" in stemming.samenvatting
    assert list(stemming.moeten_onthouden.all()) == [onthouder]
    assert not Stem.objects.filter(stemming=stemming, persoon=onthouder).exists()


def test_ongeldig_als_niet_meer_dan_de_helft_deelneemt(griffier, raad, punt) -> None:
    """Art. 29 lid 1: more than half of the seated members not obliged to abstain must take part."""
    motie = indienen(griffier, raad, punt)
    aanwezig = raad.leden[:15]
    stemming = services.stemming_vastleggen(
        voorstel=motie, aanwezig=aanwezig, stemmen=hoofdelijk(aanwezig, 15), door=griffier
    )
    assert stemming.uitkomst == Stemming.Uitkomst.ONGELDIG
    assert not stemming.geldig
    assert not Besluit.objects.exists()
    motie.refresh_from_db()
    assert motie.status == Voorstel.Status.INGEDIEND  # a new vote is possible


def test_na_uitstel_beslist_een_volgende_vergadering_en_staking_verwerpt(griffier, raad, punt) -> None:
    """Art. 32 lid 4-5: the postponed decision goes to the next meeting; a tie there rejects."""
    raadsvoorstel = indienen(griffier, raad, punt, soort=Voorstel.Soort.VOORSTEL)
    aanwezig = raad.leden[:30]
    services.stemming_vastleggen(
        voorstel=raadsvoorstel, aanwezig=aanwezig, stemmen=hoofdelijk(aanwezig, 15), door=griffier
    )
    with pytest.raises(ValidationError) as info:
        services.stemming_vastleggen(
            voorstel=raadsvoorstel, aanwezig=aanwezig, stemmen=hoofdelijk(aanwezig, 20), door=griffier
        )
    assert "in deze vergadering kan niet opnieuw worden gestemd" in fouten(info)
    volgend_punt = agendapunt_van(vergadering_van(raad, dagen_later=14))
    tweede = services.stemming_vastleggen(
        voorstel=raadsvoorstel,
        agendapunt=volgend_punt,
        aanwezig=aanwezig,
        stemmen=hoofdelijk(aanwezig, 15),
        door=griffier,
    )
    assert tweede.eerder_gestaakt
    assert tweede.uitkomst == Stemming.Uitkomst.VERWORPEN
    assert "opnieuw" in tweede.samenvatting
    assert "art. 32 lid 5" in tweede.samenvatting
    assert Besluit.objects.get(stemming=tweede).agendapunt == volgend_punt


def test_tweede_stemming_zonder_staking_wordt_geweigerd(griffier, raad, punt) -> None:
    motie = indienen(griffier, raad, punt)
    services.stemming_vastleggen(
        voorstel=motie, aanwezig=raad.leden, stemmen=hoofdelijk(raad.leden, 20), door=griffier
    )
    with pytest.raises(ValidationError) as info:
        services.stemming_vastleggen(
            voorstel=motie, aanwezig=raad.leden, stemmen=hoofdelijk(raad.leden, 5), door=griffier
        )
    assert "is al beslist (aangenomen)" in fouten(info)
    assert Stemming.objects.count() == 1


# -- onmogelijke invoer: geweigerd, niets opgeslagen -----------------------------------------------


@pytest.fixture
def motie(griffier, raad, punt):
    return indienen(griffier, raad, punt)


def _niets_opgeslagen(motie: Voorstel) -> None:
    assert not Stemming.objects.exists()
    assert not Stem.objects.exists()
    motie.refresh_from_db()
    assert motie.status == Voorstel.Status.INGEDIEND


def test_stem_van_iemand_zonder_zitting_wordt_geweigerd(griffier, raad, motie) -> None:
    buitenstaander = PersoonFactory(voornaam="Bert", achternaam="Buiten")
    stemmen = [*hoofdelijk(raad.leden, 20).items(), (buitenstaander, VOOR)]
    with pytest.raises(ValidationError) as info:
        services.stemming_vastleggen(voorstel=motie, aanwezig=raad.leden, stemmen=stemmen, door=griffier)
    assert "Bert Buiten heeft geen zitting in de raad en kan niet stemmen." in info.value.messages
    _niets_opgeslagen(motie)


def test_stem_van_een_afwezige_wordt_geweigerd(griffier, raad, motie) -> None:
    aanwezig = raad.leden[:30]
    afwezige = raad.leden[30]
    stemmen = {**hoofdelijk(aanwezig, 20), afwezige: TEGEN}
    with pytest.raises(ValidationError) as info:
        services.stemming_vastleggen(voorstel=motie, aanwezig=aanwezig, stemmen=stemmen, door=griffier)
    assert f"{afwezige.naam} is volgens de presentielijst niet aanwezig en kan niet stemmen." in fouten(info)
    _niets_opgeslagen(motie)


def test_stem_van_wie_zich_moet_onthouden_wordt_geweigerd(griffier, raad, motie) -> None:
    """Art. 28: a member personally concerned does not vote."""
    with pytest.raises(ValidationError) as info:
        services.stemming_vastleggen(
            voorstel=motie,
            aanwezig=raad.leden,
            moeten_onthouden=[raad.leden[3]],
            stemmen=hoofdelijk(raad.leden, 20),
            door=griffier,
        )
    assert "moet zich van deelneming aan de stemming onthouden (Gemeentewet art. 28)" in fouten(info)
    _niets_opgeslagen(motie)


def test_een_lid_dat_twee_keer_stemt_wordt_geweigerd(griffier, raad, motie) -> None:
    dubbel = raad.leden[4]
    stemmen = [*hoofdelijk(raad.leden, 20).items(), (dubbel, TEGEN)]
    with pytest.raises(ValidationError) as info:
        services.stemming_vastleggen(voorstel=motie, aanwezig=raad.leden, stemmen=stemmen, door=griffier)
    assert f"{dubbel.naam} heeft meer dan één keer gestemd; ieder lid heeft één stem." in info.value.messages
    _niets_opgeslagen(motie)


def test_meer_stemmen_dan_leden_wordt_geweigerd(griffier, raad, motie) -> None:
    extra = [(PersoonFactory(), VOOR) for _ in range(3)]
    with pytest.raises(ValidationError) as info:
        services.stemming_vastleggen(
            voorstel=motie,
            aanwezig=raad.leden,
            stemmen=[*hoofdelijk(raad.leden, 20).items(), *extra],
            door=griffier,
        )
    assert "Er zijn 34 stemmen opgegeven, meer dan de 31 leden die zitting hebben." in info.value.messages
    _niets_opgeslagen(motie)


def test_hoofdelijk_moet_ieder_aanwezig_lid_voor_of_tegen_stemmen(griffier, raad, motie) -> None:
    """Art. 32 lid 2: no abstaining for present members."""
    stemmen = hoofdelijk(raad.leden, 20)
    zwijger = raad.leden[30]
    del stemmen[zwijger]
    with pytest.raises(ValidationError) as info:
        services.stemming_vastleggen(voorstel=motie, aanwezig=raad.leden, stemmen=stemmen, door=griffier)
    assert f"{zwijger.naam} is aanwezig maar heeft niet gestemd" in fouten(info)
    _niets_opgeslagen(motie)


def test_aanwezig_maar_niet_op_de_presentielijst_wordt_geweigerd(griffier, raad, motie) -> None:
    """Art. 20: presence is "volgens de presentielijst"."""
    for lid in raad.leden[:30]:
        Aanwezigheid.objects.create(vergadering=motie.vergadering, persoon=lid)
    with pytest.raises(ValidationError) as info:
        services.stemming_vastleggen(
            voorstel=motie, aanwezig=raad.leden, stemmen=hoofdelijk(raad.leden, 20), door=griffier
        )
    assert "staat niet als aanwezig op de presentielijst" in fouten(info)
    # Without `aanwezig` the presentielijst itself is used.
    stemming = services.stemming_vastleggen(
        voorstel=motie, stemmen=hoofdelijk(raad.leden[:30], 20), door=griffier
    )
    assert stemming.aanwezig.count() == 30


def test_alle_meldingen_tegelijk(griffier, raad, motie) -> None:
    buitenstaander = PersoonFactory()
    stemmen = [*hoofdelijk(raad.leden, 20).items(), (raad.leden[0], TEGEN), (buitenstaander, VOOR)]
    with pytest.raises(ValidationError) as info:
        services.stemming_vastleggen(voorstel=motie, aanwezig=raad.leden, stemmen=stemmen, door=griffier)
    assert len(info.value.messages) == 3  # 33 votes, one member twice, one without a seat


# -- volgorde: amendementen vóór het voorstel ------------------------------------------------------


def test_voorstel_niet_voor_zijn_amendement_en_geamendeerd_aangenomen(griffier, raad, punt) -> None:
    """Reglement van orde: amendementen are voted before the proposal they amend; an adopted amendement
    makes the besluit "geamendeerd aangenomen"."""
    raadsvoorstel = indienen(griffier, raad, punt, soort=Voorstel.Soort.VOORSTEL)
    amendement = indienen(griffier, raad, punt, soort=Voorstel.Soort.AMENDEMENT, wijzigt=raadsvoorstel)
    sub = indienen(griffier, raad, punt, soort=Voorstel.Soort.SUBAMENDEMENT, wijzigt=amendement)
    stemmen = hoofdelijk(raad.leden, 20)
    with pytest.raises(ValidationError) as info:
        services.stemming_vastleggen(
            voorstel=raadsvoorstel, aanwezig=raad.leden, stemmen=stemmen, door=griffier
        )
    assert "Eerst wordt gestemd over amendement" in fouten(info)
    with pytest.raises(ValidationError, match="Eerst wordt gestemd over subamendement"):
        services.stemming_vastleggen(voorstel=amendement, aanwezig=raad.leden, stemmen=stemmen, door=griffier)
    services.stemming_vastleggen(
        voorstel=sub, aanwezig=raad.leden, stemmen=hoofdelijk(raad.leden, 3), door=griffier
    )
    services.stemming_vastleggen(voorstel=amendement, aanwezig=raad.leden, stemmen=stemmen, door=griffier)
    stemming = services.stemming_vastleggen(
        voorstel=raadsvoorstel, aanwezig=raad.leden, stemmen=stemmen, door=griffier
    )
    besluit = Besluit.objects.get(stemming=stemming)
    assert besluit.resultaat == Besluit.Resultaat.GEAMENDEERD_AANGENOMEN
    assert besluit.agendapunt == punt


# -- hamerstuk, stemverklaring, college, personen --------------------------------------------------


def test_hamerstuk_aangenomen_zonder_stemming_met_aantekening(griffier, raad, punt) -> None:
    """Art. 32 lid 3: adopted without a vote when nobody asks for one."""
    raadsvoorstel = indienen(griffier, raad, punt, soort=Voorstel.Soort.VOORSTEL)
    stemming = services.hamerstuk_afhameren(
        agendapunt=punt, aanwezig=raad.leden, tegen_aangetekend=[raad.leden[30]], door=griffier
    )
    assert stemming.uitkomst == Stemming.Uitkomst.AANGENOMEN_ZONDER_STEMMING
    assert list(stemming.tegen_aangetekend.all()) == [raad.leden[30]]
    assert "hamerstuk, Gemeentewet art. 32 lid 3" in stemming.samenvatting
    besluit = Besluit.objects.get(agendapunt=punt)
    assert besluit.resultaat == Besluit.Resultaat.AANGENOMEN_ZONDER_STEMMING
    raadsvoorstel.refresh_from_db()
    assert raadsvoorstel.status == Voorstel.Status.AANGENOMEN
    with pytest.raises(ValidationError, match="al een besluit genomen"):
        services.hamerstuk_afhameren(agendapunt=punt, aanwezig=raad.leden, door=griffier)


def test_hamerstuk_aantekening_van_een_afwezige_wordt_geweigerd(griffier, raad, punt) -> None:
    with pytest.raises(ValidationError, match="niet aanwezig"):
        services.hamerstuk_afhameren(
            agendapunt=punt, aanwezig=raad.leden[:30], tegen_aangetekend=[raad.leden[30]], door=griffier
        )
    assert not Besluit.objects.exists()


def test_stemverklaring_met_fractie_en_alleen_van_aanwezigen(griffier, raad, motie) -> None:
    aanwezig = raad.leden[:30]
    stemming = services.stemming_vastleggen(
        voorstel=motie, aanwezig=aanwezig, stemmen=hoofdelijk(aanwezig, 20), door=griffier
    )
    verklaring = services.stemverklaring_vastleggen(
        stemming=stemming, persoon=raad.leden[0], tekst="Wij stemmen voor, met pijn.", door=griffier
    )
    assert verklaring.fractie == raad.fractie_van[raad.leden[0].pk]
    with pytest.raises(ValidationError, match="niet aanwezig"):
        services.stemverklaring_vastleggen(
            stemming=stemming, persoon=raad.leden[30], tekst="Tegen.", door=griffier
        )


def test_college_staking_dan_herstemming_en_de_voorzitter_beslist(griffier) -> None:
    """Art. 59: a tie in the college means a new vote; a tie again is decided by the chair's vote."""
    college, leden, _burgemeester = collegeleden(4)
    punt = agendapunt_van(VergaderingFactory(orgaan=college, begin=VERGADERDAG))
    stemmen = {leden[0]: VOOR, leden[1]: VOOR, leden[2]: TEGEN, leden[3]: TEGEN}
    eerste = services.stemming_vastleggen(agendapunt=punt, aanwezig=leden, stemmen=stemmen, door=griffier)
    assert eerste.uitkomst == Stemming.Uitkomst.OPNIEUW_STEMMEN
    assert not Besluit.objects.exists()
    tweede = services.stemming_vastleggen(agendapunt=punt, aanwezig=leden, stemmen=stemmen, door=griffier)
    assert tweede.uitkomst == Stemming.Uitkomst.AANGENOMEN  # the burgemeester voted voor
    assert "art. 59 lid 2" in tweede.samenvatting
    assert Besluit.objects.get(stemming=tweede).resultaat == Besluit.Resultaat.AANGENOMEN


def test_stemming_over_personen_is_geheim_en_het_lot_wordt_vastgelegd(griffier, raad, punt) -> None:
    """Art. 31: secret ballots; a tie between two after a herstemming is decided by the lot."""
    gelijk = Stembriefjes({"A. Jansen": 15, "B. de Vries": 15}, blanco=1)
    stemming = services.stemming_over_personen_vastleggen(
        agendapunt=punt,
        aanwezig=raad.leden,
        voordracht=["A. Jansen", "B. de Vries"],
        rondes=[gelijk],
        door=griffier,
    )
    assert stemming.uitkomst == Stemming.Uitkomst.VOLGENDE_RONDE
    stemming = services.stemming_over_personen_vastleggen(
        agendapunt=punt,
        aanwezig=raad.leden,
        voordracht=["A. Jansen", "B. de Vries"],
        rondes=[gelijk, gelijk],
        lot=["B. de Vries"],
        door=griffier,
    )
    assert Stemming.objects.filter(over_personen=True).count() == 1  # the open record was updated
    assert stemming.uitkomst == Stemming.Uitkomst.GEKOZEN
    assert stemming.type == Stemming.Type.SCHRIFTELIJK
    assert any("Het lot tussen A. Jansen en B. de Vries wijst B. de Vries aan" in r for r in stemming.uitleg)
    assert not Stem.objects.filter(stemming=stemming).exists()  # never who voted for whom
    assert "B. de Vries" in Besluit.objects.get(stemming=stemming).toelichting


# -- eigenschappen (hypothesis) --------------------------------------------------------------------

DB_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _kleine_raad(door):
    raad = raad_met_leden((3, 2, 2, 1))
    return raad, agendapunt_van(vergadering_van(raad))


def _stemmen(door, raad, punt, keuzes: list[str], aanwezig_aantal: int, volgorde: random.Random | None):
    motie = indienen(door, raad, punt)
    aanwezig = raad.leden[:aanwezig_aantal]
    stemmen = list(zip(aanwezig, keuzes, strict=False))
    if volgorde is not None:
        volgorde.shuffle(stemmen)
    return services.stemming_vastleggen(voorstel=motie, aanwezig=aanwezig, stemmen=stemmen, door=door)


@DB_SETTINGS
@given(
    keuzes=st.lists(st.sampled_from([VOOR, TEGEN]), min_size=8, max_size=8),
    aanwezig=st.integers(min_value=5, max_value=8),
    zaad=st.integers(),
)
def test_volgorde_van_dezelfde_stemmen_verandert_de_uitkomst_niet(griffier, keuzes, aanwezig, zaad) -> None:
    with transaction.atomic():
        raad, punt = _kleine_raad(griffier)
        uitkomsten = []
        for volgorde in (None, random.Random(zaad)):  # noqa: S311 - a shuffle, not a secret
            stemming = _stemmen(griffier, raad, punt, keuzes, aanwezig, volgorde)
            uitkomsten.append(
                (
                    stemming.uitkomst,
                    stemming.aantal_voor,
                    stemming.aantal_tegen,
                    stemming.aantal_afwezig,
                    stemming.uitleg,
                    sorted(stemming.stemmen.values_list("persoon_id", "keuze")),
                    sorted(
                        stemming.fractieresultaten.values_list("fractie_id", "resultaat", "voor", "tegen")
                    ),
                )
            )
        transaction.set_rollback(True)
    assert uitkomsten[0] == uitkomsten[1]


@DB_SETTINGS
@given(
    keuzes=st.lists(st.sampled_from([VOOR, TEGEN]), min_size=8, max_size=8),
    aanwezig=st.integers(min_value=5, max_value=8),
)
def test_staking_is_nooit_aangenomen_en_fracties_kloppen_met_de_stemmen(griffier, keuzes, aanwezig) -> None:
    with transaction.atomic():
        raad, punt = _kleine_raad(griffier)
        stemming = _stemmen(griffier, raad, punt, keuzes, aanwezig, None)
        if stemming.aantal_voor == stemming.aantal_tegen:
            assert stemming.uitkomst != Stemming.Uitkomst.AANGENOMEN
            assert stemming.uitkomst in (Stemming.Uitkomst.UITGESTELD, Stemming.Uitkomst.VERWORPEN)
        stemmen = list(Stem.objects.filter(stemming=stemming))
        assert stemming.aantal_voor == sum(s.keuze == VOOR for s in stemmen)
        assert stemming.aantal_tegen == sum(s.keuze == TEGEN for s in stemmen)
        for resultaat in stemming.fractieresultaten.all():
            eigen = [s.keuze for s in stemmen if s.fractie_id == resultaat.fractie_id]
            assert (resultaat.voor, resultaat.tegen) == (eigen.count(VOOR), eigen.count(TEGEN))
            verwacht = (
                "verdeeld"
                if resultaat.voor and resultaat.tegen
                else "aangenomen"
                if resultaat.voor
                else "verworpen"
            )
            assert resultaat.resultaat == verwacht
        zonder_stem = {
            f.pk
            for f in raad.fracties
            if not any(s.fractie_id == f.pk and s.keuze in (VOOR, TEGEN) for s in stemmen)
        }
        assert zonder_stem.isdisjoint({r.fractie_id for r in stemming.fractieresultaten.all()})
        transaction.set_rollback(True)


# -- art. 20 lid 2-3 en art. 29 lid 2 --------------------------------------------------------------


def test_vervolgvergadering_zonder_quorum_beslist_niet_over_nieuwe_punten(griffier, raad, punt) -> None:
    """Art. 20 lid 3: in the meeting called after one that could not open, other items need a quorum."""
    vervolg = VergaderingFactory(orgaan=raad.orgaan, begin=VERGADERDAG, vervolg_van=punt.vergadering)
    nieuw_punt = agendapunt_van(vervolg)
    motie = indienen(griffier, raad, nieuw_punt)
    aanwezig = raad.leden[:10]
    stemming = services.stemming_vastleggen(
        voorstel=motie, aanwezig=aanwezig, stemmen=hoofdelijk(aanwezig, 8), door=griffier
    )
    assert stemming.uitkomst == Stemming.Uitkomst.GEEN_QUORUM
    assert "art. 20 lid 3" in stemming.samenvatting
    assert not Besluit.objects.exists()


def test_vervolgvergadering_beslist_over_de_oude_punten_zonder_quorum(griffier, raad, punt) -> None:
    """Art. 20 lid 3 and art. 29 lid 2 onder b: the failed meeting's own items need neither quorum nor
    participation of more than half."""
    vervolg = VergaderingFactory(orgaan=raad.orgaan, begin=VERGADERDAG, vervolg_van=punt.vergadering)
    oud_punt = agendapunt_van(vervolg)
    oud_punt.uit_niet_geopende_vergadering = True
    oud_punt.save()
    motie = indienen(griffier, raad, oud_punt)
    aanwezig = raad.leden[:10]
    stemming = services.stemming_vastleggen(
        voorstel=motie, aanwezig=aanwezig, stemmen=hoofdelijk(aanwezig, 8), door=griffier
    )
    assert stemming.uitkomst == Stemming.Uitkomst.AANGENOMEN
    assert any("art. 29 lid 2 onder b" in regel for regel in stemming.uitleg)


def test_na_ongeldige_stemming_geen_minimum_in_een_volgende_vergadering(griffier, raad, punt) -> None:
    """Art. 29 lid 2 onder a: a new vote on the same subject in a later meeting needs no minimum."""
    motie = indienen(griffier, raad, punt)
    aanwezig = raad.leden[:12]
    eerste = services.stemming_vastleggen(
        voorstel=motie, aanwezig=aanwezig, stemmen=hoofdelijk(aanwezig, 8), door=griffier
    )
    assert eerste.uitkomst == Stemming.Uitkomst.ONGELDIG
    volgend_punt = agendapunt_van(vergadering_van(raad, dagen_later=14))
    tweede = services.stemming_vastleggen(
        voorstel=motie,
        agendapunt=volgend_punt,
        aanwezig=aanwezig,
        stemmen=hoofdelijk(aanwezig, 8),
        door=griffier,
    )
    assert tweede.uitkomst == Stemming.Uitkomst.AANGENOMEN
    assert any("art. 29 lid 2 onder a" in regel for regel in tweede.uitleg)


def test_hamerstuk_met_aanhangig_amendement_wordt_geweigerd(griffier, raad, punt) -> None:
    raadsvoorstel = indienen(griffier, raad, punt, soort=Voorstel.Soort.VOORSTEL)
    indienen(griffier, raad, punt, soort=Voorstel.Soort.AMENDEMENT, wijzigt=raadsvoorstel)
    with pytest.raises(ValidationError, match="Eerst wordt gestemd over amendement"):
        services.hamerstuk_afhameren(agendapunt=punt, aanwezig=raad.leden, door=griffier)
    assert not Stemming.objects.exists()


def test_geen_stemming_in_een_niet_geopende_vergadering(griffier, raad, motie) -> None:
    """Art. 20 lid 1: a meeting without quorum does not open, so nothing is voted."""
    motie.vergadering.geopend = False
    motie.vergadering.save()
    with pytest.raises(ValidationError, match="niet geopend"):
        services.stemming_vastleggen(
            voorstel=motie, aanwezig=raad.leden, stemmen=hoofdelijk(raad.leden, 20), door=griffier
        )
