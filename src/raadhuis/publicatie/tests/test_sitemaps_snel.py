"""The fast sitemap writer (string templates in publicatie.diwoo, rows in publicatie.sitemaps) gives
exactly the bytes of the lxml reference path (`url_element`), for every shape of metadata, and
falls back to that path, with its errors, for anything the templates do not take."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from raadhuis.publicatie import diwoo, sitemaps, waardelijsten
from raadhuis.publicatie.diwoo import SITEMAP_NS, OngeldigeMetadata, Urls, samenhang_laden
from raadhuis.publicatie.models import (
    Publicatie,
    Publicatiedocument,
    Publicatierelatie,
    Publicatiestatus,
    Sitemapblok,
)
from raadhuis.publicatie.sitemaps import indeling, lezen, parallel
from raadhuis.publicatie.tests.test_diwoo import document_maken, publicatie_maken

LASTIG = "Raad & college <besluit> \"quotes\" 'enkel' ]]> tab\there\r\nregel é ü 😀 \x7f"
EXE = "http://publications.europa.eu/resource/authority/file-type/EXE"
ENGELS = "http://publications.europa.eu/resource/authority/language/ENG"


@pytest.fixture(autouse=True)
def sitemapmap(settings: Any, tmp_path: Path) -> Path:
    settings.RAADHUIS_SITEMAP_ROOT = tmp_path / "sitemaps"
    settings.RAADHUIS_BASIS_URL = "https://open.example.nl"
    return tmp_path / "sitemaps"


def referentie(document: Publicatiedocument, urls: Urls) -> bytes:
    document = Publicatiedocument.objects.select_related("publicatie").get(pk=document.pk)
    return sitemaps._url_bytes(
        document, samenhang_laden([document.publicatie_id])[document.publicatie_id], urls
    )


def gevarieerd() -> tuple[list[Publicatiedocument], list[Publicatiedocument]]:
    """Documents covering every optional element present and absent, awkward characters, and
    every lifecycle state; and documents whose metadata is off the lists."""
    gerelateerd = publicatie_maken(officiele_titel="Raadsvoorstel & bijlagen <2025>")
    ingetrokken_doel = publicatie_maken(
        status=Publicatiestatus.INGETROKKEN, reden_intrekking=waardelijsten.REDEN_PRIVACY
    )
    themas = sorted(waardelijsten.themas())
    vol = publicatie_maken(
        officiele_titel=f"Besluitenlijst {LASTIG}",
        verkorte_titel=f"Kort {LASTIG}",
        omschrijving=f"Omschrijving {LASTIG}",
        themas=themas[:3],
        identificatoren=["RAAD-2025-12", 7, "", LASTIG],
        taal=ENGELS,
        informatiecategorieen=[
            waardelijsten.CATEGORIE_VERGADERSTUKKEN_DECENTRAAL,
            waardelijsten.CATEGORIE_AGENDAS_BESLUITENLIJSTEN_BESTUUR,
        ],
        handelingen=[
            (waardelijsten.ONTVANGST, "so0830"),
            (waardelijsten.ONDERTEKENING, "gm1926"),
            (waardelijsten.VASTSTELLING, ""),
        ],
    )
    Publicatierelatie.objects.create(van=vol, naar=gerelateerd, rol=waardelijsten.RELATIE_VERWIJST_NAAR)
    Publicatierelatie.objects.create(van=vol, naar=ingetrokken_doel, rol=waardelijsten.RELATIE_HEEFT_BIJLAGE)
    minimaal = publicatie_maken(omschrijving="   ", taal="", verkorte_titel="Kort")
    nieuw = publicatie_maken(officiele_titel="Besluit, gecorrigeerd")
    oud = publicatie_maken(
        status=Publicatiestatus.VERVANGEN,
        vervangen_door=nieuw,
        reden_intrekking=waardelijsten.REDEN_PROCEDURELE_FOUT,
        ingetrokken_op=timezone.now(),
    )
    ingetrokken = publicatie_maken(
        status=Publicatiestatus.INGETROKKEN,
        reden_intrekking=waardelijsten.REDEN_PRIVACY,
        ingetrokken_op=timezone.now(),
    )
    concept = publicatie_maken(status=Publicatiestatus.CONCEPT, gepubliceerd_op=None)
    goed = [
        document_maken(
            vol,
            titel="",
            documentsoort=waardelijsten.DOCUMENTSOORT_BESLUITENLIJST,
            creatiedatum=dt.date(2025, 3, 13),
            bestandsnaam="stuk & bijlage 'één' #1?.pdf",
        ),
        document_maken(vol, titel=f"  {LASTIG}  ", bestandsnaam='100% <raar> "naam".pdf'),
        document_maken(vol, titel=vol.officiele_titel, bestandsformaat=waardelijsten.BESTANDSTYPE + "ODT"),
        document_maken(minimaal),
        document_maken(minimaal, titel="   "),
        document_maken(minimaal, titel="Anders dan de publicatie"),
        document_maken(nieuw),
        document_maken(oud),
        document_maken(ingetrokken, documentsoort=waardelijsten.DOCUMENTSOORT_WOO_BESLISSING),
        document_maken(concept),
    ]
    fout = [
        document_maken(publicatie_maken(publisher="xx0000")),
        document_maken(publicatie_maken(themas=["https://example.org/thema"])),
        document_maken(publicatie_maken(handelingen=[])),
        document_maken(publicatie_maken(handelingen=[(waardelijsten.VASTSTELLING, "xx999")])),
        document_maken(publicatie_maken(informatiecategorieen=["https://example.org/eigen"])),
        document_maken(publicatie_maken(), documentsoort="https://example.org/soort"),
        document_maken(publicatie_maken(), bestandsformaat=EXE),
        document_maken(publicatie_maken(officiele_titel="  "), titel=""),
    ]
    return goed, fout


@pytest.mark.django_db
def test_fast_writer_gives_the_bytes_of_the_lxml_path(monkeypatch: pytest.MonkeyPatch) -> None:
    goed, fout = gevarieerd()
    urls = Urls()
    via_lxml: list[int] = []
    echt = sitemaps._url_bytes_via_lxml

    def opgemerkt(pk: int, urls: Urls) -> bytes:
        via_lxml.append(pk)
        return echt(pk, urls)

    monkeypatch.setattr(lezen, "_url_bytes_via_lxml", opgemerkt)
    uitkomst = dict(sitemaps._url_teksten(Publicatiedocument.objects.order_by("pk"), urls))

    for document in goed:
        assert uitkomst[document.pk] == referentie(document, urls), document.titel
    # The valid documents took the templates, not the fallback.
    assert set(via_lxml) == {d.pk for d in fout}
    for document in fout:
        assert isinstance(uitkomst[document.pk], OngeldigeMetadata)
        with pytest.raises(OngeldigeMetadata) as verwacht:
            referentie(document, urls)
        assert str(uitkomst[document.pk]) == str(verwacht.value)


@pytest.mark.django_db
def test_fast_writer_output_is_a_valid_sitemap(sitemapmap: Path) -> None:
    goed, fout = gevarieerd()
    sitemaps.blokken_markeren(d.pk for d in goed + fout)
    resultaat = sitemaps.sitemaps_genereren()
    # Published documents only (vol ×3, minimaal ×3, nieuw): the replaced, withdrawn and concept
    # ones are not listed; of the faulty ones, the format and the category keep two out of the
    # blocks altogether, the other six are skipped.
    assert (resultaat.urls, resultaat.overgeslagen) == (7, 6)
    assert sitemaps.sitemaps_controleren() == ([], 7)
    # Exactly the documents `documenten_in_blok` defines in SQL, less the skipped ones.
    gedefinieerd = {
        str(document.uuid)
        for blok in Sitemapblok.objects.all()
        for document in sitemaps.documenten_in_blok(blok.infocat, blok.nummer)
    }
    geschreven = {
        (loc.text or "").split("/")[-2]
        for pad in sitemapmap.glob("sitemap-diwoo*.xml")
        for loc in etree.parse(str(pad)).getroot().iterfind("sm:url/sm:loc", {"sm": SITEMAP_NS})
    }
    assert geschreven == gedefinieerd - {str(d.uuid) for d in fout}


@pytest.mark.django_db
def test_a_character_xml_refuses_fails_as_it_did_with_lxml() -> None:
    document = document_maken(publicatie_maken(officiele_titel="Besluit \x01"))
    with pytest.raises(ValueError, match="XML compatible"):
        list(sitemaps._url_teksten(Publicatiedocument.objects.filter(pk=document.pk), Urls()))


@pytest.mark.django_db
def test_base_url_with_characters_to_escape(settings: Any) -> None:
    settings.RAADHUIS_BASIS_URL = "https://open.example.nl/a&b'c"
    document = document_maken(publicatie_maken(), bestandsnaam="a&b.pdf")
    urls = Urls()
    [(_pk, inhoud)] = sitemaps._url_teksten(Publicatiedocument.objects.filter(pk=document.pk), urls)
    assert inhoud == referentie(document, urls)


def _lxml_tekst(waarde: str) -> bytes:
    element = etree.Element("a")
    element.text = waarde
    return etree.tostring(element, encoding="utf-8")


def _lxml_attribuut(waarde: str) -> bytes:
    element = etree.Element("a")
    element.set("r", waarde)
    return etree.tostring(element, encoding="utf-8")


# Text lxml accepts: no control characters but tab, newline and carriage return, no surrogates.
xml_tekst = st.text(
    alphabet=st.characters(
        blacklist_categories=["Cs"],
        blacklist_characters=[chr(c) for c in range(32) if c not in (9, 10, 13)] + ["\ufffe", "\uffff"],
    )
    | st.sampled_from(list("&<>\"'\r\n\t]")),
)


@given(waarde=xml_tekst)
def test_escaping_matches_libxml2(waarde: str) -> None:
    assert f"<a>{diwoo.tekst_escapen(waarde)}</a>".encode() == _lxml_tekst(waarde)
    assert f'<a r="{diwoo._attribuut(waarde)}"/>'.encode() == _lxml_attribuut(waarde)
    assert diwoo._GEEN_XML.search(waarde) is None


@given(waarde=st.text())
def test_what_the_templates_refuse_is_what_lxml_refuses(waarde: str) -> None:
    try:
        _lxml_tekst(waarde)
    except ValueError:
        assert diwoo._GEEN_XML.search(waarde) is not None


@pytest.mark.django_db
def test_timestamps_read_as_text_are_the_same_moments() -> None:
    publicatie = publicatie_maken(gepubliceerd_op=dt.datetime(2025, 3, 12, 21, 5, 7, 123456, tzinfo=dt.UTC))
    [rij] = diwoo.publicaties_lezen({publicatie.pk})
    assert diwoo.moment(rij.gepubliceerd_op or "") == publicatie.gepubliceerd_op
    assert diwoo.moment(rij.gewijzigd_op) == Publicatie.objects.get(pk=publicatie.pk).gewijzigd_op
    assert diwoo.moment("2025-03-12 22:05:07+01") == dt.datetime(2025, 3, 12, 21, 5, 7, tzinfo=dt.UTC)


@pytest.mark.django_db(transaction=True)
def test_a_full_run_in_worker_processes_writes_what_one_process_writes(
    sitemapmap: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indeling, "BLOKGROOTTE", 4)
    for nummer in range(6):
        for categorie in (
            waardelijsten.CATEGORIE_WOO_VERZOEKEN,
            waardelijsten.CATEGORIE_CONVENANTEN,
            waardelijsten.CATEGORIE_INSPANNINGSVERPLICHTING,
        ):
            publicatie = publicatie_maken(
                informatiecategorieen=[categorie], officiele_titel=f"Stuk {nummer} & co"
            )
            document_maken(publicatie, bestandsnaam=f"stuk {nummer}.pdf")
    document_maken(publicatie_maken(publisher="xx0000"))

    monkeypatch.setattr(sitemaps, "_werkers", lambda: 1)
    serieel = sitemaps.sitemaps_genereren(alles=True)
    bestanden = {p.name: p.read_bytes() for p in sitemapmap.glob("sitemap-diwoo*.xml")}
    for pad in sitemapmap.iterdir():
        pad.unlink()

    parallel: list[int] = []
    echt = sitemaps._parallel_schrijven

    def bijhouden(werkers: int, *args: Any) -> None:
        parallel.append(werkers)
        echt(werkers, *args)

    monkeypatch.setattr(sitemaps, "_werkers", lambda: 2)
    monkeypatch.setattr(sitemaps, "_parallel_schrijven", bijhouden)
    resultaat = sitemaps.sitemaps_genereren(alles=True)

    assert parallel == [2]
    assert (resultaat.blokken, resultaat.urls, resultaat.overgeslagen) == (
        serieel.blokken,
        serieel.urls,
        serieel.overgeslagen,
    )
    assert (resultaat.urls, resultaat.overgeslagen) == (18, 1)
    assert {p.name: p.read_bytes() for p in sitemapmap.glob("sitemap-diwoo*.xml")} == bestanden
    assert sitemaps.sitemaps_controleren() == ([], 18)
    # Every block is written and recorded; the empty ones leave no row behind.
    assert not Sitemapblok.objects.filter(verouderd=True).exists()
    assert sum(Sitemapblok.objects.values_list("aantal", flat=True)) == 18


@pytest.mark.django_db(transaction=True)
def test_a_failing_worker_leaves_its_blocks_marked(sitemapmap: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(indeling, "BLOKGROOTTE", 2)
    for _ in range(6):
        document_maken(publicatie_maken(informatiecategorieen=[waardelijsten.CATEGORIE_WOO_VERZOEKEN]))

    def kapot(*args: Any) -> dict[str, tuple[int, int]]:
        raise OSError("schijf vol")

    # Patched before the fork, so the workers fail.
    monkeypatch.setattr(sitemaps, "_werkers", lambda: 2)
    monkeypatch.setattr(parallel, "_blokken_schrijven", kapot)
    with pytest.raises(OSError, match="schijf vol"):
        sitemaps.sitemaps_genereren(alles=True)
    # Nothing claimed is lost: what was not written is marked again.
    assert Sitemapblok.objects.filter(verouderd=True, infocat="014").exists()
    monkeypatch.undo()
    monkeypatch.setattr(indeling, "BLOKGROOTTE", 2)
    assert sitemaps.sitemaps_genereren().urls >= 1
    assert not Sitemapblok.objects.filter(verouderd=True).exists()
