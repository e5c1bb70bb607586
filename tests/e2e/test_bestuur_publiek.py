"""The public council pages in a real browser: calendar, a meeting with a vote, a person and a
fractie, each checked with axe-core (and, through the fixtures, for CSP violations)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.urls import reverse

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.core.models import Organisatie

    from .conftest import AxeCheck

pytestmark = pytest.mark.e2e


def test_bezoeker_volgt_vergadering_stemming_persoon_en_fractie(
    page: Page, axe: AxeCheck, organisatie: Organisatie, settings, tmp_path
) -> None:
    from playwright.sync_api import expect

    from raadhuis.besluitvorming.tests.publiek_hulp import scenario

    settings.MEDIA_ROOT = tmp_path
    s = scenario()
    lid = s.raad.leden[0]
    fractie = s.raad.fracties[0]

    page.goto(reverse("besluitvorming:bestuur"))
    axe.check(page)
    page.get_by_role("link", name="Vergaderkalender").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vergaderingen")
    page.get_by_label("Afgelopen vergaderingen").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Tonen").click()
    axe.check(page)

    page.get_by_role("link", name=s.vergadering.titel).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(s.vergadering.titel)
    expect(page.get_by_role("table", name="Uitslag per fractie")).to_be_visible()
    expect(page.get_by_text("Grondaankoop perceel 12")).to_have_count(0)
    axe.check(page)

    page.get_by_role("link", name="Hoe ieder lid stemde").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stemming over")
    axe.check(page)
    page.get_by_role("table", name="Hoe ieder lid stemde").get_by_role("link", name=lid.naam).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(lid.naam)
    expect(page.get_by_role("table", name=f"Hoe {lid.naam} stemde, nieuwste eerst")).to_be_visible()
    axe.check(page)

    page.goto(reverse("besluitvorming:fractie", args=[fractie.slug]))
    expect(page.get_by_role("heading", level=1)).to_contain_text(fractie.naam)
    axe.check(page)

    axe.assert_no_violations()
