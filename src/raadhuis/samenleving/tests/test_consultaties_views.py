"""Consultation pages: what the public sees, the reaction form with its bad inputs, and the Werkplek
with its permissions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve, reverse

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.accounts.tests.hulp import TweestapClient
from raadhuis.samenleving.models import Consultatie, Reactie
from raadhuis.samenleving.tests.hulp import consultatie, reactie, vandaag

pytestmark = pytest.mark.django_db


def _bestaat(pad: str) -> bool:
    try:
        resolve(pad)
    except Resolver404:
        return False
    return True


GOEDE_REACTIE = {
    "naam": "Jan de Vries",
    "emailadres": "jan@example.org",
    "organisatie": "",
    "tekst": "Graag een oplaadpunt bij de bibliotheek.",
    "zichtbaarheid": "openbaar_anoniem",
}


def _reageren(client: TweestapClient, c: Consultatie, **velden: str):  # type: ignore[no-untyped-def]
    return client.post(reverse("samenleving:consultatie_reageren", args=[c.pk]), {**GOEDE_REACTIE, **velden})


def test_meedoen_toont_open_consultaties_en_de_links(client: TweestapClient) -> None:
    open_ = consultatie(titel="Ontwerp-Speelruimteplan")
    consultatie(titel="Oud plan", begin=-60, eind=-30)
    antwoord = client.get(reverse("samenleving:meedoen"))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert open_.titel in html
    assert "Oud plan" not in html
    for pad in ("/meedoen/petities/", "/meedoen/partners/", "/bestuur/raadsvragen/"):
        assert f'href="{pad}"' in html
        assert _bestaat(pad), pad
    assert 'name="emailadres"' in html


def test_publieke_pagina_toont_nooit_niet_openbare_reacties_of_e_mailadressen(client: TweestapClient) -> None:
    c = consultatie()
    reactie(c, tekst="Zichtbaar na moderatie", moderatie=Reactie.Moderatie.GOEDGEKEURD, naam_tonen=False)
    reactie(c, tekst="Alleen voor de gemeente", openbaar=False, naam_tonen=False, moderatie="goedgekeurd")
    reactie(c, tekst="Wacht op moderatie")
    reactie(c, tekst="Verborgen door de griffie", moderatie=Reactie.Moderatie.VERBORGEN)
    html = client.get(reverse("samenleving:consultatie", args=[c.pk])).content.decode()
    assert "Zichtbaar na moderatie" in html
    assert "Alleen voor de gemeente" not in html
    assert "Wacht op moderatie" not in html
    assert "Verborgen door de griffie" not in html
    assert "fatima@example.org" not in html
    assert "Fatima el Amrani" not in html


def test_reageren_slaat_op_en_stuurt_door(client: TweestapClient, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    c = consultatie()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = _reageren(client, c)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("samenleving:consultatie_reactie_ontvangen", args=[c.pk])
    r = Reactie.objects.get()
    assert r.openbaar
    assert not r.naam_tonen
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("velden", "veld", "melding"),
    [
        ({"naam": ""}, "naam", "Vul uw naam in."),
        ({"emailadres": "jan@"}, "emailadres", "Vul een geldig e-mailadres in"),
        ({"tekst": ""}, "tekst", "Schrijf uw reactie."),
        ({"zichtbaarheid": ""}, "zichtbaarheid", "Kies of uw reactie openbaar mag zijn."),
        ({"zichtbaarheid": "iets"}, "zichtbaarheid", ""),
        ({"tekst": "Stelletje klootzakken"}, "tekst", "Pas uw tekst aan"),
    ],
)
def test_reageren_met_onjuiste_invoer_toont_de_fout_bij_het_veld(
    client: TweestapClient, velden: dict[str, str], veld: str, melding: str
) -> None:
    c = consultatie()
    antwoord = _reageren(client, c, **velden)
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert f'id="id_{veld}_error"' in html
    assert melding in html
    assert not Reactie.objects.exists()


def test_reageren_na_sluiting_wordt_geweigerd(client: TweestapClient) -> None:
    c = consultatie(begin=-30, eind=-1)
    antwoord = _reageren(client, c)
    assert antwoord.status_code == 400
    assert "gesloten" in antwoord.content.decode()
    assert not Reactie.objects.exists()


def test_onbekende_consultatie_geeft_404(client: TweestapClient) -> None:
    assert client.get(reverse("samenleving:consultatie", args=[999])).status_code == 404
    assert client.get(reverse("samenleving:consultatie_reageren", args=[999])).status_code == 404


# -- Werkplek -----------------------------------------------------------------------------------------


def test_werkplek_vraagt_inloggen_en_de_juiste_rol(client: TweestapClient) -> None:
    url = reverse("samenleving:werkplek_consultaties")
    assert client.get(url).status_code == 302
    client.force_login(MedewerkerFactory(rollen=[Rol.KCC_MEDEWERKER]))
    assert client.get(url).status_code == 403
    client.force_login(MedewerkerFactory(rollen=[Rol.COLLEGELID]))
    assert client.get(url).status_code == 200
    assert client.get(reverse("samenleving:werkplek_moderatie")).status_code == 403


def test_nieuwe_consultatie_met_onjuiste_datums(client: TweestapClient, griffier: Medewerker) -> None:
    client.force_login(griffier)
    antwoord = client.post(
        reverse("samenleving:werkplek_consultatie_nieuw"),
        {
            "titel": "Ontwerp",
            "samenvatting": "Samenvatting",
            "initiatiefnemer": "raad",
            "begindatum": vandaag().isoformat(),
            "einddatum": (vandaag() - dt.timedelta(days=1)).isoformat(),
            "contact": "Griffie",
        },
    )
    assert antwoord.status_code == 400
    assert "De einddatum ligt vóór de begindatum." in antwoord.content.decode()
    assert not Consultatie.objects.exists()


def test_nieuwe_consultatie(client: TweestapClient, griffier: Medewerker) -> None:
    client.force_login(griffier)
    antwoord = client.post(
        reverse("samenleving:werkplek_consultatie_nieuw"),
        {
            "titel": "Ontwerp-Afvalstoffenverordening",
            "samenvatting": "Nieuwe regels voor afval.",
            "initiatiefnemer": "raad",
            "begindatum": vandaag().isoformat(),
            "einddatum": (vandaag() + dt.timedelta(days=42)).isoformat(),
            "contact": "Griffie",
        },
    )
    c = Consultatie.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("samenleving:werkplek_consultatie", args=[c.pk])
    assert client.get(antwoord["Location"]).status_code == 200


def test_document_met_verkeerd_type(client: TweestapClient, griffier: Medewerker) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    c = consultatie()
    client.force_login(griffier)
    antwoord = client.post(
        reverse("samenleving:werkplek_consultatie_document", args=[c.pk]),
        {
            "titel": "Ontwerp",
            "bestand": SimpleUploadedFile("x.pdf", b"niet echt", content_type="application/pdf"),
        },
    )
    assert antwoord.status_code == 400
    assert "Dit bestandstype is niet toegestaan" in antwoord.content.decode()
    assert not c.documenten.exists()


def test_moderatie_goedkeuren_en_verbergen(client: TweestapClient, griffier: Medewerker) -> None:
    c = consultatie()
    goed, slecht = reactie(c, tekst="Goed"), reactie(c, tekst="Slecht")
    client.force_login(griffier)
    assert "Goed" in client.get(reverse("samenleving:werkplek_moderatie")).content.decode()
    url = "samenleving:werkplek_reactie_beoordelen"
    client.post(reverse(url, args=[goed.pk]), {"besluit": "goedkeuren"})
    # Hiding without a reason changes nothing.
    client.post(reverse(url, args=[slecht.pk]), {"besluit": "verbergen", "reden": ""})
    slecht.refresh_from_db()
    assert slecht.moderatie == Reactie.Moderatie.TE_BEOORDELEN
    client.post(reverse(url, args=[slecht.pk]), {"besluit": "verbergen", "reden": "Bevat persoonsgegevens"})
    goed.refresh_from_db()
    slecht.refresh_from_db()
    assert goed.moderatie == Reactie.Moderatie.GOEDGEKEURD
    assert slecht.moderatie == Reactie.Moderatie.VERBORGEN


def test_beantwoorden_en_publiceren(client: TweestapClient, griffier: Medewerker) -> None:
    c = consultatie(begin=-40, eind=-1)
    r = reactie(c, openbaar=False, naam_tonen=False)
    client.force_login(griffier)
    leeg = client.post(reverse("samenleving:werkplek_reactie_beantwoorden", args=[r.pk]), {"antwoord": ""})
    assert leeg.status_code == 400
    client.post(
        reverse("samenleving:werkplek_reactie_beantwoorden", args=[r.pk]),
        {"thema": "Fietsen", "antwoord": "Dank, we passen het aan.", "ontwerp_gewijzigd": "on"},
    )
    r.refresh_from_db()
    assert r.antwoord == "Dank, we passen het aan."
    assert r.ontwerp_gewijzigd
    url = reverse("samenleving:werkplek_consultatie_publiceren", args=[c.pk])
    fout = client.post(url, {"besluit_omschrijving": "", "besluit_url": "geen-url"})
    assert fout.status_code == 400
    assert client.post(url, {"besluit_omschrijving": "Vastgesteld door de raad."}).status_code == 302
    c.refresh_from_db()
    assert c.nota_gepubliceerd_op is not None
    html = client.get(reverse("samenleving:consultatie", args=[c.pk])).content.decode()
    assert "Dank, we passen het aan." in html
    assert "Fatima" not in html


def test_zoeken_in_consultaties(client: TweestapClient, griffier: Medewerker) -> None:
    from raadhuis.samenleving.services import consultaties as services

    services.consultatie_aanmaken(
        titel="Ontwerp-Hondenbeleid",
        samenvatting="Losloopgebieden voor honden in Delfgauw.",
        initiatiefnemer="college",
        begindatum=vandaag(),
        einddatum=vandaag() + dt.timedelta(days=30),
        contact="Team Openbare Ruimte",
        door=griffier,
    )
    consultatie(titel="Ontwerp-Parkeerbeleid")
    html = client.get(reverse("samenleving:consultaties"), {"q": "losloopgebied"}).content.decode()
    assert "1 consultatie gevonden" in html
    assert "Ontwerp-Hondenbeleid" in html


def test_scheldwoord_en_ontbrekend_adres_worden_samen_gemeld(client: TweestapClient) -> None:
    antwoord = _reageren(client, consultatie(), emailadres="", tekst="Wat een klootzak")
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert 'id="id_tekst_error"' in html
    assert "“klootzak”" in html
    assert 'id="id_emailadres_error"' in html


def test_publieke_pagina_doet_evenveel_queries_bij_meer_reacties(
    client: TweestapClient,
    django_assert_max_num_queries: Any,
) -> None:
    c = consultatie()
    reactie(c, moderatie=Reactie.Moderatie.GOEDGEKEURD)
    url = reverse("samenleving:consultatie", args=[c.pk])
    client.get(url)  # warms the session and caches
    with CaptureQueriesContext(connection) as een:
        client.get(url)
    for _ in range(5):
        reactie(c, moderatie=Reactie.Moderatie.GOEDGEKEURD)
    with django_assert_max_num_queries(len(een.captured_queries)):
        client.get(url)
