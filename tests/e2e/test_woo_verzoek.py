"""A resident submits a Woo request without logging in and sees its kenmerk and deadline; the Woo
coordinator finds it on the dashboard, asks for clarification (the term is suspended), registers the
answer and decides a verdaging with its reason. axe-core checks every page and state."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from django.urls import reverse

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from raadhuis.core.models import Organisatie

# Playwright is imported inside the tests: without it the module must still collect (and skip).
pytestmark = pytest.mark.e2e


def test_inwoner_dient_woo_verzoek_in_en_coordinator_schort_op_en_verdaagt(
    browser: Browser,
    new_context: Any,
    organisatie: Organisatie,
    create_medewerker: Any,
    log_in: Any,
    axe: Any,
) -> None:
    from playwright.sync_api import expect

    from raadhuis.accounts.models import Rol

    # Given a Woo coordinator (two-step verification is required for the role)
    create_medewerker(username="wendy", roles=[Rol.WOO_COORDINATOR])

    # When a resident opens the public form, without logging in
    inwoner = new_context().new_page()
    inwoner.goto(reverse("woo:verzoek_indienen"))
    expect(inwoner.get_by_role("heading", level=1)).to_have_text("Woo-verzoek indienen")
    expect(inwoner.locator("main")).to_contain_text("U hoeft niet in te loggen")
    axe.check(inwoner)

    # and sends it without an address for the decision: the error sits next to the field
    inwoner.get_by_label("Onderwerp").fill("Bomenkap Dorpsstraat")
    inwoner.get_by_label("Welke informatie wilt u hebben?").fill(
        "Alle documenten over het besluit om de bomen aan de Dorpsstraat te kappen."
    )
    with inwoner.expect_navigation():
        inwoner.get_by_role("button", name="Verzoek versturen").click()
    expect(inwoner.locator("#id_emailadres_error")).to_contain_text("e-mailadres of een postadres")
    axe.check(inwoner)

    # and then with an e-mail address
    inwoner.get_by_label("E-mailadres").fill("inwoner@example.org")
    with inwoner.expect_navigation():
        inwoner.get_by_role("button", name="Verzoek versturen").click()

    # Then they see the kenmerk and the deadline, with how it was computed
    expect(inwoner.get_by_role("heading", level=1)).to_have_text("Uw Woo-verzoek is ontvangen")
    bevestiging = inwoner.get_by_role("status")
    expect(bevestiging).to_contain_text(re.compile(r"WOO-\d{4}-\d{4}"))
    gevonden = re.search(r"WOO-\d{4}-\d{4}", bevestiging.inner_text())
    assert gevonden is not None
    kenmerk = gevonden.group(0)
    assert kenmerk not in inwoner.url
    expect(inwoner.locator("main")).to_contain_text("Wij beslissen uiterlijk op")
    axe.check(inwoner)

    # When the coordinator opens the dashboard, the request is there
    coordinator = new_context().new_page()
    log_in(coordinator, username="wendy")
    coordinator.goto(reverse("woo:werkplek"))
    expect(coordinator.get_by_role("heading", level=1)).to_have_text("Woo-verzoeken")
    expect(coordinator.locator("main")).to_contain_text("Bomenkap Dorpsstraat")
    axe.check(coordinator)

    # and opens it: the deadline explanation is shown
    with coordinator.expect_navigation():
        coordinator.get_by_role("link", name=kenmerk).click()
    expect(coordinator.get_by_role("heading", level=1)).to_contain_text(kenmerk)
    expect(coordinator.locator("main")).to_contain_text("Hoe is deze datum berekend?")
    axe.check(coordinator)

    # and asks for clarification: the term is suspended
    coordinator.get_by_label("Wat moet de verzoeker verduidelijken?").fill("Welke periode bedoelt u?")
    with coordinator.expect_navigation():
        coordinator.get_by_role("button", name="Verduidelijking vragen").click()
    expect(coordinator.get_by_role("status")).to_contain_text("de beslistermijn is opgeschort")
    expect(coordinator.locator("main")).to_contain_text("Opgeschort")
    expect(coordinator.locator("main")).to_contain_text("Verduidelijking gevraagd")
    axe.check(coordinator)

    # and registers the answer: the clock runs again
    with coordinator.expect_navigation():
        coordinator.get_by_role("button", name="Antwoord vastleggen").click()
    expect(coordinator.get_by_role("status")).to_contain_text("de beslistermijn loopt weer")
    axe.check(coordinator)

    # and decides a verdaging, first without a reason (refused, next to the field), then with one
    with coordinator.expect_navigation():
        coordinator.get_by_role("button", name="Verdaging vastleggen").click()
    expect(coordinator.locator("#id_verdaging-reden_error")).to_be_visible()
    axe.check(coordinator)
    coordinator.get_by_label("Reden van de verdaging").fill(
        "Ruim 400 documenten; derden moeten worden gehoord."
    )
    with coordinator.expect_navigation():
        coordinator.get_by_role("button", name="Verdaging vastleggen").click()
    expect(coordinator.get_by_role("status")).to_contain_text("De verdaging is vastgelegd")
    expect(coordinator.locator("main")).to_contain_text("Ruim 400 documenten; derden moeten worden gehoord.")
    expect(coordinator.locator("main")).to_contain_text("Verdaagd bij besluit van")
    axe.check(coordinator)

    # and the dashboard says the request was verdaagd
    coordinator.goto(reverse("woo:werkplek"))
    expect(coordinator.get_by_role("row", name=re.compile(kenmerk))).to_contain_text("verdaagd")
    axe.check(coordinator)
    axe.assert_no_violations()
