"""Inspreken in a real browser: a resident asks to speak on an agenda item (forgetting the required
parts first), the griffie admits her in the Werkplek, and she then shows on the public agenda with her
consented name; axe-core checks every page and state on the way."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

    from raadhuis.core.models import Organisatie

    from .conftest import AxeCheck

pytestmark = pytest.mark.e2e


def test_inwoner_meldt_zich_aan_griffie_laat_toe_en_inspreker_staat_op_de_agenda(
    page: Page,
    new_context: Callable[..., BrowserContext],
    organisatie: Organisatie,
    create_medewerker: Any,
    log_in: Any,
    axe: AxeCheck,
) -> None:
    from playwright.sync_api import expect

    from raadhuis.accounts.models import Rol
    from raadhuis.besluitvorming.models import Inspreekregeling, Spreekverzoek
    from raadhuis.besluitvorming.tests.factories import (
        AgendapuntFactory,
        OrgaanFactory,
        VergaderingFactory,
    )

    # Given a commissie whose Reglement van Orde allows inspreken, and its meeting in two weeks with a
    # published agenda holding a public and a closed item
    create_medewerker(username="griffier", roles=[Rol.GRIFFIE])
    commissie = OrgaanFactory(commissie=True, naam="Commissie Ruimte")
    Inspreekregeling.objects.create(orgaan=commissie, spreektijd=5)
    vergadering = VergaderingFactory(
        orgaan=commissie,
        titel="Commissie Ruimte 14 december",
        begin=timezone.now() + dt.timedelta(days=14),
        agenda_gepubliceerd_op=timezone.now(),
    )
    punt = AgendapuntFactory(vergadering=vergadering, volgnummer=1, titel="Parkeerbeleid centrum")
    AgendapuntFactory(vergadering=vergadering, volgnummer=2, titel="Grondtransactie Heron", besloten=True)

    # When a resident opens the public agenda and follows the link at the item
    page.goto(reverse("besluitvorming:vergadering", args=[vergadering.pk]))
    expect(page.get_by_text("Grondtransactie Heron")).to_have_count(0)
    axe.check(page)
    with page.expect_navigation():
        page.get_by_role(
            "link", name=re.compile(r"^Inspreken bij dit agendapunt\W+Parkeerbeleid centrum$")
        ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inspreken")
    expect(page.get_by_label("Over welk agendapunt wilt u inspreken?")).to_have_value(str(punt.pk))
    axe.check(page)

    # forgetting her summary and the acknowledgement first: the errors are next to the fields
    page.get_by_label("Naam", exact=True).fill("Fatma Yilmaz")
    page.get_by_label("E-mailadres").fill("fatma@voorbeeld.nl")
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelden om in te spreken").click()
    expect(page.locator("#id_samenvatting_error")).to_have_text(
        "Schrijf in het kort waarover u wilt inspreken."
    )
    expect(page.locator("#id_akkoord_error")).to_be_visible()
    axe.check(page)
    assert not Spreekverzoek.objects.exists()

    page.get_by_label("Waarover wilt u inspreken?").fill("Ik vraag om blauwe zones rond het Raadhuisplein.")
    page.get_by_label("Mijn naam mag op de openbare agenda op de website staan").check()
    page.get_by_label("Ik heb gelezen wat de gemeente met mijn gegevens doet").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelden om in te spreken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw aanmelding is ontvangen")
    axe.check(page)
    assert len(mail.outbox) == 1
    assert "Commissie Ruimte 14 december" in mail.outbox[0].subject

    # Then the griffie admits her in the Werkplek
    griffie = new_context().new_page()
    log_in(griffie, username="griffier")
    griffie.goto(reverse("besluitvorming:werkplek_inspreken"))
    axe.check(griffie)
    with griffie.expect_navigation():
        griffie.get_by_role("link", name="Commissie Ruimte 14 december").click()
    expect(griffie.get_by_role("heading", level=2, name="Fatma Yilmaz")).to_be_visible()
    axe.check(griffie)
    with griffie.expect_navigation():
        griffie.get_by_role("button", name=re.compile(r"^Toelaten\W+Fatma Yilmaz$")).click()
    expect(griffie.get_by_text("Fatma Yilmaz is toegelaten als inspreker.")).to_be_visible()
    axe.check(griffie)
    verzoek = Spreekverzoek.objects.get()
    assert (verzoek.status, verzoek.volgorde, verzoek.spreektijd) == ("toegelaten", 1, 5)
    assert len(mail.outbox) == 2
    assert "inspreker nummer 1" in str(mail.outbox[1].body)

    # and the speaker shows at the item on the public agenda, with the name she consented to show
    page.goto(reverse("besluitvorming:vergadering", args=[vergadering.pk]))
    onderdeel = page.get_by_role("region", name="1. Parkeerbeleid centrum")
    expect(onderdeel.get_by_role("listitem")).to_have_text(["Fatma Yilmaz"])
    axe.check(page)

    axe.assert_no_violations()
