"""A business asks after logging in with eHerkenning: the public form offers the login next to
DigiD (both optional, Woo art. 4.1), shows the KvK number from the login and fills in the
organisation, and the request stores `kvk_nummer` — taken from the login only, never from what
was posted. Employees and the API may record a KvK number the business gave (8 digits)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.services import api_token_uitgeven
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort, identiteit_opslaan
from raadhuis.core.models import Logregel
from raadhuis.testidp.testhulp import backchannel_via_testclient, inloggen
from raadhuis.woo.models import Kanaal, Kenmerkreeks, WooVerzoek
from raadhuis.woo.services import verzoeken as services

pytestmark = pytest.mark.django_db

INDIENEN = reverse("woo:verzoek_indienen")
KVK = "69599084"
BSN = "999993653"
ONDERNEMER = Identiteit(
    soort=Soort.ONDERNEMER,
    niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
    kvk_nummer=KVK,
    naam="Bakkerij De Korst B.V.",
    middel="eherkenning",
)


def _medewerker(**velden: Any) -> Medewerker:
    """A MedewerkerFactory employee, narrowed for the type checker."""
    medewerker = MedewerkerFactory(**velden)
    assert isinstance(medewerker, Medewerker)
    return medewerker


def _aanmelden(client: Any, identiteit: Identiteit) -> None:
    sessie = client.session
    identiteit_opslaan(sessie, identiteit)
    sessie.save()


def _publiek(**velden: str) -> dict[str, str]:
    return {
        "onderwerp": "Vergunning terras Markt",
        "omschrijving": "Alle documenten over de terrasvergunningen aan de Markt in 2025.",
        "emailadres": "info@bakkerij.example",
        **velden,
    }


# --- the public form ---------------------------------------------------------------------------------


def test_formulier_biedt_digid_en_eherkenning_aan_maar_vereist_geen_van_beide(client: Any) -> None:
    html = client.get(INDIENEN).content.decode()
    terug = quote(INDIENEN, safe="")
    assert f"/inloggen/digid/?niveau=substantieel&amp;next={terug}" in html
    assert f"/inloggen/eherkenning/?niveau=substantieel&amp;next={terug}" in html
    assert "Inloggen met eHerkenning" in html
    assert "Inloggen is niet nodig" in html
    assert 'name="kvk_nummer"' not in html


def test_ondernemer_ziet_kvk_nummer_en_organisatie_ingevuld(client: Any) -> None:
    _aanmelden(client, ONDERNEMER)
    html = client.get(INDIENEN).content.decode()
    assert f"U bent ingelogd met eHerkenning voor KvK-nummer {KVK}" in html
    # The KvK number is shown in a field that cannot be changed, with its label
    assert 'for="id_kvk_nummer"' in html
    assert f'value="{KVK}"' in html
    assert "disabled" in html
    assert 'value="Bakkerij De Korst B.V."' in html
    # and no login links any more
    assert "/inloggen/eherkenning/" not in html


def test_ondernemer_dient_in_en_het_kvk_nummer_wordt_vastgelegd(client: Any) -> None:
    _aanmelden(client, ONDERNEMER)
    antwoord = client.post(INDIENEN, _publiek(organisatie="Bakkerij De Korst"))
    assert antwoord.status_code == 302
    verzoek = WooVerzoek.objects.get()
    assert verzoek.kvk_nummer == KVK
    assert verzoek.organisatie == "Bakkerij De Korst"
    assert verzoek.bsn == ""
    assert verzoek.kanaal == Kanaal.WEBFORMULIER
    # The registration is logged with the business itself as the actor
    regel = Logregel.objects.get(naam="woo-verzoek.registreren")
    assert regel.door_soort == Logregel.DoorSoort.BETROKKENE


def test_gepost_kvk_nummer_telt_niet_alleen_dat_van_de_inlog(client: Any) -> None:
    # Given a business that tampers with the disabled field
    _aanmelden(client, ONDERNEMER)
    client.post(INDIENEN, _publiek(kvk_nummer="12345678"))
    # Then the number from eHerkenning is stored
    assert WooVerzoek.objects.get().kvk_nummer == KVK


@pytest.mark.parametrize("ingelogd", [False, True])
def test_zonder_eherkenning_geen_kvk_nummer(client: Any, ingelogd: bool) -> None:
    # Given an anonymous visitor, or a resident with DigiD, who posts a KvK number anyway
    if ingelogd:
        _aanmelden(
            client,
            Identiteit(
                soort=Soort.INWONER, niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL, bsn=BSN, middel="digid"
            ),
        )
    antwoord = client.post(INDIENEN, _publiek(kvk_nummer="12345678"))
    # Then the request is registered without it
    assert antwoord.status_code == 302
    verzoek = WooVerzoek.objects.get()
    assert verzoek.kvk_nummer == ""
    assert verzoek.bsn == (BSN if ingelogd else "")


def test_fout_in_het_formulier_houdt_het_kvk_nummer_zichtbaar(client: Any) -> None:
    _aanmelden(client, ONDERNEMER)
    antwoord = client.post(INDIENEN, _publiek(onderwerp=""))
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert 'id="id_onderwerp_error"' in html
    assert f'value="{KVK}"' in html
    assert not WooVerzoek.objects.exists()


@pytest.fixture
def backchannel() -> Iterator[Any]:
    # The broker's discovery, token and JWKS requests go to the test IdP through the test client
    # (a discovery document cached by another test came from the same test IdP).
    with backchannel_via_testclient() as adapter:
        yield adapter


def test_inloggen_met_eherkenning_komt_terug_op_het_formulier(client: Any, backchannel: Any) -> None:
    # When a business logs in through the (test) eHerkenning broker from the form's link
    antwoord = inloggen(client, middel="eherkenning", volgende=INDIENEN)
    # Then it returns to the form, which shows its KvK number, and the request carries it
    assert antwoord.status_code == 302
    assert antwoord["Location"] == INDIENEN
    assert KVK in client.get(INDIENEN).content.decode()
    client.post(INDIENEN, _publiek())
    assert WooVerzoek.objects.get().kvk_nummer == KVK


# --- the service -------------------------------------------------------------------------------------


def _registreren(door: Medewerker | Identiteit | None, **extra: Any) -> WooVerzoek:
    gegevens: dict[str, Any] = {
        "onderwerp": "Vergunning terras Markt",
        "omschrijving": "",
        "ontvangen_op": timezone.localdate(),
        "kanaal": Kanaal.WEBFORMULIER if not isinstance(door, Medewerker) else Kanaal.EMAIL,
        "emailadres": "info@bakkerij.example",
    }
    return services.verzoek_registreren(**(gegevens | extra), door=door)


@pytest.fixture
def coordinator(db: None) -> Medewerker:
    return _medewerker(rollen=[Rol.WOO_COORDINATOR])


def test_service_neemt_het_kvk_nummer_van_de_inlog() -> None:
    assert _registreren(ONDERNEMER).kvk_nummer == KVK
    assert _registreren(ONDERNEMER, kvk_nummer=KVK).kvk_nummer == KVK


def test_service_weigert_een_ander_kvk_nummer_dan_dat_van_de_inlog() -> None:
    with pytest.raises(ValidationError) as fout:
        _registreren(ONDERNEMER, kvk_nummer="12345678")
    assert "eHerkenning" in fout.value.message_dict["kvk_nummer"][0]
    assert not WooVerzoek.objects.exists()
    assert not Kenmerkreeks.objects.exists()


@pytest.mark.parametrize(
    "door",
    [
        None,
        Identiteit(soort=Soort.INWONER, niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL, bsn=BSN, middel="digid"),
    ],
)
def test_service_weigert_een_kvk_nummer_zonder_eherkenning(door: Identiteit | None) -> None:
    with pytest.raises(ValidationError) as fout:
        _registreren(door, kvk_nummer=KVK)
    assert "eHerkenning" in fout.value.message_dict["kvk_nummer"][0]
    assert not WooVerzoek.objects.exists()
    assert not Logregel.objects.filter(naam="woo-verzoek.registreren").exists()


def test_medewerker_legt_het_opgegeven_kvk_nummer_vast(coordinator: Medewerker) -> None:
    verzoek = _registreren(coordinator, kvk_nummer=f" {KVK} ", ontvangen_op=date(2025, 3, 3))
    assert verzoek.kvk_nummer == KVK
    assert _registreren(coordinator).kvk_nummer == ""


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234567a", "１２３４５６７８", "12 34 56 78"])
def test_medewerker_met_verkeerd_kvk_nummer(coordinator: Medewerker, kvk: str) -> None:
    with pytest.raises(ValidationError) as fout:
        _registreren(coordinator, kvk_nummer=kvk)
    assert fout.value.message_dict["kvk_nummer"] == ["Een KvK-nummer bestaat uit 8 cijfers."]
    assert not WooVerzoek.objects.exists()


def test_ondernemer_met_ongeldig_kvk_nummer_in_de_sessie_wordt_geweigerd() -> None:
    # A session value that did not come from a broker (the OIDC client checks the claim)
    kapot = Identiteit(soort=Soort.ONDERNEMER, niveau=Betrouwbaarheidsniveau.LAAG, kvk_nummer="123")
    with pytest.raises(ValidationError):
        _registreren(kapot)
    assert not WooVerzoek.objects.exists()


# --- the API -----------------------------------------------------------------------------------------


def test_api_legt_kvk_nummer_vast(client: Any, coordinator: Medewerker) -> None:
    token = {"HTTP_AUTHORIZATION": f"Bearer {api_token_uitgeven(medewerker=coordinator)}"}
    gegevens = {"onderwerp": "Terrassen", "ontvangstdatum": "2025-03-03", "emailadres": "a@b.example"}
    antwoord = client.post(
        "/api/v1/woo/verzoeken", {**gegevens, "kvk_nummer": KVK}, content_type="application/json", **token
    )
    assert antwoord.status_code == 201
    assert WooVerzoek.objects.get(kenmerk=antwoord.json()["kenmerk"]).kvk_nummer == KVK
    # Without one it stays empty
    antwoord = client.post("/api/v1/woo/verzoeken", gegevens, content_type="application/json", **token)
    assert WooVerzoek.objects.get(kenmerk=antwoord.json()["kenmerk"]).kvk_nummer == ""


@pytest.mark.parametrize("kvk", ["1234", "abcdefgh", "123456789"])
def test_api_weigert_verkeerd_kvk_nummer(client: Any, coordinator: Medewerker, kvk: str) -> None:
    token = {"HTTP_AUTHORIZATION": f"Bearer {api_token_uitgeven(medewerker=coordinator)}"}
    antwoord = client.post(
        "/api/v1/woo/verzoeken",
        {
            "onderwerp": "Terrassen",
            "ontvangstdatum": "2025-03-03",
            "emailadres": "a@b.example",
            "kvk_nummer": kvk,
        },
        content_type="application/json",
        **token,
    )
    assert antwoord.status_code == 422
    assert "kvk_nummer" in antwoord.content.decode()
    assert not WooVerzoek.objects.exists()
