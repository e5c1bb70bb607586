"""Keyboard use, the language switch and the site without JavaScript, in a real browser."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from django.urls import reverse

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import BrowserContext, Page

    from raadhuis.accounts.models import Medewerker
    from raadhuis.core.models import Organisatie

# Playwright is imported inside the tests: without it the module must still collect (and skip).
pytestmark = pytest.mark.e2e

# Contrast of the focused element's text against the first opaque background behind it
# (WCAG 1.4.3 in the focus state, which axe-core does not visit).
FOCUS_CONTRAST_JS = """
() => {
  const rgba = (value) => (value.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const element = document.activeElement;
  let background = [255, 255, 255];
  for (let node = element; node; node = node.parentElement) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour.length === 3 || colour[3] > 0) { background = colour; break; }
  }
  const [light, dark] = [luminance(rgba(getComputedStyle(element).color)), luminance(background)]
    .sort((a, b) => b - a);
  const name = (element.innerText || element.value || element.tagName).trim().split("\\n")[0];
  return {name, ratio: (light + 0.05) / (dark + 0.05), body: element === document.body};
}
"""


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content(
    page: Page, organisatie: Organisatie
) -> None:
    from playwright.sync_api import expect

    page.goto("/")
    page.keyboard.press("Tab")

    skip_link = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")

    expect(page.locator("main#inhoud")).to_be_focused()
    assert page.url.endswith("#inhoud")


def test_language_switch_shows_the_page_in_english(page: Page, organisatie: Organisatie) -> None:
    from playwright.sync_api import expect

    page.goto(reverse("core:toegankelijkheid"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    page.get_by_label("Taal").select_option("en")
    with page.expect_navigation():
        page.get_by_role("button", name="Kies taal").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url.endswith(reverse("core:toegankelijkheid")), "the switch returns to the page"


def test_employee_logs_in_and_reaches_the_werkplek_without_javascript(
    new_context: Callable[..., BrowserContext], medewerker: Medewerker, log_in: Any
) -> None:
    from playwright.sync_api import expect

    page = new_context(java_script_enabled=False).new_page()

    log_in(page, username=medewerker.get_username())

    assert page.url.endswith(reverse("core:werkplek"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkplek")
    menu = page.get_by_role("navigation", name="Werkplekmenu")
    menu.get_by_role("link", name="Organisatie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisatie")


def test_every_focused_control_keeps_readable_text(logged_in_page: Page) -> None:
    page = logged_in_page
    page.goto("/")

    unreadable: list[str] = []
    for _ in range(100):  # more tab stops than any page has; the loop ends at the page's end
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_CONTRAST_JS)
        if focused["body"]:
            break
        if focused["ratio"] < 4.5:
            unreadable.append(f"{focused['name']!r}: {focused['ratio']:.2f}:1")

    assert not unreadable, "focused controls below 4.5:1 contrast:\n" + "\n".join(unreadable)
