"""Mijn zaken through the pages: own cases only, open and closed apart, the case with its history,
visible documents and messages, and sending a message or a document. Someone else's case is 404."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from raadhuis.accounts.models import Rol
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort
from raadhuis.core.models import Logregel
from raadhuis.dienstverlening.models import Berichtsoort, Zaak, Zaakbericht, Zaakdocument
from raadhuis.dienstverlening.services import zaken
from raadhuis.dienstverlening.tests import factories
from raadhuis.dienstverlening.views import mijn_zaken as mijn_zaken_views

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _prive_opslag(settings: object, tmp_path: Path) -> None:
    settings.RAADHUIS_PRIVE_ROOT = str(tmp_path)  # type: ignore[attr-defined]


def afsluiten(zaak: Zaak) -> Zaak:
    """Through every required status to the end, with the first result (as a behandelaar would)."""
    behandelaar = factories.medewerker(Rol.BEHANDELAAR)
    for statustype in zaak.zaaktype.statustypen.filter(
        optioneel=False, volgnummer__gt=zaak.statustype.volgnummer
    ).order_by("volgnummer"):
        zaak = zaken.status_zetten(
            zaak=zaak,
            statustype=statustype,
            door=behandelaar,
            resultaattype=zaak.zaaktype.resultaattypen.order_by("pk").first()
            if statustype.is_eindstatus
            else None,
        )
    return zaak


def document(zaak: Zaak, titel: str, *, zichtbaar: bool) -> Zaakdocument:
    return zaken.document_toevoegen(
        zaak=zaak,
        bestand=SimpleUploadedFile(f"{titel}.pdf", PDF, content_type="application/pdf"),
        titel=titel,
        door=factories.medewerker(Rol.BEHANDELAAR),
        zichtbaar_voor_aanvrager=zichtbaar,
    )


def zonder_bsn() -> Identiteit:
    return Identiteit(soort=Soort.INWONER, niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL, bsn="", middel="digid")


def zonder_kvk() -> Identiteit:
    return Identiteit(
        soort=Soort.ONDERNEMER,
        niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
        kvk_nummer="",
        middel="eherkenning",
    )


def _url(zaak: Zaak, deel: str = "") -> str:
    return f"/mijn-zaken/{zaak.identificatie}/{deel}"


@pytest.mark.django_db
def test_niet_ingelogd_krijgt_uitleg_en_geen_zaakgegevens(client: Client) -> None:
    zaak = factories.zaak()
    lijst = client.get("/mijn-zaken/")
    detail = client.get(_url(zaak))
    assert lijst.status_code == 200
    assert "/inloggen/digid/?niveau=substantieel" in lijst.content.decode()
    assert "/inloggen/eherkenning/?niveau=substantieel" in lijst.content.decode()
    assert detail.status_code == 200
    assert zaak.omschrijving not in detail.content.decode()
    assert "Wij hebben uw aanvraag ontvangen" not in detail.content.decode()
    assert client.get(_url(zaak, "documenten/1/")).status_code == 200  # the login explanation, no file


@pytest.mark.django_db
def test_te_laag_niveau_wordt_geweigerd(client: Client) -> None:
    factories.zaak()
    factories.inloggen(client, factories.inwoner(niveau=Betrouwbaarheidsniveau.LAAG))
    antwoord = client.get("/mijn-zaken/")
    assert antwoord.status_code == 403
    assert "ZAAK-" not in antwoord.content.decode()


@pytest.mark.django_db
def test_lijst_toont_eigen_zaken_lopend_en_afgesloten_apart(client: Client) -> None:
    # Given resident A with two open cases and a closed one, and resident B with a case of their own
    open_1 = factories.zaak()
    open_2 = factories.zaak("uittreksel-brp")
    gesloten = afsluiten(factories.zaak())
    van_b = factories.zaak(bsn=factories.BSN_ANDER)

    # When A opens Mijn zaken
    factories.inloggen(client, factories.inwoner())
    antwoord = client.get("/mijn-zaken/")

    # Then the open cases are under "Lopende zaken" with their expected date, the closed one below
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    lopend, afgesloten = tekst.split('id="afgesloten"')
    assert f'href="/mijn-zaken/{open_1.identificatie}/"' in lopend
    assert open_2.identificatie in lopend
    assert gesloten.identificatie not in lopend
    assert gesloten.identificatie in afgesloten
    assert "Afgehandeld" in afgesloten
    assert open_1.einddatum_gepland.strftime("%Y") in lopend
    # and B's case is nowhere
    assert van_b.identificatie not in tekst


@pytest.mark.django_db
def test_afgesloten_zaken_per_pagina_met_meer_link(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mijn_zaken_views, "PAGINAGROOTTE", 2)
    gesloten = [afsluiten(factories.zaak()) for _ in range(3)]
    factories.inloggen(client, factories.inwoner())

    eerste = client.get("/mijn-zaken/").content.decode()
    assert gesloten[2].identificatie in eerste
    assert gesloten[1].identificatie in eerste
    assert gesloten[0].identificatie not in eerste
    assert "Meer afgesloten zaken" in eerste
    volgende = eerste.split('href="?na=')[1].split('"')[0]

    tweede = client.get(f"/mijn-zaken/?na={volgende}").content.decode()
    assert gesloten[0].identificatie in tweede.split('id="afgesloten"')[1]
    assert gesloten[1].identificatie not in tweede
    assert "Meer afgesloten zaken" not in tweede


@pytest.mark.django_db
def test_ongeldige_vervolgcode_geeft_404(client: Client) -> None:
    factories.inloggen(client, factories.inwoner())
    assert client.get("/mijn-zaken/?na=gisteren").status_code == 404


@pytest.mark.django_db
def test_lijst_in_een_vast_aantal_queries(client: Client, django_assert_max_num_queries: object) -> None:
    for _ in range(3):
        factories.zaak()
    afsluiten(factories.zaak())
    factories.inloggen(client, factories.inwoner())
    # session, two index range scans, the log entry (chain head lock, insert, update): never per case
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        assert client.get("/mijn-zaken/").status_code == 200


@pytest.mark.django_db
def test_zaak_toont_statusverloop_zichtbare_documenten_en_berichten(client: Client) -> None:
    # Given a case in behandeling with a visible and a hidden document, a message, a note and an e-mail
    zaak = factories.zaak()
    behandelaar = factories.medewerker(Rol.BEHANDELAAR)
    in_behandeling = zaak.zaaktype.statustypen.get(omschrijving="In behandeling")
    zaken.status_zetten(zaak=zaak, statustype=in_behandeling, door=behandelaar)
    document(zaak, "Besluit verhuizing", zichtbaar=True)
    document(zaak, "Intern adresonderzoek", zichtbaar=False)
    zaken.bericht_sturen(
        zaak=zaak, onderwerp="Vraag over uw huurcontract", tekst="Stuur het contract.", door=behandelaar
    )
    zaken.notitie_toevoegen(zaak=zaak, tekst="Interne notitie: bel de verhuurder", door=behandelaar)
    Zaakbericht.objects.create(
        zaak=zaak, soort=Berichtsoort.EMAIL, onderwerp="Mail: nieuw bericht", tekst="x"
    )

    # When the applicant opens the case
    factories.inloggen(client, factories.inwoner())
    antwoord = client.get(_url(zaak))

    # Then they see the history with the texts for them, the visible document and the message only
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Wij hebben uw aanvraag ontvangen en gaan ermee aan de slag." in tekst
    assert "Een medewerker behandelt uw aanvraag." in tekst
    assert "Besluit verhuizing" in tekst
    assert "Intern adresonderzoek" not in tekst
    assert "Vraag over uw huurcontract" in tekst
    assert "Interne notitie" not in tekst
    assert "Mail: nieuw bericht" not in tekst
    assert zaak.einddatum_gepland.strftime("%Y") in tekst


@pytest.mark.django_db
def test_lezen_van_een_zaak_wordt_gelogd_met_de_inwoner_als_handelende(client: Client) -> None:
    zaak = factories.zaak()
    factories.inloggen(client, factories.inwoner())
    client.get("/mijn-zaken/")
    client.get(_url(zaak))
    regels = Logregel.objects.filter(naam__startswith="mijn_zaken.").order_by("volgnummer")
    assert [regel.naam for regel in regels] == ["mijn_zaken.lijst", "mijn_zaken.zaak"]
    assert all(regel.door_soort == Logregel.DoorSoort.BETROKKENE for regel in regels)
    assert all(
        regel.verwerkingsactiviteit.sleutel == "persoonsgegevens-in-zaak-raadplegen" for regel in regels
    )
    assert all(regel.betrokkene_type == "BSN" for regel in regels)
    assert all(factories.BSN_INWONER not in regel.betrokkene_versleuteld for regel in regels)


@pytest.mark.django_db
def test_zaak_van_een_ander_is_404_op_elke_pagina_en_verandert_niets(client: Client) -> None:
    # Given a case of resident A with a visible document
    zaak = factories.zaak()
    zichtbaar = document(zaak, "Besluit", zichtbaar=True)
    berichten_voor = Zaakbericht.objects.count()
    documenten_voor = Zaakdocument.objects.count()

    # When resident B tries to read it, download from it, write to it
    factories.inloggen(client, factories.inwoner(bsn=factories.BSN_ANDER))
    antwoorden = [
        client.get(_url(zaak)),
        client.get(_url(zaak, f"documenten/{zichtbaar.pk}/")),
        client.post(_url(zaak, "bericht/"), {"bericht-onderwerp": "Hallo", "bericht-tekst": "Van B"}),
        client.post(
            _url(zaak, "document/"),
            {"document-titel": "B", "document-bestand": SimpleUploadedFile("b.pdf", PDF)},
        ),
    ]

    # Then every answer is 404 (not 403: the case's existence stays hidden) and nothing changed
    assert [antwoord.status_code for antwoord in antwoorden] == [404, 404, 404, 404]
    assert Zaakbericht.objects.count() == berichten_voor
    assert Zaakdocument.objects.count() == documenten_voor


@pytest.mark.django_db
def test_ondernemer_ziet_zaak_van_inwoner_niet_en_omgekeerd(client: Client) -> None:
    van_inwoner = factories.zaak()
    van_ondernemer = factories.zaak("aangifte-overlijden", kvk=factories.KVK_ONDERNEMER)

    factories.inloggen(client, factories.ondernemer())
    tekst = client.get("/mijn-zaken/").content.decode()
    assert van_ondernemer.identificatie in tekst
    assert van_inwoner.identificatie not in tekst
    assert client.get(_url(van_inwoner)).status_code == 404
    assert client.get(_url(van_ondernemer)).status_code == 200

    factories.inloggen(client, factories.inwoner())
    tekst = client.get("/mijn-zaken/").content.decode()
    assert van_inwoner.identificatie in tekst
    assert van_ondernemer.identificatie not in tekst
    assert client.get(_url(van_ondernemer)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "identiteit", [zonder_bsn, zonder_kvk], ids=["inwoner-zonder-bsn", "ondernemer-zonder-kvk"]
)
def test_identiteit_zonder_nummer_ziet_niets(client: Client, identiteit: object) -> None:
    # Cases of a business have an empty BSN and those of a resident an empty KvK number: an identity
    # without a number must match neither.
    van_inwoner = factories.zaak()
    van_ondernemer = factories.zaak("aangifte-overlijden", kvk=factories.KVK_ONDERNEMER)
    factories.inloggen(client, identiteit())  # type: ignore[operator]
    tekst = client.get("/mijn-zaken/").content.decode()
    assert "U heeft geen lopende zaken." in tekst
    assert client.get(_url(van_inwoner)).status_code == 404
    assert client.get(_url(van_ondernemer)).status_code == 404


@pytest.mark.django_db
def test_download_alleen_van_zichtbaar_document(client: Client) -> None:
    zaak = factories.zaak()
    zichtbaar = document(zaak, "Besluit", zichtbaar=True)
    verborgen = document(zaak, "Intern", zichtbaar=False)
    factories.inloggen(client, factories.inwoner())

    antwoord = client.get(_url(zaak, f"documenten/{zichtbaar.pk}/"))
    assert antwoord.status_code == 200
    assert b"".join(antwoord.streaming_content) == PDF  # type: ignore[attr-defined]
    assert antwoord["Content-Type"] == "application/pdf"
    assert "attachment" in antwoord["Content-Disposition"]
    assert client.get(_url(zaak, f"documenten/{verborgen.pk}/")).status_code == 404
    # the document exists, but under another case number the ownership check fails again
    ander = factories.zaak()
    assert client.get(_url(ander, f"documenten/{zichtbaar.pk}/")).status_code == 404


@pytest.mark.django_db
def test_bericht_sturen_vanuit_de_zaak(client: Client) -> None:
    zaak = factories.zaak()
    factories.inloggen(client, factories.inwoner())
    antwoord = client.post(
        _url(zaak, "bericht/"), {"bericht-onderwerp": "Huurcontract", "bericht-tekst": "Hierbij mijn vraag."}
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == _url(zaak) + "#berichten"
    bericht = Zaakbericht.objects.get(zaak=zaak, soort=Berichtsoort.BERICHT_VAN_AANVRAGER)
    assert bericht.tekst == "Hierbij mijn vraag."
    assert "Huurcontract" in client.get(_url(zaak)).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("gegevens", "veld"),
    [
        ({"bericht-onderwerp": "", "bericht-tekst": "Tekst"}, "onderwerp"),
        ({"bericht-onderwerp": "Onderwerp", "bericht-tekst": "   "}, "tekst"),
        ({"bericht-onderwerp": "x" * 201, "bericht-tekst": "Tekst"}, "onderwerp"),
    ],
)
def test_bericht_met_foute_invoer_geeft_melding_bij_het_veld(
    client: Client, gegevens: dict[str, str], veld: str
) -> None:
    zaak = factories.zaak()
    factories.inloggen(client, factories.inwoner())
    antwoord = client.post(_url(zaak, "bericht/"), gegevens)
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert f'id="id_bericht-{veld}_error"' in tekst
    assert f'aria-describedby="id_bericht-{veld}_error"' in tekst
    assert "Niets is opgeslagen" in tekst
    assert not Zaakbericht.objects.filter(zaak=zaak, soort=Berichtsoort.BERICHT_VAN_AANVRAGER).exists()


@pytest.mark.django_db
def test_document_sturen_wordt_zichtbaar_voor_de_aanvrager(client: Client) -> None:
    zaak = factories.zaak()
    factories.inloggen(client, factories.inwoner())
    antwoord = client.post(
        _url(zaak, "document/"),
        {"document-titel": "Huurcontract", "document-bestand": SimpleUploadedFile("contract.pdf", PDF)},
    )
    assert antwoord.status_code == 302
    nieuw = Zaakdocument.objects.get(zaak=zaak)
    assert nieuw.van_aanvrager
    assert nieuw.zichtbaar_voor_aanvrager
    assert "Huurcontract" in client.get(_url(zaak)).content.decode()


@pytest.mark.django_db
def test_document_van_verkeerd_soort_wordt_geweigerd_bij_het_veld(client: Client) -> None:
    zaak = factories.zaak()
    factories.inloggen(client, factories.inwoner())
    antwoord = client.post(
        _url(zaak, "document/"),
        {
            "document-titel": "Script",
            "document-bestand": SimpleUploadedFile("contract.pdf", b"#!/bin/sh\necho hoi\n"),
        },
    )
    assert antwoord.status_code == 400
    assert 'id="id_document-bestand_error"' in antwoord.content.decode()
    assert not Zaakdocument.objects.filter(zaak=zaak).exists()


@pytest.mark.django_db
def test_geen_document_toevoegen_aan_afgesloten_zaak(client: Client) -> None:
    zaak = afsluiten(factories.zaak())
    factories.inloggen(client, factories.inwoner())
    assert "Document toevoegen" not in client.get(_url(zaak)).content.decode()
    antwoord = client.post(
        _url(zaak, "document/"),
        {"document-titel": "Laat", "document-bestand": SimpleUploadedFile("a.pdf", PDF)},
    )
    assert antwoord.status_code == 400
    assert "De zaak is afgesloten." in antwoord.content.decode()
    assert not Zaakdocument.objects.filter(zaak=zaak).exists()
