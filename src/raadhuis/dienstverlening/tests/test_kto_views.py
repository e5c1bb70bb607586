"""The survey page (public, by code), the desk invitation with its QR code, and the results page."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Rol
from raadhuis.core import persoonsgegevens
from raadhuis.dienstverlening.models import (
    Aanleiding,
    Burgerpeilingkanaal,
    Contactkanaal,
    Klantcontact,
    Partijsoort,
    Reactie,
    Screening,
    Uitnodiging,
    Uitnodigingskanaal,
)
from raadhuis.dienstverlening.services import kto
from raadhuis.dienstverlening.tests import factories

pytestmark = pytest.mark.django_db

RESULTATEN = "dienstverlening:kto_resultaten"


@pytest.fixture(autouse=True)
def _zonder_deduce(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(persoonsgegevens, "_naam_vondsten", lambda tekst: [])


def _contact() -> Klantcontact:
    return Klantcontact.objects.create(
        kanaal=Contactkanaal.BALIE,
        partijsoort=Partijsoort.ANONIEM,
        onderwerp="Vraag over afval",
        plaatsgevonden_op=timezone.now(),
    )


def _uitnodiging(kanaal: str = Burgerpeilingkanaal.BALIE) -> tuple[Uitnodiging, str]:
    return kto._nieuwe_uitnodiging(
        aanleiding=Aanleiding.CONTACT_BEEINDIGD,
        verstuurd_via=Uitnodigingskanaal.QR,
        kanaal=kanaal,
        klantcontact=_contact(),
        product_id=None,
        team_id=None,
    )


def _vragenlijst(code: str) -> str:
    return reverse("dienstverlening:kto_vragenlijst", args=[code])


# -- The survey ------------------------------------------------------------------------------------


def test_vragenlijst_zonder_inloggen_met_fieldsets_en_zonder_codes(client: Client) -> None:
    _, code = _uitnodiging()
    antwoord = client.get(_vragenlijst(code))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert html.count('<fieldset class="utrecht-form-fieldset raadhuis-schaal') == 4  # dv01 and 3 statements
    assert html.count("<legend") == 4
    assert html.count('type="radio" name="dv01_rapportcijfer"') == 10
    assert html.count('type="radio" name="dv05_gemak"') == 5
    assert "dv06_rapportcijfer_digitaal" not in html  # not asked at the desk
    assert not re.search(r"\(dv\d\d\)", html)  # codes are for the reports, not for respondents
    assert antwoord["Referrer-Policy"] == "same-origin"


def test_vragenlijst_na_digitaal_contact_vraagt_ook_het_digitale_cijfer(client: Client) -> None:
    _, code = _uitnodiging(Burgerpeilingkanaal.WEBSITE)
    html = client.get(_vragenlijst(code)).content.decode()
    assert html.count('type="radio" name="dv06_rapportcijfer_digitaal"') == 10


def test_vragenlijst_invullen_leidt_naar_bedankt(client: Client) -> None:
    uitnodiging, code = _uitnodiging()
    antwoord = client.post(
        _vragenlijst(code),
        {
            "dv01_rapportcijfer": "8",
            "dv05_gemak": "4",
            "dv07_op_de_hoogte": "5",
            "opmerking": "Fijn geholpen.",
        },
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("dienstverlening:kto_bedankt")
    reactie = Reactie.objects.get(uitnodiging=uitnodiging)
    assert (reactie.dv01_rapportcijfer, reactie.dv05_gemak, reactie.dv07_doorlooptijd) == (8, 4, None)
    assert reactie.screening == Screening.TE_SCREENEN
    assert reactie.contact_toegestaan is False
    assert client.get(antwoord["Location"]).status_code == 200


def test_rapportcijfer_11_geeft_de_fout_bij_de_vraag_en_bewaart_niets(client: Client) -> None:
    _, code = _uitnodiging()
    antwoord = client.post(_vragenlijst(code), {"dv01_rapportcijfer": "11", "dv05_gemak": "4"})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert 'id="id_dv01_rapportcijfer_error"' in html
    assert "Geef een cijfer van 1 tot en met 10." in html
    assert 'value="4" id="id_dv05_gemak_3" checked' in html  # the other answers are kept
    assert not Reactie.objects.exists()


def test_zonder_rapportcijfer_wordt_om_een_cijfer_gevraagd(client: Client) -> None:
    _, code = _uitnodiging()
    antwoord = client.post(_vragenlijst(code), {"dv05_gemak": "4"})
    assert antwoord.status_code == 400
    assert "Kies een cijfer." in antwoord.content.decode()
    assert not Reactie.objects.exists()


def test_vragenlijst_twee_keer_invullen_toont_een_duidelijke_pagina(client: Client) -> None:
    _, code = _uitnodiging()
    assert client.post(_vragenlijst(code), {"dv01_rapportcijfer": "7"}).status_code == 302
    for antwoord in (
        client.get(_vragenlijst(code)),
        client.post(_vragenlijst(code), {"dv01_rapportcijfer": "2"}),
    ):
        assert antwoord.status_code == 410
        assert "al ingevuld" in antwoord.content.decode()
    assert Reactie.objects.get().dv01_rapportcijfer == 7


def test_onbekende_code_toont_een_duidelijke_pagina(client: Client) -> None:
    antwoord = client.get(_vragenlijst("bestaat-niet"))
    assert antwoord.status_code == 404
    assert "klopt niet" in antwoord.content.decode()


def test_verlopen_code_toont_een_duidelijke_pagina(client: Client) -> None:
    uitnodiging, code = _uitnodiging()
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(
        aangemaakt_op=timezone.now() - timedelta(days=40), geldig_tot=timezone.now() - timedelta(days=1)
    )
    antwoord = client.get(_vragenlijst(code))
    assert antwoord.status_code == 410
    assert "verlopen" in antwoord.content.decode()


def test_antwoord_met_toestemming_voor_contact(client: Client) -> None:
    uitnodiging, code = _uitnodiging()
    client.post(_vragenlijst(code), {"dv01_rapportcijfer": "4", "contact_toegestaan": "on"})
    uitnodiging.refresh_from_db()
    assert uitnodiging.klantcontact_id is not None
    assert Reactie.objects.get().contact_toegestaan is True


# -- Desk invitation -------------------------------------------------------------------------------


def test_balie_uitnodiging_toont_link_en_qr_code(client: Client) -> None:
    contact = _contact()
    client.force_login(factories.medewerker(Rol.KCC_MEDEWERKER))
    url = reverse("dienstverlening:kto_uitnodiging_balie", args=[contact.pk])
    assert client.get(url).status_code == 200
    assert not Uitnodiging.objects.exists()  # a GET makes nothing
    antwoord = client.post(url)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert '<svg role="img" aria-label="QR-code met de link naar de vragenlijst"' in html
    gevonden = re.search(r"/tevredenheid/([A-Za-z0-9_-]{20,})/", html)
    assert gevonden is not None
    assert kto.uitnodiging_bij_code(gevonden.group(1)) == Uitnodiging.objects.get(klantcontact=contact)
    assert "no-cache" in antwoord["Cache-Control"] or "no-store" in antwoord["Cache-Control"]


def test_balie_uitnodiging_zonder_recht_wordt_geweigerd(client: Client) -> None:
    contact = _contact()
    client.force_login(factories.medewerker(Rol.CONTROLLER))
    antwoord = client.post(reverse("dienstverlening:kto_uitnodiging_balie", args=[contact.pk]))
    assert antwoord.status_code == 403
    assert not Uitnodiging.objects.exists()


def test_balie_uitnodiging_voor_onbekend_contact_geeft_404(client: Client) -> None:
    client.force_login(factories.medewerker(Rol.KCC_MEDEWERKER))
    assert client.post(reverse("dienstverlening:kto_uitnodiging_balie", args=[999999])).status_code == 404


def test_balie_uitnodiging_na_ingevulde_vragenlijst_geeft_de_reden(client: Client) -> None:
    uitnodiging, code = _uitnodiging()
    kto.reactie_geven(code=code, dv01_rapportcijfer=8, contact_toegestaan=True)
    client.force_login(factories.medewerker(Rol.KCC_MEDEWERKER))
    antwoord = client.post(
        reverse("dienstverlening:kto_uitnodiging_balie", args=[uitnodiging.klantcontact_id])
    )
    assert antwoord.status_code == 400
    assert "al ingevuld" in antwoord.content.decode()


# -- Results ---------------------------------------------------------------------------------------


def _beantwoord(kanaal: str, cijfer: int, opmerking: str = "") -> None:
    _, code = _uitnodiging(kanaal)
    reactie = kto.reactie_geven(code=code, dv01_rapportcijfer=cijfer, dv05_gemak=4, opmerking=opmerking)
    if opmerking:
        kto.opmerking_screenen.call(reactie.pk)


def test_resultaten_tonen_cijfers_per_code_en_grafieken(client: Client) -> None:
    _beantwoord(Burgerpeilingkanaal.BALIE, 8, "Goed geholpen, bel 0612345678")
    _beantwoord(Burgerpeilingkanaal.WEBSITE, 5)
    _uitnodiging(Burgerpeilingkanaal.TELEFOON)
    client.force_login(factories.medewerker(Rol.CONTROLLER))
    antwoord = client.get(reverse(RESULTATEN))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    for code in ("dv01", "dv05", "dv06", "dv07"):
        assert code in html
    assert "6,5" in html  # (8 + 5) / 2, in Dutch notation
    assert "66,7 %" in html  # response: 2 of 3 invitations
    assert html.count('<figure class="raadhuis-grafiek"') == 3
    assert "Goed geholpen, bel [TELEFOONNUMMER]" in html
    assert "0612345678" not in html


def test_resultaten_tonen_geen_ongescreende_opmerking(client: Client) -> None:
    _, code = _uitnodiging()
    kto.reactie_geven(code=code, dv01_rapportcijfer=8, opmerking="Geheime opmerking van Piet")
    client.force_login(factories.medewerker(Rol.BEHEERDER))
    html = client.get(reverse(RESULTATEN)).content.decode()
    assert "Geheime opmerking" not in html
    assert "Geen opmerkingen in deze periode." in html


def test_resultaten_met_ongeldige_periode_geven_de_fout_bij_het_veld(client: Client) -> None:
    client.force_login(factories.medewerker(Rol.CONTROLLER))
    antwoord = client.get(reverse(RESULTATEN), {"van": "2026-03-31", "tot": "2026-03-01"})
    assert antwoord.status_code == 400
    assert "De einddatum ligt voor de begindatum." in antwoord.content.decode()


def test_resultaten_voor_een_gekozen_periode(client: Client) -> None:
    _beantwoord(Burgerpeilingkanaal.BALIE, 8)
    client.force_login(factories.medewerker(Rol.CONTROLLER))
    vorig_jaar = timezone.localdate() - timedelta(days=400)
    antwoord = client.get(
        reverse(RESULTATEN),
        {"van": vorig_jaar.isoformat(), "tot": (vorig_jaar + timedelta(days=30)).isoformat()},
    )
    assert antwoord.status_code == 200
    assert "Geen uitnodigingen of reacties in deze periode." in antwoord.content.decode()


@pytest.mark.parametrize("rol", [Rol.KCC_MEDEWERKER, Rol.BEHANDELAAR])
def test_resultaten_alleen_voor_monitoring(client: Client, rol: str) -> None:
    client.force_login(factories.medewerker(rol))
    assert client.get(reverse(RESULTATEN)).status_code == 403


def test_resultaten_vragen_om_inloggen(client: Client) -> None:
    assert client.get(reverse(RESULTATEN)).status_code == 302


def test_resultatenpagina_kost_een_vast_aantal_queries(
    client: Client, django_assert_max_num_queries: Any
) -> None:
    for cijfer in range(1, 11):
        _beantwoord(Burgerpeilingkanaal.BALIE, cijfer, "Opmerking")
    client.force_login(factories.medewerker(Rol.CONTROLLER))
    client.get(reverse(RESULTATEN))  # warm the session and the permission caches
    with django_assert_max_num_queries(12) as vastgelegd:
        client.get(reverse(RESULTATEN))
    aantal = len(vastgelegd.captured_queries)
    for cijfer in range(1, 11):
        _beantwoord(Burgerpeilingkanaal.WEBSITE, cijfer, "Nog een")
    with django_assert_max_num_queries(aantal):
        client.get(reverse(RESULTATEN))
