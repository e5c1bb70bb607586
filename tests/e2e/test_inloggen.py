"""Two-factor login, enrolment, lockout page and the lockout list in a real browser, with axe-core."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.core.models import Organisatie

pytestmark = pytest.mark.e2e


def _password_step(page: Page, username: str, password: str) -> Any:
    page.goto("/werkplek/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Inloggen", exact=True).click()
    return navigation.value


def test_enrolment_and_second_step_pass_axe(
    page: Page,
    axe: Any,
    organisatie: Organisatie,
    create_medewerker: Any,
    authenticator_code: Any,
    suite_password: str,
) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from playwright.sync_api import expect

    from raadhuis.accounts.tests.hulp import totp_code

    create_medewerker(username="bea", roles=["beheerder"], enrolled=False)
    _password_step(page, "bea", suite_password)

    # A beheerder must enrol before the Werkplek opens.
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    expect(page.get_by_role("img", name="QR-code voor uw authenticator-app")).to_be_visible()
    axe.check(page)

    page.get_by_label("Code uit de app").fill("000000")
    with page.expect_navigation():
        page.get_by_role("button", name="Tweestapsverificatie aanzetten").click()
    expect(page.get_by_label("Code uit de app")).to_have_accessible_description(
        re.compile("Deze code klopt niet")
    )
    axe.check(page)

    page.wait_for_timeout(1100)  # django-otp's back-off after one wrong code
    device = TOTPDevice.objects.get(user__username="bea")
    page.get_by_label("Code uit de app").fill(totp_code(device))
    with page.expect_navigation():
        page.get_by_role("button", name="Tweestapsverificatie aanzetten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw herstelcodes")
    assert page.locator(".raadhuis-herstelcodes li").count() == 10
    axe.check(page)

    page.goto("/werkplek/tweestapsverificatie/")
    axe.check(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Uitloggen").click()
    _password_step(page, "bea", suite_password)
    expect(page.get_by_role("heading", level=1)).to_have_text("Code invoeren")
    axe.check(page)
    page.get_by_label("Code").fill("111111")
    with page.expect_navigation():
        page.get_by_role("button", name="Verder").click()
    expect(page.get_by_label("Code")).to_have_accessible_description(re.compile("klopt niet"))
    axe.check(page)
    page.wait_for_timeout(1100)
    page.get_by_label("Code").fill(authenticator_code("bea"))
    with page.expect_navigation():
        page.get_by_role("button", name="Verder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkplek")

    axe.assert_no_violations()


def test_lockout_page_and_lockout_list_pass_axe(
    page: Page, axe: Any, organisatie: Organisatie, create_medewerker: Any, log_in: Any, new_context: Any
) -> None:
    from playwright.sync_api import expect

    create_medewerker(username="griet", roles=["griffie"])
    for _ in range(9):
        _password_step(page, "griet", "niet-het-goede-wachtwoord")
    response = _password_step(page, "griet", "niet-het-goede-wachtwoord")

    assert response.status == 429
    assert response.header_value("retry-after")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen tijdelijk geblokkeerd")
    axe.check(page)

    beheerder_page = new_context().new_page()
    create_medewerker(username="bea", roles=["beheerder"])
    log_in(beheerder_page, username="bea")
    beheerder_page.goto("/werkplek/inlogblokkades/")
    row = beheerder_page.get_by_role("row").filter(has_text="griet")
    expect(row).to_be_visible()
    axe.check(beheerder_page)
    with beheerder_page.expect_navigation():
        row.get_by_role("button", name="Ontgrendelen: griet").click()
    expect(beheerder_page.get_by_text("De blokkade van griet is opgeheven.")).to_be_visible()
    axe.check(beheerder_page)

    axe.assert_no_violations()
