"""Browser fixtures: Debian's headless Chromium through Playwright, axe-core, and a live server."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page
    from pytest_django.live_server_helper import LiveServer

    from raadhuis.accounts.models import Medewerker
    from raadhuis.core.models import Organisatie

PROJECT_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = PROJECT_DIR / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
BUILT_CSS = PROJECT_DIR / "frontend" / "dist" / "raadhuis" / "raadhuis.css"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# With RAADHUIS_E2E_VEREIST=1 (CI) a missing prerequisite fails the run instead of skipping it,
# so a broken image can never pass by silently testing nothing.
REQUIRED = os.environ.get("RAADHUIS_E2E_VEREIST") == "1"
PASSWORD = "correct-paard-batterij-nietje"

_skip_notices: list[str] = []


def missing_prerequisite() -> str | None:
    """Why the browser tests cannot run here, or None when everything they need is present."""
    if not CHROMIUM.exists():
        return f"Chromium not installed (expected {CHROMIUM})"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Python playwright is not installed in the virtualenv"
    if not AXE_JS.exists():
        return f"axe-core not installed ({AXE_JS}); run `npm install` in frontend/"
    if not BUILT_CSS.exists():
        # Without the stylesheet the colour-contrast rules would judge unstyled pages.
        return f"front-end not built ({BUILT_CSS}); run `npm run build` in frontend/"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = missing_prerequisite()
    e2e_items = [item for item in items if item.get_closest_marker("e2e")]
    if reason is None or REQUIRED or not e2e_items:
        return  # when required, the browser fixture fails every test with the reason
    notice = f"browser tests skipped: {reason}"
    _skip_notices.append(notice)
    for item in e2e_items:
        item.add_marker(pytest.mark.skip(reason=notice))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # A skip is one letter in -q output; say it in red at the end so nobody mistakes it for a pass.
    for notice in _skip_notices:
        terminalreporter.write_line(
            f"!!! {notice} (set RAADHUIS_E2E_VEREIST=1 to make this an error)", red=True, bold=True
        )


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole run; every test gets its own context (cookies, storage).

    Playwright's launch() gives Chromium a fresh temporary user-data-dir and removes it afterwards.
    """
    reason = missing_prerequisite()
    if reason is not None:
        if REQUIRED:
            pytest.fail(f"RAADHUIS_E2E_VEREIST=1 but {reason}", pytrace=False)
        pytest.skip(f"browser tests skipped: {reason}")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio event loop running in the test thread, and Django
    # then refuses the tests' own ORM calls (creating users) as "async unsafe". They are safe:
    # the loop only talks to the browser. Set for as long as the loop exists, and not before, so
    # unit tests that run earlier in the same session keep Django's check.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()


@dataclass(frozen=True)
class Violation:
    """One axe-core rule broken on one page, with the elements that break it."""

    url: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        elements = "".join(f"\n      - {target}" for target in self.targets)
        return f"  {self.url}\n    {self.rule} ({self.impact}): {self.help}{elements}"


class AxeCheck:
    """Runs axe-core's WCAG 2.0/2.1 A and AA rules on pages and collects what it finds.

    A test checks as many pages (and states of a page) as it needs and then asserts once, so a
    failure lists every violation of the run, not only the first page's.
    """

    def __init__(self, source: str) -> None:
        self._source = source
        self.violations: list[Violation] = []
        self.checked: list[str] = []

    def check(self, page: Page) -> None:
        # A check right after a click may find the next page committed but its document not yet
        # there (axe then fails on a null documentElement): check the loaded page.
        page.wait_for_load_state("load")
        if not page.evaluate("() => typeof window.axe === 'object'"):
            # Evaluated through the DevTools protocol, which the Content-Security-Policy does not
            # govern; an injected <script> would be blocked (and reported as a violation).
            page.evaluate(self._source)
        result: dict[str, Any] = page.evaluate(
            "async (options) => await axe.run(document, options)", AXE_OPTIONS
        )
        self.checked.append(page.url)
        self.violations.extend(
            Violation(
                url=page.url,
                rule=violation["id"],
                impact=violation.get("impact") or "unknown",
                help=violation["help"],
                targets=tuple(" ".join(map(str, node["target"])) for node in violation["nodes"]),
            )
            for violation in result["violations"]
        )

    def assert_no_violations(self) -> None:
        assert self.checked, "axe-core checked no page at all"
        if self.violations:
            lines = "\n".join(map(str, self.violations))
            pytest.fail(
                f"axe-core found {len(self.violations)} WCAG 2.1 A/AA violation(s) on "
                f"{len(self.checked)} checked page(s):\n{lines}",
                pytrace=False,
            )


@pytest.fixture(scope="session")
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture
def axe(_axe_source: str) -> AxeCheck:
    return AxeCheck(_axe_source)


@pytest.fixture
def new_context(browser: Browser, live_server: LiveServer) -> Iterator[Callable[..., BrowserContext]]:
    """Opens browser contexts on the live server, Dutch like a visitor here; closed afterwards.

    Extra keyword arguments go to Playwright, e.g. ``new_context(java_script_enabled=False)``.
    """
    contexts: list[BrowserContext] = []
    csp_violations: list[str] = []

    def open_context(**options: Any) -> BrowserContext:
        # Without a locale Chromium asks for English and LocaleMiddleware would serve it.
        ctx = browser.new_context(**{"base_url": live_server.url, "locale": "nl-NL", **options})
        ctx.set_default_timeout(10_000)
        # The browser reports what the Content-Security-Policy blocked on the console; a blocked
        # script or style is a broken page for real visitors, so every browser test fails on it.
        ctx.on(
            "console",
            lambda message: (
                csp_violations.append(f"{message.location.get('url')}: {message.text}")
                if message.type == "error" and "Content Security Policy" in message.text
                else None
            ),
        )
        contexts.append(ctx)
        return ctx

    yield open_context
    for ctx in contexts:
        ctx.close()
    assert not csp_violations, "Content-Security-Policy violations:\n" + "\n".join(csp_violations)


@pytest.fixture
def context(new_context: Callable[..., BrowserContext]) -> BrowserContext:
    return new_context()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """The live server shares this process's cache: each test starts with no rate-limit counts,
    so logins of earlier tests in the same minute do not add up (core.snelheid)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def organisatie(transactional_db: None) -> Organisatie:
    from raadhuis.core.services import organisatie_inrichten

    return organisatie_inrichten(tooi_code="gm1926")


def _create_medewerker(*, username: str, roles: list[str], enrolled: bool | None = None) -> Medewerker:
    """An employee with the suite's password. Roles that require two-factor authentication get an
    authenticator with the known key (as if enrolled) unless ``enrolled=False``; ``enrolled=True``
    gives one to any role."""
    from raadhuis.accounts.services import medewerker_aanmaken
    from raadhuis.accounts.tests.hulp import totp_apparaat

    medewerker = medewerker_aanmaken(gebruikersnaam=username, wachtwoord=PASSWORD, rollen=roles)
    if enrolled or (enrolled is None and medewerker.tweestapsverificatie_verplicht):
        totp_apparaat(medewerker)
    return medewerker


def current_code(username: str) -> str:
    """The code the employee's authenticator shows; the next one if this one was used already
    (a code works once, and the server accepts one step ahead)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from raadhuis.accounts.tests.hulp import volgende_code

    device = TOTPDevice.objects.filter(user__username=username).order_by("-confirmed", "pk").first()
    assert device is not None, f"{username} has no authenticator"
    return volgende_code(device)


@pytest.fixture
def create_medewerker(transactional_db: None) -> Callable[..., Medewerker]:
    """Makes an employee with the given roles and the suite's password."""
    return _create_medewerker


@pytest.fixture
def medewerker(transactional_db: None, organisatie: Organisatie) -> Medewerker:
    """An employee holding every role, so every Werkplek page is open to them."""
    from raadhuis.accounts.models import Rol

    return _create_medewerker(username="alle.rollen", roles=list(Rol.values))


def _log_in(page: Page, *, username: str, password: str = PASSWORD) -> None:
    """Logs in through the real login form, as a person does (no session shortcuts); an employee
    with an authenticator also gets through the second step, with the code the app would show."""
    page.goto("/werkplek/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()
    if "/werkplek/inloggen/code/" in page.url:
        page.get_by_label("Code").fill(current_code(username))
        with page.expect_navigation():
            page.get_by_role("button", name="Verder").click()


@pytest.fixture
def authenticator_code() -> Callable[[str], str]:
    """The code an employee's authenticator app shows now: ``authenticator_code("bea")``."""
    return current_code


@pytest.fixture
def suite_password() -> str:
    return PASSWORD


@pytest.fixture
def log_in() -> Callable[..., None]:
    """Logs a page in through the login form: ``log_in(page, username=..., password=...)``."""
    return _log_in


@pytest.fixture
def logged_in_page(page: Page, medewerker: Medewerker) -> Page:
    _log_in(page, username=medewerker.get_username())
    page.wait_for_url("**/werkplek/")
    return page
