"""Petitions in a real browser: a resident signs with e-mail, confirms through the link in the mail
and the public count rises; an inhabitant supports a burgerinitiatief with DigiD Basis through the
test IdP; a second signature is refused on both channels; every page checked with axe-core."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import pytest
from django.core import mail

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.accounts.models import Medewerker
    from raadhuis.core.models import Organisatie

    from .conftest import AxeCheck

pytestmark = pytest.mark.e2e


def _link(bericht: mail.EmailMessage, basis: str) -> str:
    """The confirmation link in the mail, on the test server (mails use RAADHUIS_BASIS_URL)."""
    url = next(u for u in re.findall(r"https?://\S+", str(bericht.body)) if "/bevestigen/" in u)
    return basis + "/meedoen/petities/" + url.split("/petities/", 1)[1]


def test_inwoner_ondertekent_en_de_teller_stijgt(
    page: Page, axe: AxeCheck, organisatie: Organisatie, create_medewerker, live_server
) -> None:
    from django.utils import timezone
    from playwright.sync_api import expect

    from raadhuis.accounts.models import Rol
    from raadhuis.samenleving.services import petities as services

    griffier: Medewerker = create_medewerker(username="griffier", roles=[Rol.GRIFFIE])
    petitie = services.petitie_indienen(
        soort="petitie",
        titel="Veilig oversteken bij de school",
        tekst="Wij vragen de raad om een zebrapad.",
        initiatiefnemer_naam="Kees Jansen",
        initiatiefnemer_email="kees@example.org",
        ondertekenen_tot=timezone.localdate() + dt.timedelta(days=30),
    )
    services.petitie_openen(petitie=petitie, door=griffier)
    services.ondertekenen_met_digid(petitie=petitie, bsn="999993653")
    services.ondertekenen_met_digid(petitie=petitie, bsn="999990019")
    mail.outbox.clear()

    page.goto("/meedoen/petities/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Petities en burgerinitiatieven")
    axe.check(page)
    page.get_by_role("link", name="Veilig oversteken bij de school").click()
    expect(page.locator("#aantal")).to_contain_text("2 ondertekeningen")
    axe.check(page)

    page.get_by_role("link", name="Onderteken deze petitie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Petitie ondertekenen")
    axe.check(page)
    page.get_by_role("textbox", name="E-mailadres").fill("niet-goed")
    page.get_by_role("button", name="Ondertekenen per e-mail").click()
    expect(page.get_by_text("Vul een geldig e-mailadres in")).to_be_visible()
    axe.check(page)

    page.get_by_role("textbox", name="E-mailadres").fill("inwoner@voorbeeld.nl")
    page.get_by_role("button", name="Ondertekenen per e-mail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kijk in uw mailbox")
    axe.check(page)

    page.goto(_link(mail.outbox[0], live_server.url))
    axe.check(page)
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw ondertekening telt mee")
    axe.check(page)

    page.get_by_role("link", name="Naar de petitie").click()
    expect(page.locator("#aantal")).to_contain_text("3 ondertekeningen")

    page.get_by_role("link", name="Onderteken deze petitie").click()
    page.get_by_role("textbox", name="E-mailadres").fill("Inwoner@voorbeeld.nl")
    page.get_by_role("button", name="Ondertekenen per e-mail").click()
    expect(page.get_by_text("U heeft deze petitie al ondertekend.")).to_be_visible()
    axe.check(page)
    assert services.aantal_ondertekeningen(petitie) == 3

    axe.assert_no_violations()


def test_inwoner_steunt_burgerinitiatief_met_digid_basis(
    page: Page, axe: AxeCheck, organisatie: Organisatie, create_medewerker
) -> None:
    from django.utils import timezone
    from playwright.sync_api import expect

    from raadhuis.accounts.models import Rol
    from raadhuis.samenleving.services import petities as services

    griffier: Medewerker = create_medewerker(username="griffier", roles=[Rol.GRIFFIE])
    initiatief = services.petitie_indienen(
        soort="burgerinitiatief",
        titel="Een hondenlosloopgebied",
        tekst="Wij stellen de raad voor een gebied aan te wijzen.",
        initiatiefnemer_naam="Mila Bakker",
        initiatiefnemer_email="mila@example.org",
        ondertekenen_tot=timezone.localdate() + dt.timedelta(days=30),
    )
    services.petitie_openen(petitie=initiatief, drempel=5, door=griffier)

    page.goto(f"/meedoen/petities/{initiatief.pk}/")
    expect(page.locator("#aantal")).to_contain_text("0 van de 5 vereiste ondersteuners")
    page.get_by_role("link", name="Steun dit burgerinitiatief").click()
    axe.check(page)
    expect(page.get_by_role("heading", name="Met uw e-mailadres")).to_have_count(0)

    # DigiD Basis is enough: supporting grants nothing.
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.wait_for_url("**/test-idp/authorize/**")
    page.get_by_label("Inlogmiddel").select_option("digid")
    page.get_by_label("Test-BSN").select_option("999993653")
    page.get_by_label("Betrouwbaarheidsniveau").select_option(label="DigiD Basis")
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()
    page.wait_for_url(f"**/petities/{initiatief.pk}/ondertekenen/")
    axe.check(page)

    page.get_by_role("button", name="Ondertekenen met DigiD").click()
    expect(page.get_by_text("Verklaar dat u in de gemeente woont")).to_be_visible()
    axe.check(page)
    page.get_by_label("Ik woon in de gemeente").check()
    page.get_by_role("button", name="Ondertekenen met DigiD").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw ondertekening")
    axe.check(page)
    page.get_by_role("link", name="Terug naar").click()
    expect(page.locator("#aantal")).to_contain_text("1 van de 5 vereiste ondersteuners")

    page.get_by_role("link", name="Steun dit burgerinitiatief").click()
    page.get_by_label("Ik woon in de gemeente").check()
    page.get_by_role("button", name="Ondertekenen met DigiD").click()
    expect(page.get_by_text("U heeft deze petitie al ondertekend.")).to_be_visible()
    axe.check(page)
    assert services.aantal_ondersteuners_inwoner(initiatief) == 1

    axe.assert_no_violations()
