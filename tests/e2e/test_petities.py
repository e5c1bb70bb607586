"""Petitions in a real browser: a resident signs with e-mail, confirms through the link in the mail
and the public count rises; a second signature is refused; every page checked with axe-core."""

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
    return basis + "/petities/" + url.split("/petities/", 1)[1]


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

    page.goto("/petities/")
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
