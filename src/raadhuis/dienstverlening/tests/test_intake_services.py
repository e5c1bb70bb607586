"""The intake services: every product's rules on its steps, save and resume, ownership, the level of
assurance and the assisted channel (services/intake.py, regels.py)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit
from raadhuis.dienstverlening.models import Aanvraag, Ceremonie, Kanaal, Trouwlocatie, Zaak, Zaakbericht
from raadhuis.dienstverlening.selectors.afspraken import vrije_ceremoniemomenten
from raadhuis.dienstverlening.selectors.intake import AGENDA, aanvraag_van, open_aanvragen, samenvatting
from raadhuis.dienstverlening.services import intake
from raadhuis.dienstverlening.services.afspraken import ceremonie_reserveren, trouwlocatie_aanmaken
from raadhuis.dienstverlening.services.zaken import Initiator
from raadhuis.dienstverlening.tests import factories

pytestmark = pytest.mark.django_db

VANDAAG = date(2026, 11, 30)  # a Monday


def _iso(d: date) -> str:
    return d.isoformat()


CONTACT = {"naam": "J. Jansen", "emailadres": "j.jansen@example.org", "telefoonnummer": "0612345678"}
ADRES = {"postcode": "1234ab", "huisnummer": "12", "straat": "Dorpsstraat", "woonplaats": "Castricum"}


def _alle_stappen(
    aanvraag: Aanvraag, door: Any, antwoorden: dict[str, dict[str, Any]], **kw: Any
) -> Aanvraag:
    for stap, data in antwoorden.items():
        aanvraag = intake.stap_opslaan(
            aanvraag=aanvraag, stap=stap, data=data, door=door, agenda=AGENDA, **kw
        )
    return aanvraag


def _verhuizing(verhuisdatum: date) -> dict[str, dict[str, Any]]:
    return {
        "verhuizing": {"verhuisdatum": _iso(verhuisdatum), "herkomst": "binnen"},
        "adres": ADRES,
        "meeverhuizers": {"meeverhuizers": ""},
        "contact": CONTACT,
    }


# --- verhuizing: Wet BRP art. 2.39 ----------------------------------------------------------------------


def test_verhuizing_digitaal_wordt_een_zaak_met_bevestigingsmail() -> None:
    product = factories.product("verhuizing-doorgeven")
    inwoner = factories.inwoner()
    aanvraag = intake.aanvraag_starten(product=product, door=inwoner, taal="en")
    assert aanvraag.stap == "verhuizing"
    assert intake.voorinvulling(aanvraag)["naam"] == "J. Jansen"

    aanvraag = _alle_stappen(aanvraag, inwoner, _verhuizing(VANDAAG + timedelta(days=10)), vandaag=VANDAAG)
    assert aanvraag.stap == intake.SAMENVATTING
    zaak = intake.aanvraag_indienen(aanvraag=aanvraag, door=inwoner, taal="en", vandaag=VANDAAG)

    aanvraag.refresh_from_db()
    assert aanvraag.zaak == zaak
    assert zaak.kanaal == Kanaal.DIGITAAL
    assert zaak.geregistreerd_door is None
    assert zaak.initiator_bsn == factories.BSN_INWONER
    assert zaak.product == product
    assert zaak.taal == "en"
    assert zaak.gegevens["postcode"] == "1234 AB"
    assert zaak.gegevens["ingangsdatum_brp"] == _iso(VANDAAG + timedelta(days=10))
    assert zaak.gegevens["formulier"] == "verhuizing"
    assert "Verhuizing per" in zaak.omschrijving
    mail = Zaakbericht.objects.get(zaak=zaak)
    assert mail.aan == "j.jansen@example.org"
    assert zaak.identificatie in mail.onderwerp
    # Submitting twice (a double click) gives the same case.
    assert intake.aanvraag_indienen(aanvraag=aanvraag, door=inwoner, vandaag=VANDAAG) == zaak
    assert Zaak.objects.count() == 1


def test_wet_brp_art_2_39_verhuizing_meer_dan_4_weken_vooraf_geweigerd_zonder_opslaan() -> None:
    inwoner = factories.inwoner()
    aanvraag = intake.aanvraag_starten(product=factories.product(), door=inwoner)
    with pytest.raises(ValidationError) as fout:
        intake.stap_opslaan(
            aanvraag=aanvraag,
            stap="verhuizing",
            data={"verhuisdatum": _iso(VANDAAG + timedelta(days=29)), "herkomst": "binnen"},
            door=inwoner,
            vandaag=VANDAAG,
        )
    assert "Wet BRP art. 2.39" in fout.value.message_dict["verhuisdatum"][0]
    aanvraag.refresh_from_db()
    assert intake.opgeslagen_antwoorden(aanvraag) == {}
    assert Zaak.objects.count() == 0


def test_wet_brp_art_2_39_te_laat_gemeld_telt_de_meldingsdatum_als_verhuisdatum() -> None:
    inwoner = factories.inwoner()
    aanvraag = intake.aanvraag_starten(product=factories.product(), door=inwoner)
    aanvraag = _alle_stappen(aanvraag, inwoner, _verhuizing(VANDAAG - timedelta(days=9)), vandaag=VANDAAG)
    zaak = intake.aanvraag_indienen(aanvraag=aanvraag, door=inwoner, vandaag=VANDAAG)
    assert zaak.gegevens["ingangsdatum_brp"] == _iso(VANDAAG)
    assert zaak.gegevens["te_laat_gemeld"] is True


def test_wet_brp_art_2_39_alle_regels_opnieuw_bij_indienen() -> None:
    """Saved inside the window, submitted when it has passed (the draft waited): refused, no case."""
    inwoner = factories.inwoner()
    aanvraag = intake.aanvraag_starten(product=factories.product(), door=inwoner)
    aanvraag = _alle_stappen(aanvraag, inwoner, _verhuizing(VANDAAG + timedelta(days=28)), vandaag=VANDAAG)
    with pytest.raises(ValidationError) as fout:
        intake.aanvraag_indienen(aanvraag=aanvraag, door=inwoner, vandaag=VANDAAG - timedelta(days=1))
    assert "Wet BRP art. 2.39" in fout.value.message_dict["verhuizing"][0]
    assert Zaak.objects.count() == 0
    aanvraag.refresh_from_db()
    assert aanvraag.zaak is None


def test_adres_inwonen_vraagt_toestemming_hoofdbewoner() -> None:
    inwoner = factories.inwoner()
    aanvraag = intake.aanvraag_starten(product=factories.product(), door=inwoner)
    intake.stap_opslaan(
        aanvraag=aanvraag,
        stap="verhuizing",
        data={"verhuisdatum": _iso(VANDAAG), "herkomst": "binnen"},
        door=inwoner,
        vandaag=VANDAAG,
    )
    with pytest.raises(ValidationError) as fout:
        intake.stap_opslaan(aanvraag=aanvraag, stap="adres", data={**ADRES, "inwonen": "on"}, door=inwoner)
    assert set(fout.value.message_dict) == {"hoofdbewoner", "toestemming_hoofdbewoner"}
    with pytest.raises(ValidationError) as fout:
        intake.stap_opslaan(
            aanvraag=aanvraag, stap="adres", data={**ADRES, "postcode": "12345"}, door=inwoner
        )
    assert fout.value.message_dict["postcode"] == ["Vul een postcode in als 1234 AB."]


def test_online_is_een_e_mailadres_nodig_voor_de_bevestiging() -> None:
    inwoner = factories.inwoner()
    aanvraag = intake.aanvraag_starten(product=factories.product(), door=inwoner)
    stappen = _verhuizing(VANDAAG)
    stappen["contact"] = {"naam": "J. Jansen", "emailadres": ""}
    with pytest.raises(ValidationError) as fout:
        _alle_stappen(aanvraag, inwoner, stappen, vandaag=VANDAAG)
    assert "emailadres" in fout.value.message_dict


# --- save and resume, step order, ownership, expiry ------------------------------------------------------


def test_opslaan_en_later_verder() -> None:
    inwoner = factories.inwoner()
    product = factories.product()
    aanvraag = intake.aanvraag_starten(product=product, door=inwoner)
    intake.stap_opslaan(
        aanvraag=aanvraag,
        stap="verhuizing",
        data={"verhuisdatum": _iso(VANDAAG), "herkomst": "andere_gemeente"},
        door=inwoner,
        vandaag=VANDAAG,
    )
    # Later, in a new session: the draft is found again with its answers and the next step.
    hervat = open_aanvragen(factories.inwoner(), product=product).get()
    assert hervat.pk == aanvraag.pk
    assert hervat.stap == "adres"
    assert intake.getypeerde_antwoorden(hervat)["verhuisdatum"] == VANDAAG
    assert intake.eerste_open_stap(hervat) == "adres"
    regels = samenvatting(hervat)[0].regels
    assert ("Verhuisdatum", "30 november 2026") in regels
    assert ("Waar woont u nu?", "In een andere gemeente in Nederland") in regels


def test_een_latere_stap_kan_niet_voor_de_eerdere() -> None:
    inwoner = factories.inwoner()
    aanvraag = intake.aanvraag_starten(product=factories.product(), door=inwoner)
    with pytest.raises(ValidationError):
        intake.stap_opslaan(aanvraag=aanvraag, stap="adres", data=ADRES, door=inwoner)
    with pytest.raises(ValidationError):
        intake.stap_opslaan(aanvraag=aanvraag, stap="bestaat-niet", data={}, door=inwoner)


def test_een_ander_kan_uw_aanvraag_niet_openen_of_wijzigen() -> None:
    eigenaar = factories.inwoner()
    ander = factories.inwoner(bsn=factories.BSN_ANDER)
    aanvraag = intake.aanvraag_starten(product=factories.product(), door=eigenaar)
    assert aanvraag_van(id=aanvraag.pk, door=eigenaar) == aanvraag
    assert aanvraag_van(id=aanvraag.pk, door=ander) is None
    assert not open_aanvragen(ander).exists()
    with pytest.raises(PermissionDenied):
        intake.stap_opslaan(
            aanvraag=aanvraag,
            stap="verhuizing",
            data={"verhuisdatum": _iso(VANDAAG), "herkomst": "binnen"},
            door=ander,
            vandaag=VANDAAG,
        )
    # An employee who did not enter it cannot reach it either.
    medewerker = factories.medewerker(Rol.KCC_MEDEWERKER)
    assert aanvraag_van(id=aanvraag.pk, door=medewerker) is None


def test_een_aanvraag_ouder_dan_30_dagen_is_niet_meer_te_hervatten() -> None:
    inwoner = factories.inwoner()
    aanvraag = intake.aanvraag_starten(product=factories.product(), door=inwoner)
    Aanvraag.objects.filter(pk=aanvraag.pk).update(bijgewerkt_op=timezone.now() - timedelta(days=31))
    aanvraag.refresh_from_db()
    assert intake.is_verlopen(aanvraag)
    assert not open_aanvragen(inwoner).exists()
    with pytest.raises(ValidationError) as fout:
        intake.stap_opslaan(
            aanvraag=aanvraag,
            stap="verhuizing",
            data={"verhuisdatum": _iso(VANDAAG), "herkomst": "binnen"},
            door=inwoner,
            vandaag=VANDAAG,
        )
    assert "30 dagen" in fout.value.messages[0]


# --- level of assurance and audience -------------------------------------------------------------------


def test_te_laag_betrouwbaarheidsniveau_wordt_geweigerd() -> None:
    with pytest.raises(PermissionDenied):
        intake.aanvraag_starten(
            product=factories.product(), door=factories.inwoner(niveau=Betrouwbaarheidsniveau.LAAG)
        )
    assert not Aanvraag.objects.exists()


def test_ondernemer_kan_geen_inwonerproduct_aanvragen_en_balieproduct_niet_online() -> None:
    with pytest.raises(PermissionDenied):
        intake.aanvraag_starten(product=factories.product(), door=factories.ondernemer())
    with pytest.raises(ValidationError):
        intake.aanvraag_starten(product=factories.product("paspoort"), door=factories.inwoner())


# --- overlijden: BW 1 art. 19h ---------------------------------------------------------------------------


def _overlijden(overleden: date, uitvaart: date, *, hier: bool = True, tijd: str = "10:00") -> dict[str, Any]:
    return {
        "overledene": {
            "overledene_naam": "P. de Vries",
            "overledene_bsn": factories.BSN_ANDER,
            "overledene_geboortedatum": "1940-02-03",
        },
        "overlijden": {
            "overleden_datum": _iso(overleden),
            "overleden_tijd": "08:00",
            "in_deze_gemeente": "on" if hier else "",
            "plaats": "Verpleeghuis De Linde",
            "a_verklaring": "on",
        },
        "uitvaart": {
            "soort_uitvaart": "cremeren",
            "uitvaart_datum": _iso(uitvaart),
            "uitvaart_tijd": tijd,
            "uitvaart_plaats": "Crematorium Westerveld",
        },
        "contact": {**CONTACT, "naam": "M. Smit"},
    }


def test_aangifte_overlijden_door_uitvaartondernemer_met_eherkenning() -> None:
    ondernemer = factories.ondernemer()
    aanvraag = intake.aanvraag_starten(product=factories.product("aangifte-overlijden"), door=ondernemer)
    aanvraag = _alle_stappen(
        aanvraag, ondernemer, _overlijden(VANDAAG, VANDAAG + timedelta(days=3)), vandaag=VANDAAG
    )
    zaak = intake.aanvraag_indienen(aanvraag=aanvraag, door=ondernemer, vandaag=VANDAAG)
    assert zaak.initiator_kvk == factories.KVK_ONDERNEMER
    assert zaak.initiator_bsn == ""
    assert zaak.gegevens["uiterste_uitvaartdatum"] == "2026-12-08"
    rol = zaak.rollen.get()
    assert rol.naam == "Uitvaartzorg De Linde"
    assert rol.contactpersoon == "M. Smit"


def test_bw1_art_19h_aangifte_alleen_in_de_gemeente_van_overlijden() -> None:
    ondernemer = factories.ondernemer()
    aanvraag = intake.aanvraag_starten(product=factories.product("aangifte-overlijden"), door=ondernemer)
    stappen = _overlijden(VANDAAG, VANDAAG + timedelta(days=3), hier=False)
    with pytest.raises(ValidationError) as fout:
        _alle_stappen(aanvraag, ondernemer, stappen, vandaag=VANDAAG)
    assert "art. 19h" in fout.value.message_dict["in_deze_gemeente"][0]


def test_bw1_art_19h_uitvaart_niet_binnen_36_uur_en_niet_na_de_zesde_werkdag() -> None:
    ondernemer = factories.ondernemer()
    product = factories.product("aangifte-overlijden")
    aanvraag = intake.aanvraag_starten(product=product, door=ondernemer)
    te_vroeg = _overlijden(VANDAAG, VANDAAG + timedelta(days=1), tijd="19:59")
    with pytest.raises(ValidationError) as fout:
        _alle_stappen(aanvraag, ondernemer, te_vroeg, vandaag=VANDAAG)
    assert "36 uur" in fout.value.message_dict["uitvaart_datum"][0]

    aanvraag = intake.aanvraag_starten(product=product, door=ondernemer)
    te_laat = _overlijden(VANDAAG, date(2026, 12, 9))  # the 6th working day is Tuesday 8 December
    with pytest.raises(ValidationError) as fout:
        _alle_stappen(aanvraag, ondernemer, te_laat, vandaag=VANDAAG)
    assert "zesde werkdag" in fout.value.message_dict["uitvaart_datum"][0]


def test_bw1_art_19h_aangifte_na_de_zesde_werkdag_geweigerd() -> None:
    ondernemer = factories.ondernemer()
    aanvraag = intake.aanvraag_starten(product=factories.product("aangifte-overlijden"), door=ondernemer)
    stappen = _overlijden(VANDAAG - timedelta(days=14), VANDAAG + timedelta(days=1))
    with pytest.raises(ValidationError) as fout:
        _alle_stappen(aanvraag, ondernemer, stappen, vandaag=VANDAAG)
    assert "overleden_datum" in fout.value.message_dict


# --- huwelijk: BW 1 art. 44, 31, 63, with the ceremony reserved through services.afspraken ---------------


@pytest.fixture
def trouwlocatie() -> Trouwlocatie:
    return trouwlocatie_aanmaken(
        naam="Raadzaal",
        slug="raadzaal",
        adres="Raadhuisplein 1",
        door=factories.beheerder(),
        momenten=[(weekdag, time(11, 0)) for weekdag in range(7)],
    )


def _moment(trouwlocatie: Trouwlocatie, dagen: int = 60) -> datetime:
    van = timezone.localdate() + timedelta(days=dagen)
    return vrije_ceremoniemomenten(trouwlocatie=trouwlocatie, van=van, tot=van + timedelta(days=10))[0]


def _huwelijk(
    trouwlocatie: Trouwlocatie,
    *,
    dagen: int = 60,
    partner_2: str = "1990-05-05",
    getuige_2: str = "1980-01-01",
) -> dict[str, Any]:
    gewenst = timezone.localdate() + timedelta(days=dagen)
    stappen: dict[str, Any] = {
        "soort": {"soort": "huwelijk"},
        "ceremonie": {"trouwlocatie": str(trouwlocatie.pk), "gewenste_datum": _iso(gewenst)},
    }
    if 14 <= dagen <= 365:
        stappen["moment"] = {"ceremonie_start": _moment(trouwlocatie, dagen).isoformat()}
    stappen |= {
        "partners": {
            "partner_1_naam": "J. Jansen",
            "partner_1_geboortedatum": "1991-01-01",
            "partner_2_naam": "K. de Boer",
            "partner_2_geboortedatum": partner_2,
            "ongehuwd": "on",
            "geen_familie": "on",
        },
        "getuigen": {
            "getuige_1_naam": "A",
            "getuige_1_geboortedatum": "1970-01-01",
            "getuige_2_naam": "B",
            "getuige_2_geboortedatum": getuige_2,
        },
        "contact": CONTACT,
    }
    return stappen


def test_huwelijk_melden_wordt_een_zaak_met_gereserveerde_ceremonie(trouwlocatie: Trouwlocatie) -> None:
    inwoner = factories.inwoner()
    aanvraag = intake.aanvraag_starten(product=factories.product("huwelijk-melden"), door=inwoner)
    assert intake.voorinvulling(aanvraag)["partner_1_naam"] == "J. Jansen"
    aanvraag = _alle_stappen(aanvraag, inwoner, _huwelijk(trouwlocatie))
    zaak = intake.aanvraag_indienen(aanvraag=aanvraag, door=inwoner, agenda=AGENDA)
    assert zaak.gegevens["aantal_getuigen"] == 2
    assert zaak.gegevens["trouwlocatie_naam"] == "Raadzaal"
    assert zaak.omschrijving.startswith("Melding voorgenomen huwelijk op")
    ceremonie = Ceremonie.objects.get()
    assert ceremonie.zaak == zaak
    assert ceremonie.partner_2 == "K. de Boer"


def test_bw1_art_44_ceremonie_binnen_2_weken_geweigerd(trouwlocatie: Trouwlocatie) -> None:
    inwoner = factories.inwoner()
    aanvraag = intake.aanvraag_starten(product=factories.product("huwelijk-melden"), door=inwoner)
    with pytest.raises(ValidationError) as fout:
        _alle_stappen(aanvraag, inwoner, _huwelijk(trouwlocatie, dagen=13))
    assert "art. 44" in fout.value.message_dict["gewenste_datum"][0]
    assert "ten minste 2 weken" in fout.value.message_dict["gewenste_datum"][0]


def test_bw1_art_44_ceremonie_meer_dan_1_jaar_later_geweigerd(trouwlocatie: Trouwlocatie) -> None:
    inwoner = factories.inwoner()
    aanvraag = intake.aanvraag_starten(product=factories.product("huwelijk-melden"), door=inwoner)
    with pytest.raises(ValidationError) as fout:
        _alle_stappen(aanvraag, inwoner, _huwelijk(trouwlocatie, dagen=367))
    assert "ten hoogste 1 jaar" in fout.value.message_dict["gewenste_datum"][0]


def test_bw1_art_31_en_63_partner_en_getuigen_meerderjarig(trouwlocatie: Trouwlocatie) -> None:
    inwoner = factories.inwoner()
    product = factories.product("huwelijk-melden")
    aanvraag = intake.aanvraag_starten(product=product, door=inwoner)
    with pytest.raises(ValidationError) as fout:
        _alle_stappen(aanvraag, inwoner, _huwelijk(trouwlocatie, partner_2="2012-01-01"))
    assert "art. 31" in fout.value.message_dict["partner_2_geboortedatum"][0]

    aanvraag = intake.aanvraag_starten(product=product, door=inwoner)
    with pytest.raises(ValidationError) as fout:
        _alle_stappen(aanvraag, inwoner, _huwelijk(trouwlocatie, getuige_2="2012-01-01"))
    assert "art. 63" in fout.value.message_dict["getuigen"][0]

    aanvraag = intake.aanvraag_starten(product=product, door=inwoner)
    stappen = _huwelijk(trouwlocatie)
    stappen["getuigen"] = {"getuige_1_naam": "A", "getuige_1_geboortedatum": "1970-01-01"}
    with pytest.raises(ValidationError) as fout:
        _alle_stappen(aanvraag, inwoner, stappen)
    assert "getuige_2_naam" in fout.value.message_dict


def test_moment_intussen_gereserveerd_geeft_geen_zaak(trouwlocatie: Trouwlocatie) -> None:
    inwoner = factories.inwoner()
    aanvraag = intake.aanvraag_starten(product=factories.product("huwelijk-melden"), door=inwoner)
    aanvraag = _alle_stappen(aanvraag, inwoner, _huwelijk(trouwlocatie))
    # Someone else takes the same moment at the desk before this couple submits.
    ceremonie_reserveren(
        trouwlocatie=trouwlocatie,
        start=_moment(trouwlocatie),
        partner_1="X",
        partner_2="Y",
        zaak=None,
        door=factories.medewerker(Rol.KCC_MEDEWERKER),
    )
    with pytest.raises(ValidationError) as fout:
        intake.aanvraag_indienen(aanvraag=aanvraag, door=inwoner, agenda=AGENDA)
    assert "moment" in fout.value.message_dict
    assert not Zaak.objects.exists()
    assert Ceremonie.objects.count() == 1


# --- the assisted channel (balie, telefoon, schriftelijk) -------------------------------------------------


def _aanvrager(**velden: str) -> Initiator:
    return Initiator(bsn=factories.BSN_INWONER, naam="J. Jansen", emailadres="j.jansen@example.org", **velden)


def test_telefonische_vraag_wordt_vastgelegd_met_kanaal_en_medewerker() -> None:
    medewerker = factories.medewerker(Rol.KCC_MEDEWERKER)
    aanvraag = intake.aanvraag_starten(
        product=factories.product("vraag-stellen"),
        door=medewerker,
        kanaal=Kanaal.TELEFOON,
        initiator=_aanvrager(),
    )
    assert aanvraag.medewerker == medewerker
    assert aanvraag.bsn == factories.BSN_INWONER
    aanvraag = _alle_stappen(
        aanvraag,
        medewerker,
        {
            "vraag": {"onderwerp": "Afvalpas kwijt", "vraag": "Hoe krijg ik een nieuwe?"},
            "contact": {"naam": "J. Jansen"},
        },
    )
    zaak = intake.aanvraag_indienen(aanvraag=aanvraag, door=medewerker)
    assert zaak.kanaal == Kanaal.TELEFOON
    assert zaak.geregistreerd_door == medewerker
    assert zaak.initiator_bsn == factories.BSN_INWONER
    assert zaak.omschrijving == "Afvalpas kwijt"
    # The resident cannot reach the employee's draft, even with their own BSN.
    assert aanvraag_van(id=aanvraag.pk, door=factories.inwoner()) is None


def test_reisdocument_aan_de_balie_paspoortwet_art_26_toestemming_voor_kind() -> None:
    medewerker = factories.medewerker(Rol.KCC_MEDEWERKER)
    aanvraag = intake.aanvraag_starten(
        product=factories.product("paspoort"), door=medewerker, kanaal=Kanaal.BALIE, initiator=_aanvrager()
    )
    intake.stap_opslaan(
        aanvraag=aanvraag,
        stap="document",
        data={"document": "paspoort", "houder_naam": "Kees Jansen", "houder_geboortedatum": "2016-04-04"},
        door=medewerker,
        vandaag=VANDAAG,
    )
    with pytest.raises(ValidationError) as fout:
        intake.stap_opslaan(aanvraag=aanvraag, stap="toestemming", data={}, door=medewerker, vandaag=VANDAAG)
    assert "Paspoortwet art. 26" in fout.value.message_dict["toestemming_gezaghouders"][0]
    intake.stap_opslaan(
        aanvraag=aanvraag,
        stap="toestemming",
        data={"toestemming_gezaghouders": "on", "gezaghouder_naam": "J. Jansen"},
        door=medewerker,
        vandaag=VANDAAG,
    )
    intake.stap_opslaan(aanvraag=aanvraag, stap="contact", data={"naam": "J. Jansen"}, door=medewerker)
    zaak = intake.aanvraag_indienen(aanvraag=aanvraag, door=medewerker, vandaag=VANDAAG)
    assert zaak.kanaal == Kanaal.BALIE
    assert zaak.gegevens["geldig_tot"] == "2031-11-30"


def test_wvw_1994_art_107_eerste_rijbewijs_niet_online_wel_aan_de_balie() -> None:
    inwoner = factories.inwoner()
    product = factories.product("rijbewijs")
    data = {"soort": "eerste", "geboortedatum": "2000-01-01"}
    aanvraag = intake.aanvraag_starten(product=product, door=inwoner)
    with pytest.raises(ValidationError) as fout:
        intake.stap_opslaan(aanvraag=aanvraag, stap="rijbewijs", data=data, door=inwoner, vandaag=VANDAAG)
    assert "Wegenverkeerswet 1994 art. 107" in fout.value.message_dict["soort"][0]

    medewerker = factories.medewerker(Rol.KCC_MEDEWERKER)
    balie = intake.aanvraag_starten(
        product=product, door=medewerker, kanaal=Kanaal.BALIE, initiator=_aanvrager()
    )
    intake.stap_opslaan(aanvraag=balie, stap="rijbewijs", data=data, door=medewerker, vandaag=VANDAAG)


@pytest.mark.parametrize(
    ("kanaal", "initiator", "veld"),
    [
        (Kanaal.DIGITAAL, Initiator(bsn=factories.BSN_INWONER), "kanaal"),
        (Kanaal.TELEFOON, Initiator(bsn=factories.BSN_INWONER), "kanaal"),  # paspoort: balie only
        (Kanaal.BALIE, Initiator(), "bsn"),
        (Kanaal.BALIE, Initiator(bsn="123456789"), "bsn"),
        (Kanaal.BALIE, Initiator(kvk_nummer=factories.KVK_ONDERNEMER), "bsn"),
    ],
)
def test_assistentie_weigert_verkeerd_kanaal_of_aanvrager(
    kanaal: str, initiator: Initiator, veld: str
) -> None:
    medewerker = factories.medewerker(Rol.KCC_MEDEWERKER)
    with pytest.raises(ValidationError) as fout:
        intake.aanvraag_starten(
            product=factories.product("paspoort"), door=medewerker, kanaal=kanaal, initiator=initiator
        )
    assert veld in fout.value.message_dict
    assert not Aanvraag.objects.exists()


def test_assistentie_alleen_met_recht_zaak_registreren() -> None:
    controller: Medewerker = factories.medewerker(Rol.CONTROLLER)
    with pytest.raises(PermissionDenied):
        intake.aanvraag_starten(
            product=factories.product("vraag-stellen"),
            door=controller,
            kanaal=Kanaal.BALIE,
            initiator=_aanvrager(),
        )


def test_identiteit_zonder_bsn_bezit_geen_aanvragen() -> None:
    """An empty BSN must never match drafts of others (or of employees, whose bsn field is set)."""
    leeg = Identiteit(soort=factories.inwoner().soort, niveau=Betrouwbaarheidsniveau.HOOG)
    assert not open_aanvragen(leeg).exists()
