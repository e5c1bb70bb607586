"""The klantcontacten pages in the Werkplek: registering, answering with the knowledge base without
JavaScript, callbacks and their bad input, the 360° view by POST (no BSN in any URL), the knowledge
base, and who may see what."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.core.models import Logregel
from raadhuis.dienstverlening.models import Kennisartikel, Klantcontact, Taakstatus, Terugbelverzoek
from raadhuis.dienstverlening.tests import factories
from raadhuis.dienstverlening.tests import factories_klantcontacten as kc
from raadhuis.dienstverlening.tests.factories import BSN_INWONER

pytestmark = pytest.mark.django_db

LIJST = reverse("dienstverlening:klantcontacten")
NIEUW = reverse("dienstverlening:klantcontact_nieuw")
TERUGBELVERZOEKEN = reverse("dienstverlening:terugbelverzoeken")
KLANTBEELD = reverse("dienstverlening:klantbeeld")
KENNISBANK = reverse("dienstverlening:kennisbank")


@pytest.fixture
def medewerker(client: Any) -> Medewerker:
    ingelogd = kc.kcc(first_name="Karin", last_name="KCC")
    client.force_login(ingelogd)
    return ingelogd


def _url(naam: str, pk: int) -> str:
    return reverse(f"dienstverlening:{naam}", kwargs={"pk": pk})


def _deadline() -> str:
    return (timezone.localtime() + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")


# --- list and registering ----------------------------------------------------------------------------


def test_lijst_toont_open_vragen_en_contacten(client: Any, medewerker: Medewerker) -> None:
    kc.contact(door=medewerker, onderwerp="Vraag over afval")
    kc.contact(door=medewerker, onderwerp="Parkeren", antwoord="Zie website.")
    html = client.get(LIJST).content.decode()
    assert "Open vragen" in html
    assert "Vraag over afval" in html
    assert "Parkeren" in html
    assert BSN_INWONER not in html
    gedeeltelijk = client.get(LIJST + "?kanaal=telefoon", headers={"HX-Request": "true"}).content.decode()
    assert "Parkeren" in gedeeltelijk
    assert "<html" not in gedeeltelijk


def test_ongeldig_filter_geeft_400(client: Any, medewerker: Medewerker) -> None:
    assert client.get(LIJST + "?kanaal=fax").status_code == 400


def test_contact_vastleggen_en_openen(client: Any, medewerker: Medewerker) -> None:
    antwoord = client.post(
        NIEUW,
        {
            "kanaal": "balie",
            "partijsoort": "inwoner",
            "bsn": BSN_INWONER,
            "onderwerp": "Openingstijden",
            "antwoord": "Tot 17 uur.",
            "opgelost_in_eerste_contact": "on",
        },
    )
    contact = Klantcontact.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == _url("klantcontact", contact.pk)
    assert BSN_INWONER not in antwoord["Location"]
    assert contact.opgelost_in_eerste_contact is True
    pagina = client.get(antwoord["Location"]).content.decode()
    assert "******653" in pagina
    assert BSN_INWONER not in pagina
    assert _url("kto_uitnodiging_balie", contact.pk) in pagina
    assert "Tevredenheidsonderzoek aanbieden" in pagina
    assert Logregel.objects.filter(naam="klantcontact.inzien").count() == 1


def test_contact_met_ongeldig_bsn_toont_fout_en_legt_niets_vast(client: Any, medewerker: Medewerker) -> None:
    antwoord = client.post(
        NIEUW, {"kanaal": "telefoon", "partijsoort": "inwoner", "bsn": "123456789", "onderwerp": "Vraag"}
    )
    assert antwoord.status_code == 400
    assert "Dit is geen geldig burgerservicenummer." in antwoord.content.decode()
    assert not Klantcontact.objects.exists()


def test_zonder_recht_geen_toegang(client: Any) -> None:
    client.force_login(factories.medewerker(Rol.GRIFFIE))
    assert client.get(LIJST).status_code == 403
    assert client.get(KLANTBEELD).status_code == 403
    assert client.get(KENNISBANK).status_code == 403
    assert client.get(TERUGBELVERZOEKEN).status_code == 403


# --- answering with the knowledge base -----------------------------------------------------------------


def test_beantwoorden_met_standaardantwoord_zonder_javascript(client: Any, medewerker: Medewerker) -> None:
    # given an open question and a standard answer
    contact = kc.contact(door=medewerker, emailadres="j.jansen@example.org")
    artikel = kc.kennisartikel(door=medewerker)
    pagina = _url("klantcontact", contact.pk)
    # when the employee searches the knowledge base on the contact page
    zoeken = client.get(pagina, {"zoek": "grofvuil"}).content.decode()
    assert artikel.titel in zoeken
    assert "Gebruik dit antwoord" in zoeken
    # and picks it: the answer field is filled with the standard text to adapt
    gekozen = client.get(pagina, {"zoek": "grofvuil", "artikel": artikel.pk}).content.decode()
    assert artikel.antwoord in gekozen
    assert f'value="{artikel.pk}"' in gekozen
    # then posting it answers the contact
    antwoord = client.post(
        _url("klantcontact_beantwoorden", contact.pk),
        {"antwoord-antwoord": artikel.antwoord + " Groet.", "antwoord-kennisartikel": artikel.pk},
    )
    assert antwoord.status_code == 302
    contact.refresh_from_db()
    assert contact.afgehandeld is True
    assert contact.kennisartikel == artikel
    assert contact.antwoord.endswith("Groet.")


def test_leeg_antwoord_toont_fout(client: Any, medewerker: Medewerker) -> None:
    contact = kc.contact(door=medewerker)
    antwoord = client.post(_url("klantcontact_beantwoorden", contact.pk), {"antwoord-antwoord": ""})
    assert antwoord.status_code == 400
    assert "Schrijf een antwoord of kies een standaardantwoord." in antwoord.content.decode()
    contact.refresh_from_db()
    assert contact.afgehandeld is False


# --- callbacks ----------------------------------------------------------------------------------------------


def test_terugbelverzoek_zonder_eigenaar_toont_fout_bij_medewerker(
    client: Any, medewerker: Medewerker
) -> None:
    contact = kc.contact(door=medewerker)
    antwoord = client.post(
        _url("terugbelverzoek_nieuw", contact.pk),
        {"terugbellen-gevraagde_handeling": "Bellen", "terugbellen-deadline": _deadline()},
    )
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Kies een medewerker of een team dat terugbelt." in html
    assert 'id="id_terugbellen-medewerker_error"' in html
    assert not Terugbelverzoek.objects.exists()


def test_terugbelverzoek_uitzetten_en_afhandelen(client: Any, medewerker: Medewerker) -> None:
    # given a contact; the employee asks themself to call back
    contact = kc.contact(door=medewerker, telefoonnummer="0612345678")
    antwoord = client.post(
        _url("terugbelverzoek_nieuw", contact.pk),
        {
            "terugbellen-gevraagde_handeling": "Bellen over de ophaaldag",
            "terugbellen-medewerker": medewerker.pk,
            "terugbellen-deadline": _deadline(),
        },
    )
    assert antwoord.status_code == 302
    verzoek = Terugbelverzoek.objects.get()
    # then it is on their callbacks page with its form
    lijst = client.get(TERUGBELVERZOEKEN).content.decode()
    assert "Bellen over de ophaaldag" in lijst
    assert f'name="t{verzoek.pk}-resultaat"' in lijst
    assert "0612345678" not in lijst  # the number is on the (logged) detail page
    assert "0612345678" in client.get(_url("terugbelverzoek", verzoek.pk)).content.decode()
    # bad input: no result
    fout = client.post(_url("terugbelverzoek", verzoek.pk), {f"t{verzoek.pk}-resultaat": ""})
    assert fout.status_code == 400
    # when completed from the list
    klaar = client.post(
        _url("terugbelverzoek", verzoek.pk),
        {f"t{verzoek.pk}-resultaat": "Uitgelegd.", f"t{verzoek.pk}-contact_gelukt": "on"},
    )
    assert klaar.status_code == 302
    verzoek.refresh_from_db()
    contact.refresh_from_db()
    assert verzoek.status == Taakstatus.VERWERKT
    assert verzoek.contact_gelukt is True
    assert contact.afgehandeld is True


# --- the 360° view ------------------------------------------------------------------------------------------


def test_klantbeeld_via_post_zonder_bsn_in_de_url(client: Any, medewerker: Medewerker) -> None:
    kc.contact(door=medewerker, onderwerp="Vraag over afval")
    zaak = factories.zaak(door=medewerker)
    assert "<form" in client.get(KLANTBEELD).content.decode()
    antwoord = client.post(KLANTBEELD, {"bsn": BSN_INWONER})
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Vraag over afval" in html
    assert zaak.identificatie in html
    assert BSN_INWONER not in html
    assert Logregel.objects.filter(naam="klantbeeld.inzien").count() == 1


def test_klantbeeld_met_ongeldig_bsn_toont_fout_en_logt_niets(client: Any, medewerker: Medewerker) -> None:
    antwoord = client.post(KLANTBEELD, {"bsn": "123456789"})
    assert antwoord.status_code == 400
    assert "Dit is geen geldig burgerservicenummer." in antwoord.content.decode()
    assert not Logregel.objects.filter(naam="klantbeeld.inzien").exists()
    assert client.post(KLANTBEELD, {}).status_code == 400


# --- the knowledge base ------------------------------------------------------------------------------------


def test_kennisbank_schrijven_zoeken_en_wijzigen(client: Any, medewerker: Medewerker) -> None:
    antwoord = client.post(
        reverse("dienstverlening:kennisartikel_nieuw"),
        {"titel": "Hondenbelasting", "antwoord": "U betaalt per hond per jaar.", "actief": "on"},
    )
    artikel = Kennisartikel.objects.get()
    assert antwoord.status_code == 302
    assert "Hondenbelasting" in client.get(KENNISBANK, {"zoek": "hond"}).content.decode()
    fout = client.post(_url("kennisartikel", artikel.pk), {"titel": "Hondenbelasting", "antwoord": ""})
    assert fout.status_code == 400
    client.post(
        _url("kennisartikel", artikel.pk),
        {"titel": "Hondenbelasting", "antwoord": "Per hond per jaar, zie de website.", "actief": "on"},
    )
    artikel.refresh_from_db()
    assert artikel.antwoord == "Per hond per jaar, zie de website."
