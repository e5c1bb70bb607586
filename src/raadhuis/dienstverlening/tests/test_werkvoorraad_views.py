"""The work queue and case pages: filters and keyset paging, claim, status changes and their bad
input, who may see and who may act, documents from private storage."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.dienstverlening.models import Product, Resultaattype, Statustype, Team, Zaak, Zaakdocument
from raadhuis.dienstverlening.services import zaken
from raadhuis.dienstverlening.tests import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
WERKVOORRAAD = reverse("dienstverlening:werkvoorraad")


@pytest.fixture
def kcc() -> Medewerker:
    return factories.medewerker(Rol.KCC_MEDEWERKER)


@pytest.fixture
def behandelaar() -> Medewerker:
    return factories.medewerker(Rol.BEHANDELAAR, first_name="Bas", last_name="Behandelaar")


@pytest.fixture
def zaak(kcc: Medewerker) -> Zaak:
    return factories.zaak(door=kcc)


@pytest.fixture(autouse=True)
def _prive_opslag(settings: Any, tmp_path: Any) -> None:
    settings.RAADHUIS_PRIVE_ROOT = str(tmp_path / "prive")


def _url(naam: str, zaak: Zaak) -> str:
    return reverse(f"dienstverlening:{naam}", args=[zaak.identificatie])


def _zaaknummers(html: str) -> list[str]:
    return re.findall(r">(ZAAK-\d{4}-\d{6})</a>", html)


def _status(zaak: Zaak, omschrijving: str) -> Statustype:
    return Statustype.objects.get(zaaktype=zaak.zaaktype, omschrijving=omschrijving)


# --- the queue ------------------------------------------------------------------------------------


def test_werkvoorraad_toont_zaken_met_te_laat_markering(
    client: Any, behandelaar: Medewerker, kcc: Medewerker
) -> None:
    op_tijd = factories.zaak(door=kcc)
    te_laat = factories.zaak(door=kcc)
    Zaak.objects.filter(pk=te_laat.pk).update(einddatum_gepland=timezone.localdate() - dt.timedelta(days=2))
    client.force_login(behandelaar)
    antwoord = client.get(WERKVOORRAAD)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert _zaaknummers(html) == [te_laat.identificatie, op_tijd.identificatie]
    assert html.count("(te laat)") == 1
    assert "Oppakken" in html


def test_filters_en_volgende_pagina(client: Any, behandelaar: Medewerker, kcc: Medewerker) -> None:
    vandaag = timezone.localdate()
    gemaakt = []
    for n in range(27):
        zaak = factories.zaak(door=kcc)
        Zaak.objects.filter(pk=zaak.pk).update(einddatum_gepland=vandaag + dt.timedelta(days=n % 5))
        gemaakt.append(zaak.identificatie)
    factories.zaak("vraag-stellen", door=kcc)
    verhuizing = factories.product()
    client.force_login(behandelaar)
    eerste = client.get(WERKVOORRAAD, {"product": verhuizing.pk})
    html = eerste.content.decode()
    pagina1 = _zaaknummers(html)
    assert len(pagina1) == 25
    volgende = re.search(r'rel="next" href="([^"]+)"', html)
    assert volgende is not None
    assert f"product={verhuizing.pk}" in volgende.group(1)
    tweede = client.get(WERKVOORRAAD + volgende.group(1).replace("&amp;", "&"))
    pagina2 = _zaaknummers(tweede.content.decode())
    assert len(pagina2) == 2
    alle = Zaak.objects.filter(product=verhuizing).order_by("einddatum_gepland", "id")
    assert pagina1 + pagina2 == [z.identificatie for z in alle]
    assert 'rel="next"' not in tweede.content.decode()


def test_filter_mijn_zaken_en_ongeldige_keuze(client: Any, behandelaar: Medewerker, kcc: Medewerker) -> None:
    mijn = factories.zaak(door=kcc)
    factories.zaak(door=kcc)
    zaken.zaak_toewijzen(zaak=mijn, behandelaar=behandelaar, door=behandelaar)
    client.force_login(behandelaar)
    assert _zaaknummers(client.get(WERKVOORRAAD, {"behandelaar": "ik"}).content.decode()) == [
        mijn.identificatie
    ]
    fout = client.get(WERKVOORRAAD, {"kanaal": "duif"})
    assert fout.status_code == 400
    assert "utrecht-form-field--invalid" in fout.content.decode()


def test_werkvoorraad_alleen_voor_wie_zaken_mag_inzien(client: Any, zaak: Zaak) -> None:
    client.force_login(factories.medewerker(Rol.GRIFFIE))
    assert client.get(WERKVOORRAAD).status_code == 403
    assert client.get(_url("werkplek_zaak", zaak)).status_code == 403
    client.logout()
    assert client.get(WERKVOORRAAD).status_code == 302


def test_htmx_vraagt_alleen_de_resultaten(client: Any, behandelaar: Medewerker, zaak: Zaak) -> None:
    client.force_login(behandelaar)
    antwoord = client.get(WERKVOORRAAD, headers={"HX-Request": "true"})
    html = antwoord.content.decode()
    assert zaak.identificatie in html
    assert "<html" not in html


# --- claim and status -----------------------------------------------------------------------------


def test_oppakken_vanuit_de_werkvoorraad(client: Any, behandelaar: Medewerker, zaak: Zaak) -> None:
    client.force_login(behandelaar)
    terug = WERKVOORRAAD + "?kanaal=balie"
    antwoord = client.post(_url("werkplek_zaak_oppakken", zaak), {"terug": terug})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == terug
    zaak.refresh_from_db()
    assert zaak.behandelaar == behandelaar
    # An outside address is never followed.
    antwoord = client.post(_url("werkplek_zaak_oppakken", zaak), {"terug": "https://kwaad.example/"})
    assert antwoord["Location"] == _url("werkplek_zaak", zaak)


def test_oppakken_met_de_knop_in_de_lijst_en_de_lijst_toont_het_meteen(
    client: Any, behandelaar: Medewerker, zaak: Zaak
) -> None:
    """The rows are cached as rendered (under a fingerprint of the rows): the claim shows at once,
    and the one form around the rows carries the token and the way back for every row's button."""
    client.force_login(behandelaar)
    lijst = client.get(WERKVOORRAAD, {"kanaal": zaak.kanaal}).content.decode()
    formulier = re.search(r'<form method="post">(.*?)</form>', lijst, re.S)
    assert formulier is not None
    knoppen = re.findall(r'<button type="submit" formaction="([^"]+)"', formulier.group(1))
    assert knoppen == [_url("werkplek_zaak_oppakken", zaak)]
    velden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', formulier.group(1)))
    assert set(velden) == {"csrfmiddlewaretoken", "terug"}
    terug = unescape(velden["terug"])
    assert terug == f"{WERKVOORRAAD}?kanaal={zaak.kanaal}"

    antwoord = client.post(knoppen[0], {**velden, "terug": terug})

    assert antwoord.status_code == 302
    assert antwoord["Location"] == terug
    daarna = client.get(terug).content.decode()
    assert "Bas Behandelaar" in daarna
    assert "formaction" not in daarna


def test_zaakpagina_toont_gegevens_gemaskeerd_bsn_en_alleen_toegestane_statussen(
    client: Any, behandelaar: Medewerker, kcc: Medewerker
) -> None:
    zaak = factories.zaak(door=kcc, gegevens={"nieuw_adres": "Dorpsstraat 1", "verhuisdatum": "2026-12-01"})
    client.force_login(behandelaar)
    html = client.get(_url("werkplek_zaak", zaak)).content.decode()
    assert "Dorpsstraat 1" in html
    assert "Nieuw adres" in html
    assert factories.BSN_INWONER not in html
    assert "******653" in html
    keuzes = re.findall(
        r'<option value="(\d+)"', html.split('name="status-statustype"')[1].split("</select>")[0]
    )
    assert keuzes == [str(_status(zaak, "In behandeling").pk)]
    assert 'name="status-resultaattype"' not in html


def test_status_zetten_via_post(client: Any, behandelaar: Medewerker, zaak: Zaak) -> None:
    client.force_login(behandelaar)
    antwoord = client.post(
        _url("werkplek_zaak_status", zaak),
        {"status-statustype": _status(zaak, "In behandeling").pk, "status-toelichting": "Begonnen"},
    )
    assert antwoord.status_code == 302
    zaak.refresh_from_db()
    assert zaak.statustype.omschrijving == "In behandeling"
    pagina = client.get(antwoord["Location"]).content.decode()
    assert "In behandeling" in pagina
    assert "Begonnen" in pagina
    assert 'name="status-resultaattype"' in pagina  # the end status is now among the choices


def test_status_overslaan_toont_de_fout_en_verandert_niets(
    client: Any, behandelaar: Medewerker, zaak: Zaak
) -> None:
    client.force_login(behandelaar)
    voor = (zaak.statustype_id, zaak.statussen.count())
    antwoord = client.post(
        _url("werkplek_zaak_status", zaak),
        {
            "status-statustype": _status(zaak, "Afgehandeld").pk,
            "status-resultaattype": Resultaattype.objects.filter(zaaktype=zaak.zaaktype).first().pk,  # type: ignore[union-attr]
        },
    )
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Eerst moet de status" in html
    assert 'id="id_status-statustype_error"' in html
    assert re.search(r"<select[^>]*aria-describedby=\"[^\"]*id_status-statustype_error", html)
    zaak.refresh_from_db()
    assert (zaak.statustype_id, zaak.statussen.count()) == voor


def test_eindstatus_zonder_resultaat_toont_fout_bij_resultaat(
    client: Any, behandelaar: Medewerker, zaak: Zaak
) -> None:
    zaak = zaken.status_zetten(zaak=zaak, statustype=_status(zaak, "In behandeling"), door=behandelaar)
    client.force_login(behandelaar)
    antwoord = client.post(
        _url("werkplek_zaak_status", zaak), {"status-statustype": _status(zaak, "Afgehandeld").pk}
    )
    assert antwoord.status_code == 400
    assert 'id="id_status-resultaattype_error"' in antwoord.content.decode()
    zaak.refresh_from_db()
    assert not zaak.is_afgesloten


def test_kcc_medewerker_mag_zien_maar_geen_status_zetten(client: Any, kcc: Medewerker, zaak: Zaak) -> None:
    client.force_login(kcc)
    assert client.get(WERKVOORRAAD).status_code == 200
    pagina = client.get(_url("werkplek_zaak", zaak))
    assert pagina.status_code == 200
    assert "status-statustype" not in pagina.content.decode()
    antwoord = client.post(
        _url("werkplek_zaak_status", zaak), {"status-statustype": _status(zaak, "In behandeling").pk}
    )
    assert antwoord.status_code == 403
    zaak.refresh_from_db()
    assert zaak.statustype.volgnummer == 1


def test_controller_kijkt_alleen(client: Any, zaak: Zaak) -> None:
    controller = factories.medewerker(Rol.CONTROLLER)
    client.force_login(controller)
    lijst = client.get(WERKVOORRAAD).content.decode()
    assert zaak.identificatie in lijst
    assert "Oppakken" not in lijst
    pagina = client.get(_url("werkplek_zaak", zaak)).content.decode()
    assert "<form" not in pagina.split('id="inhoud"')[1]
    for naam, gegevens in [
        ("werkplek_zaak_oppakken", {}),
        ("werkplek_zaak_toewijzen", {"toewijzen-behandelaar": controller.pk}),
        ("werkplek_zaak_notitie", {"notitie-tekst": "x"}),
        ("werkplek_zaak_bericht", {"bericht-onderwerp": "x", "bericht-tekst": "y"}),
    ]:
        assert client.post(_url(naam, zaak), gegevens).status_code == 403
    zaak.refresh_from_db()
    assert zaak.behandelaar is None
    assert not zaak.notities.exists()


# --- assign, note, message, document ---------------------------------------------------------------


def test_toewijzen_aan_teamlid(client: Any, behandelaar: Medewerker, kcc: Medewerker) -> None:
    team = Team.objects.create(naam="Burgerzaken")
    collega = factories.medewerker(Rol.BEHANDELAAR, first_name="Cor", last_name="Collega")
    team.leden.add(behandelaar, collega)
    factories.zaaktype("verhuizing", team=team)
    zaak = factories.zaak(door=kcc)
    buitenstaander = factories.medewerker(Rol.BEHANDELAAR)
    client.force_login(behandelaar)
    html = client.get(_url("werkplek_zaak", zaak)).content.decode()
    assert "Cor Collega" in html
    assert buitenstaander.get_full_name() not in html
    fout = client.post(_url("werkplek_zaak_toewijzen", zaak), {"toewijzen-behandelaar": buitenstaander.pk})
    assert fout.status_code == 400
    antwoord = client.post(_url("werkplek_zaak_toewijzen", zaak), {"toewijzen-behandelaar": collega.pk})
    assert antwoord.status_code == 302
    zaak.refresh_from_db()
    assert zaak.behandelaar == collega


def test_notitie_en_bericht(client: Any, behandelaar: Medewerker, zaak: Zaak) -> None:
    client.force_login(behandelaar)
    assert client.post(_url("werkplek_zaak_notitie", zaak), {"notitie-tekst": ""}).status_code == 400
    assert (
        client.post(_url("werkplek_zaak_notitie", zaak), {"notitie-tekst": "Klant gebeld"}).status_code == 302
    )
    antwoord = client.post(
        _url("werkplek_zaak_bericht", zaak),
        {"bericht-onderwerp": "Huurcontract", "bericht-tekst": "Graag sturen"},
    )
    assert antwoord.status_code == 302
    html = client.get(_url("werkplek_zaak", zaak)).content.decode()
    assert "Klant gebeld" in html
    assert "Bericht aan de aanvrager: Huurcontract" in html


def test_document_uploaden_en_downloaden(client: Any, behandelaar: Medewerker, zaak: Zaak) -> None:
    client.force_login(behandelaar)
    fout = client.post(
        _url("werkplek_zaak_document", zaak),
        {"document-titel": "Contract", "document-bestand": SimpleUploadedFile("c.pdf", b"MZ geen pdf")},
    )
    assert fout.status_code == 400
    assert 'id="id_document-bestand_error"' in fout.content.decode()
    assert not Zaakdocument.objects.exists()
    antwoord = client.post(
        _url("werkplek_zaak_document", zaak),
        {"document-titel": "Contract", "document-bestand": SimpleUploadedFile("contract.pdf", PDF)},
    )
    assert antwoord.status_code == 302
    document = Zaakdocument.objects.get()
    download = reverse("dienstverlening:werkplek_zaakdocument", args=[zaak.identificatie, document.pk])
    assert download in client.get(_url("werkplek_zaak", zaak)).content.decode()
    client.force_login(factories.medewerker(Rol.CONTROLLER))
    bestand = client.get(download)
    assert bestand.status_code == 200
    assert b"".join(bestand.streaming_content) == PDF
    assert bestand["Content-Type"] == "application/pdf"
    client.force_login(factories.medewerker(Rol.GRIFFIE))
    assert client.get(download).status_code == 403
    client.logout()
    assert client.get(download).status_code == 302


def test_afgesloten_zaak_heeft_geen_formulieren(client: Any, behandelaar: Medewerker, zaak: Zaak) -> None:
    zaak = zaken.status_zetten(zaak=zaak, statustype=_status(zaak, "In behandeling"), door=behandelaar)
    zaak = zaken.status_zetten(
        zaak=zaak,
        statustype=_status(zaak, "Afgehandeld"),
        resultaattype=Resultaattype.objects.get(zaaktype=zaak.zaaktype, omschrijving="Verwerkt"),
        door=behandelaar,
    )
    client.force_login(behandelaar)
    html = client.get(_url("werkplek_zaak", zaak)).content.decode()
    assert "status-statustype" not in html
    assert "Verwerkt" in html
    antwoord = client.post(
        _url("werkplek_zaak_status", zaak), {"status-statustype": _status(zaak, "Afgehandeld").pk}
    )
    assert antwoord.status_code == 400
    assert client.get(WERKVOORRAAD, {"status": "afgesloten"}).content.decode().count(zaak.identificatie) >= 1


def _aantal_queries(client: Any, url: str) -> int:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # the filter's choices are cached for a minute: count their queries every time
    with CaptureQueriesContext(connection) as vastgelegd:
        assert client.get(url).status_code == 200
    return len(vastgelegd.captured_queries)


def test_filterkeuzes_komen_een_minuut_uit_de_cache(client: Any, behandelaar: Medewerker) -> None:
    with freeze_time() as klok:
        client.force_login(behandelaar)
        assert "Bea Nieuw" not in client.get(WERKVOORRAAD).content.decode()
        factories.medewerker(Rol.BEHANDELAAR, first_name="Bea", last_name="Nieuw")
        assert "Bea Nieuw" not in client.get(WERKVOORRAAD).content.decode()
        klok.tick(dt.timedelta(seconds=61))
        assert "Bea Nieuw" in client.get(WERKVOORRAAD).content.decode()


def test_een_nieuw_team_en_product_staan_meteen_in_het_filter(client: Any, behandelaar: Medewerker) -> None:
    """The catalogue's services clear the cached choices: no minute's wait for what they add."""
    from raadhuis.dienstverlening.services import catalogus

    with freeze_time():
        client.force_login(behandelaar)
        assert "Team Burgerzaken Noord" not in client.get(WERKVOORRAAD).content.decode()
        catalogus.team_aanmaken(
            naam="Team Burgerzaken Noord", leden=[behandelaar], door=factories.beheerder()
        )
        factories.product("aangifte-overlijden")
        html = client.get(WERKVOORRAAD).content.decode()
    assert "Team Burgerzaken Noord" in html
    assert Product.objects.get(slug="aangifte-overlijden").naam in html


def test_geen_n_plus_een_op_lijst_en_zaakpagina(
    client: Any, behandelaar: Medewerker, kcc: Medewerker
) -> None:
    zaak = factories.zaak(door=kcc)
    client.force_login(behandelaar)
    lijst_een = _aantal_queries(client, WERKVOORRAAD)
    pagina_een = _aantal_queries(client, _url("werkplek_zaak", zaak))
    for n in range(5):
        andere = factories.zaak(door=kcc)
        zaken.zaak_toewijzen(zaak=andere, behandelaar=behandelaar, door=behandelaar)
        zaken.notitie_toevoegen(zaak=zaak, tekst=f"Notitie {n}", door=factories.medewerker(Rol.BEHANDELAAR))
        zaken.bericht_sturen(zaak=zaak, onderwerp=f"Bericht {n}", tekst="Tekst", door=behandelaar)
    assert _aantal_queries(client, WERKVOORRAAD) == lijst_een
    assert _aantal_queries(client, _url("werkplek_zaak", zaak)) == pagina_een
