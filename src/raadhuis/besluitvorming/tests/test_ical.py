"""iCalendar feeds (RFC 5545), parsed back with the icalendar package."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from raadhuis.besluitvorming.models import Vergadering
from raadhuis.besluitvorming.tests.factories import AgendapuntFactory, OrgaanFactory, VergaderingFactory
from raadhuis.besluitvorming.tests.publiek_hulp import openbare_vergadering, scenario

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _kalender(client, url: str) -> Calendar:
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(antwoord.content)


def _events(kalender: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in kalender.walk("VEVENT")}


def test_feed_is_geldig_rfc_5545_met_verplichte_eigenschappen(client):
    s = scenario()

    kalender = _kalender(client, reverse("besluitvorming:vergaderingen_ical"))

    assert kalender["VERSION"] == "2.0"
    assert kalender["PRODID"]
    events = kalender.walk("VEVENT")
    assert len(events) == 2
    for event in events:
        # RFC 5545 section 3.6.1: UID and DTSTAMP are required, DTSTART for a PUBLISH calendar.
        assert event["UID"]
        assert event.decoded("DTSTAMP").tzinfo is not None
        assert event.decoded("DTSTART").tzinfo is not None
        assert event["SUMMARY"]
        assert event["URL"].startswith("http://testserver/bestuur/vergaderingen/")
    uid = f"vergadering-{s.vergadering.pk}@testserver"
    event = _events(kalender)[uid]
    assert event.decoded("DTSTART") == s.vergadering.begin.replace(microsecond=0)
    assert event.decoded("DTEND") == s.vergadering.einde.replace(microsecond=0)
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert str(event["LOCATION"]) == s.vergadering.locatie
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "Woningbouw Keijzershof" in str(event["DESCRIPTION"])
    assert "Grondaankoop" not in str(event["DESCRIPTION"])
    assert [str(tz["TZID"]) for tz in kalender.walk("VTIMEZONE")] == ["Europe/Amsterdam"]


def test_uid_is_stabiel_tussen_opvragingen(client):
    s = scenario()

    eerste = _events(_kalender(client, reverse("besluitvorming:vergaderingen_ical")))
    tweede = _events(_kalender(client, reverse("besluitvorming:vergaderingen_ical")))

    assert eerste.keys() == tweede.keys()
    assert f"vergadering-{s.besloten_vergadering.pk}@testserver" in eerste


def test_besloten_vergadering_staat_erin_zonder_agenda(client):
    s = scenario()

    event = _events(_kalender(client, reverse("besluitvorming:vergaderingen_ical")))[
        f"vergadering-{s.besloten_vergadering.pk}@testserver"
    ]

    assert "besloten" in str(event["SUMMARY"])
    assert "Personele aangelegenheid" not in event.to_ical().decode()


def test_geannuleerde_vergadering_heeft_status_cancelled(client):
    VergaderingFactory(status=Vergadering.Status.GEANNULEERD)

    (event,) = _kalender(client, reverse("besluitvorming:vergaderingen_ical")).walk("VEVENT")

    assert str(event["STATUS"]) == "CANCELLED"


def test_feed_per_orgaan_bevat_alleen_dat_orgaan(client):
    raad = OrgaanFactory()
    commissie = OrgaanFactory(commissie=True)
    vergadering = openbare_vergadering_van(raad)
    VergaderingFactory(orgaan=commissie)

    kalender = _kalender(client, reverse("besluitvorming:orgaan_vergaderingen_ical", args=[raad.slug]))

    assert list(_events(kalender)) == [f"vergadering-{vergadering.pk}@testserver"]
    assert raad.naam in str(kalender["X-WR-CALNAME"])


def openbare_vergadering_van(orgaan):
    vergadering = VergaderingFactory(orgaan=orgaan, agenda_gepubliceerd_op=timezone.now())
    AgendapuntFactory(vergadering=vergadering, titel="Vaststelling agenda")
    return vergadering


def test_onbekend_orgaan_geeft_404(client, db):
    assert (
        client.get(reverse("besluitvorming:orgaan_vergaderingen_ical", args=["bestaat-niet"])).status_code
        == 404
    )


def test_oude_vergaderingen_vallen_buiten_de_feed(client):
    VergaderingFactory(begin=timezone.now() - dt.timedelta(days=400))

    assert _kalender(client, reverse("besluitvorming:vergaderingen_ical")).walk("VEVENT") == []


def test_vergadering_zonder_einde_heeft_geen_dtend(client):
    from raadhuis.besluitvorming.tests.factories import raad_met_leden

    openbare_vergadering(raad_met_leden((1,)), einde=None)

    (event,) = _kalender(client, reverse("besluitvorming:vergaderingen_ical")).walk("VEVENT")

    assert "DTEND" not in event


def test_ongepubliceerde_agenda_staat_niet_in_de_feed(client):
    vergadering = VergaderingFactory(agenda_gepubliceerd_op=None)
    AgendapuntFactory(vergadering=vergadering, titel="Concept: herindeling")

    (event,) = _kalender(client, reverse("besluitvorming:vergaderingen_ical")).walk("VEVENT")

    assert "herindeling" not in event.to_ical().decode()
    assert "nog niet gepubliceerd" in str(event["DESCRIPTION"])
