"""The Woo selectors: one request by kenmerk, its term as it stands, and the dashboard by days left
in a fixed number of queries."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.woo.models import Verzoekstatus, WooVerzoek
from raadhuis.woo.selectors import verzoeken as selectors
from raadhuis.woo.services import verzoeken as services
from raadhuis.woo.termijnen import Status
from raadhuis.woo.tests.test_services import OMVANG, ZIENSWIJZE, registreer

pytestmark = pytest.mark.django_db

PEILDATUM = date(2026, 4, 20)


@pytest.fixture
def coordinator(db: None) -> Medewerker:
    medewerker: Medewerker = MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR])
    return medewerker


def _dashboardverzoeken(door: Medewerker) -> dict[str, WooVerzoek]:
    """Requests standing differently on Monday 20 April 2026."""
    # received 2 March: 4 weeks = 30 March; overdue on 20 April (13 working days late, Easter)
    te_laat = registreer(door, date(2026, 3, 2), onderwerp="Te laat")
    # received 30 March: ends 28 April (King's Day 27 April); 21, 22, 23, 24, 28 April = 5 working
    # days left, so nearly overdue
    bijna = registreer(door, date(2026, 3, 30), onderwerp="Bijna")
    # received 7 April: ends 6 May (5 May); on schedule
    op_schema = registreer(door, date(2026, 4, 7), onderwerp="Op schema")
    # received 10 April with an open zienswijze from 14 April: suspended
    opgeschort = registreer(door, date(2026, 4, 10), onderwerp="Opgeschort")
    services.zienswijze_opschorting_registreren(
        verzoek=opgeschort, van=date(2026, 4, 14), reden=ZIENSWIJZE, door=door
    )
    # decided: not on the dashboard
    besloten = registreer(door, date(2026, 3, 3), onderwerp="Besloten")
    WooVerzoek.objects.filter(pk=besloten.pk).update(status=Verzoekstatus.BESLOTEN)
    return {
        "te_laat": te_laat,
        "bijna": bijna,
        "op_schema": op_schema,
        "opgeschort": opgeschort,
        "besloten": besloten,
    }


def test_dashboard_toont_open_verzoeken_te_laat_eerst(coordinator: Medewerker) -> None:
    verzoeken = _dashboardverzoeken(coordinator)
    regels = selectors.verzoeken_dashboard(op=PEILDATUM)
    assert [r.verzoek.onderwerp for r in regels] == ["Te laat", "Bijna", "Op schema", "Opgeschort"]
    statussen = {r.verzoek.onderwerp: r.termijn.status for r in regels}
    assert statussen == {
        "Te laat": Status.VERLOPEN,
        "Bijna": Status.BIJNA_VERLOPEN,
        "Op schema": Status.OP_SCHEMA,
        "Opgeschort": Status.OPGESCHORT,
    }
    te_laat = regels[0].termijn
    # 31 March – 20 April: 13 working days (Good Friday 3 April and Easter Monday 6 April excluded)
    assert te_laat.werkdagen_over == -13
    assert te_laat.samenvatting == "13 werkdagen te laat"
    assert regels[1].termijn.werkdagen_over == 5
    assert regels[3].termijn.einddatum is None
    assert verzoeken["besloten"].pk not in {r.verzoek.pk for r in regels}


def test_dashboard_filtert_op_status(coordinator: Medewerker) -> None:
    _dashboardverzoeken(coordinator)
    assert [r.verzoek.onderwerp for r in selectors.verzoeken_dashboard(op=PEILDATUM, status="besloten")] == [
        "Besloten"
    ]
    assert [
        r.verzoek.onderwerp
        for r in selectors.verzoeken_dashboard(op=PEILDATUM, status=Verzoekstatus.ZIENSWIJZE_GEVRAAGD)
    ] == ["Opgeschort"]


def test_dashboard_in_een_vast_aantal_queries(
    coordinator: Medewerker, django_assert_num_queries: Any
) -> None:
    registreer(coordinator, date(2026, 3, 2))
    # equated days, requests (with behandelaar and verdaging), suspensions
    with django_assert_num_queries(3):
        assert len(selectors.verzoeken_dashboard(op=PEILDATUM)) == 1
    _dashboardverzoeken(coordinator)
    verzoek = registreer(coordinator, date(2026, 4, 1))
    services.verdaging_besluiten(
        verzoek=verzoek, reden=OMVANG, besloten_op=date(2026, 4, 2), door=coordinator
    )
    services.behandelaar_toewijzen(verzoek=verzoek, behandelaar=coordinator, door=coordinator)
    with django_assert_num_queries(3):
        regels = selectors.verzoeken_dashboard(op=PEILDATUM)
        assert len(regels) == 6
        assert all(r.verzoek.behandelaar is None or r.verzoek.behandelaar.pk for r in regels)


def test_verzoek_met_kenmerk_en_termijn(coordinator: Medewerker, django_assert_num_queries: Any) -> None:
    verzoek = registreer(coordinator, date(2024, 5, 2))
    services.zienswijze_opschorting_registreren(
        verzoek=verzoek, van=date(2024, 5, 10), tot=date(2024, 5, 17), reden=ZIENSWIJZE, door=coordinator
    )
    services.verdaging_besluiten(
        verzoek=verzoek, reden=OMVANG, besloten_op=date(2024, 6, 3), door=coordinator
    )
    gevonden = selectors.verzoek_met_kenmerk(verzoek.kenmerk)
    assert gevonden is not None
    with django_assert_num_queries(1):  # only the equated days: the rest was loaded
        termijn = selectors.termijn_van(gevonden, op=date(2024, 6, 3))
    assert termijn.einddatum == date(2024, 6, 20)
    assert termijn.eerste_termijn_einde == date(2024, 6, 6)
    assert termijn.verdaagd
    assert any("art. 4.4 lid 2" in regel for regel in termijn.uitleg)
    assert [(o.van, o.tot) for o in selectors.opschortingen_van(gevonden)] == [
        (date(2024, 5, 10), date(2024, 5, 17))
    ]
    assert selectors.verzoek_met_kenmerk("WOO-1999-0001") is None
