"""The RSS 2.0 and Atom feeds: well-formed XML, the newest 50 published publications newest first,
never a concept or a withdrawn one, the category filter, enclosures with length and type, an
unknown category 404, a bounded number of queries, and the links on the public pages."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import etree

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.publicatie import services
from raadhuis.publicatie import waardelijsten as w
from raadhuis.publicatie.diwoo import document_url, publicatie_url
from raadhuis.publicatie.feeds import AANTAL
from raadhuis.publicatie.models import Publicatie, Publicatiedocument, Publicatiestatus
from raadhuis.publicatie.tests.test_services import (
    aanmaken,
    bron,
    gepubliceerd,
    medewerker,
    sitemaps,  # noqa: F401  (the autouse fixture that stands in for the sitemap hooks)
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
RSS = reverse("publicatie:rss")
ATOM_URL = reverse("publicatie:atom")
CONVENANTEN_RSS = reverse("publicatie:categorie_rss", args=["011"])
CONVENANTEN_ATOM = reverse("publicatie:categorie_atom", args=["011"])
WOO_RSS = reverse("publicatie:categorie_rss", args=["014"])
BEGIN = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def auteur(db: None) -> Medewerker:
    return medewerker(Rol.GRIFFIE)


def _xml(client: Any, url: str) -> etree._Element:
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith(
        "application/rss+xml" if "/rss/" in url else "application/atom+xml"
    )
    # No recover: a feed that is not well-formed XML fails here.
    return etree.fromstring(antwoord.content, parser=etree.XMLParser(resolve_entities=False))


def _rss_items(client: Any, url: str) -> list[etree._Element]:
    wortel = _xml(client, url)
    assert wortel.tag == "rss"
    assert wortel.get("version") == "2.0"
    return list(wortel.iterfind("channel/item"))


def _atom_entries(client: Any, url: str) -> list[etree._Element]:
    wortel = _xml(client, url)
    assert wortel.tag == f"{ATOM}feed"
    return list(wortel.iterfind(f"{ATOM}entry"))


def _titels_rss(items: list[etree._Element]) -> list[str]:
    return [item.findtext("title") or "" for item in items]


def _op(publicatie: Publicatie, moment: dt.datetime) -> Publicatie:
    """Fix the publication moment, so the order does not hang on the clock's resolution."""
    Publicatie.objects.filter(pk=publicatie.pk).update(gepubliceerd_op=moment)
    publicatie.refresh_from_db()
    return publicatie


def test_rss_item_met_alles(client: Any, auteur: Medewerker) -> None:
    publicatie = _op(
        gepubliceerd(auteur, titel="Convenant groenonderhoud & <bomen>", omschrijving="Over <b>bomen</b>."),
        BEGIN,
    )
    document = publicatie.documenten.get()
    (item,) = _rss_items(client, RSS)
    assert item.findtext("title") == "Convenant groenonderhoud & <bomen>"
    # The description is HTML in RSS: the plain-text omschrijving arrives escaped, never as markup.
    assert item.findtext("description") == "<p>Over &lt;b&gt;bomen&lt;/b&gt;.</p>"
    assert item.findtext("link") == publicatie_url(publicatie)
    assert item.findtext("link", "").startswith("https://")
    assert item.findtext("link", "").endswith(reverse("publicatie:publicatie", args=[publicatie.uuid]))
    guid = item.find("guid")
    assert guid is not None
    assert guid.text == publicatie_url(publicatie)
    assert guid.get("isPermaLink", "true") == "true"
    assert item.findtext("pubDate") == "Sun, 01 Mar 2026 09:00:00 +0000"
    assert [c.text for c in item.iterfind("category")] == ["Convenanten"]
    (enclosure,) = item.iterfind("enclosure")
    assert enclosure.get("url") == document_url(document)
    assert enclosure.get("length") == str(document.grootte)
    assert int(enclosure.get("length", "0")) > 0
    assert enclosure.get("type") == "application/pdf"
    kanaal = _xml(client, RSS).find("channel")
    assert kanaal is not None
    assert kanaal.findtext("link", "").endswith(reverse("publicatie:openbaarheid"))
    assert kanaal.findtext("language") == "nl"
    assert kanaal.findtext("title")
    assert kanaal.findtext("description")


def test_rss_neemt_alleen_het_eerste_document(client: Any, auteur: Medewerker) -> None:
    publicatie = bron()  # two documents: the decision first, then the inventory
    eerste = publicatie.documenten.order_by("volgorde", "id").first()
    assert eerste is not None
    (item,) = _rss_items(client, RSS)
    enclosures = list(item.iterfind("enclosure"))
    assert [e.get("url") for e in enclosures] == [document_url(eerste)]


def test_atom_entry_met_een_enclosure_per_document(client: Any, auteur: Medewerker) -> None:
    publicatie = _op(
        bron(omschrijving="Besluit over de bomenkap.\nMet een tweede regel.\n\nEn alinea."), BEGIN
    )
    documenten = list(publicatie.documenten.order_by("volgorde", "id"))
    assert len(documenten) == 2
    wortel = _xml(client, ATOM_URL)
    (entry,) = wortel.iterfind(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Besluit op Woo-verzoek over bomenkap"
    assert entry.findtext(f"{ATOM}id") == publicatie_url(publicatie)
    summary = entry.find(f"{ATOM}summary")
    assert summary is not None
    assert summary.get("type") == "html"
    assert summary.text == "<p>Besluit over de bomenkap.<br>Met een tweede regel.</p>\n\n<p>En alinea.</p>"
    assert entry.findtext(f"{ATOM}updated") == "2026-03-01T09:00:00+00:00"
    assert entry.findtext(f"{ATOM}published") == "2026-03-01T09:00:00+00:00"
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "gemeente Pijnacker-Nootdorp"
    assert [c.get("term") for c in entry.iterfind(f"{ATOM}category")] == ["Woo-verzoeken en -besluiten"]
    links = list(entry.iterfind(f"{ATOM}link"))
    alternate = [link.get("href") for link in links if link.get("rel") == "alternate"]
    assert alternate == [publicatie_url(publicatie)]
    enclosures = [link for link in links if link.get("rel") == "enclosure"]
    assert [e.get("href") for e in enclosures] == [document_url(d) for d in documenten]
    assert [e.get("length") for e in enclosures] == [str(d.grootte) for d in documenten]
    assert [e.get("type") for e in enclosures] == ["application/pdf", "application/pdf"]
    # The feed itself: its own address (rel=self), an author, and the newest moment as updated.
    zelf = [link.get("href", "") for link in wortel.iterfind(f"{ATOM}link") if link.get("rel") == "self"]
    assert len(zelf) == 1
    assert zelf[0].endswith(ATOM_URL)
    assert zelf[0].startswith("https://")
    assert wortel.findtext(f"{ATOM}author/{ATOM}name")
    assert wortel.findtext(f"{ATOM}updated") == "2026-03-01T09:00:00+00:00"


def test_nieuwste_eerst_en_hoogstens_vijftig(client: Any, auteur: Medewerker) -> None:
    eerste = gepubliceerd(auteur, titel="Publicatie 0")
    Publicatie.objects.filter(pk=eerste.pk).update(gepubliceerd_op=BEGIN)
    documenten = list(eerste.documenten.all())
    # Copies of one publication with its document rows, so 55 cost no 55 PDF uploads.
    for nummer in range(1, AANTAL + 5):
        kopie = Publicatie.objects.get(pk=eerste.pk)
        kopie.pk = None
        kopie.id = None
        kopie.uuid = uuid.uuid4()
        kopie.officiele_titel = f"Publicatie {nummer}"
        kopie.gepubliceerd_op = BEGIN + dt.timedelta(hours=nummer)
        kopie.save()
        for document in documenten:
            Publicatiedocument.objects.create(
                publicatie=kopie,
                titel=document.titel,
                bestand=document.bestand.name,
                bestandsnaam=document.bestandsnaam,
                mediatype=document.mediatype,
                bestandsformaat=document.bestandsformaat,
                grootte=document.grootte,
                sha256=document.sha256,
            )
    verwacht = [f"Publicatie {n}" for n in range(AANTAL + 4, 4, -1)]
    assert _titels_rss(_rss_items(client, RSS)) == verwacht
    entries = _atom_entries(client, ATOM_URL)
    assert [e.findtext(f"{ATOM}title") for e in entries] == verwacht
    assert _titels_rss(_rss_items(client, CONVENANTEN_RSS)) == verwacht


def test_alleen_gepubliceerd(client: Any, auteur: Medewerker) -> None:
    _op(gepubliceerd(auteur, titel="Blijft staan"), BEGIN)
    aanmaken(auteur, officiele_titel="Geheim concept")
    ingetrokken = gepubliceerd(auteur, titel="Ingetrokken besluit")
    services.intrekken(ingetrokken, reden=w.REDEN_PRIVACY, toelichting="Naam niet gelakt.", door=auteur)
    oud = gepubliceerd(auteur, titel="Versie 1")
    nieuw = _op(gepubliceerd(auteur, titel="Versie 2"), BEGIN + dt.timedelta(days=1))
    services.vervangen(oud, nieuw=nieuw, reden=w.REDEN_PROCEDURELE_FOUT, door=auteur)
    assert set(Publicatie.objects.values_list("status", flat=True)) == set(Publicatiestatus)
    for url in (RSS, CONVENANTEN_RSS):
        assert _titels_rss(_rss_items(client, url)) == ["Versie 2", "Blijft staan"]
    for url in (ATOM_URL, CONVENANTEN_ATOM):
        assert [e.findtext(f"{ATOM}title") for e in _atom_entries(client, url)] == [
            "Versie 2",
            "Blijft staan",
        ]


def test_categorie_filter(client: Any, auteur: Medewerker) -> None:
    _op(gepubliceerd(auteur, titel="Convenant een"), BEGIN)
    _op(bron(), BEGIN + dt.timedelta(days=1))
    # A publication in two categories appears in both feeds with both labels.
    beide = _op(
        gepubliceerd(
            auteur,
            titel="Convenant bij een Woo-besluit",
            informatiecategorieen=[w.CATEGORIE_CONVENANTEN, w.CATEGORIE_WOO_VERZOEKEN],
        ),
        BEGIN + dt.timedelta(days=2),
    )
    assert _titels_rss(_rss_items(client, CONVENANTEN_RSS)) == [beide.officiele_titel, "Convenant een"]
    assert _titels_rss(_rss_items(client, WOO_RSS)) == [
        beide.officiele_titel,
        "Besluit op Woo-verzoek over bomenkap",
    ]
    assert len(_rss_items(client, RSS)) == 3
    assert _rss_items(client, reverse("publicatie:categorie_rss", args=["001"])) == []
    (item, *_rest) = _rss_items(client, WOO_RSS)
    assert [c.text for c in item.iterfind("category")] == ["Convenanten", "Woo-verzoeken en -besluiten"]
    kanaal = _xml(client, WOO_RSS).find("channel")
    assert kanaal is not None
    assert kanaal.findtext("link", "").endswith(reverse("publicatie:categorie", args=["014"]))
    assert "Woo-verzoeken en -besluiten" in (kanaal.findtext("title") or "")


def test_zonder_omschrijving_geen_leeg_element(client: Any, auteur: Medewerker) -> None:
    gepubliceerd(auteur, omschrijving="")
    (item,) = _rss_items(client, RSS)
    assert item.find("description") is None
    (entry,) = _atom_entries(client, ATOM_URL)
    assert entry.find(f"{ATOM}summary") is None


def test_lege_feed_is_geldig(client: Any) -> None:
    assert _rss_items(client, RSS) == []
    assert _atom_entries(client, ATOM_URL) == []


@pytest.mark.parametrize("infocat", ["999", "abc", "000", "14", "0140"])
def test_onbekende_categorie_404(client: Any, infocat: str) -> None:
    assert client.get(reverse("publicatie:categorie_rss", args=[infocat])).status_code == 404
    assert client.get(reverse("publicatie:categorie_atom", args=[infocat])).status_code == 404


def test_alleen_lezen(client: Any) -> None:
    assert client.post(RSS).status_code == 405
    assert client.head(ATOM_URL).status_code == 200


def test_cache_en_last_modified(client: Any, auteur: Medewerker) -> None:
    _op(gepubliceerd(auteur), BEGIN)
    antwoord = client.get(RSS)
    assert antwoord["Cache-Control"] == "public, max-age=300"
    assert antwoord["Last-Modified"] == "Sun, 01 Mar 2026 09:00:00 GMT"


def test_aantal_queries_hangt_niet_af_van_het_aantal_items(client: Any, auteur: Medewerker) -> None:
    gepubliceerd(auteur, titel="Een")
    bron()

    def tellen(url: str) -> int:
        with CaptureQueriesContext(connection) as vastgelegd:
            assert client.get(url).status_code == 200
        return len(vastgelegd)

    weinig = {url: tellen(url) for url in (RSS, ATOM_URL, CONVENANTEN_RSS, CONVENANTEN_ATOM)}
    for nummer in range(4):
        gepubliceerd(auteur, titel=f"Nog een {nummer}")
        bron(bron_sleutel=f"WOO-2026-01{nummer}")
    for url, aantal in weinig.items():
        assert tellen(url) == aantal
        assert aantal <= 2  # the publications and all their documents


def test_links_op_de_publieke_paginas(client: Any, auteur: Medewerker) -> None:
    gepubliceerd(auteur)
    inhoud = client.get(reverse("publicatie:openbaarheid")).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in inhoud
    assert f'href="{RSS}"' in inhoud
    assert f'href="{ATOM_URL}"' in inhoud
    assert ">RSS</a>" in inhoud
    assert ">Atom</a>" in inhoud
    kop, _sep, _lijf = inhoud.partition("</head>")
    assert f'type="application/rss+xml" title="Openbaarheid (RSS)" href="{RSS}"' in kop
    assert f'type="application/atom+xml" title="Openbaarheid (Atom)" href="{ATOM_URL}"' in kop
    inhoud = client.get(reverse("publicatie:categorie", args=["011"])).content.decode()
    kop, _sep, lijf = inhoud.partition("</head>")
    assert f'href="{CONVENANTEN_RSS}"' in kop
    assert f'href="{CONVENANTEN_ATOM}"' in kop
    assert f'href="{CONVENANTEN_RSS}" type="application/rss+xml">RSS</a>' in lijf
    assert f'href="{CONVENANTEN_ATOM}" type="application/atom+xml">Atom</a>' in lijf


def test_ongeldige_xml_tekens_breken_de_feed_niet(client: Any, auteur: Medewerker) -> None:
    publicatie = gepubliceerd(auteur, titel="Titel")
    # No NUL: PostgreSQL refuses that in text anyway.
    Publicatie.objects.filter(pk=publicatie.pk).update(
        officiele_titel="Titel\x0bmet\x08stuurteken", omschrijving="Tekst\x1f."
    )
    (item,) = _rss_items(client, RSS)
    assert item.findtext("title") == "Titelmetstuurteken"
    assert item.findtext("description") == "<p>Tekst.</p>"
    assert len(_atom_entries(client, ATOM_URL)) == 1


def test_tijdzone_van_de_publicatie(client: Any, auteur: Medewerker) -> None:
    # A moment stored with another offset (Amsterdam summer time) comes out as the same instant.
    moment = dt.datetime(2026, 7, 1, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    _op(gepubliceerd(auteur), moment)
    (item,) = _rss_items(client, RSS)
    parsed = dt.datetime.strptime(item.findtext("pubDate", ""), "%a, %d %b %Y %H:%M:%S %z")
    assert parsed == moment
