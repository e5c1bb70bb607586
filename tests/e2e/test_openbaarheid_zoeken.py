"""A resident searches the published documents of Openbaarheid: a word finds its plural, a facet
narrows the results and counts again, a filter is removed with one link, and the document opens
from the publication page. axe-core checks every page and state."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from django.urls import reverse

if TYPE_CHECKING:
    from playwright.sync_api import Browser

# Playwright is imported inside the tests: without it the module must still collect (and skip).
pytestmark = pytest.mark.e2e

WONEN = "https://identifier.overheid.nl/tooi/def/thes/top/c_124eaf3a"


def _publiceren(
    sleutel: str, titel: str, tekst: str, *, categorie: str, jaar: int, themas: tuple[str, ...] = ()
) -> None:
    import pymupdf

    from raadhuis.publicatie import services
    from raadhuis.publicatie import waardelijsten as w

    document: Any = pymupdf.open()
    document.new_page().insert_text((72, 72), tekst)
    inhoud = bytes(document.tobytes())
    services.publiceren_vanuit_bron(
        bron="e2e",
        bron_sleutel=sleutel,
        publisher="gm1926",
        officiele_titel=titel,
        informatiecategorieen=[categorie],
        themas=list(themas),
        handelingen=[
            services.Handeling(soort=w.VASTSTELLING, tijdstip=dt.datetime(jaar, 5, 1, 12, tzinfo=dt.UTC))
        ],
        documenten=[services.Bronbestand(titel=titel, bestandsnaam=f"{sleutel}.pdf", inhoud=inhoud)],
    )


def test_inwoner_zoekt_filtert_en_opent_een_document(browser: Browser, new_context: Any, axe: Any) -> None:
    from playwright.sync_api import expect

    from raadhuis.publicatie import waardelijsten as w

    # Given three publications about permits in two categories and two years, and one about waste
    _publiceren(
        "1",
        "Beleidsregels evenementenvergunningen",
        "Regels voor vergunningen bij evenementen.",
        categorie=w.CATEGORIE_OVERIGE_BESLUITEN,
        jaar=2025,
        themas=(WONEN,),
    )
    _publiceren(
        "2",
        "Convenant vergunningverlening",
        "Afspraken over het verlenen van een vergunning.",
        categorie=w.CATEGORIE_CONVENANTEN,
        jaar=2024,
    )
    _publiceren(
        "3",
        "Advies over terrasvergunningen",
        "Advies over de vergunningen voor terrassen.",
        categorie=w.CATEGORIE_ADVIEZEN,
        jaar=2025,
    )
    _publiceren(
        "4", "Afvalbeleidsplan", "Inzameling van afval.", categorie=w.CATEGORIE_JAARPLANNEN, jaar=2025
    )

    # When a resident searches for the singular on the Openbaarheid page
    pagina = new_context().new_page()
    pagina.goto(reverse("publicatie:openbaarheid"))
    axe.check(pagina)
    pagina.get_by_label("Zoeken in alle openbare documenten").fill("vergunning")
    with pagina.expect_navigation():
        pagina.get_by_role("button", name="Zoeken", exact=True).click()

    # Then the plurals are found too, with the match marked, and the facets count them
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Zoeken in openbare documenten")
    expect(pagina.locator("#resultaten-kop")).to_have_text("3 documenten gevonden")
    expect(pagina.locator(".raadhuis-zoekresultaten mark").first).to_be_visible()
    jaar = pagina.get_by_role("group", name="Jaar")
    expect(jaar).to_contain_text("2025 (2)")
    expect(jaar).to_contain_text("2024 (1)")
    axe.check(pagina)

    # When they tick 2025 and apply the filters
    jaar.get_by_label("2025").check()
    with pagina.expect_navigation():
        pagina.get_by_role("button", name="Filters toepassen").click()

    # Then only the two of 2025 remain, the categories count again, and the filter shows as chosen
    expect(pagina.locator("#resultaten-kop")).to_have_text("2 documenten gevonden")
    expect(pagina.get_by_role("group", name="Informatiecategorie")).not_to_contain_text("convenanten")
    gekozen = pagina.get_by_role("list", name="Gekozen filters")
    expect(gekozen).to_contain_text("Jaar: 2025")
    assert "jaar=2025" in pagina.url  # a search with filters has a stable address
    axe.check(pagina)

    # When they remove the filter with its link, all three are back
    with pagina.expect_navigation():
        gekozen.get_by_role("link").click()
    expect(pagina.locator("#resultaten-kop")).to_have_text("3 documenten gevonden")

    # When they open a result, the publication page shows its metadata and the document opens
    with pagina.expect_navigation():
        pagina.get_by_role("link", name="Beleidsregels evenementenvergunningen", exact=True).click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Beleidsregels evenementenvergunningen")
    axe.check(pagina)
    link = pagina.locator("main a[href*='/openbaarheid/documenten/']").first
    antwoord = pagina.request.get(link.get_attribute("href") or "")
    assert antwoord.status == 200
    assert antwoord.headers["content-type"] == "application/pdf"

    # And a word that occurs nowhere gives a clear answer
    pagina.goto(reverse("publicatie:zoeken") + "?q=kinderboerderij")
    expect(pagina.locator("#resultaten-kop")).to_have_text("0 documenten gevonden")
    expect(pagina.locator("main")).to_contain_text("Geen openbare documenten gevonden")
    axe.check(pagina)
    axe.assert_no_violations()
