"""The griffie manages bodies, seats, people and fracties in the Werkplek; bad input shows a Dutch message
next to the field and changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming.models import Fractie, Fractielidmaatschap, Lidmaatschap, Orgaan, Persoon
from raadhuis.besluitvorming.tests.factories import (
    BEGIN_RAADSPERIODE,
    FractieFactory,
    FractielidmaatschapFactory,
    LidmaatschapFactory,
    OrgaanFactory,
    PersoonFactory,
    raad_met_leden,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def griffie(client: Client, griffier: Medewerker) -> Client:
    client.force_login(griffier)
    return client


def url(naam: str, *args: int) -> str:
    return reverse(f"besluitvorming:{naam}", args=args)


def test_organen_tonen_zittende_leden_en_vacatures_op_een_datum(griffie: Client) -> None:
    raad = raad_met_leden((2, 1), vacatures=1)
    vertrokken = raad.leden[0]
    Lidmaatschap.objects.filter(persoon=vertrokken).update(einde=dt.date(2023, 12, 31))
    antwoord = griffie.get(url("werkplek_orgaan", raad.orgaan.pk), {"datum": "2024-01-02"})
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "1 van de 3 zetels bezet, 2 vacant." in inhoud
    assert inhoud.count(">Vacant</li>") == 2
    eerder = griffie.get(url("werkplek_orgaan", raad.orgaan.pk), {"datum": "2023-06-01"}).content.decode()
    assert "2 van de 3 zetels bezet, 1 vacant." in eerder
    lijst = griffie.get(url("werkplek_organen"), {"datum": "2023-06-01"}).content.decode()
    assert raad.orgaan.naam in lijst


def test_orgaan_aanmaken_en_een_raad_met_een_verkeerd_aantal_zetels_weigeren(griffie: Client) -> None:
    antwoord = griffie.post(
        url("werkplek_orgaan_nieuw"),
        {"soort": "commissie", "naam": "Commissie Samenleving", "actief_vanaf": "2022-03-30"},
    )
    orgaan = Orgaan.objects.get(naam="Commissie Samenleving")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == url("werkplek_orgaan", orgaan.pk)
    fout = griffie.post(
        url("werkplek_orgaan_nieuw"),
        {"soort": "raad", "naam": "Gemeenteraad", "zetels": "30", "actief_vanaf": "2022-03-30"},
    )
    assert fout.status_code == 400
    assert "Gemeentewet art. 8 lid 1" in fout.context["form"].errors["zetels"][0]
    assert not Orgaan.objects.filter(naam="Gemeenteraad").exists()


def test_minder_zetels_dan_zittende_leden_wordt_geweigerd(griffie: Client) -> None:
    orgaan = OrgaanFactory(soort=Orgaan.Soort.COMMISSIE, zetels=3, naam="Commissie Ruimte")
    for _ in range(3):
        LidmaatschapFactory(orgaan=orgaan)
    antwoord = griffie.post(
        url("werkplek_orgaan_bewerken", orgaan.pk), {"naam": "Commissie Ruimte en Wonen", "zetels": "2"}
    )
    assert antwoord.status_code == 400
    assert "zouden 3 leden zitting hebben" in antwoord.context["form"].errors["zetels"][0]
    orgaan.refresh_from_db()
    assert (orgaan.naam, orgaan.zetels) == ("Commissie Ruimte", 3)


def test_lidmaatschap_starten_en_beeindigen(griffie: Client) -> None:
    raad = raad_met_leden((1, 1), vacatures=1)
    nieuw = PersoonFactory(voornaam="Nina", achternaam="Nieuw")
    antwoord = griffie.post(
        url("werkplek_lidmaatschap_nieuw", raad.orgaan.pk),
        {"persoon": nieuw.pk, "functie": "lid", "begin": "2024-02-01"},
    )
    assert antwoord.status_code == 302
    lidmaatschap = Lidmaatschap.objects.get(persoon=nieuw)
    assert lidmaatschap.begin == dt.date(2024, 2, 1)
    # Before begin: refused next to the field, the end stays open.
    fout = griffie.post(url("werkplek_lidmaatschap_beeindigen", lidmaatschap.pk), {"einde": "2024-01-01"})
    assert fout.status_code == 400
    assert fout.context["form"].errors
    lidmaatschap.refresh_from_db()
    assert lidmaatschap.einde is None
    goed = griffie.post(url("werkplek_lidmaatschap_beeindigen", lidmaatschap.pk), {"einde": "2024-06-30"})
    assert goed.status_code == 302
    lidmaatschap.refresh_from_db()
    assert lidmaatschap.einde == dt.date(2024, 6, 30)


def test_een_zetel_te_veel_wordt_naast_het_veld_geweigerd(griffie: Client) -> None:
    raad = raad_met_leden((2, 1))
    extra = PersoonFactory()
    antwoord = griffie.post(
        url("werkplek_lidmaatschap_nieuw", raad.orgaan.pk),
        {"persoon": extra.pk, "functie": "lid", "begin": "2024-02-01"},
    )
    assert antwoord.status_code == 400
    assert "3 zetels" in antwoord.context["form"].errors["begin"][0]
    assert 'class="utrecht-form-field-error-message"' in antwoord.content.decode()
    assert not Lidmaatschap.objects.filter(persoon=extra).exists()


def test_persoon_aanmaken_bewerken_en_koppelen_aan_een_account(griffie: Client) -> None:
    antwoord = griffie.post(
        url("werkplek_persoon_nieuw"),
        {"voornaam": "Ilse", "achternaam": "Indiener", "geslacht": "vrouw", "woonplaats": "Delfgauw"},
    )
    persoon = Persoon.objects.get(achternaam="Indiener")
    assert antwoord.status_code == 302
    raadslid = MedewerkerFactory(rollen=[Rol.RAADSLID])
    gegevens = {
        "voornaam": "Ilse",
        "achternaam": "Indiener-de Vries",
        "geslacht": "vrouw",
        "woonplaats": "Delfgauw",
        "medewerker": raadslid.pk,
    }
    assert griffie.post(url("werkplek_persoon", persoon.pk), gegevens).status_code == 302
    persoon.refresh_from_db()
    assert persoon.achternaam == "Indiener-de Vries"
    assert persoon.medewerker == raadslid
    # The same account for a second person: refused next to the field, and the name is not changed either.
    ander = PersoonFactory(achternaam="Ander")
    fout = griffie.post(
        url("werkplek_persoon", ander.pk), {**gegevens, "achternaam": "Anders", "geslacht": "onbekend"}
    )
    assert fout.status_code == 400
    assert "al gekoppeld aan Ilse Indiener-de Vries" in fout.context["koppeling"].errors["medewerker"][0]
    ander.refresh_from_db()
    assert (ander.achternaam, ander.medewerker) == ("Ander", None)


def test_fractie_aanmaken_lid_maken_en_wisselen(griffie: Client) -> None:
    lid = LidmaatschapFactory().persoon
    antwoord = griffie.post(
        url("werkplek_fractie_nieuw"),
        {"naam": "Groen Dorp (demo)", "afkorting": "GD", "actief_vanaf": "2022-03-30"},
    )
    groen = Fractie.objects.get(afkorting="GD")
    assert antwoord.status_code == 302
    assert (
        griffie.post(
            url("werkplek_fractielidmaatschap_nieuw", groen.pk),
            {"persoon": lid.pk, "functie": "lid", "begin": "2022-03-30"},
        ).status_code
        == 302
    )
    # A second fractie at the same time: refused, the member must change fractie instead.
    blauw = FractieFactory(naam="Blauw Dorp (demo)")
    fout = griffie.post(
        url("werkplek_fractielidmaatschap_nieuw", blauw.pk),
        {"persoon": lid.pk, "functie": "lid", "begin": "2023-01-01"},
    )
    assert fout.status_code == 400
    assert "één fractie tegelijk" in fout.context["form"].errors["begin"][0]
    wissel = griffie.post(
        url("werkplek_fractie_wisselen", lid.pk), {"fractie": blauw.pk, "per": "2024-01-01", "functie": "lid"}
    )
    assert wissel.status_code == 302
    lidmaatschappen = list(Fractielidmaatschap.objects.filter(persoon=lid).order_by("begin"))
    assert [(fl.fractie, fl.einde) for fl in lidmaatschappen] == [
        (groen, dt.date(2023, 12, 31)),
        (blauw, None),
    ]
    pagina = griffie.get(url("werkplek_fractie", groen.pk)).content.decode()
    assert lid.naam in pagina
    assert "31 december 2023" in pagina
    nogmaals = griffie.post(
        url("werkplek_fractie_wisselen", lid.pk), {"fractie": blauw.pk, "per": "2024-02-01", "functie": "lid"}
    )
    assert nogmaals.status_code == 400
    assert "al lid van deze fractie" in nogmaals.context["form"].errors["fractie"][0]


def test_fractielidmaatschap_beeindigen(griffie: Client) -> None:
    lidmaatschap = FractielidmaatschapFactory(begin=BEGIN_RAADSPERIODE)
    antwoord = griffie.post(
        url("werkplek_fractielidmaatschap_beeindigen", lidmaatschap.pk), {"einde": "2024-03-31"}
    )
    assert antwoord.status_code == 302
    lidmaatschap.refresh_from_db()
    assert lidmaatschap.einde == dt.date(2024, 3, 31)


@pytest.mark.parametrize(
    "naam", ["werkplek_organen", "werkplek_orgaan_nieuw", "werkplek_personen", "werkplek_fracties"]
)
def test_een_raadslid_beheert_geen_organen(client: Client, naam: str) -> None:
    client.force_login(MedewerkerFactory(rollen=[Rol.RAADSLID]))
    assert client.get(url(naam)).status_code == 403


def test_werkplek_toont_de_beheerpaginas_alleen_aan_wie_ze_mag_gebruiken(
    griffie: Client, client: Client
) -> None:
    pagina = griffie.get(url("werkplek")).content.decode()
    assert url("werkplek_organen") in pagina
    assert url("werkplek_voorstellen") in pagina
    griffie.logout()
    client.force_login(MedewerkerFactory(rollen=[Rol.RAADSLID]))
    pagina = client.get(url("werkplek")).content.decode()
    assert url("werkplek_organen") not in pagina
    assert url("werkplek_voorstellen") in pagina


def test_htmx_agenda_zet_de_focus_op_de_knop_van_het_verplaatste_punt(griffie: Client) -> None:
    from raadhuis.besluitvorming.tests.factories import AgendapuntFactory, VergaderingFactory

    vergadering = VergaderingFactory()
    AgendapuntFactory(vergadering=vergadering, volgnummer=1)
    tweede = AgendapuntFactory(vergadering=vergadering, volgnummer=2)
    antwoord = griffie.post(
        url("werkplek_agendapunt_verplaatsen", vergadering.pk, tweede.pk),
        {"richting": "omhoog"},
        headers={"HX-Request": "true"},
    )
    inhoud = antwoord.content.decode()
    assert inhoud.count(" autofocus") == 1
    assert (
        f'id="omlaag-{tweede.pk}" class="utrecht-button utrecht-button--secondary-action" autofocus' in inhoud
    )


def test_het_gekoppelde_account_is_niet_openbaar(client: Client) -> None:
    account = MedewerkerFactory(rollen=[Rol.RAADSLID], username="geheime.inlognaam")
    lid = LidmaatschapFactory().persoon
    lid.medewerker = account
    lid.save()
    pagina = client.get(reverse("besluitvorming:persoon", args=[lid.slug]))
    assert pagina.status_code == 200
    assert "geheime.inlognaam" not in pagina.content.decode()
    api = client.get(f"/api/v1/natuurlijkpersonen/{lid.pk}")
    assert api.status_code == 200
    assert "geheime.inlognaam" not in api.content.decode()
