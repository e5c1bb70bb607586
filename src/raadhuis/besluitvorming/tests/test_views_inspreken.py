"""Inspreken through the pages: the public form (bad inputs answered next to the field, nothing stored),
the withdrawal link, the public agenda, and the griffie's Werkplek with its permissions."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming.models import Agendapunt, Inspreekregeling, Spreekverzoek, Vergadering
from raadhuis.besluitvorming.services import inspreken
from raadhuis.besluitvorming.tests.factories import AgendapuntFactory, OrgaanFactory, VergaderingFactory
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort, identiteit_opslaan

pytestmark = pytest.mark.django_db


def _vergadering(**regeling: Any) -> tuple[Vergadering, Agendapunt, Agendapunt]:
    orgaan = OrgaanFactory(commissie=True)
    Inspreekregeling.objects.create(orgaan=orgaan, **regeling)
    vergadering = VergaderingFactory(
        orgaan=orgaan, begin=timezone.now() + dt.timedelta(days=14), agenda_gepubliceerd_op=timezone.now()
    )
    openbaar = AgendapuntFactory(vergadering=vergadering, titel="Parkeerbeleid centrum")
    besloten = AgendapuntFactory(vergadering=vergadering, titel="Grondtransactie Heron", besloten=True)
    return vergadering, openbaar, besloten


def _formulier(punt: Agendapunt | str, **velden: str) -> dict[str, str]:
    return {
        "agendapunt": str(punt.pk) if isinstance(punt, Agendapunt) else punt,
        "naam": "Fatma Yilmaz",
        "emailadres": "fatma@voorbeeld.nl",
        "samenvatting": "Over parkeren.",
        "akkoord": "on",
        **velden,
    }


def _url(vergadering: Vergadering) -> str:
    return reverse("besluitvorming:inspreken", args=[vergadering.pk])


def _tekst(antwoord: Any) -> str:
    return str(antwoord.content.decode())


def test_de_openbare_agenda_linkt_naar_het_formulier_bij_openbare_punten(client: Client) -> None:
    vergadering, openbaar, besloten = _vergadering()
    pagina = _tekst(client.get(reverse("besluitvorming:vergadering", args=[vergadering.pk])))
    assert f"{_url(vergadering)}?agendapunt={openbaar.pk}" in pagina
    assert f"?agendapunt={besloten.pk}" not in pagina
    assert "Grondtransactie Heron" not in pagina


def test_formulier_kiest_het_agendapunt_uit_de_link_en_biedt_geen_besloten_punt(client: Client) -> None:
    vergadering, openbaar, _besloten = _vergadering()
    antwoord = client.get(_url(vergadering), {"agendapunt": openbaar.pk})
    assert antwoord.status_code == 200
    pagina = _tekst(antwoord)
    assert re.search(rf'<option value="{openbaar.pk}" selected>', pagina)
    assert "Grondtransactie Heron" not in pagina
    assert 'name="onderwerp"' not in pagina  # the regeling allows no subjects off the agenda


def test_digid_vult_de_naam_in(client: Client) -> None:
    vergadering, _openbaar, _besloten = _vergadering()
    sessie = client.session
    identiteit_opslaan(
        sessie,
        Identiteit(
            soort=Soort.INWONER,
            niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
            bsn="999993653",
            naam="Anouk Jansen",
            middel="digid",
        ),
    )
    sessie.save()
    assert 'value="Anouk Jansen"' in _tekst(client.get(_url(vergadering)))


def test_aanmelden_bewaart_en_bevestigt(client: Client, django_capture_on_commit_callbacks: Any) -> None:
    vergadering, openbaar, _besloten = _vergadering()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(_url(vergadering), _formulier(openbaar, naam_publiceren="on"))
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("besluitvorming:inspreken_ontvangen", args=[vergadering.pk])
    verzoek = Spreekverzoek.objects.get()
    assert (verzoek.agendapunt, verzoek.naam_publiceren) == (openbaar, True)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("velden", "veld", "melding"),
    [
        ({"naam": ""}, "naam", "Vul uw naam in."),
        ({"emailadres": "geen-adres"}, "emailadres", "Vul een geldig e-mailadres in"),
        ({"samenvatting": ""}, "samenvatting", "Schrijf in het kort waarover u wilt inspreken."),
        ({"samenvatting": "x" * 1001}, "samenvatting", "1000"),
        ({"akkoord": ""}, "akkoord", "Geef aan dat u weet wat wij met uw gegevens doen."),
        ({"kvk_nummer": "1234"}, "kvk_nummer", "8 cijfers"),
        ({"kvk_nummer": "١٢٣٤٥٦٧٨"}, "kvk_nummer", "8 cijfers"),
        ({"kvk_nummer": "12345678"}, "organisatie", "Vul de naam van de organisatie in"),
        ({"telefoonnummer": "bel me"}, "telefoonnummer", "Vul een telefoonnummer in"),
        ({"agendapunt": ""}, "agendapunt", "Kies het agendapunt"),
        ({"agendapunt": "vrij", "onderwerp": "Zwerfafval"}, "agendapunt", "Kies een agendapunt van deze"),
    ],
)
def test_foute_invoer_staat_bij_het_veld_en_er_wordt_niets_opgeslagen(
    client: Client, velden: dict[str, str], veld: str, melding: str
) -> None:
    vergadering, openbaar, _besloten = _vergadering()
    antwoord = client.post(_url(vergadering), _formulier(openbaar, **velden))
    assert antwoord.status_code == 400
    fouten = antwoord.context["form"].errors
    assert any(melding in fout for fout in fouten[veld]), fouten
    assert f'id="id_{veld}_error"' in _tekst(antwoord)
    assert not Spreekverzoek.objects.exists()


def test_besloten_punt_of_punt_van_een_andere_vergadering_wordt_geweigerd(client: Client) -> None:
    vergadering, _openbaar, besloten = _vergadering()
    ander = AgendapuntFactory(vergadering=VergaderingFactory(orgaan=vergadering.orgaan))
    for punt in (besloten, ander):
        antwoord = client.post(_url(vergadering), _formulier(punt))
        assert antwoord.status_code == 400
        assert antwoord.context["form"].errors["agendapunt"]
    assert not Spreekverzoek.objects.exists()


def test_eigen_onderwerp_waar_de_regeling_het_toestaat(client: Client) -> None:
    vergadering, _openbaar, _besloten = _vergadering(vrij_onderwerp=True)
    leeg = client.post(_url(vergadering), _formulier("vrij"))
    assert leeg.status_code == 400
    assert leeg.context["form"].errors["onderwerp"] == ["Vul het onderwerp in waarover u wilt inspreken."]
    assert client.post(_url(vergadering), _formulier("vrij", onderwerp="Zwerfafval")).status_code == 302
    assert Spreekverzoek.objects.get().onderwerp == "Zwerfafval"


def test_na_de_sluiting_geen_formulier_en_een_post_wordt_geweigerd(client: Client) -> None:
    vergadering, openbaar, _besloten = _vergadering(
        sluiting=Inspreekregeling.Sluiting.UREN_VOORAF, uren_vooraf=24
    )
    Vergadering.objects.filter(pk=vergadering.pk).update(begin=timezone.now() + dt.timedelta(hours=2))
    antwoord = client.get(_url(vergadering))
    assert "is gesloten" in _tekst(antwoord)
    agenda = _tekst(client.get(reverse("besluitvorming:vergadering", args=[vergadering.pk])))
    assert "Aanmelden om in te spreken bij deze vergadering is gesloten." in agenda
    assert "Inspreken bij dit agendapunt" not in agenda
    assert '<form method="post" novalidate' not in _tekst(antwoord)
    assert client.post(_url(vergadering), _formulier(openbaar)).status_code == 400
    assert not Spreekverzoek.objects.exists()


def test_onbekende_vergadering_is_404(client: Client) -> None:
    assert client.get(reverse("besluitvorming:inspreken", args=[999999])).status_code == 404


def test_intrekken_met_de_link_uit_de_mail(client: Client) -> None:
    vergadering, openbaar, _besloten = _vergadering()
    verzoek = inspreken.spreekverzoek_indienen(
        vergadering=vergadering,
        agendapunt=openbaar,
        naam="A",
        emailadres="a@voorbeeld.nl",
        samenvatting="B",
        akkoord=True,
    )
    url = reverse("besluitvorming:inspreken_intrekken", args=[verzoek.pk, inspreken.sleutel(verzoek)])
    assert client.get(url).status_code == 200
    verzoek.refresh_from_db()
    assert verzoek.status == Spreekverzoek.Status.AANGEVRAAGD  # opening the link changes nothing
    antwoord = client.post(url)
    assert "Uw aanmelding is ingetrokken" in _tekst(antwoord)
    verzoek.refresh_from_db()
    assert verzoek.status == Spreekverzoek.Status.INGETROKKEN
    fout = reverse("besluitvorming:inspreken_intrekken", args=[verzoek.pk, "0" * 64])
    assert client.post(fout).status_code == 404


# -- The griffie's Werkplek -------------------------------------------------------------------------


@pytest.fixture
def griffie(client: Client, griffier: Medewerker) -> Client:
    client.force_login(griffier)
    return client


@pytest.fixture
def verzoek() -> Spreekverzoek:
    vergadering, openbaar, _besloten = _vergadering()
    return inspreken.spreekverzoek_indienen(
        vergadering=vergadering,
        agendapunt=openbaar,
        naam="Jan de Vries",
        emailadres="jan@voorbeeld.nl",
        samenvatting="Over parkeren.",
        akkoord=True,
    )


def test_werkplek_alleen_voor_de_griffie(client: Client, verzoek: Spreekverzoek) -> None:
    pagina = reverse("besluitvorming:werkplek_inspreken_vergadering", args=[verzoek.vergadering_id])
    assert client.get(pagina).status_code == 302  # to the login page
    client.force_login(MedewerkerFactory(rollen=[Rol.RAADSLID]))
    assert client.get(pagina).status_code == 403
    toelaten = reverse("besluitvorming:werkplek_inspreken_toelaten", args=[verzoek.pk])
    assert client.post(toelaten, {}).status_code == 403
    verzoek.refresh_from_db()
    assert verzoek.status == Spreekverzoek.Status.AANGEVRAAGD


def test_griffie_ziet_de_aanmeldingen(griffie: Client, verzoek: Spreekverzoek) -> None:
    overzicht = _tekst(griffie.get(reverse("besluitvorming:werkplek_inspreken")))
    assert verzoek.vergadering.titel in overzicht
    pagina = _tekst(
        griffie.get(reverse("besluitvorming:werkplek_inspreken_vergadering", args=[verzoek.vergadering_id]))
    )
    assert "Jan de Vries" in pagina
    assert "jan@voorbeeld.nl" in pagina


def test_afwijzen_zonder_reden_toont_de_fout_bij_het_veld(griffie: Client, verzoek: Spreekverzoek) -> None:
    antwoord = griffie.post(
        reverse("besluitvorming:werkplek_inspreken_afwijzen", args=[verzoek.pk]),
        {f"v{verzoek.pk}-reden": " "},
    )
    assert antwoord.status_code == 400
    assert f'id="id_v{verzoek.pk}-reden_error"' in _tekst(antwoord)
    verzoek.refresh_from_db()
    assert verzoek.status == Spreekverzoek.Status.AANGEVRAAGD


def test_toelaten_en_volgorde_wijzigen(griffie: Client, verzoek: Spreekverzoek) -> None:
    voorvoegsel = f"v{verzoek.pk}"
    fout = griffie.post(
        reverse("besluitvorming:werkplek_inspreken_toelaten", args=[verzoek.pk]),
        {f"{voorvoegsel}-spreektijd": "99"},
    )
    assert fout.status_code == 400
    antwoord = griffie.post(
        reverse("besluitvorming:werkplek_inspreken_toelaten", args=[verzoek.pk]),
        {f"{voorvoegsel}-spreektijd": "4"},
    )
    assert antwoord.status_code == 302
    verzoek.refresh_from_db()
    assert (verzoek.status, verzoek.volgorde, verzoek.spreektijd) == (Spreekverzoek.Status.TOEGELATEN, 1, 4)
    leeg = griffie.post(reverse("besluitvorming:werkplek_inspreken_volgorde", args=[verzoek.pk]), {})
    assert leeg.status_code == 400
    griffie.post(
        reverse("besluitvorming:werkplek_inspreken_volgorde", args=[verzoek.pk]),
        {f"{voorvoegsel}-volgorde": "2", f"{voorvoegsel}-spreektijd": "3"},
    )
    verzoek.refresh_from_db()
    assert (verzoek.volgorde, verzoek.spreektijd) == (2, 3)


def test_regeling_van_een_orgaan_vastleggen(griffie: Client) -> None:
    orgaan = OrgaanFactory(commissie=True)
    url = reverse("besluitvorming:werkplek_inspreken_regeling", args=[orgaan.pk])
    assert griffie.post(url, {"sluiting": "onzin", "uren_vooraf": "24", "spreektijd": "5"}).status_code == 400
    assert not Inspreekregeling.objects.exists()
    antwoord = griffie.post(
        url, {"toegestaan": "on", "sluiting": "uren_vooraf", "uren_vooraf": "48", "spreektijd": "3"}
    )
    assert antwoord.status_code == 302
    regeling = Inspreekregeling.objects.get(orgaan=orgaan)
    assert (regeling.toegestaan, regeling.uren_vooraf, regeling.spreektijd) == (True, 48, 3)
