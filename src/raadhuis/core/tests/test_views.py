from __future__ import annotations

import pytest
from django.test import Client

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.models import Organisatie

PUBLIEKE_PAGINAS = [
    "/",
    "/bestuur/",
    "/samenwerking/",
    "/dienstverlening/",
    "/openbaarheid/",
    "/toegankelijkheid/",
]
WERKPLEK_PAGINAS = {
    "/werkplek/besluitvorming/": {
        Rol.GRIFFIE,
        Rol.RAADSLID,
        Rol.COLLEGELID,
        Rol.CONTROLLER,
        Rol.BEHEERDER,
    },
    "/werkplek/uitvoering/": {
        Rol.GRIFFIE,
        Rol.RAADSLID,
        Rol.COLLEGELID,
        Rol.CONTROLLER,
        Rol.BEHEERDER,
    },
    "/werkplek/samenwerking/": {
        Rol.GRIFFIE,
        Rol.RAADSLID,
        Rol.COLLEGELID,
        Rol.CONTROLLER,
        Rol.BEHEERDER,
    },
    "/werkplek/dienstverlening/": {
        Rol.KCC_MEDEWERKER,
        Rol.BEHANDELAAR,
        Rol.CONTROLLER,
        Rol.BEHEERDER,
    },
    "/werkplek/woo/": {Rol.WOO_COORDINATOR, Rol.BEHANDELAAR, Rol.BEHEERDER},
    "/werkplek/woo/cijfers/": {Rol.WOO_COORDINATOR, Rol.CONTROLLER, Rol.BEHEERDER},
    "/werkplek/publicatie/": {Rol.WOO_COORDINATOR, Rol.GRIFFIE, Rol.BEHEERDER},
    "/werkplek/organisatie/": {Rol.BEHEERDER},
}


@pytest.mark.parametrize("pad", PUBLIEKE_PAGINAS)
def test_publieke_pagina_toont_organisatie_en_menu(client: Client, organisatie: Organisatie, pad):
    antwoord = client.get(pad)

    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "gemeente Pijnacker-Nootdorp" in html
    assert 'href="#inhoud"' in html
    assert 'id="inhoud"' in html
    for sectie in ("/bestuur/", "/samenwerking/", "/dienstverlening/", "/openbaarheid/"):
        assert f'href="{sectie}"' in html


def test_home_zonder_organisatie_werkt_ook(client: Client, db):
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("pad", ["/werkplek/", *WERKPLEK_PAGINAS])
def test_werkplek_vraagt_inloggen(client: Client, db, pad):
    antwoord = client.get(pad)

    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/werkplek/inloggen/?next=")


@pytest.mark.parametrize("rol", Rol.values)
def test_werkplek_per_rol(client: Client, organisatie: Organisatie, rol):
    client.force_login(MedewerkerFactory(rollen=[rol]))

    overzicht = client.get("/werkplek/").content.decode()

    for pad, rollen in WERKPLEK_PAGINAS.items():
        mag = rol in rollen
        assert client.get(pad).status_code == (200 if mag else 403), pad
        assert (f'href="{pad}"' in overzicht) is mag, pad


def test_inloggen_met_fout_wachtwoord_toont_melding(client: Client, organisatie: Organisatie):
    MedewerkerFactory(username="griet", rollen=[Rol.GRIFFIE])

    antwoord = client.post("/werkplek/inloggen/", {"username": "griet", "password": "fout"})

    assert antwoord.status_code == 200
    assert "utrecht-alert--error" in antwoord.content.decode()
    assert "_auth_user_id" not in client.session


def test_inloggen_en_uitloggen(client: Client, organisatie: Organisatie):
    from raadhuis.accounts.tests.factories import WACHTWOORD

    MedewerkerFactory(username="griet", rollen=[Rol.GRIFFIE])

    antwoord = client.post("/werkplek/inloggen/", {"username": "griet", "password": WACHTWOORD})
    assert antwoord.status_code == 302
    assert client.get("/werkplek/").status_code == 200

    assert client.get("/werkplek/uitloggen/").status_code == 405
    client.post("/werkplek/uitloggen/")
    assert client.get("/werkplek/").status_code == 302


def test_beheerder_wijzigt_organisatie_via_formulier(client: Client, organisatie: Organisatie, beheerder):
    client.force_login(beheerder)

    antwoord = client.post(
        "/werkplek/organisatie/",
        {"tooi_code": "gm1926", "naam": "Gemeente Pijnacker-Nootdorp", "telefoonnummer": "14 015"},
    )

    assert antwoord.status_code == 302
    assert Organisatie.objects.get().telefoonnummer == "14 015"


def test_formulier_toont_fout_naast_veld_en_bewaart_niets(
    client: Client, organisatie: Organisatie, beheerder
):
    client.force_login(beheerder)

    antwoord = client.post(
        "/werkplek/organisatie/",
        {"tooi_code": "gm9999", "naam": "Andere naam", "emailadres": "geen-adres"},
    )

    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert 'id="id_tooi_code_error"' in html
    assert "gm9999 staat niet in de TOOI-organisatielijsten." in html
    assert 'aria-describedby="id_tooi_code_helptext id_tooi_code_error"' in html
    assert 'id="id_emailadres_error"' in html
    assert Organisatie.objects.get().naam == "gemeente Pijnacker-Nootdorp"


def test_taalkeuze_schakelt_naar_engels(client: Client, organisatie: Organisatie):
    antwoord = client.post("/taal/", {"language": "en", "next": "/bestuur/"}, follow=True)

    assert antwoord.redirect_chain[-1][0] == "/bestuur/"
    assert '<html lang="en"' in antwoord.content.decode()


def test_onbekende_pagina_geeft_nette_404(client: Client, organisatie: Organisatie):
    antwoord = client.get("/bestaat-niet/")

    assert antwoord.status_code == 404
    assert "Pagina niet gevonden" in antwoord.content.decode()


def test_htmx_bibliotheek_wordt_geladen(client: Client, organisatie: Organisatie):
    assert "raadhuis/htmx.min.js" in client.get("/").content.decode()


def test_tooi_opzoeken_geeft_htmx_fragment(client: Client, organisatie: Organisatie, beheerder):
    client.force_login(beheerder)

    gevonden = client.get("/werkplek/organisatie/tooi/", {"tooi_code": "so0830"}, HTTP_HX_REQUEST="true")
    onbekend = client.get("/werkplek/organisatie/tooi/", {"tooi_code": "gm9999"}, HTTP_HX_REQUEST="true")

    assert gevonden.status_code == 200
    html = gevonden.content.decode()
    assert html.strip().startswith('<p class="utrecht-paragraph" id="tooi-resultaat"')
    assert "<html" not in html
    assert "samenwerkingsorganisatie" in html
    assert "gm9999 staat niet in de TOOI-organisatielijsten." in onbekend.content.decode()


def test_tooi_opzoeken_alleen_voor_beheerder(client: Client, organisatie: Organisatie, griffier):
    client.force_login(griffier)

    assert client.get("/werkplek/organisatie/tooi/", {"tooi_code": "gm1926"}).status_code == 403


def test_organisatiepagina_noemt_huidige_tooi_organisatie(
    client: Client, organisatie: Organisatie, beheerder
):
    client.force_login(beheerder)

    html = client.get("/werkplek/organisatie/").content.decode()

    assert "TOOI-code gm1926 is gemeente Pijnacker-Nootdorp (gemeente)." in html
    assert 'hx-get="/werkplek/organisatie/tooi/"' in html


def test_termijnberekening_legt_zich_uit(client: Client, organisatie: Organisatie, griffier):
    client.force_login(griffier)

    antwoord = client.get(
        "/werkplek/termijnen/", {"gebeurtenis": "2024-05-02", "aantal": "1", "eenheid": "weken", "atw": "on"}
    )

    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    # 1 week after Thursday 2 May 2024 is Thursday 9 May, Ascension Day; Friday 10 May 2024 is
    # equated with a holiday by decree (stored by the data migration), so Monday 13 May.
    assert "maandag 13 mei 2024" in html
    assert "Hemelvaartsdag" in html
    assert "koninklijk besluit" in html
    # A griffier computes but does not keep the decree days.
    assert "Dag vastleggen" not in html


def test_termijnformulier_wijst_halve_opschorting_af(client: Client, organisatie: Organisatie, griffier):
    client.force_login(griffier)

    antwoord = client.get(
        "/werkplek/termijnen/",
        {"gebeurtenis": "2024-05-02", "aantal": "4", "eenheid": "weken", "opgeschort_van": "2024-05-06"},
    )

    assert antwoord.status_code == 400
    assert "zowel de begin- als de einddatum" in antwoord.content.decode()


def test_beheerder_legt_gelijkgestelde_dag_vast_en_termijnen_volgen(
    client: Client, organisatie: Organisatie, beheerder
):
    from datetime import date

    from raadhuis.core.selectors import termijn_berekenen
    from raadhuis.core.termijnen import Eenheid, Termijn

    voor = termijn_berekenen(gebeurtenis=date(2029, 5, 3), termijn=Termijn(1, Eenheid.DAGEN)).einddatum
    client.force_login(beheerder)

    antwoord = client.post(
        "/werkplek/termijnen/", {"datum": "2029-05-04", "besluit": "Besluit gelijkstelling dagen 2029-2031"}
    )

    assert antwoord.status_code == 302
    na = termijn_berekenen(gebeurtenis=date(2029, 5, 3), termijn=Termijn(1, Eenheid.DAGEN))
    assert voor == date(2029, 5, 4)
    assert na.einddatum == date(2029, 5, 7)
    assert any("koninklijk besluit" in stap for stap in na.uitleg)


@pytest.mark.parametrize(
    ("datum", "melding"),
    [("2026-05-15", "al vastgelegd"), ("2029-05-05", "gelijkstellen verandert niets"), ("", "verplicht")],
)
def test_onzinnige_gelijkgestelde_dag_wordt_geweigerd(client: Client, organisatie, beheerder, datum, melding):
    from raadhuis.core.models import GelijkgesteldeDag

    aantal = GelijkgesteldeDag.objects.count()
    client.force_login(beheerder)

    antwoord = client.post("/werkplek/termijnen/", {"datum": datum, "besluit": "Besluit"})

    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()
    assert GelijkgesteldeDag.objects.count() == aantal


def test_alleen_beheerder_legt_gelijkgestelde_dagen_vast(client: Client, organisatie, griffier):
    from raadhuis.core.models import GelijkgesteldeDag

    client.force_login(griffier)
    dag = GelijkgesteldeDag.objects.first()

    assert client.post("/werkplek/termijnen/", {"datum": "2029-05-04", "besluit": "x"}).status_code == 403
    assert client.post(f"/werkplek/termijnen/{dag.pk}/verwijderen/").status_code == 403
    assert GelijkgesteldeDag.objects.filter(pk=dag.pk).exists()
