"""Reminders about the decision term (issue 9, point 2): within five working days of the end, on the
last day and after it lapsed, to the behandelaar and every active Woo-coördinator, each address
once; each kind once per end date (idempotent), again when a verdaging moves the end, never while
the clock stands still, never for a closed request; the daily command.

Dates: a request received on Monday 3 March 2025 must be decided by Monday 31 March 2025 (Woo art.
4.4 lid 1; no holiday in between). The decision and the withdrawal belong to another part of the
module: a closed request is made by a queryset update of its status."""

from __future__ import annotations

from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.models import Logregel
from raadhuis.woo.models import Herinnering, Herinneringssoort, Verzoekstatus, WooVerzoek
from raadhuis.woo.selectors.verzoeken import termijn_van
from raadhuis.woo.services import verzoeken as services
from raadhuis.woo.services.herinneringen import herinnering_soort, herinneringen_versturen, ontvangers_van
from raadhuis.woo.termijnen import beslistermijn
from raadhuis.woo.tests.test_services import OMVANG, ONMIDDELLIJK, ZIENSWIJZE, registreer

pytestmark = pytest.mark.django_db

ONTVANGEN = date(2025, 3, 3)
EINDE = date(2025, 3, 31)
VERZOEKER = "Johanna Verzoekster-Geheim"


def _medewerker(**velden: Any) -> Medewerker:
    """A MedewerkerFactory employee, narrowed for the type checker."""
    medewerker = MedewerkerFactory(**velden)
    assert isinstance(medewerker, Medewerker)
    return medewerker


@pytest.fixture(autouse=True)
def _taken_direct(settings: Any) -> None:
    settings.TASKS = ONMIDDELLIJK


@pytest.fixture
def coordinator(db: None) -> Medewerker:
    return _medewerker(rollen=[Rol.WOO_COORDINATOR], email="coordinator@gemeente.example")


@pytest.fixture
def behandelaar(db: None) -> Medewerker:
    return _medewerker(rollen=[Rol.BEHEERDER], email="behandelaar@gemeente.example")


@pytest.fixture
def verzoek(coordinator: Medewerker, behandelaar: Medewerker) -> WooVerzoek:
    verzoek = registreer(coordinator, ONTVANGEN, verzoeker_naam=VERZOEKER)
    services.behandelaar_toewijzen(verzoek=verzoek, behandelaar=behandelaar, door=coordinator)
    verzoek.refresh_from_db()
    assert verzoek.beslistermijn_einde == EINDE
    return verzoek


def _versturen(op: date, callbacks: Any) -> int:
    """One daily run; the mails go out when its transactions commit."""
    with callbacks(execute=True):
        return herinneringen_versturen(op=op)


def _soorten(verzoek: WooVerzoek) -> list[tuple[str, date]]:
    return sorted(verzoek.herinneringen.values_list("soort", "beslistermijn_einde"))


# --- which reminder on which day -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "soort"),
    [
        (date(2025, 3, 20), None),  # 7 working days left
        (date(2025, 3, 21), None),  # Friday: 6 working days left (24–28 March and the 31st)
        (date(2025, 3, 22), None),  # Saturday: still 6 left
        (date(2025, 3, 24), Herinneringssoort.VIJF_DAGEN),  # Monday: 5 left
        (date(2025, 3, 28), Herinneringssoort.VIJF_DAGEN),  # Friday: 1 left
        (date(2025, 3, 31), Herinneringssoort.EEN_DAG),  # the last day
        (date(2025, 4, 1), Herinneringssoort.VERLOPEN),
        (date(2025, 6, 1), Herinneringssoort.VERLOPEN),
    ],
)
def test_soort_herinnering_per_dag(op: date, soort: str | None) -> None:
    assert herinnering_soort(beslistermijn(ONTVANGEN, op=op)) == soort


def test_vijf_werkdagen_rekent_met_feestdagen() -> None:
    # Received Monday 24 March 2025: four weeks end on Easter Monday 21 April, so the term runs to
    # Tuesday 22 April (Atw art. 1). Good Friday 18 April and Easter Monday are no working days, so
    # on Thursday 10 April six are left (11, 14–17 and 22 April) and on Friday 11 April five.
    assert herinnering_soort(beslistermijn(date(2025, 3, 24), op=date(2025, 4, 10))) is None
    termijn = beslistermijn(date(2025, 3, 24), op=date(2025, 4, 11))
    assert termijn.einddatum == date(2025, 4, 22)
    assert termijn.werkdagen_over == 5
    assert herinnering_soort(termijn) == Herinneringssoort.VIJF_DAGEN


def test_herinnering_binnen_vijf_werkdagen_naar_behandelaar_en_coordinator(
    verzoek: WooVerzoek,
    behandelaar: Medewerker,
    coordinator: Medewerker,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    # Given the request six working days before its end: nothing yet
    assert _versturen(date(2025, 3, 21), django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []
    # When the daily run comes five working days before the end
    assert _versturen(date(2025, 3, 24), django_capture_on_commit_callbacks) == 1
    # Then the behandelaar and the coordinator each get one mail naming the request and the end
    assert sorted(bericht.to[0] for bericht in mailoutbox) == [behandelaar.email, coordinator.email]
    assert all(len(bericht.to) == 1 for bericht in mailoutbox)
    bericht = mailoutbox[0]
    assert verzoek.kenmerk in bericht.subject
    assert "31 maart 2025" in bericht.subject
    assert "maandag 31 maart 2025" in bericht.body
    assert "Nog 5 werkdagen" in bericht.body
    assert f"/werkplek/woo/verzoeken/{verzoek.kenmerk}/" in bericht.body
    assert "verdaag" in bericht.body.lower()
    # with no personal data of the requester
    assert VERZOEKER not in bericht.body
    assert "j.devries@example.org" not in bericht.body
    assert "&quot;" not in bericht.body  # plain text, not HTML-escaped
    # and it is recorded with its recipients, and logged as a processing by the system
    herinnering = Herinnering.objects.get()
    assert (herinnering.soort, herinnering.beslistermijn_einde) == (Herinneringssoort.VIJF_DAGEN, EINDE)
    assert herinnering.ontvangers == [behandelaar.email, coordinator.email]
    assert Logregel.objects.filter(naam="woo-verzoek.herinneren").count() == 1


def test_mail_is_platte_tekst(
    coordinator: Medewerker, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    # Given a subject with characters HTML would escape
    registreer(coordinator, ONTVANGEN, onderwerp='Kap & herplant "Lindenlaan"')
    assert _versturen(date(2025, 3, 24), django_capture_on_commit_callbacks) == 1
    # Then the plain-text mail shows them as they are
    assert 'Kap & herplant "Lindenlaan"' in mailoutbox[0].body
    assert "Dit verzoek heeft nog geen behandelaar." in mailoutbox[0].body


def test_elke_herinnering_gaat_een_keer_uit(
    verzoek: WooVerzoek, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    # Given the five-day reminder sent on Monday
    assert _versturen(date(2025, 3, 24), django_capture_on_commit_callbacks) == 1
    # When the run is repeated that day and on the days after
    assert _versturen(date(2025, 3, 24), django_capture_on_commit_callbacks) == 0
    assert _versturen(date(2025, 3, 25), django_capture_on_commit_callbacks) == 0
    assert _versturen(date(2025, 3, 28), django_capture_on_commit_callbacks) == 0
    # Then only the next kinds follow, each once
    assert _versturen(date(2025, 3, 31), django_capture_on_commit_callbacks) == 1
    assert _versturen(date(2025, 3, 31), django_capture_on_commit_callbacks) == 0
    assert _versturen(date(2025, 4, 1), django_capture_on_commit_callbacks) == 1
    assert _versturen(date(2025, 4, 2), django_capture_on_commit_callbacks) == 0
    assert _versturen(date(2025, 5, 1), django_capture_on_commit_callbacks) == 0
    assert _soorten(verzoek) == [
        (Herinneringssoort.EEN_DAG, EINDE),
        (Herinneringssoort.VERLOPEN, EINDE),
        (Herinneringssoort.VIJF_DAGEN, EINDE),
    ]
    assert len(mailoutbox) == 3 * 2
    onderwerpen = [bericht.subject for bericht in mailoutbox]
    assert any(o.startswith("Vandaag laatste dag") for o in onderwerpen)
    assert any(o.startswith("Beslistermijn verstreken") for o in onderwerpen)
    verlopen = next(b for b in mailoutbox if b.subject.startswith("Beslistermijn verstreken"))
    assert "Awb artikel 6:12" in verlopen.body


def test_gemiste_dag_wordt_ingehaald_met_alleen_de_dringendste(
    verzoek: WooVerzoek, django_capture_on_commit_callbacks: Any
) -> None:
    # Given no run at all until the term had lapsed (the server was down)
    assert _versturen(date(2025, 4, 3), django_capture_on_commit_callbacks) == 1
    # Then one reminder, the lapsed one, not three at once
    assert _soorten(verzoek) == [(Herinneringssoort.VERLOPEN, EINDE)]


def test_verdaging_geeft_nieuwe_herinneringen(
    verzoek: WooVerzoek,
    coordinator: Medewerker,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    # Given the five-day reminder for 31 March
    assert _versturen(date(2025, 3, 24), django_capture_on_commit_callbacks) == 1
    # When the term is extended by two weeks, to Monday 14 April (Woo art. 4.4 lid 2)
    services.verdaging_besluiten(
        verzoek=verzoek, reden=OMVANG, besloten_op=date(2025, 3, 25), door=coordinator
    )
    verzoek.refresh_from_db()
    assert verzoek.beslistermijn_einde == date(2025, 4, 14)
    # Then nothing on the old end date
    assert _versturen(date(2025, 3, 31), django_capture_on_commit_callbacks) == 0
    assert _versturen(date(2025, 4, 1), django_capture_on_commit_callbacks) == 0
    # and the reminders for the new end date come again
    assert _versturen(date(2025, 4, 7), django_capture_on_commit_callbacks) == 1
    assert _versturen(date(2025, 4, 14), django_capture_on_commit_callbacks) == 1
    assert _soorten(verzoek) == [
        (Herinneringssoort.EEN_DAG, date(2025, 4, 14)),
        (Herinneringssoort.VIJF_DAGEN, EINDE),
        (Herinneringssoort.VIJF_DAGEN, date(2025, 4, 14)),
    ]
    # the mail for the extended term does not advise to extend again
    laatste_vijf = [
        b for b in mailoutbox if "14 april 2025" in b.subject and b.subject.startswith("Herinnering")
    ]
    assert laatste_vijf
    assert "verdaag" not in laatste_vijf[0].body.lower()


def test_open_opschorting_geeft_geen_herinneringen(
    verzoek: WooVerzoek, coordinator: Medewerker, django_capture_on_commit_callbacks: Any
) -> None:
    # Given a zienswijze asked on 9 March, the clock stopped from 10 March and not started again
    services.zienswijze_opschorting_registreren(
        verzoek=verzoek, van=date(2025, 3, 10), reden=ZIENSWIJZE, door=coordinator
    )
    # Then no reminder, not before and not after the original end date
    for op in (date(2025, 3, 24), date(2025, 3, 31), date(2025, 4, 15)):
        assert _versturen(op, django_capture_on_commit_callbacks) == 0
    assert not Herinnering.objects.exists()
    # When the zienswijze arrives on 1 April, the clock runs again with 22 days added
    services.opschorting_beeindigen(verzoek=verzoek, tot=date(2025, 4, 1), door=coordinator)
    verzoek.refresh_from_db()
    assert verzoek.beslistermijn_einde is not None
    # Then the reminders follow the new end date
    assert _versturen(date(2025, 4, 15), django_capture_on_commit_callbacks) == 1
    assert _soorten(verzoek) == [(Herinneringssoort.VIJF_DAGEN, verzoek.beslistermijn_einde)]


def test_lopende_opschorting_met_bekend_einde_geeft_ook_geen_herinnering(
    verzoek: WooVerzoek, coordinator: Medewerker, django_capture_on_commit_callbacks: Any
) -> None:
    # Given a zienswijze from Friday 28 March until Wednesday 2 April: five days added, the term
    # ends on Saturday 5 April and so on Monday 7 April (Atw art. 1)
    services.zienswijze_opschorting_registreren(
        verzoek=verzoek, van=date(2025, 3, 28), tot=date(2025, 4, 2), reden=ZIENSWIJZE, door=coordinator
    )
    verzoek.refresh_from_db()
    assert verzoek.beslistermijn_einde == date(2025, 4, 7)
    # When the run comes on 31 March, inside the suspension: nothing, though counted on the calendar
    # only five working days are left
    assert herinnering_soort(termijn_van(verzoek, op=date(2025, 3, 31))) == Herinneringssoort.VIJF_DAGEN
    assert _versturen(date(2025, 3, 31), django_capture_on_commit_callbacks) == 0
    # Then on 2 April, when the clock runs again, the reminder comes
    assert _versturen(date(2025, 4, 2), django_capture_on_commit_callbacks) == 1
    assert _soorten(verzoek) == [(Herinneringssoort.VIJF_DAGEN, date(2025, 4, 7))]


@pytest.mark.parametrize("status", [Verzoekstatus.BESLOTEN, Verzoekstatus.INGETROKKEN])
def test_afgesloten_verzoek_krijgt_geen_herinnering(
    verzoek: WooVerzoek, status: str, django_capture_on_commit_callbacks: Any
) -> None:
    WooVerzoek.objects.filter(pk=verzoek.pk).update(status=status, besloten_op=date(2025, 3, 20))
    assert _versturen(date(2025, 4, 1), django_capture_on_commit_callbacks) == 0
    assert not Herinnering.objects.exists()


# --- recipients --------------------------------------------------------------------------------------


def test_ontvangers_zonder_dubbelen_en_alleen_actieve_coordinatoren(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    # Given a second coordinator with the first one's address in capitals, one who left, one without
    # an address, and a colleague with another role
    MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR], email="COORDINATOR@gemeente.example")
    vertrokken = _medewerker(rollen=[Rol.WOO_COORDINATOR], email="vertrokken@gemeente.example")
    vertrokken.is_active = False
    vertrokken.save(update_fields=["is_active"])
    MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR], email="")
    MedewerkerFactory(rollen=[Rol.CONTROLLER], email="controller@gemeente.example")
    tweede = _medewerker(rollen=[Rol.WOO_COORDINATOR], email="tweede@gemeente.example")
    # Then the behandelaar first, then each active coordinator's address once
    ontvangers = ontvangers_van(verzoek)
    assert ontvangers[0] == behandelaar.email
    assert sorted(adres.lower() for adres in ontvangers[1:]) == sorted([coordinator.email, tweede.email])


def test_coordinator_als_behandelaar_krijgt_een_mail(
    verzoek: WooVerzoek,
    coordinator: Medewerker,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    services.behandelaar_toewijzen(verzoek=verzoek, behandelaar=coordinator, door=coordinator)
    verzoek.refresh_from_db()
    assert ontvangers_van(verzoek) == [coordinator.email]
    assert _versturen(date(2025, 3, 24), django_capture_on_commit_callbacks) == 1
    assert [bericht.to for bericht in mailoutbox] == [[coordinator.email]]


def test_vertrokken_behandelaar_krijgt_geen_mail(
    verzoek: WooVerzoek, behandelaar: Medewerker, coordinator: Medewerker
) -> None:
    behandelaar.is_active = False
    behandelaar.save(update_fields=["is_active"])
    verzoek.refresh_from_db()
    assert ontvangers_van(verzoek) == [coordinator.email]


def test_zonder_ontvangers_wordt_niets_vastgelegd_en_later_ingehaald(
    coordinator: Medewerker, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    # Given a request without behandelaar while no coordinator has an e-mail address
    verzoek = registreer(coordinator, ONTVANGEN)
    coordinator.email = ""
    coordinator.save(update_fields=["email"])
    # Then nothing is sent nor recorded
    assert _versturen(date(2025, 3, 24), django_capture_on_commit_callbacks) == 0
    assert not Herinnering.objects.exists()
    # and once a coordinator can be reached, the next run sends it
    MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR], email="nieuw@gemeente.example")
    assert _versturen(date(2025, 3, 25), django_capture_on_commit_callbacks) == 1
    assert _soorten(verzoek) == [(Herinneringssoort.VIJF_DAGEN, EINDE)]
    assert [bericht.to for bericht in mailoutbox] == [["nieuw@gemeente.example"]]


def test_niets_verstuurd_voor_de_commit(
    verzoek: WooVerzoek, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert herinneringen_versturen(op=date(2025, 3, 24)) == 1
    assert mailoutbox == []
    assert len(callbacks) == 2


def test_meerdere_verzoeken_in_een_run(
    verzoek: WooVerzoek, coordinator: Medewerker, django_capture_on_commit_callbacks: Any
) -> None:
    # Given a second request received a week later, and a third far from its end
    tweede = registreer(coordinator, date(2025, 3, 10))
    registreer(coordinator, date(2025, 3, 31))
    # When the run comes on 1 April: the first has lapsed, the second is five days away (7 April)
    assert _versturen(date(2025, 4, 1), django_capture_on_commit_callbacks) == 2
    assert _soorten(verzoek) == [(Herinneringssoort.VERLOPEN, EINDE)]
    assert _soorten(tweede) == [(Herinneringssoort.VIJF_DAGEN, date(2025, 4, 7))]


# --- the command -------------------------------------------------------------------------------------


def test_commando_met_datum(verzoek: WooVerzoek, django_capture_on_commit_callbacks: Any) -> None:
    uitvoer = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("woo_herinneringen", "--datum", "2025-03-24", stdout=uitvoer)
    assert uitvoer.getvalue().strip() == "1 herinnering(en) verstuurd."
    uitvoer = StringIO()
    call_command("woo_herinneringen", "--datum", "2025-03-24", stdout=uitvoer)
    assert uitvoer.getvalue().strip() == "0 herinnering(en) verstuurd."


def test_commando_met_verkeerde_datum(verzoek: WooVerzoek) -> None:
    with pytest.raises(CommandError):
        call_command("woo_herinneringen", "--datum", "24-03-2025", stdout=StringIO())
    assert not Herinnering.objects.exists()


def test_commando_zonder_datum_neemt_vandaag(
    verzoek: WooVerzoek, django_capture_on_commit_callbacks: Any
) -> None:
    # The request of March 2025 has long lapsed today
    uitvoer = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("woo_herinneringen", stdout=uitvoer)
    assert uitvoer.getvalue().strip() == "1 herinnering(en) verstuurd."
    assert _soorten(verzoek) == [(Herinneringssoort.VERLOPEN, EINDE)]


def test_commando_in_de_wachtrij(verzoek: WooVerzoek, django_capture_on_commit_callbacks: Any) -> None:
    uitvoer = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("woo_herinneringen", "--wachtrij", stdout=uitvoer)
    assert "wachtrij" in uitvoer.getvalue()
    # The immediate task backend ran the task on commit, with today as the day
    assert _soorten(verzoek) == [(Herinneringssoort.VERLOPEN, EINDE)]


def test_commando_wachtrij_met_datum_wordt_geweigerd(verzoek: WooVerzoek) -> None:
    with pytest.raises(CommandError, match="--datum"):
        call_command("woo_herinneringen", "--wachtrij", "--datum", "2025-03-24", stdout=StringIO())
    assert not Herinnering.objects.exists()


def test_commando_help_zegt_hoe_in_te_plannen() -> None:
    from raadhuis.woo.management.commands.woo_herinneringen import Command

    for woord in ("cron", "systemd", "--wachtrij"):
        assert woord in Command.help
