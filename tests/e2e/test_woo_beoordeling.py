"""Issue 9 acceptance: the Woo coordinator registers a request, a behandelaar uploads the documents,
accepts the proposed redactions, draws one extra box and assesses the document; the coordinator
approves it (four eyes), gives the motivation per ground, decides, and downloads the bundle, whose
redacted PDF no longer contains any of the redacted personal data. axe-core checks every page."""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, Any

import pytest
from django.core.management import call_command
from django.urls import reverse

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from raadhuis.core.models import Organisatie

pytestmark = pytest.mark.e2e

BEWONER = "Jan de Vries"
BSN = "999993653"
IBAN = "NL91ABNA0417164300"
EMAIL = "jan.devries@example.nl"


def _brief() -> bytes:
    """A resident's letter with known personal data, and a signature area (a grey block) for the
    box drawn by hand."""
    import pymupdf

    document = pymupdf.open()
    pagina = document.new_page(width=595, height=842)
    regels = [
        f"{BEWONER}",
        "Kerkweg 12, 2641 AB Pijnacker",
        f"E-mail: {EMAIL}",
        "",
        "Aan het college van burgemeester en wethouders",
        "",
        "Onderwerp: verkeersveiligheid Oostlaan",
        "",
        "Geacht college,",
        "Ik maak mij zorgen over de snelheid op de Oostlaan bij de school.",
        f"Mijn burgerservicenummer is {BSN}.",
        f"Een vergoeding kunt u overmaken op {IBAN}.",
        "",
        "Met vriendelijke groet,",
    ]
    for positie, regel in enumerate(regels):
        pagina.insert_text((72, 90 + positie * 18), regel, fontsize=11)
    # The handwritten signature: a drawing without text, which only a drawn box can cover.
    pagina.draw_rect(pymupdf.Rect(72, 380, 240, 430), color=(0.2, 0.2, 0.2), fill=(0.6, 0.6, 0.6))
    inhoud = document.tobytes()
    document.close()
    return bytes(inhoud)


def _slepen(pagina: Page, van: tuple[float, float], tot: tuple[float, float]) -> None:
    """Drags a rectangle on the page view between two points given in PDF points."""
    svg = pagina.locator("#lakpagina")
    svg.scroll_into_view_if_needed()
    vak = svg.bounding_box()
    assert vak is not None
    schaal = vak["width"] / 595
    pagina.mouse.move(vak["x"] + van[0] * schaal, vak["y"] + van[1] * schaal)
    pagina.mouse.down()
    pagina.mouse.move(vak["x"] + tot[0] * schaal, vak["y"] + tot[1] * schaal, steps=8)
    pagina.mouse.up()


def test_verzoek_van_registratie_tot_besluit_met_gelakte_bundel(
    browser: Browser,
    new_context: Any,
    organisatie: Organisatie,
    create_medewerker: Any,
    log_in: Any,
    axe: Any,
) -> None:
    from playwright.sync_api import expect

    from raadhuis.accounts.models import Rol
    from raadhuis.woo.models import Herkomst, Lakvak

    create_medewerker(username="wendy", roles=[Rol.WOO_COORDINATOR])
    create_medewerker(username="bart", roles=[Rol.BEHANDELAAR])
    coordinator = new_context().new_page()
    log_in(coordinator, username="wendy")

    # Given a request the coordinator registers from a letter
    coordinator.goto(reverse("woo:verzoek_nieuw"))
    coordinator.get_by_label("Onderwerp").fill("Verkeersveiligheid Oostlaan")
    coordinator.get_by_label("Gevraagde informatie").fill("Alle brieven van bewoners over de Oostlaan.")
    coordinator.get_by_label("Postadres").fill("Dorpsstraat 1\n2631 CR Nootdorp")
    coordinator.get_by_label("Kanaal").select_option("brief")
    with coordinator.expect_navigation():
        coordinator.get_by_role("button", name="Verzoek registreren").click()
    expect(coordinator.get_by_role("status")).to_contain_text("geregistreerd met kenmerk")
    kenmerk = re.search(r"WOO-\d{4}-\d{4}", coordinator.url)
    assert kenmerk is not None
    kenmerk_tekst = kenmerk.group(0)
    axe.check(coordinator)

    # When the behandelaar uploads the letter
    behandelaar = new_context().new_page()
    log_in(behandelaar, username="bart")
    behandelaar.goto(reverse("woo:documenten", args=[kenmerk_tekst]))
    expect(behandelaar.get_by_role("heading", level=1)).to_contain_text(kenmerk_tekst)
    axe.check(behandelaar)
    behandelaar.get_by_label("Bestanden").set_input_files(
        [{"name": "brief-oostlaan.pdf", "mimeType": "application/pdf", "buffer": _brief()}]
    )
    with behandelaar.expect_navigation():
        behandelaar.get_by_role("button", name="Toevoegen").click()
    expect(behandelaar.get_by_role("status")).to_be_visible()
    expect(behandelaar.get_by_role("table")).to_contain_text("brief-oostlaan.pdf")
    axe.check(behandelaar)

    # and the worker has scanned it for personal data
    call_command("worker", "--batch")

    # Then the page view proposes the personal data as boxes, which the behandelaar accepts
    with behandelaar.expect_navigation():
        behandelaar.get_by_role("link", name=re.compile("Bekijken en lakken")).first.click()
    expect(behandelaar.get_by_role("heading", level=1)).to_contain_text("Document")
    expect(behandelaar.locator("#lakvakken")).to_contain_text(BSN)
    expect(behandelaar.locator("#lakvakken")).to_contain_text(IBAN)
    axe.check(behandelaar)
    while (knop := behandelaar.get_by_role("button", name=re.compile(r"^Lakken nr\. \d+:"))).count():
        with behandelaar.expect_navigation():
            knop.first.click()
    expect(behandelaar.get_by_role("button", name=re.compile(r"^Lakken nr\."))).to_have_count(0)
    axe.check(behandelaar)

    # and draws one box over the signature
    _slepen(behandelaar, (68, 376), (244, 434))
    expect(behandelaar.locator("#tekenen-status")).to_contain_text("Vak getekend")
    with behandelaar.expect_navigation():
        behandelaar.get_by_role("button", name="Vak lakken").click()
    getekend = Lakvak.objects.get(herkomst=Herkomst.GETEKEND)
    assert getekend.x0 < 72
    assert getekend.y0 < 380
    assert getekend.x1 > 240
    assert getekend.y1 > 430
    axe.check(behandelaar)

    # and assesses the document as partly public
    with behandelaar.expect_navigation():
        behandelaar.get_by_role("link", name=re.compile("Dit document beoordelen")).click()
    behandelaar.get_by_label("Deels openbaar").check()
    with behandelaar.expect_navigation():
        behandelaar.get_by_role("button", name="Beoordeling vastleggen").click()
    expect(behandelaar.locator("main")).to_contain_text("Ter controle")
    # and cannot approve their own assessment
    expect(behandelaar.get_by_role("button", name="Goedkeuren")).to_have_count(0)
    axe.check(behandelaar)

    # When the coordinator approves it: the redacted PDF is made and verified
    coordinator.goto(behandelaar.url)
    with coordinator.expect_navigation():
        coordinator.get_by_role("button", name="Goedkeuren").click()
    expect(coordinator.locator("main")).to_contain_text("Goedgekeurd")
    axe.check(coordinator)

    # and records the motivation per ground used
    coordinator.goto(reverse("woo:grondmotiveringen", args=[kenmerk_tekst]))
    axe.check(coordinator)
    for sectie in coordinator.locator("section").filter(has=coordinator.get_by_role("button")).all():
        kop = sectie.get_by_role("heading", level=2).inner_text()
        if not kop.startswith("5."):
            continue
        sectie.get_by_label("Motivering").fill(f"Motivering voor {kop.split()[0]}: privacy weegt zwaarder.")
        with coordinator.expect_navigation():
            sectie.get_by_role("button", name="Motivering opslaan").click()
    expect(coordinator.locator("main")).not_to_contain_text("ontbreekt nog")
    axe.check(coordinator)

    # and decides
    coordinator.goto(reverse("woo:besluit", args=[kenmerk_tekst]))
    axe.check(coordinator)
    coordinator.get_by_label("Toelichting voor de brief").fill("Wij hebben in het zaaksysteem gezocht.")
    coordinator.get_by_label("Ondertekenaar").fill("W. Woo, Woo-coördinator")
    with coordinator.expect_navigation():
        coordinator.get_by_role("button", name="Besluit nemen").click()
    expect(coordinator.locator("main")).to_contain_text("Deels openbaar gemaakt")
    axe.check(coordinator)

    # Then the bundle holds the letter, the inventory and the redacted letter without the data
    with coordinator.expect_download() as download:
        coordinator.get_by_role("link", name=re.compile("ZIP-bestand")).click()
    pad = download.value.path()
    with zipfile.ZipFile(pad) as bundel:
        namen = bundel.namelist()
        assert {"besluit.pdf", "inventarislijst.pdf", "inventarislijst.csv"} <= set(namen)
        (documentnaam,) = [naam for naam in namen if naam.startswith("documenten/")]
        gelakt = bundel.read(documentnaam)
        inventaris = bundel.read("inventarislijst.csv").decode("utf-8-sig")
    import pymupdf

    with pymupdf.open(stream=io.BytesIO(gelakt), filetype="pdf") as document:
        tekst = "".join(pagina.get_text() for pagina in document)
        assert not {k: v for k, v in document.metadata.items() if v and k not in {"format", "encryption"}}
    for geheim in (BEWONER, BSN, IBAN, EMAIL):
        assert geheim not in tekst
    assert "verkeersveiligheid Oostlaan" in tekst
    assert "5.1.2e" in inventaris
    assert "deels openbaar" in inventaris.lower()
    axe.assert_no_violations()
