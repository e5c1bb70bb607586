"""Sitemaps for the national Woo index (publicatie.sitemaps, views_sitemaps and the commands):
valid files for every category, incremental regeneration, withdrawal, limits, the harvest path
robots.txt → index → sitemap → file, and flat memory/queries."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from raadhuis.publicatie import sitemaps, waardelijsten
from raadhuis.publicatie.diwoo import DIWOO_NS, SITEMAP_NS
from raadhuis.publicatie.models import Publicatie, Publicatiedocument, Publicatiestatus, Sitemapblok
from raadhuis.publicatie.sitemaps import (
    blokken_markeren,
    indeling,
    indexbestanden,
    sitemaps_bijwerken,
    sitemaps_controleren,
    sitemaps_genereren,
)
from raadhuis.publicatie.tests.test_diwoo import document_maken, publicatie_maken

pytestmark = pytest.mark.django_db
NS = {"sm": SITEMAP_NS, "diwoo": DIWOO_NS}


@pytest.fixture(autouse=True)
def sitemapmap(settings: Any, tmp_path: Path) -> Path:
    settings.RAADHUIS_SITEMAP_ROOT = tmp_path / "sitemaps"
    settings.RAADHUIS_BASIS_URL = "https://open.example.nl"
    return tmp_path / "sitemaps"


def gepubliceerd(
    categorie: str = waardelijsten.CATEGORIE_WOO_VERZOEKEN, aantal: int = 1, **velden: Any
) -> Publicatie:
    publicatie = publicatie_maken(informatiecategorieen=[categorie], **velden)
    for nummer in range(aantal):
        document_maken(
            publicatie, titel=f"{publicatie.officiele_titel} {nummer}", bestandsnaam=f"stuk {nummer}.pdf"
        )
    blokken_markeren(publicatie.documenten.values_list("pk", flat=True))
    return publicatie


def locs(pad: Path) -> list[str]:
    return [e.text or "" for e in etree.parse(str(pad)).getroot().iterfind("sm:url/sm:loc", NS)]


def alle_locs(map_: Path) -> list[str]:
    return [loc for pad in sorted(map_.glob("sitemap-diwoo*.xml")) for loc in locs(pad)]


def test_every_category_gets_a_valid_index_and_sitemap(sitemapmap: Path) -> None:
    for categorie in waardelijsten.informatiecategorieen():
        gepubliceerd(categorie)
    resultaat = sitemaps_genereren()
    assert resultaat.urls == 18
    assert resultaat.overgeslagen == 0
    verwacht = {f"sitemapindex-diwoo-infocat{n:03d}.xml" for n in range(1, 18)} | {"sitemapindex-diwoo.xml"}
    assert set(indexbestanden()) == verwacht
    assert sitemaps_controleren() == ([], 18)
    woo = etree.parse(str(sitemapmap / "sitemapindex-diwoo-infocat014.xml")).getroot()
    assert woo.tag == f"{{{SITEMAP_NS}}}sitemapindex"
    sitemap_locs = [e.text for e in woo.iterfind("sm:sitemap/sm:loc", NS)]
    assert sitemap_locs == ["https://open.example.nl/sitemaps/sitemap-diwoo-infocat014-0-1.xml"]
    # Each sitemap holds only its own category's documents.
    boom = etree.parse(str(sitemapmap / "sitemap-diwoo-infocat014-0-1.xml"))
    categorieen = boom.getroot().xpath("//diwoo:informatiecategorie/@resource", namespaces=NS)
    assert categorieen == [waardelijsten.CATEGORIE_WOO_VERZOEKEN]


def test_url_entry_points_straight_at_the_file_with_lastmod(sitemapmap: Path) -> None:
    publicatie = gepubliceerd()
    document = publicatie.documenten.get()
    sitemaps_genereren()
    url = etree.parse(str(sitemapmap / "sitemap-diwoo-infocat014-0-1.xml")).getroot()[0]
    assert url.findtext("sm:loc", namespaces=NS) == (
        f"https://open.example.nl/openbaarheid/documenten/{document.uuid}/stuk%200.pdf"
    )
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", url.findtext("sm:lastmod", namespaces=NS) or ""
    )
    assert url.find("diwoo:Document/diwoo:DiWoo", NS) is not None
    # The namespaces are declared once, on <urlset>, not on every <url>.
    tekst = (sitemapmap / "sitemap-diwoo-infocat014-0-1.xml").read_text(encoding="utf-8")
    assert tekst.count("xmlns:diwoo=") == 1


def test_only_published_documents_in_harvestable_formats_are_listed(sitemapmap: Path) -> None:
    zichtbaar = gepubliceerd()
    concept = gepubliceerd(status=Publicatiestatus.CONCEPT, gepubliceerd_op=None)
    vreemd = publicatie_maken(informatiecategorieen=[waardelijsten.CATEGORIE_WOO_VERZOEKEN])
    onbekend = document_maken(vreemd, bestandsformaat="https://example.org/exe", bestandsnaam="x.exe")
    blokken_markeren([onbekend.pk])
    sitemaps_genereren()
    gevonden = alle_locs(sitemapmap)
    assert len(gevonden) == 1
    assert str(zichtbaar.documenten.get().uuid) in gevonden[0]
    assert not any(str(d.uuid) in " ".join(gevonden) for d in concept.documenten.all())
    assert sitemaps_controleren()[0] == []


def test_a_document_with_metadata_off_the_lists_is_skipped_never_written(sitemapmap: Path) -> None:
    gepubliceerd()
    kapot = gepubliceerd(publisher="xx0000")
    resultaat = sitemaps_genereren()
    assert (resultaat.urls, resultaat.overgeslagen) == (1, 1)
    assert str(kapot.documenten.get().uuid) not in " ".join(alle_locs(sitemapmap))
    assert sitemaps_controleren()[0] == []


def test_a_change_marks_one_block_and_only_that_block_is_rewritten(
    sitemapmap: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indeling, "BLOKGROOTTE", 3)
    publicaties = [gepubliceerd(aantal=2) for _ in range(4)]  # 8 documents → blocks of 3 ids
    gepubliceerd(waardelijsten.CATEGORIE_ONDERZOEKSRAPPORTEN)
    sitemaps_genereren()
    assert not Sitemapblok.objects.filter(verouderd=True).exists()
    blokken = Sitemapblok.objects.filter(infocat="014")
    assert blokken.count() >= 3
    voor = {blok.pk: blok.gegenereerd_op for blok in Sitemapblok.objects.all()}
    bestanden_voor = {p.name: p.stat().st_mtime_ns for p in sitemapmap.glob("sitemap-diwoo-*.xml")}

    document = publicaties[1].documenten.first()
    assert document is not None
    assert blokken_markeren([document.pk]) == 1
    verouderd = list(Sitemapblok.objects.filter(verouderd=True))
    assert [(b.infocat, b.nummer) for b in verouderd] == [("014", document.pk // 3)]

    resultaat = sitemaps_genereren()
    assert resultaat.blokken == 1
    assert resultaat.indexen == ["sitemapindex-diwoo-infocat014.xml"]
    na = {blok.pk: blok.gegenereerd_op for blok in Sitemapblok.objects.all()}
    veranderd = [pk for pk in voor if voor[pk] != na[pk]]
    assert veranderd == [verouderd[0].pk]
    bestanden_na = {p.name: p.stat().st_mtime_ns for p in sitemapmap.glob("sitemap-diwoo-*.xml")}
    herschreven = [n for n in bestanden_voor if bestanden_voor[n] != bestanden_na.get(n)]
    assert herschreven == [sitemaps.sitemapnaam("014", document.pk // 3, 1)]
    assert sitemaps_controleren() == ([], 9)


def test_nothing_marked_writes_nothing(sitemapmap: Path) -> None:
    gepubliceerd()
    sitemaps_genereren()
    assert sitemaps_genereren().blokken == 0
    assert blokken_markeren([]) == 0
    assert blokken_markeren([999_999]) == 0


def test_a_withdrawal_shows_up_in_the_next_generation(client: Any, sitemapmap: Path) -> None:
    blijft = gepubliceerd()
    weg = gepubliceerd(aantal=2)
    sitemaps_genereren()
    assert len(alle_locs(sitemapmap)) == 3

    # What the withdrawal service does: new status and reason, blocks marked.
    Publicatie.objects.filter(pk=weg.pk).update(
        status=Publicatiestatus.INGETROKKEN,
        reden_intrekking=waardelijsten.REDEN_PRIVACY,
        ingetrokken_op=timezone.now(),
    )
    blokken_markeren(weg.documenten.values_list("pk", flat=True))
    sitemaps_genereren()
    over = alle_locs(sitemapmap)
    assert over == [loc for loc in over if str(blijft.documenten.get().uuid) in loc]
    assert len(over) == 1
    assert sitemaps_controleren() == ([], 1)
    # The link the harvester still knows answers 410 Gone.
    oud = weg.documenten.first()
    assert oud is not None
    assert client.get(f"/openbaarheid/documenten/{oud.uuid}/{oud.bestandsnaam}").status_code == 410


def test_last_document_withdrawn_removes_sitemap_and_index(sitemapmap: Path) -> None:
    weg = gepubliceerd(waardelijsten.CATEGORIE_CONVENANTEN)
    gepubliceerd()
    sitemaps_genereren()
    assert "sitemapindex-diwoo-infocat011.xml" in indexbestanden()
    Publicatie.objects.filter(pk=weg.pk).update(status=Publicatiestatus.INGETROKKEN)
    blokken_markeren(weg.documenten.values_list("pk", flat=True))
    sitemaps_genereren()
    assert indexbestanden() == ["sitemapindex-diwoo-infocat014.xml"]
    assert not list(sitemapmap.glob("sitemap-diwoo-infocat011-*.xml"))
    assert sitemaps_controleren()[0] == []


def test_replacement_drops_the_old_and_lists_the_new_with_its_reason(sitemapmap: Path) -> None:
    oud = gepubliceerd()
    sitemaps_genereren()
    nieuw = gepubliceerd(officiele_titel="Besluit, gecorrigeerd")
    Publicatie.objects.filter(pk=oud.pk).update(
        status=Publicatiestatus.VERVANGEN, vervangen_door=nieuw, reden_intrekking=waardelijsten.REDEN_PRIVACY
    )
    blokken_markeren(oud.documenten.values_list("pk", flat=True))
    sitemaps_genereren()
    boom = etree.parse(str(sitemapmap / "sitemap-diwoo-infocat014-0-1.xml"))
    urls = boom.getroot().findall("sm:url", NS)
    assert len(urls) == 1
    assert str(nieuw.documenten.get().uuid) in (urls[0].findtext("sm:loc", namespaces=NS) or "")
    redenen = boom.getroot().xpath("//diwoo:redenVerwijderingVervanging/@resource", namespaces=NS)
    assert redenen == [waardelijsten.REDEN_PRIVACY]
    assert sitemaps_controleren()[0] == []


def test_moving_to_another_category_rewrites_both_when_marked_before_and_after(sitemapmap: Path) -> None:
    publicatie = gepubliceerd()
    sitemaps_genereren()
    ids = list(publicatie.documenten.values_list("pk", flat=True))
    blokken_markeren(ids)  # before: the block it leaves
    Publicatie.objects.filter(pk=publicatie.pk).update(
        informatiecategorieen=[waardelijsten.CATEGORIE_JAARPLANNEN]
    )
    blokken_markeren(ids)  # after: the block it joins
    sitemaps_genereren()
    assert indexbestanden() == ["sitemapindex-diwoo-infocat012.xml"]
    assert sitemaps_controleren() == ([], 1)


def test_a_large_block_is_split_into_parts_under_the_size_limit(
    sitemapmap: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gepubliceerd(aantal=7, omschrijving="x" * 3000)
    monkeypatch.setattr(indeling, "GRENS_DEEL", 9000)
    sitemaps_genereren()
    delen = sorted(p.name for p in sitemapmap.glob("sitemap-diwoo-infocat014-0-*.xml"))
    assert len(delen) >= 3
    assert all((sitemapmap / n).stat().st_size <= 9000 + 4000 for n in delen)
    index = etree.parse(str(sitemapmap / "sitemapindex-diwoo-infocat014.xml")).getroot()
    assert len(index) == len(delen)
    assert sitemaps_controleren() == ([], 7)

    # Smaller again: the parts left over are removed, and the index follows.
    monkeypatch.setattr(indeling, "GRENS_DEEL", indeling.MAXIMALE_GROOTTE)
    sitemaps_genereren(alles=True)
    assert sorted(p.name for p in sitemapmap.glob("sitemap-diwoo-*.xml")) == [
        "sitemap-diwoo-infocat014-0-1.xml"
    ]
    assert sitemaps_controleren() == ([], 7)


def test_queries_per_block_do_not_grow_with_the_documents(sitemapmap: Path) -> None:
    """Memory-safe iteration: documents come in chunks with their metadata prefetched, so ten
    times the documents (and publications) costs the same number of queries."""

    def tellen() -> int:
        Sitemapblok.objects.update(verouderd=True)
        with CaptureQueriesContext(connection) as vastgelegd:
            sitemaps_genereren()
        return len(vastgelegd.captured_queries)

    gepubliceerd(aantal=2)
    weinig = tellen()
    for _ in range(10):
        gepubliceerd(aantal=2)
    assert tellen() == weinig


def test_generation_uses_a_chunked_iterator(sitemapmap: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a chunk of 2, five documents are read in three rounds and all of them are written."""
    monkeypatch.setattr(indeling, "CHUNK", 2)
    gepubliceerd(aantal=5)
    assert sitemaps_genereren().urls == 5
    assert sitemaps_controleren() == ([], 5)


def test_writes_are_atomic_and_leave_no_temporary_files(sitemapmap: Path) -> None:
    gepubliceerd()
    sitemaps_genereren()
    sitemaps_genereren(alles=True)
    assert not [p for p in sitemapmap.iterdir() if p.name.startswith(".tmp-")]


def test_a_failed_write_keeps_the_block_marked(sitemapmap: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gepubliceerd()

    def kapot(*args: Any, **kwargs: Any) -> tuple[int, int]:
        raise OSError("schijf vol")

    monkeypatch.setattr(sitemaps, "blok_schrijven", kapot)
    with pytest.raises(OSError, match="schijf vol"):
        sitemaps_genereren()
    assert Sitemapblok.objects.filter(verouderd=True).count() == 1


def test_the_task_runs_the_generation(sitemapmap: Path) -> None:
    gepubliceerd()
    assert sitemaps_bijwerken.call() == 1
    assert indexbestanden() == ["sitemapindex-diwoo-infocat014.xml"]


# --- validation --------------------------------------------------------------------------------


def test_validation_reports_broken_files(sitemapmap: Path) -> None:
    gepubliceerd()
    sitemaps_genereren()
    pad = sitemapmap / "sitemap-diwoo-infocat014-0-1.xml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(
        tekst.replace("https://open.example.nl/openbaarheid", "http://open.example.nl/openbaarheid").replace(
            waardelijsten.CATEGORIE_WOO_VERZOEKEN, "https://example.org/eigen"
        ),
        encoding="utf-8",
    )
    (sitemapmap / "sitemap-diwoo-infocat015-0-1.xml").write_text(
        f'<urlset xmlns="{SITEMAP_NS}"></urlset>', encoding="utf-8"
    )
    (sitemapmap / "iets.txt").write_text("x", encoding="utf-8")
    problemen, _aantal = sitemaps_controleren()
    tekst = "\n".join(problemen)
    assert "geen https-adres" in tekst
    assert "DiWoo 0.9.8" in tekst
    assert "staat in geen enkele sitemapindex" in tekst
    assert "bevat geen enkele <url>" in tekst
    assert "onbekend bestand" in tekst


def test_validation_reports_an_index_pointing_nowhere_and_bad_xml(sitemapmap: Path) -> None:
    gepubliceerd()
    sitemaps_genereren()
    (sitemapmap / "sitemap-diwoo-infocat014-0-1.xml").unlink()
    (sitemapmap / "sitemapindex-diwoo-infocat009.xml").write_text("<sitemapindex", encoding="utf-8")
    problemen, _aantal = sitemaps_controleren()
    tekst = "\n".join(problemen)
    assert "verwijst naar een sitemap die niet bestaat" in tekst
    assert "geen geldige XML" in tekst


def test_validation_of_too_many_urls_and_duplicates(
    sitemapmap: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gepubliceerd(aantal=3)
    sitemaps_genereren()
    monkeypatch.setattr(indeling, "MAXIMAAL_AANTAL", 2)
    pad = sitemapmap / "sitemap-diwoo-infocat014-0-1.xml"
    boom = etree.parse(str(pad))
    boom.getroot().append(etree.fromstring(etree.tostring(boom.getroot()[0])))
    boom.write(str(pad), xml_declaration=True, encoding="utf-8")
    tekst = "\n".join(sitemaps_controleren()[0])
    assert "meer dan 2" in tekst
    assert "twee keer" in tekst


def test_commands(sitemapmap: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gepubliceerd(aantal=2)
    gepubliceerd(waardelijsten.CATEGORIE_INSPANNINGSVERPLICHTING)
    Sitemapblok.objects.all().delete()  # --alles finds every published document itself
    call_command("sitemaps_bijwerken", "--alles")
    assert "3 URL('s)" in capsys.readouterr().out
    assert indexbestanden() == ["sitemapindex-diwoo-infocat014.xml", "sitemapindex-diwoo.xml"]
    call_command("sitemaps_valideren")
    assert "3 URL('s) gecontroleerd" in capsys.readouterr().out
    (sitemapmap / "sitemap-diwoo-infocat014-0-1.xml").write_text("kapot", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("sitemaps_valideren")
    assert "geen geldige XML" in capsys.readouterr().err


# --- serving: robots.txt → index → sitemap → file ----------------------------------------------


def _pad(url: str) -> str:
    assert url.startswith("https://open.example.nl/")
    return url.removeprefix("https://open.example.nl")


def test_robots_index_sitemap_and_file_resolve(client: Any, sitemapmap: Path) -> None:
    publicatie = gepubliceerd(aantal=2)
    gepubliceerd(waardelijsten.CATEGORIE_ONDERZOEKSRAPPORTEN)
    sitemaps_genereren()

    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert robots["Content-Type"] == "text/plain; charset=utf-8"
    regels = robots.content.decode().splitlines()
    assert "User-agent: *" in regels
    assert "Disallow: /werkplek/" in regels
    indexen = [r.removeprefix("Sitemap: ") for r in regels if r.startswith("Sitemap: ")]
    assert indexen == [
        "https://open.example.nl/sitemaps/sitemapindex-diwoo-infocat014.xml",
        "https://open.example.nl/sitemaps/sitemapindex-diwoo-infocat015.xml",
    ]
    bestanden = []
    for index_url in indexen:
        antwoord = client.get(_pad(index_url))
        assert antwoord.status_code == 200
        assert antwoord["Content-Type"] == "application/xml; charset=utf-8"
        index = etree.fromstring(b"".join(antwoord.streaming_content))
        for sitemap_url in index.iterfind("sm:sitemap/sm:loc", NS):
            sitemap = client.get(_pad(sitemap_url.text or ""))
            assert sitemap.status_code == 200
            urlset = etree.fromstring(b"".join(sitemap.streaming_content))
            for loc in urlset.iterfind("sm:url/sm:loc", NS):
                bestand = client.get(_pad(loc.text or ""))
                assert bestand.status_code == 200
                assert bestand["Content-Type"] == "application/pdf"
                bestanden.append(b"".join(bestand.streaming_content))
    assert bestanden == [b"%PDF-1.7"] * 3
    assert publicatie.documenten.count() == 2


def test_robots_without_sitemaps_has_no_sitemap_lines(client: Any) -> None:
    inhoud = client.get("/robots.txt").content.decode()
    assert "Sitemap:" not in inhoud
    assert inhoud.startswith("User-agent: *\n")


@pytest.mark.parametrize(
    "naam",
    [
        "sitemapindex-diwoo-infocat099.xml",
        "sitemap-diwoo-infocat014-0-1.xml",
        "robots.xml",
        "sitemapindex-diwoo-infocat14.xml",
        "..%2Fsettings.xml",
        "SITEMAPINDEX-DIWOO.xml",
    ],
)
def test_unknown_sitemap_names_are_404(client: Any, naam: str) -> None:
    assert client.get(f"/sitemaps/{naam}").status_code == 404


def test_sitemap_files_are_read_only(client: Any, sitemapmap: Path) -> None:
    gepubliceerd()
    sitemaps_genereren()
    assert client.post("/sitemaps/sitemapindex-diwoo-infocat014.xml").status_code == 405
    assert client.post("/robots.txt").status_code == 405
    assert client.head("/sitemaps/sitemapindex-diwoo-infocat014.xml").status_code == 200


def test_name_patterns_accept_exactly_what_is_written() -> None:
    for infocat in ("014", ""):
        assert sitemaps.BESTANDSNAAM_PATROON.match(sitemaps.indexnaam(infocat))
        assert sitemaps.BESTANDSNAAM_PATROON.match(sitemaps.sitemapnaam(infocat, 19, 2))
        assert sitemaps.INDEX_PATROON.match(sitemaps.indexnaam(infocat))
        assert sitemaps.SITEMAP_PATROON.match(sitemaps.sitemapnaam(infocat, 19, 2))
    assert not sitemaps.BESTANDSNAAM_PATROON.match("../sitemapindex-diwoo.xml")
    assert Publicatiedocument.objects.count() == 0


def test_a_change_during_the_write_is_not_lost(sitemapmap: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The mark is cleared before the block is written: a publication landing meanwhile marks it
    again and the same run writes it once more, with the new document."""
    eerste = gepubliceerd()
    echt = sitemaps.blok_schrijven
    later: list[Publicatie] = []

    def schrijven_met_wijziging(blok: Sitemapblok, **kwargs: Any) -> tuple[int, int]:
        if not later:
            later.append(gepubliceerd())  # marks the same block while it is being written
        return echt(blok, **kwargs)

    monkeypatch.setattr(sitemaps, "blok_schrijven", schrijven_met_wijziging)
    resultaat = sitemaps_genereren()
    assert resultaat.blokken == 2
    gevonden = " ".join(alle_locs(sitemapmap))
    assert str(eerste.documenten.get().uuid) in gevonden
    assert str(later[0].documenten.get().uuid) in gevonden
    assert not Sitemapblok.objects.filter(verouderd=True).exists()
