"""axe-core (WCAG 2.1 A and AA) on every page a visitor or an employee can reach, and on errors."""

from __future__ import annotations

import re
from collections import deque
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

import pytest
from django.urls import Resolver404, resolve, reverse

from raadhuis.menu import PUBLIEK_MENU, WERKPLEK_MENU

if TYPE_CHECKING:
    from playwright.sync_api import Page
    from pytest_django.live_server_helper import LiveServer

    from raadhuis.accounts.models import Medewerker
    from raadhuis.core.models import Organisatie

# Playwright is imported inside the tests: without it the module must still collect (and skip).
pytestmark = pytest.mark.e2e

# Not pages of this site's HTML: the JSON API and its generated docs (tested in the API tests),
# Django's own admin, uploads and static files.
NOT_CRAWLED = ("/api/", "/beheer/", "/media/", "/static/")
MAX_PAGINAS = 400
# Pages of one route with the same query parameters share their template: the register's twenty
# activities, a paragraph per year. Axe checks the first few of each; the others are still fetched,
# so a broken one fails the crawl, but not rendered and checked again (a tenth of CI's time went
# to the employee crawl).
AXE_PER_ROUTE = 2


def _crawlable(href: str, origin: str) -> str | None:
    """The link without its fragment if the crawler should visit it, else None."""
    parts = urlsplit(href)
    if parts.scheme not in {"http", "https"}:  # mailto:, tel:, javascript:
        return None
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return None
    if parts.path.startswith(NOT_CRAWLED) or PurePosixPath(parts.path).suffix:
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))


def _route(url: str) -> tuple[str, frozenset[str]]:
    """What pages of one template have in common: the URL pattern and the query parameters' names."""
    parts = urlsplit(url)
    try:
        route = resolve(parts.path).route
    except Resolver404:
        route = parts.path
    return route, frozenset(parse_qs(parts.query))


def crawl(page: Page, axe: Any, *, start: str) -> set[str]:
    """Visits every same-origin page linked from ``start`` onwards, running axe-core on the first
    AXE_PER_ROUTE pages of each route and fetching the rest.

    Only links are followed, never forms, so the crawl cannot log out or change anything.
    Returns the paths visited; fails on a broken link.
    """
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(start))
    queue = deque([start])
    seen = {start}
    visited: set[str] = set()
    broken: list[str] = []
    checked_per_route: dict[tuple[str, frozenset[str]], int] = {}
    while queue:
        # A page that links to a "next" of itself forever (a year or month window moving with the
        # page) would keep the crawl going until CI times out; fail fast and say which link.
        assert len(seen) <= MAX_PAGINAS, f"more than {MAX_PAGINAS} pages; endless links? last: {queue[-1]}"
        url = queue.popleft()
        route = _route(url)
        if checked_per_route.get(route, 0) >= AXE_PER_ROUTE:
            fetched = page.request.get(url)
            if not fetched.ok:
                broken.append(f"{url}: HTTP {fetched.status}")
            visited.add(urlsplit(fetched.url).path)
            continue
        checked_per_route[route] = checked_per_route.get(route, 0) + 1
        response = page.goto(url)
        if response is None or not response.ok:
            broken.append(f"{url}: HTTP {response.status if response else 'no response'}")
            continue
        visited.add(urlsplit(page.url).path)
        if "text/html" not in (response.header_value("content-type") or ""):
            continue
        axe.check(page)
        # A link with `download` saves a file (CSV, ZIP); it is no page to check.
        for href in page.eval_on_selector_all("a[href]:not([download])", "links => links.map(a => a.href)"):
            link = _crawlable(href, origin)
            if link is not None and link not in seen:
                seen.add(link)
                queue.append(link)
    assert not broken, "broken links:\n" + "\n".join(broken)
    return visited


def test_every_public_page_passes_axe(
    page: Page, axe: Any, live_server: LiveServer, organisatie: Organisatie
) -> None:
    visited = crawl(page, axe, start=f"{live_server.url}/")

    expected = {item.url for item in PUBLIEK_MENU}
    expected |= {reverse("core:toegankelijkheid"), reverse("accounts:inloggen")}
    assert expected <= visited, f"crawl missed {sorted(expected - visited)}"
    axe.assert_no_violations()


def test_every_page_of_an_employee_with_all_roles_passes_axe(
    logged_in_page: Page, axe: Any, live_server: LiveServer
) -> None:
    visited = crawl(logged_in_page, axe, start=f"{live_server.url}/")

    expected = {item.url for item in (*PUBLIEK_MENU, *WERKPLEK_MENU)}
    assert reverse("core:organisatie") in expected
    assert expected <= visited, f"crawl missed {sorted(expected - visited)}"
    axe.assert_no_violations()


def test_form_errors_are_shown_next_to_the_field_and_pass_axe(
    page: Page, axe: Any, medewerker: Medewerker, log_in: Any
) -> None:
    from playwright.sync_api import expect

    log_in(page, username=medewerker.get_username(), password="niet-het-goede-wachtwoord")
    expect(page.get_by_role("alert")).to_be_visible()
    axe.check(page)

    log_in(page, username=medewerker.get_username())
    page.goto(reverse("core:organisatie"))
    page.get_by_label("TOOI-code").fill("gm9999")
    # htmx names the code while typing; check that live state too before saving.
    expect(page.locator("#tooi-resultaat")).to_contain_text("gm9999 staat niet in")
    axe.check(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_label("TOOI-code")).to_have_accessible_description(
        re.compile("gm9999 staat niet in de TOOI-organisatielijsten")
    )
    axe.check(page)

    axe.assert_no_violations()


def test_not_found_and_forbidden_pages_pass_axe(
    page: Page, axe: Any, organisatie: Organisatie, create_medewerker: Any, log_in: Any
) -> None:
    response = page.goto("/deze-pagina-bestaat-niet/")
    assert response is not None
    assert response.status == 404
    axe.check(page)

    create_medewerker(username="raadslid", roles=["raadslid"])
    log_in(page, username="raadslid")
    response = page.goto(reverse("core:organisatie"))
    assert response is not None
    assert response.status == 403
    axe.check(page)

    axe.assert_no_violations()


def test_logboek_register_and_mijn_gegevens_pass_axe(
    page: Page,
    new_context: Any,
    axe: Any,
    live_server: LiveServer,
    organisatie: Organisatie,
    create_medewerker: Any,
    log_in: Any,
) -> None:
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore
    from playwright.sync_api import expect

    from raadhuis.core import logboek
    from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort, identiteit_opslaan

    bsn = "999993653"
    kcc = create_medewerker(username="kcc", roles=["kcc-medewerker"])
    logboek.vastleggen(
        naam="zaken.zoeken_op_bsn", activiteit="zoeken-op-bsn", betrokkene=("BSN", bsn), door=kcc
    )
    create_medewerker(username="privacy", roles=["privacy-officer"])
    log_in(page, username="privacy")
    for path in (
        "/werkplek/logboek/",
        "/werkplek/logboek/register/",
        "/werkplek/logboek/register/zoeken-op-bsn/",
        "/werkplek/logboek/register/nieuw/",
        "/werkplek/logboek/register/zoeken-op-bsn/herzien/",
    ):
        response = page.goto(path)
        assert response is not None
        assert response.ok, path
        axe.check(page)

    page.goto("/werkplek/logboek/")
    subject = page.get_by_role("textbox", name=re.compile("^Betrokkene"))
    subject.fill("123456789")
    with page.expect_navigation():
        page.get_by_role("button", name="Zoeken", exact=True).click()
    expect(subject).to_have_accessible_description(re.compile("elfproef"))
    axe.check(page)
    subject.fill(bsn)
    with page.expect_navigation():
        page.get_by_role("button", name="Zoeken", exact=True).click()
    expect(page.get_by_text("U zoekt op betrokkene ******653.")).to_be_visible()
    assert bsn not in page.url
    axe.check(page)

    anonymous = new_context().new_page()
    anonymous.goto("/mijn/gegevens/")
    axe.check(anonymous)

    session = SessionStore()
    resident_identity = Identiteit(soort=Soort.INWONER, niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL, bsn=bsn)
    identiteit_opslaan(session, resident_identity)
    session.save()
    resident = new_context()
    resident.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key or "", "url": live_server.url}]
    )
    mijn = resident.new_page()
    response = mijn.goto("/mijn/gegevens/")
    assert response is not None
    assert response.ok
    expect(mijn.get_by_role("heading", name="Zoeken op burgerservicenummer")).to_be_visible()
    axe.check(mijn)

    axe.assert_no_violations()


def test_axe_check_reports_page_rule_impact_and_selector_even_under_a_strict_csp(
    page: Page, axe: Any
) -> None:
    # The harness itself: a page with a known violation, behind the CSP the app is heading for.
    page.set_content(
        "<!DOCTYPE html><html lang='nl'><head>"
        "<meta http-equiv='Content-Security-Policy' content=\"script-src 'self'\">"
        "<title>Proef</title></head><body><main><img src='/logo.png'></main></body></html>"
    )

    axe.check(page)

    with pytest.raises(pytest.fail.Exception) as failure:
        axe.assert_no_violations()
    assert "about:blank" in str(failure.value)
    assert "image-alt (critical)" in str(failure.value)
    assert "- img" in str(failure.value)
